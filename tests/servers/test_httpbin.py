"""httpbin (PyPI `httpbin[mainapp]`, Flask + flasgger under gunicorn): the Swagger 2.0 document it
serves at /spec.json (no operationIds, no response schemas, `type: int`), for redirects, status codes
and streamed replies."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.servers.clients import generate, imported, served_document
from tests.servers.conftest import selected
from tests.servers.harness import free_port, python_server, started
from tests.servers.scenario import Drive, DriftWatch, Record, Setup, check_names, operation_count

# gunicorn 27's gevent worker refuses the gevent httpbin pins: its threaded worker serves instead.
REQUIREMENTS = ("httpbin[mainapp]==0.10.4", "gunicorn==23.0.0")


@pytest.fixture(scope="module")
def httpbin(clientsmith: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    selected("httpbin")
    bin_folder = python_server("httpbin", REQUIREMENTS)
    work = tmp_path_factory.mktemp("httpbin")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [bin_folder / "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--worker-class", "gthread", "--threads", "8", "--graceful-timeout", "2", "httpbin:app"]
    with started("httpbin", command, url=url, ready="/get", cwd=work):
        document_file = work / "httpbin_spec.json"
        document = served_document(url + "/spec.json", document_file)
        out = work / "client"
        generate(clientsmith, document_file, "httpbin_client", out)
        with imported(out, "httpbin_client") as package:
            operations = operation_count(document)
            record = Record("httpbin", f"httpbin {REQUIREMENTS[0].split('==')[1]} (PyPI, Flask + flasgger)", "served at /spec.json", "Swagger 2.0", operations)
            record.notes.append("Read with located warnings: `type: int` (integer), 41 path parameters not marked required, `schema` on Swagger 2.0 parameters.")
            record.notes.append("No resources: create, read, update and delete are its echo endpoints; no response schemas, so each call's type is None and the echo is read from the raw response.")
            with DriftWatch(document, package, record) as watch:
                yield Setup(url, package, record, watch)
            record.save()


async def scenario(setup: Setup, client: Any, drive: Drive, mode: str) -> None:
    step = setup.record.step
    methods = client.http_methods.with_raw_response
    async with step("create", mode):
        raw = await drive(methods.post, extra_body={"name": "lamp"})
        assert raw.parsed is None and raw.http_response.json()["json"] == {"name": "lamp"}
    async with step("read back", mode):
        raw = await drive(methods.get, extra_query={"id": "7"})
        assert raw.http_response.json()["args"] == {"id": "7"}
    async with step("update", mode):
        assert (await drive(methods.put, extra_body={"name": "desk"})).http_response.json()["json"] == {"name": "desk"}
        assert (await drive(methods.patch, extra_body={"name": "chair"})).http_response.json()["json"] == {"name": "chair"}
    async with step("delete", mode):
        assert (await drive(methods.delete, extra_query={"id": "7"})).http_response.json()["args"] == {"id": "7"}
    async with step("other 2xx", mode):
        created = await drive(client.status_codes.with_raw_response.create, "201")
        assert created.status_code == 201 and created.parsed is None  # documented 200 without a body: None
    async with step("error status", mode):
        teapot = await drive.fails(setup.package.APIStatusError, client.status_codes.retrieve, "418")
        assert teapot.status_code == 418  # type: ignore[attr-defined]
        missing = await drive.fails(setup.package.NotFoundError, client.status_codes.retrieve, "404")
        assert missing.status_code == 404  # type: ignore[attr-defined]
    async with step("redirects", mode):
        followed = await drive(client.redirects.with_raw_response.retrieve, 3)
        assert followed.status_code == 200 and followed.http_response.url.path == "/get"
        kept = await drive(client.redirects.with_raw_response.create_redirect_to, url="/post", status_code=307, extra_query={"url": "/post", "status_code": "307"})
        echoed = kept.http_response.json()
        assert kept.http_response.request.method == "POST" and echoed["form"] == {"url": "/post", "status_code": "307"}
    async with step("stream", mode):
        manager = client.dynamic_data.with_streaming_response.retrieve_stream(3)
        lines, _ = await drive.lines(manager)
        assert [json.loads(line)["id"] for line in lines if line] == [0, 1, 2]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_httpbin_scenario(httpbin: Setup, mode: str) -> None:
    httpbin.run(scenario, mode)
    httpbin.record.steps.setdefault("walk pages", {})[mode] = "n/a: no paged operation"


def test_follow_redirects_false_hands_back_the_redirect(httpbin: Setup) -> None:
    with httpbin.package.Client(base_url=httpbin.url, follow_redirects=False) as client:
        with pytest.raises(httpbin.package.APIStatusError) as error:
            client.redirects.retrieve(1)
        assert error.value.status_code == 302 and error.value.response.headers["location"] == "/get"
        # As documented (form fields), /redirect-to is not understood: the server reads its query.
        with pytest.raises(httpbin.package.APIStatusError) as as_documented:
            client.redirects.create_redirect_to(url="/post", status_code=307)
    assert as_documented.value.status_code == 302 and as_documented.value.response.headers["location"] == "None"
    httpbin.record.drifts.add("POST /redirect-to documents `url` and `status_code` as form fields; the server reads them from the query (as documented it answers 302 to `None`)")


def test_httpbin_names_read_as_a_person_would_write_them(httpbin: Any) -> None:
    check_names(httpbin.record, httpbin.package)
