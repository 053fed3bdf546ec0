"""The MCP server a package can carry (`mcp = true`): its settings, its tool catalogue, its files.

The catalogue is data, built here from the IR (`mcp_schemas.py`) and written as JSON
(`<package>/mcp/catalogue.json`): the server's code is the same for every API and reads it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

from ..ground.diagnostics import ConfigError
from ..parse.ir import Api, Operation, Resource
from .files import OutputFile
from .mcp_schemas import SchemaBuilder, input_schema, output_schema

if TYPE_CHECKING:
    from ..testgen.testplan import TestPlan

McpMode = Literal["auto", "tools", "discovery"]
MCP_MODES: tuple[McpMode, ...] = ("auto", "tools", "discovery")
DEFAULT_TOOL_LIMIT = 50
DEFAULT_STREAM_LIMIT = 100
MCP_TEMPLATE_DIR = "package/mcp"
MCP_TEST = PurePosixPath("tests/test_mcp_server.py")


@dataclass(frozen=True)
class McpSettings:
    """`mcp = true` and the `mcp-*` settings of a provider (README.md, "Serving an API to agents")."""

    mode: McpMode = "auto"  # auto: one tool per operation up to `tool_limit` operations, else discovery
    tool_limit: int = DEFAULT_TOOL_LIMIT
    include: tuple[str, ...] = ()  # operationIds or tool names ("resource.method"); empty: every operation
    exclude: tuple[str, ...] = ()
    include_tags: tuple[str, ...] = ()
    exclude_tags: tuple[str, ...] = ()
    destructive: tuple[str, ...] = ()  # operations marked destructive besides DELETE
    stream_limit: int = DEFAULT_STREAM_LIMIT  # streamed items gathered before the result is cut


def mcp_settings(where: str, value: dict[str, Any]) -> McpSettings | None:
    """The provider table's `mcp` settings, checked; None when `mcp` is not true."""
    enabled = value.get("mcp", False)
    if not isinstance(enabled, bool):
        raise ConfigError(f"{where}: mcp = {enabled!r}; use mcp = true (or false)")
    named = [key for key in value if key.startswith("mcp-")]
    if not enabled:
        if named:
            raise ConfigError(f"{where}: {', '.join(named)} need(s) mcp = true")
        return None
    mode = value.get("mcp-mode", "auto")
    if mode not in MCP_MODES:
        raise ConfigError(f"{where}: mcp-mode = {mode!r}; use one of {', '.join(map(repr, MCP_MODES))}")
    limits = {}
    for key, default in (("mcp-tool-limit", DEFAULT_TOOL_LIMIT), ("mcp-stream-limit", DEFAULT_STREAM_LIMIT)):
        number = value.get(key, default)
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise ConfigError(f"{where}: {key} = {number!r}; use a whole number of 1 or more")
        limits[key] = number
    lists = {}
    for key in ("mcp-include", "mcp-exclude", "mcp-include-tags", "mcp-exclude-tags", "mcp-destructive"):
        items = value.get(key, [])
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise ConfigError(f"{where}: {key} = {items!r}; use a list of strings")
        lists[key] = tuple(items)
    return McpSettings(
        mode,
        limits["mcp-tool-limit"],
        lists["mcp-include"],
        lists["mcp-exclude"],
        lists["mcp-include-tags"],
        lists["mcp-exclude-tags"],
        lists["mcp-destructive"],
        limits["mcp-stream-limit"],
    )


MCP_KEYS = ("mcp", "mcp-mode", "mcp-tool-limit", "mcp-stream-limit", "mcp-include", "mcp-exclude", "mcp-include-tags", "mcp-exclude-tags", "mcp-destructive")


def tool_name(resource: Resource, operation: Operation) -> str:
    return f"{resource.access}.{operation.name}"


def served(api: Api, settings: McpSettings) -> list[tuple[Resource, Operation]]:
    """The operations the server offers, in the client's order."""
    chosen: list[tuple[Resource, Operation]] = []
    for resource in _all_resources(api.resources):
        for operation in resource.operations:
            names = {operation.operation_id, tool_name(resource, operation)}
            if not operation.mcp or names & set(settings.exclude) or set(operation.tags) & set(settings.exclude_tags):
                continue
            if settings.include and not names & set(settings.include):
                if not settings.include_tags or not set(operation.tags) & set(settings.include_tags):
                    continue
            elif settings.include_tags and not set(operation.tags) & set(settings.include_tags):
                continue
            chosen.append((resource, operation))
    return chosen


def _all_resources(resources: tuple[Resource, ...]) -> list[Resource]:
    found: list[Resource] = []
    for resource in resources:
        found.append(resource)
        found += _all_resources(resource.children)
    return found


