"""How a method's result is typed when its operation streams: the overloads of the stream flag.

An operation whose reply is only a stream returns `Stream[Item]` (`AsyncStream[Item]`). One with a
JSON reply and a streamed one, chosen by a boolean request member (OpenAI's `stream`), is typed
with overloads: `stream=True` returns the stream, `stream=False` (or omitted) the parsed value,
and a `bool` known only at run time either.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..parse.ir import Operation
from ..parse.signatures import has_body_overloads, type_text


@dataclass(frozen=True)
class Overload:
    variant: str  # the arguments' variant (see views.operation_arguments)
    flag: str | None  # how the stream flag is typed: "true", "false", "bool", or None (as declared)
    returns: str  # the result's annotation


def has_overloads(operation: Operation) -> bool:
    """Whether the method is typed with overloads (and its raw twin has an `_` implementation)."""
    return has_body_overloads(operation) or operation.stream_flag is not None


def stream_type(operation: Operation, is_async: bool) -> str:
    stream = operation.stream
    assert stream is not None
    return f"{'AsyncStream' if is_async else 'Stream'}[{type_text(stream.item)}]"


def method_returns(operation: Operation, is_async: bool) -> str:
    """The implementation's result: the value, the stream, or (chosen at run time) either."""
    if operation.stream is None:
        return type_text(operation.return_type)
    if operation.always_streams:
        return stream_type(operation, is_async)
    return f"{type_text(operation.return_type)} | {stream_type(operation, is_async)}"


def method_overloads(operation: Operation, is_async: bool) -> list[Overload]:
    variants = ["body", "fields"] if has_body_overloads(operation) else ["impl"]
    if operation.stream_flag is None:
        if len(variants) == 1:
            return []
        returns = method_returns(operation, is_async)
        return [Overload(variant, None, returns) for variant in variants]
    streamed = stream_type(operation, is_async)
    value = type_text(operation.return_type)
    either = f"{value} | {streamed}"
    overloads: list[Overload] = []
    for variant in variants:
        overloads.append(Overload(variant, "true", streamed))
        if variant == "body":  # the model given may itself ask for the stream
            overloads.append(Overload(variant, None, either))
        else:
            overloads.append(Overload(variant, "false", value))
            overloads.append(Overload(variant, "bool", either))
    return overloads
