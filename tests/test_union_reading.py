"""Unions told apart by what tells them apart (issue 25): which option a generated client reads a
value as, and what it sends for one, agreeing with the values its generated tests expect."""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from typing import Any

import httpx

from generator.parse.ir import ANY, NONE, ListType, NamedType, Primitive, UnionType
from tests.test_contract_fixes import assert_generated_tests_pass, generate, imported

JSON = "application/json"
STAMP = "2024-01-02T03:04:05Z"


def _document(paths: dict[str, Any], schemas: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Unions", "version": "1"},
        "servers": [{"url": "https://unions.example.test"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }


def _reply(schema: dict[str, Any], example: Any = None) -> dict[str, Any]:
    content: dict[str, Any] = {"schema": schema}
    if example is not None:
        content["example"] = example
    return {"description": "ok", "content": {JSON: content}}


def _client(package: Any, replies: dict[str, Any], sent: list[httpx.Request]) -> Any:
    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=replies[request.url.path])

    return package.Client(http_client=httpx.Client(transport=httpx.MockTransport(answer)))


# ------------------------------------------------ an open object option beside a model (Graph)

APP = {"type": "object", "properties": {"id": {"type": "string"}, "createdDateTime": {"type": "string", "format": "date-time"}}}
# Microsoft Graph's `teamsAppDefinition: anyOf [$ref, {nullable object}]`; here the open option comes first.
INSTALL = {
    "type": "object",
    "properties": {"definition": {"anyOf": [{"type": "object", "nullable": True}, {"$ref": "#/components/schemas/App"}]}},
}
GRAPH = _document(
    {
        "/installs": {
            "post": {
                "operationId": "createInstall",
                "requestBody": {"content": {JSON: {"schema": {"$ref": "#/components/schemas/Install"}, "example": {"definition": {"id": "a", "createdDateTime": STAMP}}}}},
                "responses": {"201": _reply({"$ref": "#/components/schemas/Install"}, {"definition": {"id": "a", "createdDateTime": STAMP}})},
            }
        }
    },
    {"App": APP, "Install": INSTALL},
)


def test_an_open_object_option_reads_the_model_the_value_fits(tmp_path: Path) -> None:
    out = generate(tmp_path, GRAPH, "graphish")
    assert_generated_tests_pass(out, "graphish")
    with imported(out, "graphish") as package:
        built = package.models.Install.model_validate({"definition": {"id": "a", "createdDateTime": STAMP}})
        # pydantic's smart mode alone keeps the dict: the model must convert the date-time string
        assert isinstance(built.definition, package.models.App)
        assert built.definition.created_date_time == datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
        assert isinstance(package.models.Install.model_validate({"definition": {"id": 3}}).definition, dict)  # no fit: as sent
        sent: list[httpx.Request] = []
        with _client(package, {"/installs": {"definition": {"id": "b", "createdDateTime": STAMP}}}, sent) as client:
            reply = client.installs.create(definition=built.definition)
        assert isinstance(reply.definition, package.models.App)
        assert b'"createdDateTime":"2024-01-02T03:04:05+00:00"' in sent[0].content.replace(b" ", b"")


def test_a_decoded_reply_reads_the_model_too(tmp_path: Path) -> None:
    """Decoded JSON (the lenient reading, stream items) is tried as JSON first, where a date-time
    string is a date: strict Python mode would refuse the model and keep the open dict."""
    out = generate(tmp_path, GRAPH, "graphish")
    with imported(out, "graphish") as package:
        reading = __import__("graphish._reading", fromlist=["reader"])
        for tp in (package.models.Install, package.models.App | dict[str, Any]):
            value = reading.reader(tp).python({"definition": {"createdDateTime": STAMP}} if tp is package.models.Install else {"createdDateTime": STAMP})
            read = value.definition if tp is package.models.Install else value
            assert isinstance(read, package.models.App), tp


def test_the_union_is_marked_typed_first_only_beside_an_open_option() -> None:
    app, model = NamedType("App"), NamedType("Other")
    assert UnionType((Primitive("dict[str, Any]"), app, NONE)).annotation() == "Annotated[dict[str, Any] | App | None, _TypedFirst()]"
    assert UnionType((ListType(app), ListType(ANY))).typed_first
    assert not UnionType((app, model, NONE)).typed_first  # no open option: pydantic's smart choice
    assert not UnionType((Primitive("dict[str, Any]"), NONE)).typed_first
    assert UnionType((ListType(app), ListType(ANY))).annotation("models.", "builtins.") == "builtins.list[models.App] | builtins.list[Any]"


# ------------------------------------------------ two arrays: typed items and any items

ROW = {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}, "at": {"type": "string", "format": "date-time"}}}
ROWS = {"anyOf": [{"type": "array", "items": {}}, {"type": "array", "items": {"$ref": "#/components/schemas/Row"}}]}
LISTS = _document(
    {
        "/rows": {"get": {"operationId": "listRows", "responses": {"200": _reply(ROWS, [{"id": 1, "at": STAMP}])}}},
        "/tables": {"get": {"operationId": "getTable", "responses": {"200": _reply({"$ref": "#/components/schemas/Table"}, {"rows": [{"id": 1, "at": STAMP}]})}}},
    },
    {"Row": ROW, "Table": {"type": "object", "properties": {"rows": ROWS}}},
)


