"""Contract tests of `client.envelopes`, generated from the OpenAPI document.

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
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
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

# ---------------------------------------------------------------- get_acl: GET /envelope/acl

# fmt: off
GET_ACL_200: Any = {
    "entries": [{"client_id": "dw_client_4f7a2c", "sub_id": "user-8c41e2", "permissions": ["read", "write"]}, {"client_id": "dw_client_91b0de", "sub_id": "partner-portal", "permissions": ["read"]}],
}
# fmt: on

GET_ACL_200_PARSED: Any = Read(
    GET_ACL_200, Model(models.EnvelopeAcl, entries=[Model(models.AclEntry), Model(models.AclEntry)])
)

GET_ACL_403: Any = {"error": "forbidden", "message": "Envelope access denied."}

GET_ACL_403_PARSED: Any = Read(GET_ACL_403, Model(models.Error))

# fmt: off
GET_ACL_412: Any = {
    "error": "no_envelope",
    "message": "The session is not attached to an envelope.",
}
# fmt: on

GET_ACL_412_PARSED: Any = Read(GET_ACL_412, Model(models.Error))


def _call_get_acl(
    client: Client | AsyncClient,
) -> models.EnvelopeAcl | Awaitable[models.EnvelopeAcl]:
    return client.envelopes.get_acl(
        origin="https://app.example.com",
        session_key="6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2",
        session_id="ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA",
    )


GET_ACL_REQUEST = Sent(
    "GET",
    "/envelope/acl",
    query={"session_id": "ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA"},
    headers={"Origin": "https://app.example.com"},
    cookies={"session_key": "6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2"},
    security=("oauth2",),
)

GET_ACL_WITH_ADDITIONS: Any = {**GET_ACL_200, "added_later": "kept"}


# ---------------------------------------------------------------- add_acl_entry: POST /envelope/acl

ADD_ACL_ENTRY_200: Any = GET_ACL_200

ADD_ACL_ENTRY_200_PARSED: Any = GET_ACL_200_PARSED

ADD_ACL_ENTRY_403: Any = GET_ACL_403

ADD_ACL_ENTRY_403_PARSED: Any = Read(GET_ACL_403, Model(models.Error))

ADD_ACL_ENTRY_404: Any = {"error": "not_found", "message": "Client dw_client_91b0de was not found."}

ADD_ACL_ENTRY_404_PARSED: Any = Read(ADD_ACL_ENTRY_404, Model(models.Error))

# fmt: off
ADD_ACL_ENTRY_409: Any = {
    "error": "conflict",
    "message": "The access-control list was modified concurrently; retry.",
}
# fmt: on

ADD_ACL_ENTRY_409_PARSED: Any = Read(ADD_ACL_ENTRY_409, Model(models.Error))

ADD_ACL_ENTRY_412: Any = GET_ACL_412

ADD_ACL_ENTRY_412_PARSED: Any = Read(GET_ACL_412, Model(models.Error))

ADD_ACL_ENTRY_422: Any = {"error": "invalid_entry", "message": "Unknown permission: admin."}

ADD_ACL_ENTRY_422_PARSED: Any = Read(ADD_ACL_ENTRY_422, Model(models.Error))


def _call_add_acl_entry(
    client: Client | AsyncClient,
) -> models.EnvelopeAcl | Awaitable[models.EnvelopeAcl]:
    return client.envelopes.add_acl_entry(
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
    query={"session_id": "ses_01HF3K9Q2W7E5R8T6Y4U1I0OPA"},
    headers={"Origin": "https://app.example.com"},
    cookies={"session_key": "6QdN2vX8kP1sT4wY7zB0cF3hJ5mL9rA2"},
    security=("oauth2",),
    content_type="application/json",
    body={"client_id": "dw_client_91b0de", "sub_id": "partner-portal", "permissions": ["read"]},
)

ADD_ACL_ENTRY_WITH_ADDITIONS: Any = {**ADD_ACL_ENTRY_200, "added_later": "kept"}


# ---------------------------------------------------------------- remove_acl_entry: DELETE /envelope/acl/{clientId}/{subId}

REMOVE_ACL_ENTRY_403: Any = GET_ACL_403

REMOVE_ACL_ENTRY_403_PARSED: Any = Read(GET_ACL_403, Model(models.Error))

REMOVE_ACL_ENTRY_404: Any = ADD_ACL_ENTRY_404

REMOVE_ACL_ENTRY_404_PARSED: Any = ADD_ACL_ENTRY_404_PARSED

REMOVE_ACL_ENTRY_409: Any = ADD_ACL_ENTRY_409

REMOVE_ACL_ENTRY_409_PARSED: Any = ADD_ACL_ENTRY_409_PARSED

REMOVE_ACL_ENTRY_412: Any = GET_ACL_412

REMOVE_ACL_ENTRY_412_PARSED: Any = Read(GET_ACL_412, Model(models.Error))


def _call_remove_acl_entry(client: Client | AsyncClient) -> None | Awaitable[None]:
    return client.envelopes.remove_acl_entry(
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
)


# fmt: off
DOCUMENTED_REPLIES = [
    Case(200, GET_ACL_200, GET_ACL_200_PARSED, _call_get_acl, GET_ACL_REQUEST),
    Case(200, ADD_ACL_ENTRY_200, ADD_ACL_ENTRY_200_PARSED, _call_add_acl_entry, ADD_ACL_ENTRY_REQUEST),
    Case(204, NO_BODY, None, _call_remove_acl_entry, REMOVE_ACL_ENTRY_REQUEST),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", DOCUMENTED_REPLIES, ids=case_id)
def test_documented_reply(case: Case, use_async: bool) -> None:
    """The example call sends the request the document allows; the client parses the documented reply."""
    check_documented_reply(case, use_async)


# fmt: off
DOCUMENTED_ERRORS = [
    Case(403, GET_ACL_403, GET_ACL_403_PARSED, _call_get_acl, GET_ACL_REQUEST, PermissionDeniedError),
    Case(412, GET_ACL_412, GET_ACL_412_PARSED, _call_get_acl, GET_ACL_REQUEST, PreconditionFailedError),
    Case(403, ADD_ACL_ENTRY_403, ADD_ACL_ENTRY_403_PARSED, _call_add_acl_entry, ADD_ACL_ENTRY_REQUEST, PermissionDeniedError),
    Case(404, ADD_ACL_ENTRY_404, ADD_ACL_ENTRY_404_PARSED, _call_add_acl_entry, ADD_ACL_ENTRY_REQUEST, NotFoundError),
    Case(409, ADD_ACL_ENTRY_409, ADD_ACL_ENTRY_409_PARSED, _call_add_acl_entry, ADD_ACL_ENTRY_REQUEST, ConflictError),
    Case(412, ADD_ACL_ENTRY_412, ADD_ACL_ENTRY_412_PARSED, _call_add_acl_entry, ADD_ACL_ENTRY_REQUEST, PreconditionFailedError),
    Case(422, ADD_ACL_ENTRY_422, ADD_ACL_ENTRY_422_PARSED, _call_add_acl_entry, ADD_ACL_ENTRY_REQUEST, UnprocessableEntityError),
    Case(403, REMOVE_ACL_ENTRY_403, REMOVE_ACL_ENTRY_403_PARSED, _call_remove_acl_entry, REMOVE_ACL_ENTRY_REQUEST, PermissionDeniedError),
    Case(404, REMOVE_ACL_ENTRY_404, REMOVE_ACL_ENTRY_404_PARSED, _call_remove_acl_entry, REMOVE_ACL_ENTRY_REQUEST, NotFoundError),
    Case(409, REMOVE_ACL_ENTRY_409, REMOVE_ACL_ENTRY_409_PARSED, _call_remove_acl_entry, REMOVE_ACL_ENTRY_REQUEST, ConflictError),
    Case(412, REMOVE_ACL_ENTRY_412, REMOVE_ACL_ENTRY_412_PARSED, _call_remove_acl_entry, REMOVE_ACL_ENTRY_REQUEST, PreconditionFailedError),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", DOCUMENTED_ERRORS, ids=case_id)
def test_documented_error(case: Case, use_async: bool) -> None:
    """A documented error reply raises its typed error (`_exceptions.py`) with the parsed body."""
    check_documented_error(case, use_async)


# fmt: off
ACCEPTS_ADDITIONS = [
    Additions(200, GET_ACL_WITH_ADDITIONS, models.EnvelopeAcl, "added_later", _call_get_acl, GET_ACL_REQUEST),
    Additions(200, ADD_ACL_ENTRY_WITH_ADDITIONS, models.EnvelopeAcl, "added_later", _call_add_acl_entry, ADD_ACL_ENTRY_REQUEST),
]
# fmt: on


@sync_and_async
@pytest.mark.parametrize("case", ACCEPTS_ADDITIONS, ids=case_id)
def test_accepts_additions(case: Additions, use_async: bool) -> None:
    """A field or enum value the API adds later still parses: the field is kept in `model_extra`, the value as a string."""
    check_additions(case, use_async)


EXAMPLE_CALLS: dict[str, ExampleCall] = {
    "GET /envelope/acl": _call_get_acl,
    "POST /envelope/acl": _call_add_acl_entry,
    "DELETE /envelope/acl/{clientId}/{subId}": _call_remove_acl_entry,
}
"""Every operation's example call by `"METHOD /path"` (the Prism integration tier runs them over real HTTP)."""
