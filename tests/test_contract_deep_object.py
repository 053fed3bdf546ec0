"""deepObject query parameters whose members are lists: OpenAPI defines no spelling for them.

The client sends such a member as JSON text (`range[modified_at]=["a","b"]`, warned at generation,
as for exploded form objects with nested members); the contract check reads the members back as that
JSON and validates the whole object against its schema (pandascore's `range` and `filter`).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.ground.diagnostics import WarningSink
from generator.pipeline import read_api
from tests.conftest import minimal_spec
from tests.test_contract_fixes import assert_generated_tests_pass, generate, imported

RANGE = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "modified_at": {"type": "array", "minItems": 2, "maxItems": 2, "items": {"type": "string", "format": "date-time"}},
        "id": {"type": "array", "minItems": 2, "maxItems": 2, "items": {"type": "integer"}},
    },
}


def _spec() -> dict[str, Any]:
    parameter = {
        "name": "range", "in": "query", "style": "deepObject", "explode": True, "schema": RANGE,
        "example": {"modified_at": ["2025-10-15T13:52:12Z", "2025-10-16T13:52:12Z"]},
    }  # fmt: skip
    get = {"get": {"operationId": "listLeagues", "parameters": [parameter], "responses": {"204": {"description": "ok"}}}}
    return minimal_spec(openapi="3.0.3", paths={"/leagues": get})


def test_deep_object_list_members_are_warned_sent_as_json_and_checked(tmp_path: Path) -> None:
    warnings = WarningSink()
    read_api(_spec(), "pkg", warnings)
    assert any("query parameter 'range' is an object with object or list members" in item.message for item in warnings.sorted())
    out = generate(tmp_path, _spec())
    assert_generated_tests_pass(out)
    with imported(out):
        contract = importlib.import_module("pkg.tests._contract")

        def call(query: str) -> Any:
            return contract.read_call(httpx.Request("GET", "https://api.example.test/leagues?" + query), ("GET", "/leagues"))

        good = call('range[id]=[1,2]&range[modified_at]=["2025-10-15T13:52:12Z","2025-10-16T13:52:12Z"]')
        assert good.query["range"] == {"id": [1, 2], "modified_at": ["2025-10-15T13:52:12Z", "2025-10-16T13:52:12Z"]}
        with pytest.raises(AssertionError, match="range"):
            call("range[id]=[1,2,3]")  # three items where the schema allows two
        with pytest.raises(AssertionError, match="range"):
            call('range[id]=["a","b"]')  # not integers


# OpenAI's `metadata` filter: a free-form map spelled as a union with null (`anyOf: [{type: object,
# additionalProperties: string}, {type: "null"}]`), sent with the default style (form, exploded) or as
# deepObject. The styles read form fields only into a plain object schema; the contract check reads
# such a parameter back as one JSON object and validates it against the whole union.
NULLABLE_MAP = {"anyOf": [{"type": "object", "additionalProperties": {"type": "string", "maxLength": 8}}, {"type": "null"}]}


@pytest.mark.parametrize("style", ["form", "deepObject"])
def test_exploded_object_spelled_as_a_union_with_null(tmp_path: Path, style: str) -> None:
    parameter: dict[str, Any] = {"name": "metadata", "in": "query", "schema": {"$ref": "#/components/schemas/Metadata"}, "example": {"key1": "value1"}}
    if style == "deepObject":
        parameter |= {"style": "deepObject", "explode": True}
    other = {"name": "limit", "in": "query", "schema": {"type": "integer"}}
    get = {"get": {"operationId": "listThings", "parameters": [parameter, other], "responses": {"204": {"description": "ok"}}}}
    spec = minimal_spec(paths={"/things": get}, components={"schemas": {"Metadata": NULLABLE_MAP}})
    out = generate(tmp_path, spec)
    assert "\"metadata\": {\"key1\": \"value1\"}" in (out / "pkg" / "tests" / "test_things.py").read_text()
    assert_generated_tests_pass(out)
    with imported(out) as package:
        contract = importlib.import_module("pkg.tests._contract")

        def call(query: str) -> Any:
            return contract.read_call(httpx.Request("GET", "https://api.example.test/things?" + query), ("GET", "/things"))

        seen: list[httpx.Request] = []
        transport = httpx.MockTransport(lambda request: seen.append(request) or httpx.Response(204))
        client = package.Client(base_url="https://api.example.test", http_client=httpx.Client(transport=transport))
        client.things.list(metadata={"a": "1", "b": "2"}, limit=3)
        sent = str(seen[0].url.query, "ascii")
        assert sent == ("a=1&b=2&limit=3" if style == "form" else "metadata[a]=1&metadata[b]=2&limit=3")
        assert call(sent).query == {"metadata": {"a": "1", "b": "2"}, "limit": 3}
        with pytest.raises(AssertionError, match="metadata"):  # longer than the map's values may be
            call(sent.replace("=1", "=far-too-long"))
