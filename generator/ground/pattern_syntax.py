"""A document's `pattern` spelled for Python's `re`.

JSON schema patterns are ECMA-262 regexes; documents (AWS above all) also use Unicode property
escapes such as `\\p{L}` and Java's POSIX names (`\\p{Alpha}`) that Python's `re` rejects.
`translate` rewrites them into plain character classes, and ECMA's named groups into Python's.
"""

from __future__ import annotations

import functools
import re
import warnings

from .unicode_categories import category_runs

# POSIX-style (Java) property names, ASCII-only as in Java's default mode.
_POSIX: dict[str, str] = {
    "ascii": r"\x00-\x7f",
    "print": r"\x20-\x7e",
    "graph": r"\x21-\x7e",
    "alpha": "a-zA-Z",
    "alnum": "a-zA-Z0-9",
    "digit": "0-9",
    "lower": "a-z",
    "upper": "A-Z",
    "punct": r"!-/:-@\[-`{-~",
    "space": r" \t\n\x0b\f\r",
    "blank": r" \t",
    "cntrl": r"\x00-\x1f\x7f",
    "xdigit": "0-9a-fA-F",
}
# Long Unicode category names, as some documents spell them (\p{Letter}).
_LONG: dict[str, str] = {
    "letter": "L",
    "lowercase_letter": "Ll",
    "uppercase_letter": "Lu",
    "titlecase_letter": "Lt",
    "mark": "M",
    "number": "N",
    "decimal_number": "Nd",
    "punctuation": "P",
    "symbol": "S",
    "separator": "Z",
    "space_separator": "Zs",
    "other": "C",
    "control": "Cc",
}
_PROPERTY = re.compile(r"\\([pP])(?:\{\^?([A-Za-z_&= ]+)\}|([A-Za-z]))")


def _escape(code: int) -> str:
    return f"\\U{code:08x}"


@functools.lru_cache(maxsize=None)
def _category_ranges(category: str, negate: bool) -> str:
    """Class body (ranges, no brackets) of the code points whose general category starts with `category`."""
    ranges: list[tuple[int, int]] = []
    for low, high, name in category_runs():
        if name.startswith(category) == negate:
            continue
        if ranges and ranges[-1][1] == low - 1:
            ranges[-1] = (ranges[-1][0], high)
        else:
            ranges.append((low, high))
    return "".join(_escape(lo) if lo == hi else f"{_escape(lo)}-{_escape(hi)}" for lo, hi in ranges)


def _property_body(name: str, negate: bool) -> str | None:
    """Class body for one property name, or None when the name is unknown."""
    key = name.strip().lower().removeprefix("is")
    if key in _POSIX:
        body = _POSIX[key]
        if not negate:
            return body
        # A negated POSIX class inside a bracket: its complement, via a compiled check of each code point.
        matcher = re.compile(f"[{body}]")
        return "".join(_escape(code) for code in range(0x80) if not matcher.match(chr(code))) + r"\x80-\U0010ffff"
    category = _LONG.get(key, name.strip().replace("&", ""))
    if not re.fullmatch(r"[A-Z][a-z]?", category):
        return None
    return _category_ranges(category, negate)


def translate(pattern: str) -> str:
    """`pattern` with `\\p{..}`/`\\P{..}` escapes spelled as classes Python's `re` understands.

    Inside a bracket the escape becomes ranges; outside it becomes a bracket of its own. Escaped
    backslashes are kept as they are. Unknown property names are left alone (compiling then fails
    and callers fall back).
    """
    out: list[str] = []
    index = 0
    in_class = False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            match = _PROPERTY.match(pattern, index)
            if match is not None:
                name = match.group(2) or match.group(3)
                negate = (match.group(1) == "P") != ("{^" in match.group(0))
                body = _property_body(name, negate)
                if body is not None:
                    out.append(body if in_class else f"[{body}]")
                    index = match.end()
                    continue
            pair = pattern[index : index + 2]
            out.append("\\Z" if pair == "\\z" else pair)  # Java/PCRE end of input; Python spells it \Z
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
            out.append(char)
            index += 1
            # A `]` (or `^]`) right after the opening bracket is a literal member, not the end.
            if pattern.startswith("^", index):
                out.append("^")
                index += 1
            if pattern.startswith("]", index):
                out.append("\\]")
                index += 1
            continue
        if char == "]" and in_class:
            in_class = False
        out.append(char)
        index += 1
    text = re.sub(r"\\k<(\w+)>", r"(?P=\1)", "".join(out))
    # ECMA named groups `(?<name>...)` are `(?P<name>...)` in Python (lookbehinds stay as they are).
    return text.replace("(?<", "(?P<").replace("(?P<=", "(?<=").replace("(?P<!", "(?<!")


@functools.lru_cache(maxsize=4096)
def compile_pattern(pattern: str) -> re.Pattern[str] | None:
    """The document's pattern compiled for Python (after `translate`), or None when it cannot be."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)  # "possible nested set": harmless here
            return re.compile(translate(pattern))
    except (re.error, OverflowError, RecursionError):
        return None
