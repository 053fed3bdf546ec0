"""Streamed replies and lazily read bodies (templates/runtime/_streaming.py, _response.py), over a
real HTTP server on 127.0.0.1: frames split inside and across network chunks, a slow producer, a
connection dropped midway, an error status before the stream, streamed uploads."""

from __future__ import annotations

import asyncio
import io
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pydantic
import pytest

from rt_helpers import TinyServer, read_request_head
from rtpkg._bodies import BinaryBody
from rtpkg._async_client import AsyncAPIClient
from rtpkg._client_base import Endpoint, ResponseSpec
from rtpkg._sync_client import SyncAPIClient
from rtpkg._exceptions import APIConnectionError, APIError, APIResponseValidationError, NotFoundError, StreamError
from rtpkg._streaming import JsonLinesDecoder, JsonSeqDecoder, ServerSentEvent, SSEDecoder, StreamFormat


class Chunk(pydantic.BaseModel):
    id: str
    delta: str


# ------------------------------------------------------------------ decoders


def feed_bytewise(decoder: Any, body: bytes) -> list[Any]:
    out: list[Any] = []
    for index in range(len(body)):
        out += decoder.feed(body[index : index + 1])
    return out + decoder.end()


SSE_BODY = (
    b"\xef\xbb\xbf: a comment the client ignores\r\n"
    b"event: greeting\r\n"
    b"id: 7\r\n"
    b"retry: 2500\r\n"
    b"data: first line\r\n"
    b"data:second line\r\n"
    b"\r\n"
    b"data: caf\xc3\xa9\r"  # CR alone ends lines too
    b"\r"
    b"id\n"  # a field without a colon: the id becomes empty
    b"event: no data, so never dispatched\n"
    b"\n"
    b"data: {\"unfinished\": true}\n"  # the stream ends inside this event: dropped
)


def test_sse_decoder_reads_every_field_whatever_the_chunking() -> None:
    expected = [
        ServerSentEvent(data="first line\nsecond line", event="greeting", id="7", retry=2500),
        ServerSentEvent(data="café", event=None, id="7", retry=None),
    ]
    assert feed_bytewise(SSEDecoder(), SSE_BODY) == expected
    whole = SSEDecoder()
    assert whole.feed(SSE_BODY) + whole.end() == expected
    for cut in range(1, len(SSE_BODY)):
        decoder = SSEDecoder()
        assert decoder.feed(SSE_BODY[:cut]) + decoder.feed(SSE_BODY[cut:]) + decoder.end() == expected, cut


def test_sse_decoder_keeps_the_last_event_id() -> None:
    decoder = SSEDecoder()
    events = decoder.feed(b"id: a\ndata: 1\n\ndata: 2\n\nid\ndata: 3\n\n")
    assert [event.id for event in events] == ["a", "a", ""]
    assert decoder.last_event_id == ""


def test_sse_decoder_keeps_the_reconnection_time() -> None:
    # `retry` holds from the event that gave it on, also when that event had no data.
    decoder = SSEDecoder()
    events = decoder.feed(b"retry: 3000\n\ndata: 1\n\nretry: soon\ndata: 2\n\nretry: 500\ndata: 3\n\n")
    assert [event.retry for event in events] == [None, None, 500]
    assert decoder.reconnection_time == 500
    assert SSEDecoder().reconnection_time is None


def test_json_lines_and_json_seq_decoders() -> None:
    lines = b'{"a": 1}\r\n\n{"a": 2}\n{"a": 3}'
    assert feed_bytewise(JsonLinesDecoder(), lines) == [b'{"a": 1}', b'{"a": 2}', b'{"a": 3}']
    seq = b'\x1e{"a": 1}\n\x1e[2]\n\x1e"three"\n'
    assert feed_bytewise(JsonSeqDecoder(), seq) == [b'{"a": 1}', b"[2]", b'"three"']


# ------------------------------------------------------------------ a real server

EVENT_STREAM = StreamFormat("sse", Chunk, media_type="text/event-stream")
FRAMES = [
    b': open\n\ndata: {"id": "c1", "del',  # a frame split inside its JSON
    b'ta": "Hel"}\n',
    b"\n",
    b'data: {"id": "c1", "delta": "lo"}\n\nda',
    b"ta: [DONE]\n\n",
    b'data: {"id": "never", "delta": "read"}\n\n',  # after the sentinel: not an item
]


