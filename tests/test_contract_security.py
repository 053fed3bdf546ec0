"""Security requirements a request cannot meet as written, and cookies sent through a Cookie header."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.ground.diagnostics import WarningSink
from generator.pipeline import read_api
from generator.pipeline import Job, build, write_all
from tests.conftest import minimal_spec, write_spec
from tests.test_contract_fixes import assert_generated_tests_pass, generate, imported

SCHEMES = {
    "key": {"type": "apiKey", "in": "header", "name": "X-Key"},
    "basic": {"type": "http", "scheme": "basic"},
    "oauth": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "https://api.example.test/token", "scopes": {}}}},
    "bearer": {"type": "http", "scheme": "bearer"},
}


def _post(operation_id: str, **extra: Any) -> dict[str, Any]:
    return {"post": {"operationId": operation_id, "responses": {"204": {"description": "done"}}, **extra}}


def test_and_ed_schemes_sharing_the_authorization_header(tmp_path: Path) -> None:
    paths = {
        "/and": _post("both", security=[{"key": [], "basic": [], "oauth": []}]),
        "/either": _post("either", security=[{"oauth": [], "basic": []}, {"bearer": []}]),
    }
    spec = minimal_spec(openapi="3.0.3", paths=paths, components={"securitySchemes": SCHEMES})
    warnings = WarningSink()
    api = read_api(spec, "pkg", warnings)
    security = {operation.operation_id: operation.security for resource in api.resources for operation in resource.operations}
    # One Authorization header per request: the first of the clashing schemes is kept, and an
    # alternative met in full is preferred.
    assert security == {"both": (("key", "basic"),), "either": (("bearer",), ("oauth",))}
    messages = [(item.pointer, item.message) for item in warnings.sorted()]
    assert ("#/paths/~1and/post/security/0", "security requirement ANDs 'basic' and 'oauth', which both need the Authorization header: one request cannot carry both; the client sends 'basic'") in messages
    out = generate(tmp_path, spec)
    assert_generated_tests_pass(out)
    with imported(out):
        contract = importlib.import_module("pkg.tests._contract")
        basic = contract.CREDENTIALS["basic"].value
        with pytest.raises(AssertionError, match="not valid for any requirement"):  # the API key is still required
            contract.read_call(httpx.Request("POST", "https://api.example.test/and", headers={"Authorization": basic}), ("POST", "/and"))
        sent = httpx.Request("POST", "https://api.example.test/and", headers={"Authorization": basic, "X-Key": contract.CREDENTIALS["key"].value})
        assert contract.read_call(sent, ("POST", "/and")).security == ("key", "basic")


def test_undefined_scheme_is_warned_and_not_demanded(tmp_path: Path) -> None:
    spec = minimal_spec(openapi="3.0.3", paths={"/things": _post("make", security=[{"api_key": []}])}, components={"securitySchemes": {"basic": SCHEMES["basic"]}})
    warnings = WarningSink()
    read_api(spec, "pkg", warnings)
    assert [(item.pointer, item.message) for item in warnings.sorted()] == [
        ("#/paths/~1things/post/security/0", "security requirement names 'api_key', which components.securitySchemes does not define: the client sends nothing for it")
    ]
    assert_generated_tests_pass(generate(tmp_path, spec))


def test_cookie_header_parameter_documents_its_cookies(tmp_path: Path) -> None:
    # VTEX: the cookies travel in a documented `Cookie` header parameter, not as cookie parameters.
    cookie = {"name": "Cookie", "in": "header", "required": True, "schema": {"type": "string", "example": "Vtex_CHKO_Auth=abc; CheckoutDataAccess=def"}}
    spec = minimal_spec(openapi="3.0.3", paths={"/things": _post("make", parameters=[cookie])})
    out = generate(tmp_path, spec)
    assert_generated_tests_pass(out)


def test_optional_security_is_met_by_the_credential_the_request_carries(tmp_path: Path) -> None:
    """`security: [{}, {key: []}]` (wheretocredit): anonymous calls are allowed, and a client with a key
    sends it; the contract reports the alternative the request carries, not the empty one."""
    spec = minimal_spec(openapi="3.0.3", paths={"/quote": _post("quote", security=[{}, {"key": []}])}, components={"securitySchemes": {"key": SCHEMES["key"]}})
    out = generate(tmp_path, spec)
    assert_generated_tests_pass(out)
    with imported(out):
        contract = importlib.import_module("pkg.tests._contract")
        keyed = httpx.Request("POST", "https://api.example.test/quote", headers={"X-Key": contract.CREDENTIALS["key"].value})
        assert contract.read_call(keyed, ("POST", "/quote")).security == ("key",)
        assert contract.read_call(httpx.Request("POST", "https://api.example.test/quote"), ("POST", "/quote")).security == ()


def test_a_token_endpoint_documented_with_a_json_body_is_not_held_to_it(tmp_path: Path) -> None:
    """fulfillment.com documents its token endpoint with a JSON body; the client follows RFC 6749 (a form)."""
    token = {"post": {"operationId": "token", "security": [], "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}}, "responses": {"200": {"description": "token"}}}}
    spec = minimal_spec(openapi="3.0.3", paths={"/token": token, "/orders": _post("order", security=[{"oauth": []}])}, components={"securitySchemes": {"oauth": SCHEMES["oauth"]}})
    assert_generated_tests_pass(generate(tmp_path, spec))



def _token_form_spec(client_id: dict[str, Any]) -> dict[str, Any]:
    """PeerTube's token endpoint: a form that is a oneOf by grant_type, whose options require the
    client's id and secret beside the grant's own fields (RFC 6749 4.3.2)."""
    client_fields = {"client_id": client_id, "client_secret": {"type": "string"}}
    kinds = {"type": "string", "enum": ["password", "refresh_token"]}
    grants = {
        "password": {"type": "object", "required": ["client_id", "client_secret", "grant_type", "username", "password"],
                     "properties": {**client_fields, "grant_type": kinds, "username": {"type": "string"}, "password": {"type": "string"}}},
        "refresh": {"type": "object", "required": ["client_id", "client_secret", "grant_type", "refresh_token"],
                    "properties": {**client_fields, "grant_type": kinds, "refresh_token": {"type": "string"}}},
    }
    form = {"oneOf": [{"$ref": "#/components/schemas/password"}, {"$ref": "#/components/schemas/refresh"}],
            "discriminator": {"propertyName": "grant_type", "mapping": {"password": "#/components/schemas/password", "refresh_token": "#/components/schemas/refresh"}}}
    token = {"post": {"operationId": "token", "security": [], "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": form}}}, "responses": {"200": {"description": "token"}}}}
    scheme = {"type": "oauth2", "flows": {"password": {"tokenUrl": "/token", "scopes": {}}}}
    return minimal_spec(openapi="3.0.3", paths={"/token": token, "/orders": _post("order", security=[{"oauth": []}])}, components={"schemas": grants, "securitySchemes": {"oauth": scheme}})


def _built(folder: Path, spec: dict[str, Any]) -> tuple[Path, list[str]]:
    built = build(Job("pkg", write_spec(folder, spec), folder / "out" / "pkg", "spec.yaml"), use_cache=False)
    write_all([built])
    return folder / "out", built.warnings


def test_a_password_grant_sends_the_client_credentials_its_token_form_requires(tmp_path: Path) -> None:
    """The client takes the client id and secret beside username and password and sends them in the
    token form; the generated tests hold that request to the documented form, with credentials the
    proof took from the form (the dummy `test-client-id` is not 32 characters long)."""
    client_id = {"type": "string", "minLength": 32, "maxLength": 32, "pattern": "^[a-z0-9]+$", "example": "v1ikx5hnfop4mdpnci8nsqh93c45rldf"}
    out, warnings = _built(tmp_path, _token_form_spec(client_id))
    assert any("credentials of scheme 'oauth' are the token form's values" in warning for warning in warnings), warnings
    assert_generated_tests_pass(out)
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if request.url.path == "/token":
            return httpx.Response(200, json={"access_token": "t", "token_type": "Bearer", "expires_in": 60})
        return httpx.Response(204)

    with imported(out):
        contract = importlib.import_module("pkg.tests._contract")
        assert contract.UNCHECKED_TOKEN_URLS == ()
        assert contract.make_client()._client._credentials["oauth"].client_id == client_id["example"]
        client_module = importlib.import_module("pkg")
        with httpx.Client(transport=httpx.MockTransport(answer)) as http, client_module.Client(
            username="u", password="p", client_id="app", client_secret="s3cret", http_client=http
        ) as client:
            client.orders.order()
    form = dict(httpx.QueryParams(sent[0].content.decode()))
    assert form == {"grant_type": "password", "username": "u", "password": "p", "client_id": "app", "client_secret": "s3cret"}
    assert sent[1].headers["Authorization"] == "Bearer t"


def test_a_token_form_no_credential_meets_is_not_held_to_the_document(tmp_path: Path) -> None:
    """PeerTube's `client_id` must be 32 characters long and match `/^[a-z0-9]$/` (a JavaScript
    literal: one character between slashes): no value does, so the tests answer its token requests
    without the check, and a warning says so."""
    client_id = {"type": "string", "minLength": 32, "maxLength": 32, "pattern": "/^[a-z0-9]$/", "example": "v1ikx5hnfop4mdpnci8nsqh93c45rldf"}
    out, warnings = _built(tmp_path, _token_form_spec(client_id))
    assert any("no credential meets the token form of scheme 'oauth'" in warning for warning in warnings), warnings
    assert_generated_tests_pass(out)
    with imported(out):
        assert importlib.import_module("pkg.tests._contract").UNCHECKED_TOKEN_URLS == ("/token",)


def test_a_walk_is_skipped_with_the_operation_whose_request_cannot_be_sent(tmp_path: Path) -> None:
    """pay1.de signs its page listing with a custom HMAC scheme only: the proof finds that no test
    request can carry it and skips the operation's tests; its two-page walk test is one of them."""
    page = {"type": "object", "properties": {"content": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}}},
                                              "number": {"type": "integer"}, "totalPages": {"type": "integer"}, "last": {"type": "boolean"}}}
    listing = {"get": {"operationId": "listLinks", "security": [{"hmac": []}],
                       "parameters": [{"in": "query", "name": "page", "schema": {"type": "integer", "default": 0}}, {"in": "query", "name": "limit", "schema": {"type": "integer", "default": 25}}],
                       "responses": {"200": {"description": "a page", "content": {"application/json": {"schema": page}}}}}}
    spec = minimal_spec(openapi="3.0.3", paths={"/links": listing}, components={"securitySchemes": {"hmac": {"type": "http", "scheme": "payone-hmac-sha256"}}})
    out = generate(tmp_path, spec)
    tests = next((out / "pkg" / "tests").glob("test_links*.py")).read_text()
    assert "def test_iter_list(" in tests
    assert_generated_tests_pass(out)
    run = subprocess.run([sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", "-p", "no:randomly", "pkg/tests/test_links.py"], cwd=out, capture_output=True, text=True, timeout=300)
    assert "test_iter_list[sync] SKIPPED" in run.stdout and " PASSED" not in run.stdout, run.stdout[-3000:]


def test_a_token_url_only_a_templated_path_takes_is_not_held_to_that_operation(tmp_path: Path) -> None:
    """MotaWord's token URL is `/token`, which the document does not describe; its `POST /{userId}`
    (update a user, a JSON body) takes that URL as a template would, but is not the token endpoint."""
    update = {"post": {"operationId": "updateUser", "security": [{"oauth": []}],
                       "parameters": [{"in": "path", "name": "userId", "required": True, "schema": {"type": "integer"}}],
                       "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "properties": {"name": {"type": "string"}}}}}},
                       "responses": {"204": {"description": "updated"}}}}
    spec = minimal_spec(openapi="3.0.3", paths={"/{userId}": update}, components={"securitySchemes": {"oauth": {**SCHEMES["oauth"], "flows": {"clientCredentials": {"tokenUrl": "/token", "scopes": {}}}}}})
    assert_generated_tests_pass(generate(tmp_path, spec))


def test_a_token_endpoint_under_test_that_takes_json_still_gets_the_clients_form(tmp_path: Path) -> None:
    """Vimeo's `POST /oauth/authorize/client` is both an operation (a JSON body, secured by the
    client-credentials scheme) and that scheme's token URL: testing it, the client first fetches its
    token there with a form, which is its own token request and not the operation's call."""
    authorize = {"post": {"operationId": "clientAuth", "security": [{"oauth": []}],
                          "requestBody": {"required": True, "content": {"application/vnd.vimeo.auth+json": {"schema": {"type": "object", "required": ["grant_type"], "properties": {"grant_type": {"type": "string", "enum": ["client_credentials"]}, "scope": {"type": "string"}}}}}},
                          "responses": {"200": {"description": "a token", "content": {"application/json": {"schema": {"type": "object", "properties": {"access_token": {"type": "string"}}}}}}}}}
    scheme = {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "https://api.example.test/oauth/authorize/client", "scopes": {}}}}
    spec = minimal_spec(openapi="3.0.3", paths={"/oauth/authorize/client": authorize}, components={"securitySchemes": {"oauth": scheme}})
    assert_generated_tests_pass(generate(tmp_path, spec))
