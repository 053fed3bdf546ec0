"""How the DataWollet API - tokens, extraction sessions and envelope access client's generated tests check requests and replies against the document.

Every request the client sends is checked against the OpenAPI document shipped next to these tests
(`openapi.json`) by openapi-core: method, path, path/query/header/cookie serialization, content type
and body, and security (the dummy credentials below must be on the request). Every reply a test
answers with is checked the same way. `read_call` and `check_reply` raise `ContractViolation` (an
AssertionError) naming what the document does not allow.

XML bodies are read element by element as their schema and its `xml` objects describe them (a reader
of its own, not the client's), and openapi-core checks the values found like a JSON body's; an XML
body described as a string must still be well-formed XML. Bodies of other media types are checked for
their content type, and the tests compare their exact bytes.

oneOf is checked as OpenAPI uses it, not as JSON Schema's "exactly one": a oneOf with a
discriminator (its own, or one its options inherit from their allOf parent, as `Cat: allOf: [Pet]`
with `Pet.discriminator`) accepts a value valid under the option its tag selects, and nothing else;
any other oneOf is checked as anyOf, valid under at least one option. Documents' options often
overlap (a Cat is also a valid Dog, two objects with optional properties, two plain strings), which
makes "exactly one" reject every value a correct client can send; where the options do not overlap
the two rules agree. Which variant the client sent is still compared exactly by each test's
`_check_*_request`, and the reply a test queues is its own choice of variant.

This module imports nothing of the client: clientsmith runs this very module when it generates the
tests, on the request and the replies each test will send and answer with, and replaces a value the
document does not allow before a test can fail for it. `_contract.py` builds the test server on it.
"""

from __future__ import annotations

import copy
import json
import re
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email import message_from_bytes
from email.message import Message
from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote
from xml.etree import ElementTree

import httpx
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

__all__ = [
    "BASE_URL",
    "CREDENTIALS",
    "Call",
    "ContractViolation",
    "Credential",
    "check_reply",
    "check_token_request",
    "describe_errors",
    "is_request_for",
    "json_bytes",
    "media_type",
    "openapi_document",
    "read_call",
    "validator",
]

SPEC_FILE = Path(__file__).with_name("openapi.json")
BASE_URL = "https://api.datawollet.com"
"""Where the tests' requests go (the spec's servers are replaced by this URL for validation)."""


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


class ContractViolation(AssertionError):
    """A request or reply the document does not allow. `errors` holds openapi-core's findings (none
    when another check here failed: the operation, the credentials); `undocumented` the (location,
    name) of parameters the document does not name."""

    def __init__(
        self,
        message: str,
        errors: tuple[Exception, ...] = (),
        undocumented: tuple[tuple[str, str], ...] = (),
    ) -> None:
        super().__init__(message)
        self.errors = errors
        self.undocumented = undocumented


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
    """Remove `default` from a schema and its subschemas (also patterns Python cannot compile).

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
        and not _is_json_media(base)
        and not base.endswith("+xml")
        and base != "*/*"
    )


def _is_json_media(base: str) -> bool:
    """JSON as the client reads it (`application/json`, `*+json`, `text/json`: generator/parse/operations.py)."""
    return base == "application/json" or base.endswith(("+json", "/json"))


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
                    # openapi-core would apply them to multipart parts too.
                    for encoding in (media.get("encoding") or {}).values():
                        if isinstance(encoding, dict):
                            for key in ("style", "explode", "allowReserved"):
                                encoding.pop(key, None)


def _fields_without_null(
    schema: Any, data: dict[str, Any], depth: int = 0, field: bool = False
) -> Any:
    """A form or multipart body's schema with each field typed `[T, "null"]` read as `T`, on copies.

    openapi-core 0.23 picks a field's reader by its `type` read as one string, and fails on OpenAPI
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
def _validation_document() -> dict[str, Any]:
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


_COMPONENT_SCHEMAS = "#/components/schemas/"


def _copy_references_into_one_of(data: dict[str, Any]) -> None:
    """A `$ref` to an option of a `oneOf` (`.../from/oneOf/0`, Nexmo) becomes a copy of that option:
    `_oas_unions` renames the `oneOf` it points into. (A bounded number: an option that refers to
    itself this way is left a reference.)"""
    stack: list[Any] = [data]
    copies = 0
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            ref = node.get("$ref")
            if (
                isinstance(ref, str)
                and ref.startswith("#/")
                and "/oneOf/" in ref
                and copies < 10_000
            ):
                target = _pointer_target(data, ref)
                if isinstance(target, dict):
                    copies += 1
                    del node["$ref"]
                    node.update(copy.deepcopy(target))
            stack.extend(node.values())


