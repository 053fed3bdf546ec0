"""What a generated client weighs: GitHub's output at an earlier commit, at this tree, and the peer's.

Issue 23 asked for the generated surface without repeats: each operation written once per sync and
async class, models split by resource, tests as data. This measures it side by side in one run:
the commit named by `--before` is exported with `git archive` and run with this venv's Python (the
dependencies have not changed in between), this tree is run as it is, and openapi-python-client
(benchmarks/.peer-venv) generates the same document. Each generation gets a cache of its own.

    .venv/bin/python benchmarks/output_size.py [--before REV] [--write BENCHMARKS.md]

With `--write`, the table replaces the part of BENCHMARKS.md between the two `output-size` markers.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import peer as peer_tool
from measure import REPO

SPEC = REPO.parent / "shared" / "bench" / "api.github.com.json"
BEFORE = "e338693"  # main before issue 23's generated surface: six copies of each operation, one models.py
START, END = "<!-- output-size: start -->", "<!-- output-size: end -->"


@dataclass(frozen=True)
class Size:
    """One generated package, in bytes by part, and its largest resource module in lines."""

    label: str
    files: int
    total: int
    tests: int
    resources: int
    models: int
    largest_module: str
    largest_lines: int


def measure_ours(label: str, package: Path) -> Size:
    files = [path for path in package.rglob("*") if path.is_file() and "__pycache__" not in path.parts]

    def part(*names: str) -> int:
        return sum(path.stat().st_size for path in files if path.relative_to(package).parts[0] in names)

    modules = sorted((path for path in (package / "resources").glob("*.py")), key=lambda path: (-_lines(path), path.name))
    largest = modules[0] if modules else None
    return Size(
        label,
        len(files),
        sum(path.stat().st_size for path in files),
        part("tests"),
        part("resources"),
        part("models", "models.py"),
        f"resources/{largest.name}" if largest else "-",
        _lines(largest) if largest else 0,
    )


def measure_peer(project: Path) -> Size:
    files = [path for path in project.rglob("*") if path.is_file() and ".ruff_cache" not in path.parts and "__pycache__" not in path.parts]
    package = peer_tool.find_package(project)
    api_modules = sorted(package.glob("api/*/*.py"), key=lambda path: (-_lines(path), str(path))) if package else []
    largest = api_modules[0] if api_modules else None
    return Size(
        "openapi-python-client " + peer_tool.PEER_VERSION,
        len(files),
        sum(path.stat().st_size for path in files),
        0,
        sum(path.stat().st_size for path in files if package and path.is_relative_to(package / "api")),
        sum(path.stat().st_size for path in files if package and path.is_relative_to(package / "models")),
        str(largest.relative_to(package)) + " (one operation)" if largest and package else "-",
        _lines(largest) if largest else 0,
    )


def _lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle)


def generate(source: Path, spec: Path, out: Path, cache: Path) -> Path:
    env = {"CLIENTSMITH_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "generator", "--quiet", "generate", str(spec), "--package", "github", "--out", str(out)]
    done = subprocess.run(command, cwd=source, env=env, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise SystemExit(f"generation in {source} failed: {(done.stderr or done.stdout).strip()[-500:]}")
    return out / "github"


def export(revision: str, folder: Path) -> Path:
    """The tree of `revision`, unpacked into `folder`."""
    archive = subprocess.run(["git", "archive", "--format=tar", revision], cwd=REPO, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def table(before_revision: str, head: str, sizes: list[Size]) -> str:
    megabytes = lambda count: f"{count / 1e6:.2f} MB"  # noqa: E731
    rows = [
        "| output | files | total | of which tests/ | resources (peer: api/) | models | largest resource module |",
        "|---|---|---|---|---|---|---|",
    ]
    for size in sizes:
        rows.append(
            f"| {size.label} | {size.files} | {megabytes(size.total)} | {megabytes(size.tests) if size.tests else '-'} | "
            f"{megabytes(size.resources)} | {megabytes(size.models)} | {size.largest_module}: {size.largest_lines:,} lines |"
        )
    verdict: list[str] = []
    if len(sizes) == 3:
        now, peer = sizes[1], sizes[2]
        met = "met" if now.total <= peer.total else "**not met**"
        verdict = [
            "",
            f"Target (issue 23): the output, tests included, at most the peer's: {megabytes(now.total)} against "
            f"{megabytes(peer.total)}, {now.total / peer.total:.2f}x, {met}. Without its tests: "
            f"{megabytes(now.total - now.tests)}, {(now.total - now.tests) / peer.total:.2f}x.",
        ]
    return "\n".join(
        [
            START,
            f"GitHub's document ({SPEC.name}) generated by clientsmith at {before_revision} (before issue 23), at {head}, "
            f"and by the peer, in one run of `.venv/bin/python benchmarks/output_size.py --write BENCHMARKS.md`:",
            "",
            *rows,
            *verdict,
            END,
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=SPEC)
    parser.add_argument("--before", default=BEFORE, help="the earlier commit to measure beside this tree")
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--write", type=Path, help="replace the output-size section of this Markdown file")
    args = parser.parse_args()
    if not args.spec.is_file():
        print(f"output_size: skipped: {args.spec} not found (the shared bench document)", file=sys.stderr)
        return 0
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "generator", "templates"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    head_label = head + (" (+ uncommitted changes)" if dirty else "")
    sizes: list[Size] = []
    with tempfile.TemporaryDirectory(prefix="clientsmith-size-") as tmp:
        work = Path(tmp)
        before = export(args.before, work / "before")
        sizes.append(measure_ours(f"clientsmith at {args.before}", generate(before, args.spec.resolve(), work / "out-before", work / "cache-before")))
        sizes.append(measure_ours(f"clientsmith at {head_label}", generate(REPO, args.spec.resolve(), work / "out-now", work / "cache-now")))
        if not args.no_peer:
            try:
                installed = peer_tool.ensure()
            except peer_tool.PeerUnavailable as exc:
                print(f"output_size: peer not measured: {exc}", file=sys.stderr)
            else:
                project = work / "peer"
                command = installed.generate_cmd(args.spec.resolve(), project)
                subprocess.run(command, cwd=work, env=installed.env(), capture_output=True, timeout=900)
                if peer_tool.find_package(project) is not None:
                    sizes.append(measure_peer(project))
    text = table(args.before, head_label, sizes)
    print(text)
    if args.write is not None:
        document = args.write.read_text(encoding="utf-8")
        if START in document and END in document:
            document = document[: document.index(START)] + text + document[document.index(END) + len(END) :]
        else:
            document = document.rstrip("\n") + "\n\n## Output size\n\n" + text + "\n"
        args.write.write_text(document, encoding="utf-8")
        print(f"wrote {args.write}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
