"""JSON Schema 2020-12 as OpenAPI 3.1 allows it: one small document per keyword
(tests/fixtures/jsonschema/), each generated into a client whose types are checked here and whose
own generated tests must pass, none skipped (a skipped operation means no valid value was found);
and the reference reading (generator/validate/schema_resources.py) on documents built in place."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.validate.schema_resources import read_schema_resources

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "jsonschema"
KEYWORDS = sorted(path.stem for path in FIXTURES.glob("*.yaml"))


@dataclass(frozen=True)
class Generated:
    folder: Path  # the package's folder
    warnings: str  # what generation printed

    def text(self, relative: str) -> str:
        return (self.folder / relative).read_text(encoding="utf-8")

    def tests_text(self) -> str:
        return "\n".join(path.read_text(encoding="utf-8") for path in sorted((self.folder / "tests").glob("test_*.py")))


_MADE: dict[str, Generated] = {}


@pytest.fixture(autouse=True, scope="module")
def _remove_generated_clients() -> Any:
    """The clients are made once per run and shared by the tests; removed when the module is done."""
    yield
    for made in _MADE.values():
        shutil.rmtree(made.folder.parent, ignore_errors=True)
    _MADE.clear()


def generated(keyword: str) -> Generated:
    """The client generated from the keyword's document (once per run)."""
    if keyword not in _MADE:
        package = "js_" + keyword.replace("-", "_")
        out = Path(tempfile.mkdtemp(prefix=f"clientsmith-{package}-"))
        completed = subprocess.run(
            [sys.executable, "-m", "generator", "--no-cache", "generate", str(FIXTURES / f"{keyword}.yaml"), "--package", package, "--out", str(out)],
            cwd=REPO, capture_output=True, text=True, timeout=600,
        )
        assert completed.returncode == 0, completed.stdout + completed.stderr
        _MADE[keyword] = Generated(out / package, completed.stdout + completed.stderr)
    return _MADE[keyword]


# ------------------------------------------------------------------ every document


@pytest.mark.parametrize("keyword", KEYWORDS)
def test_generated_tests_pass_none_skipped(keyword: str) -> None:
    made = generated(keyword)
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(made.folder.parent)],
        cwd=made.folder.parent, capture_output=True, text=True, timeout=600,
    )
    summary = completed.stdout.strip().splitlines()[-1] if completed.stdout.strip() else completed.stderr
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-2000:]
    assert "skipped" not in summary, summary
    assert "fails on the wire" not in made.warnings and "no example value found" not in made.warnings, made.warnings


# ------------------------------------------------------------------ references


def test_defs_relative_to_the_component_is_read_with_one_warning() -> None:
    made = generated("defs")
    models = made.text("models.py")
    assert "class Node(_BaseModel):" in models
    assert "    root: Node\n" in models
    assert "    children: list[Node] | None = None" in models  # recursion through the lifted $defs entry
    lines = [line for line in made.warnings.splitlines() if "'#/$defs/Node'" in line]
    assert len(lines) == 1, made.warnings
    assert "defs.yaml:34:17: warning:" in lines[0] and "(2 places; this is the first)" in lines[0]
    assert "#/components/schemas/Tree/$defs/Node" in lines[0]


def test_defs_relative_to_the_component_is_refused_when_strict() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "generator", "validate", str(FIXTURES / "defs.yaml")], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert completed.returncode != 0
    assert "does not resolve" in completed.stdout + completed.stderr
    assert "Traceback" not in completed.stderr


