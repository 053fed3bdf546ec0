"""Schema defects real documents carry, each with the one reading it leaves.

Each rule looks at one schema as written and, when the schema is wrong for the document's OpenAPI
version but means one thing, plans an edit that says that thing in the version's own terms (so the
parser, the example maker and the generated tests' validator all read it alike) plus a message
naming the defect and the reading. Rules never guess between meanings: what has several stays.

- OpenAPI 3.1 keywords in a 3.0 document: `type: 'null'`, a list of types, `const`, an `examples`
  list, a numeric `exclusiveMinimum`/`exclusiveMaximum`, and JSON Schema keywords 3.0 lacks;
- `nullable` and a boolean `exclusiveMinimum` (3.0 keywords) in a 3.1 document;
- `required: true` inside a property's schema (draft 3 style): the property is required;
- a type name in the wrong case or Swagger 2's `file`;
- `enum` and `default` values of the wrong type: converted when the conversion loses nothing (the
  YAML text `yes` under `type: string` is "yes"), else dropped.

Notes without an edit: members beside a 3.0 `$ref`, unknown formats and 3.1's `if`/`then`/`else`
(not typed), one note per kind of defect (with its count), since documents repeat them hundreds of
times.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..ground.pointers import join_pointer
from .messages import TYPE_ALIASES, short
from .places import Place

Edit = Callable[[Callable[[Any], Any]], None]
"""Applies a change to the document's copy; its argument maps an original object to its copy."""

_TYPES = ("array", "boolean", "integer", "number", "object", "string")
_TYPE_SET = frozenset(_TYPES)
# JSON Schema keywords a 3.0 Schema object does not have (3.0 ignores none of them: it refuses them).
_NOT_IN_30 = (
    "$schema", "$id", "id", "$anchor", "$comment", "$defs", "definitions", "$dynamicRef", "$dynamicAnchor",
    "contentMediaType", "contentEncoding", "contentSchema", "prefixItems", "contains", "minContains", "maxContains",
    "if", "then", "else", "dependentRequired", "dependentSchemas", "dependencies", "patternProperties", "propertyNames",
    "unevaluatedItems", "unevaluatedProperties", "additionalItems",
)
# Members beside a 3.0 `$ref` that the generator applies to the reference (as 3.1 would) ...
APPLIED_BESIDE_REF = ("nullable", "readOnly", "writeOnly", "deprecated", "default")
# ... and those that only annotate: applied too, and too common to be worth a note.
QUIET_BESIDE_REF = ("description", "summary", "title", "example", "examples", "externalDocs", "$comment")
# Formats of the OpenAPI format registry and JSON Schema, plus `url` (common, and read as `uri`).
KNOWN_FORMATS = frozenset(
    {
        "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float", "double", "decimal",
        "decimal128", "double-int", "byte", "binary", "base64url", "char", "commonmark", "html", "password",
        "date", "date-time", "time", "duration", "http-date", "unixtime", "email", "idn-email", "hostname",
        "idn-hostname", "ipv4", "ipv6", "uri", "uri-reference", "iri", "iri-reference", "uri-template", "url",
        "uuid", "json-pointer", "relative-json-pointer", "regex", "media-range", "sf-binary", "sf-boolean",
        "sf-decimal", "sf-integer", "sf-string", "sf-token",
    }
)


@dataclass(frozen=True)
class Planned:
    pointer: str
    message: str
    edit: Edit | None  # None: a note only
    group: str = ""  # notes of one group are reported once, with their count


ScalarText = Callable[[str, Any], "str | None"]
"""The document's own spelling of the scalar `value` at a pointer, when it has one (YAML, JSON)."""


