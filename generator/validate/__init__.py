"""Validate stage: the document against the OpenAPI schema, its `$ref`s and the generator's own rules;
defects with one reading are repaired in a copy (repairs.py), the rest refused with the rule's name."""

from .checks import first_schema_error, validate_spec, validate_spec_beside
from .messages import explain
from .schema_resources import source_pointer

__all__ = ["explain", "first_schema_error", "source_pointer", "validate_spec", "validate_spec_beside"]
