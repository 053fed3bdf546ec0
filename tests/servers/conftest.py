"""The real-server suite (`make test-servers`; a fixed fast subset in `make test`).

Collected only when asked for (`pytest tests/servers`), as the Prism tier is: `make test` runs it as a
step of its own. `CLIENTSMITH_SERVERS` picks the servers: `fast` (the default, what `make test` runs),
`all`, or a comma-separated list of names. A server left out is skipped, saying so.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers.clients import install_clientsmith

HERE = Path(__file__).resolve().parent
#: The servers `make test` runs: quick to install (a few seconds to a minute from an empty cache).
FAST = ("jupyter_server", "httpbin", "loopback_todo")


def _requested(config: pytest.Config) -> bool:
    for argument in config.invocation_params.args:
        text = str(argument).split("::", 1)[0]
        if text.startswith("-"):
            continue
        path = (config.invocation_params.dir / text).resolve()
        if path == HERE or HERE in path.parents:
            return True
    return False


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if collection_path.name == "conftest.py" or _requested(config):
        return None
    return True


def selected(name: str) -> None:
    """Skip the calling module's tests unless `name` is among the servers of this run."""
    wanted = os.environ.get("CLIENTSMITH_SERVERS", "fast").strip()
    names = FAST if wanted == "fast" else None if wanted == "all" else tuple(part.strip() for part in wanted.split(","))
    if names is not None and name not in names:
        pytest.skip(f"server {name} runs in `make test-servers` (CLIENTSMITH_SERVERS={wanted} leaves it out)")


@pytest.fixture(scope="session")
def clientsmith(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The `bin` folder of clientsmith installed from its wheel, as a user installs it."""
    yield install_clientsmith(tmp_path_factory.mktemp("clientsmith-tool"))
