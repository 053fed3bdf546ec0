"""A fast smoke test over a few real-world specs from ../shared/corpus (skipped when absent)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.black_style import black_differences
from tests.conftest import run_cli

SMOKE_SPECS = {
    "petstore": "features/3.0/petstore.yaml",
    "discriminators": "features/3.0/discriminators.yaml",
    "circular": "features/3.0/circular.yaml",
    "params_style": "features/3.0/parameters-style.yaml",
    "uploads": "features/3.0/file-uploads.yaml",
    "train_travel": "features/3.1/train-travel.yaml",
}


def test_corpus_specs_generate_import_and_type_check(shared_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    for package, relative in SMOKE_SPECS.items():
        result = run_cli("generate", str(shared_corpus / relative), "--package", package, "--out", str(out), "--quiet")
        assert result.returncode == 0, f"{relative}: {result.stderr}"
    assert black_differences(out) == ""  # ruff wrote exactly black's style
    script = (
        "import importlib, pkgutil, sys\n"
        f"for name in {sorted(SMOKE_SPECS)!r}:\n"
        "    package = importlib.import_module(name)\n"
        "    for module in pkgutil.walk_packages(package.__path__, name + '.'):\n"
        "        if '.tests' not in module.name:\n"
        "            importlib.import_module(module.name)\n"
    )
    imported = subprocess.run([sys.executable, "-c", script], cwd=out, capture_output=True, text=True, timeout=120)
    assert imported.returncode == 0, imported.stderr
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", *sorted(SMOKE_SPECS)], cwd=out, capture_output=True, text=True, timeout=600
    )
    assert mypy.returncode == 0, mypy.stdout[-3000:]


def test_petstore_call_through_mock_transport(shared_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("generate", str(shared_corpus / SMOKE_SPECS["petstore"]), "--package", "petstore", "--out", str(out), "-q")
    assert result.returncode == 0, result.stderr
    script = """
import httpx
from petstore import Client, models, NotFoundError

seen = []
def handler(request):
    seen.append(request)
    if request.url.path.endswith('/pet/404'):
        return httpx.Response(404, json={'message': 'no such pet'})
    return httpx.Response(200, json={'id': 7, 'name': 'rex', 'photoUrls': [], 'status': 'some-new-status', 'extra': 1})

client = Client(base_url='https://petstore.test/v2', api_key='k', http_client=httpx.Client(transport=httpx.MockTransport(handler)))
pet = client.pet.get_by_id(7)
assert isinstance(pet, models.Pet) and pet.name == 'rex' and pet.status == 'some-new-status', pet
assert pet.model_extra == {'extra': 1}
assert str(seen[-1].url) == 'https://petstore.test/v2/pet/7', seen[-1].url
try:
    client.pet.get_by_id(404)
except NotFoundError as error:
    assert error.status_code == 404
else:
    raise SystemExit('no NotFoundError')
print('ok')
"""
    run = subprocess.run([sys.executable, "-c", script], cwd=out, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr


def test_cache_never_changes_a_byte(shared_corpus: Path, tmp_path: Path) -> None:
    spec = str(shared_corpus / SMOKE_SPECS["train_travel"])
    cache = tmp_path / "cache"
    outputs = [tmp_path / "uncached", tmp_path / "cold", tmp_path / "warm"]
    assert run_cli("generate", spec, "--package", "train", "--out", str(outputs[0]), "-q", "--no-cache").returncode == 0
    assert run_cli("generate", spec, "--package", "train", "--out", str(outputs[1]), "-q", cache_dir=cache).returncode == 0
    assert any(cache.rglob("*")), "the cold run filled no cache"
    assert run_cli("generate", spec, "--package", "train", "--out", str(outputs[2]), "-q", cache_dir=cache).returncode == 0
    trees = [{p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()} for folder in outputs]
    assert trees[0] and trees[0] == trees[1] == trees[2]
