"""Streamed replies read item by item: server-sent events, JSON Lines and JSON text sequences.

The decoders are incremental: they take the body in whatever chunks the network delivers (a
frame may be split anywhere, even inside a UTF-8 character or between CR and LF) and hand back
each complete frame once its end has arrived. :class:`Stream` and :class:`AsyncStream` put a
decoder on an unread ``httpx.Response`` and parse each frame into the documented item type.
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, AsyncIterator, Generator, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Generic, Literal, Self, TypeVar

import httpx
import pydantic

from ._exceptions import APIResponseValidationError, StreamError, connection_error
from ._lenient import read_leniently, report_mismatches
from ._reading import reader

__all__ = [
    "ServerSentEvent",
    "SSEDecoder",
    "JsonLinesDecoder",
    "JsonSeqDecoder",
    "StreamFormat",
    "Stream",
    "AsyncStream",
]

T = TypeVar("T")

Framing = Literal["sse", "jsonl", "json-seq"]
#: What an SSE event becomes: its ``data`` decoded as JSON, its ``data`` as text, or the whole
#: event (``event``, ``data``, ``id``, ``retry``) validated into the item type.
SseItems = Literal["json", "text", "event"]


@dataclass(frozen=True, slots=True)
class ServerSentEvent:
    """One dispatched server-sent event."""

    data: str
    event: str | None = None
    id: str | None = None
    retry: int | None = None

    def json(self) -> Any:
        """``data`` decoded as JSON."""
        return json.loads(self.data)

    def as_dict(self) -> dict[str, Any]:
        """The event's fields, those the server did not send left out."""
        fields: dict[str, Any] = {"data": self.data}
        if self.event is not None:
            fields["event"] = self.event
        if self.id is not None:
            fields["id"] = self.id
        if self.retry is not None:
            fields["retry"] = self.retry
        return fields


class _LineSplitter:
    """Complete lines of a byte stream whose lines end in CRLF, LF or CR, as SSE allows."""

    def __init__(self) -> None:
        self._pending = bytearray()
        self._after_cr = False  # the last chunk ended in CR: an LF opening the next one belongs to it

    def feed(self, chunk: bytes) -> list[bytes]:
        if self._after_cr and chunk[:1] == b"\n":
            chunk = chunk[1:]
        self._after_cr = False
        if not chunk:
            return []
        self._pending += chunk
        if b"\n" not in chunk and b"\r" not in chunk:
            return []
        lines = bytes(self._pending).splitlines(keepends=True)
        self._pending.clear()
        if not lines[-1].endswith((b"\n", b"\r")):
            self._pending += lines.pop()
        elif lines[-1].endswith(b"\r"):
            self._after_cr = True
        return [line.rstrip(b"\r\n") for line in lines]

    def rest(self) -> bytes:
        """What followed the last line ending (the stream ended without one)."""
        rest = bytes(self._pending)
        self._pending.clear()
        return rest


class SSEDecoder:
    """Server-sent events as the HTML standard's event-stream interpretation reads them.

    Fields ``event``, ``data`` (several lines join with LF), ``id`` and ``retry``; lines starting
    with a colon are comments; an empty line dispatches the event; an event without data is not
    dispatched; the last event id persists from event to event; an event the stream ends inside
    (no empty line after it) is discarded.
    """

    def __init__(self) -> None:
        self._lines = _LineSplitter()
        self._first = True
        self._data: list[str] = []
        self._event: str | None = None
        self._retry: int | None = None
        self._last_id: str | None = None
        self._reconnection_time: int | None = None

    @property
    def last_event_id(self) -> str | None:
        """The id the server gave last (a reconnecting client would send it as ``Last-Event-ID``)."""
        return self._last_id

    @property
    def reconnection_time(self) -> int | None:
        """The reconnection time in milliseconds the server asked for last (``retry:``), if any;
        it holds from then on, also when the event that carried it had no data."""
        return self._reconnection_time

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        events: list[ServerSentEvent] = []
        for raw in self._lines.feed(chunk):
            event = self._line(raw)
            if event is not None:
                events.append(event)
        return events

    def end(self) -> list[ServerSentEvent]:
        """The stream is over: an event not yet ended by an empty line is dropped, as the standard says."""
        self._lines.rest()
        self._reset()
        return []

    def _reset(self) -> None:
        self._data = []
        self._event = None
        self._retry = None

    def _line(self, raw: bytes) -> ServerSentEvent | None:
        line = raw.decode("utf-8", errors="replace")
        if self._first:
            self._first = False
            line = line.removeprefix("\ufeff")
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None  # a comment (servers send them to keep the connection alive)
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id":
            if "\0" not in value:
                self._last_id = value
        elif name == "retry":
            if value.isascii() and value.isdigit():
                self._retry = self._reconnection_time = int(value)
        return None  # other field names are ignored

    def _dispatch(self) -> ServerSentEvent | None:
        if not self._data:
            self._reset()
            return None
        event = ServerSentEvent(
            data="\n".join(self._data), event=self._event or None, id=self._last_id, retry=self._retry
        )
        self._reset()
        return event


