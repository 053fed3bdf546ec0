"""Validate stage: the spec's own `$ref`s first (located errors), then openapi-spec-validator."""

from __future__ import annotations

import re
from typing import Any

from ..diagnostics import SpecError
from ..load import LoadedSpec, join_pointer, resolve_pointer

_SUPPORTED = ("3.0.", "3.1.", "3.2.")


def validate_spec(spec: LoadedSpec, thorough: bool | None = None) -> list[str]:
    """Raise a located `SpecError` for the first structural problem; return warnings for the rest.

    A `default` that does not match its own schema is the spec's bug, not a reason to refuse the
    whole document: it is reported as a warning (the generator never uses defaults for requests).
    """
    data = spec.data
    version = data.get("openapi")
    if not isinstance(version, str):
        if "swagger" in data:
            raise SpecError(spec.locate("#/swagger"), f"unsupported Swagger version {data['swagger']!r}", "only Swagger 2.0 and OpenAPI 3.0/3.1/3.2 are read")
        raise SpecError(spec.locate("#"), "missing 'openapi' version field", "an OpenAPI document starts with `openapi: 3.1.0` (or 3.0.x)")
    if not version.startswith(_SUPPORTED):
        raise SpecError(spec.locate("#/openapi"), f"unsupported OpenAPI version {version!r}", "use OpenAPI 3.0.x, 3.1.x or 3.2.x")
    _check_internal_refs(spec)
    _check_operation_ids(spec)  # before the validator: ours points at the duplicate's line
    return _run_validator(spec, thorough)


def _check_internal_refs(spec: LoadedSpec) -> None:
    stack: list[tuple[Any, str]] = [(spec.data, "#")]
    while stack:
        value, pointer = stack.pop()
        if isinstance(value, dict):
            ref = value.get("$ref")
            if isinstance(ref, str):
                if not ref.startswith("#"):
                    raise SpecError(spec.locate(join_pointer(pointer, "$ref")), f"$ref {ref!r} is not a local reference")
                try:
                    resolve_pointer(spec.data, ref)
                except KeyError:
                    raise SpecError(
                        spec.locate(join_pointer(pointer, "$ref")),
                        f"$ref {ref!r} does not resolve: nothing at that pointer",
                        "fix the name or add the missing definition",
                    ) from None
            for key, item in value.items():
                if isinstance(item, (dict, list)):
                    stack.append((item, join_pointer(pointer, key)))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, (dict, list)):
                    stack.append((item, join_pointer(pointer, index)))


# The keyword checks (schema meta checks, defaults, path parameters) cost tens of seconds on very
# large documents; `generate` runs them below this size, `validate` always.
THOROUGH_CHECK_LIMIT = 4_000_000


def _run_validator(spec: LoadedSpec, thorough: bool | None = None) -> list[str]:
    """Structural errors (against the OpenAPI schema) are fatal; the keyword checks only warn.

    A spec with a `default` that does not match its schema, or a 3.0-style keyword in a 3.1 schema,
    still describes a usable API: the generator reports it and goes on.
    """
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator, OpenAPIV32SpecValidator
    from openapi_spec_validator.validation.exceptions import DuplicateOperationIDError

    version = str(spec.data["openapi"])[:3]
    validator_class = {"3.0": OpenAPIV30SpecValidator, "3.1": OpenAPIV31SpecValidator, "3.2": OpenAPIV32SpecValidator}[version]
    try:
        structural = first_schema_error(spec.data, version)
    except Exception as exc:  # noqa: BLE001 - the validator's own failures
        raise SpecError(spec.locate("#"), f"the spec could not be validated: {exc.__class__.__name__}: {str(exc)[:200]}") from None
    if structural is not None:
        _raise_located(spec, structural)
    if thorough is None:
        thorough = len(spec.root.text) <= THOROUGH_CHECK_LIMIT
    if not thorough:
        return [f"{spec.root.display}: note: large spec: detailed keyword checks skipped (run `validate` for them)"]
    warnings: list[str] = []
    try:
        validator = validator_class(spec.data)
        errors = []
        for error in validator.root_validator(validator.schema_path):
            if isinstance(error, DuplicateOperationIDError):
                _raise_located(spec, error)
            errors.append(error)
        for error, (pointer, subject) in zip(errors, _keyword_error_places(spec.data, errors)):
            message = str(getattr(error, "message", error)).splitlines()[0][:200]
            if pointer is None:
                line = f"{spec.root.display}: warning: {message}"
            else:
                # The pointer alone, as every warning gives it: a line number would mean composing
                # the whole document as YAML nodes (seconds and tens of MB for a large JSON spec).
                line = f"{spec.root.display}: warning: {subject}{message} (at {pointer})"
            if line not in warnings:
                warnings.append(line)
    except SpecError:
        raise
    except Exception as exc:  # noqa: BLE001 - the validator's own failures (e.g. unresolvable refs)
        raise SpecError(spec.locate("#"), f"the spec could not be validated: {exc.__class__.__name__}: {str(exc)[:200]}") from None
    return warnings


