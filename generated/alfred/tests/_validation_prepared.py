"""The document as the checks read it: servers replaced by the test server, schema defaults
removed, relaxed schemas put in place, unions read as OpenAPI means them (`_validation_unions.py`),
and what else a schema validator would misread rewritten.
"""

from __future__ import annotations

import copy
import json
import re
from functools import lru_cache
from typing import Any


from ._validation_document import (
    RELAXATIONS,
    _KNOWN_MEDIA,
    _base_server,
    _is_json_media,
    _is_object,
    _merged_kind,
    _merged_schema,
    _non_null_options,
    _own_server,
    _pointer_target,
    _replace_at,
    _resolve,
    _schema_type,
    openapi_document,
)
from ._validation_unions import _copy_references_into_one_of, _oas_unions

_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")


_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")


_SCHEMA_ONES = (
    "items",
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
)


def _strip_defaults(schema: Any) -> None:
    """Remove `default` from a schema and its subschemas (also patterns Python cannot compile).

    A reader that fills in defaults for absent parameters and properties; the tests must see what the
    client actually sent (a dropped parameter must not be masked by its default).
    """
    if not isinstance(schema, dict):
        return
    schema.pop("default", None)
    if isinstance(schema.get("$schema"), str):
        schema["$schema"] = _dialect(schema["$schema"])
    _numeric_exclusive_bounds(schema)
    if isinstance(schema.get("pattern"), str):
        try:
            re.compile(schema["pattern"])
        except re.error:  # e.g. \p{L}: the validator uses Python's re, which cannot check it
            schema.pop("pattern")
    for key in _SCHEMA_LISTS:
        for item in schema.get(key) or []:
            _strip_defaults(item)
    for key in _SCHEMA_MAPS:
        value = schema.get(key)
        if isinstance(value, dict):
            for item in value.values():
                _strip_defaults(item)
    for key in _SCHEMA_ONES:
        _strip_defaults(schema.get(key))


def _dialect(uri: str) -> str:
    """A schema-local `$schema` as the validator knows it: drafts 4 to 7 are named by their http URIs
    (documents often write https), and "draft-05", never published, is draft 4 (its meta-schema);
    2019-09 and 2020-12 by their https URIs, without the empty fragment documents often add."""
    later = re.fullmatch(r"https?://json-schema\.org/draft/(2019-09|2020-12)/schema#?", uri)
    if later is not None:
        return f"https://json-schema.org/draft/{later.group(1)}/schema"
    match = re.fullmatch(r"https?://json-schema\.org/draft-0([4-7])/schema#?", uri)
    if match is None:
        return uri
    return (
        f"http://json-schema.org/draft-0{'4' if match.group(1) == '5' else match.group(1)}/schema#"
    )


def _numeric_exclusive_bounds(schema: dict[str, Any]) -> None:
    """`exclusiveMaximum: true` (draft 4, OAS 3.0) inside an OAS 3.1 schema of a later dialect, where
    the keyword is the bound itself: written as that dialect spells it (the generator warned)."""
    if (
        not str(openapi_document().get("openapi", "")).startswith("3.1")
        or schema.get("$schema") == "http://json-schema.org/draft-04/schema#"
    ):
        return
    for exclusive, inclusive in (("exclusiveMaximum", "maximum"), ("exclusiveMinimum", "minimum")):
        if isinstance(schema.get(exclusive), bool):
            if schema.pop(exclusive) and inclusive in schema:
                schema[exclusive] = schema.pop(inclusive)


def _opaque(media_type: str) -> bool:
    """A media type whose body the tests read as raw bytes or text (not JSON, form, text or XML)."""
    base = media_type.split(";")[0].strip().lower()
    return (
        base not in _KNOWN_MEDIA
        and not base.startswith("text/")
        and not _is_json_media(base)
        and not base.endswith("+xml")
        and base != "*/*"
    )


def _drop_opaque_object_schemas(content: Any) -> None:
    """Bytes (Google's media uploads: octet-stream "described" by a metadata object; an audio/mpeg reply
    "described" as an object) can never be an object or a list: the client sends and reads them as bytes, and
    the tests compare the exact bytes, sent and answered."""
    if isinstance(content, dict):
        for media_type, media in content.items():
            if (
                isinstance(media, dict)
                and _opaque(str(media_type))
                and _is_structured(media.get("schema"))
            ):
                media.pop("schema")


