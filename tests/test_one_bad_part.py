"""One bad part costs one part (issue 25): without `--strict`, a dangling `$ref` or a schema that
cannot be read gives only the part that depends on it the closest honest reading (a schema `Any`,
a reply or body untyped JSON, a parameter left out), with one located warning; the rest of the
document is generated as before. `--strict` refuses the same defect at the same place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.ground.diagnostics import SpecError, WarningSink
from generator.parse.ir import Api, Operation
from generator.pipeline import read_api, read_spec
from generator.validate import validate_spec
from tests.conftest import run_cli, write_spec
from tests.test_contract_fixes import assert_generated_tests_pass

# Each placeholder is one part; a case replaces one of them with a broken one.
DOCUMENT = """\
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
  /things:
    post:
      operationId: makeThing
      parameters:
        - PARAM
        - {name: limit, in: query, schema: LIMIT}
      requestBody: BODY
      responses:
        '200': REPLY
components:
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        name: {type: string}
        age: {type: integer}
    Thing:
      type: object
      properties:
        size: {type: integer}
        owner: OWNER
        tags: {type: array, items: ITEMS}
"""
HEALTHY = {
    "PARAM": "{name: trace, in: header, schema: {type: string}}",
    "LIMIT": "{type: integer}",
    "BODY": "{content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}",
    "REPLY": "{description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}",
    "OWNER": "{type: string}",
    "ITEMS": "{type: string}",
}
MISSING = "{$ref: '#/components/schemas/Missing'}"
LOCATED = re.compile(r"^spec\.yaml:(\d+):(\d+): warning: ")


def document(**broken: str) -> str:
    text = DOCUMENT
    for name, value in {**HEALTHY, **broken}.items():
        text = text.replace(name, value)
    return text


def position(text: str, placeholder_line: str, fragment: str) -> tuple[int, int]:
    """The 1-based line and column of the value of member `fragment` on the line holding `placeholder_line`."""
    for number, line in enumerate(text.splitlines(), 1):
        if placeholder_line in line and fragment in line:
            return number, line.index(fragment + ": ") + len(fragment) + 3
    raise AssertionError((placeholder_line, fragment))


def tolerant(tmp_path: Path, text: str) -> tuple[list[str], Api]:
    spec = read_spec(write_spec(tmp_path, text), "spec.yaml")
    warnings = validate_spec(spec)
    return warnings, read_api(spec.data, "pkg", WarningSink())


def strict_error(tmp_path: Path, text: str) -> str:
    with pytest.raises(SpecError) as error:
        validate_spec(read_spec(write_spec(tmp_path, text), "spec.yaml", strict=True), strict=True)
    return str(error.value)


def fields(api: Api, name: str) -> dict[str, str]:
    model = next(item for item in api.models if item.name == name)
    return {field.wire_name: field.type.annotation() for field in model.fields}


def operation(api: Api, operation_id: str) -> Operation:
    return next(item for resource in api.resources for item in resource.operations if item.operation_id == operation_id)


def parameters(api: Api, operation_id: str) -> dict[str, str]:
    return {item.wire_name: item.type.annotation() for item in operation(api, operation_id).parameters}


def as_before(api: Api) -> None:
    """What no case breaks is read as in the healthy document."""
    assert fields(api, "Pet") == {"name": "str", "age": "int | None"}
    get_pet = operation(api, "getPet")
    assert [reply.type.annotation() for reply in get_pet.responses] == ["Pet"]


def test_the_healthy_document_has_no_warning(tmp_path: Path) -> None:
    warnings, api = tolerant(tmp_path, document())
    assert warnings == []
    as_before(api)
    assert fields(api, "Thing") == {"size": "int | None", "owner": "str | None", "tags": "list[str] | None"}


# (placeholder, its broken value, the fragment of the line the warning points at, the message's end)
CASES = [
    ("OWNER", MISSING, "$ref", "$ref '#/components/schemas/Missing' does not resolve: nothing at that pointer; typed as Any"),
    ("OWNER", "{$ref: '#/components/schemas/Pet/properties/nickname'}", "$ref", "does not resolve: nothing at that pointer; typed as Any"),
    ("ITEMS", MISSING, "$ref", "does not resolve: nothing at that pointer; typed as Any"),
    ("LIMIT", MISSING, "$ref", "does not resolve: nothing at that pointer; typed as Any"),
    ("REPLY", "{$ref: '#/components/responses/Missing'}", "$ref", "the reply is read as JSON typed as Any (the client returns the value the server sent)"),
    ("BODY", "{$ref: '#/components/requestBodies/Missing'}", "$ref", "the request body is read as JSON typed as Any"),
    ("PARAM", "{$ref: '#/components/parameters/Missing'}", "$ref", "the parameter is left out of the client"),
    ("OWNER", "{type: object, properties: 5}", "properties", "this schema cannot be read ('properties' must be an object (found 5)); typed as Any"),
    ("ITEMS", "{type: string, required: 5}", "required", "this schema cannot be read ('required' in a schema must list property names"),
    ("OWNER", "{type: 12}", "type", "this schema cannot be read ('12' is not an OpenAPI 3.0 type"),
    ("PARAM", "{name: trace, in: body, schema: {type: string}}", "in", "this parameter cannot be read ('in' must be one of"),
    ("REPLY", "{description: ok, content: 5}", "content", "this response cannot be read ('content' must be an object (found 5)); the reply is read as JSON typed as Any"),
    ("BODY", "{content: [1]}", "content", "this request body cannot be read ('content' must be an object (found a list)); the request body is read as JSON typed as Any"),
]


@pytest.mark.parametrize(("placeholder", "value", "fragment", "message"), CASES, ids=[f"{case[0]}-{case[2]}-{index}" for index, case in enumerate(CASES)])
def test_one_bad_part_is_one_located_warning(tmp_path: Path, placeholder: str, value: str, fragment: str, message: str) -> None:
    text = document(**{placeholder: value})
    line, column = position(text, value, fragment)
    warnings, api = tolerant(tmp_path, text)
    assert len(warnings) == 1, warnings
    located = LOCATED.match(warnings[0])
    assert located and (int(located.group(1)), int(located.group(2))) == (line, column), (warnings[0], line, column)
    assert message in warnings[0]
    as_before(api)
    # --strict refuses the same defect at the same place
    refused = strict_error(tmp_path, text)
    assert refused.startswith(f"spec.yaml:{line}:{column}: "), refused


CASES_31 = [
    ("OWNER", "{type: object, properties: 5}", "properties", "this schema cannot be read ('properties' must be an object, found 5); typed as Any"),
    ("ITEMS", "{type: string, minLength: '3', enum: 3}", "minLength", "this schema cannot be read ('minLength' must be a number, found '3'); typed as Any"),
    ("OWNER", "{type: array, items: 7}", "items", "'items' must be an object or a boolean or a list, found 7"),
]


@pytest.mark.parametrize(("placeholder", "value", "fragment", "message"), CASES_31)
def test_an_unreadable_schema_of_a_31_document_is_one_located_warning(tmp_path: Path, placeholder: str, value: str, fragment: str, message: str) -> None:
    """OpenAPI 3.1 leaves schemas to JSON Schema (its OpenAPI schema checks none): the same reading, by the keyword's type."""
    text = document(**{placeholder: value}).replace("openapi: 3.0.3", "openapi: 3.1.0")
    line, column = position(text, value, fragment)
    warnings, api = tolerant(tmp_path, text)
    assert len(warnings) == 1 and message in warnings[0], warnings
    located = LOCATED.match(warnings[0])
    assert located and (int(located.group(1)), int(located.group(2))) == (line, column), (warnings[0], line, column)
    as_before(api)
    expected = {"OWNER": ("owner", "Any"), "ITEMS": ("tags", "list[Any] | None")}[placeholder]
    assert fields(api, "Thing")[expected[0]] == expected[1]


