"""OAuth 2 access tokens (client-credentials grant)."""

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

__all__ = ["Auth", "AsyncAuth"]


_CREATE_TOKEN: Endpoint[models.TokenResponse] = Endpoint(
    method="POST",
    path="/oauth/token",
    operation_id="createToken",
    security=(("clientBasic",), ()),
    responses={
        "200": ResponseSpec("json", models.TokenResponse),
    },
    errors={
        "400": models.TokenError,
        "401": models.TokenError,
        "500": models.TokenError,
    },
)


class Auth:
    """OAuth 2 access tokens (client-credentials grant)."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AuthWithRawResponse:
        """Each method returning a `RawResponse`: the parsed value with its `httpx.Response`."""
        return AuthWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AuthWithStreamingResponse:
        """Each method returning a context manager that sends the request on entry and hands back
        the reply unread (`iter_bytes`, `iter_text`, `iter_lines`, `write_to_file`, `parse`)."""
        return AuthWithStreamingResponse(self)

    @overload
    def create_token(
        self,
        *,
        body: models.TokenRequest,
        grant_type: Literal["client_credentials"] | str | NotGiven = NOT_GIVEN,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.TokenResponse: ...

    @overload
    def create_token(
        self,
        *,
        grant_type: Literal["client_credentials"] | str,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.TokenResponse: ...

    def create_token(
        self,
        *,
        body: models.TokenRequest | NotGiven = NOT_GIVEN,
        grant_type: Literal["client_credentials"] | str | NotGiven = NOT_GIVEN,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.TokenResponse:
        """Obtain an access token

        Issues an access token using the OAuth 2 client-credentials grant (the only supported grant). The client id and secret may be sent as HTTP Basic credentials, in a form body, or as JSON together with `grant_type`. Use the token as `Authorization: Bearer <token>`.

        `POST /oauth/token`

        Args:
            body: the whole request body as a model; keyword arguments below override its fields
            grant_type: Always `client_credentials` (the only supported grant).
            client_id: The client id.
            client_secret: The client secret.
            scope: Space-separated scopes to request.

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.TokenError`. Invalid grant_type or missing credentials.
            AuthenticationError: on 401, with `body` parsed as `models.TokenError`. Invalid client credentials.
            InternalServerError: on 500, with `body` parsed as `models.TokenError`. Internal server error.
        """
        return self._client.call(
            _CREATE_TOKEN,
            body=JsonBody(
                merge_body(
                    body,
                    {
                        "grant_type": grant_type,
                        "client_id": client_id,
                        "client_secret": client_secret,
                        "scope": scope,
                    },
                ),
                content_type="application/json",
            ),
            options=RequestOptions(**call_options),
        )


class AuthWithRawResponse:
    """Like `Auth`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, resource: Auth) -> None:
        self.create_token = to_raw(resource.create_token)


class AuthWithStreamingResponse:
    """Like `Auth`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, resource: Auth) -> None:
        self.create_token = to_streamed(resource.create_token)


class AsyncAuth:
    """OAuth 2 access tokens (client-credentials grant)."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncAuthWithRawResponse:
        """Each method returning a `RawResponse`: the parsed value with its `httpx.Response`."""
        return AsyncAuthWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncAuthWithStreamingResponse:
        """Each method returning a context manager that sends the request on entry and hands back
        the reply unread (`iter_bytes`, `iter_text`, `iter_lines`, `write_to_file`, `parse`)."""
        return AsyncAuthWithStreamingResponse(self)

    @overload
    async def create_token(
        self,
        *,
        body: models.TokenRequest,
        grant_type: Literal["client_credentials"] | str | NotGiven = NOT_GIVEN,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.TokenResponse: ...

    @overload
    async def create_token(
        self,
        *,
        grant_type: Literal["client_credentials"] | str,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.TokenResponse: ...

    async def create_token(
        self,
        *,
        body: models.TokenRequest | NotGiven = NOT_GIVEN,
        grant_type: Literal["client_credentials"] | str | NotGiven = NOT_GIVEN,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        **call_options: Unpack[CallOptions],
    ) -> models.TokenResponse:
        """Obtain an access token

        Issues an access token using the OAuth 2 client-credentials grant (the only supported grant). The client id and secret may be sent as HTTP Basic credentials, in a form body, or as JSON together with `grant_type`. Use the token as `Authorization: Bearer <token>`.

        `POST /oauth/token`

        Args:
            body: the whole request body as a model; keyword arguments below override its fields
            grant_type: Always `client_credentials` (the only supported grant).
            client_id: The client id.
            client_secret: The client secret.
            scope: Space-separated scopes to request.

        Raises:
            BadRequestError: on 400, with `body` parsed as `models.TokenError`. Invalid grant_type or missing credentials.
            AuthenticationError: on 401, with `body` parsed as `models.TokenError`. Invalid client credentials.
            InternalServerError: on 500, with `body` parsed as `models.TokenError`. Internal server error.
        """
        return await self._client.call(
            _CREATE_TOKEN,
            body=JsonBody(
                merge_body(
                    body,
                    {
                        "grant_type": grant_type,
                        "client_id": client_id,
                        "client_secret": client_secret,
                        "scope": scope,
                    },
                ),
                content_type="application/json",
            ),
            options=RequestOptions(**call_options),
        )


class AsyncAuthWithRawResponse:
    """Like `AsyncAuth`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, resource: AsyncAuth) -> None:
        self.create_token = to_raw_async(resource.create_token)


class AsyncAuthWithStreamingResponse:
    """Like `AsyncAuth`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, resource: AsyncAuth) -> None:
        self.create_token = to_streamed_async(resource.create_token)
