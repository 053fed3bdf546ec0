"""Peak memory of a 1 GB download and a 1 GB upload through a generated client (issue 14).

    .venv/bin/python benchmarks/stream_bench.py [--size-mb 1024] [--write benchmarks/results/stream-bench.md]

The package generated from tests/fixtures/streams-3.2.yaml talks to a server in another process on
127.0.0.1 (its memory is not counted). The download: the server produces the body in 64 KiB pieces
(never held whole) and the client writes it with `with_streaming_response.download(...).write_to_file`.
The upload: that file, opened, is passed to `files.upload(body=file)`; the server reads and discards
it. Each direction runs in its own fresh interpreter, whose peak RSS (`ru_maxrss`) is reported beside
the size of the file, and beside the same interpreter's peak after importing the package alone.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PIECE = 64 * 1024


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    size = 0

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("content-type", "application/octet-stream")
        self.send_header("content-length", str(self.size))
        self.end_headers()
        piece = bytes(range(256)) * (PIECE // 256)
        left = self.size
        while left > 0:
            chunk = piece[: min(PIECE, left)]
            self.wfile.write(chunk)
            left -= len(chunk)

    def do_PUT(self) -> None:
        left = int(self.headers.get("content-length") or 0)
        while left > 0:
            chunk = self.rfile.read(min(PIECE, left))
            if not chunk:
                break
            left -= len(chunk)
        self.send_response(204)
        self.send_header("content-length", "0")
        self.end_headers()


def serve(size: int) -> None:
    """The server process: prints its port, serves until killed."""
    _Handler.size = size
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    print(httpd.server_address[1], flush=True)
    httpd.serve_forever()


def client(direction: str, base_url: str, path: str, package_parent: str) -> None:
    """A client process: one transfer, then its peak RSS (KiB) and the seconds taken, as JSON."""
    sys.path.insert(0, package_parent)
    import streams32

    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with streams32.Client(base_url=base_url, timeout=600) as api:
        if direction == "down":
            with api.files.with_streaming_response.download("big") as response:
                written = response.write_to_file(path)
        else:
            with open(path, "rb") as file:
                api.files.upload("big", body=file)
            written = os.path.getsize(path)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"bytes": written, "peak_kib": peak, "baseline_kib": baseline, "seconds": seconds}))


def measure(size_mb: int) -> list[dict[str, object]]:
    sys.path.insert(0, str(REPO))
    from tests.stream_packages import STREAMS_FIXTURE, generated_package

    package = generated_package(STREAMS_FIXTURE, "streams32")
    size = size_mb * 1024 * 1024
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(size)], stdout=subprocess.PIPE, text=True)
    rows: list[dict[str, object]] = []
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        base_url = f"http://127.0.0.1:{port}/v1"
        with tempfile.TemporaryDirectory(prefix="clientsmith-stream-bench-") as folder:
            target = str(Path(folder) / "download.bin")
            for direction in ("down", "up"):
                done = subprocess.run(
                    [sys.executable, __file__, "--client", direction, base_url, target, str(package.parent)],
                    capture_output=True, text=True, timeout=1800, check=True,
                )
                row = json.loads(done.stdout.strip().splitlines()[-1])
                row["direction"] = direction
                rows.append(row)
    finally:
        server.kill()
        server.wait()
    return rows


def report(rows: list[dict[str, object]], size_mb: int) -> str:
    lines = [
        "## Streamed transfers (issue 14)",
        "",
        f"`.venv/bin/python benchmarks/stream_bench.py --size-mb {size_mb}` (part `streams` of `make bench`): a generated "
        "client (tests/fixtures/streams-3.2.yaml) moves the body through a server in another process on 127.0.0.1; "
        "each direction in a fresh interpreter; peak RSS is the client process's `ru_maxrss`.",
        "",
        "| transfer | body | client peak RSS | after import alone | time |",
        "|---|---|---|---|---|",
    ]
    names = {"down": "download: `with_streaming_response.download(...)` + `write_to_file`", "up": "upload: `files.upload(body=open(path, 'rb'))`"}
    for row in rows:
        mib = int(row["bytes"]) / 1024 / 1024  # type: ignore[call-overload]
        lines.append(
            f"| {names[str(row['direction'])]} | {mib:,.0f} MiB | {int(row['peak_kib']) / 1024:.0f} MiB | "  # type: ignore[call-overload]
            f"{int(row['baseline_kib']) / 1024:.0f} MiB | {float(row['seconds']):.1f} s |"  # type: ignore[arg-type]
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--serve":
        serve(int(sys.argv[2]))
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "--client":
        client(*sys.argv[2:6])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--write", type=Path, default=HERE / "results" / "stream-bench.md")
    args = parser.parse_args()
    rows = measure(args.size_mb)
    text = report(rows, args.size_mb)
    print(text)
    args.write.parent.mkdir(exist_ok=True)
    args.write.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
