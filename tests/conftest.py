"""Shared helpers for the generator's tests."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def minimal_spec(**overrides: Any) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "Test API", "version": "1.0.0"},
        "servers": [{"url": "https://api.example.test"}],
        "paths": {},
    }
    spec.update(overrides)
    return spec


def write_spec(folder: Path, spec: dict[str, Any] | str, name: str = "spec.yaml") -> Path:
    path = folder / name
    text = spec if isinstance(spec, str) else yaml.safe_dump(spec, sort_keys=False, allow_unicode=True)
    path.write_text(textwrap.dedent(text) if isinstance(spec, str) else text, encoding="utf-8")
    return path


def run_cli(*args: str, cwd: Path | None = None, cache_dir: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a subprocess; without `cache_dir` the formatting cache is off."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd or REPO,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "CLIENTSMITH_CACHE_DIR": str(cache_dir or "")},
        timeout=timeout,
    )


@pytest.fixture
def shared_corpus() -> Path:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"shared corpus not present at {corpus}: corpus smoke tests need ../shared/corpus")
    return corpus
