"""The DataWollet API - tokens, extraction sessions and envelope access clients: `Client` (blocking) and `AsyncClient` (asyncio)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Literal

import httpx

from ._auth import BasicAuth, OAuth2ClientCredentials
from ._async_client import AsyncAPIClient
from ._sync_client import SyncAPIClient
from ._types import DEFAULT_MAX_RETRIES, NOT_GIVEN, NotGiven, TimeoutTypes

if TYPE_CHECKING:
    from .resources.auth import Auth, AsyncAuth
    from .resources.sessions import Sessions, AsyncSessions
    from .resources.envelopes import Envelopes, AsyncEnvelopes

SERVERS: tuple[str, ...] = ("https://api.datawollet.com", "https://api.sandbox.datawollet.com")
"""The server URLs the API documents (templates keep their `{variable}` placeholders)."""

_CUSTOM_SCHEMES: frozenset[str] = frozenset()
_SENSITIVE_HEADERS: tuple[str, ...] = ()
_USER_AGENT = "clientsmith-datawollet/1.0.0"


def _default_base_url() -> str | None:
    url = "https://api.datawollet.com"
    if "://" not in url:
        return None  # a relative server URL: the caller must give base_url
    return url


class Client:
    """Client for the DataWollet API - tokens, extraction sessions and envelope access API.

    The session part of the DataWollet API: obtain an access token, start (or resume) an extraction session
    that can be used to extract data from multiple documents over a period of time prior to its expiry,
    optionally with an envelope for durable storage, and manage who may access the envelope attached to the
    session. DataWollet accepts PDF, JPEG and PNG documents of up to 4.5 MB.

    Sources: the DataWollet API reference page "Start extraction session" (`POST /session/start`, seed 002)
    and the facts collected in `providers.md` from docs.datawollet.com (servers, the token endpoint,
    `/session/resume` and the envelope ACL endpoints with their status codes).

    **Much of this API's wire format is undocumented**: the JSON field names of the session requests and
    responses, the session-key cookie's name, the error body and the ACL bodies. This spec uses the most
    plausible form, consistently in snake_case (like the documented OAuth fields `access_token`, `client_id`),
    and marks every guessed element with an `x-unverified` extension saying what was guessed and why. The
    endpoint that terminates a session is documented to exist but its path is not, so it is not included.

    ## Authentication
    Obtain an access token from `POST /oauth/token` with the OAuth 2 client-credentials grant (the only grant
    supported): send `client_id` and `client_secret` as HTTP Basic credentials, as a form body, or as JSON
    together with `grant_type=client_credentials`. Then call the API with `Authorization: Bearer <token>`.
    Scopes control what a client may do: `sessions:write` (start and resume sessions), `envelopes:create`
    (create an envelope when starting a session), `envelopes:read` (attach an existing envelope and read it) and
    `envelopes:write` (write to an attached envelope); the full scope list is not documented.

    Confidential clients are identified by their client id, and sessions are scoped to it. Public clients (such
    as web SPAs) must send a valid `Origin` header, which selects the client configuration, and should rely on
    the session-key cookie.

    ## Sessions and session keys
    Session keys protect session data and are sent to the client as partitioned cookies (CHIPS). Store the
    cookie securely and send it with each request that references the session; if it is missing or invalid,
    the session is treated as invalid (and `/session/start` starts a new one). For confidential clients the
    cookie can be used but is not strictly required. All sessions have a maximum duration that cannot be
    exceeded, even if the client requests a longer session timeout; use envelopes if durable storage is
    required beyond it.

    Credentials not passed as arguments are read from the environment
    (`DATAWOLLET_CLIENT_ID`, `DATAWOLLET_CLIENT_SECRET`, `DATAWOLLET_USERNAME`, `DATAWOLLET_PASSWORD`).
    """

    def __init__(
        self,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        username: str | None = None,
        password: str | None = None,
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
            client_id: OAuth2 client id (scheme `oauth2`; default: `DATAWOLLET_CLIENT_ID` from the environment).
            client_secret: OAuth2 client secret (scheme `oauth2`; default: `DATAWOLLET_CLIENT_SECRET` from the environment).
            username: HTTP basic user name (scheme `clientBasic`; default: `DATAWOLLET_USERNAME` from the environment).
            password: HTTP basic password (scheme `clientBasic`; default: `DATAWOLLET_PASSWORD` from the environment).
            base_url: overrides the server URL (default: https://api.datawollet.com).
            auth: any `httpx.Auth` applied to every request after the spec's schemes (request signing, custom schemes).
            timeout: seconds (or an `httpx.Timeout`) for each request; default 60 s (10 s to connect), or your `http_client`'s own.
            max_retries: retries for connection errors, 408, 429 and 5xx on idempotent requests.
            default_headers: headers sent with every request.
            http_client: your own `httpx.Client` (for proxies, transports, tests); not closed by this client.
            strict_response_validation: raise `APIResponseValidationError` when a reply does not match its documented type. By default such a reply is still returned: what fits is read as documented, the rest kept as sent, and each mismatch logged once.
            follow_redirects: follow 3xx redirects (at most 20; 307 and 308 keep the method and body; credentials are never sent to another origin).
        """
        credentials: dict[str, httpx.Auth] = {}
        if client_id is None:
            client_id = os.environ.get("DATAWOLLET_CLIENT_ID")
        if client_secret is None:
            client_secret = os.environ.get("DATAWOLLET_CLIENT_SECRET")
        if client_id is not None and client_secret is not None:
            credentials["oauth2"] = OAuth2ClientCredentials(
                token_url="/oauth/token",
                client_id=client_id,
                client_secret=client_secret,
            )
        if username is None:
            username = os.environ.get("DATAWOLLET_USERNAME")
        if password is None:
            password = os.environ.get("DATAWOLLET_PASSWORD")
        if username is not None and password is not None:
            credentials["clientBasic"] = BasicAuth(username, password)
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
    def auth(self) -> Auth:
        """OAuth 2 access tokens (client-credentials grant)."""
        from .resources.auth import Auth

        return Auth(self._client)

    @cached_property
    def sessions(self) -> Sessions:
        """Extraction sessions."""
        from .resources.sessions import Sessions

        return Sessions(self._client)

    @cached_property
    def envelopes(self) -> Envelopes:
        """Access control of the envelope attached to a session."""
        from .resources.envelopes import Envelopes

        return Envelopes(self._client)

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
    """Asynchronous client for the DataWollet API - tokens, extraction sessions and envelope access API.

    The session part of the DataWollet API: obtain an access token, start (or resume) an extraction session
    that can be used to extract data from multiple documents over a period of time prior to its expiry,
    optionally with an envelope for durable storage, and manage who may access the envelope attached to the
    session. DataWollet accepts PDF, JPEG and PNG documents of up to 4.5 MB.

    Sources: the DataWollet API reference page "Start extraction session" (`POST /session/start`, seed 002)
    and the facts collected in `providers.md` from docs.datawollet.com (servers, the token endpoint,
    `/session/resume` and the envelope ACL endpoints with their status codes).

    **Much of this API's wire format is undocumented**: the JSON field names of the session requests and
    responses, the session-key cookie's name, the error body and the ACL bodies. This spec uses the most
    plausible form, consistently in snake_case (like the documented OAuth fields `access_token`, `client_id`),
    and marks every guessed element with an `x-unverified` extension saying what was guessed and why. The
    endpoint that terminates a session is documented to exist but its path is not, so it is not included.

    ## Authentication
    Obtain an access token from `POST /oauth/token` with the OAuth 2 client-credentials grant (the only grant
    supported): send `client_id` and `client_secret` as HTTP Basic credentials, as a form body, or as JSON
    together with `grant_type=client_credentials`. Then call the API with `Authorization: Bearer <token>`.
    Scopes control what a client may do: `sessions:write` (start and resume sessions), `envelopes:create`
    (create an envelope when starting a session), `envelopes:read` (attach an existing envelope and read it) and
    `envelopes:write` (write to an attached envelope); the full scope list is not documented.

    Confidential clients are identified by their client id, and sessions are scoped to it. Public clients (such
    as web SPAs) must send a valid `Origin` header, which selects the client configuration, and should rely on
    the session-key cookie.

    ## Sessions and session keys
    Session keys protect session data and are sent to the client as partitioned cookies (CHIPS). Store the
    cookie securely and send it with each request that references the session; if it is missing or invalid,
    the session is treated as invalid (and `/session/start` starts a new one). For confidential clients the
    cookie can be used but is not strictly required. All sessions have a maximum duration that cannot be
    exceeded, even if the client requests a longer session timeout; use envelopes if durable storage is
    required beyond it.

    Credentials not passed as arguments are read from the environment
    (`DATAWOLLET_CLIENT_ID`, `DATAWOLLET_CLIENT_SECRET`, `DATAWOLLET_USERNAME`, `DATAWOLLET_PASSWORD`).
    """

    def __init__(
        self,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        username: str | None = None,
        password: str | None = None,
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
            client_id: OAuth2 client id (scheme `oauth2`; default: `DATAWOLLET_CLIENT_ID` from the environment).
            client_secret: OAuth2 client secret (scheme `oauth2`; default: `DATAWOLLET_CLIENT_SECRET` from the environment).
            username: HTTP basic user name (scheme `clientBasic`; default: `DATAWOLLET_USERNAME` from the environment).
            password: HTTP basic password (scheme `clientBasic`; default: `DATAWOLLET_PASSWORD` from the environment).
            base_url: overrides the server URL (default: https://api.datawollet.com).
            auth: any `httpx.Auth` applied to every request after the spec's schemes (request signing, custom schemes).
            timeout: seconds (or an `httpx.Timeout`) for each request; default 60 s (10 s to connect), or your `http_client`'s own.
            max_retries: retries for connection errors, 408, 429 and 5xx on idempotent requests.
            default_headers: headers sent with every request.
            http_client: your own `httpx.AsyncClient` (for proxies, transports, tests); not closed by this client.
            strict_response_validation: raise `APIResponseValidationError` when a reply does not match its documented type. By default such a reply is still returned: what fits is read as documented, the rest kept as sent, and each mismatch logged once.
            follow_redirects: follow 3xx redirects (at most 20; 307 and 308 keep the method and body; credentials are never sent to another origin).
        """
        credentials: dict[str, httpx.Auth] = {}
        if client_id is None:
            client_id = os.environ.get("DATAWOLLET_CLIENT_ID")
        if client_secret is None:
            client_secret = os.environ.get("DATAWOLLET_CLIENT_SECRET")
        if client_id is not None and client_secret is not None:
            credentials["oauth2"] = OAuth2ClientCredentials(
                token_url="/oauth/token",
                client_id=client_id,
                client_secret=client_secret,
            )
        if username is None:
            username = os.environ.get("DATAWOLLET_USERNAME")
        if password is None:
            password = os.environ.get("DATAWOLLET_PASSWORD")
        if username is not None and password is not None:
            credentials["clientBasic"] = BasicAuth(username, password)
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
    def auth(self) -> AsyncAuth:
        """OAuth 2 access tokens (client-credentials grant)."""
        from .resources.auth import AsyncAuth

        return AsyncAuth(self._client)

    @cached_property
    def sessions(self) -> AsyncSessions:
        """Extraction sessions."""
        from .resources.sessions import AsyncSessions

        return AsyncSessions(self._client)

    @cached_property
    def envelopes(self) -> AsyncEnvelopes:
        """Access control of the envelope attached to a session."""
        from .resources.envelopes import AsyncEnvelopes

        return AsyncEnvelopes(self._client)

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
