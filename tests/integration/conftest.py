"""The Prism tier runs only when asked for (`make test-integration`, or `pytest tests/integration`).

`make test` runs it as its own step after the unit and generated tests, so a plain `pytest` over the
configured test paths leaves it out instead of starting Prism twice. CLIENTSMITH_INTEGRATION=1 forces it in.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def _requested(config: pytest.Config) -> bool:
    if os.environ.get("CLIENTSMITH_INTEGRATION") == "1":
        return True
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
