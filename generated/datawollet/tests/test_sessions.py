"""Contract tests of `client.sessions`, generated from the OpenAPI document.

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
from .._exceptions import (
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    PermissionDeniedError,
    PreconditionFailedError,
)
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

# ---------------------------------------------------------------- start: POST /session/start

# fmt: off
START_200: Any = {
    "session_id": "ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA",
    "resumed": False,
    "expires_at": "2023-11-07T06:01:56Z",
    "envelope_id": "env_01HF3KB7M2N4P6Q8R0S2T4V6X8",
    "envelope_key": "ek_Vb7Nq2Lx9Pz4Rt6Wy8",
    "requests": [],
}
# fmt: on

START_200_PARSED: Any = Read(
    START_200,
    Model(
        models.SessionResponse, expires_at=datetime.datetime.fromisoformat("2023-11-07T06:01:56Z")
    ),
)

# fmt: off
START_400: Any = {
    "error": "invalid_request",
    "message": "Envelope operations are not supported when resuming a session.",
}
# fmt: on

START_400_PARSED: Any = Read(START_400, Model(models.Error))

START_401: Any = {"error": "unauthorized", "message": "Missing or invalid bearer token."}

START_401_PARSED: Any = Read(START_401, Model(models.Error))

START_403: Any = {"error": "forbidden", "message": "Missing required scope: envelopes:create."}

START_403_PARSED: Any = Read(START_403, Model(models.Error))

# fmt: off
START_412: Any = {
    "error": "envelope_not_found",
    "message": "Envelope env_01HF3KB7M2N4P6Q8R0S2T4V6X8 was not found.",
}
# fmt: on

START_412_PARSED: Any = Read(START_412, Model(models.Error))

START_500: Any = {"error": "internal_error", "message": "Failed to store session."}

START_500_PARSED: Any = Read(START_500, Model(models.Error))


def _call_start(
    client: Client | AsyncClient,
) -> models.SessionResponse | Awaitable[models.SessionResponse]:
    return client.sessions.start(
        origin="https://app.example.com",
        session_key="6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2",
        partition_key="user-8c41e2",
        timeout_seconds=1800,
        create_envelope=True,
    )


START_REQUEST = Sent(
    "POST",
    "/session/start",
    headers={"Origin": "https://app.example.com"},
    cookies={"session_key": "6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2"},
    security=("oauth2",),
    content_type="application/json",
    body={"partition_key": "user-8c41e2", "timeout_seconds": 1800, "create_envelope": True},
)

START_WITH_ADDITIONS: Any = {**START_200, "added_later": "kept"}


# ---------------------------------------------------------------- resume: POST /session/resume

# fmt: off
RESUME_200: Any = {
    "session_id": "ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA",
    "resumed": True,
    "expires_at": "2023-11-07T06:31:56Z",
    "envelope_id": None,
    "envelope_key": None,
    "requests": [{"request_id": "req_01HF3KD0A1B2C3D4E5F6G7H8J9", "path": "/extract", "created_at": "2023-11-07T05:31:56Z"}],
}
# fmt: on

RESUME_200_PARSED: Any = Read(
    RESUME_200,
    Model(
        models.SessionResponse,
        expires_at=datetime.datetime.fromisoformat("2023-11-07T06:31:56Z"),
        requests=[
            Model(
                models.SessionRequestRecord,
                created_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
            )
        ],
    ),
)

# fmt: off
RESUME_400: Any = {
    "error": "invalid_session",
    "message": "Session ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA has expired.",
}
# fmt: on

RESUME_400_PARSED: Any = Read(RESUME_400, Model(models.Error))

RESUME_401: Any = START_401

RESUME_401_PARSED: Any = Read(START_401, Model(models.Error))

RESUME_403: Any = {"error": "forbidden", "message": "Session key check failed."}

RESUME_403_PARSED: Any = Read(RESUME_403, Model(models.Error))

RESUME_500: Any = START_500

RESUME_500_PARSED: Any = Read(START_500, Model(models.Error))


def _call_resume(
    client: Client | AsyncClient,
) -> models.SessionResponse | Awaitable[models.SessionResponse]:
    return client.sessions.resume(
        origin="https://app.example.com",
        session_key="6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2",
        session_id="ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA",
        timeout_seconds=1800,
    )


RESUME_REQUEST = Sent(
    "POST",
    "/session/resume",
    headers={"Origin": "https://app.example.com"},
    cookies={"session_key": "6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2"},
    security=("oauth2",),
    content_type="application/json",
    body={"session_id": "ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA", "timeout_seconds": 1800},
)

RESUME_WITH_ADDITIONS: Any = {**RESUME_200, "added_later": "kept"}


# fmt: off
DOCUMENTED_REPLIES = [
    Case(200, START_200, START_200_PARSED, _call_start, START_REQUEST),
    Case(200, RESUME_200, RESUME_200_PARSED, _call_resume, RESUME_REQUEST),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", DOCUMENTED_REPLIES, ids=case_id)
def test_documented_reply(case: Case, use_async: bool) -> None:
    """The example call sends the request the document allows; the client parses the documented reply."""
    check_documented_reply(case, use_async)


# fmt: off
DOCUMENTED_ERRORS = [
    Case(400, START_400, START_400_PARSED, _call_start, START_REQUEST, BadRequestError),
    Case(401, START_401, START_401_PARSED, _call_start, START_REQUEST, AuthenticationError, attempts=2),
    Case(403, START_403, START_403_PARSED, _call_start, START_REQUEST, PermissionDeniedError),
    Case(412, START_412, START_412_PARSED, _call_start, START_REQUEST, PreconditionFailedError),
    Case(500, START_500, START_500_PARSED, _call_start, START_REQUEST, InternalServerError),
    Case(400, RESUME_400, RESUME_400_PARSED, _call_resume, RESUME_REQUEST, BadRequestError),
    Case(401, RESUME_401, RESUME_401_PARSED, _call_resume, RESUME_REQUEST, AuthenticationError, attempts=2),
    Case(403, RESUME_403, RESUME_403_PARSED, _call_resume, RESUME_REQUEST, PermissionDeniedError),
    Case(500, RESUME_500, RESUME_500_PARSED, _call_resume, RESUME_REQUEST, InternalServerError),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", DOCUMENTED_ERRORS, ids=case_id)
def test_documented_error(case: Case, use_async: bool) -> None:
    """A documented error reply raises its typed error (`_exceptions.py`) with the parsed body."""
    check_documented_error(case, use_async)


# fmt: off
ACCEPTS_ADDITIONS = [
    Additions(200, START_WITH_ADDITIONS, models.SessionResponse, "added_later", _call_start, START_REQUEST),
    Additions(200, RESUME_WITH_ADDITIONS, models.SessionResponse, "added_later", _call_resume, RESUME_REQUEST),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", ACCEPTS_ADDITIONS, ids=case_id)
def test_accepts_additions(case: Additions, use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    check_additions(case, use_async)


EXAMPLE_CALLS: dict[str, ExampleCall] = {
    "POST /session/start": _call_start,
    "POST /session/resume": _call_resume,
}
"""Every operation's example call by `"METHOD /path"` (the Prism integration tier runs them over real HTTP)."""
