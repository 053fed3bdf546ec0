"""The values the generated tests send and answer with satisfy the document (issue 6).

The generator checks example values with the validator classes the generated contract tests run
(their `_validation*.py`); a schema no value satisfies gets a located warning and one relaxed reading shared by
the client and the tests' validation copy. Each test here failed before the fix it names.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from openapi_schema_validator import OAS30ReadValidator, OAS30WriteValidator, OAS31Validator
from jsonschema import Draft202012Validator, FormatChecker
from openapi_schema_validator._format import oas30_format_checker

from generator.ground.diagnostics import WarningSink
from generator.parse.ir import ListType, NamedType, NONE, UnionType
from generator.pipeline import read_api
from generator.testgen.example_tables import ExampleTables
from generator.testgen.examples import ExampleMaker
from generator.ground.discriminators import read_discriminator
from generator.ground.relaxations import find_relaxations
from generator.ground.schema_check import SchemaCheck
from generator.parse.schemas import SchemaConverter
from tests.conftest import minimal_spec
from tests.test_contract_fixes import assert_generated_tests_pass, generate

sys.setrecursionlimit(max(sys.getrecursionlimit(), 3000))


def document(components: dict[str, Any] | None = None, version: str = "3.0.3", paths: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"openapi": version, "info": {"title": "t", "version": "1"}, "paths": paths or {}, "components": {"schemas": components or {}}}


def maker(doc: dict[str, Any]) -> ExampleMaker:
    warnings = WarningSink()
    return ExampleMaker(SchemaConverter(doc, warnings, relaxations=find_relaxations(doc, warnings)))


def _tests_format_checker() -> Any:
    """OAS 3.0's format checker as the contract tests configure it: `time` is RFC 3339 full-time
    (checked here by jsonschema's own 2020-12 checker, not by the generator's)."""
    checker = FormatChecker(formats=())
    checker.checkers = {**oas30_format_checker.checkers, "time": Draft202012Validator.FORMAT_CHECKER.checkers["time"]}
    return checker


TESTS_FORMAT_CHECKER = _tests_format_checker()


def real_verdict(doc: dict[str, Any], schema: dict[str, Any], value: Any, purpose: str) -> bool:
    """openapi-schema-validator's own answer: whether `value` is rejected."""
    if doc["openapi"].startswith("3.1"):
        cls: Any = OAS31Validator
    else:
        cls = OAS30WriteValidator if purpose == "request" else OAS30ReadValidator
    # The document is the root (so its `#/components/...` references resolve), checked as `schema`.
    return not cls({**doc, "x-root": schema, "$ref": "#/x-root"}, format_checker=TESTS_FORMAT_CHECKER).is_valid(value)


# ---------------------------------------------------------------- the check agrees with the validator

AGREEMENT = [
    # (version, schema, value, purpose, rejected)
    ("3.0.3", {"type": "string", "format": "time"}, "16:39:57-08:00", "request", False),  # RFC 3339 full-time, as the tests check it
    ("3.0.3", {"type": "string", "format": "time"}, "16:39:57", "request", True),  # no offset
    ("3.0.3", {"type": "string", "format": "date-time"}, "20170214T1215Z", "request", True),
    ("3.0.3", {"type": "integer", "format": "int32"}, 2**31, "request", True),
    ("3.0.3", {"type": "string", "format": "byte"}, "not base64!", "request", True),
    ("3.0.3", {"type": "string", "nullable": True}, None, "response", False),
    ("3.0.3", {"type": "string"}, None, "response", True),
    ("3.1.0", {"type": "string", "nullable": True}, None, "response", True),  # 3.1 has no nullable
    ("3.1.0", {"type": ["string", "null"]}, None, "response", False),
    ("3.0.3", {"type": "object", "properties": {"id": {"type": "string", "readOnly": True}}}, {"id": "x"}, "request", True),
    ("3.0.3", {"type": "object", "required": ["id"], "properties": {"id": {"type": "string", "readOnly": True}}}, {}, "request", False),
    ("3.1.0", {"type": "object", "required": ["id"], "properties": {"id": {"type": "string", "readOnly": True}}}, {}, "request", True),
    (
        "3.0.3",
        {"allOf": [{"type": "object", "additionalProperties": False, "properties": {"a": {"type": "string"}}}, {"type": "object", "additionalProperties": False, "properties": {"b": {"type": "string"}}}]},
        {"a": "x"},
        "request",
        True,
    ),
    ("3.0.3", {"type": "number", "enum": ["", 0, 1]}, "", "request", True),
    ("3.0.3", {"type": "array", "minItems": 2, "items": {"type": "string"}}, ["a"], "request", True),
    ("3.0.3", {"type": "string", "pattern": "^[a-z]+$"}, "abc1", "request", True),
]


