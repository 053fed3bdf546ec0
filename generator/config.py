"""The `[tool.clientsmith]` table of pyproject.toml: which specs become which packages."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .ground.diagnostics import ConfigError
from .parse.ir import PAGINATION_STYLES
from .plan.mcp import MCP_KEYS, McpSettings, mcp_settings
from .plan.project import ProjectSettings


@dataclass(frozen=True)
class Provider:
    package: str
    spec: Path
    extras: Path | None  # hand-written files copied into the package (e.g. a custom auth signer)
    templates: Path | None  # per-provider template overrides, searched before the shared ones
    project: ProjectSettings | None = None  # `project = true`: an installable project in output/<package>/
    pagination: tuple[str, ...] = PAGINATION_STYLES  # the conventions recognised (x-pagination always counts)
    names: tuple[tuple[str, str], ...] = ()  # operationId or "METHOD /path" -> the method name chosen for it
    mcp: McpSettings | None = None  # `mcp = true`: the package serves its API as an MCP server (`<package>/mcp/`)


@dataclass(frozen=True)
class Config:
    root: Path
    output: Path
    templates: Path | None  # the repository's template overrides; None: the built-ins alone
    providers: tuple[Provider, ...]
    formatter: str = "ruff"

    def package_folder(self, provider: Provider) -> Path:
        """A project keeps its package one level down: output/<package>/pyproject.toml, output/<package>/<package>/."""
        folder = self.output / provider.package
        return folder / provider.package if provider.project is not None else folder


FORMATTERS = ("ruff", "black")  # ruff writes black's style much faster; black is the reference


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(pyproject: Path) -> Config:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{pyproject}: cannot read: {exc}") from None
    table = data.get("tool", {}).get("clientsmith")
    if not isinstance(table, dict):
        raise ConfigError(f"{pyproject}: no [tool.clientsmith] table; add one or use `generate SPEC --package NAME --out DIR`")
    root = pyproject.parent
    _check_keys(f"{pyproject}: [tool.clientsmith]", table, TOOL_KEYS)
    output = root / str(table.get("output", "generated"))
    templates = root / str(table["templates"]) if "templates" in table else None
    providers_table = table.get("providers", {})
    if not isinstance(providers_table, dict) or not providers_table:
        raise ConfigError(f"{pyproject}: [tool.clientsmith.providers] lists no provider")
    default_pagination = pagination_setting(table.get("pagination", True), f"{pyproject}: [tool.clientsmith] pagination")
    providers = tuple(_provider(root, name, value, pyproject, default_pagination) for name, value in providers_table.items())
    formatter = table.get("formatter", "ruff")
    if formatter not in FORMATTERS:
        raise ConfigError(f"{pyproject}: [tool.clientsmith] formatter = {formatter!r}; use one of {', '.join(map(repr, FORMATTERS))}")
    return Config(root, output, templates, providers, formatter)


TOOL_KEYS = ("output", "templates", "formatter", "providers", "pagination")
PROVIDER_KEYS = ("spec", "extras", "templates", "project", "project-name", "project-version", "pagination", "names", *MCP_KEYS)


def _check_keys(where: str, table: dict[str, Any], known: tuple[str, ...]) -> None:
    unknown = sorted(set(table) - set(known))
    if unknown:
        raise ConfigError(f"{where}: unknown setting(s) {', '.join(map(repr, unknown))}; known: {', '.join(known)}")


def _provider(root: Path, name: str, value: Any, pyproject: Path, default_pagination: tuple[str, ...]) -> Provider:
    where = f"{pyproject}: [tool.clientsmith.providers.{name}]"
    if not is_package_name(name):
        raise ConfigError(f"{where}: {name!r} is not a valid Python package name")
    if not isinstance(value, dict) or not isinstance(value.get("spec"), str):
        raise ConfigError(f"{where}: needs `spec = \"specs/{name}.yaml\"`")
    _check_keys(where, value, PROVIDER_KEYS)
    extras = root / value["extras"] if isinstance(value.get("extras"), str) else None
    templates = root / value["templates"] if isinstance(value.get("templates"), str) else None
    pagination = pagination_setting(value["pagination"], f"{where} pagination") if "pagination" in value else default_pagination
    return Provider(name, root / value["spec"], extras, templates, _project(where, value), pagination, _names(where, value.get("names", {})), mcp_settings(where, value))


def _names(where: str, value: Any) -> tuple[tuple[str, str], ...]:
    """`names = { createSession = "start", "PUT /files/{path}" = "upload" }`: method names chosen by hand."""
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: names must be a table of operationId (or 'METHOD /path') = \"method_name\"")
    for key, name in value.items():
        if not isinstance(name, str) or not is_package_name(name):
            raise ConfigError(f"{where}: names[{key!r}] = {name!r} is not a Python method name (snake_case, not a keyword)")
    return tuple(sorted(value.items()))


def pagination_setting(value: Any, where: str) -> tuple[str, ...]:
    """`pagination = true` (every convention, the default), `false` (none: only `x-pagination`
    declarations), or the conventions to recognise by name (`"link"`, `["cursor", "page"]`)."""
    if value is True:
        return PAGINATION_STYLES
    if value is False:
        return ()
    names = [value] if isinstance(value, str) else value
    if isinstance(names, list) and names and all(isinstance(name, str) and name in PAGINATION_STYLES for name in names):
        return tuple(dict.fromkeys(names))
    choices = ", ".join(repr(style) for style in PAGINATION_STYLES)
    raise ConfigError(f"{where} = {value!r}; use true, false, or one or a list of {choices}")


def _project(where: str, value: dict[str, Any]) -> ProjectSettings | None:
    enabled = value.get("project", False)
    if not isinstance(enabled, bool):
        raise ConfigError(f"{where}: project = {enabled!r}; use project = true (or false)")
    named = {key: value[key] for key in ("project-name", "project-version") if key in value}
    for key, setting in named.items():
        if not isinstance(setting, str):
            raise ConfigError(f"{where}: {key} = {setting!r} must be a string")
    if not enabled:
        if named:
            raise ConfigError(f"{where}: {', '.join(named)} need(s) project = true")
        return None
    return ProjectSettings(named.get("project-name"), named.get("project-version")).checked(where)


def is_package_name(name: str) -> bool:
    import keyword

    return name.isidentifier() and name.isascii() and not keyword.iskeyword(name) and not name.startswith("_")
