"""Argument names of one operation's method, as a person would write them.

A parameter or body property keeps its own name (`type`, `id`, `format`, `filter` included); only
Python keywords take a trailing underscore. Where two of them would take one name (a path parameter
`path` and a body property `path`), or a name the method needs itself (`timeout`, `body`), the name
says where the value goes: the path parameter keeps its name, the others take their location as a
prefix (`body_path`, `query_timeout`). A digit is added only if that still leaves two alike.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .ir import Parameter, RequestBody
from ..ground.naming import NameScope, make_identifier

_PREFIX = {"path": "path", "query": "query", "querystring": "query", "header": "header", "cookie": "cookie", "body": "body"}


def name_arguments(parameters: tuple[Parameter, ...], body: RequestBody | None, reserved: frozenset[str]) -> tuple[tuple[Parameter, ...], RequestBody | None]:
    """`parameters` and `body`'s fields with their final names; `reserved` are the names the method
    itself uses (its call options, `self`, `body`, the module's names)."""
    fields = body.fields if body is not None else ()
    members = [(parameter.location, parameter.wire_name) for parameter in parameters] + [("body", field.wire_name) for field in fields]
    bases = [make_identifier(wire, fallback="param" if location != "body" else "field") for location, wire in members]
    counts = Counter(bases)
    path_counts = Counter(base for (location, _), base in zip(members, bases) if location == "path")
    wanted: list[str] = []
    for (location, wire), base in zip(members, bases):
        clashes = base in reserved or counts[base] > 1
        keeps = location == "path" and path_counts[base] == 1 and base not in reserved
        wanted.append(make_identifier(f"{_PREFIX[location]}_{wire}", fallback="param") if clashes and not keeps else base)
    scope = NameScope()
    scope.reserve(*reserved)
    final = [""] * len(members)
    for index in sorted(range(len(members)), key=lambda index: members[index][0] != "path"):  # path parameters first
        final[index] = scope.claim(wanted[index])
    named = tuple(replace(parameter, name=name) for parameter, name in zip(parameters, final))
    if body is None:
        return named, None
    return named, replace(body, fields=tuple(replace(field, name=name) for field, name in zip(fields, final[len(parameters) :])))
