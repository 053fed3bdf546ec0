"""Generated clients for the real servers, made the way users make them: clientsmith built into a wheel,
installed into an environment of its own, and run as a command from another folder."""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.conftest import REPO
from tests.servers.harness import tool_env


def install_clientsmith(workspace: Path) -> Path:
    """clientsmith's wheel, built from this working tree, installed into a fresh environment: its `bin`."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split("\0")
    source = workspace / "clientsmith-src"
    for name in listed:
        if name and not name.startswith(("generated/", "benchmarks/results/")) and (REPO / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    dist = workspace / "dist"
    _checked([sys.executable, "-m", "build", "--wheel", "--outdir", dist, source], workspace)
    (wheel,) = dist.glob("clientsmith-*.whl")
    uv = Path(sys.executable).parent / "uv"
    _checked([uv, "venv", "-q", "--python", sys.executable, workspace / "tool"], workspace)
    _checked([uv, "pip", "install", "-q", "--python", workspace / "tool" / "bin" / "python", wheel], workspace)
    return workspace / "tool" / "bin"


def served_document(url: str, file: Path) -> dict[str, Any]:
    """The JSON document a running server publishes at `url`, saved as `file` for the generator."""
    file.write_bytes(httpx.get(url).content)
    document: dict[str, Any] = json.loads(file.read_text(encoding="utf-8"))
    return document


def generate(tool: Path, document: Path, package: str, out: Path) -> str:
    """`clientsmith generate DOCUMENT --package PACKAGE --out OUT`; its warnings and notes."""
    result = _checked([tool / "clientsmith", "generate", document, "--package", package, "--out", out], document.parent)
    return result.stderr


@contextmanager
def imported(out: Path, package: str) -> Iterator[ModuleType]:
    """The generated package, imported from `out` for the length of the block."""
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(out))
        for name in [name for name in sys.modules if name == package or name.startswith(package + ".")]:
            del sys.modules[name]


def _checked(command: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True, timeout=900, env=tool_env(HOME=str(cwd)))
    if result.returncode != 0:
        pytest.fail(f"{' '.join(map(str, command))} exited {result.returncode}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result
