"""The flow, one stage after another (see ARCHITECTURE.md):

load -> upgrade -> validate -> parse -> testgen -> plan -> render -> format -> write (or compare).

Each stage hands the next a typed value: LoadedSpec (load, upgrade), the validation warnings, the
IR `Api` (parse), a `TestPlan` (testgen), `OutputFile`s (plan), texts (render, format).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from .ground.cache import ObjectFiles, OutputCache, cache_root, digest, job_key
from .ground.diagnostics import ClientsmithError, GeneratedCodeError, Location, SpecError, WarningSink
from .parse.ir import PAGINATION_STYLES
from .plan import RUNTIME_TEMPLATE_DIR, TEST_TEMPLATE_DIR, OutputFile, plan_package, plan_project
from .plan.mcp import McpSettings, plan_mcp
from .plan.project import ProjectSettings
from .render.search_path import search_path, template_names
from .write import Difference, WriteReport, compare_folder, write_folder

if TYPE_CHECKING:
    from .load import LoadedSpec
    from .validate.broken_parts import BrokenPart
    from .parse.ir import Api
    from .render.environment import Renderer
    from .testgen.example_tables import ExampleTables

# The stages that load YAML, Jinja2, black, the OpenAPI validators (load, upgrade, validate, parse,
# testgen, render, format) are imported only when something must be built: a cache hit, the
# everyday pre-commit case, never loads them.

ROOT_INIT = '"""Generated API clients, one subpackage per provider. Do not edit: run `make generate`."""\n'


@dataclass(frozen=True)
class Job:
    package: str
    spec: Path
    folder: Path  # the package folder written to
    spec_display: str
    extras: Path | None = None
    templates: tuple[Path, ...] = ()  # searched in order; the built-ins are searched last
    formatter: str = "ruff"  # "ruff" (black's style, fast) or "black"
    pagination: tuple[str, ...] = PAGINATION_STYLES  # pagination conventions recognised
    project: ProjectSettings | None = None  # also write pyproject.toml beside the package folder
    strict: bool = False  # refuse what tolerant reading would repair (`generate --strict`)
    names: tuple[tuple[str, str], ...] = ()  # method names chosen in [tool.clientsmith] (operationId or "METHOD /path")
    mcp: McpSettings | None = None  # also write `<package>/mcp/`, an MCP server over the client

    @property
    def template_dirs(self) -> tuple[Path, ...]:
        return search_path(self.templates)

    @property
    def root(self) -> Path:
        """The folder files are written under: the project's when there is one, else the package's."""
        return self.folder.parent if self.project is not None else self.folder

    @property
    def owned(self) -> PurePosixPath:
        """The part of `root` that belongs to the generator: files there that it no longer writes are removed."""
        return PurePosixPath(self.folder.name) if self.project is not None else PurePosixPath(".")


@dataclass
class Built:
    job: Job
    files: Mapping[PurePosixPath, str]
    warnings: list[str] = field(default_factory=list)
    operation_count: int = 0
    digests: dict[PurePosixPath, str] | None = None  # SHA-256 of each file, when known


class ExtrasError(ClientsmithError):
    pass


def build(job: Job, use_cache: bool = True, owns_process: bool = False) -> Built:
    """Everything but writing: the full text of every file, keyed by its path under `job.root`.

    `owns_process`: the caller is the command line, whose process ends with the run (_load_stages)."""
    template_dirs = job.template_dirs
    root = cache_root() if use_cache else None
    store = OutputCache(root / "outputs") if root is not None else None
    key = None
    if store is not None and job.spec.is_file():
        # strict reads the spec without repairs
        settings = repr((job.project, job.pagination, job.names, job.mcp)) + (" strict" if job.strict else "")
        from .testgen.proof_modules import unavailable  # a look only: imports nothing heavy

        if unavailable() is not None:
            settings += " unproven"  # tests generated without the proof are not those generated with it
        key = job_key(job.package, job.spec, template_dirs, job.extras, job.formatter, settings)
        manifest = store.load(key)
        if manifest is not None:
            return Built(job, ObjectFiles(store, manifest.files), manifest.warnings, manifest.operations, manifest.files)
    try:
        built, dependencies = _build_uncached(job, template_dirs, use_cache, owns_process)
    except RecursionError:
        # The load and validate stages bound nesting and $ref chains; this is the net for any
        # shape they do not foresee: a located refusal, never a crash.
        raise SpecError(Location(job.spec_display), "the document nests too deep for clientsmith to follow", "flatten deeply nested schemas or $ref chains") from None
    if store is not None and key is not None:
        built.digests = store.store(key, built.files, built.warnings, built.operation_count, dependencies)
    return built


def _build_uncached(job: Job, template_dirs: tuple[Path, ...], use_cache: bool, owns_process: bool = False) -> tuple[Built, dict[str, str]]:
    root = cache_root() if use_cache else None
    compiled = root / "templates" if root is not None else None
    if compiled is not None:
        compiled.mkdir(parents=True, exist_ok=True)
    rendered = _render_package(job, template_dirs, compiled, beside=owns_process)
    # The spec, the IR and the templates are garbage now: give their memory back before the
    # formatter runs beside this process (it is the peak on big specs).
    _release_memory()
    texts = rendered.texts
    cache = None
    if use_cache and job.formatter == "black":  # ruff needs no cache, nor the ~10 ms with_black's imports cost
        from .format.with_black import cache_dir

        cache = cache_dir()
    for path, formatted in zip(rendered.python, _format(rendered.python, texts, cache, job.formatter)):
        texts[path] = formatted
    return Built(job, texts, rendered.warnings, rendered.operations), rendered.dependencies


@dataclass
class _Rendered:
    texts: dict[PurePosixPath, str]  # every file, Python still unformatted
    python: list[PurePosixPath]  # the files to format
    warnings: list[str]
    operations: int
    dependencies: dict[str, str]  # $ref'd files -> digest
    validation_at: int = 0  # where in `warnings` the validate stage's go (after the proof's own)


_STAGES_LOADED = False


def _load_stages() -> None:
    """Import the stages a build runs, once, in a process the command line owns: their objects
    (~60,000 modules, classes, functions) live as long as the process, so the cyclic garbage collector
    is kept from scanning them, during the imports and in every collection after (`gc.freeze`); on a
    small document that scanning was ~40 ms, a tenth of the run."""
    global _STAGES_LOADED
    if _STAGES_LOADED:
        return
    _STAGES_LOADED = True
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        from .ground import relaxations  # noqa: F401
        from .load import places  # noqa: F401
        from .parse import api  # noqa: F401
        from .render import environment  # noqa: F401
        from .testgen import example_values, testplan  # noqa: F401
        from . import validate  # noqa: F401
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _render_package(job: Job, template_dirs: tuple[Path, ...], compiled: Path | None = None, beside: bool = False) -> _Rendered:
    """The stages up to render: every file's text, Python not yet formatted. `beside`: the
    validator's keyword checks may run in a forked child meanwhile (the caller owns the process)."""
    from .validate import validate_spec_beside

    spec = read_spec(job.spec, job.spec_display, strict=job.strict)  # load, upgrade
    moves: dict[str, str] = {}  # schemas the validate stage lifted into components/schemas: where they were written
    untyped: list[BrokenPart] = []  # the parts read as any value, which the tests name
    validation_warnings, keyword_checks = validate_spec_beside(spec, strict=job.strict, moves=moves, untyped=untyped, beside=beside)  # validate (and repair)
    try:
        if beside:
            # After the keyword checks' fork: the child is small to copy, and imports what they need
            # (openapi-spec-validator, pydantic) on the other processor while this process imports the stages.
            _load_stages()
        rendered = _render_checked(job, template_dirs, compiled, spec, moves, untyped)
    except KeyboardInterrupt:
        keyword_checks.cancel()
        raise
    except BaseException:
        keyword_checks.result()  # a refusal of theirs comes first, as it would in a plain run
        raise
    validation_warnings += keyword_checks.result()
    rendered.warnings[rendered.validation_at : rendered.validation_at] = validation_warnings
    return rendered


