"""Apache Airflow 3 (PyPI `apache-airflow`, FastAPI): the OpenAPI 3.1 document its API server serves at
/openapi.json, with explicit snake operationIds (`get_variables`, `post_variable`), a bearer token from
POST /auth/token, offset pages counted by `total_entries`, and a task's log as a JSON-lines stream."""

from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.servers.clients import generate, imported, served_document
from tests.servers.conftest import selected
from tests.servers.harness import free_port, python_server, run, started, tool_env
from tests.servers.scenario import Drive, DriftWatch, Record, Setup, check_names, operation_count

REQUIREMENTS = ("apache-airflow==3.3.2",)
PASSWORD = "admin-pass"
FERNET_KEY = base64.urlsafe_b64encode(b"clientsmith-test-fernet-key-0123").decode()
DAG_ID, TASK_ID = "cs_demo", "say"
DAG = f'''import datetime
from airflow.sdk import dag, task

@dag(dag_id="{DAG_ID}", schedule=None, start_date=datetime.datetime(2024, 1, 1), catchup=False)
def cs_demo():
    @task
    def {TASK_ID}():
        for number in range(3):
            print(f"clientsmith log line {{number}}")
    {TASK_ID}()

cs_demo()
'''


@dataclass
class Airflow(Setup):
    token: str = ""
    run_id: str = ""


def finished_run(bin_folder: Path, work: Path, environment: dict[str, str]) -> str:
    """A successful run of the one-task DAG (`airflow dags test`), and its task's log file: its run_id.

    `dags test` runs the task in-process and prints its log rather than writing the file a worker
    would, so the file is written here, in the JSON lines a worker writes, from what the task printed."""
    (work / "dags").mkdir()
    (work / "dags" / f"{DAG_ID}.py").write_text(DAG, encoding="utf-8")
    tested = run([bin_folder / "airflow", "dags", "test", DAG_ID], cwd=work, env=tool_env(HOME=str(work), **environment))
    printed = [line.strip() for line in (tested.stdout + tested.stderr).splitlines() if line.strip().startswith("clientsmith log line")]
    assert printed == [f"clientsmith log line {number}" for number in range(3)], tested.stdout[-2000:] + tested.stderr[-2000:]
    with sqlite3.connect(work / "airflow.db") as database:
        ((run_id, state),) = database.execute("SELECT run_id, state FROM dag_run WHERE dag_id = ?", (DAG_ID,)).fetchall()
    assert state == "success"
    folder = work / "logs" / f"dag_id={DAG_ID}" / f"run_id={run_id}" / f"task_id={TASK_ID}"
    folder.mkdir(parents=True)
    lines = [{"timestamp": f"2026-01-01T00:00:0{n}Z", "level": "info", "event": line, "logger": "task"} for n, line in enumerate(printed)]
    (folder / "attempt=1.log").write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return str(run_id)


@pytest.fixture(scope="module")
def airflow(clientsmith: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Airflow]:
    selected("airflow")
    bin_folder = python_server("airflow", REQUIREMENTS)
    work = tmp_path_factory.mktemp("airflow")
    (work / "passwords.json").write_text(json.dumps({"admin": PASSWORD}), encoding="utf-8")
    environment = {
        "AIRFLOW_HOME": str(work), "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{work}/airflow.db",
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False", "AIRFLOW__CORE__DAGS_FOLDER": str(work / "dags"),
        "AIRFLOW__LOGGING__BASE_LOG_FOLDER": str(work / "logs"),
        "AIRFLOW__CORE__AUTH_MANAGER": "airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager",
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": "admin:admin",
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": str(work / "passwords.json"),
        "AIRFLOW__API_AUTH__JWT_SECRET": "clientsmith-jwt-secret-0123456789", "AIRFLOW__API__SECRET_KEY": "clientsmith-secret-key-0123456789",
        "AIRFLOW__CORE__FERNET_KEY": FERNET_KEY,
        "SCARF_ANALYTICS": "false", "AIRFLOW__USAGE_DATA_COLLECTION__ENABLED": "False", "DO_NOT_TRACK": "1",
    }
    run([bin_folder / "airflow", "db", "migrate"], cwd=work, env=tool_env(HOME=str(work), **environment))
    run_id = finished_run(bin_folder, work, environment)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [bin_folder / "airflow", "api-server", "--host", "127.0.0.1", "--port", str(port), "--workers", "1", "--apps", "core"]
    with started("airflow", command, url=url, ready="/api/v2/monitor/health", cwd=work, env=environment, wait=240):
        document_file = work / "airflow_openapi.json"
        document = served_document(url + "/openapi.json", document_file)
        assert all(path.startswith("/api/v2/") for path in document["paths"]) and not document.get("servers")  # the base URL is the root
        login = httpx.post(url + "/auth/token", json={"username": "admin", "password": PASSWORD})
        assert login.status_code == 201, login.text
        out = work / "client"
        generate(clientsmith, document_file, "airflow_client", out)
        with imported(out, "airflow_client") as package:
            operations = operation_count(document)
            version = f"apache-airflow {REQUIREMENTS[0].split('==')[1]} (PyPI, FastAPI)"
            record = Record("airflow", version, "served at /openapi.json", f"OpenAPI {document['openapi']}", operations)
            record.notes.append("Explicit snake operationIds give `client.variable.create`, `.retrieve`, `.patch`, `.delete`, `.list`; `iter_list` walks offset pages, ending at `total_entries`.")
            record.notes.append("The token comes from POST /auth/token (answered 201) and is given as `bearer_token`.")
            record.notes.append("The task log's JSON-lines reply is chosen by `Accept: application/x-ndjson` (a header parameter the client leaves out): sent as an extra header.")
            with DriftWatch(document, package, record) as watch:
                yield Airflow(url, package, record, watch, token=login.json()["access_token"], run_id=run_id)
            record.save()


