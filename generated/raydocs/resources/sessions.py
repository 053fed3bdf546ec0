"""Extraction sessions and the documents attached to them."""

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
    path="/extractions/sessions",
    operation_id="createSession",
    security=(("bearerAuth",),),
    responses={
        "201": ResponseSpec("json", models.Session),
    },
    errors={
        "400": models.Error,
        "401": models.Error,
        "403": models.Error,
        "422": models.Error,
        "429": models.Error,
        "500": models.Error,
    },
)

_GET: Endpoint[models.Session] = Endpoint(
    method="GET",
    path="/extractions/sessions/{sessionId}",
    operation_id="getSession",
    security=(("bearerAuth",),),
    responses={
        "200": ResponseSpec("json", models.Session),
    },
    errors={
        "401": models.Error,
        "403": models.Error,
        "404": models.Error,
        "429": models.Error,
        "500": models.Error,
    },
)

_DELETE: Endpoint[None] = Endpoint(
    method="DELETE",
    path="/extractions/sessions/{sessionId}",
    operation_id="deleteSession",
    security=(("bearerAuth",),),
    responses={
        "204": ResponseSpec("none"),
    },
    errors={
        "401": models.Error,
        "403": models.Error,
        "404": models.Error,
        "429": models.Error,
        "500": models.Error,
    },
)

_LIST_DOCUMENTS: Endpoint[models.DocumentPage] = Endpoint(
    method="GET",
    path="/extractions/sessions/{sessionId}/documents",
    operation_id="listSessionDocuments",
    security=(("bearerAuth",),),
    responses={
        "200": ResponseSpec("json", models.DocumentPage),
    },
    errors={
        "401": models.Error,
        "403": models.Error,
        "404": models.Error,
        "422": models.Error,
        "429": models.Error,
        "500": models.Error,
    },
)

_ATTACH_DOCUMENTS: Endpoint[models.DocumentList] = Endpoint(
    method="POST",
    path="/extractions/sessions/{sessionId}/documents/attach",
    operation_id="attachSessionDocuments",
    security=(("bearerAuth",),),
    responses={
        "200": ResponseSpec("json", models.DocumentList),
    },
    errors={
        "400": models.Error,
        "401": models.Error,
        "403": models.Error,
        "404": models.Error,
        "422": models.Error,
        "429": models.Error,
        "500": models.Error,
    },
)

_UPLOAD_DOCUMENTS: Endpoint[models.DocumentList] = Endpoint(
    method="POST",
    path="/extractions/sessions/{sessionId}/documents/upload",
    operation_id="uploadSessionDocuments",
    security=(("bearerAuth",),),
    responses={
        "200": ResponseSpec("json", models.DocumentList),
        "201": ResponseSpec("json", models.DocumentList),
    },
    errors={
        "400": models.Error,
        "401": models.Error,
        "403": models.Error,
        "404": models.Error,
        "422": models.Error,
        "429": models.Error,
        "500": models.Error,
    },
)

_DETACH_DOCUMENT: Endpoint[None] = Endpoint(
    method="DELETE",
    path="/extractions/sessions/{sessionId}/documents/{documentId}",
    operation_id="detachSessionDocument",
    security=(("bearerAuth",),),
    responses={
        "204": ResponseSpec("none"),
    },
    errors={
        "401": models.Error,
        "403": models.Error,
        "404": models.Error,
        "429": models.Error,
        "500": models.Error,
    },
)


