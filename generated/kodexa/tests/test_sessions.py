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
from .._exceptions import AuthenticationError, BadRequestError, PermissionDeniedError
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

# ---------------------------------------------------------------- create: POST /api/sessions

# fmt: off
CREATE_201: Any = {
    "changeSequence": 123,
    "createdOn": "2023-11-07T05:31:56Z",
    "id": "9b2f6c1e-3d4a-4f5b-8c7d-1e2f3a4b5c6d",
    "organization": {"authGroupLink": {"authGroup": "5d1c2b3a-4e5f-4a6b-9c8d-7e6f5a4b3c2d"}, "changeSequence": 123, "createdOn": "2023-11-07T05:31:56Z", "defaultToPrivateTemplates": True, "description": "Document processing for the finance team.", "enterpriseOrganization": True, "features": {}, "hasImage": True, "id": "1f0e9b3e-5a4c-4d8e-9c61-2b7f0c2a9d11", "memory": {"orderedDashboards": ["0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"]}, "name": "Acme Finance", "organizationStatus": "ACTIVE", "properties": {}, "publicAccess": True, "searchText": "acme finance", "slug": "acme-finance", "stripeCustomerId": "cus_NffrFeUfNV2Hib", "supportAccess": True, "supportAccessExpiresAt": "2023-11-07T05:31:56Z", "updatedOn": "2023-11-07T05:31:56Z", "uuid": "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d"},
    "organizationId": "1f0e9b3e-5a4c-4d8e-9c61-2b7f0c2a9d11",
    "state": "OPEN",
    "token": "3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c",
    "updatedOn": "2023-11-07T05:31:56Z",
    "uuid": "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
}
# fmt: on

CREATE_201_PARSED: Any = Read(
    CREATE_201,
    Model(
        models.Session,
        created_on=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
        organization=Model(
            models.Organization,
            auth_group_link=Model(models.AuthGroupLink),
            created_on=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
            memory=Model(models.OrganizationMemory),
            support_access_expires_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
            updated_on=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
        ),
        updated_on=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
    ),
)

CREATE_200: Any = CREATE_201

CREATE_200_PARSED: Any = CREATE_201_PARSED

CREATE_400: Any = {"errors": {"organizationId": "must be a valid organization id"}}

CREATE_400_PARSED: Any = Read(CREATE_400, Model(models.ErrorResponse))

CREATE_401: Any = {"errors": {"x-api-key": "invalid or missing API key"}}

CREATE_401_PARSED: Any = Read(CREATE_401, Model(models.ErrorResponse))

CREATE_403: Any = {"errors": {"session": "access denied"}}

CREATE_403_PARSED: Any = Read(CREATE_403, Model(models.ErrorResponse))


def _call_create(client: Client | AsyncClient) -> models.Session | Awaitable[models.Session]:
    return client.sessions.create(
        change_sequence=123,
        organization_id="1f0e9b3e-5a4c-4d8e-9c61-2b7f0c2a9d11",
        state="OPEN",
    )


CREATE_REQUEST = Sent(
    "POST",
    "/api/sessions",
    security=("apiKeyAuth",),
    content_type="application/json",
    body={
        "changeSequence": 123,
        "organizationId": "1f0e9b3e-5a4c-4d8e-9c61-2b7f0c2a9d11",
        "state": "OPEN",
    },
)

CREATE_WITH_ADDITIONS: Any = {**CREATE_201, "added_later": "kept"}


# ---------------------------------------------------------------- get: GET /api/sessions/{id}

GET_200: Any = CREATE_201

GET_200_PARSED: Any = CREATE_201_PARSED

GET_400: Any = {"errors": {"id": "must be a UUID"}}

GET_401: Any = CREATE_401

GET_401_PARSED: Any = CREATE_401_PARSED

GET_403: Any = CREATE_403

GET_403_PARSED: Any = CREATE_403_PARSED


def _call_get(client: Client | AsyncClient) -> models.Session | Awaitable[models.Session]:
    return client.sessions.get(
        "9b2f6c1e-3d4a-4f5b-8c7d-1e2f3a4b5c6d",
    )


GET_REQUEST = Sent(
    "GET",
    "/api/sessions/{id}",
    path_params={"id": "9b2f6c1e-3d4a-4f5b-8c7d-1e2f3a4b5c6d"},
    security=("apiKeyAuth",),
)

