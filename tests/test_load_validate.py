"""Load and validate: bad input gives one located line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ground.diagnostics import SpecError
from generator.pipeline import read_spec
from generator.validate import validate_spec
from tests.conftest import minimal_spec, write_spec


def load_and_validate(path: Path) -> None:
    """Strictly, as `validate` reads (tolerant reading is tests/test_tolerant_input.py's subject)."""
    validate_spec(read_spec(path, path.name, strict=True), strict=True)


def test_invalid_yaml_is_located(tmp_path: Path) -> None:
    path = write_spec(tmp_path, "openapi: 3.1.0\ninfo:\n  title: x\n  version: '1'\npaths:\n  /a: [unclosed\n")
    with pytest.raises(SpecError) as error:
        load_and_validate(path)
    message = str(error.value)
    assert message.startswith("spec.yaml:7:1: invalid YAML") or message.startswith("spec.yaml:6:")
    assert "\n" not in message


def test_invalid_json_is_located(tmp_path: Path) -> None:
    path = tmp_path / "spec.json"
    path.write_text('{"openapi": "3.1.0",\n  "info": {,}\n}')
    with pytest.raises(SpecError) as error:
        load_and_validate(path)
    assert str(error.value).startswith("spec.json:2:12: invalid JSON")


def test_missing_required_field_names_the_path_and_line(tmp_path: Path) -> None:
    path = write_spec(tmp_path, "openapi: 3.1.0\ninfo:\n  title: Missing version\npaths: {}\n")
    with pytest.raises(SpecError) as error:
        load_and_validate(path)
    message = str(error.value)
    assert message.startswith("spec.yaml:3:3: an Info object needs 'version'")
    assert "(at #/info)" in message


def test_unexpected_member_is_located_at_the_member(tmp_path: Path) -> None:
    # googleapis.com__cloudbuild.json has a root `source` member; the validator reports it at `#`.
    path = write_spec(tmp_path, "openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\npaths: {}\nsource:\n  url: {}\nx-fine: 1\n")
    with pytest.raises(SpecError) as error:
        load_and_validate(path)
    message = str(error.value)
    assert message.startswith("spec.yaml:7:3: 'source' is not a field of the document in OpenAPI 3.0 (at #/source)")
    assert "x-" in message and "\n" not in message


def test_dangling_ref_names_the_ref_and_where(tmp_path: Path) -> None:
    spec = minimal_spec(paths={"/a": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Nope"}}}}}}}})
    path = write_spec(tmp_path, spec)
    with pytest.raises(SpecError) as error:
        load_and_validate(path)
    message = str(error.value)
    assert "'#/components/schemas/Nope' does not resolve" in message
    assert message.startswith("spec.yaml:") and len(message) <= 200
    assert error.value.location.pointer == "#/paths/~1a/get/responses/200/content/application~1json/schema/$ref"


@pytest.mark.parametrize(
    ("ref", "problem"),
    [
        ("https://evil.example/schema.yaml#/x", "points at a URL"),
        ("file:///etc/passwd", "points at a URL"),
        ("../outside.yaml#/x", "leaves the spec's folder"),
        ("/etc/passwd", "absolute path"),
        ("missing.yaml#/x", "does not exist"),
    ],
)
def test_unsafe_or_missing_external_refs_are_refused(tmp_path: Path, ref: str, problem: str) -> None:
    folder = tmp_path / "specs"
    folder.mkdir()
    (tmp_path / "outside.yaml").write_text("x: {type: string}\n")
    spec = minimal_spec(components={"schemas": {"A": {"$ref": ref}}})
    path = write_spec(folder, spec)
    with pytest.raises(SpecError) as error:
        load_and_validate(path)
    assert problem in str(error.value)


def test_local_external_refs_become_components(tmp_path: Path) -> None:
    (tmp_path / "common.yaml").write_text(
        "Pet:\n  type: object\n  properties:\n    name: {type: string}\n    owner: {$ref: '#/Owner'}\nOwner:\n  type: object\n  properties:\n    id: {type: integer}\n"
    )
    spec = minimal_spec(components={"schemas": {"Pet": {"$ref": "common.yaml#/Pet"}}})
    loaded = read_spec(write_spec(tmp_path, spec))
    validate_spec(loaded)
    schemas = loaded.data["components"]["schemas"]
    assert schemas["Pet"]["properties"]["owner"] == {"$ref": "#/components/schemas/Owner"}
    assert schemas["Owner"]["properties"]["id"] == {"type": "integer"}


def test_invalid_swagger_2_is_located_in_the_original(tmp_path: Path) -> None:
    path = write_spec(tmp_path, "swagger: '2.0'\ninfo:\n  title: x\npaths: {}\n")
    with pytest.raises(SpecError) as error:
        load_and_validate(path)
    assert str(error.value).startswith("spec.yaml:3:3: invalid Swagger 2.0: an Info object needs 'version'")


def test_duplicate_operation_ids_are_reported(tmp_path: Path) -> None:
    ok = {"200": {"description": "ok"}}
    spec = minimal_spec(paths={"/a": {"get": {"operationId": "same", "responses": ok}}, "/b": {"get": {"operationId": "same", "responses": ok}}})
    with pytest.raises(SpecError) as error:
        load_and_validate(write_spec(tmp_path, spec))
    assert "operationId 'same' is used twice" in str(error.value)


def test_yaml_timestamps_stay_strings(tmp_path: Path) -> None:
    spec = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: string, example: 2023-11-07T05:31:56Z}\n"
    loaded = read_spec(write_spec(tmp_path, spec))
    assert loaded.data["components"]["schemas"]["A"]["example"] == "2023-11-07T05:31:56Z"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as error:
        load_and_validate(tmp_path / "nope.yaml")
    assert "file not found" in str(error.value)


def test_keyword_check_warnings_point_at_the_member(tmp_path: Path) -> None:
    """openapi-spec-validator's keyword errors carry no document path; the warning still names the member."""
    path = write_spec(
        tmp_path,
        "openapi: 3.0.3\n"
        "info: {title: t, version: '1'}\n"
        "paths:\n"
        "  /items/{id}:\n"
        "    get:\n"
        "      parameters:\n"
        "        - {name: limit, in: query, schema: {type: integer, default: none}}\n"
        "      responses: {'200': {description: ok}}\n"
        "components:\n"
        "  schemas:\n"
        "    First: {type: string, pattern: '[\\p{L}]+'}\n"
        "    Second: {type: string, pattern: '[\\p{L}]+'}\n",
    )
    warnings = validate_spec(read_spec(path, path.name), thorough=True, strict=True)
    assert any(
        w.startswith("spec.yaml:7:69: warning: ") and "default does not fit its schema" in w and "(at #/paths/~1items~1{id}/get/parameters/0/schema/default)" in w
        for w in warnings
    ), warnings
    assert any(w.startswith("spec.yaml:6:7: warning: ") and "'id'" in w and "(at #/paths/~1items~1{id}/get)" in w for w in warnings), warnings
    # the same bad pattern twice: each warning points at its own schema
    assert any(w.endswith("(at #/components/schemas/First/pattern)") for w in warnings), warnings
    assert any(w.endswith("(at #/components/schemas/Second/pattern)") for w in warnings), warnings
