"""An operation's arguments reach it through every view (raw, streamed, each page of an `iter_`
walk), whatever their names: the runtime's own parameters (`wish`, `method`) are positional-only.
HERE's tracking API and Meraki's take a query parameter named `method` on paged operations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from tests.conftest import minimal_spec
from tests.test_contract_fixes import assert_generated_tests_pass, generate, imported

PAGE = {
    "type": "object",
    "properties": {"items": {"type": "array", "items": {"type": "string"}}, "next_page_token": {"type": "string"}},
}


def _spec() -> dict[str, Any]:
    parameters = [
        {"name": name, "in": "query", "schema": {"type": "string"}} for name in ("method", "wish", "pageToken")
    ]
    reply = {"200": {"description": "ok", "content": {"application/json": {"schema": PAGE}}}}
    return minimal_spec(paths={"/reports": {"get": {"operationId": "listReports", "tags": ["reports"], "parameters": parameters, "responses": reply}}})


def test_arguments_named_like_the_runtimes_own_reach_the_operation(tmp_path: Path) -> None:
    out = generate(tmp_path, _spec())
    seen: list[httpx.URL] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        token = request.url.params.get("pageToken")
        return httpx.Response(200, json={"items": ["a"] if token is None else ["b"], **({"next_page_token": "2"} if token is None else {})})

    with imported(out) as pkg:
        client = pkg.Client(base_url="https://api.example.test", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
        raw = client.reports.with_raw_response.list(method="average", wish="w")
        assert raw.http_response.status_code == 200
        assert list(client.reports.iter_list(method="average", wish="w")) == ["a", "b"]
    assert all(url.params.get("method") == "average" and url.params.get("wish") == "w" for url in seen), seen
    assert len(seen) == 3
    assert_generated_tests_pass(out)