GET_WITH_ADDITIONS: Any = {**GET_200, "added_later": "kept"}


# ---------------------------------------------------------------- update: PUT /api/sessions/{id}

UPDATE_200: Any = CREATE_201

UPDATE_200_PARSED: Any = CREATE_201_PARSED

UPDATE_400: Any = {"errors": {"state": "must not be blank"}}

UPDATE_400_PARSED: Any = Read(UPDATE_400, Model(models.ErrorResponse))

UPDATE_401: Any = CREATE_401

UPDATE_401_PARSED: Any = CREATE_401_PARSED

UPDATE_403: Any = CREATE_403

UPDATE_403_PARSED: Any = CREATE_403_PARSED


def _call_update(client: Client | AsyncClient) -> models.Session | Awaitable[models.Session]:
    return client.sessions.update(
        "9b2f6c1e-3d4a-4f5b-8c7d-1e2f3a4b5c6d",
        change_sequence=123,
        organization_id="1f0e9b3e-5a4c-4d8e-9c61-2b7f0c2a9d11",
        state="CLOSED",
        token="3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c",
    )


UPDATE_REQUEST = Sent(
    "PUT",
    "/api/sessions/{id}",
    path_params={"id": "9b2f6c1e-3d4a-4f5b-8c7d-1e2f3a4b5c6d"},
    security=("apiKeyAuth",),
    content_type="application/json",
    body={
        "changeSequence": 123,
        "organizationId": "1f0e9b3e-5a4c-4d8e-9c61-2b7f0c2a9d11",
        "state": "CLOSED",
        "token": "3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c",
    },
)

UPDATE_WITH_ADDITIONS: Any = {**UPDATE_200, "added_later": "kept"}


# fmt: off
DOCUMENTED_REPLIES = [
    Case(201, CREATE_201, CREATE_201_PARSED, _call_create, CREATE_REQUEST),
    Case(200, CREATE_200, CREATE_200_PARSED, _call_create, CREATE_REQUEST),
    Case(200, GET_200, GET_200_PARSED, _call_get, GET_REQUEST),
    Case(200, UPDATE_200, UPDATE_200_PARSED, _call_update, UPDATE_REQUEST),
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
    Case(403, CREATE_403, CREATE_403_PARSED, _call_create, CREATE_REQUEST, PermissionDeniedError),
    Case(400, GET_400, Model(models.ErrorResponse, errors={"id": "must be a UUID"}), _call_get, GET_REQUEST, BadRequestError),
    Case(401, GET_401, GET_401_PARSED, _call_get, GET_REQUEST, AuthenticationError),
    Case(403, GET_403, GET_403_PARSED, _call_get, GET_REQUEST, PermissionDeniedError),
    Case(400, UPDATE_400, UPDATE_400_PARSED, _call_update, UPDATE_REQUEST, BadRequestError),
    Case(401, UPDATE_401, UPDATE_401_PARSED, _call_update, UPDATE_REQUEST, AuthenticationError),
    Case(403, UPDATE_403, UPDATE_403_PARSED, _call_update, UPDATE_REQUEST, PermissionDeniedError),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", DOCUMENTED_ERRORS, ids=case_id)
def test_documented_error(case: Case, use_async: bool) -> None:
    """A documented error reply raises its typed error (`_exceptions.py`) with the parsed body."""
    check_documented_error(case, use_async)


# fmt: off
ACCEPTS_ADDITIONS = [
    Additions(201, CREATE_WITH_ADDITIONS, models.Session, "added_later", _call_create, CREATE_REQUEST),
    Additions(200, GET_WITH_ADDITIONS, models.Session, "added_later", _call_get, GET_REQUEST),
    Additions(200, UPDATE_WITH_ADDITIONS, models.Session, "added_later", _call_update, UPDATE_REQUEST),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", ACCEPTS_ADDITIONS, ids=case_id)
def test_accepts_additions(case: Additions, use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    check_additions(case, use_async)


EXAMPLE_CALLS: dict[str, ExampleCall] = {
    "POST /api/sessions": _call_create,
    "GET /api/sessions/{id}": _call_get,
    "PUT /api/sessions/{id}": _call_update,
}
"""Every operation's example call by `"METHOD /path"` (the Prism integration tier runs them over real HTTP)."""
