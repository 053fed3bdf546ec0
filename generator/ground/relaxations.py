"""Schemas no value satisfies, and the relaxations the generator answers them with.

Some schemas admit no (finite) value at all:

- a cycle of required, non-nullable properties (`TreeNode` requires `parent`, itself a `TreeNode`):
  every value would need an infinitely deep parent chain;
- an `allOf` whose parts share no JSON type (`allOf: [{type: string}, {type: integer}]`);
- an enum none of whose values has the schema's format (`enum: [now]`, `format: date-time`);
- an array schema whose enum lists single values (meant for the items);
- an object with `additionalProperties: false` that requires a name its `properties` lack, or that
  has no `properties` beside the `oneOf`/`anyOf`/`allOf` options that declare them;
- array items marked readOnly (or writeOnly): no request (or reply) could hold a single item;
- a string format whose values all have lengths its minLength or maxLength exclude (`uuid`, 24 long).

No test can send or answer such a value, and no client can either. The generator then takes the
closest honest reading and says so in a located warning: the property that closes the cycle is
typed nullable (`parent: TreeNode | None`), the `allOf` is read as its parts that agree with the
first one (the client's type already is that part), the enum without the format, the array enum as
the items'. The same reading replaces the schema in the contract tests' validation copy of the
document (`Relaxation`), nowhere else, and the tests of the operations that reach it say so in a
comment. Only what blocks a value is relaxed: an unsatisfiable schema under an optional property is
left alone (the examples leave the property out).

Two more readings apply wherever they occur, since the tests' checks could not even judge a value there:
a `type` that names no type (read as any value, as the client does) and a discriminator read
otherwise than written (discriminators.py).
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .diagnostics import WarningSink
from .pointers import follow_refs, join_pointer, resolve_pointer
from .discriminators import read_discriminator
from .schema_check import format_fits
from .schema_walk import Reach, all_operation_roots, canonical, component_roots, media_type_of, replace_at, schema_nodes

# Formats every value of which has a length in a known range, which the client reads as plain strings:
# a `uuid` with `maxLength: 24` (Intercom's ids, which are MongoDB ObjectIds) admits no value.
_FORMAT_LENGTHS = {"uuid": (36, 36), "ipv4": (7, 15)}
_ALL_KINDS = frozenset({"string", "number", "integer", "boolean", "array", "object", "null"})
_MAX_ROUNDS = 200
_MAX_DEPTH = 64


@dataclass(frozen=True)
class Relaxation:
    """The schema at `pointer` is validated as `schema` in the tests (JSON-able), because `reason`."""

    pointer: str
    schema: Any
    reason: str
    nullable: bool  # the relaxed node is a property now typed `X | None` in the client

    @property
    def schema_json(self) -> str:
        return json.dumps(self.schema, ensure_ascii=False, sort_keys=True)


@dataclass
class Relaxations:
    items: list[Relaxation] = field(default_factory=list)

    def nullable_pointers(self) -> frozenset[str]:
        return frozenset(item.pointer for item in self.items if item.nullable)

    def fingerprint(self) -> str:
        """What `apply` depends on besides the document: each relaxation's place and schema."""
        return json.dumps([(item.pointer, item.schema_json) for item in self.items])

    def apply(self, document: Any) -> Any:
        """A deep copy of `document` with every relaxation in place (the document itself unchanged)."""
        copied = json.loads(json.dumps(document))
        for item in self.items:
            replace_at(copied, item.pointer, json.loads(item.schema_json))
        return copied

    def reached_from(self, document: dict[str, Any], roots: list[tuple[str, Any]], reach: Reach | None = None) -> list[Relaxation]:
        """The relaxations under the given (pointer, schema) roots, references followed (`reach`:
        the walks already made in `document`, for a caller that asks of many operations)."""
        if not self.items:
            return []
        pointers = (reach or Reach(document)).reached(roots, {item.pointer for item in self.items})
        return [item for item in self.items if item.pointer in pointers]


def find_relaxations(document: dict[str, Any], warnings: WarningSink) -> Relaxations:
    """Every relaxation the document needs (usually none), each announced as a warning."""
    finder = _Finder(document)
    found = finder.run()
    for item in found.items:
        warnings.warn(item.pointer, item.reason)
    return found


