"""XML bodies, written and read the way the document's schemas and their ``xml`` objects describe them.

The generator turns the schema of each XML body into a *shape*, a small mapping:

- ``{"type": "object", "properties": {wire name: shape}, "additional": shape, "empty": [wire names]}``
  (``additional``: map entries; ``empty``: required unwrapped arrays, which no element makes empty),
- ``{"type": "array", "items": shape, "wrapped": True}``,
- ``{"type": "string" | "integer" | "number" | "boolean"}``, or ``{}`` for anything,
- ``{"ref": key}`` for a named shape of the package's table (schemas may be recursive);

and any shape may add ``name`` (the element or attribute name), ``attribute``, ``namespace``, ``prefix``.
As OpenAPI defines it: a property is a child element named by the property (or its ``xml.name``), or an
attribute; an array property is one element per item (named by the items' ``xml.name``, else the
property) unless ``wrapped``, when those are inside one element named by the property. ``None`` is
written as ``xsi:nil="true"``. Reading matches local names (namespaces aside) and keeps undescribed
child elements as text or nested mappings, so models keep them as extra fields.

Replies are parsed by the standard library (expat, whose limits stop entity-expansion bombs; no
external entities are fetched); a reply that declares entities is refused all the same.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the parser loads with the first XML body, not at `import`
    from xml.etree import ElementTree

__all__ = ["XmlSchema"]

_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_NIL = f"{{{_XSI}}}nil"
_NAME = re.compile(r"[^\W\d][\w.\-]*\Z")
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MAX_DEPTH = 100

Shape = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class XmlSchema:
    """The shape of one XML body (``root``) and the named shapes it refers to."""

    root: Shape
    shapes: Mapping[str, Shape]

    def encode(self, value: object) -> bytes:
        """The XML document for ``value`` (JSON-like, as ``to_wire`` gives it); ValueError if XML cannot say it."""
        node = self._node(self.root)
        element = self._element(str(node.get("name") or "root"), value, node, 0)
        from xml.etree import ElementTree

        document: bytes = ElementTree.tostring(element, encoding="utf-8", xml_declaration=True)
        return document

    def decode(self, content: bytes) -> Any:
        """The JSON-like value an XML document holds; ValueError if it is not well-formed XML."""
        if b"<!ENTITY" in content:
            raise ValueError("the XML document declares entities, which are refused")
        from xml.etree import ElementTree

        try:
            root = ElementTree.fromstring(content)
        except ElementTree.ParseError as exc:
            raise ValueError(f"not well-formed XML: {exc}") from None
        return self._read(root, self.root, 0)

    # -- shapes

    def _node(self, node: Shape | None) -> Shape:
        """A shape with its ``ref`` followed (the referring shape's own keys win)."""
        node = node or {}
        seen = 0
        while "ref" in node and seen < 20:
            target = self.shapes.get(str(node["ref"])) or {}
            node = {**target, **{key: value for key, value in node.items() if key != "ref"}}
            seen += 1
        return node

    # -- writing

    def _element(self, name: str, value: object, node: Shape, depth: int) -> ElementTree.Element:
        from xml.etree import ElementTree

        element = ElementTree.Element(_tag(name, node))
        namespace = node.get("namespace")
        if isinstance(namespace, str) and namespace:
            prefix = node.get("prefix")
            element.set(f"xmlns:{prefix}" if prefix else "xmlns", namespace)
        self._fill(element, name, value, node, depth)
        return element

    def _fill(
        self, element: ElementTree.Element, name: str, value: object, node: Shape, depth: int
    ) -> None:
        if depth > _MAX_DEPTH:
            raise ValueError("the value is nested too deeply for an XML body")
        if value is None:
            element.set("xmlns:xsi", _XSI)
            element.set("xsi:nil", "true")
        elif isinstance(value, Mapping):
            properties = node.get("properties") or {}
            additional = node.get("additional")
            for key, item in value.items():
                key = str(key)
                described = key in properties
                prop = self._node(properties[key] if described else additional)
                prop_name = str(prop.get("name") or key) if described else key
                if prop.get("attribute"):
                    if item is not None:
                        element.set(_tag(prop_name, prop), _text(item))
                    continue
                if isinstance(item, (list, tuple)) and not prop.get("wrapped"):
                    items = self._node(prop.get("items"))
                    item_name = str(items.get("name") or prop_name)
                    for entry in item:
                        element.append(self._element(item_name, entry, items, depth + 1))
                    continue
                element.append(self._element(prop_name, item, prop, depth + 1))
        elif isinstance(value, (list, tuple)):
            items = self._node(node.get("items"))
            item_name = str(items.get("name") or name)
            for entry in value:
                element.append(self._element(item_name, entry, items, depth + 1))
        else:
            element.text = _text(value)

    # -- reading

    def _read(self, element: ElementTree.Element, node: Shape | None, depth: int) -> Any:
        if element.get(_NIL) in ("true", "1"):
            return None
        node = self._node(node)
        kind = node.get("type")
        if depth > _MAX_DEPTH:
            raise ValueError("the XML document is nested too deeply")
        if kind == "object":
            return self._read_object(element, node, depth)
        if kind == "array":
            items = self._node(node.get("items"))
            item_name = items.get("name")
            return [
                self._read(child, items, depth + 1)
                for child in element
                if item_name is None or _local(child.tag) == item_name
            ]
        if kind is None and len(element):
            return _read_any(element, depth)
        return _scalar(element.text or "", kind)

    def _read_object(self, element: ElementTree.Element, node: Shape, depth: int) -> dict[str, Any]:
        value: dict[str, Any] = {}
        claimed: set[str] = set()
        attributes = {_local(key): item for key, item in element.attrib.items()}
        for key, raw in (node.get("properties") or {}).items():
            prop = self._node(raw)
            tag = str(prop.get("name") or key)
            if prop.get("attribute"):
                if tag in attributes:
                    value[key] = _scalar(attributes[tag], prop.get("type"))
                continue
            if prop.get("type") == "array" and not prop.get("wrapped"):
                items = self._node(prop.get("items"))
                item_tag = str(items.get("name") or tag)
                children = [child for child in element if _local(child.tag) == item_tag]
                claimed.add(item_tag)
                if children or key in (
                    node.get("empty") or ()
                ):  # a required list without items has no element
                    value[key] = [self._read(child, items, depth + 1) for child in children]
                continue
            child = next((child for child in element if _local(child.tag) == tag), None)
            claimed.add(tag)
            if child is not None:
                value[key] = self._read(child, prop, depth + 1)
        additional = node.get("additional")
        extras: dict[str, Any] = {}
        for child in element:
            name = _local(child.tag)
            if name in claimed:
                continue
            item = (
                self._read(child, additional, depth + 1)
                if additional is not None
                else _read_any(child, depth + 1)
            )
            if name in extras:
                extras[name] = (
                    extras[name] if isinstance(extras[name], list) else [extras[name]]
                ) + [item]
            else:
                extras[name] = item
        return {**extras, **value}


def _tag(name: str, node: Shape) -> str:
    prefix = node.get("prefix")
    for part in (name, prefix) if prefix else (name,):
        if not _NAME.match(str(part)):
            raise ValueError(f"{part!r} cannot be an XML name")
    return f"{prefix}:{name}" if prefix else name


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "INF" if value > 0 else "-INF"
        return repr(value)
    if isinstance(value, (Mapping, list, tuple)):
        raise ValueError("an XML attribute holds text, not a mapping or list")
    text = str(value)
    if _ILLEGAL.search(text):
        raise ValueError("the text holds characters XML 1.0 cannot carry")
    return text


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _scalar(text: str, kind: object) -> Any:
    """Text as its schema type (XML Schema's lexical forms); the text itself when it is not one."""
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


def _read_any(element: ElementTree.Element, depth: int) -> Any:
    """An element no shape describes: its children by name (repeated ones as a list), or its text."""
    if element.get(_NIL) in ("true", "1"):
        return None
    if not len(element) or depth > _MAX_DEPTH:
        return element.text or ""
    value: dict[str, Any] = {}
    for child in element:
        name = _local(child.tag)
        item = _read_any(child, depth + 1)
        if name in value:
            value[name] = (value[name] if isinstance(value[name], list) else [value[name]]) + [item]
        else:
            value[name] = item
    return value
