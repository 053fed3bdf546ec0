"""Contract-test machinery for the Raydocs API - extraction sessions and documents client's generated tests.

`MockServer` is an in-memory HTTP server (an `httpx.MockTransport`) for one operation. Every request
the client sends is checked against the OpenAPI document shipped next to these tests (`openapi.json`;
see `_validation.py`: method, path, parameter serialization, content type, body, security; the dummy
credentials below must be on the request). A request that breaks the contract fails the test right
where it is sent. The server then answers with the replies the test queued
(themselves checked against the document), so the test can assert what the client parsed.

OAuth2 token requests the client makes on its own (the runtime sends them through the same
transport) are answered with a test token, and checked against the document too when it describes
the token endpoint.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import warnings
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import parse_qsl

import httpx
import pytest

from .._client import AsyncClient, Client
from ._expect import Sent, check_request, expect
from ._validation import (
    BASE_URL,
    CREDENTIALS,
    Call,
    ContractViolation,
    check_reply,
    check_token_request,
    describe_errors,
    is_token_endpoint_call,
    json_bytes,
    media_type,
    read_call,
)

__all__ = [
    "BASE_URL",
    "CREDENTIALS",
    "NO_BODY",
    "Additions",
    "Call",
    "Case",
    "ContractViolation",
    "ExampleCall",
    "MockServer",
    "case_id",
    "check_additions",
    "check_documented_error",
    "check_documented_reply",
    "describe_errors",
    "expect_deprecations",
    "make_async_client",
    "make_client",
    "read_call",
    "sync_and_async",
]

T = TypeVar("T")

ExampleCall = Callable[[Client | AsyncClient], object]
"""An operation's example call (`_call_<name>` of a test module): with a `Client` it returns the result;
with an `AsyncClient`, what to await for it."""

sync_and_async = pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
"""Runs a test twice: with `Client` (`use_async=False`) and with `AsyncClient`."""

BASE_URL_ARGUMENT: str | None = None
"""Passed as `base_url=`; None means the client's own default server is `BASE_URL`."""
ACCESS_TOKEN = "test-access-token"
"""The token the mock OAuth2 token endpoint issues."""
TOKEN_URLS: tuple[str, ...] = ()
"""OAuth2 token URLs of the security schemes, as documented (relative to the server URL)."""
UNCHECKED_TOKEN_URLS: tuple[str, ...] = ()
"""Token URLs whose documented form no test credential meets (the notes in `_validation_document.py`): their
requests are answered, not held to the document."""


def make_client(
    *, http_client: httpx.Client | None = None, base_url: str | None = BASE_URL_ARGUMENT
) -> Client:
    """A `Client` with a dummy credential for every security scheme, no retries, and strict reading of replies."""
    return Client(
        bearer_token="test-bearer-token",
        base_url=base_url,
        max_retries=0,
        http_client=http_client,
        strict_response_validation=True,
    )


def make_async_client(
    *, http_client: httpx.AsyncClient | None = None, base_url: str | None = BASE_URL_ARGUMENT
) -> AsyncClient:
    """An `AsyncClient` with a dummy credential for every security scheme, no retries, and strict reading of replies."""
    return AsyncClient(
        bearer_token="test-bearer-token",
        base_url=base_url,
        max_retries=0,
        http_client=http_client,
        strict_response_validation=True,
    )


# ---------------------------------------------------------------- the mock server


_NO_BODY: Any = object()
NO_BODY: Any = _NO_BODY
"""A `Case.reply` with no body."""
NEXT_PAGE_MARKER = "clientsmith-test-page"
"""The query parameter of a next-page link for an operation with no page parameter to set (taken off
before the request is checked against the document): a client that re-sent the first URL is caught."""


@dataclass
class _Reply:
    status: int
    content: bytes
    content_type: str | None
    documented: bool
    next_page: dict[str, str] | None = None  # query parameters a next-page link changes
    next_field: tuple[str, ...] = ()  # where in the JSON body the link goes (else: a Link header)