class _Finder:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.oas30 = str(document.get("openapi", "")).startswith("3.0")
        self.relaxed: dict[str, Relaxation] = {}
        self.table: dict[str, bool] = {}  # $ref -> whether its target admits a value
        self._queue: deque[str] = deque()
        self._consulted: list[str] = []
        self._relaxed_ids: set[int] = set()
        self._kinds_memo: dict[int, frozenset[str]] = {}
        self._memo: dict[int, bool] = {}  # verdicts on inline nodes, once the references are settled
        self._dependents: dict[str, set[str]] = {}  # ref -> refs whose "no value" verdict consulted it
        self._settled = False

    # -- the fixed point: references start as "no value" and become inhabited as values are found

    def run(self) -> Relaxations:
        operations = all_operation_roots(self.document)  # walked once: Graph has 11,422 operations
        roots = component_roots(self.document) + operations
        tagged = {item.pointer: item for item in _discriminator_relaxations(self.document, roots) + _text_body_relaxations(self.document, operations)}
        for _ in range(_MAX_ROUNDS):
            self._solve(roots)
            spot = self._next_relaxation(roots)
            if spot is None:
                break
            self.relaxed[spot.pointer] = spot
            try:
                self._relaxed_ids.add(id(resolve_pointer(self.document, spot.pointer)))
            except KeyError:
                pass
        found = {**tagged, **self.relaxed}
        return Relaxations(sorted(found.values(), key=lambda item: item.pointer))

    def _solve(self, roots: list[tuple[str, Any]]) -> None:
        """Which references admit a value: a worklist that re-evaluates a reference when one it
        consulted turns out inhabited (references never recurse, so long chains cost no stack)."""
        self.table = {}
        self._queue = deque()
        self._consulted = []
        self._memo = {}
        self._dependents = {}
        self._settled = False
        for pointer, schema in roots:
            if pointer.startswith("#/components/schemas/"):
                self._register(pointer)
            self._inhabited(schema, 0)
        self._drain()
        self._settled = True

    def _register(self, ref: str) -> None:
        if ref not in self.table:
            self.table[ref] = False
            self._queue.append(ref)

    def _drain(self) -> None:
        while self._queue:
            ref = self._queue.popleft()
            if self.table[ref]:
                continue
            self._consulted = []
            if self._target_inhabited(ref):
                self.table[ref] = True
                self._queue.extend(self._dependents.pop(ref, ()))
            else:
                for other in self._consulted:
                    if not self.table[other]:
                        self._dependents.setdefault(other, set()).add(ref)

    def _target_inhabited(self, ref: str) -> bool:
        try:
            target = resolve_pointer(self.document, ref)
        except KeyError:
            return True  # unresolvable: not ours to judge
        return self._inhabited(target, 0)

    def _inhabited(self, schema: Any, depth: int) -> bool:
        if schema is False:
            return False
        if not isinstance(schema, dict) or id(schema) in self._relaxed_ids or depth > _MAX_DEPTH:
            return True
        if self._settled:
            known = self._memo.get(id(schema))
            if known is None:
                known = self._memo[id(schema)] = self._evaluate(schema, depth)
            return known
        return self._evaluate(schema, depth)

    def _evaluate(self, schema: dict[str, Any], depth: int) -> bool:
        ref = schema.get("$ref")
        if isinstance(ref, str):
            if not ref.startswith("#/"):
                return True
            if ref not in self.table:
                self._register(ref)
                if self._settled:  # met only now (after the fixed point): settle it too
                    consulted, self._settled = self._consulted, False
                    self._drain()
                    self._consulted, self._settled = consulted, True
            self._consulted.append(ref)
            return self.table[ref]
        kinds = self._kinds(schema, depth)
        if not kinds:
            return False
        for part in schema.get("allOf") or []:
            if not self._inhabited(part, depth + 1):
                return False
        for keyword in ("anyOf", "oneOf"):
            options = schema.get(keyword)
            if isinstance(options, list) and options:
                if not any(self._inhabited(option, depth + 1) for option in options):
                    return False
        return not any(True for _ in self._blocking(schema, "", kinds, depth))

    def _blocking(self, schema: dict[str, Any], pointer: str, kinds: frozenset[str], depth: int = 0) -> Iterator[tuple[str, Any]]:
        """The required properties (or items) without a value, where they are the only way out."""
        if kinds == {"object"}:
            properties = schema.get("properties") if isinstance(schema.get("properties"), dict) else {}
            assert isinstance(properties, dict)
            required = schema.get("required")
            for name in required if isinstance(required, list) else []:
                if isinstance(name, str) and name in properties and not self._inhabited(properties[name], depth + 1):
                    yield join_pointer(join_pointer(pointer, "properties"), name), properties[name]
        if kinds == {"array"} and isinstance(schema.get("minItems"), int) and schema["minItems"] > 0:
            if not self._inhabited(schema.get("items"), depth + 1):
                yield join_pointer(pointer, "items"), schema.get("items")

    def _kinds(self, schema: Any, depth: int) -> frozenset[str]:
        """The JSON types a value of the schema may have (allOf parts intersected)."""
        schema = self._resolve(schema)
        if not isinstance(schema, dict) or depth > _MAX_DEPTH:
            return _ALL_KINDS
        known = self._kinds_memo.get(id(schema))
        if known is None:
            known = self._kinds_memo[id(schema)] = self._own_kinds(schema, depth)
        return known

    def _own_kinds(self, schema: dict[str, Any], depth: int) -> frozenset[str]:
        declared = schema.get("type")
        if isinstance(declared, str):
            kinds = {declared}
        elif isinstance(declared, list) and declared:
            kinds = {str(item) for item in declared}
        else:
            kinds = set(_ALL_KINDS)
        if "number" in kinds:
            kinds.add("integer")
        if self.oas30 and isinstance(declared, str) and schema.get("nullable") is True:
            kinds.add("null")
        if isinstance(schema.get("enum"), list) and schema["enum"]:
            options = self._fitting_options(schema)
            kinds &= {_kind_of(value) for value in options} | ({"integer"} if any(_kind_of(value) == "number" for value in options) else set())
        if "string" in kinds and _format_outside_lengths(schema):
            kinds.discard("string")
        for part in schema.get("allOf") or []:
            kinds &= self._kinds(part, depth + 1)
        return frozenset(kinds)

    def _fitting_options(self, schema: dict[str, Any]) -> list[Any]:
        """The enum values the schema's own `format` accepts (Sendgrid: `enum: [now]` with
        `format: date-time` accepts none)."""
        kind = schema.get("format")
        options = list(schema["enum"])
        if not isinstance(kind, str):
            return options
        return [value for value in options if not isinstance(value, str) or format_fits(kind, value)]

    def _resolve(self, schema: Any) -> Any:
        for _ in range(20):
            if not (isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and schema["$ref"].startswith("#/")):
                break
            try:
                schema = resolve_pointer(self.document, schema["$ref"])
            except KeyError:
                return {}
        return schema

    # -- where to relax

    def _next_relaxation(self, roots: list[tuple[str, Any]]) -> Relaxation | None:
        """The first spot (conflicting allOf parts first, then cycle-closing properties) that blocks a value."""
        for cycles in (False, True):
            for pointer, schema in roots:
                spot = self._blame(schema, pointer, cycles, set(), 0)
                if spot is not None:
                    return spot
        return None

    def _blame(self, schema: Any, pointer: str, cycles: bool, visiting: set[str], depth: int) -> Relaxation | None:
        if depth > _MAX_DEPTH or self._inhabited(schema, 0) or pointer in visiting:
            return None
        visiting = visiting | {pointer}
        if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            ref = schema["$ref"]
            if ref.startswith("#/components/schemas/"):
                return None  # a component is a root of its own
            return self._blame(self._resolve(schema), canonical(ref), cycles, visiting, depth + 1)
        if not isinstance(schema, dict):
            return None
        kinds = self._kinds(schema, 0)
        if not kinds:
            return None if cycles else self._conflict(schema, pointer)
        for keyword in ("allOf", "anyOf", "oneOf"):
            for index, part in enumerate(schema.get(keyword) or []):
                spot = self._blame(part, join_pointer(join_pointer(pointer, keyword), index), cycles, visiting, depth + 1)
                if spot is not None:
                    return spot
                if keyword != "allOf":
                    break  # the first option is the one to mend
        for spot_pointer, spot_schema in self._blocking(schema, pointer, kinds):
            if cycles and spot_pointer.rsplit("/", 2)[-2] == "properties" and self._refers(spot_schema):
                name = spot_pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
                return Relaxation(
                    spot_pointer,
                    {"anyOf": [spot_schema, {"enum": [None]}]},
                    f"required property {name!r} closes a cycle of required properties: no finite value satisfies the schema; "
                    "the client types it nullable and the contract tests accept null there",
                    nullable=True,
                )
            spot = self._blame(spot_schema, spot_pointer, cycles, visiting, depth + 1)
            if spot is not None:
                return spot
        return None

    def _refers(self, schema: Any) -> bool:
        """A property whose value needs another schema by reference (directly or as array items)."""
        if not isinstance(schema, dict):
            return False
        if isinstance(schema.get("$ref"), str):
            return True
        return any(self._refers(part) for key in ("allOf", "anyOf", "oneOf") for part in schema.get(key) or []) or self._refers(schema.get("items"))

    def _conflict(self, schema: dict[str, Any], pointer: str) -> Relaxation | None:
        parts = schema.get("allOf")
        if isinstance(schema.get("enum"), list) and schema["enum"] and isinstance(schema.get("format"), str) and not self._fitting_options(schema):
            relaxed = {key: value for key, value in schema.items() if key != "format"}
            if self._kinds(relaxed, 0):
                return Relaxation(
                    pointer,
                    relaxed,
                    f"no enum value is a {schema['format']!r}: no value satisfies the schema; the client reads it as the enum "
                    "(open to other strings), and the contract tests validate it without the format",
                    nullable=False,
                )
        if _format_outside_lengths(schema):
            relaxed = {key: value for key, value in schema.items() if key != "format"}
            return Relaxation(
                pointer,
                relaxed,
                f"no {schema['format']!r} is {_spoken_lengths(schema)}: no value satisfies the schema; the client reads it "
                "as a string, and the contract tests validate it without the format",
                nullable=False,
            )
        if is_item_enum(schema):
            items = schema.get("items") if isinstance(schema.get("items"), dict) else {}
            relaxed = {key: value for key, value in schema.items() if key != "enum"}
            relaxed["items"] = {"allOf": [items], "enum": schema["enum"]}
            return Relaxation(
                pointer,
                relaxed,
                "an array schema whose enum lists single values: no array is one of them; the client and the "
                "contract tests read the enum as the items'",
                nullable=False,
            )
        if not isinstance(parts, list) or not parts:
            return None
        own = {key: value for key, value in schema.items() if key != "allOf"}
        kinds = self._kinds(own, 0)
        kept: list[Any] = []
        for part in parts:
            narrowed = kinds & self._kinds(part, 0)
            if narrowed:
                kinds = narrowed
                kept.append(part)
        if not kept or not kinds:
            return None
        relaxed = {**own, "allOf": kept}
        names = ", ".join(sorted({kind for part in parts for kind in self._declared(part)})) or "?"
        return Relaxation(
            pointer,
            relaxed,
            f"allOf parts share no type ({names}): no value satisfies the schema; the client reads it as the parts "
            "that agree with the first, and the contract tests validate it that way",
            nullable=False,
        )

    def _declared(self, schema: Any) -> list[str]:
        resolved = self._resolve(schema)
        declared = resolved.get("type") if isinstance(resolved, dict) else None
        return [declared] if isinstance(declared, str) else [str(item) for item in declared] if isinstance(declared, list) else []


