"""Test cases of streamed replies: the wire frames built from the example items, and the checks on
the items the client yields. Also the reading of the document (as OpenAPI 3.0/3.1) that the tests'
contract checks hold requests and replies to."""

from __future__ import annotations

import json
from typing import Any

from ..parse.ir import Response, StreamReply
from ..ground.escaping import literal
from ..ground.tree_copy import copy_tree
from .document_prose import without_prose
from .document_reach import reached_only
from .wildcard_bodies import name_json_bodies

# What the contract checks can check of a streamed reply: its status and media type. The items are
# checked by the client itself (it validates each into its model) and by the test's assertions.
STREAM_NOTE = "the {status} reply is {media_type} frames: the contract checks its status and content type; the test asserts each item the client yields"


def stream_example_items(stream: StreamReply, items_json: str = "[]") -> list[Any]:
    """The items a test's stream carries: `items_json` (example_tables.py), or a placeholder."""
    items = json.loads(items_json)
    return items if isinstance(items, list) and items else ["example"] if stream.sse_items == "text" else [{"example": 1}]


def stream_frames(stream: StreamReply, items: list[Any]) -> bytes:
    """The reply body carrying `items`, framed as its media type says. Server-sent events start
    with a comment, put text with line breaks on several `data` lines and end with the sentinel."""
    if stream.framing == "jsonl":
        return b"".join(_json(item) + b"\n" for item in items)
    if stream.framing == "json-seq":
        return b"".join(b"\x1e" + _json(item) + b"\n" for item in items)
    out = [b": stream opened\n\n"]
    for index, item in enumerate(items):
        lines: list[str] = []
        if stream.sse_items == "event" and isinstance(item, dict) and "data" in item:  # the event's own fields
            if item.get("event") is not None:
                lines.append(f"event: {item['event']}")
            value = item.get("data", "")
            data = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)  # text on the wire, never a repr
            if item.get("id") is not None:
                lines.append(f"id: {item['id']}")
            if item.get("retry") is not None:
                lines.append(f"retry: {item['retry']}")
        elif stream.sse_items == "text":
            data = item if isinstance(item, str) else json.dumps(item)
        else:
            data = json.dumps(item, ensure_ascii=False)
            lines.append(f"id: {index + 1}")
        lines.extend(f"data: {line}" for line in data.split("\n"))
        out.append(("\n".join(lines) + "\n\n").encode("utf-8"))
    if stream.sentinel is not None:
        out.append(f"data: {stream.sentinel}\n\n".encode())
    return b"".join(out)


def _json(item: Any) -> bytes:
    return json.dumps(item, ensure_ascii=False).encode("utf-8")


def frames_source(body: bytes) -> str:
    return f"{literal(body.decode('utf-8'))}.encode()"


def expected_items(stream: StreamReply, items: list[Any]) -> list[Any]:
    """What each yielded item must equal (as JSON) for unvalidated items: SSE events as their fields."""
    if stream.framing == "sse" and not stream.validated and stream.sse_items != "text":
        return [{"data": json.dumps(item, ensure_ascii=False)} for item in items]
    return items


def stream_note(response: Response) -> str:
    assert response.stream is not None
    return STREAM_NOTE.format(status=response.status, media_type=response.stream.media_type)


def test_reading(document: dict[str, Any]) -> dict[str, Any]:
    """The document as the contract checks (`_validation*.py`) read requests and replies against it.

    A streamed reply's schema describes an item, not the body, so it becomes "a string" (status and
    media type stay checked). A 3.2 document is read as 3.1: `itemSchema` goes, nested-tag fields
    (`parent`, `kind`, `summary`) go, `in: querystring` parameters go (the client's own tests check
    their serialization), and `query` / `additionalOperations` stay where the checks find them
    by method name. A JSON request body under a wildcard media type is named application/json, the
    type the client sends (wildcard_bodies.py). Last, the prose no check reads goes
    (document_prose.py), and the component schemas no operation reaches (document_reach.py).
    """
    data = copy_tree(document)
    version32 = str(data.get("openapi", "")).startswith("3.2")
    if version32:
        data["openapi"] = "3.1.1"
        for tag in data.get("tags") or []:
            if isinstance(tag, dict):
                for key in ("parent", "kind", "summary"):
                    tag.pop(key, None)
    from ..parse.streams import stream_framing

    stack: list[Any] = [data.get("paths"), (data.get("components") or {}).get("responses"), (data.get("components") or {}).get("parameters"), (data.get("components") or {}).get("pathItems")]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        content = node.get("content")
        if isinstance(content, dict):
            for media_type, media in content.items():
                if isinstance(media, dict) and (stream_framing(media_type) is not None or "itemSchema" in media):
                    media.pop("itemSchema", None)
                    media["schema"] = {"type": "string"}
                    media.pop("example", None)
                    media.pop("examples", None)
        parameters = node.get("parameters")
        if version32 and isinstance(parameters, list):
            node["parameters"] = [item for item in parameters if not (isinstance(item, dict) and item.get("in") == "querystring")]
        additional = node.get("additionalOperations") if version32 else None
        if isinstance(additional, dict):
            del node["additionalOperations"]
            for method, operation in additional.items():
                node.setdefault(str(method).lower(), operation)
        stack.extend(value for key, value in node.items() if isinstance(value, (dict, list)) and key != "content")
        if isinstance(content, dict):
            stack.extend(content.values())
    name_json_bodies(data)
    return reached_only(without_prose(data))
