"""Example values for generated tests: the spec's own examples first, else synthesized from the schema.

Synthesis is deterministic (same schema, same value) and bounded (recursion stops at a fixed depth,
where only required properties are kept). Values are plain JSON data.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from .schemas import SchemaConverter

Purpose = Literal["request", "response"]
_MAX_DEPTH = 4
_FORMAT_SAMPLES: dict[str, Any] = {
    "date-time": "2024-01-02T03:04:05Z",
    "date": "2024-01-02",
    "time": "03:04:05",
    "uuid": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
    "email": "user@example.com",
    "uri": "https://example.com/resource",
    "url": "https://example.com/resource",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "aGVsbG8=",
    "binary": "hello",
    "password": "example-password",
}


def to_json_text(value: Any) -> str:
    """Canonical JSON text of an example (kept as text in the IR so IR nodes stay hashable)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=False, default=str)


@dataclass
class ExampleMaker:
    converter: SchemaConverter

    def for_media(self, media: Any, purpose: Purpose) -> Any:
        if not isinstance(media, dict):
            return None
        found, value = self._own_example(media)
        return value if found else self.for_schema(media.get("schema"), purpose)

    def for_parameter(self, parameter: dict[str, Any]) -> Any:
        found, value = self._own_example(parameter)
        if found:
            return value
        schema = parameter.get("schema")
        if schema is None and isinstance(parameter.get("content"), dict):
            for media in parameter["content"].values():
                return self.for_media(media, "request")
        return self.for_schema(schema, "request")

    def _own_example(self, node: dict[str, Any]) -> tuple[bool, Any]:
        """The node's `example`, or the value of its first `examples` entry (which may be a $ref)."""
        if "example" in node:
            return True, self._literal(node["example"])
        examples = node.get("examples")
        if isinstance(examples, dict):
            for item in examples.values():
                resolved = self.converter.resolve(item)
                if isinstance(resolved, dict) and "value" in resolved:
                    return True, self._literal(resolved["value"])
        return False, None

    def _literal(self, value: Any) -> Any:
        """An example value given as a lone `$ref` (Shutterstock: `{"$ref": ".../Schema/example"}`) is
        meant as that reference, not as an object with a `$ref` member."""
        if isinstance(value, dict) and len(value) == 1 and isinstance(value.get("$ref"), str) and value["$ref"].startswith("#/"):
            return self.converter.resolve(value)
        return value

    def for_schema(self, schema: Any, purpose: Purpose, depth: int = 0, seen: frozenset[str] = frozenset()) -> Any:
        if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            ref = schema["$ref"]
            if ref in seen:
                return None
            seen = seen | {ref}
        schema = self.converter.resolve(schema)
        if not isinstance(schema, dict):
            return None
        for key in ("example", "const", "default"):
            if key in schema:
                return schema[key]
        if isinstance(schema.get("examples"), list) and schema["examples"]:
            return schema["examples"][0]
        if isinstance(schema.get("enum"), list) and schema["enum"]:
            non_null = [value for value in schema["enum"] if value is not None]
            return non_null[0] if non_null else None
        for keyword in ("oneOf", "anyOf"):
            if isinstance(schema.get(keyword), list) and schema[keyword]:
                options = [o for o in schema[keyword] if not (isinstance(o, dict) and o.get("type") == "null")]
                chosen = options[0] if options else schema[keyword][0]
                value = self.for_schema(chosen, purpose, depth, seen)
                return _tag(value, schema.get("discriminator"), chosen)
        if isinstance(schema.get("allOf"), list):
            parts = [self.converter.resolve(part) for part in schema["allOf"]]
            if any(isinstance(part, dict) and (part.get("type") == "object" or "properties" in part or "allOf" in part) for part in parts):
                return self._object(schema, purpose, depth, seen)
            # allOf over a scalar (e.g. a $ref plus a description): the example of its first part.
            return self.for_schema(schema["allOf"][0], purpose, depth, seen) if schema["allOf"] else None
        kind = schema.get("type")
        if isinstance(kind, list):
            kinds = [k for k in kind if k != "null"]
            kind = kinds[0] if kinds else "null"
        if kind is None:
            kind = "object" if "properties" in schema else "array" if "items" in schema else None
        if kind == "object":
            return self._object(schema, purpose, depth, seen)
        if kind == "array":
            item = self.for_schema(schema.get("items"), purpose, depth + 1, seen)
            count = max(1, int(schema.get("minItems", 1) or 1)) if item is not None else 0
            return [item] * min(count, 3)
        if kind == "string":
            return self._string(schema)
        if kind == "integer":
            return int(self._number(schema, 1))
        if kind == "number":
            return float(self._number(schema, 1.5))
        if kind == "boolean":
            return True
        if kind == "null":
            return None
        return None

    def _object(self, schema: dict[str, Any], purpose: Purpose, depth: int, seen: frozenset[str]) -> Any:
        properties: dict[str, Any] = {}
        required: set[str] = set()
        stack = [schema]
        while stack:
            part = self.converter.resolve(stack.pop(0))
            if not isinstance(part, dict):
                continue
            if isinstance(part.get("properties"), dict):
                properties.update(part["properties"])
            if isinstance(part.get("required"), list):
                required.update(str(name) for name in part["required"])
            stack.extend(part.get("allOf") or [])
        result: dict[str, Any] = {}
        for name, prop in properties.items():
            resolved = self.converter.resolve(prop)
            if isinstance(resolved, dict):
                if purpose == "request" and resolved.get("readOnly") is True:
                    continue
                if purpose == "response" and resolved.get("writeOnly") is True:
                    continue
            if depth >= _MAX_DEPTH and name not in required:
                continue
            value = self.for_schema(prop, purpose, depth + 1, seen)
            if value is None and name not in required:
                continue
            result[name] = value
        if not properties and isinstance(schema.get("additionalProperties"), dict):
            result["key"] = self.for_schema(schema["additionalProperties"], purpose, depth + 1, seen)
        return result

    def _string(self, schema: dict[str, Any]) -> str:
        sample = _FORMAT_SAMPLES.get(str(schema.get("format", "")))
        if sample is None:
            sample = "example"
        minimum = schema.get("minLength")
        maximum = schema.get("maxLength")
        if isinstance(minimum, int) and len(sample) < minimum:
            sample = sample + "x" * (minimum - len(sample))
        if isinstance(maximum, int) and len(sample) > maximum:
            sample = sample[:maximum]
        return sample

    def _number(self, schema: dict[str, Any], fallback: float) -> float:
        low = schema.get("minimum")
        high = schema.get("maximum")
        if isinstance(schema.get("exclusiveMinimum"), (int, float)) and not isinstance(schema.get("exclusiveMinimum"), bool):
            low = schema["exclusiveMinimum"] + 1
        if isinstance(low, (int, float)) and not isinstance(low, bool):
            return low if not isinstance(high, (int, float)) or low <= high else high
        if isinstance(high, (int, float)) and not isinstance(high, bool) and high < fallback:
            return high
        return fallback


def _tag(value: Any, discriminator: Any, chosen: Any) -> Any:
    """Give an example of a tagged union member the tag that selects that member."""
    if not isinstance(value, dict) or not isinstance(discriminator, dict):
        return value
    name = discriminator.get("propertyName")
    if not isinstance(name, str):
        return value
    ref = chosen.get("$ref") if isinstance(chosen, dict) else None
    raw_mapping = discriminator.get("mapping")
    mapping: dict[str, Any] = raw_mapping if isinstance(raw_mapping, dict) else {}
    tag = next((key for key, target in mapping.items() if target == ref or (isinstance(ref, str) and ref.endswith("/" + str(target)))), None)
    if tag is None and isinstance(ref, str):
        tag = ref.rsplit("/", 1)[-1]
    if tag is not None:
        value = {**value, name: tag}
    return value
