"""Deferred Sessions group files uploaded asynchronously, at different times or from various sources, for a future Job. Creating a Job from the session closes it."""

from __future__ import annotations

import builtins
import datetime
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any, Literal, cast, overload

from .. import models
from .._bodies import BinaryBody, FormBody, JsonBody, MultipartBody, TextBody
from .._async_client import AsyncAPIClient
from .._client_base import Endpoint, RawResponse, RequestOptions, ResponseSpec
from .._sync_client import SyncAPIClient
from .._response import AsyncStreamedResponseManager, StreamedResponseManager
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

__all__ = ["DeferredSessions", "AsyncDeferredSessions"]


_CREATE = Endpoint(
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
    idempotency_header=None,
)

_GET = Endpoint(
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
    idempotency_header=None,
)


class DeferredSessionsWithRawResponse:
    """Like `DeferredSessions`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def create(
        self,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> RawResponse[models.DeferredSessionCreated]:
        """Create a new Deferred Session.

        This endpoint initiates a new Deferred Session in Alfred. It is used when there's a need to start uploading files asynchronously and at different times for a future Job. The endpoint provides a session ID, which is used to group the uploaded files together until the associated Job is created.

        Unverified: The success status code is not shown in the documentation; 200 is assumed.

        `POST /api/deferred/create`

        Raises:
            APIStatusError: on 401 with `body` parsed as `models.Error`. Missing or invalid credentials.
        """
        return self._client.request(
            _CREATE,
            options=RequestOptions(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )

    def get(
        self,
        id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> RawResponse[models.DeferredSession]:
        """Retrieve details of a specific Deferred Session.

        This endpoint provides detailed information about a Deferred Session, identified by its unique id. It's used to fetch information such as the list of files in the session, the status of each file upload, and other relevant metadata.

        `GET /api/deferred/detail/{id}`

        Args:
            id: Deferred Session ID

        Raises:
            APIStatusError: on 401 with `body` parsed as `models.Error`. Missing or invalid credentials.
            APIStatusError: on 404 with `body` parsed as `models.Error`. The Deferred Session does not exist.
        """
        return self._client.request(
            _GET,
            path_params=(Param("id", id, "simple", False),),
            options=RequestOptions(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )


class DeferredSessionsWithStreamingResponse:
    """Like `DeferredSessions`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def create(
        self,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> StreamedResponseManager[models.DeferredSessionCreated]:
        """Create a new Deferred Session.

        This endpoint initiates a new Deferred Session in Alfred. It is used when there's a need to start uploading files asynchronously and at different times for a future Job. The endpoint provides a session ID, which is used to group the uploaded files together until the associated Job is created.

        Unverified: The success status code is not shown in the documentation; 200 is assumed.

        `POST /api/deferred/create`

        Raises:
            APIStatusError: on 401 with `body` parsed as `models.Error`. Missing or invalid credentials.
        """
        return StreamedResponseManager(
            lambda: self._client.request_streamed(
                _CREATE,
                options=RequestOptions(
                    timeout=timeout,
                    max_retries=max_retries,
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                ),
            )
        )

    def get(
        self,
        id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> StreamedResponseManager[models.DeferredSession]:
        """Retrieve details of a specific Deferred Session.

        This endpoint provides detailed information about a Deferred Session, identified by its unique id. It's used to fetch information such as the list of files in the session, the status of each file upload, and other relevant metadata.

        `GET /api/deferred/detail/{id}`

        Args:
            id: Deferred Session ID

        Raises:
            APIStatusError: on 401 with `body` parsed as `models.Error`. Missing or invalid credentials.
            APIStatusError: on 404 with `body` parsed as `models.Error`. The Deferred Session does not exist.
        """
        return StreamedResponseManager(
            lambda: self._client.request_streamed(
                _GET,
                path_params=(Param("id", id, "simple", False),),
                options=RequestOptions(
                    timeout=timeout,
                    max_retries=max_retries,
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                ),
            )
        )


class DeferredSessions:
    """Deferred Sessions group files uploaded asynchronously, at different times or from various sources, for a future Job. Creating a Job from the session closes it."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client
        self.with_raw_response = DeferredSessionsWithRawResponse(client)
        self.with_streaming_response = DeferredSessionsWithStreamingResponse(client)

    def create(
        self,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> models.DeferredSessionCreated:
        """Create a new Deferred Session.

        This endpoint initiates a new Deferred Session in Alfred. It is used when there's a need to start uploading files asynchronously and at different times for a future Job. The endpoint provides a session ID, which is used to group the uploaded files together until the associated Job is created.

        Unverified: The success status code is not shown in the documentation; 200 is assumed.

        `POST /api/deferred/create`

        Raises:
            APIStatusError: on 401 with `body` parsed as `models.Error`. Missing or invalid credentials.
        """
        return (
            self.with_raw_response.create(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            )
        ).parsed

    def get(
        self,
        id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> models.DeferredSession:
        """Retrieve details of a specific Deferred Session.

        This endpoint provides detailed information about a Deferred Session, identified by its unique id. It's used to fetch information such as the list of files in the session, the status of each file upload, and other relevant metadata.

        `GET /api/deferred/detail/{id}`

        Args:
            id: Deferred Session ID

        Raises:
            APIStatusError: on 401 with `body` parsed as `models.Error`. Missing or invalid credentials.
            APIStatusError: on 404 with `body` parsed as `models.Error`. The Deferred Session does not exist.
        """
        return (
            self.with_raw_response.get(
                id,
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            )
        ).parsed


class AsyncDeferredSessionsWithRawResponse:
    """Like `AsyncDeferredSessions`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def create(
        self,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> RawResponse[models.DeferredSessionCreated]:
        """Create a new Deferred Session.

        This endpoint initiates a new Deferred Session in Alfred. It is used when there's a need to start uploading files asynchronously and at different times for a future Job. The endpoint provides a session ID, which is used to group the uploaded files together until the associated Job is created.

        Unverified: The success status code is not shown in the documentation; 200 is assumed.

        `POST /api/deferred/create`

        Raises:
            APIStatusError: on 401 with `body` parsed as `models.Error`. Missing or invalid credentials.
        """
        return await self._client.request(
            _CREATE,
            options=RequestOptions(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )

    async def get(
        self,
        id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> RawResponse[models.DeferredSession]:
        """Retrieve details of a specific Deferred Session.

        This endpoint provides detailed information about a Deferred Session, identified by its unique id. It's used to fetch information such as the list of files in the session, the status of each file upload, and other relevant metadata.

        `GET /api/deferred/detail/{id}`

        Args:
            id: Deferred Session ID

        Raises:
            APIStatusError: on 401 with `body` parsed as `models.Error`. Missing or invalid credentials.
            APIStatusError: on 404 with `body` parsed as `models.Error`. The Deferred Session does not exist.
        """
        return await self._client.request(
            _GET,
            path_params=(Param("id", id, "simple", False),),
            options=RequestOptions(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )


class AsyncDeferredSessionsWithStreamingResponse:
    """Like `AsyncDeferredSessions`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    def create(
        self,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> AsyncStreamedResponseManager[models.DeferredSessionCreated]:
        """Create a new Deferred Session.

        This endpoint initiates a new Deferred Session in Alfred. It is used when there's a need to start uploading files asynchronously and at different times for a future Job. The endpoint provides a session ID, which is used to group the uploaded files together until the associated Job is created.

        Unverified: The success status code is not shown in the documentation; 200 is assumed.

        `POST /api/deferred/create`

        Raises:
            APIStatusError: on 401 with `body` parsed as `models.Error`. Missing or invalid credentials.
        """
        return AsyncStreamedResponseManager(
            lambda: self._client.request_streamed(
                _CREATE,
                options=RequestOptions(
                    timeout=timeout,
                    max_retries=max_retries,
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                ),
            )
        )

    def get(
        self,
        id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> AsyncStreamedResponseManager[models.DeferredSession]:
        """Retrieve details of a specific Deferred Session.

        This endpoint provides detailed information about a Deferred Session, identified by its unique id. It's used to fetch information such as the list of files in the session, the status of each file upload, and other relevant metadata.

        `GET /api/deferred/detail/{id}`

        Args:
            id: Deferred Session ID

        Raises:
            APIStatusError: on 401 with `body` parsed as `models.Error`. Missing or invalid credentials.
            APIStatusError: on 404 with `body` parsed as `models.Error`. The Deferred Session does not exist.
        """
        return AsyncStreamedResponseManager(
            lambda: self._client.request_streamed(
                _GET,
                path_params=(Param("id", id, "simple", False),),
                options=RequestOptions(
                    timeout=timeout,
                    max_retries=max_retries,
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                ),
            )
        )


class AsyncDeferredSessions:
    """Deferred Sessions group files uploaded asynchronously, at different times or from various sources, for a future Job. Creating a Job from the session closes it."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
        self.with_raw_response = AsyncDeferredSessionsWithRawResponse(client)
        self.with_streaming_response = AsyncDeferredSessionsWithStreamingResponse(client)

    async def create(
        self,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> models.DeferredSessionCreated:
        """Create a new Deferred Session.

        This endpoint initiates a new Deferred Session in Alfred. It is used when there's a need to start uploading files asynchronously and at different times for a future Job. The endpoint provides a session ID, which is used to group the uploaded files together until the associated Job is created.

        Unverified: The success status code is not shown in the documentation; 200 is assumed.

        `POST /api/deferred/create`

        Raises:
            APIStatusError: on 401 with `body` parsed as `models.Error`. Missing or invalid credentials.
        """
        return (
            await self.with_raw_response.create(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            )
        ).parsed

    async def get(
        self,
        id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> models.DeferredSession:
        """Retrieve details of a specific Deferred Session.

        This endpoint provides detailed information about a Deferred Session, identified by its unique id. It's used to fetch information such as the list of files in the session, the status of each file upload, and other relevant metadata.

        `GET /api/deferred/detail/{id}`

        Args:
            id: Deferred Session ID

        Raises:
            APIStatusError: on 401 with `body` parsed as `models.Error`. Missing or invalid credentials.
            APIStatusError: on 404 with `body` parsed as `models.Error`. The Deferred Session does not exist.
        """
        return (
            await self.with_raw_response.get(
                id,
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            )
        ).parsed
