"""Format stage, default formatter: `ruff format`, which writes black's style ~100x faster than black.

All sources of a package go through one ruff process (ruff spreads them over the cores itself), in a
private temporary folder with every setting given on the command line (`--isolated`), so no user
configuration can change a byte. The tests check that the result is exactly what black produces.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..ground.diagnostics import ClientsmithError, GeneratedCodeError
from ..ground.installed_versions import distribution_version

LINE_LENGTH = 100  # the same as the black formatter's
_ARGUMENTS = ("format", "--isolated", "--no-cache", "--quiet", "--line-length", str(LINE_LENGTH), "--target-version", "py311")


class FormatterMissing(ClientsmithError):
    pass


def ruff_version() -> str:
    return distribution_version("ruff")


def _ruff_binary() -> str:
    # The binary the `ruff` package installed beside this Python, else one on PATH.
    beside = Path(sysconfig.get_path("scripts")) / ("ruff.exe" if os.name == "nt" else "ruff")
    if beside.is_file():
        return str(beside)
    found = shutil.which("ruff")
    if found is None:
        raise FormatterMissing('ruff is not installed; run `make install` (or pip install ruff), or set formatter = "black"')
    return found


# Scratch copies ruff rewrites are costly to delete on a disk (ext4 mounted with `discard`: ~3 ms a
# file, half a second for a 50-operation client); in memory (tmpfs) they cost nothing to delete.
_MEMORY_FOLDER = Path("/dev/shm")


def _scratch_parents() -> list[str | None]:
    """Where to make the scratch folder, in order: a memory file system when the system has one
    writable and the user named no temporary folder (TMPDIR), then the usual temporary folder."""
    memory = "TMPDIR" not in os.environ and _MEMORY_FOLDER.is_dir() and os.access(_MEMORY_FOLDER, os.W_OK | os.X_OK)
    return [str(_MEMORY_FOLDER), None] if memory else [None]


def ruff_format_many(sources: Sequence[str]) -> list[str]:
    """Format every source; raises GeneratedCodeError naming the source ruff cannot parse."""
    *first, last = _scratch_parents()
    for parent in first:
        try:
            return _format_in(parent, sources)
        except (OSError, GeneratedCodeError):
            pass  # a full memory folder (ruff's rewrite too): again in the next; a real error recurs there
    return _format_in(last, sources)


def _format_in(parent: str | None, sources: Sequence[str]) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="clientsmith-ruff-", dir=parent) as folder:
        paths = [Path(folder) / f"m{index}.py" for index in range(len(sources))]
        for path, source in zip(paths, sources):
            path.write_text(source, encoding="utf-8", newline="")
        result = subprocess.run(
            [_ruff_binary(), *_ARGUMENTS, folder],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise GeneratedCodeError(_describe_failure(result.stderr or result.stdout, paths))
        return [path.read_text(encoding="utf-8") for path in paths]


def _describe_failure(message: str, paths: list[Path]) -> str:
    first = next((line for line in message.splitlines() if line.strip()), "ruff failed")
    for index, path in enumerate(paths):
        first = first.replace(str(path), f"<generated source {index}>")
    return f"ruff could not format generated code: {first}"
