"""HTTP machinery shared by the sync and async clients (_sync_client.py, _async_client.py):
the description of an endpoint, request building, auth selection, the retry policy, response
parsing and error mapping.

Generated code calls :meth:`SyncAPIClient.request` / :meth:`AsyncAPIClient.request`
with an :class:`Endpoint` description and encoded parameters.

What only sending or decoding needs (body and parameter encoders, XML, pydantic) is imported by
the first request or reply, so that `import` plus `Client()` costs little more than httpx itself.
"""

from __future__ import annotations

import logging
import email.utils
import random
import time
import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, Literal, Protocol, TypedDict, TypeVar
from urllib.parse import quote, urlencode

import httpx

from ._auth import BASE_URL_EXTENSION, ApiKeyAuth, CombinedAuth, append_cookie, select_auth
from ._exceptions import (
    APIResponseValidationError,
    APIStatusError,
    safe_url,
    status_error_class,
    status_message,
)
from ._logging import (
    ALWAYS_SENSITIVE_HEADERS,
    logger,
    protect_httpx_logger,
    redact_headers,
    redact_url,
)
from ._types import DEFAULT_TIMEOUT, NOT_GIVEN, NotGiven, TimeoutTypes

if TYPE_CHECKING:
    from ._bodies import Body
    from ._params import Param
    from ._xml import XmlSchema

__all__ = [
    "ResponseSpec",
    "Endpoint",
    "StreamOpener",
    "RequestOptions",
    "RawResponse",
    "IDEMPOTENT_METHODS",
    "INITIAL_RETRY_DELAY",
    "MAX_RETRY_DELAY",
    "MAX_RETRY_AFTER",
    "MAX_REDIRECTS",
]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)  # a raw reply of one overload is one of the implementation's

IDEMPOTENT_METHODS: frozenset[str] = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"})
#: Backoff: ``INITIAL_RETRY_DELAY * 2**retry`` capped at ``MAX_RETRY_DELAY``, minus up to 25 % jitter.
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
#: Server-provided ``Retry-After`` values above this are ignored (backoff is used instead).
MAX_RETRY_AFTER = 60.0
#: Redirects followed in a row before the call fails (httpx's and browsers' bound).
MAX_REDIRECTS = 20

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class ResponseSpec:
    """How to parse a documented response: ``kind`` and, for JSON and XML, a type expression
    (XML: with the shape of its elements)."""

    kind: Literal["json", "bytes", "text", "none", "xml", "stream"]
    type: Any = None
    xml: XmlSchema | None = None


class StreamOpener(Protocol):
    """A documented streamed reply (``_streaming.StreamFormat``): turns an unread response into the
    stream of its items. A protocol here, so that packages without streams need no ``_streaming``.
    """

    @property
    def media_type(self) -> str: ...

    def open(
        self, response: httpx.Response, *, strict: bool = True, operation: str = ""
    ) -> Any: ...

    def open_async(
        self, response: httpx.Response, *, strict: bool = True, operation: str = ""
    ) -> Any: ...


@dataclass(frozen=True, slots=True)
class Endpoint(Generic[T]):
    """Static description of one operation, emitted by the generator; `T` is what its method returns."""

    method: str
    path: str
    operation_id: str
    responses: Mapping[str, ResponseSpec]
    #: The documented security alternatives (each the schemes used together); None: the API's default.
    security: tuple[tuple[str, ...], ...] | None = None
    errors: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    idempotency_header: str | None = None
    #: The operation's own server (OpenAPI operation- or path-level ``servers``); a relative
    #: one is resolved against the client's base URL.
    server: str | None = None
    #: Streamed replies by status: the call returns a stream of their items instead of a value.
    streams: Mapping[str, StreamOpener] = field(default_factory=lambda: _EMPTY)
    #: The boolean request-body member that asks for the streamed reply (OpenAI's ``stream``, a
    #: member of a JSON body or a field of a form or multipart one); with None, every call of an
    #: operation that has ``streams`` streams.
    stream_flag: str | None = None

    @property
    def label(self) -> str:
        """How log lines name the operation: its operationId, or its method and path when the
        document gives none (the generator then makes one of the shape `post_/items`)."""
        if self.operation_id.startswith(f"{self.method.lower()}_/"):
            return f"{self.method.upper()} {self.path}"
        return self.operation_id

    def streaming(self, body: Body | None) -> bool:
        """Whether this call asks for the streamed reply."""
        if not self.streams:
            return False
        if self.stream_flag is None:
            return True
        from ._bodies import FormBody, JsonBody, MultipartBody

        if isinstance(body, JsonBody):
            value: object = body.value
        elif isinstance(body, (FormBody, MultipartBody)):
            value = body.fields
        else:
            value = None
        return isinstance(value, Mapping) and value.get(self.stream_flag) is True


