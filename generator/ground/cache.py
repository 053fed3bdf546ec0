"""The output cache: when nothing that shapes the output changed, skip every stage.

The key covers everything the output depends on: clientsmith's own source, the templates (and
overrides and extras), the package name, black's version and the spec's bytes. A manifest under that
key lists each output file's SHA-256, the warnings and the files the spec pulled in through `$ref`
(their hashes are checked on use). File contents live in a content-addressed store, so a hit gives
exactly the bytes an uncached run gives: the cache can make a run faster, never different.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .installed_versions import distribution_version

_FORMAT = 1


def cache_root() -> Path | None:
    """Where clientsmith caches (CLIENTSMITH_CACHE_DIR; empty disables caching)."""
    configured = os.environ.get("CLIENTSMITH_CACHE_DIR")
    if configured == "":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "clientsmith"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _tree_digest(folder: Path | None, hasher: "hashlib._Hash") -> None:
    if folder is None or not folder.is_dir():
        hasher.update(b"<none>")
        return
    for path in _files_under(folder):
        hasher.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")


def _files_under(folder: Path) -> list[Path]:
    """The files under `folder` but those in `__pycache__` folders, in `sorted(folder.rglob("*"))`'s
    order. Those folders are not entered: they hold the .pyc and compiled templates (compiled_code.py),
    which every run would otherwise list only to leave out."""
    found: list[Path] = []
    for root, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if name != "__pycache__"]
        found += [Path(root, name) for name in files]
    return sorted(path for path in found if path.is_file() and "__pycache__" not in path.parts)


_SOURCE_DIGEST: str | None = None


def own_source_digest() -> str:
    """All of clientsmith's own code (and the formatters' versions), read once per run."""
    global _SOURCE_DIGEST
    if _SOURCE_DIGEST is None:
        hasher = hashlib.sha256()
        _tree_digest(Path(__file__).resolve().parent.parent, hasher)  # all of generator/ (this file is in ground/)
        for formatter in ("black", "ruff"):  # a formatter upgrade may change output bytes
            hasher.update(f"{formatter}={distribution_version(formatter)};".encode())
        _SOURCE_DIGEST = hasher.hexdigest()
    return _SOURCE_DIGEST


def job_key(package: str, spec: Path, templates: Sequence[Path], extras: Path | None, formatter: str, settings: str = "") -> str:
    """`settings`: any other choice that shapes the output (the project's name and version)."""
    hasher = hashlib.sha256(f"clientsmith-output-{_FORMAT}\0{package}\0{formatter}\0{settings}\0".encode())
    hasher.update(own_source_digest().encode())
    for folder in templates:
        _tree_digest(folder, hasher)
    _tree_digest(extras, hasher)
    hasher.update(spec.read_bytes())
    return hasher.hexdigest()


@dataclass(frozen=True)
class Manifest:
    files: dict[PurePosixPath, str]  # path -> sha256 of the content
    warnings: list[str]
    operations: int
    dependencies: dict[str, str]  # absolute path of a $ref'd file -> sha256


class ObjectFiles(Mapping[PurePosixPath, str]):
    """File contents read from the object store on first access (most are never needed)."""

    def __init__(self, store: "OutputCache", digests: dict[PurePosixPath, str]) -> None:
        self._store = store
        self._digests = digests

    def __getitem__(self, path: PurePosixPath) -> str:
        return self._store.read_object(self._digests[path])

    def __iter__(self) -> Iterator[PurePosixPath]:
        return iter(self._digests)

    def __len__(self) -> int:
        return len(self._digests)


class OutputCache:
    def __init__(self, root: Path) -> None:
        self.root = root

    def load(self, key: str) -> Manifest | None:
        try:
            raw = json.loads((self.root / "manifests" / key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        manifest = Manifest(
            {PurePosixPath(path): value for path, value in raw["files"].items()},
            list(raw["warnings"]),
            int(raw["operations"]),
            dict(raw["dependencies"]),
        )
        for path, expected in manifest.dependencies.items():
            try:
                if digest(Path(path).read_bytes()) != expected:
                    return None
            except OSError:
                return None
        if not all((self._object_path(value)).is_file() for value in manifest.files.values()):
            return None
        return manifest

    def store(self, key: str, files: Mapping[PurePosixPath, str], warnings: list[str], operations: int, dependencies: dict[str, str]) -> dict[PurePosixPath, str]:
        digests: dict[PurePosixPath, str] = {}
        for path, content in files.items():
            data = content.encode("utf-8")
            value = digest(data)
            digests[path] = value
            target = self._object_path(value)
            if not target.exists():
                _atomic_write(target, data)
        manifest = {
            "files": {str(path): value for path, value in sorted(digests.items())},
            "warnings": warnings,
            "operations": operations,
            "dependencies": dependencies,
        }
        _atomic_write(self.root / "manifests" / key, json.dumps(manifest, sort_keys=True).encode())
        return digests

    def read_object(self, value: str) -> str:
        return self._object_path(value).read_text(encoding="utf-8")

    def _object_path(self, value: str) -> Path:
        return self.root / "objects" / value[:2] / value


def _atomic_write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        pass  # a cache that cannot be written only costs time
