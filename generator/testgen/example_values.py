"""testgen's answer to parse's `ExampleSource`: the example values the IR carries for the tests.

The pipeline hands `TestValues` to `parse.api.build_api`; one instance serves one reader (the
operations, their pages and streams share it, as they share its example maker's budget and words).
"""

from __future__ import annotations

from typing import Any

from ..ground.diagnostics import WarningSink
from ..ground.schema_check import Purpose
from ..parse.ir import Operation, Pagination
from ..parse.schemas import SchemaConverter
from .examples import ExampleMaker
from .paging_samples import PagingSamples
from .xml_examples import xml_text_example


class TestValues:
    __test__ = False  # not a pytest class

    def __init__(self, converter: SchemaConverter) -> None:
        self.maker = ExampleMaker(converter)
        self.samples = PagingSamples(self.maker)

    def for_parameter(self, parameter: dict[str, Any], pointer: str | None = None) -> Any:
        return self.maker.for_parameter(parameter, pointer)

    def one_character(self, schema: Any, value: Any) -> Any:
        return self.maker.one_character(schema, value)

    def for_media(self, media: Any, purpose: Purpose, pointer: str | None = None) -> Any:
        return self.maker.for_media(media, purpose, pointer)

    def for_items(self, schema: Any, purpose: Purpose, variant: int) -> Any:
        return self.maker.for_schema(schema, purpose, variant=variant)

    def xml_text(self, value: Any, documented: bool, schema: Any, pointer: str, warnings: WarningSink) -> Any:
        return xml_text_example(value, documented, schema, pointer, warnings)

    def fill_paging(self, pagination: Pagination, node: dict[str, Any], operation: Operation, parameter_schema: dict[str, Any]) -> Pagination:
        return self.samples.fill(pagination, node, operation, parameter_schema)
