"""Inline schemas of the same shape are one model class.

A document that writes the same object inline in many places (GitHub's webhook payloads each
spell out their pull request's `user`, `head`, `labels` ...) would otherwise give one class per
place: 1,837 of GitHub's 3,722 classes had a twin. An inline model whose fields (names, wire
names, types, defaults, descriptions) and description equal another model's is dropped, and every
type that named it names the other: a named component when one has that shape, else the first
inline model in the document's order. Named components are never dropped: their names are the
document's own. Twins are found by refining: models are told apart by their fields, the fields'
types read through the classes found so far, until nothing more merges.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from ..ground.tree_copy import ATOMS
from .ir import Api, Discriminator, LiteralType, Model, ModelField, NamedType, Primitive, RequestBody

_COMPONENT = re.compile(r"^#/components/schemas/[^/]+$")


def merge_same_models(api: Api) -> Api:
    """`api` with each inline model that has a twin replaced by that twin (see the module)."""
    kept_apart = {key for key, _ in api.xml_shapes}  # an XML shape is looked up by its model's name
    twin_of = _twins(api.models, kept_apart)
    if not twin_of:
        return api
    merged: Api = _Renamer(twin_of).renamed(api)
    return dataclasses.replace(merged, models=tuple(model for model in merged.models if model.name not in twin_of))


def _twins(models: tuple[Model, ...], kept_apart: set[str]) -> dict[str, str]:
    """Each dropped model's name -> the name of the model that stays for it."""
    # Components first: a shape that a component has keeps the component's name.
    order = sorted(range(len(models)), key=lambda index: (not _COMPONENT.match(models[index].pointer), index))
    # A model's shape is its skeleton (the fields with every model name blanked out), numbered once,
    # and the names it blanked, read through the twins found so far: each round only renames.
    skeletons = _Skeletons()
    shapes = [skeletons.of(models[index]) for index in order]
    current: dict[str, str] = {}
    while True:
        keeper_by_shape: dict[Any, str] = {}
        found: dict[str, str] = {}
        for index, (skeleton, names) in zip(order, shapes):
            model = models[index]
            shape = (skeleton, tuple(current.get(name, name) for name in names))
            keeper = keeper_by_shape.setdefault(shape, model.name)
            if keeper != model.name and not _COMPONENT.match(model.pointer) and model.name not in kept_apart:
                found[model.name] = keeper
        if found == current:
            return found
        current = found


class _Skeletons:
    """What makes two models interchangeable, everything but their names and places: equal
    skeletons with equal names (in the same order) are equal models once the names are read."""

    def __init__(self) -> None:
        self.numbers: dict[Any, int] = {}
        self.done: dict[int, tuple[Any, tuple[str, ...]]] = {}

    def of(self, model: Model) -> tuple[int, tuple[str, ...]]:
        names: list[str] = []
        fields = tuple((*(getattr(item, name) for name in _FIELD_PARTS), self._blanked(item.type, names)) for item in model.fields)
        skeleton = (model.description, model.deprecated, model.unverified, fields)
        return self.numbers.setdefault(skeleton, len(self.numbers)), tuple(names)

    def _blanked(self, value: Any, names: list[str]) -> Any:
        if type(value) in _NAMELESS:
            return value
        known = self.done.get(id(value))
        if known is None:
            inner: list[str] = []
            known = (self._skeleton(value, inner), tuple(inner))
            self.done[id(value)] = known
        names.extend(known[1])
        return known[0]

    def _skeleton(self, value: Any, names: list[str]) -> Any:
        if isinstance(value, NamedType):
            names.append(value.name)
            return _BLANK
        if isinstance(value, Discriminator):
            names.extend(name for _, name in value.mapping)
            for _, shared in value.shared:
                names.extend(shared)
            names.extend(value.untagged)
            return (Discriminator, value.property_wire_name, tuple(tag for tag, _ in value.mapping), tuple((tag, len(shared)) for tag, shared in value.shared), len(value.untagged), value.path)
        if isinstance(value, tuple):
            return tuple(item if type(item) in _NAMELESS else self._blanked(item, names) for item in value)
        fields = _field_names(type(value))
        if fields is not None:
            attributes = [getattr(value, name) for name in fields]
            return (type(value), *(item if type(item) in _NAMELESS else self._blanked(item, names) for item in attributes))
        return value


_BLANK = NamedType("")  # where a model's name stood
_FIELD_PARTS = tuple(item.name for item in dataclasses.fields(ModelField) if item.name != "type")  # a field's type is blanked
_NAMELESS = ATOMS | {Primitive, LiteralType}  # values and types that name no model (an enum's literal holds only values)


def _field_names(kind: type) -> tuple[str, ...] | None:
    """The fields of a dataclass type, None for any other type (cached: asked per IR object)."""
    if kind not in _FIELD_NAMES:
        _FIELD_NAMES[kind] = tuple(item.name for item in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None
    return _FIELD_NAMES[kind]


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


class _Renamer:
    """Rebuilds IR values with model names replaced; shared objects stay shared (the proof keys
    operations by identity)."""

    def __init__(self, twin_of: dict[str, str]) -> None:
        self.twin_of = twin_of
        self.done: dict[int, Any] = {}

    def renamed(self, value: Any) -> Any:
        if not self.twin_of or type(value) in _NAMELESS:
            return value
        key = id(value)
        if key in self.done:
            return self.done[key]
        result = self._rebuilt(value)
        self.done[key] = result
        return result

    def _rebuilt(self, value: Any) -> Any:
        if isinstance(value, NamedType):
            return NamedType(self.twin_of[value.name]) if value.name in self.twin_of else value
        if isinstance(value, Discriminator):
            names = {name for _, name in value.mapping} | {name for _, names in value.shared for name in names} | set(value.untagged)
            if not names & self.twin_of.keys():
                return value
            return dataclasses.replace(
                value,
                mapping=tuple((tag, self._name(name)) for tag, name in value.mapping),
                shared=tuple((tag, tuple(self._name(name) for name in names)) for tag, names in value.shared),
                untagged=tuple(self._name(name) for name in value.untagged),
            )
        if isinstance(value, tuple):
            items = tuple(item if type(item) in _NAMELESS else self.renamed(item) for item in value)
            return value if all(new is old for new, old in zip(items, value)) else items
        fields = _field_names(type(value))
        if fields is not None:
            changes = {}
            for name in fields:
                old = getattr(value, name)
                if type(old) in _NAMELESS:  # most fields: asked of every object of the IR
                    continue
                new = self.renamed(old)
                if new is not old:
                    changes[name] = new
            if isinstance(value, RequestBody) and value.model is not None and value.model in self.twin_of:
                changes["model"] = self.twin_of[value.model]
            return dataclasses.replace(value, **changes) if changes else value
        return value

    def _name(self, name: str) -> str:
        return self.twin_of.get(name, name)
