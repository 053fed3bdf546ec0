"""Authentication: API keys, HTTP bearer/basic, OAuth2 token flows, and the
selection of credentials from OpenAPI security requirements.

All classes are :class:`httpx.Auth` implementations, so they work with both
``httpx.Client`` and ``httpx.AsyncClient`` and go through the client's own
transport.  ``repr()`` never shows a secret.
"""

from __future__ import annotations

import base64
import json
import re
import threading
import time
import weakref
from collections.abc import AsyncGenerator, Callable, Generator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import parse_qsl, urlencode

import httpx

if TYPE_CHECKING:  # asyncio loads with the first async token fetch, not at `import`
    import asyncio

from ._exceptions import OAuth2Error, safe_url, status_error_class, status_message

__all__ = [
    "ApiKeyAuth",
    "BearerAuth",
    "BasicAuth",
    "OAuth2ClientCredentials",
    "OAuth2Password",
    "CombinedAuth",
    "select_auth",
    "BASE_URL_EXTENSION",
    "append_cookie",
]

_MASK = "'***'"

#: ``httpx.Request.extensions`` key under which the client records its base URL,
#: used to resolve relative OAuth2 token URLs.
BASE_URL_EXTENSION = "api_base_url"


def append_cookie(request: httpx.Request, name: str, value: str) -> None:
    """Add ``name=value`` to the request's Cookie header, keeping existing cookies."""
    existing = request.headers.get("Cookie")
    pair = f"{name}={value}"
    request.headers["Cookie"] = f"{existing}; {pair}" if existing else pair


class ApiKeyAuth(httpx.Auth):
    """An API key sent as a header, a query parameter or a cookie."""

    def __init__(
        self, name: str, location: Literal["header", "query", "cookie"], value: str
    ) -> None:
        if location not in ("header", "query", "cookie"):
            raise ValueError(f"invalid API key location {location!r}")
        self.name = name
        self.location: Literal["header", "query", "cookie"] = location
        self._value = value

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.location == "header":
            request.headers[self.name] = self._value
        elif self.location == "query":
            request.url = request.url.copy_set_param(self.name, self._value)
        else:
            append_cookie(request, self.name, self._value)
        yield request

    def __repr__(self) -> str:
        return f"ApiKeyAuth(name={self.name!r}, location={self.location!r}, value={_MASK})"


class BearerAuth(httpx.Auth):
    """``Authorization: <scheme> <token>``."""

    def __init__(self, token: str, scheme: str = "Bearer") -> None:
        self._token = token
        self.scheme = scheme

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"{self.scheme} {self._token}"
        yield request

    def __repr__(self) -> str:
        return f"BearerAuth(token={_MASK}, scheme={self.scheme!r})"


def _basic_header(username: str, password: str) -> str:
    raw = f"{username}:{password}".encode()
    return "Basic " + base64.b64encode(raw).decode("ascii")


class BasicAuth(httpx.Auth):
    """HTTP Basic authentication (UTF-8 credentials)."""

    def __init__(self, username: str, password: str) -> None:
        self.username = username
        self._password = password

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = _basic_header(self.username, self._password)
        yield request

    def __repr__(self) -> str:
        return f"BasicAuth(username={self.username!r}, password={_MASK})"


# ---------------------------------------------------------------------- OAuth2

_SAFE_ERROR_CODE = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")


