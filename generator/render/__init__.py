"""Render stage: Jinja2 templates turn the planned contexts into Python text."""

from .environment import Renderer
from .filters import annotation, comment, docstring, docstring_end, ident, literal

__all__ = ["Renderer", "annotation", "comment", "docstring", "docstring_end", "ident", "literal"]