def _render_checked(job: Job, template_dirs: tuple[Path, ...], compiled: Path | None, spec: LoadedSpec, moves: dict[str, str], untyped: list[BrokenPart]) -> _Rendered:
    """The stages after validate: parse, testgen, plan, render."""
    from .ground.relaxations import find_relaxations
    from .load.places import warning_place
    from .parse.api import build_api
    from .render.environment import Renderer
    from .testgen.testplan import plan_tests
    from .testgen.example_values import ExampleRecorder
    from .validate import source_pointer

    warnings = WarningSink()
    # The schemas no value satisfies, read once: the client types them nullable (parse), the tests
    # validate them relaxed (testgen).
    relaxations = find_relaxations(spec.data, warnings)
    examples = ExampleRecorder()  # the tests' example values parse asks testgen for
    api = build_api(spec.data, job.package, warnings, job.pagination, dict(job.names), examples.source, relaxations)  # parse
    renderer = Renderer(list(template_dirs), compiled, keep_compiled=True)  # like .pyc: kept even without the user cache
    test_templates = template_names(template_dirs, TEST_TEMPLATE_DIR, "*.jinja")
    tests = plan_tests(api, spec.data, relaxations, examples.tables, renderer, warnings, untyped) if test_templates else None  # testgen
    examples.release()  # parse's schema check, if no proof took it up: not needed to render
    runtime_files = template_names(template_dirs, RUNTIME_TEMPLATE_DIR, "*.py")
    plan = plan_package(api, runtime_files, read_extras(job.extras), test_templates, tests)  # plan
    if job.mcp is not None:
        plan = plan_mcp(api, job.mcp, plan, tests)
    if job.project is not None:
        plan = plan_project(api, plan, job.project, warnings)
    paths = [output.path for output in plan]
    clashes = sorted(str(path) for path, count in Counter(paths).items() if count > 1)
    if clashes:
        raise ExtrasError(f"extra files {', '.join(clashes)} clash with generated files; rename them")
    texts = {output.path: _render(output, renderer, warnings) for output in plan}  # render
    python = [output.path for output in plan if output.python]
    unproven = [f"clientsmith: warning: {tests.unproven}"] if tests is not None and tests.unproven else []
    rendered_warnings = unproven + [item.render(warning_place(spec, source_pointer(moves, item.pointer))) for item in warnings.sorted() + warnings.sorted_notes()]
    dependencies = {str(path): digest(source.text.encode("utf-8")) for path, source in spec.files.items() if source is not spec.root}
    return _Rendered(texts, python, rendered_warnings, len(api.operations), dependencies, len(unproven))


