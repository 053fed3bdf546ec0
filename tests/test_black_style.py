"""The checked-in clients are black-formatted: ruff writes them, black must agree byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.black_style import black_differences
from tests.conftest import REPO
from generator.pipeline import Job, build


@pytest.mark.parametrize("provider", sorted(p.name for p in (REPO / "generated").iterdir() if p.is_dir() and p.name != "__pycache__"))
def test_generated_provider_is_black_formatted(provider: str) -> None:
    assert black_differences(REPO / "generated" / provider) == ""


@pytest.mark.parametrize("provider", ["kodexa", "datawollet"])
def test_black_formatter_and_ruff_formatter_agree(provider: str, tmp_path: Path) -> None:
    """Both formatters, from the same unformatted text, give the same bytes."""
    spec = REPO / "specs" / f"{provider}.yaml"
    ruff = build(Job("pkg", spec, tmp_path / "a", "spec.yaml", formatter="ruff"), use_cache=False)
    black = build(Job("pkg", spec, tmp_path / "b", "spec.yaml", formatter="black"), use_cache=False)
    assert dict(ruff.files) == dict(black.files)


def test_very_long_schema_and_operation_names_stay_black_formatted(tmp_path: Path) -> None:
    """A 100-character return annotation is where black and ruff part ways; names are capped before."""
    from tests.conftest import minimal_spec, write_spec
    from generator.pipeline import write_all

    long_name = "ConversationsV1ServiceServiceConversationServiceConversationMessageServiceConversationMessageReceipt"
    operation_id = "putUsersIdUserAccountsIdAccountTransactionsclustersIdTransactionsclusterWithVeryLongName"
    schema = {"type": "object", "properties": {"id": {"type": "string"}}}
    spec = minimal_spec(
        paths={
            "/r": {
                "put": {
                    "operationId": operation_id,
                    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{long_name}"}}}}},
                }
            }
        },
        components={"schemas": {long_name: schema}},
    )
    path = write_spec(tmp_path, spec)
    write_all([build(Job("pkg", path, tmp_path / "out" / "pkg", "spec.yaml"), use_cache=False)])
    assert black_differences(tmp_path / "out") == ""
