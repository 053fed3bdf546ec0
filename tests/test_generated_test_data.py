"""The generated tests as data: the walker and request check they ship (tests/_expect.py), the constants
a module spells once, and the lean copy of the document they validate against."""

from __future__ import annotations

import copy
import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from generated.kodexa import models
from generated.kodexa.tests._expect import JSON, Equal, Extra, Items, Model, Read, Sent, Wire, check_request, expect
from generated.kodexa.tests._validation import Call
from generator.testgen.document_prose import without_prose
from generator.testgen.document_reach import reached_only
from tests.conftest import minimal_spec
from tests.test_contract_fixes import assert_generated_tests_pass, generate

# ---------------------------------------------------------------- expect


def _failure(actual: Any, expected: Any, where: str = "result") -> str:
    with pytest.raises(AssertionError) as raised:
        expect(actual, expected, where)
    return str(raised.value)


def _session(**fields: Any) -> models.Session:
    return models.Session.model_validate({"id": "s1", "organization": {"name": "Acme", "createdOn": "2023-11-07T05:31:56Z"}, **fields})


def test_expect_names_the_path_the_expected_and_the_actual_value() -> None:
    session = _session()
    expect(session, Model(models.Session, id="s1", organization=Model(models.Organization, name="Acme")))
    message = _failure(session, Model(models.Session, organization=Model(models.Organization, name="Umbrella")))
    assert message == "result.organization.name: expected 'Umbrella', got 'Acme' (str)"


def test_expect_names_the_class_it_expected() -> None:
    message = _failure(_session(), Model(models.Session, organization=Model(models.OrganizationMemory)))
    assert message.startswith("result.organization: expected OrganizationMemory, got Organization: ")


