"""Compiled templates kept between runs, the way Python keeps `.pyc` files.

Compiling the package's templates is most of a small document's render time (1forge's 2 operations:
~0.2 s of ~0.9 s). What is kept is Jinja's compiled code for a template, never output: one entry per template file
and interpreter, used only when it was compiled from the same text by the same Jinja, with the same
environment settings and the same clientsmith code (a checksum of all of them, which Jinja compares
on load), so a stale entry cannot be used and the output is the same with or without it.

It lives beside clientsmith's own code (`<package>/__pycache__/templates/`, where Python keeps
clientsmith's `.pyc`) and, like a `.pyc`, is not written under PYTHONDONTWRITEBYTECODE nor where that
folder is read-only; then the user cache (`CLIENTSMITH_CACHE_DIR/templates/`) is written instead,
when there is one. Entries are read from both.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from ..ground.cache import own_source_digest
from ..ground.compiled_code import may_write_beside_code, own_folder, write_whole

_OWN_FOLDER = own_folder("templates")
# The Environment's attributes that shape a template's compiled code (jinja2.Environment's arguments
# but the loader, undefined, finalize, caches and auto_reload, which act at load or render time).
_COMPILE_SETTINGS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "extensions",
    "optimized",
    "autoescape",
    "is_async",
)


class CompiledTemplates(jinja2.BytecodeCache):
    """Reads compiled templates from `folders` (first hit wins) and writes them to `writable`."""

    def __init__(self, folders: Sequence[Path], writable: Path | None, environment: jinja2.Environment) -> None:
        self.folders = tuple(folders)
        self.writable = writable
        # What decides the compiled code besides the template's text: Jinja (its code generator), the
        # environment's settings the lexer and compiler read, and clientsmith's own code: the compiler
        # reads how each filter takes its arguments, and folds a filter applied to a constant into
        # its value (so filters.py's code is in the compiled template).
        settings = {name: repr(getattr(environment, name)) for name in _COMPILE_SETTINGS}
        settings["extensions"] = repr(sorted(environment.extensions))  # by name: their objects' repr has an address
        self.salt = f"jinja2={jinja2.__version__}\0{sorted(settings.items())!r}\0{own_source_digest()}\0"

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        # One entry per template file and interpreter: a new text (or Jinja, or clientsmith) replaces it.
        return hashlib.sha256(f"{sys.implementation.cache_tag}\0{name}\0{filename}".encode()).hexdigest()

    def get_source_checksum(self, source: str) -> str:
        """What an entry must have been compiled from to be used (Jinja compares it on load)."""
        return hashlib.sha256((self.salt + source).encode()).hexdigest()

    def load_bytecode(self, bucket: Bucket) -> None:
        for folder in self.folders:
            try:
                with open(folder / bucket.key, "rb") as stream:
                    bucket.load_bytecode(stream)  # rejects another source's or Python's code itself
            except OSError:
                continue
            if bucket.code is not None:
                return

    def dump_bytecode(self, bucket: Bucket) -> None:
        if self.writable is None:
            return
        data = BytesIO()
        bucket.write_bytecode(data)
        if not write_whole(self.writable, bucket.key, data.getvalue()):
            self.writable = None  # a cache that cannot be written costs time, never the run


def compiled_templates(environment: jinja2.Environment, user_cache: Path | None) -> CompiledTemplates:
    """The cache of `environment`'s compiled templates: beside clientsmith's code when it may be
    written there, else in `user_cache` (None: the user cache is disabled)."""
    folders = [_OWN_FOLDER] + ([user_cache] if user_cache is not None else [])
    writable = _OWN_FOLDER if may_write_beside_code(_OWN_FOLDER) else user_cache
    return CompiledTemplates(folders, writable, environment)