def _is_structured(schema: Any) -> bool:
    """An object or array schema (eBay's evidence file: octet-stream "described" as a list of strings)."""
    resolved = _resolve(schema)
    return _is_object(schema) or (
        isinstance(resolved, dict) and (_schema_type(resolved) == "array" or "items" in resolved)
    )


def _drop_opaque_reply_schemas(responses: Any) -> None:
    """Replies read as the client reads them: opaque bodies as bytes, `content: {}` as no body at all."""
    if isinstance(responses, dict):
        for response in responses.values():
            if isinstance(response, dict):
                if response.get("content") == {}:
                    del response["content"]
                _drop_opaque_object_schemas(response.get("content"))


def _strip_content_defaults(content: Any, data: dict[str, Any] | None = None) -> None:
    _drop_opaque_object_schemas(content)
    if isinstance(content, dict):
        for media_type, media in content.items():
            if isinstance(media, dict):
                _strip_defaults(media.get("schema"))
                if (
                    data is not None
                    and str(media_type).startswith(
                        ("multipart/", "application/x-www-form-urlencoded")
                    )
                    and "schema" in media
                ):
                    media["schema"] = _fields_without_null(media["schema"], data)
                if str(media_type).startswith("multipart/"):
                    # OAS 3.0 and 3.1.0: style/explode/allowReserved apply to urlencoded bodies only;
                    # the reader would apply them to multipart parts too.
                    for encoding in (media.get("encoding") or {}).values():
                        if isinstance(encoding, dict):
                            for key in ("style", "explode", "allowReserved"):
                                encoding.pop(key, None)


def _fields_without_null(
    schema: Any, data: dict[str, Any], depth: int = 0, field: bool = False
) -> Any:
    """A form or multipart body's schema with each field typed `[T, "null"]` read as `T`, on copies.

    The reader picks a field's reader by its `type` read as one string, and fails on OpenAPI
    3.1's list (which the repair of a 3.1 `nullable` also writes: OpenAI's image uploads). A field
    on the wire is text and never null (the client leaves a None field out)."""
    resolved = (
        _pointer_target(data, schema["$ref"])
        if isinstance(schema, dict)
        and isinstance(schema.get("$ref"), str)
        and schema["$ref"].startswith("#/")
        else schema
    )
    if not isinstance(resolved, dict) or depth > 5:
        return schema
    copied = dict(resolved)
    if field:
        kind = copied.get("type")
        if isinstance(kind, list) and "null" in kind and len(kind) == 2:
            copied["type"] = next(item for item in kind if item != "null")
        if isinstance(
            copied.get("items"), dict
        ):  # each item of an array field is a part of its own
            copied["items"] = _fields_without_null(copied["items"], data, depth + 1, True)
    else:
        if isinstance(copied.get("properties"), dict):
            copied["properties"] = {
                name: _fields_without_null(item, data, depth + 1, True)
                for name, item in copied["properties"].items()
            }
        for key in ("allOf", "oneOf", "anyOf"):
            if isinstance(copied.get(key), list):
                copied[key] = [_fields_without_null(item, data, depth + 1) for item in copied[key]]
    return copied if copied != resolved else schema


