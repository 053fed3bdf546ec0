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
# make the sibling helper module importable whatever pytest's import mode
sys.path.insert(0, str(Path(__file__).resolve().parent))


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_TMP, ignore_errors=True)


from rt_helpers import SleepRecorder, TinyServer  # noqa: E402


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


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
