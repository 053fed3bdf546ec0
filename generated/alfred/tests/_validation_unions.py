"""oneOf as OpenAPI uses it, rewritten for the validator, which checks JSON Schema's "exactly one".

A oneOf with a discriminator (its own, or one its options inherit from their allOf parent, as
`Cat: allOf: [Pet]` with `Pet.discriminator`) accepts a value valid under the option its tag selects,
and nothing else; any other oneOf is checked as anyOf, valid under at least one option. Documents'
options often overlap (a Cat is also a valid Dog, two objects with optional properties, two plain
strings), which makes "exactly one" reject every value a correct client can send; where the options
do not overlap the two rules agree. Which variant the client sent is still compared exactly by each
test's `<NAME>_REQUEST`, and the reply a test queues is its own choice of variant.
"""

from __future__ import annotations

import copy
from typing import Any
from urllib.parse import unquote


from ._validation_document import _pointer_target, _resolve

_COMPONENT_SCHEMAS = "#/components/schemas/"


def _copy_references_into_one_of(data: dict[str, Any]) -> None:
    """A `$ref` to an option of a `oneOf` (`.../from/oneOf/0`, Nexmo) becomes a copy of that option:
    `_oas_unions` renames the `oneOf` it points into. (A bounded number: an option that refers to
    itself this way is left a reference.)"""
    stack: list[Any] = [data]
    copies = 0
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            ref = node.get("$ref")
            if (
                isinstance(ref, str)
                and ref.startswith("#/")
                and "/oneOf/" in ref
                and copies < 10_000
            ):
                target = _pointer_target(data, ref)
                if isinstance(target, dict):
                    copies += 1
                    del node["$ref"]
                    node.update(copy.deepcopy(target))
            stack.extend(node.values())


def _oas_unions(data: dict[str, Any]) -> None:
    """oneOf and discriminators as OpenAPI means them (see the module docstring): a union whose options
    inherit a discriminator through allOf is discriminated by it; a discriminator the validator cannot
    apply is dropped; every oneOf left without a discriminator is checked as anyOf."""
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        # Every node, schema or not: a `default` response, a property named `example`; rewriting an
        # example value that happens to hold a "oneOf" list changes no check.
        stack.extend(node.values())
        keyword = next(
            (name for name in ("oneOf", "anyOf") if isinstance(node.get(name), list)), None
        )
        discriminator = node.get("discriminator")
        if keyword is None:
            if isinstance(discriminator, dict) and isinstance(node.get("allOf"), list):
                # A parent's discriminator beside allOf tags its children; the validator would validate
                # the value against the tagged child instead of the allOf parts (and loop on itself).
                node.pop("discriminator")
            continue
        options = node[keyword]
        named = all(
            isinstance(option, dict) and str(option.get("$ref", "")).startswith(_COMPONENT_SCHEMAS)
            for option in options
        )
        if not isinstance(discriminator, dict) or not isinstance(
            discriminator.get("propertyName"), str
        ):
            discriminator = _inherited_discriminator(options) if named else None
        if discriminator is not None and named:
            node["discriminator"] = _with_references(
                discriminator, options, own="discriminator" in node
            )
        else:
            node.pop(
                "discriminator", None
            )  # over inline options: no schema name to select (the generator warned)
            if keyword == "oneOf":
                del node["oneOf"]
                if "anyOf" in node:
                    node["allOf"] = list(node.get("allOf") or []) + [{"anyOf": options}]
                else:
                    node["anyOf"] = options


def _inherited_discriminator(options: list[Any]) -> dict[str, Any] | None:
    """The discriminator every option inherits from an allOf parent (one propertyName; the parents'
    mappings merged), or None; an option with a discriminator of its own tags its own children."""
    found: list[dict[str, Any]] = []
    for option in options:
        schema = _resolve(option)
        if not isinstance(schema, dict) or isinstance(schema.get("discriminator"), dict):
            return None
        parent = _parent_discriminator(schema, 0)
        if parent is None:
            return None
        found.append(parent)
    if len({item.get("propertyName") for item in found}) != 1:
        return None
    mapping: dict[str, Any] = {}
    for item in found:
        mapping.update(item.get("mapping") or {})
    return {"propertyName": found[0]["propertyName"], "mapping": mapping}


def _parent_discriminator(schema: dict[str, Any], depth: int) -> dict[str, Any] | None:
    for part in schema.get("allOf") or [] if depth < 12 else []:
        parent = _resolve(part)
        if not isinstance(parent, dict):
            continue
        own = parent.get("discriminator")
        if isinstance(own, dict) and isinstance(own.get("propertyName"), str):
            return own
        deeper = _parent_discriminator(parent, depth + 1)
        if deeper is not None:
            return deeper
    return None


def _with_references(
    discriminator: dict[str, Any], options: list[Any], own: bool
) -> dict[str, Any]:
    """The discriminator with every mapping value a reference (a value may name the schema: "Cat") and
    each option reachable: by the mapping, else by its schema name (OpenAPI's implicit mapping).

    An inherited mapping keeps only this union's options (the parent's names its other children too).
    """
    references = [str(option["$ref"]) for option in options]
    mapping: dict[str, str] = {}
    for key, target in (discriminator.get("mapping") or {}).items():
        if isinstance(target, str):
            target = target if "/" in target or "#" in target else _COMPONENT_SCHEMAS + target
            if own or target in references:
                mapping[str(key)] = target
    for reference in references:
        if reference not in mapping.values():
            name = (
                unquote(reference[len(_COMPONENT_SCHEMAS) :]).replace("~1", "/").replace("~0", "~")
            )
            allowed = _tag_values(
                _resolve({"$ref": reference}), str(discriminator["propertyName"]), 0
            )
            if allowed is not None and len(allowed) == 1 and isinstance(allowed[0], str):
                name = allowed[
                    0
                ]  # the one tag the option allows (the generator warned: not its name)
            mapping.setdefault(name, reference)
    return {**discriminator, "mapping": mapping}


def _tag_values(schema: Any, property_name: str, depth: int) -> list[Any] | None:
    """The values an option's own schema allows for the tag property (enum or const), allOf followed."""
    if not isinstance(schema, dict) or depth > 12:
        return None
    prop = (
        _resolve((schema.get("properties") or {}).get(property_name))
        if isinstance(schema.get("properties"), dict)
        else None
    )
    if isinstance(prop, dict):
        if "const" in prop:
            return [prop["const"]]
        if isinstance(prop.get("enum"), list):
            return list(prop["enum"])
    for part in schema.get("allOf") or []:
        found = _tag_values(_resolve(part), property_name, depth + 1)
        if found is not None:
            return found
    return None
