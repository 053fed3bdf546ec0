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
import hashlib
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
from typing import Any

import corpus_paging
import measure
from corpus_report import MYPY_ERROR, TOOL_TITLE, TOOLS, categories, compact, is_clean, markdown, reason, totals
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


def _resolve_file_ref(path: Path, node: Any) -> Any:
    """A path item that is a `$ref` to another file of a multi-file document: what it names (or `node`)."""
    ref = node.get("$ref") if isinstance(node, dict) else None
    if not isinstance(ref, str) or ref.startswith("#") or "://" in ref:
        return node
    file_part, _, fragment = ref.partition("#")
    if not fragment.startswith("/") and (path.parent / ref).is_file():
        file_part, fragment = ref, ""  # a file name holding '#' (PingOne's)
    try:
        target: Any = load_spec(path.parent / file_part)
    except Exception:  # noqa: BLE001 - counted as no operations
        return node
    return _resolve(target, {"$ref": "#" + fragment}) if fragment.startswith("/") else target


def spec_operations(path: Path) -> tuple[list[str], str | None]:
    """'METHOD /path' for each operation under `paths` (local $refs of path items followed, and those of
    a multi-file document to its other files)."""
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
            item = _resolve_file_ref(path, _resolve(document, item))
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
    errors = [line for line in run.stdout.splitlines() if MYPY_ERROR.match(line)]
    codes: dict[str, int] = {}
    for line in errors:
        match = MYPY_ERROR.match(line)
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


# ------------------------------------------------------------------------------------------- main


def find_specs(folder: Path) -> list[Path]:
    """Every document under `folder`. A subfolder holding a file named `entry` is one document split over
    its files: `entry`'s single line is the root document's path in it, and nothing else under it is listed."""
    entries = sorted(p.parent for p in folder.rglob("entry") if p.is_file() and p.parent != folder)
    roots = [entry / (entry / "entry").read_text(encoding="utf-8").strip() for entry in entries]
    return sorted(
        [p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SPEC_SUFFIXES and not any(p.is_relative_to(e) for e in entries)]
        + [root for root in roots if root.is_file()]
    )


def _committed_results(out: Path) -> dict[str, Any] | None:
    try:
        loaded: dict[str, Any] = json.loads((out / "corpus.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return loaded if isinstance(loaded.get("results"), dict) else None


def parse_partition(text: str) -> tuple[int, int]:
    """`K/N`: the K-th (from 0) of N partitions."""
    try:
        index, count = (int(part) for part in text.split("/"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not K/N (for example 3/20)") from None
    if not 0 <= index < count:
        raise argparse.ArgumentTypeError(f"{text!r}: K must be at least 0 and less than N")
    return index, count


def in_partition(relative: str, index: int, count: int) -> bool:
    """A document's partition depends on its path alone, so partitions stay the same however the folder
    grows, on any machine, and a run of partition K can be resumed or repeated in a later session."""
    digest = hashlib.sha1(relative.encode("utf-8")).hexdigest()
    return int(digest, 16) % count == index


def partition_name(index: int, count: int) -> str:
    return f"part-{index:02d}-of-{count:02d}"


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
    parser.add_argument(
        "--remeasure",
        action="store_true",
        help="with --resume: measure the selected specs (--only) again, keeping the other results (after a fix, or with a longer --timeout)",
    )
    parser.add_argument("--label", help="the corpus's name in result folders and reports (default the folder's name)")
    parser.add_argument(
        "--partition",
        type=parse_partition,
        metavar="K/N",
        help="only the K-th of N stable partitions (by a hash of each path); results go to a folder of their own",
    )
    args = parser.parse_args(argv)
    if not args.specs.is_dir():
        print(f"error: {args.specs} is not a folder", file=sys.stderr)
        return 2
    folder = args.specs.resolve()
    label = args.label or folder.name
    part = partition_name(*args.partition) if args.partition else ""
    out = (args.out or HERE / "results" / f"corpus-{label}" / part).resolve()
    work = (args.work or Path("/tmp/clientsmith-corpus") / label / part).resolve()
    out.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    specs = find_specs(folder)
    if args.partition:
        specs = [s for s in specs if in_partition(str(s.relative_to(folder)), *args.partition)]
    corpus_size = len(specs)  # what the results cover when complete, whatever this run measures
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
            previous = _committed_results(out) if args.resume else None
            if previous is not None:  # a later session: the work folder is gone, the committed results are not
                by_tool = previous["results"]
                runs = list(previous["meta"].get("runs", []))
                peer_note = str(previous["meta"].get("peer", peer_note))
            elif args.render:
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
            if (tool, str(spec.relative_to(folder))) not in done or args.remeasure
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
        plain = not (
            args.peer or args.peer_only or args.limit or args.only or args.out or args.work or args.jobs != 2 or args.timeout != 300.0
        ) and not (args.label or args.partition)
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
    meta = {"corpus": rel_folder, "machine": measure.machine(), "peer": peer_note, "runs": runs, "total_specs": corpus_size if args.resume else len(specs)}
    if args.partition:
        meta["partition"] = {"index": args.partition[0], "count": args.partition[1], "folder_specs": len(find_specs(folder))}
        meta["label"] = label
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
