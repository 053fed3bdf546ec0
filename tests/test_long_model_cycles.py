"""A cycle of many models (Elasticsearch's mapping properties: some fifty models, each holding a map
of all of them) is read: pydantic's first build of a validator walks the whole cycle recursively,
deeper than Python's default 1000 frames, and the runtime gives that build room to recurse
(`_models.with_build_room`), by either door a build comes through: a reader's adapter or a model's
own first use. A build that fits the default leaves the limit alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import minimal_spec
from tests.test_contract_fixes import generate, run_generated_tests

CYCLE = 200  # models; with the default limit the first build overflows from about 60


def _cycle_spec(size: int) -> dict[str, Any]:
    schemas = {
        f"M{index}": {"type": "object", "properties": {"name": {"type": "string"}, "next": {"$ref": f"#/components/schemas/M{(index + 1) % size}"}}}
        for index in range(size)
    }
    reply = {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/M0"}}}}
    return minimal_spec(paths={"/m": {"get": {"operationId": "getM", "responses": {"200": reply}}}}, components={"schemas": schemas})


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("cycle"), _cycle_spec(CYCLE))


def _run(out: Path, code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], cwd=out, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_a_reader_of_a_long_cycle_builds(out: Path) -> None:
    code = "from pkg import models\nfrom pkg._reading import reader\nprint(type(reader(models.M0).python({'name': 'a', 'next': {'name': 'b'}}).next).__name__)"
    assert _run(out, code) == "M1"


def test_a_models_own_first_use_builds(out: Path) -> None:
    code = "from pkg import models\nprint(models.M7.model_validate({'name': 'x', 'next': {'name': 'y'}}).next.name)"
    assert _run(out, code) == "y"


def test_the_generated_tests_pass(out: Path) -> None:
    result = run_generated_tests(out)
    assert result.returncode == 0, result.stdout[-3000:]


def test_a_build_that_fits_leaves_the_recursion_limit_alone(tmp_path: Path) -> None:
    small = generate(tmp_path, _cycle_spec(3))
    code = "import sys\nfrom pkg import models\nfrom pkg._reading import reader\nreader(models.M0).python({'name': 'a'})\nprint(sys.getrecursionlimit())"
    untouched = _run(small, "import sys\nprint(sys.getrecursionlimit())")  # a fresh interpreter's (this one's may be raised by another test)
    assert _run(small, code) == untouched
