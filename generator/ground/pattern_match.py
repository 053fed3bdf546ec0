"""Whether a document's `pattern` finds a text, in bounded time.

A pattern is untrusted input. Python's `re` backtracks without limit: BeezUp's URL pattern
`^(https?:\\/\\/)?([\\da-z\\.-]+)\\.([a-z\\.]{2,6})([\\/\\w \\.-]*)*\\/?$` held generation for
minutes on one example URL it rejects (nested repeats: exponential in the text's length).
jsonschema-rs (already the validator's fast backend) matches with a backtracking limit, and with
ECMA-262 semantics, which is what JSON Schema means by `pattern` (`\\d` is 0-9, `$` is the end).
Python's `re` on the translated pattern (`pattern_syntax.translate`) is the fallback for the rare
pattern jsonschema-rs cannot compile.
"""

from __future__ import annotations

import functools
from typing import Any

import jsonschema_rs

from .pattern_syntax import compile_pattern


@functools.lru_cache(maxsize=4096)
def _bounded(pattern: str) -> Any:
    """jsonschema-rs's validator of `{"pattern": pattern}`, or None when it cannot compile it."""
    try:
        return jsonschema_rs.validator_for({"pattern": pattern})
    except (ValueError, jsonschema_rs.ValidationError):
        return None


def pattern_finds(pattern: str, text: str) -> bool | None:
    """Whether `pattern` finds `text` (JSON Schema's search); None when Python cannot read the
    pattern even translated (the generated tests drop such a pattern, so nothing checks it)."""
    compiled = compile_pattern(pattern)
    if compiled is None:
        return None
    bounded = _bounded(pattern)
    if bounded is None:
        return compiled.search(text) is not None
    return bool(bounded.is_valid(text))