@pytest.mark.parametrize(("version", "schema", "value", "purpose", "rejected"), AGREEMENT)
def test_check_agrees_with_the_validator(version: str, schema: dict[str, Any], value: Any, purpose: Any, rejected: bool) -> None:
    doc = document(version=version)
    assert real_verdict(doc, schema, value, purpose) is rejected  # the case says what the validator does
    assert SchemaCheck(doc).violates(schema, value, purpose) is rejected


# ---------------------------------------------------------------- values made for such schemas


@pytest.mark.parametrize(
    ("schema", "purpose"),
    [
        ({"type": "object", "required": ["n"], "properties": {"n": {"type": "number", "enum": ["", 0, 1]}}}, "request"),
        ({"type": "string", "format": "time", "example": "16:39:57-08:00"}, "request"),
        ({"type": "string", "example": None}, "response"),
        (AGREEMENT[12][1], "request"),  # two allOf parts closed to each other's properties: only {} fits
        (
            {
                "type": "object",
                "properties": {"title": {"type": "string"}, "category": {"type": "string"}, "slug": {"type": "string"}},
                "oneOf": [{"required": ["title", "category"]}, {"required": ["title", "slug"]}],
            },
            "request",
        ),
        ({"type": "object", "required": ["channel"], "properties": {"channel": {"description": "any JSON"}}}, "request"),
        ({"type": "object", "properties": {"when": {"allOf": [{"type": "string"}, {"type": "integer"}]}}}, "request"),
        (
            {"type": "object", "properties": {"events": {"type": "array", "items": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string", "enum": ["a"]}}}}},
             "allOf": [{"properties": {"events": {"items": {"properties": {"kind": {"enum": ["b"]}}}}}}], "example": {"events": [{"kind": "a"}]}},
            "response",
        ),
    ],
)
def test_values_satisfy_the_validator(schema: dict[str, Any], purpose: Any) -> None:
    doc = document({"Root": schema})
    value = maker(doc).for_schema({"$ref": "#/components/schemas/Root"}, purpose)
    assert not real_verdict(doc, {"$ref": "#/components/schemas/Root"}, value, purpose), value


def test_one_of_beside_properties_matches_one_option() -> None:
    schema = {
        "type": "object",
        "properties": {"title": {"type": "string"}, "category": {"type": "string"}, "slug": {"type": "string"}},
        "oneOf": [{"required": ["title", "category"]}, {"required": ["title", "slug"]}],
    }
    value = maker(document()).for_schema(schema, "request")
    assert {"title", "category"} <= set(value) and "slug" not in value


def test_a_pattern_the_sampler_cannot_walk_takes_a_word_of_the_document() -> None:
    arn = r"^arn:(?=[^:]+:fsx:[^:]+:\d{12}:)((|(?=[a-z0-9-.]{1,63})(?!\d{1,3}(\.\d{1,3}){3})[a-z0-9].*(?<!-)):){4}(?!/).{0,1024}$"
    doc = document({"Arn": {"type": "string", "pattern": arn, "description": "e.g. arn:aws:fsx:us-east-1:012345678912:file-system/fs-0123456789abcdef0."}})
    assert maker(doc).for_schema({"$ref": "#/components/schemas/Arn"}, "request") == "arn:aws:fsx:us-east-1:012345678912:file-system/fs-0123456789abcdef0"


def test_an_object_example_written_as_json_text_is_read_as_data() -> None:
    media = {"schema": {"properties": {"links": {"type": "object"}}}, "example": '{\n  "links": {"self": "/a"}\n}'}
    assert maker(document()).for_media(media, "response") == {"links": {"self": "/a"}}


def test_a_value_no_repair_fixes_is_reported_where_it_is() -> None:
    doc = document({"Never": {"type": "string", "pattern": "^(?=a)b$"}})
    warnings = WarningSink()
    examples = ExampleMaker(SchemaConverter(doc, warnings))
    examples.for_media({"schema": {"$ref": "#/components/schemas/Never"}}, "request", "#/paths/~1x/post/requestBody/content/application~1json/schema")
    rendered = [item.render("spec.yaml") for item in warnings.sorted()]
    assert any("no example value found that satisfies the schema" in line and "~1x" in line for line in rendered), rendered


# ---------------------------------------------------------------- schemas no value satisfies

TREE = {
    "TreeNode": {
        "type": "object",
        "required": ["id", "parent"],
        "properties": {"id": {"type": "string"}, "parent": {"$ref": "#/components/schemas/TreeNode"}, "children": {"type": "array", "items": {"$ref": "#/components/schemas/TreeNode"}}},
    }
}


def test_a_required_cycle_is_relaxed_at_the_closing_property() -> None:
    warnings = WarningSink()
    found = find_relaxations(document(TREE), warnings)
    assert [item.pointer for item in found.items] == ["#/components/schemas/TreeNode/properties/parent"]
    assert found.items[0].nullable and found.items[0].schema == {"anyOf": [{"$ref": "#/components/schemas/TreeNode"}, {"enum": [None]}]}
    assert any("closes a cycle" in item.render("s") for item in warnings.sorted())


def test_a_two_hop_cycle_needs_one_relaxation_and_optional_cycles_none() -> None:
    components = {
        "A": {"type": "object", "required": ["b"], "properties": {"b": {"$ref": "#/components/schemas/B"}}},
        "B": {"type": "object", "required": ["a"], "properties": {"a": {"$ref": "#/components/schemas/A"}}},
        "Person": {"type": "object", "properties": {"employer": {"$ref": "#/components/schemas/Company"}}},
        "Company": {"type": "object", "required": ["ceo"], "properties": {"ceo": {"$ref": "#/components/schemas/Person"}}},
    }
    found = find_relaxations(document(components), WarningSink())
    assert [item.pointer for item in found.items] == ["#/components/schemas/A/properties/b"]


def test_a_long_reference_chain_costs_no_stack() -> None:
    components = {f"S{index}": {"type": "object", "required": ["next"], "properties": {"next": {"$ref": f"#/components/schemas/S{index + 1}"}}} for index in range(3000)}
    components["S3000"] = {"type": "string"}
    assert find_relaxations(document(components), WarningSink()).items == []


def test_the_client_types_the_cycle_closing_field_nullable() -> None:
    api = read_api(document(TREE), "pkg", WarningSink())
    model = next(model for model in api.models if model.name == "TreeNode")
    parent = next(item for item in model.fields if item.wire_name == "parent")
    assert parent.required and isinstance(parent.type, UnionType) and NONE in parent.type.options and NamedType("TreeNode") in parent.type.options
    assert find_relaxations(document(TREE), WarningSink()).items[0].pointer == "#/components/schemas/TreeNode/properties/parent"


def test_incompatible_all_of_is_relaxed_only_where_it_blocks_a_value() -> None:
    body = {"allOf": [{"type": "string"}, {"type": "integer"}]}
    paths = {
        "/root": {"put": {"requestBody": {"required": True, "content": {"application/json": {"schema": body}}}, "responses": {"204": {"description": "ok"}}}},
        "/nested": {
            "post": {
                "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"odd": {"allOf": [{"type": "string"}, {"type": "integer"}]}}}}}},
                "responses": {"204": {"description": "ok"}},
            }
        },
    }
    found = find_relaxations(document(paths=paths), WarningSink())
    assert [(item.pointer, item.schema) for item in found.items] == [("#/paths/~1root/put/requestBody/content/application~1json/schema", {"allOf": [{"type": "string"}]})]


def test_an_enum_no_format_accepts_is_read_without_the_format() -> None:
    schema = {"type": "object", "required": ["send_at"], "properties": {"send_at": {"type": "string", "format": "date-time", "enum": ["now"]}}}
    doc = document({"Schedule": schema})
    found = find_relaxations(doc, WarningSink())
    assert [item.pointer for item in found.items] == ["#/components/schemas/Schedule/properties/send_at"]
    value = maker(doc).for_schema({"$ref": "#/components/schemas/Schedule"}, "request")
    assert value == {"send_at": "now"}
    assert not real_verdict(found.apply(doc), {"$ref": "#/components/schemas/Schedule"}, value, "request")


def test_an_array_enum_of_single_values_is_the_items_enum() -> None:
    doc = document({"Mixin": {"type": "array", "items": {"type": "string"}, "enum": ["live", "promotions"]}})
    found = find_relaxations(doc, WarningSink())
    assert [item.pointer for item in found.items] == ["#/components/schemas/Mixin"]
    api = read_api(doc, "pkg", WarningSink())
    alias = next(alias for alias in api.aliases if alias.name == "Mixin")
    assert isinstance(alias.type, ListType)
    assert maker(doc).for_schema({"$ref": "#/components/schemas/Mixin"}, "request") == ["live"]


def test_discriminators_read_as_the_options_allow() -> None:
    pinned = {
        "Artist": {"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "enum": ["artist"]}}},
        "Track": {"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "enum": ["track"]}}},
    }
    union = {"oneOf": [{"$ref": "#/components/schemas/Artist"}, {"$ref": "#/components/schemas/Track"}], "discriminator": {"propertyName": "type"}}
    reading = read_discriminator(document(pinned), union)
    assert reading is not None and reading.mapping == {"artist": "#/components/schemas/Artist", "track": "#/components/schemas/Track"} and reading.note
    outside = {**union, "discriminator": {"propertyName": "type", "mapping": {"artist": "models/artist.yml#/Artist"}}}
    reading = read_discriminator(document(pinned), outside)
    assert reading is not None and reading.mapping is None
    named = {"Cat": {"type": "object", "properties": {"kind": {"type": "string"}}}, "Dog": {"type": "object", "properties": {"kind": {"type": "string"}}}}
    plain = {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}], "discriminator": {"propertyName": "kind"}}
    reading = read_discriminator(document(named), plain)
    assert reading is not None and reading.mapping == {"Cat": "#/components/schemas/Cat", "Dog": "#/components/schemas/Dog"} and not reading.note


def test_a_required_name_without_a_property_is_a_model_field() -> None:
    doc = document({"Save": {"type": "object", "required": ["uris"], "properties": {"ids": {"type": "array", "items": {"type": "string"}}}}})
    warnings = WarningSink()
    api = read_api(doc, "pkg", warnings)
    model = next(model for model in api.models if model.name == "Save")
    assert [(item.wire_name, item.required) for item in model.fields] == [("ids", False), ("uris", True)]
    assert any("'uris' is not declared in properties" in item.render("s") for item in warnings.sorted())


# ---------------------------------------------------------------- end to end

END_TO_END: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Unsatisfiable", "version": "1"},
    "servers": [{"url": "https://api.example.test"}],
    "paths": {
        "/trees": {
            "post": {
                "operationId": "plantTree",
                "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TreeNode"}}}},
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TreeNode"}}}}},
            }
        },
        "/quirks": {
            "put": {
                "operationId": "putQuirk",
                "requestBody": {"required": True, "content": {"application/json": {"schema": {"description": "d", "allOf": [{"type": "string"}, {"type": "integer"}]}}}},
                "responses": {"204": {"description": "ok"}},
            }
        },
        "/schedule": {
            "put": {
                "operationId": "schedule",
                "parameters": [{"name": "mixin", "in": "query", "schema": {"type": "array", "items": {"type": "string"}, "enum": ["live", "promotions"]}}],
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["send_at", "uris"],
                                "properties": {"send_at": {"type": "string", "format": "date-time", "enum": ["now"]}, "at": {"type": "string", "format": "time", "example": "16:39:57-08:00"}},
                            }
                        }
                    }
                },
                "responses": {"200": {"description": "ok", "content": {"application/octet-stream": {"schema": {"title": "Data"}}}}},
            }
        },
        "/attachments": {
            "post": {
                "operationId": "attach",
                "requestBody": {"content": {"multipart/form-data": {"schema": {}}}},
                "responses": {"200": {"description": "ok", "content": {"*/*": {"schema": {}}}}},
            }
        },
        "/top": {
            "get": {
                "operationId": "top",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"type": "array", "items": {"oneOf": [{"$ref": "#/components/schemas/Artist"}, {"$ref": "#/components/schemas/Track"}], "discriminator": {"propertyName": "type"}}}
                            }
                        },
                    }
                },
            }
        },
    },
    "components": {
        "schemas": {
            **TREE,
            "Artist": {"type": "object", "required": ["type", "name"], "properties": {"type": {"type": "string", "enum": ["artist"]}, "name": {"type": "string"}}},
            "Track": {"type": "object", "required": ["type", "title"], "properties": {"type": {"type": "string", "enum": ["track"]}, "title": {"type": "string"}}},
        }
    },
}


