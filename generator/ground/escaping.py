"""The two escapes every stage writing Python source shares: values as `repr`-built literals and
names re-checked as identifiers. The templates use them as filters (render/filters.py); the test
builders (testgen) build source fragments with them, so spec text reaches code one way only."""

from __future__ import annotations

import keyword


def literal(value: object) -> str:
    """A Python literal for a scalar or a flat container of scalars, built with repr."""
    if value is None or isinstance(value, (bool, int, str)):
        return repr(value)
    if isinstance(value, float):
        return repr(value) if value == value and value not in (float("inf"), float("-inf")) else "None"
    if isinstance(value, tuple):
        inner = ", ".join(literal(item) for item in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, list):
        return "[" + ", ".join(literal(item) for item in value) + "]"
    if isinstance(value, frozenset):
        return "frozenset({" + ", ".join(literal(item) for item in sorted(value, key=str)) + "})" if value else "frozenset()"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(key)}: {literal(item)}" for key, item in value.items()) + "}"
    raise TypeError(f"no literal form for {type(value).__name__}")


def ident(name: object) -> str:
    text = str(name)
    if not text.isidentifier() or not text.isascii() or keyword.iskeyword(text):
        raise ValueError(f"not a safe identifier: {text!r}")
    return text
