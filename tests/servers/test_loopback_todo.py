"""LoopBack 4's example application (npm `@loopback/example-todo`, Node.js): the OpenAPI 3.0 document
it serves at /openapi.json (operationIds `TodoController.create`, a JSON `filter` query parameter)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.servers.clients import generate, imported, served_document
from tests.servers.conftest import selected
from tests.servers.harness import free_port, node_server, started
from tests.servers.scenario import Drive, DriftWatch, Record, Setup, check_names, operation_count

PACKAGE = "@loopback/example-todo@6.0.0"
LAUNCHER = Path(__file__).resolve().parent / "fixtures" / "loopback_todo.js"


@pytest.fixture(scope="module")
def todo_server(clientsmith: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    selected("loopback_todo")
    folder = node_server("loopback_todo", [PACKAGE])
    work = tmp_path_factory.mktemp("loopback")
    port, geocoder = free_port(), free_port()
    url = f"http://127.0.0.1:{port}"
    command = ["node", LAUNCHER, folder / "node_modules" / "@loopback" / "example-todo", str(port), str(geocoder)]
    with started("loopback_todo", command, url=url, ready="/openapi.json", cwd=work):
        document_file = work / "todo_openapi.json"
        document = served_document(url + "/openapi.json", document_file)
        out = work / "client"
        generate(clientsmith, document_file, "todo_client", out)
        with imported(out, "todo_client") as package:
            operations = operation_count(document)
            record = Record("loopback_todo", f"{PACKAGE.rsplit('@', 1)[0]} {PACKAGE.rsplit('@', 1)[1]} (npm, LoopBack 4)", "served at /openapi.json", f"OpenAPI {document['openapi']}", operations)
            with DriftWatch(document, package, record) as watch:
                yield Setup(url, package, record, watch)
            record.save()


async def scenario(setup: Setup, client: Any, drive: Drive, mode: str) -> None:
    step = setup.record.step
    models = setup.package.models
    async with step("create", mode):
        created = await drive(client.todo.create, title=f"buy milk ({mode})", desc="two litres")
        assert isinstance(created, models.Todo) and created.id is not None and created.title == f"buy milk ({mode})"
    async with step("read back", mode):
        read = await drive(client.todo.find_by_id, created.id)
        assert (read.title, read.desc) == (created.title, "two litres")
    async with step("update", mode):
        assert await drive(client.todo.update_by_id, created.id, is_complete=True) is None  # 204
        assert (await drive(client.todo.find_by_id, created.id)).is_complete is True
        await drive(client.todo.replace_by_id, created.id, title=f"buy oat milk ({mode})")
        assert (await drive(client.todo.find_by_id, created.id)).title == f"buy oat milk ({mode})"
    async with step("walk pages", mode):
        for number in range(5):
            await drive(client.todo.create, title=f"{mode} page item {number}")
        walked: list[str] = []
        skip = 0
        while True:  # the API pages by `filter.skip` and `filter.limit`, with no total: a short page ends it
            page = await drive(client.todo.find, filter=models.TodoFilter1(limit=2, skip=skip, where={"title": {"like": f"{mode} page item"}}, order=["id ASC"]))
            walked += [item.title for item in page]
            skip += 2
            if len(page) < 2:
                break
        assert walked == [f"{mode} page item {number}" for number in range(5)]
        counted = await drive(client.todo.count, where={"title": {"like": f"{mode} page item"}})
        assert counted.count == 5
    async with step("delete", mode):
        assert await drive(client.todo.delete_by_id, created.id) is None
    async with step("error status", mode):
        gone = await drive.fails(setup.package.NotFoundError, client.todo.find_by_id, created.id)
        assert gone.status_code == 404 and gone.body["error"]["code"] == "ENTITY_NOT_FOUND"  # type: ignore[attr-defined]
        invalid = await drive.fails(setup.package.UnprocessableEntityError, client.todo.create, body=models.NewTodo.model_construct(desc="no title"))
        assert invalid.status_code == 422  # type: ignore[attr-defined]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_loopback_todo_scenario(todo_server: Setup, mode: str) -> None:
    todo_server.run(scenario, mode)
    todo_server.record.steps.setdefault("stream", {})[mode] = "n/a: no streamed reply"


def test_loopback_todo_names_read_as_a_person_would_write_them(todo_server: Any) -> None:
    check_names(todo_server.record, todo_server.package)
