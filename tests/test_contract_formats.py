"""Formats in the generated contract tests: checked as JSON Schema defines them, sent as their text."""

from __future__ import annotations

import importlib
from pathlib import Path

import httpx
import pytest

from tests.conftest import minimal_spec
from tests.test_contract_fixes import assert_generated_tests_pass, generate, imported


def test_time_idn_hostname_and_binary_parameters(tmp_path: Path) -> None:
    parameters = [
        {"name": "time", "in": "query", "schema": {"type": "string", "format": "time", "example": "16:39:57-08:00"}},
        {"name": "host", "in": "query", "schema": {"type": "string", "format": "idn-hostname", "example": "Bücher.example"}},
        {"name": "blob", "in": "query", "schema": {"type": "string", "format": "binary"}},
        {"name": "later", "in": "query", "schema": {"type": "string", "format": "time"}},
    ]
    get = {"get": {"operationId": "find", "parameters": parameters, "responses": {"204": {"description": "none"}}}}
    out = generate(tmp_path, minimal_spec(openapi="3.0.3", paths={"/pets": get}))
    text = (out / "pkg" / "tests" / "test_pets.py").read_text()
    # IDNA 2008 has no upper-case letters (validators refuse the document's example); bytes travel as their text.
    assert "Bücher" not in text and '"blob": "hello",' in text and '"later": "03:04:05Z"' in text
    assert_generated_tests_pass(out)
    with imported(out):
        contract = importlib.import_module("pkg.tests._contract")
        for good in ("16:39:57-08:00", "23:20:50.52Z"):
            assert contract.read_call(httpx.Request("GET", "https://api.example.test/pets", params={"time": good}), ("GET", "/pets")).query == {"time": good}
        with pytest.raises(AssertionError, match="is not a 'time'"):  # RFC 3339 full-time has an offset
            contract.read_call(httpx.Request("GET", "https://api.example.test/pets", params={"time": "23:20:50"}), ("GET", "/pets"))
