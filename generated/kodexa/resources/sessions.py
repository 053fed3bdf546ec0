"""Processing sessions for document operations."""

from __future__ import annotations

import builtins
import datetime
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any, Literal, Unpack, cast, overload

from .. import models
from .._bodies import BinaryBody, FormBody, JsonBody, MultipartBody, TextBody
from .._async_client import AsyncAPIClient
from .._client_base import CallOptions, Endpoint, RawResponse, RequestOptions, ResponseSpec
from .._sync_client import SyncAPIClient
from .._compose import given, given_files, merge_body
from .._deprecation import deprecated, warn_deprecated, warn_deprecated_arguments
from .._pagination import (
    AsyncPager,
    CursorPaging,
    LinkPaging,
    NextUrlPaging,
    OffsetPaging,
    PageNumberPaging,
    SyncPager,
)
from .._params import Param
from .._types import NOT_GIVEN, FileContent, FileInput, NotGiven, SequenceNotStr, TimeoutTypes
from .._views import (
    to_page,
    to_page_async,
    to_pager,
    to_pager_async,
    to_raw,
    to_raw_async,
    to_streamed,
    to_streamed_async,
)

__all__ = ["Sessions", "AsyncSessions"]


_CREATE: Endpoint[models.Session] = Endpoint(
    method="POST",
    path="/api/sessions",
    operation_id="createSession",
    security=(("apiKeyAuth",),),
    responses={
        "201": ResponseSpec("json", models.Session),
        "200": ResponseSpec("json", models.Session),
    },
    errors={
        "400": models.ErrorResponse,
        "401": models.ErrorResponse,
        "403": models.ErrorResponse,
    },
)

_GET: Endpoint[models.Session] = Endpoint(
    method="GET",
    path="/api/sessions/{id}",
    operation_id="getSession",
    security=(("apiKeyAuth",),),
    responses={
        "200": ResponseSpec("json", models.Session),
    },
    errors={
        "400": models.ErrorResponse,
        "401": models.ErrorResponse,
        "403": models.ErrorResponse,
    },
)

_UPDATE: Endpoint[models.Session] = Endpoint(
    method="PUT",
    path="/api/sessions/{id}",
    operation_id="updateSession",
    security=(("apiKeyAuth",),),
    responses={
        "200": ResponseSpec("json", models.Session),
    },
    errors={
        "400": models.ErrorResponse,
        "401": models.ErrorResponse,
        "403": models.ErrorResponse,
    },
)


