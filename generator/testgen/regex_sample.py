"""A short string that a JSON-schema `pattern` finds (deterministic, no randomness).

JSON schema patterns are ECMA-262 regexes searched anywhere in the value (not a full match). The
sampler walks the parse tree `re._parser` gives of the pattern in Python's spelling
(`pattern_syntax.translate`) and builds, for every node, the simplest text it matches: first branch
of an alternation, minimum repeat counts, a readable member of each character class. Every result is
checked with `pattern_match.pattern_finds` (bounded time) and the length bounds before it is
returned; `None` means "no sample".
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
import warnings
from dataclasses import dataclass, field
from collections.abc import Iterator
from typing import Any

from ..ground.pattern_match import pattern_finds
from ..ground.pattern_syntax import compile_pattern, translate

# re._parser is private but has been stable since 3.11 (the public sre_parse alias is deprecated).
_sre_parse: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
_sre: Any = importlib.import_module("re._constants" if sys.version_info >= (3, 11) else "sre_constants")

# Characters tried, in this order, for a character class: readable ASCII first so samples look like
# ordinary identifiers and are the same on every machine (the Unicode database only matters when a
# class holds no ASCII at all).
_PREFERRED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890-_.:/ " + "".join(
    chr(code) for code in range(0x21, 0x7F) if not chr(code).isalnum()
)
# Tried last, for classes that exclude all of printable ASCII (`[^\x00-\x7f]`, `\p{M}`).
_EXOTIC = "\u00e9\u00fc\u4e2d\u0301\u00a0\u2028"
_MAX_STEPS = 20_000  # bound on work for pathological patterns (nested repeats, huge counts)
_MAX_REPEAT_SAMPLE = 64  # a repeat never expands beyond this many copies while padding

@dataclass
class _Walk:
    """State of one sampling walk: extra characters still wanted, groups seen, work done."""

    need: int
    variant: int
    groups: dict[int, str] = field(default_factory=dict)
    steps: int = 0
    choices: int = 0

    def tick(self) -> None:
        self.steps += 1
        if self.steps > _MAX_STEPS:
            raise _GiveUp


class _GiveUp(Exception):
    pass


@functools.lru_cache(maxsize=4096)
def sample(pattern: str, min_length: int | None = None, max_length: int | None = None, variant: int = 0) -> str | None:
    """A short string that `pattern` finds, within the length bounds; None when none is found.

    `variant` > 0 asks for a different string (for arrays with `uniqueItems`): the n-th choice point
    takes its n-th candidate character. Cached: a pure function of its arguments, and large documents
    repeat a pattern on thousands of properties (Microsoft Graph's numbers-as-strings).
    """
    if compile_pattern(pattern) is None:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            tree = _sre_parse.parse(translate(pattern))
    except (re.error, OverflowError, RecursionError):
        return None
    low = max(0, min_length or 0)
    try:
        text = _nodes(list(tree), _Walk(0, variant))
        if len(text) < low:
            # Too short: walk again, the repeats with room absorbing the missing characters.
            longer = _nodes(list(tree), _Walk(low - len(text), variant))
            fitted = _fit(pattern, longer, low, max_length)
            if fitted is not None:
                return fitted
    except (_GiveUp, RecursionError):
        return None
    return _fit(pattern, text, low, max_length)


def _fit(pattern: str, text: str, low: int, high: int | None) -> str | None:
    """`text`, padded to `low` characters where the pattern still finds it, if it fits `high`."""
    candidates = [text]
    if len(text) < low:
        # Search semantics: text around a match does not matter unless the pattern is anchored there.
        pad = low - len(text)
        candidates = [text + "a" * pad, "a" * pad + text, text + "0" * pad, text + " " * pad, text + text[-1:] * pad]
    for candidate in candidates:
        if len(candidate) >= low and (high is None or len(candidate) <= high) and pattern_finds(pattern, candidate):
            return candidate
    return None


def _nodes(nodes: list[tuple[Any, Any]], walk: _Walk) -> str:
    return "".join(_node(op, arg, walk) for op, arg in nodes)


def _node(op: Any, arg: Any, walk: _Walk) -> str:
    walk.tick()
    if op is _sre.LITERAL:
        return chr(arg)
    if op is _sre.NOT_LITERAL:
        return _choose([lambda char: ord(char) != arg], [], walk)
    if op is _sre.ANY:
        return _choose([lambda char: char != "\n"], [], walk)
    if op is _sre.IN:
        return _class(arg, walk)
    if op is _sre.AT:
        return ""  # anchors and boundaries match positions; the final check catches a bad spot
    if op is _sre.BRANCH:
        return _nodes(list(arg[1][0]), walk)
    if op is _sre.SUBPATTERN:
        group, _add, _del, body = arg
        text = _nodes(list(body), walk)
        if group is not None:
            walk.groups[group] = text
        return text
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
        return _repeat(arg, walk)
    if op is getattr(_sre, "ATOMIC_GROUP", None):
        return _nodes(list(arg), walk)
    if op is _sre.GROUPREF:
        return walk.groups.get(arg, "")
    if op is _sre.GROUPREF_EXISTS:
        group, yes, no = arg
        chosen = yes if group in walk.groups else no
        return _nodes(list(chosen), walk) if chosen is not None else ""
    if op in (_sre.ASSERT, _sre.ASSERT_NOT):
        return ""  # lookarounds consume nothing; the final check decides
    raise _GiveUp


def _repeat(arg: Any, walk: _Walk) -> str:
    low, high, body = arg
    body = list(body)
    if high == 0 or (low == 0 and walk.need <= 0):
        return ""  # the shortest text: no copy at all (and no choice point used up)
    once = _nodes(body, walk)
    count = low
    spare = (_MAX_REPEAT_SAMPLE if high == _sre.MAXREPEAT else min(high, _MAX_REPEAT_SAMPLE)) - low
    if walk.need > 0 and spare > 0 and once:
        # The first repeat with room absorbs the characters still missing for `minLength`.
        extra = min(spare, -(-walk.need // len(once)))
        count += extra
        walk.need = max(0, walk.need - extra * len(once))
    if count == 0:
        return ""
    parts = [once] + [_nodes(body, walk) for _ in range(count - 1)]
    return "".join(parts)


def _class(items: list[tuple[Any, Any]], walk: _Walk) -> str:
    """A member of a bracket expression: readable ASCII first, else the first code point it names."""
    negate = bool(items) and items[0][0] is _sre.NEGATE
    members = items[1:] if negate else items
    tests = [_member_test(op, arg) for op, arg in members]

    def inside(char: str) -> bool:
        return any(test(char) for test in tests) != negate

    fallbacks: list[int] = []
    if not negate:
        for op, arg in members:
            if op is _sre.LITERAL:
                fallbacks.append(arg)
            elif op is _sre.RANGE:
                fallbacks.append(arg[0])
    return _choose([inside], fallbacks, walk)


def _member_test(op: Any, arg: Any) -> Any:
    if op is _sre.LITERAL:
        return lambda char: ord(char) == arg
    if op is _sre.RANGE:
        return lambda char: arg[0] <= ord(char) <= arg[1]
    if op is _sre.CATEGORY:
        matcher = re.compile(_CATEGORIES.get(arg, r"(?!)"))
        return lambda char: matcher.fullmatch(char) is not None
    return lambda char: False


_CATEGORIES: dict[Any, str] = {
    _sre.CATEGORY_DIGIT: r"\d",
    _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S",
    _sre.CATEGORY_WORD: r"\w",
    _sre.CATEGORY_NOT_WORD: r"\W",
}


def _choose(tests: list[Any], fallbacks: list[int], walk: _Walk) -> str:
    """The first preferred character passing every test; variants step through the candidates."""
    varies = bool(walk.variant) and walk.choices == 0
    if not varies:  # the first candidate is enough: found without testing them all
        walk.choices += 1
        for char in _candidates(fallbacks):
            if all(test(char) for test in tests):
                return char
        raise _GiveUp
    found = [char for char in _PREFERRED if all(test(char) for test in tests)]
    found += [chr(code) for code in fallbacks if chr(code) not in found and all(test(chr(code)) for test in tests)]
    found += [char for char in _EXOTIC if char not in found and all(test(char) for test in tests)]
    if not found:
        raise _GiveUp
    # Only the first choice point varies: enough for distinct array items, keeps text stable.
    walk.choices += 1
    return found[walk.variant % len(found)]


def _candidates(fallbacks: list[int]) -> Iterator[str]:
    """The characters `_choose` tries, in its order (duplicates do no harm to a first match)."""
    yield from _PREFERRED
    yield from (chr(code) for code in fallbacks)
    yield from _EXOTIC