def test_expect_tells_a_datetime_from_its_text() -> None:
    expected = Model(models.Session, organization=Model(models.Organization, created_on=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z")))
    expect(_session(), expected)
    message = _failure({"created_on": "2023-11-07T05:31:56Z"}, {"created_on": datetime.datetime.fromisoformat("2023-11-07T05:31:56Z")}, "body")
    assert message.startswith("body['created_on']: expected datetime.datetime(2023, 11, 7, 5, 31, 56") and message.endswith("got '2023-11-07T05:31:56Z' (str)")


def test_expect_holds_true_and_false_to_identity_unless_told_equal() -> None:
    assert _failure(1, True) == "result: expected True, got 1 (int)"
    expect(1, Equal(True))
    expect({"a": [1]}, Equal({"a": [True]}))
    assert _failure(None, False) == "result: expected False, got None"
    assert _failure(0, None) == "result: expected None, got 0 (int)"


def test_expect_walks_lists_and_dicts() -> None:
    expect([1, 2, 3, 4], Items(4, 1, 2))
    assert _failure([1, 2, 3], Items(4, 1)) == "result: expected 4 items, got 3: [1, 2, 3]"
    assert _failure([1, 5], [1, 2]) == "result[1]: expected 2, got 5 (int)"
    assert _failure((1, 2), [1, 2]) == "result: expected a list, got tuple: (1, 2)"
    assert _failure({"a": 1}, {"b": 1}) == "result: expected the keys ['b'], got ['a']"
    assert _failure({"a": b"x"}, {"a": "x".encode() + b"y"}) == "result['a']: expected b'xy', got b'x' (bytes)"


def test_expect_reads_an_open_union_by_its_wire_form() -> None:
    session = _session()
    expect(session.organization, Wire({"name": "Acme"}))  # read-only fields stay off the wire
    assert _failure(session.organization, Wire({"name": "Umbrella"}), "body") == "body: expected {'name': 'Umbrella'} on the wire, got {'name': 'Acme'}"


def test_a_read_checks_every_key_of_the_reply_it_does_not_write() -> None:
    reply = {"id": "s1", "state": "OPEN", "organizationId": "o1", "organization": {"name": "Acme", "createdOn": "2023-11-07T05:31:56Z", "publicAccess": True}}
    session = models.Session.model_validate(reply)
    expected = Read(reply, Model(models.Session, organization=Model(models.Organization, created_on=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z"))))
    expect(session, expected)
    # A value the client changed, a field it read under another wire name, a bool it made a number.
    assert _failure(session.model_copy(update={"state": "CLOSED"}), expected) == "result.state: expected 'OPEN', got 'CLOSED' (str) (the reply's 'state')"
    assert _failure(models.Session.model_validate({**reply, "organizationId": None}), expected) == "result.organization_id: expected 'o1', got None (the reply's 'organizationId')"
    numbered = session.model_copy(update={"organization": session.organization.model_copy(update={"public_access": 1})})  # type: ignore[union-attr]
    assert _failure(numbered, expected) == "result.organization.public_access: expected True, got 1 (int) (the reply's 'publicAccess')"
    # A key that is no field of the class is an error unless its model_extra names it.
    extra = {**reply, "addedLater": [1]}
    assert _failure(models.Session.model_validate(extra), Read(extra, expected.expected)) == "result: the reply's 'addedLater' is no field of Session (nor expected in its model_extra)"
    expect(models.Session.model_validate(extra), Read(extra, Model(models.Session, organization=Model(models.Organization, created_on=datetime.datetime.fromisoformat("2023-11-07T05:31:56Z")), model_extra=Extra("addedLater"))))


def test_json_is_the_reply_s_own_value_in_a_read() -> None:
    expect({"a": [True, 2]}, Read({"a": [True, 2]}, JSON))
    expect([{"a": 1}, 2], Read([{"a": 1}, 2], [JSON, JSON]))
    assert _failure({"a": [1, 3]}, Read({"a": [True, 2]}, {"a": JSON})) == "result['a']: expected [True, 2], got [1, 3]"
    assert _failure(True, Read(1, JSON)) == "result: expected 1, got True (bool)"
    assert _failure(1, JSON) == "result: JSON stands for the reply's value, but there is none here (outside a Read)"


# ---------------------------------------------------------------- check_request


def _call(method: str = "GET", **changes: Any) -> Call:
    fields: dict[str, Any] = dict(path_template="/pets/{id}", operation_id="getPet", path_params={"id": 1}, query={"limit": 2}, headers={}, cookies={}, content_type=None, body=None, security=("key",))
    return Call(httpx.Request(method, "https://api.example.test/pets/1?limit=2"), **{**fields, **changes})


SENT = Sent("GET", "/pets/{id}", path_params={"id": 1}, query={"limit": 2}, headers={}, cookies={}, security=("key",), content_type=None, body=None)


def test_check_request_names_each_part_and_key_that_differs() -> None:
    check_request(_call(), SENT)
    with pytest.raises(AssertionError) as raised:
        check_request(_call(query={"limit": "2", "page": 1}, method="POST"), SENT)
    assert str(raised.value).splitlines() == [
        "request method: expected 'GET', got 'POST'",
        "request query: expected {'limit': 2}, got {'limit': '2', 'page': 1} ('limit': expected 2, got '2'; 'page': expected nothing, got 1)",
    ]


def test_check_request_leaves_security_alone_when_none_can_be_checked() -> None:
    check_request(_call(security=()), Sent(**{**SENT.__dict__, "security": None}))
    with pytest.raises(AssertionError, match=r"request security: expected \('key',\), got \(\)"):
        check_request(_call(security=()), SENT)


# ---------------------------------------------------------------- one spelling per value


def test_a_module_spells_a_repeated_value_once(tmp_path: Path) -> None:
    error = {"description": "no", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}, "example": {"message": "No pet has this id, or you may not see it.", "code": 7}}}}
    pet = {"type": "object", "properties": {"name": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}}}}
    ok = {"description": "ok", "content": {"application/json": {"schema": pet, "example": {"name": "Rex", "tags": ["good", "loud"]}}}}
    paths = {
        "/pets/{id}": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "get": {"operationId": "getPet", "tags": ["pets"], "responses": {"200": ok, "404": error}},
            "delete": {"operationId": "deletePet", "tags": ["pets"], "responses": {"204": {"description": "gone"}, "404": error}},
        }
    }
    errors = {"Error": {"type": "object", "properties": {"message": {"type": "string"}, "code": {"type": "integer"}}}}
    out = generate(tmp_path, minimal_spec(openapi="3.0.3", paths=paths, components={"schemas": errors}))
    text = (out / "pkg" / "tests" / "test_pets.py").read_text()
    assert "DELETE_404: Any = GET_404\n" in text and "DELETE_404_PARSED: Any = Read(GET_404, Model(models.Error))\n" in text
    assert 'GET_WITH_ADDITIONS: Any = {**GET_200, "added_later": "kept"}' in text
    # What the JSON says itself (a name, a list of text) is read from the reply, not spelled again.
    assert "GET_200_PARSED: Any = Read(GET_200, Model(models.GetPetResponse))\n" in text
    assert_generated_tests_pass(out)


# ---------------------------------------------------------------- the document the tests ship

