"""Schemas as the checks apply them: the findings (error classes, one per kind of failure), the JSON
Schema validators (openapi-schema-validator's OpenAPI dialects, each compiled once per schema), and
the casting of wire text to the types a schema names.

The rules are OpenAPI's: OAS 3.0 schemas are read with its write semantics in requests (readOnly
refused) and read semantics in replies (writeOnly refused); OAS 3.1 and 3.2 schemas are JSON Schema
2020-12 (a schema's own `$schema` or the document's `jsonSchemaDialect` picks another draft). Every
format keeps its wire value: a format is checked, never converted (`time` per RFC 3339).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from jsonschema.validators import validator_for  # type: ignore[import-untyped]
from openapi_schema_validator import (
    OAS30ReadValidator,
    OAS30WriteValidator,
    OAS31Validator,
    OAS32Validator,
)
from referencing import Registry
from referencing.jsonschema import DRAFT4, DRAFT202012

from ._validation_prepared import validation_document

# -- what is found wrong (the names say what failed; `describe_errors` and the proof read them)


class OpenAPIError(Exception):
    """Something the document does not allow, or a value that cannot be read as it says."""


class ValidationError(OpenAPIError):
    def __str__(self) -> str:
        return f"{type(self).__name__}: {self.__cause__}"


class ValidateError(OpenAPIError):
    """A value its schema does not allow."""


class InvalidSchemaValue(ValidateError):
    """A value against its schema: `schema_errors` are the validator's findings."""

    def __init__(self, value: Any, type: Any, schema_errors: Iterable[Any] = ()) -> None:
        super().__init__(value, type)
        self.value = value
        self.type = type
        self.schema_errors = tuple(schema_errors)

    def __str__(self) -> str:
        return f"Value {self.value} not valid for schema of type {self.type}: {self.schema_errors}"


class DeserializeError(OpenAPIError):
    """Wire text that cannot be read as its style or media type says."""


class CastError(DeserializeError):
    def __init__(self, value: Any, type: Any) -> None:
        super().__init__(value, type)
        self.value = value
        self.type = type

    def __str__(self) -> str:
        return f"Failed to cast value to {self.type} type: {self.value}"


class StyleDeserializeError(DeserializeError):
    def __init__(self, style: str, name: str) -> None:
        super().__init__(style, name)
        self.style = style
        self.name = name

    def __str__(self) -> str:
        return f"Failed to deserialize {self.name} of style {self.style}"


