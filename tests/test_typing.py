"""What mypy says about calls to a generated client: the signatures carry the spec's requirements."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

USAGE = '''
from generated.alfred import Client, models

client = Client(api_key="k")
client.jobs.create(session_id="s")                                      # fields: fine
client.jobs.create(body=models.JobCreateRequest(session_id="s"))        # whole model: fine
client.jobs.create(priority="high")                                     # line 6: session_id missing
client.deferred_sessions.get(123)                                       # line 7: id is a str
job: models.JobCreated = client.jobs.create(session_id="s", merge=True) # typed result
client.files.upload(session_id="s")                                     # line 9: file missing
'''


def test_mypy_enforces_required_arguments_and_types(tmp_path: Path) -> None:
    usage = tmp_path / "usage.py"
    usage.write_text(USAGE.lstrip("\n"))
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--follow-imports=silent", str(usage)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    error_lines = sorted({int(line.split(":")[1]) for line in result.stdout.splitlines() if ": error:" in line})
    assert error_lines == [6, 7, 9], result.stdout
