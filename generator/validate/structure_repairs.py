"""Structural defects (errors against the OpenAPI schema) that leave one reading, and that reading.

`repair` gets one explained error (`messages.Finding`) and the document's working copy; when the
defect has a single honest reading it edits the copy to say it and returns what it did, else None
(the caller then refuses the document with the finding's sentence):

- a member OpenAPI does not define for that object: ignored (dropped from the copy); Swagger 2
  schema fields on a parameter move into its `schema`; a path without its leading `/` gets one;
  `2xx` is `2XX`;
- a required member with a neutral value: a response's or header's `description` (empty), `info`'s
  `title`/`version` (empty), an operation's `responses` (any reply), 3.0's `paths` (none), a
  parameter's `schema` (a string), a path parameter's `required: true`;
- `null` where an object belongs: absent (a fixed field) or empty (an entry of a map, e.g. a media
  type with no schema);
- a parameter `style` its location does not allow: the location's default;
- an empty list that must not be empty, or one that repeats an item: absent, or each item once;
- a scalar of the wrong JSON type that converts without loss (`description: 12`, `deprecated: "true"`).
"""

from __future__ import annotations

import re
from typing import Any

from .messages import MISSING as _MISSING
from .messages import TYPE_ALIASES, Finding, article, child, short

_SCHEMA_FIELDS_OF_SWAGGER2 = (
    "type", "format", "items", "enum", "default", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "multipleOf",
)
_INFO_FIELDS = ("license", "contact", "termsOfService")
_NEUTRAL_REQUIRED: dict[tuple[str, str], tuple[Any, str]] = {
    ("response", "description"): ("", "an empty description"),
    ("header", "description"): ("", "an empty description"),
    ("info", "title"): ("", "an empty title"),
    ("info", "version"): ("", "an empty version"),
    ("license", "name"): ("", "an empty name"),
    ("operation", "responses"): ({"default": {"description": ""}}, "any response (default)"),
    ("openapi", "paths"): ({}, "no paths"),
    ("openapi", "info"): ({"title": "", "version": ""}, "an empty title and version"),
    ("server variable", "default"): ("", "an empty default"),
}
# Members whose null means "not given": removed. Null elsewhere (an entry of a map) is an empty object.
_FIXED_FIELDS = frozenset(
    {
        "schema", "content", "description", "summary", "items", "properties", "parameters", "responses", "requestBody",
        "headers", "servers", "tags", "security", "components", "externalDocs", "examples", "example", "encoding",
        "callbacks", "links", "variables", "discriminator", "xml", "additionalProperties", "allOf", "anyOf", "oneOf",
        "not", "required", "enum", "format", "title", "contact", "license", "termsOfService", "operationId",
        "deprecated", "nullable", "readOnly", "writeOnly", "style", "explode", "allowReserved", "allowEmptyValue",
        "webhooks", "paths", "default", "pattern", "type",
    }
)


def repair(finding: Finding, data: dict[str, Any], version: str) -> str | None:
    """Edit `data` for `finding` when it has one reading; the note saying what was read, or None."""
    holder = _at(data, finding.path)
    if holder is _MISSING:
        return None
    keyword = finding.keyword
    if keyword in ("additionalProperties", "unevaluatedProperties") and finding.member is not None and isinstance(holder, dict):
        return _unexpected_member(finding, holder, finding.member, version)
    if keyword == "required" and isinstance(holder, dict):
        return _missing_member(finding, holder)
    if keyword == "type":
        return _wrong_type(finding, data)
    if keyword in ("enum", "const"):
        return _not_allowed_value(finding, data)
    if keyword in ("minItems", "minProperties") and finding.member is not None and finding.path:
        parent = _at(data, finding.path[:-1])
        if isinstance(parent, dict) and finding.member in parent and not parent[finding.member]:
            del parent[finding.member]
            return f"'{finding.member}' is empty; ignored"
    if keyword == "not" and finding.kind == "responses" and finding.path and isinstance(holder, dict):
        # Swagger 2.0's schema asks for one response code with a `not` (not only extensions).
        parent = _at(data, finding.path[:-1])
        only_extensions = all(str(key).startswith("x-") for key in holder)
        if only_extensions and isinstance(parent, dict) and parent.get("responses") is holder:
            del parent["responses"]
            return "'responses' has no response code; ignored"
    if keyword == "pattern" and finding.instance == "" and finding.path and finding.member is not None:
        parent = _at(data, finding.path[:-1])
        if isinstance(parent, dict) and parent.get(finding.member) == "":
            del parent[finding.member]
            return f"{_label(finding)} is empty; read as not given"
    if keyword == "uniqueItems" and isinstance(holder, list):
        unique: list[Any] = []
        for item in holder:
            if item not in unique:
                unique.append(item)
        repeated = [item for item in holder if holder.count(item) > 1]
        holder[:] = unique
        return f"{_label(finding)} lists {short(repeated[0]) if repeated else 'an item'} more than once; read once"
    return None


