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
    encoding, media_type = schema.get("contentEncoding"), schema.get("contentMediaType")
    if isinstance(encoding, str):
        content = f"`{media_type}` content" if isinstance(media_type, str) else "Content"
        notes.append(f"{content}, {encoding}-encoded on the wire.")
    return notes


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
