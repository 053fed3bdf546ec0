from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from rtpkg._client_base import RawResponse
from rtpkg._exceptions import APIResponseValidationError
from rtpkg._models import BaseModel
from rtpkg._pagination import (
    AsyncPager,
    CursorPaging,
    LinkPaging,
    NextUrlPaging,
    OffsetPaging,
    PageNumberPaging,
    SyncPager,
    get_path,
    next_link,
    parse_link_header,
)

BASE = "https://api.example.test/v1/things"


class Meta(BaseModel):
    page: int | None = None
    last: int | None = None
    pages: int | None = None
    total: int | None = None
    next: str | None = None
    more: bool | None = None


class Item(BaseModel):
    id: str | None = None


class Page(BaseModel):
    data: list[int] | None = None
    meta: Meta | None = None


def raw(page: Any, url: str = BASE, headers: dict[str, str] | None = None) -> RawResponse[Any]:
    return RawResponse(page, httpx.Response(200, headers=headers, request=httpx.Request("GET", url)))


class Fetcher:
    """Pages by token; records the tokens asked for."""

    def __init__(self, pages: dict[object, Any]) -> None:
        self.pages = pages
        self.calls: list[object] = []

    def __call__(self, token: object | None) -> RawResponse[Any]:
        self.calls.append(token)
        page = self.pages[token]
        return page if isinstance(page, RawResponse) else raw(page)

    async def afetch(self, token: object | None) -> RawResponse[Any]:
        return self(token)


def test_page_number_lazy_and_stops_at_last_page() -> None:
    fetch = Fetcher({
        None: Page(data=[1, 2], meta=Meta(page=1, last=3)),
        2: Page(data=[3, 4], meta=Meta(page=2, last=3)),
        3: Page(data=[5], meta=Meta(page=3, last=3)),
    })
    pager: SyncPager[int] = SyncPager(
        fetch, PageNumberPaging("page", 1, ("data",), current_page=("meta", "page"), last_page=("meta", "last"))
    )
    assert fetch.calls == []  # lazy
    assert list(pager) == [1, 2, 3, 4, 5]
    assert fetch.calls == [None, 2, 3]
    assert [p.meta.page for p in pager.pages()] == [1, 2, 3]


def test_page_number_stops_on_empty_page_total_page_count_and_has_more() -> None:
    empty_end = Fetcher({None: Page(data=[1]), 1: Page(data=[2]), 2: Page(data=[])})
    assert list(SyncPager(empty_end, PageNumberPaging("page", 0, ("data",)))) == [1, 2]
    assert empty_end.calls == [None, 1, 2]

    by_total = Fetcher({None: Page(data=[1, 2], meta=Meta(total=3)), 2: Page(data=[3], meta=Meta(total=3))})
    assert list(SyncPager(by_total, PageNumberPaging("page", 1, ("data",), total_items=("meta", "total")))) == [1, 2, 3]
    assert by_total.calls == [None, 2]

    # a zero-based API with a page count: pages 0 and 1 of 2
    by_count = Fetcher({None: Page(data=[1], meta=Meta(pages=2)), 1: Page(data=[2], meta=Meta(pages=2))})
    assert list(SyncPager(by_count, PageNumberPaging("page", 0, ("data",), page_count=("meta", "pages")))) == [1, 2]
    assert by_count.calls == [None, 1]

    by_flag = Fetcher({None: Page(data=[1], meta=Meta(more=True)), 2: Page(data=[2], meta=Meta(more=False))})
    assert list(SyncPager(by_flag, PageNumberPaging("page", 1, ("data",), has_more=("meta", "more")))) == [1, 2]
    assert by_flag.calls == [None, 2]

    missing_items = Fetcher({None: Page(data=None)})  # None in the path: no items, stop
    assert list(SyncPager(missing_items, PageNumberPaging("page", 1, ("data",)))) == []


