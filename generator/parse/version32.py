"""What OpenAPI 3.2 adds to paths and parameters: `additionalOperations` (any HTTP method, besides
the fixed ones and `query`) and `in: querystring` (one parameter that is the whole query string)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..ground.diagnostics import WarningSink
from .ir import Parameter, Primitive
from ..ground.pointers import join_pointer
from ..ground.naming import NameScope, make_identifier
from .schemas import SchemaConverter
from .text import describe, unverified_note

_TOKEN = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")  # an HTTP method is a token (RFC 9110)


def path_operations(item: dict[str, Any], item_pointer: str, methods: tuple[str, ...]) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(method, operation, pointer) of a path item: the fixed methods, then `additionalOperations`."""
    for method in methods:
        node = item.get(method)
        if isinstance(node, dict):
            yield method, node, join_pointer(item_pointer, method)
    additional = item.get("additionalOperations")
    if isinstance(additional, dict):
        pointer = join_pointer(item_pointer, "additionalOperations")
        for method, node in additional.items():
            if isinstance(method, str) and _TOKEN.match(method) and method.lower() not in methods and isinstance(node, dict):
                yield method, node, join_pointer(pointer, method)


def querystring_parameter(resolved: dict[str, Any], pointer: str, scope: NameScope, converter: SchemaConverter, warnings: WarningSink, operation_id: str) -> Parameter:
    """An `in: querystring` parameter: its one media type says how the whole query is written
    (form fields of an object, or JSON text); the client takes the value and writes the query."""
    wire = str(resolved.get("name"))
    raw_content = resolved.get("content")
    content: dict[str, Any] = raw_content if isinstance(raw_content, dict) else {}
    media_type, media = next(iter(content.items()), ("application/x-www-form-urlencoded", {}))
    schema = media.get("schema") if isinstance(media, dict) else None
    schema_pointer = join_pointer(join_pointer(join_pointer(pointer, "content"), media_type), "schema")
    hint = make_identifier(operation_id, style="pascal", fallback="operation") + make_identifier(wire, style="pascal", fallback="param")
    type_ref = converter.type_of(schema, schema_pointer, hint) if schema is not None else Primitive("dict[str, Any]")
    base = media_type.split(";")[0].strip().lower()
    if "json" in base:
        style = "json"
    else:
        style = "form"
        if base != "application/x-www-form-urlencoded":
            warnings.warn(pointer, f"querystring parameter {wire!r} as {media_type}: the client writes it as form fields")
    return Parameter(
        name=scope.claim(make_identifier(wire, fallback="param")),
        wire_name=wire,
        location="querystring",
        type=type_ref,
        required=resolved.get("required") is True,
        style=style,
        explode=True,
        description=describe(resolved),
        deprecated=resolved.get("deprecated") is True,
        unverified=unverified_note(resolved),
        content_type=media_type,
    )