def schema_repairs(place: Place, version: str, scalar_text: ScalarText) -> Iterator[Planned]:
    node = place.node
    if "$ref" in node and isinstance(node["$ref"], str):
        if version == "3.0" and len(node) > 1:
            yield from _beside_ref(node, place)
        return
    # Most schemas have nothing to repair: one set operation decides that for them.
    suspects = node.keys() & (_SUSPECTS_30 if version == "3.0" else _SUSPECTS_31)
    if "type" in suspects and type(node["type"]) is str and node["type"] in _TYPE_SET:
        suspects.discard("type")  # the common case: one valid type name
    if not suspects:
        return
    if "type" in suspects:
        if version == "3.0":
            yield from _type_of_31(place)
        yield from _type_names(node, place)
    if version == "3.0":
        if suspects & _ONLY_31:
            yield from _keywords_of_31(place, suspects)
    else:
        if suspects & _ONLY_30:
            yield from _keywords_of_30(place)
        if "if" in suspects and ("then" in node or "else" in node):
            yield Planned(
                join_pointer(place.pointer, "if"),
                "if/then/else is not typed: the client reads the schema without its condition (the generated tests' checks apply it)",
                None,
                group="if-then-else",
            )
    if "properties" in suspects or "required" in suspects:
        yield from _required_flags(node, place)
    if "enum" in suspects or "default" in suspects:
        yield from _values_of_type(node, place, scalar_text)
    if "format" in suspects:
        yield from _formats(node, place)
    if "items" in suspects and isinstance(node["items"], list):
        yield _tuple_items(node, place.pointer, version)


_COMMON_SUSPECTS = frozenset({"type", "properties", "required", "enum", "default", "format", "items"})
_ONLY_31 = frozenset({"const", "examples", "exclusiveMinimum", "exclusiveMaximum", *_NOT_IN_30})  # or spelled as 3.1 does
_ONLY_30 = frozenset({"nullable", "exclusiveMinimum", "exclusiveMaximum"})
_SUSPECTS_30 = _COMMON_SUSPECTS | _ONLY_31 | {"type"}
_SUSPECTS_31 = _COMMON_SUSPECTS | _ONLY_30 | {"if"}


# ---------------------------------------------------------------------------- 3.0 documents


def _type_of_31(place: Place) -> Iterator[Planned]:
    declared = place.node.get("type")
    if declared == "null" or isinstance(declared, list):
        yield _type_list(place.node, place.pointer, [declared] if declared == "null" else declared)


def _keywords_of_31(place: Place, suspects: set[str]) -> Iterator[Planned]:
    node = place.node
    if "const" in node:
        value = node["const"]

        def const_to_enum(copy_of: Callable[[Any], Any], value: Any = value) -> None:
            target = copy_of(node)
            del target["const"]
            target["enum"] = [value]
            if value is None:
                target["nullable"] = True

        yield Planned(join_pointer(place.pointer, "const"), f"const is OpenAPI 3.1; read as enum: [{short(value)}]", const_to_enum)
    examples = node.get("examples")
    if examples is not None:
        if isinstance(examples, list) and examples and "example" not in node:

            def first_example(copy_of: Callable[[Any], Any]) -> None:
                target = copy_of(node)
                target["example"] = target.pop("examples")[0]

            yield Planned(join_pointer(place.pointer, "examples"), "a list of examples in a schema is OpenAPI 3.1; read as example: its first item", first_example)
        else:
            yield Planned(join_pointer(place.pointer, "examples"), "'examples' is not a schema keyword in OpenAPI 3.0; ignored", _drop(node, "examples"))
    for bound, inclusive in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        value = node.get(bound)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            yield _numeric_exclusive(node, place.pointer, bound, inclusive, value)
    for keyword in _NOT_IN_30:
        if keyword in suspects:
            yield Planned(join_pointer(place.pointer, keyword), f"'{keyword}' is not a schema keyword in OpenAPI 3.0; ignored", _drop(node, keyword))


