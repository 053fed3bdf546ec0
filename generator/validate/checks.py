"""Validate stage: the spec's version and `$ref`s first (located errors), then its structure.

Tolerant (the default of `generate`): defects with one honest reading are repaired in a copy of the
document (repairs.py), each reported as a located warning, and the copy replaces `spec.data`.
Strict (`validate`, `generate --strict`): the document is read as written and its first structural
error refused. Either way the refusal names the rule broken (messages.py) on one line.
"""

from __future__ import annotations

import copy
import functools
import json
import re
import importlib.util
from pathlib import Path
from typing import Any

from ..ground.diagnostics import SpecError, warning_line
from ..ground.forked import Forked
from ..ground.pointers import is_remote_ref, join_pointer, resolve_pointer
from ..load import LoadedSpec
from ..load.places import warning_place
from .broken_parts import BrokenPart, read_dangling_refs
from .messages import Finding, explain, short
from .ref_cycles import MAX_CHAIN, Cycle, find_cycle, find_long_chain
from .repairs import Note, repair_document
from .schema_resources import read_schema_resources, source_pointer

_SUPPORTED = ("3.0.", "3.1.", "3.2.")
# The keyword checks (schema meta checks, defaults, path parameters) cost tens of seconds on very
# large documents; `generate` runs them below this size, `validate` always. Above it, warnings carry
# pointers only (their lines would mean composing the whole document as YAML nodes).
THOROUGH_CHECK_LIMIT = 4_000_000
_VERSION_NUMBER = re.compile(r"3\.([012])(\.0)?")


def validate_spec(
    spec: LoadedSpec, thorough: bool | None = None, strict: bool = False, moves: dict[str, str] | None = None, untyped: list[BrokenPart] | None = None
) -> list[str]:
    """Raise a located `SpecError` for what cannot be read; return warnings (located) for the rest
    (`_read_and_repair`, then the keyword checks of openapi-spec-validator)."""
    warnings, moved = _read_and_repair(spec, strict, moves, untyped)
    return warnings + _run_validator(spec, thorough, moved)


def validate_spec_beside(spec: LoadedSpec, strict: bool = False, moves: dict[str, str] | None = None, untyped: list[BrokenPart] | None = None, beside: bool = True) -> tuple[list[str], Forked[list[str]]]:
    """`validate_spec`, its keyword checks (only warnings, or a refusal; most of its time on a
    mid-sized document) run in a forked child process while the caller goes on with the document as
    read and repaired here: the caller appends their `result()` to the warnings, and asks for it
    before raising anything of its own, since a plain run would have refused first.

    The command line forks before it imports the later stages (pipeline._render_package), so the
    child is a small process and the checks' imports run beside the stages' own: measured on a quiet
    2-core machine, 0.77-0.84x the run time of the smallest documents (1forge, 55-100 KB ones) against
    the checks in line, and no slower on 0.4-1 MB ones. (Forked after the stages' imports, as it was,
    the child cost documents under 150 KB more than the checks it hid: ~5% on 55-100 KB ones.)"""
    warnings, moved = _read_and_repair(spec, strict, moves, untyped)
    worth = spec.text_size <= THOROUGH_CHECK_LIMIT  # above it `generate` runs no keyword checks
    return warnings, Forked(lambda: _run_validator(spec, None, moved), beside=beside and worth)


