"""Every fenced block of README.md, run or checked as written (issue 23).

- `python`: run in a fresh interpreter. A block whose comment says `clientsmith generate SPEC
  --package NAME --out DIR` (SPEC relative to the repository) gets that package generated into a
  temporary folder that stands in for `pip install ./DIR` (it is put on PYTHONPATH), and runs from a
  folder outside the repository; a block importing `generated.` runs from the repository's root, as
  the README says. HTTP the block sends through httpx's default transports is answered by a local
  mock installed from outside the block (a `sitecustomize` module on PYTHONPATH, with the answers of
  ROUTES below); a request no route answers fails the block. When `print(...)` lines end in a
  `# comment`, the output must be those comments, line by line.
- `sh`: `clientsmith ...` commands run in a temporary folder (with the inputs of SHELL_INPUTS, and
  the README's claims about what they write checked by SHELL_CHECKS); `make TARGET` is not run (`make
  test` would run this test again, `make generate` rewrites generated/): the Makefile must define the
  target, and for the targets the README describes, run what it says (MAKE_RECIPES).
- `toml`: read by the configuration loader (generator/config.py), also with its commented settings
  uncommented; a provider's table without a `spec` is checked inside one that has it.
- `yaml`/`json`: parsed; an OpenAPI document is validated; a pre-commit configuration names only the
  published hooks.
- `text`: a diagram; a folder listing names folders that exist.

A block that cannot run is preceded by `<!-- readme-test: not run: REASON -->`; the reason must name
the test that does what the block does, and `pip`/`pipx` installs in it must name local paths (no
clientsmith package is on an index).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.config import load_config
from generator.load import load_spec
from generator.validate import validate_spec
from tests.conftest import REPO

README = REPO / "README.md"
LANGUAGES = ("python", "sh", "toml", "yaml", "json", "text")
_FENCE = re.compile(r"^(?P<indent> *)```(?P<language>\S*)\s*$")
_MARKER = re.compile(r"^<!-- readme-test: not run: (?P<reason>.+?) -->$")
_HEADING = re.compile(r"^#{2,4} (?P<title>.+)$")
_GENERATE = re.compile(r"^# clientsmith generate (?P<spec>\S+) --package (?P<package>\w+) --out (?P<out>[^\s;]+)", re.M)


@dataclass(frozen=True)
class Block:
    line: int  # of the opening fence, 1-based
    language: str
    text: str
    heading: str
    not_run: str | None  # the reason, when the README marks the block

    @property
    def name(self) -> str:
        return f"README.md:{self.line} ({self.heading}, {self.language})"


def read_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    lines = text.splitlines()
    heading, index = "", 0
    while index < len(lines):
        matched_heading = _HEADING.match(lines[index])
        if matched_heading:
            heading = matched_heading.group("title")
        fence = _FENCE.match(lines[index])
        if fence is None:
            index += 1
            continue
        indent = len(fence.group("indent"))
        end = next(number for number in range(index + 1, len(lines)) if lines[number].strip() == "```")
        body = "\n".join(line[indent:] for line in lines[index + 1 : end]) + "\n"
        before = next((line for line in reversed(lines[:index]) if line.strip()), "")
        marker = _MARKER.match(before.strip())
        blocks.append(Block(index + 1, fence.group("language"), body, heading, marker.group("reason") if marker else None))
        index = end + 1
    return blocks


BLOCKS = read_blocks(README.read_text(encoding="utf-8"))


def blocks_of(language: str) -> list[Block]:
    return [block for block in BLOCKS if block.language == language]


def ids(blocks: list[Block]) -> list[str]:
    return [f"line{block.line}-{block.heading}" for block in blocks]


def test_every_block_says_its_language() -> None:
    untagged = [block.name for block in BLOCKS if block.language not in LANGUAGES]
    assert not untagged, f"tag each block with one of {LANGUAGES}: {untagged}"


def test_blocks_that_do_not_run_are_rare_and_say_which_test_does_their_work() -> None:
    marked = [block for block in BLOCKS if block.not_run is not None]
    assert len(marked) <= 2, [block.name for block in marked]
    for block in marked:
        named = re.findall(r"tests/\S+\.py", block.not_run or "")
        assert named and all((REPO / path).is_file() for path in named), f"{block.name}: {block.not_run!r} names no existing test"


def test_every_provider_has_a_running_example() -> None:
    providers = README.read_text(encoding="utf-8").split("\n## Providers\n", 1)[1]
    headings = re.findall(r"^### (.+)$", providers, flags=re.M)
    examples = [block.heading for block in blocks_of("python") if block.heading in headings]
    assert headings == examples == ["Kodexa", "DataWollet", "Raydocs", "Alfred (TagShelf)"]


PROVIDER_PACKAGES = {"Kodexa": "kodexa", "DataWollet": "datawollet", "Raydocs": "raydocs", "Alfred (TagShelf)": "alfred"}


def test_provider_sections_name_real_arguments_and_variables() -> None:
    """The prose beside each example: `name=` arguments the client takes, the environment variables it reads."""
    import importlib
    import inspect

    providers = README.read_text(encoding="utf-8").split("\n## Providers\n", 1)[1]
    for heading, package in PROVIDER_PACKAGES.items():
        section = providers.split(f"### {heading}\n", 1)[1].split("\n### ", 1)[0].split("```", 1)[0]
        client = importlib.import_module(f"generated.{package}").Client
        source = inspect.getsource(importlib.import_module(f"generated.{package}._client"))
        arguments = re.findall(r"`(\w+)=`", section)
        variables = re.findall(r"`([A-Z][A-Z0-9_]+)`", section)
        assert arguments and set(arguments) <= set(inspect.signature(client).parameters), (heading, arguments)
        assert all(f'os.environ.get("{name}")' in source for name in variables), (heading, variables)


# ----------------------------------------------------------------------------------------- python

# A route: method, url (a regular expression), sent (JSON members the body must have), sent_headers;
# the answer: status (200), json or text, headers.
Route = dict[str, Any]

SESSION = {"id": "3c90c3cc-0d44-4b50-8888-8dd25736052a", "changeSequence": 7, "state": "OPEN", "createdOn": "2023-11-07T05:31:56Z"}
CHUNKS = [{"id": "c-1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o", "choices": [{"index": 0, "delta": {"content": text}, "finish_reason": None}]} for text in ("Hel", "lo")]
ROUTES: dict[str, list[Route]] = {
    "Using a generated client": [
        {"method": "GET", "url": r"https://platform\.kodexa\.ai/api/sessions/3c90c3cc-0d44-4b50-8888-8dd25736052a", "sent_headers": {"x-api-key": "my-token"}, "json": SESSION},
        {"method": "PUT", "url": r"https://platform\.kodexa\.ai/api/sessions/3c90c3cc-0d44-4b50-8888-8dd25736052a", "sent": {"changeSequence": 7, "state": "CLOSED"}, "json": {**SESSION, "changeSequence": 8, "state": "CLOSED"}},
        {"method": "GET", "url": r"https://platform\.kodexa\.ai/api/sessions/no-such-session", "status": 404, "json": {"message": "no such session"}},
    ],
    "Streams": [
        {
            "method": "POST", "url": r"https://api\.openai\.com/v1/chat/completions", "sent": {"model": "gpt-4o", "stream": True},
            "sent_headers": {"authorization": "Bearer sk-..."}, "headers": {"content-type": "text/event-stream"},
            "text": "".join(f"data: {json.dumps(chunk)}\n\n" for chunk in CHUNKS) + "data: [DONE]\n\n",
        },
        {"method": "GET", "url": r"https://api\.openai\.com/v1/files/file-abc/content", "headers": {"content-type": "application/octet-stream"}, "text": '{"line": 1}\n'},
    ],
}

# Installed from outside the block: httpx's default transports answer from the routes file.
MOCK_SITE = '''
import atexit, json, os, re, sys

import httpx

_ROUTES = json.loads(open(os.environ["README_TEST_ROUTES"], encoding="utf-8").read())
_UNANSWERED = []
_COUNT = [0]


def _answer(request):
    _COUNT[0] += 1
    request.read()
    for route in _ROUTES:
        if route["method"] != request.method or not re.fullmatch(route["url"], str(request.url)):
            continue
        if any(request.headers.get(name) != value for name, value in route.get("sent_headers", {}).items()):
            continue
        if "sent" in route:
            sent = json.loads(request.content or b"null")
            if not isinstance(sent, dict) or any(sent.get(key) != value for key, value in route["sent"].items()):
                continue
        headers = {"x-request-id": f"req-{_COUNT[0]}", **route.get("headers", {})}
        if "json" in route:
            return httpx.Response(route.get("status", 200), json=route["json"], headers=headers)
        return httpx.Response(route.get("status", 200), content=route.get("text", "").encode(), headers=headers)
    _UNANSWERED.append(f"{request.method} {request.url} {request.content[:200]!r}")
    return httpx.Response(501, json={"error": "the README test has no answer for this request"})


async def _answer_async(self, request):
    await request.aread()
    return _answer(request)


httpx.HTTPTransport.handle_request = lambda self, request: _answer(request)
httpx.AsyncHTTPTransport.handle_async_request = _answer_async


@atexit.register
def _report():
    if _UNANSWERED:
        sys.stderr.write("requests no route answered: " + "; ".join(_UNANSWERED) + "\\n")
        sys.stderr.flush()
        os._exit(70)
'''


def expected_output(code: str) -> list[str] | None:
    said = [match.group(1).strip() for match in re.finditer(r"^\s*print\(.*\)\s+# (.+)$", code, flags=re.M)]
    return said or None


def generate_packages(code: str, folder: Path) -> list[Path]:
    """Run the `clientsmith generate` a block's comment names; the project folders it wrote."""
    projects = []
    for command in _GENERATE.finditer(code):
        spec = REPO / command.group("spec")
        if not spec.is_file():
            pytest.skip(f"{spec} is absent (../shared is not cloned here)")
        out = folder / command.group("out")
        result = subprocess.run(
            # as a user runs it: with the output cache, which never changes a byte (it spares OpenAI's 20 s)
            [sys.executable, "-m", "clientsmith", "-q", "generate", spec, "--package", command.group("package"), "--out", out],
            cwd=folder, capture_output=True, text=True, timeout=600,
        )
        assert result.returncode == 0, result.stderr
        projects.append(out)
    return projects


