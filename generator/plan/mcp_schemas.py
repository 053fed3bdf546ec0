"""The MCP server's tool catalogue as data: each operation's input JSON Schema, built from the IR.

Everything here is plain data (dicts, lists, strings, numbers): the template prints it with
`literal` (ground/escaping.py), so no spec text becomes code. Named types become `$defs` entries,
shared by the whole catalogue; each tool lists the ones its schemas reach, and the server puts
those into the schema it hands out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..parse.ir import Api, DictType, ListType, LiteralType, Model, NamedType, Operation, Primitive, TypeRef, UnionType

PAGE_TOKEN = "page_token"
PAGE_TOKEN_TEXT = "Where to continue a paged listing: the `next_page_token` of the previous page's result. Leave it out for the first page."

_PRIMITIVES: dict[str, dict[str, Any]] = {
    "str": {"type": "string"},
    "int": {"type": "integer"},
    "float": {"type": "number"},
    "bool": {"type": "boolean"},
    "None": {"type": "null"},
    "Any": {},
    "bytes": {"type": "string", "description": "the content as text"},
    "base64": {"type": "string", "contentEncoding": "base64", "description": "the content, base64-encoded"},
    "FileInput": {"type": "string", "description": "the file's content as text"},
    "FileContent": {"type": "string", "description": "the file's content as text"},
    "ServerSentEvent": {"type": "object", "description": "a server-sent event: event, data, id"},
    "datetime.datetime": {"type": "string", "format": "date-time"},
    "datetime.date": {"type": "string", "format": "date"},
    "datetime.time": {"type": "string", "format": "time"},
    "dict[str, Any]": {"type": "object"},
    "list[Any]": {"type": "array"},
}


class SchemaBuilder:
    """JSON Schemas for the IR's types: a request's (`reading=False`: no read-only fields) or a
    reply's (`reading=True`: no write-only fields). Named types go to `defs`."""

    def __init__(self, api: Api, reading: bool) -> None:
        self.models: dict[str, Model] = {model.name: model for model in api.models}
        self.aliases: dict[str, TypeRef] = {alias.name: alias.type for alias in api.aliases}
        self.reading = reading
        self.defs: dict[str, dict[str, Any]] = {}
        self._reached: dict[str, frozenset[str]] = {}

    def schema(self, type_ref: TypeRef) -> dict[str, Any]:
        if isinstance(type_ref, Primitive):
            return dict(_PRIMITIVES.get(type_ref.python, {}))
        if isinstance(type_ref, LiteralType):
            return {"enum": list(type_ref.values)}
        if isinstance(type_ref, ListType):
            return {"type": "array", "items": self.schema(type_ref.item)}
        if isinstance(type_ref, DictType):
            value = self.schema(type_ref.value)
            return {"type": "object", "additionalProperties": value} if value else {"type": "object"}
        if isinstance(type_ref, NamedType):
            self._define(type_ref.name)
            return {"$ref": f"#/$defs/{type_ref.name}"}
        return self._union(type_ref)

    def _union(self, union: UnionType) -> dict[str, Any]:
        if not self.reading:
            closed = _closed_enum(union)
            if closed is not None:
                return closed
        options: list[dict[str, Any]] = []
        for option in union.options:
            built = self.schema(option)
            if not built:
                return {}  # Any among the options
            if built not in options:
                options.append(built)
        return options[0] if len(options) == 1 else {"anyOf": options}

    def _define(self, name: str) -> None:
        if name in self.defs:
            return
        self.defs[name] = {}  # a recursive model refers to itself while it is built
        model = self.models.get(name)
        if model is None:
            alias = self.aliases.get(name)
            self.defs[name] = self.schema(alias) if alias is not None else {}
            return
        properties: dict[str, Any] = {}
        required: list[str] = []
        for item in model.fields:
            if (item.read_only and not self.reading) or (item.write_only and self.reading):
                continue
            properties[item.wire_name] = described(self.schema(item.type), item.description)
            if item.required:
                required.append(item.wire_name)
        built: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            built["required"] = required
        self.defs[name] = described(built, model.description)

    def reached(self, schema: Any) -> list[str]:
        """The `$defs` names `schema` refers to, directly or through other definitions, sorted."""
        found: set[str] = set()
        pending = list(_refs(schema))
        while pending:
            name = pending.pop()
            if name in found:
                continue
            found.add(name)
            pending.extend(_refs(self.defs.get(name, {})))
        return sorted(found)


_ENUM_BASES = {"str": (str,), "int": (int,), "float": (int, float)}


