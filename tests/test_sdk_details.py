"""The SDK details users reach for: resource names, extra_body, deprecations, the log switch."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import httpx

from generator.ground.diagnostics import WarningSink
from generator.pipeline import read_api
from tests.conftest import minimal_spec
from tests.test_contract_fixes import assert_generated_tests_pass, generate, imported

_OK = {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object", "properties": {"id": {"type": "string"}}}}}}}


def _op(operation_id: str, tag: str, **extra: Any) -> dict[str, Any]:
    return {"operationId": operation_id, "tags": [tag], "responses": _OK, **extra}


SPEC = minimal_spec(
    openapi="3.0.3",
    paths={
        "/models": {"get": _op("listModels", "Models")},
        "/responses": {"post": _op("createResponse", "Responses", requestBody={"content": {"application/json": {"schema": {"type": "object", "properties": {"input": {"type": "string"}, "legacy_mode": {"type": "boolean", "deprecated": True}}}}}})},
        "/responses/{id}": {"get": _op("getResponse", "responses", parameters=[{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}])},
        "/clients": {"get": _op("listClients", "Client")},
        "/errors": {"get": _op("listErrors", "errors")},
        "/old": {"get": _op("oldThing", "legacy", deprecated=True)},
        "/search": {"get": _op("search", "legacy", parameters=[{"name": "q", "in": "query", "schema": {"type": "string"}, "example": "x"}, {"name": "sort_old", "in": "query", "deprecated": True, "schema": {"type": "string"}, "example": "asc"}])},
    },
)


def test_resource_names_are_the_apis_own() -> None:
    api = read_api(SPEC, "pkg", WarningSink())
    names = {resource.name: (resource.module, [op.name for op in resource.operations]) for resource in api.resources}
    assert names == {
        "models": ("models", ["list"]),  # not `models_2`: the package's models module is no client attribute
        "responses": ("responses", ["create", "get"]),  # `Responses` and `responses` are one resource
        "client": ("client_2", ["list"]),  # only its file steps aside (tests/test_client.py is the client's)
        "errors": ("errors", ["list"]),
        "legacy": ("legacy", ["old_thing", "search"]),
    }


def test_the_generated_package(tmp_path: Path) -> None:
    out = generate(tmp_path, SPEC)
    assert_generated_tests_pass(out)
    test_text = (out / "pkg" / "tests" / "test_legacy.py").read_text(encoding="utf-8")
    assert 'with expect_deprecations("GET /old is deprecated by the API"):' in test_text
    assert 'with expect_deprecations("`sort_old` of `legacy.search` is deprecated by the API"):' in test_text
    sent: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"id": "x"})

    with imported(out) as pkg, httpx.Client(transport=httpx.MockTransport(handle)) as http:
        client = pkg.Client(http_client=http)
        assert type(client.models).__name__ == "Models" and client.models.list().id == "x"
        assert client.client.list().id == "x" and client.errors.list().id == "x"
        assert pkg.models.__name__ == "pkg.models"  # the package's models module is still there
        # extra_body, beside extra_headers and extra_query
        client.responses.create(input="hi", extra_body={"store": False}, extra_headers={"X-A": "1"}, extra_query={"v": "2"})
        assert json.loads(sent[-1].content) == {"input": "hi", "store": False}
        assert sent[-1].headers["X-A"] == "1" and sent[-1].url.params["v"] == "2"
        client.responses.with_raw_response.create(input="hi", extra_body={"input": "over"})
        assert json.loads(sent[-1].content) == {"input": "over"}
        # deprecations warn at call time, naming the caller's line, once per call
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            client.legacy.old_thing()
            client.legacy.with_raw_response.old_thing()
            client.legacy.search(q="a", sort_old="desc")
            client.legacy.search(q="a")  # a deprecated argument left out: no warning
            client.responses.create(input="x", legacy_mode=True)
        assert [(str(item.message), item.category, item.filename) for item in caught] == [
            ("GET /old is deprecated by the API", DeprecationWarning, __file__),
            ("GET /old is deprecated by the API", DeprecationWarning, __file__),
            ("`sort_old` of `legacy.search` is deprecated by the API", DeprecationWarning, __file__),
            ("`legacy_mode` of `responses.create` is deprecated by the API", DeprecationWarning, __file__),
        ]
        # PEP 702 marks for type checkers and IDEs
        assert pkg.resources.legacy.Legacy.old_thing.__deprecated__ == "GET /old is deprecated by the API"
        assert client.legacy.with_raw_response.old_thing.__deprecated__  # the view keeps the mark
        assert not hasattr(pkg.resources.legacy.Legacy.search, "__deprecated__")


def test_type_checkers_see_deprecated_operations(tmp_path: Path) -> None:
    out = generate(tmp_path, SPEC)
    user = out / "user_code.py"
    user.write_text("from pkg import Client\n\nclient = Client()\nclient.legacy.old_thing()\nclient.legacy.search(q='x')\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--enable-error-code", "deprecated", "--no-incremental", "--cache-dir", "/dev/null", str(user)],
        cwd=out, capture_output=True, text=True, timeout=600,
    )
    assert "user_code.py:4: error: function pkg.resources.legacy.Legacy.old_thing is deprecated: GET /old is deprecated by the API  [deprecated]" in done.stdout, done.stdout
    assert "user_code.py:5" not in done.stdout
