"""A request and a reply read against the document: the parameters of every location as their
styles write them, cast to their schemas' types and validated; the body by its media type
(`_validation_bodies.py` reads each kind); the credentials; a reply by its status, content type, body
and documented headers. Each failure is one finding (`_validation_schemas.py`'s error classes).
"""

from __future__ import annotations

import fnmatch
import re
from xml.etree import ElementTree
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import httpx

from ._validation_bodies import body_reader
from ._validation_document import _folded_media_type, _is_xml, json_bytes
from ._validation_prepared import validation_document
from ._validation_routes import _Route, _parameters, _request_schema, _response_schema
from ._validation_schemas import (
    CastError,
    DataValidationError,
    DeserializeError,
    EmptyQueryParameterValue,
    HeaderValidationError,
    InvalidData,
    InvalidHeader,
    InvalidParameter,
    InvalidRequestBody,
    InvalidSchemaValue,
    MediaTypeDeserializeError,
    MediaTypeNotFound,
    MissingData,
    MissingRequiredHeader,
    MissingRequiredParameter,
    MissingRequiredRequestBody,
    OpenAPIError,
    ParameterValidationError,
    RequestBodyValidationError,
    ResponseNotFound,
    StyleDeserializeError,
    ValidateError,
    _resolved,
    cast,
    kept_members,
    read_str,
    validate,
)
from ._validation_bodies import Pairs
from ._validation_styles import STYLES, style_and_explode
from ._validation_wire import request_locations, xml_as_json


class SecurityValidationError(OpenAPIError):
    def __str__(self) -> str:
        return f"{type(self).__name__}: {self.__cause__}"


class SecurityNotFound(OpenAPIError):
    def __init__(self, schemes: list[list[str]]) -> None:
        super().__init__(schemes)
        self.schemes = schemes

    def __str__(self) -> str:
        return f"Security not found. Schemes not valid for any requirement: {self.schemes}"


class _Missing(Exception):
    """A parameter or header the message does not carry."""


@dataclass
class RequestReading:
    """What reading a request found: its findings, and its parameters as read (by location, then name)."""

    errors: list[Exception] = field(default_factory=list)
    parameters: dict[str, dict[str, Any]] = field(
        default_factory=lambda: {"path": {}, "query": {}, "header": {}, "cookie": {}}
    )


def _operation(route: _Route) -> tuple[dict[str, Any], dict[str, Any]]:
    """The route's path item and operation in the validation document."""
    path_item = _resolved((validation_document().get("paths") or {}).get(route.template))
    path_item = path_item if isinstance(path_item, dict) else {}
    operation = path_item.get(route.method.lower())
    if not isinstance(operation, dict):
        operation = (path_item.get("additionalOperations") or {}).get(route.method) or {}
    return path_item, _resolved(operation)


def read_request(request: httpx.Request, route: _Route) -> RequestReading:
    """Read `request` as the operation `route` documents it."""
    reading = RequestReading()
    # The body first: an XML body that is not well-formed fails the request before anything is checked.
    body = xml_as_json(
        request.content,
        request.headers.get("content-type"),
        lambda media: _request_schema(route, media),
        f"the {request.method} request body",
    )
    path_item, operation = _operation(route)
    locations = request_locations(request, route, _parameters(route))
    security_error = _security_error(operation, locations)
    if security_error is not None:
        reading.errors.append(security_error)
        return reading
    seen: set[tuple[str, str]] = set()
    for raw in list(operation.get("parameters") or []) + list(path_item.get("parameters") or []):
        parameter = _resolved(raw)
        name, location = str(parameter.get("name")), str(parameter.get("in"))
        if (name, location) in seen:
            continue
        seen.add((name, location))
        try:
            reading.parameters[location][name] = _parameter(
                parameter, locations[location], name, location
            )
        except _Missing:
            if parameter.get("required") is True:
                reading.errors.append(MissingRequiredParameter(name, location))
        except ValidateError as error:
            reading.errors.append(_wrapped(InvalidParameter(name, location), error))
        except OpenAPIError as error:
            reading.errors.append(_wrapped(ParameterValidationError(name, location), error))
    body_error = _body_error(request, body, route, operation)
    if body_error is not None:
        reading.errors.append(body_error)
    return reading


