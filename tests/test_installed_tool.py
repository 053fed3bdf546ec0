"""clientsmith as users get it: a wheel installed into a fresh environment, used from other folders.

Nothing here imports the repository's code. The wheel is built from a copy of the working tree (so
a stale `build/` folder cannot leak into it), installed into a new virtual environment outside the
repository, and driven through its `clientsmith` command: ad hoc generation, a second repository's
`[tool.clientsmith]` with file-by-file template overrides, the published pre-commit hooks run by
real `pre-commit`, and a generated project built, pip-installed and tested from site-packages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Pet Store", "version": "2.1-beta"},
    "servers": [{"url": "https://pets.example.test/v1"}],
    "security": [{"apiKey": []}],
    "paths": {
        "/pets": {
            "get": {
                "operationId": "listPets",
                "tags": ["pets"],
                "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1}}],
                "responses": {
                    "200": {"description": "ok", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}}}}},
                    "404": {"description": "missing", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                },
            },
            "post": {
                "operationId": "createPet",
                "tags": ["pets"],
                "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}},
                "responses": {"201": {"description": "created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}},
            },
        }
    },
    "components": {
        "securitySchemes": {"apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"}},
        "schemas": {
            "Pet": {
                "type": "object",
                "required": ["name"],
                "properties": {"id": {"type": "integer", "readOnly": True}, "name": {"type": "string", "example": "Rex"}, "tag": {"type": "string"}},
            },
            "Problem": {"type": "object", "properties": {"detail": {"type": "string"}}},
        },
    },
}


def run(command: Sequence[str | Path], cwd: Path, env: dict[str, str] | None = None, expect: int | None = 0) -> subprocess.CompletedProcess[str]:
    """Run a command; fail the test with its output when the exit code is not `expect`."""
    result = subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True, env=env, timeout=600)
    if expect is not None and result.returncode != expect:
        pytest.fail(f"{' '.join(map(str, command))} exited {result.returncode} (expected {expect})\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return result


def clean_env(**extra: str) -> dict[str, str]:
    """The environment of a user's shell: nothing of this repository on the path or in PYTHONPATH."""
    keep = {key: value for key, value in os.environ.items() if key.startswith(("PIP_", "HOME", "LANG", "LC_", "XDG_", "SSL_", "REQUESTS_"))}
    keep.update(PATH="/usr/local/bin:/usr/bin:/bin", **extra)
    return keep


def new_venv(folder: Path) -> Path:
    run([sys.executable, "-m", "venv", folder], cwd=folder.parent)
    return folder / "bin"


def git(folder: Path, *args: str) -> str:
    env = clean_env(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.test", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.test")
    return run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args], cwd=folder, env=env).stdout.strip()


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file() and "__pycache__" not in path.parts}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("installed")


