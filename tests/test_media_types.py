"""Bodies that are not JSON: XML (AWS query-protocol documents, WMATA, NSIDC), vendor +json types
(Amadeus), text/csv (DigitalOcean), and the query parameters AWS documents hold objects in.

The client writes and reads XML elements the way the schema's `xml` objects say; the contract tests
read an XML body by the schema (their own reader) and check the values it holds like a JSON body's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import httpx
import pytest

from generator.ground.diagnostics import WarningSink
from generator.pipeline import read_api
from tests.conftest import minimal_spec
from tests.test_contract_fixes import assert_generated_tests_pass, generate, imported

OWNER = {
    "type": "object",
    "properties": {"name": {"type": "string"}, "age": {"type": "integer"}},
    "xml": {"name": "person", "namespace": "https://example.test/ns", "prefix": "ex"},
}
PET = {
    "type": "object",
    "required": ["id", "tags"],
    "xml": {"name": "pet"},
    "properties": {
        "id": {"type": "integer", "xml": {"attribute": True}},
        "name": {"type": "string", "xml": {"name": "petName"}},
        "tags": {"type": "array", "items": {"type": "string", "xml": {"name": "tag"}}},
        "photos": {"type": "array", "xml": {"wrapped": True}, "items": {"type": "string", "xml": {"name": "url"}}},
        "owner": {"$ref": "#/components/schemas/Owner"},
        "note": {"type": ["string", "null"]},
    },
}
XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'


def _reply(media: str, schema: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    content: dict[str, Any] = {"schema": schema} if schema is not None else {}
    return {"200": {"description": "ok", "content": {media: {**content, **extra}}}}


def _xml_spec() -> dict[str, Any]:
    pet = {"$ref": "#/components/schemas/Pet"}
    return minimal_spec(
        paths={
            "/pets/{id}": {
                "get": {
                    "operationId": "getPet",
                    "tags": ["pets"],
                    "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                    "responses": _reply("application/xml", pet),
                }
            },
            "/pets": {
                "post": {
                    "operationId": "addPet",
                    "tags": ["pets"],
                    "requestBody": {"required": True, "content": {"text/xml": {"schema": pet}}},
                    "responses": _reply("text/xml", pet),
                }
            },
        },
        components={"schemas": {"Pet": PET, "Owner": OWNER}},
    )


@pytest.fixture(scope="module")
def xml_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("xml"), _xml_spec())


def _client(pkg: Any, handler: Any) -> Any:
    return pkg.Client(http_client=httpx.Client(transport=httpx.MockTransport(handler)))


def test_xml_generated_tests_pass(xml_package: Path) -> None:
    assert_generated_tests_pass(xml_package)
    reply = (xml_package / "pkg" / "tests" / "test_pets.py").read_text(encoding="utf-8")
    assert '<pet id="1"><petName>example</petName><tag>example</tag><photos><url>example</url></photos>' in reply


def test_client_reads_xml_replies_as_the_schema_says(xml_package: Path) -> None:
    document = (
        f'<pet id="7" {XSI}><petName>Rex</petName><tag>a</tag><tag>b</tag><photos><url>u1</url><url>u2</url></photos>'
        '<ex:person xmlns:ex="https://example.test/ns"><name>Ann</name><age>40</age></ex:person>'
        '<note xsi:nil="true"/><extra>kept</extra></pet>'
    ).encode()
    with imported(xml_package) as pkg:
        pet = _client(pkg, lambda request: httpx.Response(200, content=document, headers={"content-type": "application/xml"})).pets.get(7)
        assert (pet.id, pet.name, pet.tags, pet.photos, pet.note) == (7, "Rex", ["a", "b"], ["u1", "u2"], None)
        assert (pet.owner.name, pet.owner.age) == ("Ann", 40)
        assert pet.model_extra == {"extra": "kept"}
        # A required unwrapped list without items has no element at all: it is empty, not missing.
        empty = _client(pkg, lambda request: httpx.Response(200, content=b'<pet id="1"/>', headers={"content-type": "application/xml"})).pets.get(1)
        assert empty.tags == []
        broken = _client(pkg, lambda request: httpx.Response(200, content=b"<pet id=", headers={"content-type": "application/xml"}))
        with pytest.raises(pkg.APIResponseValidationError, match="not usable XML"):
            broken.pets.get(1)


def test_client_writes_xml_bodies_as_the_schema_says(xml_package: Path) -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, content=b'<pet id="3"/>', headers={"content-type": "text/xml"})

    with imported(xml_package) as pkg:
        owner = pkg.models.Owner(name="Ann")
        _client(pkg, handler).pets.add(body=pkg.models.Pet(id=3, name="a & <b>", tags=["x", "y"], photos=["u"], owner=owner, note=None))
    assert sent[0].headers["content-type"] == "text/xml"
    root = ElementTree.fromstring(sent[0].content)
    assert (root.tag, root.attrib) == ("pet", {"id": "3"})
    assert root.findtext("petName") == "a & <b>"
    assert [element.text for element in root.findall("tag")] == ["x", "y"]
    assert [element.text for element in root.findall("photos/url")] == ["u"]
    assert root.findtext("{https://example.test/ns}person/name") == "Ann"
    assert root.find("note").get("{http://www.w3.org/2001/XMLSchema-instance}nil") == "true"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("document", "complaint"),
    [
        (b"<pet><petName>Rex</petName></pet>", "does not match the document"),  # no id attribute
        (b'<pet id="seven"><tag>a</tag></pet>', "does not match the document"),  # id is no integer
        (b'<dog id="1"><tag>a</tag></dog>', "the document names it <pet>"),
        (b'<pet id="1">&</pet>', "not well-formed XML"),
    ],
)
def test_contract_tests_check_xml_replies(xml_package: Path, document: bytes, complaint: str) -> None:
    with imported(xml_package) as pkg:
        from pkg.tests._contract import MockServer  # type: ignore[import-not-found]

        server = MockServer("GET", "/pets/{id}")
        server.reply(200, content=document, content_type="application/xml")
        with pytest.raises(AssertionError, match=complaint):
            server.run(lambda client: client.pets.get(1), None, False)


def test_contract_tests_check_xml_requests(xml_package: Path) -> None:
    with imported(xml_package) as pkg:
        from pkg.tests._contract import read_call

        wrong = httpx.Request("POST", "https://api.example.test/pets", content=b"<pet><tag>a</tag></pet>", headers={"content-type": "text/xml"})
        with pytest.raises(AssertionError, match="violates the document"):
            read_call(wrong, ("POST", "/pets"))
        right = httpx.Request("POST", "https://api.example.test/pets", content=b'<pet id="2"><tag>a</tag><photos/></pet>', headers={"content-type": "text/xml"})
        assert read_call(right, ("POST", "/pets")).body == {"id": 2, "tags": ["a"], "photos": []}


# ---------------------------------------------------------------- text, vendor JSON, XML as text


def _text_spec() -> dict[str, Any]:
    return minimal_spec(
        openapi="3.0.3",
        paths={
            "/report": {"get": {"operationId": "report", "responses": _reply("text/csv", {"type": "string"}, example="a,b\n1,2\n")}},
            "/prediction": {"get": {"operationId": "predict", "responses": _reply("application/vnd.acme+json", {"type": "object", "properties": {"score": {"type": "number"}}})}},
            "/feed": {"get": {"operationId": "feed", "responses": _reply("application/atom+xml", {"type": "string"})}},
            "/legacy": {"get": {"operationId": "legacy", "responses": _reply("application/xml", example="<a>Rd. & Blvd.</a>")}},
        },
    )


def test_text_vendor_json_and_xml_text_replies(tmp_path: Path) -> None:
    sink = WarningSink()
    api = read_api(_text_spec(), "pkg", sink)
    kinds = {operation.name: operation.responses[0].kind for operation in api.operations}
    assert kinds == {"report": "text", "predict": "json", "feed": "text", "legacy": "bytes"}
    assert [item.pointer for item in sink.sorted() if "bare '&'" in item.message] == ["#/paths/~1legacy/get/responses/200/content/application~1xml"]
    out = generate(tmp_path, _text_spec())
    assert_generated_tests_pass(out)
    tests = "".join(path.read_text(encoding="utf-8") for path in (out / "pkg" / "tests").glob("test_*.py"))
    assert "<a>Rd. &amp; Blvd.</a>" in tests  # the document's example, repaired
    assert "<example>example</example>" in tests  # a synthesized string as one XML element


def test_vendor_media_reply_with_a_string_schema(tmp_path: Path) -> None:
    # GitHub's GET /octocat: `application/octocat-stream`, schema `type: string`. The client returns the
    # bytes; the contract test reads them as the text the schema describes (bytes are no JSON string).
    art = "  MMM.  .MMM\n  | Avoid administrative distraction. |\n"
    spec = minimal_spec(openapi="3.0.3", paths={"/octocat": {"get": {"operationId": "octocat", "responses": _reply("application/octocat-stream", {"type": "string"}, example=art)}}})
    out = generate(tmp_path, spec)
    assert_generated_tests_pass(out)
    assert "Avoid administrative distraction" in (out / "pkg" / "tests" / "test_octocat.py").read_text(encoding="utf-8")


# ---------------------------------------------------------------- objects in query parameters


def test_objects_in_query_parameters_travel_as_json_text(tmp_path: Path) -> None:
    entry = {"type": "object", "required": ["Id"], "properties": {"Id": {"type": "string"}, "Delay": {"type": "integer"}}}
    parameters = [
        {"name": "Entries", "in": "query", "required": True, "schema": {"type": "array", "items": {"allOf": [{"$ref": "#/components/schemas/Entry"}, {"xml": {"name": "Entry"}}]}}},
        {"name": "Attributes", "in": "query", "schema": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Entry"}}},
    ]
    spec = minimal_spec(
        openapi="3.0.3",
        paths={"/send": {"get": {"operationId": "send", "parameters": parameters, "responses": {"200": {"description": "ok"}}}}},
        components={"schemas": {"Entry": entry}},
    )
    sink = WarningSink()
    read_api(spec, "pkg", sink)
    messages = [item.message for item in sink.sorted()]
    assert any("'Entries' is a list of objects" in message for message in messages)
    assert any("'Attributes' is an object with object or list members" in message for message in messages)
    assert_generated_tests_pass(generate(tmp_path, spec))


# ---------------------------------------------------------------- what XML cannot say


def test_names_xml_cannot_carry_are_warned_and_left_out_of_test_bodies(tmp_path: Path) -> None:
    thing = {"type": "object", "properties": {"ok": {"type": "string"}, "odd name": {"type": "string"}}, "example": {"ok": "yes", "odd name": "no"}}
    spec = minimal_spec(
        openapi="3.0.3",
        paths={
            "/things": {
                "post": {
                    "operationId": "put",
                    "requestBody": {"content": {"application/xml": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                    "responses": _reply("application/xml", {"$ref": "#/components/schemas/Thing"}),
                }
            },
            # XML text as the example of an object: the tests build their document from a value instead
            "/text": {"get": {"operationId": "text", "responses": _reply("application/xml", {"$ref": "#/components/schemas/Thing"}, example="<Thing><ok>1</ok></Thing>")}},
        },
        components={"schemas": {"Thing": thing}},
    )
    sink = WarningSink()
    read_api(spec, "pkg", sink)
    found = {(item.pointer, item.message.split(":")[0]) for item in sink.sorted()}
    assert ("#/components/schemas/Thing/properties/odd name", "'odd name' cannot be an XML element name") in found
    assert_generated_tests_pass(generate(tmp_path, spec))


def _multipart_call(content_type: str, fields: dict[str, str]) -> httpx.Request:
    boundary = "b0undary"
    parts = "".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n' for name, value in fields.items()
    )
    body = (parts + f"--{boundary}--\r\n").encode()
    return httpx.Request("POST", "https://api.example.test/calls", content=body, headers={"content-type": f"{content_type}; boundary={boundary}"})


@pytest.mark.parametrize("also_a_body", [True, False], ids=["also-a-body", "only-a-part"])
def test_multipart_part_of_a_text_media_type_outside_the_known_ones(tmp_path: Path, also_a_body: bool) -> None:
    # OpenAI's createCall: multipart with an `application/sdp` part (encoding.contentType) and a JSON
    # `session` part holding a number; the same SDP may also be the whole body. The contract check reads
    # such a part as its text and checks it; a `number` member the example spells 1 travels as 1.0.
    session = {"type": "object", "properties": {"speed": {"type": "number"}, "voice": {"type": "string"}}}
    form = {"type": "object", "required": ["sdp"], "properties": {"sdp": {"type": "string", "maxLength": 20}, "session": {"$ref": "#/components/schemas/Session"}}}
    content: dict[str, Any] = {
        "multipart/form-data": {"schema": form, "encoding": {"sdp": {"contentType": "application/sdp"}, "session": {"contentType": "application/json"}},
                                "example": {"sdp": "v=0", "session": {"speed": 1, "voice": "ash"}}},
    }
    if also_a_body:
        content["application/sdp"] = {"schema": {"type": "string"}}
    post = {"post": {"operationId": "createCall", "requestBody": {"required": True, "content": content},
                     "responses": {"201": {"description": "answer", "content": {"application/sdp": {"schema": {"type": "string"}}}}}}}
    spec = minimal_spec(paths={"/calls": post}, components={"schemas": {"Session": session}})
    out = generate(tmp_path, spec)
    assert '"session": \'{"speed":1.0,"voice":"ash"}\'' in (out / "pkg" / "tests" / "test_calls.py").read_text()
    assert_generated_tests_pass(out)
    with imported(out):
        import importlib

        contract = importlib.import_module("pkg.tests._contract")
        good = contract.read_call(_multipart_call("multipart/form-data", {"sdp": "v=0", "session": '{"speed":1.5}'}), ("POST", "/calls"))
        assert good.body == {"sdp": "v=0", "session": '{"speed":1.5}'}
        with pytest.raises(AssertionError, match="sdp"):  # the SDP part is checked, not skipped
            contract.read_call(_multipart_call("multipart/form-data", {"sdp": "v=0" * 10}), ("POST", "/calls"))
