"""How a `oneOf`/`anyOf` discriminator is read, by the client and the contract tests alike.

As written, a discriminator's tags are its mapping's keys plus, for unmapped options, their schema
names. Two kinds of document break that: a mapping whose targets lie outside the document (no value
can then pass the validator's discriminator check), and options whose own discriminator property is
pinned to values other than their names (Spotify's `ArtistObject` has `type: artist`, never
"ArtistObject"). The first is read as a plain union, the second by the values the options pin;
relaxations.py puts the same reading into the tests' validation copy.

Read by those values, a tag may belong to several options (OpenAI's `Item`: an input and an output
message are both `type: message`), and an option may be a union itself whose options pin the values
(`InputItem: oneOf [EasyInputMessage, Item, ...]`): the tag then selects the options that claim it,
and the value is read as the best fit among them (`shared`). A value without the tag (or with null)
is read among the options that do not require it (`untagged`; OpenAPI 3.2's `defaultMapping` names
that option outright), since their schemas accept it.

OAS also lets the parent of an allOf hierarchy carry the discriminator (`Pet` with `propertyName:
pet_type`, `Cat: allOf: [Pet, ...]`): a `Cat` is then tagged `pet_type: Cat` (or the parent's mapping
value for it). A union of such children without a discriminator of its own is discriminated by it
(`inherited_discriminator`); the contract tests read such unions the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .pointers import join_pointer, resolve_pointer, split_pointer


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
    # Tags several options claim -> all of those options' pointers, in option order (`mapping` has the first).
    shared: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The options a value without the tag (or with null there) is read among: `defaultMapping`, or the
    # options that do not require the property.
    untagged: tuple[str, ...] = ()


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
    claims: dict[str, list[str]] = {}
    untagged: list[str] = []
    for option in options:
        ref = option.get("$ref") if isinstance(option, dict) else None
        if isinstance(ref, str) and _tag_optional(document, option, name):
            untagged.append(ref)
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
            if value not in explicit:
                claims.setdefault(value, []).append(ref)
            mapping.setdefault(value, ref)
        inferred = True
    note = "the options' own values of the discriminator property contradict its implicit tags (the schema names): read as the tags those values give" if inferred else ""
    shared = {value: tuple(dict.fromkeys(refs)) for value, refs in claims.items() if len(set(refs)) > 1}
    if shared:
        tags = ", ".join(repr(value) for value in list(shared)[:3]) + (" ..." if len(shared) > 3 else "")
        note = (
            f"several options claim the discriminator value(s) {tags}: the client reads such a value as the option"
            " among them it fits best, and the contract tests check this union without the discriminator"
        )
    default = _mapping_pointer(spec.get("defaultMapping"))
    if default is not None and _resolves(document, default):
        untagged = [default]
    return DiscriminatorReading(mapping, note, name, shared, tuple(untagged))


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


def _follow(document: dict[str, Any], schema: Any) -> Any:
    for _ in range(20):
        if not (isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and schema["$ref"].startswith("#/")):
            return schema
        try:
            schema = resolve_pointer(document, schema["$ref"])
        except KeyError:
            return None
    return None


def _union_options(schema: dict[str, Any]) -> list[Any] | None:
    options = schema.get("oneOf") if isinstance(schema.get("oneOf"), list) else schema.get("anyOf")
    return options if isinstance(options, list) and options else None


def pinned_values(document: dict[str, Any], schema: Any, name: str) -> list[str] | None:
    """The string values an object schema pins its property `name` to (const or enum, allOf parts
    and, for a union, all of its options' included), or None when it does not pin it."""
    return _pinned(document, schema, name)


def _pinned(document: dict[str, Any], schema: Any, name: str, depth: int = 0) -> list[str] | None:
    """The string values an option's `name` property may take (its enum or const), allOf parts
    included; for an option that is a union itself, the values its options pin (None unless all do)."""
    schema = _follow(document, schema)
    if not isinstance(schema, dict) or depth > 8:
        return None
    found: list[str] | None = None
    properties = schema.get("properties")
    if isinstance(properties, dict) and name in properties:
        found = _property_values(document, properties[name])
    for part in schema.get("allOf") or []:
        more = _pinned(document, part, name, depth + 1)
        if more is not None:
            found = more if found is None else [value for value in found if value in more]
    options = _union_options(schema)
    if found is None and options is not None:
        gathered: list[str] = []
        for option in options:
            values = _pinned(document, option, name, depth + 1)
            if values is None:
                return None
            gathered.extend(value for value in values if value not in gathered)
        found = gathered
    return found


def _property_values(document: dict[str, Any], prop: Any, depth: int = 0) -> list[str] | None:
    """The strings a tag property allows: its const or enum, or those of its `anyOf`/`oneOf` options
    (OpenAI's `type: {anyOf: [{enum: [item_reference]}, {type: "null"}]}`); null is no tag."""
    prop = _follow(document, prop)
    if not isinstance(prop, dict) or depth > 4:
        return None
    if "const" in prop and isinstance(prop["const"], str):
        return [prop["const"]]
    if isinstance(prop.get("enum"), list):
        strings = [value for value in prop["enum"] if value is not None]
        return [str(value) for value in strings] if strings and all(isinstance(value, str) for value in strings) else None
    options = _union_options(prop)
    if options is None:
        return None
    found: list[str] = []
    for option in options:
        resolved = _follow(document, option)
        if isinstance(resolved, dict) and resolved.get("type") == "null":
            continue
        values = _property_values(document, resolved, depth + 1)
        if values is None:
            return None
        found.extend(value for value in values if value not in found)
    return found or None


def _tag_optional(document: dict[str, Any], schema: Any, name: str, depth: int = 0) -> bool:
    """Whether a value without the tag property (or with null there) can be valid under the option:
    the property is not required (allOf parts included) or allows null; for an option that is a union
    itself, under any of its options."""
    schema = _follow(document, schema)
    if not isinstance(schema, dict) or depth > 8:
        return False
    options = _union_options(schema)
    if options is not None and not isinstance(schema.get("properties"), dict):
        return any(_tag_optional(document, option, name, depth + 1) for option in options)
    required = False
    declared: list[Any] = []
    parts = [schema] + [_follow(document, part) for part in schema.get("allOf") or []]
    for part in parts:
        if not isinstance(part, dict):
            continue
        if part is not schema and _union_options(part) is None and not _tag_optional(document, part, name, depth + 1):
            return False
        if isinstance(part.get("required"), list) and name in part["required"]:
            required = True
        properties = part.get("properties")
        if isinstance(properties, dict) and name in properties:
            declared.append(properties[name])
    return not required or any(_allows_null(document, prop) for prop in declared)


def _allows_null(document: dict[str, Any], prop: Any, depth: int = 0) -> bool:
    prop = _follow(document, prop)
    if not isinstance(prop, dict) or depth > 4:
        return False
    kinds = prop.get("type")
    if prop.get("nullable") is True or kinds == "null" or (isinstance(kinds, list) and "null" in kinds):
        return True
    if isinstance(prop.get("enum"), list) and None in prop["enum"]:
        return True
    options = _union_options(prop)
    return options is not None and any(_allows_null(document, option, depth + 1) for option in options)


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
