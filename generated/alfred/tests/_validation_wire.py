"""A request's parameters where they travel, each location a multi-map of its wire text (`Pairs`):
the path parameters cut out of the URL (keyed `.name`/`;name` for label and matrix styles), the
query, the headers (names case-insensitive) and the cookies; and XML bodies as the JSON of what they
say, so that they are checked like JSON bodies.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

import httpx

from ._validation_bodies import Pairs, _xml_body_value
from ._validation_document import (
    _is_object,
    _is_xml,
    _merged_kind,
    _merged_schema,
    _properties,
    _template_query,
    _typed,
    json_bytes,
)
from ._validation_prepared import _holds_objects, _nested_members
from ._validation_routes import _Route, _relative_path


def request_locations(
    request: httpx.Request, route: _Route, parameters: list[dict[str, Any]]
) -> dict[str, Any]:
    """The request's parameters by location, as the styles read them (see the module docstring).

    Exploded form objects (`?name=a&size=2` for an object parameter) are also gathered under the
    parameter's name as `name=a&size=2`, the text the form style reads an exploded object from.
    """
    query = _json_arrays(
        parameters, "query", _space_delimited(parameters, list(request.url.params.multi_items()))
    )
    cookies = _json_arrays(parameters, "cookie", _cookies(request))
    return {
        "query": Pairs(query + _exploded_objects(parameters, "query", query)),
        "header": Pairs(
            _json_arrays(parameters, "header", list(request.headers.multi_items())), folded=True
        ),
        "cookie": Pairs(cookies + _exploded_objects(parameters, "cookie", cookies)),
        "path": Pairs(list(_path_values(route, request.url, parameters).items())),
    }


def _json_arrays(
    parameters: list[dict[str, Any]], location: str, pairs: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The JSON objects sent for one object-list parameter (several query values, or one comma-joined
    header) as a single JSON array text, the way `_objects_as_json` declares the parameter."""
    folded = location == "header"  # header names are case-insensitive

    def key(name: str) -> str:
        return name.lower() if folded else name

    names = {
        key(str(item.get("name")))
        for item in parameters
        if item.get("in") == location and _holds_objects(item)
    }
    if not names:
        return pairs
    kept = [(name, value) for name, value in pairs if key(name) not in names]
    gathered: dict[str, list[str]] = {}
    for name, value in pairs:
        if key(name) in names:
            gathered.setdefault(name, []).append(value)
    return kept + [(name, "[" + ",".join(values) + "]") for name, values in gathered.items()]


def _cookies(request: httpx.Request) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for header in request.headers.get_list("cookie"):
        for item in header.split(";"):
            if "=" in item:
                name, value = item.strip().split("=", 1)
                pairs.append((name, value))
    return pairs


def xml_as_json(
    content: bytes, content_type: str | None, schema_of: Callable[[str], Any], what: str
) -> bytes | None:
    """The body as it is checked: an XML body as the JSON of what it says (see `_xml_body_value`)."""
    if not content:
        return None
    if content_type is not None and _is_xml(content_type):
        media = content_type.split(";")[0].strip().lower()
        return json_bytes(_xml_body_value(content, schema_of(media), content_type, what))
    return content


def _path_values(route: _Route, url: httpx.URL, parameters: list[dict[str, Any]]) -> dict[str, Any]:
    path = _relative_path(url, route.server) or ""
    match = route.pattern.match(path)
    if match is None:
        return {}
    styles = {
        str(item.get("name")): (str(item.get("style", "simple")), bool(item.get("explode", False)))
        for item in parameters
        if item.get("in") == "path"
    }
    values: dict[str, Any] = {}
    for index, name in enumerate(route.names):
        style, explode = styles.get(name, ("simple", False))
        prefix = {"label": ".", "matrix": ";"}.get(style, "")
        key = f"{prefix}{name}{'*' if explode and prefix else ''}"
        values[key] = unquote(match.group(f"p{index}"))
    for name, parameter in _template_query(route.template):
        if parameter and name in url.params:  # a "path" parameter that travels in the query
            values[parameter] = url.params[name]
    return values


def _space_delimited(
    parameters: list[dict[str, Any]], pairs: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The spaceDelimited style splits on a literal `%20` (as the raw query has it); the query here is decoded."""
    names = {
        str(item.get("name"))
        for item in parameters
        if item.get("in") == "query" and item.get("style") == "spaceDelimited"
    }
    return [(key, value.replace(" ", "%20") if key in names else value) for key, value in pairs]


def _exploded_objects(
    parameters: list[dict[str, Any]], location: str, pairs: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    added: list[tuple[str, str]] = []
    documented = {str(item.get("name")) for item in parameters if item.get("in") == location}
    for parameter in parameters:
        style = parameter.get("style", "form")
        if (
            parameter.get("in") != location
            or style not in ("form", "deepObject")
            or not parameter.get("explode", True)
            or not _is_object(parameter.get("schema"))
        ):
            continue
        if style == "deepObject":
            if _nested_members(
                parameter
            ):  # `name[key]=<JSON text>`: the members, read as the form case reads them
                name = str(parameter.get("name"))
                inner = [
                    (key[len(name) + 1 : -1], value)
                    for key, value in pairs
                    if key.startswith(name + "[") and key.endswith("]")
                ]
                added += _json_object(parameter, set(), inner)
            continue
        if _nested_members(parameter):
            added += _json_object(parameter, documented, pairs)
            continue
        members = _properties(parameter.get("schema"))
        chosen = [
            (key, value)
            for key, value in pairs
            if (key in members if members is not None else key not in documented)
        ]
        if chosen and str(parameter.get("name")) not in dict(pairs):
            added.append(
                (str(parameter.get("name")), "&".join(f"{key}={value}" for key, value in chosen))
            )
    return added


def _json_object(
    parameter: dict[str, Any], documented: set[str], pairs: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The members of an exploded object with nested members as one JSON object text: members of an
    object or array schema are the JSON the client sent, the others typed as their schema says."""
    flat = _merged_schema(parameter["schema"])
    properties = flat.get("properties") or {}
    additional = flat.get("additionalProperties")
    value: dict[str, Any] = {}
    for key, text in pairs:
        if key in properties:
            member: Any = properties[key]
        elif additional not in (None, False) and key not in documented:
            member = additional
        else:
            continue
        kind = _merged_kind(_merged_schema(member))
        if kind in ("object", "array"):
            try:
                value[key] = json.loads(text)
            except ValueError:
                value[key] = text
        else:
            value[key] = _typed(text, kind)
    name = str(parameter.get("name"))
    return [(name, json.dumps(value))] if value and name not in dict(pairs) else []
