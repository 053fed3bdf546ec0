"""Start-up: third-party packages imported without the parts a generation never runs.

A small document's whole generation is mostly imports (1forge: ~350 of ~460 ms), and two of them pull
in far more than clientsmith uses:
- httpx's package imports its command-line tool whenever click, rich and pygments happen to be
  installed (~30 ms); clientsmith never runs it, so that import is made to fail, as httpx expects
  when they are not installed.
- openapi-schema-validator's `__init__` re-exports its validators and, through its `validate`
  shortcut, imports pydantic-settings (~20 ms) for a cache setting; its names are bound on first use
  instead (`lazy_reexports`), so the shortcut is imported only by code that asks for it.

Only the command line calls `install()`, before any stage is imported; a process that imports
clientsmith as a library keeps the packages' own behaviour.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import sys
from types import ModuleType
from typing import Any

# Packages whose `__init__` only re-exports names of their submodules, read lazily (measured ones).
_LAZY_PACKAGES = ("openapi_schema_validator",)
# Submodules a generation never imports though their package imports them when it can.
_UNUSED_SUBMODULES = ("httpx._main",)


def install() -> None:
    for name in _UNUSED_SUBMODULES:
        if name.rpartition(".")[0] not in sys.modules:
            sys.modules.setdefault(name, None)  # type: ignore[arg-type]  # None: import raises ImportError
    for package in _LAZY_PACKAGES:
        if package not in sys.modules:
            lazy_reexports(package)


_NOT_LITERAL = object()


def _literal(node: ast.expr) -> Any:
    """A constant, or a list or tuple of them (`__version__`, `__all__`), as its value; else _NOT_LITERAL."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple)):
        items = [_literal(item) for item in node.elts]
        if any(item is _NOT_LITERAL for item in items):
            return _NOT_LITERAL
        return items if isinstance(node, ast.List) else tuple(items)
    return _NOT_LITERAL


def lazy_reexports(package: str) -> ModuleType | None:
    """`package` registered with its `__init__`'s names bound on first use, when that `__init__` is
    made only of `from package.sub import name` statements and literal assignments (else, or when the
    package is missing, nothing is done and None is returned: it is then imported as usual).

    Each name is the very object the `__init__` would bind: on first use the submodule is imported
    and the name read from it."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None or spec.submodule_search_locations is None:
        return None
    try:
        with open(spec.origin, encoding="utf-8") as source:
            tree = ast.parse(source.read())
    except (OSError, SyntaxError, ValueError):
        return None
    sources: dict[str, tuple[str, str]] = {}  # bound name -> (submodule, its name)
    literals: dict[str, Any] = {}
    for statement in tree.body:
        if isinstance(statement, ast.ImportFrom) and statement.level == 0 and (statement.module or "").startswith(package + "."):
            for alias in statement.names:
                if alias.name == "*":
                    return None
                sources[alias.asname or alias.name] = (statement.module or "", alias.name)
        elif isinstance(statement, ast.Assign) and all(isinstance(target, ast.Name) for target in statement.targets):
            value = _literal(statement.value)
            if value is _NOT_LITERAL:
                return None
            for target in statement.targets:
                literals[target.id] = value  # type: ignore[attr-defined]
        elif not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)):  # a docstring
            return None
    if {name for name in sources} & {submodule.rpartition(".")[2] for submodule, _ in sources.values()}:
        return None  # a name that is also a submodule's: importing that submodule would bind it first
    module = importlib.util.module_from_spec(spec)
    module.__dict__.update(literals)

    def bind(name: str) -> Any:
        if name not in sources:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        submodule, attribute = sources[name]
        value = getattr(importlib.import_module(submodule), attribute)
        setattr(module, name, value)
        return value

    module.__getattr__ = bind  # type: ignore[method-assign]  # PEP 562: asked only for names not yet bound
    sys.modules[package] = module
    return module
