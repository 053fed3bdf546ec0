"""How a `oneOf`/`anyOf` discriminator is read, by the client and the contract tests alike.

As written, a discriminator's tags are its mapping's keys plus, for unmapped options, their schema
names. Two kinds of document break that: a mapping whose targets lie outside the document (no value
can then pass openapi-core's discriminator check), and options whose own discriminator property is
pinned to values other than their names (Spotify's `ArtistObject` has `type: artist`, never
"ArtistObject"). The first is read as a plain union, the second by the values the options pin;
finite.py puts the same reading into the tests' validation copy.

OAS also lets the parent of an allOf hierarchy carry the discriminator (`Pet` with `propertyName:
pet_type`, `Cat: allOf: [Pet, ...]`): a `Cat` is then tagged `pet_type: Cat` (or the parent's mapping
value for it). A union of such children without a discriminator of its own is discriminated by it
(`inherited_discriminator`); the contract tests read such unions the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..load import join_pointer, resolve_pointer, split_pointer


@dataclass(frozen=True)
class DiscriminatorReading:
    """How a `oneOf`/`anyOf` discriminator is read (by the client and the contract tests alike).

    `mapping` (tag -> `#/components/schemas/...` pointer) is None when the discriminator cannot tell
    the options apart; the union is then read plainly. `note` says why the reading differs from
    the document's literal one ("" when it does not).
    """

    mapping: dict[str, str] | None
    note: str
    property_name: str = ""


def read_discriminator(document: dict[str, Any], schema: dict[str, Any], inherited: dict[str, Any] | None = None) -> DiscriminatorReading | None:
    """The reading of the schema's discriminator; None when it has none (or one on `allOf`).

    `inherited` is the discriminator the options inherit from their allOf parent (see
    `inherited_discriminator`), used when the union has none of its own; its mapping also names the
    parent's other children, which are not this union's options and are left out."""
    spec = schema.get("discriminator")
    options = schema.get("oneOf") if isinstance(schema.get("oneOf"), list) else schema.get("anyOf")
    own = isinstance(spec, dict)
    if not own:
        spec = inherited
    if not isinstance(spec, dict) or not isinstance(spec.get("propertyName"), str) or not isinstance(options, list):
        return None
    name = spec["propertyName"]
    offered = {option.get("$ref") for option in options if isinstance(option, dict)}
    mapping: dict[str, str] = {}
    explicit = spec.get("mapping") if isinstance(spec.get("mapping"), dict) else {}
    assert isinstance(explicit, dict)
    for tag, target in explicit.items():
        pointer = _mapping_pointer(target)
        if not own and pointer not in offered:
            continue
        if pointer is None or not _resolves(document, pointer):
            return DiscriminatorReading(None, f"discriminator mapping {tag!r} -> {target!r} points outside the document: read as a plain union", name)
        mapping[str(tag)] = pointer
    inferred = False
    for option in options:
        ref = option.get("$ref") if isinstance(option, dict) else None
        if isinstance(ref, str) and ref in mapping.values():
            continue
        if not (isinstance(ref, str) and ref.startswith("#/components/schemas/") and "/" not in ref[len("#/components/schemas/") :]):
            return DiscriminatorReading(None, "discriminator over options that are not named schemas (no implicit tag): read as a plain union", name)
        implicit = ref[len("#/components/schemas/") :].replace("~1", "/").replace("~0", "~")
        pinned = _pinned(document, option, name)
        if pinned is None or implicit in pinned:
            mapping[implicit] = ref
            continue
        for value in pinned:  # Spotify: ArtistObject's `type` is "artist", never "ArtistObject"
            mapping.setdefault(value, ref)
        inferred = True
    note = "the options' own values of the discriminator property contradict its implicit tags (the schema names): read as the tags those values give" if inferred else ""
    return DiscriminatorReading(mapping, note, name)


def _mapping_pointer(target: Any) -> str | None:
    if not isinstance(target, str):
        return None
    if target.startswith("#/"):
        path = "#"
        for token in split_pointer(target):
            path = join_pointer(path, token)
        return path  # spelled as component names are (no percent-encoding)
    if "/" not in target and "#" not in target:
        return join_pointer("#/components/schemas", target)
    return None


def _resolves(document: dict[str, Any], pointer: str) -> bool:
    try:
        resolve_pointer(document, pointer)
    except KeyError:
        return False
    return True


def _pinned(document: dict[str, Any], schema: Any, name: str, depth: int = 0) -> list[str] | None:
    """The string values an option's `name` property may take (its enum or const), allOf parts included."""
    for _ in range(20):
        if not (isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and schema["$ref"].startswith("#/")):
            break
        try:
            schema = resolve_pointer(document, schema["$ref"])
        except KeyError:
            return None
    if not isinstance(schema, dict) or depth > 8:
        return None
    found: list[str] | None = None
    properties = schema.get("properties")
    if isinstance(properties, dict) and name in properties:
        prop = properties[name]
        for _ in range(20):
            if not (isinstance(prop, dict) and isinstance(prop.get("$ref"), str)):
                break
            try:
                prop = resolve_pointer(document, prop["$ref"])
            except KeyError:
                return None
        if isinstance(prop, dict) and "const" in prop and isinstance(prop["const"], str):
            found = [prop["const"]]
        elif isinstance(prop, dict) and isinstance(prop.get("enum"), list) and all(isinstance(value, str) for value in prop["enum"]):
            found = list(prop["enum"])
    for part in schema.get("allOf") or []:
        more = _pinned(document, part, name, depth + 1)
        if more is not None:
            found = more if found is None else [value for value in found if value in more]
    return found


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