@dataclass(frozen=True, slots=True)
class RequestOptions:
    """Per-call overrides."""

    timeout: TimeoutTypes | NotGiven = NOT_GIVEN
    max_retries: int | NotGiven = NOT_GIVEN
    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, str] | None = None
    #: Properties added to the JSON (form, multipart) body; without a body they are sent as a JSON object.
    extra_body: Mapping[str, object] | None = None
    #: An absolute URL sent instead of the operation's path and query: a next page's link.
    url: str | None = None


_DEFAULT_OPTIONS = RequestOptions()


class CallOptions(TypedDict, total=False):
    """The per-call keywords every method takes (``**call_options``); one left out keeps the client's."""

    #: Seconds (or an ``httpx.Timeout``) for this call instead of the client's.
    timeout: TimeoutTypes | NotGiven
    #: Retries of this call instead of the client's (connection errors, 408, 429, 5xx on idempotent requests).
    max_retries: int | NotGiven
    #: Headers added to (or replacing) the request's own.
    extra_headers: Mapping[str, str] | None
    #: Query parameters added to (or replacing) the request's own.
    extra_query: Mapping[str, str] | None
    #: Properties added to the JSON (form, multipart) body; without a body they are sent as a JSON object.
    extra_body: Mapping[str, object] | None


class RawResponse(Generic[T_co]):
    """The parsed result of a call together with the underlying HTTP response."""

    __slots__ = ("_parsed", "http_response")

    def __init__(self, parsed: T_co, http_response: httpx.Response) -> None:
        self._parsed = parsed
        self.http_response = http_response

    @property
    def parsed(self) -> T_co:
        """The reply parsed into its documented type (a stream of items for a streamed reply)."""
        return self._parsed

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    def __repr__(self) -> str:
        return f"RawResponse(status_code={self.status_code}, parsed={self.parsed!r})"


# ------------------------------------------------------------------ helpers


def _typed(
    spec: ResponseSpec, response: httpx.Response, data: Any, endpoint: Endpoint[Any], strict: bool
) -> Any:
    """The decoded body `data` as the documented type (as is when there is none).

    Strict, a value that does not fit raises; otherwise it is kept as sent where it does not fit
    (`_lenient.py`), and the mismatch is logged.
    """
    if spec.type is None:
        return data
    # Decoding modules load on the first reply to decode (pydantic among them), not at `import`.
    from pydantic import ValidationError

    from ._lenient import read_leniently, report_mismatches
    from ._reading import reader

    try:
        return reader(spec.type).python(data)
    except ValidationError as exc:
        if data is None and not response.content.strip():
            raise APIResponseValidationError(
                response=response,
                body=None,
                message=(
                    f"{response.request.method} {_safe(response)} answered {response.status_code} "
                    f"with an empty body where {_type_name(spec.type)} is documented"
                ),
            ) from exc
        if strict:
            raise APIResponseValidationError(response=response, body=data) from exc
    value, mismatches = read_leniently(spec.type, data)
    report_mismatches(endpoint.label, mismatches)
    return value


def _type_name(tp: Any) -> str:
    return tp.__name__ if isinstance(tp, type) else repr(tp).replace("typing.", "")


def _success_spec(endpoint: Endpoint[Any]) -> ResponseSpec | None:
    """What a 2xx reply the document does not list is read as: the first documented success
    (201 answered where 200 is documented, 200 where 204 is)."""
    for status, spec in endpoint.responses.items():
        if status.startswith("2") or status == "default":
            return spec
    return None


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    """Scheme, host and port, the default port written out (`http://a` and `http://a:80` are one)."""
    return (url.scheme, url.host, url.port or {"http": 80, "https": 443}.get(url.scheme))


def _match_status(mapping: Mapping[str, T], status: int) -> T | None:
    """Exact status beats ``NXX`` range beats ``default``."""
    exact = mapping.get(str(status))
    if exact is not None:
        return exact
    for key in (f"{status // 100}XX", f"{status // 100}xx"):
        ranged = mapping.get(key)
        if ranged is not None:
            return ranged
    return mapping.get("default")


def _retryable_status(status: int) -> bool:
    return status in (408, 429) or status >= 500