@pytest.fixture(scope="module")
def source_repo(workspace: Path) -> tuple[Path, str]:
    """This working tree as a git repository of its own (what `repo:` in a pre-commit config clones)."""
    listed = run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO).stdout.split("\0")
    target = workspace / "clientsmith-src"
    for name in listed:
        if not name or name.startswith(("generated/", "benchmarks/results/")) or not (REPO / name).is_file():
            continue
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target / name)
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "clientsmith under test")
    return target, git(target, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def tool_wheel(workspace: Path, source_repo: tuple[Path, str]) -> Path:
    dist = workspace / "dist"
    run([sys.executable, "-m", "build", "--wheel", "--outdir", dist, source_repo[0]], cwd=workspace, env=clean_env())
    wheels = list(dist.glob("clientsmith-*.whl"))
    assert len(wheels) == 1, wheels
    names = zipfile.ZipFile(wheels[0]).namelist()
    assert "clientsmith/_templates/package/_client.py.jinja" in names and "clientsmith/_templates/runtime/_client_base.py" in names
    assert not any(name.startswith(("generator/", "templates/", "tests/")) for name in names), "the wheel installs only the clientsmith package"
    return wheels[0]


@pytest.fixture(scope="module")
def tool_bin(workspace: Path, tool_wheel: Path) -> Path:
    """A fresh environment holding nothing but clientsmith's wheel and what it declares.

    uv installs it (seconds, where pip takes tens); pip's own install of clientsmith is the one
    pre-commit runs below, and pip installs the generated project.
    """
    folder = workspace / "tool-venv"
    uv = Path(sys.executable).parent / "uv"
    run([uv, "venv", "-q", "--python", sys.executable, folder], cwd=workspace, env=clean_env())
    run([uv, "pip", "install", "-q", "--python", folder / "bin" / "python", tool_wheel], cwd=workspace, env=clean_env())
    return folder / "bin"


@pytest.fixture(scope="module")
def adhoc_project(workspace: Path, tool_bin: Path) -> Path:
    folder = workspace / "elsewhere"
    folder.mkdir()
    (folder / "pets.yaml").write_text(yaml.safe_dump(SPEC, sort_keys=False))
    result = run([tool_bin / "clientsmith", "generate", "pets.yaml", "--package", "petsdk", "--out", "client"], cwd=folder, env=clean_env())
    assert "petsdk:" in result.stdout
    assert "not proven" not in result.stderr  # the installed tool proves the tests' values: it has all the proof runs
    return folder / "client"


def test_installed_tool_generates_from_any_folder_what_the_repository_generates(adhoc_project: Path, workspace: Path) -> None:
    reference = workspace / "reference"
    spec = adhoc_project.parent / "pets.yaml"
    command = [sys.executable, "-m", "generator", "generate", spec, "--package", "petsdk", "--out", reference, "-q"]
    run(command, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert tree(adhoc_project) == tree(reference), "the installed tool and the source tree write different bytes"
    assert (adhoc_project / "petsdk" / "py.typed").is_file() and (adhoc_project / "petsdk" / "tests" / "openapi.json").is_file()


@pytest.mark.parametrize("installer", ["pipx", "uv"])
def test_tool_installs_work_from_any_folder(installer: str, tool_wheel: Path, adhoc_project: Path, tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    env = clean_env(PIPX_HOME=str(tmp_path / "pipx"), PIPX_BIN_DIR=str(bin_dir), UV_TOOL_DIR=str(tmp_path / "uv"), UV_TOOL_BIN_DIR=str(bin_dir))
    tools = Path(sys.executable).parent
    install = [tools / "pipx", "install", tool_wheel] if installer == "pipx" else [tools / "uv", "tool", "install", tool_wheel]
    run(install, cwd=tmp_path, env=env)
    run([bin_dir / "clientsmith", "generate", adhoc_project.parent / "pets.yaml", "--package", "petsdk", "--out", "client", "-q"], cwd=tmp_path, env=env)
    assert tree(tmp_path / "client") == tree(adhoc_project)


def test_adhoc_generation_writes_a_project_named_from_the_document(adhoc_project: Path, tool_bin: Path) -> None:
    import tomllib

    project = tomllib.loads((adhoc_project / "pyproject.toml").read_text())["project"]
    assert project["name"] == "pet-store-client"
    assert project["version"] == "2.1b0"  # info.version 2.1-beta, normalised by PEP 440
    assert project["readme"] == "petsdk/README.md"
    assert project["requires-python"] == ">=3.11"
    assert sorted(project["dependencies"]) == ["httpx>=0.27,<1", "pydantic>=2.11,<3"]
    assert "pytest --pyargs petsdk.tests" in (adhoc_project / "petsdk" / "README.md").read_text()
    other = adhoc_project.parent / "named"
    flags = ["--project-name", "acme-pets", "--project-version", "7.0.1"]
    run([tool_bin / "clientsmith", "generate", "pets.yaml", "--package", "petsdk", "--out", other, *flags, "-q"], cwd=adhoc_project.parent, env=clean_env())
    named = tomllib.loads((other / "pyproject.toml").read_text())["project"]
    assert (named["name"], named["version"]) == ("acme-pets", "7.0.1")
    bad = run([tool_bin / "clientsmith", "generate", "pets.yaml", "--package", "petsdk", "--out", other, "--project-version", "seven"], cwd=adhoc_project.parent, env=clean_env(), expect=2)
    assert "not a PEP 440 version" in bad.stderr and "Traceback" not in bad.stderr


def test_generated_project_builds_installs_type_checks_and_passes_its_tests(adhoc_project: Path, workspace: Path) -> None:
    dist = workspace / "client-dist"
    run([sys.executable, "-m", "build", "--outdir", dist, adhoc_project], cwd=workspace, env=clean_env())  # sdist, then a wheel from it
    wheel = next(dist.glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert {"petsdk/py.typed", "petsdk/tests/openapi.json", "petsdk/resources/pets.py"} <= set(names)
    assert any(name.endswith("METADATA") for name in names)
    client_bin = new_venv(workspace / "client-venv")
    run([client_bin / "pip", "install", "-q", f"{adhoc_project}[test]"], cwd=workspace, env=clean_env())  # pip install DIR
    away = workspace / "away"
    away.mkdir()
    located = run([client_bin / "python", "-c", "import petsdk; print(petsdk.__file__)"], cwd=away, env=clean_env()).stdout
    assert "site-packages" in located
    run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-executable", client_bin / "python", "-p", "petsdk"], cwd=away, env=clean_env())
    tests = run([client_bin / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "--pyargs", "petsdk.tests"], cwd=away, env=clean_env())
    assert " passed" in tests.stdout and "failed" not in tests.stdout


SECOND_REPO_PYPROJECT = """
[tool.clientsmith]
output = "clients"
templates = "my-templates"

[tool.clientsmith.providers.pets]
spec = "api/pets.yaml"

[tool.clientsmith.providers.petsproject]
spec = "api/pets.yaml"
project = true
project-name = "acme-pets"
project-version = "3.0.0"
"""

README_OVERRIDE = "# {{ api.title }}: our own README\n"


@pytest.fixture
def second_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "second"
    (repo / "api").mkdir(parents=True)
    (repo / "api" / "pets.yaml").write_text(yaml.safe_dump(SPEC, sort_keys=False))
    (repo / "pyproject.toml").write_text(textwrap.dedent(SECOND_REPO_PYPROJECT))
    (repo / "my-templates" / "package").mkdir(parents=True)
    (repo / "my-templates" / "package" / "README.md.jinja").write_text(README_OVERRIDE)
    return repo


def test_second_repository_uses_builtin_templates_with_its_overrides(second_repo: Path, tool_bin: Path, adhoc_project: Path) -> None:
    run([tool_bin / "clientsmith", "generate"], cwd=second_repo / "api", env=clean_env())  # finds pyproject.toml above
    plain = second_repo / "clients" / "pets"
    assert (plain / "README.md").read_text() == "# Pet Store: our own README\n"
    for built_in in ("_client_base.py", "models.py", "tests/_contract.py"):  # the files not overridden
        assert (plain / built_in).read_bytes() == (adhoc_project / "petsdk" / built_in).read_bytes(), built_in
    project = second_repo / "clients" / "petsproject"
    assert (project / "pyproject.toml").is_file() and (project / "petsproject" / "__init__.py").is_file()
    assert 'name = "acme-pets"' in (project / "pyproject.toml").read_text()
    assert run([tool_bin / "clientsmith", "check"], cwd=second_repo, env=clean_env()).returncode == 0
    # The user's own files in the project folder survive regeneration; the generator's stale ones do not.
    (project / "dist").mkdir()
    (project / "dist" / "keep.whl").write_text("x")
    (project / "petsproject" / "leftover.py").write_text("x = 1\n")
    run([tool_bin / "clientsmith", "generate", "-q"], cwd=second_repo, env=clean_env())
    assert (project / "dist" / "keep.whl").is_file() and not (project / "petsproject" / "leftover.py").exists()


def test_second_repository_without_a_templates_setting(second_repo: Path, tool_bin: Path) -> None:
    pyproject = second_repo / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('templates = "my-templates"\n', ""))
    run([tool_bin / "clientsmith", "generate", "-q"], cwd=second_repo, env=clean_env())
    assert "our own README" not in (second_repo / "clients" / "pets" / "README.md").read_text()
    pyproject.write_text(pyproject.read_text().replace('output = "clients"', 'output = "clients"\ntemplates = "nowhere"'))
    missing = run([tool_bin / "clientsmith", "generate"], cwd=second_repo, env=clean_env(), expect=2)
    assert "templates folder" in missing.stderr and "nowhere" in missing.stderr and "Traceback" not in missing.stderr


PRE_COMMIT_CONFIG = """
repos:
  - repo: {repo}
    rev: {rev}
    hooks:
      - id: clientsmith-generate
      - id: clientsmith-check
      - id: clientsmith-validate
"""


@pytest.fixture
def user_repo(tmp_path: Path, source_repo: tuple[Path, str]) -> Iterator[Path]:
    repo = tmp_path / "user-repo"
    (repo / "api").mkdir(parents=True)
    (repo / "api" / "pets.yaml").write_text(yaml.safe_dump(SPEC, sort_keys=False))
    (repo / "pyproject.toml").write_text('[tool.clientsmith]\noutput = "clients"\n\n[tool.clientsmith.providers.pets]\nspec = "api/pets.yaml"\n')
    (repo / ".pre-commit-config.yaml").write_text(PRE_COMMIT_CONFIG.format(repo=source_repo[0], rev=source_repo[1]))
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    yield repo


def test_published_hooks_run_by_pre_commit_in_another_repository(user_repo: Path, workspace: Path) -> None:
    pre_commit = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    env = clean_env(PRE_COMMIT_HOME=str(workspace / "pre-commit-home"))
    first = run(pre_commit, cwd=user_repo, env=env, expect=1)  # new, untracked files fail the hook too
    assert "generated code changed" in first.stdout, first.stdout
    assert (user_repo / "clients" / "pets" / "_client.py").is_file()
    git(user_repo, "add", "-A")
    second = run(pre_commit, cwd=user_repo, env=env)
    assert second.stdout.count("Passed") == 3, second.stdout
    # A stale client fails the commit again, and the check hook says so.
    spec = user_repo / "api" / "pets.yaml"
    spec.write_text(spec.read_text().replace("listPets", "listAllPets"))
    git(user_repo, "add", "-A")
    third = run(pre_commit, cwd=user_repo, env=env, expect=1)
    assert "list_all" in (user_repo / "clients" / "pets" / "resources" / "pets.py").read_text()
    git(user_repo, "add", "-A")
    run(pre_commit, cwd=user_repo, env=env)
    # A broken document is refused by the validate hook with its location.
    spec.write_text(spec.read_text().replace("openapi: 3.1.0", "openapi: 3.1.0\nwebhooks: 7"))
    broken = run([*pre_commit, "clientsmith-validate"], cwd=user_repo, env=env, expect=1)
    assert "api/pets.yaml" in broken.stdout and "Traceback" not in broken.stdout
    assert third.returncode == 1


def test_every_generator_subpackage_is_in_the_distribution() -> None:
    """The wheel lists its packages by hand (generator/ installs as clientsmith): a new stage folder must be added."""
    import tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {"clientsmith" + "".join("." + part for part in path.parent.relative_to(REPO / "generator").parts) for path in (REPO / "generator").rglob("__init__.py")}
    assert folders <= listed, f"add to [tool.setuptools] packages: {sorted(folders - listed)}"
