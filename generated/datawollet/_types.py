"""Shared type aliases, sentinels and defaults for the client runtime."""

from __future__ import annotations

from typing import IO, Final, Literal, TypeAlias

import httpx

__all__ = [
    "NotGiven",
    "NOT_GIVEN",
    "TimeoutTypes",
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "FileContent",
    "FileInput",
]


class NotGiven:
    """Sentinel for "the caller did not pass this argument".

    Distinct from ``None``, which is a meaningful value (JSON ``null``, or "no
    timeout").  The sentinel is falsy, and the class always hands back the one
    shared instance, so identity checks (``value is NOT_GIVEN``) are reliable
    and copies/pickles keep working.
    """

    __slots__ = ()
    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __copy__(self) -> NotGiven:
        return self

    def __deepcopy__(self, memo: object) -> NotGiven:
        return self

    def __reduce__(self) -> tuple[type[NotGiven], tuple[()]]:
        return (NotGiven, ())


NOT_GIVEN: Final[NotGiven] = NotGiven()

TimeoutTypes: TypeAlias = float | httpx.Timeout | None

DEFAULT_TIMEOUT: Final[httpx.Timeout] = httpx.Timeout(60.0, connect=10.0)
DEFAULT_MAX_RETRIES: Final[int] = 2

FileContent: TypeAlias = bytes | IO[bytes]
FileInput: TypeAlias = (
    FileContent | tuple[str | None, FileContent] | tuple[str | None, FileContent, str | None]
)
