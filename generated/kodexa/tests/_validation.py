"""How the Kodexa Platform API (sessions) client's generated tests check requests and replies against the document.

Every request the client sends is checked against the OpenAPI document shipped next to these tests
(`openapi.json`): method, path, path/query/header/cookie serialization, content type and body, and
security (the dummy credentials must be on the request). Every reply a test answers
with is checked the same way. `read_call` and `check_reply` raise `ContractViolation` (an
AssertionError) naming what the document does not allow.

The checks are spread over a few modules, each with one job: `_validation_document.py` (the document
and the lookups in it), `_validation_prepared.py` and `_validation_unions.py` (the document as the checks read it),
`_validation_schemas.py` (the findings, the schemas' validators and casting), `_validation_routes.py`
(which operation a request is for), `_validation_bodies.py` (how bodies of each media type are read),
`_validation_styles.py` and `_validation_wire.py` (parameters as their styles write them) and
`_validation_reader.py` (a request and a reply read against the document). This module reads what
the client sent.

None of them imports anything of the client: clientsmith runs these very modules when it generates
the tests, on the request and the replies each test will send and answer with, and replaces a value
the document does not allow before a test can fail for it. `_contract.py` builds the test server on it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

import httpx

from ._validation_bodies import _multipart_parts, _xml_body_value
from ._validation_document import (
    BASE_URL,
    CREDENTIALS,
    ContractViolation,
    Credential,
    _is_json_media,
    _is_object,
    _is_xml,
    _properties,
    _template_query,
    json_bytes,
    media_type,
    openapi_document,
)
from ._validation_reader import read_request, reply_errors
from ._validation_schemas import (
    ParameterValidationError,
    RequestBodyValidationError,
    describe_errors,
)
from ._validation_prepared import _transport_schemes, validation_document
from ._validation_wire import _cookies
from ._validation_routes import (
    _Route,
    _documents_token_form,
    _parameters,
    _request_schema,
    _route,
    _security,
)

__all__ = [
    "BASE_URL",
    "CREDENTIALS",
    "Call",
    "ContractViolation",
    "Credential",
    "ParameterValidationError",
    "RequestBodyValidationError",
    "check_reply",
    "check_token_request",
    "describe_errors",
    "is_request_for",
    "is_token_endpoint_call",
    "json_bytes",
    "media_type",
    "openapi_document",
    "read_call",
    "validation_document",
]


@dataclass
class Call:
    """One request of the client, as read back against the document."""

    request: httpx.Request
    path_template: str  # the documented path the request matched
    operation_id: str
    path_params: dict[str, Any]
    query: dict[str, Any]
    headers: dict[str, Any]
    cookies: dict[str, Any]
    content_type: str | None
    body: Any
    security: tuple[str, ...]

    @property
    def method(self) -> str:
        return self.request.method


def _raw_body(request: httpx.Request, route: _Route) -> Any:
    """The body as a test reads it: JSON parsed; form fields as text; multipart parts (files as bytes);
    XML as the value its schema describes (or its text)."""
    content = request.content
    media = media_type(request)
    if not content:
        # An empty text or byte body that says what it is (a documented empty example) is that empty value.
        if media is not None and media.startswith("text/"):
            return ""
        if media == "application/x-www-form-urlencoded":
            return {}  # a form without fields (a call that gives none of an optional body's)
        return b"" if media == "application/octet-stream" else None
    if media is not None and _is_xml(media):
        value = _xml_body_value(
            content,
            _request_schema(route, media),
            request.headers.get("content-type", ""),
            "the request body",
        )
        if not isinstance(value, str):
            return value  # otherwise text or bytes, as below
    if media is not None and _is_json_media(media):
        return json.loads(content)
    if media == "application/x-www-form-urlencoded":
        return _group(parse_qsl(content.decode("utf-8"), keep_blank_values=True))
    if media == "multipart/form-data":
        boundary = ""
        for item in request.headers.get("content-type", "").split(";")[1:]:
            key, _, value = item.strip().partition("=")
            if key.lower() == "boundary":
                boundary = value.strip('"')
        parts: list[tuple[str, Any]] = []
        for name, part in _multipart_parts(content, boundary):
            payload = part.get_payload(decode=True)
            data = payload if isinstance(payload, bytes) else b""
            is_file = part.get_param("filename", header="content-disposition") is not None
            parts.append((name, data if is_file else data.decode("utf-8")))
        return _group(parts)
    if media is not None and media.startswith("text/"):
        return content.decode("utf-8")
    return content


def _group(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    grouped: dict[str, Any] = {}
    for name, value in pairs:
        if name in grouped:
            previous = grouped[name]
            grouped[name] = (previous if isinstance(previous, list) else [previous]) + [value]
        else:
            grouped[name] = value
    return grouped


def _satisfied(alternative: tuple[str, ...], request: httpx.Request) -> bool:
    cookies = dict(_cookies(request))
    for scheme in alternative:
        if scheme in _transport_schemes(openapi_document()):
            continue  # carried by the TLS connection, not the request
        credential = CREDENTIALS.get(scheme)
        if credential is None or not credential.location:
            return False
        if credential.location == "header":
            sent = request.headers.get(credential.name)
        elif credential.location == "query":
            sent = request.url.params.get(credential.name)
        else:
            sent = cookies.get(credential.name)
        if sent != credential.value:
            return False
    return True


def _documented_names(route: _Route, location: str) -> set[str] | None:
    """Names a request may carry in the query or cookies; None when an exploded object makes any name valid."""
    names: set[str] = set()
    for parameter in _parameters(route):
        if (
            location == "cookie"
            and parameter.get("in") == "header"
            and str(parameter.get("name", "")).lower() == "cookie"
        ):
            return None  # a documented `Cookie` header parameter (VTEX): its text names the cookies
        if parameter.get("in") != location:
            continue
        style = parameter.get("style", "form")
        explode = parameter.get("explode", style == "form")
        if _is_object(parameter.get("schema")) and style == "form" and explode:
            members = _properties(parameter.get("schema"))
            if members is None:
                return None
            names |= members
        names.add(str(parameter.get("name")))
    names.update(
        credential.name for credential in CREDENTIALS.values() if credential.location == location
    )
    if location == "query":
        names.update(name for name, _ in _template_query(route.template))
    return names


def _carried_credentials(alternative: tuple[str, ...]) -> set[tuple[str, str]]:
    """Where the chosen credentials travel ((location, name); header names in lower case)."""
    carried: set[tuple[str, str]] = set()
    for scheme in alternative:
        credential = CREDENTIALS.get(scheme)
        if credential is not None and credential.location:
            carried.add(
                (
                    credential.location,
                    credential.name.lower() if credential.location == "header" else credential.name,
                )
            )
    return carried


def _without(carried: set[tuple[str, str]], location: str, read: dict[str, Any]) -> dict[str, Any]:
    """A documented parameter where a credential travels holds the credential: `security` checked it,
    and the client takes no argument for it."""
    kept = {
        name: value
        for name, value in read.items()
        if (location, name.lower() if location == "header" else name) not in carried
    }
    if location == "query":
        # a free-form object exploded into the query also reads the credential's name
        kept = {name: _without_credential_keys(carried, value) for name, value in kept.items()}
    return kept


def _without_credential_keys(carried: set[tuple[str, str]], value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    return {key: item for key, item in value.items() if ("query", key) not in carried}


def _one_per_header(route: _Route, read: dict[str, Any]) -> dict[str, Any]:
    """A header is read once per documented spelling; keep the one `_parameters` keeps."""
    kept = {
        str(parameter.get("name"))
        for parameter in _parameters(route)
        if parameter.get("in") == "header"
    }
    return {
        name: value
        for name, value in read.items()
        if name in kept or name.lower() not in {item.lower() for item in kept}
    }


def read_call(request: httpx.Request, expected: tuple[str, str] | None = None) -> Call:
    """Check one request against the document; raise `ContractViolation` describing the violations.

    `expected` is the (method, path template) of the operation the request must be for.
    """
    route = _route(request.method, request.url, expected[1] if expected else None)
    where = f"{request.method} {request.url.copy_with(query=None)}"
    if route is None:
        raise ContractViolation(f"the document has no operation for {where}")
    if expected is not None and (route.method, route.template) != (
        expected[0].upper(),
        expected[1],
    ):
        raise ContractViolation(
            f"expected a request for {expected[0]} {expected[1]}, got {where} (that is {route.method} {route.template})"
        )
    result = read_request(request, route)
    if result.errors:
        raise ContractViolation(
            f"{where} ({route.operation_id or route.template}) violates the document:\n{describe_errors(list(result.errors))}\n"
            "(If the test sends the document's own example values, see its <NAME>_REQUEST, the example may not match its schema.)",
            tuple(result.errors),
        )
    # The alternative the request meets in full with the most credentials: with `security: [{}, {key: []}]`
    # a request that carries the key uses it, though the empty alternative is met as well.
    met = [alternative for alternative in _security(route) if _satisfied(alternative, request)]
    chosen = max(met, key=len) if met else None
    if chosen is None:
        raise ContractViolation(
            f"{where} ({route.operation_id}) carries none of the credentials its security requires: {_security(route)}"
        )
    for location, present in (
        ("query", [name for name, _ in request.url.params.multi_items()]),
        ("cookie", [name for name, _ in _cookies(request)]),
    ):
        allowed = _documented_names(route, location)
        unknown = sorted(
            {
                name
                for name in present
                if allowed is not None
                and name not in allowed
                and not any(name.startswith(item + "[") for item in allowed)
            }
        )
        if unknown:
            raise ContractViolation(
                f"{where} ({route.operation_id}) sends undocumented {location} parameter(s) {unknown}",
                undocumented=tuple((location, name) for name in unknown),
            )
    parameters = result.parameters
    carried = _carried_credentials(chosen)
    return Call(
        request=request,
        path_template=route.template,
        operation_id=route.operation_id,
        path_params=dict(parameters["path"]),
        query=_without(carried, "query", dict(parameters["query"])),
        headers=_without(carried, "header", _one_per_header(route, dict(parameters["header"]))),
        cookies=_without(carried, "cookie", dict(parameters["cookie"])),
        content_type=media_type(request),
        body=_raw_body(request, route),
        security=chosen,
    )


def check_reply(
    request: httpx.Request, response: httpx.Response, expected: tuple[str, str]
) -> None:
    """Check a reply to `request` (for the operation `expected`: method, path template) against the
    document; raise `ContractViolation` describing the violations."""
    route = _route(request.method, request.url, expected[1])
    if route is None:
        raise ContractViolation(
            f"the document has no operation for {request.method} {request.url.copy_with(query=None)}"
        )
    errors = reply_errors(request, response, route)
    if errors:
        raise ContractViolation(
            f"the test's {response.status_code} reply for {expected[0]} {expected[1]} does not match the document "
            f"(fix the example in the spec):\n{describe_errors(errors)}",
            tuple(errors),
        )


def is_request_for(request: httpx.Request, method: str, path: str) -> bool:
    """Whether `request` is for the documented operation (`method`, `path` template)."""
    route = _route(request.method, request.url, path)
    return route is not None and (route.method, route.template) == (method.upper(), path)


def is_token_endpoint_call(request: httpx.Request, method: str, path: str) -> bool:
    """Whether a token request (a form with `grant_type`) is a call of the operation under test: the
    operation is the token endpoint itself, at a path of its own (not a template that takes the token
    URL, MotaWord's `POST /{userId}`), documented with the form RFC 6749 prescribes. Vimeo's
    `POST /oauth/authorize/client` takes JSON: a form there is the client fetching its token."""
    route = _route(request.method, request.url, path)
    return (
        route is not None
        and (route.method, route.template) == (method.upper(), path)
        and "{" not in path
        and _documents_token_form(route)
    )


def check_token_request(request: httpx.Request) -> None:
    """An OAuth2 token request, held to the document when it describes the token endpoint."""
    route = _route(request.method, request.url)
    # Not when the document describes its token endpoint with a body other than the form RFC 6749
    # prescribes (fulfillment.com's JSON), which the client does not send; nor when only a templated
    # path takes the token URL (MotaWord's `POST /{userId}`): that operation is not the token endpoint.
    if route is None or "{" in route.template or not _documents_token_form(route):
        return
    result = read_request(request, route)
    if result.errors:
        raise ContractViolation(
            f"the token request violates the document:\n{describe_errors(list(result.errors))}",
            tuple(result.errors),
        )
