"""Swagger 2.0 documents are converted in the load stage and generate like any OpenAPI 3 spec."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.pipeline import read_spec
from generator.validate import validate_spec
from tests.conftest import run_cli, write_spec

SWAGGER = {
    "swagger": "2.0",
    "info": {"title": "Pets 2.0", "version": "1"},
    "host": "pets.example.test",
    "basePath": "/v1",
    "schemes": ["http", "https"],
    "consumes": ["application/json"],
    "produces": ["application/json"],
    "securityDefinitions": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}, "oauth": {"type": "oauth2", "flow": "application", "tokenUrl": "https://pets.example.test/token", "scopes": {"read": "r"}}},
    "security": [{"key": []}],
    "parameters": {"limit": {"name": "limit", "in": "query", "type": "integer"}, "petBody": {"name": "body", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Pet"}}},
    "definitions": {"Pet": {"type": "object", "required": ["name"], "properties": {"id": {"type": "integer", "readOnly": True}, "name": {"type": "string"}, "tag": {"type": "string", "x-nullable": True}}}},
    "paths": {
        "/pets": {
            "get": {
                "operationId": "listPets",
                "tags": ["pets"],
                "parameters": [{"$ref": "#/parameters/limit"}, {"name": "tags", "in": "query", "type": "array", "items": {"type": "string"}, "collectionFormat": "pipes"}],
                "responses": {"200": {"description": "ok", "schema": {"type": "array", "items": {"$ref": "#/definitions/Pet"}}}},
            },
            "post": {"operationId": "createPet", "tags": ["pets"], "parameters": [{"$ref": "#/parameters/petBody"}], "responses": {"201": {"description": "created", "schema": {"$ref": "#/definitions/Pet"}}}},
        },
        "/pets/{petId}/photo": {
            "post": {
                "operationId": "uploadPhoto",
                "tags": ["pets"],
                "consumes": ["multipart/form-data"],
                "parameters": [
                    {"name": "petId", "in": "path", "required": True, "type": "integer"},
                    {"name": "file", "in": "formData", "type": "file", "required": True},
                    {"name": "caption", "in": "formData", "type": "string"},
                ],
                "responses": {"204": {"description": "stored"}},
            }
        },
    },
}


def test_conversion_to_openapi_3(tmp_path: Path) -> None:
    loaded = read_spec(write_spec(tmp_path, SWAGGER))
    validate_spec(loaded, thorough=True)
    data = loaded.data
    assert data["openapi"] == "3.0.3" and data["servers"] == [{"url": "https://pets.example.test/v1"}]
    assert data["components"]["schemas"]["Pet"]["properties"]["tag"] == {"type": "string", "nullable": True}
    assert data["components"]["securitySchemes"]["oauth"]["flows"]["clientCredentials"]["tokenUrl"] == "https://pets.example.test/token"
    create = data["paths"]["/pets"]["post"]
    assert create["requestBody"] == {"$ref": "#/components/requestBodies/petBody"}
    tags = data["paths"]["/pets"]["get"]["parameters"][1]
    assert (tags["style"], tags["explode"], tags["schema"]["type"]) == ("pipeDelimited", False, "array")
    upload = data["paths"]["/pets/{petId}/photo"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert upload["properties"]["file"] == {"type": "string", "format": "binary"} and upload["required"] == ["file"]


def test_swagger_client_works(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("generate", str(write_spec(tmp_path, SWAGGER)), "--package", "pets2", "--out", str(out), "-q")
    assert result.returncode == 0, result.stderr
    script = """
import httpx
from pets2 import Client
seen = []
def handler(request):
    seen.append(request)
    if request.method == "GET":
        return httpx.Response(200, json=[{"id": 1, "name": "rex", "tag": None}])
    if request.url.path.endswith("/photo"):
        return httpx.Response(204)
    return httpx.Response(201, json={"id": 2, "name": "new"})
