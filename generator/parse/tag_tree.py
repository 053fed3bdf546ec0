"""Nested resources from OpenAPI 3.2 tags with a `parent`: `client.parent.child.method(...)`."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..ground.diagnostics import WarningSink
from .ir import Resource
from ..ground.pointers import join_pointer
from ..ground.naming import NameScope, make_identifier


def tag_parents(document: dict[str, Any], warnings: WarningSink) -> dict[str, str]:
    """child tag -> parent tag, for parents that are declared tags and form no cycle."""
    tags = [tag for tag in document.get("tags") or [] if isinstance(tag, dict) and isinstance(tag.get("name"), str)]
    declared = {tag["name"] for tag in tags}
    parents: dict[str, str] = {}
    for index, tag in enumerate(document.get("tags") or []):
        if not isinstance(tag, dict) or not isinstance(tag.get("name"), str) or "parent" not in tag:
            continue
        pointer = join_pointer(join_pointer("#/tags", index), "parent")
        parent = tag["parent"]
        if not isinstance(parent, str) or parent not in declared:
            warnings.warn(pointer, f"tag {tag['name']!r} names parent {parent!r}, which is no declared tag: its resource stays on the client")
            continue
        parents[tag["name"]] = parent
    for child in list(parents):
        seen = {child}
        current = parents.get(child)
        while current is not None:
            if current in seen:
                warnings.warn("#/tags", f"tag {child!r} is its own ancestor through `parent`: its resource stays on the client")
                parents.pop(child, None)
                break
            seen.add(current)
            current = parents.get(current)
    return parents


def nest_resources(
    resources: list[Resource],
    tags: list[str],
    parents: dict[str, str],
    attribute_scope: NameScope,
    class_scope: NameScope,
    descriptions: dict[str, str],
    reserved: tuple[str, ...],
) -> tuple[Resource, ...]:
    """Hang each resource whose tag has a parent off the parent's resource (made, without methods,
    when the parent tag has no operations of its own). `tags[i]` is the tag of `resources[i]`."""
    if not parents:
        return tuple(resources)
    by_tag = dict(zip(tags, resources))
    order = list(tags)
    for child in list(parents):
        current: str | None = child
        while current is not None:
            if current not in by_tag:
                attribute = attribute_scope.claim(make_identifier(current, fallback="resource"))
                class_name = class_scope.claim(make_identifier(current, style="pascal", fallback="resource"))
                by_tag[current] = Resource(attribute, class_name, attribute, descriptions.get(current, ""), ())
                order.append(current)
            current = parents.get(current)

    def chain(tag: str) -> list[str]:
        path = [tag]
        while path[-1] in parents:
            path.append(parents[path[-1]])
        return list(reversed(path))

    # Attribute names of children, unique within their parent class beside its methods.
    scopes: dict[str, NameScope] = {}
    names: dict[str, str] = {}
    for tag in order:
        if tag in parents:
            parent = parents[tag]
            if parent not in scopes:
                scopes[parent] = NameScope()
                scopes[parent].reserve(*reserved, *(operation.name for operation in by_tag[parent].operations))
            names[tag] = scopes[parent].claim(make_identifier(tag, fallback="resource"))
        else:
            names[tag] = by_tag[tag].name
    built: dict[str, Resource] = {}
    for tag in sorted(order, key=lambda item: -len(chain(item))):  # children before their parents
        children = tuple(built[child] for child in order if parents.get(child) == tag)
        path = tuple(names[item] for item in chain(tag))
        built[tag] = replace(by_tag[tag], name=names[tag], path=path, children=children)
    return tuple(built[tag] for tag in order)
