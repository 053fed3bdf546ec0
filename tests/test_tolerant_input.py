"""Tolerant reading: defects real vendor documents carry, and that leave one reading, become one
located warning each and generation goes on, with the parser honouring that reading; `--strict` and
`validate` refuse them with the rule's name. What has no single reading is still refused."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from generator.ground.diagnostics import SpecError, WarningSink
from generator.parse.ir import Api, Model
from generator.pipeline import read_spec
from generator.pipeline import read_api
from generator.validate import validate_spec
from tests.conftest import run_cli, write_spec

HEAD_30 = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n"
HEAD_31 = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"
LOCATED = re.compile(r"^spec\.yaml:(\d+):(\d+): warning: ")


def tolerant(tmp_path: Path, text: str) -> tuple[list[str], Api, dict[str, Any]]:
    spec = read_spec(write_spec(tmp_path, text), "spec.yaml")
    warnings = validate_spec(spec)
    api = read_api(spec.data, "pkg", WarningSink())
    return warnings, api, spec.data


def strict_error(tmp_path: Path, text: str) -> str:
    with pytest.raises(SpecError) as error:
        validate_spec(read_spec(write_spec(tmp_path, text), "spec.yaml", strict=True), strict=True)
    return str(error.value)


def one_warning(warnings: list[str], fragment: str) -> tuple[int, int, str]:
    """The single warning containing `fragment`, with its line and column."""
    found = [warning for warning in warnings if fragment in warning]
    assert len(found) == 1, (fragment, warnings)
    matched = LOCATED.match(found[0])
    assert matched, found[0]
    assert "\n" not in found[0] and "/.../" not in found[0], found[0]  # one line, whole (its pointer too)
    return int(matched.group(1)), int(matched.group(2)), found[0]


def fields(api: Api, name: str) -> dict[str, str]:
    model: Model = next(item for item in api.models if item.name == name)
    return {field.wire_name: field.type.annotation() + ("" if field.required else " (optional)") for field in model.fields}


def schema_doc(head: str, properties: str, required: str = "") -> str:
    listed = f"      required: {required}\n" if required else "      x-required: none\n"  # keeps line numbers alike
    return head + f"paths: {{}}\ncomponents:\n  schemas:\n    Thing:\n      type: object\n{listed}      properties:\n{properties}"


# ------------------------------------------------------------------ 3.1 keywords in a 3.0 document


def test_type_list_with_null_in_30_is_an_optional_type(tmp_path: Path) -> None:
    text = schema_doc(HEAD_30, "        name:\n          type: [string, 'null']\n", "[name]")
    warnings, api, data = tolerant(tmp_path, text)
    line, column, _ = one_warning(warnings, "type [string, null] is OpenAPI 3.1 (a list of types); read as type: string, nullable: true")
    assert (line, column) == (11, 17)
    assert fields(api, "Thing") == {"name": "str | None"}
    assert data["components"]["schemas"]["Thing"]["properties"]["name"] == {"type": "string", "nullable": True}
    assert "a list of types is not OpenAPI 3.0" in strict_error(tmp_path, text)


def test_type_null_in_30_is_none(tmp_path: Path) -> None:
    text = schema_doc(HEAD_30, "        gone:\n          type: 'null'\n", "[gone]")
    warnings, api, _ = tolerant(tmp_path, text)
    one_warning(warnings, "type 'null' is OpenAPI 3.1; read as null only")
    assert fields(api, "Thing") == {"gone": "None"}
    message = strict_error(tmp_path, text)
    assert message.startswith("spec.yaml:11:17: 'null' is not an OpenAPI 3.0 type") and message.endswith("; use nullable: true")


def test_several_types_in_30_are_a_union(tmp_path: Path) -> None:
    text = schema_doc(HEAD_30, "        id:\n          type: [integer, string]\n", "[id]")
    warnings, api, _ = tolerant(tmp_path, text)
    one_warning(warnings, "read as anyOf: [integer, string]")
    assert fields(api, "Thing") == {"id": "int | str"}


def test_const_and_examples_and_numeric_bounds_in_30(tmp_path: Path) -> None:
    text = schema_doc(HEAD_30, "        kind:\n          const: cat\n        age:\n          type: integer\n          exclusiveMinimum: 0\n          examples: [3, 4]\n")
    warnings, api, data = tolerant(tmp_path, text)
    one_warning(warnings, "const is OpenAPI 3.1; read as enum: ['cat']")
    one_warning(warnings, "exclusiveMinimum: 0 is OpenAPI 3.1 (a number); read as minimum: 0, exclusiveMinimum: true")
    one_warning(warnings, "a list of examples in a schema is OpenAPI 3.1; read as example: its first item")
    assert fields(api, "Thing")["kind"] == "Literal['cat'] | str | None (optional)"
    age = data["components"]["schemas"]["Thing"]["properties"]["age"]
    assert age == {"type": "integer", "minimum": 0, "exclusiveMinimum": True, "example": 3}


# ------------------------------------------------------------------ 3.0 keywords in a 3.1 document


def test_nullable_in_31_allows_null(tmp_path: Path) -> None:
    text = schema_doc(HEAD_31, "        name:\n          type: string\n          nullable: true\n          enum: [a, b]\n", "[name]")
    warnings, api, data = tolerant(tmp_path, text)
    one_warning(warnings, "nullable is OpenAPI 3.0; read as type: [string, null]")
    assert fields(api, "Thing") == {"name": "Literal['a', 'b'] | str | None"}
    assert data["components"]["schemas"]["Thing"]["properties"]["name"] == {"type": ["string", "null"], "enum": ["a", "b", None]}


def test_one_defect_read_one_way_in_many_places_is_one_warning(tmp_path: Path) -> None:
    """ReadMe's 3.1 document spells `nullable: true` in 500 schemas: one warning per reading, at the
    first place, with the count, and every place still repaired."""
    nullable = "          type: string\n          nullable: true\n"
    properties = "".join(f"        p{index}:\n{nullable}" for index in range(3)) + "        n:\n          type: integer\n          nullable: true\n"
    warnings, _, data = tolerant(tmp_path, schema_doc(HEAD_31, properties))
    line, column, _ = one_warning(warnings, "nullable is OpenAPI 3.0; read as type: [string, null] (3 places; this is the first)")
    assert (line, column) == (12, 21)  # p0, the first
    one_warning(warnings, "nullable is OpenAPI 3.0; read as type: [integer, null]")
    assert sum("nullable" in warning for warning in warnings) == 2, warnings
    assert all(schema["type"][-1] == "null" for schema in data["components"]["schemas"]["Thing"]["properties"].values())


def test_boolean_exclusive_bound_in_31(tmp_path: Path) -> None:
    text = schema_doc(HEAD_31, "        n:\n          type: number\n          minimum: 1\n          exclusiveMinimum: true\n")
    warnings, _, data = tolerant(tmp_path, text)
    one_warning(warnings, "exclusiveMinimum: true is OpenAPI 3.0 (a boolean); read as exclusiveMinimum: 1")
    assert data["components"]["schemas"]["Thing"]["properties"]["n"] == {"type": "number", "exclusiveMinimum": 1}


# ------------------------------------------------------------------ responses, media types, parameters


def operation_doc(head: str, operation: str, path: str = "/things") -> str:
    return head + f"paths:\n  {path}:\n    get:\n{operation}"


def test_schema_null_media_type_null_and_missing_description(tmp_path: Path) -> None:
    text = operation_doc(
        HEAD_30,
        "      operationId: list\n      responses:\n        '200':\n          content:\n            application/json:\n              schema: null\n            text/plain:\n",
    )
    warnings, api, data = tolerant(tmp_path, text)
    one_warning(warnings, "'schema' is null; read as not given")
    one_warning(warnings, "'text/plain' is null; read as empty: a Media Type object")
    line, column, _ = one_warning(warnings, "a Response object needs 'description'; read as an empty description")
    assert (line, column) == (9, 11)
    response = data["paths"]["/things"]["get"]["responses"]["200"]
    assert response == {"content": {"application/json": {}, "text/plain": {}}, "description": ""}
    assert [operation.name for resource in api.resources for operation in resource.operations] == ["list"]
    assert strict_error(tmp_path, text).startswith("spec.yaml:")


def test_undeclared_and_unrequired_path_parameters(tmp_path: Path) -> None:
    text = operation_doc(
        HEAD_30,
        "      operationId: get\n      parameters:\n        - {name: owner, in: path, schema: {type: string}}\n      responses: {'200': {description: ok}}\n",
        "/repos/{owner}/{repo}",
    )
    warnings, api, _ = tolerant(tmp_path, text)
    one_warning(warnings, "path parameter {repo} of '/repos/{owner}/{repo}' is not declared; read as required string")
    one_warning(warnings, "path parameter 'owner' is not marked required; read as required (path parameters always are)")
    operation = api.resources[0].operations[0]
    assert [(item.wire_name, item.location, item.required, item.type.annotation()) for item in operation.parameters] == [
        ("owner", "path", True, "str"),
        ("repo", "path", True, "str"),
    ]
    assert "a Parameter object needs 'required'" in strict_error(tmp_path, text)


def test_duplicate_operation_ids_get_distinct_names(tmp_path: Path) -> None:
    ok = "      responses: {'200': {description: ok}}\n"
    text = HEAD_30 + f"paths:\n  /a:\n    get:\n      operationId: fetch\n      tags: [x]\n{ok}  /b:\n    get:\n      operationId: fetch\n      tags: [x]\n{ok}"
    warnings, api, _ = tolerant(tmp_path, text)
    one_warning(warnings, "operationId 'fetch' is used twice (first at #/paths/~1a/get/operationId); this one read as 'fetch_2'")
    assert sorted(operation.name for operation in api.resources[0].operations) == ["fetch", "fetch_2"]
    assert "operationId 'fetch' is used twice" in strict_error(tmp_path, text)


def test_a_content_key_that_is_no_media_type(tmp_path: Path) -> None:
    """Spoonacular's bodies are keyed `""`: alone, the body is read by its schema (JSON for an
    object, bytes for a string); beside a real media type the nameless one is ignored."""
    obj = "{type: object, properties: {id: {type: integer}}}"
    text = HEAD_30 + (
        "paths:\n  /things:\n    post:\n      operationId: create\n"
        f"      requestBody: {{content: {{'': {{schema: {obj}}}}}}}\n"
        "      responses:\n"
        "        '200': {description: ok, content: {'': {schema: {type: string}}}}\n"
        f"        '201': {{description: made, content: {{'': {{schema: {obj}}}, 'application/xml': {{schema: {obj}}}}}}}\n"
    )
    warnings, api, _ = tolerant(tmp_path, text)
    one_warning(warnings, "'' is no media type (type/subtype); read as application/json (its schema is no string)")
    one_warning(warnings, "'' is no media type (type/subtype); read as application/octet-stream (its schema is a string)")
    one_warning(warnings, "'' is no media type (type/subtype); ignored beside the media types given")
    operation = api.resources[0].operations[0]
    assert operation.body is not None and (operation.body.content_type, operation.body.kind) == ("application/json", "json")
    assert {(reply.status, reply.content_type) for reply in operation.responses} == {("200", "application/octet-stream"), ("201", "application/xml")}


def test_swagger2_parameter_fields_and_a_style_the_location_forbids(tmp_path: Path) -> None:
    text = operation_doc(
        HEAD_30,
        "      operationId: search\n      parameters:\n        - {name: q, in: query, type: integer, minimum: 1, style: simple}\n      responses: {'200': {description: ok}}\n",
    )
    warnings, api, data = tolerant(tmp_path, text)
    one_warning(warnings, "type, minimum on a parameter is Swagger 2.0; read as its schema")
    one_warning(warnings, "style 'simple' is not allowed for a query parameter; read as its default")
    assert data["paths"]["/things"]["get"]["parameters"][0] == {"name": "q", "in": "query", "schema": {"type": "integer", "minimum": 1}}
    assert api.resources[0].operations[0].parameters[0].type.annotation() == "int"


# ------------------------------------------------------------------ $ref siblings, formats, values


def test_members_beside_a_ref_in_30_are_one_note_per_kind(tmp_path: Path) -> None:
    ref = "{$ref: '#/components/schemas/Owner', nullable: true, type: object, description: d}"
    text = HEAD_30 + (
        "paths: {}\ncomponents:\n  schemas:\n    Owner: {type: object, properties: {id: {type: integer}}}\n"
        f"    Thing:\n      type: object\n      required: [a, b]\n      properties:\n        a: {ref}\n        b: {ref}\n"
    )
    warnings, api, _ = tolerant(tmp_path, text)
    one_warning(warnings, "nullable beside $ref is ignored by OpenAPI 3.0; read as applying to the reference, as 3.1 does (2 places; this is the first)")
    one_warning(warnings, "type beside $ref is ignored by OpenAPI 3.0; ignored (2 places; this is the first)")
    assert not [warning for warning in warnings if "description beside" in warning]
    assert fields(api, "Thing") == {"a": "Owner | None", "b": "Owner | None"}


def test_unknown_format_is_the_plain_type(tmp_path: Path) -> None:
    text = schema_doc(HEAD_31, "        a: {type: string, format: url-ish}\n        b: {type: string, format: url-ish}\n        c: {type: string, format: date-time}\n")
    warnings, api, _ = tolerant(tmp_path, text)
    one_warning(warnings, "unknown format 'url-ish'; read as a plain string (2 places; this is the first)")
    assert fields(api, "Thing")["a"] == "str | None (optional)"


def test_enum_and_default_of_the_wrong_type(tmp_path: Path) -> None:
    text = schema_doc(
        HEAD_30,
        "        answer: {type: string, enum: [yes, no, 1.10]}\n        size: {type: integer, default: '10'}\n        mode: {type: integer, enum: [fast, 2]}\n",
    )
    warnings, api, data = tolerant(tmp_path, text)
    one_warning(warnings, "read true as 'yes', false as 'no', 1.1 as '1.10'")
    one_warning(warnings, "default '10' is not an integer; read as 10")
    one_warning(warnings, "enum values of the wrong type (not an integer); dropped 'fast'")
    properties = data["components"]["schemas"]["Thing"]["properties"]
    assert properties["answer"]["enum"] == ["yes", "no", "1.10"] and properties["size"]["default"] == 10 and properties["mode"]["enum"] == [2]
    assert fields(api, "Thing")["answer"] == "Literal['yes', 'no', '1.10'] | str | None (optional)"
    model = next(item for item in api.models if item.name == "Thing")
    assert next(field for field in model.fields if field.wire_name == "size").default is not None


# ------------------------------------------------------------------ misplaced members


def test_required_true_inside_a_property_makes_it_required(tmp_path: Path) -> None:
    text = schema_doc(HEAD_31, "        id: {type: integer, required: true}\n        note: {type: string, required: false}\n")
    warnings, api, _ = tolerant(tmp_path, text)
    one_warning(warnings, "required: true inside a property's schema is not OpenAPI; read as 'id' listed in the object's required")
    one_warning(warnings, "required: false inside a property's schema is not OpenAPI; read as not required")
    assert fields(api, "Thing") == {"id": "int", "note": "str | None (optional)"}


def test_members_openapi_does_not_define_are_ignored(tmp_path: Path) -> None:
    text = HEAD_30 + (
        "source: {url: x}\npaths:\n  users:\n    get:\n      produces: [application/json]\n      responses: {'200': {description: ok}, '2xx': {description: ok}}\n"
        "components:\n  securitySchemes:\n    key: {type: apiKey, name: X-Key, in: header, flows: {}}\n"
    )
    warnings, api, data = tolerant(tmp_path, text)
    one_warning(warnings, "'source' is not a field of the document's root in OpenAPI 3.0; ignored")
    one_warning(warnings, "'produces' is not a field of an Operation object in OpenAPI 3.0; ignored")
    one_warning(warnings, "'flows' is not a field of a Security Scheme object in OpenAPI 3.0; ignored")
    one_warning(warnings, "path 'users' does not start with '/'; read as '/users'")
    one_warning(warnings, "response code '2xx' is not written as OpenAPI writes codes; read as '2XX'")
    assert list(data["paths"]) == ["/users"] and "source" not in data
    assert api.resources[0].operations[0].path == "/users"
    assert strict_error(tmp_path, text) == "spec.yaml:6:5: path 'users' does not start with '/' (at #/paths/users)"


def test_unquoted_version_number(tmp_path: Path) -> None:
    text = "openapi: 3.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
    warnings, _, data = tolerant(tmp_path, text)
    one_warning(warnings, "openapi version the number 3.0 is not a version string x.y.z; read as '3.0.3'")
    assert data["openapi"] == "3.0.3"
    assert "the openapi version must be a string" in strict_error(tmp_path, text)


# ------------------------------------------------------------------ $ref cycles


def test_child_allof_naming_its_oneof_parent_is_read_without_the_loop(tmp_path: Path) -> None:
    """HubSpot's shape: the parent is a oneOf of its children, each child an allOf of the parent."""
    text = HEAD_30 + (
        "paths: {}\ncomponents:\n  schemas:\n"
        "    Request:\n      oneOf: [{$ref: '#/components/schemas/ByView'}, {$ref: '#/components/schemas/ByList'}]\n"
        "    ByView:\n      allOf:\n        - $ref: '#/components/schemas/Request'\n        - {type: object, required: [view], properties: {view: {type: string}}}\n"
        "    ByList:\n      allOf:\n        - $ref: '#/components/schemas/Request'\n        - {type: object, required: [list], properties: {list: {type: integer}}}\n"
    )
    warnings, api, _ = tolerant(tmp_path, text)
    one_warning(warnings, "leads back to the same schema with no property or item between (ByView -> Request -> ByView); read without it")
    one_warning(warnings, "(ByList -> Request -> ByList); read without it")
    assert fields(api, "ByView") == {"view": "str"} and fields(api, "ByList") == {"list": "int"}
    assert "$ref cycle with no property or item in between" in strict_error(tmp_path, text)


