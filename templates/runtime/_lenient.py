"""Reading a reply that does not fit its documented type, without losing what the server sent.

Servers drift from their documents: a field comes back `null` where a string was documented, a
required one is left out, a number arrives as text. By default the client still returns the data:
every field that fits is read as documented, a value that does not is kept as sent, unknown fields
are kept (`model_extra`), and a required field the server left out reads `None`. Each mismatch is
logged once per operation and field (`<PACKAGE>_LOG=info` or `debug` shows it). A client made with
`strict_response_validation=True` raises `APIResponseValidationError` instead (the generated tests
run strict).
"""

from __future__ import annotations

import re
import threading
import types
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Union, get_args, get_origin

import pydantic

from ._logging import logger
from ._reading import TypeReader, reader

__all__ = ["Mismatch", "read_leniently", "report_mismatches"]

_NONE_TYPE = type(None)
_POSITION = re.compile(r"\[[0-9]+\]")
_ANNOTATED: Any = Annotated  # subscripted with a tuple built at run time
_MISFIT = 1_000  # the score of an option whose shape (object, array, scalar) is not the value's


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One place where a reply does not fit its type: `path` is the wire path (`items[0].name`)."""

    path: str
    problem: str

    @property
    def field(self) -> str:
        """The path with list positions left out: one field, whichever item it was seen in."""
        return _POSITION.sub("[]", self.path)


def read_leniently(tp: Any, value: Any) -> tuple[Any, list[Mismatch]]:
    """`value` (decoded JSON) as `tp` where it fits and as sent where it does not, with the mismatches."""
    mismatches: list[Mismatch] = []
    return _build(tp, value, "", mismatches, None), mismatches


_REPORTED: set[tuple[str, str]] = set()
_REPORTED_LOCK = threading.Lock()


def report_mismatches(operation: str, mismatches: list[Mismatch]) -> None:
    """Log each mismatch of a reply of `operation`, once per operation and field for the process."""
    for mismatch in mismatches:
        key = (operation, mismatch.field)
        with _REPORTED_LOCK:
            if key in _REPORTED:
                continue
            _REPORTED.add(key)
        where = f"`{mismatch.path}`" if mismatch.path else "the body"
        logger.info(
            "The reply of %s does not match its documented type at %s: %s "
            "(strict_response_validation=True raises instead)",
            operation,
            where,
            mismatch.problem,
        )


# ------------------------------------------------------------------ building


def _build(tp: Any, value: Any, path: str, out: list[Mismatch], read: TypeReader | None) -> Any:
    try:
        return (read or reader(tp)).python(value)
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]["msg"] if exc.error_count() else "does not match"
    before = len(out)
    result = _rebuild(tp, value, path, out)
    if len(out) == before:  # nothing below says why (a constraint, a tag): say it here
        out.append(Mismatch(path, f"{_json_kind(value)}: {first}; kept as sent"))
    return result


def _rebuild(tp: Any, value: Any, path: str, out: list[Mismatch]) -> Any:
    origin = get_origin(tp)
    if origin is Annotated:
        return _build(get_args(tp)[0], value, path, out, None)
    if origin is Union or origin is types.UnionType:
        return _best_option(get_args(tp), value, path, out)
    if isinstance(tp, type) and issubclass(tp, pydantic.BaseModel) and isinstance(value, dict):
        return _model(tp, value, path, out)
    if origin is list and isinstance(value, list):
        (item_type,) = get_args(tp) or (Any,)
        item_reader = reader(item_type)
        return [_build(item_type, item, f"{path}[{index}]", out, item_reader) for index, item in enumerate(value)]
    if origin is dict and isinstance(value, dict):
        value_type = get_args(tp)[1] if len(get_args(tp)) == 2 else Any
        value_reader = reader(value_type)
        return {key: _build(value_type, item, _join(path, str(key)), out, value_reader) for key, item in value.items()}
    out.append(Mismatch(path, f"{_json_kind(value)} where {_type_name(tp)} is documented; kept as sent"))
    return value


def _best_option(options: tuple[Any, ...], value: Any, path: str, out: list[Mismatch]) -> Any:
    """The option that keeps the most of `value` as documented (the first of equals)."""
    if value is None and _NONE_TYPE in options:
        return None
    best: tuple[int, Any, list[Mismatch]] | None = None
    for option in options:
        if option is _NONE_TYPE:
            continue
        trial: list[Mismatch] = []
        built = _build(option, value, path, trial, None)
        score = len(trial) + (0 if _shape_fits(option, value) else _MISFIT)
        if best is None or score < best[0]:
            best = (score, built, trial)
    if best is None:
        out.append(Mismatch(path, f"{_json_kind(value)} where null is documented; kept as sent"))
        return value
    out.extend(best[2])
    return best[1]


def _model(tp: type[pydantic.BaseModel], value: dict[str, Any], path: str, out: list[Mismatch]) -> Any:
    if not tp.__pydantic_complete__:
        # Built lazily (`defer_build`): a reader of a type holding the model validates without
        # completing the class, whose fields then still hold their annotations as strings.
        tp.model_rebuild()
    values: dict[str, Any] = {}
    fields_set: set[str] = set()
    used: set[str] = set()
    for name, info in tp.model_fields.items():
        key = _wire_name(name, info)
        if key in value:
            used.add(key)
            fields_set.add(name)
            values[name] = _build(info.annotation, value[key], _join(path, key), out, _field_reader(tp, name, info))
        elif info.is_required():
            out.append(Mismatch(_join(path, key), "a required field is missing; it reads None"))
            values[name] = None  # read as absent: the attribute exists, and is not sent back
        else:
            values[name] = _default(info)
    built = tp.model_construct(_fields_set=fields_set, **values)
    extra = {key: item for key, item in value.items() if key not in used}
    if extra:
        object.__setattr__(built, "__pydantic_extra__", {**(built.__pydantic_extra__ or {}), **extra})
    return built


_FIELD_READERS: dict[tuple[type, str], TypeReader] = {}


def _field_reader(model: type, name: str, info: Any) -> TypeReader:
    """The reader of one field with its constraints (`ge`, `pattern`...), made once per field."""
    key = (model, name)
    found = _FIELD_READERS.get(key)
    if found is None:
        annotated = _ANNOTATED[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        found = _FIELD_READERS[key] = TypeReader(annotated)
    return found


def _wire_name(name: str, info: Any) -> str:
    alias = info.validation_alias if isinstance(info.validation_alias, str) else info.alias
    return alias if isinstance(alias, str) else name


def _default(info: Any) -> Any:
    try:
        return info.get_default(call_default_factory=True, validated_data={})
    except Exception:  # a factory that needs other fields: there are none to give it
        return None


def _shape_fits(tp: Any, value: Any) -> bool:
    origin = get_origin(tp)
    if origin is Annotated:
        return _shape_fits(get_args(tp)[0], value)
    if origin is Union or origin is types.UnionType:
        return any(_shape_fits(option, value) for option in get_args(tp))
    if isinstance(value, dict):
        return origin in (dict, Mapping) or (isinstance(tp, type) and issubclass(tp, (pydantic.BaseModel, dict)))
    if isinstance(value, list):
        return origin is list or tp is list
    return not (origin in (list, dict) or (isinstance(tp, type) and issubclass(tp, pydantic.BaseModel)))


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _type_name(tp: Any) -> str:
    if isinstance(tp, type):
        return tp.__name__
    return repr(tp).replace("typing.", "")
