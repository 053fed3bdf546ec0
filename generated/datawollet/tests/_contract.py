"""Contract-test machinery for the DataWollet API - tokens, extraction sessions and envelope access client's generated tests.

`MockServer` is an in-memory HTTP server (an `httpx.MockTransport`) for one operation. Every request
the client sends is checked against the OpenAPI document shipped next to these tests (`openapi.json`)
by openapi-core: method, path, path/query/header/cookie serialization, content type and body, and
security (the dummy credentials below must be on the request). A request that breaks the contract
fails the test right where it is sent. The server then answers with the replies the test queued
(themselves checked against the document), so the test can assert what the client parsed.

OAuth2 token requests the client makes on its own (the runtime sends them through the same
transport) are answered with a test token, and checked against the document too when it describes
the token endpoint.
"""

from __future__ import annotations

import asyncio
import copy
import json
import re
import warnings
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qsl, unquote

import httpx
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from .._client import AsyncClient, Client

__all__ = ["BASE_URL", "Call", "MockServer", "make_client", "make_async_client", "openapi_document"]

T = TypeVar("T")

SPEC_FILE = Path(__file__).with_name("openapi.json")
BASE_URL = "https://api.datawollet.com"
"""Where the tests' requests go (the spec's servers are replaced by this URL for validation)."""
BASE_URL_ARGUMENT: str | None = None
"""Passed as `base_url=`; None means the client's own default server is `BASE_URL`."""
ACCESS_TOKEN = "test-access-token"
"""The token the mock OAuth2 token endpoint issues."""
TOKEN_URLS: tuple[str, ...] = ("/oauth/token",)
"""OAuth2 token URLs of the security schemes, as documented (relative to the server URL)."""


@dataclass(frozen=True)
class Credential:
    """Where a security scheme's dummy credential travels and the exact value it must have."""

    location: str  # header, query or cookie; "" when it cannot be checked (custom schemes)
    name: str
    value: str


CREDENTIALS: dict[str, Credential] = {
    "oauth2": Credential("header", "Authorization", "Bearer test-access-token"),
    "clientBasic": Credential(
        "header", "Authorization", "Basic dGVzdC11c2VybmFtZTp0ZXN0LXBhc3N3b3Jk"
    ),
}
RELAXATIONS: tuple[tuple[str, str], ...] = ()
"""Schemas no value satisfies (the generator warned): (JSON pointer, the schema validated there instead, as JSON).

The client reads them the same way (a cycle-closing property typed nullable, an `allOf` of
incompatible types read as the parts that agree with the first); everything else is validated as written.
"""


def make_client(
    *, http_client: httpx.Client | None = None, base_url: str | None = BASE_URL_ARGUMENT
) -> Client:
    """A `Client` with a dummy credential for every security scheme and no retries."""
    return Client(
        client_id="test-client-id",
        client_secret="test-client-secret",
        username="test-username",
        password="test-password",
        base_url=base_url,
        max_retries=0,
        http_client=http_client,
    )


def make_async_client(
    *, http_client: httpx.AsyncClient | None = None, base_url: str | None = BASE_URL_ARGUMENT
) -> AsyncClient:
    """An `AsyncClient` with a dummy credential for every security scheme and no retries."""
    return AsyncClient(
        client_id="test-client-id",
        client_secret="test-client-secret",
        username="test-username",
        password="test-password",
        base_url=base_url,
        max_retries=0,
        http_client=http_client,
    )


# ---------------------------------------------------------------- the OpenAPI document


@lru_cache(maxsize=None)
def openapi_document() -> dict[str, Any]:
    """The document this package was generated from."""
    data = json.loads(SPEC_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


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
    """Remove `default` from a schema and its subschemas (also patterns Python cannot compile; and spell
    discriminator mappings as references).

    openapi-core fills in defaults for absent parameters and properties; the tests must see what the
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
    discriminator = schema.get("discriminator")
    if isinstance(discriminator, dict) and isinstance(discriminator.get("mapping"), dict):
        # A mapping value may name a schema ("Cat") instead of referencing it; the validator needs a reference.
        mapping = discriminator["mapping"]
        for key, target in list(mapping.items()):
            if isinstance(target, str) and "/" not in target and "#" not in target:
                mapping[key] = f"#/components/schemas/{target}"
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
    (documents often write https), and "draft-05", never published, is draft 4 (its meta-schema)."""
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
        and not base.endswith(("+json", "+xml"))
        and base != "*/*"
    )


