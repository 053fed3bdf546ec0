"""Shared type aliases, sentinels and defaults for the client runtime."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import IO, Final, Literal, Protocol, SupportsIndex, TypeAlias, TypeGuard, TypeVar, overload

import httpx

__all__ = [
    "NotGiven",
    "NOT_GIVEN",
    "TimeoutTypes",
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "FileContent",
    "FileInput",
    "SequenceNotStr",
    "is_sequence",
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

_T_co = TypeVar("_T_co", covariant=True)


class SequenceNotStr(Protocol[_T_co]):
    """What a list-of-strings argument takes: any sequence of strings (a list, a tuple), but not a
    lone string, which is a sequence of its characters and almost always a mistake there.

    `str.__contains__` takes only a `str`, where this protocol asks for any object: so a type
    checker finds that `str` does not fit, while `list` and `tuple` do.
    """

    @overload
    def __getitem__(self, index: SupportsIndex, /) -> _T_co: ...

    @overload
    def __getitem__(self, index: slice, /) -> Sequence[_T_co]: ...

    def __contains__(self, value: object, /) -> bool: ...

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[_T_co]: ...


def is_sequence(value: object) -> TypeGuard[Sequence[object]]:
    """Whether an argument holds several values (a list, a tuple or any other sequence; not text)."""
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes, bytearray, memoryview))
