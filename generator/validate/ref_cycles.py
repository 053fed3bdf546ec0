"""`$ref` cycles that never reach a property or an item: a schema that includes itself.

A cycle through a property or an item (`Node.children: [Node]`) is an ordinary recursive model.
One through `$ref`, `allOf`, `oneOf`, `anyOf`, `not` or `if` alone asks a validator to check the
same value against the same schema again, forever (HubSpot: `ExportRequest` is a `oneOf` of its
children, each child an `allOf` of `ExportRequest` and its own fields).

Two such cycles have one reading, and are read so:
- a schema whose `allOf` names itself: that part adds nothing (S = S and X is X);
- a child's `allOf` naming a parent that is a `oneOf`/`anyOf` of its children: the part adds only
  the loop (the child is one of the parent's options already), so it is read without it.
Any other cycle (`A: {$ref: B}`, `B: {$ref: A}`; `allOf` loops over several schemas) has no
reading: `--strict` refuses it; tolerant reading types the loop's schemas as any value (repairs.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..ground.pointers import join_pointer, resolve_pointer

_SAME_VALUE_LISTS = ("allOf", "anyOf", "oneOf")
_SAME_VALUE_ONES = ("not", "if", "then", "else")


@dataclass(frozen=True)
class Edge:
    """`source` (a `$ref` target) checks the same value against `target` via the `$ref` at `at`."""

    source: str
    target: str
    at: str  # pointer of the `$ref` member
    via: str  # "allOf" when the path holds only allOf parts, "union" with a oneOf/anyOf, else "other"
    holder: str  # pointer of the allOf list holding the part (for "allOf" edges)
    index: int  # the part's index in that list


@dataclass(frozen=True)
class Cycle:
    names: tuple[str, ...]  # the schemas of the loop, in order, the first repeated at the end
    closing: Edge  # the edge that closes it (where to point)
    removable: tuple[Edge, ...]  # allOf parts to drop for the reading; empty: no reading
    schemas: tuple[str, ...] = ()  # pointers of the loop's schemas (what a loop with no reading types as any value)


# Real documents chain a few levels of `allOf` inheritance; every stage follows such chains by
# recursion, so a chain far deeper than any real one is refused rather than overflowing the stack.
MAX_CHAIN = 64


def find_long_chain(document: dict[str, Any]) -> tuple[Edge, int] | None:
    """The first edge of a same-value chain longer than MAX_CHAIN schemas (the graph has no cycle)."""
    graph = _graph(document)
    length: dict[str, int] = {}
    for start in graph:
        stack = [(start, False)]
        while stack:
            node, done = stack.pop()
            if node in length:
                continue
            targets = [edge.target for edge in graph.get(node, [])]
            if done:
                length[node] = 1 + max((length.get(target, 0) for target in targets), default=0)
                if length[node] > MAX_CHAIN:
                    edge = max(graph[node], key=lambda item: length.get(item.target, 0))
                    return edge, length[node]
                continue
            stack.append((node, True))
            stack.extend((target, False) for target in targets if target not in length and target != node)
    return None


def find_cycle(document: dict[str, Any]) -> Cycle | None:
    """The first same-value cycle of the document's schemas, or None."""
    graph = _graph(document)
    for cycle in _cycles(graph):
        return _judge(graph, cycle)
    return None


def _graph(document: dict[str, Any]) -> dict[str, list[Edge]]:
    """Same-value edges between `$ref` targets, starting from the component schemas."""
    graph: dict[str, list[Edge]] = {}
    schemas = (document.get("components") or {}).get("schemas") if isinstance(document.get("components"), dict) else None
    pending = [join_pointer("#/components/schemas", name) for name in schemas] if isinstance(schemas, dict) else []
    pending.reverse()
    while pending:
        source = pending.pop()
        if source in graph:
            continue
        try:
            schema = resolve_pointer(document, source)
        except KeyError:
            graph[source] = []
            continue
        edges = list(_edges(source, schema))
        graph[source] = edges
        pending.extend(edge.target for edge in reversed(edges) if edge.target not in graph)
    return graph


def _edges(source: str, schema: Any) -> Any:
    stack: list[tuple[Any, str, str, str, int]] = [(schema, source, "allOf", "", -1)]
    while stack:
        node, pointer, via, holder, index = stack.pop()
        if not isinstance(node, dict):
            continue
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#"):
            yield Edge(source, _canonical(ref), join_pointer(pointer, "$ref"), via, holder, index)
        found: list[tuple[Any, str, str, str, int]] = []
        for keyword in _SAME_VALUE_LISTS:
            parts = node.get(keyword)
            if isinstance(parts, list):
                base = join_pointer(pointer, keyword)
                step = via if keyword == "allOf" else ("union" if via != "other" else "other")
                found += [(part, join_pointer(base, number), step, base, number) for number, part in enumerate(parts)]
        for keyword in _SAME_VALUE_ONES:
            if isinstance(node.get(keyword), dict):
                found.append((node[keyword], join_pointer(pointer, keyword), "other", "", -1))
        stack.extend(reversed(found))


def _canonical(ref: str) -> str:
    return "#" + ref[1:] if ref.startswith("#") else ref


def _cycles(graph: dict[str, list[Edge]]) -> Any:
    """Each elementary cycle found by a depth-first search (iterative), as its list of edges."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in graph:
        if state.get(start):
            continue
        path: list[Edge] = []
        stack: list[tuple[str, int]] = [(start, 0)]
        state[start] = 1
        while stack:
            node, position = stack[-1]
            edges = graph.get(node, [])
            if position >= len(edges):
                stack.pop()
                state[node] = 2
                if path:
                    path.pop()
                continue
            stack[-1] = (node, position + 1)
            edge = edges[position]
            mark = state.get(edge.target)
            if mark == 1:
                # path[i] leaves stack[i]: the cycle starts where the target sits on the stack
                start_at = next(index for index, (name, _) in enumerate(stack) if name == edge.target)
                yield path[start_at:] + [edge]
            elif mark is None:
                state[edge.target] = 1
                path.append(edge)
                stack.append((edge.target, 0))


def _judge(graph: dict[str, list[Edge]], cycle: list[Edge]) -> Cycle:
    closing = cycle[-1]
    if len(cycle) == 1 and closing.via == "allOf" and closing.index >= 0:
        return Cycle(_names(cycle), closing, (closing,))
    if any(edge.via == "union" for edge in cycle):
        parts = tuple(edge for edge in cycle if edge.via == "allOf" and edge.index >= 0)
        if parts:
            start = cycle.index(parts[0])  # told from the schema whose part is dropped
            return Cycle(_names(cycle[start:] + cycle[:start]), parts[0], parts)
    return Cycle(_names(cycle), closing, (), tuple(dict.fromkeys(edge.source for edge in cycle)))


def _names(cycle: list[Edge]) -> tuple[str, ...]:
    return tuple(edge.source.rsplit("/", 1)[-1] for edge in cycle) + (cycle[0].source.rsplit("/", 1)[-1],)
