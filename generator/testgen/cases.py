"""The test cases of one operation: its example call, the request it must send, the replies and their checks."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from collections.abc import Mapping
from typing import Any, cast

from ..parse.ir import (
    NONE,
    Api,
    DictType,
    ListType,
    LiteralType,
    NamedType,
    Operation,
    Primitive,
    Resource,
    Response,
    TypeRef,
    UnionType,
)
from ..ground.escaping import ident, literal
from ..parse.signatures import expected_deprecations
from ..parse.signatures import has_body_overloads, type_text
from .typed_values import TypedValues
from .stream_cases import expected_items, frames_source, stream_example_items, stream_frames, stream_note
from .call_source import is_a as _is_a, keywords as _keywords
from ..parse.example_source import BODY_PART, parameter_part, reply_part
from .example_tables import ExampleTables
from .proven import ProofNote
from .paging import paging_test
from .views import StreamTest, AdditionsTest, Argument, CallCase, OperationTest, PagingTest, Reply, MAX_CHECKED_ITEMS, error_class, source
from .wire import base64_bytes, body_on_wire, bytes_source, concrete_json_type, concrete_status, fits_primitive, model_name, param_wire, parse_date, parse_datetime, required_in_model, snake_name


def _credential_schemes(api: Api) -> set[str]:
    return {scheme.key for scheme in api.security_schemes if scheme.kind != "custom" and (scheme.arguments or scheme.shares)}


def expected_security(api: Api, operation: Operation) -> tuple[str, ...] | None:
    """The security alternative the client satisfies (mirrors the runtime's choice); None if none can be."""
    requirements = operation.security
    if not requirements:
        return ()
    available = _credential_schemes(api)
    for alternative in requirements:
        if alternative and all(name in available for name in alternative):
            return alternative
    if () in requirements:
        return ()
    return None


class CaseMaker(TypedValues):
    """The cases of each operation, built from the document's example values (typed_values.py)."""

    def __init__(
        self,
        api: Api,
        relaxed: Mapping[str, tuple[str, ...]] | None = None,
        proof: Mapping[str, tuple[ProofNote, ...]] | None = None,
        examples: ExampleTables | None = None,
    ) -> None:
        super().__init__(api)
        self.examples = examples if examples is not None else ExampleTables()  # every example value (example_tables.py)
        self.relaxed = relaxed or {}  # by operationId: the schemas its tests validate relaxed, in words (testplan.py)
        self.proof = proof if proof is not None else {}  # by operationId: what the proof changed in its tests (proven.py)

    # -- the example call

    def arguments(self, operation: Operation, drop: str | None = None) -> tuple[list[Argument], dict[str, dict[str, Any]], Any, list[str]]:
        """Arguments, expected parameters by location, expected wire body, notes."""
        case = self.call_case(operation, drop)
        return list(case.arguments), case.expected, case.body_expected, list(case.notes)

    def example(self, operation: Operation, part: str, given: Mapping[str, Any] | None = None) -> Any:
        """The part's example value: `given`'s (by part) over the tables'."""
        if given is not None and part in given:
            return given[part]
        return json.loads(self.examples.value(operation.operation_id, part))

    def call_case(self, operation: Operation, drop: str | None = None, given: Mapping[str, Any] | None = None) -> CallCase:
        """The example call (without the argument named `drop`) and what it must put on the wire;
        `given` replaces the examples of some parts (by part: "query:page", "body").

        Parts the generation-time proof left out (proof.py) are not sent."""
        left_out = {note.part for note in self.proof.get(operation.operation_id, ()) if note.left_out}
        positional: list[Argument] = []
        keyword: list[Argument] = []
        expected: dict[str, dict[str, Any]] = {"path": {}, "query": {}, "header": {}, "cookie": {}}
        notes: list[str] = []
        for parameter in operation.parameters:
            if parameter.location == "querystring":
                notes.append(f"querystring parameter {parameter.wire_name!r} is not sent: the contract checks read no OpenAPI 3.2 querystring (the runtime's tests check its serialization)")
                continue
            example = self.repair(parameter.type, self.example(operation, parameter_part(parameter.location, parameter.wire_name), given))
            if example is None:
                example = self.placeholder(parameter.type)
            if example is None and not parameter.required:
                continue
            if parameter.name == drop or f"{parameter.location}:{parameter.wire_name}" in left_out:
                continue
            text, wire = self.value(parameter.type, example)
            if parameter.location == "path":
                positional.append(Argument(text))
            else:
                keyword.append(Argument(f"{ident(parameter.name)}={text}"))
            expected[parameter.location][parameter.wire_name] = param_wire(parameter, wire)
        body_wire: Any = None
        body = operation.body
        if body is not None and "body" in left_out and not body.fields:
            body = None
        if body is not None:
            # A body left out whose members are keyword arguments: the call gives none of them, and
            # the client still sends the (empty) body of its kind.
            example = {} if "body" in left_out else self.repair(body.type, self.example(operation, BODY_PART, given))
            if body.kind == "xml":
                example = self.xml.writable(example, body.xml_shape)
            if body.fields:
                given = example if isinstance(example, dict) else {}
                wire_fields: dict[str, Any] = {}
                for body_field in body.fields:
                    if operation.stream_flag is not None and body_field.name == operation.stream_flag.name:
                        continue  # the example call asks for JSON; the stream test passes the flag itself
                    if body_field.name == drop:
                        continue  # the walk's page, when it travels in the body
                    if body_field.wire_name in given:
                        item = given[body_field.wire_name]
                    elif body_field.required or (
                        # the overloads type a call as "body=" or "every required field": none of an optional body is neither
                        (body.model is None or has_body_overloads(operation)) and required_in_model(self.models.get(model_name(body.type)), body_field.wire_name)
                    ):
                        item = self.placeholder(body_field.type)
                        notes.append(f"no example for body field {body_field.wire_name!r}: a placeholder is sent")
                    else:
                        continue
                    if body_field.is_file:
                        text, wire = self.file_value(body_field.type, item)
                        keyword.append(Argument(f"{ident(body_field.name)}={text}"))
                        wire_fields[body_field.wire_name] = wire
                        continue
                    text, wire = self.value(body_field.type, item)
                    keyword.append(Argument(f"{ident(body_field.name)}={text}"))
                    wire_fields[body_field.wire_name] = wire
                body_wire = body_on_wire(body.kind, wire_fields)
            elif body.model is not None and body.model in self.models:
                given = example if isinstance(example, dict) else {}
                keyword.append(Argument(f"body=models.{ident(body.model)}.model_validate({literal(given)})"))
                body_wire = body_on_wire(body.kind, self.model_wire(self.models[body.model], given))
            elif example is not None or body.required:
                if example is None:
                    example = self.placeholder(body.type)
                text, wire = self.value(body.type, example)
                keyword.append(Argument(f"body={text}"))
                body_wire = body_on_wire(body.kind, wire)
        body_sent = body_wire
        if body is not None and body.kind == "xml" and body_wire is not None:
            body_wire = self.xml.read_back(body_wire, body.xml_shape)  # what the contract's XML reader finds
        return CallCase(tuple(positional + keyword), expected, body_sent, body_wire, tuple(notes))

    def operation(self, resource: Resource, operation: Operation) -> OperationTest:
        case = self.call_case(operation)
        arguments, expected, body_wire = list(case.arguments), case.expected, case.body_expected
        proven = self.proof.get(operation.operation_id, ())
        proof = {note.part: note for note in proven}
        notes = list(self.relaxed.get(operation.operation_id, ())) + [note.reason for note in proven] + list(case.notes)
        upper = operation.name.upper()
        successes: list[Reply] = []
        for index, response in enumerate(operation.responses):
            status = concrete_status(response.status, operation, success=True)
            name = f"test_{operation.name}" if index == 0 else f"test_{operation.name}_{response.status.lower()}"
            successes.append(_skipped(self.reply(response, status, f"{upper}_{response.status.upper()}", "result", name, operation_id=operation.operation_id), proof.get(f"reply:{response.status}")))
        if not successes:
            successes.append(Reply(200, "", "none", "", "", "", (), test_name=f"test_{operation.name}"))
        security = expected_security(self.api, operation)
        oauth = {scheme.key for scheme in self.api.security_schemes if scheme.kind.startswith("oauth2_")}
        uses_oauth = bool(security and oauth.intersection(security))
        errors: list[Reply] = []
        for response in operation.errors:
            status = concrete_status(response.status, operation, success=False)
            klass = error_class(status)
            name = f"test_{operation.name}_{response.status.lower()}_{snake_name(klass)}"
            reply = self.reply(response, status, f"{upper}_{response.status.upper()}", "body", name, klass, operation.operation_id)
            if status == 401 and uses_oauth:
                reply = replace(reply, attempts=2)
            errors.append(_skipped(reply, proof.get(f"reply:{response.status}")))
        body = operation.body
        paging = self.paging(resource, operation)
        if paging is not None and "paging" in proof:
            paging = replace(paging, skip=proof["paging"].reason)
        stream_test = self.stream_test(operation, arguments, upper)
        if stream_test is not None and "stream" in proof:
            stream_test = replace(stream_test, reply=replace(stream_test.reply, skip=proof["stream"].reason))
        return OperationTest(
            operation=operation,
            resource=resource,
            method_path=".".join(ident(part) for part in (*(resource.path or (resource.name,)), operation.name)),
            arguments=tuple(arguments),
            returns=f"builtins.list[{type_text(operation.stream.item)}]" if operation.always_streams and operation.stream else type_text(operation.return_type),
            returns_none=operation.return_type == NONE and not operation.always_streams,
            expected_path=source(expected["path"]),
            expected_query=source(expected["query"]),
            expected_headers=source(expected["header"]),
            expected_cookies=source(expected["cookie"]),
            expected_content_type=literal(body.sent_type.split(";")[0].strip().lower() if body is not None and body_wire is not None else None),
            expected_body=source(body_wire),
            expected_security="None" if security is None else literal(tuple(security)),
            successes=tuple(successes),
            errors=tuple(errors),
            paging=paging,
            additions=self.additions(operation) if not successes[0].skip else None,  # it sends the same body
            notes=tuple(notes + _media_notes(operation)),
            deprecations=expected_deprecations(resource.name, operation, _keywords(arguments)),
            streams=operation.always_streams,
            stream_test=stream_test,
            case=case,
            skip=proof["call"].reason if "call" in proof else "",
        )

    def stream_test(self, operation: Operation, arguments: list[Argument], upper: str) -> StreamTest | None:
        flag = operation.stream_flag
        response = next((item for item in operation.responses if item.stream is not None), None)
        if flag is None or response is None or response.stream is None:
            return None
        status = concrete_status(response.status, operation, success=True)
        reply = self.stream_reply(response, status, f"{upper}_{response.status.upper()}_STREAM", f"test_{operation.name}_stream", operation.operation_id)
        return StreamTest((*arguments, Argument(f"{ident(flag.name)}=True")), f"builtins.list[{type_text(response.stream.item)}]", reply)

    def stream_reply(self, response: Response, status: int, constant: str, test_name: str, operation_id: str = "") -> Reply:
        stream = response.stream
        assert stream is not None
        examples = stream_example_items(stream, self.examples.streams.get((operation_id, response.status), "[]"))
        items = [self.repair(stream.item, item) for item in examples] if stream.validated else examples
        body = stream_frames(stream, items)
        checks = [f"assert len(result) == {len(items)}"]
        for index, (item, expected) in enumerate(zip(items, expected_items(stream, items))):
            target = f"result[{index}]"
            if stream.validated:
                checks += self.checks(stream.item, item, target)
            elif stream.framing == "sse" and stream.sse_items != "text":
                checks.append(f"assert {target}.data == {literal(expected['data'])}")
            else:
                checks.append(f"assert {target} == {literal(expected)}")
        return Reply(status, response.status, "stream", ident(constant), frames_source(body), stream.media_type, tuple(checks), "", test_name, body=body)

    # -- replies and the checks on what the client parsed from them

    def reply(self, response: Response, status: int, constant: str, target: str, test_name: str, klass: str = "", operation_id: str = "") -> Reply:
        text = self.examples.value(operation_id, reply_part(response.status))
        if response.kind == "stream":
            return self.stream_reply(response, status, constant, test_name, operation_id)
        key = (id(response), status, constant, target, test_name, klass, operation_id, text)
        built = self.examples.built.get(key)
        if built is not None and built[0] is response:  # the response kept with it: its id is not reused
            return cast(Reply, built[1])
        if response.kind == "json":
            reply = self._json_reply(response, status, constant, target, test_name, klass, text)
        else:
            reply = self._reply(response, status, constant, target, test_name, klass, json.loads(text))
        self.examples.built[key] = (response, reply)
        return reply

    def _json_reply(self, response: Response, status: int, constant: str, target: str, test_name: str, klass: str, text: str) -> Reply:
        body = self.json_body(response.type, text)
        reply = Reply(status, response.status, "json", ident(constant), body.source, concrete_json_type(response.content_type), (), klass, test_name, body=body.value)
        return _reading(reply, body.expected, target) if body.read else _expecting(reply, body.expected, target)

    def json_body(self, type_ref: TypeRef, text: str) -> JsonBody:
        """The JSON reply body `text` (its example) of type `type_ref`: what the server sends and what
        the client must parse it into. Operations share reply components (GitHub's 2,808 JSON replies
        hold 587 distinct bodies): each is worked out once, kept by what decides it (the type, the
        text, the API's models and aliases)."""
        key = ("json body", type_ref, text, id(self.api.models), id(self.api.aliases))
        built = self.examples.built.get(key)
        if built is not None and built[0] == (self.api.models, self.api.aliases):
            return cast(JsonBody, built[1])
        with self.values_fixed():  # the example is parsed here, and only read
            example = json.loads(text)
            if example is None and not self.fits(type_ref, None):
                example = self.placeholder(type_ref)
            example = self.repair(type_ref, example)
            expected = self.expected(type_ref, example)
            read = len(expected) > _INLINE_EXPECTED  # as `_expecting` decides it
            if read:  # only the implicit spelling is written (and kept)
                expected = self.expected(type_ref, example, implicit=True)
        body = JsonBody(example, source(example), expected, read)
        self.examples.built[key] = ((self.api.models, self.api.aliases), body)
        return body

    def repaired_reply(self, type_ref: TypeRef, text: str) -> Any:
        """The reply example `text` repaired for `type_ref` (shared with `json_body`: read it, never change it)."""
        if text.strip() == "null":
            return self.repair(type_ref, None)  # json_body holds a placeholder there
        return self.json_body(type_ref, text).value

    def _reply(self, response: Response, status: int, constant: str, target: str, test_name: str, klass: str, example: Any) -> Reply:
        kind = response.kind
        if kind == "xml":
            if example is None and not self.fits(response.type, None):
                example = self.placeholder(response.type)
            example = self.xml.writable(self.repair(response.type, example), response.xml_shape)
            document = self.xml.document(example, response.xml_shape)
            expected = self.expected(response.type, self.xml.read_back(example, response.xml_shape))
            content_type = response.content_type if "*" not in response.content_type else "application/xml"
            reply = Reply(status, response.status, kind, ident(constant), f"{literal(document)}.encode()", content_type, (), klass, test_name, body=document.encode())
            return _expecting(reply, expected, target)
        if kind in ("bytes", "text"):
            # A documented body is never empty (the contract checks call that missing data): no example, some bytes.
            text = example if isinstance(example, str) and example else ("example" if example in (None, "") else json.dumps(example, ensure_ascii=False))
            checks: tuple[str, ...]
            if kind == "bytes":
                checks = (f"assert {target} == {literal(text)}.encode()",)
            else:
                checks = (f"assert {target} == {literal(text)}",)
            content_type = response.content_type or ("text/plain" if kind == "text" else "application/octet-stream")
            return Reply(status, response.status, kind, ident(constant), f"{literal(text)}.encode()", content_type, checks, klass, test_name, body=text.encode())
        checks = (f"assert {target} is None",) if klass else ()
        return Reply(status, response.status, "none", "", "", "", checks, klass, test_name, body=b"")

    def checks(self, type_ref: TypeRef, value: Any, target: str) -> list[str]:
        """The check that `target` (an expression) holds `value` (JSON) parsed as `type_ref`: one
        `expect` of the expected value (tests/_expect.py), spelled inline."""
        where = "" if target == "result" else f", {literal(target)}"
        return [f"expect({target}, {self.expected(type_ref, value)}{where})"]

    def expected(self, type_ref: TypeRef, value: Any, depth: int = 0, implicit: bool = False) -> str:
        """Source of what `value` (JSON) parsed as `type_ref` must be, for `expect` (tests/_expect.py):
        the same checks, one by one, that assertions would make. `implicit`: for a `Read` of the
        value, where what holds the JSON's own value is `JSON` (a model's attribute: unwritten) and
        the fields a model keeps beyond its own are named by their keys (`Extra`)."""
        text = self._expected(type_ref, value, depth, implicit)
        # `_equal(value)`'s two spellings; a literal begins with one of _LITERAL_STARTS, so other texts
        # (`Model(`, `Wire(`...) are told apart without spelling the value (at every level of it).
        if implicit and (text.startswith("Equal(") or text[:1] in _LITERAL_STARTS) and text in (plain := literal(value), f"Equal({plain})"):
            return "JSON"
        return text

    def _expected(self, type_ref: TypeRef, value: Any, depth: int, implicit: bool) -> str:
        resolved = self.resolve(type_ref)
        if value is None:
            return "None"
        if isinstance(resolved, UnionType) and any(option == Primitive("Any") for option in resolved.options):
            return self._primitive_expected("Any", value)  # the model types it Any (UnionType.annotation)
        if isinstance(resolved, UnionType):
            option = self.option_for(resolved, value)
            if option is None:
                return f"Wire({literal(value)})"
            if self.plain(resolved) and self.fits(resolved, value) and not isinstance(value, bool):
                return _equal(self._held(resolved, value))
            return self.expected(option, value, depth, implicit)
        if isinstance(resolved, Primitive):
            return self._primitive_expected(resolved.python, value)
        if isinstance(resolved, LiteralType):
            return _equal(value)
        if isinstance(resolved, (ListType, DictType)) and ((self.plain(resolved) and self.fits(resolved, value)) or value == ([] if isinstance(resolved, ListType) else {})):
            return _equal(self._held(resolved, value))
        if isinstance(resolved, ListType) and isinstance(value, list):
            items = [self.expected(resolved.item, item, depth + 1, implicit) for item in value[:MAX_CHECKED_ITEMS]]
            if len(value) > MAX_CHECKED_ITEMS:
                return f"Items({len(value)}, {', '.join(items)})"
            return "[" + ", ".join(items) + "]"
        if isinstance(resolved, DictType) and isinstance(value, dict):
            return "{" + ", ".join(f"{literal(key)}: {self.expected(resolved.value, item, depth + 1, implicit)}" for key, item in value.items()) + "}"
        if isinstance(resolved, NamedType) and resolved.name in self.models and isinstance(value, dict):
            model = self.models[resolved.name]
            attributes: dict[str, str] = {}
            extras: dict[str, Any] = {}
            for key, item in value.items():
                found = self.field_by_wire(model, key)
                if found is None:
                    extras[key] = item
                else:
                    text = self.expected(found.type, item, depth + 1, implicit)
                    if text != "JSON":  # a Read checks the JSON's own value by the field's wire name
                        attributes.setdefault(ident(found.name), text)
            if extras:
                attributes["model_extra"] = f"Extra({', '.join(literal(key) for key in extras)})" if implicit else _equal(extras)
            return f"Model(models.{ident(model.name)}" + "".join(f", {name}={text}" for name, text in attributes.items()) + ")"
        return f"Wire({literal(value)})"

    def _held(self, type_ref: TypeRef, value: Any, depth: int = 0) -> Any:
        """A plain value as the parsed reply holds it: where only a float can hold an integer beyond
        float precision (a wei amount under `type: number`), the nearest float."""
        resolved = self.resolve(type_ref)
        if depth > 20:
            return value
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**53:
            options = resolved.options if isinstance(resolved, UnionType) else (resolved,)
            if Primitive("float") in options and Primitive("int") not in options:
                return float(value)
        if isinstance(resolved, UnionType) and isinstance(value, (list, dict)):
            container = ListType if isinstance(value, list) else DictType
            holders = [option for option in resolved.options if isinstance(self.resolve(option), container)]
            return self._held(holders[0], value, depth + 1) if len(holders) == 1 else value
        if isinstance(resolved, ListType) and isinstance(value, list):
            return [self._held(resolved.item, item, depth + 1) for item in value]
        if isinstance(resolved, DictType) and isinstance(value, dict):
            return {key: self._held(resolved.value, item, depth + 1) for key, item in value.items()}
        return value

    def plain(self, type_ref: TypeRef, depth: int = 0) -> bool:
        """Whether values of the type parse to exactly their JSON (no models, dates or bytes)."""
        resolved = self.resolve(type_ref)
        if depth > 20:
            return False
        if isinstance(resolved, Primitive):
            return resolved.python in ("str", "int", "float", "bool", "None", "Any") or resolved.python.startswith(("dict[str, Any]", "list[Any]"))
        if isinstance(resolved, LiteralType):
            return True
        if isinstance(resolved, ListType):
            return self.plain(resolved.item, depth + 1)
        if isinstance(resolved, DictType):
            return self.plain(resolved.value, depth + 1)
        if isinstance(resolved, UnionType):
            return all(self.plain(option, depth + 1) for option in resolved.options)
        return False

    def _primitive_expected(self, python: str, value: Any) -> str:
        if python == "datetime.datetime" and isinstance(value, str) and parse_datetime(value) is not None:
            return f"datetime.datetime.fromisoformat({literal(value)})"
        if python == "datetime.date" and isinstance(value, str) and parse_date(value) is not None:
            return f"datetime.date.fromisoformat({literal(value)})"
        if isinstance(value, bool) and python in ("bool", "Any"):
            return literal(value)  # `expect` holds True and False to identity
        if python == "base64" and base64_bytes(value) is not None:  # base64 text in JSON: the model holds its bytes
            data = base64_bytes(value)
            assert data is not None
            return bytes_source(data)
        if python == "bytes" and isinstance(value, str):  # a binary string in JSON: pydantic encodes it as UTF-8
            return f"{literal(value)}.encode()"
        if python == "float":
            value = self._held(Primitive("float"), value)
        return _equal(value)

    # -- what an API adds later

    def additions(self, operation: Operation) -> AdditionsTest | None:
        if not operation.responses or operation.responses[0].kind != "json":
            return None
        response = operation.responses[0]
        text = self.examples.value(operation.operation_id, reply_part(response.status))
        key = ("additions", id(response), operation.name, text)
        built = self.examples.built.get(key)
        if built is not None and built[0] is response:
            return cast(AdditionsTest | None, built[1])
        test = self._additions(operation, response, text)
        self.examples.built[key] = (response, test)
        return test

    def _additions(self, operation: Operation, response: Response, text: str) -> AdditionsTest | None:
        model = self._model_of(response.type)
        if model is None:
            return None
        example = self.repaired_reply(response.type, text)
        if not isinstance(example, dict):
            return None
        extra = "added_later"
        while self.field_by_wire(model, extra) is not None or extra in example:
            extra += "_"
        reply_body = {**example, extra: "kept"}
        enum_field = ""
        checks = [_is_a("result", f"models.{ident(model.name)}"), f"assert result.model_extra is not None", f"assert result.model_extra[{literal(extra)}] == {literal('kept')}"]
        for model_field in model.fields:
            if model_field.write_only or not self._open_string_enum(model_field.type):
                continue
            reply_body[model_field.wire_name] = "added-later-value"
            checks.append(f"assert result.{ident(model_field.name)} == {literal('added-later-value')}")
            enum_field = ident(model_field.name)
            break
        upper = operation.name.upper()
        # Spelled as the documented reply's constant (written before it) and what it adds.
        added = {key: reply_body[key] for key in reply_body if key not in example or reply_body[key] != example[key]}
        spelled = "{**" + ident(f"{upper}_{response.status.upper()}") + "".join(f", {literal(key)}: {source(value)}" for key, value in added.items()) + "}"
        reply = Reply(response_status(response), response.status, "json", ident(f"{upper}_WITH_ADDITIONS"), spelled, response.content_type or "application/json", ())
        return AdditionsTest(reply, tuple(checks), f"models.{ident(model.name)}", literal(extra), literal(enum_field))

    def _open_string_enum(self, type_ref: TypeRef) -> bool:
        resolved = self.resolve(type_ref)
        if not isinstance(resolved, UnionType):
            return False
        options = [self.resolve(option) for option in resolved.options]
        has_literal = any(isinstance(option, LiteralType) and all(isinstance(value, str) for value in option.values) for option in options)
        return has_literal and Primitive("str") in options

    # -- pagination

    def paging(self, resource: Resource, operation: Operation) -> PagingTest | None:
        return paging_test(self, resource.name, operation)

def _skipped(reply: Reply, note: ProofNote | None) -> Reply:
    """The reply's test, skipped when the proof left the reply out."""
    return replace(reply, skip=note.reason) if note is not None and note.left_out else reply


def _media_notes(operation: Operation) -> list[str]:
    """What the contract checks can check of bodies that are neither JSON, form fields nor XML elements."""
    notes: list[str] = []
    body = operation.body
    if body is not None and body.kind == "binary":
        notes.append(f"the {body.content_type} request body is bytes: the contract checks its content type; the test compares the exact bytes")
    for response in operation.responses:
        if response.stream is not None:
            notes.append(stream_note(response))
        if response.kind == "bytes":
            notes.append(f"the {response.status} reply is {response.content_type} bytes: the contract checks its status and content type; the test compares the exact bytes")
        elif response.kind == "text" and _xml_media(response.content_type):
            notes.append(f"the {response.status} reply is {response.content_type} text: the contract checks it is well-formed XML and the string schema; the test compares the exact text")
    return notes


def _xml_media(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    return base in ("application/xml", "text/xml") or base.endswith("+xml")


# How `literal` begins a JSON value's spelling: a dict, a list, a text, a number, None, True or False.
_LITERAL_STARTS = frozenset("{['\"-0123456789NTF")

# An expected value longer than this gets a module constant of its own beside the reply's.
_INLINE_EXPECTED = 60


@dataclass(frozen=True)
class JsonBody:
    """A JSON reply body worked out (`CaseMaker.json_body`); the reply constants only read it."""

    value: Any  # the example, repaired: what the server sends
    source: str  # its Python source
    expected: str  # what the client must parse it into (`expect`'s expected value); with `read`, its implicit spelling
    read: bool  # too long to check inline: the reply's `<REPLY>_PARSED` constant is a `Read` of its body (`_reading`)


def _expecting(reply: Reply, expected: str, target: str) -> Reply:
    """`reply` checked by one `expect` of `expected` (source) on `target`: inline when short, else
    through the constant `<REPLY>_PARSED` the template writes beside the reply's."""
    where = "" if target == "result" else f", {literal(target)}"
    if len(expected) <= _INLINE_EXPECTED:
        return replace(reply, checks=(f"expect({target}, {expected}{where})",), expected_source=expected)
    name = ident(f"{reply.constant}_PARSED")
    return replace(reply, checks=(f"expect({target}, {name}{where})",), expected_constant=name, expected_source=expected)


def _reading(reply: Reply, read: str, target: str) -> Reply:
    """A JSON reply whose expected value is too long to check inline (`_expecting`): its constant
    `<REPLY>_PARSED` is a `Read` of the reply's body, which writes only what the JSON does not say
    itself (`read`: the expected value's implicit spelling)."""
    where = "" if target == "result" else f", {literal(target)}"
    name = ident(f"{reply.constant}_PARSED")
    return replace(reply, checks=(f"expect({target}, {name}{where})",), expected_constant=name, expected_source=f"{read_of(reply.constant)}{read})")


def read_of(body_constant: str) -> str:
    """How a `Read` of the body constant begins (shared_constants.py renames the body in it)."""
    return f"Read({body_constant}, "


def _equal(value: Any) -> str:
    """Source of an expected value compared with `==`: a bool anywhere in it needs `Equal`, since
    `expect` holds a bare True or False to identity."""
    return f"Equal({literal(value)})" if _has_bool(value) else literal(value)


def _has_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return True
    if isinstance(value, dict):
        return any(_has_bool(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_bool(item) for item in value)
    return False


def response_status(response: Response) -> int:
    return concrete_status(response.status, None, success=True)

