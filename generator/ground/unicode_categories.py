"""The runs of code points that share a Unicode general category, kept between runs like a `.pyc`.

Finding them takes one pass over all 1,114,112 code points (~0.3 s, most of the pattern work of a
document that spells `\\p{L}`). They depend only on the interpreter's Unicode database, so they are
kept beside clientsmith's code (`compiled_code.own_folder`), named by that database's version and the
interpreter, and read back on later runs; an entry is checked against the database before it is used.
"""

from __future__ import annotations

import functools
import itertools
import marshal
import sys
import unicodedata

from .compiled_code import may_write_beside_code, own_folder, write_whole

Runs = tuple[tuple[int, int, str], ...]  # (first code point, last code point, category)

_FOLDER = own_folder("unicode")
_NAME = f"categories-{unicodedata.unidata_version}-{sys.implementation.cache_tag}-{sys.maxunicode:x}.marshal"


@functools.cache
def category_runs() -> Runs:
    """Every run of consecutive code points sharing a general category, in order."""
    kept = _read()
    if kept is not None:
        return kept
    runs = _compute()
    if may_write_beside_code(_FOLDER):
        write_whole(_FOLDER, _NAME, marshal.dumps(runs))
    return runs


def _compute() -> Runs:
    runs: list[tuple[int, int, str]] = []
    code = 0
    # map and groupby walk the code points in C: a third faster than a loop of calls in Python
    for category, members in itertools.groupby(map(unicodedata.category, map(chr, range(sys.maxunicode + 1)))):
        count = len(list(members))
        runs.append((code, code + count - 1, category))
        code += count
    return tuple(runs)


def _read() -> Runs | None:
    try:
        runs = marshal.loads((_FOLDER / _NAME).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return runs if _sound(runs) else None


def _sound(runs: object) -> bool:
    """Runs that cover every code point in order, each starting at a code point of its category."""
    if not isinstance(runs, tuple) or not runs:
        return False
    expected = 0
    for run in runs:
        if not (isinstance(run, tuple) and len(run) == 3 and run[0] == expected and isinstance(run[1], int) and run[1] >= run[0] and isinstance(run[2], str)):
            return False
        low, high, category = run
        if unicodedata.category(chr(low)) != category:
            return False
        expected = high + 1
    return expected == sys.maxunicode + 1
