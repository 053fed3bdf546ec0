"""Names as a person would write them: methods from FastAPI's ids and from routes without ids,
clashes settled with the document's words, argument names that keep `type` and `id`, overrides."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.ground.diagnostics import WarningSink
from generator.pipeline import read_api
from generator.parse.operation_names import Route, fastapi_function, method_names
from generator.pipeline import Job, build, write_all
from tests.conftest import REPO, minimal_spec, write_spec

RESERVED = frozenset({"with_raw_response", "with_streaming_response", "type", "str"})


def names(routes: list[Route], tag: str) -> list[str]:
    return method_names(routes, tag, frozenset(route.path for route in routes), RESERVED)


def fastapi(path: str, method: str, function: str, summary: str = "") -> Route:
    """A route as FastAPI names it: `{function}{path with non-word characters as _}_{method}`."""
    import re

    words = re.sub(r"\W", "_", path)
    return Route(path, method, f"{function}{words}_{method}", summary, False)


def test_fastapi_ids_lose_the_route_suffix() -> None:
    assert fastapi_function("create_item_items__post", "/items/", "post") == "create_item"
    assert fastapi_function("read_item_items__item_id__get", "/items/{item_id}", "get") == "read_item"
    assert fastapi_function("createItem", "/items/", "post") == "createItem"  # not FastAPI's shape


def test_a_fastapi_resource_reads_create_read_update_delete() -> None:
    routes = [
        fastapi("/flows/", "post", "create_flow"),
        fastapi("/flows/{id}", "get", "read_flow"),
        fastapi("/flows/{id}", "patch", "update_flow"),
        fastapi("/flows/{id}", "delete", "delete_flow"),
        fastapi("/flows/count", "post", "count_flows"),
        fastapi("/flows/name/{name}", "get", "read_flow_by_name"),
        fastapi("/flows/bulk_delete", "post", "bulk_delete_flows"),
        fastapi("/flows/filter", "post", "read_flows"),
    ]
    assert names(routes, "Flows") == ["create", "read", "update", "delete", "count", "read_by_name", "bulk_delete", "read_flows"]


def test_two_crud_routes_wanting_one_name_both_keep_their_fuller_names() -> None:
    routes = [fastapi("/items/", "get", "read_items"), fastapi("/items/{item_id}", "get", "read_item")]
    assert names(routes, "items") == ["read_items", "read_item"]


def test_ids_that_say_only_their_http_verb_take_the_route_name() -> None:
    """Kinto's ids: `get_*`, `delete_*` are kept alone and named by their routes when they clash;
    `post_*` (Airflow's `post_variable`) is never a method a person calls."""
    kinto = [
        Route("/buckets", "get", "get_buckets", "", False),
        Route("/buckets", "post", "create_bucket", "", False),
        Route("/buckets", "delete", "delete_buckets", "", False),
        Route("/buckets/{id}", "get", "get_bucket", "", False),
        Route("/buckets/{id}", "put", "update_bucket", "", False),
        Route("/buckets/{id}", "patch", "patch_bucket", "", False),
        Route("/buckets/{id}", "delete", "delete_bucket", "", False),
    ]
    assert names(kinto, "Buckets") == ["list", "create", "delete_all", "retrieve", "update", "patch", "delete"]
    airflow = [
        Route("/api/v2/variables", "post", "post_variable", "", False),
        Route("/api/v2/variables/{key}", "get", "get_variable", "", False),
        Route("/api/v2/variables/{key}", "put", "put_variable", "", False),
    ]
    assert names(airflow, "Variable") == ["create", "get", "update"]
    assert names([Route("/things/{id}", "put", "put_thing", "", False), Route("/things/{id}", "patch", "patch_thing", "", False)], "things") == ["replace", "patch"]


def test_fastapi_routes_under_their_tag() -> None:
    assert names([fastapi("/health", "get", "health_check")], "Root") == ["health_check"]
    assert names([fastapi("/health", "get", "health_check")], "health") == ["check"]  # `client.health.check()`


def jupyter(path: str, method: str, summary: str, returns_list: bool = False) -> Route:
    return Route(path, method, None, summary, returns_list)


def test_routes_without_operation_ids_are_named_from_the_route() -> None:
    contents = [
        jupyter("/api/contents/{path}", "get", "Get contents of file or directory"),
        jupyter("/api/contents/{path}", "post", "Create a new file in the specified path"),
        jupyter("/api/contents/{path}", "patch", "Rename a file or directory without re-uploading content"),
        jupyter("/api/contents/{path}", "put", "Save or upload file."),
        jupyter("/api/contents/{path}", "delete", "Delete a file in the given path"),
        jupyter("/api/contents/{path}/checkpoints", "get", "Get a list of checkpoints for a file", True),
        jupyter("/api/contents/{path}/checkpoints", "post", "Create a new checkpoint for a file"),
        jupyter("/api/contents/{path}/checkpoints/{checkpoint_id}", "post", "Restore a file to a particular checkpointed state"),
        jupyter("/api/contents/{path}/checkpoints/{checkpoint_id}", "delete", "Delete a checkpoint"),
    ]
    # PUT beside PATCH on one route replaces; the POST on a checkpoint takes its summary's word.
    assert names(contents, "contents") == ["retrieve", "create", "update", "replace", "delete", "list_checkpoints", "create_checkpoint", "restore", "delete_checkpoint"]
    kernels = [
        jupyter("/api/kernels", "get", "List the JSON data for all kernels", True),
        jupyter("/api/kernels", "post", "Start a kernel and return the uuid"),
        jupyter("/api/kernels/{kernel_id}", "get", "Get kernel information"),
        jupyter("/api/kernels/{kernel_id}", "delete", "Kill a kernel"),
        jupyter("/api/kernels/{kernel_id}/interrupt", "post", "Interrupt a kernel"),
        jupyter("/api/kernels/{kernel_id}/restart", "post", "Restart a kernel"),
    ]
    assert names(kernels, "kernels") == ["list", "create", "retrieve", "delete", "interrupt", "restart"]
    assert names([jupyter("/api/status", "get", "Get the current status")], "status") == ["retrieve"]
    assert names([jupyter("/api/me", "get", "Get the identity")], "identity") == ["me"]
    things = [jupyter("/api/things", "delete", "Remove every thing"), jupyter("/api/things/{id}", "delete", "Remove a thing")]
    assert names(things, "things") == ["delete_all", "delete"]


def test_routes_alike_but_for_their_last_parameter_are_named_by_it() -> None:
    routes = [
        Route("/digest-auth/{qop}/{user}/{passwd}", "get", None, "Prompts the user", False),
        Route("/digest-auth/{qop}/{user}/{passwd}/{algorithm}", "get", None, "Prompts the user", False),
    ]
    assert names(routes, "auth") == ["retrieve_digest_auth_by_passwd", "retrieve_digest_auth_by_algorithm"]


def test_a_clash_with_nothing_left_to_say_takes_a_digit_last() -> None:
    routes = [Route("/a", "get", "same", "", False), Route("/b", "get", "same", "", False)]
    assert names(routes, "x") == ["same_a", "same_b"]  # the routes' words
    routes = [Route("/a", "get", "same", "", False), Route("/a", "get", "same", "", False)]
    assert names(routes, "x") == ["same", "same_2"]


def test_an_override_wins_and_others_give_way() -> None:
    routes = [Route("/items", "post", "createItem", "", False, override="make"), Route("/items/{id}", "post", "make", "Copy an item", False)]
    assert names(routes, "items") == ["make", "copy"]


# ------------------------------------------------------------ through the whole generator


JSON = "application/json"
OBJECT = {"type": "object", "properties": {"path": {"type": "string"}, "type": {"type": "string"}, "id": {"type": "string"}}}

SPEC = minimal_spec(
    paths={
        "/files/{path}": {
            "parameters": [{"name": "path", "in": "path", "required": True, "schema": {"type": "string"}}],
            "patch": {
                "tags": ["files"],
                "summary": "Rename a file",
                "parameters": [
                    {"name": "type", "in": "query", "schema": {"type": "string"}},
                    {"name": "format", "in": "query", "schema": {"type": "string"}},
                    {"name": "filter", "in": "query", "schema": {"type": "string"}},
                    {"name": "timeout", "in": "query", "schema": {"type": "integer"}},
                    {"name": "from", "in": "query", "schema": {"type": "string"}},
                ],
                "requestBody": {"content": {JSON: {"schema": OBJECT}}},
                "responses": {"200": {"description": "ok"}},
            },
            "get": {"tags": ["files"], "x-clientsmith-name": "fetch", "responses": {"200": {"description": "ok"}}},
            "delete": {"tags": ["files"], "operationId": "removeFile", "responses": {"204": {"description": "gone"}}},
        },
    },
)


def api_of(spec: dict[str, Any], names: dict[str, str] | None = None) -> Any:
    warnings = WarningSink()
    return read_api(spec, "pkg", warnings, names=names), warnings


def test_argument_names_keep_type_id_format_filter_and_say_where_clashes_go() -> None:
    api, _ = api_of(SPEC)
    (resource,) = api.resources
    patch = next(operation for operation in resource.operations if operation.method == "PATCH")
    assert patch.name == "update"
    assert [parameter.name for parameter in patch.parameters] == ["path", "query_type", "format", "filter", "query_timeout", "from_"]
    assert [field.name for field in patch.body.fields] == ["body_path", "body_type", "id"]
    assert {operation.method: operation.name for operation in resource.operations} == {"PATCH": "update", "GET": "fetch", "DELETE": "remove"}


def test_the_provider_names_setting_wins_over_the_document() -> None:
    api, warnings = api_of(SPEC, names={"PATCH /files/{path}": "rename", "removeFile": "erase", "nope": "x"})
    assert {operation.method: operation.name for operation in api.resources[0].operations} == {"PATCH": "rename", "GET": "fetch", "DELETE": "erase"}
    assert any("names['nope']" in item.message for item in warnings.sorted())


def test_names_are_stable_across_regenerations() -> None:
    first = [operation.name for operation in api_of(SPEC)[0].resources[0].operations]
    assert [operation.name for operation in api_of(SPEC)[0].resources[0].operations] == first


UNION_SPEC = minimal_spec(
    paths={
        "/chat": {
            "post": {
                "operationId": "createChat",
                "tags": ["chat"],
                "requestBody": {"required": True, "content": {JSON: {"schema": {"$ref": "#/components/schemas/ChatRequest"}}}},
                "responses": {"200": {"description": "ok"}},
            }
        }
    },
    components={
        "schemas": {
            "ChatRequest": {
                "type": "object",
                "required": ["messages"],
                "properties": {
                    "messages": {"type": "array", "items": {"oneOf": [{"$ref": "#/components/schemas/User"}, {"$ref": "#/components/schemas/System"}]}},
                    "stop": {"type": "array", "items": {"type": "string"}},
                },
            },
            "User": {"type": "object", "required": ["role"], "properties": {"role": {"type": "string", "const": "user"}, "content": {"type": "string"}}},
            "System": {"type": "object", "required": ["role"], "properties": {"role": {"type": "string", "const": "system"}}},
        }
    },
)

USER_CODE = """
from chatsdk import Client, models

client = Client(base_url="http://127.0.0.1:9")
messages = [models.User(role="user", content="hi")]
client.chat.create(messages=messages, stop=("a", "b"))
client.chat.create(messages=(models.System(role="system"),))
client.chat.create(messages=messages, stop="oops")  # a lone string for a list of strings: caught
"""


def test_list_arguments_take_any_sequence_of_a_member_type(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, UNION_SPEC)
    write_all([build(Job("chatsdk", spec, tmp_path / "out" / "chatsdk", "spec.yaml"), use_cache=False)])
    (tmp_path / "out" / "user_code.py").write_text(USER_CODE, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "user_code.py"], cwd=tmp_path / "out", capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "MYPYPATH": str(tmp_path / "out")})
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1 and errors[0].startswith("user_code.py:8:") and '"str"' in errors[0], result.stdout


