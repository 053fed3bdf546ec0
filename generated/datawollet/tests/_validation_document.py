"""The OpenAPI document the DataWollet API - tokens, extraction sessions and envelope access client's tests ship (`openapi.json`), and the
lookups every check makes in it: references, schema types and properties, media types, path items
and their servers. Also what the tests send with: the test server's URL and the dummy credentials.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx

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
    """A request or reply the document does not allow. `errors` holds the reader's findings (none
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


@lru_cache(maxsize=None)
def openapi_document() -> dict[str, Any]:
    """The document this package was generated from."""
    data = json.loads(SPEC_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _is_json_media(base: str) -> bool:
    """JSON as the client reads it (`application/json`, `*+json`, `text/json`: generator/parse/operations.py)."""
    return base == "application/json" or base.endswith(("+json", "/json"))


def _replace_at(data: Any, pointer: str, value: Any) -> None:
    """Put `value` where the JSON pointer `pointer` ("#/a/b~1c") points."""
    tokens = [
        part.replace("~1", "/").replace("~0", "~")
        for part in pointer.lstrip("#").lstrip("/").split("/")
    ]
    if (
        tokens[:2] == ["components", "schemas"]
        and len(tokens) > 2
        and tokens[2] not in data["components"]["schemas"]
    ):
        return  # a schema no operation reaches: this copy of the document left it out
    for token in tokens[:-1]:
        data = data[int(token)] if isinstance(data, list) else data[token]
    if isinstance(data, list):
        data[int(tokens[-1])] = value
    else:
        data[tokens[-1]] = value  # the generator found the place in this very document


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
    """A text part of a scalar property as its typed value (object parts are read as JSON by their content type)."""
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


_KNOWN_MEDIA = (
    "application/json",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "text/plain",
    "text/html",
    "application/xml",
)


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


def _folded_media_type(value: str) -> str:
    """The type and subtype in lower case (they ignore case), the parameters as sent: the checks
    matches them to the document's spelling (`text/html; charset=UTF-8`) as written."""
    base, separator, parameters = value.partition(";")
    return base.strip().lower() + (separator + parameters if separator else "")


def media_type(request: httpx.Request) -> str | None:
    """The request's media type (lower case, no parameters), or None."""
    value = request.headers.get("content-type")
    return value.split(";")[0].strip().lower() if value else None


def _resolve(item: Any) -> Any:
    seen = 0
    while (
        isinstance(item, dict)
        and isinstance(item.get("$ref"), str)
        and item["$ref"].startswith("#/")
        and seen < 20
    ):
        item = _referenced(item["$ref"])
        seen += 1
    return item


@lru_cache(maxsize=None)
def _referenced(pointer: str) -> Any:
    """What a local `$ref` points at in the document (which never changes: looked up once per pointer;
    the walk may pass through lists, ".../parameters/0")."""
    return _pointer_target(openapi_document(), pointer)


def json_bytes(value: Any) -> bytes:
    """A JSON reply body as the test server sends it."""
    return json.dumps(value, ensure_ascii=False).encode("utf-8")
