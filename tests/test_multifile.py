"""Documents split over many files: bundled into one document with named components, located in
the file each part came from."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from generator.ground.diagnostics import SpecError
from generator.load import bundle as bundle_module
from generator.load import load_spec
from generator.pipeline import Job, build, read_spec, write_all
from generator.validate import validate_spec

HEAD = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\nservers: [{url: 'https://api.example.test'}]\n"


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return folder / next(iter(files))


def operation(schema_ref: str, operation_id: str = "getThing", path: str = "/thing") -> str:
    return (
        f"paths:\n  {path}:\n    get:\n      operationId: {operation_id}\n      responses:\n        '200':\n"
        f"          description: ok\n          content:\n            application/json:\n              schema: {{$ref: '{schema_ref}'}}\n"
    )


def schemas(data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = data["components"]["schemas"]
    return result


def test_recursion_within_a_referenced_file_stays_a_named_model(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "api.yaml": HEAD + operation("models.yaml#/Node"),
            "models.yaml": "Node:\n  type: object\n  properties:\n    children: {type: array, items: {$ref: '#/Node'}}\n",
        },
    )
    data = load_spec(root).data
    assert schemas(data)["Node"]["properties"]["children"]["items"] == {"$ref": "#/components/schemas/Node"}
    assert data["paths"]["/thing"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Node"}


def test_recursion_across_two_files(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "api.yaml": HEAD + operation("schemas/Folder.yaml"),
            "schemas/Folder.yaml": "type: object\nproperties:\n  files: {type: array, items: {$ref: File.yaml}}\n",
            "schemas/File.yaml": "type: object\nproperties:\n  parent: {$ref: './Folder.yaml'}\n  name: {type: string}\n",
        },
    )
    found = schemas(load_spec(root).data)
    assert found["Folder"]["properties"]["files"]["items"] == {"$ref": "#/components/schemas/File"}
    assert found["File"]["properties"]["parent"] == {"$ref": "#/components/schemas/Folder"}


def test_names_come_from_keys_and_stems_and_a_target_is_one_component(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "api.yaml": HEAD + operation("models.yaml#/definitions/Pet") + operation("models.yaml#/definitions/Pet", "other", "/other")[6:] + (
                "components:\n  schemas:\n    Owner: {$ref: 'owner/Owner.json'}\n"
            ),
            "models.yaml": "definitions:\n  Pet: {type: object, properties: {owner: {$ref: 'owner/Owner.json'}}}\n",
            "owner/Owner.json": '{"type": "object", "properties": {"id": {"type": "integer"}}}',
        },
    )
    data = load_spec(root).data
    assert sorted(schemas(data)) == ["Owner", "Pet"]
    assert schemas(data)["Owner"]["properties"]["id"] == {"type": "integer"}  # the root's own name keeps the file's content
    assert schemas(data)["Pet"]["properties"]["owner"] == {"$ref": "#/components/schemas/Owner"}


def test_name_collisions_are_numbered_in_order(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "api.yaml": HEAD + operation("a/Pet.yaml") + (
                "components:\n  schemas:\n    Pet: {type: string}\n    Both: {type: object, properties: {a: {$ref: 'a/Pet.yaml'}, b: {$ref: 'b/Pet.yaml'}}}\n"
            ),
            "a/Pet.yaml": "type: object\nproperties: {x: {type: integer}}\n",
            "b/Pet.yaml": "type: object\nproperties: {y: {type: integer}}\n",
        },
    )
    first = load_spec(root).data
    assert schemas(first)["Pet"] == {"type": "string"}
    assert "x" in schemas(first)["Pet2"]["properties"] and "y" in schemas(first)["Pet3"]["properties"]
    assert load_spec(root).data == first  # the same names every time


def test_shared_responses_and_parameters_are_lifted_once(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "api.yaml": HEAD
            + "paths:\n"
            + "".join(
                f"  /{name}:\n    get:\n      operationId: {name}\n      parameters: [{{$ref: 'common.yaml#/Limit'}}]\n"
                f"      responses: {{'404': {{$ref: 'common.yaml#/NotFound'}}, '200': {{description: ok}}}}\n"
                for name in ("a", "b")
            ),
            "common.yaml": "Limit: {name: limit, in: query, schema: {type: integer}}\n"
            "NotFound: {description: gone, content: {application/json: {schema: {type: object, properties: {m: {type: string}}}}}}\n",
        },
    )
    data = load_spec(root).data
    assert list(data["components"]["responses"]) == ["NotFound"] and list(data["components"]["parameters"]) == ["Limit"]
    assert data["paths"]["/b"]["get"]["responses"]["404"] == {"$ref": "#/components/responses/NotFound"}


def test_path_items_are_inlined_and_their_refs_mean_their_file(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "api.yaml": HEAD + "paths:\n  /pets: {$ref: 'paths/pets.yaml'}\n",
            "paths/pets.yaml": "get:\n  operationId: listPets\n  responses:\n    '200':\n      description: ok\n"
            "      content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}\n"
            "components:\n  schemas:\n    Pet: {type: object, properties: {name: {type: string}}}\n",
        },
    )
    data = load_spec(root).data
    assert "get" in data["paths"]["/pets"]
    assert schemas(data)["Pet"]["properties"]["name"] == {"type": "string"}


def test_refs_under_extensions_are_not_followed(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {"api.yaml": HEAD + "x-tools: {$ref: '../../outside.yaml'}\n" + operation("m.yaml#/M").replace("get:\n", "get:\n      x-code: {$ref: 'https://example.com/x.yaml'}\n", 1),
         "m.yaml": "M: {type: object, x-more: {$ref: '/etc/passwd'}}\n"},
    )
    loaded = read_spec(root)
    validate_spec(loaded)
    assert loaded.data["x-tools"] == {"$ref": "../../outside.yaml"}
    assert schemas(loaded.data)["M"]["x-more"] == {"$ref": "/etc/passwd"}


def test_embedded_schema_ids_are_not_files(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "api.yaml": HEAD + operation("m.yaml#/Box"),
            "m.yaml": "Box:\n  $id: 'https://example.com/box'\n  type: object\n  properties:\n    item: {$ref: item}\n    other: {$ref: '#/$defs/item'}\n    named: {$ref: '#thing'}\n"
            "  $defs:\n    item: {$id: item, $anchor: thing, type: string}\n",
        },
    )
    box = schemas(load_spec(root).data)["Box"]
    assert box["properties"]["item"] == {"$ref": "item"}
    assert box["properties"]["other"] == {"$ref": "#/$defs/item"}
    assert box["properties"]["named"] == {"$ref": "#thing"}


@pytest.mark.parametrize(
    ("ref", "problem", "hint"),
    [
        ("../../outside.yaml#/x", "leaves the spec's folder", "move the file there"),
    ],
)
def test_unsafe_refs_in_a_referenced_file_are_refused_where_they_are(tmp_path: Path, ref: str, problem: str, hint: str) -> None:
    (tmp_path / "outside.yaml").write_text("x: {type: string}\n")
    folder = tmp_path / "spec"
    root = write(folder, {"api.yaml": HEAD + operation("schemas/pet.yaml"), "schemas/pet.yaml": f"type: object\nproperties:\n  tag:\n    $ref: '{ref}'\n"})
    with pytest.raises(SpecError) as error:
        load_spec(root)
    message = str(error.value)
    assert message.startswith("schemas/pet.yaml:4:11: ") and problem in message and hint in message


@pytest.mark.parametrize("ref", ["https://example.com/pet.yaml#/Pet", "//example.com/pet.yaml"])
def test_a_url_ref_is_never_fetched_and_costs_only_its_part(tmp_path: Path, ref: str) -> None:
    folder = tmp_path / "spec"
    root = write(folder, {"api.yaml": HEAD + operation("schemas/pet.yaml"), "schemas/pet.yaml": f"type: object\nproperties:\n  tag:\n    $ref: '{ref}'\n"})
    with pytest.raises(SpecError) as error:  # --strict: refused where it is written
        validate_spec(read_spec(root, "api.yaml"), strict=True)
    message = str(error.value)
    assert message.startswith("schemas/pet.yaml:4:11: ") and "points at a URL, which is never fetched" in message
    spec = read_spec(root, "api.yaml")
    warnings = validate_spec(spec)
    assert [line for line in warnings if "never fetched" in line] == [
        f"schemas/pet.yaml:4:11: warning: $ref '{ref}' points at a URL, which is never fetched; typed as Any (at #/components/schemas/pet/properties/tag/$ref)"
    ]
    assert spec.data["components"]["schemas"]["pet"]["properties"]["tag"] == {}


def test_a_warning_on_a_schema_from_another_file_is_located_there(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "api.yaml": HEAD + operation("schemas/pet.yaml"),
            "schemas/pet.yaml": "type: object\nproperties:\n  name:\n    type: string\n    default: 12\n",
        },
    )
    warnings = validate_spec(read_spec(root, "api.yaml"))
    located = [line for line in warnings if "default" in line]
    assert located and located[0].startswith("schemas/pet.yaml:5:"), warnings


def test_a_refusal_in_a_referenced_file_is_located_there(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "api.yaml": HEAD + operation("schemas/pet.yaml"),
            "schemas/pet.yaml": "type: object\nproperties:\n  name:\n    $ref: '#/nothing/here'\n",
        },
    )
    with pytest.raises(SpecError) as error:
        load_spec(root)
    assert str(error.value).startswith("schemas/pet.yaml:4:11: ")


def test_each_file_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"api.yaml": HEAD + "paths:\n" + "".join(f"  /p{n}: {{$ref: 'paths/p{n}.yaml'}}\n" for n in range(20))}
    for n in range(20):
        files[f"paths/p{n}.yaml"] = (
            f"get:\n  operationId: op{n}\n  responses:\n    '200':\n      description: ok\n"
            "      content: {application/json: {schema: {$ref: '../models.yaml#/Thing'}}}\n"
        )
    files["models.yaml"] = "Thing: {type: object, properties: {again: {$ref: '#/Thing'}, other: {$ref: 'other.yaml'}}}\n"
    files["other.yaml"] = "type: string\n"
    root = write(tmp_path, files)
    reads: list[Path] = []
    original = bundle_module.documents.read_source

    def counting(path: Path, display: str | None = None) -> Any:
        reads.append(path)
        return original(path, display)

    monkeypatch.setattr(bundle_module.documents, "read_source", counting)
    loaded = load_spec(root)
    assert len(reads) == len(set(reads)) == 22
    assert len(loaded.files) == 23


def test_a_loop_through_path_items_is_refused_with_advice(tmp_path: Path) -> None:
    root = write(tmp_path, {"api.yaml": HEAD + "paths:\n  /a: {$ref: 'a.yaml'}\n", "a.yaml": "$ref: 'b.yaml'\n", "b.yaml": "$ref: 'a.yaml'\n"})
    with pytest.raises(SpecError) as error:
        load_spec(root)
    assert "comes back to itself" in str(error.value) and str(error.value).startswith("b.yaml:1:")


def test_a_whole_text_file_is_its_text(tmp_path: Path) -> None:
    """Redocly's convention: `description: {$ref: intro.md}` is the file's text."""
    root = write(tmp_path, {"api.yaml": HEAD.replace("version: '1'}", "version: '1', description: {$ref: docs/intro.md}}") + "paths: {}\n", "docs/intro.md": "# Intro\n\nSome *text*: here.\n"})
    assert load_spec(root).data["info"]["description"] == "# Intro\n\nSome *text*: here.\n"


def test_a_file_name_holding_a_hash(tmp_path: Path) -> None:
    """PingOne names files `..._{flowID}#clone+json.yaml` and refers to them so: the only reading is the file."""
    root = write(tmp_path, {"api.yaml": HEAD + operation("schemas/Flow#clone.yaml"), "schemas/Flow#clone.yaml": "type: object\nproperties: {id: {type: string}}\n"})
    assert "Flow_clone" in schemas(load_spec(root).data)


def test_recursive_models_across_files_generate_a_client_whose_tests_pass(tmp_path: Path) -> None:
    root = write(
        tmp_path / "spec",
        {
            "api.yaml": HEAD
            + "paths:\n  /folders/{id}: {$ref: 'paths/folder.yaml'}\n  /tree: {$ref: 'paths/tree.yaml'}\n",
            "paths/folder.yaml": "get:\n  operationId: getFolder\n  parameters: [{$ref: '../common.yaml#/parameters/Id'}]\n  responses:\n"
            "    '200': {description: ok, content: {application/json: {schema: {$ref: '../schemas/Folder.yaml'}}}}\n"
            "    '404': {$ref: '../common.yaml#/responses/NotFound'}\n",
            "paths/tree.yaml": "get:\n  operationId: getTree\n  responses:\n"
            "    '200': {description: ok, content: {application/json: {schema: {$ref: '../schemas/tree.yaml#/Node'}}}}\n"
            "    '404': {$ref: '../common.yaml#/responses/NotFound'}\n",
            "schemas/Folder.yaml": "type: object\nrequired: [name]\nproperties:\n  name: {type: string, example: docs}\n"
            "  files: {type: array, items: {$ref: File.yaml}}\n",
            "schemas/File.yaml": "type: object\nrequired: [name]\nproperties:\n  name: {type: string, example: a.txt}\n  folder: {$ref: Folder.yaml}\n",
            "schemas/tree.yaml": "Node:\n  type: object\n  required: [label]\n  properties:\n    label: {type: string, example: root}\n"
            "    children: {type: array, items: {$ref: '#/Node'}}\n",
            "common.yaml": "parameters:\n  Id: {name: id, in: path, required: true, schema: {type: string}}\n"
            "responses:\n  NotFound: {description: not found, content: {application/json: {schema: {$ref: 'schemas/Error.yaml'}}}}\n",
            "schemas/Error.yaml": "type: object\nproperties:\n  message: {type: string}\n",
        },
    )
    out = tmp_path / "out"
    write_all([build(Job("pkg", root, out / "pkg", "api.yaml"), use_cache=False)])
    models = (out / "pkg" / "models.py").read_text()
    for model in ("class Folder(", "class File(", "class Node(", "class Error("):
        assert model in models
    assert "files: list[File] | None" in models and "folder: Folder | None" in models and "children: list[Node] | None" in models
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", "pkg/tests"], cwd=out, capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]


def test_a_swagger_2_document_split_over_files(tmp_path: Path) -> None:
    """2.0's sections: schemas into `definitions`, parameters and responses into theirs; warnings name the file."""
    root = write(
        tmp_path,
        {
            "api.yaml": "swagger: '2.0'\ninfo: {title: t, version: '1'}\nhost: api.example.test\npaths:\n  /pets:\n    get:\n"
            "      operationId: listPets\n      parameters: [{$ref: 'defs/common.yaml#/Limit'}]\n      responses:\n"
            "        '200': {description: ok, schema: {type: array, items: {$ref: 'defs/Pet.yaml'}}}\n"
            "        '404': {$ref: 'defs/common.yaml#/NotFound'}\n",
            "defs/Pet.yaml": "type: object\nproperties:\n  name: {type: string, default: 3}\n  parent: {$ref: Pet.yaml}\n",
            "defs/common.yaml": "Limit: {name: limit, in: query, type: integer}\nNotFound: {description: gone}\n",
        },
    )
    bundled = load_spec(root).data
    assert bundled["definitions"]["Pet"]["properties"]["parent"] == {"$ref": "#/definitions/Pet"}
    assert list(bundled["parameters"]) == ["Limit"] and list(bundled["responses"]) == ["NotFound"]
    warnings = validate_spec(read_spec(root, "api.yaml"))
    assert any(line.startswith("defs/Pet.yaml:3:33: warning: default 3") for line in warnings), warnings


