"""format/with_ruff.py: where the scratch copies ruff formats are made, and that the result is the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.format import with_ruff
from generator.ground.diagnostics import GeneratedCodeError

SOURCES = ["x = {'a':1}\n", "def f(a,b):\n  return a+b\n"]
FORMATTED = ['x = {"a": 1}\n', "def f(a, b):\n    return a + b\n"]


def test_the_memory_folder_comes_first_unless_the_user_names_a_temporary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(with_ruff, "_MEMORY_FOLDER", tmp_path)
    monkeypatch.delenv("TMPDIR", raising=False)
    assert with_ruff._scratch_parents() == [str(tmp_path), None]
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert with_ruff._scratch_parents() == [None]
    monkeypatch.delenv("TMPDIR")
    monkeypatch.setattr(with_ruff, "_MEMORY_FOLDER", tmp_path / "absent")
    assert with_ruff._scratch_parents() == [None]


def test_either_folder_formats_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    memory = tmp_path / "memory"
    memory.mkdir()
    monkeypatch.setattr(with_ruff, "_MEMORY_FOLDER", memory)
    monkeypatch.delenv("TMPDIR", raising=False)
    assert with_ruff.ruff_format_many(SOURCES) == FORMATTED
    assert list(memory.iterdir()) == []  # the scratch folder was made there and removed
    monkeypatch.setattr(with_ruff, "_MEMORY_FOLDER", tmp_path / "absent")
    assert with_ruff.ruff_format_many(SOURCES) == FORMATTED


def test_a_memory_folder_that_fails_hands_over_to_the_temporary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tried: list[str | None] = []
    real = with_ruff._format_in

    def full_first(parent: str | None, sources: list[str]) -> list[str]:
        tried.append(parent)
        if parent is not None:
            raise OSError(28, "No space left on device")
        return real(parent, sources)

    monkeypatch.setattr(with_ruff, "_MEMORY_FOLDER", tmp_path)
    monkeypatch.delenv("TMPDIR", raising=False)
    monkeypatch.setattr(with_ruff, "_format_in", full_first)
    assert with_ruff.ruff_format_many(SOURCES) == FORMATTED
    assert tried == [str(tmp_path), None]


def test_code_ruff_cannot_parse_is_still_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(with_ruff, "_MEMORY_FOLDER", tmp_path)
    monkeypatch.delenv("TMPDIR", raising=False)
    with pytest.raises(GeneratedCodeError, match="ruff could not format generated code"):
        with_ruff.ruff_format_many(["x = 1\n", "def (:\n"])