def test_an_array_union_keeps_typed_items_where_they_fit(tmp_path: Path) -> None:
    out = generate(tmp_path, LISTS, "lists")
    assert_generated_tests_pass(out, "lists")
    with imported(out, "lists") as package:
        row = {"id": 1, "at": STAMP}
        replies = {"/rows": [row], "/tables": {"rows": [row]}}
        with _client(package, replies, []) as client:
            assert [type(item).__name__ for item in client.rows.list()] == ["Row"]
            assert [type(item).__name__ for item in client.tables.get().rows or []] == ["Row"]
        built = package.models.Table.model_validate({"rows": [row]})
        assert isinstance(built.rows[0], package.models.Row)
        mixed = package.models.Table.model_validate({"rows": [row, 7]})  # not all rows: the open option
        assert mixed.rows == [row, 7]


# ------------------------------------------------ a multipart field that may be a file or a text

UPLOAD = {
    "type": "object",
    "required": ["file"],
    "properties": {
        "file": {"oneOf": [{"type": "string", "format": "binary"}, {"type": "string", "format": "uri"}]},
        "attachment": {"anyOf": [{"type": "string", "format": "binary"}, {"type": "string"}]},
        "title": {"type": "string"},
    },
}
UPLOADS = _document(
    {
        "/documents": {
            "post": {
                "operationId": "createDocument",
                "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": UPLOAD}}},
                "responses": {"200": _reply({"type": "object", "properties": {"id": {"type": "string"}}})},
            }
        }
    },
    {},
)


def test_a_multipart_field_that_may_be_a_file_is_sent_as_one_when_given_content(tmp_path: Path) -> None:
    out = generate(tmp_path, UPLOADS, "uploads")
    assert_generated_tests_pass(out, "uploads")
    assert "file: FileInput | str," in (out / "uploads" / "resources" / "documents.py").read_text()  # any file content types
    with imported(out, "uploads") as package:
        sent: list[httpx.Request] = []
        with _client(package, {"/documents": {"id": "d"}}, sent) as client:
            client.documents.create(file=b"%PDF-1", attachment=("notes.txt", b"hi"), title="t")
            client.documents.create(file="https://files.example.test/a.pdf")
            client.documents.create(file=io.BytesIO(b"%PDF-2"))
        assert b'name="file"; filename="upload"' in sent[2].content and b"%PDF-2" in sent[2].content
        parts = sent[0].content
        assert b'name="file"; filename="upload"' in parts and b"%PDF-1" in parts
        assert b'name="attachment"; filename="notes.txt"' in parts
        assert b'name="title"\r\n\r\nt\r\n' in parts
        assert b'name="file"\r\n\r\nhttps://files.example.test/a.pdf\r\n' in sent[1].content  # a str: a text field


# ------------------------------------------------ options told apart by a value one level down