def _type_list(node: dict[str, Any], pointer: str, declared: list[Any]) -> Planned:
    """`type: [string, 'null']` -> `type: string, nullable: true`; several types -> `anyOf`."""
    names = [name for name in declared if isinstance(name, str) and name != "null"]
    null = "null" in declared
    where = join_pointer(pointer, "type")
    shown = f"type {short(declared[0]) if len(declared) == 1 else '[' + ', '.join(map(str, declared)) + ']'}"
    if not names:

        def null_only(copy_of: Callable[[Any], Any]) -> None:
            target = copy_of(node)
            del target["type"]
            target["nullable"] = True
            target["enum"] = [None]

        return Planned(where, f"{shown} is OpenAPI 3.1; read as null only (nullable: true, enum: [null])", null_only)
    if len(names) == 1:

        def one_type(copy_of: Callable[[Any], Any]) -> None:
            target = copy_of(node)
            target["type"] = names[0]
            if null:
                target["nullable"] = True
                _allow_null_in_enum(target)

        reading = f"type: {names[0]}, nullable: true" if null else f"type: {names[0]}"
        return Planned(where, f"{shown} is OpenAPI 3.1 (a list of types); read as {reading}", one_type)

    def any_of_types(copy_of: Callable[[Any], Any]) -> None:
        target = copy_of(node)
        del target["type"]
        options = [_typed_option(target, name) for name in dict.fromkeys(names)]
        if isinstance(target.get("anyOf"), list):
            target["allOf"] = list(target.get("allOf") or []) + [{"anyOf": options}]
        else:
            target["anyOf"] = options
        if null:
            target["nullable"] = True
            _allow_null_in_enum(target)

    reading = f"anyOf: [{', '.join(dict.fromkeys(names))}]" + (", nullable: true" if null else "")
    return Planned(where, f"{shown} is OpenAPI 3.1 (a list of types); read as {reading}", any_of_types)


def _tuple_items(node: dict[str, Any], pointer: str, version: str) -> Planned:
    """`items: [A, B]` is JSON Schema draft 4's tuple (2020-12 spells it `prefixItems`).

    3.1 reads it as `prefixItems` (the rest, `additionalItems`, as `items`). 3.0 has no tuples: the
    closest honest reading is a list whose items are any of the positions' schemas.
    """
    positions = [item for item in node["items"] if isinstance(item, (dict, bool))]
    where = join_pointer(pointer, "items")
    shown = f"items as a list of {len(positions)} schema{'s' if len(positions) != 1 else ''} (draft 4's tuple form)"
    if version != "3.0":

        def to_prefix_items(copy_of: Callable[[Any], Any]) -> None:
            target = copy_of(node)
            target["prefixItems"] = [copy_of(item) if isinstance(item, dict) else item for item in positions]  # repaired in place too
            rest = target.pop("additionalItems", None)
            if isinstance(rest, (dict, bool)) and rest is not True:
                target["items"] = copy_of(rest) if isinstance(rest, dict) else rest
            else:
                del target["items"]

        return Planned(where, f"{shown} is not OpenAPI 3.1; read as prefixItems", to_prefix_items)
    distinct = [item for index, item in enumerate(positions) if isinstance(item, dict) and item not in positions[:index]]

    def to_any_of(copy_of: Callable[[Any], Any]) -> None:
        target = copy_of(node)
        target.pop("additionalItems", None)
        options = [copy_of(item) for item in distinct]  # the copies: the positions' own repairs apply to them
        target["items"] = options[0] if len(options) == 1 else {"anyOf": options} if options else {}
        if any(item is True for item in positions):
            target["items"] = {}

    reading = "items: the one schema they share" if len(distinct) == 1 else f"items: anyOf its {len(distinct)} schemas" if distinct else "items of any value"
    return Planned(where, f"{shown} is not OpenAPI 3.0; read as {reading}", to_any_of)


_ARRAY_KEYWORDS = ("items", "minItems", "maxItems", "uniqueItems")
_OBJECT_KEYWORDS = ("properties", "required", "additionalProperties", "minProperties", "maxProperties")


def _typed_option(schema: dict[str, Any], name: str) -> dict[str, Any]:
    """One option of a split type list; the keywords that only constrain that type move into it."""
    option: dict[str, Any] = {"type": name}
    moved = _ARRAY_KEYWORDS if name == "array" else _OBJECT_KEYWORDS if name == "object" else ()
    for keyword in moved:
        if keyword in schema:
            option[keyword] = schema.pop(keyword)
    return option


