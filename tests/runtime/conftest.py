"""Load templates/runtime/*.py as a throw-away package ``rtpkg``.

The runtime is copied verbatim into generated packages, so the tests import it
the same way: as modules of a package, using relative imports between them.
"""

from __future__ import annotations

import shutil
import socket
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

RUNTIME_DIR = Path(__file__).resolve().parents[2] / "templates" / "runtime"
_TMP = Path(tempfile.mkdtemp(prefix="clientsmith-rt-"))
_PKG = _TMP / "rtpkg"
_PKG.mkdir()
for source in RUNTIME_DIR.glob("*.py"):
    shutil.copy(source, _PKG / source.name)
(_PKG / "__init__.py").write_text("")
sys.path.insert(0, str(_TMP))


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_TMP, ignore_errors=True)


class SleepRecorder:
    """Stands in for time.sleep / asyncio.sleep: records delays, never sleeps."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, delay: float) -> None:
        self.delays.append(delay)

    async def asleep(self, delay: float) -> None:
        self.delays.append(delay)


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


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


@pytest.fixture
def tiny_server() -> Iterator[Callable[..., TinyServer]]:
    servers: list[TinyServer] = []

    def start(behaviour: Callable[[socket.socket, threading.Event], None]) -> TinyServer:
        server = TinyServer(behaviour)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()
