"""openapi-core, set up for one documented path, and its view of an httpx request and reply: the
parameters as the document's styles write them, the body as `_validation_bodies.py` reads it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

import httpx
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from ._validation_bodies import (
    _identity,
    _json_loads,
    _media_types,
    _multipart_loader,
    _part_media_types,
    _plain_loads,
    _text_loads,
    _xml_body_value,
)
from ._validation_document import (
    _KNOWN_MEDIA,
    _folded_media_type,
    _is_json_media,
    _is_object,
    _is_xml,
    _merged_kind,
    _merged_schema,
    _properties,
    _template_query,
    _typed,
    _url_template,
    json_bytes,
    openapi_document,
)
from ._validation_prepared import _holds_objects, _nested_members, validation_document
from ._validation_routes import (
    _Route,
    _parameters,
    _relative_path,
    _request_schema,
    _response_schema,
)


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


@lru_cache(maxsize=None)
def _document_media_types() -> frozenset[str]:
    """The media types of every body and reply in the document: read once, not once per path."""
    return frozenset(_media_types(validation_document()))


@lru_cache(maxsize=None)
def validator(template: str) -> OpenAPI:
    """openapi-core over the validation document reduced to one documented path (built once per path).

    One path at a time lets documents that use `#fragment` path keys (several operations on one
    path) be validated operation by operation; the fragment is not part of the URL.
    """
    document = dict(validation_document())
    path_item = (document.get("paths") or {}).get(template)
    document["paths"] = {_url_template(template): path_item} if isinstance(path_item, dict) else {}
    deserializers: dict[str, Callable[..., Any]] = {
        "multipart/form-data": _multipart_loader(openapi_document(), template)
    }
    for media in _document_media_types():  # a reply may be a `$ref` to another path's
        if _is_xml(media):
            deserializers[media] = (
                _json_loads  # the adapters hand XML bodies over as JSON (_xml_body_value)
            )
        elif _is_json_media(media) and media != "application/json":
            deserializers[media] = _json_loads
        elif media.startswith("text/") and media not in _KNOWN_MEDIA:
            deserializers[media] = _plain_loads
        elif media not in _KNOWN_MEDIA:  # bodies the client sends and reads as bytes
            deserializers[media] = _text_loads
    for media in _part_media_types(document):
        # A part of a media type no body has (OpenAI's `application/sdp` offer): read as its text,
        # where openapi-core, finding no reader, would leave it unchecked.
        if (
            media not in deserializers
            and media not in _KNOWN_MEDIA
            and not _is_xml(media)
            and "json" not in media
        ):
            deserializers[media] = _plain_loads
    # Every format keeps its wire value (the tests compare what was sent); openapi-core would also
    # refuse formats it does not know (e.g. bcp-47), which JSON Schema treats as annotations.
    formats = {name: _identity for name in _document_formats()}
    config = Config(
        spec_validator_cls=None,  # the generator validated the document already; this saves ~0.5 s per package
        extra_format_validators={"time": _rfc3339_time},
        extra_format_unmarshallers=formats
        | {
            "date-time": _identity,
            "date": _identity,
            "uuid": _identity,
            "binary": _identity,
            "byte": _identity,
        },
        extra_media_type_deserializers=deserializers,
    )
    return OpenAPI.from_dict(document, config=config)


_FULL_TIME = re.compile(
    r"([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])"
)


def _rfc3339_time(value: object) -> bool:
    """`time` as JSON Schema defines it (RFC 3339 full-time, "16:39:57-08:00"); the validator's own
    checker is draft 3's HH:MM:SS, which refuses every offset and fraction."""
    return not isinstance(value, str) or _FULL_TIME.fullmatch(value) is not None


