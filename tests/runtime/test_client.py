from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from typing import Annotated, Any, Literal

import httpx
import pytest
from pydantic import Discriminator, Field, Tag

from rt_helpers import BASE_URL, Recorder, SleepRecorder, async_client, endpoint, sync_client
from rtpkg._auth import ApiKeyAuth, BearerAuth
from rtpkg._bodies import BinaryBody, JsonBody
from rtpkg._async_client import AsyncAPIClient
from rtpkg._client_base import RequestOptions, ResponseSpec, parse_retry_after
from rtpkg._sync_client import SyncAPIClient
from rtpkg._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    UnprocessableEntityError,
    status_error_class,
)
from rtpkg._models import BaseModel, discriminate
from rtpkg._params import Param


class Thing(BaseModel):
    thing_id: str = Field(alias="thingId")
    state: Literal["new", "done"] | str = "new"


class ValidationProblem(BaseModel):
    detail: list[dict[str, object]]


def json_response(status: int, body: object, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


# ------------------------------------------------------------- request building


def test_url_headers_and_params_on_the_wire() -> None:
    rec = Recorder(json_response(200, {"thingId": "t1"}))
    client = sync_client(rec, default_headers={"X-Default": "d"}, base_url=BASE_URL + "/")
    ep = endpoint(
        "POST", "/things/{thing_id}/items", responses={"200": ResponseSpec("json", Thing)}
    )
    result = client.request(
        ep,
        path_params=[Param("thing_id", "a/b", "simple", False)],
        query=[Param("tags", ["x", "y"], "form", False), Param("skip", None, "form", True)],
        headers=[Param("X-Trace", "tr", "simple", False)],
        cookies=[Param("pref", "dark", "form", True)],
        body=JsonBody({"name": "n", "opt": None}),
        options=RequestOptions(extra_headers={"X-Extra": "e"}, extra_query={"debug": "1 2"}),
    )
    assert isinstance(result.parsed, Thing) and result.parsed.thing_id == "t1"
    assert result.status_code == 200 and result.headers["content-type"] == "application/json"
    sent = rec.requests[0]
    assert str(sent.url) == f"{BASE_URL}/things/a%2Fb/items?tags=x,y&debug=1%202"
    assert sent.headers["Accept"] == "application/json"
    assert sent.headers["User-Agent"] == "testsdk/1.0"
    assert sent.headers["Content-Type"] == "application/json"
    assert sent.headers["X-Default"] == "d"
    assert sent.headers["X-Trace"] == "tr"
    assert sent.headers["X-Extra"] == "e"
    assert sent.headers["Cookie"] == "pref=dark"
    assert sent.content == b'{"name":"n","opt":null}'


def test_base_url_validation_and_repr() -> None:
    with pytest.raises(ValueError):
        SyncAPIClient(base_url="/relative", credentials={}, user_agent="x")
    client = SyncAPIClient(
        base_url="https://user:pw-secret@h.test/api", credentials={"k": BearerAuth("tok-secret")},
        user_agent="x",
    )
    assert client.base_url == "https://user:pw-secret@h.test/api"
    text = repr(client)
    assert text.startswith("SyncAPIClient(base_url=") and "secret" not in text
    client.close()


def test_own_client_closed_but_user_client_left_open() -> None:
    own = SyncAPIClient(base_url=BASE_URL, credentials={}, user_agent="x")
    with own:
        pass
    assert own.http_client.is_closed
    user_http = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(204)))
    with SyncAPIClient(base_url=BASE_URL, credentials={}, user_agent="x", http_client=user_http):
        pass
    assert not user_http.is_closed

    async def main() -> None:
        async with AsyncAPIClient(base_url=BASE_URL, credentials={}, user_agent="x") as client:
            pass
        assert client.http_client.is_closed

    asyncio.run(main())


def test_per_call_timeout_reaches_the_request() -> None:
    rec = Recorder(json_response(200, {}))
    client = sync_client(rec, timeout=5.0)
    client.request(endpoint())
    client.request(endpoint(), options=RequestOptions(timeout=httpx.Timeout(1.0, read=2.0)))
    assert rec.requests[0].extensions["timeout"]["read"] == 5.0
    assert rec.requests[1].extensions["timeout"]["read"] == 2.0


# ------------------------------------------------------------------- parsing