def still_there(finding: Finding, data: dict[str, Any]) -> bool:
    """Whether the place `finding` was found at is still in `data` (a repair may have removed it)."""
    return _at(data, finding.path) is not _MISSING


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    node = data
    for token in path:
        node = child(node, token)
        if node is _MISSING:
            break
    return node


def _label(finding: Finding) -> str:
    return f"'{finding.member}'" if finding.member is not None else "this value"


def _unexpected_member(finding: Finding, holder: dict[str, Any], member: str, version: str) -> str | None:
    if member not in holder:
        return None
    if finding.kind == "paths":
        stripped = member.strip()
        target = stripped if stripped.startswith("/") else "/" + stripped
        if target in holder or not stripped:
            return None
        _rename(holder, member, target)
        return f"path {member!r} does not start with '/'; read as {target!r}"
    if finding.kind == "responses":
        code = member.strip().upper()
        target = "default" if code == "DEFAULT" else code
        if target != member and (code == "DEFAULT" or re.fullmatch(r"[1-5]([0-9]{2}|XX)", code)) and target not in holder:
            _rename(holder, member, target)
            return f"response code {member!r} is not written as OpenAPI writes codes; read as {target!r}"
        del holder[member]
        return f"{member!r} is not a response code (100-599, 1XX-5XX or default); that response is ignored"
    if finding.kind in ("parameter", "header") and member in _SCHEMA_FIELDS_OF_SWAGGER2 and "schema" not in holder and "content" not in holder:
        moved = [name for name in _SCHEMA_FIELDS_OF_SWAGGER2 if name in holder]
        holder["schema"] = {name: holder.pop(name) for name in moved}
        holder.pop("collectionFormat", None)
        return f"{', '.join(moved)} on a {finding.kind} is Swagger 2.0; read as its schema"
    if finding.kind == "openapi" and member in _INFO_FIELDS and isinstance(holder.get("info"), dict) and member not in holder["info"]:
        holder["info"][member] = holder.pop(member)
        return f"'{member}' belongs in info, not at the document's root; read as info.{member}"
    del holder[member]
    what = article(finding.kind) if finding.kind not in ("openapi", "") else "the document's root"
    return f"'{member}' is not a field of {what} in {'Swagger' if version == '2.0' else 'OpenAPI'} {version}; ignored"


def _rename(holder: dict[str, Any], old: str, new: str) -> None:
    """Rename a key keeping the order of members (the order of paths is the order of methods)."""
    items = [(new if key == old else key, value) for key, value in holder.items()]
    holder.clear()
    holder.update(items)


def _missing_member(finding: Finding, holder: dict[str, Any]) -> str | None:
    member = finding.member
    if member is None or member in holder:
        return None
    if finding.kind in ("parameter", "path parameter") and member == "required" and holder.get("in") == "path":
        holder["required"] = True
        return f"path parameter {short(holder.get('name'))} is not marked required; read as required (path parameters always are)"
    if finding.kind.endswith("parameter") and member == "type" and holder.get("in") in ("path", "query", "header", "formData"):
        return _swagger2_parameter_type(holder)
    if finding.kind == "parameter" and member in ("schema", "content") and "content" in finding.others + (member,) and "schema" not in holder and "content" not in holder:
        holder["schema"] = {"type": "string"}
        return f"parameter {short(holder.get('name'))} has neither schema nor content; read as a string"
    if finding.kind == "responses" and member == "default":
        # 3.1's schema asks for `default` when no member is a code: `2xx` is one, spelled in lower case
        for name in list(holder):
            code = str(name).strip().upper()
            if code != name and re.fullmatch(r"[1-5]([0-9]{2}|XX)", code) and code not in holder:
                _rename(holder, name, code)
                return f"response code {name!r} is not written as OpenAPI writes codes; read as {code!r}"
        if any(re.fullmatch(r"[1-5]([0-9]{2}|XX)", str(name)) for name in holder):
            return ""  # a code spelled in lower case was renamed for the finding before this one
    neutral = _NEUTRAL_REQUIRED.get((finding.kind, member))
    if neutral is None:
        return None
    value, reading = neutral
    holder[member] = _fresh(value)
    return f"{finding.text}; read as {reading}"