def _discriminator_relaxations(document: dict[str, Any], roots: list[tuple[str, Any]]) -> list[Relaxation]:
    """Schemas read otherwise than written wherever they are (see `read_discriminator`, a `type`
    that names no type, and a closed object that requires what it forbids), as validation-copy edits."""
    found: list[Relaxation] = []
    for pointer, node in schema_nodes(document, roots):
        declared = node.get("type")
        if "type" in node and not (isinstance(declared, str) or (isinstance(declared, list) and all(isinstance(item, str) for item in declared))):
            # Codat's `itemType: {type: {type: string, enum: [...]}}`: the validator cannot even run.
            found.append(Relaxation(pointer, {key: value for key, value in node.items() if key != "type"}, "`type` is not a type name: the client reads any value there, and so do the contract tests", nullable=False))
            continue
        replaced = dict(node)
        notes: list[str] = []
        if "discriminator" in node:
            reading = read_discriminator(document, node)
            if reading is not None and reading.note:
                del replaced["discriminator"]
                if reading.mapping is not None and not reading.shared:  # a shared tag selects no one schema
                    replaced["discriminator"] = {**node["discriminator"], "mapping": reading.mapping}
                notes.append(reading.note)
        forbidden = _required_but_forbidden(node)
        if forbidden:
            replaced["properties"] = {**_properties_of(node), **{name: {} for name in forbidden}}
            spelled = ", ".join(map(repr, forbidden))
            notes.append(f"required {spelled} not among the properties of an object with additionalProperties: false (no value has them and lacks them): read as properties of any value, as the client types them")
        elif undeclared := _required_undeclared(node):
            # An open object: valid as written, but the tests' checks read form fields by the declared
            # properties alone and would lose these (rtckit's ConferenceName); the client types them Any.
            replaced["properties"] = {**_properties_of(node), **{name: {} for name in undeclared}}
            notes.append(f"required {', '.join(map(repr, undeclared))} not among the properties: read as properties of any value, as the client types them")
        if _closed_around_options(node):
            del replaced["additionalProperties"]
            notes.append(
                "additionalProperties: false beside oneOf/anyOf/allOf and no properties of its own forbids every property its "
                "options declare (no object with one satisfies it): read open, as the client types the options"
            )
        else:
            inherited = _closed_but_inherited(document, node)
            if inherited:
                replaced["properties"] = {**_properties_of(node), **{name: {} for name in inherited}}
                notes.append(
                    f"additionalProperties: false forbids {', '.join(map(repr, inherited))}, which its allOf parts declare: "
                    "read as its properties too, as the client types them"
                )
        if notes:
            found.append(Relaxation(pointer, replaced, "; ".join(notes), nullable=False))
        item = _access_marked_item(document, node)
        if item is not None:
            found.append(Relaxation(join_pointer(pointer, "items"), item, "readOnly/writeOnly on array items: only properties are left out of requests or replies; the client sends and reads the items, and the contract tests check them without the mark", nullable=False))
    return found


