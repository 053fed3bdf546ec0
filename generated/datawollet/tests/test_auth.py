"""Contract tests of `client.auth`, generated from the OpenAPI document.

For each operation: `_call_<name>` makes the example call (the document's examples, or values
synthesized from its schemas) with `Client`, or with `AsyncClient` for the test to await (mypy checks
it against both clients' signatures); `<NAME>_REQUEST` says what that call must put on the wire; the
tests answer with each documented reply (`<NAME>_<STATUS>`) and `expect` what the client parsed
(`<NAME>_<STATUS>_PARSED`: a `Read` of the reply naming each model's class and the values the JSON
does not spell itself, such as datetimes; see `_expect.py`), or which typed error it raised;
`<NAME>_WITH_ADDITIONS` is a reply with a field the document lacks. `MockServer` (see `_contract.py`)
checks every request against `openapi.json` (`_validation.py`) before answering. Most tests are rows
of the tables at the end (`DOCUMENTED_REPLIES`, `DOCUMENTED_ERRORS`, `ACCEPTS_ADDITIONS`), each run by
one test whose id names the operation and the status (`test_documented_error[get-404-sync]`). Add a
test by adding a row, or by copying a test function.
"""

from __future__ import annotations

import builtins
import datetime
from collections.abc import Awaitable
from typing import Any, Literal, cast

import pytest

from .. import models
from .._client import AsyncClient, Client
from .._exceptions import AuthenticationError, BadRequestError, InternalServerError
from .._models import to_wire
from ._contract import (
    Additions,
    Case,
    ExampleCall,
    MockServer,
    case_id,
    check_additions,
    check_documented_error,
    check_documented_reply,
    sync_and_async,
)
from ._expect import JSON, Equal, Extra, Items, Model, Read, Sent, Wire, check_request, expect

# ---------------------------------------------------------------- create_token: POST /oauth/token

# fmt: off
CREATE_TOKEN_200: Any = {
    "access_token": "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkd19jbGllbnRfNGY3YTJjIn0.c2lnbmF0dXJl",
    "token_type": "Bearer",
    "expires_in": 3600,
    "scope": "sessions:write envelopes:read",
}
# fmt: on

CREATE_TOKEN_200_PARSED: Any = Read(CREATE_TOKEN_200, Model(models.TokenResponse))

# fmt: off
CREATE_TOKEN_400: Any = {
    "error": "unsupported_grant_type",
    "error_description": "Only the client_credentials grant is supported.",
}
# fmt: on

CREATE_TOKEN_400_PARSED: Any = Read(CREATE_TOKEN_400, Model(models.TokenError))

# fmt: off
CREATE_TOKEN_401: Any = {
    "error": "invalid_client",
    "error_description": "Client authentication failed.",
}
# fmt: on

CREATE_TOKEN_401_PARSED: Any = Read(CREATE_TOKEN_401, Model(models.TokenError))

# fmt: off
CREATE_TOKEN_500: Any = {
    "error": "server_error",
    "error_description": "The token could not be issued.",
}
# fmt: on

CREATE_TOKEN_500_PARSED: Any = Read(CREATE_TOKEN_500, Model(models.TokenError))


def _call_create_token(
    client: Client | AsyncClient,
) -> models.TokenResponse | Awaitable[models.TokenResponse]:
    return client.auth.create_token(
        grant_type="client_credentials",
        client_id="dw_client_4f7a2c",
        client_secret="s3cr3t-Xq9vLm2pRt8wZ",
    )


CREATE_TOKEN_REQUEST = Sent(
    "POST",
    "/oauth/token",
    security=("clientBasic",),
    content_type="application/json",
    body={
        "grant_type": "client_credentials",
        "client_id": "dw_client_4f7a2c",
        "client_secret": "s3cr3t-Xq9vLm2pRt8wZ",
    },
)

CREATE_TOKEN_WITH_ADDITIONS: Any = {**CREATE_TOKEN_200, "added_later": "kept"}


# fmt: off
DOCUMENTED_REPLIES = [
    Case(200, CREATE_TOKEN_200, CREATE_TOKEN_200_PARSED, _call_create_token, CREATE_TOKEN_REQUEST),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", DOCUMENTED_REPLIES, ids=case_id)
def test_documented_reply(case: Case, use_async: bool) -> None:
    """The example call sends the request the document allows; the client parses the documented reply."""
    check_documented_reply(case, use_async)


# fmt: off
DOCUMENTED_ERRORS = [
    Case(400, CREATE_TOKEN_400, CREATE_TOKEN_400_PARSED, _call_create_token, CREATE_TOKEN_REQUEST, BadRequestError),
    Case(401, CREATE_TOKEN_401, CREATE_TOKEN_401_PARSED, _call_create_token, CREATE_TOKEN_REQUEST, AuthenticationError),
    Case(500, CREATE_TOKEN_500, CREATE_TOKEN_500_PARSED, _call_create_token, CREATE_TOKEN_REQUEST, InternalServerError),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", DOCUMENTED_ERRORS, ids=case_id)
def test_documented_error(case: Case, use_async: bool) -> None:
    """A documented error reply raises its typed error (`_exceptions.py`) with the parsed body."""
    check_documented_error(case, use_async)


# fmt: off
ACCEPTS_ADDITIONS = [
    Additions(200, CREATE_TOKEN_WITH_ADDITIONS, models.TokenResponse, "added_later", _call_create_token, CREATE_TOKEN_REQUEST),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", ACCEPTS_ADDITIONS, ids=case_id)
def test_accepts_additions(case: Additions, use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    check_additions(case, use_async)


EXAMPLE_CALLS: dict[str, ExampleCall] = {
    "POST /oauth/token": _call_create_token,
}
"""Every operation's example call by `"METHOD /path"` (the Prism integration tier runs them over real HTTP)."""
