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
from .._exceptions import BadRequestError
from .._models import to_wire
from ._contract import MockServer, sync_and_async
from ._expect import Equal, Items, Model, Sent, Wire, check_request, expect

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

CREATE_TOKEN_200_PARSED: Any = Model(
    models.TokenResponse,
    access_token="kT3pYQm1x9dRZ7bWq2hLc0uV8sJfN4eA",
    token_type="bearer",
    expires_in=1209599,
    user_name="jane.doe@example.com",
    issued="Thu, 17 Nov 2022 00:00:00 GMT",
    expires="Thu, 01 Dec 2022 00:00:00 GMT",
)
"""What the client must make of it."""

CREATE_TOKEN_400: Any = {
    "error": "invalid_grant",
    "error_description": "The user name or password is incorrect.",
}
"""The documented 400 reply."""

CREATE_TOKEN_400_PARSED: Any = Model(
    models.TokenError,
    error="invalid_grant",
    error_description="The user name or password is incorrect.",
)
"""What the client must make of it (the error's body)."""


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


CREATE_TOKEN_REQUEST = Sent(
    "POST",
    "/token",
    path_params={},
    query={},
    headers={},
    cookies={},
    security=(),
    content_type="application/x-www-form-urlencoded",
    body={
        "grant_type": "password",
        "username": "jane.doe@example.com",
        "password": "correct-horse-battery-staple",
    },
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_create_token(use_async: bool) -> None:
    """Get a bearer token (OAuth 2 password grant)

    `POST /token` sends the example request; the documented 200 reply is parsed.
    """
    server = MockServer("POST", "/token")
    server.reply(200, CREATE_TOKEN_200)
    result = server.run(_call_create_token, _acall_create_token, use_async)
    check_request(server.only_call(), CREATE_TOKEN_REQUEST)
    expect(result, CREATE_TOKEN_200_PARSED)


CREATE_TOKEN_WITH_ADDITIONS: Any = {**CREATE_TOKEN_200, "added_later": "kept"}
"""The documented 200 reply with what the API may add later (not in the document)."""


@sync_and_async
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


@sync_and_async
def test_create_token_400_bad_request_error(use_async: bool) -> None:
    """A documented 400 reply to `POST /token` raises `BadRequestError` with the parsed body."""
    server = MockServer("POST", "/token")
    server.reply(400, CREATE_TOKEN_400)
    with pytest.raises(BadRequestError) as raised:
        server.run(_call_create_token, _acall_create_token, use_async)
    check_request(server.only_call(), CREATE_TOKEN_REQUEST)
    assert type(raised.value) is BadRequestError
    assert raised.value.status_code == 400
    body = raised.value.body
    expect(body, CREATE_TOKEN_400_PARSED, "body")


EXAMPLE_CALLS: dict[
    str, tuple[Callable[[Client], object], Callable[[AsyncClient], Awaitable[object]]]
] = {
    "POST /token": (_call_create_token, _acall_create_token),
}
"""Every operation's example call by `"METHOD /path"` (the Prism integration tier runs them over real HTTP)."""