def parse_retry_after(headers: httpx.Headers, *, now: float | None = None) -> float | None:
    """Seconds to wait according to ``retry-after-ms`` / ``Retry-After`` (seconds or HTTP-date)."""
    raw_ms = headers.get("retry-after-ms")
    if raw_ms:
        try:
            return float(raw_ms) / 1000.0
        except ValueError:
            pass
    raw = headers.get("retry-after")
    if not raw:
        return None
    try:
        return float(raw)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:  # pragma: no cover - older Pythons
        return None
    current = time.time() if now is None else now
    return when.timestamp() - current


def _timeout_value(timeout: TimeoutTypes) -> httpx.Timeout:
    if isinstance(timeout, httpx.Timeout):
        return timeout
    return httpx.Timeout(timeout)


def _always_retryable(exc: httpx.RequestError) -> bool:
    # The request never reached the server: safe to retry for any method.
    return isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))


def _retryable_exception(exc: httpx.RequestError, method_retryable: bool) -> bool:
    if _always_retryable(exc):
        return True
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.LocalProtocolError, httpx.ProxyError)):
        return False
    return method_retryable and isinstance(exc, httpx.TransportError)


def _api_key_names(auths: Sequence[httpx.Auth | None], location: str) -> set[str]:
    names: set[str] = set()
    pending = [a for a in auths if a is not None]
    while pending:
        auth = pending.pop()
        if isinstance(auth, ApiKeyAuth) and auth.location == location:
            names.add(auth.name)
        elif isinstance(auth, CombinedAuth):
            pending.extend(auth.auths)
    return names