def test_generated_tests_pass_on_unsatisfiable_schemas(tmp_path: Path) -> None:
    out = generate(tmp_path, END_TO_END)
    assert_generated_tests_pass(out)
    trees = (out / "pkg" / "tests" / "test_trees.py").read_text(encoding="utf-8")
    assert "# Note: the tests validate #/components/schemas/TreeNode/properties/parent relaxed" in trees
    assert "parent=None" in trees and "cast(Any, None)" not in trees
    validation = (out / "pkg" / "tests" / "_validation_document.py").read_text(encoding="utf-8")
    assert "RELAXATIONS" in validation and "#/components/schemas/TreeNode/properties/parent" in validation
    shipped = json.loads((out / "pkg" / "tests" / "openapi.json").read_text(encoding="utf-8"))
    assert shipped["components"]["schemas"]["TreeNode"] == TREE["TreeNode"]  # the document itself ships unchanged


def test_bytes_query_parameters_and_read_only_webhook_fields(tmp_path: Path) -> None:
    """A `format: binary` query parameter is text on the wire (the check expected bytes); a webhook
    payload's read-only field does not come back from `to_wire` (the round trip expected it)."""
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Hooks", "version": "1"},
        "servers": [{"url": "https://api.example.test"}],
        "paths": {
            "/files": {
                "get": {
                    "operationId": "findFile",
                    "parameters": [{"name": "blob", "in": "query", "schema": {"type": "string", "format": "binary"}}],
                    "responses": {"204": {"description": "ok"}},
                }
            }
        },
        "webhooks": {
            "booked": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {"type": "object", "properties": {"id": {"type": "string", "readOnly": True}, "name": {"type": "string"}}, "example": {"id": "b1", "name": "x"}}
                            }
                        }
                    },
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
    }
    out = generate(tmp_path, spec)
    assert_generated_tests_pass(out)


