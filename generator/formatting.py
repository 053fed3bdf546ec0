"""Format stage: black, in-process, with a content-addressed cache.

The cache key is the unformatted text plus black's version and mode, the value black's output, so a
cached run gives byte-for-byte what an uncached run gives; unchanged output is never formatted twice.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from importlib.metadata import version

from black import format_str

from .cache import cache_root
from black.mode import Mode, TargetVersion
from black.parsing import InvalidInput

black_version = version("black")

_MODE = Mode(target_versions={TargetVersion.PY311}, line_length=100)
_KEY_PREFIX = f"black={black_version};mode=py311,100;".encode()


def cache_dir() -> Path | None:
    """Where formatted text is cached, keyed by the unformatted text."""
    root = cache_root()
    return root / "black" if root is not None else None


def format_python(source: str, cache: Path | None) -> str:
    key = hashlib.sha256(_KEY_PREFIX + source.encode("utf-8")).hexdigest()
    if cache is not None:
        cached = cache / key[:2] / key
        try:
            return cached.read_text(encoding="utf-8")
        except OSError:
            pass
    try:
        formatted = format_str(source, mode=_MODE)
    except InvalidInput as exc:
        raise GeneratedCodeError(f"black could not parse generated code: {exc}") from None
    if cache is not None:
        _store(cache / key[:2], key, formatted)
    return formatted


def _store(folder: Path, key: str, text: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temporary, folder / key)
    except OSError:
        pass  # a cache that cannot be written only costs time


class GeneratedCodeError(Exception):
    """A template produced invalid Python: a bug in clientsmith, not in the user's spec."""
