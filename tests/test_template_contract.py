"""The template contract (generator/ground/contract.py) against what the templates really bind.

The parse stage reserves the contract's names; if a template starts to import or define a name the
contract does not list, a document could take that name and break the module. These tests read the
checked-in packages and the template folders, so such a template change fails here first.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from generator.ground import contract

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = sorted(path.parent for path in (ROOT / "generated").glob("*/_client.py"))
TEMPLATES = ROOT / "templates"


def _bound_at_top(path: Path) -> tuple[set[str], set[str]]:
    """(names imported, other names defined) at the top of a module, `if TYPE_CHECKING:` included."""
    imported: set[str] = set()
    defined: set[str] = set()
    body = ast.parse(path.read_text(encoding="utf-8")).body
    for node in [*body, *(inner for node in body if isinstance(node, ast.If) for inner in node.body)]:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            imported.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            defined.add(node.name)
        elif isinstance(node, ast.Assign):
            defined.update(target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            defined.add(node.target.id)
    return imported, defined


def _public(names: set[str]) -> set[str]:
    return {name for name in names if not name.startswith("_")}


def _resource_classes(package: Path) -> set[str]:
    classes: set[str] = set()
    for module in (package / "resources").glob("*.py"):
        classes |= {node.name for node in ast.parse(module.read_text(encoding="utf-8")).body if isinstance(node, ast.ClassDef)}
    return classes


def test_the_packages_are_there() -> None:
    assert len(PACKAGES) >= 4


@pytest.mark.parametrize("package", PACKAGES, ids=lambda path: path.name)
def test_resource_modules_bind_only_the_contracts_names(package: Path) -> None:
    classes = _resource_classes(package)
    for module in sorted((package / "resources").glob("*.py")):
        if module.name == "__init__.py":
            continue
        imported, defined = _bound_at_top(module)
        assert _public(imported) - classes <= contract.RESOURCE_MODULE_NAMES, module
        assert _public(defined) - classes <= contract.RESOURCE_MODULE_NAMES, module


@pytest.mark.parametrize("package", PACKAGES, ids=lambda path: path.name)
def test_the_client_module_binds_only_the_contracts_names(package: Path) -> None:
    imported, defined = _bound_at_top(package / "_client.py")
    allowed = contract.RESOURCE_MODULE_NAMES | contract.CLIENT_MODULE_NAMES | set(contract.CLIENT_ATTRIBUTES) | _resource_classes(package)
    assert _public(imported | defined) <= allowed


@pytest.mark.parametrize("package", PACKAGES, ids=lambda path: path.name)
def test_the_models_module_imports_only_reserved_names(package: Path) -> None:
    imported, _ = _bound_at_top(package / "models.py")
    assert _public(imported) - {"annotations"} <= contract.RESERVED_TYPING_NAMES | contract.RESOURCE_MODULE_NAMES


def test_a_resource_class_may_take_no_name_a_module_binds() -> None:
    reserved = contract.resource_class_names()
    assert contract.RESOURCE_MODULE_NAMES <= reserved and contract.CLIENT_MODULE_NAMES <= reserved
    assert "APIClient" in reserved  # AsyncAPIClient's sync twin would be `APIClient`


def test_the_proof_loads_every_validation_module_and_the_runtime_it_needs() -> None:
    validation = {path.name.removesuffix(".py.jinja") for path in (TEMPLATES / "package" / "tests").glob("_validation*.py.jinja")}
    assert set(contract.VALIDATION_MODULES) == validation
    assert contract.VALIDATION_MODULES[-1] == "_validation"  # the entry, loaded last
    runtime = {path.stem for path in (TEMPLATES / "runtime").glob("*.py")}
    assert set(contract.RUNTIME_MODULES) <= runtime
