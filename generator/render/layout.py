"""Layout hints that make ruff's output equal black's, for the few constructs where they differ.

The default formatter is ruff (see `ruff_format.py`); its style is black's except in places like a
function parameter whose union annotation is too long for one line: black wraps the annotation in
parentheses and ruff splits at the `|`. Both keep parentheses that are already there when they are
needed, so the templates write them in exactly those cases. The tests compare with black itself.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from ..ground.escaping import literal
from ..testgen.views import source

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


def data_constant(name: str, value_source: str, value: Any) -> str:
    """`constant`, except that a JSON value spelled out whole (`value_source` is its source) and too
    long for one line is laid out by hand, one member per line with what is nested inside on the
    member's line, between `# fmt: off` and `# fmt: on`: a formatter would give every nested member a
    line of its own, and a reply of GitHub's takes several times the room."""
    line = constant(name, value_source)
    if fits(line) or not isinstance(value, (dict, list)) or not value or value_source != source(value):
        return line
    return f"# fmt: off\n{name}: Any = {_members(value, '')}\n# fmt: on"


def _members(value: Any, indent: str) -> str:
    """A dict or list, one member per line; an object in a list (a page of items) the same, once."""
    inner = indent + "    "
    if isinstance(value, dict):
        lines = [f"{inner}{_inline(key)}: {_inline(item)}," for key, item in value.items()]
        return "{\n" + "\n".join(lines) + f"\n{indent}}}"
    lines = [f"{inner}{_members(item, inner) if isinstance(item, dict) and item and not indent else _inline(item)}," for item in value]
    return "[\n" + "\n".join(lines) + f"\n{indent}]"


def _inline(value: Any) -> str:
    """`source(value)` on one line, text in double quotes where that needs no escape (black's
    preference, which no formatter applies under `# fmt: off`)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_inline(key)}: {_inline(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_inline(item) for item in value) + "]"
    text = source(value)
    if type(value) is str and text.startswith("'") and '"' not in value:
        return '"' + text[1:-1] + '"'  # repr chose single quotes: the text holds no quote at all
    return text


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