@lru_cache(maxsize=None)
def validation_document() -> dict[str, Any]:
    """The document as the tests validate with: servers replaced by `BASE_URL`, schema defaults removed
    (built once; `validator` copies only its top level)."""
    data = copy.deepcopy(openapi_document())
    for pointer, schema in RELAXATIONS:
        _replace_at(data, pointer, json.loads(schema))
    _hoist_path_references(data)
    data["servers"] = [{"url": _base_server()}]
    components = data.get("components") or {}
    for schema in (components.get("schemas") or {}).values():
        _strip_defaults(schema)
    for parameter in (components.get("parameters") or {}).values():
        if isinstance(parameter, dict):
            _strip_defaults(parameter.get("schema"))
            _strip_content_defaults(parameter.get("content"))
            _objects_as_json(parameter)
            _writable_parameter(parameter, data)
            _typed_union_parameter(parameter)
    for body in (components.get("requestBodies") or {}).values():
        if isinstance(body, dict):
            _strip_content_defaults(body.get("content"), data)
    _drop_opaque_reply_schemas(components.get("responses"))
    for path_item in (data.get("paths") or {}).values():
        if not isinstance(path_item, dict):
            continue
        for method, operation in path_item.items():
            if method in (
                "get",
                "put",
                "post",
                "delete",
                "options",
                "head",
                "patch",
                "trace",
            ) and isinstance(operation, dict):
                own = _own_server(operation, path_item)
                operation.pop("servers", None)
                if own is not None:
                    operation["servers"] = [{"url": own}]
        path_item.pop("servers", None)
        operations = [path_item] + [
            value for value in path_item.values() if isinstance(value, dict)
        ]
        for operation in operations:
            if isinstance(operation.get("parameters"), list):
                operation["parameters"] = [
                    item for item in operation["parameters"] if not _ignored_header(item)
                ]
            for parameter in operation.get("parameters") or []:
                if isinstance(parameter, dict):
                    _strip_defaults(parameter.get("schema"))
                    _strip_content_defaults(parameter.get("content"))
                    _objects_as_json(parameter)
                    _writable_parameter(parameter, data)
                    _typed_union_parameter(parameter)
            body = operation.get("requestBody")
            if isinstance(body, dict):
                _strip_content_defaults(body.get("content"), data)
            _drop_opaque_reply_schemas(operation.get("responses"))
            _drop_bodies_http_forbids(operation)
            _wildcard_replies_as_json(operation)
    _drop_transport_schemes(data)
    _meetable_security(data)
    _drop_foreign_patterns(data)
    _copy_references_into_one_of(data)
    _oas_unions(data)
    return data


def _drop_foreign_patterns(document: Any) -> None:
    """Remove every `pattern` Python's `re` cannot compile, wherever it is (response and header
    schemas too, which the walk above leaves alone); e.g. AWS's `\\p{L}` would crash validation."""
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            pattern = node.get("pattern")
            if isinstance(pattern, str):
                try:
                    re.compile(pattern)
                except re.error:
                    del node["pattern"]
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _drop_bodies_http_forbids(operation: dict[str, Any]) -> None:
    """A 204 or 304 reply has no body on the wire (RFC 9110), whatever the document says; the reader
    would call the missing body an error. The operation gets its own copy without `content`."""
    responses = operation.get("responses")
    if not isinstance(responses, dict):
        return
    for status in ("204", "304"):
        response = _resolve(responses.get(status))
        if isinstance(response, dict) and "content" in response:
            responses[status] = {key: value for key, value in response.items() if key != "content"}


def _wildcard_replies_as_json(operation: dict[str, Any]) -> None:
    """A reply documented as `*/*` with an object or array schema is JSON to the client (and the tests
    send it as `application/json`); the reader would read a `*/*` body as bytes."""
    responses = operation.get("responses")
    if not isinstance(responses, dict):
        return
    for status, response in list(responses.items()):
        response = _resolve(response)
        content = response.get("content") if isinstance(response, dict) else None
        if not isinstance(content, dict) or "application/json" in content:
            continue
        wildcard = next((key for key in ("*/*", "application/*") if key in content), None)
        schema = _resolve((content.get(wildcard) or {}).get("schema")) if wildcard else None
        structured = (
            schema.get("type") in ("object", "array")
            or any(key in schema for key in ("properties", "items", "allOf"))
            if isinstance(schema, dict)
            else False
        )
        if isinstance(schema, dict) and (
            structured or schema.get("type") in ("integer", "number", "boolean")
        ):
            copied = dict(response)
            copied["content"] = {**content, "application/json": content[wildcard]}
            responses[status] = copied


def _ignored_header(parameter: Any) -> bool:
    """OAS: header parameters named Accept, Content-Type or Authorization SHALL be ignored (the client
    takes no such argument; content and security say what goes there)."""
    parameter = _resolve(parameter)
    return (
        isinstance(parameter, dict)
        and parameter.get("in") == "header"
        and str(parameter.get("name", "")).lower() in ("accept", "content-type", "authorization")
    )


