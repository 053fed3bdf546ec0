"""Parameter serialization against the OpenAPI 3.1 "Style Examples" table."""

from __future__ import annotations

import datetime as dt
import enum

import pytest

from rtpkg._params import (
    Param,
    encode_cookies,
    encode_headers,
    encode_path,
    encode_query,
    encode_query_string,
)
from rtpkg._types import NOT_GIVEN

EMPTY = ""
STRING = "blue"
ARRAY = ["blue", "black", "brown"]
OBJECT = {"R": 100, "G": 200, "B": 150}


def path(style: str, explode: bool, value: object) -> str:
    return encode_path("{color}", [Param("color", value, style, explode)])


def query(style: str, explode: bool, value: object) -> str:
    return encode_query_string([Param("color", value, style, explode)])


# (style, explode, value, expected) rows of the OpenAPI 3.1 table.
PATH_TABLE = [
    ("matrix", False, EMPTY, ";color"),
    ("matrix", False, STRING, ";color=blue"),
    ("matrix", False, ARRAY, ";color=blue,black,brown"),
    ("matrix", False, OBJECT, ";color=R,100,G,200,B,150"),
    ("matrix", True, EMPTY, ";color"),
    ("matrix", True, STRING, ";color=blue"),
    ("matrix", True, ARRAY, ";color=blue;color=black;color=brown"),
    ("matrix", True, OBJECT, ";R=100;G=200;B=150"),
    ("label", False, EMPTY, "."),
    ("label", False, STRING, ".blue"),
    ("label", False, ARRAY, ".blue,black,brown"),
    ("label", False, OBJECT, ".R,100,G,200,B,150"),
    ("label", True, EMPTY, "."),
    ("label", True, STRING, ".blue"),
    ("label", True, ARRAY, ".blue.black.brown"),
    ("label", True, OBJECT, ".R=100.G=200.B=150"),
    ("simple", False, STRING, "blue"),
    ("simple", False, ARRAY, "blue,black,brown"),
    ("simple", False, OBJECT, "R,100,G,200,B,150"),
    ("simple", True, STRING, "blue"),
    ("simple", True, ARRAY, "blue,black,brown"),
    ("simple", True, OBJECT, "R=100,G=200,B=150"),
]

QUERY_TABLE = [
    ("form", False, EMPTY, "color="),
    ("form", False, STRING, "color=blue"),
    ("form", False, ARRAY, "color=blue,black,brown"),
    ("form", False, OBJECT, "color=R,100,G,200,B,150"),
    ("form", True, EMPTY, "color="),
    ("form", True, STRING, "color=blue"),
    ("form", True, ARRAY, "color=blue&color=black&color=brown"),
    ("form", True, OBJECT, "R=100&G=200&B=150"),
    ("spaceDelimited", False, ARRAY, "color=blue%20black%20brown"),
    ("spaceDelimited", False, OBJECT, "color=R%20100%20G%20200%20B%20150"),
    ("pipeDelimited", False, ARRAY, "color=blue|black|brown"),
    ("pipeDelimited", False, OBJECT, "color=R|100|G|200|B|150"),
    ("deepObject", True, OBJECT, "color[R]=100&color[G]=200&color[B]=150"),
]


@pytest.mark.parametrize(("style", "explode", "value", "expected"), PATH_TABLE)
def test_path_styles(style: str, explode: bool, value: object, expected: str) -> None:
    assert path(style, explode, value) == expected


@pytest.mark.parametrize(("style", "explode", "value", "expected"), QUERY_TABLE)
def test_query_styles(style: str, explode: bool, value: object, expected: str) -> None:
    assert query(style, explode, value) == expected


def test_encode_query_pairs_are_unencoded() -> None:
    params = [
        Param("color", ARRAY, "spaceDelimited", False),
        Param("q", "a b&c", "form", True),
        Param("skip", NOT_GIVEN, "form", True),
        Param("none", None, "form", True),
        Param("flag", True, "form", True),
    ]
    assert encode_query(params) == [
        ("color", "blue black brown"),
        ("q", "a b&c"),
        ("flag", "true"),
    ]
    assert encode_query_string(params) == "color=blue%20black%20brown&q=a%20b%26c&flag=true"


def test_query_value_encoding_and_allow_reserved() -> None:
    when = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert query("form", True, when) == "color=2024-01-02T03%3A04%3A05%2B02%3A00"
    # a comma inside an array item is encoded, the delimiter is not
    assert query("form", False, ["a,b", "c"]) == "color=a%2Cb,c"
    reserved = [Param("path", "/a/b?c=d", "form", True, allow_reserved=True)]
    assert encode_query_string(reserved) == "path=/a/b?c=d"
    assert encode_query_string([Param("path", "/a#b", "form", True, allow_reserved=True)]) == (
        "path=/a%23b"
    )


def test_path_values_cannot_escape_their_segment() -> None:
    template = "/files/{name}/meta"
    assert encode_path(template, [Param("name", "../../admin", "simple", False)]) == (
        "/files/..%2F..%2Fadmin/meta"
    )
    assert encode_path(template, [Param("name", "..", "simple", False)]) == "/files/%2E%2E/meta"
    assert encode_path(template, [Param("name", "a b?#", "simple", False)]) == (
        "/files/a%20b%3F%23/meta"
    )
    assert encode_path(template, [Param("name", "v1.2", "simple", False)]) == "/files/v1.2/meta"
    with pytest.raises(ValueError):
        encode_path(template, [Param("name", "", "simple", False)])
    with pytest.raises(ValueError):
        encode_path(template, [])


def test_path_scalar_types() -> None:
    class Kind(enum.Enum):
        A = "a/b"

    assert path("simple", False, 5) == "5"
    assert path("simple", False, False) == "false"
    assert path("simple", False, Kind.A) == "a%2Fb"
    assert path("simple", False, dt.date(2024, 5, 6)) == "2024-05-06"


def test_headers_simple_style() -> None:
    params = [
        Param("X-Array", ARRAY, "simple", False),
        Param("X-Object", OBJECT, "simple", False),
        Param("X-Object-Exploded", OBJECT, "simple", True),
        Param("X-Skip", NOT_GIVEN, "simple", False),
        Param("X-Int", 3, "simple", False),
    ]
    assert encode_headers(params) == {
        "X-Array": "blue,black,brown",
        "X-Object": "R,100,G,200,B,150",
        "X-Object-Exploded": "R=100,G=200,B=150",
        "X-Int": "3",
    }
    with pytest.raises(ValueError):
        encode_headers([Param("X-Bad", "a\r\nInjected: 1", "simple", False)])


def test_cookies_form_style() -> None:
    params = [
        Param("color", STRING, "form", True),
        Param("list", ARRAY, "form", False),
        Param("obj", OBJECT, "form", False),
        Param("skip", NOT_GIVEN, "form", True),
        Param("odd", "a b;c", "form", True),
    ]
    assert encode_cookies(params) == {
        "color": "blue",
        "list": "blue,black,brown",
        "obj": "R,100,G,200,B,150",
        "odd": "a%20b%3Bc",
    }
    assert encode_cookies([Param("obj", OBJECT, "form", True)]) == {
        "R": "100",
        "G": "200",
        "B": "150",
    }
