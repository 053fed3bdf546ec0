"""Which documented operation a request is for (method, server and path), and what that operation
documents: its parameters, its security and the schemas of its bodies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import httpx

from ._validation_document import (
    _base_server,
    _media_schema,
    _own_server,
    _path_item,
    _resolve,
    _url_template,
    openapi_document,
)
from ._validation_prepared import _meetable


def _documents_token_form(route: _Route) -> bool:
    body = _resolve(route.operation.get("requestBody"))
    content = body.get("content") if isinstance(body, dict) else None
    if not isinstance(content, dict) or not content:
        return True  # no body documented: the reader checks the rest
    return any(
        str(media).split(";")[0].strip().lower() == "application/x-www-form-urlencoded"
        for media in content
    )


def _request_schema(route: _Route, media_type: str) -> Any:
    body = _resolve(route.operation.get("requestBody"))
    return _media_schema(body.get("content") if isinstance(body, dict) else None, media_type)


def _response_schema(route: _Route, status: int, media_type: str) -> Any:
    responses = route.operation.get("responses") or {}
    by_key = (
        {str(key).upper(): value for key, value in responses.items()}
        if isinstance(responses, dict)
        else {}
    )
    response = next(
        (by_key[key] for key in (str(status), f"{str(status)[0]}XX", "DEFAULT") if key in by_key),
        None,
    )
    response = _resolve(response)
    return _media_schema(
        response.get("content") if isinstance(response, dict) else None, media_type
    )


@dataclass(frozen=True)
class _Route:
    method: str
    template: str  # the documented path key
    pattern: re.Pattern[str]
    names: tuple[str, ...]  # path parameter names, in the order of the pattern's groups
    operation_id: str
    operation: dict[str, Any]
    server: str  # where the client sends it: BASE_URL, or the operation's own server
    prefix: str  # the path's literal start (before its first placeholder): a cheap first test


@lru_cache(maxsize=None)
def _routes() -> tuple[_Route, ...]:
    routes: list[_Route] = []
    for template in openapi_document().get("paths") or {}:
        path_item = _path_item(template)
        names: list[str] = []
        regex = ""
        for part in re.split(r"(\{[^}/]+\})", _url_template(template)):
            if part.startswith("{"):
                regex += f"(?P<p{len(names)}>[^/]+)"
                names.append(part[1:-1])
            else:
                regex += re.escape(part)
        for method, operation in path_item.items():
            # Any method: OpenAPI 3.2's `query` and `additionalOperations` (the tests' copy lists them by method name).
            if (
                method in ("summary", "description", "servers", "parameters", "$ref")
                or method.startswith("x-")
                or not isinstance(operation, dict)
            ):
                continue
            server = _own_server(operation, path_item) or _base_server()
            prefix = _url_template(template).split("{", 1)[0]
            routes.append(
                _Route(
                    method.upper(),
                    template,
                    re.compile(regex + "$"),
                    tuple(names),
                    str(operation.get("operationId", "")),
                    operation,
                    server,
                    prefix,
                )
            )
    # A literal segment beats a template one: fewer placeholders first.
    routes.sort(key=lambda route: len(route.names))
    return tuple(routes)


@lru_cache(maxsize=None)
def _route_index(method: str) -> dict[str, dict[tuple[int, str | None], list[tuple[int, _Route]]]]:
    """The method's routes by server, then by how many slashes they have (a placeholder holds none)
    and the first path segment they spell out (None: a route whose first segment holds a
    placeholder), each with its place in `_routes()`'s order."""
    index: dict[str, dict[tuple[int, str | None], list[tuple[int, _Route]]]] = {}
    for order, route in enumerate(_routes()):
        if route.method != method:
            continue
        start = route.prefix[1:]
        if "/" in start:
            segment: str | None = start.split("/", 1)[0]
        else:
            segment = start if "{" not in _url_template(route.template) else None
        depth = _url_template(route.template).count("/")
        index.setdefault(route.server, {}).setdefault((depth, segment), []).append((order, route))
    return index


@lru_cache(maxsize=None)
def _server_parts(server: str) -> tuple[str, str, int | None, str]:
    """A server URL's scheme, host, port and path (parsed once: every request is matched against every route)."""
    base = httpx.URL(server)
    return base.scheme, base.host, base.port, base.path.rstrip("/")


def _relative_path(url: httpx.URL, server: str | None = None) -> str | None:
    """The request's path below `server` (default BASE_URL), or None when it is not for that server."""
    scheme, host, port, base_path = _server_parts(server or _base_server())
    if (url.scheme, url.host, url.port) != (scheme, host, port):
        return None
    path = url.raw_path.decode("ascii").split("?", 1)[0]
    if base_path and not path.startswith(base_path):
        return None
    return path[len(base_path) :]


def _route(method: str, url: httpx.URL, prefer: str | None = None) -> _Route | None:
    """The documented operation a request is for (`prefer`: the path key to pick among equal URLs)."""
    found: list[tuple[int, _Route]] = []
    for server, by_segment in _route_index(method.upper()).items():
        path = _relative_path(url, server)
        if path is None:
            continue
        depth, segment = path.count("/"), path[1:].split("/", 1)[0]
        for order, route in by_segment.get((depth, segment), []) + by_segment.get(
            (depth, None), []
        ):
            if path.startswith(route.prefix) and route.pattern.match(path):
                found.append((order, route))
    candidates = [route for _, route in sorted(found, key=lambda item: item[0])]
    for route in candidates:
        if route.template == prefer:
            return route
    return candidates[0] if candidates else None


def _parameters(route: _Route) -> list[dict[str, Any]]:
    """The operation's parameters, path-level ones included (the operation's win), $refs resolved.

    Header names ignore case: `X-Amz-Date` at the path and `x-amz-date` at the operation are one.
    """
    path_item = _path_item(route.template)
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for raw in list(path_item.get("parameters") or []) + list(
        route.operation.get("parameters") or []
    ):
        parameter = _resolve(raw)
        if isinstance(parameter, dict):
            name, location = str(parameter.get("name")), str(parameter.get("in"))
            found[(name.lower() if location == "header" else name, location)] = parameter
    return list(found.values())


def _security(route: _Route) -> list[tuple[str, ...]]:
    requirements = route.operation.get("security", openapi_document().get("security"))
    if not isinstance(requirements, list):
        return [()]
    alternatives = [tuple(item) for item in _meetable(requirements)]
    return alternatives or [()]