def _access_marked_item(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any] | None:
    """The items schema of an array without its readOnly/writeOnly mark, when it has one (Probely's
    `targetIds: {items: {$ref: id}}` where `id` is read-only): the validator would refuse every item."""
    items = follow_refs(document, node.get("items"))
    if not isinstance(items, dict) or not (items.get("readOnly") is True or items.get("writeOnly") is True):
        return None
    return {key: value for key, value in items.items() if key not in ("readOnly", "writeOnly")}


def _required_but_forbidden(node: dict[str, Any]) -> list[str]:
    """Names an object requires while its `additionalProperties: false` and `properties` forbid them."""
    required = node.get("required")
    if node.get("additionalProperties") is not False or not isinstance(required, list) or node.get("patternProperties"):
        return []
    properties = _properties_of(node)
    return sorted({name for name in required if isinstance(name, str) and name not in properties})


def _closed_around_options(node: dict[str, Any]) -> bool:
    """Jira's `CustomFieldContextDefaultValue`: `additionalProperties: false` and a `oneOf` of objects,
    no `properties` of its own. JSON Schema's closedness does not look into the options."""
    if node.get("additionalProperties") is not False or _properties_of(node) or node.get("patternProperties"):
        return False
    return any(isinstance(node.get(keyword), list) and node[keyword] for keyword in ("oneOf", "anyOf", "allOf"))