class Sessions:
    """Extraction sessions and the documents attached to them."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client
        self.iter_list_documents = to_pager(
            self.list_documents,
            SyncPager[models.Document],
            PageNumberPaging(
                param="page",
                start=1,
                items=("data",),
                current_page=("meta", "current_page"),
                last_page=("meta", "last_page"),
                total_items=("meta", "total"),
            ),
            "page",
        )
        """Every item of `list_documents`, page after page, fetched lazily as you iterate; takes the same arguments as `list_documents`.

        `for item in iter_list_documents(...)` walks every page: it asks for page `page` = 1, 2, ... in turn, and stops after the last page.
        `.pages()` yields the pages themselves (`.raw_pages()` with their HTTP responses).
        `page`, if given, is where the walk starts.
        """

    @cached_property
    def with_raw_response(self) -> SessionsWithRawResponse:
        """Each method returning a `RawResponse`: the parsed value with its `httpx.Response`."""
        return SessionsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> SessionsWithStreamingResponse:
        """Each method returning a context manager that sends the request on entry and hands back
        the reply unread (`iter_bytes`, `iter_text`, `iter_lines`, `write_to_file`, `parse`)."""
        return SessionsWithStreamingResponse(self)

    @overload
    def create(
        self,
        *,
        body: models.SessionCreateRequest,
        extraction_template_id: str | NotGiven = NOT_GIVEN,
        name: str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.Session: ...

    @overload
    def create(
        self,
        *,
        extraction_template_id: str,
        name: str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.Session: ...

    def create(
        self,
        *,
        body: models.SessionCreateRequest | NotGiven = NOT_GIVEN,
        extraction_template_id: str | NotGiven = NOT_GIVEN,
        name: str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.Session:
        """Create Extraction Session

        Creates an extraction session that runs the given extraction template over the documents that are later attached or uploaded to it.

        `POST /extractions/sessions`

        Args:
            body: the whole request body as a model; keyword arguments below override its fields
            extraction_template_id: The extraction template the session runs.
            name: A name for the session.

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.Error`. Bad request, e.g. a body that is not valid JSON.
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid personal access token.
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. The token lacks the ability this operation needs (e.g. `sessions-write`).
            UnprocessableEntityError: on 422, with `body` parsed as `models.Error`. Validation failed, e.g. a missing or unknown `extraction_template_id`.
            RateLimitError: on 429, with `body` parsed as `models.Error`. Rate limit exceeded (100 requests per minute per IP address).
            InternalServerError: on 500, with `body` parsed as `models.Error`. Internal server error.
        """
        return self._client.call(
            _CREATE,
            body=JsonBody(
                merge_body(
                    body,
                    {
                        "extraction_template_id": extraction_template_id,
                        "name": name,
                    },
                ),
                content_type="application/json",
            ),
            options=RequestOptions(**call_options),
        )

    def get(
        self,
        session_id: str,
        **call_options: Unpack[CallOptions],
    ) -> models.Session:
        """Get Extraction Session

        Returns the extraction session with the given id.

        Unverified: Whether the session is returned bare or wrapped in `{data: ...}` is not documented; bare, as providers.md lists the session's fields directly, is assumed.

        `GET /extractions/sessions/{sessionId}`

        Args:
            session_id: The extraction session's id.

        Raises:
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid personal access token.
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. The token lacks the ability this operation needs (e.g. `sessions-write`).
            NotFoundError: on 404, with `body` parsed as `models.Error`. No such session or document.
            RateLimitError: on 429, with `body` parsed as `models.Error`. Rate limit exceeded (100 requests per minute per IP address).
            InternalServerError: on 500, with `body` parsed as `models.Error`. Internal server error.
        """
        return self._client.call(
            _GET,
            path_params=(Param("sessionId", session_id),),
            options=RequestOptions(**call_options),
        )

    def delete(
        self,
        session_id: str,
        **call_options: Unpack[CallOptions],
    ) -> None:
        """Delete Extraction Session

        Deletes the extraction session. Answers 404 if it does not exist.

        `DELETE /extractions/sessions/{sessionId}`

        Args:
            session_id: The extraction session's id.

        Raises:
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid personal access token.
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. The token lacks the ability this operation needs (e.g. `sessions-write`).
            NotFoundError: on 404, with `body` parsed as `models.Error`. No such session or document.
            RateLimitError: on 429, with `body` parsed as `models.Error`. Rate limit exceeded (100 requests per minute per IP address).
            InternalServerError: on 500, with `body` parsed as `models.Error`. Internal server error.
        """
        return self._client.call(
            _DELETE,
            path_params=(Param("sessionId", session_id),),
            options=RequestOptions(**call_options),
        )

    def list_documents(
        self,
        session_id: str,
        *,
        page: int | NotGiven = NOT_GIVEN,
        per_page: int | NotGiven = NOT_GIVEN,
        sort: str | NotGiven = NOT_GIVEN,
        order: Literal["asc", "desc"] | str | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.DocumentPage:
        """List Session Documents

        Lists the documents attached to the extraction session, one page at a time.

        `GET /extractions/sessions/{sessionId}/documents`

        Args:
            session_id: The extraction session's id.
            page: Page number, starting at 1.
            per_page: Number of documents per page (at most 100).
            sort: Field to sort by. Unverified: The sortable field names are not documented (e.g. `created_at`).
            order: Sort direction.

        Raises:
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid personal access token.
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. The token lacks the ability this operation needs (e.g. `sessions-write`).
            NotFoundError: on 404, with `body` parsed as `models.Error`. No such session or document.
            UnprocessableEntityError: on 422, with `body` parsed as `models.Error`. Invalid query parameters, e.g. `per_page` above 100.
            RateLimitError: on 429, with `body` parsed as `models.Error`. Rate limit exceeded (100 requests per minute per IP address).
            InternalServerError: on 500, with `body` parsed as `models.Error`. Internal server error.
        """
        return self._client.call(
            _LIST_DOCUMENTS,
            path_params=(Param("sessionId", session_id),),
            query=(
                Param("page", page, "form", True),
                Param("per_page", per_page, "form", True),
                Param("sort", sort, "form", True),
                Param("order", order, "form", True),
            ),
            options=RequestOptions(**call_options),
        )

    @overload
    def attach_documents(
        self,
        session_id: str,
        *,
        body: models.AttachDocumentsRequest,
        document_ids: SequenceNotStr[str] | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.DocumentList: ...

    @overload
    def attach_documents(
        self,
        session_id: str,
        *,
        document_ids: SequenceNotStr[str],
        **call_options: Unpack[CallOptions],
    ) -> models.DocumentList: ...

    def attach_documents(
        self,
        session_id: str,
        *,
        body: models.AttachDocumentsRequest | NotGiven = NOT_GIVEN,
        document_ids: SequenceNotStr[str] | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.DocumentList:
        """Attach Existing Session Documents

        Use this endpoint when documents already exist at workspace scope and you only want to link them to a session.

        `POST /extractions/sessions/{sessionId}/documents/attach`

        Args:
            session_id: The extraction session's id.
            body: the whole request body as a model; keyword arguments below override its fields
            document_ids: Existing workspace document ids to attach

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.Error`. Bad request, e.g. a body that is not valid JSON.
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid personal access token.
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. The token lacks the ability this operation needs (e.g. `sessions-write`).
            NotFoundError: on 404, with `body` parsed as `models.Error`. No such session or document.
            UnprocessableEntityError: on 422, with `body` parsed as `models.Error`. One or more documents do not belong to the session workspace.
            RateLimitError: on 429, with `body` parsed as `models.Error`. Rate limit exceeded (100 requests per minute per IP address).
            InternalServerError: on 500, with `body` parsed as `models.Error`. Internal server error.
        """
        return self._client.call(
            _ATTACH_DOCUMENTS,
            path_params=(Param("sessionId", session_id),),
            body=JsonBody(
                merge_body(
                    body,
                    {
                        "document_ids": document_ids,
                    },
                ),
                content_type="application/json",
            ),
            options=RequestOptions(**call_options),
        )

    @overload
    def upload_documents(
        self,
        session_id: str,
        *,
        body: models.UploadDocumentsRequest,
        keys: SequenceNotStr[str] | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.DocumentList: ...

    @overload
    def upload_documents(
        self,
        session_id: str,
        *,
        keys: SequenceNotStr[str],
        **call_options: Unpack[CallOptions],
    ) -> models.DocumentList: ...

    def upload_documents(
        self,
        session_id: str,
        *,
        body: models.UploadDocumentsRequest | NotGiven = NOT_GIVEN,
        keys: SequenceNotStr[str] | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.DocumentList:
        """Upload Session Documents

        Creates documents in the session from files already uploaded to storage, identified by their storage keys. Uploads are deduplicated by SHA-256: a file whose content already exists yields the existing document.

        Unverified: The success status code is not documented; 200 (like attach) is assumed and 201 is accepted too. How the storage keys are obtained is not documented here.

        `POST /extractions/sessions/{sessionId}/documents/upload`

        Args:
            session_id: The extraction session's id.
            body: the whole request body as a model; keyword arguments below override its fields
            keys: Storage keys of the uploaded files.

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.Error`. Bad request, e.g. a body that is not valid JSON.
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid personal access token.
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. The token lacks the ability this operation needs (e.g. `sessions-write`).
            NotFoundError: on 404, with `body` parsed as `models.Error`. No such session or document.
            UnprocessableEntityError: on 422, with `body` parsed as `models.Error`. A key is invalid (e.g. no uploaded file under that key).
            RateLimitError: on 429, with `body` parsed as `models.Error`. Rate limit exceeded (100 requests per minute per IP address).
            InternalServerError: on 500, with `body` parsed as `models.Error`. Internal server error.
        """
        return self._client.call(
            _UPLOAD_DOCUMENTS,
            path_params=(Param("sessionId", session_id),),
            body=JsonBody(
                merge_body(
                    body,
                    {
                        "keys": keys,
                    },
                ),
                content_type="application/json",
            ),
            options=RequestOptions(**call_options),
        )

    def detach_document(
        self,
        session_id: str,
        document_id: str,
        **call_options: Unpack[CallOptions],
    ) -> None:
        """Detach Session Document

        Detaches the document from the session. The document itself stays in the workspace.

        Unverified: That the workspace document is kept (detach, not delete) is inferred from the operation's name.

        `DELETE /extractions/sessions/{sessionId}/documents/{documentId}`

        Args:
            session_id: The extraction session's id.
            document_id: The document's id.

        Raises:
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid personal access token.
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. The token lacks the ability this operation needs (e.g. `sessions-write`).
            NotFoundError: on 404, with `body` parsed as `models.Error`. No such session or document.
            RateLimitError: on 429, with `body` parsed as `models.Error`. Rate limit exceeded (100 requests per minute per IP address).
            InternalServerError: on 500, with `body` parsed as `models.Error`. Internal server error.
        """
        return self._client.call(
            _DETACH_DOCUMENT,
            path_params=(
                Param("sessionId", session_id),
                Param("documentId", document_id),
            ),
            options=RequestOptions(**call_options),
        )


class SessionsWithRawResponse:
    """Like `Sessions`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, resource: Sessions) -> None:
        self.create = to_raw(resource.create)
        self.get = to_raw(resource.get)
        self.delete = to_raw(resource.delete)
        self.list_documents = to_raw(resource.list_documents)
        self.attach_documents = to_raw(resource.attach_documents)
        self.upload_documents = to_raw(resource.upload_documents)
        self.detach_document = to_raw(resource.detach_document)


class SessionsWithStreamingResponse:
    """Like `Sessions`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, resource: Sessions) -> None:
        self.create = to_streamed(resource.create)
        self.get = to_streamed(resource.get)
        self.delete = to_streamed(resource.delete)
        self.list_documents = to_streamed(resource.list_documents)
        self.attach_documents = to_streamed(resource.attach_documents)
        self.upload_documents = to_streamed(resource.upload_documents)
        self.detach_document = to_streamed(resource.detach_document)


class AsyncSessions:
    """Extraction sessions and the documents attached to them."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
        self.iter_list_documents = to_pager_async(
            self.list_documents,
            AsyncPager[models.Document],
            PageNumberPaging(
                param="page",
                start=1,
                items=("data",),
                current_page=("meta", "current_page"),
                last_page=("meta", "last_page"),
                total_items=("meta", "total"),
            ),
            "page",
        )
        """Every item of `list_documents`, page after page, fetched lazily as you iterate (`async for`); takes the same arguments as `list_documents`.

        `async for item in iter_list_documents(...)` walks every page: it asks for page `page` = 1, 2, ... in turn, and stops after the last page.
        `.pages()` yields the pages themselves (`.raw_pages()` with their HTTP responses).
        `page`, if given, is where the walk starts.
        """

    @cached_property
    def with_raw_response(self) -> AsyncSessionsWithRawResponse:
        """Each method returning a `RawResponse`: the parsed value with its `httpx.Response`."""
        return AsyncSessionsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncSessionsWithStreamingResponse:
        """Each method returning a context manager that sends the request on entry and hands back
        the reply unread (`iter_bytes`, `iter_text`, `iter_lines`, `write_to_file`, `parse`)."""
        return AsyncSessionsWithStreamingResponse(self)

    @overload
    async def create(
        self,
        *,
        body: models.SessionCreateRequest,
        extraction_template_id: str | NotGiven = NOT_GIVEN,
        name: str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.Session: ...

    @overload
    async def create(
        self,
        *,
        extraction_template_id: str,
        name: str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.Session: ...

    async def create(
        self,
        *,
        body: models.SessionCreateRequest | NotGiven = NOT_GIVEN,
        extraction_template_id: str | NotGiven = NOT_GIVEN,
        name: str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.Session:
        """Create Extraction Session

        Creates an extraction session that runs the given extraction template over the documents that are later attached or uploaded to it.

        `POST /extractions/sessions`

        Args:
            body: the whole request body as a model; keyword arguments below override its fields
            extraction_template_id: The extraction template the session runs.
            name: A name for the session.

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.Error`. Bad request, e.g. a body that is not valid JSON.
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid personal access token.
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. The token lacks the ability this operation needs (e.g. `sessions-write`).
            UnprocessableEntityError: on 422, with `body` parsed as `models.Error`. Validation failed, e.g. a missing or unknown `extraction_template_id`.
            RateLimitError: on 429, with `body` parsed as `models.Error`. Rate limit exceeded (100 requests per minute per IP address).
            InternalServerError: on 500, with `body` parsed as `models.Error`. Internal server error.
        """
        return await self._client.call(
            _CREATE,
            body=JsonBody(
                merge_body(
                    body,
                    {
                        "extraction_template_id": extraction_template_id,
                        "name": name,
                    },
                ),
                content_type="application/json",
            ),
            options=RequestOptions(**call_options),
        )

    async def get(
        self,
        session_id: str,
        **call_options: Unpack[CallOptions],
    ) -> models.Session:
        """Get Extraction Session

        Returns the extraction session with the given id.

        Unverified: Whether the session is returned bare or wrapped in `{data: ...}` is not documented; bare, as providers.md lists the session's fields directly, is assumed.

        `GET /extractions/sessions/{sessionId}`

        Args:
            session_id: The extraction session's id.

        Raises:
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid personal access token.
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. The token lacks the ability this operation needs (e.g. `sessions-write`).
            NotFoundError: on 404, with `body` parsed as `models.Error`. No such session or document.
            RateLimitError: on 429, with `body` parsed as `models.Error`. Rate limit exceeded (100 requests per minute per IP address).
            InternalServerError: on 500, with `body` parsed as `models.Error`. Internal server error.
        """
        return await self._client.call(
            _GET,
            path_params=(Param("sessionId", session_id),),
            options=RequestOptions(**call_options),
        )

    async def delete(
        self,
        session_id: str,
        **call_options: Unpack[CallOptions],
    ) -> None:
        """Delete Extraction Session

        Deletes the extraction session. Answers 404 if it does not exist.

        `DELETE /extractions/sessions/{sessionId}`

        Args:
            session_id: The extraction session's id.

        Raises:
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid personal access token.
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. The token lacks the ability this operation needs (e.g. `sessions-write`).
            NotFoundError: on 404, with `body` parsed as `models.Error`. No such session or document.
            RateLimitError: on 429, with `body` parsed as `models.Error`. Rate limit exceeded (100 requests per minute per IP address).
            InternalServerError: on 500, with `body` parsed as `models.Error`. Internal server error.
        """
        return await self._client.call(
            _DELETE,
            path_params=(Param("sessionId", session_id),),
            options=RequestOptions(**call_options),
        )

    async def list_documents(
        self,
        session_id: str,
        *,
        page: int | NotGiven = NOT_GIVEN,
        per_page: int | NotGiven = NOT_GIVEN,
        sort: str | NotGiven = NOT_GIVEN,
        order: Literal["asc", "desc"] | str | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.DocumentPage:
        """List Session Documents

        Lists the documents attached to the extraction session, one page at a time.

        `GET /extractions/sessions/{sessionId}/documents`

        Args:
            session_id: The extraction session's id.
            page: Page number, starting at 1.
            per_page: Number of documents per page (at most 100).
            sort: Field to sort by. Unverified: The sortable field names are not documented (e.g. `created_at`).
            order: Sort direction.

        Raises:
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid personal access token.
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. The token lacks the ability this operation needs (e.g. `sessions-write`).
            NotFoundError: on 404, with `body` parsed as `models.Error`. No such session or document.
            UnprocessableEntityError: on 422, with `body` parsed as `models.Error`. Invalid query parameters, e.g. `per_page` above 100.
            RateLimitError: on 429, with `body` parsed as `models.Error`. Rate limit exceeded (100 requests per minute per IP address).
            InternalServerError: on 500, with `body` parsed as `models.Error`. Internal server error.
        """
        return await self._client.call(
            _LIST_DOCUMENTS,
            path_params=(Param("sessionId", session_id),),
            query=(
                Param("page", page, "form", True),
                Param("per_page", per_page, "form", True),
                Param("sort", sort, "form", True),
                Param("order", order, "form", True),
            ),
            options=RequestOptions(**call_options),
        )

    @overload
    async def attach_documents(
        self,
        session_id: str,
        *,
        body: models.AttachDocumentsRequest,
        document_ids: SequenceNotStr[str] | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.DocumentList: ...

    @overload
    async def attach_documents(
        self,
        session_id: str,
        *,
        document_ids: SequenceNotStr[str],
        **call_options: Unpack[CallOptions],
    ) -> models.DocumentList: ...

    async def attach_documents(
        self,
        session_id: str,
        *,
        body: models.AttachDocumentsRequest | NotGiven = NOT_GIVEN,
        document_ids: SequenceNotStr[str] | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.DocumentList:
        """Attach Existing Session Documents

        Use this endpoint when documents already exist at workspace scope and you only want to link them to a session.

        `POST /extractions/sessions/{sessionId}/documents/attach`

        Args:
            session_id: The extraction session's id.
            body: the whole request body as a model; keyword arguments below override its fields
            document_ids: Existing workspace document ids to attach

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.Error`. Bad request, e.g. a body that is not valid JSON.
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid personal access token.
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. The token lacks the ability this operation needs (e.g. `sessions-write`).
            NotFoundError: on 404, with `body` parsed as `models.Error`. No such session or document.
            UnprocessableEntityError: on 422, with `body` parsed as `models.Error`. One or more documents do not belong to the session workspace.
            RateLimitError: on 429, with `body` parsed as `models.Error`. Rate limit exceeded (100 requests per minute per IP address).
            InternalServerError: on 500, with `body` parsed as `models.Error`. Internal server error.
        """
        return await self._client.call(
            _ATTACH_DOCUMENTS,
            path_params=(Param("sessionId", session_id),),
            body=JsonBody(
                merge_body(
                    body,
                    {
                        "document_ids": document_ids,
                    },
                ),
                content_type="application/json",
            ),
            options=RequestOptions(**call_options),
        )

    @overload
    async def upload_documents(
        self,
        session_id: str,
        *,
        body: models.UploadDocumentsRequest,
        keys: SequenceNotStr[str] | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.DocumentList: ...

    @overload
    async def upload_documents(
        self,
        session_id: str,
        *,
        keys: SequenceNotStr[str],
        **call_options: Unpack[CallOptions],
    ) -> models.DocumentList: ...

    async def upload_documents(
        self,
        session_id: str,
        *,
        body: models.UploadDocumentsRequest | NotGiven = NOT_GIVEN,
        keys: SequenceNotStr[str] | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.DocumentList:
        """Upload Session Documents

        Creates documents in the session from files already uploaded to storage, identified by their storage keys. Uploads are deduplicated by SHA-256: a file whose content already exists yields the existing document.

        Unverified: The success status code is not documented; 200 (like attach) is assumed and 201 is accepted too. How the storage keys are obtained is not documented here.

        `POST /extractions/sessions/{sessionId}/documents/upload`

        Args:
            session_id: The extraction session's id.
            body: the whole request body as a model; keyword arguments below override its fields
            keys: Storage keys of the uploaded files.

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.Error`. Bad request, e.g. a body that is not valid JSON.
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid personal access token.
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. The token lacks the ability this operation needs (e.g. `sessions-write`).
            NotFoundError: on 404, with `body` parsed as `models.Error`. No such session or document.
            UnprocessableEntityError: on 422, with `body` parsed as `models.Error`. A key is invalid (e.g. no uploaded file under that key).
            RateLimitError: on 429, with `body` parsed as `models.Error`. Rate limit exceeded (100 requests per minute per IP address).
            InternalServerError: on 500, with `body` parsed as `models.Error`. Internal server error.
        """
        return await self._client.call(
            _UPLOAD_DOCUMENTS,
            path_params=(Param("sessionId", session_id),),
            body=JsonBody(
                merge_body(
                    body,
                    {
                        "keys": keys,
                    },
                ),
                content_type="application/json",
            ),
            options=RequestOptions(**call_options),
        )

    async def detach_document(
        self,
        session_id: str,
        document_id: str,
        **call_options: Unpack[CallOptions],
    ) -> None:
        """Detach Session Document

        Detaches the document from the session. The document itself stays in the workspace.

        Unverified: That the workspace document is kept (detach, not delete) is inferred from the operation's name.

        `DELETE /extractions/sessions/{sessionId}/documents/{documentId}`

        Args:
            session_id: The extraction session's id.
            document_id: The document's id.

        Raises:
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid personal access token.
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. The token lacks the ability this operation needs (e.g. `sessions-write`).
            NotFoundError: on 404, with `body` parsed as `models.Error`. No such session or document.
            RateLimitError: on 429, with `body` parsed as `models.Error`. Rate limit exceeded (100 requests per minute per IP address).
            InternalServerError: on 500, with `body` parsed as `models.Error`. Internal server error.
        """
        return await self._client.call(
            _DETACH_DOCUMENT,
            path_params=(
                Param("sessionId", session_id),
                Param("documentId", document_id),
            ),
            options=RequestOptions(**call_options),
        )


class AsyncSessionsWithRawResponse:
    """Like `AsyncSessions`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, resource: AsyncSessions) -> None:
        self.create = to_raw_async(resource.create)
        self.get = to_raw_async(resource.get)
        self.delete = to_raw_async(resource.delete)
        self.list_documents = to_raw_async(resource.list_documents)
        self.attach_documents = to_raw_async(resource.attach_documents)
        self.upload_documents = to_raw_async(resource.upload_documents)
        self.detach_document = to_raw_async(resource.detach_document)


class AsyncSessionsWithStreamingResponse:
    """Like `AsyncSessions`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, resource: AsyncSessions) -> None:
        self.create = to_streamed_async(resource.create)
        self.get = to_streamed_async(resource.get)
        self.delete = to_streamed_async(resource.delete)
        self.list_documents = to_streamed_async(resource.list_documents)
        self.attach_documents = to_streamed_async(resource.attach_documents)
        self.upload_documents = to_streamed_async(resource.upload_documents)
        self.detach_document = to_streamed_async(resource.detach_document)
