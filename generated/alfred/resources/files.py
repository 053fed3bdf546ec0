"""Files uploaded into a deferred session."""

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

__all__ = ["Files", "AsyncFiles"]


_UPLOAD: Endpoint[models.FileUploaded] = Endpoint(
    method="POST",
    path="/api/file/uploadfile",
    operation_id="uploadFile",
    security=(("apiKeyAuth",), ("bearerAuth",), ("amxAuth",)),
    responses={
        "200": ResponseSpec("json", models.FileUploaded),
    },
    errors={
        "400": models.Error,
        "401": models.Error,
        "404": models.Error,
    },
)


class Files:
    """Files uploaded into a deferred session."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> FilesWithRawResponse:
        """Each method returning a `RawResponse`: the parsed value with its `httpx.Response`."""
        return FilesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> FilesWithStreamingResponse:
        """Each method returning a context manager that sends the request on entry and hands back
        the reply unread (`iter_bytes`, `iter_text`, `iter_lines`, `write_to_file`, `parse`)."""
        return FilesWithStreamingResponse(self)

    def upload(
        self,
        *,
        file: FileInput,
        session_id: str,
        metadata: str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.FileUploaded:
        """Upload a file into a Deferred Session

        Uploads one file as multipart form data into the Deferred Session given by `session_id`, optionally with metadata (a JSON string). Returns the new file's id.

        Unverified: Documented only in the SDKs (field names `file`, `session_id`, `metadata` and the `{file_id}` answer); the success status code 200 and which fields are required are assumed.

        `POST /api/file/uploadfile`

        Args:
            file: The file content.
            session_id: The Deferred Session to add the file to.
            metadata: Metadata for the file, as a JSON-encoded string.

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.Error`. Invalid upload, e.g. no file or a malformed `metadata` JSON string.
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid credentials.
            NotFoundError: on 404, with `body` parsed as `models.Error`. The Deferred Session does not exist.
        """
        return self._client.call(
            _UPLOAD,
            body=MultipartBody(
                fields=given(
                    {
                        "session_id": session_id,
                        "metadata": metadata,
                    }
                ),
                files=given_files(
                    {
                        "file": file,
                    }
                ),
            ),
            options=RequestOptions(**call_options),
        )


class FilesWithRawResponse:
    """Like `Files`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, resource: Files) -> None:
        self.upload = to_raw(resource.upload)


class FilesWithStreamingResponse:
    """Like `Files`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, resource: Files) -> None:
        self.upload = to_streamed(resource.upload)


class AsyncFiles:
    """Files uploaded into a deferred session."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncFilesWithRawResponse:
        """Each method returning a `RawResponse`: the parsed value with its `httpx.Response`."""
        return AsyncFilesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncFilesWithStreamingResponse:
        """Each method returning a context manager that sends the request on entry and hands back
        the reply unread (`iter_bytes`, `iter_text`, `iter_lines`, `write_to_file`, `parse`)."""
        return AsyncFilesWithStreamingResponse(self)

    async def upload(
        self,
        *,
        file: FileInput,
        session_id: str,
        metadata: str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.FileUploaded:
        """Upload a file into a Deferred Session

        Uploads one file as multipart form data into the Deferred Session given by `session_id`, optionally with metadata (a JSON string). Returns the new file's id.

        Unverified: Documented only in the SDKs (field names `file`, `session_id`, `metadata` and the `{file_id}` answer); the success status code 200 and which fields are required are assumed.

        `POST /api/file/uploadfile`

        Args:
            file: The file content.
            session_id: The Deferred Session to add the file to.
            metadata: Metadata for the file, as a JSON-encoded string.

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.Error`. Invalid upload, e.g. no file or a malformed `metadata` JSON string.
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid credentials.
            NotFoundError: on 404, with `body` parsed as `models.Error`. The Deferred Session does not exist.
        """
        return await self._client.call(
            _UPLOAD,
            body=MultipartBody(
                fields=given(
                    {
                        "session_id": session_id,
                        "metadata": metadata,
                    }
                ),
                files=given_files(
                    {
                        "file": file,
                    }
                ),
            ),
            options=RequestOptions(**call_options),
        )


class AsyncFilesWithRawResponse:
    """Like `AsyncFiles`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, resource: AsyncFiles) -> None:
        self.upload = to_raw_async(resource.upload)


class AsyncFilesWithStreamingResponse:
    """Like `AsyncFiles`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, resource: AsyncFiles) -> None:
        self.upload = to_streamed_async(resource.upload)
