"""The Raydocs API - extraction sessions and documents clients: `Client` (blocking) and `AsyncClient` (asyncio)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Literal

import httpx

from ._auth import BearerAuth
from ._async_client import AsyncAPIClient
from ._sync_client import SyncAPIClient
from ._types import DEFAULT_MAX_RETRIES, NOT_GIVEN, NotGiven, TimeoutTypes

if TYPE_CHECKING:
    from .resources.sessions import Sessions, AsyncSessions
    from .resources.documents import Documents, AsyncDocuments

SERVERS: tuple[str, ...] = ("https://api.raydocs.com",)
"""The server URLs the API documents (templates keep their `{variable}` placeholders)."""

_CUSTOM_SCHEMES: frozenset[str] = frozenset()
_SENSITIVE_HEADERS: tuple[str, ...] = ()
_USER_AGENT = "clientsmith-raydocs/1.0.0"


def _default_base_url() -> str | None:
    url = "https://api.raydocs.com"
    if "://" not in url:
        return None  # a relative server URL: the caller must give base_url
    return url


class Client:
    """Client for the Raydocs API - extraction sessions and documents API.

    The extraction-session part of the Raydocs API: create an extraction session from an extraction template,
    put documents into it (attach existing workspace documents, or upload new ones by storage key), list,
    inspect and detach them, and delete the session.

    Sources: the Raydocs API reference page "Attach Existing Session Documents" (seed 003) and the facts
    collected in `providers.md` from docs.raydocs.com (authentication, rate limits, status codes, pagination and
    the other session and document endpoints). Elements that are not documented but had to be chosen carry an
    `x-unverified` extension saying what was guessed and why.

    ## Authentication
    Every request carries a Personal Access Token created from the Raydocs dashboard (tokens look like
    `rd_live_...`) in the header `Authorization: Bearer <your_token>`. A token's permissions are abilities such
    as `sessions-read` and `sessions-write`; a request the token lacks the ability for gets 403.

    ## Rate limits
    100 requests per minute per IP address; beyond that the API answers 429 Too Many Requests.

    ## Pagination
    Lists take `?page=N` (from 1) and answer `{data: [...], meta: {current_page, last_page, per_page, total}}`.
    Document lists also take `per_page` (at most 100), `sort`, `order` (`asc`/`desc`) and filters (the filter
    parameters are not documented and are not described here).

    ## Errors
    Errors are returned in JSON; their schema is not documented (see the `Error` schema).

    Credentials not passed as arguments are read from the environment
    (`RAYDOCS_BEARER_TOKEN`).
    """

    def __init__(
        self,
        *,
        bearer_token: str | None = None,
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
            bearer_token: sent as 'Authorization: Bearer <token>' (scheme `bearerAuth`; default: `RAYDOCS_BEARER_TOKEN` from the environment).
            base_url: overrides the server URL (default: https://api.raydocs.com).
            auth: any `httpx.Auth` applied to every request after the spec's schemes (request signing, custom schemes).
            timeout: seconds (or an `httpx.Timeout`) for each request; default 60 s (10 s to connect), or your `http_client`'s own.
            max_retries: retries for connection errors, 408, 429 and 5xx on idempotent requests.
            default_headers: headers sent with every request.
            http_client: your own `httpx.Client` (for proxies, transports, tests); not closed by this client.
            strict_response_validation: raise `APIResponseValidationError` when a reply does not match its documented type. By default such a reply is still returned: what fits is read as documented, the rest kept as sent, and each mismatch logged once.
            follow_redirects: follow 3xx redirects (at most 20; 307 and 308 keep the method and body; credentials are never sent to another origin).
        """
        credentials: dict[str, httpx.Auth] = {}
        if bearer_token is None:
            bearer_token = os.environ.get("RAYDOCS_BEARER_TOKEN")
        if bearer_token is not None:
            credentials["bearerAuth"] = BearerAuth(bearer_token)
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
        """Extraction sessions and the documents attached to them."""
        from .resources.sessions import Sessions

        return Sessions(self._client)

    @cached_property
    def documents(self) -> Documents:
        """Workspace documents."""
        from .resources.documents import Documents

        return Documents(self._client)

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
    """Asynchronous client for the Raydocs API - extraction sessions and documents API.

    The extraction-session part of the Raydocs API: create an extraction session from an extraction template,
    put documents into it (attach existing workspace documents, or upload new ones by storage key), list,
    inspect and detach them, and delete the session.

    Sources: the Raydocs API reference page "Attach Existing Session Documents" (seed 003) and the facts
    collected in `providers.md` from docs.raydocs.com (authentication, rate limits, status codes, pagination and
    the other session and document endpoints). Elements that are not documented but had to be chosen carry an
    `x-unverified` extension saying what was guessed and why.

    ## Authentication
    Every request carries a Personal Access Token created from the Raydocs dashboard (tokens look like
    `rd_live_...`) in the header `Authorization: Bearer <your_token>`. A token's permissions are abilities such
    as `sessions-read` and `sessions-write`; a request the token lacks the ability for gets 403.

    ## Rate limits
    100 requests per minute per IP address; beyond that the API answers 429 Too Many Requests.

    ## Pagination
    Lists take `?page=N` (from 1) and answer `{data: [...], meta: {current_page, last_page, per_page, total}}`.
    Document lists also take `per_page` (at most 100), `sort`, `order` (`asc`/`desc`) and filters (the filter
    parameters are not documented and are not described here).

    ## Errors
    Errors are returned in JSON; their schema is not documented (see the `Error` schema).

    Credentials not passed as arguments are read from the environment
    (`RAYDOCS_BEARER_TOKEN`).
    """

    def __init__(
        self,
        *,
        bearer_token: str | None = None,
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
            bearer_token: sent as 'Authorization: Bearer <token>' (scheme `bearerAuth`; default: `RAYDOCS_BEARER_TOKEN` from the environment).
            base_url: overrides the server URL (default: https://api.raydocs.com).
            auth: any `httpx.Auth` applied to every request after the spec's schemes (request signing, custom schemes).
            timeout: seconds (or an `httpx.Timeout`) for each request; default 60 s (10 s to connect), or your `http_client`'s own.
            max_retries: retries for connection errors, 408, 429 and 5xx on idempotent requests.
            default_headers: headers sent with every request.
            http_client: your own `httpx.AsyncClient` (for proxies, transports, tests); not closed by this client.
            strict_response_validation: raise `APIResponseValidationError` when a reply does not match its documented type. By default such a reply is still returned: what fits is read as documented, the rest kept as sent, and each mismatch logged once.
            follow_redirects: follow 3xx redirects (at most 20; 307 and 308 keep the method and body; credentials are never sent to another origin).
        """
        credentials: dict[str, httpx.Auth] = {}
        if bearer_token is None:
            bearer_token = os.environ.get("RAYDOCS_BEARER_TOKEN")
        if bearer_token is not None:
            credentials["bearerAuth"] = BearerAuth(bearer_token)
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
        """Extraction sessions and the documents attached to them."""
        from .resources.sessions import AsyncSessions

        return AsyncSessions(self._client)

    @cached_property
    def documents(self) -> AsyncDocuments:
        """Workspace documents."""
        from .resources.documents import AsyncDocuments

        return AsyncDocuments(self._client)

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
