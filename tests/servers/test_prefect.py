"""Prefect's server (PyPI `prefect`, FastAPI): the OpenAPI 3.1 document it serves at /api/openapi.json,
with FastAPI's generated operationIds, creates answered 201 where 200 is documented, and pages in
JSON request bodies."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.servers.clients import generate, imported, served_document
from tests.servers.conftest import selected
from tests.servers.harness import free_port, python_server, started
from tests.servers.scenario import Drive, DriftWatch, Record, Setup, check_names, operation_count

REQUIREMENTS = ("prefect==3.9.1",)


@pytest.fixture(scope="module")
def prefect(clientsmith: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    selected("prefect")
    bin_folder = python_server("prefect", REQUIREMENTS)
    work = tmp_path_factory.mktemp("prefect")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    environment = {
        "PREFECT_HOME": str(work), "PREFECT_API_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{work}/prefect.db",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_SERVER_UI_ENABLED": "false", "DO_NOT_TRACK": "1", "PREFECT_LOGGING_LEVEL": "WARNING",
    }
    command = [bin_folder / "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port), "--no-services", "--no-ui", "--analytics-off"]
    with started("prefect", command, url=url, ready="/api/health", cwd=work, env=environment, wait=240):
        document_file = work / "prefect_openapi.json"
        document = served_document(url + "/api/openapi.json", document_file)
        out = work / "client"
        generate(clientsmith, document_file, "prefect_client", out)
        with imported(out, "prefect_client") as package:
            operations = operation_count(document)
            record = Record("prefect", f"prefect {REQUIREMENTS[0].split('==')[1]} (PyPI, FastAPI)", "served at /api/openapi.json", f"OpenAPI {document['openapi']}", operations)
            record.notes.append("FastAPI operationIds (`create_flow_flows__post`) give `client.flows.create`, `.read`, `.update`, `.delete`, `.count`, `.read_by_name`, `.bulk_delete`; `iter_paginate` walks pages whose number travels in the JSON body.")
            with DriftWatch(document, package, record) as watch:
                yield Setup(url + "/api", package, record, watch)
            record.save()


async def scenario(setup: Setup, client: Any, drive: Drive, mode: str) -> None:
    step = setup.record.step
    models = setup.package.models
    async with step("create", mode):
        flow = await drive(client.flows.create, name=f"etl-{mode}", tags=["nightly"])  # 201, where the document says 200
        assert isinstance(flow, models.Flow) and flow.name == f"etl-{mode}" and flow.tags == ["nightly"]
        variable = await drive(client.variables.create, name=f"threshold_{mode}", value={"max": 3}, tags=("limits",))
        assert isinstance(variable, models.Variable) and variable.value == {"max": 3}
    async with step("read back", mode):
        read = await drive(client.flows.read, flow.id)
        assert read.id == flow.id and read.name == flow.name
        assert (await drive(client.flows.read_by_name, f"etl-{mode}")).id == flow.id
    async with step("update", mode):
        assert await drive(client.flows.update, flow.id, tags=["hourly"]) is None  # 204
        assert (await drive(client.flows.read, flow.id)).tags == ["hourly"]
        await drive(client.variables.update, variable.id, value="four")
        assert (await drive(client.variables.read, variable.id)).value == "four"
    async with step("walk pages", mode):
        for number in range(4):
            await drive(client.flows.create, name=f"{mode}-paged-{number}")
        matching = models.FlowFilter(name=models.FlowFilterName(like_=f"{mode}-paged-"))
        names = [item.name for item in await drive.all(client.flows.iter_paginate(limit=3, flows=matching, sort="NAME_ASC"))]
        assert names == [f"{mode}-paged-{number}" for number in range(4)]  # two pages, the page number in the body
        assert await drive(client.flows.count, flows=matching) == 4
    async with step("delete", mode):
        assert await drive(client.flows.delete, flow.id) is None
        await drive(client.variables.delete, variable.id)
    async with step("error status", mode):
        gone = await drive.fails(setup.package.NotFoundError, client.flows.read, flow.id)
        assert gone.status_code == 404  # type: ignore[attr-defined]
    async with step("stream", mode):
        run_flow = await drive(client.flows.create, name=f"logged-{mode}")
        run = await drive(client.flow_runs.create, flow_id=run_flow.id, name=f"run-{mode}")  # 201 where 200 is documented
        stamp = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
        await drive(client.logs.create, body=[models.LogCreate(name="scenario", level=20, message=f"line {n}", timestamp=stamp, flow_run_id=run.id) for n in range(3)])
        manager = client.flow_runs.with_streaming_response.download_logs(run.id)
        lines, _ = await drive.lines(manager)
        assert lines[0].startswith("timestamp,") and [line.rsplit(",", 1)[-1] for line in lines[1:] if line] == ["line 0", "line 1", "line 2"]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_prefect_scenario(prefect: Setup, mode: str) -> None:
    prefect.run(scenario, mode)


def test_prefect_names_read_as_a_person_would_write_them(prefect: Any) -> None:
    check_names(prefect.record, prefect.package)