def test_id_changes_the_base_of_fragment_refs() -> None:
    made = generated("id")
    models = made.text("models.py")
    assert "class Address(_BaseModel):" in models and "class Line(_BaseModel):" in models
    assert "    country: Country\n" in models  # Address's own $defs, found through Address's $id
    assert 'Country: TypeAlias = Literal["FR", "DE", "US"] | str' in models
    assert "lines: list[Line] | None" in models
    assert "warning" not in made.warnings  # the reading JSON Schema prescribes: nothing to warn about
    strict = subprocess.run(
        [sys.executable, "-m", "generator", "validate", str(FIXTURES / "id.yaml")], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert strict.returncode == 0, strict.stdout + strict.stderr


def test_anchor_is_found_by_name() -> None:
    models = generated("anchor").text("models.py")
    assert "class Email(_BaseModel):" in models
    assert "    email: Email | None = None" in models
    assert models.count("class Email") == 1  # Contact's property and Person's reference share it


def test_dynamic_ref_follows_its_anchor_with_a_warning() -> None:
    made = generated("dynamic-ref")
    assert "    subcategories: list[Category] | None = None" in made.text("models.py")
    assert "dynamic-ref.yaml:37:26: warning: $dynamicRef '#node' is read as a plain $ref" in made.warnings


def _spec(schemas: dict[str, Any], body: dict[str, Any] | None = None) -> dict[str, Any]:
    document: dict[str, Any] = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": schemas}}
    if body is not None:
        document["paths"] = {"/x": {"post": {"requestBody": {"content": {"application/json": {"schema": body}}}, "responses": {"200": {"description": "ok"}}}}}
    return document


def test_absolute_and_relative_id_references_resolve() -> None:
    data = _spec(
        {
            "Order": {
                "$id": "https://example.com/schemas/order",
                "properties": {"to": {"$ref": "address"}, "from": {"$ref": "https://example.com/schemas/address#/properties/street"}},
                "$defs": {"Addr": {"$id": "address", "properties": {"street": {"type": "string"}}}},
            }
        },
        body={"$ref": "https://example.com/schemas/order"},
    )
    reading = read_schema_resources(data, tolerant=True)
    result, notes = reading.data, reading.notes
    assert notes == []
    schemas = result["components"]["schemas"]
    assert schemas["Order"]["properties"]["to"] == {"$ref": "#/components/schemas/Addr"}
    assert schemas["Order"]["properties"]["from"] == {"$ref": "#/components/schemas/Addr/properties/street"}
    assert result["paths"]["/x"]["post"]["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Order"}
    assert schemas["Addr"] == {"properties": {"street": {"type": "string"}}}  # its $id dropped with the move
    assert "$defs" not in schemas["Order"] and "$id" not in schemas["Order"]
    assert "$id" in data["components"]["schemas"]["Order"]  # the document as loaded is left alone


def test_lifted_names_avoid_components_and_each_other() -> None:
    data = _spec(
        {
            "Node": {"type": "string"},
            "Tree": {"properties": {"a": {"$ref": "#/components/schemas/Tree/$defs/Node"}}, "$defs": {"Node": {"type": "integer"}}},
            "Graph": {"properties": {"a": {"$ref": "#/components/schemas/Graph/$defs/Node"}}, "$defs": {"Node": {"type": "boolean"}}},
        }
    )
    result = read_schema_resources(data, tolerant=True).data
    schemas = result["components"]["schemas"]
    assert list(schemas) == ["Node", "Tree", "Graph", "TreeNode", "GraphNode"]
    assert schemas["Tree"]["properties"]["a"] == {"$ref": "#/components/schemas/TreeNode"}
    assert schemas["GraphNode"] == {"type": "boolean"}


def test_nested_defs_move_with_their_schema() -> None:
    data = _spec(
        {
            "Tree": {
                "properties": {"leaf": {"$ref": "#/$defs/Branch/$defs/Leaf"}, "branch": {"$ref": "#/$defs/Branch"}},
                "$defs": {"Branch": {"properties": {"leaf": {"$ref": "#/$defs/Leaf"}}, "$defs": {"Leaf": {"type": "string"}}}},
            }
        }
    )
    reading = read_schema_resources(data, tolerant=True)
    result, notes = reading.data, reading.notes
    schemas = result["components"]["schemas"]
    assert schemas["Tree"]["properties"] == {"leaf": {"$ref": "#/components/schemas/Leaf"}, "branch": {"$ref": "#/components/schemas/Branch"}}
    assert schemas["Branch"] == {"properties": {"leaf": {"$ref": "#/components/schemas/Leaf"}}}
    assert schemas["Leaf"] == {"type": "string"}
    assert len(notes) == 1 and "(3 places" in notes[0].message


def test_documents_without_these_keywords_are_returned_as_they_are() -> None:
    data = _spec({"A": {"properties": {"b": {"$ref": "#/components/schemas/B"}}}, "B": {"type": "string"}})
    reading = read_schema_resources(data, tolerant=True)
    result, notes = reading.data, reading.notes
    assert result is data and notes == []


def test_an_unknown_dynamic_anchor_reads_as_any_value() -> None:
    data = _spec({"A": {"properties": {"b": {"$dynamicRef": "#nowhere"}}}})
    reading = read_schema_resources(data, tolerant=True)
    result, notes = reading.data, reading.notes
    assert result["components"]["schemas"]["A"]["properties"]["b"] == {}
    assert "names no anchor" in notes[0].message


# ------------------------------------------------------------------ keywords that shape values


def test_const_is_a_literal() -> None:
    models = generated("const").text("models.py")
    assert '    kind: Literal["signup"]\n' in models
    assert "    version: Literal[2]\n" in models
    assert "    test: Literal[False] | None = None" in models


def test_prefix_items_is_a_list_with_its_positions_documented() -> None:
    made = generated("prefix-items")
    models = made.text("models.py")
    assert "    position: list[Any]\n" in models
    assert "Items by position: `number`, `number`, `string`; no more items." in models
    assert "    bounds: list[int] | None = None\n" in models  # positions of one type: a list of it
    assert "Items by position: `integer`; then items of `string`." in models
    assert '"position": [1.5, 1.5, "example"]' in made.tests_text().replace("\n", "").replace("    ", "").replace("[ ", "[").replace(",]", "]")


def test_dependent_required_is_documented_and_met_by_the_examples() -> None:
    made = generated("dependent-required")
    assert "When `creditCard` is present, `billingAddress` must be present too." in made.text("models.py")
    assert '"creditCard": "4111111111111111", "billingAddress": "example"' in made.tests_text()


def test_unevaluated_properties_false_drops_what_no_part_declares() -> None:
    tests = generated("unevaluated-properties").tests_text()
    assert '{"name": "Ada", "balance": 3}' in tests  # the document's example, its undeclared member left out
    assert "nickname" not in tests


def test_if_then_else_warns_once_and_examples_take_a_branch() -> None:
    made = generated("if-then-else")
    lines = [line for line in made.warnings.splitlines() if "if/then/else" in line]
    assert len(lines) == 1 and "if-then-else.yaml:37:9: warning:" in lines[0]
    assert "    postal_code: str" in made.text("models.py")
    assert '{"country": "US", "postalCode": "11111"}' in made.tests_text()


def test_content_encoding_base64_is_bytes_in_python_and_base64_on_the_wire() -> None:
    made = generated("content-encoding")
    models = made.text("models.py")
    assert "from ._models import BASE64 as _BASE64" in models
    assert "    data: Annotated[bytes, _BASE64]\n" in models
    assert "    pages: Annotated[list[bytes] | None, _BASE64] = None\n" in models
    assert "`image/png` content, base64-encoded on the wire." in models  # contentMediaType documented
    assert "    caption: str | None = None\n" in models  # a media type alone: still text
    resource = made.text("resources/attachments.py")
    assert "        data: bytes,\n" in resource and '"data": as_base64(data),' in resource
    tests = made.tests_text()
    assert 'data=bytes.fromhex("89504e470d0a1a0a")' in tests  # the document's PNG example, as bytes
    script = """
import pydantic
from js_content_encoding import models
from js_content_encoding._wire import as_base64, to_wire
read = models.Attachment.model_validate({"name": "a", "data": "iVBORw0KGgo=", "pages": ["aGVsbG8="]})
assert read.data == b"\\x89PNG\\r\\n\\x1a\\n" and read.pages == [b"hello"], read
assert to_wire(read) == {"name": "a", "data": "iVBORw0KGgo=", "pages": ["aGVsbG8="]}
made = models.Attachment(name="b", data=b"\\x00\\x01")
assert made.data == b"\\x00\\x01" and to_wire(made) == {"name": "b", "data": "AAE="}
assert made.model_dump(mode="json")["data"] == "AAE="
assert to_wire({"data": as_base64(b"hi"), "pages": as_base64([b"hi"])}) == {"data": "aGk=", "pages": ["aGk="]}
try:
    models.Attachment.model_validate({"name": "c", "data": "not base64!"})
except pydantic.ValidationError as error:
    assert "not base64 text" in str(error)
else:
    raise AssertionError("text that is no base64 was accepted")
print("ok")
"""
    completed = subprocess.run([sys.executable, "-c", script], cwd=made.folder.parent, capture_output=True, text=True, timeout=120)
    assert completed.stdout.strip() == "ok", completed.stdout + completed.stderr



def test_identifiers_no_uri_parser_reads_are_ignored_without_a_traceback() -> None:
    data = _spec({"A": {"$id": "http://[broken", "properties": {"b": {"$dynamicRef": "http://[x#node"}}}})
    reading = read_schema_resources(data, tolerant=True)
    result, notes = reading.data, reading.notes
    assert result["components"]["schemas"]["A"] == {"properties": {"b": {}}}
    assert len(notes) == 1 and "names no anchor" in notes[0].message


def test_warnings_about_a_lifted_schema_point_where_it_was_written(tmp_path: Path) -> None:
    text = (FIXTURES / "defs.yaml").read_text(encoding="utf-8")
    broken = text.replace("            label:\n              type: string", "            label:\n              type: strang", 1)
    assert broken != text
    spec = tmp_path / "defs.yaml"
    spec.write_text(broken, encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "generator", "--no-cache", "generate", str(spec), "--package", "bad", "--out", str(tmp_path / "out")],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    output = completed.stdout + completed.stderr
    parse_line = next(line for line in output.splitlines() if "unknown schema type 'strang'" in line)
    check_line = next(line for line in output.splitlines() if "'strang' is not valid" in line)
    assert parse_line.startswith(f"{spec}:41:15: warning:"), parse_line  # Node's `label`, under Tree's $defs
    assert check_line.startswith(f"{spec}:41:21: warning:"), check_line
