"""Code clientsmith compiles at run time, kept between runs the way Python keeps `.pyc` files.

Two things are compiled on every run from text that rarely changes: the templates (render/compiled.py)
and the modules the proof runs, written out and imported from a folder that is deleted afterwards
(testgen/proof_modules.py). Both are kept beside clientsmith's own code, in `<package>/__pycache__/`,
where Python keeps clientsmith's `.pyc`; and like a `.pyc` they are not written under
PYTHONDONTWRITEBYTECODE or where that folder is read-only, and a kept entry is used only for the
exact text it was compiled from, so it can make a run faster, never different.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import sys
import tempfile
from pathlib import Path
from types import CodeType

_PYCACHE = Path(__file__).resolve().parent.parent / "__pycache__"


def own_folder(kind: str) -> Path:
    """Where compiled code of one kind (`templates`, `modules`) is kept beside clientsmith's code."""
    return _PYCACHE / kind


def may_write_beside_code(folder: Path) -> bool:
    """Whether compiled code may be written to `folder`, as Python decides for a `.pyc`: not under
    PYTHONDONTWRITEBYTECODE, and only where the folder exists or can be made, and is writable."""
    if sys.dont_write_bytecode:
        return False
    existing = folder
    while not existing.exists():
        if existing.parent == existing:
            return False
        existing = existing.parent
    return existing.is_dir() and os.access(existing, os.W_OK | os.X_OK)


def write_whole(folder: Path, name: str, data: bytes) -> bool:
    """`data` written to `folder/name` whole, then renamed into place: runs in parallel (test workers)
    never read half a file. False when it cannot be written (a cache costs time, never the run)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, folder / name)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        return False
    return True


# What a kept module's code depends on besides its text: the interpreter's bytecode and the
# optimization level the import system compiles with.
_HEADER = importlib.util.MAGIC_NUMBER + f"{sys.implementation.cache_tag}:{sys.flags.optimize}\0".encode()


def compile_module(source: bytes, path: Path, slot: str) -> CodeType:
    """`source` compiled as the module at `path` would be imported; kept under `slot` (one entry per
    slot: the code of the last text compiled there)."""
    folder = own_folder("modules")
    name = hashlib.sha256(_HEADER + slot.encode()).hexdigest()
    checksum = hashlib.sha256(source).digest()
    try:
        kept = (folder / name).read_bytes()
    except OSError:
        kept = b""
    prefix = _HEADER + checksum
    if kept.startswith(prefix):
        try:
            code = marshal.loads(kept[len(prefix) :])
        except (EOFError, ValueError, TypeError):
            code = None
        if isinstance(code, CodeType):
            return code
    # A kept code object names the file it was first compiled from: for the proof's modules a
    # temporary folder that is gone either way, so only a traceback would show the difference.
    code = compile(source, str(path), "exec", dont_inherit=True)
    if may_write_beside_code(folder):
        write_whole(folder, name, prefix + marshal.dumps(code))
    return code
