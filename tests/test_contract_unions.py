"""oneOf and discriminators in the generated contract tests: OpenAPI's reading, not JSON Schema's.

Documents' oneOf options often overlap (a Cat is also a valid Dog); the contract check dispatches
discriminated unions by their tag (inherited from an allOf parent too) and checks the others as anyOf.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

import httpx
import pydantic
import pytest

from generator.ground.diagnostics import WarningSink
from generator.parse.ir import UnionType
from generator.pipeline import read_api
from tests.conftest import minimal_spec
from tests.test_contract_fixes import assert_generated_tests_pass, generate, imported

PET = {"type": "object", "required": ["pet_type"], "properties": {"pet_type": {"type": "string"}}, "discriminator": {"propertyName": "pet_type"}}
PETS = {
    "Pet": PET,
    "Cat": {"allOf": [{"$ref": "#/components/schemas/Pet"}, {"type": "object", "properties": {"hunts": {"type": "boolean"}}}]},
    "Dog": {"allOf": [{"$ref": "#/components/schemas/Pet"}, {"type": "object", "properties": {"bark": {"type": "boolean"}}}]},
}
CAT_OR_DOG = {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}]}


def _patch(schema: dict[str, Any]) -> dict[str, Any]:
    body = {"required": True, "content": {"application/json": {"schema": schema}}}
    reply = {"description": "ok", "content": {"application/json": {"schema": schema}}}
    return {"patch": {"operationId": "update", "requestBody": body, "responses": {"200": reply, "default": reply}}}


def _request(body: Any) -> httpx.Request:
    return httpx.Request("PATCH", "https://api.example.test/pets", json=body)


def test_discriminator_inherited_from_the_allof_parent(tmp_path: Path) -> None:
    spec = minimal_spec(openapi="3.0.3", paths={"/pets": _patch(CAT_OR_DOG)}, components={"schemas": PETS})
    api = read_api(spec, "pkg", WarningSink())
    body = api.resources[0].operations[0].body
    assert body is not None and isinstance(body.type, UnionType) and body.type.discriminator is not None
    assert body.type.discriminator.mapping == (("Cat", "Cat"), ("Dog", "Dog"))
    out = generate(tmp_path, spec)
    assert 'models.Cat.model_validate({"pet_type": "Cat"' in (out / "pkg" / "tests" / "test_pets.py").read_text()
    assert_generated_tests_pass(out)  # a Cat is also a valid Dog: "exactly one" refused every value
    with imported(out):
        contract = importlib.import_module("pkg.tests._contract")
        assert contract.read_call(_request({"pet_type": "Dog", "bark": True}), ("PATCH", "/pets")).body["pet_type"] == "Dog"
        with pytest.raises(AssertionError, match="could not be resolved"):  # the tag selects no option
            contract.read_call(_request({"pet_type": "example", "bark": True}), ("PATCH", "/pets"))
        with pytest.raises(AssertionError, match="is not of type 'boolean'"):  # checked as the tagged option
            contract.read_call(_request({"pet_type": "Dog", "bark": "loud"}), ("PATCH", "/pets"))


def test_overlapping_one_of_is_checked_as_any_of_and_warned(tmp_path: Path) -> None:
    objects = {
        "First": {"type": "object", "properties": {"a": {"type": "string"}}},
        "Second": {"type": "object", "properties": {"c": {"type": "string"}}},
    }
    schema = {"type": "object", "properties": {
        "config": {"oneOf": [{"$ref": "#/components/schemas/First"}, {"$ref": "#/components/schemas/Second"}]},
        "name": {"oneOf": [{"type": "string", "title": "one"}, {"type": "string", "title": "two"}]},
        "count": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
    }}
    spec = minimal_spec(openapi="3.0.3", paths={"/pets": _patch(schema)}, components={"schemas": objects})
    warnings = WarningSink()
    read_api(spec, "pkg", warnings)
    overlapping = sorted({item.pointer.rsplit("/", 1)[-1] for item in warnings.sorted() if "overlap" in item.message})
    assert overlapping == ["config", "name"]  # a string or an integer: no value is both
    out = generate(tmp_path, spec)
    assert_generated_tests_pass(out)
    with imported(out):
        contract = importlib.import_module("pkg.tests._contract")
        assert contract.read_call(_request({"config": {}, "name": "x", "count": 1}), ("PATCH", "/pets")).body["count"] == 1
        with pytest.raises(AssertionError, match="is not valid under any of the given schemas"):
            contract.read_call(_request({"count": 1.5}), ("PATCH", "/pets"))


def test_discriminator_over_inline_options_tags_nothing(tmp_path: Path) -> None:
    # DigitalOcean: inline options, mapping values that point into files the bundler left out.
    option = {"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "enum": ["attach", "detach"]}, "id": {"type": "integer"}}}
    schema = {"oneOf": [option, {**option, "required": ["type", "id"]}], "discriminator": {"propertyName": "type", "mapping": {"attach": "models/attach.yml"}}}
    out = generate(tmp_path, minimal_spec(openapi="3.0.3", paths={"/pets": _patch(schema)}))
    text = (out / "pkg" / "tests" / "test_pets.py").read_text()
    assert '"type": "attach"' in text and "Option1" not in text.split("def _call_update")[1].split('"type"')[1][:20]
    assert_generated_tests_pass(out)


def test_union_typed_any_is_asserted_as_json(tmp_path: Path) -> None:
    # DigitalOcean's links.pages: anyOf [object, object, {}] is typed Any, so the client keeps the JSON.
    pages = {"anyOf": [{"type": "object", "properties": {"next": {"type": "string"}}}, {"type": "object", "properties": {"prev": {"type": "string"}}}, {}]}
    reply = {"type": "object", "properties": {"pages": pages}, "example": {"pages": {"prev": "https://x.test/?page=1"}}}
    get = {"get": {"operationId": "list", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": reply}}}}}}
    out = generate(tmp_path, minimal_spec(openapi="3.0.3", paths={"/pets": get}))
    text = (out / "pkg" / "tests" / "test_pets.py").read_text()
    # The expected value is a Read of the reply whose model writes no `pages`: the client must hold the JSON itself.
    assert "LIST_200_PARSED: Any = Read(LIST_200, Model(models." in text.replace("\n", "").replace("    ", "") and "pages=" not in text
    assert_generated_tests_pass(out)


def test_failing_isinstance_assertions_say_what_the_value_is(tmp_path: Path) -> None:
    out = generate(tmp_path, minimal_spec(openapi="3.0.3", paths={"/pets": _patch(CAT_OR_DOG)}, components={"schemas": PETS}))
    text = (out / "pkg" / "tests" / "test_pets.py").read_text()
    assert "Model(models.Cat," in text
    walker = (out / "pkg" / "tests" / "_expect.py").read_text()
    assert 'f"{where}: expected {cls.__name__}, got {type(actual).__name__}: {_shown(actual)}"' in walker



def test_overlapping_reply_is_expected_as_the_model_pydantic_picks(tmp_path: Path) -> None:
    # Nexmo Verify: success and error objects with optional properties only; the error example fits both.
    schemas = {
        "Success": {"type": "object", "properties": {"currency": {"type": "string"}, "status": {"type": "string"}}},
        "Failure": {"type": "object", "properties": {"error_text": {"type": "string"}, "status": {"type": "string"}}},
    }
    schema = {"oneOf": [{"$ref": "#/components/schemas/Success"}, {"$ref": "#/components/schemas/Failure"}]}
    reply = {"description": "ok", "content": {"application/json": {"schema": schema, "example": {"error_text": "Throttled", "status": "1"}}}}
    get = {"get": {"operationId": "check", "responses": {"200": reply}}}
    out = generate(tmp_path, minimal_spec(openapi="3.0.3", paths={"/pets": get}, components={"schemas": schemas}))
    assert "Model(models.Failure," in (out / "pkg" / "tests" / "test_pets.py").read_text()
    assert_generated_tests_pass(out)


def test_overlapping_reply_through_a_nested_union_is_expected_as_pydantic_picks(tmp_path: Path) -> None:
    # GitHub's ruleset conditions: anyOf [repository conditions, org conditions], the second a oneOf of
    # allOfs that extend the first; an org example fits both, and pydantic takes the inner option
    # that sets more fields (it carries the nested union's count outward).
    ref_name = {"type": "object", "properties": {"ref_name": {"type": "string"}}}
    schemas = {
        "RepoConditions": ref_name,
        "ByName": {"type": "object", "required": ["repository_name"], "properties": {"repository_name": {"type": "string"}}},
        "ById": {"type": "object", "required": ["repository_id"], "properties": {"repository_id": {"type": "integer"}}},
        "OrgConditions": {
            "oneOf": [
                {"allOf": [{"$ref": "#/components/schemas/RepoConditions"}, {"$ref": "#/components/schemas/ByName"}]},
                {"allOf": [{"$ref": "#/components/schemas/RepoConditions"}, {"$ref": "#/components/schemas/ById"}]},
            ]
        },
    }
    schema = {"anyOf": [{"$ref": "#/components/schemas/RepoConditions"}, {"$ref": "#/components/schemas/OrgConditions"}]}
    reply = {"description": "ok", "content": {"application/json": {"schema": schema, "example": {"ref_name": "main", "repository_name": "x"}}}}
    get = {"get": {"operationId": "check", "responses": {"200": reply}}}
    out = generate(tmp_path, minimal_spec(openapi="3.0.3", paths={"/pets": get}, components={"schemas": schemas}))
    assert re.search(r"Model\(models\.OrgConditionsOption1\b", (out / "pkg" / "tests" / "test_pets.py").read_text())
    assert_generated_tests_pass(out)


def test_implicit_tag_that_the_option_forbids(tmp_path: Path) -> None:
    # Spotify: `discriminator: {propertyName: type}` without mapping over TrackObject (type: enum [track]).
    def media(kind: str) -> dict[str, Any]:
        return {"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "enum": [kind]}, "name": {"type": "string"}}}

    schemas = {"TrackObject": media("track"), "EpisodeObject": media("episode")}
    item = {"oneOf": [{"$ref": "#/components/schemas/TrackObject"}, {"$ref": "#/components/schemas/EpisodeObject"}], "discriminator": {"propertyName": "type"}}
    spec = minimal_spec(openapi="3.0.3", paths={"/pets": _patch({"type": "object", "properties": {"item": item}})}, components={"schemas": schemas})
    warnings = WarningSink()
    api = read_api(spec, "pkg", warnings)
    assert any("contradict its implicit tags (the schema names): read as the tags those values give" in item.message for item in warnings.sorted())
    model = next(model for model in api.models if model.name == "UpdateRequest")
    union = next(field.type for field in model.fields if field.wire_name == "item")
    assert isinstance(union, UnionType) and union.discriminator is not None
    assert union.discriminator.mapping == (("track", "TrackObject"), ("episode", "EpisodeObject"))
    out = generate(tmp_path, spec)
    assert_generated_tests_pass(out)
    with imported(out):
        contract = importlib.import_module("pkg.tests._contract")
        assert contract.read_call(_request({"item": {"type": "episode"}}), ("PATCH", "/pets")).body == {"item": {"type": "episode"}}
        with pytest.raises(AssertionError, match="'TrackObject' is not one of"):
            contract.read_call(_request({"item": {"type": "TrackObject"}}), ("PATCH", "/pets"))


def test_query_parameter_one_of_arrays(tmp_path: Path) -> None:
    # Shutterstock: contributor_country is oneOf two arrays of (differently formatted) strings.
    codes = {"oneOf": [{"type": "array", "items": {"type": "string", "format": "country-code-2"}}, {"type": "array", "items": {"type": "string", "format": "negated-country-code-2"}}]}
    get = {"get": {"operationId": "search", "parameters": [{"name": "country", "in": "query", "schema": codes}], "responses": {"204": {"description": "none"}}}}
    out = generate(tmp_path, minimal_spec(openapi="3.0.3", paths={"/pets": get}))
    assert_generated_tests_pass(out)
    with imported(out):
        contract = importlib.import_module("pkg.tests._contract")
        request = httpx.Request("GET", "https://api.example.test/pets", params=[("country", "US"), ("country", "NOT DE")])
        assert contract.read_call(request, ("GET", "/pets")).query == {"country": ["US", "NOT DE"]}


def _typed(tag: str | None, required: list[str], *, tag_required: bool = True, nullable_tag: bool = False, **properties: Any) -> dict[str, Any]:
    """An object whose `type` is pinned to `tag` (optional, or null-able, when asked)."""
    pinned: dict[str, Any] = {"type": "string", "enum": [tag]}
    if nullable_tag:
        pinned = {"anyOf": [pinned, {"type": "null"}]}
    return {
        "type": "object",
        "required": (["type"] if tag_required else []) + required,
        "properties": {"type": pinned, **{name: {"type": kind} for name, kind in properties.items()}},
    }


# OpenAI's Responses API in small: two options that share a tag (an input and an output message are
# both `type: message`), a union option whose own options pin the tags, options whose tag is optional
# or null-able, and values without the tag.
RESPONSES_SCHEMAS = {
    "InputMsg": _typed("message", ["role", "parts"], role="string", parts="array"),
    "OutputMsg": _typed("message", ["id", "status"], id="string", status="string"),
    "Call": _typed("call", ["name"], name="string"),
    "Item": {"oneOf": [{"$ref": f"#/components/schemas/{name}"} for name in ("InputMsg", "OutputMsg", "Call")], "discriminator": {"propertyName": "type"}},
    "EasyMsg": _typed("message", ["role", "content"], tag_required=False, role="string", content="string"),
    "ItemRef": _typed("item_reference", ["ref"], tag_required=False, nullable_tag=True, ref="string"),
    "InputItem": {"oneOf": [{"$ref": f"#/components/schemas/{name}"} for name in ("EasyMsg", "Item", "ItemRef")], "discriminator": {"propertyName": "type"}},
}
RESPONSES_EXAMPLE = [  # the document's example: every item tagged (3.0/3.1 leave a missing tag undefined)
    {"type": "message", "id": "msg_1", "status": "completed"},
    {"type": "message", "role": "user", "parts": ["hi"]},
    {"type": "message", "role": "user", "content": "hi"},
    {"type": "call", "name": "lookup"},
    {"type": "item_reference", "ref": "item_7"},
]
UNTAGGED = [{"ref": "item_9"}, {"type": None, "ref": "item_8"}, {"role": "user", "content": "untagged"}, {"type": "newer_kind", "anything": 1}]


def test_tags_shared_nested_and_missing(tmp_path: Path) -> None:
    items = {"type": "array", "items": {"$ref": "#/components/schemas/InputItem"}}
    reply = {"description": "ok", "content": {"application/json": {"schema": items, "example": RESPONSES_EXAMPLE}}}
    body = {"required": True, "content": {"application/json": {"schema": items, "example": RESPONSES_EXAMPLE}}}
    spec = minimal_spec(paths={"/items": {"post": {"operationId": "echo", "requestBody": body, "responses": {"200": reply}}}}, components={"schemas": RESPONSES_SCHEMAS})
    api = read_api(spec, "pkg", WarningSink())
    union = next(alias.type for alias in api.aliases if alias.name == "InputItem")
    assert isinstance(union, UnionType) and union.discriminator is not None
    assert union.discriminator.select("message") == ("EasyMsg", "Item")  # both claim it: the best fit wins
    assert union.discriminator.select("call") == ("Item",)  # the nested union's own options pin its tags
    assert union.discriminator.select("item_reference") == ("ItemRef",)  # through anyOf [enum, null]
    assert union.discriminator.select(None) == ("EasyMsg", "ItemRef")  # the options that do not require it
    item = next(alias.type for alias in api.aliases if alias.name == "Item")
    assert isinstance(item, UnionType) and item.discriminator is not None
    assert item.discriminator.select("message") == ("InputMsg", "OutputMsg") and item.discriminator.select(None) == ()
    out = generate(tmp_path, spec)
    text = (out / "pkg" / "tests" / "test_items.py").read_text()
    found = [re.search(rf"Model\(models\.{name}\b", text) for name in ["OutputMsg", "InputMsg", "EasyMsg"]]
    expected = [match.start() if match else -1 for match in found]
    assert -1 not in expected and expected == sorted(expected), expected  # the generated test expects each, in order
    assert_generated_tests_pass(out)
    with imported(out) as package:
        adapter = pydantic.TypeAdapter(list[package.models.InputItem])  # "`Tag` not provided" failed here
        parsed = adapter.validate_python(RESPONSES_EXAMPLE + UNTAGGED)
        assert [type(value).__name__ for value in parsed] == ["OutputMsg", "InputMsg", "EasyMsg", "Call", "ItemRef", "ItemRef", "ItemRef", "EasyMsg", "dict"]
        # A built model validates again as itself (the discriminator reads model instances too).
        assert [type(value).__name__ for value in adapter.validate_python(parsed)] == [type(value).__name__ for value in parsed]


def test_default_mapping_reads_values_without_the_tag(tmp_path: Path) -> None:
    # OpenAPI 3.2: `defaultMapping` names the option for a value without the tag (or an unmapped one).
    schemas = {
        "Circle": _typed("circle", ["radius"], tag_required=False, radius="number"),
        "Square": _typed("square", ["side"], tag_required=False, side="number"),
        "Shape": {"oneOf": [{"$ref": "#/components/schemas/Circle"}, {"$ref": "#/components/schemas/Square"}],
                  "discriminator": {"propertyName": "type", "defaultMapping": "#/components/schemas/Square"}},
    }
    spec = minimal_spec(openapi="3.2.0", paths={"/shapes": _patch({"$ref": "#/components/schemas/Shape"})}, components={"schemas": schemas})
    api = read_api(spec, "pkg", WarningSink())
    shape = next(alias.type for alias in api.aliases if alias.name == "Shape")
    assert isinstance(shape, UnionType) and shape.discriminator is not None and shape.discriminator.select(None) == ("Square",)
    out = generate(tmp_path, spec)
    assert_generated_tests_pass(out)
    with imported(out) as package:
        adapter = pydantic.TypeAdapter(package.models.Shape)
        assert type(adapter.validate_python({"side": 2})).__name__ == "Square"
        assert type(adapter.validate_python({"type": "circle", "radius": 1})).__name__ == "Circle"
