"""Errors raised by the DataWollet API - tokens, extraction sessions and envelope access client.

Every HTTP error status raises a subclass of `APIStatusError` carrying `status_code`, `headers`,
the raw `response` and `body`: the error body parsed into the model the API documents for that
operation and status (or the decoded JSON/text when it documents none). An error the server
reports inside a stream that has started raises `StreamError` from the iteration.
"""

from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    RateLimitError,
    StreamError,
    UnprocessableEntityError,
)

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "PreconditionFailedError",
    "RateLimitError",
    "StreamError",
    "UnprocessableEntityError",
]
