"""What a corpus run's results say: each document's verdict (fully clean or its first failure), the
failure categories and warning kinds over many documents, the totals, and the reports (corpus.md and
the compact corpus.json that is committed). benchmarks/corpus.py measures; this module only reads.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable

import corpus_paging
import measure
from measure import clip

TOOLS = ("ours", "peer")
TOOL_TITLE = {"ours": "clientsmith", "peer": "openapi-python-client"}
MYPY_ERROR = re.compile(r"^(?P<file>[^:\s]+\.pyi?):(?P<line>\d+)(?::\d+)?: error: (?P<message>.*?)(?:\s+\[(?P<code>[\w-]+)\])?$")


def is_clean(r: dict[str, Any]) -> bool:
    return bool(
        r["gen"].get("exit") == 0
        and r["imports"].get("status") == "ok"
        and r["mypy"].get("status") == "ok"
        and r["tests"].get("status") == "ok"
        and r["ops"].get("status") == "match"
    )


def failures(r: dict[str, Any]) -> list[tuple[str, str]]:
    """(stage, one line) for every stage that did not pass, in pipeline order."""
    found: list[tuple[str, str]] = []
    if "harness_error" in r:
        found.append(("harness", r["harness_error"]))
    gen = r["gen"]
    if gen.get("timed_out"):
        found.append(("generate", f"timed out after {gen.get('seconds')}s"))
    elif gen.get("exit") != 0:
        found.append(("generate", gen.get("error") or f"exit {gen.get('exit')}"))
        return found
    elif r["package"] is None:
        found.append(("generate", gen.get("error") or "no package"))
        return found
    imports = r["imports"]
    if imports.get("status") == "failed":
        first = imports["failures"][0]
        more = f" (+{imports['failed'] - 1} more)" if imports["failed"] > 1 else ""
        found.append(("import", f"{first['module']}: {first['error']}{more}"))
    elif imports.get("status") not in ("ok", None):
        found.append(("import", f"{imports.get('status')}: {imports.get('error', '')}"))
    mypy = r["mypy"]
    if mypy.get("status") == "failed":
        found.append(("mypy", f"{mypy['errors']} error(s); first: {mypy['first']}"))
    elif mypy.get("status") not in ("ok",):
        found.append(("mypy", f"{mypy.get('status')}: {mypy.get('first', '')}"))
    ops = r["ops"]
    if ops.get("status") != "match":
        detail = ""
        if ops.get("missing"):
            detail += f"; missing {ops['missing'][0]}" + (f" (+{len(ops['missing']) - 1})" if len(ops["missing"]) > 1 else "")
        if ops.get("extra"):
            detail += f"; extra {ops['extra'][0]}" + (f" (+{len(ops['extra']) - 1})" if len(ops["extra"]) > 1 else "")
        found.append(("ops", f"spec {ops.get('spec', r['spec_ops'])} vs client {ops.get('client')}{detail}"))
    tests = r["tests"]
    if tests.get("status") == "timeout":
        found.append(("tests", "timeout: pytest did not finish within the budget"))
    elif tests.get("status") != "ok":
        text = tests.get("first") or tests.get("line") or ""
        found.append(("tests", f"{tests.get('status')}: {text}" if text else str(tests.get("status"))))
    return found


def reason(r: dict[str, Any]) -> str:
    found = failures(r)
    if not found:
        return ""
    stage, text = found[0]
    return clip(f"{stage}: {text}", 300)


# ------------------------------------------------------------------------------------- categories

_NORMALIZERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\(at #[^)]*\)"), "(at #…)"),
    (re.compile(r"\bc_[0-9a-z_]+"), "PKG"),
    (re.compile(r"https?://[^\s'\"]+"), "URL"),
    (re.compile(r"\{[^{}]*\}"), "{…}"),
    (re.compile(r"\{[^{}]*\}"), "{…}"),
    (re.compile(r"\{[^{}]*\}"), "{…}"),
    (re.compile(r"\b(?:GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE) (?:URL|/\S*)(?: \([^)]*\))?"), "METHOD …"),
    (re.compile(r"validation errors? for \S+"), "validation error(s) for MODEL"),
    (re.compile(r"\bValue [\[{(].*$"), "Value …"),
    (re.compile(r"\"[^\"]*\""), '"…"'),
    (re.compile(r"'[^']*'"), "'…'"),
    (re.compile(r"\b\d+\b"), "N"),
    (re.compile(r"\S+\.(?:json|yaml|yml|py)\b"), "FILE"),
)


def normalize(stage: str, text: str) -> str:
    if stage == "mypy":
        match = re.search(r"first: (.*)$", text)
        line = match.group(1) if match else text
        parsed = MYPY_ERROR.match(line)
        if parsed:
            message = parsed.group("message")
            for pattern, replacement in _NORMALIZERS:
                message = pattern.sub(replacement, message)
            return f"[{parsed.group('code') or 'error'}] {clip(message, 110)}"
    if stage == "ops":
        if "missing" in text and "extra" in text:
            return "operations missing and extra"
        if "missing" in text:
            return "operations missing from client"
        if "extra" in text:
            return "extra operations in client"
        return "operation count differs"
    if stage == "import":
        text = text.split(": ", 1)[-1]
        text = re.sub(r" \(\+\d+ more\)$", "", text)
        text = re.sub(r" \([^()]*\.py(?:, line \d+|:\d+)\)", "", text)
    if stage == "tests":
        status = text.split(":", 1)[0]
        if " - " not in text:
            return status
        text = status + ": " + text.split(" - ", 1)[1]
        violated = re.search(r"violates the document:?\s*(\w+)?", text)
        if violated:
            return f"{status}: a request the client sent violates the document ({violated.group(1) or '?'})"
        mismatch = re.search(r"reply for .*? does not match the document[^:]*:?\s*(?:\(fix the example in the spec\):\s*)?(\w+)?", text)
        if mismatch:
            return f"{status}: the test's reply (spec example) does not match the document ({mismatch.group(1) or '?'})"
        if "assert " in text and "==" in text:
            return f"{status}: AssertionError: assert … == … (decoded value differs from the example)"
    if stage == "generate":
        text = re.sub(r"^error: \S+?:\d+:\d+: ", "error: ", text)
    for pattern, replacement in _NORMALIZERS:
        text = pattern.sub(replacement, text)
    return clip(text, 140)


def warning_kinds(results: Iterable[dict[str, Any]]) -> list[tuple[str, int, int, str]]:
    """(kind, warnings, specs, an example spec) for each kind of warning, most frequent first."""
    kinds: dict[str, tuple[int, set[str]]] = {}
    for r in results:
        for line in r["warnings"]["lines"]:
            text = re.sub(r"^\S+: warning: ", "", line)
            text = re.sub(r"^(?:warning|error|WARNING|ERROR): ", "", text)
            for pattern, replacement in _NORMALIZERS:
                text = pattern.sub(replacement, text)
            text = clip(text, 120)
            count, specs = kinds.get(text, (0, set()))
            specs.add(r["spec"])
            kinds[text] = (count + 1, specs)
    rows = [(kind, count, len(specs), sorted(specs)[0]) for kind, (count, specs) in kinds.items()]
    rows.sort(key=lambda row: (-row[1], row[0]))
    return rows


def categories(results: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in results:
        for stage, text in failures(r):
            groups.setdefault((stage, normalize(stage, text)), []).append({"spec": r["spec"], "line": clip(f"{stage}: {text}", 300)})
    order = {"harness": 0, "generate": 1, "import": 2, "mypy": 3, "ops": 4, "tests": 5}
    rows: list[dict[str, Any]] = [
        {"stage": stage, "category": category, "count": len(items), "examples": items[:3]}
        for (stage, category), items in groups.items()
    ]
    rows.sort(key=lambda row: (order.get(row["stage"], 9), -row["count"], row["category"]))
    return rows


# ------------------------------------------------------------------------------------------ totals


def totals(results: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(results)
    generated = [r for r in results if r["gen"].get("exit") == 0 and r["package"]]
    gen_seconds = [r["gen"]["seconds"] for r in results if "seconds" in r["gen"]]
    return {
        "specs": n,
        "generated": len(generated),
        "gen_failed": n - len(generated),
        "gen_timeouts": sum(1 for r in results if r["gen"].get("timed_out")),
        "warnings": sum(r["warnings"]["count"] for r in results),
        "specs_with_warnings": sum(1 for r in results if r["warnings"]["count"]),
        "imports_ok": sum(1 for r in results if r["imports"].get("status") == "ok"),
        "mypy_ok": sum(1 for r in results if r["mypy"].get("status") == "ok"),
        "mypy_errors": sum(r["mypy"].get("errors", 0) for r in results),
        "tests_ok": sum(1 for r in results if r["tests"].get("status") == "ok"),
        "tests_failed": sum(1 for r in results if r["tests"].get("status") == "failed"),
        "no_tests": sum(1 for r in results if r["tests"].get("status") == "no tests"),
        "ops_match": sum(1 for r in results if r["ops"].get("status") == "match"),
        "spec_ops": sum(r["spec_ops"] for r in results),
        "client_ops": sum(r["ops"].get("client") or 0 for r in results),
        "clean": sum(1 for r in results if r["clean"]),
        "clean_but_tests": sum(1 for r in results if _clean_but_tests(r)),
        "gen_seconds_total": round(sum(gen_seconds), 1),
        "gen_seconds_median": round(measure.median(gen_seconds), 2) if gen_seconds else None,
        "gen_seconds_max": round(max(gen_seconds), 2) if gen_seconds else None,
        "gen_peak_rss_mb_max": max((r["gen"].get("peak_rss_mb", 0) for r in results), default=0),
        "pagination": corpus_paging.totals(results),
    }


def _clean_but_tests(r: dict[str, Any]) -> bool:
    return bool(
        r["gen"].get("exit") == 0
        and r["imports"].get("status") == "ok"
        and r["mypy"].get("status") == "ok"
        and r["ops"].get("status") == "match"
    )


# ---------------------------------------------------------------------------------------- reports

_TOTAL_ROWS = (
    ("specs", "specs"),
    ("generated (exit 0)", "generated"),
    ("generation timeouts", "gen_timeouts"),
    ("warnings (specs with any)", None),
    ("all modules import", "imports_ok"),
    ("mypy --strict clean", "mypy_ok"),
    ("mypy errors (sum)", "mypy_errors"),
    ("generated tests pass", "tests_ok"),
    ("generated tests fail", "tests_failed"),
    ("no generated tests", "no_tests"),
    ("operations match", "ops_match"),
    ("operations: spec / client (sum)", None),
    ("fully clean", "clean"),
    ("clean except tests", "clean_but_tests"),
    ("generation time: total / median / max (s)", None),
    ("generation peak RSS max (MB, largest process)", "gen_peak_rss_mb_max"),
)


def _total_cell(t: dict[str, Any] | None, label: str, key: str | None) -> str:
    if t is None:
        return "–"
    if key is not None:
        return str(t[key])
    if label.startswith("warnings"):
        return f"{t['warnings']} ({t['specs_with_warnings']})"
    if label.startswith("operations"):
        return f"{t['spec_ops']} / {t['client_ops']}"
    return f"{t['gen_seconds_total']} / {t['gen_seconds_median']} / {t['gen_seconds_max']}"


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _stage_cell(section: dict[str, Any], kind: str) -> str:
    status = section.get("status", "skipped")
    if kind == "imports":
        if status == "ok":
            return f"ok ({section['modules']})"
        if status == "failed":
            return f"**{section['failed']}/{section['modules']} fail**"
    if kind == "mypy":
        if status == "ok":
            return "ok"
        if status == "failed":
            return f"**{section['errors']} err**"
    if kind == "tests":
        if status == "ok":
            return f"ok ({section.get('passed', 0)})"
        if status == "failed":
            return f"**{section.get('failed', 0)} fail**"
    return str(status) if status in ("skipped", "no tests") else f"**{status}**"


def spec_table(results: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| spec | ver | gen exit | gen s | warn | imports | mypy | tests | ops spec/client | clean | first failure |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        gen = r["gen"]
        ops = r["ops"]
        ops_cell = f"{r['spec_ops']}/{ops.get('client') if ops.get('client') is not None else '–'}"
        if ops.get("status") == "mismatch":
            ops_cell = f"**{ops_cell}**"
        lines.append(
            "| "
            + " | ".join(
                _cell(value)
                for value in (
                    r["spec"],
                    r["version"],
                    "timeout" if gen.get("timed_out") else gen.get("exit"),
                    gen.get("seconds"),
                    r["warnings"]["count"],
                    _stage_cell(r["imports"], "imports"),
                    _stage_cell(r["mypy"], "mypy"),
                    _stage_cell(r["tests"], "tests"),
                    ops_cell,
                    "yes" if r["clean"] else "no",
                    clip(r["reason"], 160),
                )
            )
            + " |"
        )
    return lines


def category_table(rows: list[dict[str, Any]]) -> list[str]:
    lines = ["| stage | category | specs | examples (spec: first line) |", "|---|---|---|---|"]
    for row in rows:
        examples = "<br>".join(f"`{e['spec']}`: {clip(e['line'], 200)}" for e in row["examples"])
        lines.append(f"| {row['stage']} | {_cell(row['category'])} | {row['count']} | {_cell(examples)} |")
    return lines


def markdown(meta: dict[str, Any], by_tool: dict[str, list[dict[str, Any]]]) -> str:
    tools = [tool for tool in TOOLS if tool in by_tool]
    sums = {tool: totals(by_tool[tool]) for tool in tools}
    out = [
        f"# Corpus conformance: {meta['corpus']}",
        "",
        f"- machine: {meta['machine']['nproc']} cores ({meta['machine']['cpu']}), {meta['machine']['memory']}, "
        f"Python {meta['machine']['python']}, {meta['machine']['platform']}",
        f"- peer: {meta['peer']}",
        *(
            f"- {' + '.join(run['tools'])}: `{run['command']}` on {run['date']}, clientsmith {run['commit']}; "
            f"{run['jobs']} jobs, budget {run['timeout']:.0f} s per spec, {run.get('measured', '?')} measured in {run['elapsed']} s"
            + (" (**interrupted**)" if run.get("interrupted") else "")
            for run in meta["runs"]
        ),
        *(
            ["- **partial**: " + ", ".join(f"{TOOL_TITLE[t]} {len(by_tool[t])} of {meta['total_specs']} specs" for t in tools)]
            if any(len(by_tool[t]) < meta.get("total_specs", 0) for t in tools)
            else []
        ),
        "",
        "## Totals",
        "",
        "| | " + " | ".join(TOOL_TITLE[tool] for tool in tools) + " |",
        "|---|" + "---|" * len(tools),
    ]
    for label, key in _TOTAL_ROWS:
        out.append(f"| {label} | " + " | ".join(_total_cell(sums[tool], label, key) for tool in tools) + " |")
    out += [
        "",
        "\"Fully clean\" = exit 0, every module imports, `mypy --strict` clean, the generated tests pass "
        "(\"no tests\" is not a pass) and the operation count equals the spec's.",
    ]
    for tool in tools:
        out += ["", f"## Failure categories: {TOOL_TITLE[tool]}", ""]
        out += category_table(categories(by_tool[tool]))
    if "ours" in by_tool:
        out += ["", *corpus_paging.markdown(by_tool["ours"])]
    for tool in tools:
        kinds = warning_kinds(by_tool[tool])
        out += ["", f"## Warning kinds: {TOOL_TITLE[tool]}", ""]
        if not kinds:
            out.append("none")
            continue
        out += ["| warning | count | specs | e.g. |", "|---|---|---|---|"]
        out += [f"| {_cell(kind)} | {count} | {specs} | `{example}` |" for kind, count, specs, example in kinds[:25]]
        if len(kinds) > 25:
            out.append(f"| … {len(kinds) - 25} more kinds | | | |")
    for tool in tools:
        out += ["", f"## Per spec: {TOOL_TITLE[tool]}", ""]
        out += spec_table(by_tool[tool])
    return "\n".join(out) + "\n"


def compact(r: dict[str, Any]) -> dict[str, Any]:
    """A small copy for the committed JSON: capped lists."""
    c: dict[str, Any] = json.loads(json.dumps(r))
    c["warnings"]["lines"] = c["warnings"]["lines"][:5]
    if "paging" in c and not isinstance(c["paging"].get("iterators"), int):  # an int: compacted before
        c["paging"]["iterators"] = len(c["paging"].get("iterators") or [])
    c["mypy"]["sample"] = c["mypy"].get("sample", [])[:3]
    if "failures" in c["imports"]:
        c["imports"]["failures"] = c["imports"]["failures"][:3]
    for key in ("missing", "extra"):
        if key in c["ops"]:
            c["ops"][key] = c["ops"][key][:5]
    return c
