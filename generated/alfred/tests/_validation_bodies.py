"""Bodies as the checks read them, by media type: multipart parts typed as their properties say, text
and binary bodies as text, JSON under any JSON media type.

XML bodies are read element by element as their schema and its `xml` objects describe them (a reader
of its own, not the client's), and their values are checked like a JSON body's; an XML
body described as a string must still be well-formed XML. Bodies of other media types are checked for
their content type, and the tests compare their exact bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from email import message_from_bytes
from email.message import Message
from typing import Any
from urllib.parse import parse_qsl
from xml.etree import ElementTree

from ._validation_document import (
    _KNOWN_MEDIA,
    _is_json_media,
    _is_xml,
    _merged_kind,
    _merged_schema,
    _path_item,
    _resolve,
    _schema_type,
    _typed,
    openapi_document,
)
from ._validation_prepared import validation_document
from ._validation_schemas import (
    CastError,
    MediaTypeDeserializeError,
    StyleDeserializeError,
    _resolved,
    cast,
    is_valid,
    read_str,
)
from ._validation_styles import STYLES


class Pairs:
    """Names and their values in the order they came, several per name allowed; `folded`: names
    ignore case (headers). A name's value is its first one; `getlist` gives them all."""

    def __init__(self, pairs: list[tuple[str, Any]], folded: bool = False) -> None:
        self.pairs = pairs
        self.folded = folded

    def _key(self, name: str) -> str:
        return name.lower() if self.folded else name

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and any(
            self._key(key) == self._key(name) for key, _ in self.pairs
        )

    def __getitem__(self, name: str) -> Any:
        for key, value in self.pairs:
            if self._key(key) == self._key(name):
                return value
        raise KeyError(name)

    def getlist(self, name: str) -> list[Any]:
        return [value for key, value in self.pairs if self._key(key) == self._key(name)]

    def keys(self) -> list[str]:
        return list(dict.fromkeys(key for key, _ in self.pairs))

    def items(self) -> Iterator[tuple[str, Any]]:
        for key in self.keys():
            yield key, self[key]

    def first_values(self) -> dict[str, Any]:
        return dict(self.items())


def _identity(value: Any) -> Any:
    return value


def _text_loads(value: Any, **parameters: str) -> Any:
    """A binary body read as text: OAS 3.1 types binary content `string`, which bytes do not satisfy.
    A multipart part arrives read already (`_multipart_loader`): as text (OpenAI's `application/sdp`),
    or as the value its property's type says (a `stream` part under `anyOf: [boolean, null]`, which
    has no `type` of its own and so the default content type application/octet-stream)."""
    return value.decode("utf-8", errors="surrogateescape") if isinstance(value, bytes) else value


def _json_loads(value: bytes, **parameters: str) -> Any:
    return json.loads(value)


def _multipart_loader(document: dict[str, Any], template: str) -> Callable[..., Pairs]:
    """A multipart/form-data reader for the operations of one path.

    Parts are read as text (file parts too, so OAS 3.1 `string` schemas accept them) and converts parts whose property is typed integer,
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

    def loads(value: bytes, **parameters: str) -> Pairs:
        pairs = [
            (name, _typed(_part_text(part), types.get(name)))
            for name, part in _multipart_parts(value, parameters.get("boundary", ""))
        ]
        return Pairs(pairs)

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

    The checks read this value as JSON, so an XML body's values are checked against the schema like a
    JSON body's.
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
    """Multipart parts' `encoding.contentType`s, as they are looked up (the raw text)."""
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
    """Any text/* body as text."""
    return (
        value
        if isinstance(value, str)
        else value.decode(parameters.get("charset") or "utf-8", errors="surrogateescape")
    )


# -- a body of each media type read for its check


def _binary_loads(value: Any, **parameters: str) -> Any:
    return value


def _charset_loads(value: Any, **parameters: str) -> Any:
    """text/plain and text/html: text in the charset the content type names (bytes that are not in
    it, as surrogates)."""
    if isinstance(value, bytes):
        try:
            return value.decode(parameters.get("charset", "utf-8"))
        except UnicodeDecodeError:
            return value.decode("ASCII", errors="surrogateescape")
    return value


def _urlencoded_loads(value: bytes, **parameters: str) -> Pairs:
    return Pairs(parse_qsl(value.decode("utf-8"), keep_blank_values=True))


_STANDARD_READERS: dict[str, Callable[..., Any]] = {
    "text/html": _charset_loads,
    "text/plain": _charset_loads,
    "application/json": _json_loads,
    "application/vnd.api+json": _json_loads,
    "application/x-www-form-urlencoded": _urlencoded_loads,
}


def _readers(template: str) -> dict[str, Callable[..., Any]]:
    """The reader of each media type the document uses (the body's bytes to a value), for the operations of one path."""
    if template in _READERS:
        return _READERS[template]
    readers = dict(_STANDARD_READERS)
    readers["multipart/form-data"] = _multipart_loader(openapi_document(), template)
    for media in _document_media():  # a reply may be a `$ref` to another path's
        if _is_xml(media) or (_is_json_media(media) and media != "application/json"):
            readers[media] = (
                _json_loads  # an XML body arrives as the JSON of what it says (_xml_body_value)
            )
        elif media.startswith("text/") and media not in _KNOWN_MEDIA:
            readers[media] = _plain_loads
        elif media not in _KNOWN_MEDIA:  # bodies the client sends and reads as bytes: their text
            readers[media] = _text_loads
    for media in _part_media():
        # A part of a media type no body has (OpenAI's `application/sdp` offer): read as its text.
        if (
            media not in readers
            and media not in _KNOWN_MEDIA
            and not _is_xml(media)
            and "json" not in media
        ):
            readers[media] = _plain_loads
    _READERS[template] = readers
    return readers


