"""Fuzzing: real documents mutated (bytes and structure) never end in a traceback, an "internal
error" or a hang, and never make the generator write outside its output folder.

Each example runs the command line in a subprocess with a time budget (a hang fails the test). The
profile is derandomized so CI sees the same examples every run; CLIENTSMITH_FUZZ_EXAMPLES=500 runs
a longer campaign locally.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO, SHARED, run_cli

# Small seeds keep an example to about a second: the whole pipeline runs, formatter included.
_SEED_LIMIT = 40_000
_TIME_BUDGET = 120  # seconds per example; a document that takes longer counts as a hang
_EXAMPLES = int(os.environ.get("CLIENTSMITH_FUZZ_EXAMPLES", "24"))


def _seeds() -> list[Path]:
    folders = [REPO / "specs", SHARED / "corpus" / "features"]
    return sorted(path for folder in folders if folder.is_dir() for path in folder.rglob("*.yaml") if path.stat().st_size <= _SEED_LIMIT)


SEEDS = _seeds()
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

scalars = st.one_of(st.none(), st.booleans(), st.integers(-3, 1000), st.sampled_from(["", "null", "string", "object", "#/components/schemas/Nope", "{id}", "3.0", "x" * 300]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["type", "$ref", "properties", "items", "nullable", "required", "enum", "allOf", "schema", "x"]), inner, max_size=3)), max_leaves=6)


_REMOVE = object()
DEFECTS: list[tuple[str, Any]] = [
    ("type", ["string", "null"]), ("type", "null"), ("type", ["integer", "string"]), ("nullable", True), ("const", 1),
    ("examples", [1, 2]), ("exclusiveMinimum", 3), ("exclusiveMaximum", True), ("required", True), ("enum", [1, "a", None]),
    ("default", "10"), ("format", "not-a-format"), ("description", _REMOVE), ("schema", None), ("responses", _REMOVE),
    ("operationId", "same"), ("style", "simple"), ("in", "path"), ("$ref", "#/components/schemas/Pet"), ("x-extra", {"a": 1}),
]


def _containers(data: Any) -> list[tuple[Any, Any]]:
    """Every (container, key) slot of the document, in a fixed order."""
    found: list[tuple[Any, Any]] = []
    stack = [data]
    while stack:
        node = stack.pop()
        items = list(node.items()) if isinstance(node, dict) else list(enumerate(node)) if isinstance(node, list) else []
        for key, value in items:
            found.append((node, key))
            if isinstance(value, (dict, list)):
                stack.append(value)
    return found


@st.composite
def mutated_documents(draw: st.DrawFn) -> tuple[str, str]:
    """(file name, text): a seed document with byte edits or structural edits."""
    seed = draw(st.sampled_from(SEEDS))
    text = seed.read_text(encoding="utf-8")
    if draw(st.booleans()):
        data = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
        for _ in range(draw(st.integers(1, 4))):
            slots = _containers(data)
            if not slots:
                break
            holder, key = slots[draw(st.integers(0, len(slots) - 1))]
            operation = draw(st.sampled_from(["replace", "delete", "duplicate", "reference", "nest", "defect", "defect"]))
            if operation == "defect" and isinstance(holder[key], dict):
                # a defect real documents carry (what the tolerant reading repairs)
                member, value = draw(st.sampled_from(DEFECTS))
                if value is _REMOVE:
                    holder[key].pop(member, None)
                else:
                    holder[key][member] = value
            elif operation == "delete" and isinstance(holder, dict):
                del holder[key]
            elif operation == "duplicate":
                other, other_key = slots[draw(st.integers(0, len(slots) - 1))]
                holder[key] = json.loads(json.dumps(other[other_key], default=str))
            elif operation == "reference":
                holder[key] = {"$ref": draw(st.sampled_from(["#/components/schemas/" + str(key), "#/paths", "#", "other.yaml#/x", "#/components/schemas"]))}
            elif operation == "nest":
                holder[key] = {"allOf": [holder[key], {"$ref": "#/components/schemas/" + str(key)}]}
            else:
                holder[key] = draw(values)
        as_json = draw(st.booleans())
        text = json.dumps(data, default=str) if as_json else yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        return ("spec.json" if as_json else "spec.yaml"), text
    raw = bytearray(text.encode("utf-8"))
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, max(len(raw) - 1, 0)))
        edit = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        if edit == "flip" and raw:
            raw[position] = draw(st.sampled_from(list(b" :-[]{}&*!|>'\"\t\n#%@`0")))
        elif edit == "insert":
            raw[position:position] = draw(st.sampled_from([b"&a ", b"*a", b"\n  - ", b": ", b"{", b"\xff", b"$ref: '#/x'\n", b"\t"]))
        elif edit == "delete":
            del raw[position : position + draw(st.integers(1, 40))]
        elif edit == "truncate":
            del raw[position:]
    return "spec.yaml", raw.decode("utf-8", errors="replace") if draw(st.booleans()) else raw.decode("latin-1")


@pytest.mark.skipif(not SEEDS, reason="no seed documents (specs/*.yaml or ../shared/corpus/features)")
@settings(max_examples=_EXAMPLES, derandomize=True, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(document=mutated_documents())
def test_mutated_documents_end_in_a_client_or_one_located_error(tmp_path_factory: pytest.TempPathFactory, document: tuple[str, str]) -> None:
    name, text = document
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "specs").mkdir()
    (folder / "specs" / name).write_text(text, encoding="utf-8", errors="surrogateescape")
    try:
        result = run_cli("generate", f"specs/{name}", "--package", "fuzzed", "--out", "out", cwd=folder, timeout=_TIME_BUDGET)
    except subprocess.TimeoutExpired:
        pytest.fail(f"generation ran past {_TIME_BUDGET}s (a hang) on:\n{text[:2000]}")
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr[-3000:]
    assert result.returncode in (0, 1), result.stderr[-3000:]
    if result.returncode == 1:
        last = result.stderr.strip().splitlines()[-1]
        assert last.startswith(f"error: specs/{name}") and len(last) <= 300, result.stderr[-2000:]
        assert not (folder / "out").exists()
    written = [path for path in folder.rglob("*") if path.is_file()]
    assert all(path.parent == folder / "specs" or path.is_relative_to(folder / "out") for path in written), written
