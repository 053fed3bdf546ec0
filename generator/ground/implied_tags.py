"""The value that tells a union's options apart when no discriminator names it.

A `oneOf`/`anyOf` whose options each require a property pinned to one string (a `const`, or an
`enum` of one value) is told apart by that value, as JSON Schema tells them apart: a value holding
another option's string is not valid under this one. The property may sit at any depth of required
properties: two sources that differ only in `configuration.type` (`enum: [file]` vs `enum: [url]`).
The client reads such a union as a tagged one on that path, and the tests expect the same option;
without it both would accept the value (enums are open in the client) and the first option would win.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .pointers import follow_refs

_MAX_DEPTH = 4  # how deep a tag is looked for, in required properties


@dataclass(frozen=True)
class ImpliedTag:
    """`path` (wire names, the tag's own name last) holds `values[i]` in option i and nowhere else."""

    path: tuple[str, ...]
    values: tuple[str, ...]


def implied_tag(document: dict[str, Any], options: list[Any]) -> ImpliedTag | None:
    """The shortest path (then the first in document order) at which every option pins a value of
    its own, or None when the options do not all pin one there (or two pin the same)."""
    pins = [_pins(document, option, (), 0) for option in options]
    if len(pins) < 2 or any(not found for found in pins):
        return None
    shared = [path for path in pins[0] if all(path in found for found in pins[1:])]
    for path in sorted(shared, key=len):  # stable: document order among paths of one length
        values = tuple(found[path] for found in pins)
        if len(set(values)) == len(values):
            return ImpliedTag(path, values)
    return None


def _pins(document: dict[str, Any], schema: Any, prefix: tuple[str, ...], depth: int) -> dict[tuple[str, ...], str]:
    """The paths of required properties (below `prefix`) each pinned to one string, with that string."""
    schema = follow_refs(document, schema)
    if not isinstance(schema, dict) or depth > _MAX_DEPTH:
        return {}
    properties: dict[str, Any] = {}
    required: set[str] = set()
    for part in [schema, *[follow_refs(document, part) for part in schema.get("allOf") or [] if isinstance(part, dict)]]:
        if isinstance(part, dict):
            if isinstance(part.get("properties"), dict):
                properties.update(part["properties"])
            if isinstance(part.get("required"), list):
                required.update(name for name in part["required"] if isinstance(name, str))
    found: dict[tuple[str, ...], str] = {}
    for name, prop in properties.items():
        if name not in required:
            continue
        resolved = follow_refs(document, prop)
        pinned = _pinned_string(resolved)
        if pinned is not None:
            found[(*prefix, name)] = pinned
        elif isinstance(resolved, dict):
            found.update(_pins(document, resolved, (*prefix, name), depth + 1))
    return found


def _pinned_string(schema: Any) -> str | None:
    if not isinstance(schema, dict):
        return None
    if isinstance(schema.get("const"), str):
        return str(schema["const"])
    enum = schema.get("enum")
    if isinstance(enum, list) and len(enum) == 1 and isinstance(enum[0], str):
        return enum[0]
    return None