def _numeric_exclusive(node: dict[str, Any], pointer: str, bound: str, inclusive: str, value: float) -> Planned:
    def boolean_bound(copy_of: Callable[[Any], Any]) -> None:
        target = copy_of(node)
        other = target.get(inclusive)
        stricter = not _is_number(other) or (value >= other if bound == "exclusiveMinimum" else value <= other)
        if stricter:
            target[inclusive] = value
            target[bound] = True
        else:
            del target[bound]

    return Planned(join_pointer(pointer, bound), f"{bound}: {short(value)} is OpenAPI 3.1 (a number); read as {inclusive}: {short(value)}, {bound}: true", boolean_bound)


# ---------------------------------------------------------------------------- 3.1 documents


def _keywords_of_30(place: Place) -> Iterator[Planned]:
    node = place.node
    if "nullable" in node:
        yield _nullable_31(place)
    for bound, inclusive in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        flag = node.get(bound)
        if isinstance(flag, bool):
            limit = node.get(inclusive)
            if flag and _is_number(limit):

                def numeric_bound(copy_of: Callable[[Any], Any], bound: str = bound, inclusive: str = inclusive, limit: Any = limit) -> None:
                    target = copy_of(node)
                    target[bound] = limit
                    del target[inclusive]

                yield Planned(join_pointer(place.pointer, bound), f"{bound}: true is OpenAPI 3.0 (a boolean); read as {bound}: {short(limit)}", numeric_bound)
            else:
                yield Planned(join_pointer(place.pointer, bound), f"{bound}: {short(flag)} is OpenAPI 3.0 (a boolean) and bounds nothing here; ignored", _drop(node, bound))


def _nullable_31(place: Place) -> Planned:
    """3.1 has no `nullable`: `type` gains "null"; a schema without a type gets a null option."""
    node, pointer = place.node, place.pointer
    where = join_pointer(pointer, "nullable")
    if node["nullable"] is not True:
        return Planned(where, f"nullable: {short(node['nullable'])} is OpenAPI 3.0; ignored", _drop(node, "nullable"))
    declared = node.get("type")
    if isinstance(declared, (str, list)):
        names = [declared] if isinstance(declared, str) else list(declared)

        def null_type(copy_of: Callable[[Any], Any]) -> None:
            target = copy_of(node)
            del target["nullable"]
            target["type"] = names if "null" in names else names + ["null"]
            _allow_null_in_enum(target)

        reading = ", ".join(map(str, names if "null" in names else names + ["null"]))
        return Planned(where, f"nullable is OpenAPI 3.0; read as type: [{reading}]", null_type)
    keyword = "oneOf" if isinstance(node.get("oneOf"), list) else "anyOf" if isinstance(node.get("anyOf"), list) else None
    if keyword is not None and not ("allOf" in node or "$ref" in node):

        def null_option(copy_of: Callable[[Any], Any], keyword: str = keyword) -> None:
            target = copy_of(node)
            del target["nullable"]
            target[keyword] = list(target[keyword]) + [{"type": "null"}]

        return Planned(where, f"nullable is OpenAPI 3.0; read as a null option of {keyword}", null_option)
    # A reference, an allOf or a typeless schema: the generator reads `nullable` as written (the
    # type allows None); restructuring the schema would rename the models built from it.
    return Planned(where, "nullable is OpenAPI 3.0; read as allowing null", None)


# ---------------------------------------------------------------------------- both versions


def _beside_ref(node: dict[str, Any], place: Place) -> Iterator[Planned]:
    for member in node:
        if member == "$ref" or member.startswith("x-") or member in QUIET_BESIDE_REF:
            continue
        if member == "required" and isinstance(node[member], bool) and place.tokens[:1] == ("properties",):
            continue  # `required: true` on a property: its parent reads it (_required_flags)
        if member in APPLIED_BESIDE_REF:
            message = f"{member} beside $ref is ignored by OpenAPI 3.0; read as applying to the reference, as 3.1 does"
        else:
            message = f"{member} beside $ref is ignored by OpenAPI 3.0; ignored"
        yield Planned(join_pointer(place.pointer, member), message, None, group=f"beside-ref:{member}")


