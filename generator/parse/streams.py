"""Streamed replies: which media types stream, what each item is, and the flag that asks for them.

OpenAPI 3.2 describes each item of a sequential media type with `itemSchema`. Documents of 3.0 and
3.1 have only `schema`, and for these media types the media type alone says the reply is a
stream: there the schema is read as the item's (for server-sent events, as the `data` decoded as
JSON, unless it is a string or describes the event's own fields; an event whose `data` is described
as JSON, by `contentSchema` or by a schema no string satisfies, yields that JSON's value).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..ground.diagnostics import WarningSink
from .ir import ANY, BodyField, Primitive, Response, StreamFlag, StreamFraming, StreamReply, TypeRef, UnionType
from ..ground.pointers import join_pointer
from .example_source import ExampleSource
from ..ground.discriminators import pinned_values
from .schemas import SchemaConverter

STREAM_MEDIA_TYPES: dict[str, StreamFraming] = {
    "text/event-stream": "sse",
    "application/jsonl": "jsonl",
    "application/x-jsonl": "jsonl",
    "application/x-ndjson": "jsonl",
    "application/x-jsonlines": "jsonl",
    "application/json-seq": "json-seq",
}
SERVER_SENT_EVENT = Primitive("ServerSentEvent")
_EVENT_FIELDS = frozenset({"event", "data", "id", "retry"})
_FLAG_NAMES = ("stream",)  # the request member that, when true, asks for the stream (OpenAI's)
_ERROR_EVENT = "error"  # the SSE event name OpenAI and Anthropic report errors with, mid-stream


def base_media_type(media_type: str) -> str:
    return media_type.split(";")[0].strip().lower()


def stream_framing(media_type: str) -> StreamFraming | None:
    base = base_media_type(media_type)
    if base in STREAM_MEDIA_TYPES:
        return STREAM_MEDIA_TYPES[base]
    if base.endswith("+jsonl"):
        return "jsonl"
    if base.endswith("+json-seq"):
        return "json-seq"
    return None


@dataclass
class StreamReader:
    converter: SchemaConverter
    examples: ExampleSource
    warnings: WarningSink

    def split(self, content: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
        """The first streamed media type of a reply's content (or None), and the other media types."""
        streamed = next((media_type for media_type in content if stream_framing(media_type) is not None), None)
        rest = {key: value for key, value in content.items() if stream_framing(key) is None}
        return streamed, rest

    def reply(self, media_type: str, media: Any, pointer: str, hint: str, key: tuple[str, str] = ("", "")) -> StreamReply:
        """The streamed reply; `key` (operationId, status) names its example items to the example source."""
        framing = stream_framing(media_type)
        assert framing is not None
        media = media if isinstance(media, dict) else {}
        media_pointer = join_pointer(join_pointer(pointer, "content"), media_type)
        if "itemSchema" in media:
            schema, schema_pointer = media["itemSchema"], join_pointer(media_pointer, "itemSchema")
        else:
            schema, schema_pointer = media.get("schema"), join_pointer(media_pointer, "schema")
        if framing != "sse":
            if schema is None:
                return StreamReply(framing, media_type, ANY, False)
            item = self.converter.type_of(schema, schema_pointer, hint + "Item")
            self._items(schema, key)
            return StreamReply(framing, media_type, item, True)
        return self._events(media_type, schema, schema_pointer, hint, key)

    def _events(self, media_type: str, schema: Any, pointer: str, hint: str, key: tuple[str, str]) -> StreamReply:
        reply = self._event_items(media_type, schema, pointer, hint, key)
        resolved = self.converter.resolve(schema)
        documented = [schema] + [content for content, _ in (self._data_contents(resolved, pointer) if isinstance(resolved, dict) else [])]
        if any(self._describes_error(item) for item in documented):
            return replace(reply, error_event=None)
        return reply

    def _describes_error(self, schema: Any, names: frozenset[str] = frozenset({"event", "type"}), depth: int = 0) -> bool:
        """Whether the items have one for an error: an object whose tag (`event`, `type`, or the
        enclosing union's discriminator property) is pinned to "error", in the schema or one of its
        union's options. Otherwise an `event: error` frame is no item: it raises."""
        resolved = self.converter.resolve(schema)
        if not isinstance(resolved, dict) or depth > 8:
            return False
        discriminator = resolved.get("discriminator")
        if isinstance(discriminator, dict) and isinstance(discriminator.get("propertyName"), str):
            names = names | {discriminator["propertyName"]}
        options = [option for keyword in ("oneOf", "anyOf") for option in resolved.get(keyword) or []]
        if options:
            return any(self._describes_error(option, names, depth + 1) for option in options)
        return any(_ERROR_EVENT in (pinned_values(self.converter.document, resolved, name) or []) for name in names)

    def _event_items(self, media_type: str, schema: Any, pointer: str, hint: str, key: tuple[str, str]) -> StreamReply:
        resolved = self.converter.resolve(schema)
        if not isinstance(resolved, dict):  # no schema: the events themselves, as the type says
            return StreamReply("sse", media_type, SERVER_SENT_EVENT, False, sse_items="event")
        if resolved.get("type") == "string":
            self._items(schema, key)
            return StreamReply("sse", media_type, Primitive("str"), False, sse_items="text")
        if not self._event_shaped(resolved):
            item = self.converter.type_of(schema, pointer, hint + "Event")
            self._items(schema, key)
            return StreamReply("sse", media_type, item, True)
        contents = self._data_contents(resolved, pointer)
        if contents:  # `data` is JSON text of a documented schema: the item is that schema's value
            types: list[TypeRef] = []
            for content_schema, content_pointer in contents:
                item_type = self.converter.type_of(content_schema, content_pointer, hint + "Data")
                if item_type not in types:
                    types.append(item_type)
            item = types[0] if len(types) == 1 else UnionType(tuple(types))
            self._items(contents[0][0], key)
            return StreamReply("sse", media_type, item, True)
        data = self.converter.resolve((resolved.get("properties") or {}).get("data"))
        if isinstance(data, dict) and "json" in str(data.get("contentMediaType", "")).lower():
            return StreamReply("sse", media_type, ANY, False)  # JSON of no documented schema
        item = self.converter.type_of(schema, pointer, hint + "Event")  # the event's own fields
        self._items(schema, key)
        return StreamReply("sse", media_type, item, True, sse_items="event")

    def _event_shaped(self, schema: dict[str, Any]) -> bool:
        """An object whose properties are an event's fields, `data` among them."""
        properties = schema.get("properties")
        return isinstance(properties, dict) and "data" in properties and set(properties) <= _EVENT_FIELDS

    def _data_contents(self, schema: dict[str, Any], pointer: str) -> list[tuple[Any, str]]:
        """The `contentSchema`s of `data` (declared JSON), at the top or in each oneOf/anyOf option."""
        found: list[tuple[Any, str]] = []
        candidates: list[tuple[Any, str]] = [(schema, pointer)]
        for keyword in ("oneOf", "anyOf"):
            for index, option in enumerate(schema.get(keyword) or []):
                candidates.append((option, join_pointer(join_pointer(pointer, keyword), index)))
        for candidate, candidate_pointer in candidates:
            resolved = self.converter.resolve(candidate)
            properties = resolved.get("properties") if isinstance(resolved, dict) else None
            written = properties.get("data") if isinstance(properties, dict) else None
            data = self.converter.resolve(written)
            data_pointer = join_pointer(join_pointer(candidate_pointer, "properties"), "data")
            if isinstance(data, dict) and "json" in str(data.get("contentMediaType", "")).lower() and "contentSchema" in data:
                found.append((data["contentSchema"], join_pointer(data_pointer, "contentSchema")))
            elif self._json_valued(data):
                found.append((written, data_pointer))
        return found

    def _json_valued(self, data: Any) -> bool:
        """Whether an event's `data` is described as a value no string is (an object, a union of
        objects, a number...): `data` is text on the wire, so such a schema is read as the JSON
        that text decodes to (3.0/3.1 documents that have no `contentSchema`, Mistral's)."""
        if not isinstance(data, dict) or "contentMediaType" in data:
            return False
        kinds: set[str] = set()
        for option in [data, *(self.converter.resolve(item) for keyword in ("oneOf", "anyOf") for item in data.get(keyword) or [])]:
            if not isinstance(option, dict):
                return False
            declared = option.get("type")
            if isinstance(declared, str):
                kinds.add(declared)
            elif isinstance(declared, list):
                kinds.update(str(kind) for kind in declared)
            elif "properties" in option:
                kinds.add("object")
            elif option is data and not any(keyword in data for keyword in ("oneOf", "anyOf")):
                return False  # no type: any value, text included
        return bool(kinds) and "string" not in kinds

    def _items(self, schema: Any, key: tuple[str, str]) -> None:
        """Two example items, as the generated tests send them: the example source keeps them."""
        self.examples.stream_items(key, [self.examples.for_items(schema, "response", variant) for variant in (0, 1)])

    def flag(self, responses: tuple[Response, ...], body_fields: tuple[BodyField, ...], fields_body: bool, pointer: str) -> tuple[tuple[Response, ...], StreamFlag | None]:
        """For a reply documented both as JSON and as a stream: the boolean request member that
        chooses the stream, of a JSON body or a form or multipart one (OpenAI's transcriptions).
        Without one the client asks for JSON, and says so."""
        dual = [response for response in responses if response.stream is not None and response.kind != "stream"]
        if not dual:
            return responses, None
        for body_field in body_fields if fields_body else ():  # the client reads the flag among the body's fields
            if body_field.wire_name in _FLAG_NAMES and _is_bool(body_field.type):
                return responses, StreamFlag(body_field.name, body_field.wire_name)
        for response in dual:
            self.warnings.warn(
                join_pointer(join_pointer(pointer, "responses"), response.status),
                f"reply {response.status} is documented as JSON and as {response.stream.media_type if response.stream else ''}, "
                "and no boolean `stream` member of a JSON, form or multipart request body chooses between them: the client asks for JSON",
            )
        return tuple(replace(response, stream=None) if response in dual else response for response in responses), None


def _is_bool(type_ref: TypeRef) -> bool:
    if isinstance(type_ref, UnionType):
        return any(_is_bool(option) for option in type_ref.options) and all(
            _is_bool(option) or option == Primitive("None") for option in type_ref.options
        )
    return type_ref == Primitive("bool")
