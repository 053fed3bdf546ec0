"""Jupyter Server (PyPI `jupyter_server`, Tornado): the Swagger 2.0 document it ships
(`jupyter_server/services/api/api.yaml`, no operationIds), through a client named from its routes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.servers.clients import generate, imported
from tests.servers.conftest import selected
from tests.servers.harness import free_port, python_server, started
from tests.servers.scenario import Drive, DriftWatch, Record, Setup, check_names, operation_count

REQUIREMENTS = ("jupyter_server==2.21.1", "ipykernel==7.4.0")
TOKEN = "clientsmith-token"


@pytest.fixture(scope="module")
def jupyter(clientsmith: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    selected("jupyter_server")
    bin_folder = python_server("jupyter_server", REQUIREMENTS)
    work = tmp_path_factory.mktemp("jupyter")
    (work / "root").mkdir()
    (site,) = (bin_folder.parent / "lib").glob("python3.*/site-packages")
    document_file = site / "jupyter_server" / "services" / "api" / "api.yaml"
    document = yaml.safe_load(document_file.read_text(encoding="utf-8"))
    copy = work / "jupyter_api.yaml"
    copy.write_bytes(document_file.read_bytes())
    out = work / "client"
    generate(clientsmith, copy, "jupyter_client", out)
    port = free_port()
    environment = {"JUPYTER_CONFIG_DIR": str(work / "config"), "JUPYTER_DATA_DIR": str(work / "data"), "JUPYTER_RUNTIME_DIR": str(work / "runtime"), "JUPYTER_PLATFORM_DIRS": "1"}
    command = [
        bin_folder / "jupyter", "server", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0", f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={work / 'root'}",
    ]
    url = f"http://127.0.0.1:{port}"
    with started("jupyter_server", command, url=url, ready="/api/status", cwd=work, env=environment, ready_status=(200, 403)) as _server, imported(out, "jupyter_client") as package:
        operations = operation_count(document)
        record = Record("jupyter_server", f"jupyter_server {REQUIREMENTS[0].split('==')[1]} (PyPI)", "shipped in the package: jupyter_server/services/api/api.yaml", "Swagger 2.0", operations)
        record.notes.append("The document declares no security; the server wants its token (`Authorization: token ...`), given as a default header.")
        with DriftWatch(document, package, record) as watch:
            yield Setup(url, package, record, watch)
        record.save()


async def scenario(setup: Setup, client: Any, drive: Drive, mode: str) -> None:
    step = setup.record.step
    models = setup.package.models
    name = f"notes-{mode}.txt"
    async with step("create", mode):
        folder = await drive(client.contents.create, "", type="directory")
        assert isinstance(folder, models.Contents) and folder.type == "directory" and folder.name.startswith("Untitled Folder")
        created = await drive(client.contents.replace, name, type="file", format="text", content="hello")
        assert isinstance(created, models.Contents) and created.path == name  # answered 201 where 200 is documented too
    async with step("read back", mode):
        read = await drive(client.contents.retrieve, name)
        assert read.content == "hello" and read.format == "text"
    async with step("update", mode):
        renamed = await drive(client.contents.update, name, body_path=f"renamed-{name}")
        assert renamed.path == f"renamed-{name}"
        saved = await drive(client.contents.replace, f"renamed-{name}", type="file", format="text", content="hello again")
        assert saved.size == len("hello again")
    async with step("list", mode):
        listing = await drive(client.contents.retrieve, "")
        names = {entry["name"] for entry in listing.content}  # a list where the document says string: kept as sent
        assert f"renamed-{name}" in names and folder.name in names
    async with step("kernels and sessions", mode):
        kernel = await drive(client.kernels.create, name="python3")
        assert kernel.id in {item.id for item in await drive(client.kernels.list)}
        await drive(client.kernels.interrupt, kernel.id)
        session = await drive(client.sessions.create, path=f"s-{mode}.ipynb", name=f"s-{mode}.ipynb", type="notebook", kernel={"id": kernel.id})
        updated = await drive(client.sessions.update, session.id, path=f"t-{mode}.ipynb")
        assert updated.path == f"t-{mode}.ipynb"
        assert session.id in {item.id for item in await drive(client.sessions.list)}
        await drive(client.sessions.delete, session.id)  # shuts its kernel down too
        assert kernel.id not in {item.id for item in await drive(client.kernels.list)}
    async with step("delete", mode):
        assert await drive(client.contents.delete, f"renamed-{name}") is None
        await drive(client.contents.delete, folder.path)
    async with step("error status", mode):
        missing = await drive.fails(setup.package.NotFoundError, client.contents.retrieve, f"renamed-{name}")
        assert missing.status_code == 404  # type: ignore[attr-defined]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_jupyter_server_scenario(jupyter: Setup, mode: str) -> None:
    jupyter.run(scenario, mode, default_headers={"Authorization": f"token {TOKEN}"})
    jupyter.record.steps.setdefault("walk pages", {})[mode] = "n/a: no paged operation"
    jupyter.record.steps.setdefault("stream", {})[mode] = "n/a: streams only over websockets"


def test_jupyter_server_names_read_as_a_person_would_write_them(jupyter: Any) -> None:
    check_names(jupyter.record, jupyter.package)