class _BaseClient:
    _asynchronous = False

    @property
    def _http_client(self) -> httpx.Client | httpx.AsyncClient:
        raise NotImplementedError  # each client makes its own on first use

    def __init__(
        self,
        *,
        base_url: str,
        credentials: Mapping[str, httpx.Auth],
        custom_schemes: frozenset[str],
        auth: httpx.Auth | None,
        timeout: TimeoutTypes | NotGiven,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        user_agent: str,
        sensitive_headers: Collection[str],
        sensitive_query_params: Collection[str],
        http_client_given: bool,
        strict_response_validation: bool = False,
        follow_redirects: bool = True,
    ) -> None:
        url = httpx.URL(base_url)
        if not url.is_absolute_url or url.scheme not in ("http", "https"):
            raise ValueError("base_url must be an absolute http(s) URL")
        if max_retries < 0:
            raise ValueError("max_retries must be >= 0")
        self._base_url = str(url.copy_with(query=None, fragment=None)).rstrip("/")
        self._credentials: dict[str, httpx.Auth] = dict(credentials)
        self._custom_schemes = frozenset(custom_schemes)
        self._auth = auth
        if isinstance(timeout, NotGiven):
            self._timeout: httpx.Timeout | None = None if http_client_given else DEFAULT_TIMEOUT
        else:
            self._timeout = _timeout_value(timeout)
        self.max_retries = max_retries
        self._strict = strict_response_validation
        self._follow_redirects = follow_redirects
        self._default_headers: dict[str, str] = dict(default_headers or {})
        self._user_agent = user_agent
        all_auths = [*self._credentials.values(), auth]
        self._sensitive_headers = frozenset(
            {h.lower() for h in sensitive_headers}
            | {n.lower() for n in _api_key_names(all_auths, "header")}
        )
        self._sensitive_query = frozenset(
            set(sensitive_query_params) | _api_key_names(all_auths, "query")
        )
        protect_httpx_logger(self._sensitive_query)

    @property
    def base_url(self) -> str:
        return self._base_url

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={redact_url(self._base_url)!r})"

    # -------------------------------------------------------------- building

    def _accept(self, endpoint: Endpoint[Any], streaming: bool) -> str:
        if streaming:
            media_types = sorted(
                {opener.media_type for opener in endpoint.streams.values() if opener.media_type}
            )
            return ", ".join(media_types) if media_types else "*/*"
        kinds = {spec.kind for spec in endpoint.responses.values()} - {"stream"}
        if kinds <= {"json", "none"} and "json" in kinds:
            return "application/json"
        if "json" in kinds:
            return "application/json, */*;q=0.8"
        return "*/*"

    def _idempotency_key(
        self, endpoint: Endpoint[Any], headers: Sequence[Param], options: RequestOptions
    ) -> str | None:
        name = endpoint.idempotency_header
        if not name:
            return None
        lowered = name.lower()
        for param in headers:
            if param.name.lower() == lowered and not (
                isinstance(param.value, NotGiven) or param.value is None
            ):
                return None  # the caller's own key is sent as a normal header
        for key in options.extra_headers or {}:
            if key.lower() == lowered:
                return None
        return str(uuid.uuid4())

    def _url(
        self,
        endpoint: Endpoint[Any],
        path_params: Sequence[Param],
        query: Sequence[Param],
        options: RequestOptions,
    ) -> str:
        if options.url is not None:
            return _with_query(options.url, options.extra_query)
        from ._params import encode_target

        target = encode_target(endpoint.path, path_params, query)
        if options.extra_query:
            extra = urlencode(list(options.extra_query.items()), quote_via=quote)
            target = f"{target}{'&' if '?' in target else '?'}{extra}"
        return f"{self._server(endpoint)}{target}"

    def _server(self, endpoint: Endpoint[Any]) -> str:
        if endpoint.server is None:
            return self._base_url
        return str(httpx.URL(self._base_url).join(endpoint.server)).rstrip("/")

    def _build_request(
        self,
        endpoint: Endpoint[Any],
        *,
        path_params: Sequence[Param],
        query: Sequence[Param],
        headers: Sequence[Param],
        cookies: Sequence[Param],
        body: Body | None,
        options: RequestOptions,
        idempotency_key: str | None,
        streaming: bool = False,
    ) -> httpx.Request:
        from ._bodies import FileChunks, with_extra_body
        from ._params import encode_cookies, encode_headers

        url = self._url(endpoint, path_params, query, options)
        merged = httpx.Headers(
            {"Accept": self._accept(endpoint, streaming), "User-Agent": self._user_agent}
        )
        merged.update(self._default_headers)
        kwargs: dict[str, Any] = {}
        body = with_extra_body(body, options.extra_body)
        if body is not None:
            body_kwargs = body.request_kwargs()
            merged.update(body_kwargs.pop("headers", {}))
            kwargs.update(body_kwargs)
            content = kwargs.get("content")
            if self._asynchronous and isinstance(content, FileChunks):
                kwargs["content"] = content.async_chunks()
        merged.update(encode_headers(headers))
        if idempotency_key is not None and endpoint.idempotency_header:
            merged[endpoint.idempotency_header] = idempotency_key
        if options.extra_headers:
            merged.update(options.extra_headers)
        if isinstance(options.timeout, NotGiven):
            timeout: Any = httpx.USE_CLIENT_DEFAULT if self._timeout is None else self._timeout
        else:
            timeout = _timeout_value(options.timeout)
        request = self._http_client.build_request(
            endpoint.method.upper(),
            url,
            headers=merged,
            timeout=timeout,
            extensions={BASE_URL_EXTENSION: self._base_url},
            **kwargs,
        )
        for name, value in encode_cookies(cookies).items():
            append_cookie(request, name, value)
        return request

    def _select_auth(self, endpoint: Endpoint[Any]) -> Any:
        auth = select_auth(endpoint.security, self._credentials, self._custom_schemes, self._auth)
        return httpx.USE_CLIENT_DEFAULT if auth is None else auth

    # ------------------------------------------------------------- redirects

    def _redirect(
        self, response: httpx.Response, origin: httpx.URL, hops: int
    ) -> tuple[httpx.Request, bool] | None:
        """The request that follows `response` when it redirects and redirects are followed, with
        whether it stays on `origin` (the first request's): credentials travel only there.

        The method and body follow the status as browsers and httpx do: 307 and 308 keep both, 303
        (and 301/302 after anything but GET or HEAD) becomes a GET without a body.
        """
        if not self._follow_redirects or not response.has_redirect_location:
            return None
        following = response.next_request
        if following is None:
            return None
        if hops >= MAX_REDIRECTS:
            raise APIStatusError(
                f"{response.request.method} {_safe(response)}: stopped after {MAX_REDIRECTS} redirects",
                response=response,
                body=None,
            )
        same_origin = _origin(following.url) == _origin(origin)
        if not same_origin:
            for name in ALWAYS_SENSITIVE_HEADERS | self._sensitive_headers:
                following.headers.pop(name, None)
        logger.debug(
            "Redirect: %d from %s to %s",
            response.status_code,
            redact_url(response.request.url, self._sensitive_query),
            redact_url(following.url, self._sensitive_query),
        )
        return following, same_origin

    # --------------------------------------------------------------- retries

    def _retry_delay(self, retries_done: int, response: httpx.Response | None) -> float:
        if response is not None:
            hinted = parse_retry_after(response.headers)
            if hinted is not None and 0 <= hinted <= MAX_RETRY_AFTER:
                return hinted
        backoff = min(INITIAL_RETRY_DELAY * (2.0**retries_done), MAX_RETRY_DELAY)
        return backoff * (1.0 - 0.25 * random.random())

    def _log_retry(
        self, request: httpx.Request, reason: str, delay: float, retry: int, of: int
    ) -> None:
        logger.info(
            "Retrying %s %s in %.2f s (retry %d of %d): %s",
            request.method,
            redact_url(request.url, self._sensitive_query),
            delay,
            retry,
            of,
            reason,
        )

    def _log_request(self, request: httpx.Request) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "Request: %s %s headers=%s",
                request.method,
                redact_url(request.url, self._sensitive_query),
                redact_headers(request.headers, self._sensitive_headers),
            )

    def _log_response(self, request: httpx.Request, response: httpx.Response) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "Response: %s %s -> %d headers=%s",
                request.method,
                redact_url(request.url, self._sensitive_query),
                response.status_code,
                redact_headers(response.headers, self._sensitive_headers),
            )

    # --------------------------------------------------------------- parsing

    def _process_response(
        self, endpoint: Endpoint[Any], response: httpx.Response
    ) -> RawResponse[Any]:
        status = response.status_code
        if status >= 400:
            raise self._make_status_error(endpoint, response)
        spec = _match_status(endpoint.responses, status)
        if spec is None and 200 <= status < 300:
            spec = _success_spec(endpoint)
            if spec is None:  # the document lists no success at all: the call's type is None
                return RawResponse(None, response)
        if spec is None:
            raise self._make_status_error(endpoint, response)
        return RawResponse(self._parse_success(endpoint, spec, response), response)

    def _parse_success(
        self, endpoint: Endpoint[Any], spec: ResponseSpec, response: httpx.Response
    ) -> Any:
        if spec.kind in ("none", "stream"):  # a stream asked for without its flag: nothing to parse
            return None
        if spec.kind == "bytes":
            return response.content
        if spec.kind == "text":
            return response.text
        if spec.kind == "xml":
            return self._parse_xml(endpoint, spec, response)
        content = response.content
        if spec.type is not None and content.strip():
            # Fast path: pydantic-core parses and validates the bytes in one pass, without first
            # building the dicts and lists of `json.loads` only to copy them into models.
            from pydantic import ValidationError

            from ._reading import reader

            try:
                return reader(spec.type).json(content)
            except ValidationError:
                pass  # redone below, so that errors and non-UTF-8 bodies behave exactly as before
        data: Any = None
        if content.strip():
            try:
                data = response.json()
            except ValueError as exc:
                raise APIResponseValidationError(
                    response=response,
                    body=_safe_text(response),
                    message=(
                        f"Response body of {response.status_code} for "
                        f"{response.request.method} {_safe(response)} is not valid JSON"
                    ),
                ) from exc
        return _typed(spec, response, data, endpoint, self._strict)

    def _parse_xml(
        self, endpoint: Endpoint[Any], spec: ResponseSpec, response: httpx.Response
    ) -> Any:
        data: Any = None
        if response.content.strip() and spec.xml is not None:
            try:
                data = spec.xml.decode(response.content)
            except ValueError as exc:
                raise APIResponseValidationError(
                    response=response,
                    body=_safe_text(response),
                    message=(
                        f"Response body of {response.status_code} for "
                        f"{response.request.method} {_safe(response)} is not usable XML: {exc}"
                    ),
                ) from exc
        return _typed(spec, response, data, endpoint, self._strict)

    def _make_status_error(
        self, endpoint: Endpoint[Any], response: httpx.Response
    ) -> APIStatusError:
        body: object = None
        try:
            body = self._error_body(endpoint, response)
        except Exception:  # never let a weird body break error reporting
            body = None
        try:
            message = status_message(response)
        except Exception:  # pragma: no cover - defensive
            message = f"HTTP {response.status_code}"
        return status_error_class(response.status_code)(message, response=response, body=body)

    def _error_body(self, endpoint: Endpoint[Any], response: httpx.Response) -> object:
        if not response.content.strip():
            return None
        try:
            data = response.json()
        except Exception:
            return _safe_text(response)
        error_type = _match_status(endpoint.errors, response.status_code)
        if error_type is None:
            return data
        from ._reading import reader

        try:
            return reader(error_type).python(data)
        except Exception:
            return data


def _with_query(url: str, extra: Mapping[str, str] | None) -> str:
    """A followed link with the caller's ``extra_query`` added where the link does not set it."""
    if not extra:
        return url
    parsed = httpx.URL(url)
    missing = {key: value for key, value in extra.items() if key not in parsed.params}
    return str(parsed.copy_merge_params(missing)) if missing else url


def _safe(response: httpx.Response) -> str:
    return safe_url(response.request.url)


def _safe_text(response: httpx.Response) -> str | None:
    try:
        text = response.text
    except Exception:
        return None
    return text or None
