"""Processing Jobs created from a deferred session."""

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

__all__ = ["Jobs", "AsyncJobs"]


_CREATE: Endpoint[models.JobCreated] = Endpoint(
    method="POST",
    path="/api/job/create",
    operation_id="createJob",
    security=(("apiKeyAuth",), ("bearerAuth",), ("amxAuth",)),
    responses={
        "200": ResponseSpec("json", models.JobCreated),
    },
    errors={
        "400": models.Error,
        "401": models.Error,
        "404": models.Error,
    },
)

_GET: Endpoint[models.JobDetail] = Endpoint(
    method="GET",
    path="/api/job/detail/{id}",
    operation_id="getJob",
    security=(("apiKeyAuth",), ("bearerAuth",), ("amxAuth",)),
    responses={
        "200": ResponseSpec("json", models.JobDetail),
    },
    errors={
        "401": models.Error,
        "404": models.Error,
    },
)


class Jobs:
    """Processing Jobs created from a deferred session."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> JobsWithRawResponse:
        """Each method returning a `RawResponse`: the parsed value with its `httpx.Response`."""
        return JobsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> JobsWithStreamingResponse:
        """Each method returning a context manager that sends the request on entry and hands back
        the reply unread (`iter_bytes`, `iter_text`, `iter_lines`, `write_to_file`, `parse`)."""
        return JobsWithStreamingResponse(self)

    @overload
    def create(
        self,
        *,
        body: models.JobCreateRequest,
        session_id: str | NotGiven = NOT_GIVEN,
        propagate_metadata: bool | None | NotGiven = NOT_GIVEN,
        merge: bool | None | NotGiven = NOT_GIVEN,
        decompose: bool | None | NotGiven = NOT_GIVEN,
        metadata: builtins.dict[str, Any] | None | NotGiven = NOT_GIVEN,
        channel: str | None | NotGiven = NOT_GIVEN,
        parent_file_prefix: str | None | NotGiven = NOT_GIVEN,
        page_rotation: int | None | NotGiven = NOT_GIVEN,
        container: str | None | NotGiven = NOT_GIVEN,
        file_name: str | None | NotGiven = NOT_GIVEN,
        file_names: SequenceNotStr[str] | None | NotGiven = NOT_GIVEN,
        priority: Literal["low", "normal", "high"] | str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.JobCreated: ...

    @overload
    def create(
        self,
        *,
        session_id: str,
        propagate_metadata: bool | None | NotGiven = NOT_GIVEN,
        merge: bool | None | NotGiven = NOT_GIVEN,
        decompose: bool | None | NotGiven = NOT_GIVEN,
        metadata: builtins.dict[str, Any] | None | NotGiven = NOT_GIVEN,
        channel: str | None | NotGiven = NOT_GIVEN,
        parent_file_prefix: str | None | NotGiven = NOT_GIVEN,
        page_rotation: int | None | NotGiven = NOT_GIVEN,
        container: str | None | NotGiven = NOT_GIVEN,
        file_name: str | None | NotGiven = NOT_GIVEN,
        file_names: SequenceNotStr[str] | None | NotGiven = NOT_GIVEN,
        priority: Literal["low", "normal", "high"] | str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.JobCreated: ...

    def create(
        self,
        *,
        body: models.JobCreateRequest | NotGiven = NOT_GIVEN,
        session_id: str | NotGiven = NOT_GIVEN,
        propagate_metadata: bool | None | NotGiven = NOT_GIVEN,
        merge: bool | None | NotGiven = NOT_GIVEN,
        decompose: bool | None | NotGiven = NOT_GIVEN,
        metadata: builtins.dict[str, Any] | None | NotGiven = NOT_GIVEN,
        channel: str | None | NotGiven = NOT_GIVEN,
        parent_file_prefix: str | None | NotGiven = NOT_GIVEN,
        page_rotation: int | None | NotGiven = NOT_GIVEN,
        container: str | None | NotGiven = NOT_GIVEN,
        file_name: str | None | NotGiven = NOT_GIVEN,
        file_names: SequenceNotStr[str] | None | NotGiven = NOT_GIVEN,
        priority: Literal["low", "normal", "high"] | str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.JobCreated:
        """Create a Job from a Deferred Session

        Creates a processing Job from the files of a Deferred Session. Creating the Job closes the Deferred Session. Only `session_id` is required. Returns the new job's id.

        Unverified: Documented only in the SDKs (field names and the `{job_id}` answer); the JSON request encoding and the success status code 200 are assumed.

        `POST /api/job/create`

        Args:
            body: the whole request body as a model; keyword arguments below override its fields
            session_id: The Deferred Session whose files make up the Job. Creating the Job closes the session.
            propagate_metadata: Whether the job's metadata is propagated to its files.
            merge: Whether the session's files are merged into one document.
            decompose: Whether multi-page files are decomposed into separate documents.
            metadata: Metadata attached to the Job.
            channel: The channel the job came from.
            parent_file_prefix: Prefix for the names of parent files.
            page_rotation: Page rotation to apply, in degrees.
            container: Storage container holding the files.
            file_name: Name of the file.
            file_names: Names of the files.
            priority: Job priority.

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.Error`. Invalid request, e.g. a missing `session_id` or a session that is already closed.
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid credentials.
            NotFoundError: on 404, with `body` parsed as `models.Error`. The Deferred Session does not exist.
        """
        return self._client.call(
            _CREATE,
            body=JsonBody(
                merge_body(
                    body,
                    {
                        "session_id": session_id,
                        "propagate_metadata": propagate_metadata,
                        "merge": merge,
                        "decompose": decompose,
                        "metadata": metadata,
                        "channel": channel,
                        "parent_file_prefix": parent_file_prefix,
                        "page_rotation": page_rotation,
                        "container": container,
                        "file_name": file_name,
                        "file_names": file_names,
                        "priority": priority,
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
    ) -> models.JobDetail:
        """Retrieve details of a specific Job

        Returns the details of the Job with the given id. Only the path is documented; the response is a free-form object of which a few plausible fields are named.

        `GET /api/job/detail/{id}`

        Args:
            id: Job ID Unverified: The parameter's type is not documented; a UUID like the other Alfred ids is assumed.

        Raises:
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid credentials.
            NotFoundError: on 404, with `body` parsed as `models.Error`. The Job does not exist.
        """
        return self._client.call(
            _GET,
            path_params=(Param("id", id),),
            options=RequestOptions(**call_options),
        )


class JobsWithRawResponse:
    """Like `Jobs`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, resource: Jobs) -> None:
        self.create = to_raw(resource.create)
        self.get = to_raw(resource.get)


class JobsWithStreamingResponse:
    """Like `Jobs`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, resource: Jobs) -> None:
        self.create = to_streamed(resource.create)
        self.get = to_streamed(resource.get)


class AsyncJobs:
    """Processing Jobs created from a deferred session."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncJobsWithRawResponse:
        """Each method returning a `RawResponse`: the parsed value with its `httpx.Response`."""
        return AsyncJobsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncJobsWithStreamingResponse:
        """Each method returning a context manager that sends the request on entry and hands back
        the reply unread (`iter_bytes`, `iter_text`, `iter_lines`, `write_to_file`, `parse`)."""
        return AsyncJobsWithStreamingResponse(self)

    @overload
    async def create(
        self,
        *,
        body: models.JobCreateRequest,
        session_id: str | NotGiven = NOT_GIVEN,
        propagate_metadata: bool | None | NotGiven = NOT_GIVEN,
        merge: bool | None | NotGiven = NOT_GIVEN,
        decompose: bool | None | NotGiven = NOT_GIVEN,
        metadata: builtins.dict[str, Any] | None | NotGiven = NOT_GIVEN,
        channel: str | None | NotGiven = NOT_GIVEN,
        parent_file_prefix: str | None | NotGiven = NOT_GIVEN,
        page_rotation: int | None | NotGiven = NOT_GIVEN,
        container: str | None | NotGiven = NOT_GIVEN,
        file_name: str | None | NotGiven = NOT_GIVEN,
        file_names: SequenceNotStr[str] | None | NotGiven = NOT_GIVEN,
        priority: Literal["low", "normal", "high"] | str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.JobCreated: ...

    @overload
    async def create(
        self,
        *,
        session_id: str,
        propagate_metadata: bool | None | NotGiven = NOT_GIVEN,
        merge: bool | None | NotGiven = NOT_GIVEN,
        decompose: bool | None | NotGiven = NOT_GIVEN,
        metadata: builtins.dict[str, Any] | None | NotGiven = NOT_GIVEN,
        channel: str | None | NotGiven = NOT_GIVEN,
        parent_file_prefix: str | None | NotGiven = NOT_GIVEN,
        page_rotation: int | None | NotGiven = NOT_GIVEN,
        container: str | None | NotGiven = NOT_GIVEN,
        file_name: str | None | NotGiven = NOT_GIVEN,
        file_names: SequenceNotStr[str] | None | NotGiven = NOT_GIVEN,
        priority: Literal["low", "normal", "high"] | str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.JobCreated: ...

    async def create(
        self,
        *,
        body: models.JobCreateRequest | NotGiven = NOT_GIVEN,
        session_id: str | NotGiven = NOT_GIVEN,
        propagate_metadata: bool | None | NotGiven = NOT_GIVEN,
        merge: bool | None | NotGiven = NOT_GIVEN,
        decompose: bool | None | NotGiven = NOT_GIVEN,
        metadata: builtins.dict[str, Any] | None | NotGiven = NOT_GIVEN,
        channel: str | None | NotGiven = NOT_GIVEN,
        parent_file_prefix: str | None | NotGiven = NOT_GIVEN,
        page_rotation: int | None | NotGiven = NOT_GIVEN,
        container: str | None | NotGiven = NOT_GIVEN,
        file_name: str | None | NotGiven = NOT_GIVEN,
        file_names: SequenceNotStr[str] | None | NotGiven = NOT_GIVEN,
        priority: Literal["low", "normal", "high"] | str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.JobCreated:
        """Create a Job from a Deferred Session

        Creates a processing Job from the files of a Deferred Session. Creating the Job closes the Deferred Session. Only `session_id` is required. Returns the new job's id.

        Unverified: Documented only in the SDKs (field names and the `{job_id}` answer); the JSON request encoding and the success status code 200 are assumed.

        `POST /api/job/create`

        Args:
            body: the whole request body as a model; keyword arguments below override its fields
            session_id: The Deferred Session whose files make up the Job. Creating the Job closes the session.
            propagate_metadata: Whether the job's metadata is propagated to its files.
            merge: Whether the session's files are merged into one document.
            decompose: Whether multi-page files are decomposed into separate documents.
            metadata: Metadata attached to the Job.
            channel: The channel the job came from.
            parent_file_prefix: Prefix for the names of parent files.
            page_rotation: Page rotation to apply, in degrees.
            container: Storage container holding the files.
            file_name: Name of the file.
            file_names: Names of the files.
            priority: Job priority.

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.Error`. Invalid request, e.g. a missing `session_id` or a session that is already closed.
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid credentials.
            NotFoundError: on 404, with `body` parsed as `models.Error`. The Deferred Session does not exist.
        """
        return await self._client.call(
            _CREATE,
            body=JsonBody(
                merge_body(
                    body,
                    {
                        "session_id": session_id,
                        "propagate_metadata": propagate_metadata,
                        "merge": merge,
                        "decompose": decompose,
                        "metadata": metadata,
                        "channel": channel,
                        "parent_file_prefix": parent_file_prefix,
                        "page_rotation": page_rotation,
                        "container": container,
                        "file_name": file_name,
                        "file_names": file_names,
                        "priority": priority,
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
    ) -> models.JobDetail:
        """Retrieve details of a specific Job

        Returns the details of the Job with the given id. Only the path is documented; the response is a free-form object of which a few plausible fields are named.

        `GET /api/job/detail/{id}`

        Args:
            id: Job ID Unverified: The parameter's type is not documented; a UUID like the other Alfred ids is assumed.

        Raises:
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid credentials.
            NotFoundError: on 404, with `body` parsed as `models.Error`. The Job does not exist.
        """
        return await self._client.call(
            _GET,
            path_params=(Param("id", id),),
            options=RequestOptions(**call_options),
        )


class AsyncJobsWithRawResponse:
    """Like `AsyncJobs`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, resource: AsyncJobs) -> None:
        self.create = to_raw_async(resource.create)
        self.get = to_raw_async(resource.get)


class AsyncJobsWithStreamingResponse:
    """Like `AsyncJobs`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, resource: AsyncJobs) -> None:
        self.create = to_streamed_async(resource.create)
        self.get = to_streamed_async(resource.get)
