"""Contract tests of `client.jobs`, generated from the OpenAPI document.

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
from .._exceptions import AuthenticationError, BadRequestError, NotFoundError
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

# ---------------------------------------------------------------- create: POST /api/job/create

CREATE_200: Any = {"job_id": "3b9d6f2e-8c1a-4d7e-b5f4-2a6c8e0d1f3b"}

CREATE_200_PARSED: Any = Read(CREATE_200, Model(models.JobCreated))

CREATE_400: Any = {"error": "Bad Request", "message": "The session_id field is required."}

CREATE_400_PARSED: Any = Read(CREATE_400, Model(models.Error))

# fmt: off
CREATE_401: Any = {
    "error": "Unauthorized",
    "message": "Authorization has been denied for this request.",
}
# fmt: on

CREATE_401_PARSED: Any = Read(CREATE_401, Model(models.Error))

# fmt: off
CREATE_404: Any = {
    "error": "Not Found",
    "message": "Deferred Session with ID 456f1234-e89b-12d3-a456-426655440000 does not exist.",
}
# fmt: on

CREATE_404_PARSED: Any = Read(CREATE_404, Model(models.Error))


def _call_create(client: Client | AsyncClient) -> models.JobCreated | Awaitable[models.JobCreated]:
    return client.jobs.create(
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

CREATE_WITH_ADDITIONS: Any = {**CREATE_200, "added_later": "kept"}


# ---------------------------------------------------------------- get: GET /api/job/detail/{id}

# fmt: off
GET_200: Any = {
    "id": "3b9d6f2e-8c1a-4d7e-b5f4-2a6c8e0d1f3b",
    "stage": "finished",
    "creation_date": "2022-11-17T00:00:00.000",
    "update_date": "2022-11-17T00:05:00.000",
}
# fmt: on

GET_200_PARSED: Any = Read(GET_200, Model(models.JobDetail))

GET_401: Any = CREATE_401

GET_401_PARSED: Any = Read(CREATE_401, Model(models.Error))

# fmt: off
GET_404: Any = {
    "error": "Not Found",
    "message": "Job with ID 3b9d6f2e-8c1a-4d7e-b5f4-2a6c8e0d1f3b does not exist.",
}
# fmt: on

GET_404_PARSED: Any = Read(GET_404, Model(models.Error))


def _call_get(client: Client | AsyncClient) -> models.JobDetail | Awaitable[models.JobDetail]:
    return client.jobs.get(
        "3b9d6f2e-8c1a-4d7e-b5f4-2a6c8e0d1f3b",
    )


GET_REQUEST = Sent(
    "GET",
    "/api/job/detail/{id}",
    path_params={"id": "3b9d6f2e-8c1a-4d7e-b5f4-2a6c8e0d1f3b"},
    security=("apiKeyAuth",),
)

GET_WITH_ADDITIONS: Any = {**GET_200, "added_later": "kept"}


# fmt: off
DOCUMENTED_REPLIES = [
    Case(200, CREATE_200, CREATE_200_PARSED, _call_create, CREATE_REQUEST),
    Case(200, GET_200, GET_200_PARSED, _call_get, GET_REQUEST),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", DOCUMENTED_REPLIES, ids=case_id)
def test_documented_reply(case: Case, use_async: bool) -> None:
    """The example call sends the request the document allows; the client parses the documented reply."""
    check_documented_reply(case, use_async)


# fmt: off
DOCUMENTED_ERRORS = [
    Case(400, CREATE_400, CREATE_400_PARSED, _call_create, CREATE_REQUEST, BadRequestError),
    Case(401, CREATE_401, CREATE_401_PARSED, _call_create, CREATE_REQUEST, AuthenticationError),
    Case(404, CREATE_404, CREATE_404_PARSED, _call_create, CREATE_REQUEST, NotFoundError),
    Case(401, GET_401, GET_401_PARSED, _call_get, GET_REQUEST, AuthenticationError),
    Case(404, GET_404, GET_404_PARSED, _call_get, GET_REQUEST, NotFoundError),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", DOCUMENTED_ERRORS, ids=case_id)
def test_documented_error(case: Case, use_async: bool) -> None:
    """A documented error reply raises its typed error (`_exceptions.py`) with the parsed body."""
    check_documented_error(case, use_async)


# fmt: off
ACCEPTS_ADDITIONS = [
    Additions(200, CREATE_WITH_ADDITIONS, models.JobCreated, "added_later", _call_create, CREATE_REQUEST),
    Additions(200, GET_WITH_ADDITIONS, models.JobDetail, "added_later", _call_get, GET_REQUEST),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", ACCEPTS_ADDITIONS, ids=case_id)
def test_accepts_additions(case: Additions, use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    check_additions(case, use_async)


EXAMPLE_CALLS: dict[str, ExampleCall] = {
    "POST /api/job/create": _call_create,
    "GET /api/job/detail/{id}": _call_get,
}
"""Every operation's example call by `"METHOD /path"` (the Prism integration tier runs them over real HTTP)."""
