"""Parse: schemas map to the right Python types; operations to the right signatures."""

from __future__ import annotations

from typing import Any

from generator.ground.diagnostics import WarningSink
from generator.parse.ir import Api, Model
from generator.pipeline import read_api
from generator.render.views import operation_arguments
from generator.testgen.example_tables import ExampleTables
from tests.conftest import minimal_spec


def api_for(schemas: dict[str, Any], paths: dict[str, Any] | None = None, version: str = "3.1.0", **extra: Any) -> tuple[Api, WarningSink]:
    sink = WarningSink()
    spec = minimal_spec(openapi=version, paths=paths or {}, components={"schemas": schemas}, **extra)
    return read_api(spec, "pkg", sink), sink


def model(api: Api, name: str) -> Model:
    return next(item for item in api.models if item.name == name)


def field_types(api: Api, name: str) -> dict[str, str]:
    return {field.wire_name: field.type.annotation() for field in model(api, name).fields}


def test_scalars_formats_and_nullability() -> None:
    api, _ = api_for(
        {
            "Thing": {
                "type": "object",
                "required": ["id", "when", "maybe"],
                "properties": {
                    "id": {"type": "integer", "format": "int32"},
                    "when": {"type": "string", "format": "date-time"},
                    "day": {"type": "string", "format": "date"},
                    "ratio": {"type": "number"},
                    "flag": {"type": "boolean"},
                    "maybe": {"type": ["string", "null"]},
                    "blob": {"type": "string", "format": "binary"},
                    "free": {"type": "object"},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
                    "anything": {},
                }
            }
        }
    )
    assert field_types(api, "Thing") == {
        "id": "int",
        "when": "datetime.datetime",
        "maybe": "str | None",
        "day": "datetime.date | None",
        "ratio": "float | None",
        "flag": "bool | None",
        "blob": "bytes | None",
        "free": "dict[str, Any] | None",
        "tags": "list[str] | None",
        "counts": "dict[str, int] | None",
        "anything": "Any",
    }
    fields = {field.wire_name: field for field in model(api, "Thing").fields}
    assert fields["id"].required and not fields["day"].required


def test_openapi_30_nullable() -> None:
    api, _ = api_for({"A": {"type": "object", "required": ["x"], "properties": {"x": {"type": "string", "nullable": True}}}}, version="3.0.3")
    assert field_types(api, "A") == {"x": "str | None"}


def test_enums_are_open_literals() -> None:
    api, _ = api_for(
        {
            "Status": {"type": "string", "enum": ["pending", "done"]},
            "Level": {"type": "integer", "enum": [1, 2, 3]},
            "Mixed": {"enum": ["a", 1, None]},
        }
    )
    aliases = {alias.name: alias.type.annotation() for alias in api.aliases}
    assert aliases["Status"] == "Literal['pending', 'done'] | str"
    assert aliases["Level"] == "Literal[1, 2, 3] | int"
    assert aliases["Mixed"] == "Literal['a', 1] | str | int | None"


def test_refs_recursion_and_inline_models() -> None:
    api, _ = api_for(
        {
            "Node": {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}, "meta": {"type": "object", "properties": {"depth": {"type": "integer"}}}}},
        }
    )
    assert field_types(api, "Node") == {"children": "list[Node] | None", "meta": "NodeMeta | None"}
    assert field_types(api, "NodeMeta") == {"depth": "int | None"}


def test_all_of_merges_and_reports_conflicts() -> None:
    api, sink = api_for(
        {
            "Base": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}, "kind": {"type": "string"}}},
            "Child": {"allOf": [{"$ref": "#/components/schemas/Base"}, {"type": "object", "properties": {"extra": {"type": "integer"}, "kind": {"type": "integer"}}}]},
        }
    )
    assert field_types(api, "Child") == {"id": "str", "kind": "int | None", "extra": "int | None"}
    assert any("disagree on property 'kind'" in item.message for item in sink.sorted())