def test_an_unreadable_schema_inside_an_unreadable_one_is_not_said_twice(tmp_path: Path) -> None:
    text = document(OWNER="{type: object, required: 5, properties: {x: {type: string, enum: 4}}}").replace("openapi: 3.0.3", "openapi: 3.1.0")
    warnings, api = tolerant(tmp_path, text)
    assert len(warnings) == 1 and "'required' must be a list, found 5" in warnings[0], warnings
    assert fields(api, "Thing")["owner"] == "Any"


def test_only_the_unreadable_inner_schema_is_any(tmp_path: Path) -> None:
    text = document(OWNER="{type: object, properties: {x: {type: string, enum: 4}, y: {type: integer}}}").replace("openapi: 3.0.3", "openapi: 3.1.0")
    warnings, api = tolerant(tmp_path, text)
    assert len(warnings) == 1 and "'enum' must be a list, found 4" in warnings[0], warnings
    assert fields(api, "ThingOwner") == {"x": "Any", "y": "int | None"}


def test_a_property_with_a_dangling_ref_is_any(tmp_path: Path) -> None:
    _, api = tolerant(tmp_path, document(OWNER=MISSING))
    assert fields(api, "Thing") == {"size": "int | None", "owner": "Any", "tags": "list[str] | None"}


def test_items_with_a_dangling_ref_are_any(tmp_path: Path) -> None:
    _, api = tolerant(tmp_path, document(ITEMS=MISSING))
    assert fields(api, "Thing")["tags"] == "list[Any] | None"


