"""The checked-in clients are black-formatted: ruff writes them, black must agree byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.black_style import black_differences
from tests.conftest import REPO
from generator.pipeline import Job, build


@pytest.mark.parametrize("provider", sorted(p.name for p in (REPO / "generated").iterdir() if p.is_dir() and p.name != "__pycache__"))
def test_generated_provider_is_black_formatted(provider: str) -> None:
    assert black_differences(REPO / "generated" / provider) == ""


@pytest.mark.parametrize("provider", ["kodexa", "datawollet"])
def test_black_formatter_and_ruff_formatter_agree(provider: str, tmp_path: Path) -> None:
    """Both formatters, from the same unformatted text, give the same bytes."""
    spec = REPO / "specs" / f"{provider}.yaml"
    ruff = build(Job("pkg", spec, tmp_path / "a", "spec.yaml", formatter="ruff"), REPO / "templates", use_cache=False)
    black = build(Job("pkg", spec, tmp_path / "b", "spec.yaml", formatter="black"), REPO / "templates", use_cache=False)
    assert dict(ruff.files) == dict(black.files)