def test_one_of_with_discriminator() -> None:
    api, _ = api_for(
        {
            "Cat": {"type": "object", "properties": {"kind": {"type": "string"}}},
            "Dog": {"type": "object", "properties": {"kind": {"type": "string"}}},
            "Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}], "discriminator": {"propertyName": "kind", "mapping": {"cat": "#/components/schemas/Cat"}}},
        }
    )
    pet = next(alias for alias in api.aliases if alias.name == "Pet")
    assert pet.type.annotation("models.") == "models.Cat | models.Dog"  # outside models.py: a plain union
    # Neither option requires `kind`: an object without it is read as the one of them it fits best.
    # The open dict is read last (`_TypedFirst`): it takes only a value no member does.
    assert pet.type.annotation() == (
        "Annotated[Annotated[Annotated[Cat, _Tag('Cat')] | Annotated[Cat | Dog, _Tag('Cat | Dog')] | Annotated[Dog, _Tag('Dog')], "
        "_Discriminator(_discriminate('kind', {'cat': 'Cat', 'Dog': 'Dog'}, 'Cat | Dog'))] | dict[str, Any], _TypedFirst()]"
    )
    discriminator = getattr(pet.type, "discriminator")
    assert discriminator.property_wire_name == "kind"
    assert ("cat", "Cat") in discriminator.mapping and ("Dog", "Dog") in discriminator.mapping


def test_field_names_are_safe_and_aliased() -> None:
    api, _ = api_for({"Odd": {"type": "object", "properties": {"class": {"type": "string"}, "model_config": {"type": "string"}, "user-name": {"type": "string"}, "userName": {"type": "string"}, "日本": {"type": "string"}}}})
    fields = {field.wire_name: field.name for field in model(api, "Odd").fields}
    assert fields == {"class": "class_", "model_config": "model_config_", "user-name": "user_name", "userName": "user_name_2", "日本": "u65e5_u672c"}


def test_read_only_fields_are_not_body_arguments() -> None:
    paths = {
        "/things": {
            "post": {
                "operationId": "createThing",
                "tags": ["things"],
                "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "required": ["name"], "properties": {"id": {"type": "string", "readOnly": True}, "name": {"type": "string"}, "note": {"type": "string"}}}}}},
                "responses": {"201": {"description": "created"}},
            }
        }
    }
    api, _ = api_for({}, paths)
    operation = api.resources[0].operations[0]
    assert operation.name == "create"
    arguments = {argument.name: (argument.annotation, argument.default) for argument in operation_arguments(operation)}
    assert arguments == {"name": ("str", None), "note": ("str | None | NotGiven", "NOT_GIVEN")}


def test_parameters_styles_and_locations() -> None:
    paths = {
        "/items/{itemId}": {
            "parameters": [{"name": "itemId", "in": "path", "required": True, "schema": {"type": "string"}}],
            "get": {
                "operationId": "getItem",
                "parameters": [
                    {"name": "tags", "in": "query", "style": "pipeDelimited", "explode": False, "schema": {"type": "array", "items": {"type": "string"}}},
                    {"name": "X-Trace", "in": "header", "required": True, "schema": {"type": "string"}},
                    {"name": "session", "in": "cookie", "schema": {"type": "string"}},
                    {"name": "Accept", "in": "header", "schema": {"type": "string"}},
                ],
                "responses": {"204": {"description": "none"}},
            },
        }
    }
    api, _ = api_for({}, paths)
    operation = api.operations[0]
    summary = [(p.name, p.location, p.style, p.explode, p.required) for p in operation.parameters]
    assert summary == [
        ("item_id", "path", "simple", False, True),
        ("x_trace", "header", "simple", False, True),
        ("tags", "query", "pipeDelimited", False, False),
        ("session", "cookie", "form", True, False),
    ]
    assert operation.return_type.annotation() == "None"


def test_responses_errors_and_content_kinds() -> None:
    error = {"description": "bad", "content": {"application/problem+json": {"schema": {"type": "object", "properties": {"title": {"type": "string"}}}}}}
    paths = {
        "/file": {
            "get": {
                "operationId": "download",
                "responses": {"200": {"description": "file", "content": {"application/pdf": {}}}, "404": error, "default": error},
            }
        },
        "/text": {"get": {"operationId": "readText", "responses": {"2XX": {"description": "t", "content": {"text/plain": {"schema": {"type": "string"}}}}}}},
    }
    api, _ = api_for({}, paths)
    download, read_text = api.operations
    assert download.return_type.annotation() == "bytes"
    assert [response.status for response in download.errors] == ["404", "default"]
    assert read_text.return_type.annotation() == "str" and read_text.responses[0].status == "2XX"


