"""The single escaping path: spec text can never become code."""

from __future__ import annotations

import ast

import pytest

from generator.render.filters import docstring, ident, literal

HOSTILE = [
    '"""; import os; os.system("echo pwned"); """',
    "'; __import__('os').system('x'); '",
    "\\",
    'ends with a quote"',
    "line\nbreak\r\nand \x00 nul \x1b escape",
    "{__import__('os')}",
    "\N{SNOWMAN} unicode \u2028 separator",
    "\\N{BULLET}",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_literal_round_trips_any_string(text: str) -> None:
    source = literal(text)
    assert ast.literal_eval(source) == text


def test_literal_handles_containers_and_rejects_objects() -> None:
    value = {"a": [1, 2.5, None, True], "b": ("x",)}
    assert ast.literal_eval(literal(value)) == {"a": [1, 2.5, None, True], "b": ("x",)}
    with pytest.raises(TypeError):
        literal(object())


@pytest.mark.parametrize("text", HOSTILE)
def test_docstring_cannot_escape_its_quotes(text: str) -> None:
    module = f'def f() -> None:\n    """{docstring(text, "    ")}"""\n'
    tree = ast.parse(module)
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    assert len(function.body) == 1  # only the docstring: nothing was injected
    assert isinstance(function.body[0], ast.Expr)


@pytest.mark.parametrize("name", ["os.system", "a b", "class", "x;y", "é", ""])
def test_ident_refuses_anything_but_a_plain_identifier(name: str) -> None:
    with pytest.raises(ValueError):
        ident(name)


def test_ident_accepts_identifiers() -> None:
    assert ident("create_session") == "create_session"
