"""Example values for generated tests: the spec's own examples first, else synthesized from the schema.

Synthesis is deterministic (same schema, same value) and bounded (recursion stops at a fixed depth,
where only required properties are kept). Values are plain JSON data that satisfy the schema's
constraints (formats, patterns, lengths, bounds, item counts) as far as one value can; a document's
own example that breaks its schema is repaired part by part, since the generated tests validate
every request and reply against the document. "Breaks" is the tests' own validator's verdict
(`schema_check.SchemaCheck`), on the document as the tests read it (relaxations of relaxations.py applied).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from ..ground.diagnostics import cut_line
from ..ground.json_text import to_json_text as to_json_text  # its users here import it from this module
from ..ground.pointers import join_pointer
from ..ground.tree_copy import copy_tree
from ..ground.discriminators import inherited_discriminator, read_discriminator
from .scalar_samples import number_sample, string_sample
from ..ground.schema_check import Purpose, SchemaCheck, object_parts, shared_check, skipped
from ..parse.schemas import SchemaConverter, implied_type

__all__ = ["ExampleMaker", "Purpose", "to_json_text"]

_MAX_DEPTH = 4
# Properties one synthesized example takes before it takes only required ones: Microsoft Graph's
# entities have a hundred optional properties each, most of them other entities, and filling them
# four levels deep wrote 170 KB of test per operation.
_OPTIONAL_BUDGET = 200
_DEEPEST = 64  # required properties are followed beyond _MAX_DEPTH, but not without end
_WORDS = re.compile(r"[\s\"'`<>(),\[\]{}]+")
_MAX_ITEMS = 64  # minItems beyond this is not honoured (the check then says why the test fails)


def _empty(value: Any) -> bool:
    return isinstance(value, (str, dict, list)) and not value


def _one_member(schema: dict[str, Any], empty: Any, synthesize: Any) -> Any:
    """An empty object or list made to hold one member its schema allows."""
    if isinstance(empty, list) and isinstance(schema.get("items"), dict):
        item = synthesize(schema["items"], "parameter")
        return [] if item is None else [item]
    extra = schema.get("additionalProperties", True)
    if isinstance(empty, dict) and extra is not False:
        value = synthesize(extra, "parameter") if isinstance(extra, dict) and extra else "example"
        return {"example": value}
    return empty


def _clipped(text: str, limit: int = 120) -> str:
    """A validator message stays one short clause (its value dump can be the whole example)."""
    return cut_line(text, limit)


@dataclass
class ExampleMaker:
    converter: SchemaConverter
    check: SchemaCheck = field(init=False)
    _words: list[str] | None = field(default=None, init=False)
    _merged: dict[int, dict[str, Any]] = field(default_factory=dict, init=False)
    _budget: int = field(default=0, init=False)  # properties one example may still take (see _OPTIONAL_BUDGET)
    _making: bool = field(default=False, init=False)  # inside one example: nested calls share its budget
    # Examples made whole, by the text of the schema node the tests check (`_text`) and the rest of the
    # arguments: Graph's operations spell the same schemas thousands of times, each a node of its own.
    _made: dict[tuple[Any, ...], Any] = field(default_factory=dict, init=False)
    _problems: dict[tuple[str, Purpose, str], str | None] = field(default_factory=dict, init=False)  # `_report`'s, the same way

    def __post_init__(self) -> None:
        self.check = shared_check(self.converter.document, self.converter.relaxations)

    def _one_example(self, make: Callable[[], Any]) -> Any:
        """`make()` with a fresh budget when it starts an example (nested calls share the running one)."""
        if self._making:
            return make()
        self._making, self._budget = True, _OPTIONAL_BUDGET
        try:
            return make()
        finally:
            self._making = False

    def for_media(self, media: Any, purpose: Purpose, pointer: str | None = None) -> Any:
        """The example of a media type object; with `pointer` (where its schema is), a value the
        schema still rejects is reported there, since the generated test will then fail."""
        if not isinstance(media, dict):
            return None
        schema = media.get("schema")
        found, value = self._own_example(media)
        if found:
            value = self._conformed(schema, value, purpose, pointer)
        else:
            value = self.for_schema(schema, purpose)
        if pointer is not None and schema is not None:
            self._report(schema, value, purpose, pointer)
        return value

    def for_parameter(self, parameter: dict[str, Any], pointer: str | None = None) -> Any:
        schema = parameter.get("schema")
        found, value = self._own_example(parameter)
        if found:
            value = self._conformed(schema, value, "parameter", join_pointer(pointer, "schema") if pointer is not None else None)
        elif schema is None and isinstance(parameter.get("content"), dict):
            for media_type, media in parameter["content"].items():
                return self.for_media(media, "request", join_pointer(join_pointer(join_pointer(pointer, "content"), media_type), "schema") if pointer else None)
        else:
            value = self.for_schema(schema, "parameter")
        if _empty(value) and not (parameter.get("in") == "query" and parameter.get("allowEmptyValue") is True):
            value = self._non_empty(schema, value, pointer)
        value = self._split_delimited_items(parameter, value)
        if pointer is not None and schema is not None and value is not None:
            self._report(schema, value, "parameter", join_pointer(pointer, "schema"))
        return value

    def one_character(self, schema: Any, value: Any) -> Any:
        """A value of `schema` written with one character (`1`, or the example's first letter), or None."""
        candidates: list[Any] = []
        if isinstance(value, str) and value:
            candidates.append(value[0])
        elif isinstance(value, bool):
            return None
        candidates += [*range(1, 10), *"abcdefghijklmnopqrstuvwxyz", *"ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
        for candidate in candidates:
            if len(str(candidate)) == 1 and (schema is None or not self.violates(schema, candidate, "parameter")):
                return candidate
        return None

    def _split_delimited_items(self, parameter: dict[str, Any], value: Any) -> Any:
        """An array example whose items hold the style's delimiter (Impala's `["id1,id2"]` for a
        non-exploded form list): on the wire that is two items, and so it is read back; the example
        meant the items it spells out."""
        location = parameter.get("in")
        style = parameter.get("style") or ("form" if location in ("query", "cookie") else "simple")
        explode = parameter.get("explode", style == "form")
        delimiter = {"form": ",", "simple": ",", "spaceDelimited": " ", "pipeDelimited": "|"}.get(str(style))
        if delimiter is None or (explode and style == "form") or not isinstance(value, list):
            return value
        if not any(isinstance(item, str) and delimiter in item for item in value):
            return value
        split = [part for item in value for part in (item.split(delimiter) if isinstance(item, str) else [item])]
        schema = parameter.get("schema")
        return split if schema is None or not self.violates(schema, split, "parameter") else value

    def _non_empty(self, schema: Any, empty: Any, pointer: str | None) -> Any:
        """A parameter cannot travel empty (an empty path segment; a query value without
        `allowEmptyValue`; an empty object or list, which no style writes): a synthesized value
        stands in for an empty example, if one fits."""
        resolved = self.check.resolve(schema)
        if isinstance(resolved, dict):  # the empty value may be the schema's own default, example or first enum value
            resolved = {key: value for key, value in resolved.items() if key not in ("default", "example", "examples")}
            enum = resolved.get("enum")
            if isinstance(enum, list) and any(item != "" for item in enum):
                resolved["enum"] = [item for item in enum if item != ""]
        replacement = self.for_schema(resolved, "parameter") if schema is not None else "example"
        if isinstance(resolved, dict) and _empty(replacement) and resolved.get("type") == "string":
            # a pattern whose first branch is the empty text (Ticketmaster's `^\s*$|^(\d+(,\d+)*)?$`)
            low = resolved.get("minLength")
            longer = self.for_schema({**resolved, "minLength": max(1, low if isinstance(low, int) else 0)}, "parameter")
            if isinstance(longer, str) and longer and not self.violates(schema, longer, "parameter"):
                replacement = longer
        if isinstance(resolved, dict) and _empty(replacement):
            replacement = _one_member(resolved, replacement, self.for_schema)
        if _empty(replacement) or replacement is None or (schema is not None and self.violates(schema, replacement, "parameter")):
            return empty
        if pointer is not None:
            self.converter.warnings.warn(pointer, "the parameter's example is empty, which it cannot be on the wire; the generated tests use a synthesized value")
        return replacement

    def _conformed(self, schema: Any, value: Any, purpose: Purpose, pointer: str | None) -> Any:
        """The document's example made to fit its schema; a change is announced where the schema is."""
        if schema is None:
            return value
        fitted = self.conform(schema, value, purpose)
        if pointer is not None and fitted != value:
            problem = self.check.first_error(self.check.local(schema), value, purpose) or "JSON text where the schema wants data"
            self.converter.warnings.warn(pointer, f"the document's example breaks the schema ({_clipped(problem)}); the generated tests use a value repaired to fit")
        return fitted

    def _report(self, schema: Any, value: Any, purpose: Purpose, pointer: str) -> None:
        local = self.check.local(schema)
        schema_text, value_text = self._text(local), self._text(value)
        if schema_text is None or value_text is None:
            problem = self.check.first_error(local, value, purpose)
        else:
            key = (schema_text, purpose, value_text)
            if key not in self._problems:
                self._problems[key] = self.check.first_error(local, value, purpose)
            problem = self._problems[key]
        if problem is not None:
            what = "reply" if purpose == "response" else "request"
            self.converter.warnings.warn(pointer, f"no example value found that satisfies the schema ({problem}); the generated tests' {what} will not match the document")

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
        return self.check.violates(schema, value, purpose)

    def for_schema(self, schema: Any, purpose: Purpose, depth: int = 0, seen: frozenset[str] = frozenset(), variant: int = 0) -> Any:
        """The schema's own example (repaired where it breaks the schema), else a synthesized value.

        `variant` n > 0 asks for the n-th distinct synthesized value (items of `uniqueItems` arrays).
        """
        if self._making:
            return self._for_schema(schema, purpose, depth, seen, variant)
        key = self._text(self.check.local(schema))
        if key is None:
            return self._one_example(lambda: self._for_schema(schema, purpose, depth, seen, variant))
        arguments = (key, purpose, depth, seen, variant)
        if arguments not in self._made:
            self._made[arguments] = self._one_example(lambda: self._for_schema(schema, purpose, depth, seen, variant))
        return copy_tree(self._made[arguments])  # the caller's own: a value may be edited where it is used

    @staticmethod
    def _text(value: Any) -> str | None:
        """`value` as JSON text in its own key order (None when it is not JSON data): what an example made
        from a schema node depends on, since the node's references are read in the one document."""
        try:
            return json.dumps(value, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError, RecursionError):
            return None

    def _for_schema(self, schema: Any, purpose: Purpose, depth: int, seen: frozenset[str], variant: int) -> Any:
        if depth > _DEEPEST:
            return None  # a chain of required objects deeper than any real one: no value (never a stack overflow)
        schema = self.check.local(schema)
        if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            ref = schema["$ref"]
            if ref in seen:
                return None
            seen = seen | {ref}
        schema = self.check.resolve(schema)
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

    def synthesized(self, schema: Any, purpose: Purpose, variant: int = 0) -> Any:
        """A value made from the schema's constraints, its own `example`, `default` and `examples` left
        aside (the generation-time proof asks when the value they gave failed on the wire)."""
        resolved = self.check.resolve(self.check.local(schema))
        if not isinstance(resolved, dict):
            return None
        if "const" in resolved:
            return resolved["const"]
        return self._one_example(lambda: self._synthesize(resolved, purpose, 0, frozenset(), variant))

    def conform(self, schema: Any, value: Any, purpose: Purpose, depth: int = 0, seen: frozenset[str] = frozenset()) -> Any:
        """`value` where it satisfies the schema; the parts that break it replaced by synthesized ones."""
        if not self._making:
            return self._one_example(lambda: self.conform(schema, value, purpose, depth, seen))
        schema = self.check.local(schema)
        resolved = self.check.resolve(schema)
        if isinstance(value, str) and isinstance(resolved, dict) and self._structured(resolved):
            value = _json_text(value)
        if not self.violates(schema, value, purpose):
            return value
        if not isinstance(resolved, dict) or depth > 3 * _MAX_DEPTH:
            return value
        fixed = value
        shape = self._merge(resolved) if isinstance(resolved.get("allOf"), list) else resolved
        if isinstance(value, dict) and self._object_like(shape):
            fixed = self._conform_object(shape, value, purpose, depth, seen)
        elif isinstance(value, list) and isinstance(shape.get("items"), dict):
            fixed = [self.conform(shape["items"], item, purpose, depth + 1, seen) for item in value]
            valid = [item for item in fixed if not self.violates(shape["items"], item, purpose)]
            low = shape.get("minItems")
            if len(valid) < len(fixed) and len(valid) >= (low if isinstance(low, int) else 0):
                fixed = valid  # items no value of the item schema replaces (Sendgrid's disjoint enums) are left out
        if fixed is not value and not self.violates(resolved, fixed, purpose):
            return fixed
        synthesized = self._synthesize(resolved, purpose, depth, seen, 0)
        if not self.violates(resolved, synthesized, purpose) or self._kind_differs(resolved, value, synthesized):
            return synthesized
        # Nothing valid (an unsatisfiable pattern deep inside, say): the candidate with the fewest errors.
        candidates = [fixed, synthesized] if fixed is not value else [value, synthesized]
        return min(candidates, key=lambda candidate: self.check.error_count(resolved, candidate, purpose))

    def _structured(self, schema: dict[str, Any]) -> bool:
        """An object or array schema (however spelled): the client reads such values as JSON data."""
        return schema.get("type") in ("object", "array") or any(key in schema for key in ("properties", "items", "additionalProperties"))

    def _kind_differs(self, schema: dict[str, Any], value: Any, synthesized: Any) -> bool:
        """Whether the example has the wrong JSON type where the synthesized value has the right one."""
        return type(value) is not type(synthesized) and synthesized is not None and not self.violates({"type": schema.get("type")}, synthesized, "request")

    def _object_like(self, schema: dict[str, Any]) -> bool:
        return schema.get("type") == "object" or "properties" in schema or "allOf" in schema or "additionalProperties" in schema

    def _conform_object(self, schema: dict[str, Any], value: dict[str, Any], purpose: Purpose, depth: int, seen: frozenset[str]) -> dict[str, Any]:
        properties, required = object_parts(self.check.resolve, schema)
        extra = schema.get("additionalProperties")
        allowed = self._allowed_names(schema)
        result: dict[str, Any] = {}
        for key, item in value.items():
            if allowed is not None and key not in allowed and key not in required:
                continue
            if key in properties and skipped(self.check.resolve, properties[key], purpose) and not self.check.oas31:
                continue  # readOnly in a request (writeOnly in a reply): OAS 3.0's validator refuses it
            if key in properties:
                result[key] = self.conform(properties[key], item, purpose, depth + 1, seen)
            elif isinstance(extra, dict):
                result[key] = self.conform(extra, item, purpose, depth + 1, seen)
            elif extra is not False:
                result[key] = item
        for name in sorted((required | self._dependents(schema, result)) - set(result)):
            if name in properties and not skipped(self.check.resolve, properties[name], purpose):
                result[name] = self.for_schema(properties[name], purpose, depth + 1, seen)
            elif name not in properties:
                result[name] = self._undeclared(schema, purpose, depth, seen)
        return result

    def _conditional(self, schema: dict[str, Any], purpose: Purpose, depth: int, seen: frozenset[str], variant: int) -> Any:
        """A value of an `if`/`then`/`else` schema: one that takes the `then` branch (meeting `if` too),
        else one that takes `else`; the first the whole schema accepts."""
        base = {key: value for key, value in schema.items() if key not in ("if", "then", "else")}
        branches = [[schema["if"], schema.get("then", {})], [schema.get("else", {})]]
        value: Any = None
        for parts in branches:
            value = self._synthesize({"allOf": [base, *[part for part in parts if isinstance(part, dict)]]}, purpose, depth, seen, variant)
            if not self.violates(schema, value, purpose):
                return value
        return value

    def _dependents(self, schema: dict[str, Any], value: dict[str, Any]) -> set[str]:
        """The names `dependentRequired` asks for, given the names the value has."""
        wanted = self._keyword(schema, "dependentRequired")
        if not isinstance(wanted, dict):
            return set()
        return {name for key, names in wanted.items() if key in value and isinstance(names, list) for name in names if isinstance(name, str)}

    def _undeclared(self, schema: dict[str, Any], purpose: Purpose, depth: int, seen: frozenset[str]) -> Any:
        """A value for a name `required` lists but `properties` does not (Spotify's PagingObject
        requires `items`): the `additionalProperties` schema's, else anything goes."""
        extra = self._keyword(schema, "additionalProperties")
        return self.for_schema(extra, purpose, depth + 1, seen) if isinstance(extra, dict) else "example"

    def _synthesize(self, schema: dict[str, Any], purpose: Purpose, depth: int, seen: frozenset[str], variant: int) -> Any:
        if isinstance(schema.get("enum"), list) and schema["enum"]:
            non_null = [value for value in schema["enum"] if value is not None]
            # Options the rest of the schema rejects ("" in a number enum) are no example.
            usable = [value for value in non_null if not self.violates(schema, value, purpose)] or non_null
            return usable[variant % len(usable)] if usable else None
        if "if" in schema and ("then" in schema or "else" in schema):
            return self._conditional(schema, purpose, depth, seen, variant)
        for keyword in ("oneOf", "anyOf"):
            if isinstance(schema.get(keyword), list) and schema[keyword]:
                return self._option(schema, keyword, purpose, depth, seen, variant)
        if isinstance(schema.get("allOf"), list):
            parts = [self.check.resolve(part) for part in schema["allOf"]]
            substantive = [part for part, resolved in zip(schema["allOf"], parts) if not _annotation(resolved)]
            constraints = [key for key in schema if key not in _ANNOTATIONS and key not in ("allOf", "type", "example", "examples", "default") and not key.startswith("x-")]
            if len(substantive) == 1 and not constraints:
                # `allOf: [$ref, {description}]` (AWS, everywhere): the referenced schema, all its keywords.
                return self.for_schema(substantive[0], purpose, depth, seen, variant)
            merged = self._merge(schema)
            if "allOf" not in merged:
                return self._synthesize(merged, purpose, depth, seen, variant)
            return self.for_schema(schema["allOf"][0], purpose, depth, seen, variant) if schema["allOf"] else None
        kind = schema.get("type")
        if isinstance(kind, list):
            kinds = [k for k in kind if k != "null"]
            kind = kinds[0] if kinds else "null"
        if kind is None:
            kind = implied_type(schema)
        if kind == "object":
            return self._object(schema, purpose, depth, seen, variant)
        if kind == "array":
            return self._array(schema, purpose, depth, seen, variant)
        if kind == "string":
            return string_sample(schema, variant, self._document_words)
        if kind == "integer":
            return int(number_sample(schema, True, variant))
        if kind == "number":
            return float(number_sample(schema, False, variant))
        if kind == "boolean":
            return variant % 2 == 0
        if kind is None and not any(key in schema for key in ("not", "if", "nullable")):
            # Any value will do (Twilio's `Channel: {description}`); null would vanish from a form body.
            return "example" if variant == 0 else f"example{variant + 1}"
        return None

    def _option(self, schema: dict[str, Any], keyword: str, purpose: Purpose, depth: int, seen: frozenset[str], variant: int) -> Any:
        """A value of the first option that gives one the whole schema accepts (else of the first).

        Properties beside the options (`properties` plus `oneOf: [{required: [a]}, {required: [b]}]`)
        belong to every option, so they are synthesized together with the chosen one.
        """
        options = [o for o in schema[keyword] if not (isinstance(o, dict) and o.get("type") == "null")] or list(schema[keyword])
        base = {key: value for key, value in schema.items() if key not in ("oneOf", "anyOf", "discriminator", "example", "examples", "default")}
        shared = isinstance(base.get("properties"), dict) or base.get("type") == "object"
        values: list[Any] = []
        for chosen in options[:8]:
            if shared:
                value = self._object({"allOf": [base, chosen]}, purpose, depth, seen, variant)
                if isinstance(value, dict):
                    # What only the other options require would make the value match them too.
                    others = set().union(*(self._required_names(other) for other in options if other is not chosen))
                    mine = self._required_names(chosen) | self._required_names(base)
                    value = {key: item for key, item in value.items() if key not in others - mine}
            else:
                value = self.for_schema(chosen, purpose, depth, seen, variant)
            values.append(self._tag(value, schema, chosen))
        # A value that matches exactly one `oneOf` option is valid however the check reads oneOf.
        for exclusive in (True, False):
            for value in values:
                if not self.check.violates(schema, value, purpose, exclusive=exclusive):
                    return value
        return values[0]

    def _tag(self, value: Any, schema: dict[str, Any], chosen: Any) -> Any:
        """An example of a tagged union's member with the tag that selects that member, read as the
        client reads the discriminator (its own or one inherited through allOf; see discriminators.py)."""
        if not isinstance(value, dict) or not isinstance(chosen, dict) or not isinstance(chosen.get("$ref"), str):
            return value
        own = schema.get("discriminator")
        inherited = None if isinstance(own, dict) else inherited_discriminator(self.converter.resolve, schema)
        reading = read_discriminator(self.converter.document, schema, inherited)
        if reading is None or reading.mapping is None:
            return value
        ref = unquote(chosen["$ref"])
        tags = [tag for tag, target in reading.mapping.items() if unquote(target) == ref]
        if not tags or value.get(reading.property_name) in tags:
            return value
        return {**value, reading.property_name: tags[0]}

    def _required_names(self, schema: Any) -> set[str]:
        resolved = self.check.resolve(schema)
        return object_parts(self.check.resolve, resolved)[1] if isinstance(resolved, dict) else set()

    def _array(self, schema: dict[str, Any], purpose: Purpose, depth: int, seen: frozenset[str], variant: int) -> list[Any]:
        if isinstance(schema.get("prefixItems"), list) and schema["prefixItems"]:
            return self._tuple(schema, schema["prefixItems"], purpose, depth, seen, variant)
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

    def _tuple(self, schema: dict[str, Any], prefix: list[Any], purpose: Purpose, depth: int, seen: frozenset[str], variant: int) -> list[Any]:
        """A `prefixItems` array: one value per position, then `items` values up to `minItems`."""
        values = [self.for_schema(position, purpose, depth + 1, seen, variant) for position in prefix[:_MAX_ITEMS]]
        low, high, rest = schema.get("minItems"), schema.get("maxItems"), schema.get("items")
        while isinstance(low, int) and len(values) < min(low, _MAX_ITEMS) and isinstance(rest, dict):
            values.append(self.for_schema(rest, purpose, depth + 1, seen, variant))
        return values[: max(high, 0)] if isinstance(high, int) else values

    def _object(self, schema: dict[str, Any], purpose: Purpose, depth: int, seen: frozenset[str], variant: int = 0) -> Any:
        properties, required = object_parts(self.check.resolve, schema)
        allowed = self._allowed_names(schema)
        result: dict[str, Any] = {}
        for name, prop in properties.items():
            if skipped(self.check.resolve, prop, purpose):
                continue
            if allowed is not None and name not in allowed and name not in required:
                continue
            if (depth >= _MAX_DEPTH or self._budget <= 0) and name not in required:
                continue
            value = self.for_schema(prop, purpose, depth + 1, seen, variant)
            if name not in required and (value is None or self.violates(prop, value, purpose)):
                continue  # an optional property without a valid value stays out
            result[name] = value
            self._budget -= 1
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

    def _merge(self, schema: dict[str, Any], depth: int = 0) -> dict[str, Any]:
        """One schema with what its `allOf` parts say folded in (a value must satisfy every part):
        properties and items met in several parts become `allOf`s of their schemas, `required` and
        enums combine; otherwise the first word wins. Only a guide for synthesis and repair: the
        check still validates against the schema as written."""
        key = id(schema)
        if key in self._merged:
            return self._merged[key]
        merged: dict[str, Any] = {name: value for name, value in schema.items() if name != "allOf"}
        parts = [self.check.resolve(part) for part in schema.get("allOf") or []]
        for part in parts:
            if not isinstance(part, dict) or depth > _MAX_DEPTH:
                continue
            if isinstance(part.get("allOf"), list):
                part = self._merge(part, depth + 1)
            for name, value in part.items():
                if name not in merged:
                    merged[name] = dict(value) if name == "properties" and isinstance(value, dict) else value
                elif name == "properties" and isinstance(value, dict) and isinstance(merged[name], dict):
                    for prop, sub in value.items():
                        before = merged[name].get(prop)
                        merged[name][prop] = sub if before is None or before is sub else {"allOf": [before, sub]}
                elif name == "required" and isinstance(value, list) and isinstance(merged[name], list):
                    merged[name] = list(dict.fromkeys(merged[name] + value))
                elif name in ("items", "additionalProperties") and isinstance(value, dict) and isinstance(merged[name], dict) and value is not merged[name]:
                    merged[name] = {"allOf": [merged[name], value]}
                elif name == "additionalProperties" and value is False:
                    merged[name] = False
                elif name == "enum" and isinstance(value, list) and isinstance(merged[name], list):
                    merged[name] = [option for option in merged[name] if option in value] or merged[name]
        allowed = self._allowed_names(schema)
        if allowed is not None and isinstance(merged.get("properties"), dict):
            required = set(merged.get("required") or [])
            merged["properties"] = {name: sub for name, sub in merged["properties"].items() if name in allowed or name in required}
        self._merged[key] = merged
        return merged

    def _allowed_names(self, schema: dict[str, Any]) -> set[str] | None:
        """The property names every `additionalProperties: false` (or `unevaluatedProperties: false`) among
        the schema and its `allOf` parts lets through (each part only knows its own `properties`, the
        second also its parts'); None when any name may go."""
        allowed: set[str] | None = None
        stack: list[Any] = [schema]
        for _ in range(200):  # bounded: allOf chains may loop through references
            if not stack:
                break
            part = self.check.resolve(stack.pop())
            if not isinstance(part, dict):
                continue
            if part.get("additionalProperties") is False and not part.get("patternProperties"):
                own = set(part["properties"]) if isinstance(part.get("properties"), dict) else set()
                allowed = own if allowed is None else allowed & own
            elif part.get("unevaluatedProperties") is False and not part.get("patternProperties"):
                # Read like `additionalProperties: false`, over the properties its allOf parts evaluate too.
                evaluated = set(object_parts(self.check.resolve, part)[0])
                allowed = evaluated if allowed is None else allowed & evaluated
            stack.extend(part.get("allOf") or [])
        return allowed

    def _keyword(self, schema: dict[str, Any], name: str) -> Any:
        """A keyword of the schema, else of its first `allOf` part that has it."""
        if name in schema:
            return schema[name]
        for part in schema.get("allOf") or []:
            resolved = self.check.resolve(part)
            if isinstance(resolved, dict) and name in resolved:
                return resolved[name]
        return None

    def _document_words(self) -> list[str]:
        """Every distinct word of the document's strings, in document order (computed once)."""
        if self._words is None:
            words: dict[str, None] = {}
            stack: list[Any] = [self.converter.document]
            while stack:
                node = stack.pop()
                if isinstance(node, dict):
                    stack.extend(reversed(list(node.values())))
                elif isinstance(node, list):
                    stack.extend(reversed(node))
                elif isinstance(node, str) and len(node) < 100_000:
                    for word in _WORDS.split(node):
                        if word and len(word) <= 2048:
                            words.setdefault(word.rstrip(".;:"), None)  # a sentence's last word, without its stop
                            words.setdefault(word, None)
            self._words = list(words)
        return self._words

_ANNOTATIONS = frozenset({"description", "title", "deprecated", "externalDocs", "xml", "x-nullable", "nullable", "readOnly", "writeOnly"})


def _annotation(schema: Any) -> bool:
    """A schema that only describes (no type, no constraint): an `allOf` part that adds a description."""
    return isinstance(schema, dict) and all(key in _ANNOTATIONS or key.startswith("x-") for key in schema)


def _json_text(value: str) -> Any:
    """An example of an object or array written as JSON text (Nexmo: `example: "{\n  \"_links\": ..."`)
    means the data it spells; a schema without `type` would accept the text itself, the client not."""
    text = value.strip()
    if not text.startswith(("{", "[")):
        return value
    try:
        parsed = json.loads(text)
    except ValueError:
        return value
    return parsed if isinstance(parsed, (dict, list)) else value
