"""Every Python example in the README's Providers section runs and prints what it says."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import REPO

SECTION = REPO.joinpath("README.md").read_text(encoding="utf-8").split("## Providers", 1)[1]
EXAMPLES = re.findall(r"### (.+?)\n.*?```python\n(.*?)```", SECTION, flags=re.S)


def test_every_provider_has_an_example() -> None:
    assert [name for name, _ in EXAMPLES] == ["Kodexa", "DataWollet", "Raydocs", "Alfred (TagShelf)"]


@pytest.mark.parametrize(("name", "code"), EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_readme_example_runs(name: str, code: str) -> None:
    run = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    expected = re.search(r"print\(.*\)\s+# (.+)", code)
    assert expected is not None, f"{name}: the example must state its output in a comment"
    assert run.stdout.strip() == expected.group(1).strip()
