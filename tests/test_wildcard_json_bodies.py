"""A request body documented under a wildcard media type with a JSON-shaped schema (Swagger 2.0's
`consumes: ["*/*"]`: Kubernetes' 229 create, replace and patch operations) is JSON, as a reply under
a wildcard is: the client takes the typed model and sends `application/json` (a wildcard names no
type to send), and the generated tests check that JSON against the schema instead of skipping."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from generator.ground.diagnostics import WarningSink
from generator.pipeline import read_api
from tests.conftest import run_cli, write_spec
from tests.test_contract_fixes import generate, imported, run_generated_tests


def _spec(media_type: str = "*/*", schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "swagger": "2.0",
        "info": {"title": "Pods", "version": "1"},
        "host": "api.example.test",
        "consumes": [media_type],
        "produces": ["application/json"],
        "paths": {
            "/pods": {
                "post": {
                    "operationId": "createPod",
                    "parameters": [{"name": "body", "in": "body", "required": True, "schema": schema or {"$ref": "#/definitions/Pod"}}],
                    "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Pod"}}},
                }
            }
        },
        "definitions": {"Pod": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}, "name": {"type": "string"}}}},
    }


def _body(spec: dict[str, Any], tmp_path: Path) -> Any:
    from generator.pipeline import read_spec

    loaded = read_spec(write_spec(tmp_path, spec))
    return read_api(loaded.data, "pods", WarningSink()).resources[0].operations[0].body


def test_a_json_shaped_wildcard_body_is_json_sent_as_application_json(tmp_path: Path) -> None:
    body = _body(_spec(), tmp_path)
    assert (body.kind, body.content_type, body.sent_type) == ("json", "*/*", "application/json")
    assert _body(_spec("application/*"), tmp_path).kind == "json"


def test_a_wildcard_body_of_bytes_stays_bytes(tmp_path: Path) -> None:
    body = _body(_spec(schema={"type": "string", "format": "binary"}), tmp_path)
    assert (body.kind, body.sent_type) == ("binary", "*/*")


def test_the_client_sends_the_model_as_json_and_its_tests_check_it(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, _spec())
    result = run_cli("generate", str(spec), "--package", "pods", "--out", str(tmp_path / "cli"))
    assert result.returncode == 0 and "fails on the wire" not in result.stderr, result.stderr
    out = generate(tmp_path, _spec())
    seen: list[httpx.Request] = []

    def reply(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"kind": "Pod", "name": "web"})

    with imported(out) as package:
        client = package.Client(base_url="https://api.example.test", http_client=httpx.Client(transport=httpx.MockTransport(reply)))
        pod = client.pods.create(body=package.models.Pod(kind="Pod", name="web"))
        assert pod.name == "web"
    assert seen[0].headers["content-type"] == "application/json"
    assert json.loads(seen[0].content) == {"kind": "Pod", "name": "web"}
    tests = run_generated_tests(out)
    assert tests.returncode == 0 and " skipped" not in tests.stdout, tests.stdout[-3000:]
