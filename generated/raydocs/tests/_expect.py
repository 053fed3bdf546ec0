"""What the generated tests expect, as data, and the two helpers that check it.

`check_request(call, SENT)` compares the request as read back against the document (`Call`) with a `Sent`: every
part that differs is named with what was expected and what came.

`expect(result, EXPECTED)` walks the parsed reply beside the expected value and stops at the first
difference, naming where it is (`result.commit.author.name: expected 'Octocat', got 'octocat'`).
The expected value is written as the client must hold it:

- `Model(models.Commit, sha="6dcb09b", author=Model(...))`: an instance of that class whose attributes
  hold those values (`model_extra=` the fields it keeps beyond the document's);
- a list: a list of that length, item by item; `Items(7, a, b, c)`: a list of 7 whose first items are those;
- a dict: a dict with exactly those keys, value by value;
- `True` / `False` / `None`: that very object (`is`); `Equal(value)`: anything `==` to it;
- `Wire(value)`: what `to_wire` makes of the value (a union the document leaves open);
- anything else (text, numbers, datetimes, bytes): `==`.

`Read(BODY, expected)` is what the client must make of the JSON reply `BODY`: `expected` names each
model's class and the attributes whose value is not the JSON's own (datetimes, bytes, nested models);
every other key of the body's object must be a field of that class (by its wire name) holding the
body's value (`True`/`False`/`None` by identity, else `==`), or be one of the keys its
`model_extra=Extra(...)` names (kept beyond its fields, with the body's values). Inside a `Read`,
`JSON` is the body's own value at that place (a list item, a dict's value, the whole reply).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from .._models import to_wire
from ._validation import Call

__all__ = [
    "JSON",
    "Equal",
    "Extra",
    "Items",
    "Model",
    "Read",
    "Sent",
    "Wire",
    "check_request",
    "expect",
]


class Model:
    """An instance of `cls` whose attributes hold `attributes` (each an expected value itself)."""

    def __init__(self, cls: type, /, **attributes: object) -> None:
        self.cls = cls
        self.attributes = attributes

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self.attributes.items())
        return f"{self.cls.__name__}({shown})"


class Items:
    """A list of `length` items whose first items are `first`."""

    def __init__(self, length: int, /, *first: object) -> None:
        self.length = length
        self.first = first


class Read:
    """What the client makes of the JSON reply `body`: `expected`, each model in it also holding the
    body's own values under the attributes `expected` does not write."""

    def __init__(self, body: object, expected: object, /) -> None:
        self.body = body
        self.expected = expected

    def __repr__(self) -> str:
        return repr(self.expected)


_NO_BODY: Any = object()  # outside a `Read`: a model is what its written attributes say


class _Json:
    """The reply's own JSON value at this place of a `Read`."""

    def __repr__(self) -> str:
        return "JSON"


JSON: Any = _Json()


class Extra:
    """A model's `model_extra`: the body's `keys` (of the object the model was read from), with their values."""

    def __init__(self, *keys: str) -> None:
        self.keys = keys

    def __repr__(self) -> str:
        return f"Extra({', '.join(map(repr, self.keys))})"


@dataclass(frozen=True)
class Equal:
    """Anything equal to `value` (`==`, where `True` equals 1)."""

    value: Any


@dataclass(frozen=True)
class Wire:
    """A value that `to_wire` turns into `value` (JSON)."""

    value: Any


def expect(actual: object, expected: object, where: str = "result") -> None:
    """Fail with the path, the expected and the actual value of the first difference."""
    __tracebackhide__ = True  # pytest shows the test's line, not this one
    problem = _difference(actual, expected, where)
    if problem is not None:
        raise AssertionError(problem)


def _difference(actual: Any, expected: Any, where: str, body: Any = _NO_BODY) -> str | None:
    if isinstance(expected, Read):
        return _difference(actual, expected.expected, where, expected.body)
    if isinstance(expected, Model):
        return _model_difference(actual, expected, where, body)
    if isinstance(expected, _Json):
        if body is _NO_BODY:
            return f"{where}: JSON stands for the reply's value, but there is none here (outside a Read)"
        return _json_difference(actual, body, where)
    if isinstance(expected, (list, Items)):
        items = list(expected.first) if isinstance(expected, Items) else expected
        length = expected.length if isinstance(expected, Items) else len(expected)
        if not isinstance(actual, list):
            return f"{where}: expected a list, got {type(actual).__name__}: {_shown(actual)}"
        if len(actual) != length:
            return f"{where}: expected {length} items, got {len(actual)}: {_shown(actual)}"
        for index, item in enumerate(items):
            found = _difference(actual[index], item, f"{where}[{index}]", _part(body, index))
            if found is not None:
                return found
        return None
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{where}: expected a dict, got {type(actual).__name__}: {_shown(actual)}"
        if sorted(actual) != sorted(expected):
            return f"{where}: expected the keys {sorted(expected)}, got {sorted(actual)}"
        for key, value in expected.items():
            found = _difference(actual[key], value, f"{where}[{key!r}]", _part(body, key))
            if found is not None:
                return found
        return None
    if isinstance(expected, Wire):
        wire = to_wire(actual)
        return (
            None
            if wire == expected.value
            else f"{where}: expected {expected.value!r} on the wire, got {_shown(wire)}"
        )
    if isinstance(expected, Equal):
        return (
            None
            if actual == expected.value
            else f"{where}: expected {expected.value!r}, got {_shown(actual)}"
        )
    if isinstance(expected, bool) or expected is None:
        return (
            None if actual is expected else f"{where}: expected {expected!r}, got {_shown(actual)}"
        )
    if actual == expected:
        return None
    return f"{where}: expected {expected!r}, got {_shown(actual)}"


