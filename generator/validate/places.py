"""Every OpenAPI object of a document where it is written, with its pointer.

The repairs need the objects as written (not followed through `$ref`: a component is visited once,
in components). The walk is iterative, visits each object once even when YAML aliases share it,
and spells a pointer only when asked (GitHub's document has 55,000 objects; few need one).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..ground.pointers import join_pointer

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SUBSCHEMA_ONES = ("items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "additionalItems")
SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems", "items")  # `items` as a list: draft 4 tuples
SUBSCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SUBSCHEMA_ORDER = SUBSCHEMA_ONES + tuple(key for key in SUBSCHEMA_LISTS if key != "items") + SUBSCHEMA_MAPS
_SUBSCHEMA_KEYS = frozenset(_SUBSCHEMA_ORDER)
_LIST_KEYS = frozenset(SUBSCHEMA_LISTS)
_MAP_KEYS = frozenset(SUBSCHEMA_MAPS)
_COMPONENTS = (
    ("schemas", "schema"),
    ("parameters", "parameter"),
    ("headers", "header"),
    ("responses", "response"),
    ("requestBodies", "request body"),
    ("pathItems", "path item"),
    ("callbacks", "callback"),
)


class Place:
    """An object of `kind` ("schema", "parameter", "operation", ...), reached from `parent` by `tokens`."""

    __slots__ = ("kind", "node", "parent", "tokens", "_pointer")

    def __init__(self, kind: str, node: dict[str, Any], parent: Place | None, tokens: tuple[str | int, ...]) -> None:
        self.kind = kind
        self.node = node
        self.parent = parent
        self.tokens = tokens
        self._pointer: str | None = None

    @property
    def pointer(self) -> str:
        if self._pointer is None:
            pointer = self.parent.pointer if self.parent is not None else "#"
            for token in self.tokens:
                pointer = join_pointer(pointer, token)
            self._pointer = pointer
        return self._pointer


def places(document: dict[str, Any]) -> Iterator[Place]:
    """Schemas (with every subschema), parameters, headers, media types, responses, request bodies,
    operations and path items: components first, then webhooks and paths."""
    roots: list[tuple[str, Any, tuple[str | int, ...]]] = []
    components = document.get("components")
    if isinstance(components, dict):
        for section, kind in _COMPONENTS:
            entries = components.get(section)
            if isinstance(entries, dict):
                roots += [(kind, value, ("components", section, name)) for name, value in entries.items()]
    for section in ("webhooks", "paths"):
        entries = document.get(section)
        if isinstance(entries, dict):
            roots += [("path item", value, (section, name)) for name, value in entries.items()]
    stack: list[tuple[str, Any, Place | None, tuple[str | int, ...]]] = [(kind, node, None, tokens) for kind, node, tokens in reversed(roots)]
    seen: set[int] = set()
    while stack:
        kind, node, parent, tokens = stack.pop()
        if type(node) is not dict or id(node) in seen:
            continue
        seen.add(id(node))
        place = Place(kind, node, parent, tokens)
        yield place
        if kind != "schema" and "$ref" in node:
            continue
        found: list[tuple[str, Any, Place | None, tuple[str | int, ...]]] = []
        _children(place, found)
        stack.extend(reversed(found))


def _children(place: Place, found: list[tuple[str, Any, Place | None, tuple[str | int, ...]]]) -> None:
    kind, node = place.kind, place.node
    if kind == "schema":
        present = node.keys() & _SUBSCHEMA_KEYS  # most schemas have none or one: test only those
        if present:
            for key in _SUBSCHEMA_ORDER:
                if key not in present:
                    continue
                child = node[key]
                if type(child) is dict:
                    if key in _MAP_KEYS:
                        found += [("schema", value, place, (key, name)) for name, value in child.items()]
                    else:
                        found.append(("schema", child, place, (key,)))
                elif type(child) is list and key in _LIST_KEYS:
                    found += [("schema", item, place, (key, index)) for index, item in enumerate(child)]
    elif kind == "path item":
        _list(place, "parameters", "parameter", found)
        for method in METHODS:
            if type(node.get(method)) is dict:
                found.append(("operation", node[method], place, (method,)))
    elif kind == "operation":
        _list(place, "parameters", "parameter", found)
        if type(node.get("requestBody")) is dict:
            found.append(("request body", node["requestBody"], place, ("requestBody",)))
        _map(place, "responses", "response", found)
        _map(place, "callbacks", "callback", found)
    elif kind == "callback":
        found += [("path item", value, place, (name,)) for name, value in node.items()]
    elif kind in ("parameter", "header", "media type"):
        if "schema" in node:
            found.append(("schema", node["schema"], place, ("schema",)))
        if kind == "media type":
            encodings = node.get("encoding")
            if type(encodings) is dict:
                for name, encoding in encodings.items():
                    if type(encoding) is dict and type(encoding.get("headers")) is dict:
                        found += [("header", value, place, ("encoding", name, "headers", header)) for header, value in encoding["headers"].items()]
        else:
            _map(place, "content", "media type", found)
    elif kind == "request body":
        _map(place, "content", "media type", found)
    elif kind == "response":
        _map(place, "headers", "header", found)
        _map(place, "content", "media type", found)


def _list(place: Place, key: str, kind: str, found: list[tuple[str, Any, Place | None, tuple[str | int, ...]]]) -> None:
    items = place.node.get(key)
    if type(items) is list:
        found += [(kind, item, place, (key, index)) for index, item in enumerate(items)]


def _map(place: Place, key: str, kind: str, found: list[tuple[str, Any, Place | None, tuple[str | int, ...]]]) -> None:
    entries = place.node.get(key)
    if type(entries) is dict:
        found += [(kind, value, place, (key, name)) for name, value in entries.items()]
