"""The JSON wire encoder: Python values (models, enums, dates, ...) as JSON-ready data.

It imports no pydantic: building a request for a call that takes no model must not pay for
loading it, and no pydantic model can exist before something imported pydantic.
"""

from __future__ import annotations

import base64
import datetime as _dt
import enum
import sys
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ._types import NotGiven, is_sequence

__all__ = ["Base64Bytes", "as_base64", "is_model", "to_wire"]


class Base64Bytes(bytes):
    """Bytes that travel as base64 text (a `contentEncoding: base64` string): `to_wire` encodes them."""


def as_base64(value: object) -> object:
    """Bytes (or a list of them) marked to travel as base64 text; anything else as it is."""
    if isinstance(value, (bytes, bytearray, memoryview)) and not isinstance(value, Base64Bytes):
        return Base64Bytes(value)
    if isinstance(value, list):
        return [as_base64(item) for item in value]
    return value


def is_model(value: object) -> bool:
    """Whether `value` is a pydantic model (of this package or any other)."""
    pydantic = sys.modules.get("pydantic")
    return pydantic is not None and isinstance(value, pydantic.BaseModel)


def _model_to_wire(model: Any, keep_read_only: bool) -> dict[str, object]:
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
    if is_model(value):
        # Generated models (and any that declare read-only fields) by their set fields and wire names.
        if hasattr(type(value), "__read_only_fields__"):
            return _model_to_wire(value, keep_read_only)
        dumped: object = getattr(value, "model_dump")(
            mode="python", by_alias=True, exclude_unset=True
        )
        return to_wire(dumped, keep_read_only=keep_read_only)
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
    if isinstance(value, Base64Bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("utf-8")
    return value
