"""The Python values of a generated test, typed by the IR: a JSON example fitted to a type, repaired
where it cannot be one, spelled as Python source, and read back as the client holds it."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..parse.ir import ANY, NONE, Api, DictType, ListType, LiteralType, Model, ModelField, NamedType, Primitive, TypeRef, UnionType, takes_any
from ..ground.escaping import ident, literal
from .xml_bodies import XmlBodies
from .views import Encoded
from .wire import base64_bytes, bytes_source, fallback, fits_primitive, parse_date, parse_datetime


class TypedValues:
    """Values of the API's types: what fits, the closest value that does, and its Python source."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self.models: dict[str, Model] = {model.name: model for model in api.models}
        self.aliases: dict[str, TypeRef] = {alias.name: alias.type for alias in api.aliases}
        self.xml = XmlBodies(api.xml_shapes)
        # What these types' walks ask again and again, worked out once (the IR is frozen):
        self._wire_fields: dict[int, tuple[Model, dict[str, ModelField]]] = {}  # by the model's id: its fields by wire name
        self._unions: dict[int, tuple[UnionType, _Union]] = {}  # by the union's id (the union kept with it)
        # `fits`' answers while the values asked about stay unchanged (`values_fixed`): a union's
        # options are each tried on the whole value at every level, so a nested value is asked again
        # and again. By the ids of the type, the value and the depth; both kept, so no id is reused.
        self._fitted: dict[tuple[int, int, int], tuple[TypeRef, Any, bool]] | None = None

    # -- types

    def resolve(self, type_ref: TypeRef) -> TypeRef:
        if isinstance(type_ref, NamedType) and type_ref.name in self.aliases:
            seen: set[str] = set()
            while isinstance(type_ref, NamedType) and type_ref.name in self.aliases and type_ref.name not in seen:
                seen.add(type_ref.name)
                type_ref = self.aliases[type_ref.name]
        if isinstance(type_ref, UnionType) and self._union(type_ref).any:
            return ANY  # annotated `Any` (see UnionType.annotation): the client keeps the JSON as it is
        return type_ref

    def _union(self, union: UnionType) -> _Union:
        known = self._unions.get(id(union))
        if known is None or known[0] is not union:
            known = (union, _Union(union))
            self._unions[id(union)] = known
        return known[1]

    def field_by_wire(self, model: Model, wire_name: str) -> ModelField | None:
        """`model.field_by_wire(wire_name)` (the first field of that wire name), by a table built once per model."""
        known = self._wire_fields.get(id(model))
        if known is None or known[0] is not model:
            fields: dict[str, ModelField] = {}
            for item in model.fields:
                fields.setdefault(item.wire_name, item)
            known = (model, fields)
            self._wire_fields[id(model)] = known
        return known[1].get(wire_name)

    @contextmanager
    def values_fixed(self) -> Iterator[None]:
        """A block in which no JSON value `fits` is asked about changes: its answers are kept."""
        if self._fitted is not None:
            yield
            return
        self._fitted = {}
        try:
            yield
        finally:
            self._fitted = None

    def fits(self, type_ref: TypeRef, value: Any, depth: int = 0) -> bool:
        """Whether `value` (JSON) is a valid value of `type_ref` as far as the test can tell."""
        fitted = self._fitted
        if fitted is None:
            return self._fits(type_ref, value, depth)
        key = (id(type_ref), id(value), depth)
        known = fitted.get(key)
        if known is None or known[0] is not type_ref or known[1] is not value:
            known = (type_ref, value, self._fits(type_ref, value, depth))
            fitted[key] = known
        return known[2]

    def _fits(self, type_ref: TypeRef, value: Any, depth: int) -> bool:
        type_ref = self.resolve(type_ref)
        if depth > 20:
            return True
        if isinstance(type_ref, Primitive):
            return fits_primitive(type_ref.python, value)
        if isinstance(type_ref, LiteralType):
            return any(value == option and type(value) is type(option) for option in type_ref.values)
        if isinstance(type_ref, ListType):
            return isinstance(value, list) and all(self.fits(type_ref.item, item, depth + 1) for item in value)
        if isinstance(type_ref, DictType):
            return isinstance(value, dict) and all(self.fits(type_ref.value, item, depth + 1) for item in value.values())
        if isinstance(type_ref, NamedType):
            model = self.models.get(type_ref.name)
            if model is None or not isinstance(value, dict):
                return False
            for model_field in model.fields:
                if model_field.required and model_field.wire_name not in value and model_field.name not in value:
                    return False
            for key, item in value.items():
                found = self.field_by_wire(model, key)
                if found is not None and not self.fits(found.type, item, depth + 1):
                    return False
            return True
        if isinstance(type_ref, UnionType):
            return self.option_for(type_ref, value) is not None
        return False

    def option_for(self, union: UnionType, value: Any) -> TypeRef | None:
        facts = self._union(union)
        if value is None and facts.has_none:
            return NONE
        options = facts.options
        if union.discriminator is not None and union.discriminator.mapping and isinstance(value, dict):
            # As the client's tagged union reads it: the tag selects one option, or several that
            # share it (the best fit among them); an unknown tag selects none (the open dict).
            selected = union.discriminator.select(union.discriminator.tag_in(value))
            if len(selected) == 1:
                return NamedType(selected[0])
            if selected:
                chosen = self._best_fit([NamedType(name) for name in selected], value)
                if chosen is not None:
                    return chosen
            options = [option for option in options if not (isinstance(option, NamedType) and option.name in union.discriminator.grouped())]
        if facts.typed_first:
            # As the client's `TypedFirst` reads it: a typed option the value fits, else an open one.
            return self._best_fit(facts.typed, value) or self._best_fit(facts.opened, value)
        return self._best_fit(options, value)

    def _best_fit(self, options: Sequence[TypeRef], value: Any) -> TypeRef | None:
        fitting = [option for option in options if self.fits(option, value)]
        if len(fitting) > 1 and isinstance(value, dict):
            counts = [self._fields_set(option, value) for option in fitting]
            if all(count is not None for count in counts):
                # Models (or unions of models) that all accept the object: pydantic's smart union
                # takes the one that sets the most fields, the first of equals.
                return fitting[counts.index(max(count or 0 for count in counts))]
        return fitting[0] if fitting else None

    def _fields_set(self, option: TypeRef, value: dict[str, Any], depth: int = 0) -> int | None:
        """How many fields the model pydantic builds from `value` under `option` sets (None: no model).

        A nested union counts as the option it picks itself: pydantic carries that count outward.
        """
        model = self._model_of(option)
        if model is not None:
            return sum(1 for key in value if self.field_by_wire(model, key) is not None)
        resolved = self.resolve(option)
        if isinstance(resolved, UnionType) and depth < 10:
            inner = self.option_for(resolved, value)
            return None if inner is None else self._fields_set(inner, value, depth + 1)
        return None

    def repair(self, type_ref: TypeRef, value: Any, depth: int = 0) -> Any:
        """The example with every discriminator property set to a value its mapping knows.

        Synthesized examples fill a discriminator property like any string ("example"), which selects
        no schema; the first mapping entry whose model fits the rest of the object is used instead.
        """
        resolved = self.resolve(type_ref)
        if depth > 20:
            return value
        if value == {} and not self._object_like(resolved):
            # An object where the type wants a scalar or list: the example synthesizer's reading of an
            # `allOf` that wraps a non-object schema. A placeholder of the declared type stands in.
            return self.placeholder(resolved)
        if isinstance(resolved, UnionType):
            discriminator = resolved.discriminator
            if discriminator is not None and isinstance(value, dict) and discriminator.mapping:
                selected = [NamedType(name) for name in discriminator.select(discriminator.tag_in(value))]
                if not selected:  # a tag that selects nothing (a synthesized "example"): one that does
                    choices = [(name, discriminator.with_tag(value, wire)) for wire, name in discriminator.mapping]
                    fitting = [item for name, item in choices if self.fits(NamedType(name), item)]
                    value = (fitting or [item for _, item in choices])[0]
                    selected = [NamedType(name) for name in discriminator.select(discriminator.tag_in(value))]
                best = self._best_fit(selected, value) or selected[0]
                return self.repair(best, value, depth + 1)
            option = self.option_for(resolved, value)
            if option is None:  # nothing fits yet, maybe because of what is being repaired: the likeliest option
                candidates = [item for item in resolved.options if item != NONE]
                if isinstance(value, dict):
                    candidates = [item for item in candidates if self._object_like(item)] or candidates
                option = candidates[0] if candidates else None
            return value if option is None or option == NONE else self.repair(option, value, depth + 1)
        if isinstance(resolved, ListType) and isinstance(value, list):
            return [self.repair(resolved.item, item, depth + 1) for item in value]
        if isinstance(resolved, DictType) and isinstance(value, dict):
            return {key: self.repair(resolved.value, item, depth + 1) for key, item in value.items()}
        if isinstance(resolved, NamedType) and resolved.name in self.models and isinstance(value, dict):
            model = self.models[resolved.name]
            repaired: dict[str, Any] = {}
            for key, item in value.items():
                found = self.field_by_wire(model, key)
                repaired[key] = item if found is None else self.repair(found.type, item, depth + 1)
            return repaired
        return value

    def placeholder(self, type_ref: TypeRef, depth: int = 0) -> Any:
        """A value of the type when the document gives (and synthesizes) none; aliases resolved."""
        resolved = self.resolve(type_ref)
        if isinstance(resolved, UnionType) and depth < 20:
            for option in resolved.options:
                if option != NONE:
                    return self.placeholder(option, depth + 1)
        return fallback(resolved)

    def _object_like(self, type_ref: TypeRef) -> bool:
        resolved = self.resolve(type_ref)
        if isinstance(resolved, UnionType):
            return any(self._object_like(option) for option in resolved.options)
        if isinstance(resolved, Primitive):
            return resolved.python in ("Any",) or resolved.python.startswith("dict[")
        return isinstance(resolved, (DictType, NamedType))

    # -- values passed to the client: (python source, wire value)

    def value(self, type_ref: TypeRef, value: Any, depth: int = 0, keep_read_only: bool = False) -> tuple[str, Any]:
        """Python source of `value` for a call, and what the client writes for it (`keep_read_only`: as `to_wire` keeps them)."""
        resolved = self.resolve(type_ref)
        if isinstance(resolved, Primitive):
            return self._primitive_value(resolved.python, value)
        if isinstance(resolved, LiteralType) and self.fits(resolved, value):
            return literal(value), value
        if isinstance(resolved, ListType) and isinstance(value, list):
            parts = [self.value(resolved.item, item, depth + 1, keep_read_only) for item in value]
            return "[" + ", ".join(part[0] for part in parts) + "]", [part[1] for part in parts]
        if isinstance(resolved, DictType) and isinstance(value, dict):
            parts_by_key = {key: self.value(resolved.value, item, depth + 1, keep_read_only) for key, item in value.items()}
            text = "{" + ", ".join(f"{literal(key)}: {part[0]}" for key, part in parts_by_key.items()) + "}"
            return text, {key: part[1] for key, part in parts_by_key.items()}
        if isinstance(resolved, NamedType) and resolved.name in self.models and isinstance(value, dict):
            return f"models.{ident(resolved.name)}.model_validate({literal(value)})", self.model_wire(self.models[resolved.name], value, keep_read_only)
        if isinstance(resolved, UnionType):
            option = self.option_for(resolved, value)
            if option is not None:
                text, wire = self.value(option, value, depth, keep_read_only)
                kind = type(self.resolve(option))
                if kind in (ListType, DictType) and sum(type(self.resolve(other)) is kind for other in resolved.options) > 1:
                    # Two list (or dict) options: mypy cannot tell which one a literal is meant for
                    # and infers the literal's own, invariant type, which then fits neither.
                    return f"cast(Any, {text})", wire
                return text, wire
        return f"cast(Any, {literal(value)})", value

    def _primitive_value(self, python: str, value: Any) -> tuple[str, Any]:
        if python == "datetime.datetime" and isinstance(value, str) and parse_datetime(value) is not None:
            parsed = parse_datetime(value)
            assert parsed is not None
            return f"datetime.datetime.fromisoformat({literal(value)})", parsed.isoformat()
        if python == "datetime.date" and isinstance(value, str) and parse_date(value) is not None:
            parsed_date = parse_date(value)
            assert parsed_date is not None
            return f"datetime.date.fromisoformat({literal(value)})", parsed_date.isoformat()
        if python == "base64":  # base64 text in JSON: the caller passes the bytes it stands for
            data = base64_bytes(value)
            if data is not None:
                return bytes_source(data), base64.b64encode(data).decode("ascii")
        if python in ("bytes", "FileInput", "FileContent"):
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            return f"{literal(text)}.encode()", Encoded(text)
        if fits_primitive(python, value):
            return literal(value), value
        return f"cast(Any, {literal(value)})", value

    def file_value(self, type_ref: TypeRef, value: Any) -> tuple[str, Any]:
        """File content for a file field (one file, or a list of files): bytes of the example text."""
        resolved = self.resolve(type_ref)
        if isinstance(resolved, UnionType):
            options = [option for option in resolved.options if option != NONE]
            resolved = self.resolve(options[0]) if options else resolved
        if isinstance(resolved, ListType):
            items = value if isinstance(value, list) and value else [value]
            parts = [self.file_value(resolved.item, item) for item in items]
            return "[" + ", ".join(part[0] for part in parts) + "]", [part[1] for part in parts]
        if value is None:
            value = "example"
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        return f"{literal(text)}.encode()", Encoded(text)

    def model_wire(self, model: Model, value: dict[str, Any], keep_read_only: bool = False) -> dict[str, Any]:
        """What `to_wire(Model.model_validate(value))` sends: read-only fields dropped (unless kept), extras kept."""
        read_only = set() if keep_read_only else set(model.read_only_fields)
        out: dict[str, Any] = {}
        for key, item in value.items():
            found = self.field_by_wire(model, key)
            if found is None:
                out[key] = item
            elif found.name not in read_only:
                out[found.wire_name] = self._as_validated(found.type, self.value(found.type, item, keep_read_only=keep_read_only)[1])
        return out

    def _as_validated(self, type_ref: TypeRef, wire: Any, depth: int = 0) -> Any:
        """A model field's value as pydantic holds it: a `float` field keeps 1 as 1.0, which JSON
        text (a form field, a multipart part) spells "1.0" (an argument passed as is stays 1)."""
        resolved = self.resolve(type_ref)
        if depth > 20:
            return wire
        if isinstance(wire, int) and not isinstance(wire, bool) and abs(wire) < 2**53:
            options = resolved.options if isinstance(resolved, UnionType) else (resolved,)
            exact = any(option == Primitive("int") or (isinstance(option, LiteralType) and wire in option.values) for option in options)
            return float(wire) if Primitive("float") in options and not exact else wire
        if isinstance(resolved, ListType) and isinstance(wire, list):
            return [self._as_validated(resolved.item, item, depth + 1) for item in wire]
        if isinstance(resolved, DictType) and isinstance(wire, dict):
            return {key: self._as_validated(resolved.value, item, depth + 1) for key, item in wire.items()}
        return wire

    # -- paths through reply models

    def wire_path(self, type_ref: TypeRef, path: tuple[str, ...]) -> list[str] | None:
        """Python attribute names along a reply model -> wire names."""
        fields = self._fields_along(type_ref, path)
        return None if fields is None else [item.wire_name for item in fields]

    def path_type(self, type_ref: TypeRef, path: tuple[str, ...]) -> TypeRef | None:
        fields = self._fields_along(type_ref, path)
        return None if fields is None else fields[-1].type if fields else type_ref

    def _fields_along(self, type_ref: TypeRef, path: tuple[str, ...]) -> list[ModelField] | None:
        """The model fields named by `path`, each in the model the one before it holds (None: no such path)."""
        fields: list[ModelField] = []
        current = type_ref
        for name in path:
            model = self._model_of(current)
            found = None if model is None else next((item for item in model.fields if item.name == name), None)
            if found is None:
                return None
            fields.append(found)
            current = found.type
        return fields

    def _model_of(self, type_ref: TypeRef | None) -> Model | None:
        if type_ref is None:
            return None
        resolved = self.resolve(type_ref)
        if isinstance(resolved, UnionType):
            options = [option for option in resolved.options if option != NONE]
            if len(options) != 1:
                return None
            resolved = self.resolve(options[0])
        if isinstance(resolved, NamedType):
            return self.models.get(resolved.name)
        return None


class _Union:
    """What the walks read of a union, worked out once (`TypedValues._union`)."""

    def __init__(self, union: UnionType) -> None:
        self.any = ANY in union.options  # annotated `Any`
        self.has_none = NONE in union.options
        self.options = [option for option in union.options if option != NONE]
        self.typed_first = union.typed_first
        flat = union.flat_options() if self.typed_first else []
        self.typed = [option for option in flat if option != NONE and not takes_any(option)]
        self.opened = [option for option in flat if takes_any(option)]
