"""The Kodexa Platform API (sessions) clients: `Client` (blocking) and `AsyncClient` (asyncio)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Literal

import httpx

from ._auth import ApiKeyAuth
from ._async_client import AsyncAPIClient
from ._sync_client import SyncAPIClient
from ._types import DEFAULT_MAX_RETRIES, NOT_GIVEN, NotGiven, TimeoutTypes

if TYPE_CHECKING:
    from .resources.sessions import Sessions, AsyncSessions

SERVERS: tuple[str, ...] = ("https://platform.kodexa.ai", "{baseUrl}")
"""The server URLs the API documents (templates keep their `{variable}` placeholders)."""

_CUSTOM_SCHEMES: frozenset[str] = frozenset()
_SENSITIVE_HEADERS: tuple[str, ...] = ("x-api-key",)
_USER_AGENT = "clientsmith-kodexa/1.0.0"


def _default_base_url() -> str | None:
    url = "https://platform.kodexa.ai"
    if "://" not in url:
        return None  # a relative server URL: the caller must give base_url
    return url


class Client:
    """Client for the Kodexa Platform API (sessions) API.

    The session endpoints of the Kodexa platform REST API. A session represents a processing session for
    document operations.

    Sources: the Kodexa API reference pages "Create Session" (`POST /api/sessions`) and "Update Session"
    (`PUT /api/sessions/{id}`) kept verbatim as seeds 000 and 001, plus the facts collected in `providers.md`
    (the "Get Session by ID" reference page, the API reference introduction and the official Python SDK
    `kodexa-ai/kodexa`). Elements that are not documented but had to be chosen carry an `x-unverified`
    extension saying what was guessed and why.

    ## Authentication
    Every request carries an API key in the `x-api-key` header. Create one from the Kodexa platform UI under
    Settings > Access Tokens. An older header, `x-access-token`, is deprecated; if both headers are sent,
    `x-api-key` wins. This client only sends `x-api-key`.

    ## Base URL
    The reference pages use `https://platform.kodexa.ai`; the API reference introduction writes
    `https://platform.kodexa.com/api` and tells enterprise customers to use the URL of their own instance.
    The base URL is therefore configurable: use the second server entry (`{baseUrl}`) to point the client at
    your own instance (without the trailing `/api`, which is part of every path here).

    Credentials not passed as arguments are read from the environment
    (`KODEXA_API_KEY`).
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        auth: httpx.Auth | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
        strict_response_validation: bool = False,
        follow_redirects: bool = True,
    ) -> None:
        """Create a client.

        Args:
            api_key: sent as header 'x-api-key' (scheme `apiKeyAuth`; default: `KODEXA_API_KEY` from the environment).
            base_url: overrides the server URL (default: https://platform.kodexa.ai).
            auth: any `httpx.Auth` applied to every request after the spec's schemes (request signing, custom schemes).
            timeout: seconds (or an `httpx.Timeout`) for each request; default 60 s (10 s to connect), or your `http_client`'s own.
            max_retries: retries for connection errors, 408, 429 and 5xx on idempotent requests.
            default_headers: headers sent with every request.
            http_client: your own `httpx.Client` (for proxies, transports, tests); not closed by this client.
            strict_response_validation: raise `APIResponseValidationError` when a reply does not match its documented type. By default such a reply is still returned: what fits is read as documented, the rest kept as sent, and each mismatch logged once.
            follow_redirects: follow 3xx redirects (at most 20; 307 and 308 keep the method and body; credentials are never sent to another origin).
        """
        credentials: dict[str, httpx.Auth] = {}
        if api_key is None:
            api_key = os.environ.get("KODEXA_API_KEY")
        if api_key is not None:
            credentials["apiKeyAuth"] = ApiKeyAuth("x-api-key", "header", api_key)
        resolved_url = base_url if base_url is not None else _default_base_url()
        if resolved_url is None:
            raise ValueError("this API documents no absolute server URL: pass base_url")
        self._client = SyncAPIClient(
            base_url=resolved_url,
            credentials=credentials,
            custom_schemes=_CUSTOM_SCHEMES,
            auth=auth,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            http_client=http_client,
            user_agent=_USER_AGENT,
            sensitive_headers=_SENSITIVE_HEADERS,
            strict_response_validation=strict_response_validation,
            follow_redirects=follow_redirects,
        )

    @cached_property
    def sessions(self) -> Sessions:
        """Processing sessions for document operations."""
        from .resources.sessions import Sessions

        return Sessions(self._client)

    @property
    def base_url(self) -> str:
        return self._client.base_url

    def close(self) -> None:
        """Close the connection pool (only if this client created it)."""
        self._client.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{self.__class__.__name__}(base_url={self.base_url!r})"


