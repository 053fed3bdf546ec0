"""JSON Schema 2020-12's embedded schema resources: a `$ref` that names a `$id` or `$anchor` of the
same file is not a file to open.

`{"$id": "https://example.com/item", ...}` inside a file makes `item` (resolved against the
enclosing `$id`s) a name of that schema; such references are resolved later in the pipeline, the
bundler only must not read them as file paths or URLs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urldefrag, urljoin

from ..ground.pointers import split_pointer


@dataclass(frozen=True)
class EmbeddedIds:
    """The resolved `$id`s of a file's embedded schemas (not its top level's) and its anchors."""

    ids: frozenset[str]
    anchors: frozenset[str]
    top_base: str

    def names(self, data: Any, pointer: str, ref: str) -> bool:
        """Whether `ref`, at `pointer` in the file's `data`, names one of this file's schemas."""
        if not self.ids and not self.anchors:
            return False
        base, embedded = _base_at(data, pointer, self.top_base)
        if embedded and ref.startswith("#"):
            return True  # `#/...` inside an embedded resource points into that resource
        resolved = urljoin(base, ref) if base else ref
        return urldefrag(resolved)[0] in self.ids or resolved in self.anchors


def find_embedded_ids(data: Any) -> EmbeddedIds:
    top = data.get("$id") if isinstance(data, dict) else None
    top_base = top if isinstance(top, str) else ""
    ids: set[str] = set()
    anchors: set[str] = set()
    stack: list[tuple[Any, str]] = [(data, top_base)]
    while stack:
        value, base = stack.pop()
        if isinstance(value, dict):
            own = value.get("$id")
            if isinstance(own, str) and value is not data:
                base = urljoin(base, own) if base else own
                ids.add(urldefrag(base)[0])
            for keyword in ("$anchor", "$dynamicAnchor"):
                anchor = value.get(keyword)
                if isinstance(anchor, str):
                    anchors.add(f"{urldefrag(base)[0]}#{anchor}")
            stack.extend((item, base) for key, item in value.items() if isinstance(item, (dict, list)) and not str(key).startswith("x-"))
        elif isinstance(value, list):
            stack.extend((item, base) for item in value if isinstance(item, (dict, list)))
    return EmbeddedIds(frozenset(ids), frozenset(anchors), top_base)


def _base_at(data: Any, pointer: str, top_base: str) -> tuple[str, bool]:
    """The base URI at `pointer` and whether an embedded `$id` (not the file's top one) sets it."""
    base, embedded, node = top_base, False, data
    for token in split_pointer(pointer):
        if isinstance(node, dict):
            node = node.get(token)
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            break
        own = node.get("$id") if isinstance(node, dict) else None
        if isinstance(own, str):
            base, embedded = (urljoin(base, own) if base else own), True
    return base, embedded