def test_names_in_pyproject_reach_the_client(tmp_path: Path) -> None:
    """`[tool.clientsmith.providers.X.names]`, through the command users run; a bad name is refused."""
    write_spec(tmp_path, SPEC, "files.yaml")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.clientsmith]\noutput = "out"\n\n[tool.clientsmith.providers.files]\nspec = "files.yaml"\n\n'
        '[tool.clientsmith.providers.files.names]\n"PATCH /files/{path}" = "rename"\nremoveFile = "erase"\n',
        encoding="utf-8",
    )
    from tests.conftest import run_cli

    result = run_cli("generate", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    resource = (tmp_path / "out" / "files" / "resources" / "files.py").read_text(encoding="utf-8")
    assert "    def rename(" in resource and "    def erase(" in resource and "    def fetch(" in resource
    (tmp_path / "pyproject.toml").write_text(
        '[tool.clientsmith]\noutput = "out"\n\n[tool.clientsmith.providers.files]\nspec = "files.yaml"\nnames = { removeFile = "class" }\n',
        encoding="utf-8",
    )
    refused = run_cli("generate", cwd=tmp_path)
    assert refused.returncode == 2 and "names['removeFile'] = 'class' is not a Python method name" in refused.stderr


def _inline(name: str) -> dict[str, Any]:
    return {"content": {JSON: {"schema": {"type": "object", "properties": {name: {"type": "string"}}}}}, "description": name}


def test_inline_reply_models_are_named_by_status_without_counters() -> None:
    """Kinto's creates document 200 and 201 after their errors and a `default`: the first success is
    `Response`, the other says its code, the `default` is the operation's `Error`."""
    spec = minimal_spec(
        paths={"/records": {"post": {"operationId": "createRecord", "tags": ["records"], "responses": {"400": _inline("bad"), "default": _inline("other"), "200": _inline("same"), "201": _inline("made")}}}}
    )
    api, _ = api_of(spec)
    fields = {model.name: [field.wire_name for field in model.fields] for model in api.models}
    assert fields == {"CreateRecordError400": ["bad"], "CreateRecordError": ["other"], "CreateRecordResponse": ["same"], "CreateRecordResponse201": ["made"]}