@pytest.mark.parametrize("block", blocks_of("python"), ids=ids(blocks_of("python")))
def test_python_block_runs(block: Block, tmp_path: Path) -> None:
    assert block.not_run is None, f"{block.name}: Python blocks run"
    site = tmp_path / "mock-site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(MOCK_SITE)
    routes = tmp_path / "routes.json"
    routes.write_text(json.dumps(ROUTES.get(block.heading, [])))
    away = tmp_path / "away"
    away.mkdir()
    projects = generate_packages(block.text, away)
    in_repository = "from generated." in block.text or "import generated." in block.text
    assert not (in_repository and projects), f"{block.name}: one way to get the package"
    path = os.pathsep.join(str(folder) for folder in [site, *projects])
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": path, "README_TEST_ROUTES": str(routes), "HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", block.text], cwd=REPO if in_repository else away, capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, f"{block.name} failed:\n{run.stderr[-4000:]}"
    expected = expected_output(block.text)
    if expected is not None:
        assert run.stdout.strip().splitlines() == expected, f"{block.name} printed {run.stdout!r}"


# ------------------------------------------------------------------------------------------ shell

PETSTORE = {
    "openapi": "3.0.3",
    "info": {"title": "Swagger Petstore", "version": "2.1-beta"},
    "servers": [{"url": "https://petstore.example.test/v1"}],
    "paths": {
        "/pets": {
            "get": {
                "operationId": "listPets",
                "tags": ["pets"],
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}}}}}},
            }
        }
    },
    "components": {"schemas": {"Pet": {"type": "object", "required": ["name"], "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}}}},
}
SHELL_INPUTS = {"petstore.yaml": yaml.safe_dump(PETSTORE, sort_keys=False)}


def _petstore_as_described(folder: Path) -> None:
    """The paragraph after the command: the package, its README, py.typed, tests, and the project."""
    package = folder / "petstore-client" / "petstore"
    assert (package / "README.md").is_file() and (package / "py.typed").is_file() and (package / "tests").is_dir()
    project = tomllib.loads((folder / "petstore-client" / "pyproject.toml").read_text())["project"]
    assert (project["name"], project["version"]) == ("swagger-petstore-client", "2.1b0")


SHELL_CHECKS: dict[str, Callable[[Path], None]] = {"clientsmith generate petstore.yaml --package petstore --out petstore-client": _petstore_as_described}
MAKE_RECIPES = {"generate": ["-m generator generate"], "test": ["-m pytest", "-m mypy --strict generator generated", "-m generator check"]}


def commands(text: str) -> list[str]:
    """The block's command lines, comments dropped, `&&` chains split."""
    found = []
    for line in text.replace("\\\n", " ").splitlines():
        words = shlex.split(line, comments=True)
        if not words:
            continue
        found += [part.strip() for part in shlex.join(words).split(" '&&' ") if part.strip()]
    return found


def make_recipe(target: str) -> str | None:
    """The recipe of a Makefile target (its tab-indented lines), None when the Makefile lacks it."""
    makefile = (REPO / "Makefile").read_text()
    matched = re.search(rf"^{re.escape(target)}:[^\n]*\n((?:\t[^\n]*\n)*)", makefile, flags=re.M)
    return matched.group(1) if matched else None


@pytest.mark.parametrize("block", blocks_of("sh"), ids=ids(blocks_of("sh")))
def test_shell_block(block: Block, tmp_path: Path) -> None:
    lines = commands(block.text)
    assert lines, block.name
    if block.not_run is not None:
        for line in lines:
            words = shlex.split(line)
            start = 4 if words[:4] == ["python", "-m", "pip", "install"] else 2 if words[0].endswith(("pip", "pipx")) and words[1:2] == ["install"] else 0
            packages = [word for word in words[start:] if start and not word.startswith("-")]
            assert all("/" in word or word.endswith(".whl") for word in packages), f"{block.name}: `{line}` asks an index for {packages}"
        return
    for name, content in SHELL_INPUTS.items():
        (tmp_path / name).write_text(content)
    tools = Path(sys.executable).parent
    env = {"PATH": f"{tools}:/usr/bin:/bin", "HOME": str(tmp_path), "CLIENTSMITH_CACHE_DIR": ""}
    for line in lines:
        words = shlex.split(line)
        if words[0] == "make":
            for target in words[1:]:
                recipe = make_recipe(target)
                assert recipe is not None, f"{block.name}: the Makefile has no target {target!r}"
                for step in MAKE_RECIPES.get(target, []):
                    assert step in recipe, f"{block.name}: `make {target}` does not run {step!r}"
            continue
        assert words[0] == "clientsmith", f"{block.name}: no way to run `{line}` here: mark the block (<!-- readme-test: not run: REASON -->)"
        result = subprocess.run(["bash", "-c", line], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=600)
        assert result.returncode == 0, f"{block.name}: `{line}` exited {result.returncode}\n{result.stderr[-4000:]}"
        check = SHELL_CHECKS.get(line)
        if check is not None:
            check(tmp_path)


# ------------------------------------------------------------------------------------------- toml

def loaded(text: str, folder: Path) -> Any:
    """The configuration the loader reads from the block; a provider's table without `spec` (a
    fragment of one, such as its `names`) is completed by the `spec` every provider has."""
    providers = tomllib.loads(text)["tool"]["clientsmith"].get("providers", {})
    completion = "".join(f'\n[tool.clientsmith.providers.{name}]\nspec = "api/{name}.yaml"\n' for name, table in providers.items() if "spec" not in table)
    pyproject = folder / "pyproject.toml"
    pyproject.write_text(text + completion)
    return load_config(pyproject)


@pytest.mark.parametrize("block", blocks_of("toml"), ids=ids(blocks_of("toml")))
def test_toml_block_is_a_configuration(block: Block, tmp_path: Path) -> None:
    config = loaded(block.text, tmp_path)
    written = tomllib.loads(block.text)["tool"]["clientsmith"]
    for provider in config.providers:
        table = written.get("providers", {}).get(provider.package, {})
        assert dict(provider.names) == table.get("names", {})
        if provider.project is not None:  # as the comment says: output/<package>/<package>/
            assert config.package_folder(provider) == config.output / provider.package / provider.package
    if written.get("output") == "generated":  # this repository's own: what it names exists here
        for provider in config.providers:
            for path in (provider.spec, provider.extras, provider.templates, config.templates):
                assert path is None or (REPO / path.relative_to(tmp_path)).exists(), f"{block.name}: {path} is not in the repository"
    settings = re.compile(r"^# (?P<setting>[\w-]+ = .+?)(?:\s+#.*)?$", flags=re.M)
    if settings.search(block.text):  # the commented settings are real ones
        uncommented = settings.sub(lambda match: match.group("setting"), block.text)
        assert uncommented != block.text
        (tmp_path / "uncommented").mkdir()
        loaded(uncommented, tmp_path / "uncommented")


# ------------------------------------------------------------------------------ yaml, json, text

def _check_document(data: Any, block: Block, tmp_path: Path, suffix: str) -> None:
    if isinstance(data, dict) and ("openapi" in data or "swagger" in data):
        path = tmp_path / f"spec{suffix}"
        path.write_text(block.text)
        validate_spec(load_spec(path, block.name), strict=True)
    if isinstance(data, dict) and "repos" in data:  # a pre-commit configuration: only published hooks
        published = {hook["id"] for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
        named = set(re.findall(r"id: ([\w-]+)", block.text))  # the commented ones too
        assert named and named <= published, f"{block.name}: {sorted(named - published)} are not in .pre-commit-hooks.yaml"


@pytest.mark.parametrize("block", blocks_of("yaml") + blocks_of("json"), ids=ids(blocks_of("yaml") + blocks_of("json")))
def test_data_block_parses(block: Block, tmp_path: Path) -> None:
    data = json.loads(block.text) if block.language == "json" else yaml.safe_load(block.text)
    _check_document(data, block, tmp_path, "." + block.language)


@pytest.mark.parametrize("block", blocks_of("text"), ids=ids(blocks_of("text")))
def test_text_block_names_real_folders(block: Block) -> None:
    for folder in re.findall(r"^([\w.-]+)/\s", block.text, flags=re.M):
        assert (REPO / folder).is_dir(), f"{block.name}: {folder}/ is not a folder of the repository"


# ------------------------------------------------------------------------ the test's own reading

def test_the_reader_finds_fences_markers_and_indented_blocks() -> None:
    text = "## A\n\n```sh\nclientsmith x\n```\n\n- item:\n\n  ```toml\n  [a]\n  ```\n\n<!-- readme-test: not run: why -->\n```yaml\nb: 1\n```\n"
    found = read_blocks(text)
    assert [(block.line, block.language, block.text, block.not_run) for block in found] == [
        (3, "sh", "clientsmith x\n", None), (9, "toml", "[a]\n", None), (14, "yaml", "b: 1\n", "why"),
    ]
    assert commands("make a   # x\npip install 'p[test]' && pytest -q\n") == ["make a", "pip install 'p[test]'", "pytest -q"]