@lru_cache(maxsize=None)
def _document_formats() -> frozenset[str]:
    """Every `format` the document's schemas name."""
    found: set[str] = set()
    stack: list[Any] = [openapi_document()]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("format"), str):
                found.add(node["format"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return frozenset(found)


def _cookies(request: httpx.Request) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for header in request.headers.get_list("cookie"):
        for item in header.split(";"):
            if "=" in item:
                name, value = item.strip().split("=", 1)
                pairs.append((name, value))
    return pairs


class OpenAPIRequest:
    """An `httpx.Request` as openapi-core's request protocol, for the documented operation `route`.

    The path parameters are cut out of the URL here and handed over keyed the way openapi-core's style
    deserializers look them up (`.name*` for an exploded label, `;name` for matrix ...); its own path
    matching would key them by plain name, which leaves label and matrix parameters unreadable.
    Exploded form objects (`?name=a&size=2` for an object parameter) are also gathered under the
    parameter's name as `name=a&size=2`, the form openapi-core's form deserializer expects.
    """

    def __init__(self, request: httpx.Request, route: _Route) -> None:
        self.request = request
        self._body = _body_for_validation(
            request.content,
            request.headers.get("content-type"),
            lambda media: _request_schema(route, media),
            f"the {request.method} request body",
        )
        self.path_pattern = httpx.URL(route.server).path.rstrip("/") + _url_template(route.template)
        parameters = _parameters(route)
        query = _json_arrays(
            parameters,
            "query",
            _space_delimited(parameters, list(request.url.params.multi_items())),
        )
        cookies = _json_arrays(parameters, "cookie", _cookies(request))
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(query + _exploded_objects(parameters, "query", query)),
            header=Headers(_json_arrays(parameters, "header", list(request.headers.multi_items()))),
            cookie=ImmutableMultiDict(cookies + _exploded_objects(parameters, "cookie", cookies)),
            path=_path_values(route, request.url, parameters),
        )

    @property
    def host_url(self) -> str:
        return f"{self.request.url.scheme}://{self.request.url.netloc.decode('ascii')}"

    @property
    def path(self) -> str:
        return self.request.url.path

    @property
    def method(self) -> str:
        return self.request.method.lower()

    @property
    def body(self) -> bytes | None:
        return self._body

    @property
    def content_type(self) -> str:
        return _folded_media_type(str(self.request.headers.get("content-type", "")))


def _body_for_validation(
    content: bytes, content_type: str | None, schema_of: Callable[[str], Any], what: str
) -> bytes | None:
    """The body openapi-core is given: an XML body as the JSON of what it says (see `_xml_body_value`)."""
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
    """openapi-core splits spaceDelimited values on a literal `%20`, but it is given decoded values."""
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


class OpenAPIResponse:
    """An `httpx.Response` as openapi-core's response protocol."""

    def __init__(self, response: httpx.Response, route: _Route) -> None:
        self.response = response
        self._data = _body_for_validation(
            response.content,
            response.headers.get("content-type"),
            lambda media: _response_schema(route, response.status_code, media),
            f"the {response.status_code} reply",
        )

    @property
    def status_code(self) -> int:
        return self.response.status_code

    @property
    def content_type(self) -> str:
        return _folded_media_type(str(self.response.headers.get("content-type", "")))

    @property
    def headers(self) -> Headers:
        return Headers(list(self.response.headers.multi_items()))

    @property
    def data(self) -> bytes | None:
        return self._data


def _error_text(error: BaseException) -> str:
    """str(error), or its fields when openapi-core's own __str__ fails (it decodes a str value)."""
    try:
        return str(error)
    except Exception:
        return ", ".join(f"{key}={value!r}" for key, value in vars(error).items())


def describe_errors(errors: list[Exception]) -> str:
    """openapi-core's errors with their causes and schema errors, one per line."""
    lines: list[str] = []
    for error in errors:
        cause: BaseException | None = error
        chain: list[str] = []
        while cause is not None:
            text = _error_text(cause)
            chain.append(f"{type(cause).__name__}: {text}" if text else type(cause).__name__)
            for schema_error in getattr(cause, "schema_errors", ()) or ():
                where = "/".join(str(part) for part in getattr(schema_error, "absolute_path", ()))
                chain.append(
                    f"  schema: {getattr(schema_error, 'message', schema_error)}"
                    + (f" (at {where})" if where else "")
                )
            cause = cause.__cause__
        lines.append(" <- ".join(chain))
    return "\n".join(lines)
