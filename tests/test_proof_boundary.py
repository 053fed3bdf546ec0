"""A proof that fails leaves no failing test (issue 25): when the generation-time proof itself cannot
run for one operation (a step raises), that operation's tests are skipped with the reason written in
them and one warning; generation goes on and every other operation's tests are proven as usual."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.parse.ir import Operation, Resource
from generator.render.environment import Renderer
from generator.testgen import cases, proof
from tests.conftest import minimal_spec
from tests.test_contract_fixes import assert_generated_tests_pass
from tests.test_generation_proof import IDS, TAGS, _build, _get

# Both operations' document examples fail on the wire: only the proof keeps their tests green.
SPEC = minimal_spec(openapi="3.0.3", paths={"/tags": _get("listTags", TAGS), "/ids": _get("listIds", IDS)})
BROKEN_STEP = "a value the proof cannot build"


def _failing_for_list_tags(original: Any) -> Any:
    def step(self: Any, resource: Resource, operation: Operation) -> Any:
        if operation.operation_id == "listTags":
            raise ValueError(BROKEN_STEP)
        return original(self, resource, operation)

    return step


def test_an_operation_the_proof_cannot_run_for_is_skipped_with_its_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(proof._Prover, "failures", _failing_for_list_tags(proof._Prover.failures))
    out, warnings = _build(tmp_path, SPEC)  # generation goes on
    said = [line for line in warnings if "the proof cannot run for this operation" in line]
    assert len(said) == 1 and "(ValueError: a value the proof cannot build)" in said[0] and "#/paths/~1tags/get" in said[0], warnings
    tests = out / "pkg" / "tests"
    tags = (tests / "test_tags.py").read_text(encoding="utf-8")
    assert "pytest.mark.skip(" in tags and BROKEN_STEP in tags and "the operation's tests are skipped" in tags
    # the other operation is proven as usual: its failing example replaced, its tests not skipped
    ids = (tests / "test_ids.py").read_text(encoding="utf-8")
    assert "pytest.mark.skip(" not in ids and 'ids=["a|b", "c"]' not in ids
    assert any("generated tests:" in line and "#/paths/~1ids/get" in line for line in warnings), warnings
    output = assert_generated_tests_pass(out)
    assert "skipped" in output and "failed" not in output


def test_without_a_broken_step_both_operations_are_proven(tmp_path: Path) -> None:
    """The same document, the proof intact: nothing skipped (the skip above is the boundary's doing)."""
    out, warnings = _build(tmp_path, SPEC)
    assert not [line for line in warnings if "the proof cannot run" in line]
    assert "pytest.mark.skip(" not in (out / "pkg" / "tests" / "test_tags.py").read_text(encoding="utf-8")


def test_an_operation_whose_tests_cannot_be_built_is_left_out_with_its_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Building the test itself raises (the proof's first step too): the operation's tests are left out
    of its module, which says so; one warning; the other operation's tests are built and proven."""
    monkeypatch.setattr(cases.CaseMaker, "operation", _failing_for_list_tags(cases.CaseMaker.operation))
    out, warnings = _build(tmp_path, SPEC)
    said = [line for line in warnings if "#/paths/~1tags/get" in line]
    assert len(said) == 1 and BROKEN_STEP in said[0], warnings
    tags = (out / "pkg" / "tests" / "test_tags.py").read_text(encoding="utf-8")
    assert f"# Not tested: GET /tags (list) has no tests: building them failed (ValueError: {BROKEN_STEP})" in tags
    assert "def _call_list" not in tags and "EXAMPLE_CALLS: dict[str, ExampleCall] = {}" in tags
    ids = (out / "pkg" / "tests" / "test_ids.py").read_text(encoding="utf-8")
    assert "def _call_list" in ids and "pytest.mark.skip(" not in ids and 'ids=["a|b", "c"]' not in ids
    assert_generated_tests_pass(out)


def test_an_operation_its_test_module_does_not_render_for_is_left_out_with_its_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The resource's test template raises for one operation's tests: the module is rendered without
    them and says so; one warning; generation goes on."""
    original = Renderer.render

    def render(self: Renderer, template: str, context: dict[str, Any]) -> str:
        if template.endswith("test_resource.py.jinja") and any(test.operation.operation_id == "listTags" for test in context["tests"]):
            raise ValueError(BROKEN_STEP)
        return original(self, template, context)

    monkeypatch.setattr(Renderer, "render", render)
    spec = minimal_spec(openapi="3.0.3", paths={"/tags": _get("listTags", TAGS), "/tags/{id}": _get("getTag", {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}), "/ids": _get("listIds", IDS)})
    out, warnings = _build(tmp_path, spec)
    said = [line for line in warnings if "does not render" in line]
    assert len(said) == 1 and "#/paths/~1tags/get" in said[0] and BROKEN_STEP in said[0], warnings
    tags = (out / "pkg" / "tests" / "test_tags.py").read_text(encoding="utf-8")
    assert f"# Not tested: GET /tags (list) has no tests: its test module does not render for it (ValueError: {BROKEN_STEP})" in tags
    assert "def _call_list(" not in tags and "def _call_get(" in tags  # the same module's other operation keeps its tests
    assert "def _call_list(" in (out / "pkg" / "tests" / "test_ids.py").read_text(encoding="utf-8")
    assert_generated_tests_pass(out)
