"""Contract tests of `client.documents`, generated from the OpenAPI document.

For each operation: `_call_<name>` / `_acall_<name>` make the example call (the document's examples, or
values synthesized from its schemas) with `Client` / `AsyncClient`; `<NAME>_REQUEST` says what that call
must put on the wire; the tests answer with each documented reply (`<NAME>_<STATUS>`) and `expect` what
the client parsed (`<NAME>_<STATUS>_PARSED`: the model class and value of each field, see `_expect.py`),
or which typed error it raised. `MockServer` (see `_contract.py`) checks every request against
`openapi.json` with openapi-core before answering. Add a test by copying one: change the arguments, the
queued reply or the expected values.
"""

from __future__ import annotations

import builtins
import datetime
from collections.abc import Awaitable, Callable
from typing import Any, Literal, cast

import pytest

from .. import models
from .._client import AsyncClient, Client
from .._exceptions import (
    AuthenticationError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
)
from .._models import to_wire
from ._contract import MockServer, sync_and_async
from ._expect import Equal, Items, Model, Sent, Wire, check_request, expect

# ---------------------------------------------------------------- get: GET /extractions/documents/{documentId}

GET_200: Any = {
    "id": "880e8400-e29b-41d4-a716-446655440000",
    "workspace_id": 123,
    "filename": "invoice.pdf",
    "mime": "application/pdf",
    "size": 184320,
    "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "status": "processed",
    "source_type": "upload",
    "source_url": None,
    "parsings": [
        {
            "id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
            "config_hash": "5d41402abc4b2a76b9719d911017c592",
            "status": "queued",
            "parser_version": "2.3.1",
            "updated_at": "2023-11-07T05:31:56Z",
        }
    ],
    "created_at": "2023-11-07T05:31:56Z",
}
"""The documented 200 reply."""

GET_200_PARSED: Any = Model(
    models.Document,
    id="880e8400-e29b-41d4-a716-446655440000",
    workspace_id=123,
    filename="invoice.pdf",
    mime="application/pdf",
    size=184320,
    sha256="9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    status="processed",
    source_type="upload",
    source_url=None,
    parsings=[
        Model(
            models.Parsing,
            id="3c90c3cc-0d44-4b50-8888-8dd25736052a",
            config_hash="5d41402abc4b2a76b9719d911017c592",
            status="queued",
            parser_version="2.3.1",
            updated_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
        )
    ],
    created_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
)
"""What the client must make of it."""

GET_401: Any = {"message": "Unauthenticated."}
"""The documented 401 reply."""

GET_403: Any = {"message": "This action is unauthorized."}
"""The documented 403 reply."""

GET_404: Any = {"message": "Not found."}
"""The documented 404 reply."""

GET_429: Any = {"message": "Too Many Attempts."}
"""The documented 429 reply."""

GET_500: Any = {"message": "Server Error"}
"""The documented 500 reply."""


def _call_get(client: Client) -> models.Document:
    """`documents.get` with the document's example arguments."""
    return client.documents.get(
        "880e8400-e29b-41d4-a716-446655440000",
    )


async def _acall_get(client: AsyncClient) -> models.Document:
    """The same call with the async client."""
    return await client.documents.get(
        "880e8400-e29b-41d4-a716-446655440000",
    )