def _wrapped(error: Exception, cause: BaseException) -> Exception:
    error.__cause__ = cause
    return error


def _parameter(parameter: dict[str, Any], location: Any, name: str, where: str) -> Any:
    """One parameter's value: read by its style (or its `content`), cast, validated, read as its schema keeps it."""
    if "content" not in parameter:
        schema = parameter.get("schema", {})
        value = _styled(parameter, schema, location, name, where)
        if where == "query" and value == "" and not parameter.get("allowEmptyValue"):
            raise EmptyQueryParameterValue(name)
    else:
        if name not in location:
            raise _Missing(name)
        content = _resolved(parameter["content"])
        mimetype = next(iter(content))
        media = _resolved(content[mimetype])
        value = _deserialized(str(mimetype), location[name], {}, media, "request")
        if "schema" not in media:
            return value
        schema = media["schema"]
    validate(schema, value, "request")
    return kept_members(schema, value, "request")


def _styled(parameter: dict[str, Any], schema: Any, location: Any, name: str, where: str) -> Any:
    style, explode = style_and_explode(parameter)
    kind = read_str(schema, "type", "")
    reader = STYLES.get(style)
    if reader is None:
        if name not in location:
            raise _Missing(name)
        return location[name]
    try:
        value = reader(explode, name, kind, location)
    except KeyError:
        if isinstance(_resolved(schema), dict) and "default" in _resolved(schema):
            return _resolved(schema)["default"]  # (the tests' copy of the document has none left)
        raise _Missing(name) from None
    except (ValueError, TypeError, AttributeError) as error:
        raise StyleDeserializeError(style, name) from error
    try:
        return cast(schema, value, "request")
    except (ValueError, TypeError, AttributeError) as error:
        raise CastError(value, kind) from error


def _security_error(operation: dict[str, Any], locations: dict[str, Any]) -> Exception | None:
    """A request that meets none of the security alternatives by what it carries (the exact
    credentials are `_validation.py`'s `_satisfied`'s business)."""
    requirements = operation.get("security", validation_document().get("security"))
    if not requirements:
        return None
    schemes = (validation_document().get("components") or {}).get("securitySchemes") or {}
    tried: list[list[str]] = []
    for requirement in requirements:
        names = [str(name) for name in requirement]
        tried.append(names)
        if all(_carries(_resolved(schemes[name]), locations) for name in names if name in schemes):
            return None
    return _wrapped(SecurityValidationError(), SecurityNotFound(tried))


def _carries(scheme: dict[str, Any], locations: dict[str, Any]) -> bool:
    kind = scheme["type"]
    if kind == "apiKey":
        return str(scheme["name"]) in locations[str(scheme["in"])]
    if kind == "http":
        if "Authorization" not in locations["header"]:
            return False
        auth_type, separator, _ = str(locations["header"]["Authorization"]).partition(" ")
        return bool(separator) and auth_type.lower() == scheme["scheme"]
    if kind in ("oauth2", "openIdConnect"):
        return True
    raise KeyError(kind)


def find_media_type(
    content: dict[str, Any], mimetype: str | None
) -> tuple[str, dict[str, str], dict[str, Any]]:
    """The documented media type a message of `mimetype` is: exactly, else by a range (`application/*`)."""
    if mimetype is None:
        raise MediaTypeNotFound(mimetype, list(content))
    base, *rest = mimetype.split(";")
    base = base.lower().rstrip()
    parameters: dict[str, str] = {}
    for item in rest:
        key, value = item.split("=")
        key = key.lower().lstrip()
        value = re.sub('^"(.*)"$', r"\1", value, count=1)
        parameters[key] = (value.lower() if key == "charset" else value).rstrip()
    for key in (mimetype, base):
        if key in content:
            return base, parameters, _resolved(content[key])
    if base:
        for key, media in content.items():
            if re.fullmatch(_glob(str(key)), base):
                return str(key), parameters, _resolved(media)
    raise MediaTypeNotFound(mimetype, [str(key) for key in content])


@lru_cache(maxsize=None)
def _glob(pattern: str) -> str:
    return fnmatch.translate(pattern)


