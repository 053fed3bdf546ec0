"""Start-up (issue 24): what a cold `generate` of a small document does before and besides its work.

No timings here: what is checked is what makes start-up cheap, each as a fact of one run.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from collections.abc import Iterator
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


def test_a_cli_run_imports_neither_httpx_command_line_tool_nor_the_validator_shortcut(tmp_path: Path) -> None:
    """`lean_imports.install()`: httpx's CLI (click, rich, pygments) is never imported, and of
    openapi-schema-validator only the submodules the proof uses (not `shortcuts`, which imports
    pydantic-settings); the run's output is the same as a library build's."""
    import importlib.util

    for needed in ("click", "rich", "pygments"):
        if importlib.util.find_spec(needed) is None:
            pytest.skip(f"{needed} is not installed: httpx would not import its command-line tool anyway")
    spec = _spec(tmp_path)
    code = (
        "import json, sys\n"
        "from generator.cli import main\n"
        f"code = main(['generate', {str(spec)!r}, '--package', 'pets', '--out', {str(tmp_path / 'out')!r}, '-q'])\n"
        "print(json.dumps([code, sorted(name for name, module in sys.modules.items() if module is not None and (name.split('.')[0] in ('click', 'rich', 'pygments') or name.startswith('httpx._main'))),"
        " 'openapi_schema_validator.validators' in sys.modules, 'openapi_schema_validator.shortcuts' in sys.modules]))\n"
    )
    code_, cli_modules, validators, shortcut = json.loads(_python(code, tmp_path).splitlines()[-1])
    assert code_ == 0
    assert cli_modules == []
    assert validators, "the proof ran with openapi-schema-validator's validators"
    assert not shortcut
    library = build(Job("pets", spec, tmp_path / "library" / "pets", "spec.yaml"), use_cache=False)
    checked = [path for path in library.files if path.suffix == ".py"]  # the README differs: the CLI writes a project
    assert len(checked) > 20
    for path in checked:
        assert (tmp_path / "out" / "pets" / path).read_text() == library.files[path], path


def test_a_json_document_is_read_without_importing_pyyaml(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(minimal_spec(paths={"/a": {"get": {"operationId": "getA", "responses": {"200": {"description": "ok"}}}}})))
    code = (
        "import json, sys\n"
        "from generator.cli import main\n"
        f"code = main(['generate', {str(spec)!r}, '--package', 'a', '--out', {str(tmp_path / 'out')!r}, '-q'])\n"
        "print(json.dumps([code, 'yaml' in sys.modules]))\n"
    )
    assert json.loads(_python(code, tmp_path).splitlines()[-1]) == [0, False]


def test_lazy_reexports_bind_the_very_objects_the_package_init_binds() -> None:
    code = (
        "import importlib, sys\n"
        "from generator.ground.lean_imports import lazy_reexports\n"
        "lazy = lazy_reexports('openapi_schema_validator')\n"
        "assert lazy is not None and sys.modules['openapi_schema_validator'] is lazy\n"
        "assert not [name for name in sys.modules if name.startswith('openapi_schema_validator.')], 'nothing imported before use'\n"
        "from openapi_schema_validator import OAS30ReadValidator\n"
        "assert 'openapi_schema_validator.shortcuts' not in sys.modules\n"
        "names = list(lazy.__all__) + ['__version__']\n"
        "values = {name: getattr(lazy, name) for name in names}\n"
        "del sys.modules['openapi_schema_validator']\n"
        "real = importlib.import_module('openapi_schema_validator')\n"
        "assert real is not lazy\n"
        "different = [name for name in names if getattr(real, name) is not values[name] and getattr(real, name) != values[name]]\n"
        "assert not different, different\n"
        "assert OAS30ReadValidator is real.OAS30ReadValidator\n"
        "try:\n"
        "    lazy.no_such_name\n"
        "except AttributeError:\n"
        "    print(len(names))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 10


@contextlib.contextmanager
def _forgotten_afterwards(package: str) -> Iterator[None]:
    """The probe package and its submodules leave sys.modules with the test (a later test may
    import a package of any name)."""
    try:
        yield
    finally:
        for name in [name for name in sys.modules if name == package or name.startswith(package + ".")]:
            del sys.modules[name]


@pytest.mark.parametrize(
    "init",
    [
        "import os\nfrom lean_probe.sub import name\n",  # a statement with effects: imported as usual
        "from lean_probe.sub import *\n",
        "from lean_probe.sub import sub\n",  # a name that is also a submodule's
        "from lean_probe.sub import name\nx = compute()\n",
    ],
)
def test_lazy_reexports_leave_any_other_init_to_the_usual_import(tmp_path: Path, init: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.ground.lean_imports import lazy_reexports

    (tmp_path / "lean_probe").mkdir()
    (tmp_path / "lean_probe" / "__init__.py").write_text(init)
    (tmp_path / "lean_probe" / "sub.py").write_text("name = 1\nsub = 2\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with _forgotten_afterwards("lean_probe"):
        assert lazy_reexports("lean_probe") is None
        assert "lean_probe" not in sys.modules


def test_a_lazily_read_package_binds_each_name_once_from_its_submodule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.ground.lean_imports import lazy_reexports

    (tmp_path / "lean_probe").mkdir()
    (tmp_path / "lean_probe" / "__init__.py").write_text('"""doc"""\nfrom lean_probe.one import a as b\nfrom lean_probe.two import c\n__version__ = "1.0"\n')
    (tmp_path / "lean_probe" / "one.py").write_text("a = object()\n")
    (tmp_path / "lean_probe" / "two.py").write_text("raise RuntimeError('two is not imported until c is asked for')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with _forgotten_afterwards("lean_probe"):
        module = lazy_reexports("lean_probe")
        assert module is not None and module.__version__ == "1.0"
        assert module.b is sys.modules["lean_probe.one"].a
        assert "lean_probe.two" not in sys.modules
        with pytest.raises(RuntimeError, match="two is not imported"):
            module.c
        with pytest.raises(AttributeError):
            module.a  # only the bound name (`b`) is the package's


def test_installed_versions_agree_with_importlib_metadata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib.metadata import PackageNotFoundError, version

    from generator.ground import installed_versions

    def metadata(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return installed_versions.MISSING

    for name in ("black", "ruff", "httpx", "PyYAML", "openapi-schema-validator", "jsonschema_rs", "no-such-distribution-here"):
        assert installed_versions.distribution_version(name) == metadata(name), name
    # A folder of its own first on sys.path: a plain record, then two records of one name there.
    for folder in ("Foo_Bar-1.2.3.dist-info", "only.one-0.1.dist-info"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "METADATA").write_text(f"Metadata-Version: 2.1\nName: x\nVersion: {folder.removesuffix('.dist-info').split('-')[1]}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    installed_versions.distribution_version.cache_clear()
    assert installed_versions.distribution_version("foo-bar") == "1.2.3" == metadata("foo.bar")
    assert installed_versions.distribution_version("Only_One") == "0.1"
    (tmp_path / "foo_bar-9.0.dist-info").mkdir()
    (tmp_path / "foo_bar-9.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: foo_bar\nVersion: 9.0\n")
    installed_versions.distribution_version.cache_clear()
    assert installed_versions.distribution_version("foo-bar") == metadata("foo-bar"), "two records in one folder: importlib.metadata decides"
    installed_versions.distribution_version.cache_clear()