class JsonLinesDecoder:
    """JSON Lines / NDJSON: one JSON text a line (LF or CRLF); blank lines are skipped."""

    def __init__(self) -> None:
        self._pending = bytearray()

    def feed(self, chunk: bytes) -> list[bytes]:
        self._pending += chunk
        if b"\n" not in chunk:
            return []
        *lines, rest = bytes(self._pending).split(b"\n")
        self._pending = bytearray(rest)
        return [line for line in (item.strip() for item in lines) if line]

    def end(self) -> list[bytes]:
        """The last line, when the stream did not end it with a line feed."""
        rest = bytes(self._pending).strip()
        self._pending.clear()
        return [rest] if rest else []


_RS = b"\x1e"


class JsonSeqDecoder:
    """JSON text sequences (RFC 7464): each JSON text follows a record separator (0x1E)."""

    def __init__(self) -> None:
        self._pending = bytearray()

    def feed(self, chunk: bytes) -> list[bytes]:
        self._pending += chunk
        if _RS not in chunk:
            return []
        *records, rest = bytes(self._pending).split(_RS)
        self._pending = bytearray(rest)
        return [record for record in (item.strip() for item in records) if record]

    def end(self) -> list[bytes]:
        rest = bytes(self._pending).strip()
        self._pending.clear()
        return [rest] if rest else []


@dataclass(frozen=True, slots=True)
class StreamFormat:
    """How one documented streamed reply is framed and what each item is (emitted by the generator).

    ``item_type`` None yields items as decoded (SSE: :class:`ServerSentEvent` or the data text;
    JSON Lines and sequences: the decoded JSON). ``sentinel``: SSE data that ends the stream.
    ``error_event``: the SSE event name that reports an error (raised as :class:`StreamError`);
    None when the document describes that event as an item.
    """

    framing: Framing
    item_type: Any = None
    sse_items: SseItems = "json"
    sentinel: str | None = "[DONE]"
    media_type: str = ""
    error_event: str | None = "error"

    def open(self, response: httpx.Response, *, strict: bool = True, operation: str = "") -> Stream[Any]:
        return Stream(response, self, strict=strict, operation=operation)

    def open_async(
        self, response: httpx.Response, *, strict: bool = True, operation: str = ""
    ) -> AsyncStream[Any]:
        return AsyncStream(response, self, strict=strict, operation=operation)


class _Items:
    """Frames to items for one stream: the decoder for its framing and the item parsing."""

    def __init__(
        self, response: httpx.Response, stream_format: StreamFormat, strict: bool, operation: str
    ) -> None:
        self.response = response
        self.format = stream_format
        self.finished = False
        #: Whether an item that does not fit its type raises (else it is kept as sent: _lenient.py).
        self.strict = strict
        self.operation = operation
        self._sse = SSEDecoder() if stream_format.framing == "sse" else None
        self._json: JsonLinesDecoder | JsonSeqDecoder = (
            JsonSeqDecoder() if stream_format.framing == "json-seq" else JsonLinesDecoder()
        )

    # Generators: each frame is parsed when its item is asked for, so an item that does not parse
    # raises in its turn, after the items before it were handed out.
    def feed(self, chunk: bytes) -> Iterator[Any]:
        if self._sse is not None:
            yield from self._events(self._sse.feed(chunk))
        else:
            for frame in self._json.feed(chunk):
                yield self._parse_json(frame)

    def end(self) -> Iterator[Any]:
        if self._sse is not None:
            yield from self._events(self._sse.end())
        else:
            for frame in self._json.end():
                yield self._parse_json(frame)

    @property
    def sse(self) -> SSEDecoder | None:
        return self._sse

    def _events(self, events: list[ServerSentEvent]) -> Iterator[Any]:
        for event in events:
            if self.format.sentinel is not None and event.data.strip() == self.format.sentinel:
                self.finished = True
                return
            if self.format.error_event is not None and event.event == self.format.error_event:
                self.finished = True
                raise self._error(_decoded(event.data), event.event)
            yield self._parse_event(event)

    def _parse_event(self, event: ServerSentEvent) -> Any:
        kind = self.format.sse_items
        if kind == "json":
            return self._parse_json(event.data.encode("utf-8"))
        if self.format.item_type is None:
            return event.data if kind == "text" else event
        value: Any = event.data if kind == "text" else event.as_dict()
        try:
            return reader(self.format.item_type).python(value)
        except pydantic.ValidationError as exc:
            if self.strict:
                raise self._invalid(value, f"a streamed item does not match its schema: {exc.error_count()} error(s)") from exc
        return self._lenient(value)

    def _lenient(self, value: Any) -> Any:
        item, mismatches = read_leniently(self.format.item_type, value)
        report_mismatches(self.operation or self.response.request.url.path, mismatches)
        return item

    def _parse_json(self, frame: bytes) -> Any:
        if self.format.item_type is not None:
            try:
                return _item_from_json(self.format.item_type, frame)
            except pydantic.ValidationError as exc:
                try:
                    value = json.loads(frame)
                except ValueError:
                    raise self._invalid(_text(frame), "a streamed item is not valid JSON") from exc
                if isinstance(value, dict) and "error" in value:
                    # An error object where an item belongs (OpenAI's chat completions mid-stream).
                    self.finished = True
                    raise self._error(value, None) from exc
                if self.strict:
                    raise self._invalid(_text(frame), f"a streamed item does not match its schema: {exc.error_count()} error(s)") from exc
            return self._lenient(value)
        try:
            return json.loads(frame)
        except ValueError as exc:
            raise self._invalid(_text(frame), "a streamed item is not valid JSON") from exc

    def _error(self, body: object, event: str | None) -> StreamError:
        request = self.response.request
        return StreamError(
            f"{request.method} {request.url.path}: the stream reported an error: {_error_message(body)}",
            response=self.response,
            body=body,
            event=event,
        )

    def _invalid(self, body: object, why: str) -> APIResponseValidationError:
        request = self.response.request
        return APIResponseValidationError(
            response=self.response, body=body, message=f"{request.method} {request.url.path}: {why}"
        )


