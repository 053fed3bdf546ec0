"""Format stage, black formatter (`formatter = "black"`): black in-process or on a process pool, with a content-addressed cache.

Large files are formatted one top-level statement at a time and reassembled with black's own rules
for blank lines between top-level statements (`chunks.py`). Every chunk is cached under the hash of
its unformatted text plus black's version and mode, so a one-line spec change reformats only the
statements it touched, and the chunks of a big spec spread over all cores. The tests check that the
reassembled text equals black's output for the whole file, byte for byte.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..ground.cache import cache_root
from ..ground.installed_versions import distribution_version
from .chunks import Chunk, join_chunks, split_chunks
from ..ground.diagnostics import GeneratedCodeError

_LINE_LENGTH = 100
_KEY_PREFIX = f"black={distribution_version('black')};mode=py311,{_LINE_LENGTH};".encode()
CHUNK_THRESHOLD = 50_000  # characters: smaller files are formatted whole
POOL_THRESHOLD = 400_000  # characters still to format before a process pool pays for itself


def cache_dir() -> Path | None:
    """Where formatted text is cached, keyed by the unformatted text."""
    root = cache_root()
    return root / "black" if root is not None else None


def _black(source: str) -> str:
    from black import format_str
    from black.mode import Mode, TargetVersion
    from black.parsing import InvalidInput

    try:
        return format_str(source, mode=Mode(target_versions={TargetVersion.PY311}, line_length=_LINE_LENGTH))
    except InvalidInput as exc:
        raise GeneratedCodeError(f"black could not parse generated code: {exc}") from None


def _key(source: str) -> str:
    return hashlib.sha256(_KEY_PREFIX + source.encode("utf-8")).hexdigest()


def format_many(sources: Sequence[str], cache: Path | None, workers: int | None = None) -> list[str]:
    """Black-format every source; the result equals `black.format_str` on each whole source."""
    plans: list[list[Chunk] | None] = []
    pieces: dict[str, str] = {}  # unformatted text -> formatted text
    for source in sources:
        chunks = split_chunks(source) if len(source) >= CHUNK_THRESHOLD else None
        plans.append(chunks)
        for text in [chunk.text for chunk in chunks] if chunks else [source]:
            pieces.setdefault(text, "")
    missing = [text for text in pieces if not _cached(text, cache, pieces)]
    for text, formatted in zip(missing, _format_all(missing, workers)):
        pieces[text] = formatted
        if cache is not None:
            key = _key(text)
            _store(cache / key[:2], key, formatted)
    results = []
    for source, chunks in zip(sources, plans):
        if chunks is None:
            results.append(pieces[source])
        else:
            results.append(join_chunks(chunks, [pieces[chunk.text] for chunk in chunks]))
    return results


def _cached(text: str, cache: Path | None, pieces: dict[str, str]) -> bool:
    if cache is None:
        return False
    key = _key(text)
    try:
        pieces[text] = (cache / key[:2] / key).read_text(encoding="utf-8")
        return True
    except OSError:
        return False


def _format_all(texts: list[str], workers: int | None) -> list[str]:
    count = workers or min(len(os.sched_getaffinity(0)), 8)
    if count <= 1 or sum(map(len, texts)) < POOL_THRESHOLD:
        return [_black(text) for text in texts]
    with ProcessPoolExecutor(max_workers=count) as pool:
        return list(pool.map(_black, texts, chunksize=max(1, len(texts) // (count * 8))))


def _store(folder: Path, key: str, text: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temporary, folder / key)
    except OSError:
        pass  # a cache that cannot be written only costs time
