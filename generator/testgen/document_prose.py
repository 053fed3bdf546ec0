"""The tests' copy of the document without its prose: what no check of the generated tests reads.

The tests' checks (`_validation*.py`) validate requests and replies by schemas, parameters, media
types and security, and read nothing else. Descriptions, summaries, titles,
examples, external docs, tags, links and vendor extensions of operations are for people, and on a
large API they are half the file (GitHub: 3.3 MB of 6.9 MB).

They are removed by position in the document, never by key name everywhere: a property NAMED
`description` or `example` under `properties` is data of the API, and an `enum`, `default` or `const`
value is never walked into. A response keeps an empty `description` (the one prose member OpenAPI
3.0 and 3.1 require), so the copy stays a valid document. Vendor extensions inside schemas stay
(a validator may read them); the tests' own `x-clientsmith-*` members stay wherever they are.
"""

from __future__ import annotations

from typing import Any

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")
# JSON Schema annotations: no validator decides anything by them.
_SCHEMA_PROSE = ("description", "title", "example", "examples", "$comment", "externalDocs")
# Members holding one subschema, or a list of them.
_SUBSCHEMA = ("additionalProperties", "items", "prefixItems", "additionalItems", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "propertyNames", "contains", "unevaluatedItems", "unevaluatedProperties", "contentSchema")
# Members holding subschemas by name (the names are data).
_SUBSCHEMAS_BY_NAME = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_OURS = "x-clientsmith-"
_DEPTH_LIMIT = 200  # a hostile document nests no deeper than the loader allows; this is a last guard


def without_prose(document: dict[str, Any]) -> dict[str, Any]:
    """`document` (an OpenAPI 3.x reading, changed in place) without its prose; returned."""
    if not str(document.get("openapi", "")).startswith("3."):
        return document
    for key in [key for key in document if key in ("tags", "externalDocs", "webhooks") or _extension(key)]:
        del document[key]
    info = document.get("info")
    if isinstance(info, dict):
        document["info"] = {key: info[key] for key in ("title", "version") if key in info}
    for item in _values(document.get("paths")):
        _path_item(item)
    components = document.get("components")
    if isinstance(components, dict):
        _components(components)
        _unreferenced_dropped(document, components)
    return document


def _components(components: dict[str, Any]) -> None:
    for schema in _values(components.get("schemas")):
        _schema(schema, 0)
    for response in _values(components.get("responses")):
        _response(response)
    for parameter in _values(components.get("parameters")):
        _parameter(parameter)
    for body in _values(components.get("requestBodies")):
        _request_body(body)
    for header in _values(components.get("headers")):
        _parameter(header)
    for scheme in _values(components.get("securitySchemes")):
        _drop(scheme, ("description",))
    for item in _values(components.get("pathItems")):
        _path_item(item)
    for callback in _values(components.get("callbacks")):
        for item in _values(callback):
            _path_item(item)
    for key in [key for key in components if _extension(key)]:
        del components[key]


def _path_item(item: Any) -> None:
    if not isinstance(item, dict):
        return
    for key in [key for key in item if key in ("summary", "description") or _extension(key)]:
        del item[key]
    for parameter in _items(item.get("parameters")):
        _parameter(parameter)
    for method in _METHODS:
        _operation(item.get(method))


def _operation(operation: Any) -> None:
    if not isinstance(operation, dict):
        return
    for key in [key for key in operation if key in ("summary", "description", "externalDocs", "tags") or _extension(key)]:
        del operation[key]
    for parameter in _items(operation.get("parameters")):
        _parameter(parameter)
    _request_body(operation.get("requestBody"))
    for response in _values(operation.get("responses")):
        _response(response)
    for callback in _values(operation.get("callbacks")):
        for item in _values(callback):
            _path_item(item)


def _parameter(parameter: Any) -> None:
    """A parameter or a header object."""
    if not isinstance(parameter, dict) or "$ref" in parameter:
        return
    _drop(parameter, ("description", "example", "examples"))
    _schema(parameter.get("schema"), 0)
    _content(parameter.get("content"))


def _request_body(body: Any) -> None:
    if not isinstance(body, dict) or "$ref" in body:
        return
    _drop(body, ("description",))
    _content(body.get("content"))


def _response(response: Any) -> None:
    if not isinstance(response, dict) or "$ref" in response:
        return
    if "description" in response:
        response["description"] = ""  # required by OpenAPI 3.0 and 3.1
    _drop(response, ("links",))
    for header in _values(response.get("headers")):
        _parameter(header)
    _content(response.get("content"))


def _content(content: Any) -> None:
    for media in _values(content):
        if not isinstance(media, dict):
            continue
        _drop(media, ("example", "examples"))
        _schema(media.get("schema"), 0)
        _schema(media.get("itemSchema"), 0)
        for encoding in _values(media.get("encoding")):
            if isinstance(encoding, dict):
                for header in _values(encoding.get("headers")):
                    _parameter(header)


def _schema(schema: Any, depth: int) -> None:
    if depth > _DEPTH_LIMIT:
        return
    if isinstance(schema, list):  # `items` as a list (draft 4), `allOf` and its kin
        for item in schema:
            _schema(item, depth + 1)
        return
    if not isinstance(schema, dict):
        return
    _drop(schema, _SCHEMA_PROSE)
    for key in _SUBSCHEMAS_BY_NAME:
        for item in _values(schema.get(key)):
            _schema(item, depth + 1)
    for key in _SUBSCHEMA:
        if key in schema:
            _schema(schema[key], depth + 1)


def _unreferenced_dropped(document: dict[str, Any], components: dict[str, Any]) -> None:
    """Examples and links only prose referred to: dropped unless a `$ref` that stays points at one."""
    kept: set[str] = set()
    _references(document, kept, 0)
    for kind in ("examples", "links"):
        entries = components.get(kind)
        if not isinstance(entries, dict):
            continue
        for name in [name for name in entries if f"#/components/{kind}/{_escaped(name)}" not in kept]:
            del entries[name]
        if not entries:
            del components[kind]


def _references(node: Any, found: set[str], depth: int) -> None:
    if depth > _DEPTH_LIMIT:
        return
    if isinstance(node, dict):
        reference = node.get("$ref")
        if isinstance(reference, str):
            found.add(reference)
        for value in node.values():
            if isinstance(value, (dict, list)):  # only these hold references: most members are texts
                _references(value, found, depth + 1)
    elif isinstance(node, list):
        for value in node:
            if isinstance(value, (dict, list)):
                _references(value, found, depth + 1)


def _escaped(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")


def _extension(key: str) -> bool:
    return key.startswith("x-") and not key.startswith(_OURS)


def _drop(node: Any, keys: tuple[str, ...]) -> None:
    if isinstance(node, dict):
        for key in keys:
            node.pop(key, None)


def _values(node: Any) -> list[Any]:
    return list(node.values()) if isinstance(node, dict) else []


def _items(node: Any) -> list[Any]:
    return node if isinstance(node, list) else []