def _source(tag: str, where: str) -> dict[str, Any]:
    configuration = {"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "enum": [tag]}, "path": {"type": "string"}}}
    return {"type": "object", "required": ["configuration"], "properties": {"name": {"type": "string"}, where: {"type": "string"}, "configuration": configuration}}


def _kind(tag: str) -> dict[str, Any]:  # the tag on the value itself, without a discriminator
    return {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string", "const": tag}, "size": {"type": "integer"}}}


SOURCES = _document(
    {
        "/sources": {
            "get": {"operationId": "getSource", "responses": {"200": _reply({"$ref": "#/components/schemas/Source"}, {"name": "s", "configuration": {"type": "url", "path": "/x"}})}},
            "put": {
                "operationId": "putSource",
                "requestBody": {"content": {JSON: {"schema": {"$ref": "#/components/schemas/Source"}, "example": {"configuration": {"type": "url"}}}}},
                "responses": {"204": {"description": "done"}},
            },
        },
        "/shapes": {"get": {"operationId": "getShape", "responses": {"200": _reply({"anyOf": [{"$ref": "#/components/schemas/Small"}, {"$ref": "#/components/schemas/Large"}]}, {"kind": "large", "size": 3})}}},
    },
    {
        "Source": {"oneOf": [{"$ref": "#/components/schemas/FileSource"}, {"$ref": "#/components/schemas/UrlSource"}]},
        "FileSource": _source("file", "folder"),
        "UrlSource": _source("url", "host"),
        "Small": _kind("small"),
        "Large": _kind("large"),
    },
)


def test_options_told_apart_by_a_nested_value_read_the_option_it_names(tmp_path: Path) -> None:
    out = generate(tmp_path, SOURCES, "sources")
    assert "models.UrlSource," in (out / "sources" / "tests" / "test_sources.py").read_text()  # the expected reply
    assert_generated_tests_pass(out, "sources")
    with imported(out, "sources") as package:
        replies = {"/sources": {"configuration": {"type": "url", "path": "/x"}}, "/shapes": {"kind": "large", "size": 3}}
        with _client(package, replies, []) as client:
            assert type(client.sources.get()).__name__ == "UrlSource"  # smart mode took FileSource (both fit)
            assert type(client.shapes.get()).__name__ == "Large"
        reading = __import__("sources._reading", fromlist=["reader"])
        source = reading.reader(package.models.Source)
        assert type(source.python({"configuration": {"type": "file"}})).__name__ == "FileSource"
        assert source.python({"configuration": {"type": "ftp"}}) == {"configuration": {"type": "ftp"}}  # no option: as sent


def test_the_implied_tag_is_the_shortest_path_every_option_pins_apart() -> None:
    from generator.ground.implied_tags import ImpliedTag, implied_tag

    schemas = SOURCES["components"]["schemas"]
    refs = [{"$ref": "#/components/schemas/FileSource"}, {"$ref": "#/components/schemas/UrlSource"}]
    assert implied_tag(SOURCES, refs) == ImpliedTag(("configuration", "type"), ("file", "url"))
    assert implied_tag(SOURCES, [schemas["Small"], schemas["Large"]]) == ImpliedTag(("kind",), ("small", "large"))
    assert implied_tag(SOURCES, [schemas["Small"], schemas["Small"]]) is None  # the same value: tells nothing apart
    optional = {"type": "object", "properties": {"kind": {"const": "x"}}}
    assert implied_tag(SOURCES, [schemas["Small"], optional]) is None  # a tag the value may leave out


def test_a_reply_missing_a_required_field_is_read_leniently_beside_a_union(tmp_path: Path) -> None:
    """Graph's replies leave out `@odata.type`, which the document requires: the lenient reading of a
    model built lazily (never completed by the reader that failed) read its fields' annotations as
    strings and raised instead of returning the data."""
    definition = {"anyOf": [{"type": "object", "nullable": True}, {"$ref": "#/components/schemas/Widget"}]}
    install = {"type": "object", "required": ["kind"], "properties": {"definition": definition, "kind": {"type": "string"}}}
    get = {"get": {"operationId": "getInstall", "responses": {"200": _reply({"$ref": "#/components/schemas/Install"})}}}
    # a cycle (a widget names its install): one of the two is defined first and names the other as
    # a string, which stays a string in its field until the class is completed
    widget = {**APP, "properties": {**APP["properties"], "install": {"$ref": "#/components/schemas/Install"}}}
    out = generate(tmp_path, _document({"/installs": get}, {"Install": install, "Widget": widget}), "graphish")
    with imported(out, "graphish") as package:
        with _client(package, {"/installs": {"definition": {"id": "b", "createdDateTime": STAMP}}}, []) as client:
            reply = client.installs.get()
        assert reply.kind is None and isinstance(reply.definition, package.models.Widget)


def test_a_tagged_union_reads_the_member_before_its_open_dict(tmp_path: Path) -> None:
    """A caller's `model_validate` of a tagged member whose date-time is a string: smart mode kept the
    union's open `dict[str, Any]` (it takes the value without converting it)."""
    event = {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string", "enum": ["created"]}, "at": {"type": "string", "format": "date-time"}}}
    other = {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string", "enum": ["deleted"]}}}
    union = {"oneOf": [{"$ref": "#/components/schemas/Created"}, {"$ref": "#/components/schemas/Deleted"}], "discriminator": {"propertyName": "kind", "mapping": {"created": "#/components/schemas/Created", "deleted": "#/components/schemas/Deleted"}}}
    body = {"type": "object", "properties": {"event": union}}
    post = {"post": {"operationId": "postHook", "requestBody": {"content": {JSON: {"schema": {"$ref": "#/components/schemas/Hook"}, "example": {"event": {"kind": "created", "at": STAMP}}}}}, "responses": {"204": {"description": "done"}}}}
    out = generate(tmp_path, _document({"/hooks": post}, {"Created": event, "Deleted": other, "Hook": body}), "hooks")
    assert_generated_tests_pass(out, "hooks")
    with imported(out, "hooks") as package:
        hook = package.models.Hook.model_validate({"event": {"kind": "created", "at": STAMP}})
        assert isinstance(hook.event, package.models.Created)
        assert package.models.Hook.model_validate({"event": {"kind": "moved"}}).event == {"kind": "moved"}  # unknown tag: as sent
