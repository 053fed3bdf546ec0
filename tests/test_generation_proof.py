"""The generation-time proof of the generated tests (issue 13, generator/testgen/proof.py).

Each value a generated test sends or answers with is checked while generating, by the package's own
tests/_validation*.py on the exact request and replies the test builds. The document
below has examples that satisfy their schemas (the example check, schema_check.py, passes them) and
still fail on the wire: a comma inside an item of a comma-joined array whose pieces are too short
(so the example is not read as the items it spells out), a number where a typeless
query parameter is read back as text, an exploded object member the document does not name, a
header value that is not ASCII, a pipe inside an item of a pipe-joined array with `maxItems`. Each
gets a synthesized value and a located warning; a part no value can fix is left out of its test.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.ground.diagnostics import WarningSink
from generator.ground.relaxations import find_relaxations
from generator.testgen.example_tables import ExampleTables
from generator.testgen import proof
from generator.testgen.parameter_reading import parameters_without_null
from generator.testgen import stream_cases
from generator.pipeline import read_api
from generator.render.environment import Renderer
from generator.render.search_path import search_path
from generator.ground.schema_check import SchemaCheck
from generator.pipeline import Job, build, write_all
from tests.conftest import minimal_spec, write_spec
from tests.test_contract_fixes import assert_generated_tests_pass, run_generated_tests


def _get(operation_id: str, *parameters: dict[str, Any], reply: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"get": {"operationId": operation_id, "parameters": list(parameters), "responses": {"200": reply or {"description": "ok"}}}}


TAGS = {"name": "tags", "in": "query", "style": "form", "explode": False, "schema": {"type": "array", "items": {"type": "string", "minLength": 4}}, "example": ["red,greens", "purple"]}
ANYTHING = {"name": "anything", "in": "query", "schema": {"description": "free-form"}, "example": 5}
FILTER = {"name": "filter", "in": "query", "style": "form", "explode": True, "schema": {"type": "object", "properties": {"colour": {"type": "string"}}}, "example": {"colour": "red", "size": "L"}}
NAME = {"name": "X-Name", "in": "header", "schema": {"type": "string"}, "example": "José"}
IDS = {"name": "ids", "in": "query", "style": "pipeDelimited", "explode": False, "schema": {"type": "array", "items": {"type": "string"}, "maxItems": 2}, "example": ["a|b", "c"]}
# No value of it travels whole: every item holds the comma that splits a comma-joined array.
PAIRS = {"name": "pairs", "in": "query", "style": "form", "explode": False, "schema": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+,[a-z]+$"}}}
NEVER = {"description": "no text fits", "content": {"text/plain": {"schema": {"type": "string", "minLength": 5, "maxLength": 2}}}}

SPEC = minimal_spec(
    openapi="3.0.3",
    paths={
        "/tags": _get("listTags", TAGS),
        "/search": _get("search", ANYTHING),
        "/filtered": _get("listFiltered", FILTER),
        "/greeting": _get("greet", NAME),
        "/ids": _get("listIds", IDS),
        "/pairs": _get("listPairs", PAIRS),
        "/never": _get("getNever", reply=NEVER),
    },
)


def _build(folder: Path, spec: dict[str, Any]) -> tuple[Path, list[str]]:
    path = write_spec(folder, spec)
    built = build(Job("pkg", path, folder / "out" / "pkg", "spec.yaml"), use_cache=False)
    write_all([built])
    return folder / "out", built.warnings


def _proof_warnings(spec: dict[str, Any]) -> dict[str, str]:
    """The proof's warnings by pointer (whole: rendered lines shorten long pointers)."""
    sink = WarningSink()
    examples = ExampleTables()
    api = read_api(spec, "pkg", sink, examples=examples)
    before = set(sink.items)
    spec_json = json.dumps(parameters_without_null(stream_cases.test_reading(spec)), ensure_ascii=False, separators=(",", ":")) + "\n"
    _, _, unproven = proof.prove_tests(api, spec, spec_json, Renderer(list(search_path(()))), sink, find_relaxations(spec, WarningSink()), examples)
    assert unproven is None
    return {item.pointer: item.message for item in sink.items - before}


