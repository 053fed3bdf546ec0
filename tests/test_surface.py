"""The generated surface: views of the one method (typed through ParamSpec), docstrings in a user's
words, and a large API's models split into modules defined on first use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.plan import model_modules
from generator.render.filters import api_name
from tests.conftest import minimal_spec
from tests.stream_packages import STREAMS_FIXTURE, generated_package
from tests.test_contract_fixes import assert_generated_tests_pass, generate, imported

REPO = Path(__file__).resolve().parent.parent


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _get(operation_id: str, tag: str, schema: dict[str, Any], **extra: Any) -> dict[str, Any]:
    content = {"application/json": {"schema": schema}}
    return {"get": {"operationId": operation_id, "tags": [tag], "responses": {"200": {"description": "ok", "content": content}}, **extra}}


SPLIT_SPEC = minimal_spec(
    paths={
        "/pets/{id}": _get("getPet", "pets", _ref("Pet"), parameters=[{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]),
        "/owners": _get("listOwners", "owners", {"type": "array", "items": _ref("Owner")}),
        "/graph": _get("getGraph", "graph", _ref("Node")),
    },
    webhooks={"petAdded": {"post": {"requestBody": {"content": {"application/json": {"schema": _ref("Hook")}}}, "responses": {"200": {"description": "ok"}}}}},
    components={
        "schemas": {
            "Tag": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
            "Pet": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}, "tag": _ref("Tag")}},
            "Owner": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "tag": _ref("Tag")}},
            # mutually recursive: one module, forward references resolved in it
            "Node": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}, "edges": {"type": "array", "items": _ref("Edge")}}},
            "Edge": {"type": "object", "properties": {"to": _ref("Node"), "tag": _ref("Tag")}},
            "Hook": {"type": "object", "properties": {"pet": _ref("Pet"), "note": {"type": "string"}}},
            "Stray": {"type": "object", "properties": {"x": {"type": "integer"}}},
        }
    },
)


@pytest.fixture
def split_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(model_modules, "SPLIT_THRESHOLD", 0)
    return generate(tmp_path, SPLIT_SPEC)


def test_models_split_by_the_resources_that_use_them(split_package: Path) -> None:
    folder = split_package / "pkg" / "models"
    assert sorted(path.name for path in folder.iterdir() if path.suffix == ".py") == [
        "__init__.py", "_shared.py", "_unused.py", "_webhooks.py", "graph.py", "owners.py", "pets.py",
    ]
    text = {path.stem: path.read_text(encoding="utf-8") for path in folder.glob("*.py")}
    assert "class Tag(" in text["_shared"] and "class Pet(" in text["pets"] and "class Owner(" in text["owners"]
    assert "class Node(" in text["graph"] and "class Edge(" in text["graph"] and "from ._shared import Tag" in text["graph"]
    assert "class Hook(" in text["_webhooks"] and "from .pets import Pet" in text["_webhooks"] and "class Stray(" in text["_unused"]
    assert "import" not in text["_shared"].split("from .._models import discriminate as _discriminate")[1].split("class ")[0]


def test_split_models_import_on_first_use_and_resolve_across_modules(split_package: Path) -> None:
    with imported(split_package) as pkg, httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(200, json={"id": "n1", "edges": [{"to": {"id": "n2"}, "tag": {"name": "t"}}]}))) as http:
        assert "pkg.models.graph" not in sys.modules
        node = pkg.Client(http_client=http).graph.get()
        assert "pkg.models._webhooks" not in sys.modules and "pkg.models._unused" not in sys.modules
        from pkg.models import Edge, Node  # type: ignore[import-not-found]

        assert isinstance(node, Node) and isinstance(node.edges[0], Edge) and isinstance(node.edges[0].to, Node)
        assert node.edges[0].tag.name == "t" and type(node.edges[0].tag) is pkg.models.Tag
        assert pkg.models.Hook.model_validate({"pet": {"id": "p"}}).pet.id == "p"
        assert "Stray" in dir(pkg.models)
        with pytest.raises(AttributeError):
            pkg.models.Nothing  # noqa: B018


def test_split_package_type_checks_and_its_tests_pass(split_package: Path) -> None:
    assert_generated_tests_pass(split_package)
    user = split_package / "user_code.py"
    user.write_text(
        "from pkg import Client, models\nfrom pkg.models import Node\n\n"
        "client = Client()\n"
        "reveal_type(client.graph.get())\n"
        "reveal_type(client.pets.with_raw_response.get('1'))\n"
        "stray: models.Stray = models.Stray(x=1)\n"
        "node: Node = client.graph.get()\n"
        "models.Nope  # a misspelt model stays an error (no module __getattr__ for type checkers)\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", "pkg", str(user)],
        cwd=split_package, capture_output=True, text=True, timeout=600,
    )
    assert 'Revealed type is "pkg.models.graph.Node"' in done.stdout, done.stdout
    assert 'Revealed type is "pkg._client_base.RawResponse[pkg.models.pets.Pet]"' in done.stdout, done.stdout
    assert 'user_code.py:9: error: Module has no attribute "Nope"' in done.stdout, done.stdout
    assert done.stdout.count("error:") == 1, done.stdout


def test_small_apis_keep_one_models_module(tmp_path: Path) -> None:
    out = generate(tmp_path, SPLIT_SPEC)
    assert (out / "pkg" / "models.py").is_file() and not (out / "pkg" / "models").exists()


def test_views_keep_each_methods_typing_and_overloads() -> None:
    """`with_raw_response` and `with_streaming_response` are typed from the method itself: its
    overloads (a stream flag, a body model or its fields) survive the ParamSpec."""
    folder = generated_package(STREAMS_FIXTURE, "streams32")
    user = folder.parent / "user_views.py"
    user.write_text(
        "from streams32 import Client, AsyncClient\n\n"
        "client = Client()\n"
        "reveal_type(client.chat.completions.with_raw_response.create(model='m', prompt='p', stream=True))\n"
        "reveal_type(client.chat.completions.with_raw_response.create(model='m', prompt='p'))\n"
        "reveal_type(client.chat.completions.with_streaming_response.create(model='m', prompt='p'))\n"
        "async def main() -> None:\n"
        "    reveal_type(await AsyncClient().chat.completions.with_raw_response.create(model='m', prompt='p', stream=True))\n"
        "    reveal_type(AsyncClient().chat.completions.with_streaming_response.create(model='m', prompt='p'))\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", str(user)],
        cwd=folder.parent, capture_output=True, text=True, timeout=600,
    )
    lines = [line.split("Revealed type is ")[1] for line in done.stdout.splitlines() if "Revealed type is" in line]
    assert lines == [
        '"streams32._client_base.RawResponse[streams32._streaming.Stream[streams32.models.CompletionChunk]]"',
        '"streams32._client_base.RawResponse[streams32.models.Completion]"',
        '"streams32._response.StreamedResponseManager[streams32.models.Completion]"',
        '"streams32._client_base.RawResponse[streams32._streaming.AsyncStream[streams32.models.CompletionChunk]]"',
        '"streams32._response.AsyncStreamedResponseManager[streams32.models.Completion]"',
    ], done.stdout


def test_docstrings_name_the_error_class_and_how_to_page() -> None:
    sessions = (REPO / "generated" / "raydocs" / "resources" / "sessions.py").read_text(encoding="utf-8")
    assert "NotFoundError: on 404, with `body` parsed as `models.Error`." in sessions
    assert "APIStatusError: on" not in sessions
    assert "`for item in iter_list_documents(...)` walks every page: it asks for page `page` = 1, 2, ... in turn" in sessions
    assert "x-pagination" not in sessions


def test_a_title_ending_in_api_gets_no_second() -> None:
    assert api_name("OpenAI API") == "OpenAI API"
    assert api_name("Petstore") == "Petstore API"
    assert api_name("My api") == "My api"
    assert api_name("OpenAPI Petstore") == "OpenAPI Petstore API"
