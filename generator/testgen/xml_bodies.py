"""XML bodies for the generated tests: the document a test server answers with, and the value an XML
reader following the same shape gets back from it (XML has no null, numbers or empty unwrapped lists
of its own, so a value does not always survive the trip unchanged).

The rules are OpenAPI's, as templates/runtime/_xml.py states them; this is an implementation of its
own, so that a slip in the client's reader or writer shows in the tests instead of agreeing with itself.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any
from xml.sax.saxutils import escape, quoteattr

Shape = dict[str, Any]
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_NAME = re.compile(r"[^\W\d][\w.\-]*\Z")
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class XmlBodies:
    def __init__(self, shapes: tuple[tuple[str, str], ...]) -> None:
        self.table: dict[str, Shape] = {key: json.loads(text) for key, text in shapes}

    def node(self, shape: Shape | None) -> Shape:
        shape = shape or {}
        for _ in range(20):
            if "ref" not in shape:
                break
            shape = {**self.table.get(str(shape["ref"]), {}), **{key: value for key, value in shape.items() if key != "ref"}}
        return shape

    def writable(self, value: Any, root_json: str) -> Any:
        """`value` without the members XML cannot carry: names that are no XML names (the generator
        warned of such properties), text with characters XML 1.0 has none for, objects in attributes,
        attributes named like namespace declarations (`xmlns`, `xmlns:os`), and a member whose elements
        would share their name with an earlier member's (unwrapped lists of `<item>`s)."""
        return self._writable(value, json.loads(root_json), 0)

    def _writable(self, value: Any, shape: Shape | None, depth: int) -> Any:
        shape = self.node(shape)
        if depth > 100:
            return None
        if isinstance(value, dict):
            properties = shape.get("properties") or {}
            kept: dict[str, Any] = {}
            elements: set[str] = set()  # child element names already written
            for key, item in value.items():
                prop = self.node(properties[key]) if key in properties else self.node(shape.get("additional"))
                name = str(prop.get("name") or key) if key in properties else key
                if not _NAME.match(name) or (prop.get("attribute") and isinstance(item, (dict, list))):
                    continue
                if not prop.get("attribute"):
                    # Unwrapped lists write their items' elements directly (EC2's subnetIds and tagSet both
                    # as <item>): a reader could not tell whose they are, so only the first is kept.
                    unwrapped = isinstance(item, list) and not prop.get("wrapped")
                    written = str(self.node(prop.get("items")).get("name") or name) if unwrapped else name
                    if written in elements:
                        continue
                    elements.add(written)
                if prop.get("attribute") and (name == "xmlns" or name.startswith("xmlns:")):
                    continue  # a namespace declaration: XML readers never report it as an attribute
                items = prop.get("items") if isinstance(item, list) else None
                kept[key] = [self._writable(entry, items, depth + 1) for entry in item] if isinstance(item, list) else self._writable(item, prop, depth + 1)
            return kept
        if isinstance(value, list):
            return [self._writable(entry, shape.get("items"), depth + 1) for entry in value]
        if isinstance(value, str) and _ILLEGAL.search(value):
            return _ILLEGAL.sub("", value)
        return value

    def document(self, value: Any, root_json: str) -> str:
        root = self.node(json.loads(root_json))
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + self._element(str(root.get("name") or "root"), value, root, 0)

    def read_back(self, value: Any, root_json: str) -> Any:
        return self._back(value, json.loads(root_json), 0)

    # -- writing

    def _element(self, name: str, value: Any, shape: Shape, depth: int) -> str:
        shape = self.node(shape)
        if depth > 100:
            raise ValueError("nested too deeply")
        tag = _tag(name, shape)
        attributes: list[str] = []
        if shape.get("namespace"):
            attributes.append(f" xmlns{':' + str(shape['prefix']) if shape.get('prefix') else ''}={quoteattr(str(shape['namespace']))}")
        children: list[str] = []
        if value is None:
            attributes.append(f" xmlns:xsi={quoteattr(_XSI)} xsi:nil=\"true\"")
        elif isinstance(value, dict):
            properties = shape.get("properties") or {}
            for key, item in value.items():
                described = key in properties
                prop = self.node(properties[key] if described else shape.get("additional"))
                prop_name = str(prop.get("name") or key) if described else key
                if prop.get("attribute"):
                    if item is not None:
                        attributes.append(f" {_tag(prop_name, prop)}={quoteattr(_text(item))}")
                elif isinstance(item, list) and not prop.get("wrapped"):
                    items = self.node(prop.get("items"))
                    children += [self._element(str(items.get("name") or prop_name), entry, items, depth + 1) for entry in item]
                else:
                    children.append(self._element(prop_name, item, prop, depth + 1))
        elif isinstance(value, list):
            items = self.node(shape.get("items"))
            children += [self._element(str(items.get("name") or name), entry, items, depth + 1) for entry in value]
        else:
            children.append(escape(_text(value)).replace("\r", "&#13;"))
        head = f"<{tag}{''.join(attributes)}"
        return f"{head}>{''.join(children)}</{tag}>" if children else f"{head}/>"

    # -- what a reader gets back

    def _back(self, value: Any, shape: Shape | None, depth: int) -> Any:
        shape = self.node(shape)
        kind = shape.get("type")
        if value is None or depth > 100:
            return value
        if kind in ("string", "integer", "number", "boolean"):
            return "" if isinstance(value, (dict, list)) else _scalar(_text(value), kind)
        if kind == "array":
            return [self._back(item, shape.get("items"), depth + 1) for item in value] if isinstance(value, list) else []
        if kind == "object":
            return self._back_object(value, shape, depth) if isinstance(value, dict) else {}
        return self._any(value)

    def _back_object(self, value: dict[str, Any], shape: Shape, depth: int) -> dict[str, Any]:
        properties = shape.get("properties") or {}
        back: dict[str, Any] = {}
        for key, item in value.items():
            prop = self.node(properties[key]) if key in properties else None
            if prop is not None and prop.get("attribute"):
                if item is not None:
                    back[key] = _scalar(_text(item), prop.get("type"))
            elif isinstance(item, list) and not (prop or {}).get("wrapped"):
                # one element per item, and none for an empty list; a reader of a property that is no
                # array takes the first, and other elements come back as a list only when repeated
                if not item:
                    if key in (shape.get("empty") or ()):
                        back[key] = []
                    continue
                if prop is not None and prop.get("type") == "array":
                    back[key] = [self._back(entry, prop.get("items"), depth + 1) for entry in item]
                elif prop is not None:
                    back[key] = self._back(item[0], prop, depth + 1)
                else:
                    entries = [self._extra(entry, shape, depth) for entry in item]
                    back[key] = entries if len(entries) > 1 else entries[0]
            else:
                back[key] = self._back(item, prop, depth + 1) if prop is not None else self._extra(item, shape, depth)
        for key in shape.get("empty") or ():
            back.setdefault(key, [])  # a reader finds no element, which for a required list means none
        return back

    def _extra(self, value: Any, shape: Shape, depth: int) -> Any:
        """A member no property names: a map entry of `additional`, else an untyped element."""
        return self._back(value, shape["additional"], depth + 1) if shape.get("additional") is not None else self._any(value)

    def _any(self, value: Any) -> Any:
        """How an untyped element reads: text, or children by name (one child is not a list)."""
        if value is None:
            return None
        if isinstance(value, dict):
            back: dict[str, Any] = {}
            for key, item in value.items():
                if isinstance(item, list):
                    items = [self._any(entry) for entry in item]
                    if items:
                        back[key] = items if len(items) > 1 else items[0]
                else:
                    back[key] = self._any(item)
            return back if back else ""
        if isinstance(value, list):  # a list as an element's content: its items are children
            return self._any({"item": value}) if value else ""
        return _text(value).replace("\r\n", "\n").replace("\r", "\n")


def _tag(name: str, shape: Shape) -> str:
    prefix = shape.get("prefix")
    for part in (name, prefix) if prefix else (name,):
        if not _NAME.match(str(part)):
            raise ValueError(f"{part!r} cannot be an XML name")
    return f"{prefix}:{name}" if prefix else name


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "INF" if value > 0 else "-INF"
        return repr(value)
    if isinstance(value, (dict, list)):
        raise ValueError("XML text cannot hold a mapping or list")
    text = str(value)
    if _ILLEGAL.search(text):
        raise ValueError("text XML 1.0 cannot carry")
    return text


def _scalar(text: str, kind: Any) -> Any:
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
