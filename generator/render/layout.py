"""Layout hints that make ruff's output equal black's, for the few constructs where they differ.

The default formatter is ruff (see `ruff_format.py`); its style is black's except in places like a
function parameter whose union annotation is too long for one line: black wraps the annotation in
parentheses and ruff splits at the `|`. Both keep parentheses that are already there when they are
needed, so the templates write them in exactly those cases. The tests compare with black itself.
"""

from __future__ import annotations

import unicodedata

LINE_LENGTH = 100
_CLOSERS = {"(": ")", "[": "]", "{": "}"}


def parameter(name: str, annotation: str, default: str | None, indent: int) -> str:
    """`name: annotation = default` for one line of an exploded signature, black's way when too long."""
    tail = f" = {default}" if default else ""
    line = f"{name}: {annotation}{tail},"
    if indent + width(line) <= LINE_LENGTH or not is_union(annotation):
        return f"{name}: {annotation}{tail}"
    return f"{name}: ({annotation}){tail}"


def is_union(annotation: str) -> bool:
    """Whether `|` joins parts at the top level (not inside brackets or string literals)."""
    depth = 0
    quote = ""
    index = 0
    while index < len(annotation):
        char = annotation[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in _CLOSERS:
            depth += 1
        elif char in _CLOSERS.values():
            depth -= 1
        elif char == "|" and depth == 0:
            return True
        index += 1
    return False


def constant(name: str, value_source: str) -> str:
    """`NAME: Any = value`, except for a string or bytes literal, which needs no annotation.

    For a too-long literal after an annotation black adds parentheses and ruff does not; without the
    annotation both leave the line as it is.
    """
    if value_source[:1] in "'\"" or value_source[:2] in ("b'", 'b"'):
        return f"{name} = {value_source}"
    return f"{name}: Any = {value_source}"


def fits(text: str, indent: int = 0) -> bool:
    return indent + width(text) <= LINE_LENGTH


def width(text: str) -> int:
    """Columns as the formatters count them: wide East Asian characters take two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(_char_width(char) for char in text)


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
