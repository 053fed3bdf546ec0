"""Tests of the Alfred ``amx`` HMAC signer against the formula documented in providers.md.

The expected values are computed here, independently of the module under test, straight from the
documented formula:

    string_to_sign = app_id + METHOD + lower(quote(full_url, safe="")) + str(unix_seconds) + nonce
                     + (base64(md5(body)) or "")
    signature      = base64(hmac_sha256(key=b64decode(secret), msg=string_to_sign.encode("utf-8")))
    Authorization: amx {app_id}:{signature}:{nonce}:{timestamp}
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import urllib.parse

import httpx
import pytest

from generated.alfred.amx import AmxAuth, amx_signature

APP_ID = "b8a2f1c4-alfred-app"
RAW_KEY = b"an HMAC key of 32 bytes, exactly"
SECRET_KEY = base64.b64encode(RAW_KEY).decode("ascii")
NONCE = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f"
TIMESTAMP = 1700000000
GET_URL = "https://app.tagshelf.com/api/deferred/detail/0f767925-b464-4ffa-b621-1a0aeacad257?verbose=true&x=a b"
POST_URL = "https://app.tagshelf.com/api/job/create"
POST_BODY = json.dumps({"session_id": "0f767925-b464-4ffa-b621-1a0aeacac256", "priority": "high"}).encode()


def expected_header(method: str, url: str, body: bytes) -> str:
    body_part = base64.b64encode(hashlib.md5(body).digest()).decode() if body else ""
    encoded_url = urllib.parse.quote(url, safe="").lower()
    message = APP_ID + method.upper() + encoded_url + str(TIMESTAMP) + NONCE + body_part
    mac = hmac.new(base64.b64decode(SECRET_KEY), message.encode("utf-8"), hashlib.sha256)
    signature = base64.b64encode(mac.digest()).decode()
    return f"amx {APP_ID}:{signature}:{NONCE}:{TIMESTAMP}"


def make_auth() -> AmxAuth:
    return AmxAuth(APP_ID, SECRET_KEY, nonce_factory=lambda: NONCE, clock=lambda: TIMESTAMP + 0.75)


def send(method: str, url: str, content: bytes | None = None) -> httpx.Request:
    captured: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        captured.append(request)
        return httpx.Response(200, json={})

    with httpx.Client(transport=httpx.MockTransport(handler), auth=make_auth()) as client:
        client.request(method, url, content=content)
    assert len(captured) == 1
    return captured[0]


def test_request_with_body_is_signed_per_documented_formula() -> None:
    request = send("POST", POST_URL, POST_BODY)
    assert request.content == POST_BODY
    assert request.headers["Authorization"] == expected_header("POST", str(request.url), POST_BODY)
    assert str(request.url) == POST_URL


def test_request_without_body_is_signed_per_documented_formula() -> None:
    request = send("GET", GET_URL)
    assert request.content == b""
    assert request.headers["Authorization"] == expected_header("GET", str(request.url), b"")
    # the empty body contributes "" (not base64(md5(b""))) to the string to sign
    with_md5_of_empty = base64.b64encode(hashlib.md5(b"").digest()).decode()
    assert with_md5_of_empty not in request.headers["Authorization"]


def test_header_layout() -> None:
    request = send("POST", POST_URL, POST_BODY)
    scheme, _, credentials = request.headers["Authorization"].partition(" ")
    assert scheme == "amx"
    app_id, signature, nonce, timestamp = credentials.split(":")
    assert (app_id, nonce, timestamp) == (APP_ID, NONCE, str(TIMESTAMP))
    assert len(base64.b64decode(signature)) == 32


def test_different_body_gives_different_signature() -> None:
    first = send("POST", POST_URL, POST_BODY).headers["Authorization"]
    second = send("POST", POST_URL, POST_BODY.replace(b"high", b"low")).headers["Authorization"]
    assert first != second
    assert first.split(":")[1] != second.split(":")[1]


def test_pure_function_matches_formula() -> None:
    signature = amx_signature(APP_ID, SECRET_KEY, "post", POST_URL, TIMESTAMP, NONCE, POST_BODY)
    assert f"amx {APP_ID}:{signature}:{NONCE}:{TIMESTAMP}" == expected_header("POST", POST_URL, POST_BODY)
    other = amx_signature(APP_ID, SECRET_KEY, "POST", POST_URL, TIMESTAMP, NONCE, b"{}")
    assert other != signature


def test_async_client_is_signed_too() -> None:
    import asyncio

    captured: list[httpx.Request] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        captured.append(request)
        return httpx.Response(200, json={})

    async def run() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler), auth=make_auth()) as client:
            await client.post(POST_URL, content=POST_BODY)

    asyncio.run(run())
    assert captured[0].headers["Authorization"] == expected_header("POST", POST_URL, POST_BODY)


def test_repr_hides_secret_and_bad_key_is_rejected() -> None:
    auth = make_auth()
    assert SECRET_KEY not in repr(auth)
    assert SECRET_KEY not in str(auth)
    assert APP_ID in repr(auth)
    with pytest.raises(ValueError):
        AmxAuth(APP_ID, "not base64 !!")
