"""Timings inside one fresh interpreter for a generated client; prints one JSON object.

Stdlib at import, so it runs under either venv:
    python _clientbench.py import ROOT PACKAGE ours|peer
    python _clientbench.py decode ROOT PACKAGE ours|peer PAYLOAD.json CALLS [ROUTE CALL MODEL]

import: seconds to `import PACKAGE`, to construct its client, and to import every module of its
resources (clientsmith: PACKAGE.resources.*; openapi-python-client: PACKAGE.api.*).
decode: the `GET /user/repos` operation (or ROUTE CALL MODEL) answered by an httpx.MockTransport with
PAYLOAD, called CALLS times (end to end: request, JSON, typed objects), and a received response with
PAYLOAD as its body turned into typed objects by the code each generated client runs for it
(clientsmith: the runtime's `_process_response` with the operation's Endpoint; openapi-python-client:
the operation module's `_build_response`, i.e. `response.json()` then `Repository.from_dict` per item).
Each is timed as the median of 5 loops.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
import time
from pathlib import Path
from typing import Any


def _submodules(package: Any) -> list[str]:
    return sorted(info.name for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."))


def bench_import(package: str, kind: str) -> dict[str, Any]:
    started = time.perf_counter()
    module: Any = importlib.import_module(package)
    imported = time.perf_counter()
    if kind == "ours":
        client = module.Client(base_url="https://api.github.com")
    else:
        client = importlib.import_module(f"{package}.client").Client(base_url="https://api.github.com")
    constructed = time.perf_counter()
    resources: Any = importlib.import_module(f"{package}.resources" if kind == "ours" else f"{package}.api")
    names = _submodules(resources)
    failures: list[str] = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - counted: a module of the generated client that cannot be imported
            failures.append(f"{name}: {exc.__class__.__name__}: {exc}")
    everything = time.perf_counter()
    del client
    return {
        "import": imported - started,
        "construct": constructed - imported,
        "import_and_construct": constructed - started,
        "all_resources": everything - constructed,
        "resource_modules": len(names),
        "failed_modules": len(failures),
        "first_failure": failures[0] if failures else "",
        "total": everything - started,
    }


def _peer_operation(package: str, route: str, method: str) -> str:
    """The peer names modules after operation ids; find the one for `method route` by its source."""
    root = Path(importlib.import_module(package).__file__ or "").parent / "api"
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if f'"url": "{route}"' in text and f'"method": "{method}"' in text:
            return f"{package}.api." + ".".join(path.relative_to(root).with_suffix("").parts)
    raise LookupError(f"no module for {method.upper()} {route}")


def _median_seconds(work: Any, calls: int, rounds: int = 5) -> tuple[float, float]:
    """Wall and CPU seconds per call of `work`: medians of `rounds` timed loops of `calls // rounds` calls.

    CPU time (this process only) is given too because the benchmark machine is often shared: wall
    time then also counts the time other processes held the CPU.
    """
    per_round = max(1, calls // rounds)
    wall, cpu = [], []
    for _ in range(rounds):
        started, started_cpu = time.perf_counter(), time.process_time()
        for _ in range(per_round):
            work()
        wall.append((time.perf_counter() - started) / per_round)
        cpu.append((time.process_time() - started_cpu) / per_round)
    return sorted(wall)[len(wall) // 2], sorted(cpu)[len(cpu) // 2]


def bench_decode(
    package: str, kind: str, payload_path: str, calls: int,
    route: str = "/user/repos", call: str = "repos.list_for_authenticated_user", model_name: str = "Repository",
) -> dict[str, Any]:  # fmt: skip
    import httpx

    payload = Path(payload_path).read_bytes()
    # Path parameters of `route` ({org}, ...) all get the same dummy value.
    path_params = [part[1:-1] for part in route.split("/") if part.startswith("{")]
    url = "https://api.github.com" + route.replace("{", "").replace("}", "")

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=payload, headers={"content-type": "application/json"})

    transport = httpx.MockTransport(handler)

    def canned() -> httpx.Response:
        # A received response: what the HTTP layer hands to the generated code.
        return httpx.Response(200, content=payload, headers={"content-type": "application/json"}, request=httpx.Request("GET", url))

    if kind == "ours":
        module: Any = importlib.import_module(package)
        http = httpx.Client(transport=transport)
        client = module.Client(base_url="https://api.github.com", http_client=http)
        resource_name, method_name = call.split(".")
        resource: Any = getattr(client, resource_name)
        method = getattr(resource, method_name)
        # The operation's own Endpoint constant, as the method passes it to the runtime.
        resource_module: Any = importlib.import_module(type(resource).__module__)
        endpoint = next(
            value for value in vars(resource_module).values()
            if type(value).__name__ == "Endpoint" and value.path == route and value.method == "GET"
        )  # fmt: skip
        runtime = client._client

        def call_once() -> Any:
            return method(*["octo-org"] * len(path_params))

        def from_bytes() -> Any:
            # The runtime's response handling (status, content kind, JSON decoding, validation).
            return runtime._process_response(endpoint, canned()).parsed

    else:
        client_module: Any = importlib.import_module(f"{package}.client")
        # The peer's api modules import their models lazily; import the models package first so
        # that a failure shows as the model import it is, not as a failure of the operation module.
        importlib.import_module(f"{package}.models")
        operation: Any = importlib.import_module(_peer_operation(package, route, "get"))
        peer_client = client_module.Client(base_url="https://api.github.com", httpx_args={"transport": transport})
        kwargs = {name: "octo-org" for name in path_params}

        def call_once() -> Any:
            return operation.sync_detailed(client=peer_client, **kwargs).parsed

        def from_bytes() -> Any:
            # What sync_detailed does with a received response (status, response.json(), from_dict).
            return operation._build_response(client=peer_client, response=canned()).parsed

    first = call_once()
    count = len(first) if isinstance(first, list) else -1
    type_name = type(first[0]).__name__ if count > 0 else type(first).__name__
    if type_name != model_name:
        raise TypeError(f"decoded {type_name}, expected {model_name}")
    decoded = from_bytes()
    if len(decoded) != count or type(decoded[0]).__name__ != type_name:
        raise TypeError("decoding the canned response gave something else than the call")
    for _ in range(3):  # warm up
        call_once()
        from_bytes()
    end_to_end, end_to_end_cpu = _median_seconds(call_once, calls)
    decode_only, decode_only_cpu = _median_seconds(from_bytes, calls)
    # The floor under any decoding into Python objects: the JSON text parsed into plain dicts, lists
    # and strings by pydantic-core's parser (jiter), with no models and no validation.
    import pydantic_core

    parse_only, _ = _median_seconds(lambda: pydantic_core.from_json(payload), calls)
    return {
        "objects": count, "type": type_name, "calls": calls,
        "call_seconds": end_to_end, "call_cpu_seconds": end_to_end_cpu,
        "from_bytes_seconds": decode_only, "from_bytes_cpu_seconds": decode_only_cpu, "parse_only_seconds": parse_only,
    }  # fmt: skip


def main(argv: list[str]) -> int:
    mode, root, package, kind = argv[0], argv[1], argv[2], argv[3]
    sys.path.insert(0, str(Path(root).resolve()))
    if mode == "import":
        result = bench_import(package, kind)
    else:
        result = bench_decode(package, kind, argv[4], int(argv[5]), *argv[6:9])
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
