"""``with_raw_response`` and ``with_streaming_response``: typed views of each method, not copies of it.

A view calls the resource's own method (its arguments, checks and warnings) after asking, through a
context variable, for the reply in another form; the client reads that wish once, at the method's
request, and hands back the ``RawResponse`` (or the unread ``StreamedResponse``) instead of the
parsed value. ``ParamSpec`` keeps each method's signature (and its overloads) in the view's type.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Literal, ParamSpec, TypeVar, cast

from ._client_base import RawResponse
from ._pagination import AsyncPager, Paging, SyncPager
from ._types import NotGiven
from ._response import (
    AsyncStreamedResponse,
    AsyncStreamedResponseManager,
    StreamedResponse,
    StreamedResponseManager,
)

__all__ = [
    "Wish",
    "take_wish",
    "quiet",
    "to_raw",
    "to_raw_async",
    "to_streamed",
    "to_streamed_async",
    "to_page",
    "to_page_async",
    "to_pager",
    "to_pager_async",
]

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Wish:
    """How the method's request should hand back its reply."""

    form: Literal["raw", "streamed"]
    #: An absolute URL sent instead of the operation's path and query (a next page's link).
    url: str | None = None
    #: The deprecation warnings were given already (pages after an ``iter_`` method's call).
    quiet: bool = False


_WISH: ContextVar[Wish | None] = ContextVar("clientsmith_wish", default=None)


def take_wish() -> Wish | None:
    """What a view asked of this request; any request after it gets the parsed value again."""
    wish = _WISH.get()
    if wish is not None:
        _WISH.set(None)
    return wish


def quiet() -> bool:
    """Whether the method being called must not warn (its ``iter_`` method warned once already)."""
    wish = _WISH.get()
    return wish is not None and wish.quiet


# `wish` and `method` are positional-only: an operation may take an argument of either name, which
# must reach the operation, not bind here.
def _call(wish: Wish, method: Callable[P, Any], /, *args: P.args, **kwargs: P.kwargs) -> Any:
    token = _WISH.set(wish)
    try:
        return method(*args, **kwargs)
    finally:
        _WISH.reset(token)


async def _call_async(
    wish: Wish, method: Callable[P, Awaitable[Any]], /, *args: P.args, **kwargs: P.kwargs
) -> Any:
    token = _WISH.set(wish)
    try:
        return await method(*args, **kwargs)
    finally:
        _WISH.reset(token)


_RAW = Wish("raw")
_STREAMED = Wish("streamed")


def to_raw(method: Callable[P, R]) -> Callable[P, RawResponse[R]]:
    """``method`` returning its ``RawResponse`` (the parsed value with its ``httpx.Response``)."""

    @functools.wraps(method)
    def raw(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        return cast("RawResponse[R]", _call(_RAW, method, *args, **kwargs))

    return raw


def to_raw_async(method: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[RawResponse[R]]]:
    @functools.wraps(method)
    async def raw(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        return cast("RawResponse[R]", await _call_async(_RAW, method, *args, **kwargs))

    return raw


def to_streamed(method: Callable[P, R]) -> Callable[P, StreamedResponseManager[R]]:
    """``method`` returning a context manager that sends the request on entry and hands back the
    reply unread, closing the connection on exit."""

    @functools.wraps(method)
    def streamed(*args: P.args, **kwargs: P.kwargs) -> StreamedResponseManager[R]:
        return StreamedResponseManager(
            lambda: cast("StreamedResponse[R]", _call(_STREAMED, method, *args, **kwargs))
        )

    return streamed


def to_streamed_async(
    method: Callable[P, Awaitable[R]],
) -> Callable[P, AsyncStreamedResponseManager[R]]:
    @functools.wraps(method)
    def streamed(*args: P.args, **kwargs: P.kwargs) -> AsyncStreamedResponseManager[R]:
        async def send() -> AsyncStreamedResponse[R]:
            return cast(
                "AsyncStreamedResponse[R]", await _call_async(_STREAMED, method, *args, **kwargs)
            )

        return AsyncStreamedResponseManager(send)

    return streamed


def to_page(method: Callable[P, R], url: object | None = None) -> Callable[P, RawResponse[R]]:
    """One page of an ``iter_`` method's walk: raw, without warning again; ``url`` a next page's link."""
    wish = Wish("raw", None if url is None else str(url), quiet=True)

    def page(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        return cast("RawResponse[R]", _call(wish, method, *args, **kwargs))

    return page


def to_page_async(
    method: Callable[P, Awaitable[R]], url: object | None = None
) -> Callable[P, Awaitable[RawResponse[R]]]:
    wish = Wish("raw", None if url is None else str(url), quiet=True)

    async def page(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        return cast("RawResponse[R]", await _call_async(wish, method, *args, **kwargs))

    return page


def to_pager(
    method: Callable[P, Any], pager: type[SyncPager[T]], paging: Paging, argument: str | None = None
) -> Callable[P, SyncPager[T]]:
    """An ``iter_`` method: ``method``'s arguments, and every item of its pages, fetched lazily.

    ``argument`` is the method's keyword argument that carries the page number, offset or cursor
    (the walk's start when given); None when later pages come from links the API gives."""

    def walk(*args: P.args, **kwargs: P.kwargs) -> SyncPager[T]:
        def fetch(token: object | None) -> RawResponse[Any]:
            if argument is None:
                return to_page(method, token)(*args, **kwargs)
            arguments = kwargs if token is None else {**kwargs, argument: token}
            return cast("RawResponse[Any]", cast(Any, to_page(method))(*args, **arguments))

        return pager(fetch, paging, _start(kwargs, argument))

    return walk


def to_pager_async(
    method: Callable[P, Awaitable[Any]],
    pager: type[AsyncPager[T]],
    paging: Paging,
    argument: str | None = None,
) -> Callable[P, AsyncPager[T]]:
    def walk(*args: P.args, **kwargs: P.kwargs) -> AsyncPager[T]:
        async def fetch(token: object | None) -> RawResponse[Any]:
            if argument is None:
                return await to_page_async(method, token)(*args, **kwargs)
            arguments = kwargs if token is None else {**kwargs, argument: token}
            return cast(
                "RawResponse[Any]", await cast(Any, to_page_async(method))(*args, **arguments)
            )

        return pager(fetch, paging, _start(kwargs, argument))

    return walk


def _start(kwargs: dict[str, Any], argument: str | None) -> object | None:
    """Where the walk starts: the page number, offset or cursor the caller gave, if any."""
    given = kwargs.get(argument) if argument is not None else None
    return None if isinstance(given, NotGiven) else given
