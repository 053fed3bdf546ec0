"""Paths to operations: parameters, bodies, responses, security and pagination of each call."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ..ground.diagnostics import WarningSink
from .ir import (
    ANY,
    NONE,
    PAGINATION_STYLES,
    BodyField,
    BodyKind,
    DictType,
    ListType,
    Operation,
    Parameter,
    Primitive,
    RequestBody,
    Response,
    ResponseKind,
    TypeRef,
    UnionType,
)
from ..ground.pointers import join_pointer
from ..ground.contract import CALL_OPTIONS, RESOURCE_MODULE_NAMES
from ..ground.naming import NameScope, make_identifier
from .argument_names import name_arguments
from ..ground.json_text import to_json_text
from ..ground.schema_check import Purpose
from .example_source import BODY_PART, NO_EXAMPLES, ExampleFactory, parameter_part, reply_part
from .pagination import PaginationReader
from .tagged_replies import named_tagged_union
from .parameter_enums import named_long_enum
from .schemas import SchemaConverter
from .security import security_requirements
from .servers import operation_server
from .streams import StreamReader
from .version32 import path_operations, querystring_parameter
from .text import describe, unverified_note
from .xml_shapes import XmlShapes

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")
# Names a method's body uses: `body` is the whole-body argument; the module's own names; builtins it calls.
METHOD_NAMES = frozenset({"self", "body", "isinstance", *CALL_OPTIONS, *RESOURCE_MODULE_NAMES})
_IGNORED_HEADERS = {"accept", "content-type", "authorization"}
_IDEMPOTENCY_HEADERS = {"idempotency-key", "x-idempotency-key"}
_DEFAULT_STYLE = {"path": "simple", "query": "form", "header": "simple", "cookie": "form"}
_CHECKED_LOCATIONS = frozenset(_DEFAULT_STYLE)  # parameters whose example values the contract tests validate
_STATUS = re.compile(r"^[1-5](?:[0-9]{2}|XX)$")
FILE_INPUT = Primitive("FileInput")
FILE_CONTENT = Primitive("FileContent")


@dataclass
class RawOperation:
    path: str
    method: str
    node: dict[str, Any]
    path_item: dict[str, Any]
    pointer: str
    operation_id: str  # the document's, or one made from the method and path; unique in the document
    tag: str
    given_id: str | None = None  # the operationId as the document gives it (None when it gives none)


def collect_operations(document: dict[str, Any], converter: SchemaConverter, warnings: WarningSink) -> list[RawOperation]:
    """Every operation of the spec, in spec order, with an operationId and a resource tag."""
    result: list[RawOperation] = []
    used_ids: set[str] = set()
    for path, raw_item in (document.get("paths") or {}).items():
        item_pointer = join_pointer("#/paths", path)
        item = converter.resolve(raw_item)
        if not isinstance(item, dict):
            continue
        for method, node, pointer in path_operations(item, item_pointer, HTTP_METHODS):
            raw_id = node.get("operationId")
            given = raw_id if isinstance(raw_id, str) and raw_id.strip() else None
            operation_id = given if given is not None else f"{method}_{path}"
            base_id = operation_id
            counter = 2
            while operation_id in used_ids:
                operation_id = f"{base_id}_{counter}"
                counter += 1
            used_ids.add(operation_id)
            tags = node.get("tags")
            tag = tags[0] if isinstance(tags, list) and tags and isinstance(tags[0], str) else _first_segment(path)
            result.append(RawOperation(path, method, node, item, pointer, operation_id, tag, given))
    return result


def returns_list(raw: RawOperation, converter: SchemaConverter) -> bool:
    """Whether the operation's first success reply is a JSON array (a list, for naming)."""
    responses = raw.node.get("responses")
    if not isinstance(responses, dict):
        return False
    for status, node in sorted(responses.items(), key=lambda item: str(item[0])):
        if not (str(status).startswith("2") or status == "default"):
            continue
        response = converter.resolve(node)
        content = response.get("content") if isinstance(response, dict) else None
        for media_type, media in (content or {}).items() if isinstance(content, dict) else ():
            if _is_json(str(media_type).split(";")[0].strip().lower()) and isinstance(media, dict):
                schema = converter.resolve(media.get("schema"))
                kind = schema.get("type") if isinstance(schema, dict) else None
                return kind == "array" or (isinstance(kind, list) and "array" in kind)
        return False
    return False


