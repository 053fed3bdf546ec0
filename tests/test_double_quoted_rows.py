"""Table rows of generated tests are double-quoted by a scanner (testgen/views.py `_double_quoted`);
it must agree with Python's own tokenizer on every row shape `literal` writes."""

from __future__ import annotations

import io
import tokenize

import pytest

from generator.ground.escaping import literal as _literal
from generator.testgen.views import _double_quoted


def literal(value: object) -> str:
    return repr(value) if isinstance(value, bytes) else _literal(value)


def _by_tokens(row: str) -> str:
    """The reference: plain single-quoted STRING tokens double-quoted."""
    pieces: list[str] = []
    end = 0
    for token in tokenize.generate_tokens(io.StringIO(row).readline):
        if token.type != tokenize.STRING:
            continue
        text = token.string
        if text[0] == "'" and not text.startswith("'''") and '"' not in text:
            pieces += [row[end : token.start[1]], '"' + text[1:-1] + '"']
            end = token.end[1]
    return "".join(pieces) + row[end:]


VALUES = ["plain", "it's", 'say "hi"', "", "back\\slash", "tab\there", "é ünïcode", "new\nline", "'", '"', "\\'", "a'b\"c", b"bytes", b"it's", 1, 2.5, None, True, ["x", "y's"], {"k": "v", "q'": ['"']}]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_scanner_matches_the_tokenizer(value: object) -> None:
    row = f"Case(200, {literal(value)}, NAME_200, key={literal(str(value))}, extra=r'raw', more='''t''')"
    assert _double_quoted(row) == _by_tokens(row)


def test_a_row_without_single_quotes_is_itself() -> None:
    row = 'Case(200, "a", NAME)'
    assert _double_quoted(row) == row


def test_plain_strings_are_double_quoted_and_prefixed_ones_kept() -> None:
    assert _double_quoted("f('a', b'b', 'c\"d')") == "f(\"a\", b'b', 'c\"d')"
