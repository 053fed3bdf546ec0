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
from .._exceptions import AuthenticationError, BadRequestError, PermissionDeniedError
from .._models import to_wire
from ._contract import MockServer, sync_and_async
from ._expect import Equal, Items, Model, Sent, Wire, check_request, expect

# ---------------------------------------------------------------- create: POST /api/sessions

CREATE_201: Any = {
    "changeSequence": 123,
    "createdOn": "2023-11-07T05:31:56Z",
    "id": "9b2f6c1e-3d4a-4f5b-8c7d-1e2f3a4b5c6d",
    "organization": {
        "authGroupLink": {"authGroup": "5d1c2b3a-4e5f-4a6b-9c8d-7e6f5a4b3c2d"},
        "changeSequence": 123,
        "createdOn": "2023-11-07T05:31:56Z",
        "defaultToPrivateTemplates": True,
        "description": "Document processing for the finance team.",
        "enterpriseOrganization": True,
        "features": {},
        "hasImage": True,
        "id": "1f0e9b3e-5a4c-4d8e-9c61-2b7f0c2a9d11",
        "memory": {"orderedDashboards": ["0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"]},
        "name": "Acme Finance",
        "organizationStatus": "ACTIVE",
        "properties": {},
        "publicAccess": True,
        "searchText": "acme finance",
        "slug": "acme-finance",
        "stripeCustomerId": "cus_NffrFeUfNV2Hib",
        "supportAccess": True,
        "supportAccessExpiresAt": "2023-11-07T05:31:56Z",
        "updatedOn": "2023-11-07T05:31:56Z",
        "uuid": "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d",
    },
    "organizationId": "1f0e9b3e-5a4c-4d8e-9c61-2b7f0c2a9d11",
    "state": "OPEN",
    "token": "3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c",
    "updatedOn": "2023-11-07T05:31:56Z",
    "uuid": "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
}
"""The documented 201 reply."""

CREATE_201_PARSED: Any = Model(
    models.Session,
    change_sequence=123,
    created_on=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
    id="9b2f6c1e-3d4a-4f5b-8c7d-1e2f3a4b5c6d",
    organization=Model(
        models.Organization,
        auth_group_link=Model(
            models.AuthGroupLink, auth_group="5d1c2b3a-4e5f-4a6b-9c8d-7e6f5a4b3c2d"
        ),
        change_sequence=123,
        created_on=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
        default_to_private_templates=True,
        description="Document processing for the finance team.",
        enterprise_organization=True,
        features={},
        has_image=True,
        id="1f0e9b3e-5a4c-4d8e-9c61-2b7f0c2a9d11",
        memory=Model(
            models.OrganizationMemory, ordered_dashboards=["0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"]
        ),
        name="Acme Finance",
        organization_status="ACTIVE",
        properties={},
        public_access=True,
        search_text="acme finance",
        slug="acme-finance",
        stripe_customer_id="cus_NffrFeUfNV2Hib",
        support_access=True,
        support_access_expires_at=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
        updated_on=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
        uuid="6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d",
    ),
    organization_id="1f0e9b3e-5a4c-4d8e-9c61-2b7f0c2a9d11",
    state="OPEN",
    token="3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c",
    updated_on=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"),
    uuid="2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
)
"""What the client must make of it."""

CREATE_200: Any = CREATE_201
"""The documented 200 reply."""

CREATE_200_PARSED: Any = CREATE_201_PARSED
"""What the client must make of it."""

CREATE_400: Any = {"errors": {"organizationId": "must be a valid organization id"}}
"""The documented 400 reply."""

CREATE_400_PARSED: Any = Model(
    models.ErrorResponse, errors={"organizationId": "must be a valid organization id"}
)
"""What the client must make of it (the error's body)."""

CREATE_401: Any = {"errors": {"x-api-key": "invalid or missing API key"}}
"""The documented 401 reply."""

CREATE_401_PARSED: Any = Model(
    models.ErrorResponse, errors={"x-api-key": "invalid or missing API key"}
)
"""What the client must make of it (the error's body)."""

CREATE_403: Any = {"errors": {"session": "access denied"}}
"""The documented 403 reply."""

CREATE_403_PARSED: Any = Model(models.ErrorResponse, errors={"session": "access denied"})
"""What the client must make of it (the error's body)."""


