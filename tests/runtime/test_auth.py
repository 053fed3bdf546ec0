from __future__ import annotations

import asyncio
import base64
import threading
from urllib.parse import parse_qs

import httpx
import pytest

from rt_helpers import BASE_URL, Recorder, async_client, endpoint, sync_client
from rtpkg._auth import (
    ApiKeyAuth,
    BasicAuth,
    BearerAuth,
    CombinedAuth,
    OAuth2ClientCredentials,
    OAuth2Password,
    select_auth,
)
from rtpkg._exceptions import AuthenticationError, OAuth2Error

SECRET = "s3cr3t-VALUE-xyz"


def ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"ok": True})


def form(request: httpx.Request) -> dict[str, list[str]]:
    return parse_qs(request.content.decode())


def test_api_key_header_query_cookie_on_the_wire() -> None:
    rec = Recorder(ok)
    creds = {
        "hdr": ApiKeyAuth("X-API-Key", "header", SECRET),
        "qry": ApiKeyAuth("api_key", "query", SECRET + "q"),
        "ck": ApiKeyAuth("session", "cookie", SECRET + "c"),
    }
    client = sync_client(rec, credentials=creds)
    client.request(endpoint(security=(("hdr", "qry", "ck"),)))
    sent = rec.requests[0]
    assert sent.headers["X-API-Key"] == SECRET
    assert sent.url.params["api_key"] == SECRET + "q"
    assert sent.headers["Cookie"] == f"session={SECRET}c"


def test_bearer_and_basic() -> None:
    rec = Recorder(ok)
    client = sync_client(
        rec, credentials={"bearer": BearerAuth(SECRET), "basic": BasicAuth("alice", "pä:ss")}
    )
    client.request(endpoint(security=(("bearer",),)))
    client.request(endpoint(security=(("basic",),)))
    assert rec.requests[0].headers["Authorization"] == f"Bearer {SECRET}"
    expected = base64.b64encode("alice:pä:ss".encode()).decode()
    assert rec.requests[1].headers["Authorization"] == f"Basic {expected}"
    custom = Recorder(ok)
    sync_client(custom, credentials={"t": BearerAuth("tok", scheme="Token")}).request(
        endpoint(security=(("t",),))
    )
    assert custom.requests[0].headers["Authorization"] == "Token tok"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class TokenServer:
    """Token endpoint + API in one MockTransport handler."""

    def __init__(self, expires_in: int | None = 3600, api_status: list[int] | None = None) -> None:
        self.token_requests: list[httpx.Request] = []
        self.api_requests: list[httpx.Request] = []
        self.api_auth: list[str | None] = []  # Authorization as sent (requests are mutated on retry)
        self.expires_in = expires_in
        self.api_status = api_status or []
        self.issued = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        if request.url.path.endswith("/token"):
            self.token_requests.append(request)
            self.issued += 1
            body: dict[str, object] = {"access_token": f"tok-{self.issued}", "token_type": "bearer"}
            if self.expires_in is not None:
                body["expires_in"] = self.expires_in
            return httpx.Response(200, json=body)
        self.api_requests.append(request)
        self.api_auth.append(request.headers.get("Authorization"))
        status = self.api_status.pop(0) if self.api_status else 200
        return httpx.Response(status, json={"ok": status == 200})


