"""The project written beside a generated package, its settings, and the template search path."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from generator.config import load_config
from generator.ground.diagnostics import ConfigError, WarningSink
from generator.plan.project import ProjectSettings, distribution_name, project_metadata
from generator.render.filters import toml_string
from generator.render.search_path import builtin_templates, search_path, template_names
from tests.conftest import REPO, minimal_spec, run_cli, write_spec


@pytest.mark.parametrize(
    ("given", "expected", "warned"),
    [
        ("1.0.0", "1.0.0", False),
        ("v2", "2", False),
        ("2.1-beta", "2.1b0", False),
        ("1.0.0-rc.1", "1.0.0rc1", False),
        ("2023-01-05", "2023.1.5", True),
        ("1.4-SNAPSHOT", "1.4", True),
        ("1.0 (beta)", "1.0", True),
        ("latest", "0.0.0", True),
        ("", "0.0.0", True),
    ],
)
def test_document_versions_become_pep_440(given: str, expected: str, warned: bool) -> None:
    warnings = WarningSink()
    metadata = project_metadata("Thing API", given, "thing", ProjectSettings(), warnings)
    assert metadata.version == expected
    notes = [item.message for item in warnings.sorted()]
    assert bool(notes) == warned
    if warned:
        assert notes[0].startswith(f"info.version {given!r} is not a PEP 440 version; the project is version {expected}")
        assert warnings.sorted()[0].pointer == "#/info/version"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Kodexa Platform API", "kodexa-platform-api-client"),
        ("Swagger Petstore", "swagger-petstore-client"),
        ("Acme SDK", "acme-sdk"),
        ("The   Foo_Bar.Service!", "the-foo-bar-service-client"),
        ("日本語", "pkg-name-client"),
    ],
)
def test_distribution_names_come_from_the_title(title: str, expected: str) -> None:
    assert distribution_name(title, "pkg_name") == expected


def test_settings_override_the_document_and_are_checked() -> None:
    metadata = project_metadata("Thing", "1.0", "thing", ProjectSettings("My_Thing", "2.0.0b1"), WarningSink())
    assert (metadata.name, metadata.version) == ("my-thing", "2.0.0b1")
    with pytest.raises(ConfigError, match="not a PEP 440 version"):
        ProjectSettings(version="two").checked("here")
    with pytest.raises(ConfigError, match="not a valid distribution name"):
        ProjectSettings(name="bad name!").checked("here")


def test_toml_strings_cannot_break_out_of_their_quotes() -> None:
    hostile = 'x"\ny = 1\n[tool.evil]\\\x00\x7f\ud800é'
    text = f"name = {toml_string(hostile)}\n"
    assert tomllib.loads(text) == {"name": hostile.replace("\ud800", "\ufffd")}


def test_hostile_titles_stay_inside_the_pyproject(tmp_path: Path) -> None:
    spec = minimal_spec(info={"title": 'Evil"\n[build-system]\nrequires = ["malware"]', "version": '1"\nx=1'})
    result = run_cli("generate", str(write_spec(tmp_path, spec)), "--package", "evil", "--out", str(tmp_path / "out"), "-q")
    assert result.returncode == 0, result.stderr
    data = tomllib.loads((tmp_path / "out" / "pyproject.toml").read_text())
    assert data["build-system"]["requires"] == ["hatchling>=1.26"]
    assert data["project"]["name"] == "evil-build-system-requires-malware-client"
    assert data["project"]["version"] == "1"
    assert "[build-system]" in data["project"]["description"]


def test_no_project_writes_the_package_alone(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, minimal_spec())
    assert run_cli("generate", str(spec), "--package", "bare", "--out", str(tmp_path / "out"), "--no-project", "-q").returncode == 0
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["bare"]
    clash = run_cli("generate", str(spec), "--package", "bare", "--out", str(tmp_path / "out"), "--no-project", "--project-name", "x")
    assert clash.returncode == 2 and "--no-project" in clash.stderr


def test_regeneration_keeps_the_users_files_in_a_project_folder(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, minimal_spec())
    out = tmp_path / "out"
    assert run_cli("generate", str(spec), "--package", "kept", "--out", str(out), "-q").returncode == 0
    (out / "dist").mkdir()
    (out / "dist" / "kept-1.0.0.tar.gz").write_text("built")
    (out / "notes.md").write_text("mine")
    (out / "kept" / "stale.py").write_text("")
    assert run_cli("generate", str(spec), "--package", "kept", "--out", str(out), "-q").returncode == 0
    assert (out / "dist" / "kept-1.0.0.tar.gz").is_file() and (out / "notes.md").is_file()
    assert not (out / "kept" / "stale.py").exists()


def test_fail_on_change_reports_written_files(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, minimal_spec())
    command = ("generate", str(spec), "--package", "hooked", "--out", str(tmp_path / "out"), "--fail-on-change")
    first = run_cli(*command)
    assert first.returncode == 1 and "generated code changed" in first.stderr
    assert run_cli(*command).returncode == 0  # nothing left to change


def _pyproject(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.clientsmith]\n" + body)
    return path


def test_configuration_without_templates_uses_the_builtins(tmp_path: Path) -> None:
    config = load_config(_pyproject(tmp_path, '[tool.clientsmith.providers.a]\nspec = "a.yaml"\n'))
    assert config.templates is None
    assert search_path([config.templates]) == (builtin_templates(),)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[tool.clientsmith.providers.a]\nspec = "a.yaml"\nprojekt = true\n', "unknown setting(s) 'projekt'"),
        ('outptu = "x"\n[tool.clientsmith.providers.a]\nspec = "a.yaml"\n', "unknown setting(s) 'outptu'"),
        ('[tool.clientsmith.providers.a]\nspec = "a.yaml"\nproject = "yes"\n', "use project = true"),
        ('[tool.clientsmith.providers.a]\nspec = "a.yaml"\nproject-name = "x"\n', "need(s) project = true"),
        ('[tool.clientsmith.providers.a]\nspec = "a.yaml"\nproject = true\nproject-version = "v1.x"\n', "not a PEP 440 version"),
    ],
)
def test_configuration_mistakes_are_named(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(ConfigError) as raised:
        load_config(_pyproject(tmp_path, body))
    assert message in str(raised.value)


def test_project_providers_nest_the_package_in_a_project_folder(tmp_path: Path) -> None:
    body = '[tool.clientsmith.providers.a]\nspec = "a.yaml"\nproject = true\nproject-version = "1.2"\n[tool.clientsmith.providers.b]\nspec = "b.yaml"\n'
    config = load_config(_pyproject(tmp_path, body))
    first, second = config.providers
    assert first.project == ProjectSettings(None, "1.2")
    assert config.package_folder(first) == tmp_path / "generated" / "a" / "a"
    assert config.package_folder(second) == tmp_path / "generated" / "b"


def test_override_folders_replace_builtins_file_by_file(tmp_path: Path) -> None:
    (tmp_path / "runtime").mkdir()
    (tmp_path / "runtime" / "_extra.py").write_text("")
    folders = search_path([tmp_path, REPO / "templates"])
    assert folders == (tmp_path, builtin_templates())  # this repository names its built-ins: searched once
    names = template_names(folders, "runtime", "*.py")
    assert "_extra.py" in names and "_client_base.py" in names
    with pytest.raises(ConfigError, match="does not exist"):
        search_path([tmp_path / "missing"])


def test_validate_can_skip_files_that_are_not_openapi(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, minimal_spec())
    other = tmp_path / ".pre-commit-config.yaml"
    other.write_text("repos: []\n")
    listing = tmp_path / "playbook.yaml"
    listing.write_text("- hosts: all\n")
    assert run_cli("validate", str(spec), str(other)).returncode == 1
    skipped = run_cli("validate", "--openapi-only", str(spec), str(other), str(listing))
    assert skipped.returncode == 0, skipped.stderr
    assert f"{spec}: valid" in skipped.stdout and str(other) not in skipped.stdout + skipped.stderr


def test_generated_projects_require_what_this_repository_tests_the_runtime_with() -> None:
    """The ranges written into generated projects are the ones clientsmith itself installs and tests against."""
    from generator.plan.project import RUNTIME_DEPENDENCIES

    own = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    assert set(RUNTIME_DEPENDENCIES) <= set(own)
