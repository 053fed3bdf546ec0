"""The MCP servers clientsmith adds to a package (`mcp = true`, issue 26): the settings, the tool
catalogue built from the IR (input schemas, hints, include/exclude), the escaping of spec text, and
GitHub's document (1,223 operations) served with the discovery tools against a local server."""

from __future__ import annotations

import asyncio
import importlib
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from types import ModuleType
from typing import Any

import httpx
import pytest

from generator.config import load_config
from generator.ground.diagnostics import ConfigError
from generator.pipeline import Job, build
from generator.plan.mcp import McpSettings
from tests.conftest import REPO, minimal_spec, write_spec

GITHUB_SPEC = REPO.parent / "shared" / "bench" / "api.github.com.json"
HOSTILE = '"""); import os; os.system("echo pwned") #'

ITEM = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "id": {"type": "integer", "readOnly": True},
        "name": {"type": "string", "description": "The item's name."},
        "kind": {"type": "string", "enum": ["small", "large"]},
        "made": {"type": "string", "format": "date-time"},
    },
}


def _spec() -> dict[str, Any]:
    return minimal_spec(
        paths={
            "/items": {
                "get": {
                    "operationId": "listItems",
                    "tags": ["items"],
                    "summary": "List items",
                    "description": HOSTILE,
                    "parameters": [
                        {"name": "kind", "in": "query", "description": "Only this kind.", "schema": {"type": "string", "enum": ["small", "large"]}},
                        {"name": "since", "in": "query", "schema": {"type": "string", "format": "date"}},
                    ],
                    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}}}}},
                },
                "post": {
                    "operationId": "createItem",
                    "tags": ["items"],
                    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}},
                    "responses": {"201": {"description": "made", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}}},
                },
            },
            "/items/{id}": {
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                "delete": {"operationId": "deleteItem", "tags": ["items"], "responses": {"204": {"description": "gone"}}},
                "put": {"operationId": "archiveItem", "tags": ["items"], "responses": {"204": {"description": "archived"}}},
            },
            "/admin/reset": {
                "post": {"operationId": "resetAll", "tags": ["admin"], "x-clientsmith-mcp": False, "responses": {"204": {"description": "reset"}}},
            },
            "/admin/stats": {
                "get": {"operationId": "getStats", "tags": ["admin"], "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}}},
            },
        },
        components={"schemas": {"Item": ITEM}},
    )


def _built(tmp_path: Path, settings: McpSettings) -> dict[PurePosixPath, str]:
    spec = write_spec(tmp_path, _spec())
    job = Job("shop", spec, tmp_path / "out" / "shop", "spec.yaml", mcp=settings)
    return dict(build(job, use_cache=False).files)


def _catalogue(files: dict[PurePosixPath, str]) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(files[PurePosixPath("mcp/catalogue.json")])
    return loaded


def test_one_tool_per_operation_with_its_schema_and_hints(tmp_path: Path) -> None:
    catalogue = _catalogue(_built(tmp_path, McpSettings(destructive=("archiveItem",))))
    assert catalogue["mode"] == "tools"
    tools = {tool["name"]: tool for tool in catalogue["tools"]}
    assert "admin.reset_all" not in str(tools) and len(tools) == 5  # x-clientsmith-mcp: false
    listing = tools["items.list"]
    assert listing["read_only"] and not listing["destructive"]
    kind = listing["input"]["properties"]["kind"]
    assert kind["enum"] == ["small", "large"] and kind["description"] == "Only this kind."
    assert listing["input"]["properties"]["since"]["format"] == "date"
    create = tools["items.create"]
    assert create["input"]["required"] == ["name"]
    assert "id" not in create["input"]["properties"]  # read-only: not an input
    assert {"type": "string", "format": "date-time"} in create["input"]["properties"]["made"]["anyOf"]  # optional: null too
    assert create["input"]["properties"]["kind"]["enum"] == ["small", "large", None]
    assert create["input"]["properties"]["name"]["description"] == "The item's name."
    assert tools["items.delete"]["destructive"] and tools["items.archive"]["destructive"]
    assert tools["items.delete"]["input"]["required"] == ["id"]
    assert "output" in create and create["output"]["properties"]["result"]


def test_spec_text_stays_data(tmp_path: Path) -> None:
    files = _built(tmp_path, McpSettings())
    assert HOSTILE in _catalogue(files)["tools"][0]["description"]
    for path, text in files.items():
        if path.suffix == ".py" and path.parts[0] in ("mcp",):
            assert "pwned" not in text, path