def catalogue(api: Api, settings: McpSettings) -> dict[str, Any]:
    """Everything the server serves, as JSON data: the mode, the tools and the shared `$defs`."""
    operations = served(api, settings)
    mode = settings.mode if settings.mode != "auto" else ("discovery" if len(operations) > settings.tool_limit else "tools")
    inputs = SchemaBuilder(api, reading=False)
    outputs = SchemaBuilder(api, reading=True)
    tools: list[dict[str, Any]] = []
    for resource, operation in operations:
        name = tool_name(resource, operation)
        made = input_schema(inputs, operation)
        destructive = operation.method == "DELETE" or bool({operation.operation_id, name} & set(settings.destructive))
        read_only = operation.method in ("GET", "HEAD") and not destructive
        tool: dict[str, Any] = {
            "name": name,
            "resource": resource.access,
            "method": operation.name,
            "http": f"{operation.method} {operation.url_path}",
            "title": operation.summary.strip() or name,
            "description": _description(operation),
            "tags": list(operation.tags),
            "input": made.schema,
            "defs": inputs.reached(made.schema),
            "arguments": made.arguments,
            "positional": [parameter.name for parameter in operation.parameters if parameter.location == "path"],
            "paged": operation.pagination is not None,
            "page_token": made.page_token,
            "streams": operation.always_streams,
            "read_only": read_only,
            "destructive": destructive,
            "idempotent": operation.method in ("GET", "HEAD", "PUT", "DELETE", "OPTIONS"),
        }
        if mode == "tools":
            out = output_schema(outputs, operation)
            tool["output"] = out
            tool["output_defs"] = outputs.reached(out)
        tools.append(tool)
    return {
        "title": api.title,
        "mode": mode,
        "stream_limit": settings.stream_limit,
        "tools": tools,
        "defs": dict(sorted(inputs.defs.items())),
        "output_defs": dict(sorted(outputs.defs.items())) if mode == "tools" else {},
    }


def _description(operation: Operation) -> str:
    parts = [text.strip() for text in (operation.summary, operation.description) if text.strip()]
    if len(parts) == 2 and parts[0] == parts[1]:
        parts.pop()
    if operation.deprecated:
        parts.append("Deprecated by the API.")
    parts.append(f"`{operation.method} {operation.url_path}`")
    return "\n\n".join(parts)


@dataclass(frozen=True)
class McpView:
    """What the package README and the server's modules print about the server."""

    package: str
    title: str
    mode: str
    tool_count: int
    operation_count: int
    env_vars: tuple[str, ...]  # credentials, read by the client
    base_url_var: str
    example_tool: str


def plan_mcp(api: Api, settings: McpSettings, files: list[OutputFile], tests: TestPlan | None) -> list[OutputFile]:
    """The package's files with the server added: `mcp/` (code and catalogue), its test, and the
    README's section on running it."""
    data = catalogue(api, settings)
    tools = data["tools"]
    view = McpView(
        api.package,
        api.title,
        data["mode"],
        len(tools) if data["mode"] == "tools" else DISCOVERY_TOOLS,
        len(tools),
        api.credential_env_vars,
        f"{api.package.upper()}_BASE_URL",
        tools[0]["name"] if tools else "",
    )
    context = {"api": api, "mcp": view}
    added = [
        OutputFile(PurePosixPath("mcp/__init__.py"), f"{MCP_TEMPLATE_DIR}/__init__.py.jinja", context),
        OutputFile(PurePosixPath("mcp/__main__.py"), f"{MCP_TEMPLATE_DIR}/__main__.py.jinja", context),
        OutputFile(PurePosixPath("mcp/_server.py"), f"{MCP_TEMPLATE_DIR}/_server.py.jinja", context),
        OutputFile(PurePosixPath("mcp/_discovery.py"), f"{MCP_TEMPLATE_DIR}/_discovery.py.jinja", context),
        OutputFile(PurePosixPath("mcp/catalogue.json"), None, content=json.dumps(data, ensure_ascii=False, indent=1) + "\n", python=False),
    ]
    if tests is not None:
        added.append(OutputFile(MCP_TEST, f"{MCP_TEMPLATE_DIR}/test_mcp_server.py.jinja", context | {"test_modules": _test_modules(api, tests, tools)}))
    readme = PurePosixPath("README.md")
    return [replace(output, context=output.context | {"mcp": view}) if output.path == readme else output for output in files] + added


DISCOVERY_TOOLS = 4  # list_resources, list_operations, describe_operation, call_operation


def _test_modules(api: Api, tests: TestPlan, tools: list[dict[str, Any]]) -> list[tuple[str, dict[str, str]]]:
    """(test module, {operation method name: tool name}) for each resource test module with a served operation."""
    by_resource: dict[str, dict[str, str]] = {}
    for tool in tools:
        by_resource.setdefault(tool["resource"], {})[tool["method"]] = tool["name"]
    fixed = {"test_client", "test_mcp_server"}
    modules: list[tuple[str, dict[str, str]]] = []
    for resource in tests.api.resources:
        served_here = by_resource.get(resource.access)
        if not served_here:
            continue
        module = f"test_{resource.module}"
        modules.append((module + "_resource" if module in fixed else module, served_here))
    return modules
