"""Start-up (issue 24): what a cold `generate` of a small document does before and besides its work.

No timings here: what is checked is what makes start-up cheap, each as a fact of one run.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jinja2
import pytest

from generator.ground import compiled_code
from generator.pipeline import Job, build
from generator.render import compiled

from tests.conftest import REPO, minimal_spec, write_spec


def _spec(folder: Path) -> Path:
    return write_spec(
        folder,
        minimal_spec(
            paths={
                "/pets/{id}": {
                    "get": {
                        "operationId": "getPet",
                        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                        "responses": {"200": {"description": "a pet", "content": {"application/json": {"schema": {"type": "object", "properties": {"name": {"type": "string"}}}}}}},
                    }
                }
            }
        ),
    )


def _python(code: str, cwd: Path) -> str:
    result = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "CLIENTSMITH_CACHE_DIR": str(cwd / "cache")}, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_ruff_run_imports_no_black_and_sets_the_stages_aside_from_the_garbage_collector(tmp_path: Path) -> None:
    spec = _spec(tmp_path)
    code = (
        "import gc, json, sys\n"
        "from generator.cli import main\n"
        f"code = main(['generate', {str(spec)!r}, '--package', 'pets', '--out', {str(tmp_path / 'out')!r}, '-q'])\n"
        "print(json.dumps([code, 'generator.format.with_black' in sys.modules, 'black' in sys.modules, gc.isenabled(), gc.get_freeze_count() > 10000]))\n"
    )
    code_, with_black, black, enabled, frozen = json.loads(_python(code, tmp_path).splitlines()[-1])
    assert code_ == 0
    assert not with_black and not black, "ruff formats: black's module and its cache are not needed"
    assert enabled, "the garbage collector runs as before once the stages are imported"
    assert frozen, "the stages' objects are set aside (gc.freeze): collections do not scan them"


def test_a_library_build_leaves_the_garbage_collector_alone(tmp_path: Path) -> None:
    spec = _spec(tmp_path)
    code = (
        "import gc, json\n"
        "from pathlib import Path\n"
        "from generator.pipeline import Job, build\n"
        f"build(Job('pets', Path({str(spec)!r}), Path({str(tmp_path / 'out' / 'pets')!r}), 'spec.yaml'), use_cache=False)\n"
        "print(json.dumps(gc.get_freeze_count()))\n"
    )
    assert json.loads(_python(code, tmp_path).splitlines()[-1]) == 0, "only the command line, which owns its process, freezes"


def test_an_empty_output_cache_compiles_no_template_and_no_proof_module_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The project's "cold" run (a fresh CLIENTSMITH_CACHE_DIR) after a first one: the compiled
    templates and the proof's compiled modules are kept beside the code, like .pyc files."""
    monkeypatch.setattr(compiled_code, "_PYCACHE", tmp_path / "pycache")
    monkeypatch.setattr(compiled, "_OWN_FOLDER", tmp_path / "pycache" / "templates")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    spec = _spec(tmp_path)
    monkeypatch.setenv("CLIENTSMITH_CACHE_DIR", str(tmp_path / "first-cache"))
    first = build(Job("pets", spec, tmp_path / "out" / "pets", "spec.yaml"))
    templates: list[str] = []
    modules: list[str] = []
    original_template = jinja2.Environment.compile

    def compile_template(self: jinja2.Environment, source: Any, name: str | None = None, *args: Any, **kwargs: Any) -> Any:
        templates.append(str(name))
        return original_template(self, source, name, *args, **kwargs)

    def compile_module(source: Any, path: str, *args: Any, **kwargs: Any) -> Any:
        modules.append(path)
        return compile(source, path, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", compile_template)
    monkeypatch.setattr(compiled_code, "compile", compile_module, raising=False)  # the module's global, shadowing the builtin
    monkeypatch.setenv("CLIENTSMITH_CACHE_DIR", str(tmp_path / "second-cache"))  # cold: a new, empty output cache
    second = build(Job("pets", spec, tmp_path / "out" / "pets", "spec.yaml"))
    assert templates == [] and modules == []
    assert dict(second.files) == dict(first.files)


@pytest.mark.parametrize("version", ["2.0", "3.0", "3.1", "3.2"])
def test_the_openapi_schema_read_as_json_is_the_one_openapi_spec_validator_reads(version: str) -> None:
    from openapi_spec_validator.schemas.utils import get_schema_content

    from generator.validate.checks import openapi_schema

    assert openapi_schema(version) == get_schema_content(version)


def test_the_source_digest_lists_files_as_before_without_entering_pycache(tmp_path: Path) -> None:
    from generator.ground.cache import _files_under

    for name in ("b.py", "a/z.jinja", "a/__pycache__/x.pyc", "__pycache__/templates/k", "a-b/c.py", "a.b", "A/c"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name)
    expected = sorted(path for path in tmp_path.rglob("*") if path.is_file() and "__pycache__" not in path.parts)
    assert _files_under(tmp_path) == expected
    assert [path.relative_to(tmp_path).as_posix() for path in expected] == ["A/c", "a/z.jinja", "a-b/c.py", "a.b", "b.py"]
