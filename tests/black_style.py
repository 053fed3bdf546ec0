"""Is a folder of generated code exactly what black would write? (The default formatter is ruff.)"""

from __future__ import annotations

import difflib
from pathlib import Path

import black

BLACK_MODE = black.Mode(target_versions={black.TargetVersion.PY311}, line_length=100)


def black_differences(folder: Path, limit: int = 3) -> str:
    """A short diff for each .py file black would change (empty when every file is black's output)."""
    reports = []
    for path in sorted(folder.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        formatted = black.format_str(text, mode=BLACK_MODE)
        if formatted != text:
            diff = difflib.unified_diff(text.splitlines(), formatted.splitlines(), str(path), "black", lineterm="", n=1)
            reports.append("\n".join(list(diff)[:40]))
            if len(reports) >= limit:
                break
    return "\n\n".join(reports)
