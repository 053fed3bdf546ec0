"""Workspace documents."""

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

__all__ = ["Documents", "AsyncDocuments"]


_GET: Endpoint[models.Document] = Endpoint(
    method="GET",
    path="/extractions/documents/{documentId}",
    operation_id="getDocument",
    security=(("bearerAuth",),),
    responses={
        "200": ResponseSpec("json", models.Document),
    },
    errors={
        "401": models.Error,
        "403": models.Error,
        "404": models.Error,
        "429": models.Error,
        "500": models.Error,
    },
)


class Documents:
    """Workspace documents."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> DocumentsWithRawResponse:
        """Each method returning a `RawResponse`: the parsed value with its `httpx.Response`."""
        return DocumentsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> DocumentsWithStreamingResponse:
        """Each method returning a context manager that sends the request on entry and hands back
        the reply unread (`iter_bytes`, `iter_text`, `iter_lines`, `write_to_file`, `parse`)."""
        return DocumentsWithStreamingResponse(self)

    def get(
        self,
        document_id: str,
        **call_options: Unpack[CallOptions],
    ) -> models.Document:
        """Get Document

        Returns the document with the given id.

        Unverified: Whether the document is returned bare or wrapped in `{data: ...}` is not documented; bare is assumed (like the session endpoints).

        `GET /extractions/documents/{documentId}`

        Args:
            document_id: The document's id.

        Raises:
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid personal access token.
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. The token lacks the ability this operation needs (e.g. `sessions-write`).
            NotFoundError: on 404, with `body` parsed as `models.Error`. No such session or document.
            RateLimitError: on 429, with `body` parsed as `models.Error`. Rate limit exceeded (100 requests per minute per IP address).
            InternalServerError: on 500, with `body` parsed as `models.Error`. Internal server error.
        """
        return self._client.call(
            _GET,
            path_params=(Param("documentId", document_id),),
            options=RequestOptions(**call_options),
        )


class DocumentsWithRawResponse:
    """Like `Documents`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, resource: Documents) -> None:
        self.get = to_raw(resource.get)


class DocumentsWithStreamingResponse:
    """Like `Documents`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, resource: Documents) -> None:
        self.get = to_streamed(resource.get)


class AsyncDocuments:
    """Workspace documents."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncDocumentsWithRawResponse:
        """Each method returning a `RawResponse`: the parsed value with its `httpx.Response`."""
        return AsyncDocumentsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncDocumentsWithStreamingResponse:
        """Each method returning a context manager that sends the request on entry and hands back
        the reply unread (`iter_bytes`, `iter_text`, `iter_lines`, `write_to_file`, `parse`)."""
        return AsyncDocumentsWithStreamingResponse(self)

    async def get(
        self,
        document_id: str,
        **call_options: Unpack[CallOptions],
    ) -> models.Document:
        """Get Document

        Returns the document with the given id.

        Unverified: Whether the document is returned bare or wrapped in `{data: ...}` is not documented; bare is assumed (like the session endpoints).

        `GET /extractions/documents/{documentId}`

        Args:
            document_id: The document's id.

        Raises:
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid personal access token.
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. The token lacks the ability this operation needs (e.g. `sessions-write`).
            NotFoundError: on 404, with `body` parsed as `models.Error`. No such session or document.
            RateLimitError: on 429, with `body` parsed as `models.Error`. Rate limit exceeded (100 requests per minute per IP address).
            InternalServerError: on 500, with `body` parsed as `models.Error`. Internal server error.
        """
        return await self._client.call(
            _GET,
            path_params=(Param("documentId", document_id),),
            options=RequestOptions(**call_options),
        )


class AsyncDocumentsWithRawResponse:
    """Like `AsyncDocuments`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, resource: AsyncDocuments) -> None:
        self.get = to_raw_async(resource.get)


class AsyncDocumentsWithStreamingResponse:
    """Like `AsyncDocuments`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, resource: AsyncDocuments) -> None:
        self.get = to_streamed_async(resource.get)
