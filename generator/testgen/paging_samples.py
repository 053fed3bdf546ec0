"""Values the generated two-page walk needs that the document's examples may not give: an item of the
list (when the documented reply's list is empty) and a cursor that both the reply field and the request
parameter accept (patterns, lengths, formats), checked with the validator the contract tests run.
"""

from __future__ import annotations

from typing import Any

from ..parse.ir import NONE, Operation, Pagination, TypeRef, UnionType
from .example_tables import PageSamples
from .examples import ExampleMaker, to_json_text

_FALLBACK_CURSOR = "cursor-2"


class PagingSamples:
    def __init__(self, examples: ExampleMaker) -> None:
        self.examples = examples
        self.converter = examples.converter

    def fill(self, pagination: Pagination, node: dict[str, Any], operation: Operation, parameter_schema: dict[str, Any]) -> PageSamples:
        reply = next((response for response in operation.responses if response.kind == "json"), None)
        page_schema = self._reply_schema(node, reply.status, reply.content_type) if reply is not None else None
        items_schema = self._items_schema(page_schema, self._wire(reply.type if reply else None, pagination.items))
        item = self.examples.for_schema(items_schema, "response") if items_schema is not None else None
        token: Any = None
        if pagination.style == "cursor":
            if pagination.cursor_from_item is not None:
                field_schema = self._at(items_schema, self._wire(pagination.item_type, pagination.cursor_from_item))
            else:
                field_schema = self._at(page_schema, self._wire(reply.type if reply else None, pagination.next_cursor or ()))
            token = self._cursor(field_schema, parameter_schema)
        listed = self.converter.resolve(self._at(page_schema, self._wire(reply.type if reply else None, pagination.items)))
        unique = isinstance(listed, dict) and listed.get("uniqueItems") is True
        return PageSamples(to_json_text(item), to_json_text(token), unique)

    def _cursor(self, field_schema: Any, parameter_schema: dict[str, Any]) -> list[Any]:
        """Two different cursors both schemas accept (the second None when no other is found): the
        field's example, the parameter's, synthesized variants, plain words."""
        candidates = [
            self.examples.for_schema(field_schema, "response"),
            self.examples.for_schema(parameter_schema, "parameter"),
            self.examples.for_schema(field_schema, "response", variant=1),
            self.examples.for_schema(parameter_schema, "parameter", variant=1),
            _FALLBACK_CURSOR, "cursor-1", 2, 1,
        ]
        usable = [value for value in candidates if isinstance(value, (str, int)) and not isinstance(value, bool) and value != ""]
        fitting = [
            value for value in dict.fromkeys(usable)
            if not (field_schema is not None and self.examples.violates(field_schema, value, "response"))
            and not self.examples.violates(parameter_schema, value, "parameter")
        ]
        if fitting:
            return [fitting[0], fitting[1] if len(fitting) > 1 else None]
        return [usable[0] if usable else _FALLBACK_CURSOR, None]

    def _reply_schema(self, node: dict[str, Any], status: str, content_type: str) -> Any:
        responses = node.get("responses") or {}
        for key, response in responses.items():
            if str(key).upper() != status.upper() and not (status == "default" and str(key).lower() == "default"):
                continue
            content = self.converter.resolve(response).get("content") if isinstance(self.converter.resolve(response), dict) else None
            media = content.get(content_type) if isinstance(content, dict) else None
            if isinstance(media, dict):
                return media.get("schema")
        return None

    def _wire(self, type_ref: Any, path: tuple[str, ...]) -> list[str] | None:
        """Python attribute names along the reply's models -> wire names (None when one is unknown)."""
        wire: list[str] = []
        current = type_ref
        for name in path:
            model = self._model(current)
            found = next((item for item in model.fields if item.name == name), None) if model is not None else None
            if found is None:
                return None
            wire.append(found.wire_name)
            current = found.type
        return wire

    def _model(self, type_ref: TypeRef | None) -> Any:
        if isinstance(type_ref, UnionType):
            options = [option for option in type_ref.options if option != NONE]
            type_ref = options[0] if len(options) == 1 else None
        return self.converter.model_for(type_ref) if type_ref is not None else None

    def _at(self, schema: Any, wire: list[str] | None) -> Any:
        if wire is None:
            return None
        for name in wire:
            resolved = self.converter.resolve(schema)
            if not isinstance(resolved, dict):
                return None
            schema = self.converter.properties_of(resolved).get(name)
            if schema is None:
                return None
        return schema

    def _items_schema(self, page_schema: Any, wire: list[str] | None) -> Any:
        """The schema of one item: of the list at `wire` in the reply (the reply itself when empty)."""
        listed = self.converter.resolve(self._at(page_schema, wire))
        if not isinstance(listed, dict):
            return None
        if isinstance(listed.get("items"), dict):
            return listed["items"]
        for keyword in ("oneOf", "anyOf"):
            for option in listed.get(keyword) or []:
                resolved = self.converter.resolve(option)
                if isinstance(resolved, dict) and isinstance(resolved.get("items"), dict):
                    return resolved["items"]
        return None