def test_an_unreadable_schema_is_any_and_only_it(tmp_path: Path) -> None:
    _, api = tolerant(tmp_path, document(OWNER="{type: object, properties: 5}"))
    assert fields(api, "Thing") == {"size": "int | None", "owner": "Any", "tags": "list[str] | None"}


def test_a_parameter_schema_with_a_dangling_ref_is_any(tmp_path: Path) -> None:
    _, api = tolerant(tmp_path, document(LIMIT=MISSING))
    assert parameters(api, "makeThing") == {"trace": "str", "limit": "Any"}


def test_a_parameter_that_is_a_dangling_ref_is_left_out(tmp_path: Path) -> None:
    _, api = tolerant(tmp_path, document(PARAM="{$ref: '#/components/parameters/Missing'}"))
    assert parameters(api, "makeThing") == {"limit": "int"}


def test_a_dangling_reply_is_untyped_json(tmp_path: Path) -> None:
    _, api = tolerant(tmp_path, document(REPLY="{$ref: '#/components/responses/Missing'}"))
    replies = operation(api, "makeThing").responses
    assert [(reply.status, reply.kind, reply.type.annotation()) for reply in replies] == [("200", "json", "Any")]
    body = operation(api, "makeThing").body
    assert body is not None and body.model == "Thing"  # the body keeps its type


def test_a_dangling_request_body_is_untyped_json(tmp_path: Path) -> None:
    _, api = tolerant(tmp_path, document(BODY="{$ref: '#/components/requestBodies/Missing'}"))
    body = operation(api, "makeThing").body
    assert body is not None and (body.content_type, body.type.annotation()) == ("application/json", "Any")
    assert [reply.type.annotation() for reply in operation(api, "makeThing").responses] == ["Thing"]


def test_an_unreadable_parameter_is_left_out(tmp_path: Path) -> None:
    _, api = tolerant(tmp_path, document(PARAM="{name: trace, in: body, schema: {type: string}}"))
    assert parameters(api, "makeThing") == {"limit": "int"}


def test_an_unreadable_reply_is_untyped_json(tmp_path: Path) -> None:
    _, api = tolerant(tmp_path, document(REPLY="{description: ok, content: 5}"))
    assert [reply.type.annotation() for reply in operation(api, "makeThing").responses] == ["Any"]


def test_an_unreadable_component_parameter_is_left_out_where_it_is_used(tmp_path: Path) -> None:
    """Leaving a component out makes the `$ref`s to it dangle: they are read the same way, and the
    component's one warning says it (the parameter is left out of the client)."""
    text = document(PARAM="{$ref: '#/components/parameters/Trace'}") + "  parameters:\n    Trace: {name: trace, in: body, schema: {type: string}}\n"
    warnings, api = tolerant(tmp_path, text)
    assert parameters(api, "makeThing") == {"limit": "int"}
    assert len(warnings) == 1 and "this parameter cannot be read" in warnings[0] and "the parameter is left out of the client" in warnings[0], warnings


def test_an_operation_that_cannot_be_read_is_left_out(tmp_path: Path) -> None:
    text = document().replace("      operationId: makeThing\n", "      operationId: makeThing\n      security: 5\n")
    warnings, api = tolerant(tmp_path, text)
    assert len(warnings) == 1 and "this operation cannot be read" in warnings[0] and "the operation is left out of the client" in warnings[0], warnings
    assert [item.operation_id for resource in api.resources for item in resource.operations] == ["getPet"]
    as_before(api)


def test_a_dangling_ref_in_a_reference_chain_dangles_where_it_is_used(tmp_path: Path) -> None:
    """A component that is itself a dangling `$ref`: what refers to it dangles too (read the same way)."""
    text = document(PARAM="{$ref: '#/components/parameters/Relay'}") + "  parameters:\n    Relay: {$ref: '#/components/parameters/Missing'}\n"
    warnings, api = tolerant(tmp_path, text)
    assert parameters(api, "makeThing") == {"limit": "int"}
    assert len(warnings) == 2 and all("the parameter is left out of the client" in warning for warning in warnings), warnings


LOOPS = [
    ("    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n", "(A -> B -> A)", {"A", "B"}),
    ("    A: {not: {$ref: '#/components/schemas/A'}}\n", "(A -> A)", {"A"}),
    ("    A: {anyOf: [{$ref: '#/components/schemas/A'}, {type: string}]}\n", "(A -> A)", {"A"}),
    ("    A: {allOf: [{$ref: '#/components/schemas/B'}]}\n    B: {allOf: [{$ref: '#/components/schemas/A'}, {type: object}]}\n", "(A -> B -> A)", {"A", "B"}),
]