def test_security_schemes_become_constructor_arguments() -> None:
    schemes = {
        "key": {"type": "apiKey", "in": "header", "name": "X-Key"},
        "bearer": {"type": "http", "scheme": "bearer"},
        "oauth": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "/token", "scopes": {"b": "", "a": ""}}}},
        "sig": {"type": "http", "scheme": "hmac"},
    }
    sink = WarningSink()
    api = read_api(minimal_spec(components={"securitySchemes": schemes}), "pkg", sink)
    summary = [(s.key, s.kind, [a.name for a in s.arguments], [a.env_var for a in s.arguments]) for s in api.security_schemes]
    assert summary == [
        ("key", "apiKey", ["api_key"], ["PKG_API_KEY"]),
        ("bearer", "bearer", ["bearer_token"], ["PKG_BEARER_TOKEN"]),
        ("oauth", "oauth2_client_credentials", ["client_id", "client_secret"], ["PKG_CLIENT_ID", "PKG_CLIENT_SECRET"]),
        ("sig", "custom", [], []),
    ]
    assert api.custom_scheme_keys == frozenset({"sig"})
    assert api.security_schemes[2].scopes == ("a", "b")
    assert any("needs custom code" in item.message for item in sink.sorted())


def test_server_variables() -> None:
    sink = WarningSink()
    spec = minimal_spec(servers=[{"url": "https://{env}.example.com/{version}", "variables": {"env": {"default": "app", "enum": ["app", "staging"]}, "version": {"default": "v1"}}}])
    api = read_api(spec, "pkg", sink)
    assert [(v.name, v.default, v.enum) for v in api.servers[0].variables] == [("env", "app", ("app", "staging")), ("version", "v1", ())]


def test_webhooks_are_reported_not_dropped_silently() -> None:
    sink = WarningSink()
    spec = minimal_spec(webhooks={"newPet": {"post": {"responses": {"200": {"description": "ok"}}}}})
    read_api(spec, "pkg", sink)
    assert any("webhooks" in item.message and item.pointer == "#/webhooks/newPet" for item in sink.sorted())


def test_fragment_in_a_path_key_is_not_sent() -> None:
    paths = {"/tags#operation=untag": {"post": {"operationId": "untag", "responses": {"204": {"description": "done"}}}}, "/#X-Target=Create": {"post": {"operationId": "create", "responses": {"204": {"description": "done"}}}}}
    api, _ = api_for({}, paths)
    assert [operation.url_path for operation in api.operations] == ["/tags", "/"]
    assert [operation.path for operation in api.operations] == ["/tags#operation=untag", "/#X-Target=Create"]


def test_examples_of_scalar_all_of_and_tagged_unions() -> None:
    import json

    schemas = {
        "Name": {"type": "string", "pattern": "^[a-z]+$"},
        "Wrapped": {"type": "object", "properties": {"name": {"allOf": [{"$ref": "#/components/schemas/Name"}, {"description": "the name"}]}}},
        "Cat": {"type": "object", "properties": {"kind": {"type": "string"}, "lives": {"type": "integer"}}},
        "Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}], "discriminator": {"propertyName": "kind", "mapping": {"cat": "#/components/schemas/Cat"}}},
    }
    paths = {
        "/w": {"put": {"operationId": "putW", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Wrapped"}}}}, "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}}}}
    }
    tables = ExampleTables()
    api = read_api(minimal_spec(openapi="3.1.0", paths=paths, components={"schemas": schemas}), "pkg", WarningSink(), examples=tables)
    operation = api.operations[0]
    assert operation.body is not None and json.loads(tables.value("putW", "body")) == {"name": "example"}
    assert json.loads(tables.value("putW", "reply:200")) == {"kind": "cat", "lives": 1}


def test_references_to_nullable_object_components_allow_none() -> None:
    """GitHub's nullable-simple-user: a class cannot hold None, so every reference to it must."""
    user = {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}}
    holder = {
        "type": "object",
        "required": ["user"],
        "properties": {
            "user": {"$ref": "#/components/schemas/NullableUser"},
            "users": {"type": "array", "items": {"$ref": "#/components/schemas/NullableUser"}},
            "plain": {"$ref": "#/components/schemas/User"},
        },
    }
    api30, _ = api_for({"NullableUser": {**user, "nullable": True}, "User": user, "Holder": holder}, version="3.0.3")
    api31, _ = api_for({"NullableUser": {**user, "type": ["object", "null"]}, "User": user, "Holder": holder})
    for api in (api30, api31):
        assert field_types(api, "Holder") == {
            "user": "NullableUser | None",
            "users": "list[NullableUser | None] | None",
            "plain": "User | None",
        }