def test_a_type_that_names_no_type_is_read_as_any_value() -> None:
    doc = document({"Item": {"type": "object", "properties": {"kind": {"$ref": "#/components/schemas/Item/definitions/kind"}}, "definitions": {"kind": {"type": {"type": "string", "enum": ["a"]}}}}})
    found = find_relaxations(doc, WarningSink())
    assert [(item.pointer, item.schema) for item in found.items] == [("#/components/schemas/Item/definitions/kind", {})]


def test_relaxed_spots_under_integer_keys_are_found() -> None:
    """YAML reads `200:` as an integer; the checked copy (JSON) has "200": the spot must still be relaxed."""
    media = {"schema": {"allOf": [{"type": "string"}, {"type": "integer"}]}}
    paths = {"/x": {"get": {"responses": {200: {"description": "ok", "content": {"application/json": media}}}}}}
    examples = maker(document(paths=paths))
    value = examples.for_media(media, "response")
    assert value == "example" and not examples.check.violates(examples.check.local(media["schema"]), value, "response")


def test_parameter_schemas_are_checked_without_access_marks() -> None:
    """The tests drop readOnly from parameter schemas (DigitalOcean's ssh_key_identifier reuses a
    read-only property): the value is fine, and no warning says otherwise."""
    doc = document({"Id": {"anyOf": [{"type": "integer", "readOnly": True}, {"type": "string", "readOnly": True}]}})
    warnings = WarningSink()
    examples = ExampleMaker(SchemaConverter(doc, warnings))
    parameter = {"name": "id", "in": "path", "required": True, "schema": {"$ref": "#/components/schemas/Id"}, "example": 512189}
    assert examples.for_parameter(parameter, "#/paths/~1keys~1{id}/get/parameters/0") == 512189
    assert not warnings.sorted()


