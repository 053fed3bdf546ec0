"""A parameter's long inline enum, named once as a type alias in models.py.

Each method signature spells its parameters' types: a resource writes every operation six times
(sync and async; plain, raw-response and streamed-response), and `iter_` methods again. Microsoft
Graph gives each of its operations `$select`, `$expand` and `$orderby` enums of up to hundreds of
property names, and those six copies were most of its 19 MB of resources for 832 operations. An
enum of more than `LONG_ENUM` values is therefore written once, as `models.<Operation><Parameter>`
(or `...Item` for the items of a list), the way a component enum already is.
"""

from __future__ import annotations

from .ir import LiteralType, TypeRef, UnionType
from .named_inline import named_where
from .schemas import SchemaConverter

LONG_ENUM = 12


def named_long_enum(converter: SchemaConverter, type_ref: TypeRef, hint: str, description: str) -> TypeRef:
    """`type_ref`, with a long inline enum (itself, or its list's items) replaced by a named alias."""
    return named_where(converter, type_ref, hint, description, _is_long_enum)


def _is_long_enum(type_ref: TypeRef) -> bool:
    if isinstance(type_ref, LiteralType):
        return len(type_ref.values) > LONG_ENUM
    return isinstance(type_ref, UnionType) and any(isinstance(option, LiteralType) and len(option.values) > LONG_ENUM for option in type_ref.options)
