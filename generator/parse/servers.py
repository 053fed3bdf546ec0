"""Servers and their variables: the client's default base URL and its arguments."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from ..ground.diagnostics import WarningSink
from .ir import Server, ServerVariable
from ..ground.naming import NameScope, make_identifier
from .text import describe


def parse_servers(document: dict[str, Any], scope: NameScope, warnings: WarningSink) -> tuple[Server, ...]:
    servers: list[Server] = []
    for index, raw in enumerate(document.get("servers") or []):
        if not isinstance(raw, dict) or not isinstance(raw.get("url"), str):
            continue
        variables: list[ServerVariable] = []
        for wire, spec in (raw.get("variables") or {}).items():
            if not isinstance(spec, dict):
                continue
            enum = tuple(str(value) for value in spec.get("enum") or [])
            # Only the first server's variables become constructor arguments.
            name = scope.claim(make_identifier(wire, fallback="server_variable")) if index == 0 else make_identifier(wire)
            variables.append(ServerVariable(name, wire, str(spec.get("default", "")), enum, describe(spec)))
        servers.append(Server(absolute_scheme(raw["url"]), describe(raw), tuple(variables)))
    if servers:
        _warn_repeated_base_path(document, servers[0].url, warnings)
    return tuple(servers)


def operation_server(operation: dict[str, Any], path_item: dict[str, Any]) -> str | None:
    """The server an operation documents for itself (its own `servers`, else its path item's; an
    empty list is no override): the first one, variables at their defaults. May be relative: the
    client resolves it against its base URL."""
    for holder in (operation, path_item):
        servers = holder.get("servers")
        if isinstance(servers, list) and servers and isinstance(servers[0], dict) and isinstance(servers[0].get("url"), str):
            url = str(servers[0]["url"])
            for wire, spec in (servers[0].get("variables") or {}).items():
                if isinstance(spec, dict):
                    url = url.replace("{" + str(wire) + "}", str(spec.get("default", "")))
            return absolute_scheme(url)
    return None


def _warn_repeated_base_path(document: dict[str, Any], url: str, warnings: WarningSink) -> None:
    """Paths that repeat the server's base path (a Swagger 2 conversion slip) give URLs with it twice."""
    try:
        base = urlsplit(url).path.rstrip("/") if "{" not in url else ""
    except ValueError:  # not a URL urllib can split (`http://[`): nothing to compare
        return
    paths = [path for path in document.get("paths") or {} if isinstance(path, str)]
    if base and paths and all(path == base or path.startswith(base + "/") for path in paths):
        warnings.warn("#/servers/0", f"every path starts with the server's base path {base!r}, so requests go to {base}{base}/...; if the API does not, pass base_url without it")


def absolute_scheme(url: str) -> str:
    """A scheme-relative server URL (`//host/base`, Swagger 2 conversions without `schemes`) with https.

    The document's own scheme would apply, but a generated client has no document URL: https is the
    safe default (the user can still pass base_url).
    """
    return "https:" + url if url.startswith("//") else url
