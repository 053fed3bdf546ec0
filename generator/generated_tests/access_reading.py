"""Required properties marked readOnly or writeOnly behind a `$ref`, as the tests' validator can read them.

openapi-schema-validator (under openapi-core 0.23) lets a request leave out a required readOnly
property, and a reply a required writeOnly one, only when the mark is on the property's own schema.
Behind a reference (`id: {$ref: '#/components/schemas/Id'}`, `Id` marked readOnly: Apideck) it
demands the property, which the client rightly never sends. The tests' copy of the document carries
the mark beside the reference (`allOf: [{$ref: ...}]` and the mark), which says the same thing.
"""

from __future__ import annotations

from typing import Any

from ..load import follow_refs

_MARKS = ("readOnly", "writeOnly")


def access_marks_beside_references(document: dict[str, Any]) -> dict[str, Any]:
    """`document`, changed in place and returned."""
    seen: set[int] = set()
    pending: list[Any] = [document]
    while pending:
        node = pending.pop()
        if isinstance(node, list):
            pending.extend(node)
            continue
        if not isinstance(node, dict) or id(node) in seen:
            continue
        seen.add(id(node))
        _mark_required(document, node)
        pending.extend(node.values())
    return document


def _mark_required(document: dict[str, Any], schema: dict[str, Any]) -> None:
    properties, required = schema.get("properties"), schema.get("required")
    if not isinstance(properties, dict) or not isinstance(required, list):
        return
    for name in required:
        prop = properties.get(name) if isinstance(name, str) else None
        if not (isinstance(prop, dict) and set(prop) == {"$ref"}):
            continue
        target = follow_refs(document, prop)
        marks = {mark: True for mark in _MARKS if isinstance(target, dict) and target.get(mark) is True}
        if marks:
            properties[name] = {"allOf": [prop], **marks}
