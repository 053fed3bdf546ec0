"""Exception hierarchy raised by generated clients.

Every message is built from the HTTP method, the status line and the URL
*without* its query string, user info or fragment, so credentials that travel
in headers, cookies or query parameters can never end up in ``str(error)``.
"""

from __future__ import annotations

import httpx

__all__ = [
    "APIError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
    "APIStatusError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "PreconditionFailedError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "OAuth2Error",
    "status_error_class",
    "safe_url",
    "describe_request",
    "status_message",
    "connection_error",
]


def safe_url(url: httpx.URL | str) -> str:
    """``scheme://host[:port]/path`` of *url*: no user info, query or fragment."""
    parsed = url if isinstance(url, httpx.URL) else httpx.URL(url)
    if not parsed.is_absolute_url:
        return parsed.path
    port = f":{parsed.port}" if parsed.port is not None else ""
    host = parsed.host
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    return f"{parsed.scheme}://{host}{port}{parsed.path}"


def describe_request(request: httpx.Request) -> str:
    """``"GET https://host/path"`` for use in messages (never the query)."""
    return f"{request.method} {safe_url(request.url)}"


class APIError(Exception):
    """Base class of every error raised by the client runtime."""

    message: str

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class APIConnectionError(APIError):
    """The request could not be sent, or no (complete) response was received."""

    request: httpx.Request

    def __init__(self, *, request: httpx.Request, message: str | None = None) -> None:
        super().__init__(message or f"Connection error for {describe_request(request)}")
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool timeout)."""

    def __init__(self, *, request: httpx.Request, message: str | None = None) -> None:
        super().__init__(
            request=request, message=message or f"Request timed out for {describe_request(request)}"
        )


class APIResponseValidationError(APIError):
    """A successful response's body did not match the documented type."""

    response: httpx.Response
    body: object
    status_code: int

    def __init__(
        self, *, response: httpx.Response, body: object, message: str | None = None
    ) -> None:
        super().__init__(
            message
            or (
                f"Response body of {response.status_code} for "
                f"{describe_request(response.request)} does not match the documented type"
            )
        )
        self.response = response
        self.body = body
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The server answered with an error status (or an undocumented non-2xx one).

    ``body`` is the documented error model instance when the body parses into it,
    otherwise the decoded JSON, otherwise the text, otherwise ``None``.
    """

    status_code: int
    headers: httpx.Headers
    response: httpx.Response
    body: object
    request_id: str | None

    def __init__(self, message: str, *, response: httpx.Response, body: object) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.headers = response.headers
        self.body = body
        self.request_id = response.headers.get("x-request-id")

    @property
    def request(self) -> httpx.Request:
        return self.response.request

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class BadRequestError(APIStatusError):
    """HTTP 400."""


class AuthenticationError(APIStatusError):
    """HTTP 401."""


class PermissionDeniedError(APIStatusError):
    """HTTP 403."""


class NotFoundError(APIStatusError):
    """HTTP 404."""


class ConflictError(APIStatusError):
    """HTTP 409."""


class PreconditionFailedError(APIStatusError):
    """HTTP 412."""


class UnprocessableEntityError(APIStatusError):
    """HTTP 422."""


class RateLimitError(APIStatusError):
    """HTTP 429."""


class InternalServerError(APIStatusError):
    """Any HTTP status >= 500."""


class OAuth2Error(APIError):
    """The OAuth2 token endpoint answered 2xx but without a usable access token.

    Error *statuses* from the token endpoint raise the regular
    :class:`APIStatusError` subclasses (e.g. :class:`AuthenticationError`).
    """

    response: httpx.Response | None

    def __init__(self, message: str, *, response: httpx.Response | None = None) -> None:
        super().__init__(message)
        self.response = response


_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    412: PreconditionFailedError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status: int) -> type[APIStatusError]:
    """The exception class for an error *status*."""
    if status >= 500:
        return InternalServerError
    return _STATUS_CLASSES.get(status, APIStatusError)


def status_message(response: httpx.Response, *, prefix: str = "") -> str:
    """``"404 Not Found for GET https://host/path"``."""
    reason = response.reason_phrase or ""
    status = f"{response.status_code} {reason}".rstrip()
    return f"{prefix}{status} for {describe_request(response.request)}"


def connection_error(exc: httpx.RequestError, request: httpx.Request) -> APIConnectionError:
    """The client's error for a transport failure: sending, or reading a reply (a stream) midway."""
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(request=request)
    return APIConnectionError(
        request=request,
        message=f"Connection error ({type(exc).__name__}) for {describe_request(request)}",
    )
