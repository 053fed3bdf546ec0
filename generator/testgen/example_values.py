"""testgen's answer to parse's `ExampleSource`: the example values the tests need.

The pipeline hands parse `ExampleTables(...).source`; each reader parse makes gets one `TestValues`
(the operations, their pages and streams share it, as they share its example maker's budget and
words). The examples of parameters, bodies and replies, page samples, stream items and webhook
payloads all go into the tables testgen reads (the IR carries none).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..ground.diagnostics import WarningSink
from ..ground.json_text import to_json_text
from ..ground.schema_check import Purpose
from ..parse.ir import Operation, Pagination
from ..parse.schemas import SchemaConverter
from .example_tables import ExampleTables
from .examples import ExampleMaker
from .paging_samples import PagingSamples
from .xml_examples import xml_text_example


class TestValues:
    __test__ = False  # not a pytest class

    def __init__(self, converter: SchemaConverter, tables: ExampleTables) -> None:
        self.maker = ExampleMaker(converter)
        self.samples = PagingSamples(self.maker)
        self.tables = tables

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

    def example(self, operation_id: str, part: str, value: Any) -> None:
        self.tables.values[(operation_id, part)] = to_json_text(value)

    def page_samples(self, pagination: Pagination, node: dict[str, Any], operation: Operation, parameter_schema: dict[str, Any]) -> None:
        self.tables.pages[operation.operation_id] = self.samples.fill(pagination, node, operation, parameter_schema)

    def stream_items(self, key: tuple[str, str], items: list[Any]) -> None:
        self.tables.streams[key] = to_json_text(items)

    def webhook_payload(self, name: str, method: str, media: Any) -> None:
        # The API sends the payload: as in a reply, read-only values are in and write-only ones out.
        self.tables.webhooks[(name, method)] = to_json_text(self.maker.for_media(media, "response"))


@dataclass
class ExampleRecorder:
    """The example source the pipeline hands parse: `source` makes each reader's TestValues, all
    writing into one set of tables."""

    tables: ExampleTables = field(default_factory=ExampleTables)

    def source(self, converter: SchemaConverter) -> TestValues:
        values = TestValues(converter, self.tables)
        # Kept in the tables for the proof, which then shares the check rather than building its own.
        if not any(check is values.maker.check for check in self.tables.checks):
            self.tables.checks.append(values.maker.check)
        return values

    def release(self) -> None:
        """Let the checks go (when no proof took them up: each holds a copy of the document)."""
        self.tables.checks.clear()
