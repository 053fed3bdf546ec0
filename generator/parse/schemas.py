"""Schemas to types: every JSON Schema the spec uses becomes a `TypeRef`, objects become `Model`s.

Component schemas get their names first (in spec order) so that references, including recursive
ones, are just names. Inline objects are named after where they appear (`SessionOrganization`).
What cannot be expressed exactly becomes the closest honest type plus a located warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Any

from ..ground.diagnostics import WarningSink
from .ir import (
    ANY,
    BASE64,
    NONE,
    Default,
    DictType,
    Discriminator,
    ListType,
    LiteralType,
    Model,
    ModelField,
    NamedType,
    Primitive,
    TypeAlias,
    TypeRef,
    UnionType,
    nullable,
)
from ..ground.implied_tags import implied_tag
from ..ground.pointers import follow_refs, join_pointer, resolve_pointer, split_pointer
from ..ground.contract import RESERVED_MODEL_ATTRIBUTES, RESERVED_TYPING_NAMES
from ..ground.naming import BUILTIN_CLASS_NAMES, NameScope, make_identifier
from ..ground.discriminators import inherited_discriminator, read_discriminator
from ..ground.relaxations import Relaxations, is_item_enum
from .overlap import certainly_overlap
from .text import describe, unverified_note as _unverified

_COMPONENT_PREFIX = "#/components/schemas/"
_FIELD_RESERVED = RESERVED_MODEL_ATTRIBUTES | RESERVED_TYPING_NAMES
_STRING_FORMATS = {"date-time": "datetime.datetime", "date": "datetime.date", "binary": "bytes"}
_SCALAR_TYPES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}


def implied_type(schema: dict[str, Any]) -> str | None:
    """The type the client reads from a schema that declares none: its keywords say object or array.
    The generated tests' examples and checks read a schema the same way (testgen/)."""
    if "properties" in schema or "additionalProperties" in schema:
        return "object"
    if "items" in schema:
        return "array"
    return None