class Sessions:
    """Processing sessions for document operations."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> SessionsWithRawResponse:
        """Each method returning a `RawResponse`: the parsed value with its `httpx.Response`."""
        return SessionsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> SessionsWithStreamingResponse:
        """Each method returning a context manager that sends the request on entry and hands back
        the reply unread (`iter_bytes`, `iter_text`, `iter_lines`, `write_to_file`, `parse`)."""
        return SessionsWithStreamingResponse(self)

    def create(
        self,
        *,
        body: models.Session | NotGiven = NOT_GIVEN,
        change_sequence: int | None | NotGiven = NOT_GIVEN,
        organization: models.Organization | None | NotGiven = NOT_GIVEN,
        organization_id: str | None | NotGiven = NOT_GIVEN,
        state: str | None | NotGiven = NOT_GIVEN,
        token: str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.Session:
        """Create Session

        Creates a new Session. Sessions represent processing sessions for document operations.

        Unverified: The seed names the success response "Created Session" without its status code; the API introduction lists both 200 and 201, so both are declared with the same body.

        `POST /api/sessions`

        Args:
            body: the whole request body as a model; keyword arguments below override its fields
            change_sequence: Optimistic locking version number. Send back the value you last read when updating.
            organization: The organization a session belongs to. The seeds give the field names and types but no field descriptions ("Show child attributes"); the descriptions below are read from the field names.
            organization_id: Identifier of the organization the session belongs to.
            state: State of the session. The allowed values are not documented, so any string is accepted (the official SDK has an unused `OPEN`/`CLOSED` enum next to its Session model).
            token: Session token.

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.ErrorResponse`. Bad request, e.g. a field failed validation.
            AuthenticationError: on 401, with `body` parsed as `models.ErrorResponse`. Missing or invalid API key.
            PermissionDeniedError: on 403, with `body` parsed as `models.ErrorResponse`. Forbidden; the API key is not allowed to perform this operation.
        """
        return self._client.call(
            _CREATE,
            body=JsonBody(
                merge_body(
                    body,
                    {
                        "changeSequence": change_sequence,
                        "organization": organization,
                        "organizationId": organization_id,
                        "state": state,
                        "token": token,
                    },
                ),
                content_type="application/json",
            ),
            options=RequestOptions(**call_options),
        )

    def get(
        self,
        id: str,
        **call_options: Unpack[CallOptions],
    ) -> models.Session:
        """Get Session by ID

        Returns the Session with the given id.

        `GET /api/sessions/{id}`

        Args:
            id: Unique identifier (UUID) of the resource.

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.ErrorResponse`. Bad request, e.g. a malformed id.
            AuthenticationError: on 401, with `body` parsed as `models.ErrorResponse`. Missing or invalid API key.
            PermissionDeniedError: on 403, with `body` parsed as `models.ErrorResponse`. Forbidden; the API key is not allowed to read this session.
        """
        return self._client.call(
            _GET,
            path_params=(Param("id", id),),
            options=RequestOptions(**call_options),
        )

    def update(
        self,
        id: str,
        *,
        body: models.Session | NotGiven = NOT_GIVEN,
        change_sequence: int | None | NotGiven = NOT_GIVEN,
        organization: models.Organization | None | NotGiven = NOT_GIVEN,
        organization_id: str | None | NotGiven = NOT_GIVEN,
        state: str | None | NotGiven = NOT_GIVEN,
        token: str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.Session:
        """Update Session

        Updates the Session with the given id. Send back the `changeSequence` you last read: it is the optimistic-locking version number, and an update carries the version the client last saw.

        `PUT /api/sessions/{id}`

        Args:
            id: Unique identifier (UUID) of the resource.
            body: the whole request body as a model; keyword arguments below override its fields
            change_sequence: Optimistic locking version number. Send back the value you last read when updating.
            organization: The organization a session belongs to. The seeds give the field names and types but no field descriptions ("Show child attributes"); the descriptions below are read from the field names.
            organization_id: Identifier of the organization the session belongs to.
            state: State of the session. The allowed values are not documented, so any string is accepted (the official SDK has an unused `OPEN`/`CLOSED` enum next to its Session model).
            token: Session token.

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.ErrorResponse`. Bad request, e.g. a field failed validation.
            AuthenticationError: on 401, with `body` parsed as `models.ErrorResponse`. Missing or invalid API key.
            PermissionDeniedError: on 403, with `body` parsed as `models.ErrorResponse`. Forbidden; the API key is not allowed to update this session.
        """
        return self._client.call(
            _UPDATE,
            path_params=(Param("id", id),),
            body=JsonBody(
                merge_body(
                    body,
                    {
                        "changeSequence": change_sequence,
                        "organization": organization,
                        "organizationId": organization_id,
                        "state": state,
                        "token": token,
                    },
                ),
                content_type="application/json",
            ),
            options=RequestOptions(**call_options),
        )


class SessionsWithRawResponse:
    """Like `Sessions`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, resource: Sessions) -> None:
        self.create = to_raw(resource.create)
        self.get = to_raw(resource.get)
        self.update = to_raw(resource.update)


class SessionsWithStreamingResponse:
    """Like `Sessions`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, resource: Sessions) -> None:
        self.create = to_streamed(resource.create)
        self.get = to_streamed(resource.get)
        self.update = to_streamed(resource.update)


class AsyncSessions:
    """Processing sessions for document operations."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncSessionsWithRawResponse:
        """Each method returning a `RawResponse`: the parsed value with its `httpx.Response`."""
        return AsyncSessionsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncSessionsWithStreamingResponse:
        """Each method returning a context manager that sends the request on entry and hands back
        the reply unread (`iter_bytes`, `iter_text`, `iter_lines`, `write_to_file`, `parse`)."""
        return AsyncSessionsWithStreamingResponse(self)

    async def create(
        self,
        *,
        body: models.Session | NotGiven = NOT_GIVEN,
        change_sequence: int | None | NotGiven = NOT_GIVEN,
        organization: models.Organization | None | NotGiven = NOT_GIVEN,
        organization_id: str | None | NotGiven = NOT_GIVEN,
        state: str | None | NotGiven = NOT_GIVEN,
        token: str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.Session:
        """Create Session

        Creates a new Session. Sessions represent processing sessions for document operations.

        Unverified: The seed names the success response "Created Session" without its status code; the API introduction lists both 200 and 201, so both are declared with the same body.

        `POST /api/sessions`

        Args:
            body: the whole request body as a model; keyword arguments below override its fields
            change_sequence: Optimistic locking version number. Send back the value you last read when updating.
            organization: The organization a session belongs to. The seeds give the field names and types but no field descriptions ("Show child attributes"); the descriptions below are read from the field names.
            organization_id: Identifier of the organization the session belongs to.
            state: State of the session. The allowed values are not documented, so any string is accepted (the official SDK has an unused `OPEN`/`CLOSED` enum next to its Session model).
            token: Session token.

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.ErrorResponse`. Bad request, e.g. a field failed validation.
            AuthenticationError: on 401, with `body` parsed as `models.ErrorResponse`. Missing or invalid API key.
            PermissionDeniedError: on 403, with `body` parsed as `models.ErrorResponse`. Forbidden; the API key is not allowed to perform this operation.
        """
        return await self._client.call(
            _CREATE,
            body=JsonBody(
                merge_body(
                    body,
                    {
                        "changeSequence": change_sequence,
                        "organization": organization,
                        "organizationId": organization_id,
                        "state": state,
                        "token": token,
                    },
                ),
                content_type="application/json",
            ),
            options=RequestOptions(**call_options),
        )

    async def get(
        self,
        id: str,
        **call_options: Unpack[CallOptions],
    ) -> models.Session:
        """Get Session by ID

        Returns the Session with the given id.

        `GET /api/sessions/{id}`

        Args:
            id: Unique identifier (UUID) of the resource.

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.ErrorResponse`. Bad request, e.g. a malformed id.
            AuthenticationError: on 401, with `body` parsed as `models.ErrorResponse`. Missing or invalid API key.
            PermissionDeniedError: on 403, with `body` parsed as `models.ErrorResponse`. Forbidden; the API key is not allowed to read this session.
        """
        return await self._client.call(
            _GET,
            path_params=(Param("id", id),),
            options=RequestOptions(**call_options),
        )

    async def update(
        self,
        id: str,
        *,
        body: models.Session | NotGiven = NOT_GIVEN,
        change_sequence: int | None | NotGiven = NOT_GIVEN,
        organization: models.Organization | None | NotGiven = NOT_GIVEN,
        organization_id: str | None | NotGiven = NOT_GIVEN,
        state: str | None | NotGiven = NOT_GIVEN,
        token: str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.Session:
        """Update Session

        Updates the Session with the given id. Send back the `changeSequence` you last read: it is the optimistic-locking version number, and an update carries the version the client last saw.

        `PUT /api/sessions/{id}`

        Args:
            id: Unique identifier (UUID) of the resource.
            body: the whole request body as a model; keyword arguments below override its fields
            change_sequence: Optimistic locking version number. Send back the value you last read when updating.
            organization: The organization a session belongs to. The seeds give the field names and types but no field descriptions ("Show child attributes"); the descriptions below are read from the field names.
            organization_id: Identifier of the organization the session belongs to.
            state: State of the session. The allowed values are not documented, so any string is accepted (the official SDK has an unused `OPEN`/`CLOSED` enum next to its Session model).
            token: Session token.

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.ErrorResponse`. Bad request, e.g. a field failed validation.
            AuthenticationError: on 401, with `body` parsed as `models.ErrorResponse`. Missing or invalid API key.
            PermissionDeniedError: on 403, with `body` parsed as `models.ErrorResponse`. Forbidden; the API key is not allowed to update this session.
        """
        return await self._client.call(
            _UPDATE,
            path_params=(Param("id", id),),
            body=JsonBody(
                merge_body(
                    body,
                    {
                        "changeSequence": change_sequence,
                        "organization": organization,
                        "organizationId": organization_id,
                        "state": state,
                        "token": token,
                    },
                ),
                content_type="application/json",
            ),
            options=RequestOptions(**call_options),
        )


class AsyncSessionsWithRawResponse:
    """Like `AsyncSessions`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, resource: AsyncSessions) -> None:
        self.create = to_raw_async(resource.create)
        self.get = to_raw_async(resource.get)
        self.update = to_raw_async(resource.update)


class AsyncSessionsWithStreamingResponse:
    """Like `AsyncSessions`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, resource: AsyncSessions) -> None:
        self.create = to_streamed_async(resource.create)
        self.get = to_streamed_async(resource.get)
        self.update = to_streamed_async(resource.update)
