"""Bodies as the checks read them, by media type: multipart parts typed as their properties say, text
and binary bodies as text, JSON under any JSON media type.

XML bodies are read element by element as their schema and its `xml` objects describe them (a reader
of its own, not the client's), and openapi-core checks the values found like a JSON body's; an XML
body described as a string must still be well-formed XML. Bodies of other media types are checked for
their content type, and the tests compare their exact bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from email import message_from_bytes
from email.message import Message
from typing import Any
from xml.etree import ElementTree

from werkzeug.datastructures import ImmutableMultiDict

from ._validation_document import (
    _merged_kind,
    _merged_schema,
    _path_item,
    _resolve,
    _schema_type,
    _typed,
)


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


_XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"


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
