"""A hostile spec: nothing it says can add code or choose a path outside the output folder."""

from __future__ import annotations

import subprocess
import tomllib
import sys
from pathlib import Path

from tests.conftest import REPO, minimal_spec, run_cli, write_spec

PAYLOAD = "\"\"\"; import pathlib; pathlib.Path('PWNED').write_text('x'); \"\"\""
QUOTE_PAYLOAD = "'); import pathlib; pathlib.Path('PWNED').write_text('x'); ('"


def hostile_spec() -> dict[str, object]:
    prop = {"type": "string", "description": PAYLOAD, "default": QUOTE_PAYLOAD, "enum": [QUOTE_PAYLOAD, "{__import__('os')}"]}
    return minimal_spec(
        info={"title": PAYLOAD, "version": QUOTE_PAYLOAD, "description": PAYLOAD},
        servers=[{"url": "https://{env}.example.test", "variables": {"env": {"default": "a", "enum": ["a", "{0.__class__}", QUOTE_PAYLOAD]}}}],
        tags=[{"name": "../../../escape", "description": PAYLOAD}],
        paths={
            "/x/{id}": {
                "get": {
                    "operationId": "../../evil/__init__",
                    "tags": ["../../../escape"],
                    "summary": PAYLOAD,
                    "description": PAYLOAD,
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}, "description": PAYLOAD},
                        {"name": QUOTE_PAYLOAD, "in": "query", "schema": {"type": "string"}},
                        {"name": "self", "in": "query", "schema": {"type": "string"}},
                    ],
                    "responses": {"200": {"description": PAYLOAD, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/__init__"}}}}},
                }
            }
        },
        components={
            "schemas": {
                "__init__": {"type": "object", "description": PAYLOAD, "properties": {QUOTE_PAYLOAD: prop, "import os": prop, "model_config": prop}},
                "..": {"type": "string", "enum": [PAYLOAD]}, "_client": {"type": "object", "properties": {"x": {"type": "string"}}},
            },
            "securitySchemes": {"key.-_": {"type": "apiKey", "in": "header", "name": QUOTE_PAYLOAD, "description": PAYLOAD}},
        },
    )


def test_hostile_spec_generates_inert_code_inside_the_output(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, hostile_spec())
    out = tmp_path / "out"
    result = run_cli("generate", str(spec), "--package", "hostile", "--out", str(out))
    assert result.returncode == 0, result.stderr
    files = [path for path in tmp_path.rglob("*") if path.is_file()]
    package = out / "hostile"
    assert all(path in (spec, out / "pyproject.toml") or path.is_relative_to(package) for path in files), files
    assert tomllib.loads((out / "pyproject.toml").read_text())["project"]["name"].endswith("-client")
    # Importing every module and calling the operation must not run anything from the spec.
    script = (
        "import httpx, importlib, pkgutil, hostile\n"
        "for m in pkgutil.walk_packages(hostile.__path__, 'hostile.'):\n"
        "    importlib.import_module(m.name)\n"
        "c = hostile.Client(base_url='https://h.test', http_client=httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200, json={}))))\n"
        "resource = [getattr(c, n) for n in dir(c) if not n.startswith('_') and n not in ('base_url', 'close')][0]\n"
        "method = [getattr(resource, n) for n in dir(resource) if not n.startswith('_') and n != 'with_raw_response'][0]\n"
        "print(type(method('1')).__name__)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env={"PYTHONPATH": str(out), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert not (tmp_path / "PWNED").exists()
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "hostile"], cwd=out, capture_output=True, text=True, timeout=300)
    assert mypy.returncode == 0, mypy.stdout


def test_server_enum_is_enforced(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, minimal_spec(servers=[{"url": "https://{env}.example.test", "variables": {"env": {"default": "app", "enum": ["app", "staging"]}}}]))
    out = tmp_path / "out"
    assert run_cli("generate", str(spec), "--package", "envpkg", "--out", str(out)).returncode == 0
    script = (
        "import envpkg\n"
        "assert envpkg.Client().base_url == 'https://app.example.test'\n"
        "assert envpkg.Client(env='staging').base_url == 'https://staging.example.test'\n"
        "try:\n    envpkg.Client(env='evil.com/')  # type: ignore\nexcept ValueError as e:\n    print('refused', e)\nelse:\n    raise SystemExit('accepted a value outside the enum')\n"
    )
    run = subprocess.run([sys.executable, "-c", script], env={"PYTHONPATH": str(out), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and "refused env must be one of app, staging" in run.stdout, run.stderr


def test_no_eval_or_exec_in_the_generator() -> None:
    for path in (REPO / "generator").rglob("*.py"):
        text = path.read_text()
        assert "eval(" not in text and "exec(" not in text, path


def test_tags_named_like_the_client_bodys_names_still_type_check(tmp_path: Path) -> None:
    """A resource property called `type` (or `str`, `Literal`, ...) would shadow that name inside the
    client classes, where `__exit__` annotates `type[BaseException]`; mypy rejected such packages."""
    tags = ["type", "str", "Literal", "TracebackType", "httpx", "NOT_GIVEN"]
    paths = {
        f"/{index}": {"get": {"operationId": f"op{index}", "tags": [tag], "responses": {"204": {"description": "ok"}}}}
        for index, tag in enumerate(tags)
    }
    spec = write_spec(tmp_path, {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": paths})
    out = tmp_path / "out"
    result = run_cli("generate", str(spec), "--package", "shadow", "--out", str(out))
    assert result.returncode == 0, result.stderr
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "shadow/_client.py"], cwd=out, capture_output=True, text=True, timeout=300)
    assert mypy.returncode == 0, mypy.stdout
