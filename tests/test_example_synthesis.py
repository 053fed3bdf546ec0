"""Synthesized example values satisfy their schema's constraints (issue 6: clean generated tests).

Every value is checked with jsonschema (the validator behind the contract tests' checks) as well as with the
specific expectation, so a synthesizer that ignores a constraint fails here.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, Draft202012Validator, FormatChecker

from generator.ground.diagnostics import WarningSink
from generator.testgen.examples import ExampleMaker
from generator.ground.pattern_syntax import compile_pattern, translate
from generator.testgen.regex_sample import sample
from generator.parse.schemas import SchemaConverter


def maker(components: dict[str, Any] | None = None) -> ExampleMaker:
    document = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": components or {}}}
    return ExampleMaker(SchemaConverter(document, WarningSink()))


def synth(schema: dict[str, Any], purpose: Any = "request", variant: int = 0) -> Any:
    return maker().for_schema(schema, purpose, variant=variant)


def assert_valid(schema: dict[str, Any], value: Any, draft4: bool = False) -> None:
    """jsonschema's verdict, with \\p{..} patterns translated the way the contract check does."""
    cls = Draft4Validator if draft4 else Draft202012Validator
    errors = list(cls(_translated(schema), format_checker=FormatChecker()).iter_errors(value))
    assert not errors, f"{value!r}: {errors[0].message}"


