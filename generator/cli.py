"""The command line: `python -m generator` / `clientsmith`.

Exit codes: 0 ok, 1 invalid input or drift, 2 usage error. A user's mistake is one clear line on
stderr, never a traceback (use --debug to see one).
"""

from __future__ import annotations

import argparse
from dataclasses import replace
import sys
import time
from pathlib import Path
from typing import Sequence

from .config import FORMATTERS, Config, find_pyproject, is_package_name, load_config
from .ground import lean_imports
from .ground.diagnostics import ClientsmithError, ConfigError, cut_line
from .pipeline import ROOT_INIT, Built, Job, build, compare_all, read_spec, write_all
from .plan.mcp import McpSettings
from .plan.project import ProjectSettings
from .write import WriteReport

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
_DIFF_LINES_SHOWN = 200


class Output:
    def __init__(self, quiet: bool, verbose: bool, max_width: int | None = None) -> None:
        self.quiet = quiet
        self.verbose = verbose
        self.max_width = max_width  # None: warnings whole

    def info(self, text: str) -> None:
        if not self.quiet:
            print(text)

    def detail(self, text: str) -> None:
        if self.verbose:
            print(text)

    def warn(self, text: str) -> None:
        if not self.quiet:
            print(text if self.max_width is None else cut_line(text, self.max_width), file=sys.stderr)

    def error(self, text: str) -> None:
        print(f"error: {text}", file=sys.stderr)


def _common_options(suppress: bool) -> argparse.ArgumentParser:
    """The options every command takes, before or after its name. After it they default to
    SUPPRESS: a subcommand's defaults would otherwise undo `clientsmith -q generate`."""
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS if suppress else None)
    common.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    common.add_argument("-v", "--verbose", action="store_true", help="print every file and timing")
    common.add_argument("--debug", action="store_true", help="show tracebacks (for bug reports)")
    common.add_argument("--max-width", type=_width, metavar="N", help="cut each warning to N characters at a word boundary (default: whole)")
    common.add_argument("--config", type=Path, help="pyproject.toml to read [tool.clientsmith] from")
    common.add_argument("--no-cache", action="store_true", help="do not use the output and formatting caches")
    common.add_argument("--formatter", choices=FORMATTERS, help="ruff (default: black's style, fast) or black itself")
    return common


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="clientsmith", description="Typed Python clients from OpenAPI documents.", parents=[_common_options(False)])
    common = _common_options(True)
    commands = root.add_subparsers(dest="command", required=True)
    generate = commands.add_parser("generate", parents=[common], help="regenerate configured clients, or one client from SPEC")
    generate.add_argument("spec", nargs="?", type=Path, help="an OpenAPI file (omit to regenerate every configured provider)")
    generate.add_argument("--package", help="package name for SPEC")
    generate.add_argument("--out", type=Path, help="folder that receives the package folder for SPEC")
    generate.add_argument("--provider", action="append", default=[], help="only this configured provider (repeatable)")
    generate.add_argument("--strict", action="store_true", help="refuse defects that would otherwise be repaired with a warning")
    generate.add_argument("--fail-on-change", action="store_true", help="exit 1 when a file was written or removed (pre-commit hooks: new files must be added)")
    generate.add_argument("--templates", type=Path, help="with SPEC: a folder whose templates override the built-in ones, file by file")
    generate.add_argument("--no-project", action="store_true", help="with SPEC: write the package alone, without DIR/pyproject.toml")
    generate.add_argument("--project-name", help="with SPEC: the distribution name (default: from info.title, with -client)")
    generate.add_argument("--project-version", help="with SPEC: the distribution version (default: info.version as PEP 440)")
    generate.add_argument("--mcp", action="store_true", help="with SPEC: add an MCP server (`python -m PACKAGE.mcp`) serving the API to agents")
    check = commands.add_parser("check", parents=[common], help="exit 1 with a diff when generated code is stale")
    check.add_argument("--provider", action="append", default=[], help="only this configured provider (repeatable)")
    validate = commands.add_parser("validate", parents=[common], help="validate OpenAPI files only (strictly: nothing is repaired)")
    validate.add_argument("specs", nargs="+", type=Path)
    validate.add_argument("--openapi-only", action="store_true", help="skip files that are not OpenAPI documents (for hooks that pass every YAML/JSON file)")
    return root


