"""Prose from a spec, gathered for docstrings (the templates escape it)."""

from __future__ import annotations

from typing import Any


def describe(node: Any) -> str:
    """The title and description of a spec node, plus its `x-unverified` note, as plain text."""
    if not isinstance(node, dict):
        return ""
    parts: list[str] = []
    for key in ("summary", "title", "description"):
        value = node.get(key)
        if isinstance(value, str) and value.strip() and value.strip() not in parts:
            parts.append(value.strip())
    parts += _validation_notes(node)
    return "\n\n".join(parts)


def _validation_notes(schema: dict[str, Any]) -> list[str]:
    """What a schema checks that its type cannot say (JSON Schema 2020-12 keywords), in words."""
    notes: list[str] = []
    dependent = schema.get("dependentRequired")
    if isinstance(dependent, dict):
        for name, needed in dependent.items():
            names = [item for item in needed if isinstance(item, str)] if isinstance(needed, list) else []
            if names:
                notes.append(f"When `{name}` is present, {_names(names)} must be present too.")
    positions = schema.get("prefixItems")
    if isinstance(positions, list) and positions:
        spelled = ", ".join(_kind(position) for position in positions)
        rest = schema.get("items")
        after = "no more items" if rest is False else f"then items of {_kind(rest)}" if isinstance(rest, dict) else "then any items"
        notes.append(f"Items by position: {spelled}; {after}.")
    encoding, media_type = schema.get("contentEncoding"), schema.get("contentMediaType")
    if isinstance(encoding, str):
        content = f"`{media_type}` content" if isinstance(media_type, str) else "Content"
        notes.append(f"{content}, {encoding}-encoded on the wire.")
    return notes


def _kind(schema: Any) -> str:
    """A position's schema in a word or two: its reference's name, its type, else "any value"."""
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str):
            return f"`{ref.rsplit('/', 1)[-1]}`"
        declared = schema.get("type")
        if isinstance(declared, str):
            return f"`{declared}`"
        if isinstance(declared, list):
            return " or ".join(f"`{item}`" for item in declared if isinstance(item, str))
    return "any value"


def _names(names: list[str]) -> str:
    spelled = [f"`{name}`" for name in names]
    return spelled[0] if len(spelled) == 1 else ", ".join(spelled[:-1]) + " and " + spelled[-1]


def unverified_note(node: Any) -> str:
    if isinstance(node, dict):
        note = node.get("x-unverified")
        if isinstance(note, str) and note.strip():
            return note.strip()
        if note is True:
            return "not confirmed by the provider's documentation"
    return ""