def _oas_unions(data: dict[str, Any]) -> None:
    """oneOf and discriminators as OpenAPI means them (see the module docstring): a union whose options
    inherit a discriminator through allOf is discriminated by it; a discriminator the validator cannot
    apply is dropped; every oneOf left without a discriminator is checked as anyOf."""
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        # Every node, schema or not: a `default` response, a property named `example`; rewriting an
        # example value that happens to hold a "oneOf" list changes no check.
        stack.extend(node.values())
        keyword = next(
            (name for name in ("oneOf", "anyOf") if isinstance(node.get(name), list)), None
        )
        discriminator = node.get("discriminator")
        if keyword is None:
            if isinstance(discriminator, dict) and isinstance(node.get("allOf"), list):
                # A parent's discriminator beside allOf tags its children; the validator would validate
                # the value against the tagged child instead of the allOf parts (and loop on itself).
                node.pop("discriminator")
            continue
        options = node[keyword]
        named = all(
            isinstance(option, dict) and str(option.get("$ref", "")).startswith(_COMPONENT_SCHEMAS)
            for option in options
        )
        if not isinstance(discriminator, dict) or not isinstance(
            discriminator.get("propertyName"), str
        ):
            discriminator = _inherited_discriminator(options) if named else None
        if discriminator is not None and named:
            node["discriminator"] = _with_references(
                discriminator, options, own="discriminator" in node
            )
        else:
            node.pop(
                "discriminator", None
            )  # over inline options: no schema name to select (the generator warned)
            if keyword == "oneOf":
                del node["oneOf"]
                if "anyOf" in node:
                    node["allOf"] = list(node.get("allOf") or []) + [{"anyOf": options}]
                else:
                    node["anyOf"] = options


def _inherited_discriminator(options: list[Any]) -> dict[str, Any] | None:
    """The discriminator every option inherits from an allOf parent (one propertyName; the parents'
    mappings merged), or None; an option with a discriminator of its own tags its own children."""
    found: list[dict[str, Any]] = []
    for option in options:
        schema = _resolve(option)
        if not isinstance(schema, dict) or isinstance(schema.get("discriminator"), dict):
            return None
        parent = _parent_discriminator(schema, 0)
        if parent is None:
            return None
        found.append(parent)
    if len({item.get("propertyName") for item in found}) != 1:
        return None
    mapping: dict[str, Any] = {}
    for item in found:
        mapping.update(item.get("mapping") or {})
    return {"propertyName": found[0]["propertyName"], "mapping": mapping}


def _parent_discriminator(schema: dict[str, Any], depth: int) -> dict[str, Any] | None:
    for part in schema.get("allOf") or [] if depth < 12 else []:
        parent = _resolve(part)
        if not isinstance(parent, dict):
            continue
        own = parent.get("discriminator")
        if isinstance(own, dict) and isinstance(own.get("propertyName"), str):
            return own
        deeper = _parent_discriminator(parent, depth + 1)
        if deeper is not None:
            return deeper
    return None


def _with_references(
    discriminator: dict[str, Any], options: list[Any], own: bool
) -> dict[str, Any]:
    """The discriminator with every mapping value a reference (a value may name the schema: "Cat") and
    each option reachable: by the mapping, else by its schema name (OpenAPI's implicit mapping).

    An inherited mapping keeps only this union's options (the parent's names its other children too).
    """
    references = [str(option["$ref"]) for option in options]
    mapping: dict[str, str] = {}
    for key, target in (discriminator.get("mapping") or {}).items():
        if isinstance(target, str):
            target = target if "/" in target or "#" in target else _COMPONENT_SCHEMAS + target
            if own or target in references:
                mapping[str(key)] = target
    for reference in references:
        if reference not in mapping.values():
            name = (
                unquote(reference[len(_COMPONENT_SCHEMAS) :]).replace("~1", "/").replace("~0", "~")
            )
            allowed = _tag_values(
                _resolve({"$ref": reference}), str(discriminator["propertyName"]), 0
            )
            if allowed is not None and len(allowed) == 1 and isinstance(allowed[0], str):
                name = allowed[
                    0
                ]  # the one tag the option allows (the generator warned: not its name)
            mapping.setdefault(name, reference)
    return {**discriminator, "mapping": mapping}


def _tag_values(schema: Any, property_name: str, depth: int) -> list[Any] | None:
    """The values an option's own schema allows for the tag property (enum or const), allOf followed."""
    if not isinstance(schema, dict) or depth > 12:
        return None
    prop = (
        _resolve((schema.get("properties") or {}).get(property_name))
        if isinstance(schema.get("properties"), dict)
        else None
    )
    if isinstance(prop, dict):
        if "const" in prop:
            return [prop["const"]]
        if isinstance(prop.get("enum"), list):
            return list(prop["enum"])
    for part in schema.get("allOf") or []:
        found = _tag_values(_resolve(part), property_name, depth + 1)
        if found is not None:
            return found
    return None


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
    """readOnly/writeOnly speak of properties; openapi-core also refuses a readOnly *parameter* schema
    (DigitalOcean's ssh_key_identifier reuses a response property). Copies drop them, shared schemas stay.
    """
    if isinstance(parameter.get("schema"), dict):
        parameter["schema"] = _without_access_marks(parameter["schema"], data)