def _read_and_repair(spec: LoadedSpec, strict: bool, moves: dict[str, str] | None, untyped: list[BrokenPart] | None) -> tuple[list[str], dict[str, str]]:
    """Everything but the keyword checks: the version, the `$ref`s, the structure (repaired where
    tolerant). Returns the warnings and where lifted schemas moved.

    Not `strict`: what has one reading is repaired in a copy that replaces `spec.data` (one warning
    each), and a defect only one part depends on costs that part alone (broken_parts.py): the parts
    read as any value are added to `untyped` when given. A `default` that does not match its own
    schema is the spec's bug, not a reason to refuse the whole document: it is reported as a warning
    (the generator never uses defaults for requests). `moves` receives where each schema lifted into
    components/schemas was written (schema_resources.py).
    """
    warnings: list[str] = list(spec.notes)
    version = _check_version(spec, strict, warnings)
    moved: dict[str, str] = {}
    if version != "3.0":  # JSON Schema 2020-12: `$id`, `$anchor`, `$defs` anywhere (schema_resources.py)
        reading = read_schema_resources(spec.data, tolerant=not strict)
        spec.data = reading.data
        warnings += [_render_note(spec, note) for note in reading.notes]
        moved = reading.moves
        if moves is not None:
            moves.update(moved)
    broken: list[BrokenPart] = []
    if strict:
        _check_internal_refs(spec)
    else:
        broken = _read_dangling_refs(spec)
        warnings += [_render_note(spec, Note(part.at, part.message), moved) for part in broken]
    if strict:
        _refuse_cycle(spec, find_cycle(spec.data))
        _check_operation_ids(spec)  # before the validator: ours points at the duplicate's line
        finding = _first_finding(spec.data, version)
        if finding is not None:
            _refuse(spec, finding, moved)
    else:
        scalar_text = (lambda pointer, value: spec.scalar_text(source_pointer(moved, pointer), value)) if _small(spec) else _no_text
        result = repair_document(spec.data, version, scalar_text, lambda data: _findings(data, version))
        warnings += [_render_note(spec, note, moved) for note in result.notes]
        broken += result.broken
        _refuse_cycle(spec, result.cycle)
        if result.refusal is not None:
            _refuse(spec, result.refusal, moved)
        spec.data = result.data
        gone = {part.pointer for part in result.broken if not part.untyped}
        if gone:  # a component left out: what refers to it dangles now, read the same way (its warning said it)
            again = _read_dangling_refs(spec)
            warnings += [_render_note(spec, Note(part.at, part.message), moved) for part in again if part.ref not in gone]
            broken += again
    if untyped is not None:
        untyped += [part for part in broken if part.untyped]
    _refuse_long_chain(spec)
    return warnings, moved


def _read_dangling_refs(spec: LoadedSpec) -> list[BrokenPart]:
    """Tolerant: the objects whose `$ref` points at nothing, read by their kind; a `$ref` no
    part-local reading covers is refused as strict refuses it."""
    try:
        _check_internal_refs(spec)
        return []  # the common case costs one walk, as before
    except SpecError:
        data = copy.deepcopy(spec.data)
        broken = read_dangling_refs(data)
        if not broken:
            raise
    spec.data = data
    _check_internal_refs(spec)
    return broken


def _refuse_long_chain(spec: LoadedSpec) -> None:
    found = find_long_chain(spec.data)
    if found is not None:
        edge, length = found
        raise SpecError(
            spec.locate(edge.at),
            f"a chain of {length} schemas each including the next ($ref/allOf) is deeper than the {MAX_CHAIN} clientsmith follows",
            "flatten the chain",
        )


def _small(spec: LoadedSpec) -> bool:
    return spec.text_size <= THOROUGH_CHECK_LIMIT


def _no_text(pointer: str, value: Any) -> str | None:
    return None


def _check_version(spec: LoadedSpec, strict: bool, warnings: list[str]) -> str:
    """"3.0", "3.1" or "3.2". Tolerant, `openapi: 3.0` (a YAML number, or no patch number) is 3.0.x."""
    data = spec.data
    version = data.get("openapi")
    if version is None:
        if "swagger" in data:
            raise SpecError(spec.locate("#/swagger"), f"unsupported Swagger version {short(data['swagger'])}", "only Swagger 2.0 and OpenAPI 3.0/3.1/3.2 are read")
        raise SpecError(spec.locate("#"), "missing 'openapi' version field", "an OpenAPI document starts with `openapi: 3.1.0` (or 3.0.x)")
    text = str(version) if isinstance(version, (str, int, float)) and not isinstance(version, bool) else ""
    if not strict and not (isinstance(version, str) and version.startswith(_SUPPORTED)):
        matched = _VERSION_NUMBER.fullmatch(text.strip())
        if matched:
            read = {"0": "3.0.3", "1": "3.1.0", "2": "3.2.0"}[matched.group(1)]
            spelled = f"the number {text}" if not isinstance(version, str) else repr(version)
            warnings.append(_render_note(spec, Note("#/openapi", f"openapi version {spelled} is not a version string x.y.z; read as {read!r}")))
            spec.data = {**data, "openapi": read}
            return read[:3]
    if not isinstance(version, str):
        raise SpecError(spec.locate("#/openapi"), f"the openapi version must be a string like '3.1.0' (found {short(version)})", "quote it: openapi: '3.1.0'")
    if not version.startswith(_SUPPORTED):
        raise SpecError(spec.locate("#/openapi"), f"unsupported OpenAPI version {short(version)}", "use OpenAPI 3.0.x, 3.1.x or 3.2.x")
    return version[:3]