def _deserialized(
    mimetype: str,
    raw: Any,
    parameters: dict[str, str],
    media: dict[str, Any],
    purpose: str,
    template: str = "",
) -> Any:
    try:
        return body_reader(mimetype, media, template, purpose)(raw, **parameters)
    except (ElementTree.ParseError, ValueError, TypeError, AttributeError) as error:
        raise MediaTypeDeserializeError(mimetype, raw) from error


def _body_error(
    request: httpx.Request, raw: bytes | None, route: _Route, operation: dict[str, Any]
) -> Exception | None:
    if "requestBody" not in operation:
        return None
    body = _resolved(operation["requestBody"])
    if not raw:
        return MissingRequiredRequestBody() if body.get("required") is True else None
    try:
        mimetype, parameters, media = find_media_type(
            _resolved(body.get("content")) or {},
            _folded_media_type(str(request.headers.get("content-type", ""))),
        )
        value = _deserialized(mimetype, raw, parameters, media, "request", route.template)
        if "schema" in media:
            validate(media["schema"], value, "request")
    except RequestBodyValidationError as error:
        return error
    except ValidateError as error:
        return _wrapped(InvalidRequestBody(), error)
    except OpenAPIError as error:
        return _wrapped(RequestBodyValidationError(), error)
    return None


def reply_errors(
    request: httpx.Request, response: httpx.Response, route: _Route
) -> list[Exception]:
    """What the document does not allow of `response` to `request`: its status, body and headers."""
    data = xml_as_json(
        response.content,
        response.headers.get("content-type"),
        lambda media: _response_schema(route, response.status_code, media),
        f"the {response.status_code} reply",
    )
    _, operation = _operation(route)
    responses = operation.get("responses") or {}
    status = str(response.status_code)
    key = next((key for key in (status, f"{status[0]}XX", "default") if key in responses), None)
    if key is None:
        return [ResponseNotFound(status, [str(item) for item in responses])]
    documented = _resolved(responses[key])
    errors: list[Exception] = []
    if "content" in documented:
        try:
            if not data:
                raise MissingData()
            mimetype, parameters, media = find_media_type(
                _resolved(documented["content"]) or {},
                _folded_media_type(str(response.headers.get("content-type", ""))),
            )
            value = _deserialized(mimetype, data, parameters, media, "response")
            if "schema" in media:
                validate(media["schema"], value, "response")
        except DataValidationError as error:
            errors.append(error)
        except ValidateError as error:
            errors.append(_wrapped(InvalidData(), error))
        except OpenAPIError as error:
            errors.append(_wrapped(DataValidationError(), error))
    headers = Pairs(list(response.headers.multi_items()), folded=True)
    for name, header in (_resolved(documented.get("headers")) or {}).items():
        if str(name).lower() == "content-type":
            continue
        header = _resolved(header)
        try:
            _header(header, headers, str(name))
        except _Missing:
            if header.get("required") is True:
                errors.append(MissingRequiredHeader(str(name)))
        except ValidateError as error:
            errors.append(_wrapped(InvalidHeader(str(name)), error))
        except OpenAPIError as error:
            errors.append(_wrapped(HeaderValidationError(str(name)), error))
    return errors


def _header(header: dict[str, Any], headers: Pairs, name: str) -> None:
    if "content" in header:
        if name not in headers:
            raise _Missing(name)
        content = _resolved(header["content"])
        mimetype = next(iter(content))
        media = _resolved(content[mimetype])
        value = _deserialized(str(mimetype), headers[name], {}, media, "response")
        if "schema" in media:
            validate(media["schema"], value, "response")
        return
    schema = header.get("schema", {})
    style, explode = style_and_explode(header)
    kind = read_str(schema, "type", "")
    try:
        value = STYLES[style](explode, name, kind, headers)
    except KeyError:
        raise _Missing(name) from None
    except (ValueError, TypeError, AttributeError) as error:
        raise StyleDeserializeError(style, name) from error
    validate(schema, cast(schema, value, "response"), "response")


__all__ = [
    "DeserializeError",
    "InvalidSchemaValue",
    "RequestReading",
    "json_bytes",
    "read_request",
    "reply_errors",
    "_is_xml",
]