def _strip_content_defaults(content: Any) -> None:
    if isinstance(content, dict):
        for media_type, media in content.items():
            if isinstance(media, dict):
                _strip_defaults(media.get("schema"))
                if _opaque(str(media_type)) and _is_object(media.get("schema")):
                    # Bytes (Google's media uploads: octet-stream "described" by a metadata object) can
                    # never be an object; the tests' _check_*_request still compare the exact bytes sent.
                    media.pop("schema")
                if str(media_type).startswith("multipart/"):
                    # OAS 3.0 and 3.1.0: style/explode/allowReserved apply to urlencoded bodies only;
                    # openapi-core would apply them to multipart parts too.
                    for encoding in (media.get("encoding") or {}).values():
                        if isinstance(encoding, dict):
                            for key in ("style", "explode", "allowReserved"):
                                encoding.pop(key, None)


@lru_cache(maxsize=None)
def _validation_document() -> dict[str, Any]:
    """The document as the tests validate with: servers replaced by `BASE_URL`, schema defaults removed
    (built once; `validator` copies only its top level)."""
    data = copy.deepcopy(openapi_document())
    for pointer, schema in RELAXATIONS:
        _replace_at(data, pointer, json.loads(schema))
    _hoist_path_references(data)
    data["servers"] = [{"url": BASE_URL}]
    components = data.get("components") or {}
    for schema in (components.get("schemas") or {}).values():
        _strip_defaults(schema)
    for parameter in (components.get("parameters") or {}).values():
        if isinstance(parameter, dict):
            _strip_defaults(parameter.get("schema"))
            _strip_content_defaults(parameter.get("content"))
            _objects_as_json(parameter)
            _writable_parameter(parameter, data)
    for body in (components.get("requestBodies") or {}).values():
        if isinstance(body, dict):
            _strip_content_defaults(body.get("content"))
    for path_item in (data.get("paths") or {}).values():
        if not isinstance(path_item, dict):
            continue
        path_item.pop("servers", None)
        operations = [path_item] + [
            value for value in path_item.values() if isinstance(value, dict)
        ]
        for operation in operations:
            operation.pop("servers", None)
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
            body = operation.get("requestBody")
            if isinstance(body, dict):
                _strip_content_defaults(body.get("content"))
            _drop_bodies_http_forbids(operation)
            _wildcard_replies_as_json(operation)
    _drop_transport_schemes(data)
    _drop_foreign_patterns(data)
    return data


