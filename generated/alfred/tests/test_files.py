"""Contract tests of `client.files`, generated from the OpenAPI document.

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

# ---------------------------------------------------------------- upload: POST /api/file/uploadfile

UPLOAD_200: Any = {"file_id": "7c1e2a9b-3f4d-4e5a-9b6c-8d7e6f5a4b3c"}
"""The documented 200 reply."""

UPLOAD_200_PARSED: Any = Model(models.FileUploaded, file_id="7c1e2a9b-3f4d-4e5a-9b6c-8d7e6f5a4b3c")
"""What the client must make of it."""

UPLOAD_400: Any = {"error": "Bad Request", "message": "The metadata field is not valid JSON."}
"""The documented 400 reply."""

UPLOAD_400_PARSED: Any = Model(
    models.Error, error="Bad Request", message="The metadata field is not valid JSON."
)
"""What the client must make of it (the error's body)."""

UPLOAD_401: Any = {
    "error": "Unauthorized",
    "message": "Authorization has been denied for this request.",
}
"""The documented 401 reply."""

UPLOAD_401_PARSED: Any = Model(
    models.Error, error="Unauthorized", message="Authorization has been denied for this request."
)
"""What the client must make of it (the error's body)."""

UPLOAD_404: Any = {
    "error": "Not Found",
    "message": "Deferred Session with ID 456f1234-e89b-12d3-a456-426655440000 does not exist.",
}
"""The documented 404 reply."""

UPLOAD_404_PARSED: Any = Model(
    models.Error,
    error="Not Found",
    message="Deferred Session with ID 456f1234-e89b-12d3-a456-426655440000 does not exist.",
)
"""What the client must make of it (the error's body)."""


def _call_upload(client: Client) -> models.FileUploaded:
    """`files.upload` with the document's example arguments."""
    return client.files.upload(
        file="%PDF-1.7 ... (binary content of invoice-1042.pdf)".encode(),
        session_id="0f767925-b464-4ffa-b621-1a0aeacac256",
        metadata='{"customer_id": "C-1042", "source": "scanner-3"}',
    )


async def _acall_upload(client: AsyncClient) -> models.FileUploaded:
    """The same call with the async client."""
    return await client.files.upload(
        file="%PDF-1.7 ... (binary content of invoice-1042.pdf)".encode(),
        session_id="0f767925-b464-4ffa-b621-1a0aeacac256",
        metadata='{"customer_id": "C-1042", "source": "scanner-3"}',
    )


UPLOAD_REQUEST = Sent(
    "POST",
    "/api/file/uploadfile",
    path_params={},
    query={},
    headers={},
    cookies={},
    security=("apiKeyAuth",),
    content_type="multipart/form-data",
    body={
        "file": "%PDF-1.7 ... (binary content of invoice-1042.pdf)".encode(),
        "session_id": "0f767925-b464-4ffa-b621-1a0aeacac256",
        "metadata": '{"customer_id": "C-1042", "source": "scanner-3"}',
    },
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_upload(use_async: bool) -> None:
    """Upload a file into a Deferred Session

    `POST /api/file/uploadfile` sends the example request; the documented 200 reply is parsed.
    """
    server = MockServer("POST", "/api/file/uploadfile")
    server.reply(200, UPLOAD_200)
    result = server.run(_call_upload, _acall_upload, use_async)
    check_request(server.only_call(), UPLOAD_REQUEST)
    expect(result, UPLOAD_200_PARSED)


UPLOAD_WITH_ADDITIONS: Any = {**UPLOAD_200, "added_later": "kept"}
"""The documented 200 reply with what the API may add later (not in the document)."""


@sync_and_async
def test_upload_accepts_additions(use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    server = MockServer("POST", "/api/file/uploadfile")
    server.reply(200, UPLOAD_WITH_ADDITIONS, documented=False)
    result = server.run(_call_upload, _acall_upload, use_async)
    assert isinstance(result, models.FileUploaded), (
        "expected models.FileUploaded, got " + type(result).__name__
    )
    assert result.model_extra is not None
    assert result.model_extra["added_later"] == "kept"


@sync_and_async
def test_upload_400_bad_request_error(use_async: bool) -> None:
    """A documented 400 reply to `POST /api/file/uploadfile` raises `BadRequestError` with the parsed body."""
    server = MockServer("POST", "/api/file/uploadfile")
    server.reply(400, UPLOAD_400)
    with pytest.raises(BadRequestError) as raised:
        server.run(_call_upload, _acall_upload, use_async)
    check_request(server.only_call(), UPLOAD_REQUEST)
    assert type(raised.value) is BadRequestError
    assert raised.value.status_code == 400
    body = raised.value.body
    expect(body, UPLOAD_400_PARSED, "body")


@sync_and_async
def test_upload_401_authentication_error(use_async: bool) -> None:
    """A documented 401 reply to `POST /api/file/uploadfile` raises `AuthenticationError` with the parsed body."""
    server = MockServer("POST", "/api/file/uploadfile")
    server.reply(401, UPLOAD_401)
    with pytest.raises(AuthenticationError) as raised:
        server.run(_call_upload, _acall_upload, use_async)
    check_request(server.only_call(), UPLOAD_REQUEST)
    assert type(raised.value) is AuthenticationError
    assert raised.value.status_code == 401
    body = raised.value.body
    expect(body, UPLOAD_401_PARSED, "body")


@sync_and_async
def test_upload_404_not_found_error(use_async: bool) -> None:
    """A documented 404 reply to `POST /api/file/uploadfile` raises `NotFoundError` with the parsed body."""
    server = MockServer("POST", "/api/file/uploadfile")
    server.reply(404, UPLOAD_404)
    with pytest.raises(NotFoundError) as raised:
        server.run(_call_upload, _acall_upload, use_async)
    check_request(server.only_call(), UPLOAD_REQUEST)
    assert type(raised.value) is NotFoundError
    assert raised.value.status_code == 404
    body = raised.value.body
    expect(body, UPLOAD_404_PARSED, "body")


EXAMPLE_CALLS: dict[
    str, tuple[Callable[[Client], object], Callable[[AsyncClient], Awaitable[object]]]
] = {
    "POST /api/file/uploadfile": (_call_upload, _acall_upload),
}
"""Every operation's example call by `"METHOD /path"` (the Prism integration tier runs them over real HTTP)."""
