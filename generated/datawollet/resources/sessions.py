"""Extraction sessions."""

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


_START: Endpoint[models.SessionResponse] = Endpoint(
    method="POST",
    path="/session/start",
    operation_id="startSession",
    security=(("oauth2",),),
    responses={
        "200": ResponseSpec("json", models.SessionResponse),
    },
    errors={
        "400": models.Error,
        "401": models.Error,
        "403": models.Error,
        "412": models.Error,
        "500": models.Error,
    },
)

_RESUME: Endpoint[models.SessionResponse] = Endpoint(
    method="POST",
    path="/session/resume",
    operation_id="resumeSession",
    security=(("oauth2",),),
    responses={
        "200": ResponseSpec("json", models.SessionResponse),
    },
    errors={
        "400": models.Error,
        "401": models.Error,
        "403": models.Error,
        "500": models.Error,
    },
)


class Sessions:
    """Extraction sessions."""

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

    def start(
        self,
        *,
        origin: str | NotGiven = NOT_GIVEN,
        session_key: str | NotGiven = NOT_GIVEN,
        body: models.SessionStartRequest | NotGiven = NOT_GIVEN,
        session_id: str | None | NotGiven = NOT_GIVEN,
        partition_key: str | None | NotGiven = NOT_GIVEN,
        timeout_seconds: int | None | NotGiven = NOT_GIVEN,
        create_envelope: bool | None | NotGiven = NOT_GIVEN,
        envelope_id: str | None | NotGiven = NOT_GIVEN,
        envelope_key: str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.SessionResponse:
        """Start extraction session

        Used to initiate a new session with DataWollet, which can be used to extract data from multiple documents
        over a period of time prior to its expiry. DataWollet does not generally persist data beyond the expiry
        of a session, and sessions can be explicitly terminated using the appropriate endpoint.

        Sessions can be partitioned using a client-supplied key, which ensures that session IDs are unique to
        that partitioning key. This can be used to isolate sessions per end-user or per device, for example.
        When integrated with a system that has its own sessions, using a partitioning key tied to that system's
        session ID is recommended to prevent session fixation attacks.

        If an existing session ID is supplied, the session will be resumed if it is still valid. If the session
        ID is invalid or expired, a new session will be started. When a session is continued, the previous
        requests made within that session are returned in the response, allowing the client to reconstruct the
        session state.

        Session keys are used to protect session data, and are sent to the client as partitioned cookies. These
        cookies should be stored securely by the client and sent with each request that references the session.
        If the session key is not supplied or is invalid, the session will be treated as invalid and a new
        session will be started. When using confidential clients, the session key cookie can be used but is not
        strictly required as sessions are scoped to the client ID. For public clients such as web SPAs, the
        session key cookie is an important security mechanism. Cross-origin use of the session key cookie is
        made possible using partitioned cookies (CHIPS), which allows the cookie to be sent in cross-origin
        requests while still enforcing same-site restrictions to prevent CSRF attacks. For public clients, a
        valid Origin header is important to identify the correct client configuration.

        If authorised with the `envelopes:create` scope, clients can also create an envelope as part of the
        session creation process, which allows the documents and data to be accessed again at a later date by
        providing the same envelope ID and key. If clients have an existing envelope and the `envelopes:read`
        scope, they can attach that envelope to the session and therefore read (and write if they have the
        `envelopes:write` scope) the documents and data across multiple sessions. The retention period for an
        envelope is client-specific and is independent of the session expiry - envelopes will remain available
        until their retention period expires, even if all sessions that accessed them have expired.

        All sessions have a maximum duration that cannot be exceeded, even if the client requests a longer
        session timeout. Use envelopes if durable storage is required beyond the maximum session duration.

        `POST /session/start`

        Args:
            origin: The origin of a public client (e.g. a web SPA); it identifies the correct client configuration. Browsers set it themselves; server-side callers of a public client configuration set it explicitly.
            session_key: The session key received as a partitioned cookie when the session was started. Send it with each request that references the session; optional for confidential clients, important for public ones. Unverified: The cookie's name is not documented; `session_key` is a guess after the docs' term "session key".
            body: the whole request body as a model; keyword arguments below override its fields
            session_id: An existing session ID to resume. The session is resumed if it is still valid (and, for public clients, the session key cookie is valid); if it is invalid or expired, a new session is started.
            partition_key: Client-supplied partitioning key; session IDs are unique to it. Use it to isolate sessions per end-user or per device; when integrating with a system that has its own sessions, a key tied to that system's session ID is recommended to prevent session fixation attacks.
            timeout_seconds: Requested session timeout in seconds. It cannot exceed the maximum session duration, whatever is requested.
            create_envelope: Create an envelope as part of session creation (requires the `envelopes:create` scope) so that the documents and data can be accessed again later with the envelope ID and key. Not supported when resuming a session.
            envelope_id: ID of an existing envelope to attach to the session (requires the `envelopes:read` scope; writing also needs `envelopes:write`). Not supported when resuming a session.
            envelope_key: Key of the existing envelope given in `envelope_id`.

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.Error`. Invalid payload, envelope operations not supported when resuming, or invalid credentials
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid API key / bearer token
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. Missing required scope (sessions:write, envelopes:create, or envelopes:read), or envelope access denied
            PreconditionFailedError: on 412, with `body` parsed as `models.Error`. Envelope not found when attempting to attach
            InternalServerError: on 500, with `body` parsed as `models.Error`. Failed to generate session ID, create envelope, or store session
        """
        return self._client.call(
            _START,
            headers=(Param("Origin", origin),),
            cookies=(Param("session_key", session_key, "form", True),),
            body=JsonBody(
                merge_body(
                    body,
                    {
                        "session_id": session_id,
                        "partition_key": partition_key,
                        "timeout_seconds": timeout_seconds,
                        "create_envelope": create_envelope,
                        "envelope_id": envelope_id,
                        "envelope_key": envelope_key,
                    },
                ),
                content_type="application/json",
            ),
            options=RequestOptions(**call_options),
        )

    @overload
    def resume(
        self,
        *,
        body: models.SessionResumeRequest,
        origin: str | NotGiven = NOT_GIVEN,
        session_key: str | NotGiven = NOT_GIVEN,
        session_id: str | NotGiven = NOT_GIVEN,
        timeout_seconds: int | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.SessionResponse: ...

    @overload
    def resume(
        self,
        *,
        session_id: str,
        origin: str | NotGiven = NOT_GIVEN,
        session_key: str | NotGiven = NOT_GIVEN,
        timeout_seconds: int | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.SessionResponse: ...

    def resume(
        self,
        *,
        origin: str | NotGiven = NOT_GIVEN,
        session_key: str | NotGiven = NOT_GIVEN,
        body: models.SessionResumeRequest | NotGiven = NOT_GIVEN,
        session_id: str | NotGiven = NOT_GIVEN,
        timeout_seconds: int | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.SessionResponse:
        """Resume extraction session

        Resumes or extends an existing session. Unlike `/session/start`, it never starts a new session: an unknown, expired or terminated session is an error (400). The session key cookie is checked (403 if the check fails).

        Unverified: The request and response bodies are not documented; the session id and requested timeout in the request, and the same response as `/session/start`, are assumed.

        `POST /session/resume`

        Args:
            origin: The origin of a public client (e.g. a web SPA); it identifies the correct client configuration. Browsers set it themselves; server-side callers of a public client configuration set it explicitly.
            session_key: The session key received as a partitioned cookie when the session was started. Send it with each request that references the session; optional for confidential clients, important for public ones. Unverified: The cookie's name is not documented; `session_key` is a guess after the docs' term "session key".
            body: the whole request body as a model; keyword arguments below override its fields
            session_id: The session to resume or extend.
            timeout_seconds: Requested session timeout in seconds, capped at the maximum session duration.

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.Error`. Session not found, expired or terminated.
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid API key / bearer token
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. Session-key check failed, or missing `sessions:write` scope.
            InternalServerError: on 500, with `body` parsed as `models.Error`. Failed to store the session.
        """
        return self._client.call(
            _RESUME,
            headers=(Param("Origin", origin),),
            cookies=(Param("session_key", session_key, "form", True),),
            body=JsonBody(
                merge_body(
                    body,
                    {
                        "session_id": session_id,
                        "timeout_seconds": timeout_seconds,
                    },
                ),
                content_type="application/json",
            ),
            options=RequestOptions(**call_options),
        )


class SessionsWithRawResponse:
    """Like `Sessions`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, resource: Sessions) -> None:
        self.start = to_raw(resource.start)
        self.resume = to_raw(resource.resume)


class SessionsWithStreamingResponse:
    """Like `Sessions`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, resource: Sessions) -> None:
        self.start = to_streamed(resource.start)
        self.resume = to_streamed(resource.resume)


class AsyncSessions:
    """Extraction sessions."""

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

    async def start(
        self,
        *,
        origin: str | NotGiven = NOT_GIVEN,
        session_key: str | NotGiven = NOT_GIVEN,
        body: models.SessionStartRequest | NotGiven = NOT_GIVEN,
        session_id: str | None | NotGiven = NOT_GIVEN,
        partition_key: str | None | NotGiven = NOT_GIVEN,
        timeout_seconds: int | None | NotGiven = NOT_GIVEN,
        create_envelope: bool | None | NotGiven = NOT_GIVEN,
        envelope_id: str | None | NotGiven = NOT_GIVEN,
        envelope_key: str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.SessionResponse:
        """Start extraction session

        Used to initiate a new session with DataWollet, which can be used to extract data from multiple documents
        over a period of time prior to its expiry. DataWollet does not generally persist data beyond the expiry
        of a session, and sessions can be explicitly terminated using the appropriate endpoint.

        Sessions can be partitioned using a client-supplied key, which ensures that session IDs are unique to
        that partitioning key. This can be used to isolate sessions per end-user or per device, for example.
        When integrated with a system that has its own sessions, using a partitioning key tied to that system's
        session ID is recommended to prevent session fixation attacks.

        If an existing session ID is supplied, the session will be resumed if it is still valid. If the session
        ID is invalid or expired, a new session will be started. When a session is continued, the previous
        requests made within that session are returned in the response, allowing the client to reconstruct the
        session state.

        Session keys are used to protect session data, and are sent to the client as partitioned cookies. These
        cookies should be stored securely by the client and sent with each request that references the session.
        If the session key is not supplied or is invalid, the session will be treated as invalid and a new
        session will be started. When using confidential clients, the session key cookie can be used but is not
        strictly required as sessions are scoped to the client ID. For public clients such as web SPAs, the
        session key cookie is an important security mechanism. Cross-origin use of the session key cookie is
        made possible using partitioned cookies (CHIPS), which allows the cookie to be sent in cross-origin
        requests while still enforcing same-site restrictions to prevent CSRF attacks. For public clients, a
        valid Origin header is important to identify the correct client configuration.

        If authorised with the `envelopes:create` scope, clients can also create an envelope as part of the
        session creation process, which allows the documents and data to be accessed again at a later date by
        providing the same envelope ID and key. If clients have an existing envelope and the `envelopes:read`
        scope, they can attach that envelope to the session and therefore read (and write if they have the
        `envelopes:write` scope) the documents and data across multiple sessions. The retention period for an
        envelope is client-specific and is independent of the session expiry - envelopes will remain available
        until their retention period expires, even if all sessions that accessed them have expired.

        All sessions have a maximum duration that cannot be exceeded, even if the client requests a longer
        session timeout. Use envelopes if durable storage is required beyond the maximum session duration.

        `POST /session/start`

        Args:
            origin: The origin of a public client (e.g. a web SPA); it identifies the correct client configuration. Browsers set it themselves; server-side callers of a public client configuration set it explicitly.
            session_key: The session key received as a partitioned cookie when the session was started. Send it with each request that references the session; optional for confidential clients, important for public ones. Unverified: The cookie's name is not documented; `session_key` is a guess after the docs' term "session key".
            body: the whole request body as a model; keyword arguments below override its fields
            session_id: An existing session ID to resume. The session is resumed if it is still valid (and, for public clients, the session key cookie is valid); if it is invalid or expired, a new session is started.
            partition_key: Client-supplied partitioning key; session IDs are unique to it. Use it to isolate sessions per end-user or per device; when integrating with a system that has its own sessions, a key tied to that system's session ID is recommended to prevent session fixation attacks.
            timeout_seconds: Requested session timeout in seconds. It cannot exceed the maximum session duration, whatever is requested.
            create_envelope: Create an envelope as part of session creation (requires the `envelopes:create` scope) so that the documents and data can be accessed again later with the envelope ID and key. Not supported when resuming a session.
            envelope_id: ID of an existing envelope to attach to the session (requires the `envelopes:read` scope; writing also needs `envelopes:write`). Not supported when resuming a session.
            envelope_key: Key of the existing envelope given in `envelope_id`.

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.Error`. Invalid payload, envelope operations not supported when resuming, or invalid credentials
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid API key / bearer token
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. Missing required scope (sessions:write, envelopes:create, or envelopes:read), or envelope access denied
            PreconditionFailedError: on 412, with `body` parsed as `models.Error`. Envelope not found when attempting to attach
            InternalServerError: on 500, with `body` parsed as `models.Error`. Failed to generate session ID, create envelope, or store session
        """
        return await self._client.call(
            _START,
            headers=(Param("Origin", origin),),
            cookies=(Param("session_key", session_key, "form", True),),
            body=JsonBody(
                merge_body(
                    body,
                    {
                        "session_id": session_id,
                        "partition_key": partition_key,
                        "timeout_seconds": timeout_seconds,
                        "create_envelope": create_envelope,
                        "envelope_id": envelope_id,
                        "envelope_key": envelope_key,
                    },
                ),
                content_type="application/json",
            ),
            options=RequestOptions(**call_options),
        )

    @overload
    async def resume(
        self,
        *,
        body: models.SessionResumeRequest,
        origin: str | NotGiven = NOT_GIVEN,
        session_key: str | NotGiven = NOT_GIVEN,
        session_id: str | NotGiven = NOT_GIVEN,
        timeout_seconds: int | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.SessionResponse: ...

    @overload
    async def resume(
        self,
        *,
        session_id: str,
        origin: str | NotGiven = NOT_GIVEN,
        session_key: str | NotGiven = NOT_GIVEN,
        timeout_seconds: int | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.SessionResponse: ...

    async def resume(
        self,
        *,
        origin: str | NotGiven = NOT_GIVEN,
        session_key: str | NotGiven = NOT_GIVEN,
        body: models.SessionResumeRequest | NotGiven = NOT_GIVEN,
        session_id: str | NotGiven = NOT_GIVEN,
        timeout_seconds: int | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.SessionResponse:
        """Resume extraction session

        Resumes or extends an existing session. Unlike `/session/start`, it never starts a new session: an unknown, expired or terminated session is an error (400). The session key cookie is checked (403 if the check fails).

        Unverified: The request and response bodies are not documented; the session id and requested timeout in the request, and the same response as `/session/start`, are assumed.

        `POST /session/resume`

        Args:
            origin: The origin of a public client (e.g. a web SPA); it identifies the correct client configuration. Browsers set it themselves; server-side callers of a public client configuration set it explicitly.
            session_key: The session key received as a partitioned cookie when the session was started. Send it with each request that references the session; optional for confidential clients, important for public ones. Unverified: The cookie's name is not documented; `session_key` is a guess after the docs' term "session key".
            body: the whole request body as a model; keyword arguments below override its fields
            session_id: The session to resume or extend.
            timeout_seconds: Requested session timeout in seconds, capped at the maximum session duration.

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.Error`. Session not found, expired or terminated.
            AuthenticationError: on 401, with `body` parsed as `models.Error`. Missing or invalid API key / bearer token
            PermissionDeniedError: on 403, with `body` parsed as `models.Error`. Session-key check failed, or missing `sessions:write` scope.
            InternalServerError: on 500, with `body` parsed as `models.Error`. Failed to store the session.
        """
        return await self._client.call(
            _RESUME,
            headers=(Param("Origin", origin),),
            cookies=(Param("session_key", session_key, "form", True),),
            body=JsonBody(
                merge_body(
                    body,
                    {
                        "session_id": session_id,
                        "timeout_seconds": timeout_seconds,
                    },
                ),
                content_type="application/json",
            ),
            options=RequestOptions(**call_options),
        )


class AsyncSessionsWithRawResponse:
    """Like `AsyncSessions`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, resource: AsyncSessions) -> None:
        self.start = to_raw_async(resource.start)
        self.resume = to_raw_async(resource.resume)


class AsyncSessionsWithStreamingResponse:
    """Like `AsyncSessions`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, resource: AsyncSessions) -> None:
        self.start = to_streamed_async(resource.start)
        self.resume = to_streamed_async(resource.resume)
