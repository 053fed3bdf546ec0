"""A parameter's long inline enum, named once as a type alias in models.py.

Each method signature spells its parameters' types: a resource writes every operation six times
(sync and async; plain, raw-response and streamed-response), and `iter_` methods again. Microsoft
Graph gives each of its operations `$select`, `$expand` and `$orderby` enums of up to hundreds of
property names, and those six copies were most of its 19 MB of resources for 832 operations. An
enum of more than `LONG_ENUM` values is therefore written once, as `models.<Operation><Parameter>`
(or `...Item` for the items of a list), the way a component enum already is.
"""

from __future__ import annotations

from dataclasses import replace

from .ir import ListType, LiteralType, NamedType, TypeAlias, TypeRef, UnionType
from ..ground.naming import make_identifier
from .schemas import SchemaConverter

LONG_ENUM = 12


def named_long_enum(converter: SchemaConverter, type_ref: TypeRef, hint: str, description: str) -> TypeRef:
    """`type_ref`, with a long inline enum (itself, or its list's items) replaced by a named alias."""
    if isinstance(type_ref, ListType) and _is_long_enum(type_ref.item):
        return replace(type_ref, item=_alias(converter, type_ref.item, hint + "Item", description))
    if _is_long_enum(type_ref):
        return _alias(converter, type_ref, hint, description)
    return type_ref


def _is_long_enum(type_ref: TypeRef) -> bool:
    if isinstance(type_ref, LiteralType):
        return len(type_ref.values) > LONG_ENUM
    return isinstance(type_ref, UnionType) and any(isinstance(option, LiteralType) and len(option.values) > LONG_ENUM for option in type_ref.options)


def _alias(converter: SchemaConverter, type_ref: TypeRef, hint: str, description: str) -> NamedType:
    name = converter.model_names.claim(make_identifier(hint, style="pascal", fallback="model"))
    converter.aliases[name] = TypeAlias(name, type_ref, description)
    return NamedType(name)
