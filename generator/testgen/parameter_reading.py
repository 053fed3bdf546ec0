"""Parameters whose schema allows null, as the generated tests' validator can read them.

The tests' checks read a parameter's `type` as one string (as openapi-core 0.23 did) to pick how
to deserialize it from the URL, and fail on OpenAPI 3.1's `type: [string, "null"]` (which
clientsmith's repair of a 3.1 `nullable` also writes). A parameter's value on the wire is text and never JSON null (the client
leaves a None parameter out), so the tests' copy of the document reads such a parameter schema as
its one non-null type. The copy is local to the parameter: a component the parameter refers to is
inlined, changed there only, so bodies that use the same component keep their null.
"""

from __future__ import annotations

import copy
from typing import Any

from ..ground.pointers import follow_refs

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")


def parameters_without_null(document: dict[str, Any]) -> dict[str, Any]:
    """`document` (changed in place and returned) with each null-allowing parameter type narrowed,
    and each deepObject parameter that leaves `explode` out read exploded: OpenAPI defines deepObject
    only so (SoundCloud's `bpm[from]`), and the tests' checks refuse to read it otherwise."""
    for parameter in _parameters(document):
        if parameter.get("style") == "deepObject" and "explode" not in parameter:
            parameter["explode"] = True
        schema = parameter.get("schema")
        resolved = follow_refs(document, schema)
        narrowed = _without_null(resolved)
        if narrowed is not None:
            parameter["schema"] = narrowed
    return document


def _parameters(document: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    holders: list[Any] = []
    components = document.get("components")
    if isinstance(components, dict) and isinstance(components.get("parameters"), dict):
        found += [item for item in components["parameters"].values() if isinstance(item, dict)]
    for item in (document.get("paths") or {}).values() if isinstance(document.get("paths"), dict) else []:
        if isinstance(item, dict):
            holders.append(item)
            holders += [item[method] for method in _METHODS if isinstance(item.get(method), dict)]
    for holder in holders:
        entries = holder.get("parameters")
        if isinstance(entries, list):
            found += [entry for entry in entries if isinstance(entry, dict) and "$ref" not in entry]
    return found


def _without_null(schema: Any) -> dict[str, Any] | None:
    """A copy of `schema` with `type: [T, "null"]` read as `type: T`, or None when there is nothing to narrow."""
    if not isinstance(schema, dict) or not isinstance(schema.get("type"), list):
        return None
    kinds = [kind for kind in schema["type"] if kind != "null"]
    if len(kinds) != 1 or len(kinds) == len(schema["type"]):
        return None
    narrowed = copy.deepcopy(schema)
    narrowed["type"] = kinds[0]
    if isinstance(narrowed.get("enum"), list):
        narrowed["enum"] = [value for value in narrowed["enum"] if value is not None]
    return narrowed
