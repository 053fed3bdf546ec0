"""Helpers generated methods use to assemble request bodies from keyword arguments."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ._wire import to_wire
from ._types import FileInput, NotGiven


def given(values: Mapping[str, object]) -> dict[str, object]:
    """The entries whose value the caller actually gave (NOT_GIVEN dropped; None kept as null)."""
    return {key: value for key, value in values.items() if not isinstance(value, NotGiven)}


def given_files(
    values: Mapping[str, FileInput | Sequence[FileInput] | NotGiven | None],
) -> dict[str, FileInput | Sequence[FileInput]]:
    """File parts the caller gave; an omitted (NOT_GIVEN or None) file is not sent."""
    return {
        key: value
        for key, value in values.items()
        if value is not None and not isinstance(value, NotGiven)
    }


def merge_body(model: object, fields: Mapping[str, object]) -> dict[str, object]:
    """A model's wire fields (only those set) overlaid with the keyword arguments given."""
    merged: dict[str, object] = {}
    if not isinstance(model, NotGiven):
        wire = to_wire(model)
        if isinstance(wire, dict):
            merged.update(wire)
    merged.update(given(fields))
    return merged
