from __future__ import annotations

import copy
import datetime as dt
import enum
import pickle
import uuid
from decimal import Decimal
from typing import Literal

import pydantic
import pytest
from pydantic import Field

from rtpkg._models import BaseModel, to_wire
from rtpkg._types import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, NOT_GIVEN, NotGiven


class Color(enum.Enum):
    RED = "red"


class Tag(BaseModel):
    tag_name: str = Field(alias="tagName")


class Session(BaseModel):
    __read_only_fields__ = frozenset({"id", "created_at"})

    id: str | None = None
    created_at: dt.datetime | None = Field(default=None, alias="createdAt")
    change_sequence: int | None = Field(default=None, alias="changeSequence")
    status: Literal["open", "closed"] | str | None = None
    tags: list[Tag] | None = None
    model_kind: str | None = Field(default=None, alias="modelKind")


def test_not_given_sentinel() -> None:
    assert not NOT_GIVEN
    assert repr(NOT_GIVEN) == "NOT_GIVEN"
    assert NotGiven() is NOT_GIVEN
    assert copy.deepcopy(NOT_GIVEN) is NOT_GIVEN
    assert pickle.loads(pickle.dumps(NOT_GIVEN)) is NOT_GIVEN
    assert DEFAULT_MAX_RETRIES == 2
    assert DEFAULT_TIMEOUT.connect == 10.0 and DEFAULT_TIMEOUT.read == 60.0


def test_validate_by_alias_and_name_and_extra() -> None:
    by_alias = Session.model_validate({"id": "s1", "changeSequence": 3, "future": {"x": 1}})
    by_name = Session(change_sequence=3)
    assert by_alias.change_sequence == 3 == by_name.change_sequence
    assert by_alias.model_extra == {"future": {"x": 1}}


def test_open_enum_accepts_unknown_values() -> None:
    assert Session.model_validate({"status": "open"}).status == "open"
    assert Session.model_validate({"status": "archived"}).status == "archived"
    with pytest.raises(pydantic.ValidationError):
        Session.model_validate({"status": 5})


def test_to_wire_keeps_read_only_fields_of_received_data() -> None:
    received = Session.model_validate({"id": "s1", "createdAt": "2024-01-02T03:04:05+00:00", "tags": [{"tagName": "a"}], "more": {"x": 1}})
    assert to_wire(received) == {"tags": [{"tagName": "a"}], "more": {"x": 1}}
    assert to_wire([received], keep_read_only=True) == [{"id": "s1", "createdAt": "2024-01-02T03:04:05+00:00", "tags": [{"tagName": "a"}], "more": {"x": 1}}]


def test_to_wire_only_set_fields_read_only_excluded_extra_kept() -> None:
    parsed = Session.model_validate(
        {"id": "s1", "createdAt": "2024-01-02T03:04:05Z", "changeSequence": 7, "unknownField": [1]}
    )
    wire = to_wire(parsed)
    assert wire == {"changeSequence": 7, "unknownField": [1]}
    update = Session(change_sequence=None)  # explicitly set to None -> null
    assert to_wire(update) == {"changeSequence": None}
    assert to_wire(Session()) == {}
    nested = Session(tags=[Tag(tag_name="a")], model_kind="x")
    assert to_wire(nested) == {"tags": [{"tagName": "a"}], "modelKind": "x"}


def test_to_wire_scalars_and_containers() -> None:
    u = uuid.UUID("12345678-1234-5678-1234-567812345678")
    value = {
        "when": dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc),
        "day": dt.date(2024, 1, 2),
        "at": dt.time(10, 30),
        "id": u,
        "amount": Decimal("1.50"),
        "color": Color.RED,
        "raw": "é".encode(),
        "skip": NOT_GIVEN,
        "none": None,
        "items": (1, NOT_GIVEN, "x"),
    }
    assert to_wire(value) == {
        "when": "2024-01-02T03:04:05+00:00",
        "day": "2024-01-02",
        "at": "10:30:00",
        "id": str(u),
        "amount": "1.50",
        "color": "red",
        "raw": "é",
        "none": None,
        "items": [1, "x"],
    }
    assert to_wire(True) is True and to_wire(3) == 3 and to_wire(None) is None
