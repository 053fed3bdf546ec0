"""Generated clients against a real local server that does not answer as its document says.

Real servers answer other 2xx codes than documented, send `null` where a string is documented, drop
and add fields, and redirect. A client returns what the server sent: read as documented where it
fits, kept as sent where it does not, strict only on request (`strict_response_validation=True`).
Each rule runs sync and async against `tests/local_server.py` on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from generator.pipeline import Job, build, write_all
from tests.conftest import minimal_spec, write_spec
from tests.local_server import Reply, Seen, serve

JSON = "application/json"
ITEM = {"$ref": "#/components/schemas/Item"}
ID = [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]


def _ok(status: str, schema: dict[str, Any] | None = ITEM) -> dict[str, Any]:
    if schema is None:
        return {status: {"description": "done"}}
    return {status: {"description": "done", "content": {JSON: {"schema": schema}}}}


SPEC = minimal_spec(
    security=[{"key": []}],
    paths={
        "/items": {
            "post": {"operationId": "createItem", "tags": ["items"], "requestBody": {"content": {JSON: {"schema": ITEM}}}, "responses": _ok("200")},
        },
        "/items/{id}": {
            "parameters": ID,
            "get": {"operationId": "getItem", "tags": ["items"], "responses": _ok("2XX")},
            "put": {"operationId": "replaceItem", "tags": ["items"], "requestBody": {"content": {JSON: {"schema": ITEM}}}, "responses": _ok("200")},
            "patch": {"operationId": "patchItem", "tags": ["items"], "requestBody": {"content": {JSON: {"schema": ITEM}}}, "responses": _ok("default")},
            "delete": {"operationId": "deleteItem", "tags": ["items"], "responses": _ok("204", None)},
        },
        "/shelves": {
            "get": {"operationId": "listShelves", "tags": ["items"], "responses": _ok("200", {"type": "array", "items": {"$ref": "#/components/schemas/Shelf"}})},
        },
    },
    components={
        "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}},
        "schemas": {
            "Item": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {
                    "id": {"type": "string"},
                    "name": {"type": "string"},
                    "count": {"type": "integer", "minimum": 0},
                    "tags": {"type": "array", "items": {"type": "string"}},
                },
            },
            "Shelf": {"type": "object", "properties": {"label": {"type": "string"}, "items": {"type": "array", "items": ITEM}}},
        },
    },
)


@pytest.fixture(scope="module")
def shopsdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    folder = tmp_path_factory.mktemp("shopsdk")
    spec = write_spec(folder, SPEC)
    write_all([build(Job("shopsdk", spec, folder / "out" / "shopsdk", "spec.yaml"), use_cache=False)])
    sys.path.insert(0, str(folder / "out"))
    try:
        yield importlib.import_module("shopsdk")
    finally:
        sys.path.remove(str(folder / "out"))
        for name in [name for name in sys.modules if name == "shopsdk" or name.startswith("shopsdk.")]:
            del sys.modules[name]


def call(sdk: ModuleType, url: str, is_async: bool, method: str, *args: Any, client_options: dict[str, Any] | None = None, **kwargs: Any) -> Any:
    """`client.items.<method>(...)` on a sync or an async client of `url`."""
    options = {"api_key": "SECRET-KEY", "base_url": url, "max_retries": 0, **(client_options or {})}
    if not is_async:
        with sdk.Client(**options) as client:
            return getattr(client.items, method)(*args, **kwargs)

    async def run() -> Any:
        async with sdk.AsyncClient(**options) as client:
            return await getattr(client.items, method)(*args, **kwargs)

    return asyncio.run(run())


both = pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
ITEM_JSON = {"id": "i1", "name": "lamp", "count": 2}


# ------------------------------------------------------------ other 2xx codes


@both
def test_a_create_answered_201_where_200_is_documented_returns_the_created_object(shopsdk: ModuleType, is_async: bool) -> None:
    with serve({("POST", "/items"): lambda seen: Reply(201, {**seen.json(), "id": "new-1"})}) as server:
        created = call(shopsdk, server.url, is_async, "create", id="ignored", name="lamp")
    assert isinstance(created, shopsdk.models.Item)
    assert (created.id, created.name) == ("new-1", "lamp")


@both
def test_200_with_a_body_where_204_is_documented_reads_as_the_documented_none(shopsdk: ModuleType, is_async: bool) -> None:
    with serve({("DELETE", "/items/i1"): lambda seen: Reply(200, {"deleted": True})}) as server:
        assert call(shopsdk, server.url, is_async, "delete", "i1") is None
        with shopsdk.Client(api_key="k", base_url=server.url) as client:
            raw = client.items.with_raw_response.delete("i1")
    assert raw.parsed is None and raw.http_response.json() == {"deleted": True}  # nothing lost


@both
def test_documented_2XX_and_default_replies_read_as_their_type(shopsdk: ModuleType, is_async: bool) -> None:
    routes = {("GET", "/items/i1"): lambda seen: Reply(203, ITEM_JSON), ("PATCH", "/items/i1"): lambda seen: Reply(202, ITEM_JSON)}
    with serve(routes) as server:
        got = call(shopsdk, server.url, is_async, "get", "i1")
        patched = call(shopsdk, server.url, is_async, "patch", "i1", name="lamp")
    assert isinstance(got, shopsdk.models.Item) and got.count == 2
    assert isinstance(patched, shopsdk.models.Item) and patched.name == "lamp"


@both
def test_an_empty_201_where_a_model_is_documented_is_a_clear_error(shopsdk: ModuleType, is_async: bool) -> None:
    with serve({("POST", "/items"): lambda seen: Reply(201)}) as server:
        with pytest.raises(shopsdk.APIResponseValidationError) as error:
            call(shopsdk, server.url, is_async, "create", id="i1", name="lamp")
    assert "answered 201 with an empty body where Item is documented" in str(error.value)


# ------------------------------------------------------------ replies that drift


DRIFTED = {"id": "i1", "name": None, "count": "seven", "tags": ["a", 3], "colour": "red"}


@both
def test_a_drifted_reply_is_returned_with_everything_the_server_sent(shopsdk: ModuleType, is_async: bool) -> None:
    with serve({("PUT", "/items/i1"): lambda seen: Reply(200, DRIFTED)}) as server:
        item = call(shopsdk, server.url, is_async, "replace", "i1", body_id="i1", name="lamp")
    assert isinstance(item, shopsdk.models.Item)
    assert item.id == "i1"
    assert item.name is None  # null kept as sent
    assert item.count == "seven"  # the wrong type kept as sent
    assert item.tags == ["a", 3]
    assert item.model_extra == {"colour": "red"}  # unknown fields kept


@both
def test_strict_response_validation_raises_on_the_same_reply(shopsdk: ModuleType, is_async: bool) -> None:
    with serve({("PUT", "/items/i1"): lambda seen: Reply(200, DRIFTED)}) as server:
        with pytest.raises(shopsdk.APIResponseValidationError) as error:
            call(shopsdk, server.url, is_async, "replace", "i1", body_id="i1", name="lamp", client_options={"strict_response_validation": True})
    assert error.value.body == DRIFTED


def test_a_missing_required_field_reads_none_and_is_not_sent_back(shopsdk: ModuleType) -> None:
    with serve({("GET", "/items/i1"): lambda seen: Reply(200, {"id": "i1"})}) as server:
        item = call(shopsdk, server.url, False, "get", "i1")
    assert item.name is None and "name" not in item.model_fields_set
    assert shopsdk._models.to_wire(item) == {"id": "i1"}


def test_drift_inside_lists_keeps_the_items_that_fit_as_models(shopsdk: ModuleType) -> None:
    shelves = [{"label": "top", "items": [ITEM_JSON, {"id": "i2", "name": 5}]}]
    with serve({("GET", "/shelves"): lambda seen: Reply(200, shelves)}) as server:
        got = call(shopsdk, server.url, False, "list_shelves")
    first, second = got[0].items
    assert isinstance(first, shopsdk.models.Item) and first.count == 2
    assert isinstance(second, shopsdk.models.Item) and second.name == 5


def test_each_mismatch_is_logged_once_per_operation_and_field(shopsdk: ModuleType, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="shopsdk")
    # patchItem meets drift only here: the log is once per operation and field for the process.
    with serve({("PATCH", "/items/i9"): lambda seen: Reply(200, DRIFTED)}) as server:
        for _ in range(3):
            call(shopsdk, server.url, False, "patch", "i9", name="lamp")
    lines = [record.getMessage() for record in caplog.records if "patchItem" in record.getMessage()]
    assert len(lines) == 3, lines  # name, count, tags[1]: each once, however many replies
    assert any("`name`" in line and "null where str is documented" in line for line in lines)
    assert any("`tags[1]`" in line for line in lines)


# ------------------------------------------------------------ redirects


@both
def test_a_302_is_followed_to_the_reply(shopsdk: ModuleType, is_async: bool) -> None:
    with serve({("GET", "/items/old"): lambda seen: Reply(302, headers={"Location": "/items/i1"}), ("GET", "/items/i1"): lambda seen: Reply(200, ITEM_JSON)}) as server:
        item = call(shopsdk, server.url, is_async, "get", "old")
    assert item.id == "i1"
    assert [seen.path for seen in server.seen] == ["/items/old", "/items/i1"]
    assert all(seen.headers["x-api-key"] == "SECRET-KEY" for seen in server.seen)  # the same origin keeps its credentials


@both
def test_307_and_308_keep_the_method_and_body_303_becomes_a_get(shopsdk: ModuleType, is_async: bool) -> None:
    routes = {
        ("POST", "/items"): lambda seen: Reply(307, headers={"Location": "/items/v2"}),
        ("POST", "/items/v2"): lambda seen: Reply(308, headers={"Location": "/items/v3"}),
        ("POST", "/items/v3"): lambda seen: Reply(303, headers={"Location": "/items/i1"}),
        ("GET", "/items/i1"): lambda seen: Reply(200, ITEM_JSON),
    }
    with serve(routes) as server:
        call(shopsdk, server.url, is_async, "create", id="i1", name="lamp")
    assert [(seen.method, seen.path) for seen in server.seen] == [("POST", "/items"), ("POST", "/items/v2"), ("POST", "/items/v3"), ("GET", "/items/i1")]
    assert [seen.json() for seen in server.seen[:3]] == [{"id": "i1", "name": "lamp"}] * 3
    assert server.seen[3].body == b""


@both
def test_credentials_never_follow_a_redirect_to_another_origin(shopsdk: ModuleType, is_async: bool) -> None:
    with serve({("GET", "/elsewhere"): lambda seen: Reply(200, ITEM_JSON)}) as other:
        with serve({("GET", "/items/i1"): lambda seen: Reply(302, headers={"Location": f"{other.url}/elsewhere"})}) as server:
            item = call(shopsdk, server.url, is_async, "get", "i1", extra_headers={"Authorization": "Bearer SECRET"})
    assert item.id == "i1"
    assert server.seen[0].headers["x-api-key"] == "SECRET-KEY"
    (arrived,) = other.seen
    assert "x-api-key" not in arrived.headers and "authorization" not in arrived.headers


@both
def test_follow_redirects_false_hands_the_redirect_back_as_an_error(shopsdk: ModuleType, is_async: bool) -> None:
    with serve({("GET", "/items/old"): lambda seen: Reply(302, headers={"Location": "/items/i1"})}) as server:
        with pytest.raises(shopsdk.APIStatusError) as error:
            call(shopsdk, server.url, is_async, "get", "old", client_options={"follow_redirects": False})
    assert error.value.status_code == 302 and len(server.seen) == 1


def test_a_redirect_loop_stops_after_the_bound(shopsdk: ModuleType) -> None:
    def loop(seen: Seen) -> Reply:
        return Reply(302, headers={"Location": "/items/loop"})

    with serve({("GET", "/items/loop"): loop}) as server:
        with pytest.raises(shopsdk.APIStatusError, match="stopped after 20 redirects"):
            call(shopsdk, server.url, False, "get", "loop")
    assert len(server.seen) == 21
