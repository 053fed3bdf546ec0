"""Small conversions between example values, their wire form and what a client gives back."""

from __future__ import annotations

import base64
import binascii
import datetime
import json
from typing import Any

from ..parse.ir import (
    ANY,
    NONE,
    DictType,
    ListType,
    LiteralType,
    Model,
    NamedType,
    Operation,
    Parameter,
    Primitive,
    TypeRef,
    UnionType,
)

from ..ground.escaping import literal
from .views import Encoded


# ------------------------------------------------------------------ helpers


def fits_primitive(python: str, value: Any) -> bool:
    if python == "Any":
        return True
    if python == "None":
        return value is None
    if python in ("str", "bytes"):  # a binary string in JSON is text; pydantic reads it as UTF-8 bytes
        return isinstance(value, str)
    if python == "base64":
        return base64_bytes(value) is not None
    if python == "bool":
        return isinstance(value, bool)
    if python == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if python == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if python.startswith("dict["):
        return isinstance(value, dict)
    if python.startswith("list["):
        return isinstance(value, list)
    if python == "datetime.datetime":
        return isinstance(value, str) and parse_datetime(value) is not None
    if python == "datetime.date":
        return isinstance(value, str) and parse_date(value) is not None
    return False


def parse_datetime(text: str) -> datetime.datetime | None:
    try:
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        return None


def base64_bytes(text: Any) -> bytes | None:
    """The bytes base64 text stands for; None for anything else."""
    if not isinstance(text, str):
        return None
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None


def bytes_source(data: bytes) -> str:
    """Python source of `data`: `"text".encode()` when it is UTF-8 text, else `bytes.fromhex(...)`."""
    try:
        return f"{literal(data.decode('utf-8'))}.encode()"
    except UnicodeDecodeError:
        return f"bytes.fromhex({literal(data.hex())})"


def parse_date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def fallback(type_ref: TypeRef) -> Any:
    """A placeholder value for a type when the spec gives (and synthesizes) none."""
    if isinstance(type_ref, Primitive):
        return {
            "str": "example",
            "int": 1,
            "float": 1.5,
            "bool": True,
            "datetime.datetime": "2024-01-02T03:04:05+00:00",
            "datetime.date": "2024-01-02",
            "bytes": "example",
            "base64": "ZXhhbXBsZQ==",  # "example"
            "FileInput": "example",
            "FileContent": "example",
            "Any": "example",  # any value will do; None would vanish from a form or a query
        }.get(type_ref.python, {} if type_ref.python.startswith("dict[") else None)
    if isinstance(type_ref, LiteralType):
        return type_ref.values[0] if type_ref.values else None
    if isinstance(type_ref, ListType):
        return []
    if isinstance(type_ref, (DictType, NamedType)):
        return {}
    if isinstance(type_ref, UnionType):
        for option in type_ref.options:
            if option != NONE:
                return fallback(option)
    return None


def param_wire(parameter: Parameter, wire: Any) -> Any:
    """A parameter as the contract test reads it back: text, so bytes (format: binary) as their UTF-8 text.
    The members of a free-form object (`{type: object}`: Impala's `starRating[gt]=3`) stay the text the
    client wrote, since no schema tells the tests' checks to read them as anything else."""
    if parameter.style != "content" and isinstance(parameter.type, DictType) and parameter.type.value == ANY and isinstance(wire, dict):
        return {key: _as_text(item) for key, item in json_only(wire).items()}
    return json_only(wire)


def _as_text(value: Any) -> Any:
    """A scalar as the runtime's parameter encoding writes it (_params._scalar)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return value


def body_on_wire(kind: str, wire: Any) -> Any:
    """The body as the contract test reads it back: JSON as parsed; form fields as text; multipart parts."""
    if kind in ("json", "xml"):
        return json_only(wire)
    if kind in ("form", "multipart") and isinstance(wire, dict):
        fields = {key: form_value(value, multipart=kind == "multipart") for key, value in wire.items() if value is not None}
        # On the wire a one-item list is one field, and an empty list no field at all.
        return {key: value[0] if isinstance(value, list) and len(value) == 1 else value for key, value in fields.items() if value != []}
    if kind == "binary":
        if isinstance(wire, Encoded):
            return wire
        return Encoded(wire if isinstance(wire, str) else json.dumps(wire, ensure_ascii=False))
    if kind == "text":
        return str(wire) if not isinstance(wire, str) else str(wire)
    return wire


def json_only(value: Any) -> Any:
    if isinstance(value, Encoded):
        return str(value)
    if isinstance(value, dict):
        return {key: json_only(item) for key, item in value.items()}
    if isinstance(value, list):
        return [json_only(item) for item in value]
    return value


def form_value(value: Any, multipart: bool) -> Any:
    if isinstance(value, Encoded):
        return value if multipart else str(value)
    if isinstance(value, list):
        return [item if isinstance(item, Encoded) and multipart else form_text(item) for item in value if item is not None]
    return form_text(value)


def form_text(value: Any) -> str:
    """A non-file form field as the runtime writes it: text as is, anything else as compact JSON."""
    if isinstance(value, str):
        return str(value)
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def model_name(type_ref: TypeRef) -> str:
    return type_ref.name if isinstance(type_ref, NamedType) else ""


def required_in_model(model: Model | None, wire_name: str) -> bool:
    if model is None:
        return False
    found = model.field_by_wire(wire_name)
    return found is not None and found.required


def concrete_status(key: str, operation: Operation | None, success: bool) -> int:
    """A real status code for a documented key: "404" -> 404, "4XX" -> an undocumented 4xx, "default" -> 500/200."""
    documented = set()
    if operation is not None:
        documented = {response.status for response in operation.responses + operation.errors}
    if key.isdigit():
        return int(key)
    if len(key) == 3 and key[0].isdigit() and key[1:].upper() == "XX":
        base = int(key[0]) * 100
        for candidate in range(base, base + 100):
            if str(candidate) not in documented:
                return candidate
        return base
    if success:
        return 200
    for candidate in (500, 599, 418):
        if str(candidate) not in documented and f"{str(candidate)[0]}XX" not in documented:
            return candidate
    return 599


def concrete_json_type(media_type: str | None) -> str:
    """What a server sends for a JSON reply documented as `*/*` (a reply has no wildcard type)."""
    return media_type if media_type and "*" not in media_type else "application/json"


def snake_name(name: str) -> str:
    out = ""
    for char in name:
        if char.isupper() and out:
            out += "_"
        out += char.lower()
    return out.replace("a_p_i", "api")


def get_at(value: Any, path: list[str]) -> Any:
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def set_at(value: Any, path: list[str], item: Any) -> None:
    for key in path[:-1]:
        if not isinstance(value.get(key), dict):
            value[key] = {}
        value = value[key]
    if path:
        value[path[-1]] = item


def unset_at(value: Any, path: list[str]) -> None:
    for key in path[:-1]:
        value = value.get(key) if isinstance(value, dict) else None
    if isinstance(value, dict) and path:
        value.pop(path[-1], None)

