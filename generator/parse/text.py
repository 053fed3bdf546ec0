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
    return "\n\n".join(parts)


def unverified_note(node: Any) -> str:
    if isinstance(node, dict):
        note = node.get("x-unverified")
        if isinstance(note, str) and note.strip():
            return note.strip()
        if note is True:
            return "not confirmed by the provider's documentation"
    return ""