def test_discovery_past_the_tool_limit_and_the_lists(tmp_path: Path) -> None:
    catalogue = _catalogue(_built(tmp_path, McpSettings(tool_limit=2, exclude_tags=("admin",), exclude=("deleteItem",))))
    assert catalogue["mode"] == "discovery"
    assert [tool["name"] for tool in catalogue["tools"]] == ["items.list", "items.create", "items.archive"]
    only = _catalogue(_built(tmp_path, McpSettings(include_tags=("admin",))))
    assert [tool["name"] for tool in only["tools"]] == ["admin.get_stats"]


def test_settings_are_checked(tmp_path: Path) -> None:
    def config(lines: str) -> None:
        (tmp_path / "pyproject.toml").write_text(f'[tool.clientsmith]\n[tool.clientsmith.providers.shop]\nspec = "s.yaml"\n{lines}\n', encoding="utf-8")
        load_config(tmp_path / "pyproject.toml")

    for bad in ('mcp = "yes"', 'mcp-mode = "tools"', 'mcp = true\nmcp-mode = "all"', "mcp = true\nmcp-tool-limit = 0", 'mcp = true\nmcp-exclude = "x"'):
        with pytest.raises(ConfigError):
            config(bad)
    (tmp_path / "pyproject.toml").write_text('[tool.clientsmith]\n[tool.clientsmith.providers.shop]\nspec = "s.yaml"\nmcp = true\nmcp-mode = "discovery"\nmcp-destructive = ["x"]\n', encoding="utf-8")
    provider = load_config(tmp_path / "pyproject.toml").providers[0]
    assert provider.mcp == McpSettings(mode="discovery", destructive=("x",))


# ---------------------------------------------------------------- GitHub, 1,223 operations