_UNRESOLVED_PATH_PARAMETER = re.compile(r"Path parameter '.*' for '(\w+)' operation in '(.*)' was not resolved")


def _keyword_error_places(data: Any, errors: list[Any]) -> list[tuple[str | None, str]]:
    """Where in the document each keyword-check error of openapi-spec-validator belongs (None: unknown),
    with what the message speaks of ("default does not fit its schema: ", the member as "pattern: ", or "").

    Its errors carry no document path. A `default` error carries the document's own schema object
    (found by identity); a meta-schema error (e.g. a pattern that is not a regex) carries only the
    offending value, found as a member of that name with that value, each error taking the next
    one in document order; an unresolved path parameter names its path and method. One walk of the
    document serves every error.
    """
    pointers: list[str | None] = [None] * len(errors)
    subjects = [""] * len(errors)
    by_identity: dict[int, list[int]] = {}
    by_member: dict[str, list[tuple[int, Any]]] = {}
    for index, error in enumerate(errors):
        matched = _UNRESOLVED_PATH_PARAMETER.fullmatch(str(getattr(error, "message", "")))
        schema = getattr(error, "schema", None)
        path = list(getattr(error, "path", ()))
        if matched:
            pointers[index] = join_pointer(join_pointer("#/paths", matched.group(2)), matched.group(1))
        elif isinstance(schema, dict) and "default" in schema:
            by_identity.setdefault(id(schema), []).append(index)
            subjects[index] = "default does not fit its schema: "
        elif path and isinstance(path[-1], str):
            by_member.setdefault(path[-1], []).append((index, getattr(error, "instance", None)))
            subjects[index] = f"{path[-1]}: "
    if by_identity or by_member:
        _find_places(data, errors, pointers, by_identity, by_member)
    return list(zip(pointers, subjects))


def _find_places(data: Any, errors: list[Any], pointers: list[str | None], by_identity: dict[int, list[int]], by_member: dict[str, list[tuple[int, Any]]]) -> None:
    """One pre-order walk of the document fills in `pointers` for the errors wanted by identity or by member."""
    first_match: dict[int, str] = {}
    # Pre-order walk; a node's place is kept as (parent place, token) and spelled only when needed.
    stack: list[tuple[Any, Any]] = [(data, None)]
    while stack:
        value, place = stack.pop()
        if isinstance(value, dict):
            if id(value) in by_identity:
                for index in by_identity.pop(id(value)):
                    pointer = join_pointer(_spell(place), "default")
                    for token in getattr(errors[index], "path", ()):
                        pointer = join_pointer(pointer, token)
                    pointers[index] = pointer
            for name in by_member.keys() & value.keys():
                for index, wanted in by_member[name]:
                    if value[name] == wanted:
                        found = join_pointer(_spell(place), name)
                        first_match.setdefault(index, found)
                        if pointers[index] is None:
                            pointers[index] = found
                            break
            children = [(item, (place, key)) for key, item in value.items() if isinstance(item, (dict, list))]
        elif isinstance(value, list):
            children = [(item, (place, index)) for index, item in enumerate(value) if isinstance(item, (dict, list))]
        else:
            continue
        stack.extend(reversed(children))
    for index, found in first_match.items():
        if pointers[index] is None:  # more errors than places: the first place
            pointers[index] = found


