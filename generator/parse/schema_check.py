"""Whether an example value plainly breaks its schema (the checks the generated contract tests make).

Documents' own examples are often wrong (a number spelled as a string, a value outside the enum, an
ARN placeholder that misses the pattern); the tests validate every request and reply against the
document, so such an example would fail them. This is a small, lenient validator: it flags only what
the test's validator (openapi-core) certainly rejects, and it says "fine" for anything it cannot judge.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import functools
import re
import uuid
from collections.abc import Callable
from typing import Any, Literal, TypeGuard

import idna  # httpx's dependency: the IDNA 2008 rules validators check `idn-hostname` with

from .regex_sample import compile_pattern

Purpose = Literal["request", "response"]
Resolve = Callable[[Any], Any]
_MAX_DEPTH = 24
# RFC 3339 full-time, JSON Schema's `time` (the tests check it so too): the offset is required.
_FULL_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)")
_RFC3339 = re.compile(r"\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)")


@functools.lru_cache(maxsize=2048)
def _compiled(pattern: str) -> re.Pattern[str] | None:
    return compile_pattern(pattern)


def is_number(value: Any) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def number_fits(schema: dict[str, Any], value: Any) -> bool:
    """Bounds (3.0 boolean and 3.1 numeric exclusive forms) and multipleOf, as jsonschema checks them."""
    if not is_number(value):
        return True
    low, high = schema.get("minimum"), schema.get("maximum")
    low_exclusive, high_exclusive = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
    if is_number(low) and (value < low or (low_exclusive is True and value == low)):
        return False
    if is_number(high) and (value > high or (high_exclusive is True and value == high)):
        return False
    if is_number(low_exclusive) and value <= low_exclusive:
        return False
    if is_number(high_exclusive) and value >= high_exclusive:
        return False
    step = schema.get("multipleOf")
    if is_number(step) and step > 0:
        if isinstance(step, float) or isinstance(value, float):
            try:
                quotient = value / step
                return bool(int(quotient) == quotient)
            except (OverflowError, ValueError):
                return False
        return bool(value % step == 0)
    return True


def string_fits(schema: dict[str, Any], value: str) -> bool:
    """Length bounds, pattern (searched, as JSON schema means it) and the formats a validator checks."""
    low, high = schema.get("minLength"), schema.get("maxLength")
    if isinstance(low, int) and len(value) < low:
        return False
    if isinstance(high, int) and len(value) > high:
        return False
    pattern = schema.get("pattern")
    if isinstance(pattern, str):
        compiled = _compiled(pattern)
        if compiled is not None and compiled.search(value) is None:
            return False
    return _format_fits(str(schema.get("format", "")), value)


def _format_fits(kind: str, value: str) -> bool:
    try:
        if kind == "date-time":
            # RFC 3339 only: Python's fromisoformat also takes ISO basic forms ("20170214T1215Z") that validators reject.
            return _RFC3339.fullmatch(value) is not None and datetime.datetime.fromisoformat(value.upper().replace("Z", "+00:00")) is not None
        if kind == "date":
            return len(value) == 10 and datetime.date.fromisoformat(value) is not None
        if kind == "uuid":
            return uuid.UUID(value) is not None and len(value) == 36
        if kind == "byte":
            return base64.b64decode(value, validate=True) is not None
        if kind == "time":
            return _FULL_TIME.fullmatch(value) is not None
        if kind == "idn-hostname":
            return bool(idna.encode(value))
    except (ValueError, binascii.Error, idna.IDNAError):
        return False
    return True


def _type_fits(kind: str, value: Any) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, float) and value.is_integer())
    if kind == "number":
        return is_number(value)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "array":
        return isinstance(value, list)
    if kind == "object":
        return isinstance(value, dict)
    if kind == "null":
        return value is None
    return True


def violates(resolve: Resolve, schema: Any, value: Any, purpose: Purpose, depth: int = 0) -> bool:
    """Whether `value` certainly breaks `schema` (references followed through `resolve`)."""
    schema = resolve(schema)
    if not isinstance(schema, dict) or depth > _MAX_DEPTH:
        return False
    if value is None:
        kinds = schema.get("type")
        return not (schema.get("nullable") is True or kinds == "null" or (isinstance(kinds, list) and "null" in kinds) or kinds is None)
    if "const" in schema and not _same(schema["const"], value):
        return True
    if isinstance(schema.get("enum"), list) and schema["enum"] and not any(_same(option, value) for option in schema["enum"]):
        return True
    kinds = schema.get("type")
    if isinstance(kinds, str) and not _type_fits(kinds, value):
        return True
    if isinstance(kinds, list) and kinds and not any(_type_fits(str(kind), value) for kind in kinds):
        return True
    if isinstance(value, str) and not string_fits(schema, value):
        return True
    if not number_fits(schema, value):
        return True
    if isinstance(value, list) and _array_violates(resolve, schema, value, purpose, depth):
        return True
    if isinstance(value, dict) and _object_violates(resolve, schema, value, purpose, depth):
        return True
    for part in schema.get("allOf") or []:
        if violates(resolve, part, value, purpose, depth + 1):
            return True
    for keyword in ("oneOf", "anyOf"):
        options = schema.get(keyword)
        if isinstance(options, list) and options and all(violates(resolve, option, value, purpose, depth + 1) for option in options):
            return True
    return False


def _same(expected: Any, value: Any) -> bool:
    return bool(expected == value) and (isinstance(expected, bool) == isinstance(value, bool))


def _array_violates(resolve: Resolve, schema: dict[str, Any], value: list[Any], purpose: Purpose, depth: int) -> bool:
    low, high = schema.get("minItems"), schema.get("maxItems")
    if isinstance(low, int) and len(value) < low:
        return True
    if isinstance(high, int) and len(value) > high:
        return True
    if schema.get("uniqueItems") is True:
        texts = [repr(item) for item in value]
        if len(set(texts)) != len(texts):
            return True
    items = schema.get("items")
    return isinstance(items, dict) and any(violates(resolve, items, item, purpose, depth + 1) for item in value)


def object_parts(resolve: Resolve, schema: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """Properties and required names of an object schema, `allOf` parts merged in."""
    properties: dict[str, Any] = {}
    required: set[str] = set()
    stack: list[Any] = [schema]
    seen = 0
    while stack and seen < 200:  # bounded: allOf chains may loop through references
        seen += 1
        part = resolve(stack.pop(0))
        if not isinstance(part, dict):
            continue
        if isinstance(part.get("properties"), dict):
            properties.update(part["properties"])
        if isinstance(part.get("required"), list):
            required.update(str(name) for name in part["required"])
        stack.extend(part.get("allOf") or [])
    return properties, required


def skipped(resolve: Resolve, schema: Any, purpose: Purpose) -> bool:
    """A property that does not travel this way (readOnly in requests, writeOnly in replies)."""
    resolved = resolve(schema)
    if not isinstance(resolved, dict):
        return False
    return resolved.get("readOnly" if purpose == "request" else "writeOnly") is True


def _object_violates(resolve: Resolve, schema: dict[str, Any], value: dict[str, Any], purpose: Purpose, depth: int) -> bool:
    properties = schema.get("properties") if isinstance(schema.get("properties"), dict) else {}
    required = schema.get("required") if isinstance(schema.get("required"), list) else []
    assert isinstance(properties, dict) and isinstance(required, list)
    for name in required:
        if name not in value and not skipped(resolve, properties.get(name), purpose):
            return True
    low, high = schema.get("minProperties"), schema.get("maxProperties")
    if (isinstance(low, int) and len(value) < low) or (isinstance(high, int) and len(value) > high):
        return True
    extra = schema.get("additionalProperties")
    for key, item in value.items():
        if key in properties:
            if violates(resolve, properties[key], item, purpose, depth + 1):
                return True
        elif extra is False and not schema.get("allOf"):
            return True
        elif isinstance(extra, dict) and violates(resolve, extra, item, purpose, depth + 1):
            return True
    return False
