"""Write stage: put rendered files in place atomically, remove stale ones; or compare (`check`).

Nothing here runs before every file has rendered, so a failure earlier leaves the output untouched.
Only files that changed are rewritten (each through a temporary file and `os.replace`).
"""

from __future__ import annotations

import difflib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath


IGNORED_DIRS = frozenset({"__pycache__", ".mypy_cache", ".pytest_cache", ".hypothesis"})


@dataclass
class WriteReport:
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    unchanged: int = 0


@dataclass(frozen=True)
class Difference:
    path: Path
    kind: str  # "changed", "missing", "stale"
    diff: str


def is_inside(base: Path, relative: PurePosixPath) -> bool:
    """True when `relative` stays inside `base` (no absolute parts, no `..`, no drive)."""
    if relative.is_absolute() or any(part in ("..", "") for part in relative.parts):
        return False
    return (base / relative).resolve().is_relative_to(base.resolve())


class UnsafePathError(Exception):
    pass


def existing_files(folder: Path) -> set[PurePosixPath]:
    found: set[PurePosixPath] = set()
    if not folder.is_dir():
        return found
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in IGNORED_DIRS)
        for name in names:
            found.add(PurePosixPath(Path(root, name).relative_to(folder).as_posix()))
    return found


def _checked(folder: Path, files: Mapping[PurePosixPath, str]) -> None:
    for relative in files:
        if not is_inside(folder, relative):
            raise UnsafePathError(f"refusing to write outside {folder}: {relative}")


def _current_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def write_folder(
    folder: Path,
    files: Mapping[PurePosixPath, str],
    report: WriteReport,
    remove_stale: bool = True,
    digests: Mapping[PurePosixPath, str] | None = None,
    owned: PurePosixPath = PurePosixPath("."),
) -> None:
    """Write what changed. With `digests`, unchanged files are recognised without their new text.

    Stale files are looked for only under `owned` (a project folder also holds the user's own files:
    a virtual environment, `dist/`).
    """
    _checked(folder, files)
    for relative in sorted(files):
        path = folder / relative
        if digests is not None and _current_digest(path) == digests[relative]:
            report.unchanged += 1
            continue
        data = files[relative].encode("utf-8")
        try:
            if path.read_bytes() == data:
                report.unchanged += 1
                continue
        except OSError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(temporary, 0o644)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        report.written.append(path)
    if remove_stale:
        for relative in _stale(folder, files, owned):
            (folder / relative).unlink()
            report.removed.append(folder / relative)
        _remove_empty_dirs(folder / owned)


def _stale(folder: Path, files: Mapping[PurePosixPath, str], owned: PurePosixPath) -> list[PurePosixPath]:
    under = {owned / relative for relative in existing_files(folder / owned)}
    return sorted(path for path in under if PurePosixPath(path) not in files)


def _remove_empty_dirs(folder: Path) -> None:
    for root, dirs, names in sorted(os.walk(folder, topdown=False), reverse=False):
        path = Path(root)
        if path == folder:
            continue
        remaining = [d for d in os.listdir(path) if d not in IGNORED_DIRS]
        if not remaining:
            shutil.rmtree(path, ignore_errors=True)


def compare_folder(
    folder: Path,
    files: Mapping[PurePosixPath, str],
    display: str,
    remove_stale: bool = True,
    digests: Mapping[PurePosixPath, str] | None = None,
    owned: PurePosixPath = PurePosixPath("."),
) -> list[Difference]:
    differences: list[Difference] = []
    for relative in sorted(files):
        path = folder / relative
        if digests is not None and _current_digest(path) == digests[relative]:
            continue
        content = files[relative]
        shown = f"{display}/{relative}"
        try:
            current = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            differences.append(Difference(path, "missing", f"--- {shown} (missing)\n"))
            continue
        except (OSError, UnicodeDecodeError):
            current = ""
        if current != content:
            diff = "".join(
                difflib.unified_diff(current.splitlines(True), content.splitlines(True), f"a/{shown}", f"b/{shown}")
            )
            differences.append(Difference(path, "changed", diff))
    if remove_stale:
        for relative in _stale(folder, files, owned):
            differences.append(Difference(folder / relative, "stale", f"--- {display}/{relative} (stale: no longer generated)\n"))
    return differences
