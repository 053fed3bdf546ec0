"""Real-world document shapes whose generated contract tests used to fail (issue 6).

Each test builds a small package from a document with that shape and runs its generated tests, or
checks the generated client directly.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from generator.ground.diagnostics import WarningSink
from generator.pipeline import read_api
from generator.pipeline import Job, build, write_all
from tests.conftest import REPO, minimal_spec, write_spec


def generate(folder: Path, spec: dict[str, Any], name: str = "pkg") -> Path:
    """Write the package for `spec` into folder/out/<name>; returns folder/out."""
    path = write_spec(folder, spec)
    write_all([build(Job(name, path, folder / "out" / name, "spec.yaml"), use_cache=False)])
    return folder / "out"


def run_generated_tests(out: Path, name: str = "pkg") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", f"{name}/tests"],
        cwd=out, capture_output=True, text=True, timeout=300,
    )


def assert_generated_tests_pass(out: Path, name: str = "pkg") -> str:
    run = run_generated_tests(out, name)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    return run.stdout


@contextmanager
def imported(out: Path, name: str = "pkg") -> Iterator[ModuleType]:
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(name)
    finally:
        sys.path.remove(str(out))
        for module in [module for module in sys.modules if module == name or module.startswith(name + ".")]:
            del sys.modules[module]


def _get(operation_id: str, **extra: Any) -> dict[str, Any]:
    return {"get": {"operationId": operation_id, "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object", "properties": {"id": {"type": "string"}}}}}}}, **extra}}


# ---------------------------------------------------------------- AND-ed bearer-token schemes

GOOGLE_SCHEMES = {
    "Oauth2": {"type": "oauth2", "flows": {"implicit": {"authorizationUrl": "https://accounts.example.test/auth", "scopes": {"all": ""}}}},
    "Oauth2c": {"type": "oauth2", "flows": {"authorizationCode": {"authorizationUrl": "https://accounts.example.test/auth", "tokenUrl": "https://accounts.example.test/token", "scopes": {"all": ""}}}},
}
GOOGLE_SECURITY = [{"Oauth2": ["all"], "Oauth2c": ["all"]}]


def test_anded_bearer_schemes_take_one_token() -> None:
    spec = minimal_spec(openapi="3.0.3", paths={"/things": _get("list", security=GOOGLE_SECURITY)}, components={"securitySchemes": GOOGLE_SCHEMES})
    api = read_api(spec, "pkg", WarningSink())
    summary = [(s.key, s.kind, [a.name for a in s.arguments], s.shares) for s in api.security_schemes]
    assert summary == [("Oauth2", "bearer", ["access_token"], ""), ("Oauth2c", "bearer", [], "Oauth2")]


def test_or_ed_bearer_schemes_keep_their_own_tokens() -> None:
    security = [{"Oauth2": ["all"]}, {"Oauth2c": ["all"]}]
    spec = minimal_spec(openapi="3.0.3", paths={"/things": _get("list", security=security)}, components={"securitySchemes": GOOGLE_SCHEMES})
    api = read_api(spec, "pkg", WarningSink())
    assert [[a.name for a in s.arguments] for s in api.security_schemes] == [["oauth2_access_token"], ["oauth2_c_access_token"]]


def test_anded_bearer_schemes_one_token_authenticates(tmp_path: Path) -> None:
    spec = minimal_spec(openapi="3.0.3", paths={"/things": _get("list", security=GOOGLE_SECURITY)}, components={"securitySchemes": GOOGLE_SCHEMES})
    out = generate(tmp_path, spec)
    sent: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request.headers.get("authorization"))
        return httpx.Response(200, json={"id": "1"})

    with imported(out) as pkg:
        with pkg.Client(access_token="tok", http_client=httpx.Client(transport=httpx.MockTransport(handler))) as client:
            client.things.list()
    assert sent == ["Bearer tok"]
    assert_generated_tests_pass(out)


# ---------------------------------------------------------------- servers


def test_scheme_relative_server_defaults_to_https(tmp_path: Path) -> None:
    spec = minimal_spec(openapi="3.0.3", servers=[{"url": "//api.example.test/v1"}], paths={"/things": _get("list")})
    out = generate(tmp_path, spec)
    with imported(out) as pkg:
        assert pkg.Client().base_url == "https://api.example.test/v1"
    assert_generated_tests_pass(out)


def test_paths_repeating_the_base_path_warn() -> None:
    spec = minimal_spec(servers=[{"url": "https://api.example.test/shop/v2"}], paths={"/shop/v2/things": _get("list")})
    sink = WarningSink()
    read_api(spec, "pkg", sink)
    assert [item.pointer for item in sink.sorted() if "base path '/shop/v2'" in item.message] == ["#/servers/0"]


def test_unknown_formats_are_annotations_in_contract_tests(tmp_path: Path) -> None:
    parameter = {"name": "X-Market-Id", "in": "header", "schema": {"type": "string", "format": "bcp-47"}, "example": "en-US"}
    spec = minimal_spec(openapi="3.0.3", paths={"/things": _get("list", parameters=[parameter])})
    assert_generated_tests_pass(generate(tmp_path, spec))


# ---------------------------------------------------------------- examples and bodies


def _json(schema: dict[str, Any], **media: Any) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema, **media}}}


def test_reference_into_another_path_resolves_in_contract_tests(tmp_path: Path) -> None:
    agent = {"type": "object", "required": ["symbol"], "properties": {"symbol": {"type": "string"}}}
    register = {"post": {"operationId": "register", "responses": {"201": {"description": "made", **_json({"type": "object", "properties": {"agent": agent}})}}}}
    reused = {"$ref": "#/paths/~1register/post/responses/201/content/application~1json/schema/properties/agent"}
    mine = {"get": {"operationId": "mine", "responses": {"200": {"description": "ok", **_json({"type": "object", "properties": {"data": reused}})}}}}
    spec = minimal_spec(openapi="3.0.3", paths={"/register": register, "/my/agent": mine})
    assert_generated_tests_pass(generate(tmp_path, spec))


def test_example_given_as_a_lone_reference_is_followed(tmp_path: Path) -> None:
    schemas = {"Create": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}, "example": {"name": "My collection"}}}
    body = {"required": True, **_json({"$ref": "#/components/schemas/Create"}, examples={"default": {"value": {"$ref": "#/components/schemas/Create/example"}}})}
    operation = {"post": {"operationId": "create", "requestBody": body, "responses": {"204": {"description": "done"}}}}
    out = generate(tmp_path, minimal_spec(openapi="3.0.3", paths={"/collections": operation}, components={"schemas": schemas}))
    assert "'My collection'" in (out / "pkg" / "tests" / "test_collections.py").read_text().replace('"', "'")
    assert_generated_tests_pass(out)


def test_optional_body_with_required_fields_type_checks(tmp_path: Path) -> None:
    schemas = {"Note": {"type": "object", "required": ["total"], "properties": {"total": {"type": "number"}, "memo": {"type": "string"}}, "example": [{"total": 1}]}}
    operation = {"post": {"operationId": "create", "requestBody": _json({"$ref": "#/components/schemas/Note"}), "responses": {"204": {"description": "done"}}}}
    out = generate(tmp_path, minimal_spec(openapi="3.0.3", paths={"/notes": operation}, components={"schemas": schemas}))
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "pkg/tests/test_notes.py"], cwd=out, capture_output=True, text=True, timeout=300)
    assert mypy.returncode == 0, mypy.stdout
    assert_generated_tests_pass(out)


def test_query_spelled_into_the_path_key(tmp_path: Path) -> None:
    parameters = [
        {"name": "city", "in": "path", "required": True, "schema": {"type": "string"}, "example": "Paris"},
        {"name": "key", "in": "query", "required": True, "schema": {"type": "string"}, "example": "k"},
    ]
    out = generate(tmp_path, minimal_spec(openapi="3.0.3", paths={"/current?city={city}": _get("current", parameters=parameters, tags=["weather"])}))
    sent: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        return httpx.Response(200, json={"id": "1"})

    with imported(out) as pkg:
        with pkg.Client(http_client=httpx.Client(transport=httpx.MockTransport(handler))) as client:
            client.weather.current("Paris & co", key="k")
    assert sent == ["https://api.example.test/current?city=Paris%20%26%20co&key=k"]
    assert_generated_tests_pass(out)


def test_parameters_holding_lists_of_objects(tmp_path: Path) -> None:
    line = {"type": "object", "required": ["sku"], "properties": {"sku": {"type": "string"}, "count": {"type": "integer"}}}
    items = {"type": "array", "items": {"$ref": "#/components/schemas/Line"}}
    parameters = [
        {"name": "lines", "in": "query", "required": True, "schema": items, "example": [{"sku": "a,b", "count": 2}, {"sku": "c"}]},
        {"name": "X-Lines", "in": "header", "schema": items, "example": [{"sku": "d", "count": 1}, {"sku": "e"}]},
    ]
    spec = minimal_spec(openapi="3.0.3", paths={"/orders": _get("list", parameters=parameters)}, components={"schemas": {"Line": line}})
    out = generate(tmp_path, spec)
    assert_generated_tests_pass(out)
    # Still checked against the item schema: an item without its required member is refused.
    with imported(out) as pkg:
        contract = importlib.import_module("pkg.tests._contract")
        good = httpx.Request("GET", "https://api.example.test/orders", params=[("lines", '{"sku":"a,b"}'), ("lines", '{"sku":"c"}')], headers={"X-Lines": '{"sku":"d"},{"sku":"e"}'})
        assert contract.read_call(good, ("GET", "/orders")).query == {"lines": [{"sku": "a,b"}, {"sku": "c"}]}
        for bad in (
            httpx.Request("GET", "https://api.example.test/orders", params=[("lines", '{"sku":"a"}'), ("lines", '{"kus":"c"}')]),
            httpx.Request("GET", "https://api.example.test/orders", params={"lines": '{"sku":"a"}'}, headers={"X-Lines": '{"count":1}'}),
        ):
            with pytest.raises(AssertionError, match="'sku' is a required property"):
                contract.read_call(bad, ("GET", "/orders"))


def test_authorization_header_parameter_is_ignored_and_errors_always_describable(tmp_path: Path) -> None:
    header = {"name": "Authorization", "in": "header", "required": True, "schema": {"type": "string"}}
    spec = minimal_spec(
        openapi="3.0.3",
        paths={"/things": _get("list", parameters=[header], security=[{"bearer": []}])},
        components={"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
    )
    out = generate(tmp_path, spec)
    assert_generated_tests_pass(out)
    with imported(out):
        contract = importlib.import_module("pkg.tests._contract")
        schemas = importlib.import_module("pkg.tests._validation_schemas")
        # a body that is text, not bytes (openapi-core's own __str__ of this error failed on it)
        text = contract.describe_errors([schemas.MediaTypeDeserializeError("application/json", "file=@x.pdf")])
    assert "MediaTypeDeserializeError" in text and "file=@x.pdf" in text


def test_schema_local_dialects(tmp_path: Path) -> None:
    def bounded(dialect: str, **bounds: Any) -> dict[str, Any]:
        return {"$schema": dialect, "type": "number", "minimum": 10, "maximum": 20, **bounds}

    schemas = {
        "v5": bounded("https://json-schema.org/draft-05/schema#", exclusiveMinimum=True, exclusiveMaximum=True),
        "v7": bounded("https://json-schema.org/draft-07/schema#", exclusiveMinimum=True, exclusiveMaximum=True),
        "v7-plain": bounded("https://json-schema.org/draft-07/schema#"),
    }
    parameters = [{"name": name, "in": "query", "required": True, "schema": schema, "example": 14} for name, schema in schemas.items()]
    out = generate(tmp_path, minimal_spec(paths={"/numbers": _get("numbers", parameters=parameters)}))
    assert_generated_tests_pass(out)
    with imported(out):
        contract = importlib.import_module("pkg.tests._contract")
        for value in ("20", "10"):  # the exclusive bounds still hold
            request = httpx.Request("GET", "https://api.example.test/numbers", params={"v5": "14", "v7": value, "v7-plain": "14"})
            with pytest.raises(AssertionError, match="v7"):
                contract.read_call(request, ("GET", "/numbers"))


def test_schema_local_2020_12_dialect_written_with_http_and_a_fragment(tmp_path: Path) -> None:
    """PingOne writes `$schema: http://json-schema.org/draft/2020-12/schema#`: the validator knows it as https, no `#`."""
    schema = {"$schema": "http://json-schema.org/draft/2020-12/schema#", "type": "integer", "maximum": 20}
    parameters = [{"name": "n", "in": "query", "required": True, "schema": schema, "example": 14}]
    out = generate(tmp_path, minimal_spec(paths={"/numbers": _get("numbers", parameters=parameters)}))
    assert_generated_tests_pass(out)
    with imported(out):
        contract = importlib.import_module("pkg.tests._contract")
        contract.read_call(httpx.Request("GET", "https://api.example.test/numbers", params={"n": "14"}), ("GET", "/numbers"))
        with pytest.raises(AssertionError, match="n"):
            contract.read_call(httpx.Request("GET", "https://api.example.test/numbers", params={"n": "25"}), ("GET", "/numbers"))


def test_an_open_discriminated_union_reads_a_variant_with_a_date_time_as_its_model(tmp_path: Path) -> None:
    """The `dict[str, Any]` fallback takes only what no option takes (Rebilly's webhook payloads had
    their orders read as dicts: the dict matched exactly where the model needed a string converted)."""
    variant = {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string", "enum": ["a"]}, "at": {"type": "string", "format": "date-time"}}}
    other = {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string", "enum": ["b"]}}}
    union = {"oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}], "discriminator": {"propertyName": "kind"}}
    out = generate(tmp_path, minimal_spec(paths={"/things": _get("list")}, components={"schemas": {"A": variant, "B": other, "Either": union}}))
    with imported(out):
        models = importlib.import_module("pkg.models")
        pydantic = importlib.import_module("pydantic")
        adapter = pydantic.TypeAdapter(models.Either)
        assert type(adapter.validate_python({"kind": "a", "at": "2024-01-02T03:04:05Z"})).__name__ == "A"
        assert type(adapter.validate_python({"kind": "b"})).__name__ == "B"
        assert adapter.validate_python({"kind": "new", "x": 1}) == {"kind": "new", "x": 1}  # an unknown tag: still read


# ---------------------------------------------------------------- webhooks-only documents


def test_webhooks_only_document_gets_meaningful_tests(tmp_path: Path) -> None:
    pet = {"type": "object", "required": ["id", "name"], "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}}
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}, "example": {"id": 7, "name": "Rex"}}}}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Hooks", "version": "1"},
        "webhooks": {"newPet": {"post": {"requestBody": body, "responses": {"200": {"description": "ok"}}}}},
        "components": {"schemas": {"Pet": pet}},
    }
    out = generate(tmp_path, spec)
    tests = (out / "pkg" / "tests" / "test_client.py").read_text()
    assert "def test_webhook_new_pet_post_payload_parses" in tests and "name='Rex'" in tests.replace('"', "'")
    assert "3 passed" in assert_generated_tests_pass(out)
    # The payload test fails when the model reads the payload wrongly.
    models = out / "pkg" / "models.py"
    models.write_text(models.read_text().replace("    id: int\n", "    id: str\n"))
    assert run_generated_tests(out).returncode != 0


def test_webhook_payload_keeps_read_only_values(tmp_path: Path) -> None:
    # Train Travel: the payload reuses Booking, whose `id` is readOnly; the API sends it all the same.
    booking = {"type": "object", "properties": {"id": {"type": "string", "readOnly": True}, "secret": {"type": "string", "writeOnly": True}, "name": {"type": "string"}}}
    body = {"content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Booking"}, {"properties": {"note": {"type": "string"}}}]}}}}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Hooks", "version": "1"},
        "webhooks": {"newBooking": {"post": {"requestBody": body, "responses": {"200": {"description": "ok"}}}}},
        "components": {"schemas": {"Booking": booking}},
    }
    out = generate(tmp_path, spec)
    tests = (out / "pkg" / "tests" / "test_client.py").read_text()
    payload = tests.split("payload: Any = ")[1].split("\n    parsed")[0]
    assert '"id"' in payload and '"secret"' not in payload  # made like a reply's
    assert "to_wire(parsed, keep_read_only=True) == payload" in tests
    assert_generated_tests_pass(out)


def test_parameters_reused_from_other_paths_and_read_only_parameter_schemas(tmp_path: Path) -> None:
    # DigitalOcean: `$ref: #/paths/~1keys/get/parameters/0`, and a path parameter whose schema reuses
    # a readOnly response property.
    key = {"type": "object", "properties": {"id": {"type": "integer", "readOnly": True}}}
    listing = _get("list", parameters=[{"name": "per_page", "in": "query", "schema": {"type": "integer"}, "example": 5}])
    listing["get"]["responses"]["200"] = {"description": "ok", **_json({"type": "object", "properties": {"keys": {"type": "array", "items": key}}})}
    identifier = {"name": "key_id", "in": "path", "required": True, "example": 42, "schema": {"anyOf": [{"$ref": "#/paths/~1keys/get/responses/200/content/application~1json/schema/properties/keys/items/properties/id"}, {"type": "string"}]}}
    one = _get("get", parameters=[identifier, {"$ref": "#/paths/~1keys/get/parameters/0"}])
    spec = minimal_spec(openapi="3.0.3", paths={"/keys": listing, "/keys/{key_id}": one})
    assert_generated_tests_pass(generate(tmp_path, spec))


def test_binary_upload_described_by_an_object_schema(tmp_path: Path) -> None:
    # Google media uploads: `application/octet-stream` with a metadata object as its "schema".
    body = {"content": {"application/octet-stream": {"schema": {"type": "object", "properties": {"name": {"type": "string"}}}}}}
    operation = {"post": {"operationId": "upload", "requestBody": body, "responses": {"204": {"description": "done"}}}}
    out = generate(tmp_path, minimal_spec(openapi="3.0.3", paths={"/files": operation}))
    assert "UPLOAD_REQUEST = Sent(" in (text := (out / "pkg" / "tests" / "test_files.py").read_text())
    assert "body='{\"name\": \"example\"}'.encode()\n)" in text
    assert_generated_tests_pass(out)


def test_a_204_documented_with_a_body_is_checked_as_bodiless(tmp_path: Path) -> None:
    """HTTP sends no body with 204; AWS documents one anyway (billingconductor): the tests must pass."""
    tags = {"type": "object", "properties": {"Tags": {"type": "object", "additionalProperties": {"type": "string"}}}}
    operation = {"get": {"operationId": "listTags", "responses": {"204": {"description": "none", **_json(tags)}}}}
    spec = minimal_spec(openapi="3.0.3", paths={"/tags": operation})
    assert_generated_tests_pass(generate(tmp_path, spec))


def test_a_wildcard_reply_with_an_object_schema_is_json(tmp_path: Path) -> None:
    """Mandrill documents every reply as `*/*` with an object schema: the client decodes JSON."""
    status = {"type": "object", "properties": {"id": {"type": "string"}, "state": {"type": "string"}}}
    operation = {"post": {"operationId": "exportActivity", "responses": {"200": {"description": "ok", "content": {"*/*": {"schema": status}}}}}}
    out = generate(tmp_path, minimal_spec(openapi="3.0.3", paths={"/exports/activity.json": operation}))
    assert_generated_tests_pass(out)
    with imported(out) as package:
        transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"id": "e1", "state": "done"}))
        with package.Client(base_url="https://api.example.test", http_client=httpx.Client(transport=transport)) as client:
            result = client.exports.activity()
        assert result.id == "e1" and result.state == "done"
