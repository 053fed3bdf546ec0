"""Packages generated on demand for the stream tests (the fixture document, OpenAI's), one per run."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STREAMS_FIXTURE = REPO / "tests" / "fixtures" / "streams-3.2.yaml"
OPENAI_SPEC = REPO.parent / "shared" / "corpus" / "modern" / "openai.yaml"
_MADE: dict[tuple[str, str], Path] = {}


def generated_package(spec: Path, package: str) -> Path:
    """The package generated from `spec` into a temporary folder (once per process); its folder."""
    key = (str(spec), package)
    if key not in _MADE:
        out = Path(tempfile.mkdtemp(prefix=f"clientsmith-{package}-"))
        completed = subprocess.run(
            [sys.executable, "-m", "generator", "--quiet", "--no-cache", "generate", str(spec), "--package", package, "--out", str(out)],
            cwd=REPO, capture_output=True, text=True, timeout=600,
        )
        assert completed.returncode == 0, completed.stdout + completed.stderr
        _MADE[key] = out / package
    return _MADE[key]