async def scenario(setup: Airflow, client: Any, drive: Drive, mode: str) -> None:
    step = setup.record.step
    package = setup.package
    models = package.models
    key, pool = f"threshold_{mode}", f"pool_{mode}"
    async with step("create", mode):
        variable = await drive(client.variable.create, key=key, value={"max": 3}, description="first")  # 201
        assert isinstance(variable, models.VariableResponse) and variable.key == key
        assert json.loads(variable.value) == {"max": 3}  # any JSON value in, its JSON text out (as documented)
        again = await drive.fails(package.ConflictError, client.variable.create, key=key, value="other")
        assert again.status_code == 409 and key in again.body.detail  # type: ignore[attr-defined]
        created = await drive(client.pool.create, name=pool, slots=3, description="scenario")
        assert isinstance(created, models.PoolResponse) and created.slots == 3
    async with step("read back", mode):
        read = await drive(client.variable.retrieve, key)
        assert read.key == key and read.description == "first" and json.loads(read.value) == {"max": 3}
        assert (await drive(client.pool.retrieve, pool)).name == pool
    async with step("update", mode):
        updated = await drive(client.variable.patch, key, key=key, value="four", description="second")
        assert isinstance(updated, models.VariableResponse) and updated.value == "four" and updated.description == "second"
        masked = await drive(client.variable.patch, key, update_mask=["description"], key=key, value="ignored", description="third")
        assert masked.value == "four" and masked.description == "third"
        partial = await drive.fails(package.UnprocessableEntityError, client.pool.patch, pool, slots=5)  # every field documented optional
        assert {"pool", "include_deferred"} <= {str(item.loc[-1]) for item in partial.body.detail}  # type: ignore[attr-defined]
        setup.record.drifts.add("PATCH /api/v2/pools/{pool_name} answered 422 to a body of `slots` alone: `pool` and `include_deferred` are required, though `PoolPatchBody` documents every field optional")
        patched = await drive(client.pool.patch, pool, pool=pool, slots=5, include_deferred=False)
        assert patched.slots == 5
    async with step("walk pages", mode):
        for number in range(5):
            await drive(client.variable.create, key=f"{mode}_paged_{number}", value=number)
        pager = client.variable.iter_list(limit=2, variable_key_prefix_pattern=f"{mode}_paged", order_by=["key"])
        assert [item.key for item in await drive.all(pager)] == [f"{mode}_paged_{number}" for number in range(5)]
        pages = await drive.all(client.variable.iter_list(limit=2, variable_key_prefix_pattern=f"{mode}_paged").pages())
        assert [len(page.variables) for page in pages] == [2, 2, 1] and pages[0].total_entries == 5
    async with step("delete", mode):
        raw = await drive(client.variable.with_raw_response.delete, key)
        assert raw.status_code == 204 and raw.parsed is None
        if raw.http_response.content == b"" and raw.http_response.headers.get("content-type") == "application/json":
            setup.record.drifts.add("DELETE /api/v2/variables/{variable_key} answered 204 with content-type application/json and an empty body")
        assert await drive(client.pool.delete, pool) is None
        for number in range(5):
            assert await drive(client.variable.delete, f"{mode}_paged_{number}") is None
    async with step("error status", mode):
        gone = await drive.fails(package.NotFoundError, client.variable.retrieve, key)
        assert gone.status_code == 404 and isinstance(gone.body, models.HTTPExceptionResponse)  # type: ignore[attr-defined]
        refused = await drive.fails(package.BadRequestError, client.pool.delete, "default_pool")  # documented 400
        assert "Default Pool" in str(refused.body.detail)  # type: ignore[attr-defined]
        await drive.fails(package.BadRequestError, client.variable.list, order_by=["nope"])  # 400, not documented here
    async with step("stream", mode):
        (dag_run,) = (await drive(client.dag_run.list, DAG_ID)).dag_runs
        assert dag_run.dag_run_id == setup.run_id and dag_run.state == "success"  # ':' and '+' in the id travel in the path below
        logged = await drive(client.task_instance.get_log, DAG_ID, dag_run.dag_run_id, TASK_ID, 1)
        assert [item.event for item in logged.content if item.event.startswith("clientsmith")] == [f"clientsmith log line {n}" for n in range(3)]
        manager = client.task_instance.with_streaming_response.get_log(DAG_ID, dag_run.dag_run_id, TASK_ID, 1, extra_headers={"Accept": "application/x-ndjson"})
        lines, headers = await drive.lines(manager)
        assert headers["content-type"].startswith("application/x-ndjson")
        events = [json.loads(line)["event"] for line in lines if line]
        assert [event for event in events if event.startswith("clientsmith")] == [f"clientsmith log line {n}" for n in range(3)]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_airflow_scenario(airflow: Airflow, mode: str) -> None:
    airflow.run(scenario, mode, bearer_token=airflow.token)


def test_airflow_names_read_as_a_person_would_write_them(airflow: Any) -> None:
    check_names(airflow.record, airflow.package)
