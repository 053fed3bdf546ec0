"""Pagination in the corpus runs: the iterators each document's client got, by convention, and their tests.

Fed by corpus.py: the generator's notes (`note: pagination recognised (STYLE): ...`), the probe's list of
operations with an `iter_` method, and the generated tests (`test_iter_<name>`, a sync and an async case
each, which walk two pages).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable

STYLES = ("link", "next_url", "cursor", "page", "offset")
_RECOGNISED = re.compile(r": note: pagination recognised \((\w+)\): ")
_LINK_REFUSED = ": note: the reply documents a Link header, but"
_PAGER_TEST = re.compile(r"^def test_iter_\w+\(", re.MULTILINE)


def from_notes(stderr: str) -> dict[str, Any]:
    """Recognitions per convention, and Link headers on replies that are no page of a list."""
    by_style = {style: 0 for style in STYLES}
    for style in _RECOGNISED.findall(stderr):
        by_style[style] = by_style.get(style, 0) + 1
    return {"recognised": by_style, "link_refused": stderr.count(_LINK_REFUSED)}


def pager_tests(package: Path, lines: Iterable[str]) -> dict[str, int]:
    """The two-page walks the package's tests hold (sync and async each) and how many failed."""
    defined = sum(len(_PAGER_TEST.findall(path.read_text(encoding="utf-8"))) for path in sorted((package / "tests").glob("test_*.py")))
    failed = sum(1 for line in lines if line.startswith(("FAILED ", "ERROR ")) and "::test_iter_" in line)
    return {"walks": 2 * defined, "failed": failed}


def _count(value: Any) -> int:
    """Iterators: a list of operations, or its length (the committed JSON keeps only that)."""
    return value if isinstance(value, int) else len(value or [])


def totals(results: list[dict[str, Any]]) -> dict[str, Any]:
    paging = [r.get("paging") or {} for r in results]
    by_style = {style: sum((p.get("recognised") or {}).get(style, 0) for p in paging) for style in STYLES}
    return {
        "iterators": sum(_count(p.get("iterators")) for p in paging),
        "specs_with_iterators": sum(1 for p in paging if p.get("iterators")),
        "by_style": by_style,
        "declared": sum(_count(p.get("iterators")) for p in paging) - sum(by_style.values()),
        "link_refused": sum(p.get("link_refused", 0) for p in paging),
        "walks": sum((p.get("tests") or {}).get("walks", 0) for p in paging),
        "walks_failed": sum((p.get("tests") or {}).get("failed", 0) for p in paging),
    }


def summary(t: dict[str, Any]) -> str:
    """One paragraph of the totals (corpus.md and CORPUS.md)."""
    return (
        f"{t['iterators']} operations in {t['specs_with_iterators']} documents got an `iter_` method: "
        + ", ".join(f"{style} {count}" for style, count in t["by_style"].items())
        + (f", declared by x-pagination {t['declared']}" if t["declared"] else "")
        + f". {t['link_refused']} replies document a Link header but are no page of a list (noted, no iterator). "
        f"Two-page walks in the generated tests: {t['walks']} (sync and async), {t['walks_failed']} failed."
    )


def markdown(results: list[dict[str, Any]]) -> list[str]:
    t = totals(results)
    out = [
        "## Pagination: clientsmith",
        "",
        summary(t),
        "",
        "| spec | iterators | " + " | ".join(STYLES) + " | walks (failed) |",
        "|---|---|" + "---|" * len(STYLES) + "---|",
    ]
    for r in results:
        paging = r.get("paging") or {}
        if not _count(paging.get("iterators")):
            continue
        recognised = paging.get("recognised") or {}
        tests = paging.get("tests") or {}
        out.append(
            f"| {r['spec']} | {_count(paging['iterators'])} | " + " | ".join(str(recognised.get(style, 0)) for style in STYLES)
            + f" | {tests.get('walks', 0)} ({tests.get('failed', 0)}) |"
        )
    return out
