"""The tests' example values live in testgen's tables, not in the IR; the proof rewrites them there."""

from __future__ import annotations

import json

from generator.ground.diagnostics import WarningSink
from generator.parse.ir import Operation
from generator.parse.schemas import SchemaConverter
from generator.pipeline import read_api
from generator.testgen.example_tables import ExampleTables
from generator.testgen.examples import ExampleMaker
from generator.testgen.proof_values import Places
from tests.conftest import minimal_spec

_PET = {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "example": "rex"}, "age": {"type": "integer", "example": 3}}}
_PATHS = {
    "/pets/{id}": {
        "put": {
            "operationId": "putPet",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "example": 7}}],
            "requestBody": {"content": {"application/json": {"schema": _PET}}},
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": _PET}}}},
        }
    }
}


def _parsed() -> tuple[Operation, ExampleTables, Places]:
    spec = minimal_spec(openapi="3.1.0", paths=_PATHS)
    tables = ExampleTables()
    api = read_api(spec, "pkg", WarningSink(), examples=tables)
    places = Places(spec, ExampleMaker(SchemaConverter(spec, WarningSink())), tables)
    return api.operations[0], tables, places


def test_parse_tells_testgen_each_parameters_bodys_and_replys_example() -> None:
    _, tables, _ = _parsed()
    assert json.loads(tables.value("putPet", "path:id")) == 7
    assert json.loads(tables.value("putPet", "body")) == {"name": "rex", "age": 3}
    assert json.loads(tables.value("putPet", "reply:200")) == {"name": "rex", "age": 3}
    assert tables.value("putPet", "query:none") == "null"


def test_the_proofs_replacements_go_into_the_tables_and_can_be_put_back() -> None:
    operation, tables, places = _parsed()
    before = dict(tables.values)
    assert places.replacement(operation, "body", 0) == "the example without its optional members"
    assert json.loads(tables.value("putPet", "body")) == {"name": "rex"}
    places.restore()
    assert tables.values == before
    assert places.replacement(operation, "reply:200", 0) is not None
    places.keep()
    places.restore()
    assert json.loads(tables.value("putPet", "reply:200")) == {"name": "rex"}
