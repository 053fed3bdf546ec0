"""The tests' copy of the document without the component schemas no operation reaches.

The tests check requests and replies of the document's operations; a schema that only webhooks (or
nothing) refer to is never read. GitHub's document holds 344 such schemas of 969 (1.6 MB of its
webhook payloads). Reached are the schemas that the paths and the other components refer to, by
`$ref` or by a discriminator's mapping, and whatever those refer to in turn.

Only plain local references are followed: a document that refers otherwise (`$id`, `$anchor`,
`$dynamicRef`, a reference into another file) keeps every schema, since what those reach cannot be
told here. A relaxation of a schema left out (tests/_validation_document.py) finds no place and is
skipped there: nothing the tests send or answer is checked against it.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

_PREFIX = "#/components/schemas/"
_UNFOLLOWED = ("$id", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef")
_DEPTH_LIMIT = 400


def reached_only(document: dict[str, Any]) -> dict[str, Any]:
    """`document` (changed in place) without the component schemas no operation reaches; returned."""
    components = document.get("components")
    if not isinstance(components, dict) or not isinstance(components.get("schemas"), dict):
        return document
    schemas = components["schemas"]
    roots: set[str] = set()
    outside = {key: value for key, value in document.items() if key != "components"}
    outside["components"] = {key: value for key, value in components.items() if key != "schemas"}
    if not _references(outside, roots, 0):
        return document
    reached: set[str] = set()
    pending = [name for name in roots if name in schemas]
    while pending:
        name = pending.pop()
        if name in reached:
            continue
        reached.add(name)
        found: set[str] = set()
        if not _references(schemas[name], found, 0):
            return document
        pending.extend(item for item in found if item in schemas and item not in reached)
    for name in [name for name in schemas if name not in reached]:
        del schemas[name]
    return document


def _references(node: Any, found: set[str], depth: int) -> bool:
    """Add the component schema names `node` refers to; False when it refers in a way not followed."""
    if depth > _DEPTH_LIMIT:
        return False
    if isinstance(node, list):
        return all(_references(item, found, depth + 1) for item in node)
    if not isinstance(node, dict):
        return True
    if any(key in node for key in _UNFOLLOWED if isinstance(node.get(key), str)):
        return False
    reference = node.get("$ref")
    if isinstance(reference, str):
        if not reference.startswith("#"):
            return False
        _add(reference, found)
    discriminator = node.get("discriminator")
    if isinstance(discriminator, dict) and isinstance(discriminator.get("mapping"), dict):
        for target in discriminator["mapping"].values():
            if isinstance(target, str):
                if not target.startswith("#") and ("/" in target or "." in target):
                    return False  # a file, not a schema name
                _add(target if target.startswith("#") else _PREFIX + target, found)
    # Every member is walked, data too (an `enum` value holding "$ref" only keeps more): a property
    # may be named `default` or `enum`.
    # A text or number refers to nothing (a call for it answers whether it is within the depth limit).
    return all(_references(value, found, depth + 1) if isinstance(value, (dict, list)) else depth < _DEPTH_LIMIT for value in node.values())


def _add(reference: str, found: set[str]) -> None:
    if reference.startswith(_PREFIX):
        name = reference[len(_PREFIX) :].split("/", 1)[0]
        found.add(unquote(name).replace("~1", "/").replace("~0", "~"))
