"""The exact request and replies of a generated test, built at generation time for the proof (proof.py).

The request is written by the client runtime's own serializers (`_params.py` for parameters, the
`_bodies.py` classes for the body, `encode_target` for the path and query; see proof_modules.py)
from the values the test's call must put on the wire. What the runtime's `_client_base._build_request`
and auth classes add around them (the server, cookies, credentials, the idempotency key) is mirrored
here in a few lines: where those change, this must follow. Not known here is the client's own conversion of the
call's Python arguments (models, datetimes) into those wire values: the test asserts it in its
`_check_*_request`, the proof takes it as given.

The replies are the bytes and content type the test server (`_contract.py`'s MockServer) sends.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from types import ModuleType
from collections.abc import Mapping
from typing import Any

import httpx

from ..parse.ir import Api, Operation, Parameter
from .cases import expected_security
from .contract import contract_setup
from .proven import SchemeTest
from .views import CallCase, Encoded, Reply

# The runtime sends a fresh uuid4 as the idempotency key the caller does not give; any uuid4 will do.
IDEMPOTENCY_KEY = "00000000-0000-4000-8000-000000000000"


class Unsendable(Exception):
    """A part of the request the runtime cannot write (an empty path segment, a header that is not ASCII)."""

    def __init__(self, part: str, problem: str) -> None:
        super().__init__(problem)
        self.part = part
        self.problem = problem


@dataclass(frozen=True)
class ReplyParts:
    """A test server's reply before it is an `httpx.Response`."""

    status: int
    content: bytes
    headers: dict[str, str]


