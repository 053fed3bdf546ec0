"""A purpose-built spec exercising the client runtime through generated code (issue: client runtime).

Every auth kind on the wire, OAuth2 token caching and refresh, retries (429 with Retry-After, never a
POST), typed errors with parsed bodies, open enums, update-only-what-was-set, and secrets kept out of
reprs and logs.
"""

from __future__ import annotations

import importlib
import json
import logging
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from generator.pipeline import Job, build, write_all
from tests.conftest import REPO, minimal_spec, write_spec

JSON = "application/json"
THING = {"$ref": "#/components/schemas/Thing"}


def op(operation_id: str, security: list[dict[str, list[str]]] | None = None, **extra: Any) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "operationId": operation_id,
        "tags": ["things"],
        "responses": {
            "200": {"description": "ok", "content": {JSON: {"schema": THING}}},
            "422": {"description": "invalid", "content": {JSON: {"schema": {"$ref": "#/components/schemas/Invalid"}}}},
        },
        **extra,
    }
    if security is not None:
        operation["security"] = security
    return operation


SPEC = minimal_spec(
    servers=[{"url": "https://api.example.test/v1"}],
    security=[{"headerKey": []}],
    paths={
        "/header": {"get": op("viaHeader")},
        "/query": {"get": op("viaQuery", [{"queryKey": []}])},
        "/cookie": {"get": op("viaCookie", [{"cookieKey": []}])},
        "/bearer": {"get": op("viaBearer", [{"bearer": []}])},
        "/basic": {"get": op("viaBasic", [{"basic": []}])},
        "/oauth": {"get": op("viaOauth", [{"oauth": []}])},
        "/both": {"get": op("viaBoth", [{"headerKey": [], "bearer": []}])},
        "/either": {"get": op("viaEither", [{"basic": []}, {"bearer": []}])},
        "/public": {"get": op("anonymous", [])},
        "/things/{id}": {
            "put": op(
                "updateThing",
                parameters=[{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                requestBody={"content": {JSON: {"schema": THING}}},
            ),
            "post": op("touchThing", parameters=[{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]),
        },
    },
    components={
        "securitySchemes": {
            "headerKey": {"type": "apiKey", "in": "header", "name": "X-Api-Key"},
            "queryKey": {"type": "apiKey", "in": "query", "name": "api_key"},
            "cookieKey": {"type": "apiKey", "in": "cookie", "name": "key"},
            "bearer": {"type": "http", "scheme": "bearer"},
            "basic": {"type": "http", "scheme": "basic"},
            "oauth": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "https://auth.example.test/token", "scopes": {}}}},
        },
        "schemas": {
            "Thing": {
                "type": "object",
                "properties": {
                    "id": {"type": "string", "readOnly": True},
                    "name": {"type": "string"},
                    "note": {"type": ["string", "null"]},
                    "kind": {"type": "string", "enum": ["small", "large"]},
                },
            },
            "Invalid": {"type": "object", "properties": {"detail": {"type": "array", "items": {"type": "object", "properties": {"field": {"type": "string"}, "message": {"type": "string"}}}}}},
        },
    },
)

SECRETS = {"header_key_api_key": "HK-secret-1", "query_key_api_key": "QK-secret-5", "cookie_key_api_key": "CK-secret-6", "bearer_token": "BT-secret-2", "password": "PW-secret-3", "client_secret": "CS-secret-4"}


@pytest.fixture(scope="module")
def thingsdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    folder = tmp_path_factory.mktemp("thingsdk")
    spec = write_spec(folder, SPEC)
    write_all([build(Job("thingsdk", spec, folder / "out" / "thingsdk", "spec.yaml"), use_cache=False)])
    sys.path.insert(0, str(folder / "out"))
    try:
        yield importlib.import_module("thingsdk")
    finally:
        sys.path.remove(str(folder / "out"))
        for name in [name for name in sys.modules if name == "thingsdk" or name.startswith("thingsdk.")]:
            del sys.modules[name]


class Recorder:
    def __init__(self, *responses: httpx.Response) -> None:
        self.requests: list[httpx.Request] = []
        self.authorizations: list[str | None] = []  # as sent (a retried request object is reused)
        self.responses = list(responses)
        self.tokens = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == "auth.example.test":
            self.tokens += 1
            return httpx.Response(200, json={"access_token": f"tok-{self.tokens}", "token_type": "Bearer", "expires_in": 3600})
        self.requests.append(request)
        self.authorizations.append(request.headers.get("authorization"))
        if self.responses:
            return self.responses.pop(0)
        return httpx.Response(200, json={"id": "t1", "name": "n"})


def make(module: ModuleType, recorder: Recorder, **credentials: Any) -> Any:
    return module.Client(http_client=httpx.Client(transport=httpx.MockTransport(recorder)), **credentials)