def test_examples_the_schema_check_passes_are_not_enough() -> None:
    check = SchemaCheck(SPEC)
    for parameter in (TAGS, ANYTHING, FILTER, NAME, IDS):
        assert not check.violates(parameter["schema"], parameter["example"], "parameter"), parameter["name"]


def test_values_that_fail_on_the_wire_are_replaced_warned_and_the_tests_pass(tmp_path: Path) -> None:
    found = _proof_warnings(SPEC)
    where = {
        "#/paths/~1tags/get/parameters/0": "query parameter 'tags' fails on the wire (Invalid query parameter: tags: 'red' is too short); a synthesized value is used",
        "#/paths/~1search/get/parameters/0": "query parameter 'anything' fails on the wire (sent as 5, read back as '5'); a synthesized value is used",
        "#/paths/~1filtered/get/parameters/0": "query parameter 'filter' fails on the wire (sends 'size', which the document does not name); a synthesized value is used",
        "#/paths/~1greeting/get/parameters/0": "header parameter 'X-Name' fails on the wire (the client cannot send it: a header value must be ASCII)",
        "#/paths/~1ids/get/parameters/0": "query parameter 'ids' fails on the wire (Invalid query parameter: ids: ['a', 'b', 'c'] is too long)",
        "#/paths/~1pairs/get/parameters/0": "query parameter 'pairs' fails on the wire (Invalid query parameter: pairs: 'a' does not match '^[a-z]+,[a-z]+$'); a synthesized value fails too: left out of the test call",
        "#/paths/~1never/get/responses/200/content/text~1plain": "the 200 reply fails on the wire (InvalidData: 'ex' is too short); a synthesized value fails too: its test is skipped",
    }
    assert sorted(found) == sorted(where)  # one warning per part, where its value comes from
    for pointer, message in where.items():
        assert message in found[pointer], found[pointer]
    out, warnings = _build(tmp_path, SPEC)
    assert len([line for line in warnings if "generated tests:" in line]) == len(where)
    tests = out / "pkg" / "tests"
    assert 'tags=["example"]' in (tests / "test_tags.py").read_text(encoding="utf-8")
    assert "# Note: checked at generation time: the query parameter 'tags' fails on the wire" in (tests / "test_tags.py").read_text(encoding="utf-8")
    assert 'x_name="example"' in (tests / "test_greeting.py").read_text(encoding="utf-8")
    pairs = (tests / "test_pairs.py").read_text(encoding="utf-8")
    assert "pairs=" not in pairs and "a synthesized value fails too: left out of the test call" in pairs
    never = (tests / "test_never.py").read_text(encoding="utf-8")
    assert "@pytest.mark.skip(" in never and "a synthesized value fails too: its test is skipped" in never
    output = assert_generated_tests_pass(out)
    assert "2 skipped" in output  # the reply no text fits, sync and async


def test_a_page_walk_the_document_cannot_take_is_skipped(tmp_path: Path) -> None:
    """The reply's next cursor (`c-...`) is no cursor the parameter accepts (digits): the client passes
    it on as it should, and the tests' checks refuse the request for page 2. Nothing to synthesize: the
    walk's test is skipped, and says why."""
    page = {"type": "object", "properties": {"data": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}}}, "next_cursor": {"type": "string", "pattern": "^c-[a-z]+$"}}}
    cursor = {"name": "cursor", "in": "query", "schema": {"type": "string", "pattern": "^[0-9]+$"}}
    spec = minimal_spec(openapi="3.0.3", paths={"/items": _get("listItems", cursor, reply={"description": "ok", "content": {"application/json": {"schema": page}}})})
    message = _proof_warnings(spec)["#/paths/~1items/get"]
    assert message.startswith("generated tests: the two-page walk fails on the wire (the request for page 2: Invalid query parameter: cursor: 'c-a' does not match")
    assert message.endswith("no other value to try: its test is skipped")
    out, _ = _build(tmp_path, spec)
    assert "2 skipped" in assert_generated_tests_pass(out)


