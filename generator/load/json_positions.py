"""Line and column of the value at a JSON pointer in a JSON document, found on demand.

YAML documents are located by composing their node tree (documents.py); composing a large JSON
document that way takes seconds and hundreds of MB. Here only the containers on a pointer's way are
read: each container visited once records where each of its members' values starts (the members
between are skipped by the json module's own C scanner), so a document's locations cost a few
passes of its size at most, however many warnings ask. The text was already parsed by `json.loads`,
so it is valid JSON here.
"""

from __future__ import annotations

import bisect
import json.decoder
import re
from array import array
from collections.abc import Callable
from typing import Any

from ..ground.pointers import split_pointer

_SPACE = re.compile(r"[ \t\n\r]*")
_NEWLINE = re.compile(r"\n")
# The json module's own readers (C when available), which typeshed does not declare: a string
# from its opening quote, and any value from its first character; each returns where it ends.
_read_string: Callable[[str, int], tuple[str, int]] = getattr(json.decoder, "scanstring")
_Scanner = Callable[[str, int], tuple[Any, int]]


class JsonPositions:
    """Positions in one JSON text; containers are read the first time a pointer passes through them."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._scan: _Scanner = getattr(json.decoder.JSONDecoder(), "scan_once")
        self._members: dict[int, dict[str, int] | list[int]] = {}  # container offset -> its values' offsets
        self._newlines: array[int] | None = None  # offsets of the line breaks, 8 bytes each

    def line_column(self, pointer: str) -> tuple[int | None, int | None]:
        """1-based line and column of the deepest value on the pointer's way (columns count characters)."""
        offset, _ = self._offset(pointer)
        if offset is None:
            return None, None
        if self._newlines is None:
            self._newlines = array("q", (match.start() for match in _NEWLINE.finditer(self._text)))
        line = bisect.bisect_left(self._newlines, offset)
        start = self._newlines[line - 1] + 1 if line else 0
        return line + 1, offset - start + 1

    def scalar_text(self, pointer: str, value: Any) -> str | None:
        """How the text spells the non-string scalar `value` at `pointer` (`1.0`, `true`), when it is there."""
        offset, complete = self._offset(pointer)
        if offset is None or not complete or self._text[offset] in '"{[':
            return None  # a string is spelled as itself, in quotes
        try:
            spelled, end = self._scan(self._text, offset)
        except (StopIteration, ValueError):
            return None
        return self._text[offset:end] if type(spelled) is type(value) and spelled == value else None

    def _offset(self, pointer: str) -> tuple[int | None, bool]:
        """Where the deepest value on the pointer's way starts, and whether it is the pointer's own."""
        offset = self._skip_space(0)
        if offset >= len(self._text):
            return None, False
        for token in split_pointer(pointer):
            members = self._read(offset)
            if isinstance(members, dict):
                child = members.get(token)
            elif token.isdigit() and int(token) < len(members):
                child = members[int(token)]
            else:
                child = None
            if child is None:
                return offset, False
            offset = child
        return offset, True

    def _read(self, offset: int) -> dict[str, int] | list[int]:
        """The offsets of a container's member values (empty for a scalar), read once."""
        known = self._members.get(offset)
        if known is not None:
            return known
        opening = self._text[offset]
        members: dict[str, int] | list[int] = {} if opening == "{" else []
        if opening in "{[":
            try:
                self._read_members(offset, members)
            except (StopIteration, ValueError, IndexError):
                pass  # cannot happen for text json.loads accepted; what was read stands
        self._members[offset] = members
        return members

    def _read_members(self, offset: int, members: dict[str, int] | list[int]) -> None:
        text, scan = self._text, self._scan
        closing = "}" if isinstance(members, dict) else "]"
        index = self._skip_space(offset + 1)
        if text[index] == closing:
            return
        while True:
            if isinstance(members, dict):
                key, index = _read_string(text, index + 1)
                index = self._skip_space(self._skip_space(index) + 1)  # past the colon
                members[key] = index  # a repeated key: the last wins, as in json.loads
            else:
                members.append(index)
            _, index = scan(text, index)
            index = self._skip_space(index)
            if text[index] != ",":
                return
            index = self._skip_space(index + 1)

    def _skip_space(self, index: int) -> int:
        match = _SPACE.match(self._text, index)
        return match.end() if match is not None else index
