"""Validate stage: the document against the OpenAPI schema, its `$ref`s and the generator's own rules."""

from .checks import first_schema_error, validate_spec

__all__ = ["first_schema_error", "validate_spec"]