def _width(text: str) -> int:
    try:
        width = int(text)
    except ValueError:
        width = 0
    if width < 20:  # below that a cut warning no longer says which file it is about
        raise argparse.ArgumentTypeError(f"{text!r} is not a width of at least 20 characters")
    return width


def main(argv: Sequence[str] | None = None) -> int:
    lean_imports.install()
    args = parser().parse_args(argv)
    out = Output(args.quiet, args.verbose, args.max_width)
    try:
        if args.command == "generate":
            return _generate(args, out)
        if args.command == "check":
            return _check(args, out)
        return _validate(args, out)
    except ConfigError as exc:
        out.error(str(exc))
        return EXIT_USAGE
    except ClientsmithError as exc:
        if args.debug:
            raise
        out.error(str(exc))
        return EXIT_INVALID
    except KeyboardInterrupt:
        out.error("interrupted; nothing was written")
        return EXIT_INVALID
    except Exception as exc:  # noqa: BLE001 - a bug in clientsmith: say so briefly
        if args.debug:
            raise
        out.error(f"internal error ({exc.__class__.__name__}: {exc}); nothing was written. Re-run with --debug and report it.")
        return EXIT_INVALID


def _config(args: argparse.Namespace) -> Config:
    pyproject = args.config or find_pyproject(Path.cwd())
    if pyproject is None:
        raise ConfigError("no pyproject.toml found here or above; pass --config or use `generate SPEC --package NAME --out DIR`")
    return load_config(pyproject)


def _configured_jobs(config: Config, only: list[str]) -> list[Job]:
    known = {provider.package for provider in config.providers}
    unknown = sorted(set(only) - known)
    if unknown:
        raise ConfigError(f"unknown provider(s) {', '.join(unknown)}; configured: {', '.join(sorted(known))}")
    jobs = []
    for provider in config.providers:
        if only and provider.package not in only:
            continue
        try:
            display = str(provider.spec.relative_to(config.root))
        except ValueError:
            display = str(provider.spec)
        templates = (provider.templates, config.templates)
        folder = config.package_folder(provider)
        jobs.append(
            Job(provider.package, provider.spec, folder, display, provider.extras, tuple(t for t in templates if t), config.formatter, provider.pagination, provider.project, names=provider.names, mcp=provider.mcp)
        )
    return jobs


def _build_all(jobs: list[Job], args: argparse.Namespace, out: Output) -> list[Built]:
    built = []
    said: set[str] = set()  # a warning about the run itself (the proof cannot run here) is said once
    for job in jobs:
        if args.formatter:
            job = replace(job, formatter=args.formatter)
        if getattr(args, "strict", False):
            job = replace(job, strict=True)
        started = time.perf_counter()
        result = build(job, use_cache=not args.no_cache, owns_process=True)
        for warning in result.warnings:
            if warning not in said:
                out.warn(warning)
            if warning.startswith("clientsmith: "):
                said.add(warning)
        out.detail(f"{job.package}: {result.operation_count} operations, {len(result.files)} files in {time.perf_counter() - started:.2f}s")
        built.append(result)
    return built


_SPEC_ONLY_OPTIONS = ("templates", "no_project", "project_name", "project_version", "mcp")


