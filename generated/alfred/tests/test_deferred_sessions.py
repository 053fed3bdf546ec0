"""Contract tests of `client.deferred_sessions`, generated from the OpenAPI document.

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
from .._exceptions import AuthenticationError, NotFoundError
from .._models import to_wire
from ._contract import MockServer, sync_and_async
from ._expect import Equal, Items, Model, Sent, Wire, check_request, expect

# ---------------------------------------------------------------- create: POST /api/deferred/create

CREATE_200: Any = {"session_id": "0f767925-b464-4ffa-b621-1a0aeacac256"}
"""The documented 200 reply."""

CREATE_200_PARSED: Any = Model(
    models.DeferredSessionCreated, session_id="0f767925-b464-4ffa-b621-1a0aeacac256"
)
"""What the client must make of it."""

CREATE_401: Any = {
    "error": "Unauthorized",
    "message": "Authorization has been denied for this request.",
}
"""The documented 401 reply."""

CREATE_401_PARSED: Any = Model(
    models.Error, error="Unauthorized", message="Authorization has been denied for this request."
)
"""What the client must make of it (the error's body)."""


def _call_create(client: Client) -> models.DeferredSessionCreated:
    """`deferred_sessions.create` with the document's example arguments."""
    return client.deferred_sessions.create()


async def _acall_create(client: AsyncClient) -> models.DeferredSessionCreated:
    """The same call with the async client."""
    return await client.deferred_sessions.create()


CREATE_REQUEST = Sent(
    "POST",
    "/api/deferred/create",
    path_params={},
    query={},
    headers={},
    cookies={},
    security=("apiKeyAuth",),
    content_type=None,
    body=None,
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_create(use_async: bool) -> None:
    """Create a new Deferred Session.

    `POST /api/deferred/create` sends the example request; the documented 200 reply is parsed.
    """
    server = MockServer("POST", "/api/deferred/create")
    server.reply(200, CREATE_200)
    result = server.run(_call_create, _acall_create, use_async)
    check_request(server.only_call(), CREATE_REQUEST)
    expect(result, CREATE_200_PARSED)


CREATE_WITH_ADDITIONS: Any = {**CREATE_200, "added_later": "kept"}
"""The documented 200 reply with what the API may add later (not in the document)."""


@sync_and_async
def test_create_accepts_additions(use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    server = MockServer("POST", "/api/deferred/create")
    server.reply(200, CREATE_WITH_ADDITIONS, documented=False)
    result = server.run(_call_create, _acall_create, use_async)
    assert isinstance(result, models.DeferredSessionCreated), (
        "expected models.DeferredSessionCreated, got " + type(result).__name__
    )
    assert result.model_extra is not None
    assert result.model_extra["added_later"] == "kept"


@sync_and_async
def test_create_401_authentication_error(use_async: bool) -> None:
    """A documented 401 reply to `POST /api/deferred/create` raises `AuthenticationError` with the parsed body."""
    server = MockServer("POST", "/api/deferred/create")
    server.reply(401, CREATE_401)
    with pytest.raises(AuthenticationError) as raised:
        server.run(_call_create, _acall_create, use_async)
    check_request(server.only_call(), CREATE_REQUEST)
    assert type(raised.value) is AuthenticationError
    assert raised.value.status_code == 401
    body = raised.value.body
    expect(body, CREATE_401_PARSED, "body")


# ---------------------------------------------------------------- get: GET /api/deferred/detail/{id}

GET_200: Any = {
    "id": "0f767925-b464-4ffa-b621-1a0aeacad257",
    "creation_date": "2022-11-17T00:00:00.000",
    "update_date": "2022-11-17T00:00:00.000",
    "status": "open",
    "user_name": "SuperTagShelf",
    "company_id": "286e2ed0-3626-4faa-a745-8ebf3488fbd7",
    "job_id": None,
}
"""The documented 200 reply."""

GET_200_PARSED: Any = Model(
    models.DeferredSession,
    id="0f767925-b464-4ffa-b621-1a0aeacad257",
    creation_date="2022-11-17T00:00:00.000",
    update_date="2022-11-17T00:00:00.000",
    status="open",
    user_name="SuperTagShelf",
    company_id="286e2ed0-3626-4faa-a745-8ebf3488fbd7",
    job_id=None,
)
"""What the client must make of it."""

GET_401: Any = CREATE_401
"""The documented 401 reply."""

GET_401_PARSED: Any = CREATE_401_PARSED
"""What the client must make of it (the error's body)."""

GET_404: Any = {
    "error": "Not Found",
    "message": "Deferred Session with ID 456f1234-e89b-12d3-a456-426655440000 does not exist.",
}
"""The documented 404 reply."""

GET_404_PARSED: Any = Model(
    models.Error,
    error="Not Found",
    message="Deferred Session with ID 456f1234-e89b-12d3-a456-426655440000 does not exist.",
)
"""What the client must make of it (the error's body)."""


def _call_get(client: Client) -> models.DeferredSession:
    """`deferred_sessions.get` with the document's example arguments."""
    return client.deferred_sessions.get(
        "0f767925-b464-4ffa-b621-1a0aeacad257",
    )


async def _acall_get(client: AsyncClient) -> models.DeferredSession:
    """The same call with the async client."""
    return await client.deferred_sessions.get(
        "0f767925-b464-4ffa-b621-1a0aeacad257",
    )


GET_REQUEST = Sent(
    "GET",
    "/api/deferred/detail/{id}",
    path_params={"id": "0f767925-b464-4ffa-b621-1a0aeacad257"},
    query={},
    headers={},
    cookies={},
    security=("apiKeyAuth",),
    content_type=None,
    body=None,
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_get(use_async: bool) -> None:
    """Retrieve details of a specific Deferred Session.

    `GET /api/deferred/detail/{id}` sends the example request; the documented 200 reply is parsed.
    """
    server = MockServer("GET", "/api/deferred/detail/{id}")
    server.reply(200, GET_200)
    result = server.run(_call_get, _acall_get, use_async)
    check_request(server.only_call(), GET_REQUEST)
    expect(result, GET_200_PARSED)


GET_WITH_ADDITIONS: Any = {**GET_200, "status": "added-later-value", "added_later": "kept"}
"""The documented 200 reply with what the API may add later (not in the document)."""


@sync_and_async
def test_get_accepts_additions(use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    server = MockServer("GET", "/api/deferred/detail/{id}")
    server.reply(200, GET_WITH_ADDITIONS, documented=False)
    result = server.run(_call_get, _acall_get, use_async)
    assert isinstance(result, models.DeferredSession), (
        "expected models.DeferredSession, got " + type(result).__name__
    )
    assert result.model_extra is not None
    assert result.model_extra["added_later"] == "kept"
    assert result.status == "added-later-value"


@sync_and_async
def test_get_401_authentication_error(use_async: bool) -> None:
    """A documented 401 reply to `GET /api/deferred/detail/{id}` raises `AuthenticationError` with the parsed body."""
    server = MockServer("GET", "/api/deferred/detail/{id}")
    server.reply(401, GET_401)
    with pytest.raises(AuthenticationError) as raised:
        server.run(_call_get, _acall_get, use_async)
    check_request(server.only_call(), GET_REQUEST)
    assert type(raised.value) is AuthenticationError
    assert raised.value.status_code == 401
    body = raised.value.body
    expect(body, GET_401_PARSED, "body")


@sync_and_async
def test_get_404_not_found_error(use_async: bool) -> None:
    """A documented 404 reply to `GET /api/deferred/detail/{id}` raises `NotFoundError` with the parsed body."""
    server = MockServer("GET", "/api/deferred/detail/{id}")
    server.reply(404, GET_404)
    with pytest.raises(NotFoundError) as raised:
        server.run(_call_get, _acall_get, use_async)
    check_request(server.only_call(), GET_REQUEST)
    assert type(raised.value) is NotFoundError
    assert raised.value.status_code == 404
    body = raised.value.body
    expect(body, GET_404_PARSED, "body")


EXAMPLE_CALLS: dict[
    str, tuple[Callable[[Client], object], Callable[[AsyncClient], Awaitable[object]]]
] = {
    "POST /api/deferred/create": (_call_create, _acall_create),
    "GET /api/deferred/detail/{id}": (_call_get, _acall_get),
}
"""Every operation's example call by `"METHOD /path"` (the Prism integration tier runs them over real HTTP)."""
