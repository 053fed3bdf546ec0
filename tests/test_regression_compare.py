"""`make regression`'s comparison of a corpus run with its committed results."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from regression import clean_by_document, compare  # noqa: E402


def _results(*rows: tuple[str, bool, str]) -> dict[str, object]:
    return {"results": {"ours": [{"spec": s, "clean": c, "reason": r} for s, c, r in rows], "peer": [{"spec": "a.yaml", "clean": False}]}}


def test_a_document_clean_before_and_failing_now_is_a_regression_with_its_reason() -> None:
    before = clean_by_document(_results(("a.yaml", True, ""), ("b.yaml", False, "tests: 1 failed"), ("c.yaml", True, "")))
    now = clean_by_document(_results(("a.yaml", False, "mypy: 2 errors"), ("b.yaml", True, ""), ("c.yaml", True, ""), ("d.yaml", False, "gen: exit 1")))
    result = compare(before, now)
    assert result.regressed == [("a.yaml", "mypy: 2 errors")]
    assert result.fixed == ["b.yaml"]
    assert result.new == ["d.yaml"]
    assert (result.clean, result.total) == (2, 4)


def test_the_peers_rows_are_not_read_as_clientsmiths() -> None:
    assert clean_by_document(_results()) == {}


def test_nothing_changed_is_no_regression() -> None:
    rows = clean_by_document(_results(("a.yaml", True, ""), ("b.yaml", False, "x")))
    result = compare(rows, rows)
    assert (result.regressed, result.fixed, result.new) == ([], [], [])
