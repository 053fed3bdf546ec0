"""Bounds on what a loaded document may be: how deep it nests and how far YAML aliases expand it.

A spec is untrusted input. Two shapes of YAML/JSON make every later stage (validator, parser,
example synthesis, `json.dumps`) hang or overflow the stack although the text is small:

- aliases ("billion laughs"): libyaml builds each anchored node once and shares it, so loading is
  instant, but every walk over the tree visits each alias again; ~600 bytes expand to 10^9 nodes.
  An alias may even name the node that encloses it, which makes the tree a cycle.
- nesting: thousands of `[` or indented levels exceed Python's recursion limit in any recursive walk.

`check_tree` measures the loaded data once (iteratively) and refuses such documents with a reason;
`locate_in_text` finds the line and column that crossed the limit, by replaying the parser's events
(only on that error path: replaying costs more than loading).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# The deepest real document we know nests 34 levels (APIs.guru, 2,622 documents; GitHub's: 21).
# Every stage is tested at this depth (tests/test_hostile_input.py).
MAX_DEPTH = 100
# Nodes that aliases may add beyond the document's own (a node: a container or an item in one).
MAX_ALIAS_EXPANSION = 1_000_000


@dataclass(frozen=True)
class LimitExceeded(Exception):
    """Why a loaded document is refused; `kind` says which limit ("depth", "aliases" or "cycle")."""

    kind: str
    message: str
    hint: str


def depth_error() -> LimitExceeded:
    return LimitExceeded("depth", f"the document nests deeper than {MAX_DEPTH} levels", "move deep schemas into components and use $ref")


def check_tree(data: Any, shared: bool) -> None:
    """Raise `LimitExceeded` when `data` nests too deep, or (`shared`: it may contain YAML aliases)
    when its aliases expand it too far or close a cycle."""
    if type(data) is not dict and type(data) is not list:
        return  # a scalar document (refused later: not a mapping)
    if not shared:
        _check_depth(data)
        return
    if not _has_shared_node(data):
        _check_depth(data)
        return
    _check_expansion(data)


def _check_depth(data: Any) -> None:
    stack: list[tuple[Any, int]] = [(data, 1)]
    pop, push = stack.pop, stack.append
    while stack:
        value, depth = pop()
        if depth > MAX_DEPTH:
            raise depth_error()
        children = value.values() if type(value) is dict else value
        for child in children:
            if type(child) is dict or type(child) is list:
                push((child, depth + 1))


def _has_shared_node(data: Any) -> bool:
    """Whether a container is reachable twice (only YAML aliases and merge keys do that)."""
    seen: set[int] = set()
    stack = [data]
    while stack:
        value = stack.pop()
        if id(value) in seen:
            return True
        seen.add(id(value))
        children = value.values() if type(value) is dict else value
        stack.extend(child for child in children if type(child) is dict or type(child) is list)
    return False


def _check_expansion(data: Any) -> None:
    """Height and expanded size of every distinct container, children first (each computed once)."""
    height: dict[int, int] = {}
    size: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        value, children_done = stack.pop()
        key = id(value)
        children = [child for child in (value.values() if type(value) is dict else value) if type(child) is dict or type(child) is list]
        if children_done:
            open_nodes.discard(key)
            height[key] = 1 + max((height[id(child)] for child in children), default=0)
            size[key] = _own_nodes(value, len(children)) + sum(size[id(child)] for child in children)
            if height[key] > MAX_DEPTH:
                raise depth_error()
            continue
        if key in height:
            continue
        if key in open_nodes:
            raise LimitExceeded("cycle", "a YAML alias refers to a node that contains it (the document would be infinite)", "replace the alias with a $ref")
        open_nodes.add(key)
        stack.append((value, True))
        for child in children:
            if id(child) in open_nodes:
                raise LimitExceeded("cycle", "a YAML alias refers to a node that contains it (the document would be infinite)", "replace the alias with a $ref")
            if id(child) not in height:
                stack.append((child, False))
    unique = 0
    for value in _distinct(data):
        unique += _own_nodes(value, sum(1 for child in (value.values() if type(value) is dict else value) if type(child) is dict or type(child) is list))
    if size[id(data)] - unique > MAX_ALIAS_EXPANSION:
        raise LimitExceeded(
            "aliases",
            f"YAML aliases expand the document by more than {MAX_ALIAS_EXPANSION:,} nodes",
            "use fewer nested aliases (or $ref, which is not expanded)",
        )


def _own_nodes(value: Any, containers: int) -> int:
    """A container's own nodes, as the parser's events count them: itself, its keys, its scalar items."""
    keys = len(value) if type(value) is dict else 0
    return 1 + keys + len(value) - containers


def _distinct(data: Any) -> list[Any]:
    seen: dict[int, Any] = {}
    stack = [data]
    while stack:
        value = stack.pop()
        if id(value) in seen:
            continue
        seen[id(value)] = value
        children = value.values() if type(value) is dict else value
        stack.extend(child for child in children if type(child) is dict or type(child) is list)
    return list(seen.values())


def locate_in_text(text: str, kind: str) -> tuple[int, int] | None:
    """The (line, column), 1-based, of the event that crosses the `kind` limit, or None.

    Replays libyaml's events (iterative, so any depth is fine): for "depth", the first collection
    opened below MAX_DEPTH; for "aliases", the alias at which the expanded size passes the limit;
    for "cycle", the first alias to an anchor that is still open.
    """
    import yaml  # here: a JSON document never needs it (~10 ms of imports)

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    depth = 0
    expanded = 0
    open_anchors: list[str | None] = []
    anchor_sizes: dict[str, int] = {}
    counts: list[int] = []  # nodes so far inside each open collection
    try:
        for event in yaml.parse(text, Loader=loader):
            mark = event.start_mark
            where = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if kind == "depth" and depth > MAX_DEPTH:
                    return where
                open_anchors.append(event.anchor)
                counts.append(1)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
                anchor = open_anchors.pop()
                inner = counts.pop()
                if anchor is not None:
                    anchor_sizes[anchor] = inner
                if counts:
                    counts[-1] += inner
            elif isinstance(event, yaml.AliasEvent):
                if kind == "cycle" and event.anchor in open_anchors:
                    return where
                added = anchor_sizes.get(event.anchor or "", 1)
                expanded += added
                if kind == "aliases" and expanded > MAX_ALIAS_EXPANSION:
                    return where
                if counts:
                    counts[-1] += added
            elif isinstance(event, yaml.ScalarEvent):
                if event.anchor is not None:
                    anchor_sizes[event.anchor] = 1
                if counts:
                    counts[-1] += 1
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if kind == "depth" and mark is not None:  # libyaml's own nesting limit (1,000) is deeper than ours
            return mark.line + 1, mark.column + 1
        return None
    return None
