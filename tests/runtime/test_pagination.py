from __future__ import annotations

import asyncio
from typing import Any

import pytest

from rtpkg._models import BaseModel
from rtpkg._pagination import (
    AsyncPager,
    CursorPaging,
    OffsetPaging,
    PageNumberPaging,
    SyncPager,
)


class Meta(BaseModel):
    page: int | None = None
    last: int | None = None
    total: int | None = None
    next: str | None = None


class Page(BaseModel):
    data: list[int] | None = None
    meta: Meta | None = None


class Fetcher:
    def __init__(self, pages: dict[object, Page]) -> None:
        self.pages = pages
        self.calls: list[object] = []

    def __call__(self, token: object | None) -> Page:
        self.calls.append(token)
        return self.pages[token]

    async def afetch(self, token: object | None) -> Page:
        return self(token)


def test_page_number_lazy_and_stops_at_last_page() -> None:
    fetch = Fetcher({
        None: Page(data=[1, 2], meta=Meta(page=1, last=3)),
        2: Page(data=[3, 4], meta=Meta(page=2, last=3)),
        3: Page(data=[5], meta=Meta(page=3, last=3)),
    })
    pager: SyncPager[int] = SyncPager(
        fetch, PageNumberPaging("page", 1, ("data",), current_page=("meta", "page"),
                                last_page=("meta", "last"))
    )
    assert fetch.calls == []  # lazy
    assert list(pager) == [1, 2, 3, 4, 5]
    assert fetch.calls == [None, 2, 3]
    assert [p.meta.page for p in pager.pages()] == [1, 2, 3]


def test_page_number_stops_on_empty_page_and_total_items() -> None:
    empty_end = Fetcher({None: Page(data=[1]), 1: Page(data=[2]), 2: Page(data=[])})
    paging = PageNumberPaging("page", 0, ("data",))
    assert list(SyncPager(empty_end, paging)) == [1, 2]
    assert empty_end.calls == [None, 1, 2]

    by_total = Fetcher({None: Page(data=[1, 2], meta=Meta(total=3)), 2: Page(data=[3], meta=Meta(total=3))})
    paging = PageNumberPaging("page", 1, ("data",), total_items=("meta", "total"))
    assert list(SyncPager(by_total, paging)) == [1, 2, 3]
    assert by_total.calls == [None, 2]

    missing_items = Fetcher({None: Page(data=None)})  # None in the path: no items, stop
    assert list(SyncPager(missing_items, PageNumberPaging("page", 1, ("data",)))) == []


def test_cursor_stops_on_missing_or_repeated_cursor() -> None:
    fetch = Fetcher({
        None: Page(data=[1], meta=Meta(next="c1")),
        "c1": Page(data=[2], meta=Meta(next="c2")),
        "c2": Page(data=[3], meta=Meta(next="")),
    })
    paging = CursorPaging("cursor", ("data",), ("meta", "next"))
    assert list(SyncPager(fetch, paging)) == [1, 2, 3]
    assert fetch.calls == [None, "c1", "c2"]

    looping = Fetcher({None: Page(data=[1], meta=Meta(next="c1")), "c1": Page(data=[2], meta=Meta(next="c1"))})
    assert list(SyncPager(looping, paging)) == [1, 2]
    assert looping.calls == [None, "c1"]

    no_meta = Fetcher({None: Page(data=[1], meta=None)})
    assert list(SyncPager(no_meta, paging)) == [1]


def test_offset_paging_and_dict_pages() -> None:
    pages: dict[object, Any] = {None: {"items": [1, 2]}, 2: {"items": [3, 4]}, 4: {"items": [5]}}
    calls: list[object] = []

    def fetch(token: object | None) -> Any:
        calls.append(token)
        return pages[token]

    assert list(SyncPager(fetch, OffsetPaging("offset", ("items",), limit=2))) == [1, 2, 3, 4, 5]
    assert calls == [None, 2, 4]


def test_async_pager_items_and_pages() -> None:
    fetch = Fetcher({
        None: Page(data=[1], meta=Meta(next="c1")),
        "c1": Page(data=[2, 3], meta=Meta(next=None)),
    })
    pager: AsyncPager[int] = AsyncPager(fetch.afetch, CursorPaging("cursor", ("data",), ("meta", "next")))

    async def main() -> tuple[list[int], list[int]]:
        items = [item async for item in pager]
        sizes = [len(page.data or []) async for page in pager.pages()]
        return items, sizes

    assert fetch.calls == []
    assert asyncio.run(main()) == ([1, 2, 3], [1, 2])
    pn = Fetcher({None: Page(data=[1], meta=Meta(page=1, last=2)), 2: Page(data=[2], meta=Meta(page=2, last=2))})
    apager: AsyncPager[int] = AsyncPager(
        pn.afetch, PageNumberPaging("page", 1, ("data",), ("meta", "page"), ("meta", "last"))
    )

    async def collect() -> list[int]:
        return [i async for i in apager]

    assert asyncio.run(collect()) == [1, 2]
    assert pn.calls == [None, 2]


@pytest.mark.parametrize("bad", [None, "", 0])
def test_get_path_tolerates_none(bad: object) -> None:
    from rtpkg._pagination import get_path

    assert get_path(Page(meta=None), ("meta", "next")) is None
    assert get_path({"a": {"b": bad}}, ("a", "b")) == bad
