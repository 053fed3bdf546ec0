"""Where templates come from: the built-in set, overridden file by file by the user's folders.

A repository's `templates` folder (and a provider's own) need only hold the files it changes; every
other file is found in the templates installed with clientsmith.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..ground.diagnostics import ConfigError


def builtin_templates() -> Path:
    """The templates that ship with clientsmith: inside the installed package, or the source tree's."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "_templates"  # a wheel maps templates/ here (see pyproject.toml)
    if installed.is_dir():
        return installed
    return package.parent / "templates"


def search_path(overrides: Iterable[Path | None]) -> tuple[Path, ...]:
    """The folders to search, first match wins: the overrides in order, then the built-ins.

    A folder named twice (this repository names its own built-ins) is searched once.
    """
    folders: list[Path] = []
    seen: set[Path] = set()
    for folder in (*overrides, builtin_templates()):
        if folder is None:
            continue
        resolved = folder.resolve()
        if resolved in seen:
            continue
        if not folder.is_dir():
            raise ConfigError(f"templates folder {folder} does not exist (it overrides the built-in templates file by file; remove the setting to use only the built-ins)")
        seen.add(resolved)
        folders.append(folder)
    return tuple(folders)


def template_names(folders: Iterable[Path], subfolder: str, pattern: str) -> list[str]:
    """File names matching `pattern` in `subfolder` of any of the folders: an override may add files."""
    names: set[str] = set()
    for folder in folders:
        directory = folder / subfolder
        if directory.is_dir():
            names.update(path.name for path in directory.glob(pattern) if path.is_file())
    return sorted(names)