class _OAuth2Base(httpx.Auth):
    """Token fetching/caching machinery shared by the OAuth2 grants.

    The token request is *yielded* from the auth flow, so it is sent by the
    same httpx client and transport as the API call.  The token is cached with
    its expiry (``expires_in``; none means it never expires) and refreshed
    ``refresh_margin`` seconds before expiry (at most half its lifetime).
    When the API answers 401 the token is refreshed once and the request
    retried once.  Concurrent sync callers share one token fetch; async callers
    on one event loop too.

    Relative ``token_url`` resolution: an absolute URL is used as is; any other
    reference is resolved (RFC 3986) against the API base URL *treated as a
    directory* (``https://h/api/v1`` + ``oauth/token`` ->
    ``https://h/api/v1/oauth/token``; ``/oauth/token`` -> ``https://h/oauth/token``).
    Outside a generated client, the request's origin is the base.
    """

    requires_request_body = True
    requires_response_body = True

    def __init__(
        self,
        token_url: str,
        *,
        scopes: Sequence[str],
        refresh_margin: float,
        clock: Callable[[], float] | None,
    ) -> None:
        self.token_url = token_url
        self.scopes = tuple(scopes)
        self.refresh_margin = refresh_margin
        self.clock: Callable[[], float] = clock or time.monotonic
        self._state_lock = threading.Lock()
        self._sync_fetch_lock = threading.Lock()
        self._async_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        self._token: str | None = None
        self._expires_at: float | None = None
        self._refresh_at: float | None = None
        self.token_fetches = 0  # number of successful token fetches (diagnostics)

    # -- subclass hooks
    def _grant_fields(self) -> list[tuple[str, str]]:
        raise NotImplementedError

    def _client_auth_header(self) -> str | None:
        return None

    # -- state
    def _valid_token(self) -> str | None:
        with self._state_lock:
            if self._token is None:
                return None
            if self._refresh_at is not None and self.clock() >= self._refresh_at:
                return None
            return self._token

    def _invalidate(self, token: str) -> None:
        with self._state_lock:
            if self._token == token:
                self._token = None
                self._expires_at = self._refresh_at = None

    def invalidate(self) -> None:
        """Forget the cached token (the next request fetches a new one)."""
        with self._state_lock:
            self._token = None
            self._expires_at = self._refresh_at = None

    # -- token request/response
    def _resolve_token_url(self, request: httpx.Request) -> httpx.URL:
        target = httpx.URL(self.token_url)
        if target.is_absolute_url:
            return target
        base_text = request.extensions.get(BASE_URL_EXTENSION)
        if isinstance(base_text, str) and base_text:
            base = httpx.URL(base_text if base_text.endswith("/") else base_text + "/")
        else:
            base = request.url.copy_with(path="/", query=None, fragment=None)
        return base.join(self.token_url)

    def _token_request(self, request: httpx.Request) -> httpx.Request:
        fields = self._grant_fields()
        if self.scopes:
            fields.append(("scope", " ".join(self.scopes)))
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
        }
        user_agent = request.headers.get("User-Agent")
        if user_agent:
            headers["User-Agent"] = user_agent
        client_auth = self._client_auth_header()
        if client_auth:
            headers["Authorization"] = client_auth
        extensions: dict[str, Any] = {}
        if "timeout" in request.extensions:
            extensions["timeout"] = request.extensions["timeout"]
        return httpx.Request(
            "POST",
            self._resolve_token_url(request),
            headers=headers,
            content=urlencode(fields).encode("ascii"),
            extensions=extensions,
        )

    def _store_token(self, response: httpx.Response) -> str:
        if response.status_code >= 400:
            body: object
            try:
                body = response.json()
            except Exception:
                body = response.text or None
            suffix = ""
            if isinstance(body, dict):
                code = body.get("error")
                if isinstance(code, str) and _SAFE_ERROR_CODE.match(code):
                    suffix = f" ({code})"
            message = status_message(response, prefix="OAuth2 token request failed: ") + suffix
            raise status_error_class(response.status_code)(message, response=response, body=body)
        data: object
        content_type = response.headers.get("content-type", "")
        try:
            if "application/x-www-form-urlencoded" in content_type:
                data = dict(parse_qsl(response.text))
            else:
                data = json.loads(response.content)
        except Exception:
            data = None
        if not isinstance(data, dict):
            raise OAuth2Error(
                "OAuth2 token response is not a JSON object "
                f"({response.status_code} for POST {_describe_url(response)})",
                response=response,
            )
        token = data.get("access_token")
        if not isinstance(token, str) or not token:
            raise OAuth2Error(
                f"OAuth2 token response has no access_token (POST {_describe_url(response)})",
                response=response,
            )
        lifetime: float | None = None
        raw_expiry = data.get("expires_in")
        if raw_expiry is not None and not isinstance(raw_expiry, bool):
            try:
                lifetime = float(raw_expiry)
            except (TypeError, ValueError):
                lifetime = None
        with self._state_lock:
            now = self.clock()
            self._token = token
            if lifetime is None:
                self._expires_at = self._refresh_at = None
            else:
                margin = max(0.0, min(self.refresh_margin, lifetime / 2))
                self._expires_at = now + lifetime
                self._refresh_at = now + lifetime - margin
            self.token_fetches += 1
        return token

    # -- flows
    def _authorize(self, request: httpx.Request, token: str) -> None:
        request.headers["Authorization"] = f"Bearer {token}"

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        request.read()
        token = self._valid_token()
        if token is None:
            with self._sync_fetch_lock:
                token = self._valid_token()
                if token is None:
                    token_response = yield self._token_request(request)
                    token_response.read()
                    token = self._store_token(token_response)
        self._authorize(request, token)
        response = yield request
        if response.status_code != 401:
            return
        with self._sync_fetch_lock:
            self._invalidate(token)
            fresh = self._valid_token()
            if fresh is None:
                token_response = yield self._token_request(request)
                token_response.read()
                fresh = self._store_token(token_response)
        self._authorize(request, fresh)
        yield request

    def _async_lock(self) -> asyncio.Lock | None:
        import asyncio

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not asyncio (e.g. trio): no cross-task dedup
            return None
        with self._state_lock:
            lock = self._async_locks.get(loop)
            if lock is None:
                lock = asyncio.Lock()
                self._async_locks[loop] = lock
            return lock

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        await request.aread()
        lock = self._async_lock()
        token = self._valid_token()
        if token is None:
            if lock is not None:
                await lock.acquire()
            try:
                token = self._valid_token()
                if token is None:
                    token_response = yield self._token_request(request)
                    await token_response.aread()
                    token = self._store_token(token_response)
            finally:
                if lock is not None:
                    lock.release()
        self._authorize(request, token)
        response = yield request
        if response.status_code != 401:
            return
        if lock is not None:
            await lock.acquire()
        try:
            self._invalidate(token)
            fresh = self._valid_token()
            if fresh is None:
                token_response = yield self._token_request(request)
                await token_response.aread()
                fresh = self._store_token(token_response)
        finally:
            if lock is not None:
                lock.release()
        self._authorize(request, fresh)
        yield request


