"""Where a part of a bundled document came from: a pointer in the bundle -> (file, pointer in it).

The bundler records one entry per place a file's part was put (a lifted component, an inlined path
item); below an entry the bundle has the file's own layout, so the rest of a pointer is appended.
Pointers, not objects, are kept: validate's repairs copy the document, and its pointers still hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..ground.diagnostics import Location
from ..ground.pointers import join_pointer, split_pointer
from .documents import SourceFile


@dataclass(frozen=True)
class Origin:
    source: SourceFile
    pointer: str


@dataclass
class SourceMap:
    """The root file for every pointer no entry covers."""

    root: SourceFile
    entries: dict[tuple[str, ...], Origin] = field(default_factory=dict)

    def origin(self, pointer: str) -> Origin:
        """The file and the pointer in it of the bundle's `pointer`."""
        tokens = tuple(split_pointer(pointer))
        if self.entries:
            for length in range(len(tokens), 0, -1):
                found = self.entries.get(tokens[:length])
                if found is not None:
                    inner = found.pointer
                    for token in tokens[length:]:
                        inner = join_pointer(inner, token)
                    return Origin(found.source, inner)
        return Origin(self.root, pointer)

    def locate(self, pointer: str) -> Location:
        origin = self.origin(pointer)
        return origin.source.locate(origin.pointer)

    def scalar_text(self, pointer: str, value: Any) -> str | None:
        origin = self.origin(pointer)
        return origin.source.scalar_text(origin.pointer, value)


def record_origins(data: Any, origins: dict[int, Origin], source_map: SourceMap) -> None:
    """Fill `source_map` with the pointers at which the objects of `origins` (by id) stand in `data`.

    An inlined object may stand at several pointers; each is recorded.
    """
    stack: list[tuple[Any, tuple[str, ...]]] = [(data, ())]
    while stack:
        value, tokens = stack.pop()
        found = origins.get(id(value))
        if found is not None and tokens:
            source_map.entries[tokens] = found
        if isinstance(value, dict):
            stack.extend((item, (*tokens, str(key))) for key, item in value.items() if isinstance(item, (dict, list)))
        elif isinstance(value, list):
            stack.extend((item, (*tokens, str(index))) for index, item in enumerate(value) if isinstance(item, (dict, list)))
