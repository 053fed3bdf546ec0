"""Reading wire data (JSON bytes or decoded values) into the documented Python types.

One `TypeReader` per type, cached. Where the type holds an untagged union (a `oneOf` or `anyOf`
without a discriminator), a value is read strictly first: JSON Schema takes the option the value is
valid under as it stands, while pydantic's smart mode prefers the option that sets the most fields
even when it must convert to get there (a reply's `"18"` read as the float of another option). Only
when no option takes the value as it stands is it read again with pydantic's conversions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pydantic

from ._models import with_build_room

__all__ = ["TypeReader", "reader"]


class TypeReader:
    """Validates values into one type, by alias, as JSON Schema picks union options."""

    def __init__(self, tp: Any) -> None:
        self.adapter: pydantic.TypeAdapter[Any] = with_build_room(
            lambda: _built(pydantic.TypeAdapter(tp))
        )
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
        return self._read(self.adapter.validate_python, value)

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
