"""Contract tests of `client.files`, generated from the OpenAPI document.

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

# ---------------------------------------------------------------- upload: POST /api/file/uploadfile

UPLOAD_200: Any = {"file_id": "7c1e2a9b-3f4d-4e5a-9b6c-8d7e6f5a4b3c"}

UPLOAD_200_PARSED: Any = Read(UPLOAD_200, Model(models.FileUploaded))

UPLOAD_400: Any = {"error": "Bad Request", "message": "The metadata field is not valid JSON."}

UPLOAD_400_PARSED: Any = Read(UPLOAD_400, Model(models.Error))

# fmt: off
UPLOAD_401: Any = {
    "error": "Unauthorized",
    "message": "Authorization has been denied for this request.",
}
# fmt: on

UPLOAD_401_PARSED: Any = Read(UPLOAD_401, Model(models.Error))

# fmt: off
UPLOAD_404: Any = {
    "error": "Not Found",
    "message": "Deferred Session with ID 456f1234-e89b-12d3-a456-426655440000 does not exist.",
}
# fmt: on

UPLOAD_404_PARSED: Any = Read(UPLOAD_404, Model(models.Error))


def _call_upload(
    client: Client | AsyncClient,
) -> models.FileUploaded | Awaitable[models.FileUploaded]:
    return client.files.upload(
        file="%PDF-1.7 ... (binary content of invoice-1042.pdf)".encode(),
        session_id="0f767925-b464-4ffa-b621-1a0aeacac256",
        metadata='{"customer_id": "C-1042", "source": "scanner-3"}',
    )


UPLOAD_REQUEST = Sent(
    "POST",
    "/api/file/uploadfile",
    security=("apiKeyAuth",),
    content_type="multipart/form-data",
    body={
        "file": "%PDF-1.7 ... (binary content of invoice-1042.pdf)".encode(),
        "session_id": "0f767925-b464-4ffa-b621-1a0aeacac256",
        "metadata": '{"customer_id": "C-1042", "source": "scanner-3"}',
    },
)

UPLOAD_WITH_ADDITIONS: Any = {**UPLOAD_200, "added_later": "kept"}


# fmt: off
DOCUMENTED_REPLIES = [
    Case(200, UPLOAD_200, UPLOAD_200_PARSED, _call_upload, UPLOAD_REQUEST),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", DOCUMENTED_REPLIES, ids=case_id)
def test_documented_reply(case: Case, use_async: bool) -> None:
    """The example call sends the request the document allows; the client parses the documented reply."""
    check_documented_reply(case, use_async)


# fmt: off
DOCUMENTED_ERRORS = [
    Case(400, UPLOAD_400, UPLOAD_400_PARSED, _call_upload, UPLOAD_REQUEST, BadRequestError),
    Case(401, UPLOAD_401, UPLOAD_401_PARSED, _call_upload, UPLOAD_REQUEST, AuthenticationError),
    Case(404, UPLOAD_404, UPLOAD_404_PARSED, _call_upload, UPLOAD_REQUEST, NotFoundError),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", DOCUMENTED_ERRORS, ids=case_id)
def test_documented_error(case: Case, use_async: bool) -> None:
    """A documented error reply raises its typed error (`_exceptions.py`) with the parsed body."""
    check_documented_error(case, use_async)


# fmt: off
ACCEPTS_ADDITIONS = [
    Additions(200, UPLOAD_WITH_ADDITIONS, models.FileUploaded, "added_later", _call_upload, UPLOAD_REQUEST),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", ACCEPTS_ADDITIONS, ids=case_id)
def test_accepts_additions(case: Additions, use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    check_additions(case, use_async)


EXAMPLE_CALLS: dict[str, ExampleCall] = {
    "POST /api/file/uploadfile": _call_upload,
}
"""Every operation's example call by `"METHOD /path"` (the Prism integration tier runs them over real HTTP)."""
