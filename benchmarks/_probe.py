"""Import every module of a generated package and count its operations; prints one JSON object.

Usage (in a fresh interpreter, stdlib only, so it also runs under the peer's venv):
    python _probe.py ROOT PACKAGE ours|peer

ROOT is put first on sys.path. Modules under PACKAGE/tests/ are not imported here (the corpus runs
them with pytest). Operations: for clientsmith, the `Endpoint` instances defined at module level in
PACKAGE.resources.*; for openapi-python-client, the modules under PACKAGE.api.* that define
`sync_detailed`.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
import traceback
from pathlib import Path
from typing import Any


def modules(root: Path, package: str) -> list[str]:
    base = root / package
    names: list[str] = []
    for path in sorted(base.rglob("*.py")):
        relative = path.relative_to(root).with_suffix("")
        parts = relative.parts
        if len(parts) > 1 and parts[1] == "tests":
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if all(part.isidentifier() for part in parts):
            names.append(".".join(parts))
    return sorted(set(names), key=lambda name: (name.count("."), name))


def describe(exc: BaseException) -> str:
    message = str(exc).strip().splitlines()
    text = f"{exc.__class__.__name__}: {message[0] if message else ''}".strip()
    frames = traceback.extract_tb(exc.__traceback__)
    generated = [frame for frame in frames if "/site-packages/" not in frame.filename and "<frozen" not in frame.filename]
    if generated:
        last = generated[-1]
        text += f" ({Path(last.filename).name}:{last.lineno})"
    return text[:400]


def _resource_classes(module: Any) -> list[type]:
    """The sync resource classes a module defines (not `Async...`, not `...WithRawResponse`)."""
    return [
        value for value in vars(module).values()
        if isinstance(value, type) and value.__module__ == module.__name__
        and not value.__name__.startswith("Async") and not value.__name__.endswith("WithRawResponse")
    ]


def _has_iterator(cls: type, name: str) -> bool:
    """A method of the class, or an attribute its `__init__` sets: an `iter_` view over a list
    method is made per instance (a typed view of the bound method), so it is no class attribute."""
    if callable(getattr(cls, name, None)):
        return True
    code = getattr(vars(cls).get("__init__"), "__code__", None)
    return code is not None and name in code.co_names


def main(argv: list[str]) -> int:
    root, package, kind = Path(argv[0]).resolve(), argv[1], argv[2]
    sys.path.insert(0, str(root))
    names = modules(root, package)
    failures: list[dict[str, str]] = []
    loaded: dict[str, Any] = {}
    started = time.perf_counter()
    for name in names:
        try:
            loaded[name] = importlib.import_module(name)
        except BaseException as exc:  # noqa: BLE001 - SystemExit and friends count as failures too
            failures.append({"module": name, "error": describe(exc)})
    elapsed = time.perf_counter() - started
    operations: int | None = None
    op_names: list[str] = []
    iterators: list[str] = []  # ours: "METHOD /path" of each operation with an `iter_` method
    if kind == "ours":
        base = loaded.get(f"{package}._client_base")
        endpoint = getattr(base, "Endpoint", None) if base is not None else None
        if isinstance(endpoint, type):
            operations = 0
            for name, module in loaded.items():
                if not name.startswith(f"{package}.resources."):
                    continue
                for attribute, value in vars(module).items():
                    if isinstance(value, endpoint):
                        operations += 1
                        op_names.append(f"{getattr(value, 'method', '?')} {getattr(value, 'path', '?')}")
                        # the sync resource class's `iter_<name>` of this endpoint (constant `_<NAME>`)
                        if any(_has_iterator(cls, "iter_" + attribute[1:].lower()) for cls in _resource_classes(module)):
                            iterators.append(f"{getattr(value, 'method', '?')} {getattr(value, 'path', '?')}")
    else:
        operations = 0
        for name, module in loaded.items():
            if name.startswith(f"{package}.api.") and callable(getattr(module, "sync_detailed", None)):
                operations += 1
                op_names.append(name.rsplit(".", 1)[-1])
    print(
        json.dumps(
            {
                "modules": len(names),
                "failures": failures,
                "import_seconds": round(elapsed, 3),
                "operations": operations,
                "operation_names": op_names,
                "iterators": iterators,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
