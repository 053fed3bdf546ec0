"""Real servers for the generated clients: installed from PyPI or npm by the suite itself, started on
127.0.0.1 with a bounded life, and the OpenAPI document each publishes.

Installs are kept in `.servers/` at the repository's top (not in git): the first run downloads, later
runs reuse them (a changed requirement installs again). A server that cannot be installed because the
registry is out of reach is skipped with that reason; any other failure fails its test.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO

HOME = Path(os.environ.get("CLIENTSMITH_SERVERS_HOME", REPO / ".servers"))
#: No server outlives this many seconds, whatever happens to the test run (`timeout` kills it).
LIFETIME = 900
_UNREACHABLE = ("Could not connect", "Failed to fetch", "Name or service not known", "ENOTFOUND", "EAI_AGAIN", "Network is unreachable", "No such host", "Temporary failure in name resolution")


def tool_env(**extra: str) -> dict[str, str]:
    """What an install needs of this machine's environment (certificates, proxies, registry
    settings) and nothing of this repository's."""
    kept = ("SSL_", "PIP_", "UV_", "NPM_", "npm_", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy", "NODE_EXTRA_CA_CERTS", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "LANG", "LC_")
    environment = {key: value for key, value in os.environ.items() if key.startswith(kept)}
    environment.update(PATH=f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin", **extra)
    return environment


def run(command: Sequence[str | Path], cwd: Path, env: dict[str, str] | None = None, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """Run an install step; an unreachable registry skips the test, any other failure fails it."""
    result = subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True, env=env or tool_env(HOME=str(cwd)), timeout=timeout)
    if result.returncode != 0:
        output = result.stdout[-3000:] + result.stderr[-3000:]
        if any(marker in output for marker in _UNREACHABLE):
            pytest.skip(f"{' '.join(map(str, command[:3]))}: the package registry is out of reach from this machine")
        pytest.fail(f"{' '.join(map(str, command))} exited {result.returncode}\n{output}")
    return result


def _stamp(folder: Path, wanted: object) -> bool:
    """Whether `folder` already holds an install of exactly `wanted` (else it is cleared for one)."""
    marker = folder / ".installed"
    digest = hashlib.sha256(json.dumps(wanted, sort_keys=True).encode()).hexdigest()
    if marker.is_file() and marker.read_text() == digest:
        return True
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return False


def _mark(folder: Path, wanted: object) -> None:
    (folder / ".installed").write_text(hashlib.sha256(json.dumps(wanted, sort_keys=True).encode()).hexdigest())


def python_server(name: str, requirements: Sequence[str]) -> Path:
    """A virtual environment holding `requirements` (pinned, from PyPI): its `bin` folder."""
    folder = HOME / name
    uv = Path(sys.executable).parent / "uv"
    if not _stamp(folder, [sys.version_info[:2], *requirements]):
        run([uv, "venv", "-q", "--python", sys.executable, folder / "venv"], cwd=HOME)
        run([uv, "pip", "install", "-q", "--python", folder / "venv" / "bin" / "python", *requirements], cwd=folder)
        _mark(folder, [sys.version_info[:2], *requirements])
    return folder / "venv" / "bin"


def node_server(name: str, packages: Sequence[str]) -> Path:
    """`packages` (pinned, from npm) installed into a folder of their own: that folder."""
    if shutil.which("npm") is None or shutil.which("node") is None:
        pytest.skip("Node.js and npm are not installed: the Node servers need them")
    folder = HOME / name
    if not _stamp(folder, list(packages)):
        (folder / "package.json").write_text('{"name": "clientsmith-server", "private": true}\n')
        # Native addons build against the headers Node.js installed (nodejs.org, where node-gyp would fetch them, is out of reach).
        extra = {"npm_config_nodedir": "/usr"} if Path("/usr/include/node/node.h").is_file() else {}
        run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", *packages], cwd=folder, env=tool_env(HOME=str(folder), **extra))
        _mark(folder, list(packages))
    return folder


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Server:
    """A running server: its base URL and its log."""

    name: str
    url: str
    log: Path
    process: subprocess.Popen[bytes] = field(repr=False)

    def log_tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-3000:]
        except OSError:
            return ""


@contextmanager
def started(name: str, command: Sequence[object], *, url: str, ready: str, cwd: Path, env: dict[str, str] | None = None, wait: float = 120, ready_status: tuple[int, ...] = (200,)) -> Iterator[Server]:
    """Start `command` (bounded to LIFETIME seconds), wait until GET `url + ready` answers, stop it after."""
    log = cwd / f"{name}.log"
    environment = tool_env(HOME=str(cwd), **(env or {}))
    with log.open("wb") as sink:
        process = subprocess.Popen(["timeout", "--signal=KILL", str(LIFETIME), *map(str, command)], cwd=cwd, env=environment, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
    server = Server(name, url, log, process)
    try:
        deadline = time.monotonic() + wait
        while True:
            if process.poll() is not None:
                pytest.fail(f"{name} exited with {process.returncode} before it was ready:\n{server.log_tail()}")
            try:
                if httpx.get(url + ready, timeout=2).status_code in ready_status:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"{name} was not ready at {url + ready} within {wait:.0f} s:\n{server.log_tail()}")
            time.sleep(0.3)
        yield server
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
        # Whatever of the group outlived TERM (a worker the server forked) goes now.
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
