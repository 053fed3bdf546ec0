"""Writes SERVERS.md from the results the real-server suite recorded (`.servers/results/*.json`):
`make test-servers` runs it after the suite. A server whose results are missing is listed as not run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.servers.scenario import RESULTS

ROOT = Path(__file__).resolve().parent.parent.parent
ORDER = ("jupyter_server", "httpbin", "loopback_todo", "kinto", "prefect", "airflow")


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _result(steps: dict[str, dict[str, str]]) -> str:
    ran = [(step, mode, outcome) for step, modes in steps.items() for mode, outcome in modes.items() if not outcome.startswith("n/a")]
    failed = [f"{step} ({mode})" for step, mode, outcome in ran if outcome != "pass"]
    if failed:
        return "FAIL: " + ", ".join(failed)
    return f"pass ({len(ran) // 2} steps x sync, async)" if ran else "not run"


def render(results: dict[str, dict[str, object]]) -> str:
    lines = [
        "# Real servers",
        "",
        "Generated clients driven against real servers that someone else wrote: each installed from its",
        "registry by the suite itself (`tests/servers/`), started on 127.0.0.1 with a bounded life, and",
        "generated from the OpenAPI document it publishes by clientsmith installed from its wheel. Every",
        "scenario runs twice, through the sync and the async client. `make test-servers` runs all of them",
        f"and writes this file; `make test` runs a fixed fast subset. Written at commit {_commit()}.",
        "",
        "| server | version | document | operations | scenario steps | result |",
        "|---|---|---|---|---|---|",
    ]
    names = [name for name in ORDER if name in results] + sorted(set(results) - set(ORDER))
    for name in names:
        data = results[name]
        steps: dict[str, dict[str, str]] = data["steps"]  # type: ignore[assignment]
        shown = ", ".join(step if all(outcome == "pass" for outcome in modes.values()) else f"{step} ({next(iter(modes.values()))})" for step, modes in steps.items())
        lines.append(f"| {name} | {data['version']} | {data['openapi']}, {data['document']} | {data['operations']} | {shown} | {_result(steps)} |")
    for name in ORDER:
        if name not in results:
            lines.append(f"| {name} | | | | | not run in this run |")
    lines += ["", "## Drift found between each server and its document", ""]
    lines.append("Each line was seen in the run: a status the document does not list for the operation, or a")
    lines.append("value the client read leniently (kept as the server sent it, logged once per operation and field).")
    for name in names:
        data = results[name]
        lines += ["", f"### {name}", ""]
        notes: list[str] = data.get("notes", [])  # type: ignore[assignment]
        for note in notes:
            lines.append(f"- Note: {note}")
        drifts: list[str] = data["drifts"]  # type: ignore[assignment]
        lines += [f"- {drift}" for drift in drifts] or ["- none seen"]
    return "\n".join(lines) + "\n"


def main() -> int:
    results = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(RESULTS.glob("*.json"))}
    if not results:
        print(f"no results in {RESULTS}: run `make test-servers` first", file=sys.stderr)
        return 1
    (ROOT / "SERVERS.md").write_text(render(results), encoding="utf-8")
    print(f"SERVERS.md: {len(results)} server(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