def test_page_number_starts_where_the_caller_asked() -> None:
    fetch = Fetcher({None: Page(data=[5]), 4: Page(data=[6]), 5: Page(data=[])})
    assert list(SyncPager(fetch, PageNumberPaging("page", 1, ("data",)), first=3)) == [5, 6]
    assert fetch.calls == [None, 4, 5]


def test_cursor_stops_on_missing_or_repeated_cursor_and_has_more() -> None:
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

    flagged = Fetcher({None: Page(data=[1], meta=Meta(next="c1", more=False))})
    assert list(SyncPager(flagged, CursorPaging("cursor", ("data",), ("meta", "next"), has_more=("meta", "more")))) == [1]


def test_page_at_gives_one_page_and_the_token_to_resume_from() -> None:
    pages = {
        None: Page(data=[1, 2], meta=Meta(page=1, last=3)),
        2: Page(data=[3, 4], meta=Meta(page=2, last=3)),
        3: Page(data=[5], meta=Meta(page=3, last=3)),
    }
    paging = PageNumberPaging("page", 1, ("data",), current_page=("meta", "page"), last_page=("meta", "last"))
    fetch = Fetcher(pages)
    pager: SyncPager[int] = SyncPager(fetch, paging)
    walked: list[int] = []
    token: object | None = None
    while True:  # each call a fresh start from the token alone, as a caller resuming later makes it
        page, token = pager.page_at(token)
        walked += page.parsed.data
        if token is None:
            break
    assert walked == [1, 2, 3, 4, 5]
    assert fetch.calls == [None, 2, 3]  # the same requests the iteration makes

    cursors = Fetcher({None: Page(data=[1], meta=Meta(next="c1")), "c1": Page(data=[2], meta=Meta(next=""))})
    apager: AsyncPager[int] = AsyncPager(cursors.afetch, CursorPaging("cursor", ("data",), ("meta", "next")))
    first, following = asyncio.run(apager.page_at())
    assert (first.parsed.data, following) == ([1], "c1")
    last, after = asyncio.run(apager.page_at(following))
    assert (last.parsed.data, after) == ([2], None)


def test_cursor_walks_on_past_an_empty_page_with_a_fresh_cursor() -> None:
    # AWS: "a response can contain no results but still have a NextToken"
    fetch = Fetcher({None: {"Items": [], "NextToken": "t1"}, "t1": {"Items": ["a"], "NextToken": None}})
    assert list(SyncPager(fetch, CursorPaging("NextToken", ("Items",), ("NextToken",)))) == ["a"]
    assert fetch.calls == [None, "t1"]


def test_cursor_from_the_last_item_while_has_more() -> None:
    class Charges(BaseModel):
        data: list[Item]
        has_more: bool

    fetch = Fetcher({
        None: Charges(data=[Item(id="ch_1"), Item(id="ch_2")], has_more=True),
        "ch_2": Charges(data=[Item(id="ch_3")], has_more=False),
    })
    paging = CursorPaging("starting_after", ("data",), cursor_from_item=("id",), has_more=("has_more",))
    assert [item.id for item in SyncPager(fetch, paging)] == ["ch_1", "ch_2", "ch_3"]
    assert fetch.calls == [None, "ch_2"]


def test_offset_adds_the_items_received_and_stops_at_the_total() -> None:
    pages: dict[object, Any] = {None: {"items": [1, 2], "total": 5}, 2: {"items": [3, 4], "total": 5}, 4: {"items": [5], "total": 5}}
    fetch = Fetcher(pages)
    assert list(SyncPager(fetch, OffsetPaging("offset", ("items",), total_items=("total",)))) == [1, 2, 3, 4, 5]
    assert fetch.calls == [None, 2, 4]

    # a server that sends fewer items than asked loses nothing; the caller's own offset is where it starts
    capped = Fetcher({None: {"items": [11]}, 11: {"items": [12]}, 12: {"items": []}})
    assert list(SyncPager(capped, OffsetPaging("offset", ("items",)), first=10)) == [11, 12]
    assert capped.calls == [None, 11, 12]


