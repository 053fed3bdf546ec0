"""Example values for generated tests: the spec's own examples first, else synthesized from the schema.

Synthesis is deterministic (same schema, same value) and bounded (recursion stops at a fixed depth,
where only required properties are kept). Values are plain JSON data that satisfy the schema's
constraints (formats, patterns, lengths, bounds, item counts) as far as one value can; a document's
own example that plainly breaks its schema is repaired part by part, since the generated tests
validate every request and reply against the document.
"""

from __future__ import annotations

import datetime
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .discriminators import implicit_tag
from .regex_sample import sample as pattern_sample
from .schema_check import Purpose, is_number, number_fits, object_parts, skipped, string_fits, violates
from .schemas import SchemaConverter

__all__ = ["ExampleMaker", "Purpose", "to_json_text"]

_MAX_DEPTH = 4
_MAX_ITEMS = 64  # minItems beyond this is not honoured (the check then says why the test fails)


def _format_sample(kind: str, variant: int) -> str | None:
    """A value of a string format; `variant` n gives the n-th distinct one (for unique array items)."""
    day = datetime.date(2024, 1, 2) + datetime.timedelta(days=variant)
    samples = {
        "date-time": f"{day.isoformat()}T03:04:05Z",
        "date": day.isoformat(),
        "time": f"03:04:{5 + variant % 50:02d}Z",  # RFC 3339 full-time: with its offset
        "uuid": f"3c90c3cc-0d44-4b50-8888-{0x8dd25736052a + variant:012x}",
        "email": f"user{variant or ''}@example.com",
        "idn-email": f"user{variant or ''}@example.com",
        "uri": f"https://example.com/resource{variant or ''}",
        "url": f"https://example.com/resource{variant or ''}",
        "iri": f"https://example.com/resource{variant or ''}",
        "uri-reference": f"/resource{variant or ''}",
        "uri-template": f"https://example.com/resource{variant or ''}",
        "hostname": f"host{variant or ''}.example.com" if variant else "example.com",
        "idn-hostname": f"host{variant or ''}.example.com" if variant else "example.com",
        "ipv4": f"192.0.2.{1 + variant % 250}",
        "ipv6": f"2001:db8::{1 + variant % 9999:x}",
        "byte": ["aGVsbG8=", "d29ybGQ=", "ZXhhbXBsZQ=="][variant % 3],
        "binary": f"hello{variant or ''}",
        "password": f"example-password{variant or ''}",
        "duration": f"P{1 + variant}D",
        "json-pointer": f"/example{variant or ''}",
    }
    return samples.get(kind)


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
        if found:
            return self.conform(media.get("schema"), value, purpose) if media.get("schema") is not None else value
        return self.for_schema(media.get("schema"), purpose)

    def for_parameter(self, parameter: dict[str, Any]) -> Any:
        schema = parameter.get("schema")
        found, value = self._own_example(parameter)
        if found:
            return self.conform(schema, value, "request") if schema is not None else value
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

    def violates(self, schema: Any, value: Any, purpose: Purpose) -> bool:
        return violates(self.converter.resolve, schema, value, purpose)

    def for_schema(self, schema: Any, purpose: Purpose, depth: int = 0, seen: frozenset[str] = frozenset(), variant: int = 0) -> Any:
        """The schema's own example (repaired where it breaks the schema), else a synthesized value.

        `variant` n > 0 asks for the n-th distinct synthesized value (items of `uniqueItems` arrays).
        """
        if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            ref = schema["$ref"]
            if ref in seen:
                return None
            seen = seen | {ref}
        schema = self.converter.resolve(schema)
        if not isinstance(schema, dict):
            return None
        if "const" in schema:
            return schema["const"]
        if variant == 0:
            for key in ("example", "default"):
                if key in schema:
                    return self.conform(schema, schema[key], purpose, depth, seen)
            if isinstance(schema.get("examples"), list) and schema["examples"]:
                return self.conform(schema, schema["examples"][0], purpose, depth, seen)
        return self._synthesize(schema, purpose, depth, seen, variant)

    def conform(self, schema: Any, value: Any, purpose: Purpose, depth: int = 0, seen: frozenset[str] = frozenset()) -> Any:
        """`value` where it satisfies the schema; the parts that break it replaced by synthesized ones."""
        if not self.violates(schema, value, purpose):
            return value
        resolved = self.converter.resolve(schema)
        if not isinstance(resolved, dict) or depth > 3 * _MAX_DEPTH:
            return value
        fixed = value
        if isinstance(value, dict) and self._object_like(resolved):
            fixed = self._conform_object(resolved, value, purpose, depth, seen)
        elif isinstance(value, list) and isinstance(resolved.get("items"), dict):
            fixed = [self.conform(resolved["items"], item, purpose, depth + 1, seen) for item in value]
        if fixed is not value and not self.violates(resolved, fixed, purpose):
            return fixed
        synthesized = self._synthesize(resolved, purpose, depth, seen, 0)
        # A synthesized value the schema also rejects (an unsatisfiable pattern, say) is no better.
        return synthesized if not self.violates(resolved, synthesized, purpose) or self._kind_differs(resolved, value, synthesized) else value

    def _kind_differs(self, schema: dict[str, Any], value: Any, synthesized: Any) -> bool:
        """Whether the example has the wrong JSON type where the synthesized value has the right one."""
        return type(value) is not type(synthesized) and synthesized is not None and not self.violates({"type": schema.get("type")}, synthesized, "request")

    def _object_like(self, schema: dict[str, Any]) -> bool:
        return schema.get("type") == "object" or "properties" in schema or "allOf" in schema or "additionalProperties" in schema

    def _conform_object(self, schema: dict[str, Any], value: dict[str, Any], purpose: Purpose, depth: int, seen: frozenset[str]) -> dict[str, Any]:
        properties, required = object_parts(self.converter.resolve, schema)
        extra = schema.get("additionalProperties")
        result: dict[str, Any] = {}
        for key, item in value.items():
            if key in properties:
                result[key] = self.conform(properties[key], item, purpose, depth + 1, seen)
            elif isinstance(extra, dict):
                result[key] = self.conform(extra, item, purpose, depth + 1, seen)
            elif extra is not False:
                result[key] = item
        for name in sorted(required - set(result)):
            if name in properties and not skipped(self.converter.resolve, properties[name], purpose):
                result[name] = self.for_schema(properties[name], purpose, depth + 1, seen)
            elif name not in properties:
                result[name] = self._undeclared(schema, purpose, depth, seen)
        return result

    def _undeclared(self, schema: dict[str, Any], purpose: Purpose, depth: int, seen: frozenset[str]) -> Any:
        """A value for a name `required` lists but `properties` does not (Spotify's PagingObject
        requires `items`): the `additionalProperties` schema's, else anything goes."""
        extra = self._keyword(schema, "additionalProperties")
        return self.for_schema(extra, purpose, depth + 1, seen) if isinstance(extra, dict) else "example"

    def _synthesize(self, schema: dict[str, Any], purpose: Purpose, depth: int, seen: frozenset[str], variant: int) -> Any:
        if isinstance(schema.get("enum"), list) and schema["enum"]:
            non_null = [value for value in schema["enum"] if value is not None]
            return non_null[variant % len(non_null)] if non_null else None
        for keyword in ("oneOf", "anyOf"):
            if isinstance(schema.get(keyword), list) and schema[keyword]:
                options = [o for o in schema[keyword] if not (isinstance(o, dict) and o.get("type") == "null")]
                chosen = options[0] if options else schema[keyword][0]
                value = self.for_schema(chosen, purpose, depth, seen, variant)
                return _tag(value, schema.get("discriminator"), chosen, self.converter.resolve)
        if isinstance(schema.get("allOf"), list):
            parts = [self.converter.resolve(part) for part in schema["allOf"]]
            substantive = [part for part, resolved in zip(schema["allOf"], parts) if not _annotation(resolved)]
            if len(substantive) == 1 and "properties" not in schema:
                # `allOf: [$ref, {description}]` (AWS, everywhere): the referenced schema, all its keywords.
                return self.for_schema(substantive[0], purpose, depth, seen, variant)
            if any(isinstance(part, dict) and (part.get("type") == "object" or "properties" in part or "allOf" in part) for part in parts):
                return self._object(schema, purpose, depth, seen, variant)
            # allOf over a scalar (e.g. a $ref plus a description): the example of its first part.
            return self.for_schema(schema["allOf"][0], purpose, depth, seen, variant) if schema["allOf"] else None
        kind = schema.get("type")
        if isinstance(kind, list):
            kinds = [k for k in kind if k != "null"]
            kind = kinds[0] if kinds else "null"
        if kind is None:
            kind = "object" if "properties" in schema else "array" if "items" in schema else None
        if kind == "object":
            return self._object(schema, purpose, depth, seen, variant)
        if kind == "array":
            return self._array(schema, purpose, depth, seen, variant)
        if kind == "string":
            return self._string(schema, variant)
        if kind == "integer":
            return int(self._number(schema, True, variant))
        if kind == "number":
            return float(self._number(schema, False, variant))
        if kind == "boolean":
            return variant % 2 == 0
        return None

    def _array(self, schema: dict[str, Any], purpose: Purpose, depth: int, seen: frozenset[str], variant: int) -> list[Any]:
        low, high = schema.get("minItems"), schema.get("maxItems")
        count = max(1, low if isinstance(low, int) else 1)
        if isinstance(high, int):
            count = min(count, max(high, 0))
        count = min(count, _MAX_ITEMS)
        first = self.for_schema(schema.get("items"), purpose, depth + 1, seen, variant)
        if first is None or count == 0:
            return []
        if schema.get("uniqueItems") is not True:
            return [first] * count
        items, texts = [first], {json.dumps(first, sort_keys=True, default=str)}
        # Distinct items: ask for further variants (a few spare tries for variants that coincide).
        for offset in range(1, 4 * count):
            if len(items) >= count:
                break
            item = self.for_schema(schema.get("items"), purpose, depth + 1, seen, variant + offset)
            text = json.dumps(item, sort_keys=True, default=str)
            if text not in texts:
                items.append(item)
                texts.add(text)
        return items

    def _object(self, schema: dict[str, Any], purpose: Purpose, depth: int, seen: frozenset[str], variant: int = 0) -> Any:
        properties, required = object_parts(self.converter.resolve, schema)
        result: dict[str, Any] = {}
        for name, prop in properties.items():
            if skipped(self.converter.resolve, prop, purpose):
                continue
            if depth >= _MAX_DEPTH and name not in required:
                continue
            value = self.for_schema(prop, purpose, depth + 1, seen, variant)
            if value is None and name not in required:
                continue
            result[name] = value
        for name in sorted(required - set(properties)):
            result[name] = self._undeclared(schema, purpose, depth, seen)
        high = self._keyword(schema, "maxProperties")
        if isinstance(high, int):
            # Too many: drop optional properties, last first.
            for name in reversed(list(result)):
                if len(result) <= high:
                    break
                if name not in required:
                    del result[name]
        extra = self._keyword(schema, "additionalProperties")
        low = self._keyword(schema, "minProperties")
        wanted = max(low if isinstance(low, int) else 0, 1 if not properties and isinstance(extra, dict) else 0)
        index = 0
        while len(result) < wanted and extra is not False and index < 64:
            index += 1
            key = "key" if index == 1 else f"key{index}"
            if key not in result:
                result[key] = self.for_schema(extra, purpose, depth + 1, seen, variant) if isinstance(extra, dict) else "example"
        return result

    def _keyword(self, schema: dict[str, Any], name: str) -> Any:
        """A keyword of the schema, else of its first `allOf` part that has it."""
        if name in schema:
            return schema[name]
        for part in schema.get("allOf") or []:
            resolved = self.converter.resolve(part)
            if isinstance(resolved, dict) and name in resolved:
                return resolved[name]
        return None

    def _string(self, schema: dict[str, Any], variant: int = 0) -> str:
        low, high = schema.get("minLength"), schema.get("maxLength")
        low = low if isinstance(low, int) else None
        high = high if isinstance(high, int) else None
        plain = "example" if variant == 0 else f"example{variant + 1}"
        if high is not None and len(plain) > high and variant:
            plain = _counter(variant, max(high, 1))
        formatted = _format_sample(str(schema.get("format", "")), variant)
        # Readable first: the format's sample, then "example" (padded), then a sample of the pattern.
        candidates = [text for text in (formatted, _pad(plain, low, high)) if text is not None]
        pattern = schema.get("pattern")
        if isinstance(pattern, str):
            sampled = pattern_sample(pattern, low, high, variant)
            if sampled is not None:
                candidates.append(sampled)
        for candidate in candidates:
            if string_fits(schema, candidate):
                return candidate
        return _pad(formatted if formatted is not None else plain, low, high)

    def _number(self, schema: dict[str, Any], integer: bool, variant: int) -> int | float:
        """The first values in a walk outwards from a natural start that satisfy bounds and multipleOf."""
        step = schema.get("multipleOf")
        step = step if is_number(step) and step > 0 else None
        unit: int | float | Decimal = Decimal(str(step)) if step is not None else 1
        low = _bound(schema, "minimum", "exclusiveMinimum")
        high = _bound(schema, "maximum", "exclusiveMaximum")
        start: float = 1 if integer else 1.5
        if low is not None and start < low:
            start = low
        elif high is not None and start > high:
            start = high
        if low is not None and high is not None and high - low < 1 and not integer:
            start = (low + high) / 2  # a narrow float range: its middle
        if step is not None:
            base = Decimal(round(Decimal(str(start)) / Decimal(str(unit))))
        else:
            base = Decimal(math.ceil(start)) if integer else Decimal(str(start))
        found: list[int | float] = []
        for distance in range(0, 400):
            for sign in ((1,) if distance == 0 else (1, -1)):
                if step is not None:
                    candidate: Decimal = (base + sign * distance) * Decimal(str(unit))
                else:
                    candidate = base + sign * distance
                value: int | float = int(candidate) if integer and candidate == int(candidate) else float(candidate)
                if integer and not isinstance(value, int):
                    continue
                if number_fits(schema, value) and value not in found:
                    found.append(value)
                    if len(found) > variant:
                        return found[variant]
        return found[-1] if found else start


