"""Walks over an OpenAPI document's schemas, for the relaxations and the operation parser.

The schema roots of an operation (parameters, bodies, replies, references followed), every schema
node of the document with its own pointer, the nodes a schema reaches, and pointers spelled one way.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .pointers import join_pointer, resolve_pointer, split_pointer

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def operation_roots(document: dict[str, Any], path: str, method: str) -> list[tuple[str, Any]]:
    """(pointer, schema) of an operation's parameters, request bodies and replies."""
    roots: list[tuple[str, Any]] = []
    path_item = (document.get("paths") or {}).get(path)
    if not isinstance(path_item, dict):
        return roots
    operation = path_item.get(method)
    if not isinstance(operation, dict):
        return roots
    item_pointer = join_pointer("#/paths", path)
    operation_pointer = join_pointer(item_pointer, method)
    for owner, owner_pointer in ((path_item, item_pointer), (operation, operation_pointer)):
        for index, parameter in enumerate(owner.get("parameters") or []):
            pointer, resolved = follow_object(document, join_pointer(join_pointer(owner_pointer, "parameters"), index), parameter)
            if isinstance(resolved, dict):
                if "schema" in resolved:
                    roots.append((join_pointer(pointer, "schema"), resolved["schema"]))
                roots.extend(content_roots(document, pointer, resolved))
    pointer, body = follow_object(document, join_pointer(operation_pointer, "requestBody"), operation.get("requestBody"))
    if isinstance(body, dict):
        roots.extend(content_roots(document, pointer, body))
    responses = operation.get("responses")
    if isinstance(responses, dict):
        for status, response in responses.items():
            pointer, resolved = follow_object(document, join_pointer(join_pointer(operation_pointer, "responses"), str(status)), response)
            if isinstance(resolved, dict):
                roots.extend(content_roots(document, pointer, resolved))
    return roots


def content_roots(document: dict[str, Any], pointer: str, holder: dict[str, Any]) -> list[tuple[str, Any]]:
    content = holder.get("content")
    roots: list[tuple[str, Any]] = []
    if isinstance(content, dict):
        for media_type, media in content.items():
            if isinstance(media, dict) and "schema" in media:
                roots.append((join_pointer(join_pointer(join_pointer(pointer, "content"), media_type), "schema"), media["schema"]))
    return roots


def follow_object(document: dict[str, Any], pointer: str, node: Any) -> tuple[str, Any]:
    """A `$ref`'d object and its pointer (for parameters, bodies and replies)."""
    for _ in range(20):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/")):
            break
        pointer = node["$ref"]
        try:
            node = resolve_pointer(document, pointer)
        except KeyError:
            return pointer, None
    return pointer, node


def media_type_of(pointer: str) -> str | None:
    """The media type of a `.../content/<media type>/schema` pointer."""
    tokens = split_pointer(pointer)
    if len(tokens) >= 3 and tokens[-1] == "schema" and tokens[-3] == "content":
        return str(tokens[-2])
    return None


SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
SUBSCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
SUBSCHEMA_ONES = ("items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties")


def component_roots(document: dict[str, Any]) -> list[tuple[str, Any]]:
    """(pointer, schema) of every schema under components/schemas."""
    schemas = (document.get("components") or {}).get("schemas") or {}
    return [(join_pointer("#/components/schemas", name), schema) for name, schema in schemas.items()] if isinstance(schemas, dict) else []


def all_operation_roots(document: dict[str, Any]) -> list[tuple[str, Any]]:
    """`operation_roots` of every operation, in the document's order."""
    roots: list[tuple[str, Any]] = []
    for path, path_item in (document.get("paths") or {}).items():
        if isinstance(path_item, dict):
            for method in METHODS:
                roots += operation_roots(document, str(path), method)
    return roots


