"""Shared measuring helpers for benchmarks/: run a subprocess with a time limit and measure it.

`run` returns the exit code, the wall time, the peak resident set size of that one child (from
``os.wait4``, so it is per run, unlike ``getrusage(RUSAGE_CHILDREN)`` which is a running maximum over
every child of this process) and its output. On timeout the child's whole process group is killed.
"""

from __future__ import annotations

import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Mapping, Sequence

REPO = Path(__file__).resolve().parent.parent
VENV_PYTHON = REPO / ".venv" / "bin" / "python"


_RUNNING: set[int] = set()  # process groups of the children being waited for


def kill_running() -> None:
    """Kill the children that `run` is waiting for (for a signal handler)."""
    for pid in list(_RUNNING):
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@dataclass(frozen=True)
class Run:
    cmd: tuple[str, ...]
    returncode: int  # -9 (or another negative signal number) when killed
    wall: float  # seconds
    peak_rss_kb: int  # maximum resident set size of the child, KiB
    stdout: str
    stderr: str
    timed_out: bool
    tree_rss_kb: int = 0  # peak of the summed RSS of the whole process group (sampled), 0 when not sampled

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out


def python() -> str:
    """The interpreter of the project's venv (falls back to the running one)."""
    return str(VENV_PYTHON) if VENV_PYTHON.exists() else sys.executable


def run(
    cmd: Sequence[str],
    *,
    timeout: float,
    cwd: Path | str | None = None,
    env: Mapping[str, str] | None = None,
    extra_env: Mapping[str, str] | None = None,
    sample_tree: bool = False,
) -> Run:
    """Run `cmd`, wait at most `timeout` seconds, and measure it.

    With `sample_tree`, the summed RSS of its process group (it and every worker process it starts)
    is also sampled every 50 ms: `peak_rss_kb` is only the largest single process."""
    full_env = dict(os.environ if env is None else env)
    if extra_env:
        full_env.update(extra_env)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            cwd=cwd,
            env=full_env,
            start_new_session=True,  # its own process group, so a timeout kills its children too
        )
        expired = threading.Event()

        def kill() -> None:
            expired.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(max(timeout, 0.0), kill)
        timer.daemon = True
        timer.start()
        sampled = [0]
        done = threading.Event()
        sampler = threading.Thread(target=_sample_group, args=(proc.pid, done, sampled), daemon=True) if sample_tree else None
        if sampler is not None:
            sampler.start()
        _RUNNING.add(proc.pid)
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
            done.set()
            _RUNNING.discard(proc.pid)
        if sampler is not None:
            sampler.join()
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen from waiting again
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    return Run(tuple(cmd), proc.returncode, wall, int(usage.ru_maxrss), stdout, stderr, expired.is_set(), sampled[0])


def _sample_group(pgid: int, done: threading.Event, peak: list[int]) -> None:
    page_kb = os.sysconf("SC_PAGE_SIZE") // 1024
    while not done.wait(0.05):
        total = 0
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat", "rb") as stream:
                    fields = stream.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            # fields[0] is the state (field 3); pgrp is field 5, rss (pages) field 24
            if int(fields[2]) == pgid:
                total += int(fields[21]) * page_kb
        peak[0] = max(peak[0], total)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def first_line(text: str, limit: int = 240) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= limit else line[: limit - 1] + "…"
    return ""


def clip(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) // (1024 * 1024)} GiB"
                break
    except OSError:
        pass
    version = subprocess.run([python(), "-c", "import sys; print(sys.version.split()[0])"], capture_output=True, text=True).stdout.strip()
    return {
        "nproc": str(os.cpu_count() or "?"),
        "cpu": cpu or platform.processor() or "?",
        "memory": mem or "?",
        "python": version or platform.python_version(),
        "platform": platform.platform(),
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git_commit(),
    }


def git_commit() -> str:
    done = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return done.stdout.strip() or "?"