def _spell(place: Any) -> str:
    tokens: list[str | int] = []
    while place is not None:
        place, token = place
        tokens.append(token)
    pointer = "#"
    for token in reversed(tokens):
        pointer = join_pointer(pointer, token)
    return pointer


def first_schema_error(data: Any, version: str) -> Any | None:
    """The first error against the OpenAPI schema, or None.

    openapi-spec-validator's jsonschema-rs backend answers "valid?" in milliseconds where the
    Python jsonschema backend takes seconds on a 13 MB document; only an invalid document (rare,
    and then small is typical) is validated again in Python, for the error and its path.
    """
    from openapi_spec_validator.schemas import schema_v2, schema_v30, schema_v31, schema_v32
    from openapi_spec_validator.schemas.backend.jsonschema import create_validator

    schema = {"2.0": schema_v2, "3.0": schema_v30, "3.1": schema_v31, "3.2": schema_v32}[version]
    if _fast_validity(schema, data):
        return None
    return next(iter(create_validator(dict(schema)).iter_errors(data)), None)


def _fast_validity(schema: Any, data: Any) -> bool:
    """True when jsonschema-rs finds the document valid; False when it does not, or cannot tell."""
    from openapi_spec_validator.schemas.backend import jsonschema_rs

    if not jsonschema_rs.has_jsonschema_rs_validators():
        return False
    try:
        return bool(jsonschema_rs.create_validator(dict(schema)).is_valid(data))
    except Exception:  # noqa: BLE001 - e.g. a value it cannot convert: the Python backend decides
        return False


def _raise_located(spec: LoadedSpec, error: Any) -> None:
    pointer = "#"
    for token in getattr(error, "absolute_path", ()):
        pointer = join_pointer(pointer, token)
    unexpected = _unexpected_members(error)
    if unexpected:
        # The validator reports these at the enclosing object; point at the member itself.
        others = f" (also {', '.join(map(repr, unexpected[1:4]))})" if len(unexpected) > 1 else ""
        raise SpecError(
            spec.locate(join_pointer(pointer, unexpected[0])),
            f"invalid OpenAPI: unexpected member {unexpected[0]!r}{others}",
            "this object allows only the fields the OpenAPI specification lists and `x-` extensions (rename it to x-...)",
        )
    message = str(getattr(error, "message", error)).splitlines()[0]
    if len(message) > 300:
        message = message[:297] + "..."
    raise SpecError(spec.locate(pointer), f"invalid OpenAPI: {message}", "see the OpenAPI specification for this field")


def _unexpected_members(error: Any) -> list[str]:
    """The members an `additionalProperties: false` object does not allow, in document order."""
    schema, instance = getattr(error, "schema", None), getattr(error, "instance", None)
    if getattr(error, "validator", None) != "additionalProperties" or not isinstance(schema, dict) or not isinstance(instance, dict):
        return []
    known = schema.get("properties") or {}
    patterns = list(schema.get("patternProperties") or {})
    return [str(key) for key in instance if key not in known and not any(re.search(pattern, str(key)) for pattern in patterns)]


def _check_operation_ids(spec: LoadedSpec) -> None:
    seen: dict[str, str] = {}
    for path, item in (spec.data.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method, operation in item.items():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            pointer = join_pointer(join_pointer(join_pointer("#/paths", path), method), "operationId")
            operation_id = operation["operationId"]
            if operation_id in seen:
                raise SpecError(spec.locate(pointer), f"operationId {operation_id!r} is used twice (first at {seen[operation_id]})", "operationIds must be unique")
            seen[str(operation_id)] = pointer
