"""Plan stage: the IR becomes the list of files to emit, each a template with its context.

Paths are built only from IR identifiers (already safe), and checked again by the writer.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from ..parse.ir import ANY, Api, DictType, ListType, NamedType, TypeAlias, TypeRef, UnionType
from .model_modules import split_models

if TYPE_CHECKING:  # testgen is loaded only when something is built
    from ..testgen.testplan import TestPlan

RUNTIME_TEMPLATE_DIR = "runtime"


@dataclass(frozen=True)
class OutputFile:
    path: PurePosixPath  # relative to the package folder
    template: str | None  # None: `content` is copied as is
    context: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    content: str = ""
    python: bool = True  # formatted with black


TEST_TEMPLATE_DIR = "package/tests"
PER_RESOURCE_TEST = "test_resource.py.jinja"


def plan_package(
    api: Api,
    runtime_files: list[str],
    extra_files: dict[str, str],
    test_templates: tuple[str, ...] | list[str] = (),
    tests: TestPlan | None = None,
) -> list[OutputFile]:
    """Every file of one package. `test_templates` are file names under package/tests/, rendered
    from `tests` (testgen's views: none are written without it)."""
    api = replace(api, aliases=ordered_aliases(api.aliases))
    files: list[OutputFile] = [
        OutputFile(PurePosixPath("__init__.py"), "package/__init__.py.jinja", {"api": api}),
        OutputFile(PurePosixPath("_client.py"), "package/_client.py.jinja", {"api": api}),
        OutputFile(PurePosixPath("errors.py"), "package/errors.py.jinja", {"api": api}),
        OutputFile(PurePosixPath("resources/__init__.py"), "package/resources/__init__.py.jinja", {"api": api}),
        OutputFile(PurePosixPath("README.md"), "package/README.md.jinja", {"api": api}, python=False),
        OutputFile(PurePosixPath("py.typed"), None, content="", python=False),
    ]
    files += model_files(api)
    for resource in api.resources:
        files.append(
            OutputFile(PurePosixPath(f"resources/{resource.module}.py"), "package/resources/resource.py.jinja", {"api": api, "resource": resource})
        )
    if api.uses_xml:
        files.append(OutputFile(PurePosixPath("_xml_shapes.py"), "package/_xml_shapes.py.jinja", {"api": api}))
    if tests is not None:
        files += _test_files(tests, test_templates)
    for name in runtime_files:
        if name == "_streaming.py" and not api.has_streams:
            continue  # only packages whose operations stream need the decoders
        files.append(OutputFile(PurePosixPath(name), f"{RUNTIME_TEMPLATE_DIR}/{name}", {}))
    for name, content in sorted(extra_files.items()):
        files.append(OutputFile(PurePosixPath(name), None, content=content, python=name.endswith(".py")))
    return files


def _test_files(tests: TestPlan, test_templates: tuple[str, ...] | list[str]) -> list[OutputFile]:
    """The package's tests: each template with the views testgen built for it (`TestPlan`)."""
    api = replace(tests.api, aliases=ordered_aliases(tests.api.aliases))
    shared = tests.context() | {"api": api}
    files: list[OutputFile] = []
    # A resource's test file must not take a fixed test file's name (Clerk has a `client` tag).
    fixed_tests = {f"tests/{name[: -len('.jinja')]}" for name in test_templates if name != PER_RESOURCE_TEST}
    for name in test_templates:
        template = f"{TEST_TEMPLATE_DIR}/{name}"
        if name == PER_RESOURCE_TEST:
            for resource in api.resources:
                path = f"tests/test_{resource.module}.py"
                if path in fixed_tests:
                    path = f"tests/test_{resource.module}_resource.py"
                context = shared | {"resource": resource} | tests.resource_context(resource.module)
                files.append(OutputFile(PurePosixPath(path), template, context))
        elif name.endswith(".jinja"):
            output = PurePosixPath("tests") / name[: -len(".jinja")]
            files.append(OutputFile(output, template, shared, python=output.suffix == ".py"))
    if test_templates:
        files.append(OutputFile(PurePosixPath("tests/openapi.json"), None, content=tests.spec_json, python=False))
    return files


def model_files(api: Api) -> list[OutputFile]:
    """`models.py`, or for a large API the `models` package of modules defined on first use."""
    modules = split_models(api)
    if modules is None:
        context = {"api": api, "models": api.models, "aliases": api.aliases, "imports": (), "runtime": ".", "scope": ""}
        return [OutputFile(PurePosixPath("models.py"), "package/models.py.jinja", context)]
    files = [OutputFile(PurePosixPath("models/__init__.py"), "package/models_init.py.jinja", {"api": api, "modules": modules})]
    for module in modules:
        context = {"api": api, "models": module.models, "aliases": module.aliases, "imports": module.imports, "runtime": "..", "scope": module.scope}
        files.append(OutputFile(PurePosixPath(f"models/{module.name}.py"), "package/models.py.jinja", context))
    return files


def ordered_aliases(aliases: tuple[TypeAlias, ...]) -> tuple[TypeAlias, ...]:
    """Aliases are evaluated at import time, so each must come after the aliases it uses.

    A cycle between aliases cannot be written as plain assignments; its members become `Any`.
    """
    by_name = {alias.name: alias for alias in aliases}
    done: dict[str, TypeAlias] = {}
    visiting: set[str] = set()

    def visit(alias: TypeAlias) -> None:
        if alias.name in done:
            return
        if alias.name in visiting:
            done[alias.name] = TypeAlias(alias.name, ANY, alias.description)
            return
        visiting.add(alias.name)
        for name in sorted(_names_in(alias.type)):
            if name in by_name:
                visit(by_name[name])
        visiting.discard(alias.name)
        done.setdefault(alias.name, alias)

    for alias in aliases:
        visit(alias)
    return tuple(done.values())


def _names_in(type_ref: TypeRef) -> set[str]:
    if isinstance(type_ref, NamedType):
        return {type_ref.name}
    if isinstance(type_ref, ListType):
        return _names_in(type_ref.item)
    if isinstance(type_ref, DictType):
        return _names_in(type_ref.value)
    if isinstance(type_ref, UnionType):
        return set().union(*(_names_in(option) for option in type_ref.options))
    return set()
