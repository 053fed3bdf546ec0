"""A deep copy of a document's tree that is quick where the tree is plain JSON data.

`copy.deepcopy` dispatches through its tables for every node: on GitHub's document (~600,000 dicts,
lists and texts) about 1 s under the profiler, 0.3 s without. Here dicts and lists are copied
directly, and anything else goes to `copy.deepcopy` with the same memo, so the result is the same:
a node shared by two places of the original stays shared in the copy.
"""

from __future__ import annotations

import copy
from typing import Any

ATOMS = frozenset({str, int, float, bool, type(None)})  # JSON's scalar types: a copy is the value itself


def copy_tree(value: Any) -> Any:
    """What `copy.deepcopy(value)` returns, sooner for JSON-shaped data."""
    return _copied(value, {})


def _copied(value: Any, memo: dict[int, Any]) -> Any:
    kind = type(value)
    if kind in ATOMS:
        return value  # deepcopy returns these themselves too
    found = memo.get(id(value), memo)
    if found is not memo:
        return found
    if kind is dict:
        result: dict[Any, Any] = {}
        memo[id(value)] = result
        for key, item in value.items():  # atoms inline: most members are texts
            result[key if type(key) is str else _copied(key, memo)] = item if type(item) in ATOMS else _copied(item, memo)
        return result
    if kind is list:
        items: list[Any] = []
        memo[id(value)] = items
        for item in value:
            items.append(item if type(item) in ATOMS else _copied(item, memo))
        return items
    return copy.deepcopy(value, memo)
