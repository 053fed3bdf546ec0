"""Shared test helpers for the runtime tests (imported as ``rt_helpers``)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable

import httpx

from rtpkg._async_client import AsyncAPIClient
from rtpkg._client_base import Endpoint, ResponseSpec
from rtpkg._sync_client import SyncAPIClient

class SleepRecorder:
    """Stands in for time.sleep / asyncio.sleep: records delays, never sleeps."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, delay: float) -> None:
        self.delays.append(delay)

    async def asleep(self, delay: float) -> None:
        self.delays.append(delay)


class TinyServer:
    """A bounded one-thread TCP server on 127.0.0.1 with a scripted behaviour.

    ``behaviour(conn)`` handles each accepted connection.  The server stops on
    ``close()`` or after ``lifetime`` seconds, whichever comes first.
    """

    def __init__(self, behaviour: Callable[[socket.socket, threading.Event], None],
                 lifetime: float = 5.0) -> None:
        self._behaviour = behaviour
        self._stop = threading.Event()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(8)
        self._sock.settimeout(0.05)
        self.port: int = self._sock.getsockname()[1]
        self._lifetime = lifetime
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _run(self) -> None:
        self._stop.wait(0)  # noqa: keep simple
        deadline = threading.Event()
        timer = threading.Timer(self._lifetime, deadline.set)
        timer.daemon = True
        timer.start()
        try:
            while not self._stop.is_set() and not deadline.is_set():
                try:
                    conn, _ = self._sock.accept()
                except (TimeoutError, OSError):
                    continue
                with conn:
                    conn.settimeout(1.0)
                    try:
                        self._behaviour(conn, self._stop)
                    except OSError:
                        pass
        finally:
            timer.cancel()
            self._sock.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)


def read_request_head(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


# ------------------------------------------------------------- client helpers

BASE_URL = "https://api.example.test/v1"


def endpoint(
    method: str = "GET",
    path: str = "/things",
    *,
    security: tuple[tuple[str, ...], ...] | None = None,
    responses: dict[str, ResponseSpec] | None = None,
    errors: dict[str, object] | None = None,
    idempotency_header: str | None = None,
) -> Endpoint:
    return Endpoint(
        method=method,
        path=path,
        operation_id="op",
        security=security,
        responses=responses if responses is not None else {"200": ResponseSpec("json")},
        errors=errors or {},
        idempotency_header=idempotency_header,
    )


def sync_client(
    handler: Callable[[httpx.Request], httpx.Response],
    sleeps: SleepRecorder | None = None,
    **kwargs: object,
) -> SyncAPIClient:
    http = httpx.Client(transport=httpx.MockTransport(handler))
    kwargs.setdefault("credentials", {})
    kwargs.setdefault("user_agent", "testsdk/1.0")
    client = SyncAPIClient(base_url=kwargs.pop("base_url", BASE_URL), http_client=http, **kwargs)  # type: ignore[arg-type]
    if sleeps is not None:
        client._sleep = sleeps
    return client


def async_client(
    handler: Callable[[httpx.Request], httpx.Response],
    sleeps: SleepRecorder | None = None,
    **kwargs: object,
) -> AsyncAPIClient:
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    kwargs.setdefault("credentials", {})
    kwargs.setdefault("user_agent", "testsdk/1.0")
    client = AsyncAPIClient(base_url=kwargs.pop("base_url", BASE_URL), http_client=http, **kwargs)  # type: ignore[arg-type]
    if sleeps is not None:
        client._sleep = sleeps.asleep
    return client


class Recorder:
    """MockTransport handler replaying scripted responses and recording requests."""

    def __init__(self, *responses: httpx.Response | Callable[[httpx.Request], httpx.Response]) -> None:
        self.responses = list(responses)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if not self.responses:
            return httpx.Response(500, json={"error": "no more scripted responses"})
        item = self.responses.pop(0) if len(self.responses) > 1 else self.responses[0]
        return item(request) if callable(item) else item