_ANNOTATIONS = frozenset({"description", "title", "deprecated", "externalDocs", "xml", "x-nullable", "nullable", "readOnly", "writeOnly"})


def _annotation(schema: Any) -> bool:
    """A schema that only describes (no type, no constraint): an `allOf` part that adds a description."""
    return isinstance(schema, dict) and all(key in _ANNOTATIONS or key.startswith("x-") for key in schema)


def _bound(schema: dict[str, Any], inclusive: str, exclusive: str) -> float | None:
    """The limit a value must respect, whichever of the 3.0 or 3.1 spellings the schema uses."""
    value = schema.get(inclusive)
    other = schema.get(exclusive)
    if is_number(other):
        return float(other)
    return float(value) if is_number(value) else None


def _pad(text: str, low: int | None, high: int | None) -> str:
    if low is not None and len(text) < low:
        text = text + "x" * (low - len(text))
    if high is not None and len(text) > high:
        text = text[: max(high, 0)]
    return text


def _counter(variant: int, width: int) -> str:
    """A short distinct text for variant n, at most `width` characters (a, b, ..., aa, ...)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    text = ""
    number = variant
    while True:
        text = letters[number % 26] + text
        number = number // 26 - 1
        if number < 0:
            return text[-width:]


def _tag(value: Any, discriminator: Any, chosen: Any, resolve: Callable[[Any], Any]) -> Any:
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
    if tag is None and isinstance(ref, str) and ref.startswith("#/components/schemas/"):
        implicit, allowed = implicit_tag(resolve, ref, name)  # the schema's name (other references have none)
        tag = allowed or implicit
    if tag is not None:
        value = {**value, name: tag}
    return value
