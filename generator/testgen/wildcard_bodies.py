"""Request bodies documented under a wildcard media type (`*/*`, `application/*`) whose schema is
JSON-shaped: the client sends them as application/json (parse/operations.py reads them so, as it
reads such replies), and the contract checks must read that JSON as JSON. A checker that matches
`application/json` to the document's `*/*` deserializes by the documented type, which names no
format: it would compare the JSON text, a string, with the object schema. So the checks' copy of
the document names the type the client sends."""

from __future__ import annotations

from typing import Any

from ..ground.pointers import follow_refs

_WILDCARDS = ("*/*", "application/*")
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")
_JSON = "application/json"


def name_json_bodies(document: dict[str, Any]) -> None:
    """Re-key, in place, each JSON-shaped wildcard request body of `document` to application/json."""
    for item in (document.get("paths") or {}).values():
        item = follow_refs(document, item)
        if not isinstance(item, dict):
            continue
        for method in _METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                _rekey(document, follow_refs(document, operation.get("requestBody")))


def _rekey(document: dict[str, Any], body: Any) -> None:
    content = body.get("content") if isinstance(body, dict) else None
    if not isinstance(content, dict) or _JSON in content:
        return
    for media_type in list(content):
        if str(media_type).split(";")[0].strip().lower() in _WILDCARDS and _json_shaped(document, content[media_type]):
            content[_JSON] = content.pop(media_type)
            return


def _json_shaped(document: dict[str, Any], media: Any) -> bool:
    """The test parse/operations.py makes: an object, array, number or boolean schema."""
    schema = follow_refs(document, media.get("schema")) if isinstance(media, dict) else None
    if not isinstance(schema, dict):
        return False
    return schema.get("type") in ("object", "array", "integer", "number", "boolean") or any(key in schema for key in ("properties", "items", "allOf"))
