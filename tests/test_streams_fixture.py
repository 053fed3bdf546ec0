"""An OpenAPI 3.2 document with server-sent events, JSON Lines, a JSON sequence, a QUERY operation, an
extra method, nested tags and binary files (tests/fixtures/streams-3.2.yaml): it generates, passes
`mypy --strict` and its generated tests, and its streams yield typed items, sync and async, from a
real HTTP server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import importlib
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.stream_packages import STREAMS_FIXTURE, generated_package

CHUNKS = [{"id": "c1", "delta": "Hel", "index": 0}, {"id": "c1", "delta": "lo", "index": 1}]
LOG_LINES = [
    {"time": "2025-09-19T10:00:00Z", "level": "info", "message": "started"},
    {"time": "2025-09-19T10:00:01Z", "level": "error", "message": "timeout"},
]
FILE_BYTES = bytes(range(256)) * 1000


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: list[tuple[str, str, bytes]] = []

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("content-length") or 0))

    def _send(self, status: int, content_type: str, parts: list[bytes]) -> None:
        self.send_response(status)
        self.send_header("content-type", content_type)
        self.send_header("transfer-encoding", "chunked")
        self.end_headers()
        for part in parts:  # every part its own network chunk
            self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")

    def do_POST(self) -> None:
        body = json.loads(self._body())
        self.seen.append(("POST", self.path, json.dumps(body).encode()))
        if body.get("stream"):
            frames = b"".join(b"data: " + json.dumps(chunk).encode() + b"\n\n" for chunk in CHUNKS) + b"data: [DONE]\n\n"
            self._send(200, "text/event-stream", [frames[index : index + 7] for index in range(0, len(frames), 7)])
        else:
            self._send(200, "application/json", [json.dumps({"id": "cmpl-1", "text": "Hello"}).encode()])

    def do_GET(self) -> None:
        self.seen.append(("GET", self.path, b""))
        if self.path.startswith("/v1/logs/changes"):
            self._send(200, "application/json-seq", [b"\x1e" + json.dumps(line).encode() + b"\n" for line in LOG_LINES])
        elif self.path.startswith("/v1/logs"):
            text = b"".join(json.dumps(line).encode() + b"\n" for line in LOG_LINES)
            self._send(200, "application/jsonl", [text[:30], text[30:]])
        elif self.path.startswith("/v1/chat/events"):
            self._send(200, "text/event-stream", [b"event: joined\nid: 1\ndata: alice\n\n", b": ping\n\nevent: left\ndata: bob\n\n"])
        else:
            self._send(200, "application/octet-stream", [FILE_BYTES[i : i + 65536] for i in range(0, len(FILE_BYTES), 65536)])

    def do_QUERY(self) -> None:
        body = self._body()
        self.seen.append(("QUERY", self.path, body))
        self._send(200, "application/json", [json.dumps(LOG_LINES[1:]).encode()])


@pytest.fixture(scope="module")
def package() -> ModuleType:
    folder = generated_package(STREAMS_FIXTURE, "streams32")
    sys.path.insert(0, str(folder.parent))
    return importlib.import_module("streams32")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


def test_the_package_passes_mypy_strict_and_its_generated_tests(package: ModuleType) -> None:
    folder = Path(package.__file__ or "").parent
    typed = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", folder.name], cwd=folder.parent, capture_output=True, text=True, timeout=600)
    assert typed.returncode == 0, typed.stdout[-3000:]
    tested = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", f"{folder.name}/tests"],
        cwd=folder.parent, capture_output=True, text=True, timeout=600,
    )
    assert tested.returncode == 0, tested.stdout[-3000:]
    assert "test_create_stream" in (folder / "tests" / "test_completions.py").read_text()


def test_streams_yield_typed_items(package: ModuleType, server: str, tmp_path: Path) -> None:
    models = package.models
    with package.Client(base_url=server) as client:
        # Nested tags: `completions` has the parent `chat`.
        completion = client.chat.completions.create(model="small-1", prompt="Say hello")
        assert completion == models.Completion(id="cmpl-1", text="Hello")
        with client.chat.completions.create(model="small-1", prompt="Say hello", stream=True) as stream:
            chunks = list(stream)
        assert chunks == [models.CompletionChunk.model_validate(chunk) for chunk in CHUNKS]
        events = list(client.chat.list_events())
        assert [(event.event, event.data) for event in events] == [("joined", "alice"), ("left", "bob")]
        assert all(isinstance(event, models.ChatEvent) for event in events)
        lines = list(client.logs.tail())
        assert [line.message for line in lines] == ["started", "timeout"]
        assert [line.message for line in client.logs.list_changes()] == ["started", "timeout"]
        found = client.logs.search(text="timeout")
        assert [line.message for line in found] == ["timeout"]
        with client.files.with_streaming_response.download("f1") as response:
            assert response.status_code == 200
            assert response.write_to_file(tmp_path / "file.bin") == len(FILE_BYTES)
        assert (tmp_path / "file.bin").read_bytes() == FILE_BYTES
    assert ("QUERY", "/v1/logs/search", b'{"text":"timeout"}') in Handler.seen


def test_async_streams_yield_typed_items(package: ModuleType, server: str) -> None:
    models = package.models

    async def run() -> tuple[list[Any], list[Any], bytes]:
        async with package.AsyncClient(base_url=server) as client:
            stream = await client.chat.completions.create(model="small-1", prompt="Say hello", stream=True)
            async with stream:
                chunks = [chunk async for chunk in stream]
            lines = [line async for line in await client.logs.tail()]
            async with client.files.with_streaming_response.download("f1") as response:
                data = b"".join([piece async for piece in response.iter_bytes()])
            return chunks, lines, data

    chunks, lines, data = asyncio.run(run())
    assert chunks == [models.CompletionChunk.model_validate(chunk) for chunk in CHUNKS]
    assert [type(line).__name__ for line in lines] == ["LogLine", "LogLine"]
    assert data == FILE_BYTES