def test_response_kinds() -> None:
    rec = Recorder(
        httpx.Response(200, content=b"\x00\x01"),
        httpx.Response(200, text="hello"),
        httpx.Response(204),
        httpx.Response(202, json={"x": 1}),
        json_response(201, [{"thingId": "a", "state": "archived"}]),
    )
    client = sync_client(rec)
    assert client.request(endpoint(responses={"200": ResponseSpec("bytes")})).parsed == b"\x00\x01"
    assert client.request(endpoint(responses={"2XX": ResponseSpec("text")})).parsed == "hello"
    assert client.request(endpoint(responses={"204": ResponseSpec("none")})).parsed is None
    # A 2xx the document does not list is read as the documented success (202 for 200): nothing lost.
    assert client.request(endpoint(responses={"200": ResponseSpec("json")})).parsed == {"x": 1}
    things = client.request(
        endpoint(responses={"2XX": ResponseSpec("json", dict), "201": ResponseSpec("json", list[Thing])})
    ).parsed
    assert things[0].state == "archived"  # open enum: unknown value kept


def test_malformed_success_body_raises_validation_error() -> None:
    # Strict, as asked for; by default a body that does not fit is returned (tests/test_servers_as_they_are.py).
    client = sync_client(Recorder(json_response(200, {"nope": 1}), httpx.Response(200, text="<html>")), strict_response_validation=True)
    ep = endpoint(responses={"200": ResponseSpec("json", Thing)})
    with pytest.raises(APIResponseValidationError) as info:
        client.request(ep)
    assert info.value.body == {"nope": 1}
    with pytest.raises(APIResponseValidationError) as info2:
        client.request(ep)
    assert info2.value.body == "<html>"


class Cat(BaseModel):
    kind: str
    lives: int


class Dog(BaseModel):
    kind: str
    good: bool


Pet = (
    Annotated[
        Annotated[Cat, Tag("Cat")] | Annotated[Dog, Tag("Dog")],
        Discriminator(discriminate("kind", {"cat": "Cat", "dog": "Dog"})),
    ]
    | dict[str, Any]
)


class Owner(BaseModel):
    name: str
    nickname: str | None = None
    email: str | None = None
    pets: list[Pet] = []


def test_json_body_decoded_from_bytes_keeps_model_semantics() -> None:
    # Success bodies are validated straight from the bytes (validate_json): unset vs null, unknown
    # fields, aliases, open enums and discriminated unions with their open fallback as before.
    body = {
        "name": "ann", "nickname": None, "extraField": {"x": [1, 2]},
        "pets": [{"kind": "cat", "lives": 9}, {"kind": "dog", "good": True}, {"kind": "bird", "wings": 2}],
    }  # fmt: skip
    rec = Recorder(json_response(200, body), json_response(200, [{"thingId": "t", "state": "archived"}]))
    client = sync_client(rec)
    owner = client.request(endpoint(responses={"200": ResponseSpec("json", Owner)})).parsed
    reference = Owner.model_validate(body)  # the former path: parsed JSON, then validated
    assert owner == reference and owner.model_fields_set == reference.model_fields_set
    assert {"name", "nickname", "pets"} <= owner.model_fields_set and "email" not in owner.model_fields_set
    assert owner.nickname is None and owner.email is None
    assert owner.model_extra == {"extraField": {"x": [1, 2]}}
    cat, dog, bird = owner.pets
    assert isinstance(cat, Cat) and cat.lives == 9
    assert isinstance(dog, Dog) and dog.good is True
    assert bird == {"kind": "bird", "wings": 2}
    things = client.request(endpoint(responses={"200": ResponseSpec("json", list[Thing])})).parsed
    assert things[0].thing_id == "t" and things[0].state == "archived"


def test_json_body_in_utf16_still_parses() -> None:
    # Not UTF-8: the bytes fast path fails and the stdlib decoder (which detects UTF-16/32) takes over.
    raw = json.dumps({"thingId": "t\u00e9"}).encode("utf-16")
    client = sync_client(Recorder(httpx.Response(200, content=raw, headers={"content-type": "application/json"})))
    thing = client.request(endpoint(responses={"200": ResponseSpec("json", Thing)})).parsed
    assert thing.thing_id == "t\u00e9"


def test_invalid_json_body_with_a_type_says_so() -> None:
    client = sync_client(Recorder(httpx.Response(200, content=b'{"thingId": ')))
    with pytest.raises(APIResponseValidationError, match="is not valid JSON") as info:
        client.request(endpoint(responses={"200": ResponseSpec("json", Thing)}))
    assert info.value.body == '{"thingId": '


