"""The black formatter (`formatter = "black"`): chunked formatting gives exactly black's output for the whole file."""

from __future__ import annotations

from pathlib import Path

import black
import pytest

from generator.format.chunks import join_chunks, split_chunks
from generator.format.with_black import format_many
from tests.conftest import REPO

MODE = black.Mode(target_versions={black.TargetVersion.PY311}, line_length=100)


def unformat(text: str) -> str:
    """Make black work: collapse its wrapping back into long lines and vary the blank lines."""
    return text.replace(",\n    ", ", ").replace("\n\n\n", "\n\n\n\n").replace("\n\nclass", "\nclass")


def generated_sources() -> list[Path]:
    """The largest generated files (the ones the chunked black formatter splits)."""
    paths = [path for path in (REPO / "generated").rglob("*.py") if "__pycache__" not in path.parts]
    return sorted(sorted(paths, key=lambda path: (-path.stat().st_size, str(path)))[:8])


@pytest.mark.parametrize("path", generated_sources(), ids=lambda path: str(path.relative_to(REPO)))
def test_chunked_equals_whole_file_black(path: Path) -> None:
    source = unformat(path.read_text(encoding="utf-8"))
    chunks = split_chunks(source)
    if chunks is None:  # the formatter then runs black on the whole file: nothing to compare
        assert "\n#" in source or ";" in source
        return
    pieces = [black.format_str(chunk.text, mode=MODE) for chunk in chunks]
    assert join_chunks(chunks, pieces) == black.format_str(source, mode=MODE)


def test_blank_line_rules() -> None:
    source = '"""Doc."""\nimport os\nx = 1\n\n\n\n\ny = 2\ndef f() -> None:\n    pass\nz = 3\n@staticmethod\ndef g() -> None: ...\n'
    chunks = split_chunks(source)
    assert chunks is not None and [chunk.kind for chunk in chunks] == ["docstring", "import", "other", "other", "def", "other", "def"]
    assert join_chunks(chunks, [black.format_str(c.text, mode=MODE) for c in chunks]) == black.format_str(source, mode=MODE)
    assert split_chunks("x = 1\n\n# a comment\ny = 2\n") is None  # comments: whole-file black


def test_format_many_uses_the_pool_and_the_cache(tmp_path: Path) -> None:
    big = "".join(f"def f{i}(a,b):\n    return {{'k':a,'v':[b,{i}]}}\n" for i in range(3000))
    expected = black.format_str(big, mode=MODE)
    assert format_many([big], tmp_path, workers=2) == [expected]
    assert any(tmp_path.rglob("*"))
    assert format_many([big], tmp_path, workers=2) == [expected]  # now from the cache
