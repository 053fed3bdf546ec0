"""A generated package as an installable project: the `pyproject.toml` written beside it.

The distribution name and version come from the document (`info.title`, `info.version`) unless the
user sets them; both are normalised (PEP 503 names, PEP 440 versions) and a version that cannot be
read as PEP 440 as it stands is announced in a warning that says what the project uses instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from packaging.version import InvalidVersion, Version

from ..ground.diagnostics import ConfigError, WarningSink
from ..ground.installed_versions import normalized_name
from .files import OutputFile

if TYPE_CHECKING:
    from ..parse.ir import Api

# What a generated package needs at run time and for its own tests. The runtime (templates/runtime/)
# uses typing.Self (3.11), httpx's transports and pydantic 2.11's model APIs; the tests run under pytest
# and validate with openapi-schema-validator (the OpenAPI dialects of jsonschema, with `referencing`).
REQUIRES_PYTHON = ">=3.11"
RUNTIME_DEPENDENCIES = ("httpx>=0.27,<1", "pydantic>=2.11,<3")
TEST_DEPENDENCIES = ("pytest>=8", "openapi-schema-validator>=0.9,<0.10", "jsonschema>=4.23,<5", "referencing>=0.28")
FALLBACK_VERSION = "0.0.0"
README = PurePosixPath("README.md")
MCP_SERVER = PurePosixPath("mcp/__init__.py")
MCP_DEPENDENCY = "mcp>=2.3,<3"  # the official MCP Python SDK: `pip install '<project>[mcp]'`

_NAME = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$")
_RELEASE = re.compile(r"\d+(?:\.\d+)*")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@dataclass(frozen=True)
class ProjectSettings:
    """What the user chose (command line or [tool.clientsmith]); None takes the document's value."""

    name: str | None = None
    version: str | None = None

    def checked(self, where: str) -> ProjectSettings:
        """The settings, or a ConfigError naming `where` when one is not a valid name or version."""
        if self.name is not None and not _NAME.match(self.name):
            raise ConfigError(f"{where}: project name {self.name!r} is not a valid distribution name (letters, digits, '.', '_', '-')")
        if self.version is not None:
            try:
                Version(self.version)
            except InvalidVersion:
                raise ConfigError(f"{where}: project version {self.version!r} is not a PEP 440 version (for example 1.2.0 or 2.0.0b1)") from None
        return self


@dataclass(frozen=True)
class ProjectMetadata:
    name: str
    version: str
    summary: str
    package: str
    requires_python: str = REQUIRES_PYTHON
    dependencies: tuple[str, ...] = RUNTIME_DEPENDENCIES
    test_dependencies: tuple[str, ...] = TEST_DEPENDENCIES
    mcp_dependencies: tuple[str, ...] = ()  # the `mcp` extra, when the package has an MCP server


def plan_project(api: Api, package_files: list[OutputFile], settings: ProjectSettings, warnings: WarningSink) -> list[OutputFile]:
    """The package's files moved into `<package>/`, and the project's own files beside them."""
    metadata = project_metadata(api.title, api.version, api.package, settings, warnings)
    if any(output.path == MCP_SERVER for output in package_files):
        metadata = replace(metadata, mcp_dependencies=(MCP_DEPENDENCY,), test_dependencies=(*metadata.test_dependencies, MCP_DEPENDENCY))
    moved = [replace(output, path=PurePosixPath(api.package) / output.path, context=_with_project(output, metadata)) for output in package_files]
    return moved + [OutputFile(PurePosixPath("pyproject.toml"), "project/pyproject.toml.jinja", {"project": metadata}, python=False)]


def _with_project(output: OutputFile, metadata: ProjectMetadata) -> dict[str, object]:
    """The package README tells how to install the project."""
    return {**output.context, "project": metadata} if output.path == README else output.context


def project_metadata(title: str, version: str, package: str, settings: ProjectSettings, warnings: WarningSink) -> ProjectMetadata:
    name = normalized_name(settings.name) if settings.name else distribution_name(title, package)
    chosen = str(Version(settings.version)) if settings.version else _document_version(version, warnings)
    summary = " ".join(f"Typed Python client for {title.strip() or package}".split())
    return ProjectMetadata(name, chosen, summary, package)


def distribution_name(title: str, package: str) -> str:
    """`Kodexa Platform API` -> `kodexa-platform-api-client`.

    The suffix keeps a generated client from taking the name of the vendor's own SDK on an index or
    in an environment (installing a project called `stripe` would replace Stripe's).
    """
    words = re.findall(r"[a-z0-9]+", title.lower())
    base = "-".join(words) or package.replace("_", "-")
    if not words or words[-1] not in ("client", "sdk"):
        base += "-client"
    return normalized_name(base)


def _document_version(text: str, warnings: WarningSink) -> str:
    """`info.version` as PEP 440: as it stands when it parses, else its release numbers, else 0.0.0."""
    raw = text.strip()
    try:
        return str(Version(raw))
    except InvalidVersion:
        pass
    date = _DATE.match(raw)
    if date:
        chosen = ".".join(str(int(part)) for part in date.groups())
    else:
        release = _RELEASE.search(raw)
        chosen = release.group(0) if release else FALLBACK_VERSION
    warnings.warn("#/info/version", f"info.version {raw!r} is not a PEP 440 version; the project is version {chosen} (set the project version to choose another)")
    return chosen