def _closed_enum(union: UnionType) -> dict[str, Any] | None:
    """An enum the IR keeps open (`Literal[...] | str`, so values the API adds later still parse) as
    the closed list an agent should choose from, nullable when the union holds None: `None` when the
    union is something else."""
    literals = [option for option in union.options if isinstance(option, LiteralType)]
    others = [option for option in union.options if not isinstance(option, LiteralType)]
    nullable = Primitive("None") in others
    bases = [option for option in others if option != Primitive("None")]
    if len(literals) != 1 or len(bases) != 1 or not isinstance(bases[0], Primitive) or bases[0].python not in _ENUM_BASES:
        return None
    kinds = _ENUM_BASES[bases[0].python]
    values = list(literals[0].values)
    if not all(isinstance(value, kinds) and not isinstance(value, bool) for value in values):
        return None
    base = _PRIMITIVES[bases[0].python]["type"]
    return {"type": [base, "null"], "enum": [*values, None]} if nullable else {"type": base, "enum": values}


def _refs(value: Any) -> set[str]:
    if isinstance(value, dict):
        found = set().union(*(_refs(item) for item in value.values())) if value else set()
        ref = value.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            found.add(ref[len("#/$defs/") :])
        return found
    if isinstance(value, list):
        return set().union(*(_refs(item) for item in value)) if value else set()
    return set()


def described(schema: dict[str, Any], description: str) -> dict[str, Any]:
    text = description.strip()
    if not text:
        return schema
    if "$ref" in schema:  # keywords beside $ref are read by 2019-09 and later; keep the pair explicit
        return {"allOf": [schema], "description": text}
    return {**schema, "description": text}


@dataclass(frozen=True)
class ToolInput:
    schema: dict[str, Any]  # the input schema without its $defs
    arguments: list[list[str]]  # [property, the method's argument name, how it is passed: "value" or "text"]
    page_token: str  # the property taking the next page's token ("" unless the operation is paged)


def input_schema(builder: SchemaBuilder, operation: Operation) -> ToolInput:
    """The tool's input: the operation's parameters and its body's members (or its whole body), by
    the generated method's argument names, so the server passes them on as they are."""
    properties: dict[str, Any] = {}
    required: list[str] = []
    arguments: list[list[str]] = []
    for parameter in operation.parameters:
        schema = builder.schema(parameter.type)
        if parameter.default is not None and parameter.default.value is not None:
            schema = {**schema, "default": parameter.default.value} if "$ref" not in schema else schema
        properties[parameter.name] = described(schema, parameter.description or f"{parameter.location} parameter `{parameter.wire_name}`")
        arguments.append([parameter.name, parameter.name, "value"])
        if parameter.required:
            required.append(parameter.name)
    body = operation.body
    if body is not None and body.fields:
        for item in body.fields:
            if operation.stream_flag is not None and item.name == operation.stream_flag.name:
                continue  # the tool asks for the JSON reply
            properties[item.name] = described(builder.schema(item.type), item.description or f"request body member `{item.wire_name}`")
            arguments.append([item.name, item.name, "text" if item.is_file else "value"])
            if item.required or item.required_without_body:
                required.append(item.name)
    elif body is not None:
        properties["body"] = described(builder.schema(body.type), body.description or "the request body")
        arguments.append(["body", "body", "text" if body.kind in ("binary",) else "value"])
        if body.required:
            required.append("body")
    token = ""
    if operation.pagination is not None:
        token = PAGE_TOKEN
        while token in properties:  # an operation's own argument keeps its name
            token = "_" + token
        properties[token] = {"type": "string", "description": PAGE_TOKEN_TEXT}
    built: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        built["required"] = sorted(set(required), key=required.index)
    built["additionalProperties"] = False
    return ToolInput(built, arguments, token)


def output_schema(builder: SchemaBuilder, operation: Operation) -> dict[str, Any]:
    """What a successful call's structured result holds: the status, the parsed reply as JSON, and
    for a paged operation the token of the next page (for a streamed one, the items gathered)."""
    properties: dict[str, Any] = {"status": {"type": "integer", "description": "the reply's HTTP status"}}
    if operation.always_streams and operation.stream is not None:
        properties["result"] = {"type": "array", "items": builder.schema(operation.stream.item), "description": "the streamed items gathered"}
        properties["truncated"] = {"type": "boolean", "description": "true when the stream was cut at the server's bound"}
    else:
        properties["result"] = described(builder.schema(operation.return_type), "the parsed reply")
    if operation.pagination is not None:
        properties["next_page_token"] = {"type": ["string", "null"], "description": "pass it as `page_token` for the next page; null on the last page"}
    return {"type": "object", "properties": properties, "required": ["status", "result"]}