def _drain_body(conn: socket.socket, head: bytes) -> None:
    """Read the rest of a request with a Content-Length body (the head may hold its start)."""
    lines = head.split(b"\r\n\r\n", 1)
    length = next((int(line.split(b":", 1)[1]) for line in lines[0].split(b"\r\n") if line.lower().startswith(b"content-length:")), 0)
    received = len(lines[1]) if len(lines) > 1 else 0
    while received < length:
        chunk = conn.recv(65536)
        if not chunk:
            return
        received += len(chunk)


def chunked_reply(
    parts: list[bytes],
    *,
    status: str = "200 OK",
    content_type: str = "text/event-stream",
    delay: float = 0.0,
    drop_after: int | None = None,
    requests: list[bytes] | None = None,
) -> Callable[[socket.socket, threading.Event], None]:
    """A connection handler answering with `parts` as HTTP/1.1 chunks, `delay` seconds apart;
    `drop_after`: close the connection after that many parts, mid-body."""

    def behaviour(conn: socket.socket, stop: threading.Event) -> None:
        head = read_request_head(conn)
        _drain_body(conn, head)  # a socket closed with unread request bytes resets the connection
        if requests is not None:
            requests.append(head)
        conn.sendall(
            f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nTransfer-Encoding: chunked\r\n"
            "Connection: close\r\n\r\n".encode()
        )
        for index, part in enumerate(parts):
            if drop_after is not None and index == drop_after:
                conn.shutdown(socket.SHUT_RDWR)
                return
            conn.sendall(b"%x\r\n%s\r\n" % (len(part), part))
            if delay:
                time.sleep(delay)
        conn.sendall(b"0\r\n\r\n")

    return behaviour


def stream_endpoint(stream_format: StreamFormat = EVENT_STREAM, method: str = "GET") -> Endpoint:
    return Endpoint(
        method=method,
        path="/events",
        operation_id="events",
        security=None,
        responses={"200": ResponseSpec("stream")},
        errors={"404": dict[str, Any]},
        streams={"200": stream_format},
    )


def sync_client(url: str, **options: Any) -> SyncAPIClient:
    return SyncAPIClient(base_url=url, credentials={}, user_agent="test", **options)


def async_client(url: str, **options: Any) -> AsyncAPIClient:
    return AsyncAPIClient(base_url=url, credentials={}, user_agent="test", **options)


def test_server_sent_events_arrive_as_typed_items_from_a_slow_producer() -> None:
    requests: list[bytes] = []
    server = TinyServer(chunked_reply(FRAMES, delay=0.02, requests=requests))
    try:
        with sync_client(server.url) as client:
            stream = client.request(stream_endpoint()).parsed
            with stream:
                first = next(stream)
                assert first == Chunk(id="c1", delta="Hel")
                assert stream.response.headers["content-type"] == "text/event-stream"
                rest = list(stream)
            assert rest == [Chunk(id="c1", delta="lo")]
            assert stream.response.is_closed
        assert b"accept: text/event-stream" in requests[0].lower()
    finally:
        server.close()


def test_async_stream_yields_the_same_items() -> None:
    server = TinyServer(chunked_reply(FRAMES, delay=0.01))

    async def run() -> list[Chunk]:
        async with async_client(server.url) as client:
            stream = (await client.request(stream_endpoint())).parsed
            async with stream:
                return [item async for item in stream]

    try:
        assert asyncio.run(run()) == [Chunk(id="c1", delta="Hel"), Chunk(id="c1", delta="lo")]
    finally:
        server.close()


def test_json_lines_stream_and_a_bad_item() -> None:
    lines = [b'{"id": "a", "delta": "1"}\n{"id": "b",', b' "delta": "2"}\n{"id": 3}\n']
    server = TinyServer(chunked_reply(lines, content_type="application/jsonl"))
    try:
        with sync_client(server.url, strict_response_validation=True) as client:
            stream = client.request(stream_endpoint(StreamFormat("jsonl", Chunk, media_type="application/jsonl"))).parsed
            assert next(stream) == Chunk(id="a", delta="1")
            assert next(stream) == Chunk(id="b", delta="2")
            with pytest.raises(APIResponseValidationError, match="does not match its schema"):
                next(stream)
        # By default the item that does not fit is handed out as the server sent it.
        with sync_client(server.url) as client:
            items = list(client.request(stream_endpoint(StreamFormat("jsonl", Chunk, media_type="application/jsonl"))).parsed)
            assert items[:2] == [Chunk(id="a", delta="1"), Chunk(id="b", delta="2")]
            assert isinstance(items[2], Chunk) and items[2].id == 3 and items[2].delta is None
    finally:
        server.close()