def _typed_union_parameter(parameter: dict[str, Any]) -> None:
    """A parameter whose oneOf/anyOf options are all arrays (Shutterstock's country codes) is an array.

    Said so, openapi-core splits it into items as its style says (else it reads one string).
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


def _nested_members(parameter: dict[str, Any]) -> bool:
    """An exploded form object (query or cookie) with object or array members: no style spells those
    either, so the client sends each such member as JSON text (AWS's maps of attribute objects).
    Also one whose object is a union's option (with null, say): openapi-core reads form fields only
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
    """Have openapi-core read such a parameter as one JSON value (see `_json_arrays`, `_json_objects`),
    still checked against its full schema."""
    if _holds_objects(parameter) or _nested_members(parameter):
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


def _identity(value: Any) -> Any:
    return value


def _text_loads(value: bytes | str, **parameters: str) -> str:
    """A binary body read as text: OAS 3.1 types binary content `string`, which bytes do not satisfy.
    A multipart part arrives as text already (`_multipart_loader`; OpenAI's `application/sdp`)."""
    return value if isinstance(value, str) else value.decode("utf-8", errors="surrogateescape")


def _json_loads(value: bytes, **parameters: str) -> Any:
    return json.loads(value)


def _multipart_loader(document: dict[str, Any], template: str) -> Callable[..., Mapping[str, Any]]:
    """A multipart/form-data reader for the operations of one path.

    openapi-core hands multipart parts to the schema as they are; this reads them as text (file parts
    too, so OAS 3.1 `string` schemas accept them) and converts parts whose property is typed integer,
    number, boolean, object or array the way a form field of that type is written.
    """
    types: dict[str, str | None] = {}
    path_item = _path_item(template)
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


def _schema_type(schema: Any, depth: int = 0) -> str | None:
    """The JSON type a schema names besides null: `type: [boolean, "null"]`, or the one type all
    the options of a union with null share (OpenAI's `anyOf: [{type: boolean}, {type: "null"}]`)."""
    schema = _resolve(schema)
    kind = schema.get("type") if isinstance(schema, dict) else None
    if isinstance(kind, list):
        kind = next((item for item in kind if item != "null"), None)
    if kind is None and isinstance(schema, dict) and depth < 10:
        kinds = {_schema_type(option, depth + 1) for option in _non_null_options(schema)}
        kind = kinds.pop() if len(kinds) == 1 else None
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


# ---------------------------------------------------------------- XML bodies


_XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"


def _is_xml(media_type: str | None) -> bool:
    base = (media_type or "").split(";")[0].strip().lower()
    return base in ("application/xml", "text/xml") or base.endswith("+xml")


def _media_schema(content: Any, media_type: str) -> Any:
    """The schema documented for a body of `media_type` (exact media types before ranges), or None."""
    if not isinstance(content, dict):
        return None
    base = media_type.split(";")[0].strip().lower()
    keys = sorted(content, key=lambda key: "*" in str(key))
    for key in keys:
        if fnmatch(base, str(key).split(";")[0].strip().lower()):
            media = _resolve(content[key])
            return media.get("schema") if isinstance(media, dict) else None
    return None


def _documents_token_form(route: _Route) -> bool:
    body = _resolve(route.operation.get("requestBody"))
    content = body.get("content") if isinstance(body, dict) else None
    if not isinstance(content, dict) or not content:
        return True  # no body documented: openapi-core checks the rest
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


def _merged_schema(schema: Any, depth: int = 0) -> dict[str, Any]:
    """A schema with `$ref`s followed and `allOf` parts merged: later parts' `xml` over earlier
    ones', the schema's own over all; `oneOf`/`anyOf` options lend their properties too."""
    schema = _resolve(schema)
    if not isinstance(schema, dict) or depth > 20:
        return {}
    merged: dict[str, Any] = {}
    xml: dict[str, Any] = {}
    properties: dict[str, Any] = {}
    required: set[str] = set()
    for keyword in ("allOf", "oneOf", "anyOf"):
        for part in schema.get(keyword) or []:
            flat = _merged_schema(part, depth + 1)
            if keyword == "allOf":
                xml.update(flat["xml"])
                required.update(flat.get("required") or ())
            for name, prop in (flat.get("properties") or {}).items():
                properties.setdefault(name, prop)
            for key, value in flat.items():
                if key not in ("xml", "properties", "required"):
                    merged.setdefault(key, value)
    for key, value in schema.items():
        if key not in ("allOf", "oneOf", "anyOf", "xml", "properties", "required"):
            merged[key] = value
    if isinstance(schema.get("properties"), dict):
        properties.update(schema["properties"])
    if properties:
        merged["properties"] = properties
    if isinstance(schema.get("required"), list):
        required.update(str(name) for name in schema["required"])
    if required:
        merged["required"] = sorted(required)
    if isinstance(schema.get("xml"), dict):
        xml.update(schema["xml"])
    merged["xml"] = xml
    return merged


def _merged_kind(flat: dict[str, Any]) -> str | None:
    kind = _schema_type(flat)
    if kind is None and (
        "properties" in flat or isinstance(flat.get("additionalProperties"), dict)
    ):
        return "object"
    if kind is None and "items" in flat:
        return "array"
    return kind


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _xml_body_value(content: bytes, schema: Any, media_type: str, what: str) -> Any:
    """An XML body as the value its schema describes, read element by element (names and `xml` objects
    as OpenAPI defines them); an XML body whose schema is a string (or absent) is its text.

    openapi-core reads XML only as an `Element`, which no schema accepts; the adapters below hand it
    this value as JSON instead, so it checks an XML body's values against the schema like a JSON body's.
    """
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError as error:
        raise AssertionError(
            f"{what} is not well-formed XML ({error}): {content[:200]!r}"
        ) from None
    flat = _merged_schema(schema)
    if _merged_kind(flat) not in ("object", "array"):
        charset = next(
            (
                item.partition("=")[2].strip('" ')
                for item in media_type.split(";")[1:]
                if item.strip().lower().startswith("charset=")
            ),
            "utf-8",
        )
        return content.decode(charset or "utf-8", errors="surrogateescape")
    expected = flat["xml"].get("name")
    if isinstance(expected, str) and _local(root.tag) != expected:
        raise AssertionError(
            f"{what} has the root element <{_local(root.tag)}>; the document names it <{expected}>"
        )
    return _xml_read(root, schema)


def _xml_read(element: Any, schema: Any, depth: int = 0) -> Any:
    if element.get(_XSI_NIL) in ("true", "1"):
        return None
    flat = _merged_schema(schema)
    kind = _merged_kind(flat)
    if depth > 40:
        return element.text or ""
    if kind == "object":
        return _xml_object(element, flat, depth)
    if kind == "array":
        items = flat.get("items")
        name = _merged_schema(items)["xml"].get("name")
        return [
            _xml_read(child, items, depth + 1)
            for child in element
            if name is None or _local(child.tag) == name
        ]
    if kind is None and len(element):
        return _xml_any(element, depth)
    return _xml_scalar(element.text or "", kind)


def _xml_object(element: Any, flat: dict[str, Any], depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    claimed: set[str] = set()
    attributes = {_local(key): item for key, item in element.attrib.items()}
    for name, prop in (flat.get("properties") or {}).items():
        prop_flat = _merged_schema(prop)
        xml = prop_flat["xml"]
        tag = str(xml.get("name") or name)
        if xml.get("attribute"):
            if tag in attributes:
                value[name] = _xml_scalar(attributes[tag], _merged_kind(prop_flat))
            continue
        if _merged_kind(prop_flat) == "array" and not xml.get("wrapped"):
            items = prop_flat.get("items")
            item_tag = str(_merged_schema(items)["xml"].get("name") or tag)
            children = [child for child in element if _local(child.tag) == item_tag]
            claimed.add(item_tag)
            if children or name in (
                flat.get("required") or ()
            ):  # a required list without items has no element
                value[name] = [_xml_read(child, items, depth + 1) for child in children]
            continue
        child = next((child for child in element if _local(child.tag) == tag), None)
        if child is not None:
            value[name] = _xml_read(child, prop, depth + 1)
            claimed.add(tag)
    # Elements the properties do not name are the object's other members (map entries, or extras that
    # additionalProperties may forbid); repeated ones are a list.
    additional = flat.get("additionalProperties")
    extras: dict[str, Any] = {}
    for child in element:
        name = _local(child.tag)
        if name in claimed:
            continue
        item = (
            _xml_read(child, additional, depth + 1)
            if isinstance(additional, dict)
            else _xml_any(child, depth + 1)
        )
        if name in extras:
            extras[name] = (extras[name] if isinstance(extras[name], list) else [extras[name]]) + [
                item
            ]
        else:
            extras[name] = item
    return {**extras, **value}


def _xml_any(element: Any, depth: int) -> Any:
    """Elements the schema does not describe: children by name (repeated ones as a list), leaves as text."""
    if element.get(_XSI_NIL) in ("true", "1"):
        return None
    if not len(element) or depth > 40:
        return element.text or ""
    value: dict[str, Any] = {}
    for child in element:
        name = _local(child.tag)
        item = _xml_any(child, depth + 1)
        if name in value:
            value[name] = (value[name] if isinstance(value[name], list) else [value[name]]) + [item]
        else:
            value[name] = item
    return value


def _xml_scalar(text: str, kind: str | None) -> Any:
    """Element or attribute text as its schema type (XML Schema's lexical forms); text when it is not one."""
    stripped = text.strip()
    try:
        if kind == "integer":
            return int(stripped)
        if kind == "number":
            return int(stripped) if re.fullmatch(r"[+-]?\d+", stripped) else float(stripped)
    except ValueError:
        return text
    if kind == "boolean" and stripped in ("true", "false", "1", "0"):
        return stripped in ("true", "1")
    return text


_KNOWN_MEDIA = (
    "application/json",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "text/plain",
    "text/html",
    "application/xml",
)


def _media_types(document: dict[str, Any]) -> set[str]:
    """The media types of the request bodies and replies the document names."""
    components = document.get("components") or {}
    holders = [
        *(components.get("requestBodies") or {}).values(),
        *(components.get("responses") or {}).values(),
    ]
    for path_item in (document.get("paths") or {}).values():
        for operation in path_item.values() if isinstance(path_item, dict) else ():
            if isinstance(operation, dict):
                holders.append(operation.get("requestBody"))
                holders.extend(
                    (operation.get("responses") or {}).values()
                    if isinstance(operation.get("responses"), dict)
                    else ()
                )
    found: set[str] = set()
    for holder in map(_resolve, holders):
        if isinstance(holder, dict) and isinstance(holder.get("content"), dict):
            found.update(str(media).split(";")[0].strip().lower() for media in holder["content"])
    return found


def _part_media_types(document: dict[str, Any]) -> set[str]:
    """Multipart parts' `encoding.contentType`s, as openapi-core looks them up (the raw text)."""
    found: set[str] = set()
    for path_item in (document.get("paths") or {}).values():
        for operation in path_item.values() if isinstance(path_item, dict) else ():
            body = _resolve(operation.get("requestBody")) if isinstance(operation, dict) else None
            for media in (
                ((body or {}).get("content") or {}).values() if isinstance(body, dict) else ()
            ):
                encoding = media.get("encoding") if isinstance(media, dict) else None
                for item in encoding.values() if isinstance(encoding, dict) else ():
                    if isinstance(item, dict) and isinstance(item.get("contentType"), str):
                        found.add(item["contentType"])
    return found


def _plain_loads(value: bytes | str, **parameters: str) -> str:
    """Any text/* body as text (openapi-core reads only text/plain and text/html so; others as bytes)."""
    return (
        value
        if isinstance(value, str)
        else value.decode(parameters.get("charset") or "utf-8", errors="surrogateescape")
    )


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
    for media in _media_types(_validation_document()):  # a reply may be a `$ref` to another path's
        if _is_xml(media):
            deserializers[media] = (
                _json_loads  # the adapters hand XML bodies over as JSON (_xml_body_value)
            )
        elif _is_json_media(media) and media != "application/json":
            deserializers[media] = _json_loads
        elif media.startswith("text/") and media not in _KNOWN_MEDIA:
            deserializers[media] = _plain_loads
        elif media not in _KNOWN_MEDIA:  # bodies the client sends and reads as bytes
            deserializers[media] = _text_loads
    for media in _part_media_types(document):
        # A part of a media type no body has (OpenAI's `application/sdp` offer): read as its text,
        # where openapi-core, finding no reader, would leave it unchecked.
        if (
            media not in deserializers
            and media not in _KNOWN_MEDIA
            and not _is_xml(media)
            and "json" not in media
        ):
            deserializers[media] = _plain_loads
    # Every format keeps its wire value (the tests compare what was sent); openapi-core would also
    # refuse formats it does not know (e.g. bcp-47), which JSON Schema treats as annotations.
    formats = {name: _identity for name in _document_formats()}
    config = Config(
        spec_validator_cls=None,  # the generator validated the document already; this saves ~0.5 s per package
        extra_format_validators={"time": _rfc3339_time},
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


_FULL_TIME = re.compile(
    r"([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])"
)


def _rfc3339_time(value: object) -> bool:
    """`time` as JSON Schema defines it (RFC 3339 full-time, "16:39:57-08:00"); the validator's own
    checker is draft 3's HH:MM:SS, which refuses every offset and fraction."""
    return not isinstance(value, str) or _FULL_TIME.fullmatch(value) is not None


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
    server: str  # where the client sends it: BASE_URL, or the operation's own server
    prefix: str  # the path's literal start (before its first placeholder): a cheap first test


def _path_item(template: str) -> dict[str, Any]:
    """A documented path item, `$ref`s followed (a path item may reference another one)."""
    item = _resolve((openapi_document().get("paths") or {}).get(template))
    return item if isinstance(item, dict) else {}


def _own_server(operation: dict[str, Any], path_item: dict[str, Any]) -> str | None:
    """The server an operation documents for itself (its `servers`, else its path item's; an empty
    list overrides nothing), as the client uses it: the first, variables at their defaults,
    resolved against BASE_URL; default ports dropped, as httpx drops them from requests."""
    for holder in (operation, path_item):
        servers = holder.get("servers")
        if (
            isinstance(servers, list)
            and servers
            and isinstance(servers[0], dict)
            and isinstance(servers[0].get("url"), str)
        ):
            url = str(servers[0]["url"])
            for name, variable in (servers[0].get("variables") or {}).items():
                if isinstance(variable, dict):
                    url = url.replace("{" + str(name) + "}", str(variable.get("default", "")))
            url = "https:" + url if url.startswith("//") else url
            return str(httpx.URL(BASE_URL).join(url)).rstrip("/")
    return None


def _base_server() -> str:
    return str(httpx.URL(BASE_URL)).rstrip("/")


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
def _route_index(method: str) -> dict[str, dict[str | None, list[tuple[int, _Route]]]]:
    """The method's routes by server and by the first path segment they spell out (None: a route
    whose first segment holds a placeholder), each with its place in `_routes()`'s order."""
    index: dict[str, dict[str | None, list[tuple[int, _Route]]]] = {}
    for order, route in enumerate(_routes()):
        if route.method != method:
            continue
        start = route.prefix[1:]
        if "/" in start:
            segment: str | None = start.split("/", 1)[0]
        else:
            segment = start if "{" not in _url_template(route.template) else None
        index.setdefault(route.server, {}).setdefault(segment, []).append((order, route))
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
        segment = path[1:].split("/", 1)[0]
        for order, route in by_segment.get(segment, []) + by_segment.get(None, []):
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


def _is_object(schema: Any, depth: int = 0) -> bool:
    """An object schema, also one spelled as an `allOf` (AWS: `allOf: [{$ref: Entry}, {xml: ...}]`) or
    as a union of objects and null (OpenAI's `Metadata: anyOf: [{type: object}, {type: null}]`)."""
    schema = _resolve(schema)
    if not isinstance(schema, dict) or depth >= 10:
        return False
    if _schema_type(schema) == "object" or "properties" in schema:
        return True
    if any(_is_object(part, depth + 1) for part in schema.get("allOf") or []):
        return True
    options = _non_null_options(schema)
    return bool(options) and all(_is_object(option, depth + 1) for option in options)


def _non_null_options(schema: dict[str, Any]) -> list[Any]:
    """The options of a `oneOf`/`anyOf` other than `{type: "null"}`."""
    options = schema.get("oneOf") or schema.get("anyOf") or []
    return [
        option
        for option in options
        if not (isinstance(_resolve(option), dict) and _resolve(option).get("type") == "null")
    ]


def _properties(schema: Any, depth: int = 0) -> set[str] | None:
    """Property names of an object schema (allOf merged, a union's options joined); None when any
    name is allowed."""
    schema = _resolve(schema)
    if not isinstance(schema, dict) or depth >= 10:
        return None
    names = set((schema.get("properties") or {}).keys())
    for part in list(schema.get("allOf") or []) + _non_null_options(schema):
        more = _properties(part, depth + 1)
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
    alternatives = [tuple(item) for item in _meetable(requirements)]
    return alternatives or [()]


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
        self._body = _body_for_validation(
            request.content,
            request.headers.get("content-type"),
            lambda media: _request_schema(route, media),
            f"the {request.method} request body",
        )
        self.path_pattern = httpx.URL(route.server).path.rstrip("/") + _url_template(route.template)
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
        return self._body

    @property
    def content_type(self) -> str:
        return _folded_media_type(str(self.request.headers.get("content-type", "")))


def _folded_media_type(value: str) -> str:
    """The type and subtype in lower case (they ignore case), the parameters as sent: openapi-core
    matches them to the document's spelling (`text/html; charset=UTF-8`) as written."""
    base, separator, parameters = value.partition(";")
    return base.strip().lower() + (separator + parameters if separator else "")


def _body_for_validation(
    content: bytes, content_type: str | None, schema_of: Callable[[str], Any], what: str
) -> bytes | None:
    """The body openapi-core is given: an XML body as the JSON of what it says (see `_xml_body_value`)."""
    if not content:
        return None
    if content_type is not None and _is_xml(content_type):
        media = content_type.split(";")[0].strip().lower()
        return json_bytes(_xml_body_value(content, schema_of(media), content_type, what))
    return content


def _path_values(route: _Route, url: httpx.URL, parameters: list[dict[str, Any]]) -> dict[str, Any]:
    path = _relative_path(url, route.server) or ""
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
            or style not in ("form", "deepObject")
            or not parameter.get("explode", True)
            or not _is_object(parameter.get("schema"))
        ):
            continue
        if style == "deepObject":
            if _nested_members(
                parameter
            ):  # `name[key]=<JSON text>`: the members, read as the form case reads them
                name = str(parameter.get("name"))
                inner = [
                    (key[len(name) + 1 : -1], value)
                    for key, value in pairs
                    if key.startswith(name + "[") and key.endswith("]")
                ]
                added += _json_object(parameter, set(), inner)
            continue
        if _nested_members(parameter):
            added += _json_object(parameter, documented, pairs)
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


def _json_object(
    parameter: dict[str, Any], documented: set[str], pairs: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The members of an exploded object with nested members as one JSON object text: members of an
    object or array schema are the JSON the client sent, the others typed as their schema says."""
    flat = _merged_schema(parameter["schema"])
    properties = flat.get("properties") or {}
    additional = flat.get("additionalProperties")
    value: dict[str, Any] = {}
    for key, text in pairs:
        if key in properties:
            member: Any = properties[key]
        elif additional not in (None, False) and key not in documented:
            member = additional
        else:
            continue
        kind = _merged_kind(_merged_schema(member))
        if kind in ("object", "array"):
            try:
                value[key] = json.loads(text)
            except ValueError:
                value[key] = text
        else:
            value[key] = _typed(text, kind)
    name = str(parameter.get("name"))
    return [(name, json.dumps(value))] if value and name not in dict(pairs) else []


class OpenAPIResponse:
    """An `httpx.Response` as openapi-core's response protocol."""

    def __init__(self, response: httpx.Response, route: _Route) -> None:
        self.response = response
        self._data = _body_for_validation(
            response.content,
            response.headers.get("content-type"),
            lambda media: _response_schema(route, response.status_code, media),
            f"the {response.status_code} reply",
        )

    @property
    def status_code(self) -> int:
        return self.response.status_code

    @property
    def content_type(self) -> str:
        return _folded_media_type(str(self.response.headers.get("content-type", "")))

    @property
    def headers(self) -> Headers:
        return Headers(list(self.response.headers.multi_items()))

    @property
    def data(self) -> bytes | None:
        return self._data


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


def media_type(request: httpx.Request) -> str | None:
    """The request's media type (lower case, no parameters), or None."""
    value = request.headers.get("content-type")
    return value.split(";")[0].strip().lower() if value else None


def _raw_body(request: httpx.Request, route: _Route) -> Any:
    """The body as a test reads it: JSON parsed; form fields as text; multipart parts (files as bytes);
    XML as the value its schema describes (or its text)."""
    content = request.content
    media = media_type(request)
    if not content:
        # An empty text or byte body that says what it is (a documented empty example) is that empty value.
        if media is not None and media.startswith("text/"):
            return ""
        return b"" if media == "application/octet-stream" else None
    if media is not None and _is_xml(media):
        value = _xml_body_value(
            content,
            _request_schema(route, media),
            request.headers.get("content-type", ""),
            "the request body",
        )
        if not isinstance(value, str):
            return value  # otherwise text or bytes, as below
    if media is not None and _is_json_media(media):
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
        if (
            location == "cookie"
            and parameter.get("in") == "header"
            and str(parameter.get("name", "")).lower() == "cookie"
        ):
            return None  # a documented `Cookie` header parameter (VTEX): its text names the cookies
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


def _carried_credentials(alternative: tuple[str, ...]) -> set[tuple[str, str]]:
    """Where the chosen credentials travel ((location, name); header names in lower case)."""
    carried: set[tuple[str, str]] = set()
    for scheme in alternative:
        credential = CREDENTIALS.get(scheme)
        if credential is not None and credential.location:
            carried.add(
                (
                    credential.location,
                    credential.name.lower() if credential.location == "header" else credential.name,
                )
            )
    return carried


def _without(carried: set[tuple[str, str]], location: str, read: dict[str, Any]) -> dict[str, Any]:
    """A documented parameter where a credential travels holds the credential: `security` checked it,
    and the client takes no argument for it."""
    kept = {
        name: value
        for name, value in read.items()
        if (location, name.lower() if location == "header" else name) not in carried
    }
    if location == "query":
        # a free-form object exploded into the query also reads the credential's name
        kept = {name: _without_credential_keys(carried, value) for name, value in kept.items()}
    return kept


def _without_credential_keys(carried: set[tuple[str, str]], value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    return {key: item for key, item in value.items() if ("query", key) not in carried}


def _one_per_header(route: _Route, read: dict[str, Any]) -> dict[str, Any]:
    """openapi-core reads a header once per documented spelling; keep the one `_parameters` keeps."""
    kept = {
        str(parameter.get("name"))
        for parameter in _parameters(route)
        if parameter.get("in") == "header"
    }
    return {
        name: value
        for name, value in read.items()
        if name in kept or name.lower() not in {item.lower() for item in kept}
    }


def read_call(request: httpx.Request, expected: tuple[str, str] | None = None) -> Call:
    """Check one request against the document; raise `ContractViolation` describing the violations.

    `expected` is the (method, path template) of the operation the request must be for.
    """
    route = _route(request.method, request.url, expected[1] if expected else None)
    where = f"{request.method} {request.url.copy_with(query=None)}"
    if route is None:
        raise ContractViolation(f"the document has no operation for {where}")
    if expected is not None and (route.method, route.template) != (
        expected[0].upper(),
        expected[1],
    ):
        raise ContractViolation(
            f"expected a request for {expected[0]} {expected[1]}, got {where} (that is {route.method} {route.template})"
        )
    with warnings.catch_warnings():
        warnings.simplefilter(
            "ignore"
        )  # openapi-core warns that it cannot check oauth2; _satisfied does
        result = validator(route.template).unmarshal_request(OpenAPIRequest(request, route))
    if result.errors:
        raise ContractViolation(
            f"{where} ({route.operation_id or route.template}) violates the document:\n{describe_errors(list(result.errors))}\n"
            "(If the test sends the document's own example values, see its _check_*_request, the example may not match its schema.)",
            tuple(result.errors),
        )
    # The alternative the request meets in full with the most credentials: with `security: [{}, {key: []}]`
    # a request that carries the key uses it, though the empty alternative is met as well.
    met = [alternative for alternative in _security(route) if _satisfied(alternative, request)]
    chosen = max(met, key=len) if met else None
    if chosen is None:
        raise ContractViolation(
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
            raise ContractViolation(
                f"{where} ({route.operation_id}) sends undocumented {location} parameter(s) {unknown}",
                undocumented=tuple((location, name) for name in unknown),
            )
    parameters = result.parameters
    carried = _carried_credentials(chosen)
    return Call(
        request=request,
        path_template=route.template,
        operation_id=route.operation_id,
        path_params=dict(parameters.path),
        query=_without(carried, "query", dict(parameters.query)),
        headers=_without(carried, "header", _one_per_header(route, dict(parameters.header))),
        cookies=_without(carried, "cookie", dict(parameters.cookie)),
        content_type=media_type(request),
        body=_raw_body(request, route),
        security=chosen,
    )


def check_reply(
    request: httpx.Request, response: httpx.Response, expected: tuple[str, str]
) -> None:
    """Check a reply to `request` (for the operation `expected`: method, path template) against the
    document; raise `ContractViolation` describing the violations."""
    route = _route(request.method, request.url, expected[1])
    if route is None:
        raise ContractViolation(
            f"the document has no operation for {request.method} {request.url.copy_with(query=None)}"
        )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # Validated, not unmarshalled: the same checks, and the parsed value is the client's business
        # (unmarshalling GitHub's replies took three times as long as checking them).
        errors = list(
            validator(route.template).iter_response_errors(
                OpenAPIRequest(request, route), OpenAPIResponse(response, route)
            )
        )
    if errors:
        raise ContractViolation(
            f"the test's {response.status_code} reply for {expected[0]} {expected[1]} does not match the document "
            f"(fix the example in the spec):\n{describe_errors(errors)}",
            tuple(errors),
        )


def is_request_for(request: httpx.Request, method: str, path: str) -> bool:
    """Whether `request` is for the documented operation (`method`, `path` template)."""
    route = _route(request.method, request.url, path)
    return route is not None and (route.method, route.template) == (method.upper(), path)


def check_token_request(request: httpx.Request) -> None:
    """An OAuth2 token request, held to the document when it describes the token endpoint."""
    route = _route(request.method, request.url)
    # Not when the document describes its token endpoint with a body other than the form RFC 6749
    # prescribes (fulfillment.com's JSON), which the client does not send.
    if route is None or not _documents_token_form(route):
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = validator(route.template).unmarshal_request(OpenAPIRequest(request, route))
    if result.errors:
        raise ContractViolation(
            f"the token request violates the document:\n{describe_errors(list(result.errors))}",
            tuple(result.errors),
        )


def json_bytes(value: Any) -> bytes:
    """A JSON reply body as the test server sends it."""
    return json.dumps(value, ensure_ascii=False).encode("utf-8")
