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
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from .._models import to_wire
from ._contract import (
    NO_BODY,
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

# ---------------------------------------------------------------- create: POST /extractions/sessions

# fmt: off
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
# fmt: on

CREATE_201_PARSED: Any = Read(
    CREATE_201,
    Model(
        models.Session,
        created_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
        updated_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
    ),
)

CREATE_400: Any = {"message": "Malformed JSON body."}

CREATE_401: Any = {"message": "Unauthenticated."}

CREATE_403: Any = {"message": "This action is unauthorized."}

# fmt: off
CREATE_422: Any = {
    "message": "The extraction template id field is required.",
    "errors": {"extraction_template_id": ["The extraction template id field is required."]},
}
# fmt: on

CREATE_422_PARSED: Any = Read(CREATE_422, Model(models.Error))

CREATE_429: Any = {"message": "Too Many Attempts."}

CREATE_500: Any = {"message": "Server Error"}


def _call_create(client: Client | AsyncClient) -> models.Session | Awaitable[models.Session]:
    return client.sessions.create(
        extraction_template_id="550e8400-e29b-41d4-a716-446655440000",
        name="November invoices",
    )


CREATE_REQUEST = Sent(
    "POST",
    "/extractions/sessions",
    security=("bearerAuth",),
    content_type="application/json",
    body={
        "extraction_template_id": "550e8400-e29b-41d4-a716-446655440000",
        "name": "November invoices",
    },
)

CREATE_WITH_ADDITIONS: Any = {**CREATE_201, "status": "added-later-value", "added_later": "kept"}


# ---------------------------------------------------------------- get: GET /extractions/sessions/{sessionId}

# fmt: off
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
# fmt: on

GET_200_PARSED: Any = Read(
    GET_200,
    Model(
        models.Session,
        created_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
        updated_at=datetime.datetime.fromisoformat("2023-11-07T06:02:11Z"),
    ),
)

GET_401: Any = {"message": "Unauthenticated."}

GET_403: Any = CREATE_403

GET_404: Any = {"message": "Not found."}

GET_429: Any = {"message": "Too Many Attempts."}

GET_500: Any = {"message": "Server Error"}


def _call_get(client: Client | AsyncClient) -> models.Session | Awaitable[models.Session]:
    return client.sessions.get(
        "770e8400-e29b-41d4-a716-446655440000",
    )


GET_REQUEST = Sent(
    "GET",
    "/extractions/sessions/{sessionId}",
    path_params={"sessionId": "770e8400-e29b-41d4-a716-446655440000"},
    security=("bearerAuth",),
)

GET_WITH_ADDITIONS: Any = {**GET_200, "status": "added-later-value", "added_later": "kept"}


# ---------------------------------------------------------------- delete: DELETE /extractions/sessions/{sessionId}

DELETE_401: Any = {"message": "Unauthenticated."}

DELETE_403: Any = CREATE_403

DELETE_404: Any = {"message": "Not found."}

DELETE_429: Any = {"message": "Too Many Attempts."}

DELETE_500: Any = {"message": "Server Error"}


def _call_delete(client: Client | AsyncClient) -> None | Awaitable[None]:
    return client.sessions.delete(
        "770e8400-e29b-41d4-a716-446655440000",
    )


DELETE_REQUEST = Sent(
    "DELETE",
    "/extractions/sessions/{sessionId}",
    path_params={"sessionId": "770e8400-e29b-41d4-a716-446655440000"},
    security=("bearerAuth",),
)


# ---------------------------------------------------------------- list_documents: GET /extractions/sessions/{sessionId}/documents

# fmt: off
LIST_DOCUMENTS_200: Any = {
    "data": [{"id": "880e8400-e29b-41d4-a716-446655440000", "workspace_id": 123, "filename": "invoice.pdf", "mime": "application/pdf", "size": 184320, "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "status": "processed", "source_type": "upload", "source_url": None, "parsings": [{"id": "3c90c3cc-0d44-4b50-8888-8dd25736052a", "config_hash": "5d41402abc4b2a76b9719d911017c592", "status": "queued", "parser_version": "2.3.1", "updated_at": "2023-11-07T05:31:56Z"}], "created_at": "2023-11-07T05:31:56Z"}],
    "meta": {"current_page": 1, "last_page": 1, "per_page": 25, "total": 1},
}
# fmt: on

LIST_DOCUMENTS_200_PARSED: Any = Read(
    LIST_DOCUMENTS_200,
    Model(
        models.DocumentPage,
        data=[
            Model(
                models.Document,
                parsings=[
                    Model(
                        models.Parsing,
                        updated_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
                    )
                ],
                created_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
            )
        ],
        meta=Model(models.PaginationMeta),
    ),
)

LIST_DOCUMENTS_401: Any = {"message": "Unauthenticated."}

LIST_DOCUMENTS_403: Any = CREATE_403

LIST_DOCUMENTS_404: Any = {"message": "Not found."}

# fmt: off
LIST_DOCUMENTS_422: Any = {
    "message": "The per page field must not be greater than 100.",
    "errors": {"per_page": ["The per page field must not be greater than 100."]},
}
# fmt: on

LIST_DOCUMENTS_422_PARSED: Any = Read(LIST_DOCUMENTS_422, Model(models.Error))

LIST_DOCUMENTS_429: Any = {"message": "Too Many Attempts."}

LIST_DOCUMENTS_500: Any = {"message": "Server Error"}


def _call_list_documents(
    client: Client | AsyncClient,
) -> models.DocumentPage | Awaitable[models.DocumentPage]:
    return client.sessions.list_documents(
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
    security=("bearerAuth",),
)

LIST_DOCUMENTS_WITH_ADDITIONS: Any = {**LIST_DOCUMENTS_200, "added_later": "kept"}

LIST_DOCUMENTS_PAGE_1: Any = {
    **LIST_DOCUMENTS_200,
    "data": 2 * LIST_DOCUMENTS_200["data"],
    "meta": {**LIST_DOCUMENTS_200["meta"], "last_page": 2, "total": 4},
}
"""Page 1 for `iter_list_documents` (a next page follows)."""

LIST_DOCUMENTS_PAGE_2: Any = {
    **LIST_DOCUMENTS_200,
    "data": 2 * LIST_DOCUMENTS_200["data"],
    "meta": {**LIST_DOCUMENTS_200["meta"], "current_page": 2, "last_page": 2, "total": 4},
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

# fmt: off
ATTACH_DOCUMENTS_200: Any = {
    "data": [{"id": "3c90c3cc-0d44-4b50-8888-8dd25736052a", "workspace_id": 123, "filename": "invoice.pdf", "mime": "application/pdf", "size": 184320, "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "status": "uploaded", "source_type": "upload", "source_url": None, "parsings": [{"id": "3c90c3cc-0d44-4b50-8888-8dd25736052a", "config_hash": "5d41402abc4b2a76b9719d911017c592", "status": "queued", "parser_version": "2.3.1", "updated_at": "2023-11-07T05:31:56Z"}], "created_at": "2023-11-07T05:31:56Z"}],
}
# fmt: on

ATTACH_DOCUMENTS_200_PARSED: Any = Read(
    ATTACH_DOCUMENTS_200,
    Model(
        models.DocumentList,
        data=[
            Model(
                models.Document,
                parsings=[
                    Model(
                        models.Parsing,
                        updated_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
                    )
                ],
                created_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
            )
        ],
    ),
)

ATTACH_DOCUMENTS_400: Any = {"message": "Malformed JSON body."}

ATTACH_DOCUMENTS_401: Any = {"message": "Unauthenticated."}

ATTACH_DOCUMENTS_403: Any = CREATE_403

ATTACH_DOCUMENTS_404: Any = {"message": "Not found."}

# fmt: off
ATTACH_DOCUMENTS_422: Any = {
    "message": "One or more documents do not belong to the session workspace.",
    "errors": {"document_ids": ["One or more documents do not belong to the session workspace."]},
}
# fmt: on

ATTACH_DOCUMENTS_422_PARSED: Any = Read(ATTACH_DOCUMENTS_422, Model(models.Error))

ATTACH_DOCUMENTS_429: Any = {"message": "Too Many Attempts."}

ATTACH_DOCUMENTS_500: Any = {"message": "Server Error"}


def _call_attach_documents(
    client: Client | AsyncClient,
) -> models.DocumentList | Awaitable[models.DocumentList]:
    return client.sessions.attach_documents(
        "770e8400-e29b-41d4-a716-446655440000",
        document_ids=["880e8400-e29b-41d4-a716-446655440000"],
    )


ATTACH_DOCUMENTS_REQUEST = Sent(
    "POST",
    "/extractions/sessions/{sessionId}/documents/attach",
    path_params={"sessionId": "770e8400-e29b-41d4-a716-446655440000"},
    security=("bearerAuth",),
    content_type="application/json",
    body={"document_ids": ["880e8400-e29b-41d4-a716-446655440000"]},
)

ATTACH_DOCUMENTS_WITH_ADDITIONS: Any = {**ATTACH_DOCUMENTS_200, "added_later": "kept"}


# ---------------------------------------------------------------- upload_documents: POST /extractions/sessions/{sessionId}/documents/upload

# fmt: off
UPLOAD_DOCUMENTS_200: Any = {
    "data": [{"id": "990e8400-e29b-41d4-a716-446655440000", "workspace_id": 123, "filename": "invoice-1042.pdf", "mime": "application/pdf", "size": 98304, "sha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", "status": "uploaded", "source_type": "upload", "source_url": None, "parsings": [], "created_at": "2023-11-07T05:31:56Z"}],
}
# fmt: on

UPLOAD_DOCUMENTS_200_PARSED: Any = Read(
    UPLOAD_DOCUMENTS_200,
    Model(
        models.DocumentList,
        data=[
            Model(
                models.Document, created_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z")
            )
        ],
    ),
)

UPLOAD_DOCUMENTS_201: Any = UPLOAD_DOCUMENTS_200

UPLOAD_DOCUMENTS_201_PARSED: Any = UPLOAD_DOCUMENTS_200_PARSED

UPLOAD_DOCUMENTS_400: Any = {"message": "Malformed JSON body."}

UPLOAD_DOCUMENTS_401: Any = {"message": "Unauthenticated."}

UPLOAD_DOCUMENTS_403: Any = CREATE_403

UPLOAD_DOCUMENTS_404: Any = {"message": "Not found."}

# fmt: off
UPLOAD_DOCUMENTS_422: Any = {
    "message": "The selected keys.0 is invalid.",
    "errors": {"keys.0": ["The selected keys.0 is invalid."]},
}
# fmt: on

UPLOAD_DOCUMENTS_422_PARSED: Any = Read(UPLOAD_DOCUMENTS_422, Model(models.Error))

UPLOAD_DOCUMENTS_429: Any = {"message": "Too Many Attempts."}

UPLOAD_DOCUMENTS_500: Any = {"message": "Server Error"}


def _call_upload_documents(
    client: Client | AsyncClient,
) -> models.DocumentList | Awaitable[models.DocumentList]:
    return client.sessions.upload_documents(
        "770e8400-e29b-41d4-a716-446655440000",
        keys=["uploads/2023/11/07/invoice-1042.pdf"],
    )


UPLOAD_DOCUMENTS_REQUEST = Sent(
    "POST",
    "/extractions/sessions/{sessionId}/documents/upload",
    path_params={"sessionId": "770e8400-e29b-41d4-a716-446655440000"},
    security=("bearerAuth",),
    content_type="application/json",
    body={"keys": ["uploads/2023/11/07/invoice-1042.pdf"]},
)

UPLOAD_DOCUMENTS_WITH_ADDITIONS: Any = {**UPLOAD_DOCUMENTS_200, "added_later": "kept"}


# ---------------------------------------------------------------- detach_document: DELETE /extractions/sessions/{sessionId}/documents/{documentId}

DETACH_DOCUMENT_401: Any = {"message": "Unauthenticated."}

DETACH_DOCUMENT_403: Any = CREATE_403

DETACH_DOCUMENT_404: Any = {"message": "Not found."}

DETACH_DOCUMENT_429: Any = {"message": "Too Many Attempts."}

DETACH_DOCUMENT_500: Any = {"message": "Server Error"}


def _call_detach_document(client: Client | AsyncClient) -> None | Awaitable[None]:
    return client.sessions.detach_document(
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
    security=("bearerAuth",),
)


# fmt: off
DOCUMENTED_REPLIES = [
    Case(201, CREATE_201, CREATE_201_PARSED, _call_create, CREATE_REQUEST),
    Case(200, GET_200, GET_200_PARSED, _call_get, GET_REQUEST),
    Case(204, NO_BODY, None, _call_delete, DELETE_REQUEST),
    Case(200, LIST_DOCUMENTS_200, LIST_DOCUMENTS_200_PARSED, _call_list_documents, LIST_DOCUMENTS_REQUEST),
    Case(200, ATTACH_DOCUMENTS_200, ATTACH_DOCUMENTS_200_PARSED, _call_attach_documents, ATTACH_DOCUMENTS_REQUEST),
    Case(200, UPLOAD_DOCUMENTS_200, UPLOAD_DOCUMENTS_200_PARSED, _call_upload_documents, UPLOAD_DOCUMENTS_REQUEST),
    Case(201, UPLOAD_DOCUMENTS_201, UPLOAD_DOCUMENTS_201_PARSED, _call_upload_documents, UPLOAD_DOCUMENTS_REQUEST),
    Case(204, NO_BODY, None, _call_detach_document, DETACH_DOCUMENT_REQUEST),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", DOCUMENTED_REPLIES, ids=case_id)
def test_documented_reply(case: Case, use_async: bool) -> None:
    """The example call sends the request the document allows; the client parses the documented reply."""
    check_documented_reply(case, use_async)


# fmt: off
DOCUMENTED_ERRORS = [
    Case(400, CREATE_400, Model(models.Error, message="Malformed JSON body."), _call_create, CREATE_REQUEST, BadRequestError),
    Case(401, CREATE_401, Model(models.Error, message="Unauthenticated."), _call_create, CREATE_REQUEST, AuthenticationError),
    Case(403, CREATE_403, Model(models.Error, message="This action is unauthorized."), _call_create, CREATE_REQUEST, PermissionDeniedError),
    Case(422, CREATE_422, CREATE_422_PARSED, _call_create, CREATE_REQUEST, UnprocessableEntityError),
    Case(429, CREATE_429, Model(models.Error, message="Too Many Attempts."), _call_create, CREATE_REQUEST, RateLimitError),
    Case(500, CREATE_500, Model(models.Error, message="Server Error"), _call_create, CREATE_REQUEST, InternalServerError),
    Case(401, GET_401, Model(models.Error, message="Unauthenticated."), _call_get, GET_REQUEST, AuthenticationError),
    Case(403, GET_403, Model(models.Error, message="This action is unauthorized."), _call_get, GET_REQUEST, PermissionDeniedError),
    Case(404, GET_404, Model(models.Error, message="Not found."), _call_get, GET_REQUEST, NotFoundError),
    Case(429, GET_429, Model(models.Error, message="Too Many Attempts."), _call_get, GET_REQUEST, RateLimitError),
    Case(500, GET_500, Model(models.Error, message="Server Error"), _call_get, GET_REQUEST, InternalServerError),
    Case(401, DELETE_401, Model(models.Error, message="Unauthenticated."), _call_delete, DELETE_REQUEST, AuthenticationError),
    Case(403, DELETE_403, Model(models.Error, message="This action is unauthorized."), _call_delete, DELETE_REQUEST, PermissionDeniedError),
    Case(404, DELETE_404, Model(models.Error, message="Not found."), _call_delete, DELETE_REQUEST, NotFoundError),
    Case(429, DELETE_429, Model(models.Error, message="Too Many Attempts."), _call_delete, DELETE_REQUEST, RateLimitError),
    Case(500, DELETE_500, Model(models.Error, message="Server Error"), _call_delete, DELETE_REQUEST, InternalServerError),
    Case(401, LIST_DOCUMENTS_401, Model(models.Error, message="Unauthenticated."), _call_list_documents, LIST_DOCUMENTS_REQUEST, AuthenticationError),
    Case(403, LIST_DOCUMENTS_403, Model(models.Error, message="This action is unauthorized."), _call_list_documents, LIST_DOCUMENTS_REQUEST, PermissionDeniedError),
    Case(404, LIST_DOCUMENTS_404, Model(models.Error, message="Not found."), _call_list_documents, LIST_DOCUMENTS_REQUEST, NotFoundError),
    Case(422, LIST_DOCUMENTS_422, LIST_DOCUMENTS_422_PARSED, _call_list_documents, LIST_DOCUMENTS_REQUEST, UnprocessableEntityError),
    Case(429, LIST_DOCUMENTS_429, Model(models.Error, message="Too Many Attempts."), _call_list_documents, LIST_DOCUMENTS_REQUEST, RateLimitError),
    Case(500, LIST_DOCUMENTS_500, Model(models.Error, message="Server Error"), _call_list_documents, LIST_DOCUMENTS_REQUEST, InternalServerError),
    Case(400, ATTACH_DOCUMENTS_400, Model(models.Error, message="Malformed JSON body."), _call_attach_documents, ATTACH_DOCUMENTS_REQUEST, BadRequestError),
    Case(401, ATTACH_DOCUMENTS_401, Model(models.Error, message="Unauthenticated."), _call_attach_documents, ATTACH_DOCUMENTS_REQUEST, AuthenticationError),
    Case(403, ATTACH_DOCUMENTS_403, Model(models.Error, message="This action is unauthorized."), _call_attach_documents, ATTACH_DOCUMENTS_REQUEST, PermissionDeniedError),
    Case(404, ATTACH_DOCUMENTS_404, Model(models.Error, message="Not found."), _call_attach_documents, ATTACH_DOCUMENTS_REQUEST, NotFoundError),
    Case(422, ATTACH_DOCUMENTS_422, ATTACH_DOCUMENTS_422_PARSED, _call_attach_documents, ATTACH_DOCUMENTS_REQUEST, UnprocessableEntityError),
    Case(429, ATTACH_DOCUMENTS_429, Model(models.Error, message="Too Many Attempts."), _call_attach_documents, ATTACH_DOCUMENTS_REQUEST, RateLimitError),
    Case(500, ATTACH_DOCUMENTS_500, Model(models.Error, message="Server Error"), _call_attach_documents, ATTACH_DOCUMENTS_REQUEST, InternalServerError),
    Case(400, UPLOAD_DOCUMENTS_400, Model(models.Error, message="Malformed JSON body."), _call_upload_documents, UPLOAD_DOCUMENTS_REQUEST, BadRequestError),
    Case(401, UPLOAD_DOCUMENTS_401, Model(models.Error, message="Unauthenticated."), _call_upload_documents, UPLOAD_DOCUMENTS_REQUEST, AuthenticationError),
    Case(403, UPLOAD_DOCUMENTS_403, Model(models.Error, message="This action is unauthorized."), _call_upload_documents, UPLOAD_DOCUMENTS_REQUEST, PermissionDeniedError),
    Case(404, UPLOAD_DOCUMENTS_404, Model(models.Error, message="Not found."), _call_upload_documents, UPLOAD_DOCUMENTS_REQUEST, NotFoundError),
    Case(422, UPLOAD_DOCUMENTS_422, UPLOAD_DOCUMENTS_422_PARSED, _call_upload_documents, UPLOAD_DOCUMENTS_REQUEST, UnprocessableEntityError),
    Case(429, UPLOAD_DOCUMENTS_429, Model(models.Error, message="Too Many Attempts."), _call_upload_documents, UPLOAD_DOCUMENTS_REQUEST, RateLimitError),
    Case(500, UPLOAD_DOCUMENTS_500, Model(models.Error, message="Server Error"), _call_upload_documents, UPLOAD_DOCUMENTS_REQUEST, InternalServerError),
    Case(401, DETACH_DOCUMENT_401, Model(models.Error, message="Unauthenticated."), _call_detach_document, DETACH_DOCUMENT_REQUEST, AuthenticationError),
    Case(403, DETACH_DOCUMENT_403, Model(models.Error, message="This action is unauthorized."), _call_detach_document, DETACH_DOCUMENT_REQUEST, PermissionDeniedError),
    Case(404, DETACH_DOCUMENT_404, Model(models.Error, message="Not found."), _call_detach_document, DETACH_DOCUMENT_REQUEST, NotFoundError),
    Case(429, DETACH_DOCUMENT_429, Model(models.Error, message="Too Many Attempts."), _call_detach_document, DETACH_DOCUMENT_REQUEST, RateLimitError),
    Case(500, DETACH_DOCUMENT_500, Model(models.Error, message="Server Error"), _call_detach_document, DETACH_DOCUMENT_REQUEST, InternalServerError),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", DOCUMENTED_ERRORS, ids=case_id)
def test_documented_error(case: Case, use_async: bool) -> None:
    """A documented error reply raises its typed error (`_exceptions.py`) with the parsed body."""
    check_documented_error(case, use_async)


# fmt: off
ACCEPTS_ADDITIONS = [
    Additions(201, CREATE_WITH_ADDITIONS, models.Session, "added_later", _call_create, CREATE_REQUEST, "status"),
    Additions(200, GET_WITH_ADDITIONS, models.Session, "added_later", _call_get, GET_REQUEST, "status"),
    Additions(200, LIST_DOCUMENTS_WITH_ADDITIONS, models.DocumentPage, "added_later", _call_list_documents, LIST_DOCUMENTS_REQUEST),
    Additions(200, ATTACH_DOCUMENTS_WITH_ADDITIONS, models.DocumentList, "added_later", _call_attach_documents, ATTACH_DOCUMENTS_REQUEST),
    Additions(200, UPLOAD_DOCUMENTS_WITH_ADDITIONS, models.DocumentList, "added_later", _call_upload_documents, UPLOAD_DOCUMENTS_REQUEST),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", ACCEPTS_ADDITIONS, ids=case_id)
def test_accepts_additions(case: Additions, use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    check_additions(case, use_async)


EXAMPLE_CALLS: dict[str, ExampleCall] = {
    "POST /extractions/sessions": _call_create,
    "GET /extractions/sessions/{sessionId}": _call_get,
    "DELETE /extractions/sessions/{sessionId}": _call_delete,
    "GET /extractions/sessions/{sessionId}/documents": _call_list_documents,
    "POST /extractions/sessions/{sessionId}/documents/attach": _call_attach_documents,
    "POST /extractions/sessions/{sessionId}/documents/upload": _call_upload_documents,
    "DELETE /extractions/sessions/{sessionId}/documents/{documentId}": _call_detach_document,
}
"""Every operation's example call by `"METHOD /path"` (the Prism integration tier runs them over real HTTP)."""
