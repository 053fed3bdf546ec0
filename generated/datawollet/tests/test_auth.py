"""Contract tests of `client.auth`, generated from the OpenAPI document.

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
from .._exceptions import AuthenticationError, BadRequestError, InternalServerError
from .._models import to_wire
from ._contract import MockServer, sync_and_async
from ._expect import Equal, Items, Model, Sent, Wire, check_request, expect

# ---------------------------------------------------------------- create_token: POST /oauth/token

CREATE_TOKEN_200: Any = {
    "access_token": "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkd19jbGllbnRfNGY3YTJjIn0.c2lnbmF0dXJl",
    "token_type": "Bearer",
    "expires_in": 3600,
    "scope": "sessions:write envelopes:read",
}
"""The documented 200 reply."""

CREATE_TOKEN_200_PARSED: Any = Model(
    models.TokenResponse,
    access_token="eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkd19jbGllbnRfNGY3YTJjIn0.c2lnbmF0dXJl",
    token_type="Bearer",
    expires_in=3600,
    scope="sessions:write envelopes:read",
)
"""What the client must make of it."""

CREATE_TOKEN_400: Any = {
    "error": "unsupported_grant_type",
    "error_description": "Only the client_credentials grant is supported.",
}
"""The documented 400 reply."""

CREATE_TOKEN_400_PARSED: Any = Model(
    models.TokenError,
    error="unsupported_grant_type",
    error_description="Only the client_credentials grant is supported.",
)
"""What the client must make of it (the error's body)."""

CREATE_TOKEN_401: Any = {
    "error": "invalid_client",
    "error_description": "Client authentication failed.",
}
"""The documented 401 reply."""

CREATE_TOKEN_401_PARSED: Any = Model(
    models.TokenError, error="invalid_client", error_description="Client authentication failed."
)
"""What the client must make of it (the error's body)."""

CREATE_TOKEN_500: Any = {
    "error": "server_error",
    "error_description": "The token could not be issued.",
}
"""The documented 500 reply."""

CREATE_TOKEN_500_PARSED: Any = Model(
    models.TokenError, error="server_error", error_description="The token could not be issued."
)
"""What the client must make of it (the error's body)."""


def _call_create_token(client: Client) -> models.TokenResponse:
    """`auth.create_token` with the document's example arguments."""
    return client.auth.create_token(
        grant_type="client_credentials",
        client_id="dw_client_4f7a2c",
        client_secret="s3cr3t-Xq9vLm2pRt8wZ",
    )


async def _acall_create_token(client: AsyncClient) -> models.TokenResponse:
    """The same call with the async client."""
    return await client.auth.create_token(
        grant_type="client_credentials",
        client_id="dw_client_4f7a2c",
        client_secret="s3cr3t-Xq9vLm2pRt8wZ",
    )


CREATE_TOKEN_REQUEST = Sent(
    "POST",
    "/oauth/token",
    path_params={},
    query={},
    headers={},
    cookies={},
    security=("clientBasic",),
    content_type="application/json",
    body={
        "grant_type": "client_credentials",
        "client_id": "dw_client_4f7a2c",
        "client_secret": "s3cr3t-Xq9vLm2pRt8wZ",
    },
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_create_token(use_async: bool) -> None:
    """Obtain an access token

    `POST /oauth/token` sends the example request; the documented 200 reply is parsed.
    """
    server = MockServer("POST", "/oauth/token")
    server.reply(200, CREATE_TOKEN_200)
    result = server.run(_call_create_token, _acall_create_token, use_async)
    check_request(server.only_call(), CREATE_TOKEN_REQUEST)
    expect(result, CREATE_TOKEN_200_PARSED)


CREATE_TOKEN_WITH_ADDITIONS: Any = {**CREATE_TOKEN_200, "added_later": "kept"}
"""The documented 200 reply with what the API may add later (not in the document)."""


@sync_and_async
def test_create_token_accepts_additions(use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    server = MockServer("POST", "/oauth/token")
    server.reply(200, CREATE_TOKEN_WITH_ADDITIONS, documented=False)
    result = server.run(_call_create_token, _acall_create_token, use_async)
    assert isinstance(result, models.TokenResponse), (
        "expected models.TokenResponse, got " + type(result).__name__
    )
    assert result.model_extra is not None
    assert result.model_extra["added_later"] == "kept"


@sync_and_async
def test_create_token_400_bad_request_error(use_async: bool) -> None:
    """A documented 400 reply to `POST /oauth/token` raises `BadRequestError` with the parsed body."""
    server = MockServer("POST", "/oauth/token")
    server.reply(400, CREATE_TOKEN_400)
    with pytest.raises(BadRequestError) as raised:
        server.run(_call_create_token, _acall_create_token, use_async)
    check_request(server.only_call(), CREATE_TOKEN_REQUEST)
    assert type(raised.value) is BadRequestError
    assert raised.value.status_code == 400
    body = raised.value.body
    expect(body, CREATE_TOKEN_400_PARSED, "body")


@sync_and_async
def test_create_token_401_authentication_error(use_async: bool) -> None:
    """A documented 401 reply to `POST /oauth/token` raises `AuthenticationError` with the parsed body."""
    server = MockServer("POST", "/oauth/token")
    server.reply(401, CREATE_TOKEN_401)
    with pytest.raises(AuthenticationError) as raised:
        server.run(_call_create_token, _acall_create_token, use_async)
    check_request(server.only_call(), CREATE_TOKEN_REQUEST)
    assert type(raised.value) is AuthenticationError
    assert raised.value.status_code == 401
    body = raised.value.body
    expect(body, CREATE_TOKEN_401_PARSED, "body")


@sync_and_async
def test_create_token_500_internal_server_error(use_async: bool) -> None:
    """A documented 500 reply to `POST /oauth/token` raises `InternalServerError` with the parsed body."""
    server = MockServer("POST", "/oauth/token")
    server.reply(500, CREATE_TOKEN_500)
    with pytest.raises(InternalServerError) as raised:
        server.run(_call_create_token, _acall_create_token, use_async)
    check_request(server.only_call(), CREATE_TOKEN_REQUEST)
    assert type(raised.value) is InternalServerError
    assert raised.value.status_code == 500
    body = raised.value.body
    expect(body, CREATE_TOKEN_500_PARSED, "body")


EXAMPLE_CALLS: dict[
    str, tuple[Callable[[Client], object], Callable[[AsyncClient], Awaitable[object]]]
] = {
    "POST /oauth/token": (_call_create_token, _acall_create_token),
}
"""Every operation's example call by `"METHOD /path"` (the Prism integration tier runs them over real HTTP)."""