def test_422_raises_with_parsed_error_model() -> None:
    body = {"detail": [{"loc": ["body", "name"], "msg": "required"}]}
    client = sync_client(Recorder(json_response(422, body, **{"x-request-id": "req-1"})))
    ep = endpoint("POST", errors={"422": ValidationProblem})
    with pytest.raises(UnprocessableEntityError) as info:
        client.request(ep, query=[Param("token", "q-secret", "form", True)])
    err = info.value
    assert isinstance(err.body, ValidationProblem) and err.body.detail[0]["msg"] == "required"
    assert err.status_code == 422 and err.request_id == "req-1"
    assert str(err) == f"422 Unprocessable Entity for POST {BASE_URL}/things"
    assert "q-secret" not in str(err)


@pytest.mark.parametrize(
    ("status", "cls"),
    [(400, BadRequestError), (404, NotFoundError), (409, ConflictError), (429, RateLimitError),
     (418, APIStatusError), (503, InternalServerError), (599, InternalServerError)],
)
def test_status_error_classes(status: int, cls: type[APIStatusError]) -> None:
    assert status_error_class(status) is cls


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(500, text="<html><body>Bad gateway</body></html>",
                       headers={"content-type": "text/html"}),
        httpx.Response(404, content=b"\xff\xfe{not json", headers={"content-type": "application/json"}),
        httpx.Response(400, json={"unexpected": "shape"}),
        httpx.Response(409),
    ],
)
def test_malformed_or_undocumented_error_bodies_do_not_crash(response: httpx.Response) -> None:
    client = sync_client(Recorder(response), max_retries=0)
    ep = endpoint("POST", errors={"default": ValidationProblem, "4XX": ValidationProblem})
    with pytest.raises(APIStatusError) as info:
        client.request(ep)
    err = info.value
    assert err.status_code == response.status_code
    assert not isinstance(err.body, ValidationProblem)
    if response.status_code == 400:
        assert err.body == {"unexpected": "shape"}
    if response.status_code == 409:
        assert err.body is None


def test_error_type_precedence_exact_over_range_over_default() -> None:
    class A(BaseModel):
        a: int

    class B(BaseModel):
        b: int

    client = sync_client(Recorder(json_response(404, {"a": 1, "b": 2})))
    with pytest.raises(NotFoundError) as info:
        client.request(endpoint(errors={"default": B, "4XX": B, "404": A}))
    assert isinstance(info.value.body, A)


def test_unexpected_redirect_is_an_error() -> None:
    client = sync_client(Recorder(httpx.Response(302, headers={"Location": "/x"})))
    with pytest.raises(APIStatusError) as info:
        client.request(endpoint())
    assert info.value.status_code == 302


# -------------------------------------------------------------------- retries


def test_429_retry_after_one_second_really_waits() -> None:
    rec = Recorder(
        json_response(429, {"error": "slow down"}, **{"Retry-After": "1"}),
        json_response(200, {"ok": True}),
    )
    client = sync_client(rec)  # real time.sleep
    started = time.monotonic()
    result = client.request(endpoint())
    elapsed = time.monotonic() - started
    assert result.parsed == {"ok": True}
    assert len(rec.requests) == 2
    assert 0.9 <= elapsed < 3.0


def test_retry_after_variants(sleeps: SleepRecorder) -> None:
    date = "Wed, 21 Oct 2015 07:28:00 GMT"
    now = 1445412480.0 - 5  # five seconds before that date
    assert parse_retry_after(httpx.Headers({"retry-after": date}), now=now) == pytest.approx(5.0)
    assert parse_retry_after(httpx.Headers({"retry-after-ms": "1500"})) == 1.5
    assert parse_retry_after(httpx.Headers({"retry-after": "garbage"})) is None
    rec = Recorder(
        json_response(503, {}, **{"retry-after-ms": "250"}),
        json_response(503, {}, **{"Retry-After": "3600"}),  # too long -> backoff
        json_response(200, {}),
    )
    sync_client(rec, sleeps).request(endpoint())
    assert sleeps.delays[0] == 0.25
    assert 0.75 <= sleeps.delays[1] <= 1.0  # 0.5 * 2**1 minus up to 25% jitter


