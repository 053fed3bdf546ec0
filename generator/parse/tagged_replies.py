"""A reply's inline tagged union, named once as a type alias in models.py.

The models module spells a tagged union with pydantic's `Discriminator` (`UnionType.annotation`);
a resource module spells types for its signatures only, without it, so a reply typed there by an
inline `oneOf` would be read by pydantic's smart mode: the first option that takes the value, not
the one its tag names (`anyOf: [Small, Large]` told apart by `kind`, read as `Small` whatever the
kind). Such a reply type (or its list's items) is named `models.<Operation>Response`, the way a
component union already is, and is read as the tests expect.
"""

from __future__ import annotations

from dataclasses import replace

from ..ground.naming import make_identifier
from .ir import ListType, NamedType, TypeAlias, TypeRef, UnionType
from .schemas import SchemaConverter


def named_tagged_union(converter: SchemaConverter, type_ref: TypeRef, hint: str, description: str) -> TypeRef:
    """`type_ref`, with a tagged union (itself, or its list's items) replaced by a named alias."""
    if isinstance(type_ref, ListType) and _is_tagged(type_ref.item):
        return replace(type_ref, item=_alias(converter, type_ref.item, hint + "Item", description))
    if _is_tagged(type_ref):
        return _alias(converter, type_ref, hint, description)
    return type_ref


def _is_tagged(type_ref: TypeRef) -> bool:
    return isinstance(type_ref, UnionType) and type_ref.discriminator is not None and bool(type_ref.discriminator.mapping)


def _alias(converter: SchemaConverter, type_ref: TypeRef, hint: str, description: str) -> NamedType:
    name = converter.model_names.claim(make_identifier(hint, style="pascal", fallback="model"))
    converter.aliases[name] = TypeAlias(name, type_ref, description)
    return NamedType(name)