client = Client(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(handler)))
pets = client.pets.list(limit=5, tags=["a", "b"])
assert pets[0].name == "rex" and pets[0].tag is None
assert str(seen[-1].url) == "https://pets.example.test/v1/pets?limit=5&tags=a|b", seen[-1].url
assert seen[-1].headers["x-key"] == "k"
created = client.pets.create(name="new")
assert created.id == 2 and seen[-1].content == b'{"name":"new"}', seen[-1].content
assert client.pets.upload_photo(7, file=("a.png", b"PNG", "image/png"), caption="hi") is None
assert b'filename="a.png"' in seen[-1].content and seen[-1].headers["content-type"].startswith("multipart/form-data")
print("ok")
"""
    run = subprocess.run([sys.executable, "-c", script], cwd=out, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr


# flasgger's Swagger 2.0 (httpbin, served by the real server in tests/servers): parameters typed `int`,
# path parameters not marked required, a header parameter typed by a 3.x `schema`, one typed nothing.
FLASGGER = {
    "swagger": "2.0",
    "info": {"title": "Bins", "version": "1"},
    "paths": {
        "/delay/{delay}": {"get": {"parameters": [{"in": "path", "name": "delay", "type": "int"}], "responses": {"200": {"description": "ok"}}}},
        "/status/{codes}": {"get": {"parameters": [{"in": "path", "name": "codes"}], "responses": {"200": {"description": "ok"}}}},
        "/bearer": {"get": {"parameters": [{"in": "header", "name": "Authorization", "schema": {"type": "string"}}], "responses": {"200": {"description": "ok"}}}},
        "/things": {"get": {"responses": {"200": {"description": "ok", "schema": {"type": "object", "properties": {"n": {"type": "long"}}}}}}},
    },
}


def test_a_flasgger_document_is_read_with_its_one_reading(tmp_path: Path) -> None:
    loaded = read_spec(write_spec(tmp_path, FLASGGER))
    warnings = "\n".join(loaded.notes)
    assert "type 'int' is no type name; read as 'integer'" in warnings
    assert "path parameter 'delay' is not marked required; read as required" in warnings
    assert "parameter 'Authorization' gives its type in a `schema` (OpenAPI 3 style); read as type 'string'" in warnings
    assert "parameter 'codes' has no type; read as a string" in warnings
    paths = loaded.data["paths"]
    assert paths["/delay/{delay}"]["get"]["parameters"][0]["schema"] == {"type": "integer"}
    assert paths["/status/{codes}"]["get"]["parameters"][0]["schema"] == {"type": "string"}
    assert paths["/bearer"]["get"]["parameters"][0]["schema"] == {"type": "string"}
    validate_spec(loaded, thorough=True)
    result = run_cli("validate", str(write_spec(tmp_path, FLASGGER)))
    assert result.returncode != 0  # `validate` reads the document as written: strict


def _one_operation(responses: dict[str, object]) -> dict[str, object]:
    return {
        "swagger": "2.0",
        "info": {"title": "Sockets", "version": "1"},
        "host": "api.example.test",
        "paths": {"/stream": {"get": {"operationId": "stream", "responses": responses}}, "/ok": {"get": {"operationId": "ok", "responses": {"200": {"description": "ok"}}}}},
    }


def test_an_empty_swagger2_responses_object_reads_as_any_response(tmp_path: Path) -> None:
    """`responses: {}` (a WebSocket route a framework documents) fails two checks of the 2.0 schema at
    once; repairing the first must not make the second a refusal: it reads as in 3.x, any response."""
    loaded = read_spec(write_spec(tmp_path, _one_operation({})))
    warnings = "\n".join(loaded.notes)
    assert "'responses' is empty; ignored" in warnings
    assert "read as any response (default)" in warnings
    assert loaded.data["paths"]["/stream"]["get"]["responses"] == {"default": {"description": ""}}
    validate_spec(loaded, thorough=True)


def test_swagger2_responses_with_only_extensions_read_as_any_response(tmp_path: Path) -> None:
    loaded = read_spec(write_spec(tmp_path, _one_operation({"x-internal": True})))
    assert "'responses' has no response code; ignored" in "\n".join(loaded.notes)
    assert loaded.data["paths"]["/stream"]["get"]["responses"] == {"default": {"description": ""}}
    result = run_cli("generate", str(write_spec(tmp_path, _one_operation({}))), "--package", "sockets", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
