"""Distributions: a name in its PEP 503 normal form (the generated project's, and how an installed
one is found), and the installed version of one (black, ruff): part of the cache keys, asked on every run.

The version is read from the name of its `NAME-VERSION.dist-info` folder, the first on `sys.path`, as
`importlib.metadata` finds it, without importing `importlib.metadata` (~10 ms of start-up, and a
few more for each question); `importlib.metadata` itself answers whatever that folder name cannot
(an egg, a zip, two candidates in one folder)."""

from __future__ import annotations

import functools
import os
import re
import sys

MISSING = "missing"
_SEPARATORS = re.compile(r"[-_.]+")


def normalized_name(name: str) -> str:
    """A distribution name in its PEP 503 normal form: `Oslo.Concurrency` -> `oslo-concurrency`
    (written here: packaging's own helper lives in a module that imports its platform tags, ~10 ms)."""
    return _SEPARATORS.sub("-", name).lower()


@functools.cache
def distribution_version(name: str) -> str:
    """`name`'s installed version, or "missing"."""
    wanted = normalized_name(name)
    for entry in sys.path:
        try:
            folders = os.listdir(entry or ".")
        except OSError:
            continue  # not a folder (a zip) or gone: only importlib.metadata reads those
        found = [folder for folder in folders if _is_record_of(folder, wanted)]
        if len(found) == 1:
            version = found[0][: -len(".dist-info")].partition("-")[2]
            if version and "-" not in version:
                return version
        if found:
            break  # ambiguous here: importlib.metadata decides
    return _asked_of_metadata(name)


def _is_record_of(folder: str, wanted: str) -> bool:
    if not folder.endswith(".dist-info") and not folder.endswith(".egg-info"):
        return False
    return normalized_name(folder.partition("-")[0]) == wanted


def _asked_of_metadata(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return MISSING
