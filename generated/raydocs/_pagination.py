"""Lazy auto-pagination: page numbers, cursors, offsets, ``Link`` headers and next-page URLs.

A pager receives a ``fetch`` callable from generated code: ``fetch(None)`` fetches the
first page with the caller's own arguments, ``fetch(token)`` the page for that page
number, cursor, offset or URL; it returns the :class:`RawResponse` (the parsed page and
the ``httpx.Response``, whose ``Link`` header and URL the link styles read). Nothing is
fetched until the pager is iterated; each iteration starts again from the first page.

A walk ends on an empty page, on a missing next link or cursor, when a has-more flag
says so, or when the total (items, pages, or the last page number) is reached. A cursor
API may send an empty page with a fresh cursor (AWS documents it): that walk goes on,
and a cursor seen before ends it.

Attribute paths (``items``, ``next_cursor`` ...) are tuples of Python attribute names on
the *parsed* page (mappings are looked up by key); ``()`` is the page itself; a ``None``
anywhere along the path yields ``None``.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeAlias, TypeVar

import httpx

from ._client_base import RawResponse
from ._exceptions import APIResponseValidationError, safe_url

__all__ = [
    "PageNumberPaging",
    "CursorPaging",
    "OffsetPaging",
    "LinkPaging",
    "NextUrlPaging",
    "Paging",
    "SyncPager",
    "AsyncPager",
    "get_path",
    "next_link",
    "parse_link_header",
]

T = TypeVar("T")
Path: TypeAlias = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PageNumberPaging:
    """``param`` is the page-number query parameter; ``start`` the first page's number."""

    param: str
    start: int
    items: Path
    current_page: Path | None = None
    last_page: Path | None = None  # the number of the last page
    page_count: Path | None = None  # how many pages there are
    total_items: Path | None = None
    has_more: Path | None = None


@dataclass(frozen=True, slots=True)
class CursorPaging:
    """The next cursor is the field ``next_cursor`` of the page, or the field ``cursor_from_item``
    of its last item (Stripe's ``starting_after``); it is sent as ``param``."""

    param: str
    items: Path
    next_cursor: Path | None = None
    cursor_from_item: Path | None = None
    has_more: Path | None = None


@dataclass(frozen=True, slots=True)
class OffsetPaging:
    """``start`` is the offset of the first page; each next offset adds the items received
    (so a server that caps the page size below the limit asked for loses nothing)."""

    param: str
    items: Path
    start: int = 0
    total_items: Path | None = None
    has_more: Path | None = None


@dataclass(frozen=True, slots=True)
class LinkPaging:
    """The next page is the ``rel="next"`` URL of the reply's ``Link`` header (RFC 8288)."""

    items: Path


@dataclass(frozen=True, slots=True)
class NextUrlPaging:
    """The next page is the URL in the page's field ``next_url``."""

    items: Path
    next_url: Path
    total_items: Path | None = None
    has_more: Path | None = None


Paging: TypeAlias = PageNumberPaging | CursorPaging | OffsetPaging | LinkPaging | NextUrlPaging


def get_path(obj: object, path: Path | None) -> Any:
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


_LINK_VALUE = re.compile(
    r"\s*<([^>]*)>((?:\s*;\s*[^;,=\s]+\s*(?:=\s*(?:\"(?:[^\"\\]|\\.)*\"|[^;,\s]*))?)*)\s*(?:,|$)"
)
_LINK_PARAM = re.compile(r";\s*([^;,=\s]+)\s*(?:=\s*(\"(?:[^\"\\]|\\.)*\"|[^;,\s]*))?")


def parse_link_header(value: str) -> list[tuple[str, dict[str, str]]]:
    """The links of an RFC 8288 ``Link`` header value: (target, parameters) in order.

    Parameter names are lower-cased; quoted values are unquoted (a comma inside quotes does
    not split links). Text that is not a link is skipped.
    """
    links: list[tuple[str, dict[str, str]]] = []
    position = 0
    while position < len(value):
        match = _LINK_VALUE.match(value, position)
        if match is None:
            next_link = value.find("<", position + 1)
            if next_link < 0:
                break
            position = next_link
            continue
        parameters: dict[str, str] = {}
        for name, raw in _LINK_PARAM.findall(match.group(2)):
            text = (
                raw[1:-1].replace('\\"', '"').replace("\\\\", "\\") if raw.startswith('"') else raw
            )
            parameters.setdefault(name.lower(), text)
        links.append((match.group(1).strip(), parameters))
        position = match.end()
    return links


