"""Operation- and path-level servers: the client sends each operation where the document says."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import minimal_spec
from tests.test_contract_fixes import assert_generated_tests_pass, generate, imported


def _get(operation_id: str, **extra: Any) -> dict[str, Any]:
    return {"operationId": operation_id, "tags": ["default"], "responses": {"204": {"description": "none"}}, **extra}


PATHS = {
    "/plain": {"get": _get("plain")},
    "/relative": {"servers": [{"url": "/v2"}], "get": _get("relative")},
    "/own": {"get": _get("own", servers=[{"url": "https://{region}.other.test/{version}", "variables": {"region": {"default": "eu"}, "version": {"default": "v3"}}}])},
    "/empty": {"servers": [{"url": "https://path.other.test"}], "get": _get("empty", servers=[])},
    "/source": {"servers": [{"url": "https://source.other.test"}], "get": {"responses": {"204": {"description": "none"}}}},
    "/alias": {"$ref": "#/paths/~1source"},
}


def test_operations_go_to_their_own_servers(tmp_path: Path) -> None:
    spec = minimal_spec(openapi="3.0.3", servers=[{"url": "https://api.example.test:443/v1"}], paths=PATHS)
    out = generate(tmp_path, spec)
    assert_generated_tests_pass(out)
    sent: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        return httpx.Response(204)

    with imported(out) as pkg:
        with httpx.Client(transport=httpx.MockTransport(handle)) as http:
            client = pkg.Client(http_client=http)
            for name in ("plain", "relative", "own", "empty"):
                getattr(client.default, name)()
        assert sent == [
            "https://api.example.test/v1/plain",
            "https://api.example.test/v2/relative",
            "https://eu.other.test/v3/own",
            "https://path.other.test/empty",
        ]
        contract = importlib.import_module("pkg.tests._contract")
        # A client that ignored the operation's server would be caught.
        with pytest.raises(AssertionError, match="no operation"):
            contract.read_call(httpx.Request("GET", "https://api.example.test/v1/own"), ("GET", "/own"))
        assert contract.read_call(httpx.Request("GET", "https://source.other.test/alias"), ("GET", "/alias")).path_template == "/alias"