@dataclass
class MockServer:
    """An in-memory server for one operation (`method`, `path` as documented).

    Checks each request against the document, then answers with the queued replies in order.
    """

    method: str
    path: str
    calls: list[Call] = field(default_factory=list)
    token_requests: list[httpx.Request] = field(default_factory=list)
    next_links: list[str] = field(default_factory=list)  # the next-page links this server sent
    urls: list[str] = field(default_factory=list)  # the URL of each request for the operation
    _replies: list[_Reply] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.transport = httpx.MockTransport(self._handle)

    def reply(
        self,
        status: int,
        json: Any = _NO_BODY,
        *,
        content: bytes | None = None,
        content_type: str | None = None,
        documented: bool = True,
        next_page: dict[str, str] | None = None,
        next_field: tuple[str, ...] = (),
    ) -> None:
        """Queue an answer: a JSON body (`json=`), raw `content=` with its `content_type`, or nothing.

        A documented reply is checked against the document before it is sent; `documented=False` is for
        operations that document no success reply at all. With `next_page`, the reply links to a next
        page: the request's own URL with those query parameters set, in a `Link` header (RFC 8288,
        `rel="next"`) or, with `next_field`, in that field of the JSON body; `next_links` records it.
        """
        if content is None and json is not _NO_BODY:
            content = json_bytes(json)
            content_type = content_type or "application/json"
        self._replies.append(
            _Reply(
                status,
                content or b"",
                content_type if content else None,
                documented,
                next_page,
                next_field,
            )
        )

    def only_call(self) -> Call:
        """The one request the client sent for the operation."""
        assert len(self.calls) == 1, f"expected exactly one request, got {len(self.calls)}"
        return self.calls[0]

    def run(
        self,
        call: Callable[[Client], T],
        acall: Callable[[AsyncClient], Awaitable[T]],
        use_async: bool,
    ) -> T:
        """`call(client)` with a `Client` talking to this server, or `acall(client)` with an `AsyncClient`."""
        if use_async:
            return asyncio.run(self._run_async(acall))
        with (
            httpx.Client(transport=self.transport) as http,
            make_client(http_client=http) as client,
        ):
            return call(client)

    def run_example(self, call: ExampleCall, use_async: bool) -> Any:
        """`call(client)` with a `Client` talking to this server, or awaited with an `AsyncClient`."""
        return self.run(call, _awaiting(call), use_async)

    async def _run_async(self, acall: Callable[[AsyncClient], Awaitable[T]]) -> T:
        async with (
            httpx.AsyncClient(transport=self.transport) as http,
            make_async_client(http_client=http) as client,
        ):
            return await acall(client)

    # -- transport

    def _handle(self, request: httpx.Request) -> httpx.Response:
        # The client's own token request, unless it is a call of the operation under test
        if self._is_token_request(request) and not is_token_endpoint_call(
            request, self.method, self.path
        ):
            return self._token_reply(request)
        self.urls.append(str(request.url))
        if str(request.url) in self.next_links and NEXT_PAGE_MARKER in request.url.params:
            # A link this server made for an operation without a page parameter: the marker is its own.
            request = httpx.Request(
                request.method,
                request.url.copy_remove_param(NEXT_PAGE_MARKER),
                headers=request.headers,
                content=request.content,
                extensions=request.extensions,
            )
        call = read_call(request, (self.method, self.path))
        self.calls.append(call)
        if not self._replies:
            raise AssertionError(
                f"unexpected request #{len(self.calls)} for {self.method} {self.path}: no reply queued"
            )
        reply = self._replies.pop(0)
        headers = {"content-type": reply.content_type} if reply.content_type else {}
        content = reply.content
        if reply.next_page is not None:
            link = str(request.url.copy_merge_params(reply.next_page))
            self.next_links.append(link)
            if reply.next_field:
                content = json_bytes(_with_field(json.loads(content), reply.next_field, link))
            else:
                headers["link"] = f'<{link}>; rel="next"'
        response = httpx.Response(reply.status, content=content, headers=headers, request=request)
        if reply.documented:
            check_reply(request, response, (self.method, self.path))
        return response

    def _is_token_request(self, request: httpx.Request) -> bool:
        if request.method != "POST" or not TOKEN_URLS:
            return False
        if (
            media_type(request) != "application/x-www-form-urlencoded"
            or b"grant_type=" not in request.content
        ):
            return False
        return _is_for(request, TOKEN_URLS)

    def _token_reply(self, request: httpx.Request) -> httpx.Response:
        self.token_requests.append(request)
        fields = dict(parse_qsl(request.content.decode("ascii")))
        grant = fields.get("grant_type")
        assert grant in ("client_credentials", "password"), f"unexpected token request {grant!r}"
        if not _is_for(request, UNCHECKED_TOKEN_URLS):
            check_token_request(
                request
            )  # held to the document when it describes its token endpoint
        body = {"access_token": ACCESS_TOKEN, "token_type": "Bearer", "expires_in": 3600}
        return httpx.Response(200, json=body, request=request)


def _awaiting(call: ExampleCall) -> Callable[[AsyncClient], Awaitable[Any]]:
    async def acall(client: AsyncClient) -> Any:
        pending = call(client)
        assert inspect.isawaitable(pending), f"the async call gave {type(pending).__name__}"
        return await pending

    return acall


def _is_for(request: httpx.Request, token_urls: tuple[str, ...]) -> bool:
    """Whether `request` goes to one of `token_urls` (documented relative to the server URL)."""
    base = httpx.URL(BASE_URL + "/")
    url = request.url.copy_with(query=None)
    return any(base.join(token_url) == url for token_url in token_urls)