def next_link(response: httpx.Response) -> str | None:
    """The ``rel="next"`` target of the response's ``Link`` headers (rel may list several types)."""
    for header in response.headers.get_list("link"):
        for target, parameters in parse_link_header(header):
            if "next" in parameters.get("rel", "").lower().split():
                return target
    return None


def _followed(response: httpx.Response, target: object) -> str | None:
    """The absolute URL of a next-page link, resolved against the page's own URL.

    A link to another origin is refused: the client's credentials would travel with it.
    """
    if not isinstance(target, str) or not target.strip():
        return None
    current = response.request.url
    try:
        url = current.join(target.strip())
    except (httpx.InvalidURL, ValueError) as exc:
        raise APIResponseValidationError(
            response=response,
            body=None,
            message=f"the next-page link of {safe_url(current)} is not a URL: {exc}",
        ) from exc
    if (url.scheme, url.host, url.port) != (current.scheme, current.host, current.port):
        raise APIResponseValidationError(
            response=response,
            body=None,
            message=(
                f"the next-page link of {safe_url(current)} points to another origin ({safe_url(url)}); "
                "not followed, so that credentials stay with the API"
            ),
        )
    return str(url)


_STOP = object()
_MAX_EMPTY_CURSOR_PAGES = 100


class _State:
    """Decides, page after page, which token to fetch next (or to stop)."""

    def __init__(self, paging: Paging, first: object | None) -> None:
        self.paging = paging
        self.fetched = 0
        first_number = _as_int(first)
        self.page_number = (
            (first_number if first_number is not None else paging.start)
            if isinstance(paging, PageNumberPaging)
            else 0
        )
        self.offset = (
            (first_number if first_number is not None else paging.start)
            if isinstance(paging, OffsetPaging)
            else 0
        )
        self.pages = 0
        self.empty_pages = 0
        self.cursors_seen: set[object] = set()

    def items(self, page: object) -> list[Any]:
        items = get_path(page, self.paging.items)
        if items is None or isinstance(items, (str, bytes, Mapping)):
            return []
        return list(items)

    def next_token(self, raw: RawResponse[Any], items: list[Any]) -> object:
        paging = self.paging
        page = raw.parsed
        self.pages += 1
        self.fetched += len(items)
        if isinstance(paging, CursorPaging):
            return self._next_cursor(paging, page, items)
        if not items or _has_no_more(page, getattr(paging, "has_more", None)):
            return _STOP
        if isinstance(paging, LinkPaging):
            return _followed(raw.http_response, next_link(raw.http_response)) or _STOP
        if isinstance(paging, NextUrlPaging):
            if self._reached_total(page, paging.total_items):
                return _STOP
            return _followed(raw.http_response, get_path(page, paging.next_url)) or _STOP
        if isinstance(paging, OffsetPaging):
            self.offset += len(items)
            total = _as_int(get_path(page, paging.total_items))
            if total is not None and self.offset >= total:
                return _STOP
            return self.offset
        return self._next_page(paging, page)

    def _next_cursor(self, paging: CursorPaging, page: object, items: list[Any]) -> object:
        if _has_no_more(page, paging.has_more):
            return _STOP
        if paging.cursor_from_item is not None:
            cursor = get_path(items[-1], paging.cursor_from_item) if items else None
        else:
            cursor = get_path(page, paging.next_cursor)
        if cursor is None or cursor == "":
            return _STOP
        self.empty_pages = self.empty_pages + 1 if not items else 0
        if self.empty_pages > _MAX_EMPTY_CURSOR_PAGES:
            return _STOP
        try:
            if cursor in self.cursors_seen:
                return _STOP
            self.cursors_seen.add(cursor)
        except TypeError:  # an unhashable cursor: no loop detection for it
            pass
        return cursor

    def _next_page(self, paging: PageNumberPaging, page: object) -> object:
        if self._reached_total(page, paging.total_items):
            return _STOP
        current = _as_int(get_path(page, paging.current_page))
        if current is None:
            current = self.page_number
        last = _as_int(get_path(page, paging.last_page))
        if last is not None and current >= last:
            return _STOP
        count = _as_int(get_path(page, paging.page_count))
        if count is not None and current - paging.start + 1 >= count:
            return _STOP
        self.page_number = current + 1
        return self.page_number

    def _reached_total(self, page: object, path: Path | None) -> bool:
        # Items counted from where this walk began: starting mid-way can only cost one more request.
        total = _as_int(get_path(page, path))
        return total is not None and self.fetched >= total


