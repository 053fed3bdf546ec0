"""Validate stage: the document against the OpenAPI schema, its `$ref`s and the generator's own rules;
defects with one reading are repaired in a copy (repairs.py), the rest refused with the rule's name."""

from .checks import first_schema_error, validate_spec
from .messages import explain

__all__ = ["explain", "first_schema_error", "validate_spec"]