_READERS: dict[str, dict[str, Callable[..., Any]]] = {}
_MEDIA: list[frozenset[str]] = []


def _document_media() -> frozenset[str]:
    if not _MEDIA:
        _MEDIA.append(frozenset(_media_types(validation_document())))
        _MEDIA.append(frozenset(_part_media_types(validation_document())))
    return _MEDIA[0]


def _part_media() -> frozenset[str]:
    _document_media()
    return _MEDIA[1]


def body_reader(
    mimetype: str, media: dict[str, Any], template: str, purpose: str
) -> Callable[..., Any]:
    """How a body documented as `media` under `mimetype` (the documented key a range matched, else
    the sent type) is read: by the media type's reader; form and multipart fields each by its
    property's schema (`_FormReader`)."""
    readers = _readers(template)
    reader: Callable[..., Any] = readers.get(mimetype, _binary_loads)
    if mimetype != "application/x-www-form-urlencoded" and not mimetype.startswith("multipart"):
        return reader
    if "schema" not in media:
        return reader
    encoding = _resolved(media.get("encoding")) if "encoding" in media else None
    form = _FormReader(readers, mimetype, encoding, purpose)

    def read(value: Any, **parameters: str) -> Any:
        return form.fields(media["schema"], reader(value, **parameters))

    return read


class _FormReader:
    """Form and multipart fields read by their properties' schemas: a urlencoded field as the form
    style writes it, a part by its content type (the encoding's, else the one its type implies);
    the options of a `oneOf`/`anyOf` and the typed `allOf` parts a body satisfies lend theirs."""

    def __init__(
        self, readers: dict[str, Callable[..., Any]], mimetype: str, encoding: Any, purpose: str
    ) -> None:
        self.readers = readers
        self.mimetype = mimetype
        self.encoding = encoding
        self.purpose = purpose

    def fields(self, schema: Any, location: Pairs, only_schema: bool = False) -> dict[str, Any]:
        schema = _resolved(schema)
        if not isinstance(schema, dict):
            schema = {}
        found: dict[str, Any] = {}
        first = location.first_values() if isinstance(location, Pairs) else location
        for option in schema.get("oneOf") or []:
            if is_valid(option, self._cast_copy(option, first), self.purpose):
                found.update(self.fields(option, location, True))
                break
        for option in schema.get("anyOf") or []:
            if is_valid(option, self._cast_copy(option, first), self.purpose):
                found.update(self.fields(option, location, True))
        for part in schema.get("allOf") or []:
            if (
                isinstance(_resolved(part), dict)
                and "type" in _resolved(part)
                and is_valid(part, first, self.purpose)
            ):
                found.update(self.fields(part, location, True))
        for name, member in (schema.get("properties") or {}).items():
            try:
                found[name] = self._field(str(name), member, location)
            except KeyError:
                if isinstance(_resolved(member), dict) and "default" in _resolved(member):
                    found[name] = _resolved(member)[
                        "default"
                    ]  # (the tests' copy of the document has none left)
        return found

    def _cast_copy(self, option: Any, first: dict[str, Any]) -> Any:
        try:
            return cast(option, dict(first), self.purpose)
        except Exception:
            return first

    def _field(self, name: str, member: Any, location: Pairs) -> Any:
        encoding = (
            _resolved(self.encoding.get(name))
            if isinstance(self.encoding, dict) and name in self.encoding
            else None
        )
        if encoding is None and self.mimetype == "application/x-www-form-urlencoded":
            return self._styled(name, member, location, "form", True)
        if encoding is not None and any(
            key in encoding for key in ("style", "explode", "allowReserved")
        ):
            style = encoding.get("style", "form")
            return self._styled(
                name, member, location, style, encoding.get("explode", style == "form")
            )
        content_type = _part_content_type(member, encoding)
        reader = self.readers.get(content_type, _binary_loads)
        if self.mimetype.startswith("multipart") and read_str(member, "type", "") == "array":
            return [self._part(content_type, reader, value) for value in location.getlist(name)]
        return self._part(content_type, reader, location[name])

    def _part(self, content_type: str, reader: Callable[..., Any], value: Any) -> Any:
        try:
            return reader(value)
        except (ElementTree.ParseError, ValueError, TypeError, AttributeError):
            raise MediaTypeDeserializeError(content_type, value) from None

    def _styled(self, name: str, member: Any, location: Pairs, style: str, explode: bool) -> Any:
        kind = read_str(member, "type", "")
        try:
            value = STYLES[style](explode, name, kind, location)
        except KeyError:
            raise
        except (ValueError, TypeError, AttributeError) as error:
            raise StyleDeserializeError(style, name) from error
        try:
            return cast(member, value, self.purpose)
        except (ValueError, TypeError, AttributeError) as error:
            raise CastError(value, kind) from error


def _part_content_type(member: Any, encoding: Any) -> str:
    """A multipart part's content type: its encoding's, else the one the property's type implies."""
    if isinstance(encoding, dict) and isinstance(encoding.get("contentType"), str):
        return str(encoding["contentType"])
    return _implied_content_type(member, encoding is not None)


def _implied_content_type(member: Any, encoded: bool, depth: int = 0) -> str:
    kind = read_str(member, "type")
    if kind is None or depth > 20:
        return "text/plain" if encoded else "application/octet-stream"
    if kind == "string" and read_str(member, "format") in ("binary", "base64"):
        return "application/octet-stream"
    if kind == "object":
        return "application/json"
    if kind == "array":
        return _implied_content_type(_resolved(member).get("items", {}), encoded, depth + 1)
    return "text/plain"
