"""How the tests' copy of the document reads what stands beside or behind a `$ref`, as the client does.

openapi-schema-validator (which the tests' checks run) lets a request leave out a required readOnly
property, and a reply a required writeOnly one, only when the mark is on the property's own schema.
Behind a reference (`id: {$ref: '#/components/schemas/Id'}`, `Id` marked readOnly: Apideck) it
demands the property, which the client rightly never sends. The tests' copy of the document carries
the mark beside the reference (`allOf: [{$ref: ...}]` and the mark), which says the same thing.

And a mark beside a reference is that use's: Jira's gadget `position` is readOnly where a reply holds
it, and refers to a component marked writeOnly (for the requests that set it). The validator would
refuse every reply (required, yet never readable); the copy reads the component there without its
opposite mark.

Last, members beside a `$ref` in an OpenAPI 3.0 document that 3.0 ignores and so does the client
(`type: object` beside a reference to an array, Microcks' labels) are left out of the copy too, where
the validator would have applied them.
"""

from __future__ import annotations

from typing import Any

from ..ground.pointers import follow_refs
from ..validate.schema_repairs import APPLIED_BESIDE_REF, QUIET_BESIDE_REF

_MARKS = ("readOnly", "writeOnly")


def reference_reading(document: dict[str, Any]) -> dict[str, Any]:
    """`document`, changed in place and returned."""
    seen: set[int] = set()
    oas30 = str(document.get("openapi", "")).startswith("3.0")
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
        _own_mark_wins(document, node)
        if oas30:
            _drop_ignored_beside_reference(node)
        pending.extend(value for value in node.values() if isinstance(value, (dict, list)))  # texts and numbers hold no schema
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


def _own_mark_wins(document: dict[str, Any], schema: dict[str, Any]) -> None:
    own = next((mark for mark in _MARKS if schema.get(mark) is True), None)
    if own is None:
        return
    opposite = _MARKS[1 - _MARKS.index(own)]
    parts = schema.get("allOf")
    if isinstance(parts, list) and len(parts) == 1 and isinstance(parts[0], dict) and set(parts[0]) == {"$ref"}:
        target = follow_refs(document, parts[0])
        if isinstance(target, dict) and target.get(opposite) is True:
            parts[0] = {key: value for key, value in target.items() if key != opposite}


def _drop_ignored_beside_reference(node: dict[str, Any]) -> None:
    if not isinstance(node.get("$ref"), str):
        return
    for member in [key for key in node if key != "$ref" and not key.startswith("x-")]:
        if member not in APPLIED_BESIDE_REF and member not in QUIET_BESIDE_REF and not (member == "required" and isinstance(node[member], bool)):
            del node[member]