def _has_no_more(page: object, path: Path | None) -> bool:
    return path is not None and get_path(page, path) is False


class SyncPager(Generic[T]):
    """Iterate items across pages (``for item in pager``) or pages (``pager.pages()``)."""

    def __init__(
        self,
        fetch: Callable[[object | None], RawResponse[Any]],
        paging: Paging,
        first: object | None = None,
    ) -> None:
        self._fetch = fetch
        self._paging = paging
        self._first = first

    def raw_pages(self) -> Iterator[RawResponse[Any]]:
        """Each page with its ``httpx.Response`` (headers, status)."""
        state = _State(self._paging, self._first)
        token: object | None = None
        while True:
            raw = self._fetch(token)
            yield raw
            token = state.next_token(raw, state.items(raw.parsed))
            if token is _STOP:
                return

    def pages(self) -> Iterator[Any]:
        """Each parsed page (the operation's return value)."""
        for raw in self.raw_pages():
            yield raw.parsed

    def page_at(self, token: object | None = None) -> tuple[RawResponse[Any], object | None]:
        """One page, the first (``token`` None) or the one an earlier call's token names, and the
        token of the page after it (None after the last): a walk a caller resumes later."""
        raw = self._fetch(token)
        state = _State(self._paging, self._first if token is None else token)
        following = state.next_token(raw, state.items(raw.parsed))
        return raw, None if following is _STOP else following

    def __iter__(self) -> Iterator[T]:
        state = _State(self._paging, self._first)
        token: object | None = None
        while True:
            raw = self._fetch(token)
            items = state.items(raw.parsed)
            yield from items
            token = state.next_token(raw, items)
            if token is _STOP:
                return

    def __repr__(self) -> str:
        return f"SyncPager(paging={self._paging!r})"


class AsyncPager(Generic[T]):
    """``async for item in pager`` or ``async for page in pager.pages()``."""

    def __init__(
        self,
        fetch: Callable[[object | None], Awaitable[RawResponse[Any]]],
        paging: Paging,
        first: object | None = None,
    ) -> None:
        self._fetch = fetch
        self._paging = paging
        self._first = first

    async def raw_pages(self) -> AsyncIterator[RawResponse[Any]]:
        """Each page with its ``httpx.Response`` (headers, status)."""
        state = _State(self._paging, self._first)
        token: object | None = None
        while True:
            raw = await self._fetch(token)
            yield raw
            token = state.next_token(raw, state.items(raw.parsed))
            if token is _STOP:
                return

    async def pages(self) -> AsyncIterator[Any]:
        """Each parsed page (the operation's return value)."""
        async for raw in self.raw_pages():
            yield raw.parsed

    async def page_at(self, token: object | None = None) -> tuple[RawResponse[Any], object | None]:
        """One page, the first (``token`` None) or the one an earlier call's token names, and the
        token of the page after it (None after the last): a walk a caller resumes later."""
        raw = await self._fetch(token)
        state = _State(self._paging, self._first if token is None else token)
        following = state.next_token(raw, state.items(raw.parsed))
        return raw, None if following is _STOP else following

    async def _items(self) -> AsyncIterator[T]:
        state = _State(self._paging, self._first)
        token: object | None = None
        while True:
            raw = await self._fetch(token)
            items = state.items(raw.parsed)
            for item in items:
                yield item
            token = state.next_token(raw, items)
            if token is _STOP:
                return

    def __aiter__(self) -> AsyncIterator[T]:
        return self._items()

    def __repr__(self) -> str:
        return f"AsyncPager(paging={self._paging!r})"