def read_spec(path: Path, display: str | None = None, strict: bool = False) -> LoadedSpec:
    """load -> upgrade: the document as OpenAPI 3.x (a Swagger 2.0 one checked, then converted)."""
    from .load import load_spec
    from .upgrade import upgrade_spec
    from .validate.swagger2 import check_swagger2

    return upgrade_spec(load_spec(path, display), strict, check_swagger2)


def read_api(
    document: dict[str, Any],
    package: str,
    warnings: WarningSink,
    pagination: tuple[str, ...] = PAGINATION_STYLES,
    names: Mapping[str, str] | None = None,
    examples: ExampleTables | None = None,
) -> Api:
    """parse, with the example values testgen gives (as `build` parses); those the IR does not carry
    go into `examples` when given."""
    from .parse.api import build_api
    from .testgen.example_values import ExampleRecorder

    recorder = ExampleRecorder(examples) if examples is not None else ExampleRecorder()
    return build_api(document, package, warnings, pagination, names, examples=recorder.source)


def _release_memory() -> None:
    import gc

    gc.collect()  # the IR has reference cycles
    try:  # glibc keeps freed heap pages until asked to return them
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _render(output: OutputFile, renderer: Renderer, warnings: WarningSink) -> str:
    if output.template is None:
        return output.content
    if output.template.startswith(RUNTIME_TEMPLATE_DIR + "/"):
        return renderer.source_of(output.template)  # runtime modules are copied verbatim
    if "untested" not in output.context:
        return renderer.render(output.template, output.context)
    # A resource's test module: one operation's tests it cannot render for cost only them.
    from .ground.pointers import join_pointer
    from .render.by_operation import render_by_operation

    text, left = render_by_operation(renderer, output.template, output.context)
    for operation, said in left:
        warnings.warn(join_pointer(join_pointer("#/paths", operation.path), operation.method.lower()), "generated tests: " + said)
    return text


def _format(paths: list[PurePosixPath], texts: dict[PurePosixPath, str], cache: Path | None, formatter: str) -> list[str]:
    format_all = _formatter(formatter, cache)
    try:
        return format_all([texts[path] for path in paths])
    except GeneratedCodeError:
        # Name the file: format one by one to find the culprit (a clientsmith bug, rare).
        for path in paths:
            try:
                format_all([texts[path]])
            except GeneratedCodeError as exc:
                raise GeneratedCodeError(f"{path}: {exc}") from None
        raise


def _formatter(name: str, cache: Path | None) -> Callable[[list[str]], list[str]]:
    if name == "ruff":
        from .format.with_ruff import ruff_format_many

        return ruff_format_many  # fast enough to need no cache
    from .format.with_black import format_many

    return lambda sources: format_many(sources, cache)


def read_extras(folder: Path | None) -> dict[str, str]:
    """Hand-written files a provider adds to its package (kept across regeneration)."""
    if folder is None:
        return {}
    if not folder.is_dir():
        raise ExtrasError(f"extras folder {folder} does not exist")
    files: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            relative = path.relative_to(folder).as_posix()
            files[relative] = path.read_text(encoding="utf-8")
    return files


def write_all(built: list[Built], root_files: dict[Path, str] | None = None) -> WriteReport:
    report = WriteReport()
    for folder_file, content in (root_files or {}).items():
        write_folder(folder_file.parent, {PurePosixPath(folder_file.name): content}, report, remove_stale=False)
    for item in built:
        write_folder(item.job.root, item.files, report, digests=item.digests, owned=item.job.owned)
    return report


def compare_all(built: list[Built], root_files: dict[Path, str] | None = None, root: Path | None = None) -> list[Difference]:
    differences: list[Difference] = []
    for folder_file, content in (root_files or {}).items():
        display = _display(folder_file.parent, root)
        differences += compare_folder(folder_file.parent, {PurePosixPath(folder_file.name): content}, display, remove_stale=False)
    for item in built:
        differences += compare_folder(item.job.root, item.files, _display(item.job.root, root), digests=item.digests, owned=item.job.owned)
    return differences


def _display(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return os.path.relpath(path, root)
        except ValueError:
            pass
    return str(path)