class WireBuilder:
    """Requests and replies of one document's generated tests."""

    def __init__(self, api: Api, runtime: dict[str, ModuleType], validation: Any, schemes: Mapping[str, SchemeTest] | None = None) -> None:
        self.api = api
        self.params = runtime["_params"]
        self.bodies = runtime["_bodies"]
        self.xml = runtime["_xml"]
        self.validation = validation
        setup = contract_setup(api, schemes=schemes)
        self.base_url = setup.base_url  # where the test client sends (its default server or base_url=)
        self.credentials = {credential.scheme: credential for credential in setup.credentials}
        self.shapes = {key: json.loads(shape) for key, shape in api.xml_shapes}

    # -- the request

    def request(self, operation: Operation, case: CallCase, body_extra: dict[str, Any] | None = None, query_extra: dict[str, Any] | None = None) -> httpx.Request:
        """The request the example call sends; `body_extra` and `query_extra` add members (the
        stream flag, the second page's parameter). Raises `Unsendable`."""
        by_location: dict[str, list[Any]] = {"path": [], "query": [], "header": [], "cookie": []}
        extra = query_extra or {}
        for parameter in operation.parameters:  # in the order the client passes them
            given = case.expected.get(parameter.location, {})
            if parameter.location == "query" and parameter.wire_name in extra:
                value = extra[parameter.wire_name]
            elif parameter.location in by_location and parameter.wire_name in given:
                value = given[parameter.wire_name]
            else:
                continue
            by_location[parameter.location].append((parameter, self._param(parameter, value)))
        url = self._url(operation, by_location["path"], by_location["query"])
        headers = httpx.Headers()
        kwargs = self._body(operation, case.body_sent, body_extra)
        headers.update(kwargs.pop("headers", {}))
        for parameter, param in by_location["header"]:
            try:
                headers.update(httpx.Headers(self.params.encode_headers([param])))
            except UnicodeError:
                raise Unsendable(f"header:{parameter.wire_name}", "a header value must be ASCII") from None
            except ValueError as error:
                raise Unsendable(f"header:{parameter.wire_name}", str(error)) from None
        if operation.idempotency_header and operation.idempotency_header.lower() not in {key.lower() for key in headers}:
            headers[operation.idempotency_header] = IDEMPOTENCY_KEY
        cookies = [f"{name}={value}" for parameter, param in by_location["cookie"] for name, value in self._cookies(parameter, param).items()]
        query: list[tuple[str, str]] = []
        for scheme in expected_security(self.api, operation) or ():
            credential = self.credentials.get(scheme)
            if credential is None or not credential.location:
                continue
            if credential.location == "header":
                headers[credential.name] = credential.value
            elif credential.location == "query":
                query.append((credential.name, credential.value))
            else:
                cookies.append(f"{credential.name}={credential.value}")
        if cookies:
            headers["Cookie"] = "; ".join(cookies)  # as the runtime's append_cookie joins them
        request = httpx.Request(operation.method.upper(), url, headers=headers, **kwargs)
        for name, value in query:  # as ApiKeyAuth sets a query credential
            request.url = request.url.copy_set_param(name, value)
        request.read()
        return request

    def _param(self, parameter: Parameter, value: Any) -> Any:
        return self.params.Param(parameter.wire_name, value, parameter.style, parameter.explode, parameter.allow_reserved)

    def _url(self, operation: Operation, path: list[tuple[Parameter, Any]], query: list[tuple[Parameter, Any]]) -> str:
        """As `_client_base._url` builds it: the target by the runtime's own `encode_target`, the server
        joined as `_client_base._server` joins it."""
        for parameter, param in path:
            try:
                self.params.encode_path("{" + parameter.wire_name + "}", [param])
            except ValueError as error:
                raise Unsendable(f"path:{parameter.wire_name}", str(error)) from None
        for parameter, param in query:
            try:
                self.params.encode_query_string([param])
            except ValueError as error:
                raise Unsendable(f"query:{parameter.wire_name}", str(error)) from None
        target = self.params.encode_target(operation.url_path, [param for _, param in path], [param for _, param in query])
        server = self.base_url if operation.server is None else str(httpx.URL(self.base_url).join(operation.server)).rstrip("/")
        return f"{server}{target}"

    def _cookies(self, parameter: Parameter, param: Any) -> dict[str, str]:
        try:
            cookies: dict[str, str] = self.params.encode_cookies([param])
        except ValueError as error:
            raise Unsendable(f"cookie:{parameter.wire_name}", str(error)) from None
        return cookies

    def _body(self, operation: Operation, sent: Any, extra: dict[str, Any] | None) -> dict[str, Any]:
        """`httpx.Request` arguments for the body, written by the runtime's body class the client uses."""
        body = operation.body
        if body is None or (sent is None and not extra):
            return {}
        if extra:
            sent = {**(sent if isinstance(sent, dict) else {}), **extra}
        content_type = body.sent_type
        try:
            if body.kind == "json":
                made = self.bodies.JsonBody(sent, content_type=content_type)
            elif body.kind == "form":
                made = self.bodies.FormBody(sent if isinstance(sent, dict) else {}, content_type=content_type)
            elif body.kind == "multipart":
                fields = sent if isinstance(sent, dict) else {}
                files = {key: _file(value) for key, value in fields.items() if _is_file(value)}
                made = self.bodies.MultipartBody({key: value for key, value in fields.items() if key not in files}, files)
            elif body.kind == "binary":
                made = self.bodies.BinaryBody(str(sent).encode() if isinstance(sent, str) else json.dumps(sent).encode(), content_type=content_type)
            elif body.kind == "text":
                made = self.bodies.TextBody(str(sent), content_type=content_type)
            else:
                made = self.bodies.XmlBody(sent, self.xml.XmlSchema(json.loads(body.xml_shape or "{}"), self.shapes), content_type=content_type)
            kwargs: dict[str, Any] = dict(made.request_kwargs())
        except (ValueError, TypeError) as error:  # NaN in JSON, a value XML cannot say
            raise Unsendable("body", str(error)) from None
        return kwargs

    # -- the replies

    def reply_parts(self, request: httpx.Request, reply: Reply, next_page: dict[str, str] | None = None, next_field: tuple[str, ...] = ()) -> ReplyParts:
        """The reply as MockServer sends it (`reply(status, json)` or `reply(status, content=, content_type=)`),
        not yet made a response (`as_response`): the proof keys its verdicts by these parts."""
        content: bytes = self.validation.json_bytes(reply.body) if reply.kind == "json" else bytes(reply.body or b"")
        content_type = (reply.content_type or "application/json") if reply.kind == "json" else reply.content_type
        headers = {"content-type": content_type} if content and content_type else {}
        if next_page is not None:
            link = str(request.url.copy_merge_params(next_page))
            if next_field:
                body = json.loads(content)
                target = body
                for key in next_field[:-1]:
                    target = target.setdefault(key, {})
                target[next_field[-1]] = link
                content = self.validation.json_bytes(body)
            else:
                headers["link"] = f'<{link}>; rel="next"'
        return ReplyParts(reply.status, content, headers)

    @staticmethod
    def as_response(request: httpx.Request, parts: ReplyParts) -> httpx.Response:
        return httpx.Response(parts.status, content=parts.content, headers=parts.headers, request=request)


def _is_file(value: Any) -> bool:
    """Multipart parts the test sends as files: bytes (`Encoded` text), one or a list."""
    return isinstance(value, Encoded) or (isinstance(value, list) and bool(value) and all(isinstance(item, Encoded) for item in value))


def _file(value: Any) -> Any:
    return [str(item).encode() for item in value] if isinstance(value, list) else str(value).encode()