@dataclass
class SchemaConverter:
    document: dict[str, Any]
    warnings: WarningSink
    relaxations: Relaxations = field(default_factory=Relaxations)
    model_names: NameScope = field(default_factory=NameScope)
    models: dict[str, Model] = field(default_factory=dict)
    aliases: dict[str, TypeAlias] = field(default_factory=dict)
    _component_names: dict[str, str] = field(default_factory=dict)
    _pending_components: list[str] = field(default_factory=list)
    _in_progress: set[str] = field(default_factory=set)
    _inline_cache: dict[str, TypeRef] = field(default_factory=dict)
    _nullable_models: dict[str, bool] = field(default_factory=dict)  # per component pointer: every reference asks
    _model_properties: dict[str, dict[str, Any]] = field(default_factory=dict)  # per model pointer: pagination asks per field
    _nullable_pointers: frozenset[str] = field(default=frozenset(), init=False)

    def __post_init__(self) -> None:
        self._nullable_pointers = self.relaxations.nullable_pointers()
        # Names models.py itself uses unprefixed; pydantic helpers are imported as _Field etc.
        self.model_names.reserve("Any", "Literal", "Annotated", "datetime", *BUILTIN_CLASS_NAMES)
        schemas = self.document.get("components", {}).get("schemas", {}) or {}
        for raw_name in schemas:
            name = self.model_names.claim(make_identifier(raw_name, style="pascal", fallback="model"))
            self._component_names[_COMPONENT_PREFIX + _escape(raw_name)] = name
            self._pending_components.append(raw_name)

    # ------------------------------------------------------------ public

    def convert_components(self) -> None:
        """Turn every component schema into a model or an alias (even the unused ones)."""
        schemas = self.document.get("components", {}).get("schemas", {}) or {}
        for raw_name in self._pending_components:
            pointer = _COMPONENT_PREFIX + _escape(raw_name)
            self._define_component(pointer, schemas[raw_name])

    def type_of(self, schema: Any, pointer: str, hint: str) -> TypeRef:
        """The type of a schema appearing at `pointer`; `hint` names an inline object model."""
        if not isinstance(schema, dict):
            if schema is False:
                return NONE
            return ANY
        ref = schema.get("$ref")
        if isinstance(ref, str):
            base = self._ref_type(ref, pointer, hint)
            return nullable(base) if schema.get("nullable") is True else base
        return self._inline_type(schema, pointer, hint)

    def resolve(self, value: Any) -> Any:
        """Follow `$ref`s (of any component kind) to the object they point at."""
        return follow_refs(self.document, value)

    def model_for(self, type_ref: TypeRef) -> Model | None:
        if isinstance(type_ref, NamedType):
            return self.models.get(type_ref.name)
        return None

    def property_schema(self, model: Model, wire_name: str) -> dict[str, Any]:
        """The raw schema of a model's property (allOf parts merged, references followed); {} if unknown."""
        properties = self._model_properties.get(model.pointer)
        if properties is None:
            try:
                schema = resolve_pointer(self.document, model.pointer)
            except KeyError:
                schema = None
            properties = self.properties_of(schema, model.pointer) if isinstance(schema, dict) else {}
            self._model_properties[model.pointer] = properties
        found = self.resolve(properties.get(wire_name, {}))
        return found if isinstance(found, dict) else {}

    def properties_of(self, schema: dict[str, Any], pointer: str = "#") -> dict[str, Any]:
        """An object schema's property schemas by wire name, allOf parts merged in order."""
        properties, _ = self._collect_properties(schema, pointer, set())
        return {name: value for name, (value, _) in properties.items()}

    # ------------------------------------------------------------ references

    def _ref_type(self, ref: str, pointer: str, hint: str) -> TypeRef:
        name = self._component_names.get(ref)
        if name is not None:
            if self._is_nullable_model(ref):
                return nullable(NamedType(name))  # a class cannot hold None: every reference must
            return NamedType(name)
        if not ref.startswith("#/"):
            self.warnings.warn(pointer, f"unsupported $ref {ref!r}; typed as Any")
            return ANY
        if ref in self._inline_cache:
            return self._inline_cache[ref]
        try:
            target = resolve_pointer(self.document, ref)
        except KeyError:
            self.warnings.warn(pointer, f"$ref {ref!r} does not resolve; typed as Any")
            return ANY
        if ref in self._in_progress:
            self.warnings.warn(pointer, f"recursive $ref {ref!r} outside components/schemas; typed as Any")
            return ANY
        self._in_progress.add(ref)
        try:
            tokens = split_pointer(ref)
            result = self.type_of(target, ref, tokens[-1] if tokens else hint)
        finally:
            self._in_progress.discard(ref)
        self._inline_cache[ref] = result
        return result

    def _define_component(self, pointer: str, schema: Any) -> None:
        name = self._component_names[pointer]
        if name in self.models or name in self.aliases:
            return
        if isinstance(schema, dict) and self._is_object_model(schema):
            self._build_model(name, schema, pointer)
            return
        # A named non-object schema (enum, array, union, scalar) becomes a type alias.
        self.aliases[name] = TypeAlias(name, ANY, describe(schema))
        type_ref = self.type_of(schema, pointer, name)
        if isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and type_ref == NamedType(name):
            type_ref = ANY
        self.aliases[name] = TypeAlias(name, type_ref, describe(schema))

    # ------------------------------------------------------------ inline schemas

    def _inline_type(self, schema: dict[str, Any], pointer: str, hint: str) -> TypeRef:
        is_null = schema.get("nullable") is True
        if "const" in schema:
            literal = _literal_of([schema["const"]])
            base: TypeRef = literal if literal is not None else ANY
        elif is_item_enum(schema):
            # The document's enum is meant for the items (relaxations.py relaxes the tests the same way).
            items = schema.get("items") if isinstance(schema.get("items"), dict) else {}
            item_schema = {"allOf": [items], "enum": schema["enum"]} if items else {"enum": schema["enum"]}
            base = ListType(self.type_of(item_schema, join_pointer(pointer, "items"), hint + "Item"))
        elif isinstance(schema.get("enum"), list):
            base = self._enum_type(schema, pointer)
            is_null = is_null or None in schema["enum"]
        elif "allOf" in schema and isinstance(schema["allOf"], list):
            base = self._all_of_type(schema, pointer, hint)
        elif isinstance(schema.get("oneOf"), list) or isinstance(schema.get("anyOf"), list):
            base = self._union_type(schema, pointer, hint)
        else:
            base = self._typed(schema, pointer, hint)
        if is_null:
            return nullable(base)
        return base

    def _typed(self, schema: dict[str, Any], pointer: str, hint: str) -> TypeRef:
        declared = schema.get("type")
        if isinstance(declared, list):
            options = [self._single_type(schema, kind, pointer, hint) for kind in declared if isinstance(kind, str)]
            unique = tuple(dict.fromkeys(options))
            if not unique:
                return ANY
            if len(unique) == 1:
                return unique[0]
            if NONE in unique and len(unique) == 2:
                return nullable(next(option for option in unique if option != NONE))
            return UnionType(unique)
        if isinstance(declared, str):
            return self._single_type(schema, declared, pointer, hint)
        implied = implied_type(schema)
        return self._single_type(schema, implied, pointer, hint) if implied else ANY

    def _single_type(self, schema: dict[str, Any], kind: str, pointer: str, hint: str) -> TypeRef:
        if kind == "string":
            python = _STRING_FORMATS.get(str(schema.get("format", "")), "str")
            if schema.get("contentEncoding") == "base64" or schema.get("format") == "byte":
                python = "str"
            return Primitive(python)
        if kind in _SCALAR_TYPES:
            return Primitive(_SCALAR_TYPES[kind])
        if kind == "array":
            if isinstance(schema.get("prefixItems"), list) and schema["prefixItems"]:
                return self._tuple_type(schema, pointer, hint)
            items = schema.get("items")
            if items is None or items is True:
                return ListType(ANY)
            return ListType(self.type_of(items, join_pointer(pointer, "items"), hint + "Item"))
        if kind == "object":
            if self._is_object_model(schema):
                return self._inline_model(schema, pointer, hint)
            extra = schema.get("additionalProperties", True)
            if isinstance(extra, dict) and extra:
                return DictType(self.type_of(extra, join_pointer(pointer, "additionalProperties"), hint + "Value"))
            return DictType(ANY)
        self.warnings.warn(pointer, f"unknown schema type {kind!r}; typed as Any")
        return ANY

    def _tuple_type(self, schema: dict[str, Any], pointer: str, hint: str) -> TypeRef:
        """A `prefixItems` tuple is a list (its positions are in the docstring): of their one type
        when every position and the further `items` agree, else of Any."""
        positions = [
            self.type_of(item, join_pointer(join_pointer(pointer, "prefixItems"), index), f"{hint}Item{index + 1}")
            for index, item in enumerate(schema["prefixItems"])
        ]
        rest = schema.get("items", True)
        if rest is not False:
            positions.append(self.type_of(rest, join_pointer(pointer, "items"), hint + "Item") if isinstance(rest, dict) else ANY)
        kinds = set(positions)
        return ListType(positions[0] if len(kinds) == 1 else ANY)

    def _enum_type(self, schema: dict[str, Any], pointer: str) -> TypeRef:
        values = [value for value in schema["enum"] if value is not None]
        if not values and schema["enum"]:
            return NONE  # `enum: [null]`: null is the only value (3.0's reading of `type: 'null'`)
        literal = _literal_of(values)
        declared = schema.get("type")
        kinds = [declared] if isinstance(declared, str) else [k for k in declared or [] if k != "null"]
        base_types = tuple(dict.fromkeys(Primitive(_SCALAR_TYPES[k]) for k in kinds if k in _SCALAR_TYPES and k != "null"))
        if not base_types:
            base_types = tuple(dict.fromkeys(Primitive(_python_scalar(value)) for value in values))
        if literal is None:
            if values:
                self.warnings.warn(pointer, "enum with non-scalar values; typed by its base type")
            return base_types[0] if len(base_types) == 1 else (UnionType(base_types) if base_types else ANY)
        # Enums stay open: a value the server adds tomorrow must still parse.
        return UnionType((literal,) + base_types)

    def _union_type(self, schema: dict[str, Any], pointer: str, hint: str) -> TypeRef:
        keyword = "oneOf" if isinstance(schema.get("oneOf"), list) else "anyOf"
        members = schema[keyword]
        options: list[TypeRef] = []
        for index, member in enumerate(members):
            option = self.type_of(member, join_pointer(join_pointer(pointer, keyword), index), f"{hint}Option{index + 1}")
            if option not in options:
                options.append(option)
        if schema.get("properties") and isinstance(schema.get("type"), str):
            self.warnings.warn(pointer, f"{keyword} beside properties: the properties are not merged into the options")
        if keyword == "oneOf":
            self._warn_overlap(schema, members, pointer)
        if not options:
            return ANY
        if len(options) == 1:
            return options[0]
        discriminator = self._discriminator(schema, options, pointer) or self._implied_discriminator(members, options)
        return UnionType(tuple(options), discriminator)

    def _implied_discriminator(self, members: list[Any], options: list[TypeRef]) -> Discriminator | None:
        """Options of component schemas told apart by a value each pins (`ground/implied_tags.py`)."""
        if len(options) != len(members) or not all(isinstance(option, NamedType) for option in options):
            return None
        tag = implied_tag(self.document, members)
        if tag is None:
            return None
        names = [option.name for option in options if isinstance(option, NamedType)]
        return Discriminator(tag.path[-1], tuple(zip(tag.values, names)), path=tag.path[:-1])

    def _warn_overlap(self, schema: dict[str, Any], members: list[Any], pointer: str) -> None:
        """Options one value can satisfy together, in a oneOf no discriminator (own or inherited) decides."""
        own = schema.get("discriminator")
        named = all(isinstance(member, dict) and str(member.get("$ref", "")).startswith(_COMPONENT_PREFIX) for member in members)
        if named and (isinstance(own, dict) or inherited_discriminator(self.resolve, schema) is not None):
            return
        for first in range(len(members)):
            for second in range(first + 1, len(members)):
                if certainly_overlap(self.resolve, members[first], members[second]):
                    self.warnings.warn(
                        pointer,
                        f"oneOf options {first + 1} and {second + 1} overlap (a value can be valid under both, which"
                        " JSON Schema's exactly-one rejects); the generated contract tests check this oneOf as anyOf",
                    )
                    return

    def _discriminator(self, schema: dict[str, Any], options: list[TypeRef], pointer: str) -> Discriminator | None:
        own = schema.get("discriminator")
        inherited = None if isinstance(own, dict) else inherited_discriminator(self.resolve, schema)
        reading = read_discriminator(self.document, schema, inherited)
        if reading is None:
            return None
        if reading.mapping is None:
            self.warnings.warn(pointer, reading.note)
            return None
        if reading.note:
            self.warnings.warn(pointer, reading.note)
        mapping: list[tuple[str, str]] = []
        for value, target_pointer in reading.mapping.items():
            target = self._component_names.get(target_pointer)
            if target is None:
                self.warnings.warn(pointer, f"discriminator mapping {value!r} -> {target_pointer!r} is not a component schema")
                continue
            mapping.append((value, target))
        if not all(isinstance(option, NamedType) for option in options):
            self.warnings.warn(pointer, "discriminator over inline options: parsed as a plain union")
            return None
        shared = tuple((value, self._names(targets)) for value, targets in reading.shared.items())
        return Discriminator(reading.property_name, tuple(mapping), shared, self._names(reading.untagged))

    def _names(self, pointers: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(name for name in (self._component_names.get(pointer) for pointer in pointers) if name is not None)

    def _all_of_type(self, schema: dict[str, Any], pointer: str, hint: str) -> TypeRef:
        # A part that only annotates (`{description: ...}`) adds no type: `allOf: [{$ref}, {description}]`
        # is how many specs put a description on a reference.
        parts = [part for part in schema["allOf"] if isinstance(part, dict) and not _annotation_only(part)]
        own = {key: value for key, value in schema.items() if key not in ("allOf",) and key not in _ANNOTATIONS}
        if len(parts) == 1 and not own:
            return self.type_of(parts[0], join_pointer(join_pointer(pointer, "allOf"), 0), hint)
        if self._is_object_model(schema):
            return self._inline_model(schema, pointer, hint)
        self.warnings.warn(pointer, "allOf of non-object schemas; typed as the first part")
        return self.type_of(parts[0], join_pointer(join_pointer(pointer, "allOf"), 0), hint) if parts else ANY

    # ------------------------------------------------------------ objects

    def _is_nullable_model(self, ref: str) -> bool:
        """A component that becomes a model class yet allows null (3.0 `nullable`, 3.1 `type: [object, "null"]`)."""
        known = self._nullable_models.get(ref)
        if known is None:
            schema = resolve_pointer(self.document, ref)  # a known component: it resolves
            declared = schema.get("type") if isinstance(schema, dict) else None
            known = (
                isinstance(schema, dict)
                and (schema.get("nullable") is True or (isinstance(declared, list) and "null" in declared))
                and self._is_object_model(schema)
            )
            self._nullable_models[ref] = known
        return known

    def _is_object_model(self, schema: dict[str, Any]) -> bool:
        declared = schema.get("type")
        if (isinstance(declared, str) and declared != "object") or (isinstance(declared, list) and declared and "object" not in declared):
            return False  # `type: array` with `properties` (DataAtWork's Jobs): a list; the properties bind objects only
        if isinstance(schema.get("properties"), dict) and schema["properties"]:
            return True
        if isinstance(schema.get("allOf"), list):
            return any(self._is_object_model(self.resolve(part)) for part in schema["allOf"] if isinstance(part, dict)) and not schema.get("enum")
        return False

    def _inline_model(self, schema: dict[str, Any], pointer: str, hint: str) -> TypeRef:
        if pointer in self._inline_cache:
            return self._inline_cache[pointer]
        name = self.model_names.claim(make_identifier(hint, style="pascal", fallback="model"))
        self._inline_cache[pointer] = NamedType(name)
        self._build_model(name, schema, pointer)
        return NamedType(name)

    def _build_model(self, name: str, schema: dict[str, Any], pointer: str) -> None:
        # Register first so that recursion through this model sees its name.
        self.models[name] = Model(name, describe(schema), (), pointer)
        properties, required = self._collect_properties(schema, pointer, set())
        for wire_name in sorted(required - set(properties)):
            # Required but not declared: still part of the contract, so a field (typed by
            # additionalProperties, else Any) lets callers send it and replies keep it.
            extra = schema.get("additionalProperties")
            self.warnings.warn(pointer, f"required property {wire_name!r} is not declared in properties; typed by additionalProperties" if isinstance(extra, dict) else f"required property {wire_name!r} is not declared in properties; typed as Any")
            properties[wire_name] = (extra if isinstance(extra, dict) else {}, join_pointer(pointer, "additionalProperties") if isinstance(extra, dict) else pointer)
        field_names = _field_names(list(properties))
        fields: list[ModelField] = []
        for wire_name, (prop_schema, prop_pointer) in properties.items():
            field_name = field_names[wire_name]
            resolved = self.resolve(prop_schema) if isinstance(prop_schema, dict) else {}
            prop_type = self.type_of(prop_schema, prop_pointer, name + make_identifier(wire_name, style="pascal", fallback="field"))
            if _encodes_base64(resolved, self.resolve):
                prop_type = _as_base64(prop_type)  # bytes for the caller, base64 text on the wire
            read_only = _flag(prop_schema, resolved, "readOnly")
            write_only = _flag(prop_schema, resolved, "writeOnly")
            is_required = wire_name in required and not read_only and not write_only
            default = _default_of(prop_schema if isinstance(prop_schema, dict) and "default" in prop_schema else resolved)
            if default is not None and not _default_fits(prop_type, default.value):
                self.warnings.warn(prop_pointer, f"default {default.value!r} does not fit the property's type; not used")
                default = None
            if prop_pointer in self._nullable_pointers:
                prop_type = nullable(prop_type)  # the property closes a cycle no finite value ends (relaxations.py)
            if not is_required:
                # Optional fields accept null too: servers often send null for "absent".
                prop_type = nullable(prop_type)
            fields.append(
                ModelField(
                    name=field_name,
                    wire_name=wire_name,
                    type=prop_type,
                    required=is_required,
                    default=default,
                    description=describe(prop_schema if isinstance(prop_schema, dict) and prop_schema.get("description") else resolved),
                    read_only=read_only,
                    write_only=write_only,
                    deprecated=_flag(prop_schema, resolved, "deprecated"),
                    unverified=_unverified(prop_schema) or _unverified(resolved),
                )
            )
        self.models[name] = Model(
            name,
            describe(schema),
            tuple(fields),
            pointer,
            deprecated=schema.get("deprecated") is True,
            unverified=_unverified(schema),
        )

    def _collect_properties(self, schema: dict[str, Any], pointer: str, seen: set[int]) -> tuple[dict[str, tuple[Any, str]], set[str]]:
        """Properties of an object schema with allOf parts merged in order; conflicts are warned about."""
        if id(schema) in seen:
            return {}, set()
        seen = seen | {id(schema)}
        properties: dict[str, tuple[Any, str]] = {}
        required: set[str] = set()
        for index, part in enumerate(schema.get("allOf") or []):
            part_ref = part.get("$ref") if isinstance(part, dict) else None
            part_pointer = part_ref if isinstance(part_ref, str) else join_pointer(join_pointer(pointer, "allOf"), index)
            resolved = self.resolve(part)
            if not isinstance(resolved, dict):
                continue
            part_props, part_required = self._collect_properties(resolved, part_pointer, seen)
            for key, value in part_props.items():
                if key in properties and _schema_kind(properties[key][0], self) != _schema_kind(value[0], self):
                    self.warnings.warn(pointer, f"allOf parts disagree on property {key!r}; the later part wins")
                properties[key] = value
            required |= part_required
        own = schema.get("properties")
        if isinstance(own, dict):
            own_pointer = join_pointer(pointer, "properties")
            for key, value in own.items():
                if key in properties and _schema_kind(properties[key][0], self) != _schema_kind(value, self):
                    self.warnings.warn(pointer, f"allOf parts disagree on property {key!r}; the later part wins")
                properties[key] = (value, join_pointer(own_pointer, key))
        if isinstance(schema.get("required"), list):
            required |= {item for item in schema["required"] if isinstance(item, str)}
        return properties, required

    # ------------------------------------------------------------ output

    def all_models(self) -> tuple[Model, ...]:
        return tuple(self.models.values())

    def all_aliases(self) -> tuple[TypeAlias, ...]:
        return tuple(self.aliases.values())


_ANNOTATIONS = frozenset(
    {"description", "nullable", "title", "example", "examples", "deprecated", "readOnly", "writeOnly", "default", "externalDocs", "discriminator", "xml", "$comment"}
)


def _annotation_only(part: dict[str, Any]) -> bool:
    return all(key in _ANNOTATIONS or key.startswith("x-") for key in part)


def _escape(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")


def _flag(schema: Any, resolved: Any, key: str) -> bool:
    return (isinstance(schema, dict) and schema.get(key) is True) or (isinstance(resolved, dict) and resolved.get(key) is True)


def _default_of(schema: Any) -> Default | None:
    if isinstance(schema, dict) and "default" in schema:
        value = schema["default"]
        if value is None or isinstance(value, (str, int, float, bool)):
            return Default(value)
    return None


def _default_fits(type_ref: TypeRef, value: object) -> bool:
    """Whether a scalar default is a valid value of the field's type (else mypy rightly objects)."""
    if value is None:
        return True
    if isinstance(type_ref, UnionType):
        return any(_default_fits(option, value) for option in type_ref.options)
    if isinstance(type_ref, LiteralType):
        return any(type(value) is type(item) and value == item for item in type_ref.values)
    if isinstance(type_ref, Primitive):
        accepted = {"str": (str,), "int": (int,), "float": (int, float), "bool": (bool,), "Any": (object,)}.get(type_ref.python, ())
        return isinstance(value, accepted) and not (isinstance(value, bool) and type_ref.python in ("int", "float"))
    return False


def _encodes_base64(schema: Any, resolve: Callable[[Any], Any]) -> bool:
    """A `contentEncoding: base64` string, or an array of them."""
    if isinstance(schema, dict) and schema.get("type") == "array":
        schema = resolve(schema.get("items"))
    return isinstance(schema, dict) and schema.get("contentEncoding") == "base64"


def _as_base64(type_ref: TypeRef) -> TypeRef:
    """The type with its `str` (alone, the items of a list, or an option) read as base64 bytes."""
    if type_ref == Primitive("str"):
        return BASE64
    if isinstance(type_ref, ListType):
        return ListType(_as_base64(type_ref.item))
    if isinstance(type_ref, UnionType):
        return UnionType(tuple(_as_base64(option) for option in type_ref.options), type_ref.discriminator)
    return type_ref


def _literal_of(values: list[Any]) -> LiteralType | None:
    if not values or not all(isinstance(value, (str, int, bool)) for value in values):
        return None
    unique: list[str | int | bool] = []
    for value in values:
        if not any(type(value) is type(seen) and value == seen for seen in unique):
            unique.append(value)
    return LiteralType(tuple(unique))


def _python_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    return "Any"


def _schema_kind(schema: Any, converter: SchemaConverter) -> Any:
    resolved = converter.resolve(schema)
    if isinstance(resolved, dict):
        return resolved.get("type")
    return None


def _field_names(wire_names: list[str]) -> dict[str, str]:
    """Each property's Python name. Models validate by name and by wire name, so a property whose wire
    name is already its Python name claims it first: `json_schema` keeps it, and `jsonSchema` beside
    it becomes `json_schema_2` (Airbyte: the other way round, the key `json_schema` was read as both)."""
    scope = NameScope()
    scope.reserve(*_FIELD_RESERVED)
    wanted = {wire: make_identifier(wire, fallback="field", reserved=_FIELD_RESERVED) for wire in wire_names}
    names = {wire: scope.claim(wanted[wire]) for wire in wire_names if wanted[wire] == wire}
    return {wire: names[wire] if wire in names else scope.claim(wanted[wire]) for wire in wire_names}
