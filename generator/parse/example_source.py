"""The tests' example values, asked for from outside the parse stage.

Parse reads the document into the IR; the example values of its parameters, bodies, replies, stream
items, webhook payloads and page samples are testgen's work. Parse asks for them through this
protocol, and the pipeline hands it testgen's `TestValues` (parse imports nothing of testgen). The IR
carries none of them: parse tells testgen each parameter's, body's and reply's example (`example`,
by operationId and part) and where pages, stream items and webhook payloads are, and testgen keeps
them. Without a source (`NO_EXAMPLES`), every example is null: the client's IR alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from ..ground.diagnostics import WarningSink
from ..ground.schema_check import Purpose
from .ir import Operation, Pagination

if TYPE_CHECKING:
    from .schemas import SchemaConverter


def parameter_part(location: str, wire_name: str) -> str:
    """A parameter's part, as the tests and their proof name it: "query:limit"."""
    return f"{location}:{wire_name}"


BODY_PART = "body"


def reply_part(status: str) -> str:
    """A reply's part, by its documented status key: "reply:404"."""
    return f"reply:{status}"


class ExampleSource(Protocol):
    def for_parameter(self, parameter: dict[str, Any], pointer: str | None = None) -> Any: ...

    def one_character(self, schema: Any, value: Any) -> Any: ...

    def for_media(self, media: Any, purpose: Purpose, pointer: str | None = None) -> Any: ...

    def for_items(self, schema: Any, purpose: Purpose, variant: int) -> Any: ...

    def xml_text(self, value: Any, documented: bool, schema: Any, pointer: str, warnings: WarningSink) -> Any: ...

    def example(self, operation_id: str, part: str, value: Any) -> None:
        """Told of the example of an operation's parameter, body or reply (`part`, named as above): the tests keep it."""

    def page_samples(self, pagination: Pagination, node: dict[str, Any], operation: Operation, parameter_schema: dict[str, Any]) -> None:
        """Told of each list operation's pages (`node` is the raw operation): the tests keep their samples."""

    def webhook_payload(self, name: str, method: str, media: Any) -> None:
        """Told of each webhook's JSON payload (its media type object): the tests keep its example."""

    def stream_items(self, key: tuple[str, str], items: list[Any]) -> None:
        """Told of a streamed reply's example items, by (operationId, status): the tests keep them."""


ExampleFactory = Callable[["SchemaConverter"], ExampleSource]


class _NoExamples:
    def for_parameter(self, parameter: dict[str, Any], pointer: str | None = None) -> Any:
        return None

    def one_character(self, schema: Any, value: Any) -> Any:
        return value

    def for_media(self, media: Any, purpose: Purpose, pointer: str | None = None) -> Any:
        return None

    def for_items(self, schema: Any, purpose: Purpose, variant: int) -> Any:
        return None

    def xml_text(self, value: Any, documented: bool, schema: Any, pointer: str, warnings: WarningSink) -> Any:
        return value

    def example(self, operation_id: str, part: str, value: Any) -> None:
        pass

    def page_samples(self, pagination: Pagination, node: dict[str, Any], operation: Operation, parameter_schema: dict[str, Any]) -> None:
        pass

    def webhook_payload(self, name: str, method: str, media: Any) -> None:
        pass

    def stream_items(self, key: tuple[str, str], items: list[Any]) -> None:
        pass


def NO_EXAMPLES(converter: SchemaConverter) -> ExampleSource:  # noqa: N802 - a constant-like default
    return _NoExamples()
