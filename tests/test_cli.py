"""The command line end to end: exit codes, messages, and an untouched output on failure."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, minimal_spec, run_cli, write_spec

PET_SPEC = minimal_spec(
    paths={
        "/pets/{petId}": {
            "get": {
                "operationId": "getPet",
                "tags": ["pets"],
                "parameters": [{"name": "petId", "in": "path", "required": True, "schema": {"type": "integer"}}],
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}},
            }
        }
    },
    components={"schemas": {"Pet": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}}}},
)


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def make_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    (project / "specs").mkdir(parents=True)
    write_spec(project / "specs", PET_SPEC, "pets.yaml")
    (project / "pyproject.toml").write_text(
        f'[tool.clientsmith]\noutput = "generated"\ntemplates = "{REPO / "templates"}"\n\n[tool.clientsmith.providers.pets]\nspec = "specs/pets.yaml"\n'
    )
    return project


def test_generate_then_check_is_clean_and_deterministic(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    first = run_cli("generate", cwd=project)
    assert first.returncode == 0, first.stderr
    before = tree_digest(project / "generated")
    assert "pets/_client.py" in before and "pets/models.py" in before and "__init__.py" in before
    second = run_cli("generate", cwd=project)
    assert second.returncode == 0 and "0 written" in second.stdout
    assert tree_digest(project / "generated") == before
    check = run_cli("check", cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr


def test_check_reports_drift_with_a_diff(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert run_cli("generate", cwd=project).returncode == 0
    models = project / "generated" / "pets" / "models.py"
    models.write_text(models.read_text() + "\n# hand edit\n")
    (project / "generated" / "pets" / "leftover.py").write_text("x = 1\n")
    check = run_cli("check", cwd=project)
    assert check.returncode == 1
    assert "+++ b/generated/pets/models.py" in check.stdout
    assert "-# hand edit" in check.stdout
    assert "leftover.py (stale" in check.stdout
    assert "1 changed, 0 missing, 1 stale" in check.stderr


def test_generate_removes_stale_files(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert run_cli("generate", cwd=project).returncode == 0
    stale = project / "generated" / "pets" / "resources" / "old_resource.py"
    stale.write_text("x = 1\n")
    assert run_cli("generate", cwd=project).returncode == 0
    assert not stale.exists()


@pytest.mark.parametrize(
    ("broken_text", "expected"),
    [
        ("openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths:\n  /a: {get: [\n", "invalid YAML"),
        # a defect of the whole document (a parameter's own is read without the parameter: test_one_bad_part.py)
        ("openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths: []\n", "'paths' must be"),
        (
            # a dangling $ref with no part-local reading (a schema's would be read as Any: test_one_bad_part.py)
            "openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths: {}\ncomponents:\n  securitySchemes:\n    A: {$ref: '#/components/securitySchemes/Gone'}\n",
            "does not resolve",
        ),
    ],
)
def test_broken_spec_is_one_line_exit_1_and_output_untouched(tmp_path: Path, broken_text: str, expected: str) -> None:
    project = make_project(tmp_path)
    assert run_cli("generate", cwd=project).returncode == 0
    before = tree_digest(project / "generated")
    (project / "specs" / "pets.yaml").write_text(broken_text)
    result = run_cli("generate", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: specs/pets.yaml:") and expected in lines[0]
    assert tree_digest(project / "generated") == before


def test_ad_hoc_generation_and_usage_errors(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, PET_SPEC)
    ok = run_cli("generate", str(spec), "--package", "petsdk", "--out", str(tmp_path / "out"))
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "out" / "petsdk" / "_client.py").is_file()
    assert run_cli("generate", str(spec), "--package", "not-a-name", "--out", str(tmp_path)).returncode == 2
    assert run_cli("generate", str(spec)).returncode == 2
    assert run_cli("frobnicate").returncode == 2


def test_validate_command(tmp_path: Path) -> None:
    good = write_spec(tmp_path, PET_SPEC, "good.yaml")
    bad = write_spec(tmp_path, "openapi: 3.1.0\ninfo: {title: x}\npaths: {}\n", "bad.yaml")
    assert run_cli("validate", str(good)).returncode == 0
    result = run_cli("validate", str(good), str(bad))
    assert result.returncode == 1 and "bad.yaml:2:7" in result.stderr


def test_provider_specs_are_valid() -> None:
    specs = sorted(str(path) for path in (REPO / "specs").glob("*.yaml"))
    assert len(specs) == 4
    result = run_cli("validate", *specs)
    assert result.returncode == 0, result.stderr


def test_unknown_provider_is_a_usage_error() -> None:
    result = run_cli("generate", "--provider", "nope")
    assert result.returncode == 2 and "unknown provider" in result.stderr


def test_installed_templates_fallback_exists() -> None:
    assert shutil.which("python3") is not None
    assert (REPO / "templates" / "package" / "_client.py.jinja").is_file()


def test_output_cache_follows_every_input(tmp_path: Path) -> None:
    """A warm cache must notice a changed spec, a changed $ref'd file and a hand-edited output."""
    project = make_project(tmp_path)
    cache = tmp_path / "cache"
    (project / "specs" / "common.yaml").write_text("Pet:\n  type: object\n  properties:\n    id: {type: integer}\n")
    spec = project / "specs" / "pets.yaml"
    spec.write_text(spec.read_text().replace("Pet:\n      type: object", "Pet:\n      $ref: common.yaml#/Pet\n      description: p", 1))
    assert run_cli("generate", cwd=project, cache_dir=cache).returncode == 0
    models = project / "generated" / "pets" / "models.py"
    assert "id: int | None" in models.read_text()
    assert run_cli("check", cwd=project, cache_dir=cache).returncode == 0
    (project / "specs" / "common.yaml").write_text("Pet:\n  type: object\n  properties:\n    id: {type: string}\n")
    stale = run_cli("check", cwd=project, cache_dir=cache)
    assert stale.returncode == 1 and "+    id: str | None" in stale.stdout, stale.stdout
    assert run_cli("generate", cwd=project, cache_dir=cache).returncode == 0
    models.write_text(models.read_text() + "# edited\n")
    edited = run_cli("check", cwd=project, cache_dir=cache)
    assert edited.returncode == 1 and "-# edited" in edited.stdout
    assert run_cli("generate", cwd=project, cache_dir=cache).returncode == 0
    assert "# edited" not in models.read_text()
