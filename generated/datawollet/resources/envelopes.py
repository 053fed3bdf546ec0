"""Access control of the envelope attached to a session."""

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

__all__ = ["Envelopes", "AsyncEnvelopes"]


_GET_ACL: Endpoint[models.EnvelopeAcl] = Endpoint(
    method="GET",
    path="/envelope/acl",
    operation_id="getEnvelopeAcl",
    security=(("oauth2",),),
    responses={
        "200": ResponseSpec("json", models.EnvelopeAcl),
    },
    errors={
        "403": models.Error,
        "412": models.Error,
    },
)

_ADD_ACL_ENTRY: Endpoint[models.EnvelopeAcl] = Endpoint(
    method="POST",
    path="/envelope/acl",
    operation_id="addEnvelopeAclEntry",
    security=(("oauth2",),),
    responses={
        "200": ResponseSpec("json", models.EnvelopeAcl),
    },
    errors={
        "403": models.Error,
        "404": models.Error,
        "409": models.Error,
        "412": models.Error,
        "422": models.Error,
    },
)

_REMOVE_ACL_ENTRY: Endpoint[None] = Endpoint(
    method="DELETE",
    path="/envelope/acl/{clientId}/{subId}",
    operation_id="removeEnvelopeAclEntry",
    security=(("oauth2",),),
    responses={
        "204": ResponseSpec("none"),
    },
    errors={
        "403": models.Error,
        "404": models.Error,
        "409": models.Error,
        "412": models.Error,
    },
)


