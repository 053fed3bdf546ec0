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
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from .._models import to_wire
from ._contract import MockServer, sync_and_async
from ._expect import Equal, Items, Model, Sent, Wire, check_request, expect

# ---------------------------------------------------------------- create: POST /extractions/sessions

CREATE_201: Any = {
    "id": "770e8400-e29b-41d4-a716-446655440000",
    "name": "November invoices",
    "extraction_template_id": "550e8400-e29b-41d4-a716-446655440000",
    "settings": {},
    "status": "pending",
    "created_at": "2023-11-07T05:31:56Z",
    "updated_at": "2023-11-07T05:31:56Z",
    "documents": [],
    "results": [],
}
"""The documented 201 reply."""

CREATE_201_PARSED: Any = Model(
    models.Session,
    id="770e8400-e29b-41d4-a716-446655440000",
    name="November invoices",
    extraction_template_id="550e8400-e29b-41d4-a716-446655440000",
    settings={},
    status="pending",
    created_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
    updated_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
    documents=[],
    results=[],
)
"""What the client must make of it."""

CREATE_400: Any = {"message": "Malformed JSON body."}
"""The documented 400 reply."""

CREATE_401: Any = {"message": "Unauthenticated."}
"""The documented 401 reply."""

CREATE_403: Any = {"message": "This action is unauthorized."}
"""The documented 403 reply."""

CREATE_422: Any = {
    "message": "The extraction template id field is required.",
    "errors": {"extraction_template_id": ["The extraction template id field is required."]},
}
"""The documented 422 reply."""

CREATE_422_PARSED: Any = Model(
    models.Error,
    message="The extraction template id field is required.",
    errors={"extraction_template_id": ["The extraction template id field is required."]},
)
"""What the client must make of it (the error's body)."""

CREATE_429: Any = {"message": "Too Many Attempts."}
"""The documented 429 reply."""

CREATE_500: Any = {"message": "Server Error"}
"""The documented 500 reply."""


def _call_create(client: Client) -> models.Session:
    """`sessions.create` with the document's example arguments."""
    return client.sessions.create(
        extraction_template_id="550e8400-e29b-41d4-a716-446655440000",
        name="November invoices",
    )


async def _acall_create(client: AsyncClient) -> models.Session:
    """The same call with the async client."""
    return await client.sessions.create(
        extraction_template_id="550e8400-e29b-41d4-a716-446655440000",
        name="November invoices",
    )