def _writable_parameter(parameter: dict[str, Any], data: dict[str, Any]) -> None:
    """readOnly/writeOnly speak of properties; OAS 3.0's write validator also refuses a readOnly *parameter* schema
    (DigitalOcean's ssh_key_identifier reuses a response property). Copies drop them, shared schemas stay.
    """
    if isinstance(parameter.get("schema"), dict):
        parameter["schema"] = _without_access_marks(parameter["schema"], data)


def _typed_union_parameter(parameter: dict[str, Any]) -> None:
    """A parameter whose oneOf/anyOf options are all arrays (Shutterstock's country codes) is an array.

    Said so, the reader splits it into items as its style says (else it reads one string).
    """
    schema = parameter.get("schema")
    if not isinstance(schema, dict) or "type" in schema or "$ref" in schema:
        return
    options = schema.get("oneOf") or schema.get("anyOf")
    if (
        isinstance(options, list)
        and options
        and all(_schema_type(option) == "array" for option in options)
    ):
        parameter["schema"] = {**schema, "type": "array"}


def _without_access_marks(schema: Any, data: dict[str, Any], depth: int = 0) -> Any:
    resolved = (
        _pointer_target(data, schema["$ref"])
        if isinstance(schema, dict)
        and isinstance(schema.get("$ref"), str)
        and schema["$ref"].startswith("#/")
        else schema
    )
    if (
        not isinstance(resolved, dict)
        or depth > 3
        or not any(key in resolved for key in ("readOnly", "writeOnly", "anyOf", "oneOf", "allOf"))
    ):
        return schema
    copied = {key: value for key, value in resolved.items() if key not in ("readOnly", "writeOnly")}
    for key in ("anyOf", "oneOf", "allOf"):
        if isinstance(copied.get(key), list):
            copied[key] = [_without_access_marks(item, data, depth + 1) for item in copied[key]]
    return copied


def _holds_objects(parameter: dict[str, Any]) -> bool:
    """A query, header or cookie parameter whose items are objects: no OpenAPI style spells those, so
    the client sends each object as JSON text (the styles would try to read them as form fields).
    """
    if parameter.get("in") not in ("query", "header", "cookie") or "schema" not in parameter:
        return False
    schema = _resolve(parameter["schema"])
    return (
        isinstance(schema, dict)
        and _schema_type(schema) == "array"
        and _is_object(schema.get("items"))
    )


def _nested_members(parameter: dict[str, Any]) -> bool:
    """An exploded form object (query or cookie) with object or array members: no style spells those
    either, so the client sends each such member as JSON text (AWS's maps of attribute objects).
    Also one whose object is a union's option (with null, say): the styles read form fields only
    into a plain object schema, so such a parameter is read as one JSON object too."""
    if parameter.get("in") not in ("query", "cookie") or "schema" not in parameter:
        return False
    if (
        parameter.get("style", "form") not in ("form", "deepObject")
        or not parameter.get("explode", True)
        or not _is_object(parameter["schema"])
    ):
        return False
    schema = _resolve(parameter["schema"])
    if (
        isinstance(schema, dict)
        and _non_null_options(schema)
        and "type" not in schema
        and "properties" not in schema
    ):
        return True  # the object is an option of a union, not the schema itself
    flat = _merged_schema(parameter["schema"])
    members = list((flat.get("properties") or {}).values()) + [flat.get("additionalProperties")]
    return any(
        isinstance(_resolve(member), dict)
        and _merged_kind(_merged_schema(member)) in ("object", "array")
        for member in members
    )


def _objects_as_json(parameter: dict[str, Any]) -> None:
    """Have the reader read such a parameter as one JSON value (see `_json_arrays`, `_json_objects`),
    still checked against its full schema."""
    if _holds_objects(parameter) or _nested_members(parameter):
        parameter["content"] = {"application/json": {"schema": parameter.pop("schema")}}
        for key in ("style", "explode"):
            parameter.pop(key, None)


_PATH_REFERENCES = "x-clientsmith-path-references"