GET_REQUEST = Sent(
    "GET",
    "/extractions/documents/{documentId}",
    path_params={"documentId": "880e8400-e29b-41d4-a716-446655440000"},
    query={},
    headers={},
    cookies={},
    security=("bearerAuth",),
    content_type=None,
    body=None,
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_get(use_async: bool) -> None:
    """Get Document

    `GET /extractions/documents/{documentId}` sends the example request; the documented 200 reply is parsed.
    """
    server = MockServer("GET", "/extractions/documents/{documentId}")
    server.reply(200, GET_200)
    result = server.run(_call_get, _acall_get, use_async)
    check_request(server.only_call(), GET_REQUEST)
    expect(result, GET_200_PARSED)


GET_WITH_ADDITIONS: Any = {**GET_200, "status": "added-later-value", "added_later": "kept"}
"""The documented 200 reply with what the API may add later (not in the document)."""


@sync_and_async
def test_get_accepts_additions(use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    server = MockServer("GET", "/extractions/documents/{documentId}")
    server.reply(200, GET_WITH_ADDITIONS, documented=False)
    result = server.run(_call_get, _acall_get, use_async)
    assert isinstance(result, models.Document), (
        "expected models.Document, got " + type(result).__name__
    )
    assert result.model_extra is not None
    assert result.model_extra["added_later"] == "kept"
    assert result.status == "added-later-value"


@sync_and_async
def test_get_401_authentication_error(use_async: bool) -> None:
    """A documented 401 reply to `GET /extractions/documents/{documentId}` raises `AuthenticationError` with the parsed body."""
    server = MockServer("GET", "/extractions/documents/{documentId}")
    server.reply(401, GET_401)
    with pytest.raises(AuthenticationError) as raised:
        server.run(_call_get, _acall_get, use_async)
    check_request(server.only_call(), GET_REQUEST)
    assert type(raised.value) is AuthenticationError
    assert raised.value.status_code == 401
    body = raised.value.body
    expect(body, Model(models.Error, message="Unauthenticated."), "body")


@sync_and_async
def test_get_403_permission_denied_error(use_async: bool) -> None:
    """A documented 403 reply to `GET /extractions/documents/{documentId}` raises `PermissionDeniedError` with the parsed body."""
    server = MockServer("GET", "/extractions/documents/{documentId}")
    server.reply(403, GET_403)
    with pytest.raises(PermissionDeniedError) as raised:
        server.run(_call_get, _acall_get, use_async)
    check_request(server.only_call(), GET_REQUEST)
    assert type(raised.value) is PermissionDeniedError
    assert raised.value.status_code == 403
    body = raised.value.body
    expect(body, Model(models.Error, message="This action is unauthorized."), "body")


@sync_and_async
def test_get_404_not_found_error(use_async: bool) -> None:
    """A documented 404 reply to `GET /extractions/documents/{documentId}` raises `NotFoundError` with the parsed body."""
    server = MockServer("GET", "/extractions/documents/{documentId}")
    server.reply(404, GET_404)
    with pytest.raises(NotFoundError) as raised:
        server.run(_call_get, _acall_get, use_async)
    check_request(server.only_call(), GET_REQUEST)
    assert type(raised.value) is NotFoundError
    assert raised.value.status_code == 404
    body = raised.value.body
    expect(body, Model(models.Error, message="Not found."), "body")


@sync_and_async
def test_get_429_rate_limit_error(use_async: bool) -> None:
    """A documented 429 reply to `GET /extractions/documents/{documentId}` raises `RateLimitError` with the parsed body."""
    server = MockServer("GET", "/extractions/documents/{documentId}")
    server.reply(429, GET_429)
    with pytest.raises(RateLimitError) as raised:
        server.run(_call_get, _acall_get, use_async)
    check_request(server.only_call(), GET_REQUEST)
    assert type(raised.value) is RateLimitError
    assert raised.value.status_code == 429
    body = raised.value.body
    expect(body, Model(models.Error, message="Too Many Attempts."), "body")


@sync_and_async
def test_get_500_internal_server_error(use_async: bool) -> None:
    """A documented 500 reply to `GET /extractions/documents/{documentId}` raises `InternalServerError` with the parsed body."""
    server = MockServer("GET", "/extractions/documents/{documentId}")
    server.reply(500, GET_500)
    with pytest.raises(InternalServerError) as raised:
        server.run(_call_get, _acall_get, use_async)
    check_request(server.only_call(), GET_REQUEST)
    assert type(raised.value) is InternalServerError
    assert raised.value.status_code == 500
    body = raised.value.body
    expect(body, Model(models.Error, message="Server Error"), "body")


EXAMPLE_CALLS: dict[
    str, tuple[Callable[[Client], object], Callable[[AsyncClient], Awaitable[object]]]
] = {
    "GET /extractions/documents/{documentId}": (_call_get, _acall_get),
}
"""Every operation's example call by `"METHOD /path"` (the Prism integration tier runs them over real HTTP)."""
