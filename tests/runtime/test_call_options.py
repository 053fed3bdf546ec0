"""Per-call details of the runtime: extra_body, a followed next-page URL, the log switch, deprecations."""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
import warnings
from pathlib import Path

import httpx
import pytest

from rt_helpers import BASE_URL, Recorder, endpoint, sync_client
from rtpkg import _logging
from rtpkg._auth import ApiKeyAuth
from rtpkg._bodies import BinaryBody, FormBody, JsonBody, MultipartBody, TextBody
from rtpkg._client_base import RequestOptions
from rtpkg._deprecation import warn_deprecated, warn_deprecated_arguments
from rtpkg._params import Param
from rtpkg._types import NOT_GIVEN


def _sent(body: object, extra: dict[str, object] | None, method: str = "POST") -> httpx.Request:
    rec = Recorder(httpx.Response(204))
    sync_client(rec).request(endpoint(method), body=body, options=RequestOptions(extra_body=extra))  # type: ignore[arg-type]
    return rec.requests[0]


def test_extra_body_adds_properties_to_json_form_and_multipart_bodies() -> None:
    assert json.loads(_sent(JsonBody({"a": 1, "b": 2}), {"b": 3, "c": [True]}).content) == {"a": 1, "b": 3, "c": [True]}
    form = _sent(FormBody({"a": "1"}), {"extra": "x y"})
    assert form.content == b"a=1&extra=x+y"
    multipart = _sent(MultipartBody({"a": "1"}), {"extra": "2"})
    assert b'name="extra"\r\n\r\n2\r\n' in multipart.content and b'name="a"\r\n\r\n1\r\n' in multipart.content
    # no body: the extra properties are the body
    bare = _sent(None, {"only": "this"})
    assert bare.headers["content-type"] == "application/json" and json.loads(bare.content) == {"only": "this"}
    # no extra_body: the body exactly as before
    assert _sent(JsonBody([1, 2]), None).content == b"[1,2]"
    assert _sent(None, None, "GET").content == b""


@pytest.mark.parametrize("body", [JsonBody([1, 2]), BinaryBody(b"raw"), TextBody("hi")])
def test_extra_body_refuses_bodies_without_properties(body: object) -> None:
    with pytest.raises(TypeError, match="extra_body"):
        _sent(body, {"x": 1})


def test_a_followed_url_replaces_path_and_query_but_keeps_headers_and_auth() -> None:
    rec = Recorder(httpx.Response(204))
    client = sync_client(rec, credentials={"key": ApiKeyAuth("api_key", "query", "k")})
    client.request(
        endpoint(security=(("key",),)),
        path_params=[Param("id", "x", "simple", False)],
        query=[Param("page", 1, "form", True)],
        headers=[Param("X-Version", "2", "simple", False)],
        options=RequestOptions(url=f"{BASE_URL}/things?page=2&per_page=5", extra_query={"per_page": "9", "debug": "1"}),
    )
    sent = rec.requests[0]
    # the link's own query wins; the caller's extra_query fills in what the link does not set
    assert str(sent.url) == f"{BASE_URL}/things?page=2&per_page=5&debug=1&api_key=k"
    assert sent.headers["X-Version"] == "2"


def test_log_env_var_turns_on_the_redacted_request_log(tmp_path: Path) -> None:
    assert _logging.LOG_ENV_VAR == "RTPKG_LOG"
    assert not _logging.configure_from_environment({})
    assert not _logging.configure_from_environment({"RTPKG_LOG": "loud"})
    # in a fresh interpreter, as a user would: only the environment variable, no logging setup
    runtime_parent = Path(_logging.__file__).resolve().parent.parent
    script = (
        "import httpx\n"
        "from rtpkg._client_base import Endpoint, ResponseSpec\nfrom rtpkg._sync_client import SyncAPIClient\n"
        "client = SyncAPIClient(base_url='https://api.example.test', credentials={}, user_agent='t',"
        " default_headers={'Authorization': 'Bearer tok-SECRET'},"
        " http_client=httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(204))))\n"
        "client.request(Endpoint('GET', '/things', 'list', {'204': ResponseSpec('none')}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
        env={"PYTHONPATH": str(runtime_parent), "RTPKG_LOG": "debug", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert "Request: GET https://api.example.test/things" in done.stderr
    assert "'authorization': '***'" in done.stderr and "tok-SECRET" not in done.stderr
    assert "Response: GET https://api.example.test/things -> 204" in done.stderr
    quiet = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env={"PYTHONPATH": str(runtime_parent), "PATH": "/usr/bin:/bin"})
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_deprecation_warnings_name_the_callers_line() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warn_deprecated("GET /old is deprecated by the API")
        warn_deprecated_arguments("things.list", {"old": 1, "older": NOT_GIVEN, "null": None})
    assert [str(item.message) for item in caught] == [
        "GET /old is deprecated by the API",
        "`old` of `things.list` is deprecated by the API",
        "`null` of `things.list` is deprecated by the API",
    ]
    assert all(item.category is DeprecationWarning and item.filename == __file__ for item in caught)


def test_logging_handler_is_not_added_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    logger = logging.getLogger("rtpkg")
    before = list(logger.handlers)
    level = logger.level
    try:
        logger.handlers = [logging.StreamHandler(io.StringIO())]
        assert _logging.configure_from_environment({"RTPKG_LOG": "INFO"})
        assert logger.level == logging.INFO and len(logger.handlers) == 1
    finally:
        logger.handlers = before
        logger.setLevel(level)