def test_each_auth_kind_on_the_wire(thingsdk: ModuleType) -> None:
    recorder = Recorder()
    client = make(thingsdk, recorder, username="user", **SECRETS, client_id="cid")
    client.things.via_header()
    assert recorder.requests[-1].headers["X-Api-Key"] == "HK-secret-1"
    client.things.via_query()
    assert recorder.requests[-1].url.params["api_key"] == "QK-secret-5"
    client.things.via_cookie()
    assert recorder.requests[-1].headers["cookie"] == "key=CK-secret-6"
    client.things.via_bearer()
    assert recorder.requests[-1].headers["authorization"] == "Bearer BT-secret-2"
    client.things.via_basic()
    assert recorder.requests[-1].headers["authorization"] == httpx.BasicAuth("user", "PW-secret-3")._auth_header
    client.things.via_both()
    assert recorder.requests[-1].headers["authorization"] == "Bearer BT-secret-2" and recorder.requests[-1].headers["x-api-key"] == "HK-secret-1"
    client.things.via_either()
    assert recorder.requests[-1].headers["authorization"].startswith("Basic ")
    client.things.anonymous()
    assert "authorization" not in recorder.requests[-1].headers and "x-api-key" not in recorder.requests[-1].headers


def test_api_key_from_the_environment(thingsdk: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THINGSDK_HEADER_KEY_API_KEY", "from-env")
    recorder = Recorder()
    make(thingsdk, recorder).things.via_header()
    assert recorder.requests[-1].headers["x-api-key"] == "from-env"


def test_oauth2_token_fetched_once_and_refreshed_on_401(thingsdk: ModuleType) -> None:
    recorder = Recorder(httpx.Response(200, json={}), httpx.Response(200, json={}), httpx.Response(401, json={}), httpx.Response(200, json={}))
    client = make(thingsdk, recorder, client_id="cid", client_secret="CS-secret-4")
    client.things.via_oauth()
    client.things.via_oauth()
    assert recorder.tokens == 1
    assert recorder.authorizations == ["Bearer tok-1", "Bearer tok-1"]
    client.things.via_oauth()  # 401 -> a new token, the request sent once more
    assert recorder.tokens == 2
    assert recorder.authorizations[2:] == ["Bearer tok-1", "Bearer tok-2"]


def test_429_with_retry_after_is_retried_after_about_a_second(thingsdk: ModuleType) -> None:
    recorder = Recorder(httpx.Response(429, headers={"Retry-After": "1"}, json={}), httpx.Response(200, json={"name": "ok"}))
    client = make(thingsdk, recorder, header_key_api_key="k")
    started = time.monotonic()
    thing = client.things.via_header()
    elapsed = time.monotonic() - started
    assert thing.name == "ok" and len(recorder.requests) == 2
    assert 0.9 <= elapsed < 5, elapsed


def test_post_is_not_retried(thingsdk: ModuleType) -> None:
    recorder = Recorder(httpx.Response(503, json={}), httpx.Response(200, json={}))
    client = make(thingsdk, recorder, header_key_api_key="k")
    with pytest.raises(thingsdk.InternalServerError):
        client.things.touch("t1")
    assert len(recorder.requests) == 1


def test_422_raises_the_typed_error_with_its_parsed_body(thingsdk: ModuleType) -> None:
    body = {"detail": [{"field": "name", "message": "too long"}]}
    recorder = Recorder(httpx.Response(422, json=body))
    client = make(thingsdk, recorder, header_key_api_key="k")
    with pytest.raises(thingsdk.UnprocessableEntityError) as error:
        client.things.update("t1", name="x" * 300)
    assert error.value.status_code == 422
    assert isinstance(error.value.body, thingsdk.models.Invalid)
    assert error.value.body.detail[0].message == "too long"


def test_unknown_enum_value_parses(thingsdk: ModuleType) -> None:
    recorder = Recorder(httpx.Response(200, json={"id": "t1", "kind": "enormous"}))
    assert make(thingsdk, recorder, header_key_api_key="k").things.via_header().kind == "enormous"


def test_update_sends_only_what_was_set(thingsdk: ModuleType) -> None:
    recorder = Recorder()
    client = make(thingsdk, recorder, header_key_api_key="k")
    client.things.update("t1", note=None)
    assert json.loads(recorder.requests[-1].content) == {"note": None}
    client.things.update("t1", body=thingsdk.models.Thing(id="read-only", name="n"))
    assert json.loads(recorder.requests[-1].content) == {"name": "n"}
    assert recorder.requests[-1].url.path == "/v1/things/t1"


def test_secrets_stay_out_of_reprs_errors_and_logs(thingsdk: ModuleType, caplog: pytest.LogCaptureFixture) -> None:
    recorder = Recorder(*[httpx.Response(500, json={"echo": "nothing"})] * 3)
    client = make(thingsdk, recorder, username="user", client_id="cid", **SECRETS)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(thingsdk.APIStatusError) as error:
        client.things.via_query()
    client.things.via_header()
    client.things.via_basic()
    texts = [repr(client), str(error.value), repr(error.value), caplog.text]
    assert caplog.text, "expected the client to log its requests"
    for secret in SECRETS.values():
        for text in texts:
            assert secret not in text
