"""Speed and memory of clientsmith versus openapi-python-client (issue 7): `make bench`.

    .venv/bin/python benchmarks/bench.py [--runs N] [--gen-runs N] [--calls N] [--no-peer]
                                         [--spec FILE] [--write FILE] [--keep]

Measures, in one run and side by side where the peer has an equivalent:
  cold generation of the GitHub spec (fresh output, empty caches; the peer with its default post
  hooks, which run ruff, and without them), wall time and peak RSS;
  regeneration when nothing changed (same output folder, warm cache) and `check` when nothing changed;
  regeneration after a one-line change to the spec (an operation summary);
  `check` of this repository's configured providers (the pre-commit path);
  import time of the generated GitHub client and client construction (fresh interpreter);
  decoding a 100-repository response of `GET /user/repos` through each generated client;
  output size; and how clientsmith's cold generation time grows with spec size over corpus specs.
Every measurement is repeated (medians reported; ratios are taken run by run, then the median).
Prints a table and writes BENCHMARKS.md. Exits 0 even when a generator fails or the peer cannot be
installed: those are results ("failed: ...", "peer unavailable"), not errors of the benchmark.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

import measure
import peer as peer_module
from measure import REPO, Run, clip, first_line, median

HERE = Path(__file__).resolve().parent
CLIENTBENCH = HERE / "_clientbench.py"
GITHUB_SPEC = Path("/work/shared/bench/api.github.com.json")
CORPUS = Path("/work/shared/corpus/apis-guru")
# Corpus specs of increasing size for the growth table (operations), then the GitHub spec (1223).
SCALING_SPECS = (
    "1forge.com.json",  # 2
    "amazonaws.com__codeguru-reviewer.json",  # 14
    "vestorly.com.json",  # 51
    "twilio.com__twilio_conversations_v1.json",  # 101
    "webflow.com.json",  # 119
)
EDIT_OPERATION = ("/orgs/{org}/repos", "get")
TIMEOUT = 1800.0
DIRECTORY_TIMEOUT = 600.0  # one document of the `directory` part, per tool
DIRECTORY_TARGET = 0.5  # issue 24: the 150 documents' total at most half the peer's


@dataclass
class Metric:
    """One line of the results: samples for clientsmith and, if comparable, for the peer."""

    key: str
    label: str
    unit: str  # "s", "MB", "calls/s", "files", ...
    ours: list[float] = field(default_factory=list)
    peer: list[float] = field(default_factory=list)
    ours_note: str = ""
    peer_note: str = ""
    higher_is_better: bool = False
    pair_ratios: list[float] = field(default_factory=list)

    def add(self, ours: float | None, peer: float | None) -> None:
        if ours is not None:
            self.ours.append(ours)
        if peer is not None:
            self.peer.append(peer)
        if ours is not None and peer is not None and peer > 0:
            self.pair_ratios.append(ours / peer)

    @property
    def ratio(self) -> float | None:
        return median(self.pair_ratios) if self.pair_ratios else None

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "unit": self.unit,
            "ours": [round(v, 4) for v in self.ours],
            "peer": [round(v, 4) for v in self.peer],
            "ours_median": _round(median(self.ours)) if self.ours else None,
            "peer_median": _round(median(self.peer)) if self.peer else None,
            "ratio": _round(self.ratio) if self.ratio is not None else None,
            "ours_note": self.ours_note,
            "peer_note": self.peer_note,
            "pair_ratios": [round(v, 4) for v in self.pair_ratios],
            "higher_is_better": self.higher_is_better,
        }

    @classmethod
    def from_json(cls, key: str, data: dict[str, Any]) -> Metric:
        return cls(
            key, data["label"], data["unit"], list(data["ours"]), list(data["peer"]), data["ours_note"], data["peer_note"],
            bool(data.get("higher_is_better")),
            # saved pairs as they were (none when the two were not measured in pairs); older files: paired by position
            list(data["pair_ratios"]) if "pair_ratios" in data else ([o / p for o, p in zip(data["ours"], data["peer"]) if p] if len(data["ours"]) == len(data["peer"]) else []),
        )  # fmt: skip


def _round(value: float) -> float:
    return round(value, 4 if abs(value) < 10 else 1)


@dataclass
class Target:
    text: str
    metric: str
    check: Callable[[Metric], bool | None]  # None: cannot tell
    shown: Callable[[Metric], str]


class Bench:
    def __init__(self, args: argparse.Namespace, tmp: Path) -> None:
        self.args = args
        self.tmp = tmp
        self.metrics: dict[str, Metric] = {}
        self.fresh: set[str] = set()
        self.notes: list[str] = []
        self.peer: peer_module.Peer | None = None
        self.peer_status = "not run (--no-peer)"
        self.ours_package: Path | None = None  # the generated GitHub package
        self.peer_package: Path | None = None
        self.scaling: list[dict[str, Any]] = []
        self.directory: list[dict[str, Any]] = []  # the `directory` part: one row per corpus document
        self.ours_cache = tmp / "cache-0"
        self.spec_ops = 0
        self.payload_bytes = 0
        self.commands: list[str] = []
        self.saved: dict[str, Any] = {}  # with --merge: the metrics as bench.json held them (kept as they were)

    # ------------------------------------------------------------------ helpers

    def metric(self, key: str, label: str, unit: str, higher_is_better: bool = False) -> Metric:
        if key not in self.fresh:  # measured in this run: replaces what --merge loaded
            self.fresh.add(key)
            self.metrics[key] = Metric(key, label, unit, higher_is_better=higher_is_better)
        return self.metrics[key]

    def log(self, text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    def ours_generate(self, spec: Path, out: Path, cache: Path, package: str = "github") -> Run:
        return measure.run(self._ours_cmd(spec, out, package), timeout=TIMEOUT, cwd=REPO, env=self._ours_env(cache), sample_tree=True)

    def peer_generate(self, spec: Path, out: Path, hooks: bool = True) -> Run | None:
        if self.peer is None:
            return None
        config = None
        if not hooks:
            config = self.tmp / "peer-no-hooks.yaml"
            config.write_text("post_hooks: []\n")
        return measure.run(self.peer.generate_cmd(spec, out, config), timeout=TIMEOUT, cwd=self.tmp, env=self.peer.env(), sample_tree=True)

    @staticmethod
    def failure(run: Run | None) -> str:
        if run is None:
            return ""
        if run.timed_out:
            return f"timed out after {run.wall:.0f} s"
        if run.returncode != 0:
            lines = [line for line in run.stderr.splitlines() if line.startswith("error:")]
            return f"exit {run.returncode}: {clip(lines[0] if lines else first_line(run.stderr) or first_line(run.stdout), 200)}"
        return ""

    def sample(self, m: Metric, ours: Run | None, peer: Run | None, value: Callable[[Run], float]) -> None:
        ours_failed, peer_failed = self.failure(ours), self.failure(peer)
        if ours_failed:
            m.ours_note = ours_failed
        if peer_failed:
            m.peer_note = peer_failed
        m.add(value(ours) if ours is not None and not ours_failed else None, value(peer) if peer is not None and not peer_failed else None)

    # ------------------------------------------------------------------ the measurements

    def setup_peer(self) -> None:
        if self.args.no_peer:
            return
        try:
            self.peer = peer_module.ensure()
            self.peer_status = f"openapi-python-client {peer_module.version(self.peer)} (benchmarks/.peer-venv, ruff installed for its default post hooks)"
        except peer_module.PeerUnavailable as exc:
            self.peer = None
            self.peer_status = f"peer unavailable: {exc}"
            self.log(self.peer_status)

    def cold(self) -> None:
        spec = self.args.spec
        wall = self.metric("cold", "cold generation of GitHub (wall)", "s")
        rss = self.metric("cold_rss", "cold generation of GitHub (peak RSS, all its processes together)", "MB")
        single = self.metric("cold_rss_single", "cold generation of GitHub (peak RSS, largest single process)", "MB")
        bare = self.metric("cold_no_hooks", "cold generation, peer without post hooks (wall)", "s")
        for i in range(self.args.cold_runs):
            out = self.tmp / f"ours-cold-{i}"
            shutil.rmtree(out, ignore_errors=True)
            cache = self.tmp / f"cache-{i}"
            shutil.rmtree(cache, ignore_errors=True)
            self.log(f"cold {i + 1}/{self.args.cold_runs}: clientsmith ...")
            ours = self.ours_generate(spec, out, cache)
            self.log(f"  {ours.wall:.1f} s, {ours.tree_rss_kb / 1024:.0f} MB (largest process {ours.peak_rss_kb / 1024:.0f} MB), exit {ours.returncode}")
            if ours.ok and self.ours_package is None:
                self.ours_package = out / "github"
                self.ours_cache = cache
            if not ours.ok and i == 0:
                self.notes.append(f"clientsmith failed on the GitHub spec: {self.failure(ours)}")
            peer_run = None
            if self.peer is not None:
                self.log(f"cold {i + 1}/{self.args.cold_runs}: openapi-python-client ...")
                project = self.tmp / f"peer-cold-{i}"
                shutil.rmtree(project, ignore_errors=True)
                peer_run = self.peer_generate(spec, project)
                assert peer_run is not None
                self.log(f"  {peer_run.wall:.1f} s, {peer_run.tree_rss_kb / 1024:.0f} MB (largest process {peer_run.peak_rss_kb / 1024:.0f} MB), exit {peer_run.returncode}")
                if peer_run.ok and self.peer_package is None:
                    self.peer_package = peer_module.find_package(project)
                if self.peer_package is None and i == 0:
                    self.notes.append(f"openapi-python-client on the GitHub spec: {self.failure(peer_run) or 'no package written'}")
                self.log(f"cold {i + 1}/{self.args.cold_runs}: openapi-python-client without post hooks ...")
                project = self.tmp / f"peer-cold-nohooks-{i}"
                shutil.rmtree(project, ignore_errors=True)
                nohooks = self.peer_generate(spec, project, hooks=False)
                assert nohooks is not None
                self.log(f"  {nohooks.wall:.1f} s, exit {nohooks.returncode}")
                self.sample(bare, ours, nohooks, lambda r: r.wall)
                shutil.rmtree(project, ignore_errors=True)
            self.sample(wall, ours, peer_run, lambda r: r.wall)
            self.sample(rss, ours, peer_run, lambda r: r.tree_rss_kb / 1024)
            self.sample(single, ours, peer_run, lambda r: r.peak_rss_kb / 1024)
            if i > 0:  # keep only the first outputs
                shutil.rmtree(out, ignore_errors=True)
                shutil.rmtree(self.tmp / f"peer-cold-{i}", ignore_errors=True)

    def black(self) -> None:
        """Is the cold output what black itself would write? (ruff formats; black is the reference.)"""
        if self.ours_package is None:
            return
        self.log("black --check over clientsmith's GitHub package ...")
        cmd = [measure.python(), "-m", "black", "--check", "--line-length", "100", "--target-version", "py311", str(self.ours_package)]
        run = measure.run(cmd, timeout=TIMEOUT * 4, cwd=REPO, extra_env={"BLACK_CACHE_DIR": str(self.tmp / "black-cache")})
        files = sum(1 for _ in self.ours_package.rglob("*.py"))
        if run.timed_out:
            verdict = f"did not finish in {run.wall:.0f} s"
        elif run.returncode == 0:
            verdict = f"all {files} Python files are already black-formatted (black {_version('black')}, empty black cache; {run.wall:.0f} s)"
        else:
            changed = [line.split()[-1] for line in run.stderr.splitlines() if line.startswith("would reformat")]
            verdict = f"black would reformat {len(changed)} of {files} Python files (exit {run.returncode}): {', '.join(Path(name).name for name in changed[:5])}"
        self.notes.append(f"black --check on clientsmith's cold GitHub output: {verdict}.")

    def noop(self) -> None:
        spec = self.args.spec
        m = self.metric("noop_regen", "regeneration, nothing changed (wall)", "s")
        if self.ours_package is None:
            m.ours_note = "no GitHub package (generation failed)"
        peer_project = self.peer_package.parent if self.peer_package is not None else None
        for i in range(self.args.gen_runs):
            self.log(f"no-op regeneration {i + 1}/{self.args.gen_runs} ...")
            ours = self.ours_generate(spec, self.ours_package.parent, self.ours_cache) if self.ours_package is not None else None
            peer_run = self.peer_generate(spec, peer_project) if peer_project is not None else None
            if ours is not None and ours.ok and "0 written" not in ours.stdout:
                m.ours_note = f"wrote files although nothing changed: {first_line(ours.stdout)}"
            self.sample(m, ours, peer_run, lambda r: r.wall)
        if peer_project is not None:
            m.peer_note = m.peer_note or "the peer has no incremental mode: a full regeneration with --overwrite"
        self.project_check()

    def project_check(self) -> None:
        """`check` of the GitHub client through a temporary pyproject.toml (clientsmith only)."""
        m = self.metric("noop_check", "check of GitHub, nothing changed (wall)", "s")
        m.peer_note = "no equivalent"
        if self.ours_package is None:
            m.ours_note = "no GitHub package (generation failed)"
            return
        project = self.tmp / "project"
        shutil.rmtree(project, ignore_errors=True)
        project.mkdir()
        pyproject = project / "pyproject.toml"
        pyproject.write_text(
            "[tool.clientsmith]\n"
            'output = "generated"\n'
            f"templates = {json.dumps(str(REPO / 'templates'))}\n\n"
            "[tool.clientsmith.providers.github]\n"
            f"spec = {json.dumps(str(self.args.spec))}\n"
        )
        env = {"CLIENTSMITH_CACHE_DIR": str(self.ours_cache)}
        # Run from the project's folder, as a user does: the installed module (`clientsmith`), not this
        # repository's source folder (`generator`, importable only from the repository's root).
        generated = measure.run([measure.python(), "-m", "clientsmith", "generate", "--config", str(pyproject)], timeout=TIMEOUT, cwd=project, extra_env=env)
        if not generated.ok:
            m.ours_note = f"generate --config failed: {self.failure(generated)}"
            return
        for i in range(self.args.gen_runs):
            self.log(f"no-op check {i + 1}/{self.args.gen_runs} ...")
            run = measure.run([measure.python(), "-m", "clientsmith", "check", "--config", str(pyproject)], timeout=TIMEOUT, cwd=project, extra_env=env)
            if run.returncode == 1 and not run.timed_out:
                m.ours_note = f"check reported drift right after generate: {first_line(run.stderr) or first_line(run.stdout)}"
            self.sample(m, run, None, lambda r: r.wall)

    def edit(self) -> None:
        m = self.metric("edit_regen", "regeneration after a one-line spec change (wall)", "s")
        if self.ours_package is None:
            m.ours_note = "no GitHub package (generation failed)"
        document = json.loads(self.args.spec.read_text(encoding="utf-8"))
        route, method = EDIT_OPERATION
        original = document["paths"][route][method].get("summary", "")
        peer_project = self.peer_package.parent if self.peer_package is not None else None
        for i in range(self.args.gen_runs):
            self.log(f"regeneration after a one-line change {i + 1}/{self.args.gen_runs} ...")
            edited = copy.copy(document)
            edited["paths"] = dict(document["paths"])
            edited["paths"][route] = dict(document["paths"][route])
            edited["paths"][route][method] = dict(document["paths"][route][method], summary=f"{original} (edit {i + 1})")
            spec = self.tmp / "api.github.com.json"  # same file name as the original: only the summary differs
            spec.write_text(json.dumps(edited, indent=2, ensure_ascii=False), encoding="utf-8")
            ours = self.ours_generate(spec, self.ours_package.parent, self.ours_cache) if self.ours_package is not None else None
            peer_run = self.peer_generate(spec, peer_project) if peer_project is not None else None
            self.sample(m, ours, peer_run, lambda r: r.wall)
            if ours is not None and ours.ok:
                m.ours_note = f"last run: {first_line(ours.stdout)}"
        # put the original back so later measurements see the spec's own client
        if self.ours_package is not None:
            self.ours_generate(self.args.spec, self.ours_package.parent, self.ours_cache)
        if peer_project is not None:
            self.peer_generate(self.args.spec, peer_project)
            self.peer_package = peer_module.find_package(peer_project)

    def providers_check(self) -> None:
        m = self.metric("providers_check", "check of this repo's providers (pre-commit path, wall)", "s")
        m.peer_note = "no equivalent"
        cmd = [measure.python(), "-m", "generator", "check"]
        warm = measure.run(cmd, timeout=TIMEOUT, cwd=REPO)  # warm-up: fills the user's formatting cache
        if warm.returncode not in (0, 1):
            m.ours_note = self.failure(warm)
            return
        for i in range(self.args.runs):
            run = measure.run(cmd, timeout=TIMEOUT, cwd=REPO)
            if run.returncode == 1:
                said = [line for line in (run.stderr + run.stdout).splitlines() if line.strip() and ": warning: " not in line]
                m.ours_note = f"check exited 1 (drift in generated/?): {clip(said[0] if said else '', 120)}; timed anyway"
                m.add(run.wall, None)
            else:
                self.sample(m, run, None, lambda r: r.wall)
        self.log(f"providers check: median {median(m.ours):.2f} s")

    def client_run(self, python: str, mode: str, package: Path, kind: str, *extra: str) -> tuple[dict[str, Any] | None, str]:
        env = dict(os.environ)
        env.pop("PYTHONPATH", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as for a user: the first import writes .pyc files
        run = measure.run([python, str(CLIENTBENCH), mode, str(package.parent), package.name, kind, *extra], timeout=600, cwd=self.tmp, env=env)
        if not run.ok:
            lines = [line for line in run.stderr.splitlines() if line.strip()]
            return None, f"failed: {clip(lines[-1] if lines else self.failure(run), 200)}"
        return json.loads(run.stdout.strip().splitlines()[-1]), ""

    def imports(self) -> None:
        m = self.metric("import", "import client package + construct Client (fresh interpreter)", "s")
        construct = self.metric("construct", "construct Client", "s")
        everything = self.metric("import_all", "import every resource/api module as well", "s")
        first = self.metric("import_first", "import + construct, first run (no .pyc yet)", "s")
        # Both packages in one interpreter (the peer's, which has what each needs): the same httpx,
        # whose import is most of either figure, and the same site-packages.
        python = self.peer.python if self.peer is not None else measure.python()
        kinds: list[tuple[str, Path | None, str]] = [("ours", self.ours_package, python)]
        kinds.append(("peer", self.peer_package, python if self.peer is not None else ""))
        for kind, package, python in kinds:
            if package is None:
                continue
            for cached in package.rglob("__pycache__"):
                shutil.rmtree(cached, ignore_errors=True)
            result, problem = self.client_run(python, "import", package, kind)
            if result is not None:
                first.add(result["import_and_construct"] if kind == "ours" else None, result["import_and_construct"] if kind == "peer" else None)
        for i in range(self.args.runs):
            row: dict[str, dict[str, Any] | None] = {}
            for kind, package, python in kinds:
                if package is None:
                    row[kind] = None
                    continue
                result, problem = self.client_run(python, "import", package, kind)
                row[kind] = result
                if problem:
                    for metric in (m, construct, everything):
                        if kind == "ours":
                            metric.ours_note = problem
                        else:
                            metric.peer_note = problem
            ours, theirs = row.get("ours"), row.get("peer")
            m.add(ours["import_and_construct"] if ours else None, theirs["import_and_construct"] if theirs else None)
            construct.add(ours["construct"] if ours else None, theirs["construct"] if theirs else None)
            everything.add(ours["total"] if ours else None, theirs["total"] if theirs else None)
            if ours:
                everything.ours_note = f"{ours['resource_modules']} resource modules, {ours['failed_modules']} fail to import" + (f" ({clip(ours['first_failure'], 160)})" if ours["first_failure"] else "")
            if theirs:
                everything.peer_note = f"{theirs['resource_modules']} api modules, {theirs['failed_modules']} fail to import" + (f" ({clip(theirs['first_failure'], 160)})" if theirs["first_failure"] else "")
        if self.ours_package is None:
            m.ours_note = "no GitHub package (generation failed)"

    def payload(self) -> Path:
        """100 full repositories for `GET /user/repos` (`repository` schema), see `_full_repositories`."""
        document = json.loads(self.args.spec.read_text(encoding="utf-8"))
        path = self.tmp / "repos-100.json"
        path.write_text(json.dumps(_full_repositories(document)), encoding="utf-8")
        self.payload_bytes = path.stat().st_size
        return path

    def decoding(self) -> None:
        calls = self.metric("decode_calls", "list 100 repositories through the client (calls/s)", "calls/s", higher_is_better=True)
        decoded = self.metric("decode_bytes", "decode a received 100-repository response (responses/s)", "responses/s", higher_is_better=True)
        cpu = self.metric("decode_bytes_cpu", "decode a received 100-repository response, CPU time (responses/s)", "responses/s", higher_is_better=True)
        floor = self.metric("decode_parse_only", "only parse the 100-repository JSON into dicts (pydantic-core's parser, no models): the ceiling of any pydantic decoding (responses/s)", "responses/s", higher_is_better=True)
        self.metrics.pop("decode_dicts", None)  # replaced by decode_bytes (the clients no longer share a dicts stage)
        payload = self.payload()
        n = str(self.args.calls)
        if self.peer_package is not None and self.peer is not None:
            _, problem = self.client_run(self.peer.python, "decode", self.peer_package, "peer", str(payload), "1")
            if problem:
                self.notes.append(
                    f"openapi-python-client's GitHub client cannot decode `GET /user/repos` ({problem}); the decoding "
                    "comparison with it is therefore made on `GET /orgs/{org}/members` (100 `SimpleUser`s built from the spec's example)."
                )
                self.decode_members()
            else:
                for key in ("decode_members_calls", "decode_members_dicts"):
                    self.metrics.pop(key, None)
        for i in range(self.args.runs):
            self.log(f"decoding {i + 1}/{self.args.runs} ...")
            ours: dict[str, Any] | None = None
            theirs: dict[str, Any] | None = None
            if self.ours_package is not None:
                ours, problem = self.client_run(measure.python(), "decode", self.ours_package, "ours", str(payload), n)
                if problem:
                    calls.ours_note = decoded.ours_note = problem
            if self.peer_package is not None and self.peer is not None:
                theirs, problem = self.client_run(self.peer.python, "decode", self.peer_package, "peer", str(payload), n)
                if problem:
                    calls.peer_note = decoded.peer_note = problem
            calls.add(1 / ours["call_seconds"] if ours else None, 1 / theirs["call_seconds"] if theirs else None)
            decoded.add(1 / ours["from_bytes_seconds"] if ours else None, 1 / theirs["from_bytes_seconds"] if theirs else None)
            cpu.add(1 / ours["from_bytes_cpu_seconds"] if ours else None, 1 / theirs["from_bytes_cpu_seconds"] if theirs else None)
            floor.add(1 / ours["parse_only_seconds"] if ours else None, 1 / theirs["from_bytes_seconds"] if theirs else None)
            if ours:
                calls.ours_note = f"{ours['objects']} x {ours['type']}"
            if theirs:
                calls.peer_note = f"{theirs['objects']} x {theirs['type']}"
        floor.ours_note = "pydantic_core.from_json of the payload, no models"
        floor.peer_note = "its whole decoding (the line above): the ratio is the most any pydantic-based decoding could reach"
        if self.ours_package is None:
            calls.ours_note = "no GitHub package (generation failed)"

    def decode_members(self) -> None:
        calls = self.metric("decode_members_calls", "list 100 members (SimpleUser) through the client (calls/s)", "calls/s", higher_is_better=True)
        dicts = self.metric("decode_members_dicts", "decode a received 100-member response (responses/s)", "responses/s", higher_is_better=True)
        document = json.loads(self.args.spec.read_text(encoding="utf-8"))
        template = document["components"]["examples"]["simple-user-items"]["value"][0]
        items = []
        for i in range(100):
            item = copy.deepcopy(template)
            item["id"] = 1000 + i
            item["login"] = f"user-{i}"
            item["node_id"] = f"MDQ6VXNlcj{i:06d}"
            items.append(item)
        payload = self.tmp / "members-100.json"
        payload.write_text(json.dumps(items), encoding="utf-8")
        extra = ("/orgs/{org}/members", "orgs.list_members", "SimpleUser")
        for i in range(self.args.runs):
            self.log(f"decoding members {i + 1}/{self.args.runs} ...")
            ours: dict[str, Any] | None = None
            theirs: dict[str, Any] | None = None
            if self.ours_package is not None:
                ours, problem = self.client_run(measure.python(), "decode", self.ours_package, "ours", str(payload), str(self.args.calls), *extra)
                if problem:
                    calls.ours_note = dicts.ours_note = problem
            if self.peer_package is not None and self.peer is not None:
                theirs, problem = self.client_run(self.peer.python, "decode", self.peer_package, "peer", str(payload), str(self.args.calls), *extra)
                if problem:
                    calls.peer_note = dicts.peer_note = problem
            calls.add(1 / ours["call_seconds"] if ours else None, 1 / theirs["call_seconds"] if theirs else None)
            dicts.add(1 / ours["from_bytes_seconds"] if ours else None, 1 / theirs["from_bytes_seconds"] if theirs else None)
            if ours:
                calls.ours_note = f"{ours['objects']} x {ours['type']}"
            if theirs:
                calls.peer_note = f"{theirs['objects']} x {theirs['type']}"

    def sizes(self) -> None:
        def measure_tree(root: Path, skip: tuple[str, ...] = ()) -> tuple[int, int]:
            files = [p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts and not any(s in p.parts for s in skip)]
            return len(files), sum(p.stat().st_size for p in files)

        files = self.metric("files", "output files", "files")
        size = self.metric("bytes", "output size", "MB")
        ours_files = ours_bytes = peer_files = peer_bytes = None
        if self.ours_package is not None:
            ours_files, count = measure_tree(self.ours_package)
            ours_bytes = count / 1e6
            tests = self.ours_package / "tests"
            if tests.is_dir():
                t_files, t_bytes = measure_tree(tests)
                files.ours_note = size.ours_note = f"of which tests/: {t_files} files, {t_bytes / 1e6:.1f} MB"
        if self.peer_package is not None:
            peer_files, count = measure_tree(self.peer_package.parent, (".ruff_cache",))
            peer_bytes = count / 1e6
            files.peer_note = size.peer_note = "whole project folder (package, pyproject.toml, README)"
        files.add(ours_files, peer_files)
        size.add(ours_bytes, peer_bytes)

    def growth(self) -> None:
        specs = [CORPUS / name for name in self.args.scaling] + [self.args.spec]
        import corpus

        for spec in specs:
            if not spec.exists():
                self.scaling.append({"spec": spec.name, "error": "missing"})
                continue
            operations, _ = corpus.spec_operations(spec)
            row: dict[str, Any] = {"spec": spec.name, "operations": len(operations), "kb": round(spec.stat().st_size / 1024)}
            if spec == self.args.spec:
                cold = self.metrics.get("cold")
                row["ours"] = median(cold.ours) if cold and cold.ours else None
                row["peer"] = median(cold.peer) if cold and cold.peer else None
                row["ours_error"] = cold.ours_note if cold else ""
                self.scaling.append(row)
                continue
            self.log(f"growth: {spec.name} ({len(operations)} operations) ...")
            ours_times: list[float] = []
            peer_times: list[float] = []
            # the first (smallest) document: start-up, the time before the first byte is read
            small = self.metric("small", f"cold generation of the smallest document ({spec.name}, {len(operations)} operations)", "s") if spec == specs[0] else None
            for i in range(self.args.gen_runs):
                out = self.tmp / "growth-ours"
                cache = self.tmp / "growth-cache"
                shutil.rmtree(out, ignore_errors=True)
                shutil.rmtree(cache, ignore_errors=True)
                ours = self.ours_generate(spec, out, cache, package="client")
                if ours.ok:
                    ours_times.append(ours.wall)
                else:
                    row["ours_error"] = self.failure(ours)
                if self.peer is not None:
                    project = self.tmp / "growth-peer"
                    shutil.rmtree(project, ignore_errors=True)
                    theirs = self.peer_generate(spec, project)
                    if theirs is not None and theirs.ok:
                        peer_times.append(theirs.wall)
                    elif theirs is not None:
                        row["peer_error"] = self.failure(theirs)
                if small is not None:
                    small.add(ours.wall if ours.ok else None, theirs.wall if self.peer is not None and theirs is not None and theirs.ok else None)
            row["ours"] = median(ours_times) if ours_times else None
            row["peer"] = median(peer_times) if peer_times else None
            self.scaling.append(row)

    def directory_part(self) -> None:
        """Every document of the APIs.guru corpus generated cold once by each tool, alternating."""
        total = self.metric("directory_total", f"cold generation of every {CORPUS.name} document, total (wall)", "s")
        common = self.metric("directory_common", f"cold generation of the {CORPUS.name} documents both tools generate, total (wall)", "s")
        specs = sorted(CORPUS.glob("*.json")) + sorted(CORPUS.glob("*.yaml")) if CORPUS.is_dir() else []
        if not specs:
            total.ours_note = common.ours_note = f"skipped: {CORPUS} not found (the shared corpus is absent)"
            self.directory = []
            return
        if self.peer is None:
            total.peer_note = common.peer_note = self.peer_status
        import corpus

        # Untimed warm-up: each tool's .pyc (and clientsmith's compiled templates) as after one use.
        self.ours_generate(specs[0], self.tmp / "directory-ours", self.tmp / "directory-cache", package="client")
        self.peer_generate(specs[0], self.tmp / "directory-peer")
        rows: list[dict[str, Any]] = []
        for i, spec in enumerate(specs):
            operations, _ = corpus.spec_operations(spec)
            row: dict[str, Any] = {"spec": spec.name, "operations": len(operations), "kb": round(spec.stat().st_size / 1024)}
            self.log(f"directory {i + 1}/{len(specs)}: {spec.name} ({len(operations)} operations) ...")
            # Which tool runs first alternates from document to document (page cache, machine drift).
            order = ("ours", "peer") if i % 2 == 0 else ("peer", "ours")
            for tool in order:
                if tool == "peer" and self.peer is None:
                    continue
                out = self.tmp / f"directory-{tool}"
                shutil.rmtree(out, ignore_errors=True)
                if tool == "ours":
                    cache = self.tmp / "directory-cache"
                    shutil.rmtree(cache, ignore_errors=True)
                    run = measure.run(self._ours_cmd(spec, out), timeout=DIRECTORY_TIMEOUT, cwd=REPO, env=self._ours_env(cache))
                else:
                    assert self.peer is not None
                    run = measure.run(self.peer.generate_cmd(spec, out), timeout=DIRECTORY_TIMEOUT, cwd=self.tmp, env=self.peer.env())
                row[tool] = run.wall
                failed = self.failure(run) or (tool == "peer" and peer_module.find_package(out) is None and "no package written") or ""
                if failed:
                    row[f"{tool}_error"] = failed
            self.log(f"  ours {row['ours']:.2f} s{' (failed)' if 'ours_error' in row else ''}" + (f", peer {row['peer']:.2f} s{' (failed)' if 'peer_error' in row else ''}" if "peer" in row else ""))
            rows.append(row)
        shutil.rmtree(self.tmp / "directory-ours", ignore_errors=True)
        shutil.rmtree(self.tmp / "directory-peer", ignore_errors=True)
        self.directory = rows
        ours_failed = sum(1 for row in rows if "ours_error" in row)
        peer_failed = sum(1 for row in rows if "peer_error" in row)
        both = [row for row in rows if "peer" in row and "ours_error" not in row and "peer_error" not in row]
        has_peer = self.peer is not None
        total.add(sum(row["ours"] for row in rows), sum(row["peer"] for row in rows) if has_peer else None)
        common.add(sum(row["ours"] for row in both) if has_peer else None, sum(row["peer"] for row in both) if has_peer else None)
        total.ours_note = f"{len(rows)} documents, {ours_failed} failed (their time counted)"
        if has_peer:
            total.peer_note = f"{peer_failed} failed (their time counted)"
            common.ours_note = f"{len(both)} documents"

    def _ours_cmd(self, spec: Path, out: Path, package: str = "client") -> list[str]:
        return [measure.python(), "-m", "generator", "generate", str(spec), "--package", package, "--out", str(out)]

    @staticmethod
    def _ours_env(cache: Path) -> dict[str, str]:
        # As for a user (the peer's venv has its .pyc from pip): clientsmith's own .pyc and compiled
        # templates are written on first use; "cold" empties only CLIENTSMITH_CACHE_DIR (the output cache).
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["CLIENTSMITH_CACHE_DIR"] = str(cache)
        return env


# ---------------------------------------------------------------------------------------- report


def _full_repositories(document: dict[str, Any], count: int = 100) -> list[dict[str, Any]]:
    """`count` repositories as `GET /user/repos` answers: the spec's example with every property of
    the `repository` schema present (missing ones synthesized from the schema: its examples, enum
    values, formats), nested objects (owner, license, permissions, code_search_index_status) filled the
    same way, the example's extra keys (template_repository, network_count, ...) kept, and ids, names
    and every URL made distinct per repository, as in a real response."""
    schemas = document["components"]["schemas"]

    def resolve(schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = schemas[schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    def object_schema(schema: dict[str, Any]) -> dict[str, Any]:
        schema = resolve(schema)
        for key in ("anyOf", "oneOf"):
            for option in schema.get(key, []):
                if "properties" in resolve(option):
                    return resolve(option)
        return schema

    def synth(schema: dict[str, Any], depth: int) -> Any:
        schema = resolve(schema)
        for key in ("anyOf", "oneOf"):
            if key in schema:
                return synth([o for o in schema[key] if resolve(o).get("type") != "null"][0], depth)
        if "example" in schema and not isinstance(schema["example"], (dict, list)):
            return schema["example"]
        if schema.get("enum"):
            return [value for value in schema["enum"] if value is not None][0]
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = [k for k in kind if k != "null"][0]
        if kind == "object" or "properties" in schema:
            return fill({}, schema, depth + 1)
        if kind == "array":
            return [synth(schema.get("items", {}), depth + 1)] if depth < 6 else []
        if schema.get("format") == "date-time":
            return "2011-01-26T19:01:12Z"
        return {"integer": 42, "number": 1.5, "boolean": True}.get(str(kind), "text")

    def fill(value: dict[str, Any], schema: dict[str, Any], depth: int) -> dict[str, Any]:
        for name, prop in resolve(schema).get("properties", {}).items():
            if name not in value:
                value[name] = synth(prop, depth)
            elif isinstance(value[name], dict) and "properties" in object_schema(prop):
                fill(value[name], object_schema(prop), depth + 1)
        return value

    response = document["paths"]["/user/repos"]["get"]["responses"]["200"]["content"]["application/json"]
    example = next(iter(response["examples"].values()))
    if "$ref" in example:
        example = document["components"]["examples"][example["$ref"].rsplit("/", 1)[-1]]
    template = fill(copy.deepcopy(example["value"][0]), schemas["repository"], 0)
    items = []
    for i in range(count):
        text = json.dumps(template).replace("octocat/Hello-World", f"octocat/repo-{i}")
        item = json.loads(text)
        item.update(id=1296269 + i, name=f"repo-{i}", full_name=f"octocat/repo-{i}", node_id=f"MDEwOlJlcG9zaXRvcnk{i:06d}")
        item["description"] = f"Repository number {i}" if i % 3 else None
        item["stargazers_count"] = i * 7
        item["fork"] = i % 5 == 0
        items.append(item)
    return items


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit in ("files",):
        return f"{value:.0f}"
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB" if value >= 10 else f"{value:.1f} MB"
    return f"{value:,.1f} {unit}"


TARGETS = (
    Target("cold generation of GitHub, proof on <= 0.25 x peer's time (issue 24)", "cold", lambda m: None if m.ratio is None else m.ratio <= 0.25, lambda m: _ratio(m)),
    Target("smallest document (growth's first row) no slower than the peer (issue 24)", "small", lambda m: None if m.ratio is None else m.ratio <= 1.0, lambda m: _ratio(m)),
    Target("peak RSS (cold generation of GitHub) <= peer's (issue 24)", "cold_rss", lambda m: None if m.ratio is None else m.ratio <= 1.0, lambda m: _ratio(m)),
    Target("import + client construction <= peer's, one interpreter (issue 24)", "import", lambda m: None if m.ratio is None else m.ratio <= 1.0, lambda m: _ratio(m)),
    Target("no-op regeneration of GitHub <= 0.3 s (issue 24)", "noop_regen", lambda m: _le(m, 0.3), lambda m: _fmt(_med(m), "s")),
    Target("no-op check of GitHub <= 0.3 s (issue 24)", "noop_check", lambda m: _le(m, 0.3), lambda m: _fmt(_med(m), "s")),
    Target("check of the providers <= 0.3 s (issue 7)", "providers_check", lambda m: _le(m, 0.3), lambda m: _fmt(_med(m), "s")),
    Target("decoding >= 3 x peer's throughput (repositories) (issue 7)", "decode_calls", lambda m: None if m.ratio is None else m.ratio >= 3.0, lambda m: _ratio(m)),
    Target("decoding >= 3 x peer's throughput (received response only)", "decode_bytes", lambda m: None if m.ratio is None else m.ratio >= 3.0, lambda m: _ratio(m)),
    Target("decoding >= 3 x peer's throughput (received response only, CPU time)", "decode_bytes_cpu", lambda m: None if m.ratio is None else m.ratio >= 3.0, lambda m: _ratio(m)),
    Target("decoding >= 3 x peer's throughput (members; the peer cannot decode repositories)", "decode_members_calls", lambda m: None if m.ratio is None else m.ratio >= 3.0, lambda m: _ratio(m)),
    Target(f"150 APIs.guru documents: total <= {DIRECTORY_TARGET}x peer's (issue 24)", "directory_total", lambda m: None if m.ratio is None else m.ratio <= DIRECTORY_TARGET, lambda m: _ratio(m)),
)


def _med(m: Metric) -> float | None:
    return median(m.ours) if m.ours else None


def _le(m: Metric, limit: float) -> bool | None:
    value = _med(m)
    return None if value is None or m.ours_note.startswith(("exit", "timed out", "failed", "no GitHub")) else value <= limit


def _ratio(m: Metric) -> str:
    return "–" if m.ratio is None else f"{m.ratio:.2f} x"


def render(bench: Bench, meta: dict[str, str], command: str, elapsed: float) -> tuple[str, str]:
    """(plain table for stdout, BENCHMARKS.md)."""
    rows: list[tuple[str, str, str, str, str]] = []
    for m in bench.metrics.values():
        ratio = "–" if m.ratio is None else f"{m.ratio:.2f}"
        ours = _fmt(median(m.ours), m.unit) if m.ours else ("failed" if m.ours_note else "–")
        peer = _fmt(median(m.peer), m.unit) if m.peer else ("–" if bench.peer is not None or m.peer_note else "peer unavailable")
        rows.append((m.label, ours, peer, ratio, "; ".join(note for note in (f"ours: {m.ours_note}" if m.ours_note else "", f"peer: {m.peer_note}" if m.peer_note else "") if note)))
    width = max(len(r[0]) for r in rows) if rows else 10
    plain = [f"{'measurement':<{width}}  {'clientsmith':>14}  {'peer':>14}  {'ratio':>6}"]
    for label, ours, peer, ratio, _notes in rows:
        plain.append(f"{label:<{width}}  {ours:>14}  {peer:>14}  {ratio:>6}")
    target_rows = []
    for target in TARGETS:
        found = bench.metrics.get(target.metric)
        if found is None and target.metric.startswith("decode_members"):
            continue  # the members fallback runs only when the peer cannot decode the repositories
        verdict = "not measured" if found is None else {True: "met", False: "**not met**", None: "n/a"}[target.check(found)]
        if found is not None and target.check(found) is None and (found.peer_note.startswith("failed") or found.ours_note):
            reason = found.peer_note if found.peer_note.startswith("failed") else found.ours_note
            verdict = f"n/a ({'peer ' if reason is found.peer_note else ''}{clip(reason, 80)})"
        shown = target.shown(found) if found is not None else "–"
        target_rows.append(f"| {target.text} | {shown} | {verdict} |")
        if target is TARGETS[0]:
            plain.append("")
        plain.append(f"target: {target.text}: {shown}: {verdict.replace('**', '')}")
    md = [
        "# Benchmarks: clientsmith versus openapi-python-client",
        "",
        "Issues 7 and 24. Reproduce with `make bench` (= `.venv/bin/python benchmarks/bench.py`); this report: "
        + "; then ".join(f"`{c}`" for c in [*bench.commands, command])
        + f" ({elapsed / 60:.0f} min for the last).",
        "",
        f"- machine: {meta['nproc']} cores ({meta['cpu']}), {meta['memory']}, Python {meta['python']}, {meta['platform']}",
        f"- date: {meta['date']}; clientsmith commit {meta['commit']}{meta.get('dirty', '')}",
        f"- peer: {bench.peer_status}",
        f"- spec: {bench.args.spec} ({bench.args.spec.stat().st_size / 1e6:.1f} MB, {bench.spec_ops} operations)" if bench.args.spec.exists() else f"- spec: {bench.args.spec} (absent)",
        f"- runs: {bench.args.cold_runs} for the cold GitHub generations, {bench.args.gen_runs} for the other GitHub generation/check "
        f"measurements and for each growth row, {bench.args.runs} for the others; "
        "medians shown; a ratio is clientsmith / peer taken run by run (the runs alternate between the two), then the median",
        "",
        "## Targets (issues 7 and 24)",
        "",
        "| target | measured | verdict |",
        "|---|---|---|",
        *target_rows,
        "",
        "## Measurements",
        "",
        "| measurement | clientsmith | openapi-python-client | ratio | notes |",
        "|---|---|---|---|---|",
        *(f"| {label} | {ours} | {peer} | {ratio} | {notes.replace('|', '/')} |" for label, ours, peer, ratio, notes in rows),
        "",
        "## Growth with spec size (cold generation, fresh cache and output)",
        "",
        "| spec | operations | size | clientsmith | ms / operation | openapi-python-client |",
        "|---|---|---|---|---|---|",
    ]
    plain += ["", "growth (cold generation):"]
    for row in bench.scaling:
        if "error" in row:
            md.append(f"| {row['spec']} | – | – | {row['error']} | – | – |")
            continue
        ours_value = row.get("ours")
        per_op = f"{ours_value * 1000 / row['operations']:.1f}" if ours_value and row["operations"] else "–"
        ours_cell = _fmt(ours_value, "s") if ours_value is not None else f"failed: {clip(row.get('ours_error', ''), 80)}"
        peer_cell = _fmt(row.get("peer"), "s") if row.get("peer") is not None else (f"failed: {clip(row.get('peer_error', ''), 80)}" if row.get("peer_error") else "–")
        md.append(f"| {row['spec']} | {row['operations']} | {row['kb']} KB | {ours_cell} | {per_op} | {peer_cell} |")
        plain.append(f"  {row['spec']:<45} {row['operations']:>5} ops {row['kb']:>6} KB  ours {ours_cell:>10}  peer {peer_cell:>10}")
    md += _directory_section(bench.directory)
    md += [
        "",
        "## How each number is taken",
        "",
        "- Wall time comes from the parent's clock around each child process; peak RSS is sampled every "
        "50 ms as the sum over the child's whole process group (clientsmith's worker processes, the "
        "peer's ruff post hooks), and the largest single process is also given (`os.wait4`; benchmarks/measure.py).",
        "- Cold: a fresh output folder and an empty formatting cache (`CLIENTSMITH_CACHE_DIR` set to a new "
        "folder); as for an installed tool, clientsmith's `.pyc` and compiled templates (kept beside its code, "
        "written on first use; PYTHONDONTWRITEBYTECODE is unset for its runs) are not emptied, as the peer's `.pyc` "
        "are not; the peer writes to a fresh folder with `--overwrite`, once with its default post hooks "
        "(`ruff check --fix-only .`, `ruff format .`) and once with `post_hooks: []`.",
        "- No-op regeneration: the same command again into the same folder with the warm cache. The peer "
        "has no incremental mode, so its number is a full regeneration.",
        "- No-op check: `python -m generator check --config` on a temporary pyproject.toml whose one "
        "provider is the GitHub spec, right after `generate --config`.",
        "- One-line change: the summary of `GET /orgs/{org}/repos` changed in a copy of the spec "
        "(a different text each run), regenerated into the previous output with the warm cache.",
        "- Providers check: `python -m generator check` in the repository (the pre-commit hook), after "
        "one untimed warm-up run.",
        "- Import: a fresh interpreter per run; `import github` plus `github.Client(base_url=...)` "
        "(peer: its package and `Client`), timed inside the interpreter; every resource (peer: api) "
        "module imported as well on the next line. The first run after generation (no .pyc) is listed separately.",
        f"- Decoding: a JSON list of 100 full repositories for `GET /user/repos` "
        f"({bench.payload_bytes / 1024:.0f} KB): the spec's example with every property of the `repository` "
        "schema present (missing ones synthesized from the schema), nested owner/license/permissions filled, "
        "the example's extra keys kept, every URL distinct per repository; served by an "
        f"`httpx.MockTransport`; {bench.args.calls} calls per run (median of 5 loops) through clientsmith's "
        "`client.repos.list_for_authenticated_user()` and the peer's `reposlist_for_authenticated_user.sync_detailed(...)`. "
        "The received-response lines hand an `httpx.Response` with that body to the code each client runs "
        "for it (clientsmith: the runtime's `_process_response` with the operation's `Endpoint`; the peer: "
        "the operation module's `_build_response`, i.e. `response.json()` and `Repository.from_dict`), "
        "timed by the wall clock and, because the machine is often shared, by the process's CPU time. "
        "Both are checked to give 100 `Repository` objects. The peer's `GET /orgs/{org}/repos` (`MinimalRepository`) "
        "cannot be used: its generator dropped `SecurityAndAnalysisType0` (its own warning: \"Attempted to "
        "generate duplicate models with name SecurityAndAnalysisType0AdvancedSecurity\"), so "
        "`MinimalRepository.from_dict` imports a module that was never written; the `repository` schema has "
        "no such property.",
        f"- The {CORPUS.name} documents (`--only directory`): each of the corpus's documents generated once "
        "by each tool, cold as above (clientsmith: fresh output folder and `CLIENTSMITH_CACHE_DIR`, `.pyc` "
        "and compiled templates kept; the peer: a fresh folder, `--overwrite`, its default post hooks), "
        "after one untimed warm-up run of each; the two alternate, and which runs first alternates "
        "from document to document; no RSS sampling. A failed run (a non-zero exit, a timeout after "
        f"{DIRECTORY_TIMEOUT:.0f} s, or for the peer no package written) counts in its tool's total with the "
        "time it took, since a user waited that long for it, and is counted in the failures; the "
        "second total takes only the documents both tools generated. The ratio is the ratio of the two totals.",
    ]
    if bench.notes:
        md += ["", "## Notes", "", *(f"- {note}" for note in bench.notes)]
    streamed = HERE / "results" / "stream-bench.md"  # written by the `streams` part (stream_bench.py)
    if streamed.exists():
        md += ["", streamed.read_text(encoding="utf-8").rstrip()]
    findings = HERE / "results" / "bench-findings.md"  # hand-written analysis, kept across runs
    if findings.exists():
        md += ["", findings.read_text(encoding="utf-8").rstrip()]
    return "\n".join(plain), "\n".join(md) + "\n"


def _directory_section(rows: list[dict[str, Any]]) -> list[str]:
    """The `directory` part's summary: totals, failures, and the documents where we fare worst."""
    if not rows:
        return []
    ours_failed = [row["spec"] for row in rows if "ours_error" in row]
    peer_failed = [row["spec"] for row in rows if "peer_error" in row]
    compared = [row for row in rows if row.get("peer") and "ours_error" not in row and "peer_error" not in row]
    lines = ["", f"## The {CORPUS.name} documents, one cold generation each", ""]
    ours_total = sum(row["ours"] for row in rows)
    peer_total = sum(row.get("peer", 0.0) for row in rows)
    summary = f"{len(rows)} documents: clientsmith {ours_total:.1f} s in total ({len(ours_failed)} failed)"
    if peer_total:
        summary += f", openapi-python-client {peer_total:.1f} s ({len(peer_failed)} failed), {ours_total / peer_total:.2f}x"
    lines.append(summary + ".")
    if compared:
        ratios = sorted(row["ours"] / row["peer"] for row in compared)
        lines.append(f"Per document (the {len(compared)} both generate): median ratio {median(ratios):.2f}x, from {ratios[0]:.2f}x to {ratios[-1]:.2f}x.")
        lines += ["", "Worst five by ratio:", "", "| spec | operations | size | clientsmith | openapi-python-client | ratio |", "|---|---|---|---|---|---|"]
        for row in sorted(compared, key=lambda r: r["ours"] / r["peer"], reverse=True)[:5]:
            lines.append(f"| {row['spec']} | {row['operations']} | {row['kb']} KB | {_fmt(row['ours'], 's')} | {_fmt(row['peer'], 's')} | {row['ours'] / row['peer']:.2f} |")
    for tool, failed in (("clientsmith", ours_failed), ("openapi-python-client", peer_failed)):
        if failed:
            key = "ours_error" if tool == "clientsmith" else "peer_error"
            first = next(row for row in rows if key in row)
            lines.append(f"\n{tool} failed on {len(failed)}: {', '.join(failed[:8])}{', ...' if len(failed) > 8 else ''} (first: {clip(first[key], 160)}).")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of the quick measurements (default 5)")
    parser.add_argument("--cold-runs", type=int, default=3, help="runs of the cold GitHub generations (default 3)")
    parser.add_argument("--gen-runs", type=int, default=3, help="runs of the other GitHub generation/check measurements and of the growth table (default 3)")
    parser.add_argument("--calls", type=int, default=200, help="calls per decoding run (default 200)")
    parser.add_argument("--spec", type=Path, default=GITHUB_SPEC)
    parser.add_argument("--scaling", nargs="*", default=list(SCALING_SPECS), help="corpus spec file names for the growth table")
    parser.add_argument("--no-peer", action="store_true", help="clientsmith only")
    parser.add_argument("--only", nargs="*", help="only these parts: cold black noop edit providers imports decoding sizes growth directory streams")
    parser.add_argument("--write", type=Path, default=REPO / "BENCHMARKS.md", help="markdown report (default BENCHMARKS.md)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--merge", action="store_true", help="keep the other measurements of benchmarks/results/bench.json; re-measure only --only's")
    parser.add_argument("--ours-package", type=Path, help="with --merge: an existing generated GitHub package (skips the cold runs)")
    parser.add_argument("--peer-package", type=Path, help="with --merge: an existing peer GitHub package")
    args = parser.parse_args(argv)
    parts = args.only or ["cold", "black", "noop", "edit", "providers", "imports", "decoding", "sizes", "growth", "directory", "streams"]
    if not args.spec.exists() and set(parts) - {"directory", "streams", "providers"}:
        print(f"error: {args.spec} not found", file=sys.stderr)
        return 2
    args.spec = args.spec.resolve()
    tmp = Path(tempfile.mkdtemp(prefix="clientsmith-bench-"))
    bench = Bench(args, tmp)
    started = time.perf_counter()
    import corpus

    bench.spec_ops = len(corpus.spec_operations(args.spec)[0]) if args.spec.exists() else 0

    def interrupted(_signum: int, _frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)  # still write what was measured
    if args.merge:
        previous = json.loads((HERE / "results" / "bench.json").read_text(encoding="utf-8"))
        bench.metrics = {key: Metric.from_json(key, value) for key, value in previous["metrics"].items()}
        bench.saved = dict(previous["metrics"])
        bench.scaling = list(previous.get("growth", []))
        bench.directory = list(previous.get("directory", []))
        bench.notes = [note for note in previous.get("notes", []) if "security_and_analysis" not in note]
        bench.payload_bytes = int(previous.get("payload_bytes", 0))
        bench.commands = list(previous.get("commands", []))
    try:
        bench.setup_peer()
        if args.ours_package is not None:
            bench.ours_package = args.ours_package.resolve()
            bench.peer_package = args.peer_package.resolve() if args.peer_package is not None else None
        elif any(p in parts for p in ("cold", "black", "noop", "edit", "imports", "decoding", "sizes")):
            bench.cold()
        for name in parts:
            if name == "cold":
                continue
            if name == "streams":  # peak RSS of a 1 GB download and upload (benchmarks/stream_bench.py)
                subprocess.run([sys.executable, str(HERE / "stream_bench.py")], check=False, timeout=3600)
                continue
            step: Callable[[], None] = getattr(bench, {"providers": "providers_check", "sizes": "sizes", "directory": "directory_part"}.get(name, name))
            step()
    except KeyboardInterrupt:
        measure.kill_running()
        bench.notes.append("the run was interrupted: the measurements missing above were not taken")
    finally:
        elapsed = time.perf_counter() - started
        meta = measure.machine()
        meta["dirty"] = " (+ uncommitted changes)" if _dirty() else ""
        given = list(argv if argv is not None else sys.argv[1:])
        command = "make bench" if not given else ".venv/bin/python benchmarks/bench.py " + " ".join(given)
        plain, md = render(bench, meta, command, elapsed)
        print(plain)
        if args.write:
            args.write.write_text(_keep_output_size(md, args.write), encoding="utf-8")
            results = HERE / "results"
            results.mkdir(exist_ok=True)
            (results / "bench.json").write_text(
                json.dumps({"meta": meta, "peer": bench.peer_status, "metrics": {k: m.to_json() if k in bench.fresh or k not in bench.saved else bench.saved[k] for k, m in bench.metrics.items()}, "growth": bench.scaling, "directory": bench.directory, "notes": bench.notes, "payload_bytes": bench.payload_bytes, "commands": [*bench.commands, command]}, indent=1) + "\n",
                encoding="utf-8",
            )
            print(f"wrote {args.write} and {results / 'bench.json'}")
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"kept {tmp}")
    return 0


def _keep_output_size(report: str, path: Path) -> str:
    """The report with the output-size section that benchmarks/output_size.py wrote into `path` kept."""
    from output_size import END, START

    previous = path.read_text(encoding="utf-8") if path.is_file() else ""
    if START not in previous or END not in previous:
        return report
    section = previous[previous.index(START) : previous.index(END) + len(END)]
    return report.rstrip("\n") + "\n\n## Output size\n\n" + section + "\n"


def _version(distribution: str) -> str:
    from importlib.metadata import version

    return version(distribution)


def _dirty() -> bool:
    import subprocess

    done = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "generator", "templates"], capture_output=True, text=True)
    return bool(done.stdout.strip())


if __name__ == "__main__":
    sys.exit(main())
