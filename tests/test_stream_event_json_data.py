"""A server-sent event described by its fields (`event`, `data`) whose `data` is an object, or a
union of objects, with no `contentSchema` (Mistral's 3.1 document): `data` is text on the wire, so
the schema can only mean the JSON that text decodes to. The items are that JSON's values; the
generated tests send them as JSON, and the client parses real frames into the models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.ground.diagnostics import WarningSink
from generator.parse.ir import Primitive, StreamReply
from generator.pipeline import read_api
from tests.conftest import minimal_spec
from tests.test_contract_fixes import generate, imported, run_generated_tests


def _tagged(tag: str, **properties: str) -> dict[str, Any]:
    kind = {"type": "string", "const": tag, "default": tag}
    return {"type": "object", "required": ["type"], "properties": {"type": kind, **{name: {"type": value} for name, value in properties.items()}}}


def _event(data: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "required": ["event", "data"], "properties": {"event": {"type": "string", "enum": ["audio.delta", "audio.done"]}, "data": data}}


UNION = {
    "oneOf": [{"$ref": "#/components/schemas/Delta"}, {"$ref": "#/components/schemas/Done"}],
    "discriminator": {"propertyName": "type", "mapping": {"audio.delta": "#/components/schemas/Delta", "audio.done": "#/components/schemas/Done"}},
}
SCHEMAS = {"Delta": _tagged("audio.delta", audio="string"), "Done": _tagged("audio.done", seconds="integer")}


def _spec(data: dict[str, Any]) -> dict[str, Any]:
    schemas = {**SCHEMAS, "Events": _event(data)}
    reply = {"description": "events", "content": {"text/event-stream": {"schema": {"$ref": "#/components/schemas/Events"}}}}
    return minimal_spec(paths={"/speech": {"post": {"operationId": "speak", "responses": {"200": reply}}}}, components={"schemas": schemas})


def _stream(data: dict[str, Any]) -> StreamReply:
    operation = read_api(_spec(data), "pkg", WarningSink()).resources[0].operations[0]
    stream = operation.responses[0].stream
    assert stream is not None
    return stream


def test_object_data_is_read_as_json_of_that_schema() -> None:
    stream = _stream(UNION)
    assert (stream.sse_items, stream.validated) == ("json", True)
    assert "Delta" in str(stream.item) and "Done" in str(stream.item)
    assert _stream({"$ref": "#/components/schemas/Delta"}).sse_items == "json"


@pytest.mark.parametrize("data", [{"type": "string"}, {}, {"oneOf": [{"type": "string"}, {"$ref": "#/components/schemas/Delta"}]}])
def test_data_a_string_may_be_stays_the_events_own_field(data: dict[str, Any]) -> None:
    stream = _stream(data)
    assert stream.sse_items == "event" and stream.item != Primitive("str")


FRAMES = b'event: audio.delta\ndata: {"type": "audio.delta", "audio": "QUJD"}\n\nevent: audio.done\ndata: {"type": "audio.done", "seconds": 2}\n\n'


def test_the_client_yields_the_models_and_its_tests_pass(tmp_path: Path) -> None:
    out = generate(tmp_path, _spec(UNION))
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=FRAMES, headers={"content-type": "text/event-stream"}))
    with imported(out) as package:
        client = package.Client(base_url="https://api.example.test", http_client=httpx.Client(transport=transport))
        items = list(client.speech.speak())
        assert [type(item).__name__ for item in items] == ["Delta", "Done"]
        assert (items[0].audio, items[1].seconds) == ("QUJD", 2)
    result = run_generated_tests(out)
    assert result.returncode == 0, result.stdout[-3000:]


def test_an_events_data_that_is_no_text_is_framed_as_json() -> None:
    """Where `data` stays the event's own field (any value), a test's frame carries JSON text, never
    Python's spelling of a dict."""
    from generator.testgen.stream_cases import stream_frames

    frames = stream_frames(_stream({}), [{"event": "audio.delta", "data": {"type": "audio.delta", "audio": "QUJD"}}])
    assert b'data: {"type": "audio.delta", "audio": "QUJD"}\n' in frames
