"""Run every corpus again and compare it with its committed results: `make regression`.

    .venv/bin/python benchmarks/regression.py [--corpus LABEL ...] [--write] [--jobs N]

After a merge that touches the pipeline, a figure in CORPUS.md holds only at the commit it names. This
runs clientsmith over each corpus (the shared ones beside the checkout, and the vendor sets in
benchmarks/), then compares document by document with `benchmarks/results/corpus-LABEL/corpus.json`:

- a document fully clean there and not now is a **regression** (exit 1, with its first failure);
- one not clean there and clean now is reported as fixed; one not measured there is reported as new.

A corpus whose folder is absent (../shared is not beside every checkout) is skipped with that reason;
a run that skips every corpus exits 2, so it never passes silently. Without `--write` the results go to a
temporary folder and the committed ones stay as they are; with `--write` clientsmith's rows of the
committed results are replaced (the peer's rows, from an earlier `--peer` run, are kept).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"


@dataclass(frozen=True)
class Corpus:
    label: str
    folder: Path
    timeout: float = 300.0


CORPORA = (
    Corpus("features", SHARED / "corpus" / "features"),
    Corpus("modern", SHARED / "corpus" / "modern", 600.0),
    Corpus("vendor", HERE / "vendor"),
    Corpus("vendor2", HERE / "vendor2", 600.0),
    Corpus("apis-guru", SHARED / "corpus" / "apis-guru"),
    Corpus("bench", SHARED / "bench", 900.0),
)


@dataclass(frozen=True)
class Comparison:
    regressed: list[tuple[str, str]]  # (document, its first failure now)
    fixed: list[str]
    new: list[str]
    clean: int
    total: int


def clean_by_document(results: dict[str, Any]) -> dict[str, tuple[bool, str]]:
    """clientsmith's rows of a corpus.json: document -> (fully clean, why not)."""
    rows = results.get("results", {}).get("ours", [])
    return {row["spec"]: (bool(row.get("clean")), str(row.get("reason") or "")) for row in rows}


def compare(before: dict[str, tuple[bool, str]], now: dict[str, tuple[bool, str]]) -> Comparison:
    regressed = [(spec, now[spec][1]) for spec in sorted(now) if spec in before and before[spec][0] and not now[spec][0]]
    fixed = [spec for spec in sorted(now) if spec in before and not before[spec][0] and now[spec][0]]
    new = [spec for spec in sorted(now) if spec not in before]
    return Comparison(regressed, fixed, new, sum(1 for clean, _ in now.values() if clean), len(now))


def _read(path: Path) -> dict[str, Any]:
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def run_corpus(corpus: Corpus, write: bool, jobs: int, scratch: Path) -> dict[str, Any]:
    committed = HERE / "results" / f"corpus-{corpus.label}"
    out = committed if write else scratch / corpus.label
    # Paths relative to the checkout: the command is recorded in the results.
    command = [sys.executable, "benchmarks/corpus.py", os.path.relpath(corpus.folder, REPO), "--label", corpus.label]
    command += ["--out", os.path.relpath(out, REPO), "--work", str(scratch / f"work-{corpus.label}"), "--jobs", str(jobs), "--timeout", str(corpus.timeout)]
    if write:
        command += ["--resume", "--remeasure"]  # keeps the peer's committed rows, measures all of ours again
    subprocess.run(command, cwd=REPO, check=True)
    return _read(out / "corpus.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", default=[], help="only this corpus (repeatable): " + ", ".join(c.label for c in CORPORA))
    parser.add_argument("--write", action="store_true", help="replace clientsmith's rows of the committed results")
    parser.add_argument("--jobs", type=int, default=2, help="documents measured in parallel (default 2)")
    args = parser.parse_args(argv)
    unknown = set(args.corpus) - {c.label for c in CORPORA}
    if unknown:
        print(f"error: unknown corpus {', '.join(sorted(unknown))}; known: {', '.join(c.label for c in CORPORA)}", file=sys.stderr)
        return 2
    chosen = [c for c in CORPORA if not args.corpus or c.label in args.corpus]
    lines: list[str] = []
    regressions = 0
    measured = 0
    with tempfile.TemporaryDirectory(prefix="clientsmith-regression-") as temporary:
        for corpus in chosen:
            if not corpus.folder.is_dir():
                lines.append(f"{corpus.label}: skipped: {corpus.folder} is absent")
                continue
            before = clean_by_document(_read(HERE / "results" / f"corpus-{corpus.label}" / "corpus.json"))
            now = clean_by_document(run_corpus(corpus, args.write, args.jobs, Path(temporary)))
            measured += 1
            result = compare(before, now)
            regressions += len(result.regressed)
            lines.append(f"{corpus.label}: {result.clean}/{result.total} fully clean; {len(result.regressed)} regressed, {len(result.fixed)} fixed, {len(result.new)} new")
            lines += [f"  regressed: {spec}: {why}" for spec, why in result.regressed]
            lines += [f"  fixed: {spec}" for spec in result.fixed]
            lines += [f"  new: {spec}" for spec in result.new]
    print("\n".join(["", "regression: clientsmith against the committed corpus results", *lines]))
    if measured == 0:
        print("regression: no corpus was measured (is ../shared beside this checkout?)", file=sys.stderr)
        return 2
    return 1 if regressions else 0


if __name__ == "__main__":
    sys.exit(main())