def test_a_connection_lost_midway_raises_from_the_iterator_and_is_not_retried() -> None:
    requests: list[bytes] = []
    server = TinyServer(chunked_reply(FRAMES, drop_after=3, requests=requests))
    try:
        with sync_client(server.url, max_retries=3) as client:
            stream = client.request(stream_endpoint()).parsed
            items: list[Chunk] = []
            with pytest.raises(APIConnectionError):
                for item in stream:
                    items.append(item)
            assert items == [Chunk(id="c1", delta="Hel")]
        time.sleep(0.1)
        assert len(requests) == 1  # nothing consumed is ever fetched again
    finally:
        server.close()


def test_an_error_status_raises_the_typed_error_before_any_item() -> None:
    server = TinyServer(chunked_reply([b'{"message": "no such chat"}'], status="404 Not Found", content_type="application/json"))
    try:
        with sync_client(server.url, max_retries=0) as client:
            with pytest.raises(NotFoundError) as raised:
                client.request(stream_endpoint())
            assert raised.value.body == {"message": "no such chat"}
    finally:
        server.close()


# OpenAI (Assistants, Realtime) and Anthropic report an error mid-stream as an `error` event:
ERROR_FRAMES = [
    b'id: e1\nretry: 1500\ndata: {"id": "c1", "delta": "Hel"}\n\n',
    b'event: error\nid: e2\ndata: {"type": "error", "error": {"type": "overloaded_error", "message": "Overl',
    b'oaded"}}\n\n',
    b'data: {"id": "never", "delta": "read"}\n\n',
]


