"""`items: [A, B]`, draft 4's tuple form (Slack's Swagger 2.0 document writes it 30 times): read as a
list whose items are any of the positions (2.0, 3.0) or as `prefixItems` (3.1), one located warning
each, instead of costing the schema its type."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli
from tests.test_contract_fixes import assert_generated_tests_pass

SWAGGER = """\
swagger: "2.0"
info: {title: Tuples, version: "1"}
paths:
  /message:
    get:
      operationId: getMessage
      produces: [application/json]
      responses:
        "200":
          description: ok
          schema:
            type: object
            properties:
              mixed:
                type: array
                items: [{type: integer}, {type: string}]
              pair:
                type: array
                items: [{type: integer}, {type: integer}]
              latest:
                type: array
                items: [{type: integer}, {type: "null"}]
"""

OPENAPI_31 = """\
openapi: 3.1.0
info: {title: Tuples, version: "1"}
paths:
  /message:
    get:
      operationId: getMessage
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/Message"}}}
components:
  schemas:
    Message:
      type: object
      properties:
        mixed:
          type: array
          items: [{type: integer}, {type: string}]
          additionalItems: false
"""


def _generate(tmp_path: Path, text: str) -> tuple[str, str]:
    spec = tmp_path / "spec.yaml"
    spec.write_text(text, encoding="utf-8")
    result = run_cli("generate", str(spec), "--package", "pkg", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    models = "".join(path.read_text(encoding="utf-8") for path in sorted((tmp_path / "out" / "pkg").glob("models*.py")))
    return result.stderr, models


def test_a_tuple_in_a_2_0_document_is_a_list_of_its_positions_types(tmp_path: Path) -> None:
    warnings, models = _generate(tmp_path, SWAGGER)
    assert f"{tmp_path / 'spec.yaml'}:16:24: warning: items as a list of 2 schemas (draft 4's tuple form) is not OpenAPI 3.0; read as items: anyOf its 2 schemas" in warnings
    assert "read as items: the one schema they share" in warnings
    assert "cannot be read" not in warnings  # not the last resort, Any
    assert "mixed: list[int | str] | None" in models
    assert "pair: list[int] | None" in models
    assert "latest: list[int | None] | None" in models  # a position's own repair (type 'null') applies in the tuple's reading
    assert_generated_tests_pass(tmp_path / "out")


def test_a_tuple_in_a_3_1_document_is_read_as_prefix_items(tmp_path: Path) -> None:
    warnings, models = _generate(tmp_path, OPENAPI_31)
    assert "items as a list of 2 schemas (draft 4's tuple form) is not OpenAPI 3.1; read as prefixItems" in warnings
    assert "Items by position: `integer`, `string`; no more items." in models
    assert_generated_tests_pass(tmp_path / "out")
