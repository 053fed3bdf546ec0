"""What `import` plus `Client()` loads: httpx, and nothing a call that has not happened yet needs.

The httpx client (its TLS context and transport), pydantic, the body and parameter encoders and the
XML parser load with the first request or reply; these tests hold the generated packages to that,
in a fresh interpreter as a user's program starts, and check that the client made on first use is
made once and closed by `close()`.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
LOADED_LATER = ("pydantic", "httpcore", "asyncio", "xml.etree.ElementTree")
RUNTIME_LOADED_LATER = ("_bodies", "_params", "_xml", "_models", "_reading", "_lenient", "_response", "_views")


def _loaded_after_construct(package: str) -> list[str]:
    script = (
        "import json, sys\n"
        f"import generated.{package} as package\n"
        "package.Client(base_url='http://127.0.0.1:9')\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True)
    loaded: list[str] = json.loads(done.stdout)
    return loaded


@pytest.mark.parametrize("package", ["kodexa", "datawollet", "raydocs", "alfred"])
def test_import_and_construct_load_only_what_construction_needs(package: str) -> None:
    loaded = set(_loaded_after_construct(package))
    assert "httpx" in loaded  # the probe does see what is loaded
    early = [name for name in LOADED_LATER if name in loaded]
    early += [name for name in RUNTIME_LOADED_LATER if f"generated.{package}.{name}" in loaded]
    assert not early, f"loaded by import + Client() though nothing was sent: {early}"


def test_the_http_client_is_made_on_first_use_once_and_closed() -> None:
    from rtpkg._sync_client import SyncAPIClient

    client = SyncAPIClient(base_url="http://127.0.0.1:9", credentials={}, user_agent="t")
    assert client._made_client is None
    made: list[httpx.Client] = []

    def first_use() -> None:
        made.append(client.http_client)

    threads = [threading.Thread(target=first_use) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(item) for item in made}) == 1  # one client, whichever thread came first
    assert client.http_client.timeout.connect == 10.0  # the default timeout reached it
    client.close()
    assert made[0].is_closed


def test_a_client_closed_before_any_request_refuses_requests_as_httpx_does() -> None:
    from rtpkg._sync_client import SyncAPIClient

    client = SyncAPIClient(base_url="http://127.0.0.1:9", credentials={}, user_agent="t")
    client.close()
    assert client.http_client.is_closed


def test_a_given_http_client_is_used_and_not_closed() -> None:
    from rtpkg._sync_client import SyncAPIClient

    given = httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(204)))
    client = SyncAPIClient(base_url="http://127.0.0.1:9", credentials={}, user_agent="t", http_client=given)
    assert client.http_client is given
    client.close()
    assert not given.is_closed


async def test_the_async_http_client_is_made_on_first_use_and_closed() -> None:
    from rtpkg._async_client import AsyncAPIClient

    client = AsyncAPIClient(base_url="http://127.0.0.1:9", credentials={}, user_agent="t")
    assert client._made_client is None
    made = client.http_client
    assert isinstance(made, httpx.AsyncClient) and client.http_client is made
    await client.aclose()
    assert made.is_closed
