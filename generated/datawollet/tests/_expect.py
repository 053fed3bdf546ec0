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
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from .._models import to_wire
from ._validation import Call

__all__ = ["Equal", "Items", "Model", "Sent", "Wire", "check_request", "expect"]


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


def _difference(actual: Any, expected: Any, where: str) -> str | None:
    if isinstance(expected, Model):
        if not isinstance(actual, expected.cls):
            return f"{where}: expected {expected.cls.__name__}, got {type(actual).__name__}: {_shown(actual)}"
        for name, value in expected.attributes.items():
            if not hasattr(actual, name):
                return f"{where}: the {expected.cls.__name__} has no attribute {name!r}"
            found = _difference(getattr(actual, name), value, f"{where}.{name}")
            if found is not None:
                return found
        return None
    if isinstance(expected, (list, Items)):
        items = list(expected.first) if isinstance(expected, Items) else expected
        length = expected.length if isinstance(expected, Items) else len(expected)
        if not isinstance(actual, list):
            return f"{where}: expected a list, got {type(actual).__name__}: {_shown(actual)}"
        if len(actual) != length:
            return f"{where}: expected {length} items, got {len(actual)}: {_shown(actual)}"
        for index, item in enumerate(items):
            found = _difference(actual[index], item, f"{where}[{index}]")
            if found is not None:
                return found
        return None
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{where}: expected a dict, got {type(actual).__name__}: {_shown(actual)}"
        if sorted(actual) != sorted(expected):
            return f"{where}: expected the keys {sorted(expected)}, got {sorted(actual)}"
        for key, value in expected.items():
            found = _difference(actual[key], value, f"{where}[{key!r}]")
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
