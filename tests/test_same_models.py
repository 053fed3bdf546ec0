"""Inline schemas of one shape are one model class (generator/parse/same_models.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.ground.diagnostics import WarningSink
from generator.parse.ir import NamedType
from generator.pipeline import read_api
from tests.conftest import minimal_spec
from tests.test_contract_fixes import assert_generated_tests_pass, generate, imported

USER = {"type": "object", "properties": {"login": {"type": "string"}, "id": {"type": "integer"}}}


def _get(operation_id: str, schema: dict[str, Any], example: Any) -> dict[str, Any]:
    reply = {"description": "ok", "content": {"application/json": {"schema": schema, "example": example}}}
    return {"get": {"operationId": operation_id, "tags": ["events"], "responses": {"200": reply}}}


def _event(user: dict[str, Any], action: str) -> dict[str, Any]:
    return {"type": "object", "properties": {"action": {"type": "string", "enum": [action]}, "user": user}}


def _spec(first_user: dict[str, Any], second_user: dict[str, Any], components: dict[str, Any] | None = None) -> dict[str, Any]:
    paths = {
        "/opened": _get("opened", _event(first_user, "opened"), {"action": "opened", "user": {"login": "a", "id": 1}}),
        "/closed": _get("closed", _event(second_user, "closed"), {"action": "closed", "user": {"login": "b", "id": 2}}),
    }
    return minimal_spec(openapi="3.0.3", paths=paths, components={"schemas": components or {}})


def _user_types(spec: dict[str, Any]) -> tuple[list[str], list[str]]:
    api = read_api(spec, "pkg", WarningSink())
    users = []
    for model in api.models:
        field = model.field_by_wire("user")
        if field is not None:
            assert isinstance(field.type, NamedType) or "None" in str(field.type)
            users.append(str(field.type))
    return sorted(model.name for model in api.models), users


def test_two_inline_objects_of_one_shape_are_one_class(tmp_path: Path) -> None:
    names, users = _user_types(_spec(USER, USER))
    user_classes = [name for name in names if name.endswith("User")]
    assert len(user_classes) == 1, names  # the second event's user is the first's class
    assert all(user_classes[0] in text for text in users), users
    out = generate(tmp_path, _spec(USER, USER))
    assert_generated_tests_pass(out)
    with imported(out) as package:
        opened = package.models.OpenedResponse.model_validate({"action": "opened", "user": {"login": "a"}})
        closed = package.models.ClosedResponse.model_validate({"action": "closed", "user": {"login": "b"}})
        assert type(opened.user) is type(closed.user)


def test_a_named_component_of_that_shape_gives_its_name(tmp_path: Path) -> None:
    names, users = _user_types(_spec(USER, USER, {"SimpleUser": USER}))
    assert [name for name in names if name.endswith("User")] == ["SimpleUser"], names
    assert all("SimpleUser" in text for text in users), users


def test_objects_that_differ_in_a_description_or_a_field_stay_apart() -> None:
    described = {**USER, "properties": {**USER["properties"], "login": {"type": "string", "description": "The handle."}}}  # type: ignore[dict-item]
    names, _ = _user_types(_spec(USER, described))
    assert len([name for name in names if name.endswith("User")]) == 2, names
    wider = {**USER, "properties": {**USER["properties"], "site_admin": {"type": "boolean"}}}  # type: ignore[dict-item]
    names, _ = _user_types(_spec(USER, wider))
    assert len([name for name in names if name.endswith("User")]) == 2, names


def test_named_components_of_one_shape_both_stay() -> None:
    names, _ = _user_types(_spec({"$ref": "#/components/schemas/Author"}, {"$ref": "#/components/schemas/Owner"}, {"Author": USER, "Owner": USER}))
    assert {"Author", "Owner"} <= set(names), names