class EmptyQueryParameterValue(DeserializeError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name
        self.location = "query"

    def __str__(self) -> str:
        return f"Value of {self.name} {self.location} parameter cannot be empty"


class MediaTypeDeserializeError(DeserializeError):
    def __init__(self, mimetype: str, value: Any) -> None:
        super().__init__(mimetype, value)
        self.mimetype = mimetype
        self.value = value

    def __str__(self) -> str:
        text = (
            self.value.decode("utf-8", errors="replace")
            if isinstance(self.value, bytes)
            else str(self.value)
        )
        return f"Failed to deserialize value with {self.mimetype} mimetype: {text}"


class MediaTypeNotFound(OpenAPIError):
    def __init__(self, mimetype: str | None, available: list[str]) -> None:
        super().__init__(mimetype, available)
        self.mimetype = mimetype
        self.available = available

    def __str__(self) -> str:
        return f"Content for the following mimetype not found: {self.mimetype}. Valid mimetypes: {self.available}"


class ResponseNotFound(OpenAPIError):
    def __init__(self, http_status: str, available: list[str]) -> None:
        super().__init__(http_status, available)
        self.http_status = http_status
        self.available = available

    def __str__(self) -> str:
        return f"Unknown response http status: {self.http_status}"


class RequestValidationError(ValidationError):
    """A request the document does not allow."""


class ParameterValidationError(RequestValidationError):
    """A parameter (`location`: path, query, header or cookie; `name` as documented) that fails."""

    def __init__(self, name: str, location: str) -> None:
        super().__init__(name, location)
        self.name = name
        self.location = location

    def __str__(self) -> str:
        return f"{self.location.title()} parameter error: {self.name}"


class InvalidParameter(ParameterValidationError, ValidateError):
    def __str__(self) -> str:
        return f"Invalid {self.location} parameter: {self.name}"


class MissingRequiredParameter(ParameterValidationError):
    def __str__(self) -> str:
        return f"Missing required {self.location} parameter: {self.name}"


class RequestBodyValidationError(RequestValidationError):
    """The request body fails: missing, of an undocumented media type, unreadable or invalid."""

    def __str__(self) -> str:
        return (
            f"Request body validation error: {self.__cause__}"
            if self.__cause__ is not None
            else "Request body validation error"
        )


class InvalidRequestBody(RequestBodyValidationError, ValidateError):
    """A request body its schema does not allow."""


class MissingRequiredRequestBody(RequestBodyValidationError):
    def __str__(self) -> str:
        return "Missing required request body"


class ResponseValidationError(ValidationError):
    """A reply the document does not allow."""


class DataValidationError(ResponseValidationError):
    """The reply's body fails."""


class InvalidData(DataValidationError, ValidateError):
    """A reply body its schema does not allow."""


class MissingData(DataValidationError):
    def __str__(self) -> str:
        return "Missing response data"


class HeaderValidationError(ResponseValidationError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class InvalidHeader(HeaderValidationError, ValidateError):
    """A documented reply header its schema does not allow."""


class MissingRequiredHeader(HeaderValidationError):
    def __str__(self) -> str:
        return f"Missing required header: {self.name}"


def _error_text(error: BaseException) -> str:
    try:
        return str(error)
    except Exception:
        return ", ".join(f"{key}={value!r}" for key, value in vars(error).items())


def describe_errors(errors: list[Exception]) -> str:
    """The findings with their causes and schema errors, one per line."""
    lines: list[str] = []
    for error in errors:
        cause: BaseException | None = error
        chain: list[str] = []
        while cause is not None:
            text = _error_text(cause)
            chain.append(f"{type(cause).__name__}: {text}" if text else type(cause).__name__)
            for schema_error in getattr(cause, "schema_errors", ()) or ():
                where = "/".join(str(part) for part in getattr(schema_error, "absolute_path", ()))
                chain.append(
                    f"  schema: {getattr(schema_error, 'message', schema_error)}"
                    + (f" (at {where})" if where else "")
                )
            cause = cause.__cause__
        lines.append(" <- ".join(chain))
    return "\n".join(lines)


# -- the document's schemas, `$ref`s followed in the validation copy


def _resolved(node: Any) -> Any:
    """`node` with local `$ref`s followed in the validation document (as the validators resolve them)."""
    seen = 0
    while (
        isinstance(node, dict)
        and isinstance(node.get("$ref"), str)
        and node["$ref"].startswith("#")
        and seen < 20
    ):
        node = _target(node["$ref"])
        seen += 1
    return node


@lru_cache(maxsize=None)
def _target(pointer: str) -> Any:
    data: Any = validation_document()
    for part in pointer.lstrip("#").lstrip("/").split("/") if pointer not in ("#", "#/") else ():
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return {}
    return data


def read_str(node: Any, key: str, default: Any = None) -> Any:
    """A member that must be text (the check cannot read a `type` list where one type decides how)."""
    resolved = _resolved(node)
    value = _resolved(resolved[key]) if isinstance(resolved, dict) and key in resolved else default
    if value is not default and not isinstance(value, str):
        raise TypeError(f"Expected a string value, got {type(value)}")
    return value


def _version() -> str:
    return str(validation_document().get("openapi", "3.0"))


_FULL_TIME = re.compile(
    r"([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])"
)


def _rfc3339_time(value: object) -> bool:
    """`time` as JSON Schema defines it (RFC 3339 full-time, "16:39:57-08:00"); the validator's own
    checker is draft 3's HH:MM:SS, which refuses every offset and fraction."""
    return not isinstance(value, str) or _FULL_TIME.fullmatch(value) is not None


@lru_cache(maxsize=None)
def _format_checker() -> Any:
    """OAS 3.0's format checker (3.1 keeps its `byte`/`binary` reading; 3.2 has its own), `time` per RFC 3339."""
    base = (
        OAS32Validator.FORMAT_CHECKER
        if _version().startswith("3.2")
        else OAS30ReadValidator.FORMAT_CHECKER
    )
    checker = copy.deepcopy(base)
    checker.checks("time")(_rfc3339_time)
    return checker


@lru_cache(maxsize=None)
def _resolver() -> Any:
    specification = DRAFT4 if _version().startswith("3.0") else DRAFT202012
    uri = "urn:clientsmith:tests:document"
    registry: Registry[Any] = Registry().with_resource(
        uri, specification.create_resource(validation_document())
    )
    return registry.resolver(base_uri=uri)


def _validator_class(schema: Any, purpose: str) -> Any:
    version = _version()
    if version.startswith("3.0"):
        return OAS30ReadValidator if purpose == "response" else OAS30WriteValidator
    base = OAS32Validator if version.startswith("3.2") else OAS31Validator
    dialect = (
        schema.get("$schema")
        if isinstance(schema, dict) and isinstance(schema.get("$schema"), str)
        else validation_document().get("jsonSchemaDialect")
    )
    if not isinstance(dialect, str):
        return base
    found = validator_for({"$schema": dialect}, default=None)
    if found is None:
        raise ValueError(f"Unknown JSON Schema dialect: {dialect!r}")
    return found


_VALIDATORS: dict[tuple[int, str], tuple[Any, Any]] = {}


def schema_validator(schema: Any, purpose: str) -> Any:
    """The validator of one schema of the validation document (`purpose`: request or response),
    built once: the document never changes, so the schema's identity keys it (kept with it)."""
    schema = _resolved(schema)
    key = (id(schema), purpose)
    found = _VALIDATORS.get(key)
    if found is None or found[0] is not schema:
        found = (
            schema,
            _validator_class(schema, purpose)(
                schema, _resolver=_resolver(), format_checker=_format_checker()
            ),
        )
        _VALIDATORS[key] = found
    return found[1]


def schema_type(schema: Any, default: Any = "any") -> Any:
    kind = (
        _resolved(schema).get("type", default) if isinstance(_resolved(schema), dict) else default
    )
    return kind


def validate(schema: Any, value: Any, purpose: str) -> None:
    """Raise `InvalidSchemaValue` with every finding of the schema's validator on `value`."""
    errors = tuple(schema_validator(schema, purpose).iter_errors(value))
    if errors:
        raise InvalidSchemaValue(value, schema_type(schema), schema_errors=errors)


def is_valid(schema: Any, value: Any, purpose: str) -> bool:
    return next(iter(schema_validator(schema, purpose).iter_errors(value)), None) is None


# -- wire text cast to the schema's types (a failure is a CastError)

_TRUE = ("y", "yes", "t", "true", "on", "1")
_FALSE = ("n", "no", "f", "false", "off", "0")


def cast(schema: Any, value: Any, purpose: str) -> Any:
    """`value` (text, or lists and objects of text as a style splits them) as the schema's type says:
    integer, number and boolean text converted, items and properties each by their own schema; a
    schema without `type` takes its `allOf` parts in turn and the first `oneOf`/`anyOf` option that
    converts. A value that does not convert raises `CastError`."""
    schema = _resolved(schema)
    if not isinstance(schema, dict):
        schema = {}
    if value is None and schema.get("nullable") is True:
        return value
    kind = read_str(schema, "type")
    if value is None:
        return value
    try:
        return _cast_as(schema, kind, value, purpose)
    except (ValueError, TypeError) as error:
        raise CastError(value, kind) from error


def _cast_as(schema: dict[str, Any], kind: str | None, value: Any, purpose: str) -> Any:
    if kind is None:
        return _cast_untyped(schema, value, purpose)
    if kind == "integer":
        return int(value)
    if kind == "number":
        return float(value)
    if kind == "boolean":
        if isinstance(value, bool):
            return value
        if value.lower() not in _TRUE + _FALSE:
            raise ValueError("not a boolean format")
        return value.lower() in _TRUE
    if kind == "array":
        if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
            raise ValueError("not an array format")
        items = schema.get("items", {})
        return [cast(items, item, purpose) for item in value]
    if kind == "object":
        return _cast_object(schema, value, purpose)
    if kind in ("string", "null"):
        return value
    raise KeyError(kind)


def _cast_untyped(schema: dict[str, Any], value: Any, purpose: str) -> Any:
    for part in schema.get("allOf") or []:
        try:
            value = cast(part, value, purpose)
        except (ValueError, TypeError, CastError):
            pass
    for keyword in ("oneOf", "anyOf"):
        for option in schema.get(keyword) or []:
            try:
                return cast(option, value, purpose)
            except (ValueError, TypeError, CastError):
                pass
    return value


def _cast_object(schema: dict[str, Any], value: Any, purpose: str) -> dict[str, Any]:
    """An object's properties cast (its typed `allOf` parts' too, those the value satisfies); other members as they are."""
    if not isinstance(value, dict):
        raise ValueError("not an object format")
    for part in schema.get("allOf") or []:
        if (
            isinstance(_resolved(part), dict)
            and "type" in _resolved(part)
            and is_valid(part, value, purpose)
        ):
            value.update(_cast_object(_resolved(part), value, purpose))
    for name, member in (schema.get("properties") or {}).items():
        if name in value:
            value[name] = cast(member, value[name], purpose)
    return value


def kept_members(schema: Any, value: Any, purpose: str) -> Any:
    """A value read as its schema keeps it: an object with `additionalProperties: false` keeps only the
    members its schema (or a part or option the value satisfies) names; lists item by item."""
    schema = _resolved(schema)
    if not isinstance(schema, dict):
        return value
    if isinstance(value, list) and schema.get("type") == "array":
        return [kept_members(schema.get("items", {}), item, purpose) for item in value]
    if not isinstance(value, dict):
        return value
    properties = schema.get("properties") or {}
    value = {
        key: kept_members(properties[key], item, purpose) if key in properties else item
        for key, item in value.items()
    }
    if schema.get("additionalProperties", True) is not False:
        return value
    named = set(properties.keys())
    for keyword in ("allOf", "anyOf", "oneOf"):
        for part in schema.get(keyword) or []:
            if isinstance(_resolved(part), dict) and is_valid(part, value, purpose):
                named |= set((_resolved(part).get("properties") or {}).keys())
    return {key: item for key, item in value.items() if key in named}