def _type_names(node: dict[str, Any], place: Place) -> Iterator[Planned]:
    declared = node.get("type")
    names = declared if isinstance(declared, list) else [declared] if isinstance(declared, str) else []
    for index, name in enumerate(names):
        if not isinstance(name, str) or name in _TYPES or name == "null":
            continue
        where = join_pointer(place.pointer, "type") if isinstance(declared, str) else join_pointer(join_pointer(place.pointer, "type"), index)
        if name.lower() in _TYPES or name.lower() == "null":
            yield Planned(where, f"type {name!r} is not a type name (they are lower case); read as {name.lower()!r}", _retype(node, name, name.lower()))
        elif name == "file":
            yield Planned(where, "type 'file' is Swagger 2.0; read as type: string, format: binary", _file_type(node))
        elif name.lower() in TYPE_ALIASES:
            yield Planned(where, f"type {name!r} is no type name; read as {TYPE_ALIASES[name.lower()]!r}", _retype(node, name, TYPE_ALIASES[name.lower()]))


def _retype(node: dict[str, Any], old: str, new: str) -> Edit:
    def retype(copy_of: Callable[[Any], Any]) -> None:
        target = copy_of(node)
        declared = target["type"]
        target["type"] = new if isinstance(declared, str) else [new if item == old else item for item in declared]

    return retype


def _file_type(node: dict[str, Any]) -> Edit:
    def file_type(copy_of: Callable[[Any], Any]) -> None:
        target = copy_of(node)
        declared = target["type"]
        target["type"] = "string" if isinstance(declared, str) else ["string" if item == "file" else item for item in declared]
        target.setdefault("format", "binary")

    return file_type


def _required_flags(node: dict[str, Any], place: Place) -> Iterator[Planned]:
    """`properties: {name: {required: true}}` (draft 3): `name` belongs in the parent's `required`."""
    properties = node.get("properties")
    if isinstance(properties, dict):
        for name, schema in properties.items():
            if isinstance(schema, dict) and isinstance(schema.get("required"), bool):
                flag = schema["required"]

                def hoist(copy_of: Callable[[Any], Any], name: str = name, schema: dict[str, Any] = schema, flag: bool = flag) -> None:
                    target, prop = copy_of(node), copy_of(schema)
                    del prop["required"]
                    if flag:
                        listed = target.get("required") if isinstance(target.get("required"), list) else []
                        target["required"] = listed + ([name] if name not in listed else [])

                where = join_pointer(join_pointer(join_pointer(place.pointer, "properties"), name), "required")
                reading = f"read as {name!r} listed in the object's required" if flag else "read as not required"
                yield Planned(where, f"required: {str(flag).lower()} inside a property's schema is not OpenAPI; {reading}", hoist)
    if isinstance(node.get("required"), bool) and place.tokens[:1] != ("properties",):
        yield Planned(join_pointer(place.pointer, "required"), f"required: {str(node['required']).lower()} in a schema is not OpenAPI (required lists property names); ignored", _drop(node, "required"))


def _formats(node: dict[str, Any], place: Place) -> Iterator[Planned]:
    value = node.get("format")
    if isinstance(value, str) and value not in KNOWN_FORMATS:
        declared = node.get("type")
        kind = declared if isinstance(declared, str) else "value"
        yield Planned(join_pointer(place.pointer, "format"), f"unknown format {short(value)}; read as a plain {kind}", None, group=f"format:{value}")


# ---------------------------------------------------------------------------- values of the wrong type


def _values_of_type(node: dict[str, Any], place: Place, scalar_text: ScalarText) -> Iterator[Planned]:
    declared = node.get("type")
    kinds = [declared] if isinstance(declared, str) else [k for k in declared if isinstance(k, str)] if isinstance(declared, list) else []
    kinds = [kind.lower() for kind in kinds]
    if not kinds or not all(kind in _TYPES or kind == "null" for kind in kinds):
        return
    if node.get("nullable") is True:
        kinds.append("null")
    enum = node.get("enum")
    if isinstance(enum, list) and "array" not in kinds and "object" not in kinds:  # an array's enum may mean its items
        yield from _enum_values(node, place.pointer, enum, kinds, scalar_text)
    if "default" in node and not _fits(node["default"], kinds):
        where = join_pointer(place.pointer, "default")
        converted = _convert(node["default"], kinds, scalar_text(where, node["default"]))
        if converted is not _NO_VALUE:
            yield Planned(where, f"default {short(node['default'])} is not {_kinds(kinds)}; read as {short(converted)}", _set(node, "default", converted))
        else:
            yield Planned(where, f"default {short(node['default'])} is not {_kinds(kinds)}; ignored", _drop(node, "default"))


