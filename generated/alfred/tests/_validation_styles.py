"""Parameters (and form fields, and reply headers) read from their wire text as their `style` and
`explode` write them: simple, form, label, matrix, spaceDelimited, pipeDelimited and deepObject, for
primitives, arrays and objects. A reader takes (explode, name, the schema's type, the location's
values) and gives text, a list of texts or an object of texts; the schema's caster types them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any


def style_and_explode(
    parameter: dict[str, Any], default_location: str = "header"
) -> tuple[str, bool]:
    style = parameter.get("style")
    if not isinstance(style, str):
        style = "simple" if parameter.get("in", default_location) in ("path", "header") else "form"
    explode = parameter.get("explode")
    return style, explode if isinstance(explode, bool) else style == "form"


def _split(value: str, separator: str = ",", step: int = 1) -> list[str]:
    parts = value.split(separator)
    if step == 1:
        return parts
    return [
        parts[index] + separator + parts[index + 1]
        for index in range(0, len(parts), step)
        if index + 1 < len(parts)
    ]


def _pairs_object(text: str, separator: str, step_separator: str | None = None) -> dict[str, str]:
    """`R,100,G,200` (pairs: step 2) or `R=100,G=200` (`step_separator` "=") as an object."""
    if step_separator is None:
        return dict(_split(item, separator) for item in _split(text, separator, step=2))
    return dict(_split(item, step_separator) for item in _split(text, separator))


def _simple(explode: bool, name: str, kind: str, location: Any) -> Any:
    value = location[name]
    if kind == "array":
        return _split(value)
    if kind == "object":
        return _pairs_object(value, ",", "=" if explode else None)
    return value


def _form(explode: bool, name: str, kind: str, location: Any) -> Any:
    if kind == "array":
        if not explode:
            return _split(location[name])
        if name not in location:
            raise KeyError(name)
        return location.getlist(name)
    value = location[name]
    if kind == "object":
        return _pairs_object(value, "&", "=") if explode else _pairs_object(value, ",")
    return value


def _label(explode: bool, name: str, kind: str, location: Any) -> Any:
    value = location[f".{name}*" if explode else f".{name}"][1:]
    if kind == "array":
        return _split(value, "." if explode else ",")
    if kind == "object":
        return _pairs_object(value, ".", "=") if explode else _pairs_object(value, ",")
    return value


def _matrix(explode: bool, name: str, kind: str, location: Any) -> Any:
    text = location[f";{name}*" if explode else f";{name}"]
    if explode and kind == "array":
        return re.findall(rf";{name}=([^;]*)", text)
    if explode and kind == "object":
        return _pairs_object(text[1:], ";", "=")
    match = re.match(rf"^;{name}=(.*)$", text)
    if match is None:
        raise KeyError(name)
    if not explode and kind == "array":
        return _split(match.group(1))
    if not explode and kind == "object":
        return _pairs_object(match.group(1), ",")
    return match.group(1)


def _delimited(delimiter: str) -> Callable[[bool, str, str, Any], Any]:
    def read(explode: bool, name: str, kind: str, location: Any) -> Any:
        value = location[name]
        if not explode and kind == "array":
            return _split(value, delimiter)
        if not explode and kind == "object":
            return _pairs_object(value, delimiter)
        raise ValueError("not available")

    return read


def _deep_object(explode: bool, name: str, kind: str, location: Any) -> Any:
    if (explode, kind) != (True, "object"):
        raise ValueError("not available")
    if not re.search(rf"{name}\[\w+\]", " ".join(location.keys())):
        raise KeyError(name)
    values: dict[str, Any] = {}
    for key, value in location.items():
        parts = re.split(r"\[|\]", key)
        if parts[0] == name:
            values[parts[1]] = value
    return values


STYLES: dict[str, Callable[[bool, str, str, Any], Any]] = {
    "simple": _simple,
    "form": _form,
    "label": _label,
    "matrix": _matrix,
    "spaceDelimited": _delimited("%20"),
    "pipeDelimited": _delimited("|"),
    "deepObject": _deep_object,
}