def test_post_not_retried_on_500(sleeps: SleepRecorder) -> None:
    rec = Recorder(json_response(500, {"error": "boom"}), json_response(200, {}))
    client = sync_client(rec, sleeps)
    with pytest.raises(InternalServerError):
        client.request(endpoint("POST"))
    assert len(rec.requests) == 1 and sleeps.delays == []


def test_post_with_idempotency_header_retried_with_same_key(sleeps: SleepRecorder) -> None:
    rec = Recorder(json_response(500, {}), json_response(502, {}), json_response(200, {"ok": 1}))
    client = sync_client(rec, sleeps)
    ep = endpoint("POST", idempotency_header="Idempotency-Key")
    assert client.request(ep, body=JsonBody({"a": 1})).parsed == {"ok": 1}
    keys = {r.headers["Idempotency-Key"] for r in rec.requests}
    assert len(rec.requests) == 3 and len(keys) == 1
    uuid.UUID(keys.pop())
    assert all(r.content == b'{"a":1}' for r in rec.requests)
    # a caller-provided key is used as is
    rec2 = Recorder(json_response(500, {}), json_response(200, {}))
    sync_client(rec2, sleeps).request(
        ep, headers=[Param("Idempotency-Key", "mine", "simple", False)]
    )
    assert [r.headers["Idempotency-Key"] for r in rec2.requests] == ["mine", "mine"]


def test_503_retried_up_to_max_retries_then_raises(sleeps: SleepRecorder) -> None:
    rec = Recorder(json_response(503, {"error": "down"}))
    client = sync_client(rec, sleeps, max_retries=3)
    with pytest.raises(InternalServerError) as info:
        client.request(endpoint())
    assert info.value.status_code == 503
    assert len(rec.requests) == 4
    assert len(sleeps.delays) == 3
    for n, delay in enumerate(sleeps.delays):
        assert 0.5 * 2**n * 0.75 <= delay <= 0.5 * 2**n


def test_per_call_max_retries_zero(sleeps: SleepRecorder) -> None:
    rec = Recorder(json_response(503, {}), json_response(200, {}))
    client = sync_client(rec, sleeps, max_retries=5)
    with pytest.raises(InternalServerError):
        client.request(endpoint(), options=RequestOptions(max_retries=0))
    assert len(rec.requests) == 1 and sleeps.delays == []


def test_retried_binary_stream_is_rewound(sleeps: SleepRecorder) -> None:
    import io

    rec = Recorder(json_response(503, {}), json_response(200, {}))
    stream = io.BytesIO(b"header-data-payload")
    stream.seek(7)
    sync_client(rec, sleeps).request(endpoint("PUT"), body=BinaryBody(stream))
    assert [r.content for r in rec.requests] == [b"data-payload", b"data-payload"]


def test_async_retries_and_errors(sleeps: SleepRecorder) -> None:
    rec = Recorder(json_response(429, {}, **{"Retry-After": "2"}), json_response(200, {"v": 1}))

    async def main() -> None:
        client = async_client(rec, sleeps)
        assert (await client.request(endpoint())).parsed == {"v": 1}
        rec.responses = [json_response(422, {"detail": []})]
        with pytest.raises(UnprocessableEntityError) as info:
            await client.request(endpoint("POST", errors={"422": ValidationProblem}))
        assert isinstance(info.value.body, ValidationProblem)
        await client.aclose()

    asyncio.run(main())
    assert sleeps.delays == [2.0]


# --------------------------------------------------------- transport failures


def test_connection_refused(sleeps: SleepRecorder) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = SyncAPIClient(
        base_url=f"http://127.0.0.1:{port}", credentials={}, user_agent="x", max_retries=2,
        timeout=2.0,
    )
    client._sleep = sleeps
    with pytest.raises(APIConnectionError) as info:
        client.request(endpoint("POST"))  # connect errors are retried even for POST
    assert not isinstance(info.value, APITimeoutError)
    assert len(sleeps.delays) == 2
    assert str(info.value) == f"Connection error (ConnectError) for POST http://127.0.0.1:{port}/things"
    client.close()


