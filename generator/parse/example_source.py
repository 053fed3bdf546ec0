"""The test values the IR still carries, supplied from outside the parse stage.

Parse reads the document into the IR; the example values of its parameters, bodies, replies, stream
items, webhook payloads and page samples are testgen's work. Parse asks for them through this
protocol, and the pipeline hands it testgen's `TestValues` (parse imports nothing of testgen).
Without one (`NO_EXAMPLES`), every example is null: the IR of the client alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from ..ground.diagnostics import WarningSink
from ..ground.schema_check import Purpose
from .ir import Operation, Pagination

if TYPE_CHECKING:
    from .schemas import SchemaConverter


class ExampleSource(Protocol):
    def for_parameter(self, parameter: dict[str, Any], pointer: str | None = None) -> Any: ...

    def one_character(self, schema: Any, value: Any) -> Any: ...

    def for_media(self, media: Any, purpose: Purpose, pointer: str | None = None) -> Any: ...

    def for_items(self, schema: Any, purpose: Purpose, variant: int) -> Any: ...

    def xml_text(self, value: Any, documented: bool, schema: Any, pointer: str, warnings: WarningSink) -> Any: ...

    def fill_paging(self, pagination: Pagination, node: dict[str, Any], operation: Operation, parameter_schema: dict[str, Any]) -> Pagination: ...


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

    def fill_paging(self, pagination: Pagination, node: dict[str, Any], operation: Operation, parameter_schema: dict[str, Any]) -> Pagination:
        return pagination


def NO_EXAMPLES(converter: SchemaConverter) -> ExampleSource:  # noqa: N802 - a constant-like default
    return _NoExamples()