def _first_segment(path: str) -> str:
    for segment in path.split("/"):
        if segment and not segment.startswith("{"):
            return segment
    return "default"


@dataclass
class OperationParser:
    document: dict[str, Any]
    converter: SchemaConverter
    warnings: WarningSink
    scheme_names: set[str]
    pagination_conventions: tuple[str, ...] = PAGINATION_STYLES
    example_source: ExampleFactory = NO_EXAMPLES  # the tests' example values (testgen's, handed in by the pipeline)

    def __post_init__(self) -> None:
        self.examples = self.example_source(self.converter)
        self.xml = XmlShapes(self.converter, self.warnings)
        self.paging = PaginationReader(self.document, self.converter, self.warnings, self.pagination_conventions, self.examples)
        self.streams = StreamReader(self.converter, self.examples, self.warnings)

    def parse(self, raw: RawOperation, name: str) -> Operation:
        node = raw.node
        hint = make_identifier(raw.operation_id, style="pascal", fallback="operation")
        scope = NameScope()  # first names only: name_arguments decides the final ones
        own = "security" in node
        security = security_requirements(
            node.get("security", self.document.get("security")), self.scheme_names, self.document, self.warnings, f"{raw.pointer}/security" if own else "#/security"
        )
        parameters, body = name_arguments(self._parameters(raw, scope, self._credential_carriers(security)), self._body(raw, scope, hint), METHOD_NAMES)
        responses, errors = self._responses(raw, hint)
        responses, stream_flag = self.streams.flag(responses, body.fields if body is not None else (), body is not None and body.kind in ("json", "form", "multipart"), raw.pointer)
        idempotency = next((p.wire_name for p in parameters if p.location == "header" and p.wire_name.lower() in _IDEMPOTENCY_HEADERS), None)
        if idempotency is None and node.get("x-idempotent") is True:
            idempotency = "Idempotency-Key"
        operation = Operation(
            name=name,
            operation_id=raw.operation_id,
            method=raw.method.upper(),
            path=raw.path,
            summary=node.get("summary", "") if isinstance(node.get("summary"), str) else "",
            description=node.get("description", "") if isinstance(node.get("description"), str) else "",
            parameters=parameters,
            body=body,
            responses=responses,
            errors=errors,
            security=security,
            deprecated=node.get("deprecated") is True,
            unverified=unverified_note(node),
            idempotency_header=idempotency,
            server=operation_server(node, raw.path_item),
            stream_flag=stream_flag,
            tags=tuple(tag for tag in node.get("tags") or () if isinstance(tag, str)) if isinstance(node.get("tags"), list) else (),
            mcp=node.get("x-clientsmith-mcp") is not False,
        )
        pagination = self.paging.read(node, raw.path_item, raw.pointer, operation)
        if pagination is not None:
            operation = replace(operation, pagination=pagination)
        return operation

    # ------------------------------------------------------------ parameters

    def _credential_carriers(self, security: tuple[tuple[str, ...], ...] | None) -> frozenset[tuple[str, str]]:
        """(location, name) of the API keys the operation's security sends (header names in lower case)."""
        schemes = (self.document.get("components") or {}).get("securitySchemes") or {}
        carriers: set[tuple[str, str]] = set()
        for key in {key for alternative in security or () for key in alternative}:
            scheme = self.converter.resolve(schemes.get(key)) if isinstance(schemes, dict) else None
            if isinstance(scheme, dict) and scheme.get("type") == "apiKey" and isinstance(scheme.get("name"), str):
                location = str(scheme.get("in"))
                carriers.add((location, scheme["name"].lower() if location == "header" else scheme["name"]))
        return frozenset(carriers)

    def _parameters(self, raw: RawOperation, scope: NameScope, credentials: frozenset[tuple[str, str]] = frozenset()) -> tuple[Parameter, ...]:
        merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        for source, base in ((raw.path_item, join_pointer("#/paths", raw.path)), (raw.node, raw.pointer)):
            for index, item in enumerate(source.get("parameters") or []):
                pointer = join_pointer(join_pointer(base, "parameters"), index)
                resolved = self.converter.resolve(item)
                if not isinstance(resolved, dict) or not isinstance(resolved.get("name"), str):
                    continue
                location = str(resolved.get("in"))
                # Header names are case-insensitive (RFC 9110): `X-Amz-Date` and `x-amz-date` are one header.
                key = (resolved["name"].lower() if location == "header" else resolved["name"], location)
                earlier = merged.get(key)
                if earlier is not None and earlier[0]["name"] != resolved["name"]:
                    self.warnings.warn(earlier[1], f"header parameters {earlier[0]['name']!r} and {resolved['name']!r} name one header (header names ignore case); {resolved['name']!r} at {pointer} is used")
                merged[key] = (resolved, pointer)
        result: list[Parameter] = []
        path_names = set(re.findall(r"{([^}]+)}", raw.path))
        split_late = _split_late(raw.path)
        ordered = sorted(merged.values(), key=lambda entry: (0 if entry[0].get("in") == "path" else 1 if entry[0].get("required") else 2))
        for resolved, pointer in ordered:
            location = str(resolved.get("in"))
            wire = resolved["name"]
            if location == "querystring":
                result.append(querystring_parameter(resolved, pointer, scope, self.converter, self.warnings, raw.operation_id))
                continue
            if location not in _DEFAULT_STYLE:
                self.warnings.warn(pointer, f"parameter location {location!r} is not supported; skipped")
                continue
            if location == "header" and wire.lower() in _IGNORED_HEADERS:
                continue
            if (location, wire.lower() if location == "header" else wire) in credentials:
                self.warnings.warn(pointer, f"{location} parameter {wire!r} is where the operation's API key travels: the client's credential fills it, so it is no argument of the method")
                continue
            if location == "path" and wire not in path_names:
                self.warnings.warn(pointer, f"path parameter {wire!r} is not in the path; skipped")
                continue
            schema = resolved.get("schema")
            schema_pointer = join_pointer(pointer, "schema")
            by_content = False
            if schema is None and isinstance(resolved.get("content"), dict) and resolved["content"]:
                media_type, media = next(iter(resolved["content"].items()))
                schema = media.get("schema") if isinstance(media, dict) else None
                schema_pointer = join_pointer(join_pointer(join_pointer(pointer, "content"), media_type), "schema")
                by_content = _is_json(str(media_type).split(";")[0].strip().lower())
            hint = make_identifier(raw.operation_id, style="pascal", fallback="operation") + make_identifier(wire, style="pascal", fallback="param")
            type_ref = self.converter.type_of(schema, schema_pointer, hint) if schema is not None else Primitive("str")
            type_ref = named_long_enum(self.converter, type_ref, hint, describe(resolved))
            # A parameter described by a JSON `content` travels as JSON text, not in a style.
            style = "content" if by_content else str(resolved.get("style") or _DEFAULT_STYLE[location])
            explode = resolved.get("explode")
            if by_content:
                pass  # JSON text carries any value
            elif location != "path" and self._list_of_objects(type_ref):
                self.warnings.warn(pointer, f"{location} parameter {wire!r} is a list of objects, which no OpenAPI style serializes: the client sends each object as JSON text")
            elif location != "path" and self._nested_object(type_ref):
                self.warnings.warn(pointer, f"{location} parameter {wire!r} is an object with object or list members, which no OpenAPI style serializes: the client sends each such member as JSON text")
            required = location == "path" or resolved.get("required") is True
            result.append(
                Parameter(
                    name=scope.claim(make_identifier(wire, fallback="param")),
                    wire_name=wire,
                    location=location,  # type: ignore[arg-type]
                    type=type_ref,
                    required=required,
                    style=style,
                    explode=bool(explode) if explode is not None else style in ("form", "deepObject"),  # deepObject is only defined exploded
                    description=describe(resolved),
                    allow_reserved=resolved.get("allowReserved") is True,
                    deprecated=resolved.get("deprecated") is True,
                    unverified=unverified_note(resolved),
                )
            )
            self.examples.example(raw.operation_id, parameter_part(location, wire), self._path_aware_example(resolved, pointer, wire in split_late and location == "path"))
        return tuple(result)

    def _path_aware_example(self, parameter: dict[str, Any], pointer: str, split_late: bool) -> Any:
        value = self.examples.for_parameter(parameter, pointer if parameter.get("in") in _CHECKED_LOCATIONS else None)
        if not split_late:
            return value
        # `{id}{.format}`: nothing on the wire separates the two values, and a server (openapi-core
        # too) gives the first every character it can; a one-character value of the later one
        # splits back into the values that were joined.
        short = self.examples.one_character(parameter.get("schema"), value)
        if short is None:
            self.warnings.warn(pointer, f"path parameter {parameter['name']!r} follows another with nothing between them, and no one-character value fits its schema: the generated test's URL may split otherwise than it was joined")
            return value
        return short

    # ------------------------------------------------------------ request body

    def _body(self, raw: RawOperation, scope: NameScope, hint: str) -> RequestBody | None:
        node = raw.node.get("requestBody")
        if node is None:
            return None
        pointer = join_pointer(raw.pointer, "requestBody")
        resolved = self.converter.resolve(node)
        content = resolved.get("content") if isinstance(resolved, dict) else None
        if not isinstance(content, dict) or not content:
            return None
        media_type = _pick_media_type(list(content))
        media = content[media_type] if isinstance(content[media_type], dict) else {}
        kind = _body_kind(media_type)
        schema = media.get("schema")
        schema_pointer = join_pointer(join_pointer(join_pointer(pointer, "content"), media_type), "schema")
        xml_shape = ""
        wildcard = media_type.split(";")[0].strip().lower() in ("*/*", "application/*")
        if wildcard and (self._structured(schema) or self._json_scalar(schema)):
            kind = "json"  # as replies read a wildcard (Swagger 2.0's `consumes: ["*/*"]`, Kubernetes'): JSON
        elif _is_xml(media_type) and self.xml.structured(schema):
            kind = "xml"  # an object or array written as XML elements; any other XML body is text or bytes
            xml_shape = self.xml.root(schema, schema_pointer)
        elif _is_xml(media_type) and self._string(schema):
            kind = "text"
        required = resolved.get("required") is True
        description = describe(resolved)
        checked = schema_pointer if kind in ("json", "form", "multipart") else None
        value = self._example(media, "request", media_type, kind, join_pointer(join_pointer(pointer, "content"), media_type), checked)
        if kind in ("form", "multipart") and not isinstance(value, dict):
            value = None  # form fields come from an object; a typeless schema's value ("example") is none
        if kind == "text" and value is not None and not isinstance(value, str):
            value = self._text_of(value, schema, schema_pointer, media_type)
        self.examples.example(raw.operation_id, BODY_PART, value)
        if kind == "binary":
            return RequestBody(media_type, kind, FILE_CONTENT, required, description)
        if kind == "text":
            return RequestBody(media_type, kind, Primitive("str"), required, description)
        type_ref = self.converter.type_of(schema, schema_pointer, hint + "Request") if schema is not None else ANY
        model = self.converter.model_for(type_ref)
        if model is None:
            if kind in ("form", "multipart"):
                self.warnings.warn(schema_pointer, f"{media_type} body without object properties; sent as given")
                type_ref = DictType(ANY)
            return RequestBody(media_type, kind, type_ref, required, description, xml_shape=xml_shape)
        resolved_schema = self.converter.resolve(schema)
        named = isinstance(schema, dict) and "$ref" in schema and kind in ("json", "xml")
        fields: list[BodyField] = []
        raw_encoding = media.get("encoding")
        encoding: dict[str, Any] = raw_encoding if isinstance(raw_encoding, dict) else {}
        for model_field in model.fields:
            if model_field.read_only:
                continue
            is_file = kind == "multipart" and (_is_binary(self.converter, resolved_schema, model_field.wire_name) or model_field.wire_name in encoding and "octet" in str(encoding[model_field.wire_name].get("contentType", "")))
            field_type: TypeRef = model_field.type
            if is_file:
                field_type = ListType(FILE_INPUT) if isinstance(_strip_none(field_type), ListType) else FILE_INPUT
            elif kind == "multipart" and isinstance(field_type, UnionType):
                # A part that may be a file or a text (`oneOf [binary, uri]`): the runtime sends the
                # file content it is given (bytes, a file, a (name, content) tuple) as a file part.
                field_type = _bytes_as_file(field_type)
            fields.append(
                BodyField(
                    name=scope.claim(make_identifier(model_field.wire_name, fallback="field")),
                    wire_name=model_field.wire_name,
                    type=field_type,
                    required=model_field.required and not named,
                    description=model_field.description,
                    is_file=is_file,
                    required_without_body=model_field.required,
                    deprecated=model_field.deprecated,
                )
            )
        return RequestBody(media_type, kind, type_ref, required, description, tuple(fields), model.name if named else None, xml_shape)

    # ------------------------------------------------------------ responses

    def _responses(self, raw: RawOperation, hint: str) -> tuple[tuple[Response, ...], tuple[Response, ...]]:
        responses = raw.node.get("responses") or {}
        successes: list[Response] = []
        errors: list[Response] = []
        first_success = min((str(code).upper() for code in responses if str(code).startswith("2")), default=None)
        has_success = first_success is not None
        for code, node in responses.items():
            status = str(code).upper()
            if status != "DEFAULT" and not _STATUS.match(status):
                continue
            status = "default" if status == "DEFAULT" else status
            pointer = join_pointer(join_pointer(raw.pointer, "responses"), code)
            resolved = self.converter.resolve(node)
            if not isinstance(resolved, dict):
                continue
            # The first success is the operation's `Response`; another 2xx says its code, and a
            # `default` beside successes is the error it is (`Error`), so no name takes a counter.
            if status == first_success or (status == "default" and not has_success):
                suffix = "Response"
            elif status.startswith("2"):
                suffix = f"Response{status}"
            else:
                suffix = "Error" if status == "default" else f"Error{status}"
            response = self._response(resolved, status, pointer, hint + suffix, raw.operation_id)
            if status.startswith("2") or (status == "default" and not has_success):
                successes.append(response)
            elif status[0] in "45" or status == "default":
                if response.kind == "json":
                    errors.append(response)
        return tuple(successes), tuple(errors)

    def _response(self, node: dict[str, Any], status: str, pointer: str, hint: str, operation_id: str = "") -> Response:
        content = node.get("content")
        description = describe(node)
        headers = tuple(str(name) for name in (node.get("headers") or {}))
        if not isinstance(content, dict) or not content or status == "204":
            return Response(status, "none", NONE, description, headers=headers)
        streamed, content = self.streams.split(content)
        stream = self.streams.reply(streamed, node["content"][streamed], pointer, hint, (operation_id, status)) if streamed else None
        if stream is not None and not content:
            return Response(status, "stream", NONE, description, stream.media_type, headers=headers, stream=stream)
        media_type = _pick_media_type(list(content))
        media = content[media_type] if isinstance(content[media_type], dict) else {}
        kind: ResponseKind
        base = media_type.split(";")[0].strip().lower()
        schema = media.get("schema")
        schema_pointer = join_pointer(join_pointer(join_pointer(pointer, "content"), media_type), "schema")
        xml_shape = ""
        if _is_json(base) or (base in ("*/*", "application/*") and (self._structured(schema) or self._json_scalar(schema))):
            kind = "json"  # a wildcard with an object, array, number or boolean schema: servers send JSON
        elif _is_xml(base) and self.xml.structured(schema):
            kind = "xml"  # elements the client reads into the schema's type
            xml_shape = self.xml.root(schema, schema_pointer)
        elif base.startswith("text/") or (_is_xml(base) and self._string(schema)):
            kind = "text"  # an XML reply described as a string is its text
        else:
            kind = "bytes"
        if kind in ("json", "xml"):
            type_ref = self.converter.type_of(schema, schema_pointer, hint) if schema is not None else ANY
            type_ref = named_tagged_union(self.converter, type_ref, hint, description)
        else:
            type_ref = Primitive("str") if kind == "text" else Primitive("bytes")
        checked = schema_pointer if kind == "json" else None
        self.examples.example(operation_id, reply_part(status), self._example(media, "response", media_type, kind, join_pointer(join_pointer(pointer, "content"), media_type), checked))
        return Response(status, kind, type_ref, description, media_type, headers, xml_shape, stream)

    def _example(self, media: dict[str, Any], purpose: Purpose, media_type: str, kind: str, pointer: str, checked: str | None) -> Any:
        """The example body; for XML the document describes only as text, a well-formed XML document.

        With `checked` (where its schema is), a value the schema still rejects is reported there."""
        value = self.examples.for_media(media, purpose, checked)
        if _is_xml(media_type) and kind in ("text", "bytes", "binary"):
            documented = "example" in media or "examples" in media
            return self.examples.xml_text(value, documented, self.converter.resolve(media.get("schema")), pointer, self.warnings)
        return value

    def _text_of(self, value: Any, schema: Any, pointer: str, media_type: str) -> str:
        """The text a text body's example sends when its schema describes JSON: the JSON text.

        A declared non-string type is reported by the relaxations; a typeless schema with object
        keywords (Netatmo's schedule: properties, no type) is reported here."""
        resolved = self.converter.resolve(schema)
        if not (isinstance(resolved, dict) and "type" in resolved):
            shape = "an array" if isinstance(value, list) else "an object" if isinstance(value, dict) else "a JSON value"
            self.warnings.warn(pointer, f"a {media_type} body is text, but its schema describes {shape}: the client sends the text it is given; the tests send the example's JSON text")
        return to_json_text(value)

    def _list_of_objects(self, type_ref: TypeRef) -> bool:
        type_ref = _strip_none(type_ref)
        return isinstance(type_ref, ListType) and self.converter.model_for(_strip_none(type_ref.item)) is not None

    def _nested_object(self, type_ref: TypeRef) -> bool:
        type_ref = _strip_none(type_ref)
        model = self.converter.model_for(type_ref)
        members = [field.type for field in model.fields] if model is not None else [type_ref.value] if isinstance(type_ref, DictType) else []
        return any(isinstance(_strip_none(member), (ListType, DictType)) or self.converter.model_for(_strip_none(member)) is not None for member in members)

    def _string(self, schema: Any) -> bool:
        resolved = self.converter.resolve(schema)
        return isinstance(resolved, dict) and resolved.get("type") == "string"

    def _json_scalar(self, schema: Any) -> bool:
        resolved = self.converter.resolve(schema)
        return isinstance(resolved, dict) and resolved.get("type") in ("integer", "number", "boolean")

    def _structured(self, schema: Any) -> bool:
        resolved = self.converter.resolve(schema)
        return isinstance(resolved, dict) and (
            resolved.get("type") in ("object", "array") or any(key in resolved for key in ("properties", "items", "allOf"))
        )