def test_read_timeout_against_real_server(tiny_server, sleeps: SleepRecorder) -> None:  # type: ignore[no-untyped-def]
    from rt_helpers import read_request_head

    def never_answer(conn, stop):  # type: ignore[no-untyped-def]
        read_request_head(conn)
        stop.wait(2.0)

    server = tiny_server(never_answer)
    client = SyncAPIClient(
        base_url=server.url, credentials={}, user_agent="x", max_retries=1,
        timeout=httpx.Timeout(0.2, connect=2.0),
    )
    client._sleep = sleeps
    with pytest.raises(APITimeoutError) as info:
        client.request(endpoint())
    assert isinstance(info.value, APIConnectionError)
    assert len(sleeps.delays) == 1  # GET: retried once, then gave up
    client.close()


def test_connection_reset_against_real_server(tiny_server) -> None:  # type: ignore[no-untyped-def]
    import socket
    import struct

    from rt_helpers import read_request_head

    def reset(conn, stop):  # type: ignore[no-untyped-def]
        read_request_head(conn)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    server = tiny_server(reset)
    client = SyncAPIClient(base_url=server.url, credentials={}, user_agent="x", max_retries=0)
    with pytest.raises(APIConnectionError) as info:
        client.request(endpoint())
    assert not isinstance(info.value, APITimeoutError)
    client.close()


# -------------------------------------------------------------------- cookies


def test_cookies_persist_across_calls_with_own_and_user_client() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/login"):
            return httpx.Response(200, json={}, headers={"Set-Cookie": "sid=abc123; Path=/"})
        return httpx.Response(200, json={"cookie": request.headers.get("Cookie")})

    client = sync_client(handler)
    client.request(endpoint("POST", "/login"))
    result = client.request(endpoint(), cookies=[Param("pref", "dark", "form", True)])
    assert result.parsed == {"cookie": "sid=abc123; pref=dark"}

    async def main() -> None:
        aclient = async_client(handler)
        await aclient.request(endpoint("POST", "/login"))
        assert (await aclient.request(endpoint())).parsed == {"cookie": "sid=abc123"}
        await aclient.aclose()

    asyncio.run(main())


# ----------------------------------------------------------- secrets & logging


def test_no_secret_in_logs_reprs_or_exceptions(caplog: pytest.LogCaptureFixture) -> None:
    secrets = ["hdr-SECRET-1", "qry-SECRET-2", "ck-SECRET-3", "bearer-SECRET-4", "extra-SECRET-5"]

    def handler(request: httpx.Request) -> httpx.Response:
        status = 503 if len(calls) < 2 else 401
        calls.append(request)
        return httpx.Response(
            status, json={"error": "nope"},
            headers={"Set-Cookie": "sid=srv-SECRET-6", "X-API-Key": secrets[0]},
        )

    calls: list[httpx.Request] = []
    creds = {
        "hdr": ApiKeyAuth("X-API-Key", "header", secrets[0]),
        "qry": ApiKeyAuth("api_key", "query", secrets[1]),
        "ck": ApiKeyAuth("sess", "cookie", secrets[2]),
        "bearer": BearerAuth(secrets[3]),
    }
    client = sync_client(
        handler, SleepRecorder(), credentials=creds, sensitive_headers=["X-Partner-Token"]
    )
    caplog.set_level(logging.DEBUG)
    with pytest.raises(APIStatusError) as info:
        client.request(
            endpoint(security=(("hdr", "qry", "ck", "bearer"),)),
            headers=[Param("X-Partner-Token", secrets[4], "simple", False)],
        )
    # the wire did carry the secrets
    assert calls[-1].url.params["api_key"] == secrets[1]
    assert calls[-1].headers["X-Partner-Token"] == secrets[4]
    everything = "\n".join(
        [caplog.text, *(r.getMessage() for r in caplog.records), str(info.value),
         repr(info.value), repr(client), *(repr(c) for c in creds.values())]
    )
    assert "Retrying GET" in caplog.text and "Request: GET" in caplog.text
    assert "***" in caplog.text
    for secret in [*secrets, "srv-SECRET-6"]:
        assert secret not in everything, secret
    # httpx's own request line is redacted too
    assert any(r.name == "httpx" and "api_key=%2A%2A%2A" in r.getMessage() for r in caplog.records)


def test_logger_named_after_package(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="rtpkg")
    sync_client(Recorder(json_response(200, {}))).request(endpoint())
    assert any(r.name == "rtpkg" for r in caplog.records)


def test_json_body_rejects_nan() -> None:
    client = sync_client(Recorder(json_response(200, {})))
    with pytest.raises(ValueError):
        client.request(endpoint("POST"), body=JsonBody({"x": float("nan")}))
    assert json.loads(b'{"a":1}') == {"a": 1}
