"""Base model for generated schemas and the JSON wire encoder."""

from __future__ import annotations

import datetime as _dt
import enum
import uuid
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import ClassVar

import pydantic

from ._types import NotGiven, is_sequence

__all__ = ["BaseModel", "to_wire"]


class BaseModel(pydantic.BaseModel):
    """Base class of every generated model.

    * fields carry ``alias=`` wire names; both the Python name and the alias are
      accepted on construction; the client reads replies by the wire names alone, so a
      wire key that happens to be another field's Python name stays that key (``model_extra``);
    * unknown fields are kept (``model_extra``) and sent back by :func:`to_wire`;
    * ``__read_only_fields__`` lists Python field names owned by the server:
      they are parsed from responses but never sent.
    """

    model_config = pydantic.ConfigDict(
        validate_by_name=True,
        validate_by_alias=True,
        extra="allow",
        protected_namespaces=(),
        populate_by_name=True,
        # Build each model's validator on first use, not at import: a large API has thousands of
        # models and an application touches a few.
        defer_build=True,
    )

    __read_only_fields__: ClassVar[frozenset[str]] = frozenset()


def _model_to_wire(model: pydantic.BaseModel, keep_read_only: bool) -> dict[str, object]:
    cls = type(model)
    read_only: frozenset[str] = (
        frozenset() if keep_read_only else getattr(cls, "__read_only_fields__", frozenset())
    )
    fields = cls.model_fields
    out: dict[str, object] = {}
    for name, info in fields.items():
        if name not in model.model_fields_set or name in read_only:
            continue
        value = getattr(model, name)
        if isinstance(value, NotGiven):
            continue
        key = info.serialization_alias or info.alias or name
        out[key] = to_wire(value, keep_read_only=keep_read_only)
    extra = model.model_extra
    if extra:
        for key, value in extra.items():
            if key in out or isinstance(value, NotGiven):
                continue
            out[key] = to_wire(value, keep_read_only=keep_read_only)
    return out


def to_wire(value: object, *, keep_read_only: bool = False) -> object:
    """Convert *value* into JSON-ready data (dicts, lists, str, numbers, bool, None).

    Models become dicts keyed by wire name holding only the fields that were
    explicitly set (a field set to ``None`` is sent as ``null``), minus
    read-only fields, plus extra fields.  Mapping entries whose value is
    ``NOT_GIVEN`` are dropped.  Dates/times use ISO 8601, UUID and Decimal
    become strings, enums their value, bytes are decoded as UTF-8 text.

    ``keep_read_only=True`` keeps the read-only fields too: the JSON of data the
    API sent (a parsed reply or webhook payload), not of a request.
    """
    if value is None or isinstance(value, (str, bool, int, float)):
        if isinstance(value, enum.Enum):
            return to_wire(value.value)
        return value
    if isinstance(value, pydantic.BaseModel):
        if isinstance(value, BaseModel) or hasattr(type(value), "__read_only_fields__"):
            return _model_to_wire(value, keep_read_only)
        return to_wire(
            value.model_dump(mode="python", by_alias=True, exclude_unset=True),
            keep_read_only=keep_read_only,
        )
    if isinstance(value, enum.Enum):
        return to_wire(value.value)
    if isinstance(value, Mapping):
        return {
            str(to_wire(k)): to_wire(v, keep_read_only=keep_read_only)
            for k, v in value.items()
            if not isinstance(v, NotGiven)
        }
    if isinstance(value, (set, frozenset)) or is_sequence(value):
        return [
            to_wire(v, keep_read_only=keep_read_only) for v in value if not isinstance(v, NotGiven)
        ]
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, _dt.timedelta):
        return value.total_seconds()
    if isinstance(value, (uuid.UUID, Decimal)):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("utf-8")
    return value


def discriminate(
    property_name: str, tags: Mapping[str, str], untagged: str | None = None
) -> Callable[[object], str | None]:
    """A pydantic callable discriminator: the union member's tag for a value of `property_name`.

    `tags` maps each wire value to the tag of its member. Works on raw dicts (parsing) and on model
    instances (validation of an already-built model). An unknown value gives None, which makes the
    tagged union fail so that the open fallback member (`dict[str, Any]`) takes the value instead.
    An object without the property (or with null there) gets `untagged`: the member of the options
    whose schemas do not require it (None when every option requires it).
    """

    def tag_of(value: object) -> str | None:
        # Runs once per union value of every response: answer a parsed JSON object (a plain dict
        # with a string tag) before the slower ABC and model checks below.
        if type(value) is dict:
            tag = value.get(property_name)
            if type(tag) is str:
                return tags.get(tag)
        if isinstance(value, Mapping):
            raw = value.get(property_name)
        elif isinstance(value, pydantic.BaseModel):
            raw = value.model_extra.get(property_name) if value.model_extra else None
            if raw is None:
                for name, info in type(value).model_fields.items():
                    if info.alias == property_name or name == property_name:
                        raw = getattr(value, name)
                        break
        else:
            return None  # not an object: no member of the tagged union takes it
        if isinstance(raw, enum.Enum):
            raw = raw.value
        if raw is None:
            return untagged
        return tags.get(raw) if isinstance(raw, str) else None

    return tag_of
