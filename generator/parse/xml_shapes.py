"""XML shapes: what the runtime needs to write and read an XML body of a schema.

A shape (templates/runtime/_xml.py documents them) keeps of a schema only what XML needs: types,
properties, items, `xml` names, attributes, wrapping and namespaces. `$ref`s to object and array
schemas become `{"ref": key}` entries of one table per package (schemas may be recursive); the
merging rules for `allOf` are those of the contract tests' XML reader: a later part's `xml` wins over
an earlier one's, the schema's own over all, the first part that names a property keeps it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..ground.diagnostics import WarningSink
from ..ground.pointers import join_pointer
from .schemas import SchemaConverter

_XML_NAME = re.compile(r"[^\W\d][\w.\-]*\Z")
_SCALARS = ("string", "integer", "number", "boolean")
_MAX_DEPTH = 40

Shape = dict[str, Any]


class XmlShapes:
    def __init__(self, converter: SchemaConverter, warnings: WarningSink) -> None:
        self.converter = converter
        self.warnings = warnings
        self.table: dict[str, Shape] = {}
        self._keys: dict[str, str] = {}  # $ref -> table key
        self._building: set[str] = set()

    def structured(self, schema: Any) -> bool:
        """Whether an XML body of this schema has elements to read (an object or array), not just text."""
        return self._merged(schema).get("type") in ("object", "array")

    def root(self, schema: Any, pointer: str) -> str:
        """The shape of a body's root element (JSON text), named by its `xml.name`, else its component."""
        shape = self.node(schema, pointer)
        name = self._expand(shape).get("name")
        if not name:
            ref = schema.get("$ref") if isinstance(schema, dict) else None
            component = ref.rsplit("/", 1)[-1] if isinstance(ref, str) else ""
            shape = {**shape, "name": component if _XML_NAME.match(component) else "root"}
        return json.dumps(shape, sort_keys=True)

    def shapes(self) -> tuple[tuple[str, str], ...]:
        return tuple((key, json.dumps(self.table[key], sort_keys=True)) for key in sorted(self.table))

    # -- building

    def node(self, schema: Any, pointer: str, depth: int = 0) -> Shape:
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        if isinstance(ref, str):
            target = self.converter.resolve(schema)
            if self._merged(target).get("type") in ("object", "array"):
                return {"ref": self._entry(ref, target)}
            return self._build(target, ref if ref.startswith("#/") else pointer, depth + 1)
        return self._build(schema, pointer, depth)

    def _entry(self, ref: str, target: Any) -> str:
        key = self._keys.get(ref)
        if key is None:
            key = ref.rsplit("/", 1)[-1] if ref.startswith("#/components/schemas/") else ref
            while key in self._keys.values():
                key += "_"
            self._keys[ref] = key
            self._building.add(key)
            self.table[key] = self._build(target, ref, 0)
            self._building.discard(key)
        return key

    def _expand(self, shape: Shape) -> Shape:
        """A `ref` shape as its table entry (with the referring shape's own keys); one being built has none yet."""
        if "ref" not in shape:
            return shape
        target = {} if shape["ref"] in self._building else self.table.get(shape["ref"], {})
        return {**target, **{key: value for key, value in shape.items() if key != "ref"}}

    def _build(self, schema: Any, pointer: str, depth: int) -> Shape:
        schema = self.converter.resolve(schema)
        if not isinstance(schema, dict) or depth > _MAX_DEPTH:
            return {}
        shape: Shape = {}
        properties: dict[str, Shape] = {}
        for keyword in ("allOf", "oneOf", "anyOf"):
            for index, part in enumerate(schema.get(keyword) or []):
                part_shape = self._expand(self.node(part, join_pointer(join_pointer(pointer, keyword), index), depth + 1))
                for key, value in part_shape.items():
                    if key == "properties":
                        for name, prop in value.items():
                            properties.setdefault(name, prop)
                    elif key in _XML_KEYS:
                        if keyword == "allOf":
                            shape[key] = value
                    else:
                        shape.setdefault(key, value)
        kind = _kind(schema)
        if kind is not None:
            shape["type"] = kind
        if isinstance(schema.get("properties"), dict):
            props_pointer = join_pointer(pointer, "properties")
            for name, prop in schema["properties"].items():
                properties[str(name)] = self.node(prop, join_pointer(props_pointer, name), depth + 1)
        if properties:
            shape["properties"] = properties
        if properties or isinstance(schema.get("properties"), dict):
            # `properties: {}` with no type is an object too, as the client types it (an empty
            # element then reads back as {}, not as its empty text: DigiLocker's CertificateData)
            shape.setdefault("type", "object")
        additional = schema.get("additionalProperties")
        if isinstance(additional, dict) or additional is True:
            shape["additional"] = self.node(additional, join_pointer(pointer, "additionalProperties"), depth + 1) if isinstance(additional, dict) else {}
            shape.setdefault("type", "object")
        if "items" in schema:
            shape["items"] = self.node(schema["items"], join_pointer(pointer, "items"), depth + 1)
            shape.setdefault("type", "array")
        required = self._required(schema)
        empty = sorted(name for name in required if name in properties and _unwrapped_array(self._expand(properties[name])))
        if empty:
            shape["empty"] = empty  # required unwrapped arrays: no element at all is an empty list
        xml = schema.get("xml")
        if isinstance(xml, dict):
            for key in _XML_KEYS:
                if key in xml and isinstance(xml[key], _XML_KEYS[key]):
                    shape[key] = xml[key]
        self._check_names(shape, pointer)
        return shape

    def _required(self, schema: Any, depth: int = 0) -> set[str]:
        """The names a schema requires, its `allOf` parts' too."""
        schema = self.converter.resolve(schema)
        if not isinstance(schema, dict) or depth > _MAX_DEPTH:
            return set()
        names = set(_required(schema))
        for part in schema.get("allOf") or []:
            names |= self._required(part, depth + 1)
        return names

    def _check_names(self, shape: Shape, pointer: str) -> None:
        for key, prop in (shape.get("properties") or {}).items():
            name = self._expand(prop).get("name") or key
            if not _XML_NAME.match(str(name)):
                self.warnings.warn(join_pointer(join_pointer(pointer, "properties"), key), f"{name!r} cannot be an XML element name: the client cannot send this property in an XML body")

    def _merged(self, schema: Any, depth: int = 0) -> dict[str, Any]:
        """Just enough of a schema's allOf/oneOf/anyOf merge to tell its type."""
        schema = self.converter.resolve(schema)
        if not isinstance(schema, dict) or depth > _MAX_DEPTH:
            return {}
        kind = _kind(schema)
        if kind is None and ("properties" in schema or isinstance(schema.get("additionalProperties"), dict)):
            kind = "object"
        if kind is None and "items" in schema:
            kind = "array"
        for keyword in ("allOf", "oneOf", "anyOf"):
            for part in schema.get(keyword) or []:
                if kind is None:
                    kind = self._merged(part, depth + 1).get("type")
        return {"type": kind} if kind else {}


_XML_KEYS: dict[str, type | tuple[type, ...]] = {"name": str, "attribute": bool, "wrapped": bool, "namespace": str, "prefix": str}


def _required(schema: Any) -> list[str]:
    names = schema.get("required") if isinstance(schema, dict) else None
    return [str(name) for name in names] if isinstance(names, list) else []


def _unwrapped_array(shape: Shape) -> bool:
    return shape.get("type") == "array" and not shape.get("wrapped") and not shape.get("attribute")


def _kind(schema: dict[str, Any]) -> str | None:
    declared = schema.get("type")
    if isinstance(declared, list):
        declared = next((item for item in declared if item != "null"), None)
    if declared in _SCALARS or declared in ("object", "array"):
        return str(declared)
    return None