def _describe_url(response: httpx.Response) -> str:
    return safe_url(response.request.url)


class OAuth2ClientCredentials(_OAuth2Base):
    """OAuth2 ``client_credentials`` grant.

    ``client_auth="body"`` sends client_id/client_secret as form fields,
    ``"basic"`` as HTTP Basic credentials.
    """

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        scopes: Sequence[str] = (),
        client_auth: Literal["body", "basic"] = "body",
        refresh_margin: float = 30.0,
        *,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(token_url, scopes=scopes, refresh_margin=refresh_margin, clock=clock)
        if client_auth not in ("body", "basic"):
            raise ValueError(f"invalid client_auth {client_auth!r}")
        self.client_id = client_id
        self._client_secret = client_secret
        self.client_auth: Literal["body", "basic"] = client_auth

    def _grant_fields(self) -> list[tuple[str, str]]:
        fields = [("grant_type", "client_credentials")]
        if self.client_auth == "body":
            fields += [("client_id", self.client_id), ("client_secret", self._client_secret)]
        return fields

    def _client_auth_header(self) -> str | None:
        if self.client_auth == "basic":
            return _basic_header(self.client_id, self._client_secret)
        return None

    def __repr__(self) -> str:
        return (
            f"OAuth2ClientCredentials(token_url={self.token_url!r}, "
            f"client_id={self.client_id!r}, client_secret={_MASK}, scopes={list(self.scopes)!r})"
        )


