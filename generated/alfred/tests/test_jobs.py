"""Contract tests of `client.jobs`, generated from the OpenAPI document.

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
from .._exceptions import AuthenticationError, BadRequestError, NotFoundError
from .._models import to_wire
from ._contract import MockServer, sync_and_async
from ._expect import Equal, Items, Model, Sent, Wire, check_request, expect

# ---------------------------------------------------------------- create: POST /api/job/create

CREATE_200: Any = {"job_id": "3b9d6f2e-8c1a-4d7e-b5f4-2a6c8e0d1f3b"}
"""The documented 200 reply."""

CREATE_200_PARSED: Any = Model(models.JobCreated, job_id="3b9d6f2e-8c1a-4d7e-b5f4-2a6c8e0d1f3b")
"""What the client must make of it."""

CREATE_400: Any = {"error": "Bad Request", "message": "The session_id field is required."}
"""The documented 400 reply."""

CREATE_400_PARSED: Any = Model(
    models.Error, error="Bad Request", message="The session_id field is required."
)
"""What the client must make of it (the error's body)."""

CREATE_401: Any = {
    "error": "Unauthorized",
    "message": "Authorization has been denied for this request.",
}
"""The documented 401 reply."""

CREATE_401_PARSED: Any = Model(
    models.Error, error="Unauthorized", message="Authorization has been denied for this request."
)
"""What the client must make of it (the error's body)."""

CREATE_404: Any = {
    "error": "Not Found",
    "message": "Deferred Session with ID 456f1234-e89b-12d3-a456-426655440000 does not exist.",
}
"""The documented 404 reply."""

CREATE_404_PARSED: Any = Model(
    models.Error,
    error="Not Found",
    message="Deferred Session with ID 456f1234-e89b-12d3-a456-426655440000 does not exist.",
)
"""What the client must make of it (the error's body)."""


def _call_create(client: Client) -> models.JobCreated:
    """`jobs.create` with the document's example arguments."""
    return client.jobs.create(
        session_id="0f767925-b464-4ffa-b621-1a0aeacac256",
        propagate_metadata=True,
        merge=False,
        decompose=False,
        metadata={"customer_id": "C-1042"},
        channel="api",
        priority="normal",
    )


async def _acall_create(client: AsyncClient) -> models.JobCreated:
    """The same call with the async client."""
    return await client.jobs.create(
        session_id="0f767925-b464-4ffa-b621-1a0aeacac256",
        propagate_metadata=True,
        merge=False,
        decompose=False,
        metadata={"customer_id": "C-1042"},
        channel="api",
        priority="normal",
    )


CREATE_REQUEST = Sent(
    "POST",
    "/api/job/create",
    path_params={},
    query={},
    headers={},
    cookies={},
    security=("apiKeyAuth",),
    content_type="application/json",
    body={
        "session_id": "0f767925-b464-4ffa-b621-1a0aeacac256",
        "propagate_metadata": True,
        "merge": False,
        "decompose": False,
        "metadata": {"customer_id": "C-1042"},
        "channel": "api",
        "priority": "normal",
    },
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_create(use_async: bool) -> None:
    """Create a Job from a Deferred Session

    `POST /api/job/create` sends the example request; the documented 200 reply is parsed.
    """
    server = MockServer("POST", "/api/job/create")
    server.reply(200, CREATE_200)
    result = server.run(_call_create, _acall_create, use_async)
    check_request(server.only_call(), CREATE_REQUEST)
    expect(result, CREATE_200_PARSED)


CREATE_WITH_ADDITIONS: Any = {**CREATE_200, "added_later": "kept"}
"""The documented 200 reply with what the API may add later (not in the document)."""


@sync_and_async
def test_create_accepts_additions(use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    server = MockServer("POST", "/api/job/create")
    server.reply(200, CREATE_WITH_ADDITIONS, documented=False)
    result = server.run(_call_create, _acall_create, use_async)
    assert isinstance(result, models.JobCreated), (
        "expected models.JobCreated, got " + type(result).__name__
    )
    assert result.model_extra is not None
    assert result.model_extra["added_later"] == "kept"


@sync_and_async
def test_create_400_bad_request_error(use_async: bool) -> None:
    """A documented 400 reply to `POST /api/job/create` raises `BadRequestError` with the parsed body."""
    server = MockServer("POST", "/api/job/create")
    server.reply(400, CREATE_400)
    with pytest.raises(BadRequestError) as raised:
        server.run(_call_create, _acall_create, use_async)
    check_request(server.only_call(), CREATE_REQUEST)
    assert type(raised.value) is BadRequestError
    assert raised.value.status_code == 400
    body = raised.value.body
    expect(body, CREATE_400_PARSED, "body")


@sync_and_async
def test_create_401_authentication_error(use_async: bool) -> None:
    """A documented 401 reply to `POST /api/job/create` raises `AuthenticationError` with the parsed body."""
    server = MockServer("POST", "/api/job/create")
    server.reply(401, CREATE_401)
    with pytest.raises(AuthenticationError) as raised:
        server.run(_call_create, _acall_create, use_async)
    check_request(server.only_call(), CREATE_REQUEST)
    assert type(raised.value) is AuthenticationError
    assert raised.value.status_code == 401
    body = raised.value.body
    expect(body, CREATE_401_PARSED, "body")


@sync_and_async
def test_create_404_not_found_error(use_async: bool) -> None:
    """A documented 404 reply to `POST /api/job/create` raises `NotFoundError` with the parsed body."""
    server = MockServer("POST", "/api/job/create")
    server.reply(404, CREATE_404)
    with pytest.raises(NotFoundError) as raised:
        server.run(_call_create, _acall_create, use_async)
    check_request(server.only_call(), CREATE_REQUEST)
    assert type(raised.value) is NotFoundError
    assert raised.value.status_code == 404
    body = raised.value.body
    expect(body, CREATE_404_PARSED, "body")


# ---------------------------------------------------------------- get: GET /api/job/detail/{id}

GET_200: Any = {
    "id": "3b9d6f2e-8c1a-4d7e-b5f4-2a6c8e0d1f3b",
    "stage": "finished",
    "creation_date": "2022-11-17T00:00:00.000",
    "update_date": "2022-11-17T00:05:00.000",
}
"""The documented 200 reply."""

GET_200_PARSED: Any = Model(
    models.JobDetail,
    id="3b9d6f2e-8c1a-4d7e-b5f4-2a6c8e0d1f3b",
    stage="finished",
    creation_date="2022-11-17T00:00:00.000",
    update_date="2022-11-17T00:05:00.000",
)
"""What the client must make of it."""

GET_401: Any = CREATE_401
"""The documented 401 reply."""

GET_401_PARSED: Any = CREATE_401_PARSED
"""What the client must make of it (the error's body)."""

GET_404: Any = {
    "error": "Not Found",
    "message": "Job with ID 3b9d6f2e-8c1a-4d7e-b5f4-2a6c8e0d1f3b does not exist.",
}
"""The documented 404 reply."""

GET_404_PARSED: Any = Model(
    models.Error,
    error="Not Found",
    message="Job with ID 3b9d6f2e-8c1a-4d7e-b5f4-2a6c8e0d1f3b does not exist.",
)
"""What the client must make of it (the error's body)."""


def _call_get(client: Client) -> models.JobDetail:
    """`jobs.get` with the document's example arguments."""
    return client.jobs.get(
        "3b9d6f2e-8c1a-4d7e-b5f4-2a6c8e0d1f3b",
    )


async def _acall_get(client: AsyncClient) -> models.JobDetail:
    """The same call with the async client."""
    return await client.jobs.get(
        "3b9d6f2e-8c1a-4d7e-b5f4-2a6c8e0d1f3b",
    )


GET_REQUEST = Sent(
    "GET",
    "/api/job/detail/{id}",
    path_params={"id": "3b9d6f2e-8c1a-4d7e-b5f4-2a6c8e0d1f3b"},
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
    """Retrieve details of a specific Job

    `GET /api/job/detail/{id}` sends the example request; the documented 200 reply is parsed.
    """
    server = MockServer("GET", "/api/job/detail/{id}")
    server.reply(200, GET_200)
    result = server.run(_call_get, _acall_get, use_async)
    check_request(server.only_call(), GET_REQUEST)
    expect(result, GET_200_PARSED)


GET_WITH_ADDITIONS: Any = {**GET_200, "added_later": "kept"}
"""The documented 200 reply with what the API may add later (not in the document)."""


@sync_and_async
def test_get_accepts_additions(use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    server = MockServer("GET", "/api/job/detail/{id}")
    server.reply(200, GET_WITH_ADDITIONS, documented=False)
    result = server.run(_call_get, _acall_get, use_async)
    assert isinstance(result, models.JobDetail), (
        "expected models.JobDetail, got " + type(result).__name__
    )
    assert result.model_extra is not None
    assert result.model_extra["added_later"] == "kept"


@sync_and_async
def test_get_401_authentication_error(use_async: bool) -> None:
    """A documented 401 reply to `GET /api/job/detail/{id}` raises `AuthenticationError` with the parsed body."""
    server = MockServer("GET", "/api/job/detail/{id}")
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
    """A documented 404 reply to `GET /api/job/detail/{id}` raises `NotFoundError` with the parsed body."""
    server = MockServer("GET", "/api/job/detail/{id}")
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
    "POST /api/job/create": (_call_create, _acall_create),
    "GET /api/job/detail/{id}": (_call_get, _acall_get),
}
"""Every operation's example call by `"METHOD /path"` (the Prism integration tier runs them over real HTTP)."""
