"""OAuth 2 access tokens (client-credentials grant)."""

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

__all__ = ["Auth", "AsyncAuth"]


_CREATE_TOKEN = Endpoint(
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
    idempotency_header=None,
)


class AuthWithRawResponse:
    """Like `Auth`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @overload
    def create_token(
        self,
        *,
        body: models.TokenRequest,
        grant_type: Literal["client_credentials"] | str | NotGiven = NOT_GIVEN,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> RawResponse[models.TokenResponse]: ...

    @overload
    def create_token(
        self,
        *,
        grant_type: Literal["client_credentials"] | str,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> RawResponse[models.TokenResponse]: ...

    def create_token(
        self,
        *,
        body: models.TokenRequest | NotGiven = NOT_GIVEN,
        grant_type: Literal["client_credentials"] | str | NotGiven = NOT_GIVEN,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> RawResponse[models.TokenResponse]:
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
            APIStatusError: on 400 with `body` parsed as `models.TokenError`. Invalid grant_type or missing credentials.
            APIStatusError: on 401 with `body` parsed as `models.TokenError`. Invalid client credentials.
            APIStatusError: on 500 with `body` parsed as `models.TokenError`. Internal server error.
        """
        return self._create_token(
            body=body,
            grant_type=grant_type,
            client_id=client_id,
            client_secret=client_secret,
            scope=scope,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )

    def _create_token(
        self,
        *,
        body: models.TokenRequest | NotGiven = NOT_GIVEN,
        grant_type: Literal["client_credentials"] | str | NotGiven = NOT_GIVEN,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> RawResponse[models.TokenResponse]:
        return self._client.request(
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
            options=RequestOptions(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )


class AuthWithStreamingResponse:
    """Like `Auth`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @overload
    def create_token(
        self,
        *,
        body: models.TokenRequest,
        grant_type: Literal["client_credentials"] | str | NotGiven = NOT_GIVEN,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> StreamedResponseManager[models.TokenResponse]: ...

    @overload
    def create_token(
        self,
        *,
        grant_type: Literal["client_credentials"] | str,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> StreamedResponseManager[models.TokenResponse]: ...

    def create_token(
        self,
        *,
        body: models.TokenRequest | NotGiven = NOT_GIVEN,
        grant_type: Literal["client_credentials"] | str | NotGiven = NOT_GIVEN,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> StreamedResponseManager[models.TokenResponse]:
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
            APIStatusError: on 400 with `body` parsed as `models.TokenError`. Invalid grant_type or missing credentials.
            APIStatusError: on 401 with `body` parsed as `models.TokenError`. Invalid client credentials.
            APIStatusError: on 500 with `body` parsed as `models.TokenError`. Internal server error.
        """
        return StreamedResponseManager(
            lambda: self._client.request_streamed(
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
                options=RequestOptions(
                    timeout=timeout,
                    max_retries=max_retries,
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                ),
            )
        )


class Auth:
    """OAuth 2 access tokens (client-credentials grant)."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client
        self.with_raw_response = AuthWithRawResponse(client)
        self.with_streaming_response = AuthWithStreamingResponse(client)

    @overload
    def create_token(
        self,
        *,
        body: models.TokenRequest,
        grant_type: Literal["client_credentials"] | str | NotGiven = NOT_GIVEN,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> models.TokenResponse: ...

    @overload
    def create_token(
        self,
        *,
        grant_type: Literal["client_credentials"] | str,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> models.TokenResponse: ...

    def create_token(
        self,
        *,
        body: models.TokenRequest | NotGiven = NOT_GIVEN,
        grant_type: Literal["client_credentials"] | str | NotGiven = NOT_GIVEN,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
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
            APIStatusError: on 400 with `body` parsed as `models.TokenError`. Invalid grant_type or missing credentials.
            APIStatusError: on 401 with `body` parsed as `models.TokenError`. Invalid client credentials.
            APIStatusError: on 500 with `body` parsed as `models.TokenError`. Internal server error.
        """
        return (
            self.with_raw_response._create_token(
                body=body,
                grant_type=grant_type,
                client_id=client_id,
                client_secret=client_secret,
                scope=scope,
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            )
        ).parsed


class AsyncAuthWithRawResponse:
    """Like `AsyncAuth`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @overload
    async def create_token(
        self,
        *,
        body: models.TokenRequest,
        grant_type: Literal["client_credentials"] | str | NotGiven = NOT_GIVEN,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> RawResponse[models.TokenResponse]: ...

    @overload
    async def create_token(
        self,
        *,
        grant_type: Literal["client_credentials"] | str,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> RawResponse[models.TokenResponse]: ...

    async def create_token(
        self,
        *,
        body: models.TokenRequest | NotGiven = NOT_GIVEN,
        grant_type: Literal["client_credentials"] | str | NotGiven = NOT_GIVEN,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> RawResponse[models.TokenResponse]:
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
            APIStatusError: on 400 with `body` parsed as `models.TokenError`. Invalid grant_type or missing credentials.
            APIStatusError: on 401 with `body` parsed as `models.TokenError`. Invalid client credentials.
            APIStatusError: on 500 with `body` parsed as `models.TokenError`. Internal server error.
        """
        return await self._create_token(
            body=body,
            grant_type=grant_type,
            client_id=client_id,
            client_secret=client_secret,
            scope=scope,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )

    async def _create_token(
        self,
        *,
        body: models.TokenRequest | NotGiven = NOT_GIVEN,
        grant_type: Literal["client_credentials"] | str | NotGiven = NOT_GIVEN,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> RawResponse[models.TokenResponse]:
        return await self._client.request(
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
            options=RequestOptions(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )


class AsyncAuthWithStreamingResponse:
    """Like `AsyncAuth`, but each method returns a context manager that sends the
    request on entry and hands back the reply unread (`iter_bytes`, `iter_text`, `iter_lines`,
    `write_to_file`, `parse`), closing the connection on exit."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @overload
    def create_token(
        self,
        *,
        body: models.TokenRequest,
        grant_type: Literal["client_credentials"] | str | NotGiven = NOT_GIVEN,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> AsyncStreamedResponseManager[models.TokenResponse]: ...

    @overload
    def create_token(
        self,
        *,
        grant_type: Literal["client_credentials"] | str,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> AsyncStreamedResponseManager[models.TokenResponse]: ...

    def create_token(
        self,
        *,
        body: models.TokenRequest | NotGiven = NOT_GIVEN,
        grant_type: Literal["client_credentials"] | str | NotGiven = NOT_GIVEN,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> AsyncStreamedResponseManager[models.TokenResponse]:
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
            APIStatusError: on 400 with `body` parsed as `models.TokenError`. Invalid grant_type or missing credentials.
            APIStatusError: on 401 with `body` parsed as `models.TokenError`. Invalid client credentials.
            APIStatusError: on 500 with `body` parsed as `models.TokenError`. Internal server error.
        """
        return AsyncStreamedResponseManager(
            lambda: self._client.request_streamed(
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
                options=RequestOptions(
                    timeout=timeout,
                    max_retries=max_retries,
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                ),
            )
        )


class AsyncAuth:
    """OAuth 2 access tokens (client-credentials grant)."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
        self.with_raw_response = AsyncAuthWithRawResponse(client)
        self.with_streaming_response = AsyncAuthWithStreamingResponse(client)

    @overload
    async def create_token(
        self,
        *,
        body: models.TokenRequest,
        grant_type: Literal["client_credentials"] | str | NotGiven = NOT_GIVEN,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> models.TokenResponse: ...

    @overload
    async def create_token(
        self,
        *,
        grant_type: Literal["client_credentials"] | str,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> models.TokenResponse: ...

    async def create_token(
        self,
        *,
        body: models.TokenRequest | NotGiven = NOT_GIVEN,
        grant_type: Literal["client_credentials"] | str | NotGiven = NOT_GIVEN,
        client_id: str | None | NotGiven = NOT_GIVEN,
        client_secret: str | None | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
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
            APIStatusError: on 400 with `body` parsed as `models.TokenError`. Invalid grant_type or missing credentials.
            APIStatusError: on 401 with `body` parsed as `models.TokenError`. Invalid client credentials.
            APIStatusError: on 500 with `body` parsed as `models.TokenError`. Internal server error.
        """
        return (
            await self.with_raw_response._create_token(
                body=body,
                grant_type=grant_type,
                client_id=client_id,
                client_secret=client_secret,
                scope=scope,
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            )
        ).parsed