def test_a_wrapper_s_own_required_names_are_kept() -> None:
    """`allOf: [$ref]` beside `required` (DigitalOcean's uptime check requires `method`, declared nowhere)."""
    doc = document({"Check": {"type": "object", "properties": {"name": {"type": "string"}}}})
    schema = {"allOf": [{"$ref": "#/components/schemas/Check"}], "required": ["name", "method"], "type": "object"}
    value = maker(doc).for_schema(schema, "request")
    assert set(value) == {"name", "method"}


def test_relaxations_through_percent_encoded_references_are_spelled_canonically() -> None:
    """DigitalOcean refers into paths as `~1%7Bid%7D`: a relaxation found that way must name the node as
    the document spells its keys, or neither the generator's copy nor the tests' could apply it."""
    odd = {"allOf": [{"type": "string"}, {"type": "integer"}]}
    paths = {"/x/{id}": {"post": {"requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"odd": odd}}}}}, "responses": {"204": {"description": "ok"}}}}}
    ref = "#/paths/~1x~1%7Bid%7D/post/requestBody/content/application~1json/schema/properties/odd"
    doc = document({"B": {"type": "object", "required": ["p"], "properties": {"p": {"$ref": ref}}}}, paths=paths)
    found = find_relaxations(doc, WarningSink())
    assert [item.pointer for item in found.items] == ["#/paths/~1x~1{id}/post/requestBody/content/application~1json/schema/properties/odd"]
    relaxed = found.apply(doc)
    assert relaxed["paths"]["/x/{id}"]["post"]["requestBody"]["content"]["application/json"]["schema"]["properties"]["odd"] == {"allOf": [{"type": "string"}]}
    value = maker(doc).for_schema({"$ref": "#/components/schemas/B"}, "request")
    assert not real_verdict(relaxed, {"$ref": "#/components/schemas/B"}, value, "request"), value


def test_text_bodies_with_a_non_string_schema_are_read_as_text(tmp_path: Path) -> None:
    # chain49: a text/plain transaction hex whose schema says `type: object`; vtex: a text/plain
    # reply `{}` with `type: object`; Netatmo: a text/plain schedule whose schema has properties and
    # no type. No text satisfies an object schema; the client sends and reads str, and the example
    # call sends the object's JSON text (not the object, not its Python repr).
    program = {"required": ["name"], "properties": {"name": {"type": "string"}, "zones": {"type": "array", "items": {"type": "integer"}}}}
    reply = {"200": {"description": "ok", "content": {"text/plain": {"example": {}, "schema": {"type": "object"}}}}}
    send = {"operationId": "send", "requestBody": {"content": {"text/plain": {"schema": {"type": "object", "properties": {}}}}}, "responses": reply}
    schedule = {"operationId": "schedule", "requestBody": {"required": True, "content": {"text/plain": {"schema": {"$ref": "#/components/schemas/Program"}}}}, "responses": {"204": {"description": "ok"}}}
    spec = minimal_spec(openapi="3.0.3", paths={"/sendtx": {"post": send}, "/schedule": {"post": schedule}}, components={"schemas": {"Program": program}})
    warnings = WarningSink()
    tables = ExampleTables()
    api = read_api(spec, "pkg", warnings, examples=tables)
    messages = [item.message for item in warnings.sorted()]
    assert sum("text/plain body is text, but its schema says 'object'" in message for message in messages) == 2, messages
    assert sum("text/plain body is text, but its schema describes an object" in message for message in messages) == 1, messages
    bodies = {operation.name: operation.body for resource in api.resources for operation in resource.operations}
    assert all(body is not None and body.kind == "text" for body in bodies.values()), bodies
    schedule_body = bodies["schedule"]
    assert schedule_body is not None and isinstance(json.loads(tables.value("schedule", "body")), str), tables.values
    out = generate(tmp_path, spec)
    assert_generated_tests_pass(out)


def test_a_discriminator_whose_mapping_leads_back_through_all_of(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """Bing Visual Search: `ImageAction` is `allOf: [Action]` with a discriminator, and each subtype is
    `allOf: [ImageAction]`. Dispatching on `_type` inside the subtype's `allOf` would lead back to the
    subtype without end (a RecursionError that `referencing` turns into a Rust panic, which no
    `except Exception` catches). The check holds a value brought back to the same schema to its parts,
    and gives a verdict both ways; generation warns of nothing of the kind and the tests pass."""
    components = {
        "Action": {"type": "object", "properties": {"_type": {"type": "string"}, "name": {"type": "string"}}},
        "ImageAction": {"allOf": [{"$ref": "#/components/schemas/Action"}], "type": "object", "discriminator": {"propertyName": "_type"},
                        "properties": {"_type": {"type": "string", "enum": ["ImageEntityAction"]}}},
        "ImageEntityAction": {"allOf": [{"$ref": "#/components/schemas/ImageAction"}], "type": "object", "properties": {"entity": {"type": "string"}}},
    }
    doc = document(components)
    check = SchemaCheck(doc)
    action = {"$ref": "#/components/schemas/ImageAction"}
    assert not check.violates(action, {"_type": "ImageEntityAction", "entity": "cat", "name": "look"}, "response")
    assert check.violates(action, {"_type": "ImageEntityAction", "entity": 5}, "response")
    assert check.violates(action, {"_type": "ImageEntityAction", "name": 5}, "response")
    reply = {"description": "ok", "content": {"application/json": {"schema": action, "example": {"_type": "ImageEntityAction", "entity": "cat"}}}}
    spec = minimal_spec(openapi="3.0.3", paths={"/actions/latest": {"get": {"operationId": "latestAction", "responses": {"200": reply}}}}, components={"schemas": components})
    out = generate(tmp_path, spec)
    assert "panicked" not in capfd.readouterr().err
    assert_generated_tests_pass(out)


def test_a_synthesized_example_takes_optional_properties_within_a_budget() -> None:
    """Microsoft Graph's entities have a hundred optional properties, most of them other entities:
    filled four levels deep, one operation's test held 170 KB of example. An example takes optional
    properties until it holds 200 properties, then only required ones, at every depth."""
    leaves = {f"p{index}": {"type": "string"} for index in range(30)}
    components = {
        "Leaf": {"type": "object", "properties": leaves},
        "Node": {"type": "object", "required": ["must"], "properties": {
            "must": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}, "note": {"type": "string"}}},
            **{f"child{index}": {"$ref": "#/components/schemas/Leaf"} for index in range(30)},
        }},
        "Root": {"type": "object", "properties": {f"node{index}": {"$ref": "#/components/schemas/Node"} for index in range(10)}},
    }
    doc = document(components)
    examples = maker(doc)
    value = examples.for_schema({"$ref": "#/components/schemas/Root"}, "response")

    def count(node: Any) -> int:
        return sum(1 + count(item) for item in node.values()) if isinstance(node, dict) else 0

    assert 200 <= count(value) < 260  # the budget, and the required members that follow it
    assert all(node["must"]["id"] for node in value.values())  # required members at every depth
    assert not SchemaCheck(doc).violates({"$ref": "#/components/schemas/Root"}, value, "response")
    # each example starts with the whole budget
    assert examples.for_schema({"$ref": "#/components/schemas/Root"}, "response") == value


def test_base64_text_is_asserted_as_the_clients_strict_reading_does() -> None:
    """JSON Schema only annotates with contentEncoding; the client reads the text as bytes and its
    strict reading refuses text that is no base64, so an example that is none is replaced."""
    document = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}
    schema = {"type": "string", "contentEncoding": "base64"}
    check = SchemaCheck(document)
    assert check.violates(schema, "example", "response")
    assert not check.violates(schema, "aGVsbG8=", "response")
    assert not check.violates({"type": "string"}, "example", "response")