def _render_note(spec: LoadedSpec, note: Note, moved: dict[str, str] | None = None) -> str:
    """`file:line:col: warning: message (at pointer)`; the line only where it is cheap and true
    (a lifted schema's line is where it was written)."""
    place = warning_place(spec, source_pointer(moved or {}, note.pointer))
    return warning_line(f"{place}: warning: {note.message}", note.pointer)


def _refuse(spec: LoadedSpec, finding: Finding, moved: dict[str, str]) -> None:
    pointer = "#"
    for token in finding.path:
        pointer = join_pointer(pointer, token)
    if finding.keyword in ("additionalProperties", "unevaluatedProperties") and finding.member is not None:
        pointer = join_pointer(pointer, finding.member)  # the member itself, not its object
    raise SpecError(spec.locate(source_pointer(moved, pointer)), finding.text, finding.hint)


def _refuse_cycle(spec: LoadedSpec, cycle: Cycle | None) -> None:
    if cycle is None:
        return
    loop = " -> ".join(cycle.names)
    raise SpecError(
        spec.locate(cycle.closing.at),
        f"$ref cycle with no property or item in between ({loop if len(loop) <= 100 else loop[:97] + '...'}): the schema includes itself",
        "break the loop, or put the recursion under a property or items",
    )


# Members whose value is data, not OpenAPI: a `$ref` inside is a value like any other (Okta writes
# `example: {Device: {$ref: ...}}`). Under a map of names (`properties`, `schemas`, ...) the same
# words are names, and what they hold is OpenAPI again.
_DATA_MEMBERS = frozenset({"example", "default", "enum", "const"})
_NAME_MAPS = frozenset(
    {
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "schemas", "parameters", "responses",
        "examples", "headers", "content", "paths", "webhooks", "callbacks", "links", "securitySchemes", "requestBodies",
        "pathItems", "encoding", "variables", "mapping", "scopes",
    }
)


def _check_internal_refs(spec: LoadedSpec) -> None:
    # (value, its pointer, the member that holds it, the member that holds that)
    stack: list[tuple[Any, str, str, str]] = [(spec.data, "#", "", "")]
    while stack:
        value, pointer, key, outer = stack.pop()
        if isinstance(value, dict):
            names = key in _NAME_MAPS
            ref = value.get("$ref")
            if isinstance(ref, str) and not names:
                _check_ref(spec, ref, join_pointer(pointer, "$ref"))
            for member, item in value.items():
                if not isinstance(item, (dict, list)):
                    continue
                if not names and (member in _DATA_MEMBERS or str(member).startswith("x-")):
                    continue
                if member == "value" and outer == "examples":
                    continue  # an Example object's value
                stack.append((item, join_pointer(pointer, member), str(member), key))
        elif isinstance(value, list) and key != "examples":  # a 3.1 schema's examples are values
            for index, item in enumerate(value):
                if isinstance(item, (dict, list)):
                    stack.append((item, join_pointer(pointer, index), "", key))


def _check_ref(spec: LoadedSpec, ref: str, pointer: str) -> None:
    if is_remote_ref(ref):
        raise SpecError(spec.locate(pointer), f"$ref {short(ref, 80)} points at a URL, which is never fetched", "copy the file next to the spec and refer to it by a relative path (without --strict, that part is typed Any)")
    if not ref.startswith("#"):
        raise SpecError(spec.locate(pointer), f"$ref {short(ref, 80)} is not a local reference")
    try:
        resolve_pointer(spec.data, ref)
    except KeyError:
        raise SpecError(spec.locate(pointer), f"$ref {short(ref, 80)} does not resolve: nothing at that pointer", "fix the name or add the missing definition") from None


