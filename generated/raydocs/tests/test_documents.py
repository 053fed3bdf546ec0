"""Contract tests of `client.documents`, generated from the OpenAPI document.

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
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
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

# ---------------------------------------------------------------- get: GET /extractions/documents/{documentId}

# fmt: off
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
    "parsings": [{"id": "3c90c3cc-0d44-4b50-8888-8dd25736052a", "config_hash": "5d41402abc4b2a76b9719d911017c592", "status": "queued", "parser_version": "2.3.1", "updated_at": "2023-11-07T05:31:56Z"}],
    "created_at": "2023-11-07T05:31:56Z",
}
# fmt: on

GET_200_PARSED: Any = Read(
    GET_200,
    Model(
        models.Document,
        parsings=[
            Model(
                models.Parsing, updated_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z")
            )
        ],
        created_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
    ),
)

GET_401: Any = {"message": "Unauthenticated."}

GET_403: Any = {"message": "This action is unauthorized."}

GET_404: Any = {"message": "Not found."}

GET_429: Any = {"message": "Too Many Attempts."}

GET_500: Any = {"message": "Server Error"}


def _call_get(client: Client | AsyncClient) -> models.Document | Awaitable[models.Document]:
    return client.documents.get(
        "880e8400-e29b-41d4-a716-446655440000",
    )


GET_REQUEST = Sent(
    "GET",
    "/extractions/documents/{documentId}",
    path_params={"documentId": "880e8400-e29b-41d4-a716-446655440000"},
    security=("bearerAuth",),
)

GET_WITH_ADDITIONS: Any = {**GET_200, "status": "added-later-value", "added_later": "kept"}


# fmt: off
DOCUMENTED_REPLIES = [
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
    Case(401, GET_401, Model(models.Error, message="Unauthenticated."), _call_get, GET_REQUEST, AuthenticationError),
    Case(403, GET_403, Model(models.Error, message="This action is unauthorized."), _call_get, GET_REQUEST, PermissionDeniedError),
    Case(404, GET_404, Model(models.Error, message="Not found."), _call_get, GET_REQUEST, NotFoundError),
    Case(429, GET_429, Model(models.Error, message="Too Many Attempts."), _call_get, GET_REQUEST, RateLimitError),
    Case(500, GET_500, Model(models.Error, message="Server Error"), _call_get, GET_REQUEST, InternalServerError),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", DOCUMENTED_ERRORS, ids=case_id)
def test_documented_error(case: Case, use_async: bool) -> None:
    """A documented error reply raises its typed error (`_exceptions.py`) with the parsed body."""
    check_documented_error(case, use_async)


# fmt: off
ACCEPTS_ADDITIONS = [
    Additions(200, GET_WITH_ADDITIONS, models.Document, "added_later", _call_get, GET_REQUEST, "status"),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", ACCEPTS_ADDITIONS, ids=case_id)
def test_accepts_additions(case: Additions, use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    check_additions(case, use_async)


EXAMPLE_CALLS: dict[str, ExampleCall] = {
    "GET /extractions/documents/{documentId}": _call_get,
}
"""Every operation's example call by `"METHOD /path"` (the Prism integration tier runs them over real HTTP)."""