class OAuth2Password(_OAuth2Base):
    """OAuth2 resource-owner ``password`` grant (client credentials, if any, in the body)."""

    def __init__(
        self,
        token_url: str,
        username: str,
        password: str,
        scopes: Sequence[str] = (),
        client_id: str | None = None,
        client_secret: str | None = None,
        refresh_margin: float = 30.0,
        *,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(token_url, scopes=scopes, refresh_margin=refresh_margin, clock=clock)
        self.username = username
        self._password = password
        self.client_id = client_id
        self._client_secret = client_secret

    def _grant_fields(self) -> list[tuple[str, str]]:
        fields = [
            ("grant_type", "password"),
            ("username", self.username),
            ("password", self._password),
        ]
        if self.client_id is not None:
            fields.append(("client_id", self.client_id))
        if self._client_secret is not None:
            fields.append(("client_secret", self._client_secret))
        return fields

    def __repr__(self) -> str:
        secret = _MASK if self._client_secret is not None else "None"
        return (
            f"OAuth2Password(token_url={self.token_url!r}, username={self.username!r}, "
            f"password={_MASK}, client_id={self.client_id!r}, client_secret={secret}, "
            f"scopes={list(self.scopes)!r})"
        )


# ------------------------------------------------------------------ combining


class CombinedAuth(httpx.Auth):
    """Applies several auths in order to one request.

    Each auth's flow wraps the next: the request an auth yields (the same
    object it was given, possibly modified) is passed on to the next auth; any
    *other* request it yields (e.g. an OAuth2 token request) is sent as is and
    its response handed back to that auth.  When an auth yields the original
    request again (a retry), the following auths run afresh.
    """

    def __init__(self, auths: Sequence[httpx.Auth]) -> None:
        self.auths: tuple[httpx.Auth, ...] = tuple(auths)

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        stack: list[Generator[httpx.Request, httpx.Response, None]] = []

        def descend(outgoing: httpx.Request) -> httpx.Request:
            while len(stack) < len(self.auths) and outgoing is request:
                flow = self.auths[len(stack)].sync_auth_flow(outgoing)
                stack.append(flow)
                outgoing = next(flow)
            return outgoing

        try:
            outgoing = descend(request)
            while True:
                response = yield outgoing
                while stack:
                    try:
                        outgoing = stack[-1].send(response)
                        break
                    except StopIteration:
                        stack.pop()
                else:
                    return
                outgoing = descend(outgoing)
        finally:
            for flow in reversed(stack):
                flow.close()

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        stack: list[AsyncGenerator[httpx.Request, httpx.Response]] = []

        async def descend(outgoing: httpx.Request) -> httpx.Request:
            while len(stack) < len(self.auths) and outgoing is request:
                flow = self.auths[len(stack)].async_auth_flow(outgoing)
                stack.append(flow)
                outgoing = await flow.__anext__()
            return outgoing

        try:
            outgoing = await descend(request)
            while True:
                response = yield outgoing
                done = True
                while stack:
                    try:
                        outgoing = await stack[-1].asend(response)
                        done = False
                        break
                    except StopAsyncIteration:
                        stack.pop()
                if done:
                    return
                outgoing = await descend(outgoing)
        finally:
            for flow in reversed(stack):
                await flow.aclose()

    def __repr__(self) -> str:
        return f"CombinedAuth({list(self.auths)!r})"


def select_auth(
    requirements: tuple[tuple[str, ...], ...] | None,
    credentials: Mapping[str, httpx.Auth],
    custom_schemes: frozenset[str],
    user_auth: httpx.Auth | None,
) -> httpx.Auth | None:
    """Choose the auth for an operation.

    *requirements* are the OpenAPI security alternatives (OR of ANDs of scheme
    names); ``()`` as an alternative allows anonymous access; ``None`` (or no
    alternatives) means the operation has no security.  A scheme is satisfied
    when a credential is configured for it, or when it is a custom scheme and
    *user_auth* is set.  The first non-empty satisfied alternative wins (an
    anonymous alternative only when no other is satisfied).  If nothing is
    satisfied, every configured credential named by any alternative is applied
    (best effort; the server will answer 401 if that is not enough).
    *user_auth* is always applied last.
    """

    def satisfied(scheme: str) -> bool:
        return scheme in credentials or (scheme in custom_schemes and user_auth is not None)

    chosen: list[httpx.Auth] = []
    if requirements:
        picked: tuple[str, ...] | None = None
        for alternative in requirements:
            if alternative and all(satisfied(s) for s in alternative):
                picked = alternative
                break
        if picked is None and () in requirements:
            picked = ()
        names: list[str]
        if picked is not None:
            names = [s for s in picked if s in credentials]
        else:
            names = [s for alternative in requirements for s in alternative if s in credentials]
        for name in names:
            auth = credentials[name]
            if not any(auth is c for c in chosen):
                chosen.append(auth)
    if user_auth is not None and not any(user_auth is c for c in chosen):
        chosen.append(user_auth)
    if not chosen:
        return None
    if len(chosen) == 1:
        return chosen[0]
    return CombinedAuth(chosen)
