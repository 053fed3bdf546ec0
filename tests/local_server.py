"""A real HTTP server on 127.0.0.1 for the tests: scripted replies, every request recorded.

The runtime rules for servers as they are (other 2xx codes, drifted bodies, redirects) are tested
over real sockets, not a mock transport: what httpx does with a real redirect or a real empty 201 is
the point.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Seen:
    """One request as the server received it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass(frozen=True)
class Reply:
    status: int
    body: Any = None  # JSON-encoded unless bytes
    headers: dict[str, str] = field(default_factory=dict)


Route = Callable[[Seen], Reply]


@dataclass
class LocalServer:
    routes: dict[tuple[str, str], Route]
    seen: list[Seen] = field(default_factory=list)
    url: str = ""

    def reply(self, method: str, path: str) -> Route | None:
        return self.routes.get((method, path.split("?", 1)[0]))


def _handler(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            seen = Seen(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, self.rfile.read(length))
            server.seen.append(seen)
            route = server.reply(self.command, self.path)
            reply = route(seen) if route is not None else Reply(404, {"detail": "no such route"})
            content = reply.body if isinstance(reply.body, bytes) else b"" if reply.body is None else json.dumps(reply.body).encode()
            self.send_response(reply.status)
            headers = {"Content-Type": "application/json", **reply.headers} if content else dict(reply.headers)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

        def log_message(self, format: str, *args: Any) -> None:  # quiet test output
            pass

    return Handler


@contextmanager
def serve(routes: dict[tuple[str, str], Route]) -> Iterator[LocalServer]:
    """A server on a free port of 127.0.0.1 for the length of the `with` block."""
    state = LocalServer(routes)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
