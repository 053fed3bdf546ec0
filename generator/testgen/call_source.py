"""Small pieces of test source shared by the case builders (cases.py) and the paging walk (paging.py)."""

from __future__ import annotations

from ..ground.escaping import literal
from .views import Argument


def keywords(arguments: list[Argument] | tuple[Argument, ...]) -> set[str]:
    """The names of the keyword arguments a call passes."""
    return {argument.source.split("=", 1)[0] for argument in arguments if "=" in argument.source.split("(", 1)[0]}


def is_a(target: str, klass: str) -> str:
    """`assert isinstance(target, klass)` that says, when it fails, which type the value has instead."""
    return f"assert isinstance({target}, {klass}), {literal('expected ' + klass + ', got ')} + type({target}).__name__"