def _call_create(client: Client) -> models.Session:
    """`sessions.create` with the document's example arguments."""
    return client.sessions.create(
        change_sequence=123,
        organization_id="1f0e9b3e-5a4c-4d8e-9c61-2b7f0c2a9d11",
        state="OPEN",
    )


async def _acall_create(client: AsyncClient) -> models.Session:
    """The same call with the async client."""
    return await client.sessions.create(
        change_sequence=123,
        organization_id="1f0e9b3e-5a4c-4d8e-9c61-2b7f0c2a9d11",
        state="OPEN",
    )


CREATE_REQUEST = Sent(
    "POST",
    "/api/sessions",
    path_params={},
    query={},
    headers={},
    cookies={},
    security=("apiKeyAuth",),
    content_type="application/json",
    body={
        "changeSequence": 123,
        "organizationId": "1f0e9b3e-5a4c-4d8e-9c61-2b7f0c2a9d11",
        "state": "OPEN",
    },
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_create(use_async: bool) -> None:
    """Create Session

    `POST /api/sessions` sends the example request; the documented 201 reply is parsed.
    """
    server = MockServer("POST", "/api/sessions")
    server.reply(201, CREATE_201)
    result = server.run(_call_create, _acall_create, use_async)
    check_request(server.only_call(), CREATE_REQUEST)
    expect(result, CREATE_201_PARSED)


@sync_and_async
def test_create_200(use_async: bool) -> None:
    """Create Session

    `POST /api/sessions` sends the example request; the documented 200 reply is parsed.
    """
    server = MockServer("POST", "/api/sessions")
    server.reply(200, CREATE_200)
    result = server.run(_call_create, _acall_create, use_async)
    check_request(server.only_call(), CREATE_REQUEST)
    expect(result, CREATE_200_PARSED)


CREATE_WITH_ADDITIONS: Any = {**CREATE_201, "added_later": "kept"}
"""The documented 201 reply with what the API may add later (not in the document)."""


@sync_and_async
def test_create_accepts_additions(use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    server = MockServer("POST", "/api/sessions")
    server.reply(201, CREATE_WITH_ADDITIONS, documented=False)
    result = server.run(_call_create, _acall_create, use_async)
    assert isinstance(result, models.Session), (
        "expected models.Session, got " + type(result).__name__
    )
    assert result.model_extra is not None
    assert result.model_extra["added_later"] == "kept"


@sync_and_async
def test_create_400_bad_request_error(use_async: bool) -> None:
    """A documented 400 reply to `POST /api/sessions` raises `BadRequestError` with the parsed body."""
    server = MockServer("POST", "/api/sessions")
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
    """A documented 401 reply to `POST /api/sessions` raises `AuthenticationError` with the parsed body."""
    server = MockServer("POST", "/api/sessions")
    server.reply(401, CREATE_401)
    with pytest.raises(AuthenticationError) as raised:
        server.run(_call_create, _acall_create, use_async)
    check_request(server.only_call(), CREATE_REQUEST)
    assert type(raised.value) is AuthenticationError
    assert raised.value.status_code == 401
    body = raised.value.body
    expect(body, CREATE_401_PARSED, "body")


@sync_and_async
def test_create_403_permission_denied_error(use_async: bool) -> None:
    """A documented 403 reply to `POST /api/sessions` raises `PermissionDeniedError` with the parsed body."""
    server = MockServer("POST", "/api/sessions")
    server.reply(403, CREATE_403)
    with pytest.raises(PermissionDeniedError) as raised:
        server.run(_call_create, _acall_create, use_async)
    check_request(server.only_call(), CREATE_REQUEST)
    assert type(raised.value) is PermissionDeniedError
    assert raised.value.status_code == 403
    body = raised.value.body
    expect(body, CREATE_403_PARSED, "body")


# ---------------------------------------------------------------- get: GET /api/sessions/{id}

GET_200: Any = CREATE_201
"""The documented 200 reply."""

GET_200_PARSED: Any = CREATE_201_PARSED
"""What the client must make of it."""

GET_400: Any = {"errors": {"id": "must be a UUID"}}
"""The documented 400 reply."""

GET_401: Any = CREATE_401
"""The documented 401 reply."""

GET_401_PARSED: Any = CREATE_401_PARSED
"""What the client must make of it (the error's body)."""

GET_403: Any = CREATE_403
"""The documented 403 reply."""

GET_403_PARSED: Any = CREATE_403_PARSED
"""What the client must make of it (the error's body)."""


def _call_get(client: Client) -> models.Session:
    """`sessions.get` with the document's example arguments."""
    return client.sessions.get(
        "9b2f6c1e-3d4a-4f5b-8c7d-1e2f3a4b5c6d",
    )


async def _acall_get(client: AsyncClient) -> models.Session:
    """The same call with the async client."""
    return await client.sessions.get(
        "9b2f6c1e-3d4a-4f5b-8c7d-1e2f3a4b5c6d",
    )


GET_REQUEST = Sent(
    "GET",
    "/api/sessions/{id}",
    path_params={"id": "9b2f6c1e-3d4a-4f5b-8c7d-1e2f3a4b5c6d"},
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
    """Get Session by ID

    `GET /api/sessions/{id}` sends the example request; the documented 200 reply is parsed.
    """
    server = MockServer("GET", "/api/sessions/{id}")
    server.reply(200, GET_200)
    result = server.run(_call_get, _acall_get, use_async)
    check_request(server.only_call(), GET_REQUEST)
    expect(result, GET_200_PARSED)


GET_WITH_ADDITIONS: Any = {**GET_200, "added_later": "kept"}
"""The documented 200 reply with what the API may add later (not in the document)."""


@sync_and_async
def test_get_accepts_additions(use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    server = MockServer("GET", "/api/sessions/{id}")
    server.reply(200, GET_WITH_ADDITIONS, documented=False)
    result = server.run(_call_get, _acall_get, use_async)
    assert isinstance(result, models.Session), (
        "expected models.Session, got " + type(result).__name__
    )
    assert result.model_extra is not None
    assert result.model_extra["added_later"] == "kept"


@sync_and_async
def test_get_400_bad_request_error(use_async: bool) -> None:
    """A documented 400 reply to `GET /api/sessions/{id}` raises `BadRequestError` with the parsed body."""
    server = MockServer("GET", "/api/sessions/{id}")
    server.reply(400, GET_400)
    with pytest.raises(BadRequestError) as raised:
        server.run(_call_get, _acall_get, use_async)
    check_request(server.only_call(), GET_REQUEST)
    assert type(raised.value) is BadRequestError
    assert raised.value.status_code == 400
    body = raised.value.body
    expect(body, Model(models.ErrorResponse, errors={"id": "must be a UUID"}), "body")


@sync_and_async
def test_get_401_authentication_error(use_async: bool) -> None:
    """A documented 401 reply to `GET /api/sessions/{id}` raises `AuthenticationError` with the parsed body."""
    server = MockServer("GET", "/api/sessions/{id}")
    server.reply(401, GET_401)
    with pytest.raises(AuthenticationError) as raised:
        server.run(_call_get, _acall_get, use_async)
    check_request(server.only_call(), GET_REQUEST)
    assert type(raised.value) is AuthenticationError
    assert raised.value.status_code == 401
    body = raised.value.body
    expect(body, GET_401_PARSED, "body")


@sync_and_async
def test_get_403_permission_denied_error(use_async: bool) -> None:
    """A documented 403 reply to `GET /api/sessions/{id}` raises `PermissionDeniedError` with the parsed body."""
    server = MockServer("GET", "/api/sessions/{id}")
    server.reply(403, GET_403)
    with pytest.raises(PermissionDeniedError) as raised:
        server.run(_call_get, _acall_get, use_async)
    check_request(server.only_call(), GET_REQUEST)
    assert type(raised.value) is PermissionDeniedError
    assert raised.value.status_code == 403
    body = raised.value.body
    expect(body, GET_403_PARSED, "body")


# ---------------------------------------------------------------- update: PUT /api/sessions/{id}

UPDATE_200: Any = CREATE_201
"""The documented 200 reply."""

UPDATE_200_PARSED: Any = CREATE_201_PARSED
"""What the client must make of it."""

UPDATE_400: Any = {"errors": {"state": "must not be blank"}}
"""The documented 400 reply."""

UPDATE_400_PARSED: Any = Model(models.ErrorResponse, errors={"state": "must not be blank"})
"""What the client must make of it (the error's body)."""

UPDATE_401: Any = CREATE_401
"""The documented 401 reply."""

UPDATE_401_PARSED: Any = CREATE_401_PARSED
"""What the client must make of it (the error's body)."""

UPDATE_403: Any = CREATE_403
"""The documented 403 reply."""

UPDATE_403_PARSED: Any = CREATE_403_PARSED
"""What the client must make of it (the error's body)."""


def _call_update(client: Client) -> models.Session:
    """`sessions.update` with the document's example arguments."""
    return client.sessions.update(
        "9b2f6c1e-3d4a-4f5b-8c7d-1e2f3a4b5c6d",
        change_sequence=123,
        organization_id="1f0e9b3e-5a4c-4d8e-9c61-2b7f0c2a9d11",
        state="CLOSED",
        token="3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c",
    )


async def _acall_update(client: AsyncClient) -> models.Session:
    """The same call with the async client."""
    return await client.sessions.update(
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
    query={},
    headers={},
    cookies={},
    security=("apiKeyAuth",),
    content_type="application/json",
    body={
        "changeSequence": 123,
        "organizationId": "1f0e9b3e-5a4c-4d8e-9c61-2b7f0c2a9d11",
        "state": "CLOSED",
        "token": "3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c",
    },
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_update(use_async: bool) -> None:
    """Update Session

    `PUT /api/sessions/{id}` sends the example request; the documented 200 reply is parsed.
    """
    server = MockServer("PUT", "/api/sessions/{id}")
    server.reply(200, UPDATE_200)
    result = server.run(_call_update, _acall_update, use_async)
    check_request(server.only_call(), UPDATE_REQUEST)
    expect(result, UPDATE_200_PARSED)


UPDATE_WITH_ADDITIONS: Any = {**UPDATE_200, "added_later": "kept"}
"""The documented 200 reply with what the API may add later (not in the document)."""


@sync_and_async
def test_update_accepts_additions(use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    server = MockServer("PUT", "/api/sessions/{id}")
    server.reply(200, UPDATE_WITH_ADDITIONS, documented=False)
    result = server.run(_call_update, _acall_update, use_async)
    assert isinstance(result, models.Session), (
        "expected models.Session, got " + type(result).__name__
    )
    assert result.model_extra is not None
    assert result.model_extra["added_later"] == "kept"


@sync_and_async
def test_update_400_bad_request_error(use_async: bool) -> None:
    """A documented 400 reply to `PUT /api/sessions/{id}` raises `BadRequestError` with the parsed body."""
    server = MockServer("PUT", "/api/sessions/{id}")
    server.reply(400, UPDATE_400)
    with pytest.raises(BadRequestError) as raised:
        server.run(_call_update, _acall_update, use_async)
    check_request(server.only_call(), UPDATE_REQUEST)
    assert type(raised.value) is BadRequestError
    assert raised.value.status_code == 400
    body = raised.value.body
    expect(body, UPDATE_400_PARSED, "body")


@sync_and_async
def test_update_401_authentication_error(use_async: bool) -> None:
    """A documented 401 reply to `PUT /api/sessions/{id}` raises `AuthenticationError` with the parsed body."""
    server = MockServer("PUT", "/api/sessions/{id}")
    server.reply(401, UPDATE_401)
    with pytest.raises(AuthenticationError) as raised:
        server.run(_call_update, _acall_update, use_async)
    check_request(server.only_call(), UPDATE_REQUEST)
    assert type(raised.value) is AuthenticationError
    assert raised.value.status_code == 401
    body = raised.value.body
    expect(body, UPDATE_401_PARSED, "body")


@sync_and_async
def test_update_403_permission_denied_error(use_async: bool) -> None:
    """A documented 403 reply to `PUT /api/sessions/{id}` raises `PermissionDeniedError` with the parsed body."""
    server = MockServer("PUT", "/api/sessions/{id}")
    server.reply(403, UPDATE_403)
    with pytest.raises(PermissionDeniedError) as raised:
        server.run(_call_update, _acall_update, use_async)
    check_request(server.only_call(), UPDATE_REQUEST)
    assert type(raised.value) is PermissionDeniedError
    assert raised.value.status_code == 403
    body = raised.value.body
    expect(body, UPDATE_403_PARSED, "body")


EXAMPLE_CALLS: dict[
    str, tuple[Callable[[Client], object], Callable[[AsyncClient], Awaitable[object]]]
] = {
    "POST /api/sessions": (_call_create, _acall_create),
    "GET /api/sessions/{id}": (_call_get, _acall_get),
    "PUT /api/sessions/{id}": (_call_update, _acall_update),
}
"""Every operation's example call by `"METHOD /path"` (the Prism integration tier runs them over real HTTP)."""
