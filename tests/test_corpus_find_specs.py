"""benchmarks/corpus.py lists a folder's documents; a subfolder with an `entry` file is one document."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def test_a_folder_with_entry_is_one_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    corpus = importlib.import_module("corpus")
    for name in ("single.json", "vendor/entry", "vendor/spec/root.yaml", "vendor/spec/models/pet.yaml", "vendor/paths.yml", "other/a.yml"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x: 1\n")
    (tmp_path / "vendor" / "entry").write_text("spec/root.yaml\n")
    found = [path.relative_to(tmp_path).as_posix() for path in corpus.find_specs(tmp_path)]
    assert found == ["other/a.yml", "single.json", "vendor/spec/root.yaml"]


def test_operations_of_a_split_document_are_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    corpus = importlib.import_module("corpus")
    (tmp_path / "paths").mkdir()
    (tmp_path / "api.yaml").write_text("openapi: 3.1.0\npaths:\n  /a: {$ref: 'paths/a.yaml'}\n  /b: {$ref: 'paths/all.yaml#/b'}\n  /c: {$ref: 'paths/c#1.yaml'}\n")
    (tmp_path / "paths" / "a.yaml").write_text("get: {}\npost: {}\n")
    (tmp_path / "paths" / "all.yaml").write_text("b: {delete: {}}\n")
    (tmp_path / "paths" / "c#1.yaml").write_text("put: {}\n")
    assert corpus.spec_operations(tmp_path / "api.yaml") == (["GET /a", "POST /a", "DELETE /b", "PUT /c"], None)
