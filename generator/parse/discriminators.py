"""Discriminators a oneOf/anyOf inherits from its options' allOf parent (OAS "embedded" discriminators).

OAS lets the parent of an allOf hierarchy carry the discriminator (`Pet` with `propertyName:
pet_type`, `Cat: allOf: [Pet, ...]`): a `Cat` is then tagged `pet_type: Cat` (or the parent's mapping
value for it). A union of such children without a discriminator of its own is discriminated by it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_COMPONENT_PREFIX = "#/components/schemas/"
_MAX_DEPTH = 12


def inherited_discriminator(resolve: Callable[[Any], Any], schema: dict[str, Any]) -> dict[str, Any] | None:
    """The discriminator every option of `schema`'s oneOf/anyOf inherits through allOf (one
    propertyName, the parents' mappings merged); None unless every option is a component reference
    that inherits one and none carries its own (whose mapping would name its own children)."""
    keyword = "oneOf" if isinstance(schema.get("oneOf"), list) else "anyOf"
    options = schema.get(keyword)
    if not isinstance(options, list) or len(options) < 2:
        return None
    found: list[dict[str, Any]] = []
    for option in options:
        ref = option.get("$ref") if isinstance(option, dict) else None
        if not isinstance(ref, str) or not ref.startswith(_COMPONENT_PREFIX):
            return None
        resolved = resolve(option)
        if not isinstance(resolved, dict) or isinstance(resolved.get("discriminator"), dict):
            return None
        parent = _parent_discriminator(resolve, resolved, 0)
        if parent is None:
            return None
        found.append(parent)
    names = {item.get("propertyName") for item in found}
    if len(names) != 1 or not isinstance(found[0].get("propertyName"), str):
        return None
    mapping: dict[str, Any] = {}
    for item in found:
        if isinstance(item.get("mapping"), dict):
            mapping.update(item["mapping"])
    return {"propertyName": found[0]["propertyName"], "mapping": mapping}


def implicit_tag(resolve: Callable[[Any], Any], reference: str, property_name: str) -> tuple[str, str | None]:
    """The tag OpenAPI's implicit mapping gives the component `reference` (its schema name), and
    the one value the option's own schema allows for the tag property when that differs (Spotify:
    `TrackObject` whose `type` is `enum: [track]`); the document cannot mean the name then."""
    name = reference.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
    allowed = _tag_values(resolve, resolve({"$ref": reference}), property_name, 0)
    if allowed is not None and len(allowed) == 1 and isinstance(allowed[0], str) and allowed[0] != name:
        return name, allowed[0]
    return name, None


def _tag_values(resolve: Callable[[Any], Any], schema: Any, property_name: str, depth: int) -> list[Any] | None:
    if not isinstance(schema, dict) or depth > _MAX_DEPTH:
        return None
    prop = resolve((schema.get("properties") or {}).get(property_name)) if isinstance(schema.get("properties"), dict) else None
    if isinstance(prop, dict):
        if "const" in prop:
            return [prop["const"]]
        if isinstance(prop.get("enum"), list):
            return list(prop["enum"])
    for part in schema.get("allOf") or []:
        found = _tag_values(resolve, resolve(part), property_name, depth + 1)
        if found is not None:
            return found
    return None


def _parent_discriminator(resolve: Callable[[Any], Any], schema: dict[str, Any], depth: int) -> dict[str, Any] | None:
    if depth > _MAX_DEPTH:
        return None
    for part in schema.get("allOf") or []:
        resolved = resolve(part)
        if not isinstance(resolved, dict):
            continue
        own = resolved.get("discriminator")
        if isinstance(own, dict) and isinstance(own.get("propertyName"), str):
            return own
        deeper = _parent_discriminator(resolve, resolved, depth + 1)
        if deeper is not None:
            return deeper
    return None
