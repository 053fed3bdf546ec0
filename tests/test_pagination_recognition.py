"""Pagination recognised in documents as published (no extension), its overrides, and the iterators."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
import yaml

from generator.config import pagination_setting
from generator.ground.diagnostics import ConfigError, WarningSink
from generator.parse.ir import PAGINATION_STYLES, Api
from generator.pipeline import read_api
from tests.conftest import REPO, minimal_spec
from tests.test_contract_fixes import assert_generated_tests_pass, generate, imported

FIXTURE = REPO / "tests" / "fixtures" / "paginated.yaml"


def fixture() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    return loaded


def paging_of(api: Api) -> dict[str, tuple[str, ...]]:
    """operationId -> (style, param, items path) of every paged operation."""
    return {op.operation_id: (op.pagination.style, op.pagination.param_wire, ".".join(op.pagination.items)) for op in api.operations if op.pagination}


def test_the_fixture_is_recognised_convention_by_convention() -> None:
    warnings = WarningSink()
    api = read_api(fixture(), "paged", warnings)
    assert paging_of(api) == {
        "listRepos": ("link", "", ""),
        "listEvents": ("cursor", "pageToken", "events"),
        "listCharges": ("cursor", "starting_after", "data"),
        "listInvoices": ("offset", "offset", "items"),
        "listOrders": ("page", "page", "orders"),
        "listVaults": ("next_url", "", "value"),
    }
    notes = {item.pointer: item.message for item in warnings.sorted_notes()}
    assert notes["#/paths/~1repos/get"].startswith('pagination recognised (link): the Link header\'s rel="next" URL')
    assert "cursor `starting_after`: the last item's `id`, while `has_more`; items in `data`" in notes["#/paths/~1charges/get"]
    assert "page number `page` from 1 (its minimum), page size `per_page`, ending by last page `meta.last_page`" in notes["#/paths/~1orders/get"]
    assert "offset `offset` from 0, limit `limit`, ending by total `total`" in notes["#/paths/~1invoices/get"]
    assert "#/paths/~1tags/get" not in notes  # a page parameter on a reply that is one object
    charges = next(op for op in api.operations if op.operation_id == "listCharges")
    assert charges.pagination is not None and charges.pagination.cursor_from_item == ("id",) and charges.pagination.has_more == ("has_more",)
    assert not warnings.sorted()


def test_the_fixture_package_passes_its_generated_tests_and_iterates(tmp_path: Path) -> None:
    out = generate(tmp_path, fixture(), "paged")
    report = assert_generated_tests_pass(out, "paged")
    assert "6 passed" not in report  # more than the pager tests ran
    for resource in ("repos", "events", "charges", "invoices", "orders", "vaults"):
        text = (out / "paged" / "tests" / f"test_{resource}.py").read_text(encoding="utf-8")
        assert "def test_iter_list(use_async: bool)" in text, resource
    assert "iter_list" not in (out / "paged" / "resources" / "tags.py").read_text(encoding="utf-8")
    with imported(out, "paged") as paged:
        for use_async in (False, True):
            _walk_every_convention(paged, use_async)


class ListServer:
    """Three pages of `[1, 2] [3, 4] [5]` for each operation of the fixture, paged its own way."""

    def __init__(self) -> None:
        self.urls: list[str] = []  # cleared by the test between walks
        self.seen: set[str] = set()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.urls.append(str(request.url))
        self.seen.add(str(request.url))
        query = {key: values[0] for key, values in parse_qs(request.url.query.decode()).items()}
        path = request.url.path.removeprefix("/v1")
        page = {"/repos": lambda: int(query.get("page", "1")), "/events": lambda: int(query.get("pageToken", "t1")[1:]),
                "/charges": lambda: {"": 1, "c2": 2, "c4": 3}[query.get("starting_after", "")],
                "/invoices": lambda: int(query.get("offset", "0")) // 2 + 1, "/orders": lambda: int(query.get("page", "1")),
                "/vaults": lambda: int(query.get("skiptoken", "1"))}[path]()
        numbers = [[1, 2], [3, 4], [5]][page - 1]
        base = "https://api.example.test/v1" + path
        if path == "/repos":
            links = [f'<{base}?page={page + 1}&per_page=2>; rel="next"'] if page < 3 else []
            return httpx.Response(200, json=[{"id": n, "name": f"r{n}"} for n in numbers], headers={"link": ", ".join(links + [f'<{base}?page=3>; rel="last"'])})
        if path == "/events":
            body: dict[str, Any] = {"events": [{"id": f"e{n}"} for n in numbers]}
            if page < 3:
                body["nextPageToken"] = f"t{page + 1}"
            return httpx.Response(200, json=body)
        if path == "/charges":
            return httpx.Response(200, json={"object": "list", "data": [{"id": f"c{n}"} for n in numbers], "has_more": page < 3})
        if path == "/invoices":
            return httpx.Response(200, json={"items": [{"number": f"i{n}"} for n in numbers], "total": 5})
        if path == "/orders":
            return httpx.Response(200, json={"orders": [{"reference": f"o{n}"} for n in numbers], "meta": {"current_page": page, "last_page": 3}})
        return httpx.Response(200, json={"value": [{"name": f"v{n}"} for n in numbers], "nextLink": f"/v1/vaults?skiptoken={page + 1}" if page < 3 else None})


def _walk_every_convention(paged: Any, use_async: bool) -> None:
    server = ListServer()
    expected = {
        ("repos", "id"): [1, 2, 3, 4, 5],
        ("events", "id"): ["e1", "e2", "e3", "e4", "e5"],
        ("charges", "id"): ["c1", "c2", "c3", "c4", "c5"],
        ("invoices", "number"): ["i1", "i2", "i3", "i4", "i5"],
        ("orders", "reference"): ["o1", "o2", "o3", "o4", "o5"],
        ("vaults", "name"): ["v1", "v2", "v3", "v4", "v5"],
    }

    async def collect_async() -> dict[tuple[str, str], list[Any]]:
        found: dict[tuple[str, str], list[Any]] = {}
        async with httpx.AsyncClient(transport=httpx.MockTransport(server)) as http:
            client = paged.AsyncClient(http_client=http)
            for resource, field in expected:
                pager = getattr(client, resource).iter_list()
                found[(resource, field)] = [getattr(item, field) async for item in pager]
            pages = [len(page.orders or []) async for page in client.orders.iter_list().pages()]
            assert pages == [2, 2, 1]
        return found

    if use_async:
        found = asyncio.run(collect_async())
    else:
        with httpx.Client(transport=httpx.MockTransport(server)) as http:
            client = paged.Client(http_client=http)
            lazy = client.repos.iter_list(per_page=2)
            assert server.urls == []  # nothing fetched before iterating
            found = {(resource, field): [getattr(item, field) for item in getattr(client, resource).iter_list()] for resource, field in expected}
            assert [len(page) for page in lazy.pages()] == [2, 2, 1]
            # a walk may start mid-way
            server.urls.clear()
            assert [item.reference for item in client.orders.iter_list(page=2)] == ["o3", "o4", "o5"]
            assert server.urls == ["https://api.example.test/v1/orders?page=2", "https://api.example.test/v1/orders?page=3"]
    assert found == expected
    assert "https://api.example.test/v1/repos?page=2&per_page=2" in server.seen  # the Link header was followed
    assert "https://api.example.test/v1/vaults?skiptoken=2" in server.seen  # a relative nextLink, resolved
    assert "https://api.example.test/v1/charges?starting_after=c4" in server.seen
    assert "https://api.example.test/v1/invoices?offset=4" in server.seen


# ---------------------------------------------------------------- overrides


def test_x_pagination_false_turns_a_recognition_off_and_a_mapping_overrides_it() -> None:
    spec = fixture()
    spec["paths"]["/repos"]["get"]["x-pagination"] = False
    spec["paths"]["/invoices"]["get"]["x-pagination"] = {"start": 100}  # same style: only the first offset changes
    spec["paths"]["/tags"]["get"]["x-pagination"] = {"style": "page", "param": "page", "items": "names"}  # declared where none is recognised
    warnings = WarningSink()
    api = read_api(spec, "paged", warnings)
    by_id = {op.operation_id: op.pagination for op in api.operations}
    assert by_id["listRepos"] is None
    invoices = by_id["listInvoices"]
    assert invoices is not None and invoices.style == "offset" and invoices.start == 100 and invoices.total_items == ("total",) and invoices.declared
    tags = by_id["listTags"]
    assert tags is not None and tags.style == "page" and tags.items == ("names",) and tags.total_items is None
    assert not any("#/paths/~1repos" in item.pointer for item in warnings.sorted_notes())


def test_x_pagination_mistakes_are_located_warnings() -> None:
    spec = fixture()
    spec["paths"]["/invoices"]["get"]["x-pagination"] = {"style": "sideways"}
    spec["paths"]["/orders"]["get"]["x-pagination"] = {"style": "cursor", "param": "page", "items": "orders"}
    spec["paths"]["/events"]["get"]["x-pagination"] = {"items": "nope", "colour": "red"}
    warnings = WarningSink()
    api = read_api(spec, "paged", warnings)
    messages = {(item.pointer, item.message) for item in warnings.sorted()}
    assert ("#/paths/~1invoices/get/x-pagination", "x-pagination style 'sideways' is not one of link, next_url, cursor, page, offset; no pager generated") in messages
    assert ("#/paths/~1orders/get/x-pagination", "x-pagination style cursor needs `next_cursor` (or `cursor_from_item`); no pager generated") in messages
    assert ("#/paths/~1events/get/x-pagination", "x-pagination items 'nope' is not a field path of the response; no pager generated") in messages
    assert any(pointer == "#/paths/~1events/get/x-pagination" and "colour" in message for pointer, message in messages)
    assert {op.operation_id for op in api.operations if op.pagination} == {"listRepos", "listCharges", "listVaults"}


def test_configured_conventions() -> None:
    assert paging_of(read_api(fixture(), "paged", WarningSink(), pagination=())) == {}
    assert set(paging_of(read_api(fixture(), "paged", WarningSink(), pagination=("link", "offset")))) == {"listRepos", "listInvoices"}
    declared = fixture()
    declared["paths"]["/repos"]["get"]["x-pagination"] = {"style": "link"}
    assert set(paging_of(read_api(declared, "paged", WarningSink(), pagination=()))) == {"listRepos"}  # a declaration still counts
    assert pagination_setting(True, "x") == PAGINATION_STYLES
    assert pagination_setting(False, "x") == ()
    assert pagination_setting("cursor", "x") == ("cursor",)
    assert pagination_setting(["page", "link", "page"], "x") == ("page", "link")
    for wrong in ("pages", [], ["link", 3], 1):
        with pytest.raises(ConfigError, match="use true, false, or one or a list of"):
            pagination_setting(wrong, "pyproject.toml: [tool.clientsmith.providers.x] pagination")


def test_a_provider_turns_pagination_off_in_pyproject(tmp_path: Path) -> None:
    from generator.cli import main

    (tmp_path / "paginated.yaml").write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.clientsmith]\noutput = "out"\ntemplates = "{REPO / "templates"}"\npagination = "link"\n'
        '[tool.clientsmith.providers.linked]\nspec = "paginated.yaml"\n'
        '[tool.clientsmith.providers.plain]\nspec = "paginated.yaml"\npagination = false\n',
        encoding="utf-8",
    )
    assert main(["generate", "--config", str(tmp_path / "pyproject.toml"), "--no-cache", "-q"]) == 0
    assert "self.iter_list = to_pager(" in (tmp_path / "out" / "linked" / "resources" / "repos.py").read_text(encoding="utf-8")
    assert "iter_list" not in (tmp_path / "out" / "linked" / "resources" / "events.py").read_text(encoding="utf-8")
    assert "iter_list" not in (tmp_path / "out" / "plain" / "resources" / "repos.py").read_text(encoding="utf-8")


# ---------------------------------------------------------------- what is not pagination


def _list_operation(parameters: list[dict[str, Any]], schema: dict[str, Any], headers: dict[str, Any] | None = None, method: str = "get") -> dict[str, Any]:
    response: dict[str, Any] = {"description": "ok", "content": {"application/json": {"schema": schema}}}
    if headers:
        response["headers"] = headers
    return {"/things": {method: {"operationId": "things", "parameters": parameters, "responses": {"200": response}}}}


_Q = lambda name, kind="integer": {"name": name, "in": "query", "schema": {"type": kind}}  # noqa: E731
_ITEMS = {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}}}
_LINK = {"Link": {"schema": {"type": "string"}}}


@pytest.mark.parametrize(
    "paths",
    [
        # a page parameter alone, on a list with nothing saying where the end is
        _list_operation([_Q("page"), _Q("per_page")], {"type": "object", "properties": {"data": _ITEMS}}),
        # a page parameter on a reply that is no list
        _list_operation([_Q("page"), _Q("per_page")], {"type": "object", "properties": {"total": {"type": "integer"}, "name": {"type": "string"}}}),
        # one resource (its own id) that holds a list and a link
        _list_operation([], {"type": "object", "properties": {"id": {"type": "string"}, "urls": {"type": "array", "items": {"type": "string"}}, "_metadata": {"type": "object", "properties": {"next": {"type": "string", "format": "uri"}}}}}),
        # a next token in the reply but no parameter to send it back in
        _list_operation([_Q("limit")], {"type": "object", "properties": {"items": _ITEMS, "nextToken": {"type": "string"}}}),
        # a `next` that is no URL, and no cursor parameter
        _list_operation([], {"type": "object", "properties": {"items": _ITEMS, "next": {"type": "string"}}}),
        # two lists, neither named like the items: no guess
        _list_operation([_Q("page"), _Q("per_page")], {"type": "object", "properties": {"users": _ITEMS, "teams": _ITEMS, "total": {"type": "integer"}}}),
        # a Link header on a single object with a list field and no paging parameter (GitHub's hosted runner)
        _list_operation([], {"type": "object", "properties": {"name": {"type": "string"}, "public_ips": _ITEMS}}, _LINK),
        # offset and limit without a total or has-more flag
        _list_operation([_Q("offset"), _Q("limit")], {"type": "object", "properties": {"results": _ITEMS}}),
        # not a GET: a POST that creates things is never walked
        _list_operation([_Q("page"), _Q("per_page")], {"type": "object", "properties": {"data": _ITEMS, "total": {"type": "integer"}}}, method="post"),
    ],
)
def test_no_false_positives(paths: dict[str, Any]) -> None:
    warnings = WarningSink()
    api = read_api(minimal_spec(paths=paths), "pkg", warnings)
    assert [op.pagination for op in api.operations] == [None]
    assert not [item for item in warnings.sorted_notes() if item.message.startswith("pagination recognised")]


def test_a_link_header_on_an_object_without_one_list_is_noted() -> None:
    warnings = WarningSink()
    read_api(minimal_spec(paths=_list_operation([], {"type": "object", "properties": {"name": {"type": "string"}, "public_ips": _ITEMS}}, _LINK)), "pkg", warnings)
    assert [item.message for item in warnings.sorted_notes()] == [
        "the reply documents a Link header, but it is not recognisably a page of a list (its list fields: `public_ips`): no iterator (declare one with x-pagination)"
    ]


def test_list_replies_of_each_shape_with_a_link_header() -> None:
    union = {"oneOf": [_ITEMS, {"type": "array", "items": {"type": "object", "properties": {"login": {"type": "string"}}}}]}
    github_style = {"type": "object", "properties": {"total_count": {"type": "integer"}, "workflow_runs": _ITEMS}}
    cases = [
        (_list_operation([], _ITEMS, _LINK), ()),  # a bare list pages itself: no parameter needed
        (_list_operation([], union, _LINK), ()),  # a union of lists: items of either type
        (_list_operation([_Q("per_page"), _Q("page")], github_style, _LINK), ("workflow_runs",)),
    ]
    for paths, items in cases:
        api = read_api(minimal_spec(paths=paths), "pkg", WarningSink())
        pagination = api.operations[0].pagination
        assert pagination is not None and pagination.style == "link" and pagination.items == items


def test_an_empty_success_reply_beside_the_list_is_allowed() -> None:
    paths = _list_operation([_Q("page")], _ITEMS, _LINK)
    paths["/things"]["get"]["responses"]["204"] = {"description": "empty repository"}
    api = read_api(minimal_spec(paths=paths), "pkg", WarningSink())
    assert api.operations[0].pagination is not None


def test_the_generated_link_test_catches_a_pager_that_ignores_the_link(tmp_path: Path) -> None:
    out = generate(tmp_path, fixture(), "paged")
    runtime = out / "paged" / "_pagination.py"
    text = runtime.read_text(encoding="utf-8")
    broken = text.replace("return _followed(raw.http_response, next_link(raw.http_response)) or _STOP", "return _STOP")
    assert broken != text
    runtime.write_text(broken, encoding="utf-8")
    from tests.test_contract_fixes import run_generated_tests

    run = run_generated_tests(out, "paged")
    assert run.returncode != 0 and "test_repos.py::test_iter_list[sync]" in run.stdout


# ---------------------------------------------------------------- pages in the request body


SEARCH_SPEC = minimal_spec(
    paths={
        "/flows/paginate": {
            "post": {
                "operationId": "paginate_flows_flows_paginate_post",
                "tags": ["flows"],
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/FlowQuery"}}}},
                "responses": {"200": {"description": "a page", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FlowPage"}}}}},
            }
        },
        "/runs/search": {
            "post": {
                "operationId": "searchRuns",
                "tags": ["runs"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["query", "offset"],
                                "properties": {"query": {"type": "string"}, "offset": {"type": "integer", "minimum": 0}, "limit": {"type": "integer"}},
                            }
                        }
                    },
                },
                "responses": {
                    "200": {
                        "description": "hits",
                        "content": {"application/json": {"schema": {"type": "object", "properties": {"items": {"type": "array", "items": {"type": "string"}}, "total": {"type": "integer"}}}}},
                    }
                },
            }
        },
    },
    components={
        "schemas": {
            "FlowQuery": {"type": "object", "properties": {"page": {"type": "integer", "default": 1}, "limit": {"type": "integer"}, "name": {"type": "string"}}},
            "FlowPage": {
                "type": "object",
                "properties": {"results": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}}}}, "count": {"type": "integer"}, "pages": {"type": "integer"}, "page": {"type": "integer"}},
            },
        }
    },
)


def test_pages_in_a_json_request_body_are_walked(tmp_path: Path) -> None:
    warnings = WarningSink()
    api = read_api(SEARCH_SPEC, "searching", warnings)
    assert {op.name: (op.pagination.style, op.pagination.param_wire, op.pagination.param_location) for op in api.operations if op.pagination} == {
        "paginate": ("page", "page", "body"),
        "search": ("offset", "offset", "body"),
    }
    notes = {item.pointer: item.message for item in warnings.sorted_notes()}
    assert "page number `page` from 1 (its default), page size `limit`, ending by page count `pages`" in notes["#/paths/~1flows~1paginate/post"]
    assert "(the page travels in the JSON body)" in notes["#/paths/~1runs~1search/post"]
    out = generate(tmp_path, SEARCH_SPEC, "searching")
    assert_generated_tests_pass(out, "searching")
    bodies: list[dict[str, Any]] = []

    def server(request: httpx.Request) -> httpx.Response:
        sent = json.loads(request.content)
        bodies.append(sent)
        if request.url.path == "/flows/paginate":
            page = sent.get("page", 1)
            return httpx.Response(200, json={"results": [{"name": f"f{page}"}], "pages": 3, "page": page})
        offset = sent["offset"]
        return httpx.Response(200, json={"items": ["a", "b", "c"][offset : offset + 2], "total": 3})

    with imported(out, "searching") as searching, httpx.Client(transport=httpx.MockTransport(server)) as http:
        client = searching.Client(http_client=http)
        assert [flow.name for flow in client.flows.iter_paginate(name="x")] == ["f1", "f2", "f3"]
        assert bodies == [{"name": "x"}, {"name": "x", "page": 2}, {"name": "x", "page": 3}]
        bodies.clear()
        assert list(client.runs.iter_search(query="q")) == ["a", "b", "c"]  # the required offset starts at 0
        assert [body["offset"] for body in bodies] == [0, 2]


def test_the_generated_walk_test_catches_a_body_page_left_unset(tmp_path: Path) -> None:
    out = generate(tmp_path, SEARCH_SPEC, "searching")
    assert "self.iter_paginate = to_pager(" in (out / "searching" / "resources" / "flows.py").read_text(encoding="utf-8")
    views = out / "searching" / "_views.py"  # the runtime's walk, which passes each page's number on
    text = views.read_text(encoding="utf-8")
    broken = text.replace("{**kwargs, argument: token}", "kwargs")
    assert broken != text
    views.write_text(broken, encoding="utf-8")
    from tests.test_contract_fixes import run_generated_tests

    run = run_generated_tests(out, "searching")
    assert run.returncode != 0 and "test_flows.py::test_iter_paginate[sync]" in run.stdout
