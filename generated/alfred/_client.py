"""The Alfred API (TagShelf) - deferred sessions, files and jobs clients: `Client` (blocking) and `AsyncClient` (asyncio)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Literal

import httpx

from ._auth import ApiKeyAuth, OAuth2Password
from ._async_client import AsyncAPIClient
from ._sync_client import SyncAPIClient
from ._types import DEFAULT_MAX_RETRIES, NOT_GIVEN, NotGiven, TimeoutTypes

if TYPE_CHECKING:
    from .resources.auth import Auth, AsyncAuth
    from .resources.deferred_sessions import DeferredSessions, AsyncDeferredSessions
    from .resources.files import Files, AsyncFiles
    from .resources.jobs import Jobs, AsyncJobs

SERVERS: tuple[str, ...] = ("https://{env}.tagshelf.com",)
"""The server URLs the API documents (templates keep their `{variable}` placeholders)."""

_CUSTOM_SCHEMES: frozenset[str] = frozenset({"amxAuth"})
_SENSITIVE_HEADERS: tuple[str, ...] = ("X-TagshelfAPI-Key",)
_USER_AGENT = "clientsmith-alfred/1.66.3"


def _default_base_url(
    env: str,
) -> str | None:
    url = "https://{env}.tagshelf.com"
    if env not in ("app", "staging"):
        raise ValueError("env must be one of app, staging, not " + repr(env))
    url = url.replace("{env}", env)
    if "://" not in url:
        return None  # a relative server URL: the caller must give base_url
    return url


class Client:
    """Client for the Alfred API (TagShelf) - deferred sessions, files and jobs API.

    The part of TagShelf's Alfred document-processing API needed for the deferred-session workflow: create a
    deferred session, upload files into it at different times, then create a Job from it (which closes the
    session) and follow the job.

    A Deferred Session is a mechanism designed for asynchronous file uploads, integral to the document
    processing workflow. It serves as a container or grouping for files that are uploaded at different times
    or from various sources, but are all part of a single processing task or Job.

    Sources: the Alfred v1.66.3.0 documentation page "Deferred Session" (seed 004) and the facts collected in
    `providers.md` from TagShelf's public SDKs (tagshelfsrl/alfred-python, alfred-node, alfred dotnet;
    tagshelf-api/go). Elements that are not documented but had to be chosen carry an `x-unverified` extension
    saying what was guessed and why.

    ## Authentication
    Every endpoint accepts any one of three credentials:
    - **API key**: header `X-TagshelfAPI-Key: <application API key>` (TagShelf's SDKs read it from the
      environment variable `ALFRED_API_KEY`).
    - **Bearer token**: exchange a username and password at `POST /token` (OAuth 2 password grant, form body)
      and send `Authorization: Bearer <access_token>`.
    - **HMAC (`amx`)**: `Authorization: amx {app_id}:{signature}:{nonce}:{timestamp}`, computed per request
      from the public app id and a base64 HMAC key (see the `amxAuth` security scheme). The generated package
      ships `amx.AmxAuth`, an `httpx.Auth` that signs requests.

    ## Environments
    `https://{env}.tagshelf.com`, where `env` is `app` (production, the default) or `staging`.

    ## Rate limits
    Responses carry `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` headers.

    Credentials not passed as arguments are read from the environment
    (`ALFRED_API_KEY`, `ALFRED_USERNAME`, `ALFRED_PASSWORD`, `ALFRED_CLIENT_ID`, `ALFRED_CLIENT_SECRET`).
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        username: str | None = None,
        password: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        env: Literal["app", "staging"] = "app",
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
            api_key: sent as header 'X-TagshelfAPI-Key' (scheme `apiKeyAuth`; default: `ALFRED_API_KEY` from the environment).
            username: OAuth2 resource owner user name (scheme `bearerAuth`; default: `ALFRED_USERNAME` from the environment).
            password: OAuth2 resource owner password (scheme `bearerAuth`; default: `ALFRED_PASSWORD` from the environment).
            client_id: OAuth2 client id, sent in the token request's form if given (scheme `bearerAuth`; default: `ALFRED_CLIENT_ID` from the environment).
            client_secret: OAuth2 client secret, sent in the token request's form if given (scheme `bearerAuth`; default: `ALFRED_CLIENT_SECRET` from the environment).
            env: server variable `env`, one of app, staging. Environment; `app` is production.
            base_url: overrides the server URL (default: https://{env}.tagshelf.com).
            auth: any `httpx.Auth` applied to every request after the spec's schemes (request signing, custom schemes: amxAuth).
            timeout: seconds (or an `httpx.Timeout`) for each request; default 60 s (10 s to connect), or your `http_client`'s own.
            max_retries: retries for connection errors, 408, 429 and 5xx on idempotent requests.
            default_headers: headers sent with every request.
            http_client: your own `httpx.Client` (for proxies, transports, tests); not closed by this client.
            strict_response_validation: raise `APIResponseValidationError` when a reply does not match its documented type. By default such a reply is still returned: what fits is read as documented, the rest kept as sent, and each mismatch logged once.
            follow_redirects: follow 3xx redirects (at most 20; 307 and 308 keep the method and body; credentials are never sent to another origin).
        """
        credentials: dict[str, httpx.Auth] = {}
        if api_key is None:
            api_key = os.environ.get("ALFRED_API_KEY")
        if api_key is not None:
            credentials["apiKeyAuth"] = ApiKeyAuth("X-TagshelfAPI-Key", "header", api_key)
        if username is None:
            username = os.environ.get("ALFRED_USERNAME")
        if password is None:
            password = os.environ.get("ALFRED_PASSWORD")
        if client_id is None:
            client_id = os.environ.get("ALFRED_CLIENT_ID")
        if client_secret is None:
            client_secret = os.environ.get("ALFRED_CLIENT_SECRET")
        if username is not None and password is not None:
            credentials["bearerAuth"] = OAuth2Password(
                token_url="/token",
                username=username,
                password=password,
                client_id=client_id,
                client_secret=client_secret,
            )
        resolved_url = (
            base_url
            if base_url is not None
            else _default_base_url(
                env,
            )
        )
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
        """OAuth 2 bearer tokens (password grant)."""
        from .resources.auth import Auth

        return Auth(self._client)

    @cached_property
    def deferred_sessions(self) -> DeferredSessions:
        """Deferred Sessions group files uploaded asynchronously, at different times or from various sources, for a future Job. Creating a Job from the session closes it."""
        from .resources.deferred_sessions import DeferredSessions

        return DeferredSessions(self._client)

    @cached_property
    def files(self) -> Files:
        """Files uploaded into a deferred session."""
        from .resources.files import Files

        return Files(self._client)

    @cached_property
    def jobs(self) -> Jobs:
        """Processing Jobs created from a deferred session."""
        from .resources.jobs import Jobs

        return Jobs(self._client)

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
    """Asynchronous client for the Alfred API (TagShelf) - deferred sessions, files and jobs API.

    The part of TagShelf's Alfred document-processing API needed for the deferred-session workflow: create a
    deferred session, upload files into it at different times, then create a Job from it (which closes the
    session) and follow the job.

    A Deferred Session is a mechanism designed for asynchronous file uploads, integral to the document
    processing workflow. It serves as a container or grouping for files that are uploaded at different times
    or from various sources, but are all part of a single processing task or Job.

    Sources: the Alfred v1.66.3.0 documentation page "Deferred Session" (seed 004) and the facts collected in
    `providers.md` from TagShelf's public SDKs (tagshelfsrl/alfred-python, alfred-node, alfred dotnet;
    tagshelf-api/go). Elements that are not documented but had to be chosen carry an `x-unverified` extension
    saying what was guessed and why.

    ## Authentication
    Every endpoint accepts any one of three credentials:
    - **API key**: header `X-TagshelfAPI-Key: <application API key>` (TagShelf's SDKs read it from the
      environment variable `ALFRED_API_KEY`).
    - **Bearer token**: exchange a username and password at `POST /token` (OAuth 2 password grant, form body)
      and send `Authorization: Bearer <access_token>`.
    - **HMAC (`amx`)**: `Authorization: amx {app_id}:{signature}:{nonce}:{timestamp}`, computed per request
      from the public app id and a base64 HMAC key (see the `amxAuth` security scheme). The generated package
      ships `amx.AmxAuth`, an `httpx.Auth` that signs requests.

    ## Environments
    `https://{env}.tagshelf.com`, where `env` is `app` (production, the default) or `staging`.

    ## Rate limits
    Responses carry `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` headers.

    Credentials not passed as arguments are read from the environment
    (`ALFRED_API_KEY`, `ALFRED_USERNAME`, `ALFRED_PASSWORD`, `ALFRED_CLIENT_ID`, `ALFRED_CLIENT_SECRET`).
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        username: str | None = None,
        password: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        env: Literal["app", "staging"] = "app",
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
            api_key: sent as header 'X-TagshelfAPI-Key' (scheme `apiKeyAuth`; default: `ALFRED_API_KEY` from the environment).
            username: OAuth2 resource owner user name (scheme `bearerAuth`; default: `ALFRED_USERNAME` from the environment).
            password: OAuth2 resource owner password (scheme `bearerAuth`; default: `ALFRED_PASSWORD` from the environment).
            client_id: OAuth2 client id, sent in the token request's form if given (scheme `bearerAuth`; default: `ALFRED_CLIENT_ID` from the environment).
            client_secret: OAuth2 client secret, sent in the token request's form if given (scheme `bearerAuth`; default: `ALFRED_CLIENT_SECRET` from the environment).
            env: server variable `env`, one of app, staging. Environment; `app` is production.
            base_url: overrides the server URL (default: https://{env}.tagshelf.com).
            auth: any `httpx.Auth` applied to every request after the spec's schemes (request signing, custom schemes: amxAuth).
            timeout: seconds (or an `httpx.Timeout`) for each request; default 60 s (10 s to connect), or your `http_client`'s own.
            max_retries: retries for connection errors, 408, 429 and 5xx on idempotent requests.
            default_headers: headers sent with every request.
            http_client: your own `httpx.AsyncClient` (for proxies, transports, tests); not closed by this client.
            strict_response_validation: raise `APIResponseValidationError` when a reply does not match its documented type. By default such a reply is still returned: what fits is read as documented, the rest kept as sent, and each mismatch logged once.
            follow_redirects: follow 3xx redirects (at most 20; 307 and 308 keep the method and body; credentials are never sent to another origin).
        """
        credentials: dict[str, httpx.Auth] = {}
        if api_key is None:
            api_key = os.environ.get("ALFRED_API_KEY")
        if api_key is not None:
            credentials["apiKeyAuth"] = ApiKeyAuth("X-TagshelfAPI-Key", "header", api_key)
        if username is None:
            username = os.environ.get("ALFRED_USERNAME")
        if password is None:
            password = os.environ.get("ALFRED_PASSWORD")
        if client_id is None:
            client_id = os.environ.get("ALFRED_CLIENT_ID")
        if client_secret is None:
            client_secret = os.environ.get("ALFRED_CLIENT_SECRET")
        if username is not None and password is not None:
            credentials["bearerAuth"] = OAuth2Password(
                token_url="/token",
                username=username,
                password=password,
                client_id=client_id,
                client_secret=client_secret,
            )
        resolved_url = (
            base_url
            if base_url is not None
            else _default_base_url(
                env,
            )
        )
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
        """OAuth 2 bearer tokens (password grant)."""
        from .resources.auth import AsyncAuth

        return AsyncAuth(self._client)

    @cached_property
    def deferred_sessions(self) -> AsyncDeferredSessions:
        """Deferred Sessions group files uploaded asynchronously, at different times or from various sources, for a future Job. Creating a Job from the session closes it."""
        from .resources.deferred_sessions import AsyncDeferredSessions

        return AsyncDeferredSessions(self._client)

    @cached_property
    def files(self) -> AsyncFiles:
        """Files uploaded into a deferred session."""
        from .resources.files import AsyncFiles

        return AsyncFiles(self._client)

    @cached_property
    def jobs(self) -> AsyncJobs:
        """Processing Jobs created from a deferred session."""
        from .resources.jobs import AsyncJobs

        return AsyncJobs(self._client)

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