@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
def test_an_error_event_raises_a_stream_error_from_the_iterator(use_async: bool) -> None:
    requests: list[bytes] = []
    server = TinyServer(chunked_reply(ERROR_FRAMES, delay=0.01, requests=requests))

    async def consume_async(items: list[Chunk]) -> Any:
        async with async_client(server.url, max_retries=3) as client:
            stream = (await client.request(stream_endpoint())).parsed
            async with stream:
                with pytest.raises(StreamError) as raised:
                    async for item in stream:
                        items.append(item)
                return raised.value, stream

    try:
        items: list[Chunk] = []
        if use_async:
            error, stream = asyncio.run(consume_async(items))
        else:
            with sync_client(server.url, max_retries=3) as client:
                with client.request(stream_endpoint()).parsed as stream:
                    with pytest.raises(StreamError) as raised:
                        for item in stream:
                            items.append(item)
                    error = raised.value
        assert items == [Chunk(id="c1", delta="Hel")]
        assert isinstance(error, APIError) and error.event == "error"
        assert error.body == {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
        assert str(error) == "GET /events: the stream reported an error: Overloaded"
        assert error.response.status_code == 200
        assert (stream.last_event_id, stream.reconnection_time) == ("e2", 1500)  # to reconnect with Last-Event-ID
        assert stream.response.is_closed
        time.sleep(0.05)
        assert len(requests) == 1  # a stream that has started is never retried
    finally:
        server.close()


def test_an_error_event_the_document_describes_is_an_item() -> None:
    class Event(pydantic.BaseModel):
        type: str
        message: str = ""

    frames = [b'event: error\ndata: {"type": "error", "message": "rate limited"}\n\n', b'data: {"type": "done"}\n\n']
    server = TinyServer(chunked_reply(frames))
    try:
        with sync_client(server.url) as client:
            described = StreamFormat("sse", Event, media_type="text/event-stream", error_event=None)
            with client.request(stream_endpoint(described)).parsed as stream:
                assert list(stream) == [Event(type="error", message="rate limited"), Event(type="done")]
    finally:
        server.close()


def test_an_error_object_in_place_of_an_item_raises_a_stream_error() -> None:
    # OpenAI's chat completions: `data: {"error": {...}}` where a chunk belongs.
    frames = [b'data: {"id": "c1", "delta": "Hel"}\n\n', b'data: {"error": {"message": "server_error", "code": 500}}\n\n']
    server = TinyServer(chunked_reply(frames))
    try:
        with sync_client(server.url) as client:
            with client.request(stream_endpoint()).parsed as stream:
                assert next(stream) == Chunk(id="c1", delta="Hel")
                with pytest.raises(StreamError, match="the stream reported an error: server_error") as raised:
                    next(stream)
                assert raised.value.event is None and raised.value.body == {"error": {"message": "server_error", "code": 500}}
    finally:
        server.close()


def test_a_stream_abandoned_midway_closes_its_connection() -> None:
    server = TinyServer(chunked_reply(FRAMES, delay=0.02))
    try:
        with sync_client(server.url) as client:
            with client.request(stream_endpoint()).parsed as stream:
                assert next(stream).delta == "Hel"
            assert stream.response.is_closed
            with pytest.raises(StopIteration):
                next(stream)
    finally:
        server.close()


def test_the_stream_flag_chooses_between_json_and_the_stream() -> None:
    from rtpkg._bodies import JsonBody

    endpoint = Endpoint(
        method="POST", path="/chat", operation_id="chat", security=None,
        responses={"200": ResponseSpec("json", Chunk)}, streams={"200": EVENT_STREAM}, stream_flag="stream",
    )
    assert not endpoint.streaming(JsonBody({"stream": False}))
    assert not endpoint.streaming(None)
    assert endpoint.streaming(JsonBody({"stream": True}))
    server = TinyServer(chunked_reply([b'{"id": "w", "delta": "whole"}'], content_type="application/json"))
    try:
        with sync_client(server.url) as client:
            assert client.request(endpoint, body=JsonBody({"stream": False})).parsed == Chunk(id="w", delta="whole")
    finally:
        server.close()


# ------------------------------------------------------------------ lazily read bodies

DOWNLOAD = [bytes([index]) * 70_000 for index in range(5)] + [b"line one\nline two\n"]


def download_endpoint() -> Endpoint:
    return Endpoint(method="GET", path="/file", operation_id="file", security=None, responses={"200": ResponseSpec("bytes")})


def test_streaming_response_writes_to_a_file_piece_by_piece(tmp_path: Path) -> None:
    server = TinyServer(chunked_reply(DOWNLOAD, content_type="application/octet-stream"))
    try:
        with sync_client(server.url) as client:
            response = client.request_streamed(download_endpoint())
            try:
                assert response.status_code == 200 and not response.http_response.is_stream_consumed
                written = response.write_to_file(tmp_path / "out.bin")
            finally:
                response.close()
        assert written == sum(map(len, DOWNLOAD))
        assert (tmp_path / "out.bin").read_bytes() == b"".join(DOWNLOAD)
    finally:
        server.close()


def test_async_streaming_response_iterates_lines_and_parses() -> None:
    server = TinyServer(chunked_reply([b"alpha\nbe", b"ta\r\ngamma"], content_type="text/plain"))

    async def run() -> list[str]:
        async with async_client(server.url) as client:
            response = await client.request_streamed(download_endpoint())
            try:
                return [line async for line in response.iter_lines()]
            finally:
                await response.close()

    try:
        assert asyncio.run(run()) == ["alpha", "beta", "gamma"]
    finally:
        server.close()


def test_streaming_response_raises_the_connection_error_midway() -> None:
    server = TinyServer(chunked_reply(DOWNLOAD, content_type="application/octet-stream", drop_after=2))
    try:
        with sync_client(server.url) as client:
            response = client.request_streamed(download_endpoint())
            with pytest.raises(APIConnectionError):
                for _ in response.iter_bytes():
                    pass
            response.close()
    finally:
        server.close()


# ------------------------------------------------------------------ streamed uploads


class CountingFile(io.BytesIO):
    """A file that remembers the largest read asked of it."""

    largest = 0

    def read(self, size: int | None = -1) -> bytes:
        self.largest = max(self.largest, size if size is not None and size >= 0 else len(self.getbuffer()))
        return super().read(size)


def upload_server(received: list[bytes]) -> TinyServer:
    def behaviour(conn: socket.socket, stop: threading.Event) -> None:
        data = read_request_head(conn)
        head, _, body = data.partition(b"\r\n\r\n")
        length = int(next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")))
        while len(body) < length:
            chunk = conn.recv(65536)
            if not chunk:
                break
            body += chunk
        received.append(head + b"\r\n\r\n" + body)
        conn.sendall(b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")

    return TinyServer(behaviour)


@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
def test_a_file_upload_is_sent_in_pieces_with_its_length(use_async: bool) -> None:
    payload = bytes(range(256)) * 4096  # 1 MiB
    received: list[bytes] = []
    server = upload_server(received)
    file = CountingFile(payload)
    file.seek(10)  # sent from where it stands
    endpoint = Endpoint(method="PUT", path="/file", operation_id="put", security=None, responses={"204": ResponseSpec("none")})
    try:
        if use_async:

            async def run() -> None:
                async with async_client(server.url) as client:
                    await client.request(endpoint, body=BinaryBody(file))

            asyncio.run(run())
        else:
            with sync_client(server.url) as client:
                client.request(endpoint, body=BinaryBody(file))
    finally:
        server.close()
    head, _, body = received[0].partition(b"\r\n\r\n")
    assert body == payload[10:]
    assert f"content-length: {len(payload) - 10}".encode() in head.lower()
    assert 0 < file.largest <= 64 * 1024
