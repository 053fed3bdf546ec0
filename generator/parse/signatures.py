"""Facts of the generated methods that both the client's templates (render) and its tests (testgen)
must agree on: how a type is spelled in a resource module, whether a body is typed with overloads,
and the DeprecationWarning texts a call gives (those of templates/runtime/_deprecation.py).

Derived from the IR alone; kept here, below both users, so neither imports the other.
"""

from __future__ import annotations

from .ir import Operation, TypeRef

MODELS = "models."
BUILTINS = "builtins."


def type_text(type_ref: TypeRef) -> str:
    return type_ref.annotation(MODELS, BUILTINS)


def has_body_overloads(operation: Operation) -> bool:
    """A named body model with required fields: typed as two overloads (model given, or fields given)."""
    body = operation.body
    return body is not None and body.model is not None and any(field.required_without_body for field in body.fields)


def deprecation(operation: Operation) -> str:
    """The warning text of a deprecated operation."""
    return f"{operation.method} {operation.path} is deprecated by the API"


def deprecated_arguments(operation: Operation) -> list[str]:
    """Optional parameters and body fields the document marks deprecated: they warn when given."""
    names = [parameter.name for parameter in operation.parameters if parameter.deprecated and parameter.location != "path"]
    if operation.body is not None:
        names += [field.name for field in operation.body.fields if field.deprecated]
    return names


def expected_deprecations(resource: str, operation: Operation, passed: set[str]) -> tuple[str, ...]:
    """The DeprecationWarning messages a call passing the arguments `passed` gives (the texts of
    templates/runtime/_deprecation.py)."""
    messages = [deprecation(operation)] if operation.deprecated else []
    messages += [f"`{name}` of `{resource}.{operation.name}` is deprecated by the API" for name in deprecated_arguments(operation) if name in passed]
    return tuple(messages)
