"""Base model for generated schemas (the JSON wire encoder `to_wire` lives in `_wire.py`)."""

from __future__ import annotations

import base64
import binascii
import enum
import sys
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, TypeVar

import pydantic
from pydantic_core import core_schema

from ._wire import Base64Bytes, to_wire

__all__ = ["BASE64", "BaseModel", "TypedFirst", "to_wire", "with_build_room"]

_T = TypeVar("_T")

# pydantic builds a validator by walking, recursively, every model the first one reaches: a cycle
# of a hundred models (Elasticsearch's mapping properties, each holding a map of all of them) goes
# deeper than Python's default limit of 1000 frames. A build that overflows it runs once more with
# this one: about fifteen frames a model, so cycles of some 300 models; not more, as the walk's C
# frames would then overflow an 8 MB thread stack (a crash) before the limit (an exception).
BUILD_RECURSION_LIMIT = 5_000


def with_build_room(build: Callable[[], _T]) -> _T:
    """`build()` (a validator's build); retried with room to recurse when the default was too little."""
    try:
        return build()
    except RecursionError:
        if sys.getrecursionlimit() >= BUILD_RECURSION_LIMIT:
            raise
        sys.setrecursionlimit(BUILD_RECURSION_LIMIT)
        return build()


class BaseModel(pydantic.BaseModel):
    """Base class of every generated model.

    * fields carry ``alias=`` wire names; both the Python name and the alias are
      accepted on construction; the client reads replies by the wire names alone, so a
      wire key that happens to be another field's Python name stays that key (``model_extra``);
    * unknown fields are kept (``model_extra``) and sent back by :func:`to_wire`;
    * ``__read_only_fields__`` lists Python field names owned by the server:
      they are parsed from responses but never sent.
    """

    model_config = pydantic.ConfigDict(
        validate_by_name=True,
        validate_by_alias=True,
        extra="allow",
        protected_namespaces=(),
        populate_by_name=True,
        # Build each model's validator on first use, not at import: a large API has thousands of
        # models and an application touches a few.
        defer_build=True,
    )

    __read_only_fields__: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def model_rebuild(
        cls,
        *,
        force: bool = False,
        raise_errors: bool = True,
        _parent_namespace_depth: int = 2,
        _types_namespace: Any = None,
    ) -> bool | None:
        """pydantic's rebuild (which a deferred model's first use calls) with `with_build_room`."""

        def build() -> bool | None:
            # Three frames (this method, with_build_room, build) stand between pydantic and the caller.
            return super(BaseModel, cls).model_rebuild(
                force=force,
                raise_errors=raise_errors,
                _parent_namespace_depth=_parent_namespace_depth + 3,
                _types_namespace=_types_namespace,
            )

        return with_build_room(build)


def discriminate(
    property_name: str | tuple[str, ...], tags: Mapping[str, str], untagged: str | None = None
) -> Callable[[object], str | None]:
    """A pydantic callable discriminator: the union member's tag for a value of `property_name`.

    `tags` maps each wire value to the tag of its member. Works on raw dicts (parsing) and on model
    instances (validation of an already-built model). An unknown value gives None, which makes the
    tagged union fail so that the open fallback member (`dict[str, Any]`) takes the value instead.
    An object without the property (or with null there) gets `untagged`: the member of the options
    whose schemas do not require it (None when every option requires it). A tuple names a property
    inside objects of the value (`("configuration", "type")`): the value the options pin there.
    """
    *outer, name = (property_name,) if isinstance(property_name, str) else property_name

    def tag_of(value: object) -> str | None:
        for key in outer:
            value = _member(value, key)
        # Runs once per union value of every response: answer a parsed JSON object (a plain dict
        # with a string tag) before the slower ABC and model checks below.
        if type(value) is dict:
            tag = value.get(name)
            if type(tag) is str:
                return tags.get(tag)
        if not isinstance(value, (Mapping, pydantic.BaseModel)):
            return None  # not an object: no member of the tagged union takes it
        raw = _member(value, name)
        if isinstance(raw, enum.Enum):
            raw = raw.value
        if raw is None:
            return untagged
        return tags.get(raw) if isinstance(raw, str) else None

    return tag_of


class _Base64:
    """Marks a `bytes` field that travels as base64 text (`Annotated[bytes, BASE64]`).

    Text from the wire is decoded (text that is no base64 fails validation); bytes given in Python
    are kept. Either way the field holds `Base64Bytes`, which `to_wire` (and JSON dumps) encode.
    """

    def __get_pydantic_core_schema__(
        self, source: Any, handler: pydantic.GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_wrap_validator_function(
            _read_base64,
            handler(source),
            serialization=core_schema.plain_serializer_function_ser_schema(
                _base64_text, when_used="json"
            ),
        )


def _read_base64(value: object, handler: core_schema.ValidatorFunctionWrapHandler) -> object:
    return _marked(handler(_decoded(value)))


def _decoded(value: object) -> object:
    if isinstance(value, str):
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError) as error:
            raise ValueError(f"not base64 text: {error}") from None
    if isinstance(value, list):
        return [_decoded(item) for item in value]
    return value


def _marked(value: object) -> object:
    if isinstance(value, bytes) and not isinstance(value, Base64Bytes):
        return Base64Bytes(value)
    if isinstance(value, list):
        return [_marked(item) for item in value]
    return value


def _base64_text(value: object) -> object:
    return to_wire(_marked(value))


BASE64 = _Base64()


def _member(value: object, name: str) -> object:
    """The member `name` (a wire name) of a JSON object or a model; None when it has none."""
    if isinstance(value, Mapping):
        return value.get(name)
    if isinstance(value, pydantic.BaseModel):
        raw = value.model_extra.get(name) if value.model_extra else None
        if raw is None:
            for field_name, info in type(value).model_fields.items():
                if info.alias == name or field_name == name:
                    return getattr(value, field_name)
        return raw
    return None


class TypedFirst:
    """Union metadata: the typed options are read first, an option that takes anything of its shape last.

    `Model | dict[str, Any]` (an `anyOf` of a schema and a bare `type: object`), or `list[Model] |
    list[Any]`: pydantic's smart mode prefers the option that takes a value without converting
    it, so the open `dict` or `list[Any]` wins as soon as the model must convert one string into a
    date. The value is read as one of the typed options (pydantic's smart choice among them) when it
    fits one, and only otherwise as the open option.
    """

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        schema = handler(source)
        union = schema.get("schema") if schema.get("type") == "nullable" else schema
        if not isinstance(union, dict) or union.get("type") != "union":
            return schema
        choices = union["choices"]
        typed = [choice for choice in choices if not _takes_any(choice)]
        open_ = [choice for choice in choices if _takes_any(choice)]
        if typed and open_:
            first = typed[0] if len(typed) == 1 else {"type": "union", "choices": typed}
            union["choices"] = [first, *open_]
            union["mode"] = "left_to_right"
        return schema


def _takes_any(choice: Any) -> bool:
    """Whether a union choice's core schema takes every object (or every array) as it stands."""
    schema = choice[0] if isinstance(choice, tuple) else choice
    kind = schema.get("type")
    if kind == "any":
        return True
    if kind == "dict":
        return bool(schema.get("values_schema", {"type": "any"}).get("type") == "any")
    if kind == "list":
        return bool(schema.get("items_schema", {"type": "any"}).get("type") == "any")
    return False