def test_a_whole_list_or_map_in_another_file_is_brought_in(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "api.yaml": HEAD + "paths:\n  /a:\n    get:\n      operationId: a\n      parameters: {$ref: 'common.yaml#/paging'}\n"
            "      responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {$ref: 'common.yaml#/fields'}}}}}}\n",
            "common.yaml": "paging:\n  - {name: page, in: query, schema: {type: integer}}\nfields:\n  id: {type: integer}\n  owner: {$ref: '#/Owner'}\n"
            "Owner: {type: object}\n",
        },
    )
    get = load_spec(root).data["paths"]["/a"]["get"]
    assert get["parameters"] == [{"name": "page", "in": "query", "schema": {"type": "integer"}}]
    properties = get["responses"]["200"]["content"]["application/json"]["schema"]["properties"]
    assert properties == {"id": {"type": "integer"}, "owner": {"$ref": "#/components/schemas/Owner"}}


def test_embedded_ids_in_the_root_and_urls_naming_them_are_not_fetched(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "api.yaml": HEAD + operation("#/components/schemas/Box") + "components:\n  schemas:\n    Box:\n"
            "      $id: 'https://example.com/schemas/box'\n      type: object\n      properties:\n"
            "        by_url: {$ref: 'https://example.com/schemas/item'}\n        relative: {$ref: item}\n"
            "        other: {$ref: 'other.yaml'}\n      $defs:\n        item: {$id: 'https://example.com/schemas/item', type: string}\n",
            "other.yaml": "type: integer\n",
        },
    )
    properties = schemas(load_spec(root).data)["Box"]["properties"]
    assert properties["by_url"] == {"$ref": "https://example.com/schemas/item"} and properties["relative"] == {"$ref": "item"}
    assert properties["other"] == {"$ref": "#/components/schemas/other"}
