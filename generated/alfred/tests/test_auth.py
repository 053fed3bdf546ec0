"""Contract tests of `client.auth`, generated from the OpenAPI document.

For each operation: `_call_<name>` / `_acall_<name>` make the example call (the document's examples, or
values synthesized from its schemas) with `Client` / `AsyncClient`; `_check_<name>_request` says what
that call must put on the wire; the tests answer with each documented reply and assert what the client
parsed, field by field, or which typed error it raised. `MockServer` (see `_contract.py`) checks every
request against `openapi.json` with openapi-core before answering. Add a test by copying one: change
the arguments, the queued reply or the assertions.
"""

from __future__ import annotations

import builtins
import datetime
from collections.abc import Awaitable, Callable
from typing import Any, Literal, cast

import pytest

from .. import models
from .._client import AsyncClient, Client
from .._exceptions import BadRequestError
from .._models import to_wire
from ._contract import Call, MockServer

# ---------------------------------------------------------------- create_token: POST /token

CREATE_TOKEN_200: Any = {
    "access_token": "kT3pYQm1x9dRZ7bWq2hLc0uV8sJfN4eA",
    "token_type": "bearer",
    "expires_in": 1209599,
    "userName": "jane.doe@example.com",
    ".issued": "Thu, 17 Nov 2022 00:00:00 GMT",
    ".expires": "Thu, 01 Dec 2022 00:00:00 GMT",
}
"""The documented 200 reply."""

CREATE_TOKEN_400: Any = {
    "error": "invalid_grant",
    "error_description": "The user name or password is incorrect.",
}
"""The documented 400 reply."""


def _call_create_token(client: Client) -> models.TokenResponse:
    """`auth.create_token` with the document's example arguments."""
    return client.auth.create_token(
        grant_type="password",
        username="jane.doe@example.com",
        password="correct-horse-battery-staple",
    )


async def _acall_create_token(client: AsyncClient) -> models.TokenResponse:
    """The same call with the async client."""
    return await client.auth.create_token(
        grant_type="password",
        username="jane.doe@example.com",
        password="correct-horse-battery-staple",
    )


def _check_create_token_request(call: Call) -> None:
    """What the example call must send (openapi-core has already checked it against the document)."""
    assert call.method == "POST"
    assert call.path_template == "/token"
    assert call.path_params == {}
    assert call.query == {}
    assert call.headers == {}
    assert call.cookies == {}
    assert call.security == ()
    assert call.content_type == "application/x-www-form-urlencoded"
    assert call.body == {
        "grant_type": "password",
        "username": "jane.doe@example.com",
        "password": "correct-horse-battery-staple",
    }


@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
def test_create_token(use_async: bool) -> None:
    """Get a bearer token (OAuth 2 password grant)

    `POST /token` sends the example request; the documented 200 reply is parsed.
    """
    server = MockServer("POST", "/token")
    server.reply(200, CREATE_TOKEN_200)
    result = server.run(_call_create_token, _acall_create_token, use_async)
    _check_create_token_request(server.only_call())
    assert isinstance(result, models.TokenResponse), (
        "expected models.TokenResponse, got " + type(result).__name__
    )
    assert result.access_token == "kT3pYQm1x9dRZ7bWq2hLc0uV8sJfN4eA"
    assert result.token_type == "bearer"
    assert result.expires_in == 1209599
    assert result.user_name == "jane.doe@example.com"
    assert result.issued == "Thu, 17 Nov 2022 00:00:00 GMT"
    assert result.expires == "Thu, 01 Dec 2022 00:00:00 GMT"


CREATE_TOKEN_WITH_ADDITIONS: Any = {
    "access_token": "kT3pYQm1x9dRZ7bWq2hLc0uV8sJfN4eA",
    "token_type": "bearer",
    "expires_in": 1209599,
    "userName": "jane.doe@example.com",
    ".issued": "Thu, 17 Nov 2022 00:00:00 GMT",
    ".expires": "Thu, 01 Dec 2022 00:00:00 GMT",
    "added_later": "kept",
}
"""The documented 200 reply with what the API may add later (not in the document)."""


@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
def test_create_token_accepts_additions(use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    server = MockServer("POST", "/token")
    server.reply(200, CREATE_TOKEN_WITH_ADDITIONS, documented=False)
    result = server.run(_call_create_token, _acall_create_token, use_async)
    assert isinstance(result, models.TokenResponse), (
        "expected models.TokenResponse, got " + type(result).__name__
    )
    assert result.model_extra is not None
    assert result.model_extra["added_later"] == "kept"


@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
def test_create_token_400_bad_request_error(use_async: bool) -> None:
    """A documented 400 reply to `POST /token` raises `BadRequestError` with the parsed body."""
    server = MockServer("POST", "/token")
    server.reply(400, CREATE_TOKEN_400)
    with pytest.raises(BadRequestError) as raised:
        server.run(_call_create_token, _acall_create_token, use_async)
    _check_create_token_request(server.only_call())
    assert type(raised.value) is BadRequestError
    assert raised.value.status_code == 400
    body = raised.value.body
    assert isinstance(body, models.TokenError), (
        "expected models.TokenError, got " + type(body).__name__
    )
    assert body.error == "invalid_grant"
    assert body.error_description == "The user name or password is incorrect."


EXAMPLE_CALLS: dict[
    str, tuple[Callable[[Client], object], Callable[[AsyncClient], Awaitable[object]]]
] = {
    "POST /token": (_call_create_token, _acall_create_token),
}
"""Every operation's example call by `"METHOD /path"` (the Prism integration tier runs them over real HTTP)."""
