"""Which OpenAPI object a position in a document holds, as far as the bundler needs to know.

The bundler decides by it what an external `$ref` becomes: a schema is lifted into the schemas
section (so recursion stays recursion), a parameter, response, ... into its own section, anything
else is inlined. A member's kind follows from its parent's kind and its name: `properties/pet` in a
schema holds a schema, `responses/200` in an operation a response, `example` data.
"""

from __future__ import annotations

from enum import Enum


class Kind(Enum):
    DOCUMENT = "document"
    COMPONENTS = "components"
    PATH_ITEM = "path item"
    OPERATION = "operation"
    PARAMETER = "parameter"
    REQUEST_BODY = "request body"
    RESPONSE = "response"
    MEDIA_TYPE = "media type"
    ENCODING = "encoding"
    HEADER = "header"
    SCHEMA = "schema"
    DISCRIMINATOR = "discriminator"
    EXAMPLE = "example"
    LINK = "link"
    CALLBACK = "callback"
    SECURITY_SCHEME = "security scheme"
    OTHER = "other"  # not known: its `$ref`s are inlined, as every reader of OpenAPI would
    DATA = "data"  # a value (an example, a default, an extension's content): never followed


class Shape(Enum):
    ONE = "one"  # the member holds one object of the kind (or, for schemas, a list of them)
    LIST = "list"  # a list of them
    NAMES = "names"  # a map of names to them (`properties`, `schemas`): its keys are names
    NAMES_AND_EXTENSIONS = "names and extensions"  # a map whose `x-` keys are extensions (`paths`, `responses`)


Child = tuple[Shape, Kind]

_DATA_MEMBERS = frozenset({"example", "default", "enum", "const"})
_OPERATIONS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace", "query"})
_SCHEMA_ONE = frozenset(
    {
        "items", "additionalProperties", "not", "contains", "if", "then", "else", "propertyNames", "unevaluatedItems",
        "unevaluatedProperties", "additionalItems", "contentSchema",
    }
)
_SCHEMA_LIST = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
_SCHEMA_NAMES = frozenset({"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"})

_COMPONENT_SECTIONS: dict[str, Kind] = {
    "schemas": Kind.SCHEMA,
    "responses": Kind.RESPONSE,
    "parameters": Kind.PARAMETER,
    "requestBodies": Kind.REQUEST_BODY,
    "headers": Kind.HEADER,
    "examples": Kind.EXAMPLE,
    "links": Kind.LINK,
    "callbacks": Kind.CALLBACK,
    "pathItems": Kind.PATH_ITEM,
    "securitySchemes": Kind.SECURITY_SCHEME,
}