def _translated(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {key: translate(item) if key == "pattern" else _translated(item) for key, item in schema.items()}
    if isinstance(schema, list):
        return [_translated(item) for item in schema]
    return schema


# -- patterns


AWS_PATTERNS = [
    r"arn:[\w+=/,.@-]+:[\w+=/,.@-]+:[\w+=/,.@-]*:[0-9]+:[\w+=,.@-]+(/[\w+=,.@-]+)*",
    r"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$",
    r"[\P{M}\p{M}]{1,5000}",
    r"^[\p{L}\p{N}][\p{L}\p{N}_.-]*$",
    r"^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$",
    r"^\p{ASCII}*$",
    r"^[\p{Print}]+$",
    r"\p{Lu}\p{Ll}+",
    r"^[\S]+$",
    r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
    r"^\d{4}-\d{2}-\d{2}$",
    r"^(https?|ftp)://[^\s/$.?#].[^\s]*$",
    r"^[^/]+/\S+$",
    r"^(?:[A-Z]{2}|[0-9]{3})$",
    r"^(?<code>[A-Z]{3})-\k<code>$",
    r"^[^\x00-\x7f]+$",
    r"\bword\b",
    r"^(a|bb)+c?$",
    r"[\]a-]x",
    r"^\w{3,5}\.(json|yaml)$",
    r"^(?!foo)[a-z]+$",
    r"^([A-Za-z]+\s)*[A-Za-z]+$",
    r"^\p{Letter}+$",
    r"^\pL\pN$",
    r"\A\S[\p{Print}]*\z",
]


@pytest.mark.parametrize("pattern", AWS_PATTERNS)
def test_sample_is_found_by_the_pattern(pattern: str) -> None:
    value = sample(pattern)
    assert value is not None
    compiled = compile_pattern(pattern)
    assert compiled is not None and compiled.search(value), value


@pytest.mark.parametrize("pattern", AWS_PATTERNS)
def test_sample_respects_length_bounds(pattern: str) -> None:
    value = sample(pattern, 6, 40)
    if value is None:  # some patterns cannot reach 6 characters within 40 (e.g. an exact length)
        return
    compiled = compile_pattern(pattern)
    assert compiled is not None and compiled.search(value) and 6 <= len(value) <= 40, value


def test_sample_of_aws_arn_meets_min_length() -> None:
    value = sample(AWS_PATTERNS[0], 20, 2048)
    assert value is not None and len(value) >= 20 and value.startswith("arn:")
    assert re.search(AWS_PATTERNS[0], value)


def test_sample_is_deterministic_and_variants_differ() -> None:
    assert sample(r"^[a-z]{3}\d$") == sample(r"^[a-z]{3}\d$") == "aaa1"
    assert sample(r"^[a-z]{3}\d$", variant=1) != sample(r"^[a-z]{3}\d$")


def test_sample_impossible_lengths_give_none() -> None:
    assert sample(r"^a{3}$", 4) is None
    assert sample(r"^a{3}$", None, 2) is None
    assert sample(r"\p{NoSuchProperty}") is None


def test_translate_property_escapes() -> None:
    letters = re.compile(translate(r"^\p{L}+$"))
    assert letters.match("abcÄé中") and not letters.match("a1")
    not_letters = re.compile(translate(r"^\P{L}+$"))
    assert not_letters.match("12 _") and not not_letters.match("1a")
    inside = re.compile(translate(r"^[\p{L}\p{N}_ ]+$"))
    assert inside.match("Zürich 42_") and not inside.match("a-b")
    negated = re.compile(translate(r"^[^\p{Z}]+$"))
    assert negated.match("ab") and not negated.match("a b")
    upper = re.compile(translate(r"^\p{Lu}$"))
    assert upper.match("Ä") and not upper.match("ä")
    assert re.compile(translate(r"\\p")).search("\\p")  # an escaped backslash followed by p stays literal


# -- strings


@pytest.mark.parametrize(
    ("schema", "check"),
    [
        ({"type": "string", "format": "date"}, lambda v: re.fullmatch(r"\d{4}-\d\d-\d\d", v)),
        ({"type": "string", "format": "date-time"}, lambda v: "T" in v),
        ({"type": "string", "format": "uuid"}, lambda v: len(v) == 36),
        ({"type": "string", "format": "email"}, lambda v: "@" in v),
        ({"type": "string", "format": "ipv4"}, lambda v: v.count(".") == 3),
        ({"type": "string", "format": "ipv6"}, lambda v: ":" in v),
        ({"type": "string", "format": "hostname"}, lambda v: "." in v),
        ({"type": "string", "format": "uri"}, lambda v: v.startswith("https://")),
        ({"type": "string", "format": "byte"}, lambda v: v.endswith("=")),
        ({"type": "string", "enum": ["on", "off"]}, lambda v: v == "on"),
        ({"type": "string", "const": "fixed"}, lambda v: v == "fixed"),
        ({"type": "string", "minLength": 20}, lambda v: len(v) >= 20),
        ({"type": "string", "maxLength": 3}, lambda v: len(v) <= 3),
        ({"type": "string", "pattern": "^[0-9]{6}$"}, lambda v: v.isdigit()),
        ({"type": "string", "pattern": "^[A-Z]{2}$", "minLength": 2, "maxLength": 2}, lambda v: v == "AA"),
        ({"type": "string", "pattern": r"^arn:aws:[a-z]+$", "minLength": 20, "maxLength": 30}, lambda v: 20 <= len(v) <= 30),
        ({"type": "string", "pattern": r"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$", "minLength": 1, "maxLength": 128}, lambda v: len(v) >= 1),
        ({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}, lambda v: v == "2024-01-02"),
    ],
)
def test_string_constraints(schema: dict[str, Any], check: Any) -> None:
    value = synth(schema)
    assert isinstance(value, str) and check(value), value
    assert_valid(schema, value)


# -- numbers


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "integer"}, 1),
        ({"type": "integer", "minimum": 10}, 10),
        ({"type": "integer", "minimum": 10, "exclusiveMinimum": True}, 11),
        ({"type": "integer", "exclusiveMinimum": 10}, 11),
        ({"type": "integer", "maximum": 0}, 0),
        ({"type": "integer", "maximum": 0, "exclusiveMaximum": True}, -1),
        ({"type": "integer", "exclusiveMaximum": -5}, -6),
        ({"type": "integer", "multipleOf": 5}, 0),
        ({"type": "integer", "minimum": 7, "multipleOf": 5}, 10),
        ({"type": "integer", "minimum": 3, "maximum": 4}, 3),
        ({"type": "number"}, 1.5),
        ({"type": "number", "minimum": 2}, 2.0),
        ({"type": "number", "maximum": 1}, 1.0),
        ({"type": "number", "minimum": 0, "maximum": 0.5, "exclusiveMinimum": True}, 0.25),
        ({"type": "number", "multipleOf": 0.01}, 1.5),
        ({"type": "number", "multipleOf": 0.25, "minimum": 3.1}, 3.25),
    ],
)
def test_number_constraints(schema: dict[str, Any], expected: float) -> None:
    value = synth(schema)
    assert value == expected and type(value) is type(expected)
    assert_valid(schema, value, draft4=isinstance(schema.get("exclusiveMinimum"), bool) or isinstance(schema.get("exclusiveMaximum"), bool))


# -- arrays and objects


def test_array_min_and_max_items() -> None:
    assert synth({"type": "array", "items": {"type": "string"}, "minItems": 3}) == ["example"] * 3
    assert synth({"type": "array", "items": {"type": "string"}, "maxItems": 0}) == []
    schema = {"type": "array", "items": {"type": "integer", "minimum": 5}, "minItems": 2, "maxItems": 2}
    assert synth(schema) == [5, 5]