class Envelopes:
    """Access control of the envelope attached to a session."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> EnvelopesWithRawResponse:
        """Each method returning a `RawResponse`: the parsed value with its `httpx.Response`."""
        return EnvelopesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> EnvelopesWithStreamingResponse:
        """Each method returning a context manager that sends the request on entry and hands back
        the reply unread (`iter_bytes`, `iter_text`, `iter_lines`, `write_to_file`, `parse`)."""
        return EnvelopesWithStreamingResponse(self)

    def get_acl(
        self,
        *,
        origin: str | NotGiven = NOT_GIVEN,
        session_key: str | NotGiven = NOT_GIVEN,
        session_id: str | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.EnvelopeAcl:
        """Get the envelope's access-control list

        Returns the access-control list of the envelope attached to the session: which clients (and subjects) may access it.

        Unverified: The response body and the scope this operation requires (presumably `envelopes:read`) are not documented.

        `GET /envelope/acl`

        Args:
            origin: The origin of a public client (e.g. a web SPA); it identifies the correct client configuration. Browsers set it themselves; server-side callers of a public client configuration set it explicitly.
            session_key: The session key received as a partitioned cookie when the session was started. Send it with each request that references the session; optional for confidential clients, important for public ones. Unverified: The cookie's name is not documented; `session_key` is a guess after the docs' term "session key".
            session_id: The session whose attached envelope's access-control list is meant. Unverified: How these endpoints identify the session is not documented (it may be implied by the session-key cookie alone); a `session_id` query parameter is a guess.

        Raises:
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. Access to the envelope's access-control list denied.
            PreconditionFailedError: on 412, with `body` parsed as `models.Error`. The session is not attached to an envelope.
        """
        return self._client.call(
            _GET_ACL,
            query=(Param("session_id", session_id, "form", True),),
            headers=(Param("Origin", origin),),
            cookies=(Param("session_key", session_key, "form", True),),
            options=RequestOptions(**call_options),
        )

    @overload
    def add_acl_entry(
        self,
        *,
        body: models.AclEntry,
        origin: str | NotGiven = NOT_GIVEN,
        session_key: str | NotGiven = NOT_GIVEN,
        session_id: str | NotGiven = NOT_GIVEN,
        client_id: str | NotGiven = NOT_GIVEN,
        sub_id: str | NotGiven = NOT_GIVEN,
        permissions: Sequence[Literal["read", "write"] | str] | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.EnvelopeAcl: ...

    @overload
    def add_acl_entry(
        self,
        *,
        client_id: str,
        sub_id: str,
        origin: str | NotGiven = NOT_GIVEN,
        session_key: str | NotGiven = NOT_GIVEN,
        session_id: str | NotGiven = NOT_GIVEN,
        permissions: Sequence[Literal["read", "write"] | str] | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.EnvelopeAcl: ...

    def add_acl_entry(
        self,
        *,
        origin: str | NotGiven = NOT_GIVEN,
        session_key: str | NotGiven = NOT_GIVEN,
        session_id: str | NotGiven = NOT_GIVEN,
        body: models.AclEntry | NotGiven = NOT_GIVEN,
        client_id: str | NotGiven = NOT_GIVEN,
        sub_id: str | NotGiven = NOT_GIVEN,
        permissions: Sequence[Literal["read", "write"] | str] | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.EnvelopeAcl:
        """Grant access to the envelope

        Adds an entry to the access-control list of the envelope attached to the session, granting another client (and subject) access to it. On 409 (concurrent modification) retry the request.

        Unverified: The request and response bodies and the scope this operation requires (presumably `envelopes:write`) are not documented; the response is assumed to be the updated list.

        `POST /envelope/acl`

        Args:
            origin: The origin of a public client (e.g. a web SPA); it identifies the correct client configuration. Browsers set it themselves; server-side callers of a public client configuration set it explicitly.
            session_key: The session key received as a partitioned cookie when the session was started. Send it with each request that references the session; optional for confidential clients, important for public ones. Unverified: The cookie's name is not documented; `session_key` is a guess after the docs' term "session key".
            session_id: The session whose attached envelope's access-control list is meant. Unverified: How these endpoints identify the session is not documented (it may be implied by the session-key cookie alone); a `session_id` query parameter is a guess.
            body: the whole request body as a model; keyword arguments below override its fields
            client_id: The client granted access.
            sub_id: The subject within the client granted access.
            permissions: What the client may do with the envelope.

        Raises:
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. Access to the envelope's access-control list denied.
            NotFoundError: on 404, with `body` parsed as `models.Error`. Not found (e.g. the client or the entry does not exist).
            ConflictError: on 409, with `body` parsed as `models.Error`. Concurrent modification of the access-control list; retry.
            PreconditionFailedError: on 412, with `body` parsed as `models.Error`. The session is not attached to an envelope.
            UnprocessableEntityError: on 422, with `body` parsed as `models.Error`. Invalid access-control entry.
        """
        return self._client.call(
            _ADD_ACL_ENTRY,
            query=(Param("session_id", session_id, "form", True),),
            headers=(Param("Origin", origin),),
            cookies=(Param("session_key", session_key, "form", True),),
            body=JsonBody(
                merge_body(
                    body,
                    {
                        "client_id": client_id,
                        "sub_id": sub_id,
                        "permissions": permissions,
                    },
                ),
                content_type="application/json",
            ),
            options=RequestOptions(**call_options),
        )

    def remove_acl_entry(
        self,
        client_id: str,
        sub_id: str,
        *,
        origin: str | NotGiven = NOT_GIVEN,
        session_key: str | NotGiven = NOT_GIVEN,
        session_id: str | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> None:
        """Revoke access to the envelope

        Removes the entry for the given client and subject from the access-control list of the envelope attached to the session. On 409 (concurrent modification) retry the request.

        Unverified: The scope this operation requires (presumably `envelopes:write`) is not documented.

        `DELETE /envelope/acl/{clientId}/{subId}`

        Args:
            client_id: The client id of the entry to remove.
            sub_id: The subject id of the entry to remove. Unverified: The meaning of `subId` (a subject within the client, e.g. an end-user) is inferred from its name.
            origin: The origin of a public client (e.g. a web SPA); it identifies the correct client configuration. Browsers set it themselves; server-side callers of a public client configuration set it explicitly.
            session_key: The session key received as a partitioned cookie when the session was started. Send it with each request that references the session; optional for confidential clients, important for public ones. Unverified: The cookie's name is not documented; `session_key` is a guess after the docs' term "session key".
            session_id: The session whose attached envelope's access-control list is meant. Unverified: How these endpoints identify the session is not documented (it may be implied by the session-key cookie alone); a `session_id` query parameter is a guess.

        Raises:
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. Access to the envelope's access-control list denied.
            NotFoundError: on 404, with `body` parsed as `models.Error`. Not found (e.g. the client or the entry does not exist).
            ConflictError: on 409, with `body` parsed as `models.Error`. Concurrent modification of the access-control list; retry.
            PreconditionFailedError: on 412, with `body` parsed as `models.Error`. The session is not attached to an envelope.
        """
        return self._client.call(
            _REMOVE_ACL_ENTRY,
            path_params=(
                Param("clientId", client_id),
                Param("subId", sub_id),
            ),
            query=(Param("session_id", session_id, "form", True),),
            headers=(Param("Origin", origin),),
            cookies=(Param("session_key", session_key, "form", True),),
            options=RequestOptions(**call_options),
        )


class EnvelopesWithRawResponse:
    """Like `Envelopes`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, resource: Envelopes) -> None:
        self.get_acl = to_raw(resource.get_acl)
        self.add_acl_entry = to_raw(resource.add_acl_entry)
        self.remove_acl_entry = to_raw(resource.remove_acl_entry)


