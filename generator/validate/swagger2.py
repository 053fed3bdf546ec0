"""The check of a Swagger 2.0 document, run by the upgrade stage before it converts the document.

Structural errors are reported against the original 2.0 document, where the lines are; unless
`strict`, the defects with one reading are repaired first (as repairs.py repairs 3.x documents).
The pipeline hands this function to `upgrade.upgrade_spec`: upgrade comes before validate and
imports none of it.
"""

from __future__ import annotations

from typing import Any

from ..ground.diagnostics import SpecError, warning_line
from ..ground.pointers import join_pointer
from ..load import LoadedSpec
from .checks import openapi_schema, first_schema_error
from .messages import explain
from .repairs import repair_structure


def check_swagger2(spec: LoadedSpec, data: dict[str, Any], strict: bool) -> tuple[dict[str, Any], list[str]]:
    """The document to convert (repaired unless `strict`) and the located notes of its repairs."""
    schema_v2 = openapi_schema("2.0")  # the same schema, read without importing openapi-spec-validator
    notes: list[str] = []
    finding = None
    if strict:
        error = first_schema_error(data, "2.0")
        finding = None if error is None else explain(error, schema_v2, "2.0")
    else:
        result = repair_structure(data, "2.0", lambda document: _swagger2_findings(document, schema_v2))
        notes += [warning_line(f"{spec.locate(note.pointer)}: warning: {note.message}", note.pointer) for note in result.notes]
        data, finding = result.data, result.refusal
    if finding is not None:
        pointer = "#"
        for token in finding.path:
            pointer = join_pointer(pointer, token)
        if finding.keyword == "additionalProperties" and finding.member is not None:
            pointer = join_pointer(pointer, finding.member)
        raise SpecError(spec.locate(pointer), f"invalid Swagger 2.0: {finding.text}", finding.hint or "see the Swagger 2.0 specification for this field")
    return data, notes


def _swagger2_findings(data: Any, schema: Any) -> list[Any]:
    from openapi_spec_validator.schemas.backend.jsonschema import create_validator

    if first_schema_error(data, "2.0") is None:
        return []
    return [explain(error, schema, "2.0") for error in create_validator(dict(schema)).iter_errors(data)]
