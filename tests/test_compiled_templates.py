"""Compiled templates kept between runs (generator/render/compiled.py): never stale, never a different byte."""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
import pytest

from generator.render import compiled
from generator.render.environment import Renderer
from generator.render.search_path import search_path


@pytest.fixture
def own_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder beside clientsmith's code, moved into the test's own folder."""
    folder = tmp_path / "own" / "__pycache__" / "templates"
    monkeypatch.setattr(compiled, "_OWN_FOLDER", folder)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return folder


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names Jinja compiles from source from now on."""
    names: list[str] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: object, name: str | None = None, *args: object, **kwargs: object) -> object:
        names.append(str(name))
        return original(self, source, name, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


def test_a_second_renderer_loads_what_the_first_compiled_and_renders_the_same_bytes(own_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = list(search_path(()))
    template = "package/errors.py.jinja"
    Renderer(folders, keep_compiled=True).environment.get_template(template)
    assert len(list(own_folder.iterdir())) == 1
    compiles = _compiles(monkeypatch)
    loaded = Renderer(folders, keep_compiled=True).environment.get_template(template)
    assert compiles == []
    fresh = Renderer(folders).environment.get_template(template)  # no cache: compiled from the text
    assert compiles == [template]
    assert loaded.root_render_func.__code__.co_code == fresh.root_render_func.__code__.co_code


def test_an_edited_template_is_compiled_again_never_read_stale(own_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "note.jinja").write_text("one {{ value }}\n")
    assert Renderer([overrides], keep_compiled=True).render("note.jinja", {"value": 1}) == "one 1\n"
    (overrides / "note.jinja").write_text("two {{ value }}\n")
    compiles = _compiles(monkeypatch)
    assert Renderer([overrides], keep_compiled=True).render("note.jinja", {"value": 2}) == "two 2\n"
    assert compiles == ["note.jinja"]
    assert Renderer([overrides], keep_compiled=True).render("note.jinja", {"value": 3}) == "two 3\n"
    assert compiles == ["note.jinja"], "the new text's compiled code is kept in its turn"


def test_an_entry_is_used_only_with_the_jinja_settings_and_clientsmith_code_it_was_compiled_with(own_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def checksum(environment: jinja2.Environment) -> str:
        return compiled.compiled_templates(environment, None).get_source_checksum("{{ value | literal }}")

    base = checksum(jinja2.Environment(trim_blocks=True))
    assert checksum(jinja2.Environment(trim_blocks=True)) == base
    assert checksum(jinja2.Environment(trim_blocks=False)) != base
    assert checksum(jinja2.Environment(trim_blocks=True, extensions=["jinja2.ext.do"])) != base
    # A filter applied to a constant is folded into the compiled code: filters.py's code is in it.
    ours = getattr(compiled, "own_source_digest")
    monkeypatch.setattr(compiled, "own_source_digest", lambda: "another clientsmith")
    assert checksum(jinja2.Environment(trim_blocks=True)) != base
    monkeypatch.setattr(compiled, "own_source_digest", ours)
    monkeypatch.setattr(jinja2, "__version__", "0.0.1")
    assert checksum(jinja2.Environment(trim_blocks=True)) != base


def test_like_pyc_files_none_are_written_beside_the_code_under_dont_write_bytecode(own_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    user_cache = tmp_path / "user-cache" / "templates"
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "note.jinja").write_text("{{ value }}\n")
    Renderer([overrides], user_cache).render("note.jinja", {"value": 1})
    assert not own_folder.exists()
    assert len(list(user_cache.iterdir())) == 1  # the user cache, when there is one
    Renderer([overrides], None, keep_compiled=True).render("note.jinja", {"value": 1})  # and none: nothing written, no failure
    assert len(list(user_cache.iterdir())) == 1


def test_a_folder_that_cannot_be_written_costs_time_not_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setattr(compiled, "_OWN_FOLDER", blocker / "__pycache__" / "templates")  # under a file: never a folder
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "note.jinja").write_text("{{ value }}\n")
    assert Renderer([overrides], keep_compiled=True).render("note.jinja", {"value": 1}) == "1\n"
    cache = compiled.CompiledTemplates([], blocker / "sub", jinja2.Environment())
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(overrides)), bytecode_cache=cache)
    assert environment.get_template("note.jinja").render(value=2) == "2"
    assert cache.writable is None


def test_the_proofs_modules_compiled_once_are_loaded_and_a_new_text_replaces_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.ground import compiled_code

    monkeypatch.setattr(compiled_code, "_PYCACHE", tmp_path / "__pycache__")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    module = tmp_path / "m.py"
    first = compiled_code.compile_module(b"VALUE = 1\n", module, "proof/m.py")
    kept = list((tmp_path / "__pycache__" / "modules").iterdir())
    assert len(kept) == 1
    again = compiled_code.compile_module(b"VALUE = 1\n", module, "proof/m.py")
    assert again is not first and again == first  # read back from the kept file
    namespace: dict[str, object] = {}
    exec(compiled_code.compile_module(b"VALUE = 2\n", module, "proof/m.py"), namespace)
    assert namespace["VALUE"] == 2, "a new text is compiled, never the kept code of another"
    assert list((tmp_path / "__pycache__" / "modules").iterdir()) == kept, "one entry per slot"
    kept[0].write_bytes(kept[0].read_bytes()[:-5])  # a torn or foreign file is compiled over
    exec(compiled_code.compile_module(b"VALUE = 2\n", module, "proof/m.py"), namespace)
    assert namespace["VALUE"] == 2