def _strip_none(type_ref: TypeRef) -> TypeRef:
    if isinstance(type_ref, UnionType) and NONE in type_ref.options:
        rest = tuple(option for option in type_ref.options if option != NONE)
        return rest[0] if len(rest) == 1 else UnionType(rest, type_ref.discriminator)
    return type_ref


def _is_xml(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    return base in ("application/xml", "text/xml") or base.endswith("+xml")


def _is_json(media_type: str) -> bool:
    return media_type == "application/json" or media_type.endswith("+json") or media_type.endswith("/json")


def _pick_media_type(media_types: list[str]) -> str:
    def rank(media_type: str) -> int:
        base = media_type.split(";")[0].strip().lower()
        if _is_json(base):
            return 0
        if base == "multipart/form-data":
            return 1
        if base == "application/x-www-form-urlencoded":
            return 2
        if base.startswith("text/"):
            return 4
        return 3

    return sorted(media_types, key=lambda item: (rank(item), media_types.index(item)))[0]


def _body_kind(media_type: str) -> BodyKind:
    base = media_type.split(";")[0].strip().lower()
    if _is_json(base):
        return "json"
    if base == "multipart/form-data" or base.startswith("multipart/"):
        return "multipart"
    if base == "application/x-www-form-urlencoded":
        return "form"
    if base.startswith("text/"):
        return "text"
    return "binary"


def _bytes_as_file(type_ref: TypeRef) -> TypeRef:
    """`type_ref` with each `bytes` option of its unions (nested ones too) a `FileInput`."""
    if isinstance(type_ref, UnionType):
        return replace(type_ref, options=tuple(_bytes_as_file(option) for option in type_ref.options))
    return FILE_INPUT if type_ref == Primitive("bytes") else type_ref


def _is_binary(converter: SchemaConverter, schema: Any, wire_name: str) -> bool:
    properties: dict[str, Any] = {}
    stack = [schema]
    while stack:
        item = converter.resolve(stack.pop())
        if isinstance(item, dict):
            if isinstance(item.get("properties"), dict):
                properties.update(item["properties"])
            stack.extend(item.get("allOf") or [])
    prop = converter.resolve(properties.get(wire_name))
    if not isinstance(prop, dict):
        return False
    if prop.get("type") == "array":
        prop = converter.resolve(prop.get("items"))
        if not isinstance(prop, dict):
            return False
    if prop.get("format") in ("binary", "byte") or prop.get("contentEncoding") in ("binary", "base64"):
        return True
    # 3.1 style: a part with a media type is a file unless that media type is text or JSON.
    media = str(prop.get("contentMediaType", "")).lower()
    return bool(media) and not (media.startswith("text/") or "json" in media)


def _split_late(path: str) -> frozenset[str]:
    """Path parameters that directly follow another (`{id}{.format}`, `{name}{ext}`): every one but
    the first of each run."""
    late: set[str] = set()
    for segment in path.split("/"):
        names = re.findall(r"{([^}]+)}", segment)
        for before, name in zip(names, names[1:]):
            if f"{{{before}}}{{{name}}}" in segment:
                late.add(name)
    return frozenset(late)