def _replace_at(data: Any, pointer: str, value: Any) -> None:
    """Put `value` where the JSON pointer `pointer` ("#/a/b~1c") points."""
    tokens = [
        part.replace("~1", "/").replace("~0", "~")
        for part in pointer.lstrip("#").lstrip("/").split("/")
    ]
    for token in tokens[:-1]:
        data = data[int(token)] if isinstance(data, list) else data[token]
    if isinstance(data, list):
        data[int(tokens[-1])] = value
    else:
        data[tokens[-1]] = value  # the generator found the place in this very document


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
    """A 204 or 304 reply has no body on the wire (RFC 9110), whatever the document says; openapi-core
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
    send it as `application/json`); openapi-core would read a `*/*` body as bytes."""
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
        if isinstance(schema, dict) and (
            schema.get("type") in ("object", "array")
            or any(key in schema for key in ("properties", "items", "allOf"))
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
    """readOnly/writeOnly speak of properties; openapi-core also refuses a readOnly *parameter* schema
    (DigitalOcean's ssh_key_identifier reuses a response property). Copies drop them, shared schemas stay.
    """
    if isinstance(parameter.get("schema"), dict):
        parameter["schema"] = _without_access_marks(parameter["schema"], data)


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
    the client sends each object as JSON text (openapi-core would try to read them as form fields).
    """
    if parameter.get("in") not in ("query", "header", "cookie") or "schema" not in parameter:
        return False
    schema = _resolve(parameter["schema"])
    return (
        isinstance(schema, dict)
        and _schema_type(schema) == "array"
        and _is_object(schema.get("items"))
    )


def _objects_as_json(parameter: dict[str, Any]) -> None:
    """Have openapi-core read such a parameter as one JSON array (see `_json_arrays`), still checked
    against its full schema."""
    if _holds_objects(parameter):
        parameter["content"] = {"application/json": {"schema": parameter.pop("schema")}}
        for key in ("style", "explode"):
            parameter.pop(key, None)


def _json_arrays(
    parameters: list[dict[str, Any]], location: str, pairs: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The JSON objects sent for one object-list parameter (several query values, or one comma-joined
    header) as a single JSON array text, the way `_objects_as_json` declares the parameter."""
    folded = location == "header"  # header names are case-insensitive

    def key(name: str) -> str:
        return name.lower() if folded else name

    names = {
        key(str(item.get("name")))
        for item in parameters
        if item.get("in") == location and _holds_objects(item)
    }
    if not names:
        return pairs
    kept = [(name, value) for name, value in pairs if key(name) not in names]
    gathered: dict[str, list[str]] = {}
    for name, value in pairs:
        if key(name) in names:
            gathered.setdefault(name, []).append(value)
    return kept + [(name, "[" + ",".join(values) + "]") for name, values in gathered.items()]


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


def _pointer_target(data: Any, pointer: str) -> Any:
    for part in pointer[2:].split("/"):
        part = unquote(part).replace("~1", "/").replace("~0", "~")
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            data = None
    return data


def _transport_schemes(document: dict[str, Any]) -> set[str]:
    """Schemes met below HTTP (mutual TLS): no request shows them, and openapi-core rejects them."""
    schemes = (document.get("components") or {}).get("securitySchemes") or {}
    return {
        name
        for name, scheme in schemes.items()
        if isinstance(scheme, dict) and scheme.get("type") == "mutualTLS"
    }


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


def _identity(value: Any) -> Any:
    return value


def _text_loads(value: bytes, **parameters: str) -> str:
    """A binary body read as text: OAS 3.1 types binary content `string`, which bytes do not satisfy."""
    return value.decode("utf-8", errors="surrogateescape")


def _json_loads(value: bytes, **parameters: str) -> Any:
    return json.loads(value)


def _multipart_loader(document: dict[str, Any], template: str) -> Callable[..., Mapping[str, Any]]:
    """A multipart/form-data reader for the operations of one path.

    openapi-core hands multipart parts to the schema as they are; this reads them as text (file parts
    too, so OAS 3.1 `string` schemas accept them) and converts parts whose property is typed integer,
    number, boolean, object or array the way a form field of that type is written.
    """
    types: dict[str, str | None] = {}
    path_item = (document.get("paths") or {}).get(template) or {}
    for operation in path_item.values():
        body = _resolve(operation.get("requestBody")) if isinstance(operation, dict) else None
        media = (
            ((body or {}).get("content") or {}).get("multipart/form-data")
            if isinstance(body, dict)
            else None
        )
        schema = _resolve(media.get("schema")) if isinstance(media, dict) else None
        for name, prop in (
            ((schema or {}).get("properties") or {}).items() if isinstance(schema, dict) else ()
        ):
            kind = _schema_type(prop)
            if kind == "array" and isinstance(_resolve(prop), dict):
                kind = _schema_type(_resolve(prop).get("items"))  # each part is one item
            types[str(name)] = kind

    def loads(value: bytes, **parameters: str) -> Mapping[str, Any]:
        pairs = [
            (name, _typed(_part_text(part), types.get(name)))
            for name, part in _multipart_parts(value, parameters.get("boundary", ""))
        ]
        return ImmutableMultiDict(pairs)

    return loads


def _schema_type(schema: Any) -> str | None:
    schema = _resolve(schema)
    kind = schema.get("type") if isinstance(schema, dict) else None
    if isinstance(kind, list):
        kind = next((item for item in kind if item != "null"), None)
    return kind if isinstance(kind, str) else None


def _typed(text: str, kind: str | None) -> Any:
    """A text part of a scalar property as its typed value (openapi-core decodes object parts as JSON itself)."""
    try:
        if kind == "integer":
            return int(text)
        if kind == "number":
            return float(text)
    except ValueError:
        return text
    if kind == "boolean" and text in ("true", "false"):
        return text == "true"
    return text


def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    return payload.decode("utf-8", errors="surrogateescape") if isinstance(payload, bytes) else ""


def _multipart_parts(value: bytes, boundary: str) -> list[tuple[str, Message]]:
    head = f'Content-Type: multipart/form-data; boundary="{boundary}"\r\n\r\n'.encode()
    message = message_from_bytes(head + value)
    parts: list[tuple[str, Message]] = []
    payload = message.get_payload()
    if not isinstance(payload, list):
        return parts
    for part in payload:
        if isinstance(part, Message):
            name = part.get_param("name", header="content-disposition")
            parts.append((str(name) if name is not None else "", part))
    return parts


_KNOWN_MEDIA = (
    "application/json",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "text/plain",
    "text/html",
    "application/xml",
)


def _request_media_types(document: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    bodies = [
        body for body in ((document.get("components") or {}).get("requestBodies") or {}).values()
    ]
    for path_item in (document.get("paths") or {}).values():
        if isinstance(path_item, dict):
            bodies += [
                operation.get("requestBody")
                for operation in path_item.values()
                if isinstance(operation, dict)
            ]
    for body in bodies:
        if isinstance(body, dict) and isinstance(body.get("content"), dict):
            found.update(str(media).split(";")[0].strip().lower() for media in body["content"])
    return found


@lru_cache(maxsize=None)
def validator(template: str) -> OpenAPI:
    """openapi-core over the validation document reduced to one documented path (built once per path).

    One path at a time lets documents that use `#fragment` path keys (several operations on one
    path) be validated operation by operation; the fragment is not part of the URL.
    """
    document = dict(_validation_document())
    path_item = (document.get("paths") or {}).get(template)
    document["paths"] = {_url_template(template): path_item} if isinstance(path_item, dict) else {}
    deserializers: dict[str, Callable[..., Any]] = {
        "multipart/form-data": _multipart_loader(openapi_document(), template)
    }
    for media in _request_media_types(document):
        if media.endswith("+json"):
            deserializers[media] = _json_loads
        elif (
            media not in _KNOWN_MEDIA
            and not media.startswith("text/")
            and not media.endswith("+xml")
        ):
            deserializers[media] = _text_loads
    # Every format keeps its wire value (the tests compare what was sent); openapi-core would also
    # refuse formats it does not know (e.g. bcp-47), which JSON Schema treats as annotations.
    formats = {name: _identity for name in _document_formats()}
    config = Config(
        spec_validator_cls=None,  # the generator validated the document already; this saves ~0.5 s per package
        extra_format_unmarshallers=formats
        | {
            "date-time": _identity,
            "date": _identity,
            "uuid": _identity,
            "binary": _identity,
            "byte": _identity,
        },
        extra_media_type_deserializers=deserializers,
    )
    return OpenAPI.from_dict(document, config=config)


@lru_cache(maxsize=None)
def _document_formats() -> frozenset[str]:
    """Every `format` the document's schemas name."""
    found: set[str] = set()
    stack: list[Any] = [openapi_document()]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("format"), str):
                found.add(node["format"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return frozenset(found)


def _url_template(template: str) -> str:
    """A documented path without its `#fragment` (some documents use one to list several operations on a
    path) or `?query` (others spell part of the query into the key: `/current?city={city}`)."""
    return re.split(r"[#?]", template, maxsplit=1)[0]


def _template_query(template: str) -> list[tuple[str, str]]:
    """The `?name={parameter}` pairs of a path key (a literal `name=value` has no parameter: "")."""
    query = template.split("#", 1)[0].partition("?")[2]
    pairs: list[tuple[str, str]] = []
    for item in query.split("&") if query else ():
        name, _, value = item.partition("=")
        pairs.append((name, value[1:-1] if value.startswith("{") and value.endswith("}") else ""))
    return pairs


@dataclass(frozen=True)
class _Route:
    method: str
    template: str  # the documented path key
    pattern: re.Pattern[str]
    names: tuple[str, ...]  # path parameter names, in the order of the pattern's groups
    operation_id: str
    operation: dict[str, Any]


@lru_cache(maxsize=None)
def _routes() -> tuple[_Route, ...]:
    routes: list[_Route] = []
    for template, path_item in (openapi_document().get("paths") or {}).items():
        if not isinstance(path_item, dict):
            continue
        names: list[str] = []
        regex = ""
        for part in re.split(r"(\{[^}/]+\})", _url_template(template)):
            if part.startswith("{"):
                regex += f"(?P<p{len(names)}>[^/]+)"
                names.append(part[1:-1])
            else:
                regex += re.escape(part)
        for method, operation in path_item.items():
            if method not in (
                "get",
                "put",
                "post",
                "delete",
                "options",
                "head",
                "patch",
                "trace",
            ) or not isinstance(operation, dict):
                continue
            routes.append(
                _Route(
                    method.upper(),
                    template,
                    re.compile(regex + "$"),
                    tuple(names),
                    str(operation.get("operationId", "")),
                    operation,
                )
            )
    # A literal segment beats a template one: fewer placeholders first.
    routes.sort(key=lambda route: len(route.names))
    return tuple(routes)


def _relative_path(url: httpx.URL) -> str | None:
    base_path = httpx.URL(BASE_URL).path.rstrip("/")
    path = url.raw_path.decode("ascii").split("?", 1)[0]
    if base_path and not path.startswith(base_path):
        return None
    return path[len(base_path) :]


def _route(method: str, url: httpx.URL, prefer: str | None = None) -> _Route | None:
    """The documented operation a request is for (`prefer`: the path key to pick among equal URLs)."""
    path = _relative_path(url)
    if path is None:
        return None
    candidates = [
        route for route in _routes() if route.method == method.upper() and route.pattern.match(path)
    ]
    for route in candidates:
        if route.template == prefer:
            return route
    return candidates[0] if candidates else None


def _parameters(route: _Route) -> list[dict[str, Any]]:
    """The operation's parameters, path-level ones included (the operation's win), $refs resolved."""
    path_item = (openapi_document().get("paths") or {}).get(route.template) or {}
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for raw in list(path_item.get("parameters") or []) + list(
        route.operation.get("parameters") or []
    ):
        parameter = _resolve(raw)
        if isinstance(parameter, dict):
            found[(str(parameter.get("name")), str(parameter.get("in")))] = parameter
    return list(found.values())


def _is_object(schema: Any) -> bool:
    schema = _resolve(schema)
    return isinstance(schema, dict) and (schema.get("type") == "object" or "properties" in schema)


def _properties(schema: Any) -> set[str] | None:
    """Property names of an object schema (allOf merged); None when any name is allowed."""
    schema = _resolve(schema)
    if not isinstance(schema, dict):
        return None
    names = set((schema.get("properties") or {}).keys())
    for part in schema.get("allOf") or []:
        more = _properties(part)
        if more is None:
            return None
        names |= more
    if schema.get("additionalProperties") not in (None, False) or not names:
        return None
    return names


def _security(route: _Route) -> list[tuple[str, ...]]:
    requirements = route.operation.get("security", openapi_document().get("security"))
    if not isinstance(requirements, list):
        return [()]
    alternatives = [tuple(item) for item in requirements if isinstance(item, dict)]
    return alternatives or [()]


# ---------------------------------------------------------------- adapters for openapi-core


def _cookies(request: httpx.Request) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for header in request.headers.get_list("cookie"):
        for item in header.split(";"):
            if "=" in item:
                name, value = item.strip().split("=", 1)
                pairs.append((name, value))
    return pairs


class OpenAPIRequest:
    """An `httpx.Request` as openapi-core's request protocol, for the documented operation `route`.

    The path parameters are cut out of the URL here and handed over keyed the way openapi-core's style
    deserializers look them up (`.name*` for an exploded label, `;name` for matrix ...); its own path
    matching would key them by plain name, which leaves label and matrix parameters unreadable.
    Exploded form objects (`?name=a&size=2` for an object parameter) are also gathered under the
    parameter's name as `name=a&size=2`, the form openapi-core's form deserializer expects.
    """

    def __init__(self, request: httpx.Request, route: _Route) -> None:
        self.request = request
        self.path_pattern = httpx.URL(BASE_URL).path.rstrip("/") + _url_template(route.template)
        parameters = _parameters(route)
        query = _json_arrays(
            parameters,
            "query",
            _space_delimited(parameters, list(request.url.params.multi_items())),
        )
        cookies = _json_arrays(parameters, "cookie", _cookies(request))
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(query + _exploded_objects(parameters, "query", query)),
            header=Headers(_json_arrays(parameters, "header", list(request.headers.multi_items()))),
            cookie=ImmutableMultiDict(cookies + _exploded_objects(parameters, "cookie", cookies)),
            path=_path_values(route, request.url, parameters),
        )

    @property
    def host_url(self) -> str:
        return f"{self.request.url.scheme}://{self.request.url.netloc.decode('ascii')}"

    @property
    def path(self) -> str:
        return self.request.url.path

    @property
    def method(self) -> str:
        return self.request.method.lower()

    @property
    def body(self) -> bytes | None:
        return self.request.content or None

    @property
    def content_type(self) -> str:
        return str(self.request.headers.get("content-type", "")).lower()


def _path_values(route: _Route, url: httpx.URL, parameters: list[dict[str, Any]]) -> dict[str, Any]:
    path = _relative_path(url) or ""
    match = route.pattern.match(path)
    if match is None:
        return {}
    styles = {
        str(item.get("name")): (str(item.get("style", "simple")), bool(item.get("explode", False)))
        for item in parameters
        if item.get("in") == "path"
    }
    values: dict[str, Any] = {}
    for index, name in enumerate(route.names):
        style, explode = styles.get(name, ("simple", False))
        prefix = {"label": ".", "matrix": ";"}.get(style, "")
        key = f"{prefix}{name}{'*' if explode and prefix else ''}"
        values[key] = unquote(match.group(f"p{index}"))
    for name, parameter in _template_query(route.template):
        if parameter and name in url.params:  # a "path" parameter that travels in the query
            values[parameter] = url.params[name]
    return values


def _space_delimited(
    parameters: list[dict[str, Any]], pairs: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """openapi-core splits spaceDelimited values on a literal `%20`, but it is given decoded values."""
    names = {
        str(item.get("name"))
        for item in parameters
        if item.get("in") == "query" and item.get("style") == "spaceDelimited"
    }
    return [(key, value.replace(" ", "%20") if key in names else value) for key, value in pairs]


def _exploded_objects(
    parameters: list[dict[str, Any]], location: str, pairs: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    added: list[tuple[str, str]] = []
    documented = {str(item.get("name")) for item in parameters if item.get("in") == location}
    for parameter in parameters:
        style = parameter.get("style", "form")
        if (
            parameter.get("in") != location
            or style != "form"
            or not parameter.get("explode", True)
            or not _is_object(parameter.get("schema"))
        ):
            continue
        members = _properties(parameter.get("schema"))
        chosen = [
            (key, value)
            for key, value in pairs
            if (key in members if members is not None else key not in documented)
        ]
        if chosen and str(parameter.get("name")) not in dict(pairs):
            added.append(
                (str(parameter.get("name")), "&".join(f"{key}={value}" for key, value in chosen))
            )
    return added


class OpenAPIResponse:
    """An `httpx.Response` as openapi-core's response protocol."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    @property
    def status_code(self) -> int:
        return self.response.status_code

    @property
    def content_type(self) -> str:
        return str(self.response.headers.get("content-type", "")).lower()

    @property
    def headers(self) -> Headers:
        return Headers(list(self.response.headers.multi_items()))

    @property
    def data(self) -> bytes | None:
        return self.response.content or None


def _error_text(error: BaseException) -> str:
    """str(error), or its fields when openapi-core's own __str__ fails (it decodes a str value)."""
    try:
        return str(error)
    except Exception:
        return ", ".join(f"{key}={value!r}" for key, value in vars(error).items())


def describe_errors(errors: list[Exception]) -> str:
    """openapi-core's errors with their causes and schema errors, one per line."""
    lines: list[str] = []
    for error in errors:
        cause: BaseException | None = error
        chain: list[str] = []
        while cause is not None:
            text = _error_text(cause)
            chain.append(f"{type(cause).__name__}: {text}" if text else type(cause).__name__)
            for schema_error in getattr(cause, "schema_errors", ()) or ():
                where = "/".join(str(part) for part in getattr(schema_error, "absolute_path", ()))
                chain.append(
                    f"  schema: {getattr(schema_error, 'message', schema_error)}"
                    + (f" (at {where})" if where else "")
                )
            cause = cause.__cause__
        lines.append(" <- ".join(chain))
    return "\n".join(lines)


# ---------------------------------------------------------------- what the client sent


@dataclass
class Call:
    """One request of the client, as openapi-core read it back against the document."""

    request: httpx.Request
    path_template: str  # the documented path the request matched
    operation_id: str
    path_params: dict[str, Any]
    query: dict[str, Any]
    headers: dict[str, Any]
    cookies: dict[str, Any]
    content_type: str | None
    body: Any
    security: tuple[str, ...]

    @property
    def method(self) -> str:
        return self.request.method


def _media_type(request: httpx.Request) -> str | None:
    value = request.headers.get("content-type")
    return value.split(";")[0].strip().lower() if value else None


def _raw_body(request: httpx.Request) -> Any:
    """The body as a test reads it: JSON parsed; form fields as text; multipart parts (files as bytes)."""
    content = request.content
    media = _media_type(request)
    if not content:
        return None
    if media is not None and (media == "application/json" or media.endswith("+json")):
        return json.loads(content)
    if media == "application/x-www-form-urlencoded":
        return _group(parse_qsl(content.decode("utf-8"), keep_blank_values=True))
    if media == "multipart/form-data":
        boundary = ""
        for item in request.headers.get("content-type", "").split(";")[1:]:
            key, _, value = item.strip().partition("=")
            if key.lower() == "boundary":
                boundary = value.strip('"')
        parts: list[tuple[str, Any]] = []
        for name, part in _multipart_parts(content, boundary):
            payload = part.get_payload(decode=True)
            data = payload if isinstance(payload, bytes) else b""
            is_file = part.get_param("filename", header="content-disposition") is not None
            parts.append((name, data if is_file else data.decode("utf-8")))
        return _group(parts)
    if media is not None and media.startswith("text/"):
        return content.decode("utf-8")
    return content


def _group(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    grouped: dict[str, Any] = {}
    for name, value in pairs:
        if name in grouped:
            previous = grouped[name]
            grouped[name] = (previous if isinstance(previous, list) else [previous]) + [value]
        else:
            grouped[name] = value
    return grouped


def _satisfied(alternative: tuple[str, ...], request: httpx.Request) -> bool:
    cookies = dict(_cookies(request))
    for scheme in alternative:
        if scheme in _transport_schemes(openapi_document()):
            continue  # carried by the TLS connection, not the request
        credential = CREDENTIALS.get(scheme)
        if credential is None or not credential.location:
            return False
        if credential.location == "header":
            sent = request.headers.get(credential.name)
        elif credential.location == "query":
            sent = request.url.params.get(credential.name)
        else:
            sent = cookies.get(credential.name)
        if sent != credential.value:
            return False
    return True


def _documented_names(route: _Route, location: str) -> set[str] | None:
    """Names a request may carry in the query or cookies; None when an exploded object makes any name valid."""
    names: set[str] = set()
    for parameter in _parameters(route):
        if parameter.get("in") != location:
            continue
        style = parameter.get("style", "form")
        explode = parameter.get("explode", style == "form")
        if _is_object(parameter.get("schema")) and style == "form" and explode:
            members = _properties(parameter.get("schema"))
            if members is None:
                return None
            names |= members
        names.add(str(parameter.get("name")))
    names.update(
        credential.name for credential in CREDENTIALS.values() if credential.location == location
    )
    if location == "query":
        names.update(name for name, _ in _template_query(route.template))
    return names


def _resolve(item: Any) -> Any:
    seen = 0
    while (
        isinstance(item, dict)
        and isinstance(item.get("$ref"), str)
        and item["$ref"].startswith("#/")
        and seen < 20
    ):
        item = _pointer_target(
            openapi_document(), item["$ref"]
        )  # may pass through lists (".../parameters/0")
        seen += 1
    return item


def read_call(request: httpx.Request, expected: tuple[str, str] | None = None) -> Call:
    """Check one request against the document; raise AssertionError describing the violations.

    `expected` is the (method, path template) of the operation the request must be for.
    """
    route = _route(request.method, request.url, expected[1] if expected else None)
    where = f"{request.method} {request.url.copy_with(query=None)}"
    if route is None:
        raise AssertionError(f"the document has no operation for {where}")
    if expected is not None and (route.method, route.template) != (
        expected[0].upper(),
        expected[1],
    ):
        raise AssertionError(
            f"expected a request for {expected[0]} {expected[1]}, got {where} (that is {route.method} {route.template})"
        )
    with warnings.catch_warnings():
        warnings.simplefilter(
            "ignore"
        )  # openapi-core warns that it cannot check oauth2; _satisfied does
        result = validator(route.template).unmarshal_request(OpenAPIRequest(request, route))
    if result.errors:
        raise AssertionError(
            f"{where} ({route.operation_id or route.template}) violates the document:\n{describe_errors(list(result.errors))}\n"
            "(If the test sends the document's own example values, see its _check_*_request, the example may not match its schema.)"
        )
    chosen = next(
        (alternative for alternative in _security(route) if _satisfied(alternative, request)), None
    )
    if chosen is None:
        raise AssertionError(
            f"{where} ({route.operation_id}) carries none of the credentials its security requires: {_security(route)}"
        )
    for location, present in (
        ("query", [name for name, _ in request.url.params.multi_items()]),
        ("cookie", [name for name, _ in _cookies(request)]),
    ):
        allowed = _documented_names(route, location)
        unknown = sorted(
            {
                name
                for name in present
                if allowed is not None
                and name not in allowed
                and not any(name.startswith(item + "[") for item in allowed)
            }
        )
        if unknown:
            raise AssertionError(
                f"{where} ({route.operation_id}) sends undocumented {location} parameter(s) {unknown}"
            )
    parameters = result.parameters
    return Call(
        request=request,
        path_template=route.template,
        operation_id=route.operation_id,
        path_params=dict(parameters.path),
        query=dict(parameters.query),
        headers=dict(parameters.header),
        cookies=dict(parameters.cookie),
        content_type=_media_type(request),
        body=_raw_body(request),
        security=chosen,
    )


# ---------------------------------------------------------------- the mock server


_NO_BODY: Any = object()


@dataclass
class _Reply:
    status: int
    content: bytes
    content_type: str | None
    documented: bool


@dataclass
class MockServer:
    """An in-memory server for one operation (`method`, `path` as documented).

    Checks each request against the document, then answers with the queued replies in order.
    """

    method: str
    path: str
    calls: list[Call] = field(default_factory=list)
    token_requests: list[httpx.Request] = field(default_factory=list)
    _replies: list[_Reply] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.transport = httpx.MockTransport(self._handle)

    def reply(
        self,
        status: int,
        json: Any = _NO_BODY,
        *,
        content: bytes | None = None,
        content_type: str | None = None,
        documented: bool = True,
    ) -> None:
        """Queue an answer: a JSON body (`json=`), raw `content=` with its `content_type`, or nothing.

        A documented reply is checked against the document before it is sent; `documented=False` is for
        operations that document no success reply at all.
        """
        if content is None and json is not _NO_BODY:
            content = _json_bytes(json)
            content_type = content_type or "application/json"
        self._replies.append(
            _Reply(status, content or b"", content_type if content else None, documented)
        )

    def only_call(self) -> Call:
        """The one request the client sent for the operation."""
        assert len(self.calls) == 1, f"expected exactly one request, got {len(self.calls)}"
        return self.calls[0]

    def run(
        self,
        call: Callable[[Client], T],
        acall: Callable[[AsyncClient], Awaitable[T]],
        use_async: bool,
    ) -> T:
        """`call(client)` with a `Client` talking to this server, or `acall(client)` with an `AsyncClient`."""
        if use_async:
            return asyncio.run(self._run_async(acall))
        with (
            httpx.Client(transport=self.transport) as http,
            make_client(http_client=http) as client,
        ):
            return call(client)

    async def _run_async(self, acall: Callable[[AsyncClient], Awaitable[T]]) -> T:
        async with (
            httpx.AsyncClient(transport=self.transport) as http,
            make_async_client(http_client=http) as client,
        ):
            return await acall(client)

    # -- transport

    def _handle(self, request: httpx.Request) -> httpx.Response:
        route = _route(request.method, request.url, self.path)
        is_operation = route is not None and (route.method, route.template) == (
            self.method.upper(),
            self.path,
        )
        if not is_operation and self._is_token_request(request):
            return self._token_reply(request)
        call = read_call(request, (self.method, self.path))
        self.calls.append(call)
        if not self._replies:
            raise AssertionError(
                f"unexpected request #{len(self.calls)} for {self.method} {self.path}: no reply queued"
            )
        reply = self._replies.pop(0)
        headers = {"content-type": reply.content_type} if reply.content_type else {}
        response = httpx.Response(
            reply.status, content=reply.content, headers=headers, request=request
        )
        if reply.documented:
            self._check_reply(request, response)
        return response

    def _is_token_request(self, request: httpx.Request) -> bool:
        if request.method != "POST" or not TOKEN_URLS:
            return False
        if (
            _media_type(request) != "application/x-www-form-urlencoded"
            or b"grant_type=" not in request.content
        ):
            return False
        base = httpx.URL(BASE_URL + "/")
        url = request.url.copy_with(query=None)
        return any(base.join(token_url) == url for token_url in TOKEN_URLS)

    def _token_reply(self, request: httpx.Request) -> httpx.Response:
        self.token_requests.append(request)
        fields = dict(parse_qsl(request.content.decode("ascii")))
        grant = fields.get("grant_type")
        assert grant in ("client_credentials", "password"), f"unexpected token request {grant!r}"
        route = _route(request.method, request.url)
        if (
            route is not None
        ):  # the document describes its token endpoint: hold the request to it too
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                result = validator(route.template).unmarshal_request(OpenAPIRequest(request, route))
            if result.errors:
                raise AssertionError(
                    f"the token request violates the document:\n{describe_errors(list(result.errors))}"
                )
        body = {"access_token": ACCESS_TOKEN, "token_type": "Bearer", "expires_in": 3600}
        return httpx.Response(200, json=body, request=request)

    def _check_reply(self, request: httpx.Request, response: httpx.Response) -> None:
        route = _route(request.method, request.url, self.path)
        assert route is not None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = validator(route.template).unmarshal_response(
                OpenAPIRequest(request, route), OpenAPIResponse(response)
            )
        if result.errors:
            raise AssertionError(
                f"the test's {response.status_code} reply for {self.method} {self.path} does not match the document "
                f"(fix the example in the spec):\n{describe_errors(list(result.errors))}"
            )


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")