def test_allof_naming_itself(tmp_path: Path) -> None:
    text = HEAD_31 + "paths: {}\ncomponents:\n  schemas:\n    Node:\n      allOf:\n        - $ref: '#/components/schemas/Node'\n        - {type: object, properties: {next: {$ref: '#/components/schemas/Node'}}}\n"
    warnings, api, _ = tolerant(tmp_path, text)
    one_warning(warnings, "(Node -> Node); read without it")
    assert fields(api, "Node") == {"next": "Node | None (optional)"}


# ------------------------------------------------------------------ still refused


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a: [unclosed\n", "invalid YAML"),
        ("info: {title: t, version: '1'}\npaths: {}\n", "missing 'openapi' version field"),
        ("openapi: 4.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n", "unsupported OpenAPI version '4.0.0'"),
        ("openapi: '3'\ninfo: {title: t, version: '1'}\npaths: {}\n", "unsupported OpenAPI version '3'"),
        (HEAD_30 + "paths: {}\ncomponents:\n  securitySchemes:\n    A: {$ref: '#/components/securitySchemes/Gone'}\n", "does not resolve"),  # no part-local reading (test_one_bad_part.py)
        (HEAD_30 + "paths: {}\ncomponents:\n  schemas:\n    A: {$ref: '../outside.yaml#/A'}\n", "leaves the spec's folder"),
        (HEAD_30 + "paths: {}\nservers: [{variables: 5}]\n", "a Server object needs 'url'"),  # a parameter with no reading is left out: test_one_bad_part.py
        (HEAD_30 + "info: {title: t, version: '1'}\npaths: []\n", "'paths' must be a Paths object (found an empty list)"),
    ],
)
def test_what_has_no_single_reading_is_refused(tmp_path: Path, text: str, expected: str) -> None:
    folder = tmp_path / "specs"
    folder.mkdir()
    with pytest.raises(SpecError) as error:
        validate_spec(read_spec(write_spec(folder, text), "spec.yaml"))
    message = str(error.value)
    assert expected in message, message
    assert message.startswith("spec.yaml:") and "\n" not in message and len(message) <= 200, message