@contextmanager
def expect_deprecations(*messages: str) -> Iterator[None]:
    """The block must warn `DeprecationWarning` with each message: the document deprecates the
    operation, or an argument the call passes."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    found = [str(item.message) for item in caught if issubclass(item.category, DeprecationWarning)]
    missing = [message for message in messages if message not in found]
    assert not missing, f"expected DeprecationWarning {missing}, got {found}"


def _with_field(body: Any, path: tuple[str, ...], value: str) -> Any:
    """`body` with the field at `path` (wire names) set to `value`, creating the objects on the way."""
    target = body
    for key in path[:-1]:
        target = target.setdefault(key, {})
    target[path[-1]] = value
    return body


# ---------------------------------------------------------------- the tests' tables
# A test module lists its documented replies as rows (`Case`, `Additions`) that one test each runs:
# a row's id (`case_id`) names the operation and the status (`test_documented_error[get_branch-404-sync]`).


@dataclass(frozen=True)
class Case:
    """A documented reply to an operation's example call (`call`, which must send `request`):
    the server answers `reply` (JSON; bytes with `content_type`; `NO_BODY`) with `status`, and the client
    must return `expected` (see `expect`), or raise exactly `error` with `expected` as its parsed body.
    `key` is the status as documented when it differs ("4XX", "default"); `attempts` the requests the
    client sends for the reply (an OAuth2 client answers 401 by fetching a fresh token and retrying once).
    """

    status: int
    reply: Any
    expected: Any
    call: ExampleCall
    request: Sent
    error: type[Exception] | None = None
    content_type: str | None = None
    key: str = ""
    attempts: int = 1


@dataclass(frozen=True)
class Additions:
    """A documented reply plus what the API may add later (`reply`, not in the document): the client
    must still return a `model` that keeps the unknown field `extra` ("kept") in `model_extra` and,
    with `enum_field`, holds the unknown enum value "added-later-value" there.
    """

    status: int
    reply: Any
    model: type[Any]
    extra: str
    call: ExampleCall
    request: Sent
    enum_field: str = ""
    content_type: str | None = None


def case_id(case: object) -> str:
    """A row's test id: the operation (its call's name) and the status (`get_branch-404`)."""
    if isinstance(case, (Case, Additions)):
        operation = getattr(case.call, "__name__", "?").removeprefix("_call_")
        return f"{operation}-{case.key if isinstance(case, Case) and case.key else case.status}"
    return str(case)


def _answer(
    server: MockServer, status: int, reply: Any, content_type: str | None, documented: bool = True
) -> None:
    if isinstance(reply, bytes):
        server.reply(status, content=reply, content_type=content_type, documented=documented)
    else:
        server.reply(status, reply, content_type=content_type, documented=documented)


def check_documented_reply(case: Case, use_async: bool) -> None:
    """The example call sends `case.request`, and the client makes `case.expected` of the reply."""
    __tracebackhide__ = True
    server = MockServer(case.request.method, case.request.path_template)
    _answer(server, case.status, case.reply, case.content_type)
    result = server.run_example(case.call, use_async)
    check_request(server.only_call(), case.request)
    expect(result, case.expected)


def check_documented_error(case: Case, use_async: bool) -> None:
    """The example call sends `case.request`, and the reply raises `case.error` with the parsed body."""
    __tracebackhide__ = True
    assert case.error is not None, "a documented error's row names its error class"
    server = MockServer(case.request.method, case.request.path_template)
    for _ in range(case.attempts):
        _answer(server, case.status, case.reply, case.content_type)
    with pytest.raises(case.error) as raised:
        server.run_example(case.call, use_async)
    if case.attempts == 1:
        check_request(server.only_call(), case.request)
    else:
        sent, tokens = len(server.calls), len(server.token_requests)
        assert sent == case.attempts, f"expected {case.attempts} requests, got {sent}"
        assert tokens == case.attempts, f"expected {case.attempts} token requests, got {tokens}"
        for call in server.calls:
            check_request(call, case.request)
    error = raised.value
    raised_class = type(error).__name__
    assert type(error) is case.error, f"expected {case.error.__name__}, got {raised_class}: {error}"
    status = getattr(error, "status_code", None)
    assert status == case.status, f"expected status_code {case.status}, got {status}"
    expect(getattr(error, "body", None), case.expected, "body")


def check_additions(case: Additions, use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    __tracebackhide__ = True
    server = MockServer(case.request.method, case.request.path_template)
    _answer(server, case.status, case.reply, case.content_type, documented=False)
    result: Any = server.run_example(case.call, use_async)
    got = type(result).__name__
    assert isinstance(result, case.model), f"expected models.{case.model.__name__}, got {got}"
    assert result.model_extra is not None, "model_extra is None"
    kept = result.model_extra.get(case.extra)
    assert kept == "kept", f"model_extra[{case.extra!r}]: expected 'kept', got {kept!r}"
    if case.enum_field:
        value = getattr(result, case.enum_field)
        where = f"result.{case.enum_field}"
        assert value == "added-later-value", f"{where}: expected 'added-later-value', got {value!r}"
