"""Where each part of an operation's test case comes from in the document, and the synthesized value
the generation-time proof (proof.py) tries when the part's value fails on the wire: it goes into the
tests' example tables (example_tables.py), by operationId and part.

A part is named as the proof names it: "query:limit" (a parameter: location and wire name), "body",
"reply:404" (a documented status key).
"""

from __future__ import annotations

import json
from typing import Any

from ..parse.ir import Operation, Parameter, Response
from ..ground.pointers import follow_refs, join_pointer
from ..parse.operations import HTTP_METHODS
from ..parse.version32 import path_operations
from ..parse.example_source import BODY_PART, parameter_part, reply_part
from .example_tables import ExampleTables
from .examples import ExampleMaker, Purpose, to_json_text


class Places:
    """The document's nodes behind an operation's parameters, body and replies."""

    def __init__(self, document: dict[str, Any], examples: ExampleMaker, tables: ExampleTables) -> None:
        self.document = document
        self.examples = examples
        self.tables = tables  # the tests' example values, which the replacements rewrite
        self.replaced: dict[tuple[str, str], str | None] = {}  # what the replacements overwrote (None: no value)

    def operation(self, operation: Operation) -> tuple[str, dict[str, Any], dict[str, Any]]:
        """(pointer, operation node, path item) of an IR operation ({} when the document has none)."""
        item_pointer = join_pointer("#/paths", operation.path)
        item = follow_refs(self.document, (self.document.get("paths") or {}).get(operation.path))
        if isinstance(item, dict):
            for method, node, pointer in path_operations(item, item_pointer, HTTP_METHODS):
                if method.upper() == operation.method.upper():
                    return pointer, node, item
        return item_pointer, {}, item if isinstance(item, dict) else {}

    def parameter(self, operation: Operation, parameter: Parameter) -> tuple[str, Any]:
        """(pointer of the parameter entry, its schema) as the parser chose them (the operation's own
        entry over the path item's; a `content` parameter's first media type)."""
        pointer, node, item = self.operation(operation)
        found: tuple[str, Any] = (pointer, None)
        for owner, base in ((item, join_pointer("#/paths", operation.path)), (node, pointer)):
            for index, entry in enumerate(owner.get("parameters") or []):
                resolved = follow_refs(self.document, entry)
                if not isinstance(resolved, dict) or str(resolved.get("in")) != parameter.location:
                    continue
                name = str(resolved.get("name"))
                same = name.lower() == parameter.wire_name.lower() if parameter.location == "header" else name == parameter.wire_name
                if same:
                    schema = resolved.get("schema")
                    if schema is None and isinstance(resolved.get("content"), dict) and resolved["content"]:
                        media = next(iter(resolved["content"].values()))
                        schema = media.get("schema") if isinstance(media, dict) else None
                    found = (join_pointer(join_pointer(base, "parameters"), index), schema)
        return found

    def body(self, operation: Operation) -> tuple[str, Any]:
        """(pointer of the body's media type object, its schema)."""
        pointer, node, _ = self.operation(operation)
        body_pointer = join_pointer(pointer, "requestBody")
        body = follow_refs(self.document, node.get("requestBody"))
        if operation.body is None or not isinstance(body, dict):
            return body_pointer, None
        return self._media(body, join_pointer(body_pointer, "content"), operation.body.content_type)

    def reply(self, operation: Operation, status: str) -> tuple[str, Any]:
        """(pointer of the reply's media type object, its schema) for a documented status key."""
        pointer, node, _ = self.operation(operation)
        raw = node.get("responses")
        responses: dict[str, Any] = raw if isinstance(raw, dict) else {}
        key = next((key for key in responses if str(key).upper() == status.upper()), status)
        reply_pointer = join_pointer(join_pointer(pointer, "responses"), key)
        response = self.response(operation, status)
        resolved = follow_refs(self.document, responses.get(key))
        if response is None or not isinstance(resolved, dict):
            return reply_pointer, None
        return self._media(resolved, join_pointer(reply_pointer, "content"), response.content_type)

    def _media(self, holder: dict[str, Any], content_pointer: str, media_type: str) -> tuple[str, Any]:
        content = holder.get("content")
        media = content.get(media_type) if isinstance(content, dict) else None
        if not isinstance(media, dict):
            return content_pointer, None
        return join_pointer(content_pointer, media_type), media.get("schema")

    @staticmethod
    def response(operation: Operation, status: str) -> Response | None:
        return next((item for item in operation.responses + operation.errors if item.status == status), None)

    # -- replacements

    def replacement(self, operation: Operation, part: str, attempt: int) -> str | None:
        """Replaces the part's value in the tables, and says what the new value is in words; None
        when there is nothing (more) to try. A body or reply first loses its optional members (one of
        them is usually what fails: an array of objects in a form), then is synthesized whole."""
        if attempt == 0 and (part == "body" or part.startswith("reply:")) and self._reduced(operation, part):
            return "the example without its optional members"
        if attempt > 1 or (attempt == 1 and part != "body" and not part.startswith("reply:")):
            return None
        return "a synthesized value" if self.synthesized(operation, part) else None

    def _reduced(self, operation: Operation, part: str) -> bool:
        """The body's or reply's example with only the members its schema requires, when that differs."""
        if part == "body":
            if operation.body is None or operation.body.kind not in ("json", "form", "multipart"):
                return False
            _, schema = self.body(operation)
            return self._set(operation, BODY_PART, _required_only(self.document, schema, json.loads(self.tables.value(operation.operation_id, BODY_PART))))
        response = self.response(operation, part[len("reply:") :])
        if response is None or response.kind != "json":
            return False
        _, schema = self.reply(operation, response.status)
        key = reply_part(response.status)
        return self._set(operation, key, _required_only(self.document, schema, json.loads(self.tables.value(operation.operation_id, key))))

    def synthesized(self, operation: Operation, part: str) -> bool:
        """Replaces the part's example by a synthesized value; False when there is none to try (no
        schema, nothing else synthesized, or the same value again)."""
        if part == "body" and operation.body is not None:
            _, schema = self.body(operation)
            kind = operation.body.kind
            return self._set_text(operation, BODY_PART, self._fresh(schema, "request", self.tables.value(operation.operation_id, BODY_PART), object_only=kind in ("form", "multipart")))
        if part.startswith("reply:"):
            response = self.response(operation, part[len("reply:") :])
            if response is None or response.kind not in ("json", "xml", "text"):
                return False
            _, schema = self.reply(operation, response.status)
            key = reply_part(response.status)
            return self._set_text(operation, key, self._fresh(schema, "response", self.tables.value(operation.operation_id, key)))
        parameter = self.parameter_of(operation, part)
        if parameter is None:
            return False
        _, schema = self.parameter(operation, parameter)
        key = parameter_part(parameter.location, parameter.wire_name)
        return self._set_text(operation, key, self._fresh(schema, "parameter", self.tables.value(operation.operation_id, key)))

    def _set(self, operation: Operation, part: str, value: dict[str, Any] | None) -> bool:
        return self._set_text(operation, part, None if value is None else to_json_text(value))

    def _set_text(self, operation: Operation, part: str, text: str | None) -> bool:
        if text is None:
            return False
        key = (operation.operation_id, part)
        self.replaced.setdefault(key, self.tables.values.get(key))
        self.tables.values[key] = text
        return True

    def restore(self) -> None:
        """Puts back the values the replacements overwrote since the last `restore` or `keep`."""
        for key, text in self.replaced.items():
            if text is None:
                self.tables.values.pop(key, None)
            else:
                self.tables.values[key] = text
        self.replaced.clear()

    def keep(self) -> None:
        self.replaced.clear()

    @staticmethod
    def parameter_of(operation: Operation, part: str) -> Parameter | None:
        location, _, name = part.partition(":")
        for parameter in operation.parameters:
            if parameter.location == location and (parameter.wire_name.lower() == name.lower() if location == "header" else parameter.wire_name == name):
                return parameter
        return None

    def _fresh(self, schema: Any, purpose: Purpose, current: str, object_only: bool = False) -> str | None:
        """JSON text of a synthesized value other than `current` (the first two variants are tried)."""
        if schema is None:
            return None
        for variant in (0, 1):
            value = self.examples.synthesized(schema, purpose, variant)
            if value is None or (object_only and not isinstance(value, dict)):
                return None
            text = to_json_text(value)
            if json.loads(text) != json.loads(current):
                return text
        return None


def _required_only(document: dict[str, Any], schema: Any, example: Any) -> dict[str, Any] | None:
    """`example` (an object) with only the members `schema` requires (its own `required` and its
    allOf parts'), or None when that leaves nothing out or the schema says nothing of it."""
    if not isinstance(example, dict) or not isinstance(follow_refs(document, schema), dict):
        return None
    required: set[str] = set()
    stack, seen = [schema], 0
    while stack and seen < 64:  # allOf chains are short; the bound keeps a cycle finite
        node = follow_refs(document, stack.pop())
        seen += 1
        if isinstance(node, dict):
            required.update(name for name in node.get("required") or [] if isinstance(name, str))
            parts = node.get("allOf")
            stack.extend(parts if isinstance(parts, list) else [])
    kept = {key: value for key, value in example.items() if key in required}
    return kept if len(kept) < len(example) else None