def test_refusals_name_the_rule_without_dumping_the_object(tmp_path: Path) -> None:
    big = ", ".join(f"p{index}: {{type: string, description: 'a long description number {index}'}}" for index in range(40))
    text = HEAD_30 + f"paths: {{}}\ncomponents:\n  schemas:\n    Thing:\n      type: object\n      properties: {{{big}, bad: {{type: 'null'}}}}\n"
    message = strict_error(tmp_path, text)
    assert "'null' is not an OpenAPI 3.0 type (at #/components/schemas/Thing/properties/bad/type); use nullable: true" in message
    assert "{'" not in message and "description number" not in message and len(message) <= 200


# ------------------------------------------------------------------ the command line


def test_cli_generates_with_warnings_and_strict_refuses(tmp_path: Path) -> None:
    write_spec(tmp_path, schema_doc(HEAD_30, "        name:\n          type: [string, 'null']\n"))
    tolerant_run = run_cli("generate", "spec.yaml", "--package", "pkg", "--out", "out", cwd=tmp_path)
    assert tolerant_run.returncode == 0, tolerant_run.stderr
    assert re.search(r"^spec\.yaml:11:17: warning: type \[string, null\] is OpenAPI 3\.1", tolerant_run.stderr, re.M), tolerant_run.stderr
    assert "name: str | None" in (tmp_path / "out" / "pkg" / "models.py").read_text()
    strict_run = run_cli("generate", "spec.yaml", "--package", "pkg", "--out", "strict", "--strict", cwd=tmp_path)
    assert strict_run.returncode == 1 and not (tmp_path / "strict").exists()
    assert strict_run.stderr.strip().splitlines() == [
        "error: spec.yaml:11:17: a list of types is not OpenAPI 3.0 (at #/components/schemas/Thing/properties/name/type); use one type, with nullable: true for null, or oneOf"
    ]
    validate_run = run_cli("validate", "spec.yaml", cwd=tmp_path)
    assert validate_run.returncode == 1 and "a list of types is not OpenAPI 3.0" in validate_run.stderr


