"""Whether two oneOf options certainly overlap: some value is valid under both.

JSON Schema's oneOf rejects such a value, yet documents write oneOf for "one of these shapes" with
options a single value can satisfy (a plain string twice; objects whose properties are all optional).
Conservative: True only when a value valid under both is evident (identical schemas; two unrestricted
scalars of one type; `{}` or the empty array for unconstrained objects and arrays; an object holding
just the required properties of both); anything it cannot judge is "no overlap".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..ground.schema_check import object_parts

Resolve = Callable[[Any], Any]
_ANNOTATIONS = frozenset({"title", "description", "example", "examples", "deprecated", "readOnly", "writeOnly", "externalDocs", "xml", "$comment", "default", "nullable"})
_SCALARS = ("string", "integer", "number", "boolean")
_SCALAR_KEYWORDS = frozenset({"type"})
_OBJECT_KEYWORDS = frozenset({"type", "properties", "required", "additionalProperties", "allOf"})
_ARRAY_KEYWORDS = frozenset({"type", "items", "maxItems", "uniqueItems"})
_MAX_DEPTH = 8


def certainly_overlap(resolve: Resolve, first: Any, second: Any, depth: int = 0) -> bool:
    a, b = _essence(resolve, first), _essence(resolve, second)
    if a is None or b is None or depth > _MAX_DEPTH:
        return False
    if a == b:
        return True
    kind_a, kind_b = _kind(a), _kind(b)
    if kind_a != kind_b or kind_a is None:
        return False
    if kind_a in _SCALARS:
        return set(a) <= _SCALAR_KEYWORDS and set(b) <= _SCALAR_KEYWORDS
    if kind_a == "array":
        return set(a) <= _ARRAY_KEYWORDS and set(b) <= _ARRAY_KEYWORDS  # [] is valid under both
    return _objects_overlap(resolve, a, b, depth)


def _essence(resolve: Resolve, schema: Any) -> dict[str, Any] | None:
    resolved = resolve(schema)
    if not isinstance(resolved, dict):
        return None
    return {key: value for key, value in resolved.items() if key not in _ANNOTATIONS and not str(key).startswith("x-")}


def _kind(schema: dict[str, Any]) -> str | None:
    kind = schema.get("type")
    if isinstance(kind, str):
        return kind
    if kind is None and ("properties" in schema or "allOf" in schema):
        return "object"
    return None


def _objects_overlap(resolve: Resolve, a: dict[str, Any], b: dict[str, Any], depth: int) -> bool:
    """An object with just the required properties of both, each valid under both sides."""
    if not _plain_object(resolve, a, 0) or not _plain_object(resolve, b, 0):
        return False
    properties_a, required_a = object_parts(resolve, a)
    properties_b, required_b = object_parts(resolve, b)
    for name in required_a | required_b:
        in_a, in_b = properties_a.get(name), properties_b.get(name)
        if in_a is not None and in_b is not None:
            if not certainly_overlap(resolve, in_a, in_b, depth + 1):
                return False
        elif not all(_open(resolve, side) for side, declared in ((a, in_a), (b, in_b)) if declared is None):
            return False  # a side that does not declare the name forbids extra names
    return True


def _plain_object(resolve: Resolve, schema: dict[str, Any], depth: int) -> bool:
    """An object schema built from properties, required, additionalProperties and allOf of the same."""
    if depth > _MAX_DEPTH or not set(schema) <= _OBJECT_KEYWORDS:
        return False
    for part in schema.get("allOf") or []:
        resolved = _essence(resolve, part)
        if resolved is None or not _plain_object(resolve, resolved, depth + 1):
            return False
    return True


def _open(resolve: Resolve, schema: dict[str, Any]) -> bool:
    """No additionalProperties restriction anywhere in the object's allOf."""
    if schema.get("additionalProperties", True) is not True:
        return False
    return all(_open(resolve, part) for part in (_essence(resolve, item) for item in schema.get("allOf") or []) if part is not None)