def _run_validator(spec: LoadedSpec, thorough: bool | None = None, moved: dict[str, str] | None = None) -> list[str]:
    """openapi-spec-validator's keyword checks (schemas against their dialect, defaults, path
    parameters): findings are warnings. A spec with a `default` that does not match its schema still
    describes a usable API: the generator reports it and goes on."""
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator, OpenAPIV32SpecValidator
    from openapi_spec_validator.validation.exceptions import DuplicateOperationIDError

    version = str(spec.data["openapi"])[:3]
    validator_class = {"3.0": OpenAPIV30SpecValidator, "3.1": OpenAPIV31SpecValidator, "3.2": OpenAPIV32SpecValidator}[version]
    if thorough is None:
        thorough = _small(spec)
    if not thorough:
        return [f"{spec.root.display}: note: large spec: detailed keyword checks skipped (run `validate` for them)"]
    warnings: list[str] = []
    try:
        validator = validator_class(spec.data)
        errors = []
        for error in validator.root_validator(validator.schema_path):
            if isinstance(error, DuplicateOperationIDError):
                raise SpecError(spec.locate("#/paths"), f"an operationId is used twice: {short(str(error), 80)}", "operationIds must be unique")
            errors.append(error)
        for error, (pointer, subject) in zip(errors, _keyword_error_places(spec.data, errors)):
            message = str(getattr(error, "message", error)).splitlines()[0][:160]
            line = warning_line(f"{warning_place(spec, source_pointer(moved or {}, pointer or '#'))}: warning: {subject}{message}", pointer or "")
            if line not in warnings:
                warnings.append(line)
    except SpecError:
        raise
    except Exception as exc:  # noqa: BLE001 - the validator's own failures: its checks only warn, so they are skipped
        # (apicurio's `paths: {x-codegen-contextRoot: "/v2"}` is valid OpenAPI yet crashes them)
        warnings.append(f"{spec.root.display}: note: the validator's keyword checks failed on this document ({exc.__class__.__name__}: {short(str(exc), 60)}); skipped")
    return warnings


def _findings(data: Any, version: str) -> list[Finding]:
    """Every error against the OpenAPI schema, explained; [] when the document is valid."""
    schema = openapi_schema(version)
    if _fast_validity(schema, data):
        return []
    from openapi_spec_validator.schemas.backend.jsonschema import create_validator

    return [explain(error, schema, version) for error in create_validator(dict(schema)).iter_errors(data)]


def _first_finding(data: Any, version: str) -> Finding | None:
    error = first_schema_error(data, version)
    return None if error is None else explain(error, openapi_schema(version), version)


@functools.cache
def openapi_schema(version: str) -> Any:
    """openapi-spec-validator's schema of OpenAPI `version`, read once, as the JSON file it is: its
    own reader parses it as YAML in pure Python (~25 ms of every run); that reader where the file is
    not where this version of it keeps it. The file is found without importing the package (~20 ms
    of imports a valid document never needs here: the keyword checks import it, beside)."""
    try:
        found = importlib.util.find_spec("openapi_spec_validator")
        folders = list(found.submodule_search_locations or []) if found is not None else []
        text = (Path(folders[0]) / "resources" / "schemas" / f"v{version}" / "schema.json").read_text(encoding="utf-8")
        return json.loads(text)
    except (OSError, ValueError, IndexError, ImportError):
        from openapi_spec_validator.schemas import schema_v2, schema_v30, schema_v31, schema_v32

        return {"2.0": schema_v2, "3.0": schema_v30, "3.1": schema_v31, "3.2": schema_v32}[version]


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
    schema = openapi_schema(version)
    if _fast_validity(schema, data):
        return None
    from openapi_spec_validator.schemas.backend.jsonschema import create_validator

    return next(iter(create_validator(dict(schema)).iter_errors(data)), None)


def _fast_validity(schema: Any, data: Any) -> bool:
    """True when jsonschema-rs finds the document valid; False when it does not, or cannot tell.
    Asked directly, as openapi-spec-validator's backend for it asks (`validator_cls_for`)."""
    try:
        import jsonschema_rs
    except ImportError:
        return False
    try:
        return bool(jsonschema_rs.validator_cls_for(schema)(dict(schema)).is_valid(data))
    except Exception:  # noqa: BLE001 - e.g. a value it cannot convert: the Python backend decides
        return False


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
