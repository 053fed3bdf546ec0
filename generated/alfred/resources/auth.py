"""OAuth 2 bearer tokens (password grant)."""

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
    path="/token",
    operation_id="createToken",
    security=(),
    responses={
        "200": ResponseSpec("json", models.TokenResponse),
    },
    errors={
        "400": models.TokenError,
    },
    idempotency_header=None,
)


class AuthWithRawResponse:
    """Like `Auth`, but each method returns a `RawResponse` (parsed value and `httpx.Response`)."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def create_token(
        self,
        *,
        grant_type: Literal["password"] | str,
        username: str,
        password: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> RawResponse[models.TokenResponse]:
        """Get a bearer token (OAuth 2 password grant)

        Exchanges a username and password for a bearer access token (OAuth 2 resource-owner password grant). Send the token afterwards as `Authorization: Bearer <access_token>`.

        `POST /token`

        Args:
            grant_type: Always `password`.
            username: The Alfred user name.
            password: The user's password.

        Raises:
            APIStatusError: on 400 with `body` parsed as `models.TokenError`. Invalid grant, e.g. a wrong username or password, or a missing field.
        """
        return self._client.request(
            _CREATE_TOKEN,
            body=FormBody(
                given(
                    {
                        "grant_type": grant_type,
                        "username": username,
                        "password": password,
                    }
                ),
                content_type="application/x-www-form-urlencoded",
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

    def create_token(
        self,
        *,
        grant_type: Literal["password"] | str,
        username: str,
        password: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> StreamedResponseManager[models.TokenResponse]:
        """Get a bearer token (OAuth 2 password grant)

        Exchanges a username and password for a bearer access token (OAuth 2 resource-owner password grant). Send the token afterwards as `Authorization: Bearer <access_token>`.

        `POST /token`

        Args:
            grant_type: Always `password`.
            username: The Alfred user name.
            password: The user's password.

        Raises:
            APIStatusError: on 400 with `body` parsed as `models.TokenError`. Invalid grant, e.g. a wrong username or password, or a missing field.
        """
        return StreamedResponseManager(
            lambda: self._client.request_streamed(
                _CREATE_TOKEN,
                body=FormBody(
                    given(
                        {
                            "grant_type": grant_type,
                            "username": username,
                            "password": password,
                        }
                    ),
                    content_type="application/x-www-form-urlencoded",
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
    """OAuth 2 bearer tokens (password grant)."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client
        self.with_raw_response = AuthWithRawResponse(client)
        self.with_streaming_response = AuthWithStreamingResponse(client)

    def create_token(
        self,
        *,
        grant_type: Literal["password"] | str,
        username: str,
        password: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> models.TokenResponse:
        """Get a bearer token (OAuth 2 password grant)

        Exchanges a username and password for a bearer access token (OAuth 2 resource-owner password grant). Send the token afterwards as `Authorization: Bearer <access_token>`.

        `POST /token`

        Args:
            grant_type: Always `password`.
            username: The Alfred user name.
            password: The user's password.

        Raises:
            APIStatusError: on 400 with `body` parsed as `models.TokenError`. Invalid grant, e.g. a wrong username or password, or a missing field.
        """
        return (
            self.with_raw_response.create_token(
                grant_type=grant_type,
                username=username,
                password=password,
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

    async def create_token(
        self,
        *,
        grant_type: Literal["password"] | str,
        username: str,
        password: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> RawResponse[models.TokenResponse]:
        """Get a bearer token (OAuth 2 password grant)

        Exchanges a username and password for a bearer access token (OAuth 2 resource-owner password grant). Send the token afterwards as `Authorization: Bearer <access_token>`.

        `POST /token`

        Args:
            grant_type: Always `password`.
            username: The Alfred user name.
            password: The user's password.

        Raises:
            APIStatusError: on 400 with `body` parsed as `models.TokenError`. Invalid grant, e.g. a wrong username or password, or a missing field.
        """
        return await self._client.request(
            _CREATE_TOKEN,
            body=FormBody(
                given(
                    {
                        "grant_type": grant_type,
                        "username": username,
                        "password": password,
                    }
                ),
                content_type="application/x-www-form-urlencoded",
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

    def create_token(
        self,
        *,
        grant_type: Literal["password"] | str,
        username: str,
        password: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> AsyncStreamedResponseManager[models.TokenResponse]:
        """Get a bearer token (OAuth 2 password grant)

        Exchanges a username and password for a bearer access token (OAuth 2 resource-owner password grant). Send the token afterwards as `Authorization: Bearer <access_token>`.

        `POST /token`

        Args:
            grant_type: Always `password`.
            username: The Alfred user name.
            password: The user's password.

        Raises:
            APIStatusError: on 400 with `body` parsed as `models.TokenError`. Invalid grant, e.g. a wrong username or password, or a missing field.
        """
        return AsyncStreamedResponseManager(
            lambda: self._client.request_streamed(
                _CREATE_TOKEN,
                body=FormBody(
                    given(
                        {
                            "grant_type": grant_type,
                            "username": username,
                            "password": password,
                        }
                    ),
                    content_type="application/x-www-form-urlencoded",
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
    """OAuth 2 bearer tokens (password grant)."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
        self.with_raw_response = AsyncAuthWithRawResponse(client)
        self.with_streaming_response = AsyncAuthWithStreamingResponse(client)

    async def create_token(
        self,
        *,
        grant_type: Literal["password"] | str,
        username: str,
        password: str | None | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> models.TokenResponse:
        """Get a bearer token (OAuth 2 password grant)

        Exchanges a username and password for a bearer access token (OAuth 2 resource-owner password grant). Send the token afterwards as `Authorization: Bearer <access_token>`.

        `POST /token`

        Args:
            grant_type: Always `password`.
            username: The Alfred user name.
            password: The user's password.

        Raises:
            APIStatusError: on 400 with `body` parsed as `models.TokenError`. Invalid grant, e.g. a wrong username or password, or a missing field.
        """
        return (
            await self.with_raw_response.create_token(
                grant_type=grant_type,
                username=username,
                password=password,
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            )
        ).parsed