def _form_post(operation_id: str, schema: dict[str, Any], example: Any = None) -> dict[str, Any]:
    media: dict[str, Any] = {"schema": schema} if example is None else {"schema": schema, "example": example}
    return {"post": {"operationId": operation_id, "requestBody": {"content": {"application/x-www-form-urlencoded": media}}, "responses": {"204": {"description": "done"}}}}


def test_a_form_body_that_fails_loses_its_optional_members_first(tmp_path: Path) -> None:
    """Salesloft's upserts: a form body whose optional `custom_fields` (an array of objects, which a
    form cannot say) fails on the wire. Its required members are keyword arguments the call needs:
    the body cannot be left out, and a synthesized body would drop the document's values; the
    example without its optional members keeps them. A body with no required member ends up as
    a call that gives none of its arguments, and the client sends an empty form, read back as one."""
    account = {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "custom_fields": {"type": "array", "items": {"type": "object"}}}}
    settings = {"type": "object", "properties": {"settings": {"type": "object"}}}
    spec = minimal_spec(
        openapi="3.0.3",
        paths={
            "/accounts": _form_post("upsertAccount", account, {"name": "Hogwarts", "custom_fields": [{"house": "Ravenclaw"}]}),
            "/imports": _form_post("importCadence", settings),
        },
    )
    found = _proof_warnings(spec)
    body = "#/paths/~1accounts/post/requestBody/content/application~1x-www-form-urlencoded"
    assert found[body].endswith("the example without its optional members is used"), found[body]
    settings_body = "#/paths/~1imports/post/requestBody/content/application~1x-www-form-urlencoded"
    assert found[settings_body].endswith("the example without its optional members is used"), found[settings_body]
    out, _ = _build(tmp_path, spec)
    tests = out / "pkg" / "tests"
    accounts = tests / "test_accounts.py"
    assert 'name="Hogwarts"' in accounts.read_text(encoding="utf-8") and "custom_fields=" not in accounts.read_text(encoding="utf-8")
    imports = tests / "test_imports.py"
    assert 'content_type="application/x-www-form-urlencoded", body={}' in imports.read_text(encoding="utf-8")
    output = assert_generated_tests_pass(out)
    assert "skipped" not in output


def test_a_proof_that_accepts_everything_lets_failing_tests_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The proof is what keeps these tests green: with one that finds nothing, they fail."""
    monkeypatch.setattr(proof._Prover, "failures", lambda self, resource, operation: [])
    spec = minimal_spec(openapi="3.0.3", paths={"/tags": _get("listTags", TAGS), "/ids": _get("listIds", IDS)})
    out, warnings = _build(tmp_path, spec)
    assert not [line for line in warnings if "generated tests:" in line]
    run = run_generated_tests(out)
    assert run.returncode != 0
    assert "FAILED pkg/tests/test_tags.py::test_documented_reply[list-200-sync]" in run.stdout and "'red' is too short" in run.stdout  # read back split at the comma
    assert "FAILED pkg/tests/test_ids.py::test_documented_reply[list-200-sync]" in run.stdout and "is too long" in run.stdout


def test_without_the_validators_one_warning_says_the_tests_are_not_proven(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "openapi_schema_validator", None)  # a broken installation: import fails, find_spec finds nothing
    assert proof.importable() is not None
    spec = minimal_spec(openapi="3.0.3", paths={"/tags": _get("listTags", TAGS)})
    for name in ("one", "two"):
        write_spec(tmp_path, spec, f"{name}.yaml")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.clientsmith]\noutput = "generated"\n\n[tool.clientsmith.providers.one]\nspec = "one.yaml"\n\n[tool.clientsmith.providers.two]\nspec = "two.yaml"\n',
        encoding="utf-8",
    )
    assert main(["generate", "--config", str(tmp_path / "pyproject.toml"), "--no-cache"]) == 0
    said = [line for line in capsys.readouterr().err.splitlines() if "not proven" in line]
    assert said == ["clientsmith: warning: generated tests not proven at generation time: openapi-schema-validator is not installed (reinstall clientsmith with its dependencies)"]
    tags = (tmp_path / "generated" / "one" / "tests" / "test_tags.py").read_text(encoding="utf-8")
    assert 'tags=["red,greens", "purple"]' in tags  # unproven: the document's example as it is
