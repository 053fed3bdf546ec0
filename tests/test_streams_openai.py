"""OpenAI's document (../shared/corpus/modern/openai.yaml): `chat.create_completion(stream=True)` streams
typed `CreateChatCompletionStreamResponse` chunks from a local server, sync and async."""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import ModuleType
from typing import Any

import pytest

from tests.stream_packages import OPENAI_SPEC, generated_package

pytestmark = pytest.mark.skipif(not OPENAI_SPEC.is_file(), reason=f"{OPENAI_SPEC} is absent (../shared is not cloned here)")

CHUNKS = [
    {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o",
     "choices": [{"index": 0, "delta": {"role": "assistant", "content": text}, "finish_reason": None}]}
    for text in ("Hel", "lo")
]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    bodies: list[dict[str, Any]] = []

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        self.bodies.append(json.loads(self.rfile.read(int(self.headers["content-length"]))))
        frames = b"".join(b"data: " + json.dumps(chunk).encode() + b"\n\n" for chunk in CHUNKS) + b"data: [DONE]\n\n"
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("content-length", str(len(frames)))
        self.end_headers()
        self.wfile.write(frames)


@pytest.fixture(scope="module")
def openai() -> ModuleType:
    folder = generated_package(OPENAI_SPEC, "c_openai_streams")
    sys.path.insert(0, str(folder.parent))
    return importlib.import_module("c_openai_streams")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


def test_chat_completion_chunks_stream_typed(openai: ModuleType, server: str) -> None:
    messages = [{"role": "user", "content": "Say hello"}]
    with openai.Client(api_key_auth_bearer_token="sk-test", base_url=server) as client:
        with client.chat.create_completion(model="gpt-4o", messages=messages, stream=True) as stream:
            chunks = list(stream)
    assert [type(chunk).__name__ for chunk in chunks] == ["CreateChatCompletionStreamResponse"] * 2
    assert "".join(chunk.choices[0].delta.content for chunk in chunks) == "Hello"
    assert Handler.bodies[-1]["stream"] is True

    async def run() -> list[Any]:
        async with openai.AsyncClient(api_key_auth_bearer_token="sk-test", base_url=server) as client:
            async with await client.chat.create_completion(model="gpt-4o", messages=messages, stream=True) as stream:
                return [chunk async for chunk in stream]

    assert [chunk.choices[0].delta.content for chunk in asyncio.run(run())] == ["Hel", "lo"]