def _model_difference(actual: Any, expected: Model, where: str, body: Any) -> str | None:
    cls = expected.cls
    if not isinstance(actual, cls):
        return f"{where}: expected {cls.__name__}, got {type(actual).__name__}: {_shown(actual)}"
    fields = getattr(cls, "model_fields", {})
    written: set[str] = set()  # the body's keys the written attributes stand for
    for name, value in expected.attributes.items():
        if not hasattr(actual, name):
            return f"{where}: the {cls.__name__} has no attribute {name!r}"
        wire = _wire_name(fields, name)
        extra = value.value if isinstance(value, Equal) else value
        if name == "model_extra" and isinstance(value, Extra):
            written.update(value.keys)  # the keys it keeps beyond its fields
            extra = {key: _part(body, key) for key in value.keys}
            found = (
                None
                if getattr(actual, name) == extra
                else f"{where}.model_extra: expected {extra!r}, got {_shown(getattr(actual, name))}"
            )
            if found is not None:
                return found
            continue
        if name == "model_extra" and isinstance(extra, dict):
            written.update(extra)  # the keys it keeps beyond its fields
        else:
            written.add(wire)
        found = _difference(getattr(actual, name), value, f"{where}.{name}", _part(body, wire))
        if found is not None:
            return found
    if not isinstance(body, dict):
        return None
    by_wire = {_wire_name(fields, name): name for name in fields}
    for key, value in body.items():
        if key in written:
            continue
        field_name = by_wire.get(key)
        if field_name is None:
            return f"{where}: the reply's {key!r} is no field of {cls.__name__} (nor expected in its model_extra)"
        found = _json_difference(getattr(actual, field_name), value, f"{where}.{field_name}")
        if found is not None:
            return f"{found} (the reply's {key!r})"
    return None


def _json_difference(actual: Any, value: Any, where: str) -> str | None:
    """`actual` against the JSON `value` it must be: True, False and None by identity, else `==`."""
    if isinstance(value, bool) or value is None:
        same = actual is value
    else:
        same = actual == value and not isinstance(actual, bool)  # `True == 1`: a bool is no number
    return None if same else f"{where}: expected {value!r}, got {_shown(actual)}"


def _wire_name(fields: Any, name: str) -> str:
    """The JSON key a model field is read from (its alias, else its name)."""
    field_info = fields.get(name)
    alias = getattr(field_info, "alias", None)
    return alias if isinstance(alias, str) else name


def _part(body: Any, key: object) -> Any:
    """The part of the reply's JSON under `key` (an index or a key), if there is one."""
    if isinstance(body, dict) and isinstance(key, str):
        return body.get(key, _NO_BODY)
    if isinstance(body, list) and isinstance(key, int) and key < len(body):
        return body[key]
    return _NO_BODY


def _shown(value: object) -> str:
    """The value's repr cut at 200 characters, a scalar's type named (`'1'` and `1` could mislead)."""
    text = repr(value)
    text = text if len(text) <= 200 else text[:197] + "..."
    return (
        f"{text} ({type(value).__name__})" if isinstance(value, (str, bytes, int, float)) else text
    )


# ---------------------------------------------------------------- the request


@dataclass(frozen=True)
class Sent:
    """What an example call must put on the wire, as the checks read it back (a `Call`).

    `security` is the documented alternative whose credentials it carries; None when none can be
    checked (custom schemes). A part left out is empty: no parameters, no credentials, no body."""

    method: str
    path_template: str
    path_params: dict[str, Any] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, Any] = field(default_factory=dict)
    cookies: dict[str, Any] = field(default_factory=dict)
    security: tuple[str, ...] | None = ()
    content_type: str | None = None
    body: Any = None


def check_request(call: Call, expected: Sent) -> None:
    """Fail naming every part of the request that differs from `expected`."""
    __tracebackhide__ = True
    problems: list[str] = []
    for part in fields(Sent):
        want = getattr(expected, part.name)
        if part.name == "security" and want is None:
            continue
        got = getattr(call, part.name)
        if got != want:
            problems.append(
                f"request {part.name}: expected {want!r}, got {got!r}{_which(want, got)}"
            )
    if problems:
        raise AssertionError("\n".join(problems))


def _which(want: Any, got: Any) -> str:
    """For two dicts, the keys that differ (with the values), so a long dict need not be read whole."""
    if not (isinstance(want, dict) and isinstance(got, dict)):
        return ""
    keys = sorted(
        {*want, *got} - {key for key in want if key in got and want[key] == got[key]}, key=str
    )
    missing = object()
    shown = [
        f"{key!r}: expected {_or_nothing(want.get(key, missing), missing)}, got {_or_nothing(got.get(key, missing), missing)}"
        for key in keys
    ]
    return " (" + "; ".join(shown) + ")" if shown else ""


def _or_nothing(value: Any, missing: object) -> str:
    return "nothing" if value is missing else repr(value)
