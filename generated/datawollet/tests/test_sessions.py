"""Contract tests of `client.sessions`, generated from the OpenAPI document.

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
    BadRequestError,
    InternalServerError,
    PermissionDeniedError,
    PreconditionFailedError,
)
from .._models import to_wire
from ._contract import MockServer, sync_and_async
from ._expect import Equal, Items, Model, Sent, Wire, check_request, expect

# ---------------------------------------------------------------- start: POST /session/start

START_200: Any = {
    "session_id": "ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA",
    "resumed": False,
    "expires_at": "2023-11-07T06:01:56Z",
    "envelope_id": "env_01HF3KB7M2N4P6Q8R0S2T4V6X8",
    "envelope_key": "ek_Vb7Nq2Lx9Pz4Rt6Wy8",
    "requests": [],
}
"""The documented 200 reply."""

START_200_PARSED: Any = Model(
    models.SessionResponse,
    session_id="ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA",
    resumed=False,
    expires_at=datetime.datetime.fromisoformat("2023-11-07T06:01:56Z"),
    envelope_id="env_01HF3KB7M2N4P6Q8R0S2T4V6X8",
    envelope_key="ek_Vb7Nq2Lx9Pz4Rt6Wy8",
    requests=[],
)
"""What the client must make of it."""

START_400: Any = {
    "error": "invalid_request",
    "message": "Envelope operations are not supported when resuming a session.",
}
"""The documented 400 reply."""

START_400_PARSED: Any = Model(
    models.Error,
    error="invalid_request",
    message="Envelope operations are not supported when resuming a session.",
)
"""What the client must make of it (the error's body)."""

START_401: Any = {"error": "unauthorized", "message": "Missing or invalid bearer token."}
"""The documented 401 reply."""

START_401_PARSED: Any = Model(
    models.Error, error="unauthorized", message="Missing or invalid bearer token."
)
"""What the client must make of it (the error's body)."""

START_403: Any = {"error": "forbidden", "message": "Missing required scope: envelopes:create."}
"""The documented 403 reply."""

START_403_PARSED: Any = Model(
    models.Error, error="forbidden", message="Missing required scope: envelopes:create."
)
"""What the client must make of it (the error's body)."""

START_412: Any = {
    "error": "envelope_not_found",
    "message": "Envelope env_01HF3KB7M2N4P6Q8R0S2T4V6X8 was not found.",
}
"""The documented 412 reply."""

START_412_PARSED: Any = Model(
    models.Error,
    error="envelope_not_found",
    message="Envelope env_01HF3KB7M2N4P6Q8R0S2T4V6X8 was not found.",
)
"""What the client must make of it (the error's body)."""

START_500: Any = {"error": "internal_error", "message": "Failed to store session."}
"""The documented 500 reply."""

START_500_PARSED: Any = Model(
    models.Error, error="internal_error", message="Failed to store session."
)
"""What the client must make of it (the error's body)."""


def _call_start(client: Client) -> models.SessionResponse:
    """`sessions.start` with the document's example arguments."""
    return client.sessions.start(
        origin="https://app.example.com",
        session_key="6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2",
        partition_key="user-8c41e2",
        timeout_seconds=1800,
        create_envelope=True,
    )


async def _acall_start(client: AsyncClient) -> models.SessionResponse:
    """The same call with the async client."""
    return await client.sessions.start(
        origin="https://app.example.com",
        session_key="6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2",
        partition_key="user-8c41e2",
        timeout_seconds=1800,
        create_envelope=True,
    )


START_REQUEST = Sent(
    "POST",
    "/session/start",
    path_params={},
    query={},
    headers={"Origin": "https://app.example.com"},
    cookies={"session_key": "6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2"},
    security=("oauth2",),
    content_type="application/json",
    body={"partition_key": "user-8c41e2", "timeout_seconds": 1800, "create_envelope": True},
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_start(use_async: bool) -> None:
    """Start extraction session

    `POST /session/start` sends the example request; the documented 200 reply is parsed.
    """
    server = MockServer("POST", "/session/start")
    server.reply(200, START_200)
    result = server.run(_call_start, _acall_start, use_async)
    check_request(server.only_call(), START_REQUEST)
    expect(result, START_200_PARSED)


START_WITH_ADDITIONS: Any = {**START_200, "added_later": "kept"}
"""The documented 200 reply with what the API may add later (not in the document)."""


@sync_and_async
def test_start_accepts_additions(use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    server = MockServer("POST", "/session/start")
    server.reply(200, START_WITH_ADDITIONS, documented=False)
    result = server.run(_call_start, _acall_start, use_async)
    assert isinstance(result, models.SessionResponse), (
        "expected models.SessionResponse, got " + type(result).__name__
    )
    assert result.model_extra is not None
    assert result.model_extra["added_later"] == "kept"


@sync_and_async
def test_start_400_bad_request_error(use_async: bool) -> None:
    """A documented 400 reply to `POST /session/start` raises `BadRequestError` with the parsed body."""
    server = MockServer("POST", "/session/start")
    server.reply(400, START_400)
    with pytest.raises(BadRequestError) as raised:
        server.run(_call_start, _acall_start, use_async)
    check_request(server.only_call(), START_REQUEST)
    assert type(raised.value) is BadRequestError
    assert raised.value.status_code == 400
    body = raised.value.body
    expect(body, START_400_PARSED, "body")


@sync_and_async
def test_start_401_authentication_error(use_async: bool) -> None:
    """A documented 401 reply to `POST /session/start` raises `AuthenticationError` with the parsed body."""
    server = MockServer("POST", "/session/start")
    server.reply(401, START_401)
    server.reply(401, START_401)
    with pytest.raises(AuthenticationError) as raised:
        server.run(_call_start, _acall_start, use_async)
    # An OAuth2 client answers 401 by fetching a fresh token and retrying once.
    assert len(server.calls) == 2
    assert len(server.token_requests) == 2
    for call in server.calls:
        check_request(call, START_REQUEST)
    assert type(raised.value) is AuthenticationError
    assert raised.value.status_code == 401
    body = raised.value.body
    expect(body, START_401_PARSED, "body")


@sync_and_async
def test_start_403_permission_denied_error(use_async: bool) -> None:
    """A documented 403 reply to `POST /session/start` raises `PermissionDeniedError` with the parsed body."""
    server = MockServer("POST", "/session/start")
    server.reply(403, START_403)
    with pytest.raises(PermissionDeniedError) as raised:
        server.run(_call_start, _acall_start, use_async)
    check_request(server.only_call(), START_REQUEST)
    assert type(raised.value) is PermissionDeniedError
    assert raised.value.status_code == 403
    body = raised.value.body
    expect(body, START_403_PARSED, "body")


@sync_and_async
def test_start_412_precondition_failed_error(use_async: bool) -> None:
    """A documented 412 reply to `POST /session/start` raises `PreconditionFailedError` with the parsed body."""
    server = MockServer("POST", "/session/start")
    server.reply(412, START_412)
    with pytest.raises(PreconditionFailedError) as raised:
        server.run(_call_start, _acall_start, use_async)
    check_request(server.only_call(), START_REQUEST)
    assert type(raised.value) is PreconditionFailedError
    assert raised.value.status_code == 412
    body = raised.value.body
    expect(body, START_412_PARSED, "body")


@sync_and_async
def test_start_500_internal_server_error(use_async: bool) -> None:
    """A documented 500 reply to `POST /session/start` raises `InternalServerError` with the parsed body."""
    server = MockServer("POST", "/session/start")
    server.reply(500, START_500)
    with pytest.raises(InternalServerError) as raised:
        server.run(_call_start, _acall_start, use_async)
    check_request(server.only_call(), START_REQUEST)
    assert type(raised.value) is InternalServerError
    assert raised.value.status_code == 500
    body = raised.value.body
    expect(body, START_500_PARSED, "body")


# ---------------------------------------------------------------- resume: POST /session/resume

RESUME_200: Any = {
    "session_id": "ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA",
    "resumed": True,
    "expires_at": "2023-11-07T06:31:56Z",
    "envelope_id": None,
    "envelope_key": None,
    "requests": [
        {
            "request_id": "req_01HF3KD0A1B2C3D4E5F6G7H8J9",
            "path": "/extract",
            "created_at": "2023-11-07T05:31:56Z",
        }
    ],
}
"""The documented 200 reply."""

RESUME_200_PARSED: Any = Model(
    models.SessionResponse,
    session_id="ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA",
    resumed=True,
    expires_at=datetime.datetime.fromisoformat("2023-11-07T06:31:56Z"),
    envelope_id=None,
    envelope_key=None,
    requests=[
        Model(
            models.SessionRequestRecord,
            request_id="req_01HF3KD0A1B2C3D4E5F6G7H8J9",
            path="/extract",
            created_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
        )
    ],
)
"""What the client must make of it."""

RESUME_400: Any = {
    "error": "invalid_session",
    "message": "Session ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA has expired.",
}
"""The documented 400 reply."""

RESUME_400_PARSED: Any = Model(
    models.Error,
    error="invalid_session",
    message="Session ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA has expired.",
)
"""What the client must make of it (the error's body)."""

RESUME_401: Any = START_401
"""The documented 401 reply."""

RESUME_401_PARSED: Any = START_401_PARSED
"""What the client must make of it (the error's body)."""

RESUME_403: Any = {"error": "forbidden", "message": "Session key check failed."}
"""The documented 403 reply."""

RESUME_403_PARSED: Any = Model(models.Error, error="forbidden", message="Session key check failed.")
"""What the client must make of it (the error's body)."""

RESUME_500: Any = START_500
"""The documented 500 reply."""

RESUME_500_PARSED: Any = START_500_PARSED
"""What the client must make of it (the error's body)."""


def _call_resume(client: Client) -> models.SessionResponse:
    """`sessions.resume` with the document's example arguments."""
    return client.sessions.resume(
        origin="https://app.example.com",
        session_key="6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2",
        session_id="ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA",
        timeout_seconds=1800,
    )


async def _acall_resume(client: AsyncClient) -> models.SessionResponse:
    """The same call with the async client."""
    return await client.sessions.resume(
        origin="https://app.example.com",
        session_key="6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2",
        session_id="ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA",
        timeout_seconds=1800,
    )


RESUME_REQUEST = Sent(
    "POST",
    "/session/resume",
    path_params={},
    query={},
    headers={"Origin": "https://app.example.com"},
    cookies={"session_key": "6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2"},
    security=("oauth2",),
    content_type="application/json",
    body={"session_id": "ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA", "timeout_seconds": 1800},
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_resume(use_async: bool) -> None:
    """Resume extraction session

    `POST /session/resume` sends the example request; the documented 200 reply is parsed.
    """
    server = MockServer("POST", "/session/resume")
    server.reply(200, RESUME_200)
    result = server.run(_call_resume, _acall_resume, use_async)
    check_request(server.only_call(), RESUME_REQUEST)
    expect(result, RESUME_200_PARSED)


RESUME_WITH_ADDITIONS: Any = {**RESUME_200, "added_later": "kept"}
"""The documented 200 reply with what the API may add later (not in the document)."""


@sync_and_async
def test_resume_accepts_additions(use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    server = MockServer("POST", "/session/resume")
    server.reply(200, RESUME_WITH_ADDITIONS, documented=False)
    result = server.run(_call_resume, _acall_resume, use_async)
    assert isinstance(result, models.SessionResponse), (
        "expected models.SessionResponse, got " + type(result).__name__
    )
    assert result.model_extra is not None
    assert result.model_extra["added_later"] == "kept"


@sync_and_async
def test_resume_400_bad_request_error(use_async: bool) -> None:
    """A documented 400 reply to `POST /session/resume` raises `BadRequestError` with the parsed body."""
    server = MockServer("POST", "/session/resume")
    server.reply(400, RESUME_400)
    with pytest.raises(BadRequestError) as raised:
        server.run(_call_resume, _acall_resume, use_async)
    check_request(server.only_call(), RESUME_REQUEST)
    assert type(raised.value) is BadRequestError
    assert raised.value.status_code == 400
    body = raised.value.body
    expect(body, RESUME_400_PARSED, "body")


@sync_and_async
def test_resume_401_authentication_error(use_async: bool) -> None:
    """A documented 401 reply to `POST /session/resume` raises `AuthenticationError` with the parsed body."""
    server = MockServer("POST", "/session/resume")
    server.reply(401, RESUME_401)
    server.reply(401, RESUME_401)
    with pytest.raises(AuthenticationError) as raised:
        server.run(_call_resume, _acall_resume, use_async)
    # An OAuth2 client answers 401 by fetching a fresh token and retrying once.
    assert len(server.calls) == 2
    assert len(server.token_requests) == 2
    for call in server.calls:
        check_request(call, RESUME_REQUEST)
    assert type(raised.value) is AuthenticationError
    assert raised.value.status_code == 401
    body = raised.value.body
    expect(body, RESUME_401_PARSED, "body")


@sync_and_async
def test_resume_403_permission_denied_error(use_async: bool) -> None:
    """A documented 403 reply to `POST /session/resume` raises `PermissionDeniedError` with the parsed body."""
    server = MockServer("POST", "/session/resume")
    server.reply(403, RESUME_403)
    with pytest.raises(PermissionDeniedError) as raised:
        server.run(_call_resume, _acall_resume, use_async)
    check_request(server.only_call(), RESUME_REQUEST)
    assert type(raised.value) is PermissionDeniedError
    assert raised.value.status_code == 403
    body = raised.value.body
    expect(body, RESUME_403_PARSED, "body")


@sync_and_async
def test_resume_500_internal_server_error(use_async: bool) -> None:
    """A documented 500 reply to `POST /session/resume` raises `InternalServerError` with the parsed body."""
    server = MockServer("POST", "/session/resume")
    server.reply(500, RESUME_500)
    with pytest.raises(InternalServerError) as raised:
        server.run(_call_resume, _acall_resume, use_async)
    check_request(server.only_call(), RESUME_REQUEST)
    assert type(raised.value) is InternalServerError
    assert raised.value.status_code == 500
    body = raised.value.body
    expect(body, RESUME_500_PARSED, "body")


EXAMPLE_CALLS: dict[
    str, tuple[Callable[[Client], object], Callable[[AsyncClient], Awaitable[object]]]
] = {
    "POST /session/start": (_call_start, _acall_start),
    "POST /session/resume": (_call_resume, _acall_resume),
}
"""Every operation's example call by `"METHOD /path"` (the Prism integration tier runs them over real HTTP)."""
