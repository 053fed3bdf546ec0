"""Warnings are printed whole (`--max-width N` cuts them between words), and JSON documents are
located by line:column as YAML ones are, also where YAML cannot read them and above the size where
composing YAML would cost seconds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from generator.ground.diagnostics import cut_line
from generator.ground.pointers import join_pointer
from generator.load import load_spec
from generator.load.json_positions import JsonPositions
from generator.load.places import YAML_LINES_LIMIT
from generator.validate import validate_spec
from tests.conftest import REPO, minimal_spec, run_cli

# The readOnly mark on array items: a parse-stage warning of 250 characters.
LONG_WARNING = minimal_spec(
    paths={"/things": {"get": {"operationId": "listThings", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}},
    components={"schemas": {"Thing": {"type": "object", "properties": {"tags": {"type": "array", "items": {"type": "string", "readOnly": True}}}}}},
)
LONG_TAIL = "the contract tests check them without the mark (at #/components/schemas/Thing/properties/tags/items)"


def warning_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": warning: " in line]


def test_warnings_are_whole_by_default(tmp_path: Path) -> None:
    (tmp_path / "spec.json").write_text(json.dumps(LONG_WARNING, indent=2))
    result = run_cli("generate", "spec.json", "--package", "things", "--out", "out", "--no-project", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [line] = [line for line in warning_lines(result.stderr) if "readOnly/writeOnly on array items" in line]
    assert len(line) > 200 and line.endswith(LONG_TAIL), line
    # a parse-stage warning on a JSON document has its line and column: `"items": {` opens on line 38, column 22
    assert line.startswith("spec.json:38:22: warning: "), line


def test_max_width_cuts_warnings_between_words(tmp_path: Path) -> None:
    (tmp_path / "spec.json").write_text(json.dumps(LONG_WARNING, indent=2))
    # before the command's name as after it (a subcommand's defaults once undid the options before it)
    result = run_cli("--max-width", "80", "generate", "spec.json", "--package", "things", "--out", "out", "--no-project", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = warning_lines(result.stderr)
    assert lines and all(len(line) <= 80 for line in lines), lines
    [line] = [line for line in lines if "readOnly" in line]
    kept, whole = line.removesuffix("..."), result_whole(tmp_path)
    assert line.endswith("...") and whole.startswith(kept) and whole[len(kept)] == " ", (line, whole)
    refused = run_cli("generate", "spec.json", "--package", "things", "--out", "out", "--max-width", "5", cwd=tmp_path)
    assert refused.returncode == 2 and "--max-width" in refused.stderr


def result_whole(folder: Path) -> str:
    """The whole line the cut one came from (the cache answers: nothing is generated again)."""
    result = run_cli("generate", "spec.json", "--package", "things", "--out", "out", "--no-project", cwd=folder)
    return next(line for line in warning_lines(result.stderr) if "readOnly" in line)


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("short enough", 20, "short enough"),
        ("spec.yaml: warning: the quick brown fox", 30, "spec.yaml: warning: the..."),
        ("a-single-word-longer-than-the-width", 20, "a-single-word-lon..."),
    ],
)
def test_cut_line(text: str, width: int, expected: str) -> None:
    assert cut_line(text, width) == expected and len(cut_line(text, width)) <= width


def test_an_error_in_a_json_document_is_located(tmp_path: Path) -> None:
    spec = minimal_spec(paths={"/a": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Nope"}}}}}}}})
    (tmp_path / "spec.json").write_text(json.dumps(spec, indent=2))
    result = run_cli("generate", "spec.json", "--package", "a", "--out", "out", "--strict", cwd=tmp_path)  # tolerant: typed as Any
    assert result.returncode == 1
    # `"$ref": "#/components/schemas/Nope"` is line 21; its value starts at column 27
    assert result.stderr.startswith("error: spec.json:21:27: $ref '#/components/schemas/Nope' does not resolve"), result.stderr


def test_json_that_yaml_cannot_read_is_located(tmp_path: Path) -> None:
    """A raw C1 control character is valid in a JSON string but not in YAML (sendgrid's document has one)."""
    spec = minimal_spec(info={"title": "T\u009f", "version": "1"}, paths={"/a": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": ["string", "null"]}}}}}}}})
    spec["openapi"] = "3.0.3"
    text = json.dumps(spec, indent=2, ensure_ascii=False)
    with pytest.raises(yaml.YAMLError):
        yaml.compose(text, Loader=yaml.SafeLoader)
    (tmp_path / "spec.json").write_text(text, encoding="utf-8")
    warnings = validate_spec(load_spec(tmp_path / "spec.json", "spec.json"))
    [line] = [warning for warning in warnings if "type [string, null]" in warning]
    assert line.startswith("spec.json:21:27: warning: ")  # `"type": [` on line 21, line


def test_a_json_document_above_the_yaml_size_limit_is_located(tmp_path: Path) -> None:
    spec = minimal_spec(paths={"/a": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": ["string", "null"]}}}}}}}})
    spec["openapi"] = "3.0.3"
    spec["info"]["description"] = "x" * YAML_LINES_LIMIT
    (tmp_path / "spec.json").write_text(json.dumps(spec, indent=2))
    warnings = validate_spec(load_spec(tmp_path / "spec.json", "spec.json"))
    [line] = [warning for warning in warnings if "type [string, null]" in warning]
    assert line.startswith("spec.json:22:27: warning: ")  # below info's description: line 22, line


def pointers(value: Any, pointer: str = "#") -> Iterator[str]:
    yield pointer
    if isinstance(value, dict):
        for key, item in value.items():
            yield from pointers(item, join_pointer(pointer, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from pointers(item, join_pointer(pointer, index))


def yaml_position(root: yaml.Node | None, pointer: str) -> tuple[int, int]:
    node = root
    assert node is not None
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        node = next(value for key, value in node.value if key.value == token) if isinstance(node, yaml.MappingNode) else node.value[int(token)]
    return node.start_mark.line + 1, node.start_mark.column + 1


@pytest.mark.parametrize("layout", ["indented", "compact", "one member per line, no indent"])
@pytest.mark.parametrize("provider", ["alfred", "raydocs"])
def test_json_positions_agree_with_yaml_composing(provider: str, layout: str) -> None:
    """Every value of a real document, written as JSON three ways, is where YAML's composer finds it."""
    data = yaml.safe_load((REPO / "specs" / f"{provider}.yaml").read_text())
    data = json.loads(json.dumps(data, default=str))
    layouts: dict[str, dict[str, Any]] = {"indented": {"indent": 2}, "compact": {"separators": (",", ":")}, "one member per line, no indent": {"indent": 0}}
    text = json.dumps(data, ensure_ascii=False, **layouts[layout])
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    positions = JsonPositions(text)
    checked = [pointer for pointer in pointers(data) if "%" not in pointer]
    assert len(checked) > 500
    for pointer in checked:
        assert positions.line_column(pointer) == yaml_position(root, pointer), pointer


def test_json_positions_of_missing_members_and_spellings() -> None:
    text = '{\n  "a": {"b": [10, 2.50, true]},\n  "c": "yes"\n}'
    positions = JsonPositions(text)
    assert positions.line_column("#/a/b/1") == (2, 19)
    assert positions.line_column("#/a/missing/deeper") == (2, 8)  # the deepest value on the way
    assert positions.line_column("#/a/b/9") == (2, 14)  # the list
    assert positions.scalar_text("#/a/b/1", 2.5) == "2.50"
    assert positions.scalar_text("#/a/b/2", True) == "true"
    assert positions.scalar_text("#/c", "yes") is None  # a string is spelled as itself
    assert positions.scalar_text("#/a/b/0", 11) is None

