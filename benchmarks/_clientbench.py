"""Timings inside one fresh interpreter for a generated client; prints one JSON object.

Stdlib at import, so it runs under either venv:
    python _clientbench.py import ROOT PACKAGE ours|peer
    python _clientbench.py decode ROOT PACKAGE ours|peer PAYLOAD.json CALLS

import: seconds to `import PACKAGE`, to construct its client, and to import every module of its
resources (clientsmith: PACKAGE.resources.*; openapi-python-client: PACKAGE.api.*).
decode: the `GET /orgs/{org}/repos` operation answered by an httpx.MockTransport with PAYLOAD, called
CALLS times (end to end: request, JSON, typed objects), and the same list decoded from Python dicts
(clientsmith: pydantic TypeAdapter(list[MinimalRepository]).validate_python; openapi-python-client:
MinimalRepository.from_dict per item).
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


def bench_decode(
    package: str, kind: str, payload_path: str, calls: int,
    route: str = "/orgs/{org}/repos", call: str = "repos.list_for_org", model_name: str = "MinimalRepository",
) -> dict[str, Any]:  # fmt: skip
    import httpx

    payload = Path(payload_path).read_bytes()
    data = json.loads(payload)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=payload, headers={"content-type": "application/json"})

    transport = httpx.MockTransport(handler)
    if kind == "ours":
        module: Any = importlib.import_module(package)
        models: Any = importlib.import_module(f"{package}.models")
        import pydantic

        http = httpx.Client(transport=transport)
        client = module.Client(base_url="https://api.github.com", http_client=http)

        resource_name, method_name = call.split(".")
        method = getattr(getattr(client, resource_name), method_name)

        def call_once() -> Any:
            return method("octo-org")

        list_type: Any = list.__class_getitem__(getattr(models, model_name))
        adapter: Any = pydantic.TypeAdapter(list_type)

        def from_dicts() -> Any:
            return adapter.validate_python(data)

    else:
        client_module: Any = importlib.import_module(f"{package}.client")
        operation: Any = importlib.import_module(_peer_operation(package, route, "get"))
        model: Any = getattr(importlib.import_module(f"{package}.models"), model_name)
        peer_client = client_module.Client(base_url="https://api.github.com", httpx_args={"transport": transport})

        def call_once() -> Any:
            return operation.sync_detailed(org="octo-org", client=peer_client).parsed

        def from_dicts() -> Any:
            return [model.from_dict(item) for item in data]

    first = call_once()
    count = len(first) if isinstance(first, list) else -1
    type_name = type(first[0]).__name__ if count > 0 else type(first).__name__
    for _ in range(3):  # warm up
        call_once()
        from_dicts()
    started = time.perf_counter()
    for _ in range(calls):
        call_once()
    end_to_end = (time.perf_counter() - started) / calls
    started = time.perf_counter()
    for _ in range(calls):
        from_dicts()
    decode_only = (time.perf_counter() - started) / calls
    return {"objects": count, "type": type_name, "call_seconds": end_to_end, "from_dicts_seconds": decode_only, "calls": calls}


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
