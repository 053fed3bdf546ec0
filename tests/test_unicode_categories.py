"""ground/unicode_categories.py: the category runs kept between runs are the ones Unicode gives."""

from __future__ import annotations

import marshal
import sys
import unicodedata
from pathlib import Path

import pytest

from generator.ground import unicode_categories
from generator.ground.pattern_syntax import translate


def test_the_runs_cover_unicode_and_match_its_database() -> None:
    runs = unicode_categories.category_runs()
    assert runs == unicode_categories._compute()
    assert runs[0][0] == 0 and runs[-1][1] == sys.maxunicode
    for low, high, category in runs[:200]:
        assert {unicodedata.category(chr(code)) for code in range(low, high + 1)} == {category}


def test_a_kept_entry_is_read_back_and_a_damaged_one_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(unicode_categories, "_FOLDER", tmp_path)
    runs = unicode_categories._compute()
    (tmp_path / unicode_categories._NAME).write_bytes(marshal.dumps(runs))
    assert unicode_categories._read() == runs
    shifted = ((0, 0, "Lu"),) + runs[1:]
    (tmp_path / unicode_categories._NAME).write_bytes(marshal.dumps(shifted))
    assert unicode_categories._read() is None
    (tmp_path / unicode_categories._NAME).write_bytes(b"not marshal")
    assert unicode_categories._read() is None


def test_a_property_escape_reads_the_same_letters() -> None:
    import re

    letters = re.compile(translate(r"^\p{L}+$"))
    assert letters.match("Ωmega") and not letters.match("x1")