@pytest.mark.parametrize(
    "items",
    [
        {"type": "string"},
        {"type": "string", "pattern": r"^[a-z]{2}\d$"},
        {"type": "string", "format": "date"},
        {"type": "string", "enum": ["a", "b", "c"]},
        {"type": "integer", "minimum": 1, "maximum": 10},
        {"type": "number", "multipleOf": 0.5},
        {"type": "object", "properties": {"name": {"type": "string", "maxLength": 2}}, "required": ["name"]},
    ],
)
def test_array_unique_items(items: dict[str, Any]) -> None:
    schema = {"type": "array", "items": items, "minItems": 3, "uniqueItems": True}
    value = synth(schema)
    assert len(value) == 3 and len({repr(item) for item in value}) == 3, value
    assert_valid(schema, value)


def test_object_required_min_properties_and_additional() -> None:
    schema = {
        "type": "object",
        "required": ["id"],
        "properties": {"id": {"type": "string", "pattern": "^id-[0-9]+$"}},
        "minProperties": 3,
        "additionalProperties": {"type": "integer", "minimum": 2},
    }
    value = synth(schema)
    assert value == {"id": "id-1", "key2": 2, "key3": 2} or (len(value) == 3 and value["id"] == "id-1")
    assert_valid(schema, value)
    only_map = {"type": "object", "additionalProperties": {"type": "string", "format": "uuid"}}
    value = synth(only_map)
    assert len(value) == 1 and len(next(iter(value.values()))) == 36


def test_deep_required_properties_are_kept() -> None:
    components = {
        "Node": {"type": "object", "required": ["name", "child"], "properties": {"name": {"type": "string", "minLength": 2}, "child": {"$ref": "#/components/schemas/Leaf"}}},
        "Leaf": {"type": "object", "required": ["tags"], "properties": {"tags": {"type": "array", "minItems": 1, "items": {"type": "string"}}}},
    }
    value = maker(components).for_schema({"$ref": "#/components/schemas/Node"}, "request")
    assert value == {"name": "example", "child": {"tags": ["example"]}}


# -- the document's own examples


def test_valid_own_example_is_kept() -> None:
    assert synth({"type": "string", "pattern": "^[a-z]+$", "example": "hello"}) == "hello"
    assert synth({"type": "integer", "minimum": 1, "example": 42}) == 42


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "number", "example": "0.99"},
        {"type": "string", "enum": ["A", "B"], "example": "C"},
        {"type": "string", "pattern": r"^arn:[\w+=/,.@-]+:[a-z]+$", "example": "example"},
        {"type": "string", "minLength": 20, "example": "short"},
        {"type": "integer", "maximum": 10, "example": 100},
        {"type": "string", "format": "date-time", "example": "yesterday"},
        {"type": "string", "format": "date-time", "example": "20170214T1215Z"},
        {"type": "array", "items": {"type": "string"}, "minItems": 1, "example": []},
    ],
)
def test_own_example_that_breaks_its_schema_is_replaced(schema: dict[str, Any]) -> None:
    value = synth(schema)
    assert value != schema["example"]
    assert_valid({key: item for key, item in schema.items() if key != "example"}, value)


def test_own_object_example_is_repaired_part_by_part() -> None:
    schema = {
        "type": "object",
        "required": ["id", "size"],
        "properties": {"id": {"type": "string"}, "size": {"type": "integer", "minimum": 1}, "ratio": {"type": "number"}},
        "example": {"id": "abc", "ratio": "0.5"},
    }
    value = synth(schema)
    assert value == {"id": "abc", "ratio": 1.5, "size": 1}


def test_media_and_parameter_examples_are_checked() -> None:
    example_maker = maker()
    media = {"schema": {"type": "object", "properties": {"n": {"type": "integer"}}}, "example": {"n": "seven"}}
    assert example_maker.for_media(media, "response") == {"n": 1}
    parameter = {"name": "p", "in": "query", "schema": {"type": "string", "enum": ["x", "y"]}, "example": "z"}
    assert example_maker.for_parameter(parameter) == "x"
    good = {"name": "p", "in": "query", "schema": {"type": "string", "enum": ["x", "y"]}, "example": "y"}
    assert example_maker.for_parameter(good) == "y"


def test_same_schema_same_value() -> None:
    schema = {"type": "object", "properties": {"a": {"type": "string", "pattern": r"^\p{Lu}{3,}$"}, "b": {"type": "array", "uniqueItems": True, "minItems": 2, "items": {"type": "integer"}}}}
    assert synth(schema) == synth(schema) == {"a": "AAA", "b": [1, 2]}


# -- end to end: a generated package's own tests pass on a constrained document


