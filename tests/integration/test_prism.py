"""Integration tier: every operation of every provider over real HTTP against Prism.

For each configured provider a Prism mock server (npm `@stoplight/prism-cli`, installed on first use
into the gitignored `.prism/`) serves the provider's document (its `spec` in pyproject.toml, examples
and all; the package's `tests/openapi.json` leaves out the examples its own checks do not read) on a free
127.0.0.1 port, with request validation as errors (`--errors`). Every operation's example call from the
generated tests (`EXAMPLE_CALLS`) then runs through the real client, sync and async, with no mock
transport: a request Prism finds invalid (its `sl-violations` header, or an error status) fails the
test, and the client must parse Prism's response (the documented examples). OAuth2 token requests go
to Prism too.

Run with `make test-integration` (part of `make test` when Node.js is present).
"""

from __future__ import annotations

import asyncio
import importlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
PRISM_DIR = REPO / ".prism"
PRISM_VERSION = "5.16.0"
PRISM_BIN = PRISM_DIR / "node_modules" / ".bin" / "prism"
READY_TIMEOUT = 90.0
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def _providers() -> list[str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    providers = config.get("tool", {}).get("clientsmith", {}).get("providers", {})
    return sorted(name for name in providers if (REPO / "generated" / name / "tests" / "openapi.json").is_file())


PROVIDERS = _providers()


@dataclass(frozen=True)
class Operation:
    provider: str
    key: str  # "METHOD /path"
    module: str  # the generated test module holding its example call


def _operations() -> list[Operation]:
    found: list[Operation] = []
    for provider in PROVIDERS:
        for path in sorted((REPO / "generated" / provider / "tests").glob("test_*.py")):
            module = f"generated.{provider}.tests.{path.stem}"
            for key in getattr(importlib.import_module(module), "EXAMPLE_CALLS", {}):  # test_client.py has none
                found.append(Operation(provider, key, module))
    return found


OPERATIONS = _operations()


def _documented(provider: str) -> set[str]:
    document = json.loads((REPO / "generated" / provider / "tests" / "openapi.json").read_text(encoding="utf-8"))
    keys = set()
    for path, item in (document.get("paths") or {}).items():
        for method in item:
            if method in ("get", "put", "post", "delete", "options", "head", "patch", "trace"):
                keys.add(f"{method.upper()} {path}")
    return keys


# ---------------------------------------------------------------- Prism


@dataclass
class PrismServer:
    provider: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path
    url: str = field(init=False)

    def __post_init__(self) -> None:
        self.url = f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:] if self.log.exists() else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # the group this test started (node and its children)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def _install_prism() -> Path:
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("Node.js/npm not found: the Prism integration tier needs them (https://nodejs.org)")
    if PRISM_BIN.exists():
        return PRISM_BIN
    PRISM_DIR.mkdir(exist_ok=True)
    try:
        completed = subprocess.run(
            ["npm", "install", "--prefix", str(PRISM_DIR), "--no-audit", "--no-fund", "--loglevel=error", f"@stoplight/prism-cli@{PRISM_VERSION}"],
            capture_output=True,
            text=True,
            timeout=600,
        )
    except subprocess.TimeoutExpired:
        pytest.skip("npm install @stoplight/prism-cli timed out after 600 s (no network?)")
    if completed.returncode != 0 or not PRISM_BIN.exists():
        pytest.skip(f"npm install @stoplight/prism-cli failed (no network?): {(completed.stderr or completed.stdout)[-800:]}")
    return PRISM_BIN


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _spec(provider: str) -> Path:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return REPO / config["tool"]["clientsmith"]["providers"][provider]["spec"]


def _start(binary: Path, provider: str, logs: Path) -> PrismServer:
    document = _spec(provider)
    log = logs / f"prism-{provider}.log"
    port = _free_port()
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [str(binary), "mock", "--host", "127.0.0.1", "--port", str(port), "--errors", str(document)],
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return PrismServer(provider, port, process, log)


def _wait_ready(server: PrismServer, deadline: float) -> None:
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"Prism for {server.provider} exited with {server.process.returncode}:\n{server.output()}")
        if "Prism is listening" in server.output():
            return
        time.sleep(0.2)
    raise RuntimeError(f"Prism for {server.provider} was not ready after {READY_TIMEOUT:.0f} s:\n{server.output()}")


@pytest.fixture(scope="session")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    """One Prism per provider, started together, stopped at the end of the session."""
    binary = _install_prism()
    logs = tmp_path_factory.mktemp("prism")
    servers: dict[str, PrismServer] = {}
    try:
        for provider in PROVIDERS:
            servers[provider] = _start(binary, provider, logs)
        deadline = time.monotonic() + READY_TIMEOUT
        for server in servers.values():
            _wait_ready(server, deadline)
        yield servers
    finally:
        for server in servers.values():
            server.stop()


# ---------------------------------------------------------------- the calls


class Violations:
    """Collects what Prism reports about each request (its `sl-violations` header) and error answers."""

    def __init__(self) -> None:
        self.found: list[str] = []

    def check(self, response: httpx.Response) -> None:
        where = f"{response.request.method} {response.request.url}"
        header = response.headers.get("sl-violations")
        if header:
            self.found.append(f"{where}: {header}")
        if response.status_code >= 400:
            response.read()
            self.found.append(f"{where}: Prism answered {response.status_code}: {response.text[:600]}")

    async def acheck(self, response: httpx.Response) -> None:
        where = f"{response.request.method} {response.request.url}"
        header = response.headers.get("sl-violations")
        if header:
            self.found.append(f"{where}: {header}")
        if response.status_code >= 400:
            await response.aread()
            self.found.append(f"{where}: Prism answered {response.status_code}: {response.text[:600]}")


def _contract(provider: str) -> Any:
    return importlib.import_module(f"generated.{provider}.tests._contract")


def test_every_documented_operation_has_an_example_call() -> None:
    assert PROVIDERS, "no generated provider packages found"
    for provider in PROVIDERS:
        covered = {operation.key for operation in OPERATIONS if operation.provider == provider}
        assert covered == _documented(provider), f"{provider}: operations without an example call"


@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("operation", OPERATIONS, ids=[f"{item.provider}:{item.key}" for item in OPERATIONS])
def test_operation_against_prism(prism: dict[str, PrismServer], operation: Operation, use_async: bool) -> None:
    server = prism[operation.provider]
    call = importlib.import_module(operation.module).EXAMPLE_CALLS[operation.key]  # awaited with AsyncClient
    contract = _contract(operation.provider)
    violations = Violations()
    try:
        if use_async:

            async def run() -> object:
                async with httpx.AsyncClient(event_hooks={"response": [violations.acheck]}, timeout=30) as http:
                    async with contract.make_async_client(http_client=http, base_url=server.url) as client:
                        return await call(client)

            result = asyncio.run(run())
        else:
            with httpx.Client(event_hooks={"response": [violations.check]}, timeout=30) as http:
                with contract.make_client(http_client=http, base_url=server.url) as client:
                    result = call(client)
    except Exception as exc:
        details = "\n".join(violations.found) or server.output()[-1500:]
        pytest.fail(f"{operation.provider} {operation.key} failed against Prism: {type(exc).__name__}: {exc}\n{details}")
    assert violations.found == [], "Prism reported request violations:\n" + "\n".join(violations.found)
    del result
