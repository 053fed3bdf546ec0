"""Replies read lazily: ``client.<resource>.with_streaming_response.<method>(...)``.

The request is sent when the ``with`` block is entered; an error status raises the typed error
there, before any of the body is read. Inside the block the body is read only as asked (bytes,
text, lines, or into a file), so a reply of any size passes through in pieces; leaving the block
closes the connection, whether or not the body was read.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from types import TracebackType
from typing import Generic, TypeVar

import httpx

from ._exceptions import connection_error

__all__ = [
    "StreamedResponse",
    "AsyncStreamedResponse",
    "StreamedResponseManager",
    "AsyncStreamedResponseManager",
]

T = TypeVar("T", covariant=True)  # covariant: each overload of a method narrows the implementation's result
C = TypeVar("C")

#: Bytes written to a file at a time by ``write_to_file``.
CHUNK_SIZE = 64 * 1024


def _guarded(chunks: Iterator[C], request: httpx.Request) -> Iterator[C]:
    """The pieces of a body, a connection lost midway raised as the client's ``APIConnectionError``."""
    try:
        yield from chunks
    except httpx.TransportError as exc:
        raise connection_error(exc, request) from exc


async def _guarded_async(chunks: AsyncIterator[C], request: httpx.Request) -> AsyncIterator[C]:
    try:
        async for chunk in chunks:
            yield chunk
    except httpx.TransportError as exc:
        raise connection_error(exc, request) from exc


class _ResponseView:
    """What can be known of a reply without reading its body."""

    http_response: httpx.Response

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def content_type(self) -> str:
        return str(self.http_response.headers.get("content-type", ""))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code})"


class StreamedResponse(_ResponseView, Generic[T]):
    """A successful reply whose body has not been read yet."""

    def __init__(self, http_response: httpx.Response, parse: Callable[[httpx.Response], T]) -> None:
        self.http_response = http_response
        self._parse = parse

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body in pieces as they arrive (decompressed); ``chunk_size`` evens them out."""
        return _guarded(self.http_response.iter_bytes(chunk_size), self.http_response.request)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        """The body decoded to text (the charset the reply names, else UTF-8), in pieces."""
        return _guarded(self.http_response.iter_text(chunk_size), self.http_response.request)

    def iter_lines(self) -> Iterator[str]:
        """The body's lines, without their line endings."""
        return _guarded(self.http_response.iter_lines(), self.http_response.request)

    def write_to_file(self, path: str | os.PathLike[str]) -> int:
        """Write the body to ``path`` piece by piece; the number of bytes written."""
        written = 0
        with open(path, "wb") as file:
            for chunk in self.iter_bytes(CHUNK_SIZE):
                file.write(chunk)
                written += len(chunk)
        return written

    def read(self) -> bytes:
        """The whole body."""
        try:
            return self.http_response.read()
        except httpx.TransportError as exc:
            raise connection_error(exc, self.http_response.request) from exc

    def text(self) -> str:
        self.read()
        return self.http_response.text

    def parse(self) -> T:
        """What the method itself returns (a stream's items stay unread until iterated)."""
        return self._parse(self.http_response)

    def close(self) -> None:
        self.http_response.close()


class AsyncStreamedResponse(_ResponseView, Generic[T]):
    """The asynchronous twin of :class:`StreamedResponse`."""

    def __init__(self, http_response: httpx.Response, parse: Callable[[httpx.Response], Awaitable[T]]) -> None:
        self.http_response = http_response
        self._parse = parse

    def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        return _guarded_async(self.http_response.aiter_bytes(chunk_size), self.http_response.request)

    def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        return _guarded_async(self.http_response.aiter_text(chunk_size), self.http_response.request)

    def iter_lines(self) -> AsyncIterator[str]:
        return _guarded_async(self.http_response.aiter_lines(), self.http_response.request)

    async def write_to_file(self, path: str | os.PathLike[str]) -> int:
        """Write the body to ``path`` piece by piece; the number of bytes written."""
        written = 0
        with open(path, "wb") as file:  # noqa: ASYNC230 - local writes of one chunk each
            async for chunk in self.iter_bytes(CHUNK_SIZE):
                file.write(chunk)
                written += len(chunk)
        return written

    async def read(self) -> bytes:
        try:
            return await self.http_response.aread()
        except httpx.TransportError as exc:
            raise connection_error(exc, self.http_response.request) from exc

    async def text(self) -> str:
        await self.read()
        return self.http_response.text

    async def parse(self) -> T:
        return await self._parse(self.http_response)

    async def close(self) -> None:
        await self.http_response.aclose()


class StreamedResponseManager(Generic[T]):
    """``with ... as response``: sends the request on entry, closes the connection on exit."""

    def __init__(self, send: Callable[[], StreamedResponse[T]]) -> None:
        self._send = send
        self._response: StreamedResponse[T] | None = None

    def __enter__(self) -> StreamedResponse[T]:
        self._response = self._send()
        return self._response

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._response is not None:
            self._response.close()


class AsyncStreamedResponseManager(Generic[T]):
    """``async with ... as response``: sends the request on entry, closes the connection on exit."""

    def __init__(self, send: Callable[[], Awaitable[AsyncStreamedResponse[T]]]) -> None:
        self._send = send
        self._response: AsyncStreamedResponse[T] | None = None

    async def __aenter__(self) -> AsyncStreamedResponse[T]:
        self._response = await self._send()
        return self._response

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._response is not None:
            await self._response.close()
