"""Servers and their variables: the client's default base URL and its arguments."""

from __future__ import annotations

from typing import Any

from ..ir import Server, ServerVariable
from ..naming import NameScope, make_identifier
from .text import describe


def parse_servers(document: dict[str, Any], scope: NameScope) -> tuple[Server, ...]:
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
        servers.append(Server(raw["url"], describe(raw), tuple(variables)))
    return tuple(servers)
