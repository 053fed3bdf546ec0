"""Security requirements a request cannot meet as written, and cookies sent through a Cookie header."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.diagnostics import WarningSink
from generator.parse import build_api
from tests.conftest import minimal_spec
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
    api = build_api(spec, "pkg", warnings)
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
    build_api(spec, "pkg", warnings)
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