def _adhoc_job(args: argparse.Namespace) -> Job:
    if args.provider:
        raise ConfigError("--provider applies to configured providers, not to a SPEC argument")
    if not args.package or not args.out:
        raise ConfigError("generate SPEC needs --package NAME and --out DIR")
    if not is_package_name(args.package):
        raise ConfigError(f"--package {args.package!r} is not a valid Python package name")
    if args.no_project and (args.project_name or args.project_version):
        raise ConfigError("--project-name and --project-version describe the project that --no-project leaves out")
    project = None if args.no_project else ProjectSettings(args.project_name, args.project_version).checked("command line")
    templates = (args.templates,) if args.templates else ()
    mcp = McpSettings() if args.mcp else None
    return Job(args.package, args.spec, args.out / args.package, str(args.spec), templates=templates, project=project, mcp=mcp)


def _generate(args: argparse.Namespace, out: Output) -> int:
    if args.spec is not None:
        job = _adhoc_job(args)
        built = _build_all([job], args, out)
        report = write_all(built)
        out.info(f"{args.package}: {len(report.written)} written, {len(report.removed)} removed, {report.unchanged} unchanged -> {job.root}")
        return _changed_exit(report, args, out)
    given = [option for option in _SPEC_ONLY_OPTIONS if getattr(args, option)]
    if given:
        flags = ", ".join("--" + option.replace("_", "-") for option in given)
        raise ConfigError(f"{flags} apply to `generate SPEC`; configured providers take them from [tool.clientsmith]")
    config = _config(args)
    jobs = _configured_jobs(config, args.provider)
    built = _build_all(jobs, args, out)
    report = write_all(built, {config.output / "__init__.py": ROOT_INIT})
    for path in report.written:
        out.detail(f"wrote {path}")
    for path in report.removed:
        out.detail(f"removed {path}")
    out.info(f"generated {len(built)} client(s): {len(report.written)} written, {len(report.removed)} removed, {report.unchanged} unchanged")
    return _changed_exit(report, args, out)


def _changed_exit(report: WriteReport, args: argparse.Namespace, out: Output) -> int:
    if args.fail_on_change and (report.written or report.removed):
        out.error("generated code changed (it was stale or missing): review it, `git add` the files, and commit again")
        return EXIT_INVALID
    return EXIT_OK


def _check(args: argparse.Namespace, out: Output) -> int:
    config = _config(args)
    jobs = _configured_jobs(config, args.provider)
    built = _build_all(jobs, args, out)
    differences = compare_all(built, {config.output / "__init__.py": ROOT_INIT}, config.root)
    if not differences:
        out.info(f"{len(built)} client(s) up to date")
        return EXIT_OK
    lines = "".join(item.diff for item in differences).splitlines()
    shown = lines[:_DIFF_LINES_SHOWN]
    print("\n".join(shown))
    if len(lines) > len(shown):
        print(f"... {len(lines) - len(shown)} more diff lines")
    summary = {kind: sum(1 for item in differences if item.kind == kind) for kind in ("changed", "missing", "stale")}
    out.error(
        f"generated code is stale: {summary['changed']} changed, {summary['missing']} missing, {summary['stale']} stale file(s); run `make generate` and commit the result"
    )
    return EXIT_INVALID


def _validate(args: argparse.Namespace, out: Output) -> int:
    from .validate import validate_spec

    failures = 0
    for path in args.specs:
        if args.openapi_only and not _declares_openapi(path):
            out.detail(f"{path}: skipped (not an OpenAPI document)")
            continue
        try:
            for warning in validate_spec(read_spec(path, str(path), strict=True), thorough=True, strict=True):
                out.warn(warning)
            out.info(f"{path}: valid")
        except ClientsmithError as exc:
            if args.debug:
                raise
            out.error(str(exc))
            failures += 1
    return EXIT_INVALID if failures else EXIT_OK


def _declares_openapi(path: Path) -> bool:
    """Whether a file's top level names an OpenAPI (or Swagger) version; unreadable files count, to be reported."""
    from .load.documents import NotAMappingError, read_source

    try:
        data = read_source(path).data
    except NotAMappingError:
        return False
    except ClientsmithError:
        return True
    return isinstance(data, dict) and ("openapi" in data or "swagger" in data)
