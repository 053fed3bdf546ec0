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

from generator.diagnostics import WarningSink
from generator.parse import build_api
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
    build_api(_spec(), "pkg", warnings)
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
