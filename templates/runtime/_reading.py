"""Reading wire data (JSON bytes or decoded values) into the documented Python types.

One `TypeReader` per type, cached. Where the type holds an untagged union (a `oneOf` or `anyOf`
without a discriminator), a value is read strictly first: JSON Schema takes the option the value is
valid under as it stands, while pydantic's smart mode prefers the option that sets the most fields
even when it must convert to get there (a reply's `"18"` read as the float of another option). Only
when no option takes the value as it stands is it read again with pydantic's conversions. "As it
stands" means as JSON: a decoded value is read by its JSON text, where a date-time string is a date.

A union with an option that takes any object or array (`Model | dict[str, Any]`) is read typed
option first (`_models.TypedFirst`); the models module marks its own, and a type written elsewhere
(a reply's `list[Model] | list[Any]`) is marked here.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Annotated, Any, Union, get_args, get_origin

import pydantic
import pydantic_core

from ._models import TypedFirst, with_build_room

__all__ = ["TypeReader", "reader"]


class TypeReader:
    """Validates values into one type, by alias, as JSON Schema picks union options."""

    def __init__(self, tp: Any) -> None:
        self.adapter: pydantic.TypeAdapter[Any] = with_build_room(lambda: _built(pydantic.TypeAdapter(_typed_first(tp))))
        self._strict_first: bool | None = None

    @property
    def strict_first(self) -> bool:
        if self._strict_first is None:
            self._strict_first = _holds_union(self.adapter.core_schema)
        return self._strict_first

    def json(self, content: bytes | str) -> Any:
        """`content` (JSON text) as the type; raises `pydantic.ValidationError`."""
        return self._read(self.adapter.validate_json, content)

    def python(self, value: Any) -> Any:
        """A decoded JSON value as the type; raises `pydantic.ValidationError`."""
        if self.strict_first:
            try:
                text = pydantic_core.to_json(value)
            except pydantic_core.PydanticSerializationError:
                text = None  # not JSON data: read by pydantic's own rules
            if text is not None:
                try:
                    return self.adapter.validate_json(text, strict=True, by_alias=True, by_name=False)
                except pydantic.ValidationError:
                    pass  # as below: read again with pydantic's conversions
        return self.adapter.validate_python(value, by_alias=True, by_name=False)

    def _read(self, validate: Callable[..., Any], value: Any) -> Any:
        if self.strict_first:
            try:
                return validate(value, strict=True, by_alias=True, by_name=False)
            except pydantic.ValidationError:
                pass  # no option takes the value as it stands: read it with pydantic's conversions
        return validate(value, by_alias=True, by_name=False)


def _built(adapter: pydantic.TypeAdapter[Any]) -> pydantic.TypeAdapter[Any]:
    """The adapter with its validator built now (a model type defers it to the first use), where
    `with_build_room` can give the build the recursion it needs."""
    adapter.rebuild()
    return adapter


_READERS: dict[Any, TypeReader] = {}


def reader(tp: Any) -> TypeReader:
    """The cached reader of `tp` (a fresh one for a type expression that cannot be a dict key)."""
    try:
        return _READERS[tp]
    except KeyError:
        found = _READERS[tp] = TypeReader(tp)
        return found
    except TypeError:
        return TypeReader(tp)


def _holds_union(schema: Any) -> bool:
    """Whether a pydantic core schema (definitions included) has an untagged union anywhere."""
    pending: list[Any] = [schema]
    seen: set[int] = set()
    while pending:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, dict):
            if node.get("type") == "union":
                return True
            pending.extend(node.values())
        elif isinstance(node, (list, tuple)):
            pending.extend(node)
    return False


_ANNOTATED: Any = Annotated  # subscripted with a tuple built at run time


def _typed_first(tp: Any) -> Any:
    """`tp` with each union in it read typed option first (`TypedFirst`), models' fields aside."""
    origin = get_origin(tp)
    if origin is Union or origin is types.UnionType:
        return _ANNOTATED[(Union[tuple(_typed_first(option) for option in get_args(tp))], TypedFirst())]
    if origin is list and get_args(tp):
        return types.GenericAlias(list, (_typed_first(get_args(tp)[0]),))
    if origin is dict and len(get_args(tp)) == 2:
        key, value = get_args(tp)
        return types.GenericAlias(dict, (key, _typed_first(value)))
    return tp