CREATE_REQUEST = Sent(
    "POST",
    "/extractions/sessions",
    path_params={},
    query={},
    headers={},
    cookies={},
    security=("bearerAuth",),
    content_type="application/json",
    body={
        "extraction_template_id": "550e8400-e29b-41d4-a716-446655440000",
        "name": "November invoices",
    },
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_create(use_async: bool) -> None:
    """Create Extraction Session

    `POST /extractions/sessions` sends the example request; the documented 201 reply is parsed.
    """
    server = MockServer("POST", "/extractions/sessions")
    server.reply(201, CREATE_201)
    result = server.run(_call_create, _acall_create, use_async)
    check_request(server.only_call(), CREATE_REQUEST)
    expect(result, CREATE_201_PARSED)


CREATE_WITH_ADDITIONS: Any = {**CREATE_201, "status": "added-later-value", "added_later": "kept"}
"""The documented 201 reply with what the API may add later (not in the document)."""


@sync_and_async
def test_create_accepts_additions(use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    server = MockServer("POST", "/extractions/sessions")
    server.reply(201, CREATE_WITH_ADDITIONS, documented=False)
    result = server.run(_call_create, _acall_create, use_async)
    assert isinstance(result, models.Session), (
        "expected models.Session, got " + type(result).__name__
    )
    assert result.model_extra is not None
    assert result.model_extra["added_later"] == "kept"
    assert result.status == "added-later-value"


@sync_and_async
def test_create_400_bad_request_error(use_async: bool) -> None:
    """A documented 400 reply to `POST /extractions/sessions` raises `BadRequestError` with the parsed body."""
    server = MockServer("POST", "/extractions/sessions")
    server.reply(400, CREATE_400)
    with pytest.raises(BadRequestError) as raised:
        server.run(_call_create, _acall_create, use_async)
    check_request(server.only_call(), CREATE_REQUEST)
    assert type(raised.value) is BadRequestError
    assert raised.value.status_code == 400
    body = raised.value.body
    expect(body, Model(models.Error, message="Malformed JSON body."), "body")


@sync_and_async
def test_create_401_authentication_error(use_async: bool) -> None:
    """A documented 401 reply to `POST /extractions/sessions` raises `AuthenticationError` with the parsed body."""
    server = MockServer("POST", "/extractions/sessions")
    server.reply(401, CREATE_401)
    with pytest.raises(AuthenticationError) as raised:
        server.run(_call_create, _acall_create, use_async)
    check_request(server.only_call(), CREATE_REQUEST)
    assert type(raised.value) is AuthenticationError
    assert raised.value.status_code == 401
    body = raised.value.body
    expect(body, Model(models.Error, message="Unauthenticated."), "body")


@sync_and_async
def test_create_403_permission_denied_error(use_async: bool) -> None:
    """A documented 403 reply to `POST /extractions/sessions` raises `PermissionDeniedError` with the parsed body."""
    server = MockServer("POST", "/extractions/sessions")
    server.reply(403, CREATE_403)
    with pytest.raises(PermissionDeniedError) as raised:
        server.run(_call_create, _acall_create, use_async)
    check_request(server.only_call(), CREATE_REQUEST)
    assert type(raised.value) is PermissionDeniedError
    assert raised.value.status_code == 403
    body = raised.value.body
    expect(body, Model(models.Error, message="This action is unauthorized."), "body")


@sync_and_async
def test_create_422_unprocessable_entity_error(use_async: bool) -> None:
    """A documented 422 reply to `POST /extractions/sessions` raises `UnprocessableEntityError` with the parsed body."""
    server = MockServer("POST", "/extractions/sessions")
    server.reply(422, CREATE_422)
    with pytest.raises(UnprocessableEntityError) as raised:
        server.run(_call_create, _acall_create, use_async)
    check_request(server.only_call(), CREATE_REQUEST)
    assert type(raised.value) is UnprocessableEntityError
    assert raised.value.status_code == 422
    body = raised.value.body
    expect(body, CREATE_422_PARSED, "body")


@sync_and_async
def test_create_429_rate_limit_error(use_async: bool) -> None:
    """A documented 429 reply to `POST /extractions/sessions` raises `RateLimitError` with the parsed body."""
    server = MockServer("POST", "/extractions/sessions")
    server.reply(429, CREATE_429)
    with pytest.raises(RateLimitError) as raised:
        server.run(_call_create, _acall_create, use_async)
    check_request(server.only_call(), CREATE_REQUEST)
    assert type(raised.value) is RateLimitError
    assert raised.value.status_code == 429
    body = raised.value.body
    expect(body, Model(models.Error, message="Too Many Attempts."), "body")


@sync_and_async
def test_create_500_internal_server_error(use_async: bool) -> None:
    """A documented 500 reply to `POST /extractions/sessions` raises `InternalServerError` with the parsed body."""
    server = MockServer("POST", "/extractions/sessions")
    server.reply(500, CREATE_500)
    with pytest.raises(InternalServerError) as raised:
        server.run(_call_create, _acall_create, use_async)
    check_request(server.only_call(), CREATE_REQUEST)
    assert type(raised.value) is InternalServerError
    assert raised.value.status_code == 500
    body = raised.value.body
    expect(body, Model(models.Error, message="Server Error"), "body")


# ---------------------------------------------------------------- get: GET /extractions/sessions/{sessionId}

GET_200: Any = {
    "id": "770e8400-e29b-41d4-a716-446655440000",
    "name": "November invoices",
    "extraction_template_id": "550e8400-e29b-41d4-a716-446655440000",
    "settings": {},
    "status": "completed",
    "created_at": "2023-11-07T05:31:56Z",
    "updated_at": "2023-11-07T06:02:11Z",
    "documents": [],
    "results": [],
}
"""The documented 200 reply."""

GET_200_PARSED: Any = Model(
    models.Session,
    id="770e8400-e29b-41d4-a716-446655440000",
    name="November invoices",
    extraction_template_id="550e8400-e29b-41d4-a716-446655440000",
    settings={},
    status="completed",
    created_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
    updated_at=datetime.datetime.fromisoformat("2023-11-07T06:02:11Z"),
    documents=[],
    results=[],
)
"""What the client must make of it."""

GET_401: Any = {"message": "Unauthenticated."}
"""The documented 401 reply."""

GET_403: Any = CREATE_403
"""The documented 403 reply."""

GET_404: Any = {"message": "Not found."}
"""The documented 404 reply."""

GET_429: Any = {"message": "Too Many Attempts."}
"""The documented 429 reply."""

GET_500: Any = {"message": "Server Error"}
"""The documented 500 reply."""


def _call_get(client: Client) -> models.Session:
    """`sessions.get` with the document's example arguments."""
    return client.sessions.get(
        "770e8400-e29b-41d4-a716-446655440000",
    )


async def _acall_get(client: AsyncClient) -> models.Session:
    """The same call with the async client."""
    return await client.sessions.get(
        "770e8400-e29b-41d4-a716-446655440000",
    )


GET_REQUEST = Sent(
    "GET",
    "/extractions/sessions/{sessionId}",
    path_params={"sessionId": "770e8400-e29b-41d4-a716-446655440000"},
    query={},
    headers={},
    cookies={},
    security=("bearerAuth",),
    content_type=None,
    body=None,
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_get(use_async: bool) -> None:
    """Get Extraction Session

    `GET /extractions/sessions/{sessionId}` sends the example request; the documented 200 reply is parsed.
    """
    server = MockServer("GET", "/extractions/sessions/{sessionId}")
    server.reply(200, GET_200)
    result = server.run(_call_get, _acall_get, use_async)
    check_request(server.only_call(), GET_REQUEST)
    expect(result, GET_200_PARSED)


GET_WITH_ADDITIONS: Any = {**GET_200, "status": "added-later-value", "added_later": "kept"}
"""The documented 200 reply with what the API may add later (not in the document)."""


@sync_and_async
def test_get_accepts_additions(use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    server = MockServer("GET", "/extractions/sessions/{sessionId}")
    server.reply(200, GET_WITH_ADDITIONS, documented=False)
    result = server.run(_call_get, _acall_get, use_async)
    assert isinstance(result, models.Session), (
        "expected models.Session, got " + type(result).__name__
    )
    assert result.model_extra is not None
    assert result.model_extra["added_later"] == "kept"
    assert result.status == "added-later-value"


@sync_and_async
def test_get_401_authentication_error(use_async: bool) -> None:
    """A documented 401 reply to `GET /extractions/sessions/{sessionId}` raises `AuthenticationError` with the parsed body."""
    server = MockServer("GET", "/extractions/sessions/{sessionId}")
    server.reply(401, GET_401)
    with pytest.raises(AuthenticationError) as raised:
        server.run(_call_get, _acall_get, use_async)
    check_request(server.only_call(), GET_REQUEST)
    assert type(raised.value) is AuthenticationError
    assert raised.value.status_code == 401
    body = raised.value.body
    expect(body, Model(models.Error, message="Unauthenticated."), "body")


@sync_and_async
def test_get_403_permission_denied_error(use_async: bool) -> None:
    """A documented 403 reply to `GET /extractions/sessions/{sessionId}` raises `PermissionDeniedError` with the parsed body."""
    server = MockServer("GET", "/extractions/sessions/{sessionId}")
    server.reply(403, GET_403)
    with pytest.raises(PermissionDeniedError) as raised:
        server.run(_call_get, _acall_get, use_async)
    check_request(server.only_call(), GET_REQUEST)
    assert type(raised.value) is PermissionDeniedError
    assert raised.value.status_code == 403
    body = raised.value.body
    expect(body, Model(models.Error, message="This action is unauthorized."), "body")


@sync_and_async
def test_get_404_not_found_error(use_async: bool) -> None:
    """A documented 404 reply to `GET /extractions/sessions/{sessionId}` raises `NotFoundError` with the parsed body."""
    server = MockServer("GET", "/extractions/sessions/{sessionId}")
    server.reply(404, GET_404)
    with pytest.raises(NotFoundError) as raised:
        server.run(_call_get, _acall_get, use_async)
    check_request(server.only_call(), GET_REQUEST)
    assert type(raised.value) is NotFoundError
    assert raised.value.status_code == 404
    body = raised.value.body
    expect(body, Model(models.Error, message="Not found."), "body")


@sync_and_async
def test_get_429_rate_limit_error(use_async: bool) -> None:
    """A documented 429 reply to `GET /extractions/sessions/{sessionId}` raises `RateLimitError` with the parsed body."""
    server = MockServer("GET", "/extractions/sessions/{sessionId}")
    server.reply(429, GET_429)
    with pytest.raises(RateLimitError) as raised:
        server.run(_call_get, _acall_get, use_async)
    check_request(server.only_call(), GET_REQUEST)
    assert type(raised.value) is RateLimitError
    assert raised.value.status_code == 429
    body = raised.value.body
    expect(body, Model(models.Error, message="Too Many Attempts."), "body")


@sync_and_async
def test_get_500_internal_server_error(use_async: bool) -> None:
    """A documented 500 reply to `GET /extractions/sessions/{sessionId}` raises `InternalServerError` with the parsed body."""
    server = MockServer("GET", "/extractions/sessions/{sessionId}")
    server.reply(500, GET_500)
    with pytest.raises(InternalServerError) as raised:
        server.run(_call_get, _acall_get, use_async)
    check_request(server.only_call(), GET_REQUEST)
    assert type(raised.value) is InternalServerError
    assert raised.value.status_code == 500
    body = raised.value.body
    expect(body, Model(models.Error, message="Server Error"), "body")


# ---------------------------------------------------------------- delete: DELETE /extractions/sessions/{sessionId}

DELETE_401: Any = {"message": "Unauthenticated."}
"""The documented 401 reply."""

DELETE_403: Any = CREATE_403
"""The documented 403 reply."""

DELETE_404: Any = {"message": "Not found."}
"""The documented 404 reply."""

DELETE_429: Any = {"message": "Too Many Attempts."}
"""The documented 429 reply."""

DELETE_500: Any = {"message": "Server Error"}
"""The documented 500 reply."""


def _call_delete(client: Client) -> None:
    """`sessions.delete` with the document's example arguments."""
    client.sessions.delete(
        "770e8400-e29b-41d4-a716-446655440000",
    )


async def _acall_delete(client: AsyncClient) -> None:
    """The same call with the async client."""
    await client.sessions.delete(
        "770e8400-e29b-41d4-a716-446655440000",
    )


DELETE_REQUEST = Sent(
    "DELETE",
    "/extractions/sessions/{sessionId}",
    path_params={"sessionId": "770e8400-e29b-41d4-a716-446655440000"},
    query={},
    headers={},
    cookies={},
    security=("bearerAuth",),
    content_type=None,
    body=None,
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_delete(use_async: bool) -> None:
    """Delete Extraction Session

    `DELETE /extractions/sessions/{sessionId}` sends the example request; the documented 204 reply is parsed.
    """
    server = MockServer("DELETE", "/extractions/sessions/{sessionId}")
    server.reply(204)
    server.run(_call_delete, _acall_delete, use_async)
    check_request(server.only_call(), DELETE_REQUEST)


@sync_and_async
def test_delete_401_authentication_error(use_async: bool) -> None:
    """A documented 401 reply to `DELETE /extractions/sessions/{sessionId}` raises `AuthenticationError` with the parsed body."""
    server = MockServer("DELETE", "/extractions/sessions/{sessionId}")
    server.reply(401, DELETE_401)
    with pytest.raises(AuthenticationError) as raised:
        server.run(_call_delete, _acall_delete, use_async)
    check_request(server.only_call(), DELETE_REQUEST)
    assert type(raised.value) is AuthenticationError
    assert raised.value.status_code == 401
    body = raised.value.body
    expect(body, Model(models.Error, message="Unauthenticated."), "body")


@sync_and_async
def test_delete_403_permission_denied_error(use_async: bool) -> None:
    """A documented 403 reply to `DELETE /extractions/sessions/{sessionId}` raises `PermissionDeniedError` with the parsed body."""
    server = MockServer("DELETE", "/extractions/sessions/{sessionId}")
    server.reply(403, DELETE_403)
    with pytest.raises(PermissionDeniedError) as raised:
        server.run(_call_delete, _acall_delete, use_async)
    check_request(server.only_call(), DELETE_REQUEST)
    assert type(raised.value) is PermissionDeniedError
    assert raised.value.status_code == 403
    body = raised.value.body
    expect(body, Model(models.Error, message="This action is unauthorized."), "body")


@sync_and_async
def test_delete_404_not_found_error(use_async: bool) -> None:
    """A documented 404 reply to `DELETE /extractions/sessions/{sessionId}` raises `NotFoundError` with the parsed body."""
    server = MockServer("DELETE", "/extractions/sessions/{sessionId}")
    server.reply(404, DELETE_404)
    with pytest.raises(NotFoundError) as raised:
        server.run(_call_delete, _acall_delete, use_async)
    check_request(server.only_call(), DELETE_REQUEST)
    assert type(raised.value) is NotFoundError
    assert raised.value.status_code == 404
    body = raised.value.body
    expect(body, Model(models.Error, message="Not found."), "body")


@sync_and_async
def test_delete_429_rate_limit_error(use_async: bool) -> None:
    """A documented 429 reply to `DELETE /extractions/sessions/{sessionId}` raises `RateLimitError` with the parsed body."""
    server = MockServer("DELETE", "/extractions/sessions/{sessionId}")
    server.reply(429, DELETE_429)
    with pytest.raises(RateLimitError) as raised:
        server.run(_call_delete, _acall_delete, use_async)
    check_request(server.only_call(), DELETE_REQUEST)
    assert type(raised.value) is RateLimitError
    assert raised.value.status_code == 429
    body = raised.value.body
    expect(body, Model(models.Error, message="Too Many Attempts."), "body")


@sync_and_async
def test_delete_500_internal_server_error(use_async: bool) -> None:
    """A documented 500 reply to `DELETE /extractions/sessions/{sessionId}` raises `InternalServerError` with the parsed body."""
    server = MockServer("DELETE", "/extractions/sessions/{sessionId}")
    server.reply(500, DELETE_500)
    with pytest.raises(InternalServerError) as raised:
        server.run(_call_delete, _acall_delete, use_async)
    check_request(server.only_call(), DELETE_REQUEST)
    assert type(raised.value) is InternalServerError
    assert raised.value.status_code == 500
    body = raised.value.body
    expect(body, Model(models.Error, message="Server Error"), "body")


# ---------------------------------------------------------------- list_documents: GET /extractions/sessions/{sessionId}/documents

LIST_DOCUMENTS_200: Any = {
    "data": [
        {
            "id": "880e8400-e29b-41d4-a716-446655440000",
            "workspace_id": 123,
            "filename": "invoice.pdf",
            "mime": "application/pdf",
            "size": 184320,
            "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "status": "processed",
            "source_type": "upload",
            "source_url": None,
            "parsings": [
                {
                    "id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
                    "config_hash": "5d41402abc4b2a76b9719d911017c592",
                    "status": "queued",
                    "parser_version": "2.3.1",
                    "updated_at": "2023-11-07T05:31:56Z",
                }
            ],
            "created_at": "2023-11-07T05:31:56Z",
        }
    ],
    "meta": {"current_page": 1, "last_page": 1, "per_page": 25, "total": 1},
}
"""The documented 200 reply."""

LIST_DOCUMENTS_200_PARSED: Any = Model(
    models.DocumentPage,
    data=[
        Model(
            models.Document,
            id="880e8400-e29b-41d4-a716-446655440000",
            workspace_id=123,
            filename="invoice.pdf",
            mime="application/pdf",
            size=184320,
            sha256="9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            status="processed",
            source_type="upload",
            source_url=None,
            parsings=[
                Model(
                    models.Parsing,
                    id="3c90c3cc-0d44-4b50-8888-8dd25736052a",
                    config_hash="5d41402abc4b2a76b9719d911017c592",
                    status="queued",
                    parser_version="2.3.1",
                    updated_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
                )
            ],
            created_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
        )
    ],
    meta=Model(models.PaginationMeta, current_page=1, last_page=1, per_page=25, total=1),
)
"""What the client must make of it."""

LIST_DOCUMENTS_401: Any = {"message": "Unauthenticated."}
"""The documented 401 reply."""

LIST_DOCUMENTS_403: Any = CREATE_403
"""The documented 403 reply."""

LIST_DOCUMENTS_404: Any = {"message": "Not found."}
"""The documented 404 reply."""

LIST_DOCUMENTS_422: Any = {
    "message": "The per page field must not be greater than 100.",
    "errors": {"per_page": ["The per page field must not be greater than 100."]},
}
"""The documented 422 reply."""

LIST_DOCUMENTS_422_PARSED: Any = Model(
    models.Error,
    message="The per page field must not be greater than 100.",
    errors={"per_page": ["The per page field must not be greater than 100."]},
)
"""What the client must make of it (the error's body)."""

LIST_DOCUMENTS_429: Any = {"message": "Too Many Attempts."}
"""The documented 429 reply."""

LIST_DOCUMENTS_500: Any = {"message": "Server Error"}
"""The documented 500 reply."""


def _call_list_documents(client: Client) -> models.DocumentPage:
    """`sessions.list_documents` with the document's example arguments."""
    return client.sessions.list_documents(
        "770e8400-e29b-41d4-a716-446655440000",
        page=1,
        per_page=25,
        sort="created_at",
        order="desc",
    )


async def _acall_list_documents(client: AsyncClient) -> models.DocumentPage:
    """The same call with the async client."""
    return await client.sessions.list_documents(
        "770e8400-e29b-41d4-a716-446655440000",
        page=1,
        per_page=25,
        sort="created_at",
        order="desc",
    )


LIST_DOCUMENTS_REQUEST = Sent(
    "GET",
    "/extractions/sessions/{sessionId}/documents",
    path_params={"sessionId": "770e8400-e29b-41d4-a716-446655440000"},
    query={"page": 1, "per_page": 25, "sort": "created_at", "order": "desc"},
    headers={},
    cookies={},
    security=("bearerAuth",),
    content_type=None,
    body=None,
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_list_documents(use_async: bool) -> None:
    """List Session Documents

    `GET /extractions/sessions/{sessionId}/documents` sends the example request; the documented 200 reply is parsed.
    """
    server = MockServer("GET", "/extractions/sessions/{sessionId}/documents")
    server.reply(200, LIST_DOCUMENTS_200)
    result = server.run(_call_list_documents, _acall_list_documents, use_async)
    check_request(server.only_call(), LIST_DOCUMENTS_REQUEST)
    expect(result, LIST_DOCUMENTS_200_PARSED)


LIST_DOCUMENTS_WITH_ADDITIONS: Any = {**LIST_DOCUMENTS_200, "added_later": "kept"}
"""The documented 200 reply with what the API may add later (not in the document)."""


@sync_and_async
def test_list_documents_accepts_additions(use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    server = MockServer("GET", "/extractions/sessions/{sessionId}/documents")
    server.reply(200, LIST_DOCUMENTS_WITH_ADDITIONS, documented=False)
    result = server.run(_call_list_documents, _acall_list_documents, use_async)
    assert isinstance(result, models.DocumentPage), (
        "expected models.DocumentPage, got " + type(result).__name__
    )
    assert result.model_extra is not None
    assert result.model_extra["added_later"] == "kept"


@sync_and_async
def test_list_documents_401_authentication_error(use_async: bool) -> None:
    """A documented 401 reply to `GET /extractions/sessions/{sessionId}/documents` raises `AuthenticationError` with the parsed body."""
    server = MockServer("GET", "/extractions/sessions/{sessionId}/documents")
    server.reply(401, LIST_DOCUMENTS_401)
    with pytest.raises(AuthenticationError) as raised:
        server.run(_call_list_documents, _acall_list_documents, use_async)
    check_request(server.only_call(), LIST_DOCUMENTS_REQUEST)
    assert type(raised.value) is AuthenticationError
    assert raised.value.status_code == 401
    body = raised.value.body
    expect(body, Model(models.Error, message="Unauthenticated."), "body")


@sync_and_async
def test_list_documents_403_permission_denied_error(use_async: bool) -> None:
    """A documented 403 reply to `GET /extractions/sessions/{sessionId}/documents` raises `PermissionDeniedError` with the parsed body."""
    server = MockServer("GET", "/extractions/sessions/{sessionId}/documents")
    server.reply(403, LIST_DOCUMENTS_403)
    with pytest.raises(PermissionDeniedError) as raised:
        server.run(_call_list_documents, _acall_list_documents, use_async)
    check_request(server.only_call(), LIST_DOCUMENTS_REQUEST)
    assert type(raised.value) is PermissionDeniedError
    assert raised.value.status_code == 403
    body = raised.value.body
    expect(body, Model(models.Error, message="This action is unauthorized."), "body")


@sync_and_async
def test_list_documents_404_not_found_error(use_async: bool) -> None:
    """A documented 404 reply to `GET /extractions/sessions/{sessionId}/documents` raises `NotFoundError` with the parsed body."""
    server = MockServer("GET", "/extractions/sessions/{sessionId}/documents")
    server.reply(404, LIST_DOCUMENTS_404)
    with pytest.raises(NotFoundError) as raised:
        server.run(_call_list_documents, _acall_list_documents, use_async)
    check_request(server.only_call(), LIST_DOCUMENTS_REQUEST)
    assert type(raised.value) is NotFoundError
    assert raised.value.status_code == 404
    body = raised.value.body
    expect(body, Model(models.Error, message="Not found."), "body")


@sync_and_async
def test_list_documents_422_unprocessable_entity_error(use_async: bool) -> None:
    """A documented 422 reply to `GET /extractions/sessions/{sessionId}/documents` raises `UnprocessableEntityError` with the parsed body."""
    server = MockServer("GET", "/extractions/sessions/{sessionId}/documents")
    server.reply(422, LIST_DOCUMENTS_422)
    with pytest.raises(UnprocessableEntityError) as raised:
        server.run(_call_list_documents, _acall_list_documents, use_async)
    check_request(server.only_call(), LIST_DOCUMENTS_REQUEST)
    assert type(raised.value) is UnprocessableEntityError
    assert raised.value.status_code == 422
    body = raised.value.body
    expect(body, LIST_DOCUMENTS_422_PARSED, "body")


@sync_and_async
def test_list_documents_429_rate_limit_error(use_async: bool) -> None:
    """A documented 429 reply to `GET /extractions/sessions/{sessionId}/documents` raises `RateLimitError` with the parsed body."""
    server = MockServer("GET", "/extractions/sessions/{sessionId}/documents")
    server.reply(429, LIST_DOCUMENTS_429)
    with pytest.raises(RateLimitError) as raised:
        server.run(_call_list_documents, _acall_list_documents, use_async)
    check_request(server.only_call(), LIST_DOCUMENTS_REQUEST)
    assert type(raised.value) is RateLimitError
    assert raised.value.status_code == 429
    body = raised.value.body
    expect(body, Model(models.Error, message="Too Many Attempts."), "body")


@sync_and_async
def test_list_documents_500_internal_server_error(use_async: bool) -> None:
    """A documented 500 reply to `GET /extractions/sessions/{sessionId}/documents` raises `InternalServerError` with the parsed body."""
    server = MockServer("GET", "/extractions/sessions/{sessionId}/documents")
    server.reply(500, LIST_DOCUMENTS_500)
    with pytest.raises(InternalServerError) as raised:
        server.run(_call_list_documents, _acall_list_documents, use_async)
    check_request(server.only_call(), LIST_DOCUMENTS_REQUEST)
    assert type(raised.value) is InternalServerError
    assert raised.value.status_code == 500
    body = raised.value.body
    expect(body, Model(models.Error, message="Server Error"), "body")


LIST_DOCUMENTS_PAGE_1: Any = {
    "data": [
        {
            "id": "880e8400-e29b-41d4-a716-446655440000",
            "workspace_id": 123,
            "filename": "invoice.pdf",
            "mime": "application/pdf",
            "size": 184320,
            "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "status": "processed",
            "source_type": "upload",
            "source_url": None,
            "parsings": [
                {
                    "id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
                    "config_hash": "5d41402abc4b2a76b9719d911017c592",
                    "status": "queued",
                    "parser_version": "2.3.1",
                    "updated_at": "2023-11-07T05:31:56Z",
                }
            ],
            "created_at": "2023-11-07T05:31:56Z",
        },
        {
            "id": "880e8400-e29b-41d4-a716-446655440000",
            "workspace_id": 123,
            "filename": "invoice.pdf",
            "mime": "application/pdf",
            "size": 184320,
            "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "status": "processed",
            "source_type": "upload",
            "source_url": None,
            "parsings": [
                {
                    "id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
                    "config_hash": "5d41402abc4b2a76b9719d911017c592",
                    "status": "queued",
                    "parser_version": "2.3.1",
                    "updated_at": "2023-11-07T05:31:56Z",
                }
            ],
            "created_at": "2023-11-07T05:31:56Z",
        },
    ],
    "meta": {"current_page": 1, "last_page": 2, "per_page": 25, "total": 4},
}
"""Page 1 for `iter_list_documents` (a next page follows)."""

LIST_DOCUMENTS_PAGE_2: Any = {
    "data": [
        {
            "id": "880e8400-e29b-41d4-a716-446655440000",
            "workspace_id": 123,
            "filename": "invoice.pdf",
            "mime": "application/pdf",
            "size": 184320,
            "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "status": "processed",
            "source_type": "upload",
            "source_url": None,
            "parsings": [
                {
                    "id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
                    "config_hash": "5d41402abc4b2a76b9719d911017c592",
                    "status": "queued",
                    "parser_version": "2.3.1",
                    "updated_at": "2023-11-07T05:31:56Z",
                }
            ],
            "created_at": "2023-11-07T05:31:56Z",
        },
        {
            "id": "880e8400-e29b-41d4-a716-446655440000",
            "workspace_id": 123,
            "filename": "invoice.pdf",
            "mime": "application/pdf",
            "size": 184320,
            "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "status": "processed",
            "source_type": "upload",
            "source_url": None,
            "parsings": [
                {
                    "id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
                    "config_hash": "5d41402abc4b2a76b9719d911017c592",
                    "status": "queued",
                    "parser_version": "2.3.1",
                    "updated_at": "2023-11-07T05:31:56Z",
                }
            ],
            "created_at": "2023-11-07T05:31:56Z",
        },
    ],
    "meta": {"current_page": 2, "last_page": 2, "per_page": 25, "total": 4},
}
"""Page 2 for `iter_list_documents` (the last page)."""


def _iter_list_documents(client: Client) -> builtins.list[models.Document]:
    """Every item `iter_list_documents` yields."""
    return list(
        client.sessions.iter_list_documents(
            "770e8400-e29b-41d4-a716-446655440000",
            per_page=25,
            sort="created_at",
            order="desc",
        )
    )


async def _aiter_list_documents(client: AsyncClient) -> builtins.list[models.Document]:
    """Every item the async `iter_list_documents` yields."""
    return [
        item
        async for item in client.sessions.iter_list_documents(
            "770e8400-e29b-41d4-a716-446655440000",
            per_page=25,
            sort="created_at",
            order="desc",
        )
    ]


@sync_and_async
def test_iter_list_documents(use_async: bool) -> None:
    """`iter_list_documents` walks the pages (page): it asks for the next after the first, yields the items of each, and stops at the last."""
    server = MockServer("GET", "/extractions/sessions/{sessionId}/documents")
    server.reply(200, LIST_DOCUMENTS_PAGE_1)
    server.reply(200, LIST_DOCUMENTS_PAGE_2)
    items = server.run(_iter_list_documents, _aiter_list_documents, use_async)
    assert len(items) == 4
    for item in items:
        assert isinstance(item, models.Document), (
            "expected models.Document, got " + type(item).__name__
        )
    first, second = server.calls
    assert "page" not in first.query
    assert second.query["page"] == 2


# ---------------------------------------------------------------- attach_documents: POST /extractions/sessions/{sessionId}/documents/attach

ATTACH_DOCUMENTS_200: Any = {
    "data": [
        {
            "id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
            "workspace_id": 123,
            "filename": "invoice.pdf",
            "mime": "application/pdf",
            "size": 184320,
            "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "status": "uploaded",
            "source_type": "upload",
            "source_url": None,
            "parsings": [
                {
                    "id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
                    "config_hash": "5d41402abc4b2a76b9719d911017c592",
                    "status": "queued",
                    "parser_version": "2.3.1",
                    "updated_at": "2023-11-07T05:31:56Z",
                }
            ],
            "created_at": "2023-11-07T05:31:56Z",
        }
    ]
}
"""The documented 200 reply."""

ATTACH_DOCUMENTS_200_PARSED: Any = Model(
    models.DocumentList,
    data=[
        Model(
            models.Document,
            id="3c90c3cc-0d44-4b50-8888-8dd25736052a",
            workspace_id=123,
            filename="invoice.pdf",
            mime="application/pdf",
            size=184320,
            sha256="9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            status="uploaded",
            source_type="upload",
            source_url=None,
            parsings=[
                Model(
                    models.Parsing,
                    id="3c90c3cc-0d44-4b50-8888-8dd25736052a",
                    config_hash="5d41402abc4b2a76b9719d911017c592",
                    status="queued",
                    parser_version="2.3.1",
                    updated_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
                )
            ],
            created_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
        )
    ],
)
"""What the client must make of it."""

ATTACH_DOCUMENTS_400: Any = {"message": "Malformed JSON body."}
"""The documented 400 reply."""

ATTACH_DOCUMENTS_401: Any = {"message": "Unauthenticated."}
"""The documented 401 reply."""

ATTACH_DOCUMENTS_403: Any = CREATE_403
"""The documented 403 reply."""

ATTACH_DOCUMENTS_404: Any = {"message": "Not found."}
"""The documented 404 reply."""

ATTACH_DOCUMENTS_422: Any = {
    "message": "One or more documents do not belong to the session workspace.",
    "errors": {"document_ids": ["One or more documents do not belong to the session workspace."]},
}
"""The documented 422 reply."""

ATTACH_DOCUMENTS_422_PARSED: Any = Model(
    models.Error,
    message="One or more documents do not belong to the session workspace.",
    errors={"document_ids": ["One or more documents do not belong to the session workspace."]},
)
"""What the client must make of it (the error's body)."""

ATTACH_DOCUMENTS_429: Any = {"message": "Too Many Attempts."}
"""The documented 429 reply."""

ATTACH_DOCUMENTS_500: Any = {"message": "Server Error"}
"""The documented 500 reply."""


def _call_attach_documents(client: Client) -> models.DocumentList:
    """`sessions.attach_documents` with the document's example arguments."""
    return client.sessions.attach_documents(
        "770e8400-e29b-41d4-a716-446655440000",
        document_ids=["880e8400-e29b-41d4-a716-446655440000"],
    )


async def _acall_attach_documents(client: AsyncClient) -> models.DocumentList:
    """The same call with the async client."""
    return await client.sessions.attach_documents(
        "770e8400-e29b-41d4-a716-446655440000",
        document_ids=["880e8400-e29b-41d4-a716-446655440000"],
    )


ATTACH_DOCUMENTS_REQUEST = Sent(
    "POST",
    "/extractions/sessions/{sessionId}/documents/attach",
    path_params={"sessionId": "770e8400-e29b-41d4-a716-446655440000"},
    query={},
    headers={},
    cookies={},
    security=("bearerAuth",),
    content_type="application/json",
    body={"document_ids": ["880e8400-e29b-41d4-a716-446655440000"]},
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_attach_documents(use_async: bool) -> None:
    """Attach Existing Session Documents

    `POST /extractions/sessions/{sessionId}/documents/attach` sends the example request; the documented 200 reply is parsed.
    """
    server = MockServer("POST", "/extractions/sessions/{sessionId}/documents/attach")
    server.reply(200, ATTACH_DOCUMENTS_200)
    result = server.run(_call_attach_documents, _acall_attach_documents, use_async)
    check_request(server.only_call(), ATTACH_DOCUMENTS_REQUEST)
    expect(result, ATTACH_DOCUMENTS_200_PARSED)


ATTACH_DOCUMENTS_WITH_ADDITIONS: Any = {**ATTACH_DOCUMENTS_200, "added_later": "kept"}
"""The documented 200 reply with what the API may add later (not in the document)."""


@sync_and_async
def test_attach_documents_accepts_additions(use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    server = MockServer("POST", "/extractions/sessions/{sessionId}/documents/attach")
    server.reply(200, ATTACH_DOCUMENTS_WITH_ADDITIONS, documented=False)
    result = server.run(_call_attach_documents, _acall_attach_documents, use_async)
    assert isinstance(result, models.DocumentList), (
        "expected models.DocumentList, got " + type(result).__name__
    )
    assert result.model_extra is not None
    assert result.model_extra["added_later"] == "kept"


@sync_and_async
def test_attach_documents_400_bad_request_error(use_async: bool) -> None:
    """A documented 400 reply to `POST /extractions/sessions/{sessionId}/documents/attach` raises `BadRequestError` with the parsed body."""
    server = MockServer("POST", "/extractions/sessions/{sessionId}/documents/attach")
    server.reply(400, ATTACH_DOCUMENTS_400)
    with pytest.raises(BadRequestError) as raised:
        server.run(_call_attach_documents, _acall_attach_documents, use_async)
    check_request(server.only_call(), ATTACH_DOCUMENTS_REQUEST)
    assert type(raised.value) is BadRequestError
    assert raised.value.status_code == 400
    body = raised.value.body
    expect(body, Model(models.Error, message="Malformed JSON body."), "body")


@sync_and_async
def test_attach_documents_401_authentication_error(use_async: bool) -> None:
    """A documented 401 reply to `POST /extractions/sessions/{sessionId}/documents/attach` raises `AuthenticationError` with the parsed body."""
    server = MockServer("POST", "/extractions/sessions/{sessionId}/documents/attach")
    server.reply(401, ATTACH_DOCUMENTS_401)
    with pytest.raises(AuthenticationError) as raised:
        server.run(_call_attach_documents, _acall_attach_documents, use_async)
    check_request(server.only_call(), ATTACH_DOCUMENTS_REQUEST)
    assert type(raised.value) is AuthenticationError
    assert raised.value.status_code == 401
    body = raised.value.body
    expect(body, Model(models.Error, message="Unauthenticated."), "body")


@sync_and_async
def test_attach_documents_403_permission_denied_error(use_async: bool) -> None:
    """A documented 403 reply to `POST /extractions/sessions/{sessionId}/documents/attach` raises `PermissionDeniedError` with the parsed body."""
    server = MockServer("POST", "/extractions/sessions/{sessionId}/documents/attach")
    server.reply(403, ATTACH_DOCUMENTS_403)
    with pytest.raises(PermissionDeniedError) as raised:
        server.run(_call_attach_documents, _acall_attach_documents, use_async)
    check_request(server.only_call(), ATTACH_DOCUMENTS_REQUEST)
    assert type(raised.value) is PermissionDeniedError
    assert raised.value.status_code == 403
    body = raised.value.body
    expect(body, Model(models.Error, message="This action is unauthorized."), "body")


@sync_and_async
def test_attach_documents_404_not_found_error(use_async: bool) -> None:
    """A documented 404 reply to `POST /extractions/sessions/{sessionId}/documents/attach` raises `NotFoundError` with the parsed body."""
    server = MockServer("POST", "/extractions/sessions/{sessionId}/documents/attach")
    server.reply(404, ATTACH_DOCUMENTS_404)
    with pytest.raises(NotFoundError) as raised:
        server.run(_call_attach_documents, _acall_attach_documents, use_async)
    check_request(server.only_call(), ATTACH_DOCUMENTS_REQUEST)
    assert type(raised.value) is NotFoundError
    assert raised.value.status_code == 404
    body = raised.value.body
    expect(body, Model(models.Error, message="Not found."), "body")


@sync_and_async
def test_attach_documents_422_unprocessable_entity_error(use_async: bool) -> None:
    """A documented 422 reply to `POST /extractions/sessions/{sessionId}/documents/attach` raises `UnprocessableEntityError` with the parsed body."""
    server = MockServer("POST", "/extractions/sessions/{sessionId}/documents/attach")
    server.reply(422, ATTACH_DOCUMENTS_422)
    with pytest.raises(UnprocessableEntityError) as raised:
        server.run(_call_attach_documents, _acall_attach_documents, use_async)
    check_request(server.only_call(), ATTACH_DOCUMENTS_REQUEST)
    assert type(raised.value) is UnprocessableEntityError
    assert raised.value.status_code == 422
    body = raised.value.body
    expect(body, ATTACH_DOCUMENTS_422_PARSED, "body")


@sync_and_async
def test_attach_documents_429_rate_limit_error(use_async: bool) -> None:
    """A documented 429 reply to `POST /extractions/sessions/{sessionId}/documents/attach` raises `RateLimitError` with the parsed body."""
    server = MockServer("POST", "/extractions/sessions/{sessionId}/documents/attach")
    server.reply(429, ATTACH_DOCUMENTS_429)
    with pytest.raises(RateLimitError) as raised:
        server.run(_call_attach_documents, _acall_attach_documents, use_async)
    check_request(server.only_call(), ATTACH_DOCUMENTS_REQUEST)
    assert type(raised.value) is RateLimitError
    assert raised.value.status_code == 429
    body = raised.value.body
    expect(body, Model(models.Error, message="Too Many Attempts."), "body")


@sync_and_async
def test_attach_documents_500_internal_server_error(use_async: bool) -> None:
    """A documented 500 reply to `POST /extractions/sessions/{sessionId}/documents/attach` raises `InternalServerError` with the parsed body."""
    server = MockServer("POST", "/extractions/sessions/{sessionId}/documents/attach")
    server.reply(500, ATTACH_DOCUMENTS_500)
    with pytest.raises(InternalServerError) as raised:
        server.run(_call_attach_documents, _acall_attach_documents, use_async)
    check_request(server.only_call(), ATTACH_DOCUMENTS_REQUEST)
    assert type(raised.value) is InternalServerError
    assert raised.value.status_code == 500
    body = raised.value.body
    expect(body, Model(models.Error, message="Server Error"), "body")


# ---------------------------------------------------------------- upload_documents: POST /extractions/sessions/{sessionId}/documents/upload

UPLOAD_DOCUMENTS_200: Any = {
    "data": [
        {
            "id": "990e8400-e29b-41d4-a716-446655440000",
            "workspace_id": 123,
            "filename": "invoice-1042.pdf",
            "mime": "application/pdf",
            "size": 98304,
            "sha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
            "status": "uploaded",
            "source_type": "upload",
            "source_url": None,
            "parsings": [],
            "created_at": "2023-11-07T05:31:56Z",
        }
    ]
}
"""The documented 200 reply."""

UPLOAD_DOCUMENTS_200_PARSED: Any = Model(
    models.DocumentList,
    data=[
        Model(
            models.Document,
            id="990e8400-e29b-41d4-a716-446655440000",
            workspace_id=123,
            filename="invoice-1042.pdf",
            mime="application/pdf",
            size=98304,
            sha256="2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
            status="uploaded",
            source_type="upload",
            source_url=None,
            parsings=[],
            created_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
        )
    ],
)
"""What the client must make of it."""

UPLOAD_DOCUMENTS_201: Any = UPLOAD_DOCUMENTS_200
"""The documented 201 reply."""

UPLOAD_DOCUMENTS_201_PARSED: Any = UPLOAD_DOCUMENTS_200_PARSED
"""What the client must make of it."""

UPLOAD_DOCUMENTS_400: Any = {"message": "Malformed JSON body."}
"""The documented 400 reply."""

UPLOAD_DOCUMENTS_401: Any = {"message": "Unauthenticated."}
"""The documented 401 reply."""

UPLOAD_DOCUMENTS_403: Any = CREATE_403
"""The documented 403 reply."""

UPLOAD_DOCUMENTS_404: Any = {"message": "Not found."}
"""The documented 404 reply."""

UPLOAD_DOCUMENTS_422: Any = {
    "message": "The selected keys.0 is invalid.",
    "errors": {"keys.0": ["The selected keys.0 is invalid."]},
}
"""The documented 422 reply."""

UPLOAD_DOCUMENTS_422_PARSED: Any = Model(
    models.Error,
    message="The selected keys.0 is invalid.",
    errors={"keys.0": ["The selected keys.0 is invalid."]},
)
"""What the client must make of it (the error's body)."""

UPLOAD_DOCUMENTS_429: Any = {"message": "Too Many Attempts."}
"""The documented 429 reply."""

UPLOAD_DOCUMENTS_500: Any = {"message": "Server Error"}
"""The documented 500 reply."""


def _call_upload_documents(client: Client) -> models.DocumentList:
    """`sessions.upload_documents` with the document's example arguments."""
    return client.sessions.upload_documents(
        "770e8400-e29b-41d4-a716-446655440000",
        keys=["uploads/2023/11/07/invoice-1042.pdf"],
    )


async def _acall_upload_documents(client: AsyncClient) -> models.DocumentList:
    """The same call with the async client."""
    return await client.sessions.upload_documents(
        "770e8400-e29b-41d4-a716-446655440000",
        keys=["uploads/2023/11/07/invoice-1042.pdf"],
    )


UPLOAD_DOCUMENTS_REQUEST = Sent(
    "POST",
    "/extractions/sessions/{sessionId}/documents/upload",
    path_params={"sessionId": "770e8400-e29b-41d4-a716-446655440000"},
    query={},
    headers={},
    cookies={},
    security=("bearerAuth",),
    content_type="application/json",
    body={"keys": ["uploads/2023/11/07/invoice-1042.pdf"]},
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_upload_documents(use_async: bool) -> None:
    """Upload Session Documents

    `POST /extractions/sessions/{sessionId}/documents/upload` sends the example request; the documented 200 reply is parsed.
    """
    server = MockServer("POST", "/extractions/sessions/{sessionId}/documents/upload")
    server.reply(200, UPLOAD_DOCUMENTS_200)
    result = server.run(_call_upload_documents, _acall_upload_documents, use_async)
    check_request(server.only_call(), UPLOAD_DOCUMENTS_REQUEST)
    expect(result, UPLOAD_DOCUMENTS_200_PARSED)


@sync_and_async
def test_upload_documents_201(use_async: bool) -> None:
    """Upload Session Documents

    `POST /extractions/sessions/{sessionId}/documents/upload` sends the example request; the documented 201 reply is parsed.
    """
    server = MockServer("POST", "/extractions/sessions/{sessionId}/documents/upload")
    server.reply(201, UPLOAD_DOCUMENTS_201)
    result = server.run(_call_upload_documents, _acall_upload_documents, use_async)
    check_request(server.only_call(), UPLOAD_DOCUMENTS_REQUEST)
    expect(result, UPLOAD_DOCUMENTS_201_PARSED)


UPLOAD_DOCUMENTS_WITH_ADDITIONS: Any = {**UPLOAD_DOCUMENTS_200, "added_later": "kept"}
"""The documented 200 reply with what the API may add later (not in the document)."""


@sync_and_async
def test_upload_documents_accepts_additions(use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    server = MockServer("POST", "/extractions/sessions/{sessionId}/documents/upload")
    server.reply(200, UPLOAD_DOCUMENTS_WITH_ADDITIONS, documented=False)
    result = server.run(_call_upload_documents, _acall_upload_documents, use_async)
    assert isinstance(result, models.DocumentList), (
        "expected models.DocumentList, got " + type(result).__name__
    )
    assert result.model_extra is not None
    assert result.model_extra["added_later"] == "kept"


@sync_and_async
def test_upload_documents_400_bad_request_error(use_async: bool) -> None:
    """A documented 400 reply to `POST /extractions/sessions/{sessionId}/documents/upload` raises `BadRequestError` with the parsed body."""
    server = MockServer("POST", "/extractions/sessions/{sessionId}/documents/upload")
    server.reply(400, UPLOAD_DOCUMENTS_400)
    with pytest.raises(BadRequestError) as raised:
        server.run(_call_upload_documents, _acall_upload_documents, use_async)
    check_request(server.only_call(), UPLOAD_DOCUMENTS_REQUEST)
    assert type(raised.value) is BadRequestError
    assert raised.value.status_code == 400
    body = raised.value.body
    expect(body, Model(models.Error, message="Malformed JSON body."), "body")


@sync_and_async
def test_upload_documents_401_authentication_error(use_async: bool) -> None:
    """A documented 401 reply to `POST /extractions/sessions/{sessionId}/documents/upload` raises `AuthenticationError` with the parsed body."""
    server = MockServer("POST", "/extractions/sessions/{sessionId}/documents/upload")
    server.reply(401, UPLOAD_DOCUMENTS_401)
    with pytest.raises(AuthenticationError) as raised:
        server.run(_call_upload_documents, _acall_upload_documents, use_async)
    check_request(server.only_call(), UPLOAD_DOCUMENTS_REQUEST)
    assert type(raised.value) is AuthenticationError
    assert raised.value.status_code == 401
    body = raised.value.body
    expect(body, Model(models.Error, message="Unauthenticated."), "body")


@sync_and_async
def test_upload_documents_403_permission_denied_error(use_async: bool) -> None:
    """A documented 403 reply to `POST /extractions/sessions/{sessionId}/documents/upload` raises `PermissionDeniedError` with the parsed body."""
    server = MockServer("POST", "/extractions/sessions/{sessionId}/documents/upload")
    server.reply(403, UPLOAD_DOCUMENTS_403)
    with pytest.raises(PermissionDeniedError) as raised:
        server.run(_call_upload_documents, _acall_upload_documents, use_async)
    check_request(server.only_call(), UPLOAD_DOCUMENTS_REQUEST)
    assert type(raised.value) is PermissionDeniedError
    assert raised.value.status_code == 403
    body = raised.value.body
    expect(body, Model(models.Error, message="This action is unauthorized."), "body")


@sync_and_async
def test_upload_documents_404_not_found_error(use_async: bool) -> None:
    """A documented 404 reply to `POST /extractions/sessions/{sessionId}/documents/upload` raises `NotFoundError` with the parsed body."""
    server = MockServer("POST", "/extractions/sessions/{sessionId}/documents/upload")
    server.reply(404, UPLOAD_DOCUMENTS_404)
    with pytest.raises(NotFoundError) as raised:
        server.run(_call_upload_documents, _acall_upload_documents, use_async)
    check_request(server.only_call(), UPLOAD_DOCUMENTS_REQUEST)
    assert type(raised.value) is NotFoundError
    assert raised.value.status_code == 404
    body = raised.value.body
    expect(body, Model(models.Error, message="Not found."), "body")


@sync_and_async
def test_upload_documents_422_unprocessable_entity_error(use_async: bool) -> None:
    """A documented 422 reply to `POST /extractions/sessions/{sessionId}/documents/upload` raises `UnprocessableEntityError` with the parsed body."""
    server = MockServer("POST", "/extractions/sessions/{sessionId}/documents/upload")
    server.reply(422, UPLOAD_DOCUMENTS_422)
    with pytest.raises(UnprocessableEntityError) as raised:
        server.run(_call_upload_documents, _acall_upload_documents, use_async)
    check_request(server.only_call(), UPLOAD_DOCUMENTS_REQUEST)
    assert type(raised.value) is UnprocessableEntityError
    assert raised.value.status_code == 422
    body = raised.value.body
    expect(body, UPLOAD_DOCUMENTS_422_PARSED, "body")


@sync_and_async
def test_upload_documents_429_rate_limit_error(use_async: bool) -> None:
    """A documented 429 reply to `POST /extractions/sessions/{sessionId}/documents/upload` raises `RateLimitError` with the parsed body."""
    server = MockServer("POST", "/extractions/sessions/{sessionId}/documents/upload")
    server.reply(429, UPLOAD_DOCUMENTS_429)
    with pytest.raises(RateLimitError) as raised:
        server.run(_call_upload_documents, _acall_upload_documents, use_async)
    check_request(server.only_call(), UPLOAD_DOCUMENTS_REQUEST)
    assert type(raised.value) is RateLimitError
    assert raised.value.status_code == 429
    body = raised.value.body
    expect(body, Model(models.Error, message="Too Many Attempts."), "body")


@sync_and_async
def test_upload_documents_500_internal_server_error(use_async: bool) -> None:
    """A documented 500 reply to `POST /extractions/sessions/{sessionId}/documents/upload` raises `InternalServerError` with the parsed body."""
    server = MockServer("POST", "/extractions/sessions/{sessionId}/documents/upload")
    server.reply(500, UPLOAD_DOCUMENTS_500)
    with pytest.raises(InternalServerError) as raised:
        server.run(_call_upload_documents, _acall_upload_documents, use_async)
    check_request(server.only_call(), UPLOAD_DOCUMENTS_REQUEST)
    assert type(raised.value) is InternalServerError
    assert raised.value.status_code == 500
    body = raised.value.body
    expect(body, Model(models.Error, message="Server Error"), "body")


# ---------------------------------------------------------------- detach_document: DELETE /extractions/sessions/{sessionId}/documents/{documentId}

DETACH_DOCUMENT_401: Any = {"message": "Unauthenticated."}
"""The documented 401 reply."""

DETACH_DOCUMENT_403: Any = CREATE_403
"""The documented 403 reply."""

DETACH_DOCUMENT_404: Any = {"message": "Not found."}
"""The documented 404 reply."""

DETACH_DOCUMENT_429: Any = {"message": "Too Many Attempts."}
"""The documented 429 reply."""

DETACH_DOCUMENT_500: Any = {"message": "Server Error"}
"""The documented 500 reply."""


def _call_detach_document(client: Client) -> None:
    """`sessions.detach_document` with the document's example arguments."""
    client.sessions.detach_document(
        "770e8400-e29b-41d4-a716-446655440000",
        "880e8400-e29b-41d4-a716-446655440000",
    )


async def _acall_detach_document(client: AsyncClient) -> None:
    """The same call with the async client."""
    await client.sessions.detach_document(
        "770e8400-e29b-41d4-a716-446655440000",
        "880e8400-e29b-41d4-a716-446655440000",
    )


DETACH_DOCUMENT_REQUEST = Sent(
    "DELETE",
    "/extractions/sessions/{sessionId}/documents/{documentId}",
    path_params={
        "sessionId": "770e8400-e29b-41d4-a716-446655440000",
        "documentId": "880e8400-e29b-41d4-a716-446655440000",
    },
    query={},
    headers={},
    cookies={},
    security=("bearerAuth",),
    content_type=None,
    body=None,
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_detach_document(use_async: bool) -> None:
    """Detach Session Document

    `DELETE /extractions/sessions/{sessionId}/documents/{documentId}` sends the example request; the documented 204 reply is parsed.
    """
    server = MockServer("DELETE", "/extractions/sessions/{sessionId}/documents/{documentId}")
    server.reply(204)
    server.run(_call_detach_document, _acall_detach_document, use_async)
    check_request(server.only_call(), DETACH_DOCUMENT_REQUEST)


@sync_and_async
def test_detach_document_401_authentication_error(use_async: bool) -> None:
    """A documented 401 reply to `DELETE /extractions/sessions/{sessionId}/documents/{documentId}` raises `AuthenticationError` with the parsed body."""
    server = MockServer("DELETE", "/extractions/sessions/{sessionId}/documents/{documentId}")
    server.reply(401, DETACH_DOCUMENT_401)
    with pytest.raises(AuthenticationError) as raised:
        server.run(_call_detach_document, _acall_detach_document, use_async)
    check_request(server.only_call(), DETACH_DOCUMENT_REQUEST)
    assert type(raised.value) is AuthenticationError
    assert raised.value.status_code == 401
    body = raised.value.body
    expect(body, Model(models.Error, message="Unauthenticated."), "body")


@sync_and_async
def test_detach_document_403_permission_denied_error(use_async: bool) -> None:
    """A documented 403 reply to `DELETE /extractions/sessions/{sessionId}/documents/{documentId}` raises `PermissionDeniedError` with the parsed body."""
    server = MockServer("DELETE", "/extractions/sessions/{sessionId}/documents/{documentId}")
    server.reply(403, DETACH_DOCUMENT_403)
    with pytest.raises(PermissionDeniedError) as raised:
        server.run(_call_detach_document, _acall_detach_document, use_async)
    check_request(server.only_call(), DETACH_DOCUMENT_REQUEST)
    assert type(raised.value) is PermissionDeniedError
    assert raised.value.status_code == 403
    body = raised.value.body
    expect(body, Model(models.Error, message="This action is unauthorized."), "body")


@sync_and_async
def test_detach_document_404_not_found_error(use_async: bool) -> None:
    """A documented 404 reply to `DELETE /extractions/sessions/{sessionId}/documents/{documentId}` raises `NotFoundError` with the parsed body."""
    server = MockServer("DELETE", "/extractions/sessions/{sessionId}/documents/{documentId}")
    server.reply(404, DETACH_DOCUMENT_404)
    with pytest.raises(NotFoundError) as raised:
        server.run(_call_detach_document, _acall_detach_document, use_async)
    check_request(server.only_call(), DETACH_DOCUMENT_REQUEST)
    assert type(raised.value) is NotFoundError
    assert raised.value.status_code == 404
    body = raised.value.body
    expect(body, Model(models.Error, message="Not found."), "body")


@sync_and_async
def test_detach_document_429_rate_limit_error(use_async: bool) -> None:
    """A documented 429 reply to `DELETE /extractions/sessions/{sessionId}/documents/{documentId}` raises `RateLimitError` with the parsed body."""
    server = MockServer("DELETE", "/extractions/sessions/{sessionId}/documents/{documentId}")
    server.reply(429, DETACH_DOCUMENT_429)
    with pytest.raises(RateLimitError) as raised:
        server.run(_call_detach_document, _acall_detach_document, use_async)
    check_request(server.only_call(), DETACH_DOCUMENT_REQUEST)
    assert type(raised.value) is RateLimitError
    assert raised.value.status_code == 429
    body = raised.value.body
    expect(body, Model(models.Error, message="Too Many Attempts."), "body")


@sync_and_async
def test_detach_document_500_internal_server_error(use_async: bool) -> None:
    """A documented 500 reply to `DELETE /extractions/sessions/{sessionId}/documents/{documentId}` raises `InternalServerError` with the parsed body."""
    server = MockServer("DELETE", "/extractions/sessions/{sessionId}/documents/{documentId}")
    server.reply(500, DETACH_DOCUMENT_500)
    with pytest.raises(InternalServerError) as raised:
        server.run(_call_detach_document, _acall_detach_document, use_async)
    check_request(server.only_call(), DETACH_DOCUMENT_REQUEST)
    assert type(raised.value) is InternalServerError
    assert raised.value.status_code == 500
    body = raised.value.body
    expect(body, Model(models.Error, message="Server Error"), "body")


EXAMPLE_CALLS: dict[
    str, tuple[Callable[[Client], object], Callable[[AsyncClient], Awaitable[object]]]
] = {
    "POST /extractions/sessions": (_call_create, _acall_create),
    "GET /extractions/sessions/{sessionId}": (_call_get, _acall_get),
    "DELETE /extractions/sessions/{sessionId}": (_call_delete, _acall_delete),
    "GET /extractions/sessions/{sessionId}/documents": (
        _call_list_documents,
        _acall_list_documents,
    ),
    "POST /extractions/sessions/{sessionId}/documents/attach": (
        _call_attach_documents,
        _acall_attach_documents,
    ),
    "POST /extractions/sessions/{sessionId}/documents/upload": (
        _call_upload_documents,
        _acall_upload_documents,
    ),
    "DELETE /extractions/sessions/{sessionId}/documents/{documentId}": (
        _call_detach_document,
        _acall_detach_document,
    ),
}
"""Every operation's example call by `"METHOD /path"` (the Prism integration tier runs them over real HTTP)."""
