"""Naming: spec names always become safe, deterministic, unique identifiers."""

from __future__ import annotations

import keyword

import pytest

from generator.ground.naming import NameScope, make_identifier, pascal_case, snake_case
from generator.parse.operation_names import without_noun


@pytest.mark.parametrize(
    ("raw", "snake", "pascal"),
    [
        ("createSession", "create_session", "CreateSession"),
        ("HTTPResponse", "http_response", "HTTPResponse"),
        ("X-TagshelfAPI-Key", "x_tagshelf_api_key", "XTagshelfAPIKey"),
        ("sha256", "sha256", "Sha256"),
        ("listS3Buckets", "list_s3_buckets", "ListS3Buckets"),
        ("Crème brûlée", "creme_brulee", "CremeBrulee"),
        (".issued", "issued", "Issued"),
    ],
)
def test_case_conversion(raw: str, snake: str, pascal: str) -> None:
    assert snake_case(raw) == snake
    assert pascal_case(raw) == pascal


@pytest.mark.parametrize("raw", ["class", "def", "None", "_", "async", "await", "lambda"])
def test_keywords_are_escaped(raw: str) -> None:
    name = make_identifier(raw)
    assert name.isidentifier() and not keyword.iskeyword(name) and name != "_"


@pytest.mark.parametrize("raw", ["match", "case", "type"])
def test_soft_keywords_are_names_like_any_other(raw: str) -> None:
    # Valid identifiers on every Python; their list differs between Pythons (`type` since 3.12).
    assert make_identifier(raw) == raw


@pytest.mark.parametrize("raw", ["", "123", "日本語", "@@@", "-1", "__init__", "a/../../b", "x\ny", "💥"])
def test_any_text_gives_a_safe_ascii_identifier(raw: str) -> None:
    for style in ("snake", "pascal"):
        name = make_identifier(raw, style=style)
        assert name.isidentifier() and name.isascii() and not keyword.iskeyword(name)
        assert not name.startswith("_")


def test_non_ascii_names_stay_distinct() -> None:
    assert make_identifier("日本") != make_identifier("中国")


def test_reserved_names_get_a_suffix() -> None:
    assert make_identifier("model_config", reserved=frozenset({"model_config"})) == "model_config_"


def test_name_scope_resolves_collisions_in_claim_order() -> None:
    scope = NameScope()
    assert [scope.claim(make_identifier(raw)) for raw in ("user-name", "userName", "user_name")] == [
        "user_name",
        "user_name_2",
        "user_name_3",
    ]


@pytest.mark.parametrize(
    ("operation_id", "tag", "expected"),
    [
        ("createSession", "sessions", "create"),
        ("getSession", "sessions", "get"),
        ("listSessionDocuments", "sessions", "list_documents"),
        ("findPetsByStatus", "pet", "find_by_status"),
        ("sessions", "sessions", "sessions"),
        ("uploadFile", "jobs", "upload_file"),
    ],
)
def test_method_names_drop_the_tag_words(operation_id: str, tag: str, expected: str) -> None:
    assert without_noun(snake_case(operation_id), tag) == expected


def test_very_long_names_are_shortened_deterministically() -> None:
    from generator.ground.naming import MAX_IDENTIFIER, make_identifier

    base = "RechnungsdruckWebAppControllersApiApiResultSystemCollectionsGenericListBillbeeInterfaces"
    first = make_identifier(base + "CloudStorageApiModel", style="pascal")
    second = make_identifier(base + "CustomerAddressApiModel", style="pascal")
    assert len(first) == len(second) == MAX_IDENTIFIER
    assert first != second and first.isidentifier()
    assert first == make_identifier(base + "CloudStorageApiModel", style="pascal")
    assert make_identifier("ShortName", style="pascal") == "ShortName"