def _hoist_path_references(data: dict[str, Any]) -> None:
    """Point `$ref`s into `#/paths/...` (some documents reuse one operation's schema in another) at a
    copy-free home outside `paths`, so they still resolve when `validator` keeps a single path."""
    references: list[dict[str, Any]] = []
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/paths/"):
                references.append(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    homes: dict[str, str] = {}  # pointer -> key under _PATH_REFERENCES
    targets: dict[str, Any] = {}
    for node in references:
        pointer = node["$ref"]
        if pointer not in homes:
            homes[pointer] = str(len(homes))
            targets[homes[pointer]] = _pointer_target(data, pointer)
        node["$ref"] = f"#/{_PATH_REFERENCES}/{homes[pointer]}"
    if targets:
        data[_PATH_REFERENCES] = targets


def _transport_schemes(document: dict[str, Any]) -> set[str]:
    """Schemes met below HTTP (mutual TLS): no request shows them, and the security check cannot see them."""
    schemes = (document.get("components") or {}).get("securitySchemes") or {}
    return {
        name
        for name, scheme in schemes.items()
        if isinstance(scheme, dict) and scheme.get("type") == "mutualTLS"
    }


def _meetable_security(data: dict[str, Any]) -> None:
    """Security requirements as `_meetable` reads them (the client is held to what a request can carry)."""
    holders = [data] + [
        operation
        for path_item in (data.get("paths") or {}).values()
        if isinstance(path_item, dict)
        for operation in path_item.values()
        if isinstance(operation, dict)
    ]
    for holder in holders:
        if isinstance(holder.get("security"), list):
            holder["security"] = _meetable(holder["security"])


def _drop_transport_schemes(data: dict[str, Any]) -> None:
    names = _transport_schemes(data)
    if not names:
        return
    for name in names:
        data["components"]["securitySchemes"].pop(name)
    holders = [data] + [
        operation
        for path_item in (data.get("paths") or {}).values()
        if isinstance(path_item, dict)
        for operation in path_item.values()
        if isinstance(operation, dict)
    ]
    for holder in holders:
        if isinstance(holder.get("security"), list):
            holder["security"] = [
                {key: value for key, value in requirement.items() if key not in names}
                for requirement in holder["security"]
                if isinstance(requirement, dict)
            ]


def _meetable(requirements: list[Any]) -> list[dict[str, Any]]:
    """The security alternatives as one request can meet them, as the generator reads them: names no
    scheme defines left out; of AND-ed schemes that need the same header (or API-key name) the first
    kept (one Authorization header per request; AND-ed bearer tokens share one token); alternatives
    met in full first."""
    schemes = (openapi_document().get("components") or {}).get("securitySchemes") or {}
    complete: list[dict[str, Any]] = []
    reduced: list[dict[str, Any]] = []
    for requirement in requirements:
        if not isinstance(requirement, dict):
            continue
        kept: dict[str, Any] = {}
        clashed = False
        for name, scopes in requirement.items():
            if name not in schemes:
                continue
            if any(_collide(schemes[other], schemes[name]) for other in kept):
                clashed = True
                continue
            kept[name] = scopes
        (reduced if clashed else complete).append(kept)
    return complete + reduced


def _collide(first: Any, second: Any) -> bool:
    carrier = _carrier(first)
    return (
        carrier is not None
        and carrier == _carrier(second)
        and not (_ready_token(first) and _ready_token(second))
    )


def _carrier(scheme: Any) -> tuple[str, str] | None:
    if not isinstance(scheme, dict):
        return None
    if scheme.get("type") == "apiKey":
        location = str(scheme.get("in", "header"))
        name = str(scheme.get("name", ""))
        return location, name.lower() if location == "header" else name
    return (
        ("header", "authorization")
        if scheme.get("type") in ("http", "oauth2", "openIdConnect")
        else None
    )


def _ready_token(scheme: Any) -> bool:
    """A bearer token the user gives (not one the client fetches): AND-ed ones share one token."""
    if not isinstance(scheme, dict):
        return False
    if scheme.get("type") == "oauth2":
        flows = scheme.get("flows") or {}
        return not any(
            isinstance(flows.get(name), dict) and flows[name].get("tokenUrl")
            for name in ("clientCredentials", "password")
        )
    return scheme.get("type") == "openIdConnect" or (
        scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() == "bearer"
    )