def _enum_values(node: dict[str, Any], pointer: str, enum: list[Any], kinds: list[str], scalar_text: ScalarText) -> Iterator[Planned]:
    if all(_fits(value, kinds) or (value is None and node.get("nullable") is not False) for value in enum):
        return
    kept: list[Any] = []
    converted_any: list[str] = []
    dropped: list[str] = []
    for index, value in enumerate(enum):
        if _fits(value, kinds) or value is None:
            kept.append(value)
            continue
        converted = _convert(value, kinds, scalar_text(join_pointer(join_pointer(pointer, "enum"), index), value))
        if converted is _NO_VALUE:
            dropped.append(short(value))
        else:
            kept.append(converted)
            converted_any.append(f"{short(value)} as {short(converted)}")
    parts = []
    if converted_any:
        parts.append("read " + ", ".join(converted_any[:3]) + (", ..." if len(converted_any) > 3 else ""))
    if dropped:
        parts.append(("dropped " if kept else "the enum is ignored: ") + ", ".join(dropped[:3]) + (", ..." if len(dropped) > 3 else ""))
    message = f"enum values of the wrong type (not {_kinds(kinds)}); {'; '.join(parts)}"
    yield Planned(join_pointer(pointer, "enum"), message, _set(node, "enum", kept) if kept else _drop(node, "enum"))


_NO_VALUE = object()


def _fits(value: Any, kinds: list[str]) -> bool:
    for kind in kinds:
        if kind == "string" and isinstance(value, str):
            return True
        if kind == "integer" and isinstance(value, int) and not isinstance(value, bool):
            return True
        if kind == "integer" and isinstance(value, float) and value.is_integer():
            return True
        if kind == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return True
        if kind == "boolean" and isinstance(value, bool):
            return True
        if kind == "null" and value is None:
            return True
        if kind == "array" and isinstance(value, list):
            return True
        if kind == "object" and isinstance(value, dict):
            return True
    return False


_INTEGER_TEXT = re.compile(r"-?(0|[1-9][0-9]*)")
_NUMBER_TEXT = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")


def _convert(value: Any, kinds: list[str], source: str | None) -> Any:
    """The value of one of `kinds` that `value` spells without loss, or _NO_VALUE."""
    for kind in kinds:
        if kind == "string" and isinstance(value, (bool, int, float)) and value is not None:
            if source is not None:
                return source  # the document's own spelling (`yes`, `1.10`, `0755`)
            if isinstance(value, bool):
                return "true" if value else "false"
            return repr(value) if isinstance(value, float) else str(value)
        if kind == "integer" and isinstance(value, str) and _INTEGER_TEXT.fullmatch(value.strip()):
            return int(value.strip())
        if kind == "number" and isinstance(value, str) and _NUMBER_TEXT.fullmatch(value.strip()):
            number = float(value.strip())
            if math.isfinite(number):
                return int(number) if _INTEGER_TEXT.fullmatch(value.strip()) else number
        if kind == "boolean" and isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
    return _NO_VALUE


def _kinds(kinds: list[str]) -> str:
    spoken = {"string": "a string", "integer": "an integer", "number": "a number", "boolean": "a boolean", "null": "null", "array": "a list", "object": "an object"}
    return " or ".join(spoken[kind] for kind in dict.fromkeys(kinds) if kind in spoken)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _allow_null_in_enum(target: dict[str, Any]) -> None:
    enum = target.get("enum")
    if isinstance(enum, list) and None not in enum:
        target["enum"] = enum + [None]


def _drop(node: dict[str, Any], member: str) -> Edit:
    def drop(copy_of: Callable[[Any], Any]) -> None:
        copy_of(node).pop(member, None)

    return drop


def _set(node: dict[str, Any], member: str, value: Any) -> Edit:
    def assign(copy_of: Callable[[Any], Any]) -> None:
        copy_of(node)[member] = value

    return assign
