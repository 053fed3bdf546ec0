"""Lazy auto-pagination over page-number, cursor and offset paginated operations.

A pager receives a ``fetch`` callable from generated code: ``fetch(None)``
fetches the first page with the caller's own arguments, ``fetch(token)`` the
page for that page number / cursor / offset.  Nothing is fetched until the
pager is iterated; each iteration starts again from the first page.

Attribute paths (``items``, ``next_cursor`` ...) are tuples of Python attribute
names on the *parsed* page (mappings are looked up by key); a ``None`` anywhere
along the path yields ``None``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeAlias, TypeVar

__all__ = [
    "PageNumberPaging",
    "CursorPaging",
    "OffsetPaging",
    "Paging",
    "SyncPager",
    "AsyncPager",
    "get_path",
]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PageNumberPaging:
    """``param`` is the page-number query parameter; ``start`` the first page number."""

    param: str
    start: int
    items: tuple[str, ...]
    current_page: tuple[str, ...] | None = None
    last_page: tuple[str, ...] | None = None
    total_items: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class CursorPaging:
    """``next_cursor`` points at the cursor to pass as ``param`` for the next page."""

    param: str
    items: tuple[str, ...]
    next_cursor: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OffsetPaging:
    """``start`` is the offset of the first page; a page shorter than ``limit`` is the last."""

    param: str
    items: tuple[str, ...]
    limit: int | None = None
    start: int = 0
    total_items: tuple[str, ...] | None = None


Paging: TypeAlias = PageNumberPaging | CursorPaging | OffsetPaging


def get_path(obj: object, path: tuple[str, ...] | None) -> Any:
    """Follow attribute names (or mapping keys); ``None`` anywhere gives ``None``."""
    if path is None:
        return None
    current: Any = obj
    for name in path:
        if current is None:
            return None
        if isinstance(current, Mapping):
            current = current.get(name)
        else:
            current = getattr(current, name, None)
    return current


def _as_int(value: object) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            return None
    return None


_STOP = object()


class _State:
    """Decides, page after page, which token to fetch next (or to stop)."""

    def __init__(self, paging: Paging) -> None:
        self.paging = paging
        self.fetched = 0
        self.page_number = paging.start if isinstance(paging, PageNumberPaging) else 0
        self.offset = paging.start if isinstance(paging, OffsetPaging) else 0
        self.cursors_seen: set[object] = set()

    def items(self, page: object) -> list[Any]:
        items = get_path(page, self.paging.items)
        if items is None:
            return []
        return list(items)

    def next_token(self, page: object, items: list[Any]) -> object:
        paging = self.paging
        if not items:
            return _STOP
        self.fetched += len(items)
        if isinstance(paging, CursorPaging):
            cursor = get_path(page, paging.next_cursor)
            if cursor is None or cursor == "":
                return _STOP
            try:
                if cursor in self.cursors_seen:
                    return _STOP
                self.cursors_seen.add(cursor)
            except TypeError:  # unhashable cursor: compare with the last one only
                pass
            return cursor
        total = _as_int(get_path(page, paging.total_items))
        if total is not None and self.fetched >= total:
            return _STOP
        if isinstance(paging, OffsetPaging):
            if paging.limit is not None and len(items) < paging.limit:
                return _STOP
            self.offset += len(items)
            return self.offset
        current = _as_int(get_path(page, paging.current_page))
        if current is None:
            current = self.page_number
        last = _as_int(get_path(page, paging.last_page))
        if last is not None and current >= last:
            return _STOP
        self.page_number = current + 1
        return self.page_number


class SyncPager(Generic[T]):
    """Iterate items across pages (``for item in pager``) or pages (``pager.pages()``)."""

    def __init__(self, fetch: Callable[[object | None], Any], paging: Paging) -> None:
        self._fetch = fetch
        self._paging = paging

    def pages(self) -> Iterator[Any]:
        state = _State(self._paging)
        token: object | None = None
        while True:
            page = self._fetch(token)
            yield page
            next_token = state.next_token(page, state.items(page))
            if next_token is _STOP:
                return
            token = next_token

    def __iter__(self) -> Iterator[T]:
        state = _State(self._paging)
        token: object | None = None
        while True:
            page = self._fetch(token)
            items = state.items(page)
            yield from items
            next_token = state.next_token(page, items)
            if next_token is _STOP:
                return
            token = next_token

    def __repr__(self) -> str:
        return f"SyncPager(paging={self._paging!r})"


class AsyncPager(Generic[T]):
    """``async for item in pager`` or ``async for page in pager.pages()``."""

    def __init__(self, fetch: Callable[[object | None], Awaitable[Any]], paging: Paging) -> None:
        self._fetch = fetch
        self._paging = paging

    async def pages(self) -> AsyncIterator[Any]:
        state = _State(self._paging)
        token: object | None = None
        while True:
            page = await self._fetch(token)
            yield page
            next_token = state.next_token(page, state.items(page))
            if next_token is _STOP:
                return
            token = next_token

    async def _items(self) -> AsyncIterator[T]:
        state = _State(self._paging)
        token: object | None = None
        while True:
            page = await self._fetch(token)
            items = state.items(page)
            for item in items:
                yield item
            next_token = state.next_token(page, items)
            if next_token is _STOP:
                return
            token = next_token

    def __aiter__(self) -> AsyncIterator[T]:
        return self._items()

    def __repr__(self) -> str:
        return f"AsyncPager(paging={self._paging!r})"