def _closed_but_inherited(document: dict[str, Any], node: dict[str, Any]) -> list[str]:
    """Names the `allOf` parts of a closed object declare and its own `properties` lack (ShipEngine's
    list replies: closed, with `allOf: [paged_list_response_body]` giving `page`, `total`, `links`)."""
    if node.get("additionalProperties") is not False or node.get("patternProperties") or not isinstance(node.get("allOf"), list):
        return []
    own = _properties_of(node)
    names: set[str] = set()
    for part in node["allOf"]:
        resolved = follow_refs(document, part)
        if isinstance(resolved, dict):
            names.update(name for name in _properties_of(resolved) if name not in own)
    return sorted(names)


def _required_undeclared(node: dict[str, Any]) -> list[str]:
    """Names an open object requires without declaring them (nor typing them by additionalProperties)."""
    required = node.get("required")
    if not isinstance(required, list) or node.get("patternProperties") or isinstance(node.get("additionalProperties"), dict):
        return []
    if node.get("type") not in (None, "object") or not isinstance(node.get("properties"), dict):
        return []
    properties = _properties_of(node)
    return sorted({name for name in required if isinstance(name, str) and name not in properties})


def _properties_of(node: dict[str, Any]) -> dict[str, Any]:
    properties = node.get("properties")
    return properties if isinstance(properties, dict) else {}