def test_oauth2_client_credentials_cached_refreshed_and_401_retry() -> None:
    server = TokenServer(expires_in=600)
    clock = FakeClock()
    auth = OAuth2ClientCredentials(
        "https://auth.example.test/oauth/token", "my-client", SECRET, scopes=["read", "write"],
        clock=clock,
    )
    client = sync_client(server, credentials={"oauth": auth})
    ep = endpoint(security=(("oauth",),))
    client.request(ep)
    client.request(ep)
    assert len(server.token_requests) == 1
    token_req = server.token_requests[0]
    assert str(token_req.url) == "https://auth.example.test/oauth/token"
    assert token_req.method == "POST"
    assert token_req.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert form(token_req) == {
        "grant_type": ["client_credentials"],
        "client_id": ["my-client"],
        "client_secret": [SECRET],
        "scope": ["read write"],
    }
    assert server.api_auth == ["Bearer tok-1"] * 2

    clock.now += 600 - 31  # inside the 30 s refresh margin: still valid
    client.request(ep)
    assert len(server.token_requests) == 1
    clock.now += 2  # now within the margin -> refresh
    client.request(ep)
    assert len(server.token_requests) == 2
    assert server.api_requests[-1].headers["Authorization"] == "Bearer tok-2"

    server.api_status = [401, 200]
    result = client.request(ep)
    assert result.status_code == 200
    assert len(server.token_requests) == 3
    assert server.api_auth[-2:] == [
        "Bearer tok-2",
        "Bearer tok-3",
    ]

    server.api_status = [401, 401]  # refresh once, retry once, then give up
    with pytest.raises(AuthenticationError):
        client.request(ep)
    assert len(server.token_requests) == 4


def test_oauth2_no_expires_in_never_expires_and_basic_client_auth() -> None:
    server = TokenServer(expires_in=None)
    clock = FakeClock()
    auth = OAuth2ClientCredentials(
        "/oauth/token", "cid", SECRET, client_auth="basic", clock=clock
    )
    client = sync_client(server, credentials={"oauth": auth})
    client.request(endpoint(security=(("oauth",),)))
    clock.now += 10**9
    client.request(endpoint(security=(("oauth",),)))
    assert len(server.token_requests) == 1
    token_req = server.token_requests[0]
    # "/oauth/token" is relative to the origin
    assert str(token_req.url) == "https://api.example.test/oauth/token"
    assert form(token_req) == {"grant_type": ["client_credentials"]}
    basic = base64.b64encode(f"cid:{SECRET}".encode()).decode()
    assert token_req.headers["Authorization"] == f"Basic {basic}"


def test_oauth2_relative_token_url_resolves_against_base_path() -> None:
    server = TokenServer()
    auth = OAuth2ClientCredentials("oauth/token", "cid", SECRET)
    sync_client(server, credentials={"oauth": auth}).request(endpoint(security=(("oauth",),)))
    assert str(server.token_requests[0].url) == f"{BASE_URL}/oauth/token"


def test_oauth2_password_grant() -> None:
    server = TokenServer()
    auth = OAuth2Password(
        "https://auth.example.test/token", "alice", SECRET, scopes=["a"], client_id="app",
    )
    sync_client(server, credentials={"pw": auth}).request(endpoint(security=(("pw",),)))
    assert form(server.token_requests[0]) == {
        "grant_type": ["password"],
        "username": ["alice"],
        "password": [SECRET],
        "client_id": ["app"],
        "scope": ["a"],
    }
    assert server.api_requests[0].headers["Authorization"] == "Bearer tok-1"


def test_oauth2_token_endpoint_errors_are_typed_and_secret_free() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/token"):
            return httpx.Response(401, json={"error": "invalid_client", "error_description": "bad"})
        return httpx.Response(200, json={})

    auth = OAuth2ClientCredentials("https://auth.example.test/token", "cid", SECRET)
    client = sync_client(handler, credentials={"oauth": auth})
    with pytest.raises(AuthenticationError) as info:
        client.request(endpoint(security=(("oauth",),)))
    assert "invalid_client" in str(info.value)
    assert SECRET not in str(info.value) and SECRET not in repr(info.value)

    def no_token(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="<html>login</html>")

    client = sync_client(no_token, credentials={"oauth": auth})
    with pytest.raises(OAuth2Error):
        client.request(endpoint(security=(("oauth",),)))


def test_oauth2_async_flow_and_concurrent_fetch_once() -> None:
    server = TokenServer()
    auth = OAuth2ClientCredentials("https://auth.example.test/token", "cid", SECRET)

    async def main() -> None:
        client = async_client(server, credentials={"oauth": auth})
        ep = endpoint(security=(("oauth",),))
        await asyncio.gather(*(client.request(ep) for _ in range(5)))
        server.api_status = [401, 200]
        await client.request(ep)
        await client.aclose()

    asyncio.run(main())
    assert len(server.token_requests) == 2
    assert server.api_requests[-1].headers["Authorization"] == "Bearer tok-2"