def test_a_nullable_parameter_passes_the_generated_tests(tmp_path: Path) -> None:
    """The repair of a 3.1 `nullable` writes `type: [string, "null"]`; a parameter's schema of that
    shape (also written natively in 3.1) must not break the generated contract tests."""
    text = HEAD_31 + (
        "servers: [{url: 'https://api.example.test'}]\npaths:\n  /items:\n    get:\n      operationId: list\n"
        "      parameters:\n        - {name: cursor, in: query, schema: {$ref: '#/components/schemas/Cursor'}}\n"
        "        - {name: tag, in: query, schema: {type: [string, 'null']}}\n"
        "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n"
        "              schema: {type: object, properties: {next: {$ref: '#/components/schemas/Cursor'}}}\n"
        "components:\n  schemas:\n    Cursor: {type: string, nullable: true}\n"
    )
    write_spec(tmp_path, text)
    generated = run_cli("generate", "spec.yaml", "--package", "nullparams", "--out", "out", cwd=tmp_path)
    assert generated.returncode == 0, generated.stderr
    import subprocess
    import sys

    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "nullparams/tests"], cwd=tmp_path / "out", capture_output=True, text=True, timeout=300
    )
    assert tests.returncode == 0, tests.stdout[-3000:]
    assert "Cursor: TypeAlias = str | None" in (tmp_path / "out" / "nullparams" / "models.py").read_text()


def test_a_lower_case_code_that_is_the_only_response_in_31(tmp_path: Path) -> None:
    """3.1's schema also asks for `default` then: that finding is an echo of the code's, not a refusal."""
    text = HEAD_31 + "paths:\n  /hook:\n    post:\n      responses:\n        '2xx': {description: received}\n"
    warnings, _, data = tolerant(tmp_path, text)
    one_warning(warnings, "response code '2xx' is not written as OpenAPI writes codes; read as '2XX'")
    assert list(data["paths"]["/hook"]["post"]["responses"]) == ["2XX"]