@pytest.mark.parametrize(("schemas", "loop", "names"), LOOPS)
def test_a_schema_that_includes_itself_types_its_loop_any(tmp_path: Path, schemas: str, loop: str, names: set[str]) -> None:
    """A `$ref` loop with no property or item between has no reading of its own; only its schemas depend on it."""
    text = document(OWNER="{$ref: '#/components/schemas/A'}") + schemas
    warnings, api = tolerant(tmp_path, text)
    assert len(warnings) == 1 and f"$ref cycle with no property or item in between {loop}: the schema includes itself" in warnings[0], warnings
    assert "typed as Any" in warnings[0]
    as_before(api)
    assert {alias.name: alias.type.annotation() for alias in api.aliases if alias.name in names} == dict.fromkeys(names, "Any")
    assert fields(api, "Thing")["owner"] in ("A | None", "Any")
    located = LOCATED.match(warnings[0])
    assert located is not None
    assert strict_error(tmp_path, text).startswith(f"spec.yaml:{located.group(1)}:{located.group(2)}: $ref cycle")


def test_a_dangling_example_or_link_is_left_out(tmp_path: Path) -> None:
    reply = "{description: ok, links: {next: {$ref: '#/components/links/Gone'}}, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}, examples: {one: {$ref: '#/components/examples/Gone'}}}}}"
    text = document(REPLY=reply)
    warnings, api = tolerant(tmp_path, text)
    assert len(warnings) == 2 and all("does not resolve" in warning for warning in warnings), warnings
    assert any("the example is left out" in warning for warning in warnings) and any("the link is left out" in warning for warning in warnings)
    assert [reply.type.annotation() for reply in operation(api, "makeThing").responses] == ["Thing"]
    as_before(api)
    assert "does not resolve" in strict_error(tmp_path, text)


def test_a_defect_of_the_whole_document_is_still_refused(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as error:
        validate_spec(read_spec(write_spec(tmp_path, document().replace("paths:", "paths: []\nx-paths:", 1)), "spec.yaml"))
    assert "'paths' must be" in str(error.value)


# ---------------------------------------------------------------- end to end


ALL_BROKEN = {
    "OWNER": MISSING,
    "ITEMS": "{type: string, required: 5}",
    "REPLY": "{$ref: '#/components/responses/Missing'}",
    "PARAM": "{$ref: '#/components/parameters/Missing'}",
}


def test_generation_goes_on_and_the_generated_tests_pass(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, document(**ALL_BROKEN))
    out = tmp_path / "out"
    run = run_cli("generate", str(spec), "--package", "pkg", "--out", str(out))
    assert run.returncode == 0, run.stderr
    warned = [line for line in run.stderr.splitlines() if ": warning: " in line]
    assert len(warned) == 4, run.stderr
    assert all(re.match(rf"^{re.escape(str(spec))}:\d+:\d+: warning: ", line) for line in warned), warned
    assert "Traceback" not in run.stderr
    models = (out / "pkg" / "models.py").read_text()
    assert "owner: Any" in models and "tags: list[Any] | None" in models and "age: int | None" in models
    # the tests of the operation reaching the untyped parts name them and why; the others name none
    things = (out / "pkg" / "tests" / "test_things.py").read_text()
    for pointer in ("#/components/schemas/Thing/properties/owner", "#/paths/~1things/post/responses/200/content/application~1json/schema", "#/components/schemas/Thing/properties/tags/items"):
        assert f'    "{pointer}": ' in things, things[-3000:]
    assert "# Note: #/components/schemas/Thing/properties/owner is untyped (Any), the document cannot say its type: $ref '#/components/schemas/Missing' does not resolve" in things
    assert "UNTYPED_PARTS" not in (out / "pkg" / "tests" / "test_pets.py").read_text()
    output = assert_generated_tests_pass(out)
    assert "test_untyped_parts_accept_any_value" not in output  # passed (-q names only failures)


def test_strict_refuses_and_leaves_the_output_untouched(tmp_path: Path) -> None:
    healthy = write_spec(tmp_path, document(), name="healthy.yaml")
    out = tmp_path / "out"
    assert run_cli("generate", str(healthy), "--package", "pkg", "--out", str(out)).returncode == 0
    before = {path: path.read_bytes() for path in sorted(out.rglob("*")) if path.is_file()}
    broken = write_spec(tmp_path, document(**ALL_BROKEN))
    run = run_cli("generate", str(broken), "--package", "pkg", "--out", str(out), "--strict")
    assert run.returncode != 0
    assert re.match(rf"^error: {re.escape(str(broken))}:\d+:\d+: ", run.stderr.strip().splitlines()[-1]), run.stderr
    assert "Traceback" not in run.stderr
    assert {path: path.read_bytes() for path in sorted(out.rglob("*")) if path.is_file()} == before