class AsyncClient:
    """Asynchronous client for the Kodexa Platform API (sessions) API.

    The session endpoints of the Kodexa platform REST API. A session represents a processing session for
    document operations.

    Sources: the Kodexa API reference pages "Create Session" (`POST /api/sessions`) and "Update Session"
    (`PUT /api/sessions/{id}`) kept verbatim as seeds 000 and 001, plus the facts collected in `providers.md`
    (the "Get Session by ID" reference page, the API reference introduction and the official Python SDK
    `kodexa-ai/kodexa`). Elements that are not documented but had to be chosen carry an `x-unverified`
    extension saying what was guessed and why.

    ## Authentication
    Every request carries an API key in the `x-api-key` header. Create one from the Kodexa platform UI under
    Settings > Access Tokens. An older header, `x-access-token`, is deprecated; if both headers are sent,
    `x-api-key` wins. This client only sends `x-api-key`.

    ## Base URL
    The reference pages use `https://platform.kodexa.ai`; the API reference introduction writes
    `https://platform.kodexa.com/api` and tells enterprise customers to use the URL of their own instance.
    The base URL is therefore configurable: use the second server entry (`{baseUrl}`) to point the client at
    your own instance (without the trailing `/api`, which is part of every path here).

    Credentials not passed as arguments are read from the environment
    (`KODEXA_API_KEY`).
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        auth: httpx.Auth | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        strict_response_validation: bool = False,
        follow_redirects: bool = True,
    ) -> None:
        """Create a client.

        Args:
            api_key: sent as header 'x-api-key' (scheme `apiKeyAuth`; default: `KODEXA_API_KEY` from the environment).
            base_url: overrides the server URL (default: https://platform.kodexa.ai).
            auth: any `httpx.Auth` applied to every request after the spec's schemes (request signing, custom schemes).
            timeout: seconds (or an `httpx.Timeout`) for each request; default 60 s (10 s to connect), or your `http_client`'s own.
            max_retries: retries for connection errors, 408, 429 and 5xx on idempotent requests.
            default_headers: headers sent with every request.
            http_client: your own `httpx.AsyncClient` (for proxies, transports, tests); not closed by this client.
            strict_response_validation: raise `APIResponseValidationError` when a reply does not match its documented type. By default such a reply is still returned: what fits is read as documented, the rest kept as sent, and each mismatch logged once.
            follow_redirects: follow 3xx redirects (at most 20; 307 and 308 keep the method and body; credentials are never sent to another origin).
        """
        credentials: dict[str, httpx.Auth] = {}
        if api_key is None:
            api_key = os.environ.get("KODEXA_API_KEY")
        if api_key is not None:
            credentials["apiKeyAuth"] = ApiKeyAuth("x-api-key", "header", api_key)
        resolved_url = base_url if base_url is not None else _default_base_url()
        if resolved_url is None:
            raise ValueError("this API documents no absolute server URL: pass base_url")
        self._client = AsyncAPIClient(
            base_url=resolved_url,
            credentials=credentials,
            custom_schemes=_CUSTOM_SCHEMES,
            auth=auth,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            http_client=http_client,
            user_agent=_USER_AGENT,
            sensitive_headers=_SENSITIVE_HEADERS,
            strict_response_validation=strict_response_validation,
            follow_redirects=follow_redirects,
        )

    @cached_property
    def sessions(self) -> AsyncSessions:
        """Processing sessions for document operations."""
        from .resources.sessions import AsyncSessions

        return AsyncSessions(self._client)

    @property
    def base_url(self) -> str:
        return self._client.base_url

    async def aclose(self) -> None:
        """Close the connection pool (only if this client created it)."""
        await self._client.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"{self.__class__.__name__}(base_url={self.base_url!r})"
