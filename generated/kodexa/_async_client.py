"""The asynchronous client: one httpx.AsyncClient, requests sent with retries (asyncio)."""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from types import TracebackType
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

import httpx

from ._client_base import (
    _DEFAULT_OPTIONS,
    IDEMPOTENT_METHODS,
    Endpoint,
    RawResponse,
    RequestOptions,
    _BaseClient,
    _match_status,
    _retryable_exception,
    _retryable_status,
)
from ._exceptions import APIStatusError, connection_error
from ._types import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, NotGiven, TimeoutTypes

if TYPE_CHECKING:  # loaded by the first request (see _client_base.py)
    from ._bodies import Body
    from ._params import Param
    from ._response import AsyncStreamedResponse

T = TypeVar("T")


class AsyncAPIClient(_BaseClient):
    """Asynchronous client core (wraps an :class:`httpx.AsyncClient`)."""

    _asynchronous = True

    def __init__(
        self,
        *,
        base_url: str,
        credentials: Mapping[str, httpx.Auth],
        custom_schemes: frozenset[str] = frozenset(),
        auth: httpx.Auth | None = None,
        timeout: TimeoutTypes | NotGiven = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        user_agent: str,
        sensitive_headers: Collection[str] = (),
        sensitive_query_params: Collection[str] = (),
        strict_response_validation: bool = False,
        follow_redirects: bool = True,
    ) -> None:
        super().__init__(
            base_url=base_url,
            credentials=credentials,
            custom_schemes=custom_schemes,
            auth=auth,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            user_agent=user_agent,
            sensitive_headers=sensitive_headers,
            sensitive_query_params=sensitive_query_params,
            http_client_given=http_client is not None,
            strict_response_validation=strict_response_validation,
            follow_redirects=follow_redirects,
        )
        self._owns_client = http_client is None
        # Made on first use: an httpx client loads its TLS certificates and transport when built,
        # which would double the time of `import` plus `Client()` for a caller that sends nothing yet.
        self._given_client = http_client
        self._made_client: httpx.AsyncClient | None = None
        self._made_lock = threading.Lock()
        #: Awaited with the delay in seconds between retries; replaceable in tests.
        import asyncio  # with the first AsyncClient, not at `import`: a blocking caller needs none

        self._sleep: Callable[[float], Awaitable[None]] = asyncio.sleep

    @property
    def _http_client(self) -> httpx.AsyncClient:
        if self._given_client is not None:
            return self._given_client
        made = self._made_client
        if made is None:
            with self._made_lock:
                made = self._made_client
                if made is None:
                    made = self._made_client = httpx.AsyncClient(
                        timeout=self._timeout or DEFAULT_TIMEOUT, follow_redirects=False
                    )
        return made

    @property
    def http_client(self) -> httpx.AsyncClient:
        return self._http_client

    async def aclose(self) -> None:
        """Close the underlying httpx client if this object created it."""
        if self._owns_client:
            await self._http_client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def call(
        self,
        endpoint: Endpoint[T],
        *,
        path_params: Sequence[Param] = (),
        query: Sequence[Param] = (),
        headers: Sequence[Param] = (),
        cookies: Sequence[Param] = (),
        body: Body | None = None,
        options: RequestOptions | None = None,
    ) -> T:
        """A generated method's request: its parsed reply, or the form a view asked for (``_views``)."""
        from ._views import take_wish

        wish = take_wish()
        if wish is None:
            return cast(
                T,
                (
                    await self.request(
                        endpoint,
                        path_params=path_params,
                        query=query,
                        headers=headers,
                        cookies=cookies,
                        body=body,
                        options=options,
                    )
                ).parsed,
            )
        if wish.url is not None:
            options = replace(options or _DEFAULT_OPTIONS, url=wish.url)
        send = self.request_streamed if wish.form == "streamed" else self.request
        return cast(
            T,
            await send(
                endpoint,
                path_params=path_params,
                query=query,
                headers=headers,
                cookies=cookies,
                body=body,
                options=options,
            ),
        )

    async def request(
        self,
        endpoint: Endpoint[Any],
        *,
        path_params: Sequence[Param] = (),
        query: Sequence[Param] = (),
        headers: Sequence[Param] = (),
        cookies: Sequence[Param] = (),
        body: Body | None = None,
        options: RequestOptions | None = None,
    ) -> RawResponse[Any]:
        """Send the call and parse its reply; a streamed reply comes back unread, as its stream."""
        streaming = endpoint.streaming(body)
        response = await self._send(
            endpoint, path_params, query, headers, cookies, body, options, streaming
        )
        if not streaming:
            return self._process_response(endpoint, response)
        return await self._open_stream(endpoint, response)

    async def request_streamed(
        self,
        endpoint: Endpoint[Any],
        *,
        path_params: Sequence[Param] = (),
        query: Sequence[Param] = (),
        headers: Sequence[Param] = (),
        cookies: Sequence[Param] = (),
        body: Body | None = None,
        options: RequestOptions | None = None,
    ) -> AsyncStreamedResponse[Any]:
        """Send the call and hand back its reply unread (``with_streaming_response``)."""
        streaming = endpoint.streaming(body)
        response = await self._send(
            endpoint, path_params, query, headers, cookies, body, options, True
        )
        await self._raise_for_error(endpoint, response)

        async def parse(response: httpx.Response) -> Any:
            if streaming:
                return (await self._open_stream(endpoint, response)).parsed
            await self._read(response)
            return self._process_response(endpoint, response).parsed

        from ._response import AsyncStreamedResponse

        return AsyncStreamedResponse(response, parse)

    async def _open_stream(
        self, endpoint: Endpoint[Any], response: httpx.Response
    ) -> RawResponse[Any]:
        await self._raise_for_error(endpoint, response)
        opener = _match_status(endpoint.streams, response.status_code)
        if opener is not None:
            return RawResponse(
                opener.open_async(response, strict=self._strict, operation=endpoint.label), response
            )
        await self._read(response)  # a reply the document does not stream (e.g. 202 without a body)
        return self._process_response(endpoint, response)

    async def _raise_for_error(self, endpoint: Endpoint[Any], response: httpx.Response) -> None:
        """An error status raises its typed error here, its (small) body read first."""
        status = response.status_code
        if status < 400 and (
            200 <= status < 300 or _match_status(endpoint.responses, status) is not None
        ):
            return
        try:
            await self._read(response)
        finally:
            await response.aclose()
        raise self._make_status_error(endpoint, response)

    @staticmethod
    async def _read(response: httpx.Response) -> None:
        try:
            await response.aread()
        except httpx.TransportError as exc:
            raise connection_error(exc, response.request) from exc

    async def _send_following(
        self, request: httpx.Request, auth: Any, stream: bool
    ) -> httpx.Response:
        """Send `request`, following redirects (unless the client was made with
        ``follow_redirects=False``): credentials go only to the API's own origin."""
        response = await self._http_client.send(
            request, auth=auth, stream=stream, follow_redirects=False
        )
        hops = 0
        while (hop := self._redirect(response, request.url, hops)) is not None:
            following, same_origin = hop
            await response.aclose()
            hops += 1
            self._log_request(following)
            response = await self._http_client.send(
                following, auth=auth if same_origin else None, stream=stream, follow_redirects=False
            )
            self._log_response(following, response)
        return response

    async def _send(
        self,
        endpoint: Endpoint[Any],
        path_params: Sequence[Param],
        query: Sequence[Param],
        headers: Sequence[Param],
        cookies: Sequence[Param],
        body: Body | None,
        options: RequestOptions | None,
        stream: bool,
    ) -> httpx.Response:
        """Send with retries. With ``stream`` the reply's body is left unread: once a caller has it,
        nothing is retried (part of it may have been consumed)."""
        opts = options or _DEFAULT_OPTIONS
        max_retries = (
            self.max_retries if isinstance(opts.max_retries, NotGiven) else opts.max_retries
        )
        key = self._idempotency_key(endpoint, headers, opts)
        method_retryable = (
            endpoint.method.upper() in IDEMPOTENT_METHODS or endpoint.idempotency_header is not None
        )
        auth = self._select_auth(endpoint)
        streaming = endpoint.streaming(body)
        retries = 0
        while True:
            request = self._build_request(
                endpoint,
                path_params=path_params,
                query=query,
                headers=headers,
                cookies=cookies,
                body=body,
                options=opts,
                idempotency_key=key,
                streaming=streaming,
            )
            self._log_request(request)
            try:
                response = await self._send_following(request, auth, stream)
            except httpx.RequestError as exc:
                if retries < max_retries and _retryable_exception(exc, method_retryable):
                    delay = self._retry_delay(retries, None)
                    retries += 1
                    self._log_retry(request, type(exc).__name__, delay, retries, max_retries)
                    await self._sleep(delay)
                    continue
                raise connection_error(exc, request) from exc
            except APIStatusError as exc:  # raised by an auth flow (token endpoint)
                if retries < max_retries and _retryable_status(exc.status_code):
                    delay = self._retry_delay(retries, exc.response)
                    retries += 1
                    self._log_retry(
                        request, f"token endpoint {exc.status_code}", delay, retries, max_retries
                    )
                    await self._sleep(delay)
                    continue
                raise
            self._log_response(request, response)
            if (
                retries < max_retries
                and method_retryable
                and _retryable_status(response.status_code)
            ):
                delay = self._retry_delay(retries, response)
                retries += 1
                await response.aclose()
                self._log_retry(
                    request, f"status {response.status_code}", delay, retries, max_retries
                )
                await self._sleep(delay)
                continue
            return response