_MEMBERS: dict[Kind, dict[str, Child]] = {
    Kind.DOCUMENT: {
        "paths": (Shape.NAMES_AND_EXTENSIONS, Kind.PATH_ITEM),
        "webhooks": (Shape.NAMES, Kind.PATH_ITEM),
        "components": (Shape.ONE, Kind.COMPONENTS),
        # Swagger 2.0's sections
        "definitions": (Shape.NAMES, Kind.SCHEMA),
        "parameters": (Shape.NAMES, Kind.PARAMETER),
        "responses": (Shape.NAMES, Kind.RESPONSE),
        "securityDefinitions": (Shape.NAMES, Kind.SECURITY_SCHEME),
    },
    Kind.COMPONENTS: {name: (Shape.NAMES, kind) for name, kind in _COMPONENT_SECTIONS.items()},
    Kind.PATH_ITEM: {
        **{method: (Shape.ONE, Kind.OPERATION) for method in _OPERATIONS},
        "parameters": (Shape.LIST, Kind.PARAMETER),
        "additionalOperations": (Shape.NAMES, Kind.OPERATION),
    },
    Kind.OPERATION: {
        "parameters": (Shape.LIST, Kind.PARAMETER),
        "requestBody": (Shape.ONE, Kind.REQUEST_BODY),
        "responses": (Shape.NAMES_AND_EXTENSIONS, Kind.RESPONSE),
        "callbacks": (Shape.NAMES, Kind.CALLBACK),
    },
    Kind.PARAMETER: {
        "schema": (Shape.ONE, Kind.SCHEMA),
        "items": (Shape.ONE, Kind.SCHEMA),  # Swagger 2.0
        "content": (Shape.NAMES, Kind.MEDIA_TYPE),
        "examples": (Shape.NAMES, Kind.EXAMPLE),
    },
    Kind.REQUEST_BODY: {"content": (Shape.NAMES, Kind.MEDIA_TYPE)},
    Kind.RESPONSE: {
        "content": (Shape.NAMES, Kind.MEDIA_TYPE),
        "headers": (Shape.NAMES, Kind.HEADER),
        "links": (Shape.NAMES, Kind.LINK),
        "schema": (Shape.ONE, Kind.SCHEMA),  # Swagger 2.0
        "examples": (Shape.ONE, Kind.DATA),  # Swagger 2.0: media type -> value
    },
    Kind.MEDIA_TYPE: {
        "schema": (Shape.ONE, Kind.SCHEMA),
        "itemSchema": (Shape.ONE, Kind.SCHEMA),
        "examples": (Shape.NAMES, Kind.EXAMPLE),
        "encoding": (Shape.NAMES, Kind.ENCODING),
    },
    Kind.ENCODING: {"headers": (Shape.NAMES, Kind.HEADER)},
    Kind.HEADER: {
        "schema": (Shape.ONE, Kind.SCHEMA),
        "items": (Shape.ONE, Kind.SCHEMA),  # Swagger 2.0
        "content": (Shape.NAMES, Kind.MEDIA_TYPE),
        "examples": (Shape.NAMES, Kind.EXAMPLE),
    },
    Kind.SCHEMA: {
        **{member: (Shape.ONE, Kind.SCHEMA) for member in _SCHEMA_ONE},
        **{member: (Shape.LIST, Kind.SCHEMA) for member in _SCHEMA_LIST},
        **{member: (Shape.NAMES, Kind.SCHEMA) for member in _SCHEMA_NAMES},
        "examples": (Shape.ONE, Kind.DATA),  # JSON Schema's list of values
        "discriminator": (Shape.ONE, Kind.DISCRIMINATOR),
    },
    Kind.EXAMPLE: {"value": (Shape.ONE, Kind.DATA)},
    Kind.LINK: {"parameters": (Shape.ONE, Kind.DATA), "requestBody": (Shape.ONE, Kind.DATA)},
}

# The kinds an external `$ref` lifts into a section, by where the section is (OpenAPI 3.x, Swagger 2.0).
_SECTIONS_3: dict[Kind, tuple[str, ...]] = {
    kind: ("components", name) for name, kind in _COMPONENT_SECTIONS.items() if kind not in (Kind.PATH_ITEM, Kind.SECURITY_SCHEME)
}
_SECTIONS_2: dict[Kind, tuple[str, ...]] = {Kind.SCHEMA: ("definitions",), Kind.PARAMETER: ("parameters",), Kind.RESPONSE: ("responses",)}


def member_child(kind: Kind, member: str) -> Child:
    """What the member `member` of an object of `kind` holds."""
    if kind is Kind.DATA or member.startswith("x-") or member in _DATA_MEMBERS:
        return Shape.ONE, Kind.DATA
    if kind is Kind.CALLBACK:  # expression -> path item
        return Shape.ONE, Kind.PATH_ITEM
    found = _MEMBERS.get(kind, {}).get(member)
    if found is not None:
        return found
    return Shape.ONE, Kind.DATA if kind is Kind.DISCRIMINATOR else Kind.OTHER


def section_for(kind: Kind, swagger2: bool) -> tuple[str, ...] | None:
    """Where in the bundled document a target of `kind` is lifted to, or None to inline it."""
    return (_SECTIONS_2 if swagger2 else _SECTIONS_3).get(kind)


def sections(swagger2: bool) -> dict[tuple[str, ...], Kind]:
    """Every section the bundler may lift into, with the kind its entries hold."""
    return {where: kind for kind, where in (_SECTIONS_2 if swagger2 else _SECTIONS_3).items()}
