"""A Swagger 2.0 document's refusals and warnings carry the line and column of the 2.0 text, though
later stages read its 3.0 conversion: `#/components/schemas/X` is found at `#/definitions/X`, a
request body at its `in: body` parameter, a kept parameter at its place among the 2.0 ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.upgrade.source_pointers import source_pointer
from tests.conftest import run_cli

ORIGINAL: dict[str, Any] = {
    "swagger": "2.0",
    "host": "api.example.test",
    "paths": {
        "/pets/{id}": {
            "parameters": [{"name": "id", "in": "path", "required": True, "type": "string"}],
            "put": {
                "parameters": [
                    {"name": "body", "in": "body", "schema": {"$ref": "#/definitions/Pet"}},
                    {"name": "dry", "in": "query", "type": "boolean"},
                ],
                "responses": {"200": {"description": "ok", "schema": {"type": "object"}, "headers": {"X-Rate": {"type": "integer"}}}},
            },
            "post": {
                "consumes": ["multipart/form-data"],
                "parameters": [{"name": "note", "in": "query", "type": "string"}, {"name": "photo", "in": "formData", "type": "file"}],
                "responses": {"200": {"description": "ok"}},
            },
        }
    },
    "definitions": {"Pet": {"type": "object"}},
}


@pytest.mark.parametrize(
    ("converted", "original"),
    [
        ("#/components/schemas/Pet/properties/name", "#/definitions/Pet/properties/name"),
        ("#/components/requestBodies/petBody/content/application~1json/schema/type", "#/parameters/petBody/schema/type"),
        ("#/components/parameters/limit/schema/maximum", "#/parameters/limit/maximum"),
        ("#/components/securitySchemes/key/flows", "#/securityDefinitions/key"),
        ("#/servers/0/url", "#/host"),
        ("#/paths/~1pets~1{id}/put/parameters/0/schema/type", "#/paths/~1pets~1{id}/put/parameters/1/type"),
        ("#/paths/~1pets~1{id}/parameters/0/schema", "#/paths/~1pets~1{id}/parameters/0"),
        ("#/paths/~1pets~1{id}/put/requestBody/content/application~1json/schema/$ref", "#/paths/~1pets~1{id}/put/parameters/0/schema/$ref"),
        ("#/paths/~1pets~1{id}/post/requestBody/content/multipart~1form-data/schema/properties/photo/format", "#/paths/~1pets~1{id}/post/parameters/1/format"),
        ("#/paths/~1pets~1{id}/put/responses/200/content/application~1json/schema/type", "#/paths/~1pets~1{id}/put/responses/200/schema/type"),
        ("#/paths/~1pets~1{id}/put/responses/200/headers/X-Rate/schema/type", "#/paths/~1pets~1{id}/put/responses/200/headers/X-Rate/type"),
        ("#/info/title", "#/info/title"),
    ],
)
def test_a_place_of_the_conversion_maps_to_the_2_0_text(converted: str, original: str) -> None:
    assert source_pointer(ORIGINAL, converted) == original


DANGLING = """\
swagger: "2.0"
info: {title: t, version: "1"}
host: api.example.test
paths:
  /a:
    get:
      operationId: getA
      responses:
        "200":
          description: ok
          schema:
            $ref: "#/definitions/A"
definitions:
  A:
    type: object
    properties:
      b:
        $ref: "#/definitions/Missing"
      c:
        type: string
        format: no-such-format
"""


def test_a_refusal_in_a_2_0_document_is_located_in_its_text(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(DANGLING, encoding="utf-8")
    result = run_cli("generate", str(spec), "--package", "dangling", "--out", str(tmp_path / "out"), "--strict")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"{spec}:18:15: $ref '#/components/schemas/Missing' does not resolve" in result.stderr
    tolerant = run_cli("generate", str(spec), "--package", "dangling", "--out", str(tmp_path / "out"))
    assert tolerant.returncode == 0, tolerant.stderr  # one bad part costs that part: typed Any, located in the 2.0 text
    assert f"{spec}:18:15: warning: $ref '#/components/schemas/Missing' does not resolve" in tolerant.stderr


def test_a_warning_in_a_2_0_document_is_located_in_its_text(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(DANGLING.replace('$ref: "#/definitions/Missing"', "type: integer"), encoding="utf-8")
    result = run_cli("generate", str(spec), "--package", "located", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert f"{spec}:21:17: warning: unknown format 'no-such-format'" in result.stderr