def test_oauth2_threads_share_one_token_fetch() -> None:
    server = TokenServer()
    auth = OAuth2ClientCredentials("https://auth.example.test/token", "cid", SECRET)
    client = sync_client(server, credentials={"oauth": auth})
    ep = endpoint(security=(("oauth",),))
    threads = [threading.Thread(target=client.request, args=(ep,)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(server.token_requests) == 1
    assert len(server.api_requests) == 8


def test_select_auth_alternatives() -> None:
    a, b, c = ApiKeyAuth("A", "header", "1"), BearerAuth("2"), BasicAuth("u", "p")
    user = BearerAuth("user")
    creds = {"a": a, "b": b}
    # first satisfied alternative wins
    assert select_auth((("c",), ("b",), ("a",)), creds, frozenset(), None) is b
    # AND of schemes -> combined in order
    combined = select_auth((("a", "b"),), creds, frozenset(), None)
    assert isinstance(combined, CombinedAuth) and combined.auths == (a, b)
    # no security
    assert select_auth(None, creds, frozenset(), None) is None
    assert select_auth((), creds, frozenset(), None) is None
    # anonymous alternative used only when nothing else is satisfied
    assert select_auth(((), ("a",)), creds, frozenset(), None) is a
    assert select_auth(((), ("c",)), creds, frozenset(), None) is None
    # custom scheme satisfied by the user's auth, applied last
    chosen = select_auth((("sig", "a"),), creds, frozenset({"sig"}), user)
    assert isinstance(chosen, CombinedAuth) and chosen.auths == (a, user)
    assert select_auth((("sig",), ("a",)), creds, frozenset({"sig"}), None) is a
    # nothing satisfied: best effort with configured credentials
    best = select_auth((("a", "c"), ("b", "c")), creds, frozenset(), None)
    assert isinstance(best, CombinedAuth) and best.auths == (a, b)
    # user auth is always applied, even without security
    assert select_auth(None, creds, frozenset(), user) is user
    unused = c
    assert unused is c


def test_combined_auth_order_and_token_requests_are_not_re_signed() -> None:
    server = TokenServer()
    seen_by_signer: list[str] = []

    class Signer(httpx.Auth):
        def auth_flow(self, request: httpx.Request):  # type: ignore[no-untyped-def]
            seen_by_signer.append(request.url.path)
            request.headers["X-Signature"] = "sig:" + request.headers.get("Authorization", "")
            yield request

    oauth = OAuth2ClientCredentials("https://auth.example.test/token", "cid", SECRET)
    creds = {"oauth": oauth, "key": ApiKeyAuth("X-Key", "header", "k")}
    client = sync_client(server, credentials=creds, auth=Signer())
    server.api_status = [401, 200]
    client.request(endpoint(security=(("oauth", "key"),)))
    assert [r.url.path for r in server.token_requests] == ["/token", "/token"]
    assert "X-Signature" not in server.token_requests[0].headers
    last = server.api_requests[-1]
    assert last.headers["X-Key"] == "k"
    assert last.headers["X-Signature"] == "sig:Bearer tok-2"  # user auth ran last, after refresh
    assert seen_by_signer == ["/v1/things", "/v1/things"]


def test_auth_reprs_hide_secrets() -> None:
    auths = [
        ApiKeyAuth("X-API-Key", "header", SECRET),
        BearerAuth(SECRET),
        BasicAuth("alice", SECRET),
        OAuth2ClientCredentials("https://a/token", "cid", SECRET),
        OAuth2Password("https://a/token", "alice", SECRET, client_secret=SECRET),
    ]
    for auth in auths:
        text = repr(auth)
        assert SECRET not in text and "***" in text
    assert SECRET not in repr(CombinedAuth(auths))