CONSTRAINED_SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Constrained", "version": "1"},
    "servers": [{"url": "https://api.example.test"}],
    "paths": {
        "/tags/{arn}": {
            "post": {
                "operationId": "addTags",
                "parameters": [
                    {"name": "arn", "in": "path", "required": True, "schema": {"$ref": "#/components/schemas/Arn"}},
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 5, "maximum": 50, "multipleOf": 5}},
                    {"name": "region", "in": "header", "schema": {"type": "string", "pattern": "^[a-z]{2}-[a-z]+-\\d$"}},
                ],
                "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AddTags"}}}},
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["name", "count"],
                                    "properties": {
                                        # An inline reply schema with a property escape: the contract check must not crash on it.
                                        "name": {"type": "string", "pattern": "^[\\p{L}\\p{N}_ -]+$", "minLength": 3},
                                        "count": {"type": "number", "minimum": 0, "exclusiveMinimum": True, "maximum": 1},
                                        "when": {"type": "string", "format": "date-time", "example": "not a date"},
                                    },
                                }
                            }
                        },
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Arn": {"type": "string", "minLength": 20, "maxLength": 2048, "pattern": "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:[\\w+=/,.@-]*:[0-9]+:[\\w+=,.@-]+(/[\\w+=,.@-]+)*"},
            "TagKey": {"type": "string", "minLength": 1, "maxLength": 128, "pattern": "[\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*"},
            "Tag": {"type": "object", "required": ["Key"], "properties": {"Key": {"$ref": "#/components/schemas/TagKey"}, "Value": {"type": "string", "maxLength": 4}}},
            "AddTags": {
                "type": "object",
                "required": ["Tags", "Ids"],
                "properties": {
                    "Tags": {"type": "array", "minItems": 2, "maxItems": 50, "uniqueItems": True, "items": {"$ref": "#/components/schemas/Tag"}},
                    "Ids": {"type": "array", "minItems": 1, "items": {"type": "string", "format": "uuid"}},
                    "Kind": {"type": "string", "enum": ["A", "B"], "example": "C"},
                },
            },
        }
    },
}


def test_generated_tests_pass_on_a_constrained_document(tmp_path: Path) -> None:
    spec = tmp_path / "constrained.json"
    spec.write_text(json.dumps(CONSTRAINED_SPEC), encoding="utf-8")
    out = tmp_path / "out"
    repo = Path(__file__).resolve().parent.parent
    generated = subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(spec), "--package", "constrained", "--out", str(out), "--no-cache"],
        cwd=repo, capture_output=True, text=True, timeout=300,
    )
    assert generated.returncode == 0, generated.stderr
    package = next(path for path in out.rglob("constrained") if (path / "tests").is_dir())
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", str(package / "tests")],
        cwd=package.parent, capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(package.parent)},
    )
    assert run.returncode == 0, run.stdout[-4000:]
    assert "passed" in run.stdout and "failed" not in run.stdout


def test_integer_with_fractional_bounds() -> None:
    assert synth({"type": "integer", "minimum": 0.5}) == 1
    assert synth({"type": "integer", "minimum": 1.5, "maximum": 2.5}) == 2
    assert synth({"type": "integer", "minimum": 1000000000000}) == 1000000000000


def test_all_of_with_a_description_keeps_the_referenced_constraints() -> None:
    components = {
        "TagMap": {"type": "object", "minProperties": 1, "additionalProperties": {"type": "string", "minLength": 3}},
        "Arn": {"type": "string", "pattern": r"^arn:aws:[a-z]+:\d{12}$"},
        "Project": {
            "type": "object",
            "required": ["arn", "tags"],
            "properties": {
                "tags": {"allOf": [{"$ref": "#/components/schemas/TagMap"}, {"description": "the tags"}]},
                "arn": {"allOf": [{"$ref": "#/components/schemas/Arn"}, {"description": "the project"}]},
            },
        },
    }
    value = maker(components).for_schema({"$ref": "#/components/schemas/Project"}, "response")
    assert value == {"tags": {"key": "example"}, "arn": "arn:aws:a:111111111111"}


def test_rfc3339_date_time_examples_are_kept() -> None:
    for text in ("2017-02-14T12:15:00Z", "2017-02-14T12:15:00.123+02:00", "2017-02-14t12:15:00z"):
        assert synth({"type": "string", "format": "date-time", "example": text}) == text


def test_required_names_without_a_property_schema_are_present() -> None:
    """Spotify's PagingObject requires `items` but declares no such property: any value is valid."""
    schema = {"type": "object", "required": ["href", "items"], "properties": {"href": {"type": "string"}}}
    value = synth(schema, "response")
    assert set(value) == {"href", "items"}
    assert_valid(schema, value)
    repaired = maker().conform(schema, {"href": "https://x"}, "response")
    assert set(repaired) == {"href", "items"} and repaired["href"] == "https://x"
    typed = {"type": "object", "required": ["n"], "additionalProperties": {"type": "integer", "minimum": 3}}
    assert_valid(typed, synth(typed, "response"))
