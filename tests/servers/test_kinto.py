"""Kinto (PyPI `kinto`, Pyramid + cornice): the Swagger 2.0 document it builds at run time and serves
at /v1/__api__, HTTP Basic auth with any user, creates answered 201, deletes answered 200 with a
tombstone, and pages that travel in a `Next-Page` response header the document does not declare."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tests.servers.clients import generate, imported, served_document
from tests.servers.conftest import selected
from tests.servers.harness import free_port, python_server, started
from tests.servers.scenario import Drive, DriftWatch, Record, Setup, check_names, operation_count

REQUIREMENTS = ("kinto==26.5.0",)
USER = ("reader", "s3cret")

# In-memory storage; `basicauth` lets any user:password in (each pair a principal of its own).
SETTINGS = """\
[app:main]
use = egg:kinto
kinto.includes = kinto.plugins.default_bucket
kinto.storage_backend = kinto.core.storage.memory
kinto.storage_url =
kinto.cache_backend = kinto.core.cache.memory
kinto.cache_url =
kinto.permission_backend = kinto.core.permission.memory
kinto.permission_url =
kinto.userid_hmac_secret = 0000000000000000000000000000000000000000000000000000000000000001
kinto.default_bucket_hmac_secret = 0000000000000000000000000000000000000000000000000000000000000002
multiauth.policies = basicauth
kinto.bucket_create_principals = system.Authenticated

[server:main]
use = egg:waitress#main
host = 127.0.0.1
port = %(http_port)s

[loggers]
keys = root

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARNING
handlers = console

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(asctime)s %(levelname)s [%(name)s] %(message)s
"""


@pytest.fixture(scope="module")
def kinto(clientsmith: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    selected("kinto")
    bin_folder = python_server("kinto", REQUIREMENTS)
    work = tmp_path_factory.mktemp("kinto")
    (work / "kinto.ini").write_text(SETTINGS, encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [bin_folder / "kinto", "start", "--ini", "kinto.ini", "--port", str(port)]
    with started("kinto", command, url=url, ready="/v1/__heartbeat__", cwd=work):
        document_file = work / "kinto_api.json"
        document = served_document(url + "/v1/__api__", document_file)
        out = work / "client"
        generate(clientsmith, document_file, "kinto_client", out)
        with imported(out, "kinto_client") as package:
            operations = operation_count(document)
            record = Record("kinto", f"kinto {REQUIREMENTS[0].split('==')[1]} (PyPI, Pyramid + cornice)", "served at /v1/__api__", f"Swagger {document['swagger']}", operations)
            record.notes.append("operationIds `get_records`/`get_record`/`delete_records` say only the HTTP verb once the noun is gone: the routes name them `records.list`, `.retrieve`, `.delete_all`; PUT `update` and PATCH `patch` keep the document's words.")
            record.notes.append("Pages travel in a `Next-Page` response header the document does not declare, so no `iter_` method is inferred: the scenario walks them with `with_raw_response` and the header's `_token`.")
            with DriftWatch(document, package, record) as watch:
                yield Setup(url + "/v1", package, record, watch)
            record.save()


def _next_token(headers: httpx.Headers) -> str | None:
    link = headers.get("next-page")
    return parse_qs(urlsplit(link).query)["_token"][0] if link else None


async def scenario(setup: Setup, client: Any, drive: Drive, mode: str) -> None:
    step = setup.record.step
    errors = setup.package
    bucket, collection = f"blog-{mode}", "posts"
    async with step("create", mode):
        created_bucket = await drive(client.buckets.create, data={"id": bucket, "title": "Blog"})  # 201
        assert created_bucket.data.id == bucket and created_bucket.data.title == "Blog"  # kept, though undeclared
        await drive(client.collections.create, bucket, data={"id": collection})
        record = await drive(client.records.create, bucket, collection, data={"title": "hello", "n": 0})
        assert record.data["title"] == "hello" and isinstance(record.data["id"], str) and record.data["last_modified"] > 0
        record_id = record.data["id"]
    async with step("read back", mode):
        read = await drive(client.records.retrieve, bucket, collection, record_id)
        assert read.data == record.data
        assert (await drive(client.buckets.retrieve, bucket)).data.title == "Blog"
    async with step("update", mode):
        patched = await drive(client.records.patch, bucket, collection, record_id, data={"title": "patched"})
        assert patched.data["title"] == "patched" and patched.data["n"] == 0  # merged
        replaced = await drive(client.records.update, bucket, collection, record_id, data={"title": "replaced"})
        assert replaced.data["title"] == "replaced" and "n" not in replaced.data  # replaced whole
        stale = await drive.fails(errors.APIStatusError, client.records.update, bucket, collection, record_id, if_match='"1"', data={"title": "late"})
        assert stale.status_code == 412  # type: ignore[attr-defined]
    async with step("walk pages", mode):
        await drive(client.collections.create, bucket, data={"id": "paged"})
        paged_ids = set()
        for number in range(1, 6):
            paged_ids.add((await drive(client.records.create, bucket, "paged", data={"title": f"paged {number}", "n": number})).data["id"])
        seen: list[int] = []
        token: str | None = None
        pages = 0
        while True:
            kwargs = {"token": token} if token else {}
            raw = await drive(client.records.with_raw_response.list, bucket, "paged", limit=2, sort=["n"], **kwargs)
            seen += [item["n"] for item in raw.parsed.data]
            pages += 1
            token = _next_token(raw.headers)
            if token is None:
                break
        assert seen == [1, 2, 3, 4, 5] and pages == 3
        setup.record.drifts.add("GET /buckets/{bucket_id}/collections/{collection_id}/records pages with a `Next-Page` response header that the document does not declare")
    async with step("delete", mode):
        tombstone = await drive(client.records.delete, bucket, collection, record_id)  # 200 with a tombstone, not 204
        assert tombstone.data["id"] == record_id and tombstone.data["deleted"] is True
        removed = await drive(client.records.delete_all, bucket, "paged")
        assert {item["id"] for item in removed.data} == paged_ids and all(item["deleted"] for item in removed.data)
        await drive(client.buckets.delete, bucket)
    async with step("error status", mode):
        gone = await drive.fails(errors.APIStatusError, client.buckets.retrieve, bucket)
        assert gone.status_code in (403, 404)  # type: ignore[attr-defined]
        missing = await drive.fails(errors.NotFoundError, client.records.retrieve, "default", collection, "no-such-record")
        assert missing.status_code == 404 and missing.response.json()["errno"] == 110  # type: ignore[attr-defined]
    setup.record.steps.setdefault("stream", {})[mode] = "n/a: Kinto has no streamed reply"


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_kinto_scenario(kinto: Setup, mode: str) -> None:
    kinto.run(scenario, mode, username=USER[0], password=USER[1])


def test_kinto_names_read_as_a_person_would_write_them(kinto: Any) -> None:
    check_names(kinto.record, kinto.package)
