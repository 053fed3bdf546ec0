"""The code the generated tests run, loaded into the generator for the generation-time proof (proof.py).

Two pieces, both the very text the generated package gets: its `tests/_validation*.py` as rendered for
this document (they import nothing of the client), next to the `openapi.json` the tests ship; and the
client runtime's serializers (`_params.py`, `_bodies.py` and what they import). They are loaded as
private modules, never under the generated package's name.

They check with jsonschema and openapi-schema-validator, dependencies of clientsmith itself; where
one cannot be found (a broken installation) the proof is skipped with one warning.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.util
import itertools
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any, Protocol

from ..ground.compiled_code import compile_module
from ..ground.contract import RUNTIME_MODULES, VALIDATION_MODULES

# What the generated tests import besides the client's own dependencies (pyproject's test extra).
_TEST_DEPENDENCIES = ("jsonschema", "openapi_schema_validator", "referencing")
INSTALL_HINT = "reinstall clientsmith with its dependencies"
NOT_PROVEN = "generated tests not proven at generation time"
_COUNTER = itertools.count()


class Templates(Protocol):
    """What the proof needs of the render stage (the pipeline hands it the `Renderer`): a test
    template rendered, and a runtime module's text."""

    def render(self, template: str, context: dict[str, Any]) -> str: ...

    def source_of(self, template: str) -> str: ...


_RUNTIMES: dict[str, dict[str, ModuleType]] = {}  # by the digest of the runtime sources


def unavailable() -> str | None:
    """Why the proof cannot run in this environment, or None when it can: a look only, nothing is
    imported (the output cache asks on every run, and a cache hit must stay fast)."""
    for name in _TEST_DEPENDENCIES:
        try:
            found = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            found = None
        if found is None:
            return f"{NOT_PROVEN}: {name.replace('_', '-')} is not installed ({INSTALL_HINT})"
    return None


def importable() -> str | None:
    """Import what the proof runs (here, lazily: a cache hit needs none of it); why it cannot, or None."""
    reason = unavailable()
    if reason is not None:
        return reason
    try:
        import jsonschema  # type: ignore[import-untyped]  # noqa: F401
        import openapi_schema_validator  # noqa: F401
        import referencing  # noqa: F401
    except ImportError as error:
        return f"{NOT_PROVEN}: the tests' validators cannot be imported ({error}; {INSTALL_HINT})"
    return None


def load_validation(render: Callable[[str], str], spec_json: str) -> Any:
    """The tests' validation modules as rendered for this document (`render("_validation.py")`
    gives one's text), run beside `spec_json` as their `openapi.json`; the entry module is returned.

    They form a private package of their own, so that their relative imports find each other. The
    document is read while its file exists; the modules keep it (`openapi_document` caches). Only
    the document is written: the modules are run from their text, each with its `__file__` beside it."""
    package = f"_clientsmith_proof_validation_{next(_COUNTER)}"
    holder = ModuleType(package)
    holder.__path__ = []
    sys.modules[package] = holder
    loaded: list[str] = [package]
    try:
        with tempfile.TemporaryDirectory(prefix="clientsmith-proof-") as folder:
            (Path(folder) / "openapi.json").write_text(spec_json, encoding="utf-8")
            modules: dict[str, Any] = {}
            for name in VALIDATION_MODULES:  # dependencies first; each stays importable by the next
                modules[name] = _execute(f"{package}.{name}", render(f"{name}.py"), Path(folder) / f"{name}.py")
                loaded.append(f"{package}.{name}")
            entry = modules[VALIDATION_MODULES[-1]]
            entry.openapi_document()
    finally:
        for name in loaded:  # the proof holds the modules it needs; nothing stays registered
            sys.modules.pop(name, None)
    return entry


def load_runtime(source_of: Callable[[str], str]) -> dict[str, ModuleType]:
    """The runtime modules by name (`_params` ...), from `source_of("runtime/<name>.py")`; loaded once
    per distinct set of sources (template overrides may change them)."""
    sources = {name: source_of(f"runtime/{name}.py") for name in RUNTIME_MODULES}
    key = hashlib.sha256("\0".join(sources.values()).encode("utf-8")).hexdigest()[:16]
    if key in _RUNTIMES:
        return _RUNTIMES[key]
    package = f"_clientsmith_proof_runtime_{key}"
    holder = ModuleType(package)
    holder.__path__ = []  # a package: its modules import each other relatively
    sys.modules[package] = holder
    modules: dict[str, ModuleType] = {}
    for name, text in sources.items():
        # Kept in sys.modules: relative imports, and pydantic's lookups of the module, find them there.
        # Their `__file__` names the template they come from: they read no file beside them.
        modules[name] = _execute(f"{package}.{name}", text, Path("runtime") / f"{name}.py")
    _RUNTIMES[key] = modules
    return modules


def _execute(name: str, source: str, path: Path) -> Any:
    """The module `name` run from `source` as if imported from `path` (which need not exist)."""
    loader = _KeptCode(source, path)
    spec = importlib.util.spec_from_file_location(name, path, loader=loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it runs
    try:
        loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


class _KeptCode(importlib.abc.InspectLoader):
    """Runs a module's text as an import does, with its compiled code kept (ground/compiled_code.py):
    compiling these modules was ~80 ms of every run, and Python keeps no .pyc for text it never read
    from a file."""

    def __init__(self, source: str, path: Path) -> None:
        self.source = source
        self.path = path

    def get_source(self, fullname: str) -> str:
        return self.source

    def get_code(self, fullname: str) -> CodeType:
        return compile_module(self.source.encode("utf-8"), self.path, f"proof/{self.path.name}")

    def is_package(self, fullname: str) -> bool:
        return False
