"""Split a module into top-level statements and join them back as black would.

Black formats each top-level statement independently except for the blank lines between them, which
follow a few fixed rules at module level: none before the first statement; two around a `def` or
`class` (decorators included); at least one after the module docstring and after an import block
when the next statement is not an import; otherwise what the source had, at most two.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass


@dataclass(frozen=True)
class Chunk:
    text: str
    blank_before: int  # blank lines in the source before this statement (or its leading comments)
    kind: str  # "def" (def/class), "import", "docstring" or "other"


def split_chunks(source: str) -> list[Chunk] | None:
    """Top-level statements with their leading comments; None when the source cannot be split."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    lines = source.splitlines(keepends=True)
    chunks: list[Chunk] = []
    previous_end = 0
    for index, node in enumerate(tree.body):
        start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])]) - 1
        end = node.end_lineno or node.lineno
        between = lines[previous_end:start]
        first_text = next((i for i, line in enumerate(between) if line.strip()), len(between))
        if any(line.strip() and not line.strip().startswith("#") for line in between):
            return None  # stray text between statements: let black see the whole file
        comments = between[first_text:]
        blank = first_text
        if comments:
            return None  # black's blank lines around top-level comments have special cases: not modelled
        body = "".join(comments + lines[start:end])
        if not body.endswith("\n"):
            body += "\n"
        chunks.append(Chunk(body, blank, _kind(node, index)))
        previous_end = end
        if ";" in lines[end - 1] and _shares_line(tree.body, index):
            return None
    return chunks


def _shares_line(body: list[ast.stmt], index: int) -> bool:
    return index + 1 < len(body) and body[index + 1].lineno == body[index].end_lineno


def _kind(node: ast.stmt, index: int) -> str:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return "def"
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return "import"
    if index == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
        return "docstring"
    return "other"


def join_chunks(chunks: list[Chunk], formatted: list[str]) -> str:
    parts: list[str] = []
    for index, (chunk, text) in enumerate(zip(chunks, formatted)):
        if index:
            previous = chunks[index - 1]
            if chunk.kind == "def" or previous.kind == "def":
                blank = 2
            elif previous.kind == "docstring":
                blank = 1
            elif previous.kind == "import" and chunk.kind != "import":
                blank = max(1, min(chunk.blank_before, 2))
            else:
                blank = min(chunk.blank_before, 2)
            parts.append("\n" * blank)
        parts.append(text)
    return "".join(parts)