DOCUMENT: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Pets", "version": "1", "description": "All about pets."},
    "tags": [{"name": "pets", "description": "Pets."}],
    "x-webhooks": {"newPet": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Hook"}}}}}}},
    "paths": {
        "/pets": {
            "summary": "Pets",
            "get": {
                "summary": "List pets",
                "description": "Long prose.",
                "tags": ["pets"],
                "x-github": {"category": "pets"},
                "parameters": [{"name": "limit", "in": "query", "description": "How many.", "example": 3, "schema": {"type": "integer", "description": "A count.", "default": 10}}],
                "responses": {
                    "200": {
                        "description": "The pets.",
                        "links": {"next": {"operationId": "list"}},
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}, "examples": {"one": {"$ref": "#/components/examples/One"}}}},
                    }
                },
            },
        }
    },
    "components": {
        "schemas": {
            "Pet": {
                "type": "object",
                "title": "A pet",
                "description": "A pet.",
                "x-model": "Pet",
                "required": ["description"],
                "properties": {
                    "description": {"type": "string", "description": "What the pet is like.", "example": "fluffy"},
                    "example": {"type": "string", "enum": ["description", "example"], "default": "example"},
                    "default": {"$ref": "#/components/schemas/Kind"},
                    "owner": {"oneOf": [{"$ref": "#/components/schemas/Person"}], "discriminator": {"propertyName": "kind", "mapping": {"robot": "Robot"}}},
                },
            },
            "Kind": {"type": "string"},
            "Person": {"type": "object"},
            "Robot": {"type": "object"},
            "Hook": {"type": "object", "properties": {"pet": {"$ref": "#/components/schemas/Unreached"}}},
            "Unreached": {"type": "object"},
        },
        "examples": {"One": {"value": {"description": "fluffy"}}},
    },
}


def test_prose_goes_by_its_place_never_by_its_name() -> None:
    lean = without_prose(copy.deepcopy(DOCUMENT))
    assert lean["info"] == {"title": "Pets", "version": "1"} and "tags" not in lean and "x-webhooks" not in lean
    operation = lean["paths"]["/pets"]["get"]
    assert set(operation) == {"parameters", "responses"} and "summary" not in lean["paths"]["/pets"]
    assert operation["parameters"] == [{"name": "limit", "in": "query", "schema": {"type": "integer", "default": 10}}]
    assert operation["responses"]["200"] == {"description": "", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}
    pet = lean["components"]["schemas"]["Pet"]
    assert set(pet) == {"type", "x-model", "required", "properties"}  # x-model: openapi-core builds objects by it
    # Properties named like prose are data of the API; so are enum values and defaults.
    assert pet["properties"]["description"] == {"type": "string"}
    assert pet["properties"]["example"] == {"type": "string", "enum": ["description", "example"], "default": "example"}
    assert "examples" not in lean["components"]  # only prose referred to them


def test_prose_referred_to_by_a_kept_reference_stays() -> None:
    document = copy.deepcopy(DOCUMENT)
    document["components"]["schemas"]["Person"] = {"$ref": "#/components/examples/One"}  # odd, but followed
    assert "One" in without_prose(document)["components"]["examples"]


def test_schemas_no_operation_reaches_go() -> None:
    lean = reached_only(without_prose(copy.deepcopy(DOCUMENT)))
    # Kind through a property named `default`, Robot through the discriminator's mapping by name.
    assert sorted(lean["components"]["schemas"]) == ["Kind", "Person", "Pet", "Robot"]


def test_a_document_referring_otherwise_keeps_every_schema() -> None:
    document = copy.deepcopy(DOCUMENT)
    document["components"]["schemas"]["Person"] = {"$ref": "people.yaml#/Person"}
    assert len(reached_only(document)["components"]["schemas"]) == 6


# ---------------------------------------------------------------- a reply laid out by hand


def test_a_long_reply_is_laid_out_one_member_per_line_and_reads_back_as_itself() -> None:
    from generator.render.layout import data_constant
    from generator.testgen.views import source

    value = {"id": 1, "name": 'say "hi"', "quote": "it's", "tab": "a\tb", "ok": True, "none": None, "owner": {"login": "octocat", "url": "https://x.test/" + "a" * 90}, "list": [1.5, "two"]}
    text = data_constant("GET_200", source(value), value)
    lines = text.splitlines()
    assert lines[0] == "# fmt: off" and lines[-1] == "# fmt: on" and lines[1] == "GET_200: Any = {"
    assert '    "owner": {"login": "octocat", "url": "https://x.test/' in text  # nested members on the member's line
    assert '    "name": \'say "hi"\',' in text and '    "quote": "it\'s",' in text
    namespace: dict[str, object] = {"Any": object}
    exec(compile(text, "<laid out>", "exec"), namespace)  # noqa: S102 - the generator's own output
    assert namespace["GET_200"] == value
    items = [value, value]
    listed = data_constant("LIST_200", source(items), items)
    assert listed.splitlines()[1:3] == ["LIST_200: Any = [", "    {"]
    exec(compile(listed, "<laid out>", "exec"), namespace)  # noqa: S102
    assert namespace["LIST_200"] == items
    assert data_constant("SHORT", source({"a": 1}), {"a": 1}) == "SHORT: Any = {'a': 1}"  # one line: black's to lay out
    assert data_constant("NAMED", "GET_200", value) == "NAMED: Any = GET_200"  # a shared constant stays a name
