"""One scenario, written once, run through a sync and an async client; each step and each drift
between the server and its document is recorded for SERVERS.md."""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx

RESULTS = Path(__file__).resolve().parent.parent.parent / ".servers" / "results"


class Drive:
    """Calls a method of a sync or an async client alike: `await drive(client.items.create, ...)`."""

    def __init__(self, is_async: bool) -> None:
        self.is_async = is_async

    async def __call__(self, method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        result = method(*args, **kwargs)
        return await result if inspect.isawaitable(result) else result

    async def all(self, pager: Any) -> list[Any]:
        """Every item of an `iter_` pager (or a stream)."""
        if hasattr(pager, "__aiter__"):
            return [item async for item in pager]
        return list(pager)

    async def lines(self, manager: Any) -> tuple[list[str], httpx.Headers]:
        """The lines of a `with_streaming_response` reply, and its headers."""
        if self.is_async:
            async with manager as response:
                return [line async for line in response.iter_lines()], response.headers
        with manager as response:
            return list(response.iter_lines()), response.headers

    async def fails(self, error: type[BaseException], method: Callable[..., Any], *args: Any, **kwargs: Any) -> BaseException:
        try:
            await self(method, *args, **kwargs)
        except error as raised:
            return raised
        raise AssertionError(f"expected {error.__name__}")


def operation_count(document: dict[str, Any]) -> int:
    """The operations a document describes (for SERVERS.md's table)."""
    return sum(1 for item in document["paths"].values() for method in item if method in ("get", "put", "post", "patch", "delete"))


@dataclass
class Record:
    """What one server's run found: each step's result per mode, and the drifts seen."""

    server: str
    version: str
    document: str  # where the document came from
    openapi: str  # its version (Swagger 2.0, OpenAPI 3.x)
    operations: int
    steps: dict[str, dict[str, str]] = field(default_factory=dict)
    drifts: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)

    @asynccontextmanager
    async def step(self, name: str, mode: str) -> AsyncIterator[None]:
        try:
            yield
        except BaseException as error:
            self.steps.setdefault(name, {})[mode] = f"fail: {type(error).__name__}: {str(error)[:160]}"
            raise
        self.steps.setdefault(name, {})[mode] = "pass"

    def save(self) -> None:
        RESULTS.mkdir(parents=True, exist_ok=True)
        data = {
            "server": self.server, "version": self.version, "document": self.document, "openapi": self.openapi,
            "operations": self.operations, "steps": self.steps, "drifts": sorted(self.drifts), "notes": self.notes,
        }
        (RESULTS / f"{self.server}.json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


class DriftWatch:
    """Sees what the document does not say: a status it does not list for the operation, and each
    reply the client kept as sent (its log lines)."""

    def __init__(self, document: dict[str, Any], package: ModuleType, record: Record) -> None:
        self.record = record
        self.routes = _routes(document)
        self.logger = logging.getLogger(package.__name__)
        self.handler = _Collect(record)

    def hook(self, response: httpx.Response) -> None:
        request = response.request
        found = _match(self.routes, request.method, request.url.path)
        if found is None:
            return
        template, statuses = found
        status = str(response.status_code)
        if status not in statuses and f"{status[0]}XX" not in statuses and "default" not in statuses:
            listed = ", ".join(sorted(statuses)) or "nothing"
            self.record.drifts.add(f"{request.method} {template} answered {status}; the document lists {listed}")

    async def ahook(self, response: httpx.Response) -> None:
        self.hook(response)

    def __enter__(self) -> DriftWatch:
        self.logger.addHandler(self.handler)
        self.logger.setLevel(logging.INFO)
        return self

    def __exit__(self, *exc: object) -> None:
        self.logger.removeHandler(self.handler)


class _Collect(logging.Handler):
    def __init__(self, record: Record) -> None:
        super().__init__(logging.INFO)
        self.record = record

    def emit(self, item: logging.LogRecord) -> None:
        message = item.getMessage()
        if "does not match its documented type" in message:
            self.record.drifts.add(message.split(" (strict_response_validation", 1)[0])


def _routes(document: dict[str, Any]) -> list[tuple[re.Pattern[str], str, str, set[str]]]:
    base = ""
    if isinstance(document.get("basePath"), str):
        base = document["basePath"].rstrip("/")
    elif document.get("servers"):
        url = str(document["servers"][0].get("url", ""))
        base = httpx.URL(url).path.rstrip("/") if "://" in url else url.rstrip("/")
    routes = []
    for path, item in (document.get("paths") or {}).items():
        pattern = re.compile("^" + re.escape(base + path).replace(r"\{", "{").replace(r"\}", "}") + "/?$")
        pattern = re.compile(re.sub(r"\{[^}]+\}", "[^/]+(?:/.*)?" if path.endswith("{path}") else "[^/]+", pattern.pattern))
        for method, operation in item.items():
            if isinstance(operation, dict) and "responses" in operation:
                routes.append((pattern, method.upper(), path, {str(status) for status in operation["responses"]}))
    return routes


def _match(routes: list[tuple[re.Pattern[str], str, str, set[str]]], method: str, path: str) -> tuple[str, set[str]] | None:
    candidates = [(template, statuses) for pattern, verb, template, statuses in routes if verb == method and pattern.match(path)]
    if not candidates:
        return None
    return min(candidates, key=lambda found: found[0].count("{"))  # a literal route beats a templated one


@dataclass
class Setup:
    """One running server and the client package generated from its document."""

    url: str
    package: ModuleType
    record: Record
    watch: DriftWatch

    def run(self, scenario: Callable[[Any, Any, Drive, str], Awaitable[None]], mode: str, **options: Any) -> None:
        """`scenario(self, client, drive, mode)` through a client made with `options`; the drift
        watch sees every reply."""

        def make_sync() -> Any:
            return self.package.Client(base_url=self.url, http_client=httpx.Client(event_hooks={"response": [self.watch.hook]}), **options)

        def make_async() -> Any:
            return self.package.AsyncClient(base_url=self.url, http_client=httpx.AsyncClient(event_hooks={"response": [self.watch.ahook]}), **options)

        run_both(lambda client, drive, which: scenario(self, client, drive, which), make_sync, make_async, mode)


def run_both(scenario: Callable[[Any, Drive, str], Awaitable[None]], make_sync: Callable[[], Any], make_async: Callable[[], Any], mode: str) -> None:
    """Run `scenario(client, drive, mode)` on a sync client (`mode` "sync") or an async one."""

    async def with_async() -> None:
        async with make_async() as client:
            await scenario(client, Drive(True), mode)

    if mode == "async":
        asyncio.run(with_async())
        return

    async def with_sync() -> None:
        with make_sync() as client:
            await scenario(client, Drive(False), mode)

    asyncio.run(with_sync())


_NUMBERED = re.compile(r"_[0-9]+$")  # a name told apart by a counter, not by words


def name_problems(package: ModuleType) -> list[str]:
    """Public method and argument names of the client's resources that no person would write: a
    counter at the end (`get_api_2`, `type_2`) or the route's HTTP method repeated (`create_post`)."""
    import importlib
    import pkgutil

    problems: list[str] = []
    resources = importlib.import_module(f"{package.__name__}.resources")
    for info in pkgutil.iter_modules(resources.__path__):
        module = importlib.import_module(f"{resources.__name__}.{info.name}")
        for class_name in getattr(module, "__all__", ()):
            cls = getattr(module, class_name)
            for name, member in vars(cls).items():
                if name.startswith("_") or not callable(member):
                    continue
                endpoint = getattr(module, "_" + name.upper(), None)
                verb = str(getattr(endpoint, "method", "")).lower()
                if _NUMBERED.search(name) or (verb and name.endswith("_" + verb)):
                    problems.append(f"{info.name}.{class_name}.{name}")
                for argument in inspect.signature(member).parameters:
                    if _NUMBERED.search(argument):
                        problems.append(f"{info.name}.{class_name}.{name}({argument}=)")
    return problems


def check_names(record: Record, package: ModuleType) -> None:
    """The "names" step: recorded for both modes (the names are the same)."""
    problems = name_problems(package)
    outcome = "pass" if not problems else f"fail: {', '.join(problems[:5])}"
    record.steps["names"] = {"sync": outcome, "async": outcome}
    assert not problems, problems