def test_link_header_parsing() -> None:
    value = '<https://api.github.com/r?page=2>; rel="next", <https://api.github.com/r?page=5>; rel="last"'
    assert parse_link_header(value) == [
        ("https://api.github.com/r?page=2", {"rel": "next"}),
        ("https://api.github.com/r?page=5", {"rel": "last"}),
    ]
    # quoted commas and semicolons, several relation types, other parameters, odd spacing and case
    tricky = '</a?x=1,2>;title="a, b; c";REL="prev next" ,<http://x.test/b>; rel=last'
    assert parse_link_header(tricky) == [("/a?x=1,2", {"title": "a, b; c", "rel": "prev next"}), ("http://x.test/b", {"rel": "last"})]
    response = httpx.Response(200, headers=[("link", '<https://x.test/1>; rel="prev"'), ("link", tricky)], request=httpx.Request("GET", "https://x.test/"))
    assert next_link(response) == "/a?x=1,2"
    assert next_link(httpx.Response(200, request=httpx.Request("GET", "https://x.test/"))) is None
    assert parse_link_header("garbage, <https://x.test/ok>; rel=next") == [("https://x.test/ok", {"rel": "next"})]


def test_link_paging_follows_next_until_no_link() -> None:
    second_url = BASE + "?page=2&per_page=2"
    fetch = Fetcher({
        None: raw([1, 2], headers={"link": f'<{second_url}>; rel="next", <{BASE}?page=3>; rel="last"'}),
        second_url: raw([3], url=second_url, headers={"link": f'<{BASE}?page=1>; rel="first"'}),
    })
    assert list(SyncPager(fetch, LinkPaging(()))) == [1, 2, 3]
    assert fetch.calls == [None, second_url]


def test_link_paging_resolves_relative_links_and_refuses_other_origins() -> None:
    relative = Fetcher({None: raw([1], headers={"link": '</v1/things?page=2>; rel="next"'}), BASE + "?page=2": raw([])})
    assert list(SyncPager(relative, LinkPaging(()))) == [1]
    assert relative.calls == [None, BASE + "?page=2"]

    for elsewhere in ("https://evil.example/steal?page=2", "http://api.example.test/v1/things?page=2", "https://api.example.test:8443/v1"):
        fetch = Fetcher({None: raw([1], headers={"link": f'<{elsewhere}>; rel="next"'})})
        with pytest.raises(APIResponseValidationError, match="another origin"):
            list(SyncPager(fetch, LinkPaging(())))
        assert fetch.calls == [None]


def test_next_url_field() -> None:
    url = BASE + "?$skiptoken=abc"
    fetch = Fetcher({
        None: {"value": [1], "nextLink": url},
        url: raw({"value": [2], "nextLink": None}, url=url),
    })
    assert list(SyncPager(fetch, NextUrlPaging(("value",), ("nextLink",)))) == [1, 2]
    assert fetch.calls == [None, url]


def test_async_pager_items_and_pages() -> None:
    fetch = Fetcher({
        None: Page(data=[1], meta=Meta(next="c1")),
        "c1": Page(data=[2, 3], meta=Meta(next=None)),
    })
    pager: AsyncPager[int] = AsyncPager(fetch.afetch, CursorPaging("cursor", ("data",), ("meta", "next")))

    async def main() -> tuple[list[int], list[int], list[int]]:
        items = [item async for item in pager]
        sizes = [len(page.data or []) async for page in pager.pages()]
        statuses = [page.status_code async for page in pager.raw_pages()]
        return items, sizes, statuses

    assert fetch.calls == []
    assert asyncio.run(main()) == ([1, 2, 3], [1, 2], [200, 200])


@pytest.mark.parametrize("bad", [None, "", 0])
def test_get_path_tolerates_none(bad: object) -> None:
    assert get_path(Page(meta=None), ("meta", "next")) is None
    assert get_path({"a": {"b": bad}}, ("a", "b")) == bad
    assert get_path([1, 2], ()) == [1, 2]