class EnvelopesWithStreamingResponse:
    """Like `Envelopes`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, resource: Envelopes) -> None:
        self.get_acl = to_streamed(resource.get_acl)
        self.add_acl_entry = to_streamed(resource.add_acl_entry)
        self.remove_acl_entry = to_streamed(resource.remove_acl_entry)


class AsyncEnvelopes:
    """Access control of the envelope attached to a session."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncEnvelopesWithRawResponse:
        """Each method returning a `RawResponse`: the parsed value with its `httpx.Response`."""
        return AsyncEnvelopesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncEnvelopesWithStreamingResponse:
        """Each method returning a context manager that sends the request on entry and hands back
        the reply unread (`iter_bytes`, `iter_text`, `iter_lines`, `write_to_file`, `parse`)."""
        return AsyncEnvelopesWithStreamingResponse(self)

    async def get_acl(
        self,
        *,
        origin: str | NotGiven = NOT_GIVEN,
        session_key: str | NotGiven = NOT_GIVEN,
        session_id: str | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.EnvelopeAcl:
        """Get the envelope's access-control list

        Returns the access-control list of the envelope attached to the session: which clients (and subjects) may access it.

        Unverified: The response body and the scope this operation requires (presumably `envelopes:read`) are not documented.

        `GET /envelope/acl`

        Args:
            origin: The origin of a public client (e.g. a web SPA); it identifies the correct client configuration. Browsers set it themselves; server-side callers of a public client configuration set it explicitly.
            session_key: The session key received as a partitioned cookie when the session was started. Send it with each request that references the session; optional for confidential clients, important for public ones. Unverified: The cookie's name is not documented; `session_key` is a guess after the docs' term "session key".
            session_id: The session whose attached envelope's access-control list is meant. Unverified: How these endpoints identify the session is not documented (it may be implied by the session-key cookie alone); a `session_id` query parameter is a guess.

        Raises:
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. Access to the envelope's access-control list denied.
            PreconditionFailedError: on 412, with `body` parsed as `models.Error`. The session is not attached to an envelope.
        """
        return await self._client.call(
            _GET_ACL,
            query=(Param("session_id", session_id, "form", True),),
            headers=(Param("Origin", origin),),
            cookies=(Param("session_key", session_key, "form", True),),
            options=RequestOptions(**call_options),
        )

    @overload
    async def add_acl_entry(
        self,
        *,
        body: models.AclEntry,
        origin: str | NotGiven = NOT_GIVEN,
        session_key: str | NotGiven = NOT_GIVEN,
        session_id: str | NotGiven = NOT_GIVEN,
        client_id: str | NotGiven = NOT_GIVEN,
        sub_id: str | NotGiven = NOT_GIVEN,
        permissions: Sequence[Literal["read", "write"] | str] | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.EnvelopeAcl: ...

    @overload
    async def add_acl_entry(
        self,
        *,
        client_id: str,
        sub_id: str,
        origin: str | NotGiven = NOT_GIVEN,
        session_key: str | NotGiven = NOT_GIVEN,
        session_id: str | NotGiven = NOT_GIVEN,
        permissions: Sequence[Literal["read", "write"] | str] | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.EnvelopeAcl: ...

    async def add_acl_entry(
        self,
        *,
        origin: str | NotGiven = NOT_GIVEN,
        session_key: str | NotGiven = NOT_GIVEN,
        session_id: str | NotGiven = NOT_GIVEN,
        body: models.AclEntry | NotGiven = NOT_GIVEN,
        client_id: str | NotGiven = NOT_GIVEN,
        sub_id: str | NotGiven = NOT_GIVEN,
        permissions: Sequence[Literal["read", "write"] | str] | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.EnvelopeAcl:
        """Grant access to the envelope

        Adds an entry to the access-control list of the envelope attached to the session, granting another client (and subject) access to it. On 409 (concurrent modification) retry the request.

        Unverified: The request and response bodies and the scope this operation requires (presumably `envelopes:write`) are not documented; the response is assumed to be the updated list.

        `POST /envelope/acl`

        Args:
            origin: The origin of a public client (e.g. a web SPA); it identifies the correct client configuration. Browsers set it themselves; server-side callers of a public client configuration set it explicitly.
            session_key: The session key received as a partitioned cookie when the session was started. Send it with each request that references the session; optional for confidential clients, important for public ones. Unverified: The cookie's name is not documented; `session_key` is a guess after the docs' term "session key".
            session_id: The session whose attached envelope's access-control list is meant. Unverified: How these endpoints identify the session is not documented (it may be implied by the session-key cookie alone); a `session_id` query parameter is a guess.
            body: the whole request body as a model; keyword arguments below override its fields
            client_id: The client granted access.
            sub_id: The subject within the client granted access.
            permissions: What the client may do with the envelope.

        Raises:
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. Access to the envelope's access-control list denied.
            NotFoundError: on 404, with `body` parsed as `models.Error`. Not found (e.g. the client or the entry does not exist).
            ConflictError: on 409, with `body` parsed as `models.Error`. Concurrent modification of the access-control list; retry.
            PreconditionFailedError: on 412, with `body` parsed as `models.Error`. The session is not attached to an envelope.
            UnprocessableEntityError: on 422, with `body` parsed as `models.Error`. Invalid access-control entry.
        """
        return await self._client.call(
            _ADD_ACL_ENTRY,
            query=(Param("session_id", session_id, "form", True),),
            headers=(Param("Origin", origin),),
            cookies=(Param("session_key", session_key, "form", True),),
            body=JsonBody(
                merge_body(
                    body,
                    {
                        "client_id": client_id,
                        "sub_id": sub_id,
                        "permissions": permissions,
                    },
                ),
                content_type="application/json",
            ),
            options=RequestOptions(**call_options),
        )

    async def remove_acl_entry(
        self,
        client_id: str,
        sub_id: str,
        *,
        origin: str | NotGiven = NOT_GIVEN,
        session_key: str | NotGiven = NOT_GIVEN,
        session_id: str | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> None:
        """Revoke access to the envelope

        Removes the entry for the given client and subject from the access-control list of the envelope attached to the session. On 409 (concurrent modification) retry the request.

        Unverified: The scope this operation requires (presumably `envelopes:write`) is not documented.

        `DELETE /envelope/acl/{clientId}/{subId}`

        Args:
            client_id: The client id of the entry to remove.
            sub_id: The subject id of the entry to remove. Unverified: The meaning of `subId` (a subject within the client, e.g. an end-user) is inferred from its name.
            origin: The origin of a public client (e.g. a web SPA); it identifies the correct client configuration. Browsers set it themselves; server-side callers of a public client configuration set it explicitly.
            session_key: The session key received as a partitioned cookie when the session was started. Send it with each request that references the session; optional for confidential clients, important for public ones. Unverified: The cookie's name is not documented; `session_key` is a guess after the docs' term "session key".
            session_id: The session whose attached envelope's access-control list is meant. Unverified: How these endpoints identify the session is not documented (it may be implied by the session-key cookie alone); a `session_id` query parameter is a guess.

        Raises:
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. Access to the envelope's access-control list denied.
            NotFoundError: on 404, with `body` parsed as `models.Error`. Not found (e.g. the client or the entry does not exist).
            ConflictError: on 409, with `body` parsed as `models.Error`. Concurrent modification of the access-control list; retry.
            PreconditionFailedError: on 412, with `body` parsed as `models.Error`. The session is not attached to an envelope.
        """
        return await self._client.call(
            _REMOVE_ACL_ENTRY,
            path_params=(
                Param("clientId", client_id),
                Param("subId", sub_id),
            ),
            query=(Param("session_id", session_id, "form", True),),
            headers=(Param("Origin", origin),),
            cookies=(Param("session_key", session_key, "form", True),),
            options=RequestOptions(**call_options),
        )


class AsyncEnvelopesWithRawResponse:
    """Like `AsyncEnvelopes`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, resource: AsyncEnvelopes) -> None:
        self.get_acl = to_raw_async(resource.get_acl)
        self.add_acl_entry = to_raw_async(resource.add_acl_entry)
        self.remove_acl_entry = to_raw_async(resource.remove_acl_entry)


class AsyncEnvelopesWithStreamingResponse:
    """Like `AsyncEnvelopes`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, resource: AsyncEnvelopes) -> None:
        self.get_acl = to_streamed_async(resource.get_acl)
        self.add_acl_entry = to_streamed_async(resource.add_acl_entry)
        self.remove_acl_entry = to_streamed_async(resource.remove_acl_entry)
