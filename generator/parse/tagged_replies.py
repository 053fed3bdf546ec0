"""A reply's inline tagged union, named once as a type alias in models.py.

The models module spells a tagged union with pydantic's `Discriminator` (`UnionType.annotation`);
a resource module spells types for its signatures only, without it, so a reply typed there by an
inline `oneOf` would be read by pydantic's smart mode: the first option that takes the value, not
the one its tag names (`anyOf: [Small, Large]` told apart by `kind`, read as `Small` whatever the
kind). Such a reply type (or its list's items) is named `models.<Operation>Response`, the way a
component union already is, and is read as the tests expect.
"""

from __future__ import annotations

from .ir import TypeRef, UnionType
from .named_inline import named_where
from .schemas import SchemaConverter


def named_tagged_union(converter: SchemaConverter, type_ref: TypeRef, hint: str, description: str) -> TypeRef:
    """`type_ref`, with a tagged union (itself, or its list's items) replaced by a named alias."""
    return named_where(converter, type_ref, hint, description, _is_tagged)


def _is_tagged(type_ref: TypeRef) -> bool:
    return isinstance(type_ref, UnionType) and type_ref.discriminator is not None and bool(type_ref.discriminator.mapping)