# The members a Swagger 2.0 non-body parameter shares with a schema (what a `schema` written there means).
_PARAMETER_SCHEMA_MEMBERS = ("type", "format", "items", "enum", "default", "minimum", "maximum", "minLength", "maxLength", "pattern")


def _swagger2_parameter_type(holder: dict[str, Any]) -> str:
    """A Swagger 2.0 query, path, header or form parameter without `type`: written with a 3.x
    `schema` (flasgger's `{in: header, schema: {type: string}}`), or with nothing."""
    schema = holder.get("schema")
    if isinstance(schema, dict) and isinstance(schema.get("type"), str) and schema["type"] in ("string", "number", "integer", "boolean", "array"):
        del holder["schema"]
        for key in _PARAMETER_SCHEMA_MEMBERS:
            if key in schema:
                holder.setdefault(key, _fresh(schema[key]))
        return f"parameter {short(holder.get('name'))} gives its type in a `schema` (OpenAPI 3 style); read as type {short(holder['type'])}"
    holder["type"] = "string"
    return f"parameter {short(holder.get('name'))} has no type; read as a string"


def _fresh(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _fresh(item) for key, item in value.items()}
    return value


def _wrong_type(finding: Finding, data: dict[str, Any]) -> str | None:
    if not finding.path:
        return None
    parent = _at(data, finding.path[:-1])
    key = finding.path[-1]
    if not isinstance(parent, (dict, list)):
        return None
    value = finding.instance
    expected = finding.expected if isinstance(finding.expected, list) else [finding.expected]
    if value is None:
        if isinstance(parent, dict) and (str(key) in _FIXED_FIELDS or "object" not in expected):
            del parent[key]
            return f"{_label(finding)} is null; read as not given"
        if "object" in expected:
            parent[key] = {}  # type: ignore[index]
            return f"{_label(finding)} is null; read as {'an empty object' if finding.kind in ('', 'openapi') else 'empty: ' + article(finding.kind)}"
        return None
    converted = _scalar(value, expected)
    if converted is _MISSING:
        return None
    parent[key] = converted  # type: ignore[index]
    return f"{_label(finding)} is {short(value)}, not {' or '.join(map(str, expected))}; read as {short(converted)}"


def _scalar(value: Any, expected: list[Any]) -> Any:
    if "string" in expected and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if "string" in expected and isinstance(value, bool):
        return "true" if value else "false"
    if "boolean" in expected and isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    if "integer" in expected and isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return _MISSING


def _not_allowed_value(finding: Finding, data: dict[str, Any]) -> str | None:
    if not finding.path:
        return None
    parent = _at(data, finding.path[:-1])
    if not isinstance(parent, dict):
        return None
    declared = parent.get("type")
    if finding.member == "type" and isinstance(declared, str) and declared.lower() in TYPE_ALIASES:
        parent["type"] = TYPE_ALIASES[declared.lower()]
        return f"type {short(declared)} is no type name; read as {short(parent['type'])}"
    if finding.kind == "parameter" and finding.member == "style" and "style" in parent:
        style = parent.pop("style")
        return f"style {short(style)} is not allowed for a {parent.get('in')} parameter; read as its default"
    if finding.kind == "parameter" and finding.member == "required" and parent.get("in") == "path" and parent.get("required") is not True:
        parent["required"] = True
        return f"path parameter {short(parent.get('name'))} has required: {short(finding.instance)}; read as required (path parameters always are)"
    return None
