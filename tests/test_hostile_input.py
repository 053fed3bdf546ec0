"""Hostile input: alias bombs, deep nesting and `$ref` cycles end in one located error line (or in
recursive models), never in a hang, a RecursionError or "internal error"."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest

from generator.ground.diagnostics import SpecError
from generator.pipeline import read_spec
from generator.load.limits import MAX_DEPTH
from generator.validate import validate_spec
from generator.validate.ref_cycles import MAX_CHAIN
from tests.conftest import run_cli, write_spec

HEAD = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"
BOMB = HEAD + "".join(
    f"x-{name}: &{name} [{', '.join([f'*{previous}'] * 9) if previous else ', '.join(['lol'] * 9)}]\n"
    for previous, name in zip([""] + list("abcdefgh"), "abcdefghi")
)


def refused(tmp_path: Path, text: str, name: str = "spec.yaml", *options: str) -> str:
    """Generate through the command line: one error line, exit 1, nothing written."""
    write_spec(tmp_path, text, name)
    result = run_cli("generate", name, "--package", "pkg", "--out", "out", *options, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {name}:"), result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert not (tmp_path / "out").exists()
    return lines[0]


def test_alias_bomb_is_refused_at_the_alias_that_crosses_the_limit(tmp_path: Path) -> None:
    assert len(BOMB) < 700
    path = write_spec(tmp_path, BOMB)
    started = time.perf_counter()
    with pytest.raises(SpecError) as error:
        read_spec(path, "spec.yaml")
    print(f"alias bomb refused in {time.perf_counter() - started:.3f}s")  # measured, not asserted (BENCHMARKS rule)
    assert str(error.value).startswith("spec.yaml:10:10: YAML aliases expand the document by more than 1,000,000 nodes")
    assert "YAML aliases expand" in refused(tmp_path, BOMB)


def test_shared_aliases_below_the_limit_load(tmp_path: Path) -> None:
    text = HEAD + "x-base: &base {type: string, maxLength: 5}\ncomponents:\n  schemas:\n    A: {type: object, properties: {a: *base, b: *base}}\n"
    spec = read_spec(write_spec(tmp_path, text))
    validate_spec(spec)
    assert spec.data["components"]["schemas"]["A"]["properties"]["b"] == {"type": "string", "maxLength": 5}


def test_an_alias_inside_its_own_anchor_is_a_cycle(tmp_path: Path) -> None:
    message = refused(tmp_path, HEAD + "x-loop: &loop [1, *loop]\n")
    assert message.startswith("error: spec.yaml:4:19: a YAML alias refers to a node that contains it")


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("deep.json", '{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "x-d": ' + "[" * 3000 + "]" * 3000 + "}", "deep.json:1:"),
        ("deep.yaml", HEAD + "x-d:\n" + "".join("  " * (level + 1) + "k:\n" for level in range(150)) + "  " * 151 + "v: 1\n", "deep.yaml:"),
        ("flow.yaml", HEAD + "x-d: " + "[" * 1500 + "]" * 1500 + "\n", "flow.yaml:4:"),
    ],
)
def test_nesting_beyond_the_limit_is_refused(tmp_path: Path, name: str, text: str, where: str) -> None:
    message = refused(tmp_path, text, name)
    assert message.startswith(f"error: {where}") and f"nests deeper than {MAX_DEPTH} levels" in message


def nested_schema(levels: int) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    for _ in range(levels):
        schema = {"type": "object", "required": ["a"], "properties": {"a": schema}}
    return schema


def test_a_document_at_the_depth_limit_generates_and_type_checks(tmp_path: Path) -> None:
    """Every stage (validator, parser, examples, templates, formatter) copes with the deepest document allowed."""
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Deep"}}}}
    document = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"/x": {"post": {"operationId": "x", "requestBody": body, "responses": {"200": {"description": "ok", **body}}}}},
        "components": {"schemas": {"Deep": nested_schema((MAX_DEPTH - 6) // 2)}},
    }
    (tmp_path / "deep.json").write_text(json.dumps(document))
    result = run_cli("generate", "deep.json", "--package", "deep", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "deep" / "models.py").read_text().count("class ") >= (MAX_DEPTH - 6) // 2


def components(schemas: dict[str, Any]) -> str:
    return json.dumps({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": schemas}})


REF = "#/components/schemas/"


@pytest.mark.parametrize(
    ("schemas", "expected"),
    [
        ({"A": {"$ref": REF + "B"}, "B": {"$ref": REF + "A"}}, "(A -> B -> A)"),
        ({"A": {"$ref": REF + "A"}}, "(A -> A)"),
        ({"A": {"anyOf": [{"$ref": REF + "A"}, {"type": "string"}]}}, "(A -> A)"),
        ({"A": {"allOf": [{"$ref": REF + "B"}]}, "B": {"allOf": [{"$ref": REF + "A"}, {"type": "object"}]}}, "(A -> B -> A)"),
        ({"A": {"not": {"$ref": REF + "A"}}}, "(A -> A)"),
    ],
)
def test_ref_cycles_with_no_reading_are_refused_where_they_close(tmp_path: Path, schemas: dict[str, Any], expected: str) -> None:
    """Strictly (tolerant reading types the loop's schemas Any: tests/test_one_bad_part.py)."""
    message = refused(tmp_path, components(schemas), "spec.json", "--strict")
    assert f"$ref cycle with no property or item in between {expected}" in message, message
    assert re.match(r"error: spec\.json:1:\d+: ", message)


def test_recursion_through_properties_and_items_is_a_recursive_model(tmp_path: Path) -> None:
    schemas = {
        "Node": {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": REF + "Node"}}, "parent": {"$ref": REF + "Node"}}},
        "Pair": {"allOf": [{"$ref": REF + "Node"}, {"type": "object", "properties": {"twin": {"$ref": REF + "Pair"}}}]},
    }
    spec = read_spec(write_spec(tmp_path, components(schemas), "spec.json"))
    assert validate_spec(spec) == []
    (tmp_path / "spec.json").write_text(components(schemas))
    result = run_cli("generate", "spec.json", "--package", "tree", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    models = (tmp_path / "out" / "tree" / "models.py").read_text()
    assert "children: list[Node] | None" in models and "twin: Pair | None" in models


def test_an_allof_chain_deeper_than_any_real_one_is_refused(tmp_path: Path) -> None:
    count = MAX_CHAIN + 10
    schemas = {f"A{index}": {"allOf": [{"$ref": f"{REF}A{index + 1}"}, {"type": "object", "properties": {f"p{index}": {"type": "string"}}}]} for index in range(count)}
    schemas[f"A{count}"] = {"type": "object"}
    message = refused(tmp_path, components(schemas), "spec.json")
    assert f"is deeper than the {MAX_CHAIN} clientsmith follows" in message


def test_a_long_chain_of_required_properties_generates(tmp_path: Path) -> None:
    """Examples follow required properties beyond their usual depth, but not without end."""
    count = 150
    schemas = {f"P{index}": {"type": "object", "required": ["n"], "properties": {"n": {"$ref": f"{REF}P{index + 1}"}}} for index in range(count)}
    schemas[f"P{count}"] = {"type": "string"}
    body = {"content": {"application/json": {"schema": {"$ref": REF + "P0"}}}}
    document = json.loads(components(schemas))
    document["paths"] = {"/x": {"post": {"operationId": "x", "requestBody": body, "responses": {"200": {"description": "ok", **body}}}}}
    (tmp_path / "spec.json").write_text(json.dumps(document))
    result = run_cli("generate", "spec.json", "--package", "chain", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    # Warnings are whole, but name a place 150 members deep by its ends rather than walk it.
    assert "Traceback" not in result.stderr and all(len(line) <= 300 for line in result.stderr.splitlines()), result.stderr


def test_a_server_url_urllib_cannot_split_is_no_internal_error(tmp_path: Path) -> None:
    """Found by the fuzz test: `http://[` made urllib raise inside the parser."""
    text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\nservers: [{url: 'http://[oops/v1'}]\npaths:\n  /v1/a:\n    get:\n      responses: {'200': {description: ok}}\n"
    write_spec(tmp_path, text)
    result = run_cli("generate", "spec.yaml", "--package", "pkg", "--out", "out", cwd=tmp_path)
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr


# BeezUp's URL pattern: `([\/\w \.-]*)*` nests repeats, so a backtracking engine takes time
# exponential in the length of a text it rejects (each character of the path doubles it).
NESTED_REPEATS = r"^(https?:\/\/)?([\da-z\.-]+)\.([a-z\.]{2,6})([\/\w \.-]*)*\/?$"
REJECTED_URL = "https://www.example.com/images/catalog/products/summer/large_photo_01.png?"


def test_a_pattern_with_nested_repeats_is_matched_in_bounded_time() -> None:
    """The verdict on a text the pattern rejects comes back at once (Python's `re` would take
    longer than the age of the universe on this one); a text it finds is still found."""
    from generator.ground.pattern_match import pattern_finds

    assert pattern_finds(NESTED_REPEATS, REJECTED_URL) is False
    assert pattern_finds(NESTED_REPEATS, REJECTED_URL.rstrip("?")) is True
    assert pattern_finds("[", "x") is None  # no engine reads it: not checked


def test_a_documented_example_a_nested_pattern_rejects_does_not_hang_generation(tmp_path: Path) -> None:
    """BeezUp: generation stopped at checking the example against the pattern. The example is
    now found wanting at once and the tests use a sample the pattern finds."""
    url = {"type": "string", "pattern": NESTED_REPEATS, "example": REJECTED_URL}
    reply = {"content": {"application/json": {"schema": {"type": "object", "properties": {"url": url}}}}, "description": "ok"}
    document = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {"/x": {"get": {"operationId": "x", "responses": {"200": reply}}}}}
    (tmp_path / "spec.json").write_text(json.dumps(document))
    result = run_cli("generate", "spec.json", "--package", "pkg", "--out", "out", cwd=tmp_path, timeout=240)
    assert result.returncode == 0, result.stderr
    test_module = (tmp_path / "out" / "pkg" / "tests" / "test_x.py").read_text(encoding="utf-8")
    assert REJECTED_URL not in test_module
    sent = re.search(r'X_200: Any = \{"url": "([^"]+)"\}', test_module)
    assert sent is not None, test_module
    assert re.search(NESTED_REPEATS, sent.group(1)), sent.group(1)