def _text(frame: bytes) -> str:
    return frame.decode("utf-8", errors="replace")


def _decoded(data: str) -> object:
    """An error event's data as JSON, else as its text."""
    try:
        return json.loads(data)
    except ValueError:
        return data


def _error_message(body: object) -> str:
    """What an error's body says: ``error.message`` (OpenAI, Anthropic), ``message``, or text."""
    found: object = body
    if isinstance(found, dict):
        inner = found.get("error")
        if isinstance(inner, dict):
            found = inner.get("message", inner)
        elif isinstance(inner, str):
            found = inner
        else:
            found = found.get("message", found)
    text = found if isinstance(found, str) else json.dumps(found, ensure_ascii=False, default=str)
    return text if len(text) <= 300 else text[:297] + "..."


class _EventState:
    """What a server-sent event stream tells a client that reconnects (the standard's ``id`` and
    ``retry``), shared by :class:`Stream` and :class:`AsyncStream`."""

    _items: _Items

    @property
    def last_event_id(self) -> str | None:
        """SSE: the id the server gave last, to send as ``Last-Event-ID`` when reconnecting."""
        return self._items.sse.last_event_id if self._items.sse is not None else None

    @property
    def reconnection_time(self) -> int | None:
        """SSE: the reconnection time (ms) the server asked for with ``retry:``, if any."""
        return self._items.sse.reconnection_time if self._items.sse is not None else None


class Stream(_EventState, Generic[T]):
    """The items of a streamed reply, parsed as they arrive. Iterate it once.

    Use it as a context manager (or call :meth:`close`) to release the connection when you stop
    early; it closes itself when the stream ends. A connection lost midway raises
    ``APIConnectionError`` from the iteration; nothing already received is fetched again.
    """

    def __init__(
        self, response: httpx.Response, stream_format: StreamFormat, *, strict: bool = True, operation: str = ""
    ) -> None:
        self.response = response
        self._items = _Items(response, stream_format, strict, operation)
        self._iterator = self._iterate()

    def _iterate(self) -> Generator[T, None, None]:
        try:
            chunks = self.response.iter_bytes()
            while not self._items.finished:
                try:
                    chunk = next(chunks)
                except StopIteration:
                    yield from self._items.end()
                    return
                except httpx.TransportError as exc:
                    raise connection_error(exc, self.response.request) from exc
                yield from self._items.feed(chunk)
        finally:
            self.response.close()

    def __iter__(self) -> Iterator[T]:
        return self

    def __next__(self) -> T:
        return next(self._iterator)

    def close(self) -> None:
        """Stop reading: the connection is released, the rest of the reply never read."""
        self._iterator.close()
        self.response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Stream(status_code={self.response.status_code})"


class AsyncStream(_EventState, Generic[T]):
    """The asynchronous twin of :class:`Stream`: ``async for item in stream``."""

    def __init__(
        self, response: httpx.Response, stream_format: StreamFormat, *, strict: bool = True, operation: str = ""
    ) -> None:
        self.response = response
        self._items = _Items(response, stream_format, strict, operation)
        self._iterator = self._iterate()

    async def _iterate(self) -> AsyncGenerator[T, None]:
        try:
            chunks = self.response.aiter_bytes()
            while not self._items.finished:
                try:
                    chunk = await anext(chunks)
                except StopAsyncIteration:
                    for item in self._items.end():
                        yield item
                    return
                except httpx.TransportError as exc:
                    raise connection_error(exc, self.response.request) from exc
                for item in self._items.feed(chunk):
                    yield item
        finally:
            await self.response.aclose()

    def __aiter__(self) -> AsyncIterator[T]:
        return self

    async def __anext__(self) -> T:
        return await anext(self._iterator)

    async def close(self) -> None:
        """Stop reading: the connection is released, the rest of the reply never read."""
        await self._iterator.aclose()
        await self.response.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"AsyncStream(status_code={self.response.status_code})"


def _item_from_json(item_type: Any, frame: bytes) -> Any:
    """One streamed JSON item as its model, read by wire names alone (as the client reads replies)."""
    return reader(item_type).json(frame)
