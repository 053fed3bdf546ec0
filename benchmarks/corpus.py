"""Conformance over a folder of OpenAPI documents (issue 6): `make corpus SPECS=DIR`.

    .venv/bin/python benchmarks/corpus.py DIR [--out RESULTS] [--work WORK] [--jobs N] [--peer]
                                              [--limit N] [--timeout S] [--only GLOB]

For each spec (*.json, *.yaml, *.yml under DIR, recursively, sorted) and each generator (clientsmith,
and with --peer openapi-python-client in benchmarks/.peer-venv) it records:
  generation exit code, wall time and peak RSS; every warning; whether every module of the package
  imports (one fresh interpreter per spec); `mypy --strict` (error count, first error); the
  package's generated tests (`pytest -q -p no:cacheprovider PKG/tests`; "no tests" when there are
  none, which is not a pass); and the operations in the spec versus those in the client.
A spec is "fully clean" when it generated (exit 0), every module imports, mypy is clean, the tests
pass and the operations match. Writes RESULTS/corpus.md (totals, per-spec tables, failure
categories) and RESULTS/corpus.json (compact details); full details go to WORK/corpus-full.json.
Generated packages stay in WORK (default /tmp/clientsmith-corpus/<DIR name>) for inspection.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import shlex
import shutil
import signal
import sys
import time
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import corpus_paging
import measure
from measure import REPO, clip, first_line

try:  # PyYAML is a dependency of the generator, so the venv has it
    import yaml

    _YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
except ImportError:  # pragma: no cover
    yaml = None  # type: ignore[assignment]
    _YAML_LOADER = None

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SPEC_SUFFIXES = (".json", ".yaml", ".yml")
HERE = Path(__file__).resolve().parent
PROBE = HERE / "_probe.py"
TOOLS = ("ours", "peer")
TOOL_TITLE = {"ours": "clientsmith", "peer": "openapi-python-client"}
_MYPY_ERROR = re.compile(r"^(?P<file>[^:\s]+\.pyi?):(?P<line>\d+)(?::\d+)?: error: (?P<message>.*?)(?:\s+\[(?P<code>[\w-]+)\])?$")


@dataclass(frozen=True)
class Task:
    spec: str
    rel: str
    tool: str
    work: str
    timeout: float
    peer_venv: str | None


# ---------------------------------------------------------------------------------------- the spec


def load_spec(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    if yaml is None:
        raise RuntimeError("PyYAML is not installed")
    return yaml.load(text, Loader=_YAML_LOADER)


def _resolve(document: Any, node: Any, depth: int = 0) -> Any:
    if isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/") and depth < 20:
        target: Any = document
        for part in node["$ref"][2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, dict) or part not in target:
                return node
            target = target[part]
        return _resolve(document, target, depth + 1)
    return node


def spec_operations(path: Path) -> tuple[list[str], str | None]:
    """'METHOD /path' for each operation under `paths` (local $refs of path items followed)."""
    try:
        document = load_spec(path)
    except Exception as exc:  # noqa: BLE001 - reported, not fatal
        return [], f"cannot load: {exc.__class__.__name__}: {clip(str(exc), 120)}"
    if not isinstance(document, dict):
        return [], "not a mapping"
    paths = document.get("paths") or {}
    operations: list[str] = []
    if isinstance(paths, dict):
        for route, item in paths.items():
            item = _resolve(document, item)
            if not isinstance(item, dict):
                continue
            for method in METHODS:
                if isinstance(item.get(method), dict):
                    operations.append(f"{method.upper()} {route}")
    return operations, None


def spec_version(path: Path) -> str:
    try:
        document = load_spec(path)
    except Exception:  # noqa: BLE001
        return "?"
    if isinstance(document, dict):
        return str(document.get("openapi") or document.get("swagger") or "?")
    return "?"


def package_name(rel: str) -> str:
    slug = re.sub(r"[^0-9a-zA-Z]+", "_", rel.rsplit(".", 1)[0]).strip("_").lower()
    slug = slug[:60].rstrip("_") or "spec"
    return f"c_{slug}"


# -------------------------------------------------------------------------------------- per spec


def measure_spec(task: Task) -> dict[str, Any]:
    """Everything about one spec and one generator. Runs in a pool worker; never raises."""
    started = time.perf_counter()
    deadline = started + task.timeout
    spec = Path(task.spec)
    name = package_name(task.rel)
    work = Path(task.work) / task.tool / name
    ops, ops_problem = spec_operations(spec)
    result: dict[str, Any] = {
        "spec": task.rel,
        "tool": task.tool,
        "package": None,
        "version": spec_version(spec),
        "spec_ops": len(ops),
        "spec_ops_note": ops_problem,
        "gen": {},
        "warnings": {"count": 0, "lines": []},
        "imports": {"status": "skipped"},
        "mypy": {"status": "skipped"},
        "tests": {"status": "skipped"},
        "ops": {"status": "skipped"},
    }
    try:
        if task.tool == "ours":
            package = _generate_ours(spec, name, work, deadline, result)
            python = measure.python()
            mypy_extra: list[str] = []
        else:
            peer_venv = Path(task.peer_venv or "")
            package = _generate_peer(spec, work, peer_venv, deadline, result)
            python = str(peer_venv / "bin" / "python")
            mypy_extra = ["--python-executable", python]
        if package is not None:
            result["package"] = package.name
            _imports(python, package, task.tool, deadline, result, ops)
            _mypy(package, Path(task.work) / "mypy-cache" / f"{task.tool}-{os.getpid()}", mypy_extra, deadline, result)
            if task.tool == "ours":
                _tests(package, deadline, result)
            else:
                result["tests"] = {"status": "no tests", "line": "openapi-python-client generates no tests"}
    except Exception as exc:  # noqa: BLE001 - a bug here must not stop the run
        result["harness_error"] = f"{exc.__class__.__name__}: {exc}"
    result["seconds"] = round(time.perf_counter() - started, 2)
    result["clean"] = is_clean(result)
    result["reason"] = reason(result)
    return result


def _left(deadline: float) -> float:
    return max(1.0, deadline - time.perf_counter())


def _out_of_time(deadline: float) -> bool:
    return time.perf_counter() >= deadline - 1.0


def _generate_ours(spec: Path, name: str, work: Path, deadline: float, result: dict[str, Any]) -> Path | None:
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    cache = work.parent.parent / "black-cache"
    cmd = [measure.python(), "-m", "generator", "generate", str(spec), "--package", name, "--out", str(work)]
    run = measure.run(cmd, timeout=_left(deadline), cwd=REPO, extra_env={"CLIENTSMITH_CACHE_DIR": str(cache)})
    warnings = [line for line in run.stderr.splitlines() if ": warning: " in line]
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:") or "Traceback" in line]
    result["gen"] = {
        "exit": run.returncode,
        "seconds": round(run.wall, 3),
        "peak_rss_mb": round(run.peak_rss_kb / 1024, 1),
        "timed_out": run.timed_out,
        "error": errors[0] if errors else (first_line(run.stderr) if run.returncode else ""),
    }
    result["warnings"] = {"count": len(warnings), "lines": [_strip_file(line, spec) for line in warnings]}
    result["paging"] = corpus_paging.from_notes(run.stderr)
    package = work / name
    if run.ok and (package / "__init__.py").exists():
        return package
    if run.ok:
        result["gen"]["error"] = f"exit 0 but no package at {package}"
    return None


def _strip_file(line: str, spec: Path) -> str:
    return line.replace(str(spec), spec.name, 1)


def _generate_peer(spec: Path, work: Path, venv: Path, deadline: float, result: dict[str, Any]) -> Path | None:
    from peer import Peer, find_package

    peer = Peer(venv)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    project = work / "project"
    errors_file = work / "peer-errors.json"
    env = peer.env()
    env["PEER_ERRORS_JSON"] = str(errors_file)
    run = measure.run(peer.generate_cmd(spec, project, errors_json=True), timeout=_left(deadline), cwd=work, env=env)
    records: list[dict[str, str]] = []
    try:
        records = json.loads(errors_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    lines = [clip(f"{r.get('level', '')}: {r.get('header', '')} {first_line(r.get('detail', ''), 160)}", 300) for r in records]
    failed_line = ""
    for candidate in run.stderr.splitlines() + run.stdout.splitlines():
        if "Traceback" in candidate or candidate.startswith(("Error", "Unable", "Failed")):
            failed_line = candidate.strip()
            break
    if "Traceback" in failed_line:  # a crash: its last exception line says more than the box's title
        stripped = [line.strip(" │╰╯─╭╮") for line in run.stderr.splitlines()]
        raised = [line for line in stripped if re.match(r"^[\w.]*(?:Error|Exception)\b", line)]
        failed_line = raised[-1] if raised else failed_line
    error_records = [r for r in records if str(r.get("level", "")).lower() == "error"]
    result["gen"] = {
        "exit": run.returncode,
        "seconds": round(run.wall, 3),
        "peak_rss_mb": round(run.peak_rss_kb / 1024, 1),
        "timed_out": run.timed_out,
        "error": (
            clip(f"{error_records[0].get('header', '')} {first_line(error_records[0].get('detail', ''), 160)}", 300)
            if error_records
            else (failed_line or _last_line(run.stderr)) if run.returncode else ""
        ),
    }
    result["warnings"] = {"count": len(records), "lines": lines}
    package = find_package(project)
    if run.ok and package is not None:
        return package
    if run.ok:
        result["gen"]["error"] = "exit 0 but no package written"
    return None


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return clip(lines[-1]) if lines else ""


def _imports(python: str, package: Path, tool: str, deadline: float, result: dict[str, Any], spec_ops: list[str]) -> None:
    if _out_of_time(deadline):
        result["imports"] = {"status": "timeout"}
        return
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    run = measure.run([python, str(PROBE), str(package.parent), package.name, tool], timeout=_left(deadline), cwd=package.parent, env=env)
    if run.timed_out:
        result["imports"] = {"status": "timeout"}
        return
    try:
        probe: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        result["imports"] = {"status": "error", "error": first_line(run.stderr) or f"probe exit {run.returncode}"}
        return
    failures = probe["failures"]
    result["imports"] = {
        "status": "ok" if not failures else "failed",
        "modules": probe["modules"],
        "failed": len(failures),
        "failures": failures,
        "seconds": probe["import_seconds"],
    }
    if tool == "ours" and "paging" in result:
        result["paging"]["iterators"] = probe.get("iterators", [])
    client_ops = probe["operations"]
    if client_ops is None:
        result["ops"] = {"status": "unknown", "client": None, "spec": len(spec_ops)}
        return
    status = "match" if client_ops == len(spec_ops) else "mismatch"
    ops: dict[str, Any] = {"status": status, "client": client_ops, "spec": len(spec_ops)}
    if tool == "ours":
        have = set(probe["operation_names"])
        want = set(spec_ops)
        missing, extra = sorted(want - have), sorted(have - want)
        if missing:
            ops["missing"] = missing
        if extra:
            ops["extra"] = extra
    result["ops"] = ops


_EMPTY_MYPY_INI = "[mypy]\n"


def _mypy(package: Path, cache: Path, extra: list[str], deadline: float, result: dict[str, Any]) -> None:
    if _out_of_time(deadline):
        result["mypy"] = {"status": "timeout"}
        return
    cache.mkdir(parents=True, exist_ok=True)
    config = cache.parent / "mypy.ini"  # no project config: only --strict
    if not config.exists():
        config.write_text(_EMPTY_MYPY_INI)
    cmd = [
        measure.python(), "-m", "mypy", "--strict", "--config-file", str(config), "--cache-dir", str(cache),
        "--no-color-output", "--no-pretty", "--show-error-codes", *extra, "-p", package.name,
    ]  # fmt: skip
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env.pop("MYPYPATH", None)
    run = measure.run(cmd, timeout=_left(deadline), cwd=package.parent, env=env)
    if run.timed_out:
        result["mypy"] = {"status": "timeout", "seconds": round(run.wall, 1)}
        return
    errors = [line for line in run.stdout.splitlines() if _MYPY_ERROR.match(line)]
    codes: dict[str, int] = {}
    for line in errors:
        match = _MYPY_ERROR.match(line)
        code = (match.group("code") if match else None) or "none"
        codes[code] = codes.get(code, 0) + 1
    if run.returncode == 0:
        status = "ok"
    elif errors:
        status = "failed"
    else:
        status = "crashed"
    result["mypy"] = {
        "status": status,
        "errors": len(errors),
        "codes": codes,
        "first": clip(errors[0], 300) if errors else (first_line(run.stderr + run.stdout) if run.returncode else ""),
        "sample": [clip(line, 300) for line in errors[:20]],
        "seconds": round(run.wall, 2),
    }


_PYTEST_SUMMARY = re.compile(r"(\d+) (passed|failed|errors?|skipped|xfailed|xpassed|deselected)")


def _tests(package: Path, deadline: float, result: dict[str, Any]) -> None:
    tests = package / "tests"
    if not tests.is_dir():
        result["tests"] = {"status": "no tests", "line": f"no {package.name}/tests folder"}
        return
    if _out_of_time(deadline):
        result["tests"] = {"status": "timeout"}
        return
    cmd = [
        measure.python(), "-m", "pytest", "-q", "-p", "no:cacheprovider", "--tb=short", "-rfE",
        "--rootdir", str(package.parent), f"{package.name}/tests",
    ]  # fmt: skip
    env = dict(os.environ)
    env["PYTHONPATH"] = str(package.parent)
    env["COLUMNS"] = "400"  # keeps the reason on pytest's FAILED lines
    run = measure.run(cmd, timeout=_left(deadline), cwd=package.parent, env=env)
    output = run.stdout + run.stderr
    lines = [line for line in output.splitlines() if line.strip()]
    summary = next((line for line in reversed(lines) if _PYTEST_SUMMARY.search(line) or "no tests ran" in line), lines[-1] if lines else "")
    counts = {kind: int(n) for n, kind in _PYTEST_SUMMARY.findall(summary)}
    failing = [line for line in lines if line.startswith(("FAILED ", "ERROR "))]
    reasons = _error_blocks(lines)
    if "paging" in result:
        result["paging"]["tests"] = corpus_paging.pager_tests(package, lines)
    if run.timed_out:
        status = "timeout"
    elif run.returncode == 0:
        status = "ok"
    elif run.returncode == 5:
        status = "no tests"
    else:
        status = "failed"
    result["tests"] = {
        "status": status,
        "exit": run.returncode,
        "line": f"pytest did not finish within the budget ({run.wall:.0f} s)" if run.timed_out else clip(summary.strip("= "), 200),
        "passed": counts.get("passed", 0),
        "failed": counts.get("failed", 0) + counts.get("error", 0) + counts.get("errors", 0),
        "first": clip(failing[0].split(" - ", 1)[0] + (" - " + reasons[0] if reasons else ""), 400) if failing and not run.timed_out else "",
        "reasons": reasons[:5],
        "seconds": round(run.wall, 2),
    }


def _error_blocks(lines: list[str]) -> list[str]:
    """The distinct 'E   ...' messages of pytest's --tb=short output: first line, plus the second
    when the first ends with a colon (the detail)."""
    found: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.startswith("E   "):
            block.append(line[4:].strip())
            continue
        if block:
            text = block[0]
            if text.endswith(":") and len(block) > 1:
                text += " " + block[1]
            text = clip(text, 300)
            if text not in found:
                found.append(text)
            block = []
    return found


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
        parsed = _MYPY_ERROR.match(line)
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
            [f"- **partial**: " + ", ".join(f"{TOOL_TITLE[t]} {len(by_tool[t])} of {meta['total_specs']} specs" for t in tools)]
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
    if "paging" in c:
        c["paging"]["iterators"] = len(c["paging"].get("iterators") or [])
    c["mypy"]["sample"] = c["mypy"].get("sample", [])[:3]
    if "failures" in c["imports"]:
        c["imports"]["failures"] = c["imports"]["failures"][:3]
    for key in ("missing", "extra"):
        if key in c["ops"]:
            c["ops"][key] = c["ops"][key][:5]
    return c


# ------------------------------------------------------------------------------------------- main


def find_specs(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SPEC_SUFFIXES)


def _dirty() -> bool:
    import subprocess

    done = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "generator", "templates"], capture_output=True, text=True)
    return bool(done.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("specs", type=Path, help="folder of OpenAPI documents")
    parser.add_argument("--out", type=Path, help="results folder (default benchmarks/results/corpus-<DIR name>)")
    parser.add_argument("--work", type=Path, help="where generated packages go (default /tmp/clientsmith-corpus/<DIR name>)")
    parser.add_argument("--jobs", type=int, default=2, help="specs measured in parallel (default 2)")
    parser.add_argument("--peer", action="store_true", help="also run openapi-python-client through the same harness")
    parser.add_argument("--peer-only", action="store_true", help="only the peer (e.g. to add it to an earlier run)")
    parser.add_argument("--resume", action="store_true", help="keep earlier results in WORK (also of an interrupted run); measure only the rest")
    parser.add_argument("--render", action="store_true", help="only rewrite the reports from WORK/corpus-full.json")
    parser.add_argument("--limit", type=int, help="only the first N specs")
    parser.add_argument("--only", action="append", default=[], help="only specs whose relative path matches this glob")
    parser.add_argument("--timeout", type=float, default=300.0, help="budget per spec and generator in seconds (default 300)")
    args = parser.parse_args(argv)
    if not args.specs.is_dir():
        print(f"error: {args.specs} is not a folder", file=sys.stderr)
        return 2
    folder = args.specs.resolve()
    label = folder.name
    out = (args.out or HERE / "results" / f"corpus-{label}").resolve()
    work = (args.work or Path("/tmp/clientsmith-corpus") / label).resolve()
    out.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    specs = find_specs(folder)
    if args.only:
        specs = [s for s in specs if any(fnmatch.fnmatch(str(s.relative_to(folder)), g) for g in args.only)]
    if args.limit:
        specs = specs[: args.limit]
    tools = [] if args.peer_only else ["ours"]
    peer_note = "not run (pass --peer)"
    peer_venv: str | None = None
    if (args.peer or args.peer_only) and not args.render:
        import peer

        try:
            installed = peer.ensure()
            peer_venv = str(installed.venv)
            peer_note = f"openapi-python-client {peer.version(installed)} in benchmarks/.peer-venv (default post hooks: ruff check --fix-only, ruff format; ruff installed)"
            tools.append("peer")
        except peer.PeerUnavailable as exc:
            peer_note = f"peer unavailable: {exc}"
            print(f"corpus: {peer_note}", file=sys.stderr)
    full_path = work / "corpus-full.json"
    rel_folder = os.path.relpath(folder, REPO)
    by_tool: dict[str, list[dict[str, Any]]] = {}
    runs: list[dict[str, Any]] = []
    progress = work / "corpus-progress.jsonl"
    if args.render or args.peer_only or args.resume:
        try:
            previous = json.loads(full_path.read_text(encoding="utf-8"))
            by_tool = {tool: rs for tool, rs in previous["results"].items() if args.render or args.resume or tool not in tools}
            runs = list(previous["meta"].get("runs", []))
            if "peer" in by_tool or args.render:
                peer_note = str(previous["meta"].get("peer", peer_note))
        except (OSError, ValueError, KeyError):
            if args.render:
                print(f"error: no earlier run in {full_path}", file=sys.stderr)
                return 2
    if args.resume and progress.exists():  # results of an interrupted run
        for line in progress.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            kept = [r for r in by_tool.get(record["tool"], []) if r["spec"] != record["spec"]]
            by_tool[record["tool"]] = [*kept, record]
    interrupted = False
    if not args.render:
        done = {(tool, r["spec"]) for tool, rs in by_tool.items() for r in rs} if args.resume else set()
        tasks = [
            Task(str(spec), str(spec.relative_to(folder)), tool, str(work), args.timeout, peer_venv)
            for spec in specs  # spec by spec, so that a partial run compares the same specs
            for tool in tools
            if (tool, str(spec.relative_to(folder))) not in done
        ]
        if not args.resume:
            progress.unlink(missing_ok=True)
        print(f"corpus: {len(tasks)} to measure ({len(specs)} specs x {len(tools)} generator(s), {len(done)} done before), {args.jobs} jobs, work in {work}", file=sys.stderr)
        started = time.perf_counter()
        results, interrupted = run_tasks(tasks, args.jobs, args.timeout, progress)
        elapsed = time.perf_counter() - started
        for tool in tools:
            mine = [r for r in by_tool.get(tool, []) if not any(n["spec"] == r["spec"] for n in results if n["tool"] == tool)]
            by_tool[tool] = sorted([*mine, *(r for r in results if r["tool"] == tool)], key=lambda r: r["spec"])
        plain = not (args.peer or args.peer_only or args.limit or args.only or args.out or args.work or args.jobs != 2 or args.timeout != 300.0)
        given = argv if argv is not None else sys.argv[1:]
        command = f"make corpus SPECS={rel_folder}" if plain else ".venv/bin/python benchmarks/corpus.py " + " ".join(shlex.quote(a) for a in given)
        machine = measure.machine()
        runs.append(
            {
                "tools": [TOOL_TITLE[tool] for tool in tools],
                "command": command,
                "date": machine["date"],
                "commit": machine["commit"] + (" (+ uncommitted changes in generator/ or templates/)" if _dirty() else ""),
                "elapsed": round(elapsed),
                "measured": len(results),
                "interrupted": interrupted,
                "jobs": args.jobs,
                "timeout": args.timeout,
            }
        )
    meta = {"corpus": rel_folder, "machine": measure.machine(), "peer": peer_note, "runs": runs, "total_specs": len(specs)}
    write_reports(meta, by_tool, out, full_path)
    for tool in TOOLS:
        if tool not in by_tool:
            continue
        t = totals(by_tool[tool])
        print(
            f"{TOOL_TITLE[tool]}: {t['clean']}/{t['specs']} fully clean ({t['clean_but_tests']} clean except tests); generated {t['generated']}, "
            f"imports ok {t['imports_ok']}, mypy ok {t['mypy_ok']}, tests ok {t['tests_ok']}, ops match {t['ops_match']}, warnings {t['warnings']}"
        )
    print(f"wrote {out / 'corpus.md'} and {out / 'corpus.json'}")
    return 0


def write_reports(meta: dict[str, Any], by_tool: dict[str, list[dict[str, Any]]], out: Path, full_path: Path) -> None:
    tools = [tool for tool in TOOLS if tool in by_tool]
    (out / "corpus.md").write_text(markdown(meta, by_tool), encoding="utf-8")
    summary = {"meta": meta, "totals": {tool: totals(by_tool[tool]) for tool in tools}, "categories": {tool: categories(by_tool[tool]) for tool in tools}}
    compacted = {tool: [compact(r) for r in by_tool[tool]] for tool in tools}
    (out / "corpus.json").write_text(json.dumps({**summary, "results": compacted}, separators=(",", ":")) + "\n", encoding="utf-8")
    full_path.write_text(json.dumps({**summary, "results": by_tool}, indent=1) + "\n", encoding="utf-8")


def _worker_init() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides

    def stop(_signum: int, _frame: Any) -> None:
        measure.kill_running()
        os._exit(143)

    signal.signal(signal.SIGTERM, stop)


def _interrupt(_signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt


def run_tasks(tasks: list[Task], jobs: int, timeout: float, progress: Path) -> tuple[list[dict[str, Any]], bool]:
    """Measure every task; each result is also appended to `progress` (JSON lines) as it arrives.
    On Ctrl-C or SIGTERM: stop the workers and their children, return what is done, and True."""
    results: list[dict[str, Any]] = []
    pool = ProcessPoolExecutor(max_workers=max(1, jobs), initializer=_worker_init)
    futures: dict[Future[dict[str, Any]], Task] = {pool.submit(measure_spec, task): task for task in tasks}
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        for done, future in enumerate(as_completed(futures), 1):
            task = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - a crashed worker: recorded, not fatal
                result = _broken(task, f"harness: {exc.__class__.__name__}: {exc}")
            results.append(result)
            with progress.open("a", encoding="utf-8") as stream:
                stream.write(json.dumps(result) + "\n")
            state = "clean" if result["clean"] else result["reason"][:110]
            print(f"[{done}/{len(tasks)}] {task.tool} {task.rel}: {state} ({result.get('seconds', '?')} s)", file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        print(f"corpus: interrupted after {len(results)} of {len(tasks)}; writing partial results (resume with --resume)", file=sys.stderr)
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        return results, True
    finally:
        signal.signal(signal.SIGTERM, previous)
    pool.shutdown()
    return results, False


def _broken(task: Task, message: str) -> dict[str, Any]:
    return {
        "spec": task.rel, "tool": task.tool, "package": None, "version": "?", "spec_ops": 0, "spec_ops_note": None,
        "gen": {}, "warnings": {"count": 0, "lines": []}, "imports": {}, "mypy": {}, "tests": {}, "ops": {},
        "harness_error": message, "clean": False, "reason": message,
    }  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
