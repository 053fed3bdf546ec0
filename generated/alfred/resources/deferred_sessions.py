"""Deferred Sessions group files uploaded asynchronously, at different times or from various sources, for a future Job. Creating a Job from the session closes it."""

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

__all__ = ["DeferredSessions", "AsyncDeferredSessions"]


_CREATE: Endpoint[models.DeferredSessionCreated] = Endpoint(
    method="POST",
    path="/api/deferred/create",
    operation_id="createDeferredSession",
    security=(("apiKeyAuth",), ("bearerAuth",), ("amxAuth",)),
    responses={
        "200": ResponseSpec("json", models.DeferredSessionCreated),
    },
    errors={
        "401": models.Error,
    },
)

_GET: Endpoint[models.DeferredSession] = Endpoint(
    method="GET",
    path="/api/deferred/detail/{id}",
    operation_id="getDeferredSession",
    security=(("apiKeyAuth",), ("bearerAuth",), ("amxAuth",)),
    responses={
        "200": ResponseSpec("json", models.DeferredSession),
    },
    errors={
        "401": models.Error,
        "404": models.Error,
    },
)


class DeferredSessions:
    """Deferred Sessions group files uploaded asynchronously, at different times or from various sources, for a future Job. Creating a Job from the session closes it."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> DeferredSessionsWithRawResponse:
        """Each method returning a `RawResponse`: the parsed value with its `httpx.Response`."""
        return DeferredSessionsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> DeferredSessionsWithStreamingResponse:
        """Each method returning a context manager that sends the request on entry and hands back
        the reply unread (`iter_bytes`, `iter_text`, `iter_lines`, `write_to_file`, `parse`)."""
        return DeferredSessionsWithStreamingResponse(self)

    def create(
        self,
        **call_options: Unpack[CallOptions],
    ) -> models.DeferredSessionCreated:
        """Create a new Deferred Session.

        This endpoint initiates a new Deferred Session in Alfred. It is used when there's a need to start uploading files asynchronously and at different times for a future Job. The endpoint provides a session ID, which is used to group the uploaded files together until the associated Job is created.

        Unverified: The success status code is not shown in the documentation; 200 is assumed.

        `POST /api/deferred/create`

        Raises:
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid credentials.
        """
        return self._client.call(
            _CREATE,
            options=RequestOptions(**call_options),
        )

    def get(
        self,
        id: str,
        **call_options: Unpack[CallOptions],
    ) -> models.DeferredSession:
        """Retrieve details of a specific Deferred Session.

        This endpoint provides detailed information about a Deferred Session, identified by its unique id. It's used to fetch information such as the list of files in the session, the status of each file upload, and other relevant metadata.

        `GET /api/deferred/detail/{id}`

        Args:
            id: Deferred Session ID

        Raises:
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid credentials.
            NotFoundError: on 404, with `body` parsed as `models.Error`. The Deferred Session does not exist.
        """
        return self._client.call(
            _GET,
            path_params=(Param("id", id),),
            options=RequestOptions(**call_options),
        )


class DeferredSessionsWithRawResponse:
    """Like `DeferredSessions`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, resource: DeferredSessions) -> None:
        self.create = to_raw(resource.create)
        self.get = to_raw(resource.get)


class DeferredSessionsWithStreamingResponse:
    """Like `DeferredSessions`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, resource: DeferredSessions) -> None:
        self.create = to_streamed(resource.create)
        self.get = to_streamed(resource.get)


class AsyncDeferredSessions:
    """Deferred Sessions group files uploaded asynchronously, at different times or from various sources, for a future Job. Creating a Job from the session closes it."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncDeferredSessionsWithRawResponse:
        """Each method returning a `RawResponse`: the parsed value with its `httpx.Response`."""
        return AsyncDeferredSessionsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncDeferredSessionsWithStreamingResponse:
        """Each method returning a context manager that sends the request on entry and hands back
        the reply unread (`iter_bytes`, `iter_text`, `iter_lines`, `write_to_file`, `parse`)."""
        return AsyncDeferredSessionsWithStreamingResponse(self)

    async def create(
        self,
        **call_options: Unpack[CallOptions],
    ) -> models.DeferredSessionCreated:
        """Create a new Deferred Session.

        This endpoint initiates a new Deferred Session in Alfred. It is used when there's a need to start uploading files asynchronously and at different times for a future Job. The endpoint provides a session ID, which is used to group the uploaded files together until the associated Job is created.

        Unverified: The success status code is not shown in the documentation; 200 is assumed.

        `POST /api/deferred/create`

        Raises:
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid credentials.
        """
        return await self._client.call(
            _CREATE,
            options=RequestOptions(**call_options),
        )

    async def get(
        self,
        id: str,
        **call_options: Unpack[CallOptions],
    ) -> models.DeferredSession:
        """Retrieve details of a specific Deferred Session.

        This endpoint provides detailed information about a Deferred Session, identified by its unique id. It's used to fetch information such as the list of files in the session, the status of each file upload, and other relevant metadata.

        `GET /api/deferred/detail/{id}`

        Args:
            id: Deferred Session ID

        Raises:
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid credentials.
            NotFoundError: on 404, with `body` parsed as `models.Error`. The Deferred Session does not exist.
        """
        return await self._client.call(
            _GET,
            path_params=(Param("id", id),),
            options=RequestOptions(**call_options),
        )


class AsyncDeferredSessionsWithRawResponse:
    """Like `AsyncDeferredSessions`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, resource: AsyncDeferredSessions) -> None:
        self.create = to_raw_async(resource.create)
        self.get = to_raw_async(resource.get)


class AsyncDeferredSessionsWithStreamingResponse:
    """Like `AsyncDeferredSessions`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, resource: AsyncDeferredSessions) -> None:
        self.create = to_streamed_async(resource.create)
        self.get = to_streamed_async(resource.get)