def schema_nodes(document: dict[str, Any], roots: list[tuple[str, Any]] | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema of the document with its own pointer (references followed, each node once);
    `roots`: the document's `component_roots` and `all_operation_roots`, when the caller has them."""
    if roots is None:
        roots = component_roots(document) + all_operation_roots(document)
    seen: set[str] = set()
    stack = list(reversed(roots))
    while stack:
        pointer, node = stack.pop()
        if pointer in seen or not isinstance(node, dict):
            continue
        seen.add(pointer)
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            try:
                stack.append((canonical(ref), resolve_pointer(document, ref)))
            except KeyError:
                pass
            continue
        yield pointer, node
        for key in SUBSCHEMA_ONES:
            if isinstance(node.get(key), dict):
                stack.append((join_pointer(pointer, key), node[key]))
        for key in SUBSCHEMA_LISTS:
            if isinstance(node.get(key), list):
                stack.extend((join_pointer(join_pointer(pointer, key), index), item) for index, item in enumerate(node[key]))
        for key in SUBSCHEMA_MAPS:
            if isinstance(node.get(key), dict):
                stack.extend((join_pointer(join_pointer(pointer, key), name), item) for name, item in node[key].items())


_REACH_LIMIT = 100_000  # reachable()'s bound on one walk


def reachable(document: dict[str, Any], pointer: str, schema: Any) -> set[str]:
    """Pointers of every schema node under `schema` (at `pointer`), `$ref`s followed once each."""
    seen: set[str] = set()
    stack: list[tuple[str, Any]] = [(pointer, schema)]
    while stack and len(seen) < _REACH_LIMIT:
        where, node = stack.pop()
        if where in seen:
            continue
        seen.add(where)
        target = _reference(document, node)
        if target is not None and target[0] not in seen:
            stack.append(target)
        stack.extend(_children(where, node))
    return seen


def _reference(document: dict[str, Any], node: Any) -> tuple[str, Any] | None:
    """(canonical pointer, node) of what a node's local `$ref` points at; None without one (or dangling)."""
    ref = node.get("$ref") if isinstance(node, dict) else None
    if not (isinstance(ref, str) and ref.startswith("#/")):
        return None
    try:
        return canonical(ref), resolve_pointer(document, ref)
    except KeyError:
        return None


def _children(where: str, node: Any) -> Iterator[tuple[str, Any]]:
    """The containers inside a node that may hold schemas (examples, defaults, enums and consts are data)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, (dict, list)) and key not in ("example", "examples", "default", "enum", "const"):
                yield join_pointer(where, key), value
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield join_pointer(where, index), value


class Reach:
    """Which of some pointers an operation's roots reach, as `reachable` says, for many operations of
    one document: each region (a root's or a reference target's nodes up to the next `$ref`) is walked
    once and kept, and a root's answer is the union of the regions it reaches. Where those could add up
    to `reachable`'s bound, the root is walked as `reachable` walks it (what it returns then depends on
    the order of its walk)."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        # start pointer -> (its node, the pointers of its region, the references leaving the region)
        self._regions: dict[str, tuple[Any, frozenset[str], tuple[tuple[str, Any], ...]]] = {}

    def reached(self, roots: list[tuple[str, Any]], wanted: set[str]) -> set[str]:
        """The members of `wanted` that some root reaches (`reachable` of each, then `& wanted`)."""
        found: set[str] = set()
        for pointer, schema in roots:
            found |= self._reached(pointer, schema, wanted)
        return found

    def _reached(self, pointer: str, schema: Any, wanted: set[str]) -> set[str]:
        found: set[str] = set()
        size = 0
        done: set[str] = set()
        stack: list[tuple[str, Any]] = [(pointer, schema)]
        while stack:
            start, node = stack.pop()
            if start in done:
                continue
            done.add(start)
            local, refs = self._region(start, node)
            size += len(local)
            found |= local & wanted
            stack.extend(ref for ref in refs if ref[0] not in done)
        if size >= _REACH_LIMIT:  # the union may reach the bound: walk as reachable does
            return reachable(self.document, pointer, schema) & wanted
        return found

    def _region(self, start: str, node: Any) -> tuple[frozenset[str], tuple[tuple[str, Any], ...]]:
        known = self._regions.get(start)
        if known is not None and known[0] is node:
            return known[1], known[2]
        seen: set[str] = set()
        refs: list[tuple[str, Any]] = []
        stack: list[tuple[str, Any]] = [(start, node)]
        while stack:  # reachable's walk, the references kept rather than followed
            where, item = stack.pop()
            if where in seen:
                continue
            seen.add(where)
            target = _reference(self.document, item)
            if target is not None:
                refs.append(target)
            stack.extend(_children(where, item))
        region = (node, frozenset(seen), tuple(refs))
        self._regions[start] = region
        return region[1], region[2]


def canonical(pointer: str) -> str:
    """A reference's pointer spelled one way: `~` escapes, no percent-encoding (`%7Bid%7D` is `{id}`)."""
    path = "#"
    for token in split_pointer(pointer):
        path = join_pointer(path, token)
    return path


def replace_at(document: Any, pointer: str, value: Any) -> None:
    tokens = [part.replace("~1", "/").replace("~0", "~") for part in pointer.lstrip("#").lstrip("/").split("/")]
    node = document
    try:
        for token in tokens[:-1]:
            node = node[int(token)] if isinstance(node, list) else node[token]
        if isinstance(node, list):
            node[int(tokens[-1])] = value
        else:
            node[tokens[-1]] = value
    except (KeyError, IndexError, ValueError, TypeError):
        return  # not there in this copy: nothing to relax
