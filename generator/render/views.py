"""Small derived views of IR operations that the resource template needs (signatures, bodies)."""

from __future__ import annotations

from dataclasses import dataclass

from ..parse.ir import NONE, BodyField, ListType, Operation, TypeRef, UnionType
from ..parse.signatures import MODELS, type_text



@dataclass(frozen=True)
class Argument:
    name: str
    annotation: str
    default: str | None  # Python source of the default, None when required
    keyword_only: bool
    description: str


def argument_text(type_ref: TypeRef) -> str:
    """How an argument is typed: where the value is a list, any sequence of its items is taken
    (a tuple; a list of one member of a union, which a `list[A | B]` argument refuses under mypy);
    a sequence of strings refuses a lone string. Models still hold lists."""
    parts = _argument_parts(type_ref)
    if "Any" in parts:
        return "Any"
    return " | ".join([part for part in parts if part != "None"] + (["None"] if "None" in parts else []))


def _argument_parts(type_ref: TypeRef) -> list[str]:
    if isinstance(type_ref, UnionType):
        parts: list[str] = []
        for option in type_ref.options:
            for part in _argument_parts(option):
                if part not in parts:
                    parts.append(part)
        return parts
    if isinstance(type_ref, ListType):
        item = argument_text(type_ref.item)
        return [f"SequenceNotStr[{item}]" if item == "str" else f"Sequence[{item}]"]
    return [type_text(type_ref)]


def _optional(annotation: str) -> str:
    return f"{annotation} | NotGiven"


def operation_arguments(operation: Operation, *, drop: str | None = None, variant: str = "impl", flag: str | None = None) -> list[Argument]:
    """The method's arguments in signature order: path parameters positionally, the rest keyword-only.

    `variant` shapes a named body model's arguments: "impl" (everything optional), "body" (the model is
    required) or "fields" (no model; the model's required fields are required arguments); "iter" is
    "impl" for an `iter_` method, whose page number or offset is never required. `flag`
    types the stream flag of an overload: "true", "false" or "bool" (see stream_views.py).
    """
    arguments: list[Argument] = []
    for parameter in operation.parameters:
        if parameter.location != "path":
            continue
        arguments.append(Argument(parameter.name, argument_text(parameter.type), None, False, _describe(parameter.description, parameter.unverified)))
    keyword: list[Argument] = []
    for parameter in operation.parameters:
        if parameter.location == "path" or parameter.name == drop:
            continue
        annotation = argument_text(parameter.type)
        walk = operation.pagination
        if variant == "iter" and parameter.required and walk is not None and walk.style in ("page", "offset") and parameter.name == walk.param:
            # `iter_` starts the walk itself: a page number or offset the document requires is
            # optional there, defaulting to the first page (patientview's required `offset`).
            start: int | str = str(walk.start) if walk.param_text else walk.start
            keyword.append(Argument(parameter.name, annotation, repr(start), True, _describe(parameter.description, parameter.unverified)))
        elif parameter.required:
            keyword.append(Argument(parameter.name, annotation, None, True, _describe(parameter.description, parameter.unverified)))
        else:
            keyword.append(Argument(parameter.name, _optional(annotation), "NOT_GIVEN", True, _describe(parameter.description, parameter.unverified)))
    body = operation.body
    if body is not None:
        if body.model is not None and variant != "fields":
            described = "the whole request body as a model; keyword arguments below override its fields"
            if variant == "body":
                keyword.append(Argument("body", MODELS + body.model, None, True, described))
            else:
                keyword.append(Argument("body", _optional(MODELS + body.model), "NOT_GIVEN", True, described))
        if body.fields:
            for body_field in body.fields:
                annotation = argument_text(body_field.type)
                if flag is not None and operation.stream_flag is not None and body_field.name == operation.stream_flag.name:
                    keyword.append(flag_argument(body_field, flag))
                    continue
                walk = operation.pagination
                if variant == "iter" and walk is not None and walk.param_location == "body" and body_field.name == walk.param and walk.style in ("page", "offset") and body_field.required:
                    start = str(walk.start) if walk.param_text else walk.start
                    keyword.append(Argument(body_field.name, annotation, repr(start), True, body_field.description))
                elif body_field.required or (variant == "fields" and body_field.required_without_body):
                    keyword.append(Argument(body_field.name, annotation, None, True, body_field.description))
                else:
                    keyword.append(Argument(body_field.name, _optional(annotation), "NOT_GIVEN", True, body_field.description))
        elif body.model is None:
            annotation = argument_text(body.type)
            if body.required:
                keyword.append(Argument("body", annotation, None, True, body.description or "the request body"))
            else:
                keyword.append(Argument("body", _optional(annotation), "NOT_GIVEN", True, body.description or "the request body"))
    # Required keyword arguments first reads better; Python allows either order after `*`.
    keyword.sort(key=lambda argument: argument.default is not None)
    return arguments + keyword


def _describe(description: str, unverified: str) -> str:
    if unverified:
        return f"{description} Unverified: {unverified}".strip()
    return description


def flag_argument(body_field: BodyField, flag: str) -> Argument:
    """The stream flag typed for one overload: `Literal[True]` (required), `Literal[False]` (the
    default, omitted) or any `bool` (required)."""
    nullable = isinstance(body_field.type, UnionType) and NONE in body_field.type.options
    if flag == "true":
        return Argument(body_field.name, "Literal[True]", None, True, body_field.description)
    if flag == "false":
        return Argument(body_field.name, "Literal[False]" + (" | None" if nullable else "") + " | NotGiven", "NOT_GIVEN", True, body_field.description)
    return Argument(body_field.name, "bool" + (" | None" if nullable else ""), None, True, body_field.description)
