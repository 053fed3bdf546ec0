"""Contract tests of `client.envelopes`, generated from the OpenAPI document.

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
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    UnprocessableEntityError,
)
from .._models import to_wire
from ._contract import MockServer, sync_and_async
from ._expect import Equal, Items, Model, Sent, Wire, check_request, expect

# ---------------------------------------------------------------- get_acl: GET /envelope/acl

GET_ACL_200: Any = {
    "entries": [
        {
            "client_id": "dw_client_4f7a2c",
            "sub_id": "user-8c41e2",
            "permissions": ["read", "write"],
        },
        {"client_id": "dw_client_91b0de", "sub_id": "partner-portal", "permissions": ["read"]},
    ]
}
"""The documented 200 reply."""

GET_ACL_200_PARSED: Any = Model(
    models.EnvelopeAcl,
    entries=[
        Model(
            models.AclEntry,
            client_id="dw_client_4f7a2c",
            sub_id="user-8c41e2",
            permissions=["read", "write"],
        ),
        Model(
            models.AclEntry,
            client_id="dw_client_91b0de",
            sub_id="partner-portal",
            permissions=["read"],
        ),
    ],
)
"""What the client must make of it."""

GET_ACL_403: Any = {"error": "forbidden", "message": "Envelope access denied."}
"""The documented 403 reply."""

GET_ACL_403_PARSED: Any = Model(models.Error, error="forbidden", message="Envelope access denied.")
"""What the client must make of it (the error's body)."""

GET_ACL_412: Any = {
    "error": "no_envelope",
    "message": "The session is not attached to an envelope.",
}
"""The documented 412 reply."""

GET_ACL_412_PARSED: Any = Model(
    models.Error, error="no_envelope", message="The session is not attached to an envelope."
)
"""What the client must make of it (the error's body)."""


def _call_get_acl(client: Client) -> models.EnvelopeAcl:
    """`envelopes.get_acl` with the document's example arguments."""
    return client.envelopes.get_acl(
        origin="https://app.example.com",
        session_key="6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2",
        session_id="ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA",
    )


async def _acall_get_acl(client: AsyncClient) -> models.EnvelopeAcl:
    """The same call with the async client."""
    return await client.envelopes.get_acl(
        origin="https://app.example.com",
        session_key="6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2",
        session_id="ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA",
    )


GET_ACL_REQUEST = Sent(
    "GET",
    "/envelope/acl",
    path_params={},
    query={"session_id": "ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA"},
    headers={"Origin": "https://app.example.com"},
    cookies={"session_key": "6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2"},
    security=("oauth2",),
    content_type=None,
    body=None,
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_get_acl(use_async: bool) -> None:
    """Get the envelope's access-control list

    `GET /envelope/acl` sends the example request; the documented 200 reply is parsed.
    """
    server = MockServer("GET", "/envelope/acl")
    server.reply(200, GET_ACL_200)
    result = server.run(_call_get_acl, _acall_get_acl, use_async)
    check_request(server.only_call(), GET_ACL_REQUEST)
    expect(result, GET_ACL_200_PARSED)


GET_ACL_WITH_ADDITIONS: Any = {**GET_ACL_200, "added_later": "kept"}
"""The documented 200 reply with what the API may add later (not in the document)."""


@sync_and_async
def test_get_acl_accepts_additions(use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    server = MockServer("GET", "/envelope/acl")
    server.reply(200, GET_ACL_WITH_ADDITIONS, documented=False)
    result = server.run(_call_get_acl, _acall_get_acl, use_async)
    assert isinstance(result, models.EnvelopeAcl), (
        "expected models.EnvelopeAcl, got " + type(result).__name__
    )
    assert result.model_extra is not None
    assert result.model_extra["added_later"] == "kept"


@sync_and_async
def test_get_acl_403_permission_denied_error(use_async: bool) -> None:
    """A documented 403 reply to `GET /envelope/acl` raises `PermissionDeniedError` with the parsed body."""
    server = MockServer("GET", "/envelope/acl")
    server.reply(403, GET_ACL_403)
    with pytest.raises(PermissionDeniedError) as raised:
        server.run(_call_get_acl, _acall_get_acl, use_async)
    check_request(server.only_call(), GET_ACL_REQUEST)
    assert type(raised.value) is PermissionDeniedError
    assert raised.value.status_code == 403
    body = raised.value.body
    expect(body, GET_ACL_403_PARSED, "body")


@sync_and_async
def test_get_acl_412_precondition_failed_error(use_async: bool) -> None:
    """A documented 412 reply to `GET /envelope/acl` raises `PreconditionFailedError` with the parsed body."""
    server = MockServer("GET", "/envelope/acl")
    server.reply(412, GET_ACL_412)
    with pytest.raises(PreconditionFailedError) as raised:
        server.run(_call_get_acl, _acall_get_acl, use_async)
    check_request(server.only_call(), GET_ACL_REQUEST)
    assert type(raised.value) is PreconditionFailedError
    assert raised.value.status_code == 412
    body = raised.value.body
    expect(body, GET_ACL_412_PARSED, "body")


# ---------------------------------------------------------------- add_acl_entry: POST /envelope/acl

ADD_ACL_ENTRY_200: Any = GET_ACL_200
"""The documented 200 reply."""

ADD_ACL_ENTRY_200_PARSED: Any = GET_ACL_200_PARSED
"""What the client must make of it."""

ADD_ACL_ENTRY_403: Any = GET_ACL_403
"""The documented 403 reply."""

ADD_ACL_ENTRY_403_PARSED: Any = GET_ACL_403_PARSED
"""What the client must make of it (the error's body)."""

ADD_ACL_ENTRY_404: Any = {"error": "not_found", "message": "Client dw_client_91b0de was not found."}
"""The documented 404 reply."""

ADD_ACL_ENTRY_404_PARSED: Any = Model(
    models.Error, error="not_found", message="Client dw_client_91b0de was not found."
)
"""What the client must make of it (the error's body)."""

ADD_ACL_ENTRY_409: Any = {
    "error": "conflict",
    "message": "The access-control list was modified concurrently; retry.",
}
"""The documented 409 reply."""

ADD_ACL_ENTRY_409_PARSED: Any = Model(
    models.Error,
    error="conflict",
    message="The access-control list was modified concurrently; retry.",
)
"""What the client must make of it (the error's body)."""

ADD_ACL_ENTRY_412: Any = GET_ACL_412
"""The documented 412 reply."""

ADD_ACL_ENTRY_412_PARSED: Any = GET_ACL_412_PARSED
"""What the client must make of it (the error's body)."""

ADD_ACL_ENTRY_422: Any = {"error": "invalid_entry", "message": "Unknown permission: admin."}
"""The documented 422 reply."""

ADD_ACL_ENTRY_422_PARSED: Any = Model(
    models.Error, error="invalid_entry", message="Unknown permission: admin."
)
"""What the client must make of it (the error's body)."""


def _call_add_acl_entry(client: Client) -> models.EnvelopeAcl:
    """`envelopes.add_acl_entry` with the document's example arguments."""
    return client.envelopes.add_acl_entry(
        origin="https://app.example.com",
        session_key="6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2",
        session_id="ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA",
        client_id="dw_client_91b0de",
        sub_id="partner-portal",
        permissions=["read"],
    )


async def _acall_add_acl_entry(client: AsyncClient) -> models.EnvelopeAcl:
    """The same call with the async client."""
    return await client.envelopes.add_acl_entry(
        origin="https://app.example.com",
        session_key="6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2",
        session_id="ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA",
        client_id="dw_client_91b0de",
        sub_id="partner-portal",
        permissions=["read"],
    )


ADD_ACL_ENTRY_REQUEST = Sent(
    "POST",
    "/envelope/acl",
    path_params={},
    query={"session_id": "ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA"},
    headers={"Origin": "https://app.example.com"},
    cookies={"session_key": "6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2"},
    security=("oauth2",),
    content_type="application/json",
    body={"client_id": "dw_client_91b0de", "sub_id": "partner-portal", "permissions": ["read"]},
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_add_acl_entry(use_async: bool) -> None:
    """Grant access to the envelope

    `POST /envelope/acl` sends the example request; the documented 200 reply is parsed.
    """
    server = MockServer("POST", "/envelope/acl")
    server.reply(200, ADD_ACL_ENTRY_200)
    result = server.run(_call_add_acl_entry, _acall_add_acl_entry, use_async)
    check_request(server.only_call(), ADD_ACL_ENTRY_REQUEST)
    expect(result, ADD_ACL_ENTRY_200_PARSED)


ADD_ACL_ENTRY_WITH_ADDITIONS: Any = {**ADD_ACL_ENTRY_200, "added_later": "kept"}
"""The documented 200 reply with what the API may add later (not in the document)."""


@sync_and_async
def test_add_acl_entry_accepts_additions(use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    server = MockServer("POST", "/envelope/acl")
    server.reply(200, ADD_ACL_ENTRY_WITH_ADDITIONS, documented=False)
    result = server.run(_call_add_acl_entry, _acall_add_acl_entry, use_async)
    assert isinstance(result, models.EnvelopeAcl), (
        "expected models.EnvelopeAcl, got " + type(result).__name__
    )
    assert result.model_extra is not None
    assert result.model_extra["added_later"] == "kept"


@sync_and_async
def test_add_acl_entry_403_permission_denied_error(use_async: bool) -> None:
    """A documented 403 reply to `POST /envelope/acl` raises `PermissionDeniedError` with the parsed body."""
    server = MockServer("POST", "/envelope/acl")
    server.reply(403, ADD_ACL_ENTRY_403)
    with pytest.raises(PermissionDeniedError) as raised:
        server.run(_call_add_acl_entry, _acall_add_acl_entry, use_async)
    check_request(server.only_call(), ADD_ACL_ENTRY_REQUEST)
    assert type(raised.value) is PermissionDeniedError
    assert raised.value.status_code == 403
    body = raised.value.body
    expect(body, ADD_ACL_ENTRY_403_PARSED, "body")


@sync_and_async
def test_add_acl_entry_404_not_found_error(use_async: bool) -> None:
    """A documented 404 reply to `POST /envelope/acl` raises `NotFoundError` with the parsed body."""
    server = MockServer("POST", "/envelope/acl")
    server.reply(404, ADD_ACL_ENTRY_404)
    with pytest.raises(NotFoundError) as raised:
        server.run(_call_add_acl_entry, _acall_add_acl_entry, use_async)
    check_request(server.only_call(), ADD_ACL_ENTRY_REQUEST)
    assert type(raised.value) is NotFoundError
    assert raised.value.status_code == 404
    body = raised.value.body
    expect(body, ADD_ACL_ENTRY_404_PARSED, "body")


@sync_and_async
def test_add_acl_entry_409_conflict_error(use_async: bool) -> None:
    """A documented 409 reply to `POST /envelope/acl` raises `ConflictError` with the parsed body."""
    server = MockServer("POST", "/envelope/acl")
    server.reply(409, ADD_ACL_ENTRY_409)
    with pytest.raises(ConflictError) as raised:
        server.run(_call_add_acl_entry, _acall_add_acl_entry, use_async)
    check_request(server.only_call(), ADD_ACL_ENTRY_REQUEST)
    assert type(raised.value) is ConflictError
    assert raised.value.status_code == 409
    body = raised.value.body
    expect(body, ADD_ACL_ENTRY_409_PARSED, "body")


@sync_and_async
def test_add_acl_entry_412_precondition_failed_error(use_async: bool) -> None:
    """A documented 412 reply to `POST /envelope/acl` raises `PreconditionFailedError` with the parsed body."""
    server = MockServer("POST", "/envelope/acl")
    server.reply(412, ADD_ACL_ENTRY_412)
    with pytest.raises(PreconditionFailedError) as raised:
        server.run(_call_add_acl_entry, _acall_add_acl_entry, use_async)
    check_request(server.only_call(), ADD_ACL_ENTRY_REQUEST)
    assert type(raised.value) is PreconditionFailedError
    assert raised.value.status_code == 412
    body = raised.value.body
    expect(body, ADD_ACL_ENTRY_412_PARSED, "body")


@sync_and_async
def test_add_acl_entry_422_unprocessable_entity_error(use_async: bool) -> None:
    """A documented 422 reply to `POST /envelope/acl` raises `UnprocessableEntityError` with the parsed body."""
    server = MockServer("POST", "/envelope/acl")
    server.reply(422, ADD_ACL_ENTRY_422)
    with pytest.raises(UnprocessableEntityError) as raised:
        server.run(_call_add_acl_entry, _acall_add_acl_entry, use_async)
    check_request(server.only_call(), ADD_ACL_ENTRY_REQUEST)
    assert type(raised.value) is UnprocessableEntityError
    assert raised.value.status_code == 422
    body = raised.value.body
    expect(body, ADD_ACL_ENTRY_422_PARSED, "body")


# ---------------------------------------------------------------- remove_acl_entry: DELETE /envelope/acl/{clientId}/{subId}

REMOVE_ACL_ENTRY_403: Any = GET_ACL_403
"""The documented 403 reply."""

REMOVE_ACL_ENTRY_403_PARSED: Any = GET_ACL_403_PARSED
"""What the client must make of it (the error's body)."""

REMOVE_ACL_ENTRY_404: Any = ADD_ACL_ENTRY_404
"""The documented 404 reply."""

REMOVE_ACL_ENTRY_404_PARSED: Any = ADD_ACL_ENTRY_404_PARSED
"""What the client must make of it (the error's body)."""

REMOVE_ACL_ENTRY_409: Any = ADD_ACL_ENTRY_409
"""The documented 409 reply."""

REMOVE_ACL_ENTRY_409_PARSED: Any = ADD_ACL_ENTRY_409_PARSED
"""What the client must make of it (the error's body)."""

REMOVE_ACL_ENTRY_412: Any = GET_ACL_412
"""The documented 412 reply."""

REMOVE_ACL_ENTRY_412_PARSED: Any = GET_ACL_412_PARSED
"""What the client must make of it (the error's body)."""


def _call_remove_acl_entry(client: Client) -> None:
    """`envelopes.remove_acl_entry` with the document's example arguments."""
    client.envelopes.remove_acl_entry(
        "dw_client_91b0de",
        "partner-portal",
        origin="https://app.example.com",
        session_key="6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2",
        session_id="ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA",
    )


async def _acall_remove_acl_entry(client: AsyncClient) -> None:
    """The same call with the async client."""
    await client.envelopes.remove_acl_entry(
        "dw_client_91b0de",
        "partner-portal",
        origin="https://app.example.com",
        session_key="6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2",
        session_id="ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA",
    )


REMOVE_ACL_ENTRY_REQUEST = Sent(
    "DELETE",
    "/envelope/acl/{clientId}/{subId}",
    path_params={"clientId": "dw_client_91b0de", "subId": "partner-portal"},
    query={"session_id": "ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA"},
    headers={"Origin": "https://app.example.com"},
    cookies={"session_key": "6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2"},
    security=("oauth2",),
    content_type=None,
    body=None,
)
"""What the example call must send (openapi-core has already checked it against the document)."""


@sync_and_async
def test_remove_acl_entry(use_async: bool) -> None:
    """Revoke access to the envelope

    `DELETE /envelope/acl/{clientId}/{subId}` sends the example request; the documented 204 reply is parsed.
    """
    server = MockServer("DELETE", "/envelope/acl/{clientId}/{subId}")
    server.reply(204)
    server.run(_call_remove_acl_entry, _acall_remove_acl_entry, use_async)
    check_request(server.only_call(), REMOVE_ACL_ENTRY_REQUEST)


@sync_and_async
def test_remove_acl_entry_403_permission_denied_error(use_async: bool) -> None:
    """A documented 403 reply to `DELETE /envelope/acl/{clientId}/{subId}` raises `PermissionDeniedError` with the parsed body."""
    server = MockServer("DELETE", "/envelope/acl/{clientId}/{subId}")
    server.reply(403, REMOVE_ACL_ENTRY_403)
    with pytest.raises(PermissionDeniedError) as raised:
        server.run(_call_remove_acl_entry, _acall_remove_acl_entry, use_async)
    check_request(server.only_call(), REMOVE_ACL_ENTRY_REQUEST)
    assert type(raised.value) is PermissionDeniedError
    assert raised.value.status_code == 403
    body = raised.value.body
    expect(body, REMOVE_ACL_ENTRY_403_PARSED, "body")


@sync_and_async
def test_remove_acl_entry_404_not_found_error(use_async: bool) -> None:
    """A documented 404 reply to `DELETE /envelope/acl/{clientId}/{subId}` raises `NotFoundError` with the parsed body."""
    server = MockServer("DELETE", "/envelope/acl/{clientId}/{subId}")
    server.reply(404, REMOVE_ACL_ENTRY_404)
    with pytest.raises(NotFoundError) as raised:
        server.run(_call_remove_acl_entry, _acall_remove_acl_entry, use_async)
    check_request(server.only_call(), REMOVE_ACL_ENTRY_REQUEST)
    assert type(raised.value) is NotFoundError
    assert raised.value.status_code == 404
    body = raised.value.body
    expect(body, REMOVE_ACL_ENTRY_404_PARSED, "body")


@sync_and_async
def test_remove_acl_entry_409_conflict_error(use_async: bool) -> None:
    """A documented 409 reply to `DELETE /envelope/acl/{clientId}/{subId}` raises `ConflictError` with the parsed body."""
    server = MockServer("DELETE", "/envelope/acl/{clientId}/{subId}")
    server.reply(409, REMOVE_ACL_ENTRY_409)
    with pytest.raises(ConflictError) as raised:
        server.run(_call_remove_acl_entry, _acall_remove_acl_entry, use_async)
    check_request(server.only_call(), REMOVE_ACL_ENTRY_REQUEST)
    assert type(raised.value) is ConflictError
    assert raised.value.status_code == 409
    body = raised.value.body
    expect(body, REMOVE_ACL_ENTRY_409_PARSED, "body")


@sync_and_async
def test_remove_acl_entry_412_precondition_failed_error(use_async: bool) -> None:
    """A documented 412 reply to `DELETE /envelope/acl/{clientId}/{subId}` raises `PreconditionFailedError` with the parsed body."""
    server = MockServer("DELETE", "/envelope/acl/{clientId}/{subId}")
    server.reply(412, REMOVE_ACL_ENTRY_412)
    with pytest.raises(PreconditionFailedError) as raised:
        server.run(_call_remove_acl_entry, _acall_remove_acl_entry, use_async)
    check_request(server.only_call(), REMOVE_ACL_ENTRY_REQUEST)
    assert type(raised.value) is PreconditionFailedError
    assert raised.value.status_code == 412
    body = raised.value.body
    expect(body, REMOVE_ACL_ENTRY_412_PARSED, "body")


EXAMPLE_CALLS: dict[
    str, tuple[Callable[[Client], object], Callable[[AsyncClient], Awaitable[object]]]
] = {
    "GET /envelope/acl": (_call_get_acl, _acall_get_acl),
    "POST /envelope/acl": (_call_add_acl_entry, _acall_add_acl_entry),
    "DELETE /envelope/acl/{clientId}/{subId}": (_call_remove_acl_entry, _acall_remove_acl_entry),
}
"""Every operation's example call by `"METHOD /path"` (the Prism integration tier runs them over real HTTP)."""
