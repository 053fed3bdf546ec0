"""An inline type named once as a type alias in models.py, when a rule asks for it.

Resource modules spell types in their signatures; some inline types read better (or only read
right) as a name of their own: long parameter enums (parameter_enums.py), a reply's tagged union
(tagged_replies.py). A type, or its list's items, that the rule picks becomes `models.<Hint>`
(`<Hint>Item` for the items), the way a component's type already is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..ground.naming import make_identifier
from .ir import ListType, NamedType, TypeAlias, TypeRef
from .schemas import SchemaConverter


def named_where(converter: SchemaConverter, type_ref: TypeRef, hint: str, description: str, wanted: Callable[[TypeRef], bool]) -> TypeRef:
    """`type_ref`, with the type `wanted` picks (itself, or its list's items) replaced by a named alias."""
    if isinstance(type_ref, ListType) and wanted(type_ref.item):
        return replace(type_ref, item=_alias(converter, type_ref.item, hint + "Item", description))
    if wanted(type_ref):
        return _alias(converter, type_ref, hint, description)
    return type_ref


def _alias(converter: SchemaConverter, type_ref: TypeRef, hint: str, description: str) -> NamedType:
    name = converter.model_names.claim(make_identifier(hint, style="pascal", fallback="model"))
    converter.aliases[name] = TypeAlias(name, type_ref, description)
    return NamedType(name)