def test_a_reference_remembers_only_what_it_accepted_and_only_in_the_document_itself() -> None:
    """schema_check's `$ref` memo: a value a reference accepted is not validated again below it; a
    rejected one still is (each verdict is the validator's), and under a `$id` nothing is remembered."""
    pet = {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "maxLength": 5}}}
    doc = minimal_spec(components={"schemas": {"Pet": pet, "Owner": {"type": "object", "properties": {"pet": {"$ref": "#/components/schemas/Pet"}}}}})
    doc["openapi"] = "3.1.0"
    check = SchemaCheck(doc)
    owner = {"$ref": "#/components/schemas/Owner"}
    assert not check.violates(owner, {"pet": {"name": "Rex"}}, "response")
    remembered = {(ref, text) for ref, _, _, text in check._accepted}
    assert ("#/components/schemas/Pet", json.dumps({"name": "Rex"})) in remembered
    assert ("#/components/schemas/Owner", json.dumps({"pet": {"name": "Rex"}}, sort_keys=True)) in remembered
    # The same value under a new parent: Pet's verdict is read, not made (the schema is changed behind
    # the check's back to show it: the remembered acceptance stands).
    pet["properties"]["name"]["maxLength"] = 1
    assert not check.violates({"type": "object", "properties": {"again": {"$ref": "#/components/schemas/Pet"}}}, {"again": {"name": "Rex"}}, "response")
    # A value it has not accepted is validated, and a rejection is not remembered.
    assert check.violates(owner, {"pet": {"name": "Rexie"}}, "response")
    assert check.violates(owner, {"pet": {"name": "Rexie"}}, "response")
    assert not any("Rexie" in text for _, _, _, text in check._accepted)
    # Where the reference is read against another base (inside a schema with its own `$id`), the
    # same text may name another schema: nothing is remembered there.
    calls: list[Any] = []

    def original(validator: Any, ref: Any, instance: Any, schema: Any) -> Any:
        calls.append(ref)
        return iter(())

    remembering = check._remembered_reference("response", False, original)
    elsewhere = type("Validator", (), {"_resolver": type("Resolver", (), {"_base_uri": "https://example.test/box"})()})()
    at_home = type("Validator", (), {"_resolver": type("Resolver", (), {"_base_uri": check_document_uri()})()})()
    for validator in (elsewhere, elsewhere, at_home, at_home):
        list(remembering(validator, "#/$defs/Pet", "Rex", {}))
    assert calls == ["#/$defs/Pet"] * 3


def check_document_uri() -> str:
    from generator.ground import schema_check

    return schema_check._DOCUMENT_URI
