"""Property test: random valid specs (odd names, nesting, composition, unicode) always give a
package that compiles, imports and passes mypy --strict."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from generator.load import LoadedSpec, SourceFile
from generator.pipeline import Job, build, write_all
from generator.validate import validate_spec
from tests.black_style import black_differences
from tests.conftest import REPO, minimal_spec

ODD_WORDS = ["class", "self", "model_config", "None", "id", "type", "list", "Tag", "Field", "日本", "naïve", "x-y", "1st", "a b", "__init__", "_", "ça va"]
names = st.one_of(st.sampled_from(ODD_WORDS), st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "Pd", "Zs")), min_size=1, max_size=8))
component_names = st.from_regex(r"[A-Za-z][A-Za-z0-9._-]{0,8}", fullmatch=True)

leaf = st.one_of(
    st.just({"type": "string"}),
    st.just({"type": "string", "format": "date-time"}),
    st.just({"type": "string", "format": "uuid"}),
    st.just({"type": "integer", "format": "int64"}),
    st.just({"type": "number"}),
    st.just({"type": "boolean"}),
    st.just({"type": ["string", "null"]}),
    st.lists(st.text(max_size=5), min_size=1, max_size=3, unique=True).map(lambda values: {"type": "string", "enum": values}),
    st.just({"enum": ["a", 1, None]}),
    st.just({"const": "fixed"}),
    st.just({}),
)


def schemas(refs: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    base = leaf if not refs else st.one_of(leaf, st.sampled_from(refs).map(lambda name: {"$ref": f"#/components/schemas/{name}"}))

    def extend(children: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
        objects = st.dictionaries(names, children, min_size=1, max_size=4).map(lambda props: {"type": "object", "properties": props, "required": list(props)[:1]})
        return st.one_of(
            objects,
            children.map(lambda item: {"type": "array", "items": item}),
            children.map(lambda item: {"type": "object", "additionalProperties": item}),
            st.lists(objects, min_size=1, max_size=3).map(lambda parts: {"allOf": parts}),
            st.lists(children, min_size=2, max_size=3).map(lambda options: {"oneOf": options}),
            st.lists(children, min_size=2, max_size=3).map(lambda options: {"anyOf": options}),
        )

    return st.recursive(base, extend, max_leaves=8)


@st.composite
def random_specs(draw: st.DrawFn) -> dict[str, Any]:
    component_list = draw(st.lists(component_names, min_size=1, max_size=4, unique_by=str.lower))
    components = {name: draw(schemas(component_list)) for name in component_list}
    paths: dict[str, Any] = {}
    for index in range(draw(st.integers(1, 3))):
        param = draw(names)
        operation: dict[str, Any] = {
            "operationId": draw(names) + str(index),
            "tags": [draw(names)],
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": param, "in": draw(st.sampled_from(["query", "header", "cookie"])), "schema": draw(schemas(component_list))},
            ],
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": draw(schemas(component_list))}}}},
        }
        if draw(st.booleans()):
            operation["requestBody"] = {"content": {"application/json": {"schema": draw(schemas(component_list))}}}
        paths[f"/r{index}/{{id}}"] = {draw(st.sampled_from(["get", "post", "put", "delete"])): operation}
    return minimal_spec(paths=paths, components={"schemas": components})


@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI must be reproducible
    phases=[Phase.explicit, Phase.generate],  # shrinking a failure here can take many minutes
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(spec=random_specs())
def test_random_specs_give_packages_that_import_and_type_check(spec: dict[str, Any], tmp_path_factory: Any) -> None:
    folder: Path = tmp_path_factory.mktemp("random")
    spec_path = folder / "spec.json"
    import json

    spec_path.write_text(json.dumps(spec))
    loaded = LoadedSpec(SourceFile(spec_path, "spec.json", spec_path.read_text(), spec), spec, {})
    validate_spec(loaded)  # the strategy only makes valid documents
    job = Job("randompkg", spec_path, folder / "out" / "randompkg", "spec.json")
    write_all([build(job, use_cache=False)])
    assert black_differences(folder / "out") == "", json.dumps(spec)  # ruff wrote exactly black's style
    script = "import importlib, pkgutil, randompkg\nfor m in pkgutil.walk_packages(randompkg.__path__, 'randompkg.'):\n    importlib.import_module(m.name)\n"
    imported = subprocess.run([sys.executable, "-c", script], cwd=folder / "out", capture_output=True, text=True, timeout=120)
    assert imported.returncode == 0, imported.stderr + json.dumps(spec)
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(folder.parent / "mypy-cache"), "randompkg"],
        cwd=folder / "out",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert mypy.returncode == 0, mypy.stdout[-2000:] + json.dumps(spec)