class _GitHub(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    repository: dict[str, Any] = {}
    paths: list[str] = []

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.paths.append(self.path)
        found = self.path == "/repos/octocat/hello-world"
        body = json.dumps(self.repository if found else {"message": "Not Found"}).encode()
        self.send_response(200 if found else 404)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def github() -> ModuleType:
    if not GITHUB_SPEC.is_file():
        pytest.skip(f"{GITHUB_SPEC} is absent (../shared is not cloned here)")
    out = Path(tempfile.mkdtemp(prefix="clientsmith-github-mcp-"))
    completed = subprocess.run(
        [sys.executable, "-m", "generator", "--quiet", "generate", str(GITHUB_SPEC), "--package", "gh_mcp", "--out", str(out), "--no-project", "--mcp"],
        cwd=REPO, capture_output=True, text=True, timeout=900,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    sys.path.insert(0, str(out))
    return importlib.import_module("gh_mcp")


@pytest.fixture(scope="module")
def github_server(github: ModuleType) -> Iterator[str]:
    _GitHub.repository = importlib.import_module("gh_mcp.tests.test_repos").GET_200
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _GitHub)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_github_in_discovery_mode(github: ModuleType, github_server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """An agent's context holds four tools for GitHub's 1,223 operations; it finds `repos.get`, reads
    its schema, and calls it: the repository comes back from the local server through the client."""
    from mcp import Client

    mcp_module = importlib.import_module("gh_mcp.mcp")
    monkeypatch.setenv(mcp_module.BASE_URL_VARIABLE, github_server)
    assert len(mcp_module.load_catalogue().tools) == 1223

    async def agent() -> dict[str, Any]:
        async with Client(mcp_module.create_server()) as session:
            tools = (await session.list_tools()).tools
            found = await session.call_tool("list_operations", {"query": "get a repository", "resource": "repos"})
            described = await session.call_tool("describe_operation", {"name": "repos.get"})
            called = await session.call_tool("call_operation", {"name": "repos.get", "arguments": {"owner": "octocat", "repo": "hello-world"}})
            missing = await session.call_tool("call_operation", {"name": "repos.get", "arguments": {"owner": "octocat", "repo": "nope"}})
            return {"tools": [tool.name for tool in tools], "found": found, "described": described, "called": called, "missing": missing}

    seen = asyncio.run(agent())
    assert len(seen["tools"]) <= 5
    assert seen["found"].structured_content["operations"][0]["name"] == "repos.get"  # the summary's match first
    assert seen["described"].structured_content["input_schema"]["required"] == ["owner", "repo"]
    called = seen["called"]
    assert not called.is_error, called.content
    assert called.structured_content["status"] == 200
    assert called.structured_content["result"]["full_name"] == _GitHub.repository["full_name"]
    assert called.structured_content["result"]["id"] == _GitHub.repository["id"]
    missing = seen["missing"]
    assert missing.is_error and missing.structured_content["status"] == 404
    assert missing.structured_content["body"] == {"message": "Not Found"}
    assert "/repos/octocat/hello-world" in _GitHub.paths
    assert os.environ[mcp_module.BASE_URL_VARIABLE] == github_server


def test_credentials_never_reach_a_result(monkeypatch: pytest.MonkeyPatch) -> None:
    """An API that echoes the key in an error body: the tool error carries the body, the key redacted."""
    from mcp import Client

    from generated.kodexa.mcp import create_server
    from generated.kodexa.tests._contract import MockServer, make_async_client

    key = "test-api-key"  # the contract tests' dummy key (make_async_client)
    monkeypatch.setenv("KODEXA_API_KEY", key)
    server = MockServer("GET", "/api/sessions/{id}")
    server.reply(401, {"message": f"api key {key} is revoked"}, documented=False)

    async def call() -> Any:
        async with httpx.AsyncClient(transport=server.transport) as http, make_async_client(http_client=http) as client:
            async with Client(create_server(client)) as session:
                return await session.call_tool("sessions.get", {"id": "9b2f6c1e-3d4a-4f5b-8c7d-1e2f3a4b5c6d"})

    outcome = asyncio.run(call())
    assert outcome.is_error
    assert outcome.structured_content == {"error": "the API answered 401", "status": 401, "body": {"message": "api key [redacted] is revoked"}}
    assert key not in outcome.model_dump_json()
    assert server.only_call().request.headers["x-api-key"] == key  # the request did carry it


# ---------------------------------------------------------------- pages and streams

FEED_SPEC = REPO / "tests" / "fixtures" / "mcp-feed-3.2.yaml"


@pytest.fixture(scope="module")
def feed() -> ModuleType:
    out = Path(tempfile.mkdtemp(prefix="clientsmith-feed-mcp-"))
    completed = subprocess.run(
        [sys.executable, "-m", "generator", "--quiet", "--no-cache", "generate", str(FEED_SPEC), "--package", "feed_mcp", "--out", str(out), "--no-project", "--mcp"],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    sys.path.insert(0, str(out))
    return importlib.import_module("feed_mcp")


def _feed_calls(feed: ModuleType, calls: list[tuple[str, dict[str, Any]]], handler: Any) -> list[Any]:
    from mcp import Client

    mcp_module = importlib.import_module("feed_mcp.mcp")

    async def run() -> list[Any]:
        transport = httpx.MockTransport(handler)
        async with httpx.AsyncClient(transport=transport) as http, feed.AsyncClient(http_client=http, max_retries=0) as client:
            async with Client(mcp_module.create_server(client)) as session:
                return [await session.call_tool(name, arguments) for name, arguments in calls]

    return asyncio.run(run())


def test_a_paged_tool_gives_one_page_and_the_token_of_the_next(feed: ModuleType) -> None:
    seen: list[httpx.URL] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        cursor = request.url.params.get("cursor")
        page = {None: {"data": [{"id": 1}, {"id": 2}], "next_cursor": "c-2"}, "c-2": {"data": [{"id": 3}], "next_cursor": None}}[cursor]
        return httpx.Response(200, json=page)

    first, = _feed_calls(feed, [("events.list", {"limit": 2})], handler)
    assert first.structured_content == {"status": 200, "result": {"data": [{"id": 1}, {"id": 2}], "next_cursor": "c-2"}, "next_page_token": '"c-2"'}
    second, = _feed_calls(feed, [("events.list", {"limit": 2, "page_token": first.structured_content["next_page_token"]})], handler)
    assert second.structured_content["result"]["data"] == [{"id": 3}]
    assert second.structured_content["next_page_token"] is None
    assert [dict(url.params) for url in seen] == [{"limit": "2"}, {"cursor": "c-2", "limit": "2"}]


def test_a_streamed_reply_is_gathered_up_to_the_bound(feed: ModuleType) -> None:
    lines = 0

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"".join(b'{"id": %d}\n' % index for index in range(lines)), headers={"content-type": "application/jsonl"})

    lines = 150
    cut, = _feed_calls(feed, [("events.stream", {})], handler)
    assert cut.structured_content["truncated"] is True
    assert cut.structured_content["result"] == [{"id": index} for index in range(100)]
    lines = 3
    whole, = _feed_calls(feed, [("events.stream", {})], handler)
    assert whole.structured_content == {"status": 200, "result": [{"id": 0}, {"id": 1}, {"id": 2}], "truncated": False}
