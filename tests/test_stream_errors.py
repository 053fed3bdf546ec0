"""An `event: error` frame mid-stream (OpenAI, Anthropic) raises `StreamError` from the iteration,
unless the document describes an error event as one of the items (OpenAI's Responses API lists
`ResponseErrorEvent`, `type: error`, among its stream events): then it is that item."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.ground.diagnostics import WarningSink
from generator.parse.ir import StreamReply
from generator.pipeline import read_api
from tests.conftest import minimal_spec
from tests.test_contract_fixes import generate, imported


def _tagged(tag: str, **properties: str) -> dict[str, Any]:
    return {"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "enum": [tag]}, **{name: {"type": kind} for name, kind in properties.items()}}}


SCHEMAS = {
    "Delta": _tagged("delta", text="string"),
    "Failure": _tagged("error", message="string"),
    "WithError": {"oneOf": [{"$ref": "#/components/schemas/Delta"}, {"$ref": "#/components/schemas/Failure"}], "discriminator": {"propertyName": "type"}},
}


def _spec(item: str) -> dict[str, Any]:
    reply = {"description": "events", "content": {"text/event-stream": {"schema": {"$ref": f"#/components/schemas/{item}"}}}}
    return minimal_spec(paths={"/events": {"get": {"operationId": "watch", "responses": {"200": reply}}}}, components={"schemas": SCHEMAS})


def _stream(item: str) -> StreamReply:
    operation = read_api(_spec(item), "pkg", WarningSink()).resources[0].operations[0]
    stream = operation.responses[0].stream
    assert stream is not None
    return stream


def test_error_event_is_raised_unless_an_item_describes_it() -> None:
    assert _stream("Delta").error_event == "error"
    assert _stream("WithError").error_event is None


FRAMES = b'data: {"type": "delta", "text": "Hel"}\n\nevent: error\ndata: {"type": "error", "message": "overloaded"}\n\n'


@pytest.mark.parametrize("item", ["Delta", "WithError"])
def test_the_generated_client_raises_or_yields_the_error_event(tmp_path: Path, item: str) -> None:
    out = generate(tmp_path, _spec(item))
    resource = (out / "pkg" / "resources" / "events.py").read_text()
    assert ("error_event=None" in resource) is (item == "WithError")
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=FRAMES, headers={"content-type": "text/event-stream"}))
    with imported(out) as package:
        client = package.Client(base_url="https://api.example.test", http_client=httpx.Client(transport=transport))
        stream = client.events.watch()
        assert next(stream).text == "Hel"
        if item == "Delta":
            with pytest.raises(package.errors.StreamError, match="overloaded") as raised:
                next(stream)
            assert raised.value.body == json.loads(FRAMES.split(b"data: ")[2])
        else:
            assert isinstance(next(stream), package.models.Failure)