def _text_body_relaxations(document: dict[str, Any], operation_roots: list[tuple[str, Any]]) -> list[Relaxation]:
    """Plain-text bodies (`text/plain`, `text/csv` ...) whose schema declares another JSON type:
    chain49's transaction hex is `text/plain` with `type: object`. A text body is a string on the wire
    and in the client; the tests' checks would hold that string against the object schema, which no text
    satisfies. Read as a string, with the schema's own annotations."""
    found: list[Relaxation] = []
    for pointer, schema in operation_roots:
        if "text~1" not in pointer.lower():  # cheap: a text/ media type's slash is spelled ~1 in the pointer
            continue
        media_type = media_type_of(pointer)
        if media_type is None or not _plain_text(media_type):
            continue
        resolved = follow_refs(document, schema)
        if not isinstance(resolved, dict):
            continue
        declared = resolved.get("type")
        kinds = {declared} if isinstance(declared, str) else set(declared) if isinstance(declared, list) else set()
        if not kinds or "string" in kinds or not kinds <= _ALL_KINDS:
            continue
        kept = {key: value for key, value in resolved.items() if key in ("description", "title", "example", "deprecated") and not isinstance(value, (dict, list))}
        reason = f"a {media_type} body is text, but its schema says {declared!r}: the client sends and reads it as a string, and the contract tests check it as one"
        found.append(Relaxation(pointer, {**kept, "type": "string"}, reason, nullable=False))
    unique = {item.pointer: item for item in found}
    return list(unique.values())


def _plain_text(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    # text/event-stream is no text body: its schema describes each event's data (parse/streams.py).
    return base.startswith("text/") and "xml" not in base and "json" not in base and base != "text/event-stream"


def is_item_enum(schema: Any) -> bool:
    """`type: array` with an enum of single values (BBC's `mixin`): meant as the items' enum."""
    enum = schema.get("enum") if isinstance(schema, dict) else None
    return schema.get("type") == "array" and isinstance(enum, list) and bool(enum) and not any(isinstance(value, list) for value in enum)


def _kind_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _format_outside_lengths(schema: dict[str, Any]) -> bool:
    kind = schema.get("format")
    lengths = _FORMAT_LENGTHS.get(kind) if isinstance(kind, str) else None
    if lengths is None or "enum" in schema:
        return False
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    if not isinstance(low, int) or isinstance(low, bool):
        low = 0
    if not isinstance(high, int) or isinstance(high, bool):
        high = None
    return low > lengths[1] or (high is not None and high < lengths[0])


def _spoken_lengths(schema: dict[str, Any]) -> str:
    low, high = schema.get("minLength"), schema.get("maxLength")
    if low == high:
        return f"{low} characters long"
    return " and ".join(part for part in (f"at least {low}" if low else "", f"at most {high}" if high is not None else "") if part) + " characters long"
