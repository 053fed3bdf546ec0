"""A stream flag inside a form or multipart body (OpenAI's createTranscription: `stream` is a
multipart field, `anyOf: [{type: boolean}, {type: "null"}]`): `stream=True` returns the stream of
events, otherwise the JSON model, as for a flag of a JSON body."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.ground.diagnostics import WarningSink
from generator.pipeline import read_api
from tests.conftest import minimal_spec
from tests.test_contract_fixes import assert_generated_tests_pass, generate, imported

EVENT = {"type": "object", "required": ["delta"], "properties": {"delta": {"type": "string"}}}
DONE = {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}


def _spec(media_type: str) -> dict[str, Any]:
    fields: dict[str, Any] = {"model": {"type": "string"}, "stream": {"anyOf": [{"type": "boolean", "default": False}, {"type": "null"}]}}
    if media_type == "multipart/form-data":
        fields["file"] = {"type": "string", "format": "binary"}
    body = {"required": True, "content": {media_type: {"schema": {"type": "object", "required": ["model"], "properties": fields}}}}
    content = {"application/json": {"schema": DONE}, "text/event-stream": {"schema": EVENT}}
    post = {"post": {"operationId": "transcribe", "requestBody": body, "responses": {"200": {"description": "text or events", "content": content}}}}
    return minimal_spec(paths={"/transcriptions": post})


@pytest.mark.parametrize("media_type", ["multipart/form-data", "application/x-www-form-urlencoded"])
def test_stream_flag_of_a_form_body(tmp_path: Path, media_type: str) -> None:
    warnings = WarningSink()
    api = read_api(_spec(media_type), "pkg", warnings)
    operation = api.resources[0].operations[0]
    assert operation.stream_flag is not None and operation.stream_flag.wire_name == "stream"
    assert not any("chooses between them" in item.message for item in warnings.sorted())
    out = generate(tmp_path, _spec(media_type))
    assert "def test_transcribe_stream(" in (out / "pkg" / "tests" / "test_transcriptions.py").read_text()
    assert_generated_tests_pass(out)
    frames = b"".join(b"data: " + json.dumps({"delta": text}).encode() + b"\n\n" for text in ("Hel", "lo"))
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if b'"stream"\r\n\r\ntrue' in request.content or b"stream=true" in request.content:
            return httpx.Response(200, content=frames, headers={"content-type": "text/event-stream"})
        return httpx.Response(200, json={"text": "Hello"})

    extra = {"file": b"RIFF"} if media_type == "multipart/form-data" else {}
    with imported(out) as package:
        client = package.Client(base_url="https://api.example.test", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
        with client.transcriptions.transcribe(model="whisper", stream=True, **extra) as stream:
            assert [event.delta for event in stream] == ["Hel", "lo"]
        events = list(client.transcriptions.transcribe(model="whisper", stream=True, **extra))
        assert [type(event) for event in events] == [package.models.TranscribeResponseEvent] * 2
        whole = client.transcriptions.transcribe(model="whisper", **extra)
        assert isinstance(whole, package.models.TranscribeResponse) and whole.text == "Hello"
        assert len(sent) == 3 and b'name="stream"' not in sent[2].content and b"stream=" not in sent[2].content


def test_stream_without_a_schema_yields_the_events(tmp_path: Path) -> None:
    # ReadMe's askOwlbot: a JSON body with `stream`, a `text/event-stream` reply with examples only.
    body = {"required": True, "content": {"application/json": {"schema": {"type": "object", "required": ["question"], "properties": {"question": {"type": "string"}, "stream": {"type": "boolean"}}}}}}
    content = {"text/event-stream": {"example": "data: hi"}, "application/json": {"schema": DONE}}
    post = {"post": {"operationId": "ask", "requestBody": body, "responses": {"200": {"description": "an answer", "content": content}}}}
    spec = minimal_spec(openapi="3.0.3", paths={"/ask": post})
    out = generate(tmp_path, spec)
    assert "from .._streaming import ServerSentEvent" in (out / "pkg" / "tests" / "test_ask.py").read_text()
    typed = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "pkg"], cwd=out, capture_output=True, text=True, timeout=600)
    assert typed.returncode == 0, typed.stdout[-3000:]
    assert_generated_tests_pass(out)
    frames = b"event: answer\nid: 4\ndata: Hel\ndata: lo\n\n"
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=frames, headers={"content-type": "text/event-stream"}))
    with imported(out) as package:
        client = package.Client(base_url="https://api.example.test", http_client=httpx.Client(transport=transport))
        with client.ask.ask(question="hi", stream=True) as stream:
            events = list(stream)
        assert [(event.event, event.id, event.data) for event in events] == [("answer", "4", "Hel\nlo")]
        assert type(events[0]).__name__ == "ServerSentEvent"
