"""The generated tests' own checks (`tests/_validation*.py`) refuse what the document does not allow,
and name the part: a parameter by location and name, the body, a reply's body or header. A request
the document allows is read back with its values typed as their schemas say."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.test_contract_fixes import generate, imported

OPERATION = ("POST", "/items/{itemId}")
SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Breakage", "version": "1.0"},
    "servers": [{"url": "https://api.example.test/v1"}],
    "paths": {
        "/items/{itemId}": {
            "post": {
                "operationId": "updateItem",
                "parameters": [
                    {"name": "itemId", "in": "path", "required": True, "schema": {"type": "integer"}},
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 50}},
                    {"name": "tags", "in": "query", "style": "form", "explode": False, "schema": {"type": "array", "items": {"type": "string"}}},
                    {"name": "filter", "in": "query", "style": "deepObject", "explode": True, "schema": {"type": "object", "properties": {"min": {"type": "number"}, "strict": {"type": "boolean"}}}},
                    {"name": "X-Request-Id", "in": "header", "required": True, "schema": {"type": "string", "format": "uuid"}},
                    {"name": "session", "in": "cookie", "schema": {"type": "string"}},
                ],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "size": {"type": "integer"}}}}},
                },
                "responses": {
                    "200": {
                        "description": "ok",
                        "headers": {"X-Rate": {"required": True, "schema": {"type": "integer"}}},
                        "content": {"application/json": {"schema": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}, "when": {"type": "string", "format": "date-time"}}}}},
                    },
                    "4XX": {"description": "client error", "content": {"application/json": {"schema": {"type": "object", "properties": {"message": {"type": "string"}}}}}},
                },
            }
        }
    },
}
GOOD_QUERY = "limit=5&tags=a,b&filter[min]=1.5&filter[strict]=true"
GOOD_HEADERS = {"X-Request-Id": "123e4567-e89b-12d3-a456-426614174000", "content-type": "application/json", "cookie": "session=abc"}


@pytest.fixture(scope="module")
def validation(tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = generate(tmp_path_factory.mktemp("reader"), SPEC)
    with imported(out):
        yield importlib.import_module("pkg.tests._validation")


def _request(validation: Any, query: str = GOOD_QUERY, headers: dict[str, str | None] | None = None, body: bytes = b'{"name": "x", "size": 2}', item: str = "7") -> httpx.Request:
    sent = {**GOOD_HEADERS, **(headers or {})}
    return httpx.Request("POST", f"{validation.BASE_URL}/items/{item}?{query}", headers={key: value for key, value in sent.items() if value is not None}, content=body)


def test_a_request_the_document_allows_is_read_back_typed(validation: Any) -> None:
    call = validation.read_call(_request(validation), OPERATION)
    assert call.path_params == {"itemId": 7}
    assert call.query == {"limit": 5, "tags": ["a", "b"], "filter": {"min": 1.5, "strict": True}}
    assert call.headers == {"X-Request-Id": "123e4567-e89b-12d3-a456-426614174000"} and call.cookies == {"session": "abc"}
    assert call.body == {"name": "x", "size": 2}


@pytest.mark.parametrize(
    ("change", "kind", "part"),
    [
        ({"query": "limit=abc"}, "ParameterValidationError", ("query", "limit")),  # cannot be cast
        ({"query": "limit=99"}, "InvalidParameter", ("query", "limit")),  # above its maximum
        ({"query": "filter[min]=x"}, "ParameterValidationError", ("query", "filter")),
        ({"item": "seven"}, "ParameterValidationError", ("path", "itemId")),
        ({"headers": {"X-Request-Id": None}}, "MissingRequiredParameter", ("header", "X-Request-Id")),
        ({"headers": {"X-Request-Id": "nope"}}, "InvalidParameter", ("header", "X-Request-Id")),  # not a uuid
        ({"body": b'{"size": 2}'}, "InvalidRequestBody", None),  # a required field missing
        ({"body": b'{"name": "x", "size": "2"}'}, "InvalidRequestBody", None),
        ({"body": b""}, "MissingRequiredRequestBody", None),
        ({"headers": {"content-type": "text/plain"}}, "RequestBodyValidationError", None),  # undocumented media type
    ],
)
def test_a_broken_request_fails_naming_the_part(validation: Any, change: dict[str, Any], kind: str, part: tuple[str, str] | None) -> None:
    with pytest.raises(validation.ContractViolation) as caught:
        validation.read_call(_request(validation, **change), OPERATION)
    (error,) = caught.value.errors
    assert type(error).__name__ == kind
    if part is None:
        assert isinstance(error, validation.RequestBodyValidationError)
    else:
        assert isinstance(error, validation.ParameterValidationError) and (error.location, error.name) == part


def _reply(status: int, body: bytes, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, headers={"content-type": "application/json", **(headers if headers is not None else {"X-Rate": "3"})}, content=body)


def test_replies_the_document_allows_pass(validation: Any) -> None:
    validation.check_reply(_request(validation), _reply(200, b'{"id": 1, "when": "2020-01-01T00:00:00Z"}'), OPERATION)
    validation.check_reply(_request(validation), _reply(404, b'{"message": "no"}', {}), OPERATION)  # 4XX


@pytest.mark.parametrize(
    ("reply", "kind", "name"),
    [
        (_reply(200, b'{"id": "one"}'), "InvalidData", None),
        (_reply(200, b'{"id": 1, "when": "yesterday"}'), "InvalidData", None),  # not a date-time
        (_reply(200, b"{}"), "InvalidData", None),  # `id` is required
        (_reply(200, b'{"id": 1}', {}), "MissingRequiredHeader", "X-Rate"),
        (_reply(200, b'{"id": 1}', {"X-Rate": "many"}), "HeaderValidationError", "X-Rate"),
        (_reply(404, b'{"message": 5}', {}), "InvalidData", None),
        (httpx.Response(500), "ResponseNotFound", None),
    ],
)
def test_a_broken_reply_fails_naming_the_part(validation: Any, reply: httpx.Response, kind: str, name: str | None) -> None:
    with pytest.raises(validation.ContractViolation) as caught:
        validation.check_reply(_request(validation), reply, OPERATION)
    (error,) = caught.value.errors
    assert type(error).__name__ == kind and getattr(error, "name", None) == name


def test_the_tests_checks_do_not_import_openapi_core(tmp_path: Path) -> None:
    out = generate(tmp_path, SPEC)
    sources = "\n".join(path.read_text(encoding="utf-8") for path in (out / "pkg" / "tests").glob("*.py"))
    assert "openapi_core" not in sources and "werkzeug" not in sources
