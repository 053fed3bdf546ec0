"""Where a place of a converted Swagger 2.0 document is in the 2.0 file the user wrote.

Later stages name places of the 3.0 conversion (`#/components/schemas/Pet`); the file has
`#/definitions/Pet`. `source_pointer` undoes the moves of swagger2.py, so that a refusal or a
warning gets the line and column of the 2.0 text instead of none (or the file's first line). A
place the conversion made up (a media type, a request body's wrapper) maps to what it came from;
what cannot be followed stops at the deepest place that can, which locating narrows further.
"""

from __future__ import annotations

from typing import Any

from ..ground.pointers import join_pointer, split_pointer

_COMPONENTS = {"schemas": "definitions", "responses": "responses", "parameters": "parameters", "requestBodies": "parameters", "securitySchemes": "securityDefinitions"}
_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch"})
_MOVED_TO_BODY = ("body", "formData")


def source_pointer(original: dict[str, Any], pointer: str) -> str:
    """The pointer into `original` (the 2.0 document) of the conversion's `pointer`."""
    try:
        tokens = [str(token) for token in split_pointer(pointer)]
    except ValueError:
        return pointer
    mapped = _map(original, tokens)
    result = "#"
    for token in mapped:
        result = join_pointer(result, token)
    return result


def _map(original: dict[str, Any], tokens: list[str]) -> list[str]:
    if len(tokens) >= 3 and tokens[0] == "components" and tokens[1] in _COMPONENTS:
        kind, name, rest = tokens[1], tokens[2], tokens[3:]
        head = [_COMPONENTS[kind], name]
        if kind == "responses":
            return head + _response_rest(rest)
        if kind == "parameters":
            return head + _parameter_rest(rest)
        if kind == "requestBodies":
            return head + _body_rest(rest)
        return head + (rest if kind == "schemas" else [])
    if tokens[:1] == ["servers"]:
        return ["host"] if "host" in original else []
    if len(tokens) >= 2 and tokens[0] == "paths":
        return tokens[:2] + _path_item_rest(_child(_child(original, "paths"), tokens[1]), tokens[2:])
    return tokens


def _path_item_rest(item: Any, rest: list[str]) -> list[str]:
    if rest[:1] == ["parameters"] and len(rest) >= 2:
        return ["parameters", *_parameter_at(item, rest[1], rest[2:])]
    if not rest or rest[0] not in _METHODS:
        return rest
    operation = _child(item, rest[0])
    tail = rest[1:]
    if tail[:1] == ["parameters"] and len(tail) >= 2:
        return [rest[0], "parameters", *_parameter_at(operation, tail[1], tail[2:])]
    if tail[:1] == ["requestBody"]:
        return _request_body(item, rest[0], tail[1:])
    if tail[:1] == ["responses"] and len(tail) >= 2:
        return [rest[0], "responses", tail[1], *_response_rest(tail[2:])]
    return rest


def _parameter_at(holder: Any, index: str, rest: list[str]) -> list[str]:
    """The i-th parameter the conversion kept is the i-th of the 2.0 list that is no body or form field."""
    parameters = _child(holder, "parameters")
    if not isinstance(parameters, list) or not index.isdigit():
        return [index, *rest]
    kept = [position for position, item in enumerate(parameters) if not (isinstance(item, dict) and item.get("in") in _MOVED_TO_BODY)]
    position = kept[int(index)] if int(index) < len(kept) else int(index)
    return [str(position), *_parameter_rest(rest)]


def _parameter_rest(rest: list[str]) -> list[str]:
    # A 2.0 parameter (not a body) has its schema's fields on itself.
    return rest[1:] if rest[:1] == ["schema"] else rest


def _body_rest(rest: list[str]) -> list[str]:
    # content/<media type>/schema/... of a request body is the body parameter's schema/...
    if len(rest) >= 3 and rest[0] == "content" and rest[2] == "schema":
        return ["schema", *rest[3:]]
    return []


def _request_body(item: Any, method: str, rest: list[str]) -> list[str]:
    """A request body came from an `in: body` parameter of the operation (or of its path item), or
    from its form fields: one property per `in: formData` parameter. Tokens from the path item."""
    for prefix in ([method], []):
        parameters = _child(_child(item, method) if prefix else item, "parameters")
        for position, parameter in enumerate(parameters if isinstance(parameters, list) else []):
            if not isinstance(parameter, dict):
                continue
            if parameter.get("in") == "body":
                return [*prefix, "parameters", str(position), *_body_rest(rest)]
            if parameter.get("in") == "formData" and rest[3:5] == ["properties", str(parameter.get("name"))]:
                return [*prefix, "parameters", str(position), *rest[5:]]
    return [method]


def _response_rest(rest: list[str]) -> list[str]:
    if len(rest) >= 3 and rest[0] == "content" and rest[2] == "schema":
        return ["schema", *rest[3:]]
    if len(rest) >= 3 and rest[0] == "content" and rest[2] == "example":
        return ["examples", rest[1], *rest[3:]]
    if len(rest) >= 2 and rest[0] == "headers":
        return ["headers", rest[1], *_parameter_rest(rest[2:])]
    return rest[:1] if rest[:1] == ["content"] else rest


def _child(node: Any, token: str) -> Any:
    return node.get(token) if isinstance(node, dict) else None
