"""The load stage's result: the bundled document, the files it came from, and where each part came from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..ground.diagnostics import Location
from .bundle import bundle
from .documents import SourceFile, read_source
from .source_map import SourceMap


@dataclass
class LoadedSpec:
    """The root document with every other file's part brought in (bundle.py), plus the files it came from."""

    root: SourceFile
    data: dict[str, Any]
    files: dict[Path, SourceFile]
    notes: list[str] = field(default_factory=list)  # warnings before validation (the Swagger 2.0 repairs of the upgrade stage)
    source_map: SourceMap | None = None  # None: every pointer is the root file's
    # For a converted Swagger 2.0 document: where a place of `data` was in the 2.0 document (upgrade sets it).
    source_pointer: Callable[[str], str] | None = None

    @property
    def text_size(self) -> int:
        """The characters of all its files: what the costs of checking a document grow with."""
        others = sum(len(source.text) for source in self.files.values() if source is not self.root)
        return len(self.root.text) + others

    def locate(self, pointer: str) -> Location:
        """`file:line:column` of a pointer in the bundled document, in the file that part came from."""
        written = self._written(pointer)
        found = self.root.locate(written) if self.source_map is None else self.source_map.locate(written)
        if written is pointer:
            return found
        return Location(found.file, found.line, found.column, pointer)  # the pointer names what later stages read

    def source_of(self, pointer: str) -> SourceFile:
        """The file a pointer's part came from."""
        return self.root if self.source_map is None else self.source_map.origin(self._written(pointer)).source

    def scalar_text(self, pointer: str, value: Any) -> str | None:
        """How the file the scalar came from spells it (see `SourceFile.scalar_text`)."""
        written = self._written(pointer)
        if self.source_map is None:
            return self.root.scalar_text(written, value)
        return self.source_map.scalar_text(written, value)

    def _written(self, pointer: str) -> str:
        """The pointer in the document as loaded (before a Swagger 2.0 conversion)."""
        return pointer if self.source_pointer is None else self.source_pointer(pointer)


def load_spec(path: Path, display: str | None = None) -> LoadedSpec:
    """Load a spec and bring in the files its `$ref`s name inside its folder.

    A Swagger 2.0 document is returned as it is (bundled too): the upgrade stage checks and converts it.
    """
    root = read_source(path, display)
    files = {path.resolve(): root}
    data, source_map = bundle(root, files)
    return LoadedSpec(root, data, files, source_map=source_map if source_map.entries else None)
