"""Request bodies.  Each body turns itself into ``httpx.Client.build_request`` kwargs.

``request_kwargs()`` is called once per attempt, so bodies backed by a
seekable file are rewound before every retry.  A seekable file is sent in
pieces (``FileChunks``), never read whole; a non-seekable stream is read into
memory on first use so that it can be re-sent.
"""

from __future__ import annotations

import io
import json
import mimetypes
import os
import uuid
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO, Any, TypeAlias, TypedDict, cast
from urllib.parse import urlencode

from ._wire import to_wire
from ._types import FileContent, FileInput, NotGiven, is_sequence
from ._xml import XmlSchema

__all__ = [
    "Body",
    "BinaryBody",
    "FormBody",
    "JsonBody",
    "MultipartBody",
    "TextBody",
    "XmlBody",
    "BodyKwargs",
    "FileChunks",
    "json_dumps",
    "with_extra_body",
]


class BodyKwargs(TypedDict, total=False):
    content: Any
    files: list[tuple[str, tuple[str | None, Any, str]]]
    data: dict[str, str | list[str]]
    headers: dict[str, str]


def json_dumps(value: object) -> str:
    """Compact JSON of ``to_wire(value)``; NaN/Infinity are rejected."""
    return json.dumps(to_wire(value), separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def _field_text(value: object) -> str:
    """Text of a non-file form/multipart field: str as is, everything else JSON."""
    if isinstance(value, str):
        return value
    wired = to_wire(value)
    if isinstance(wired, str):
        return wired
    return json_dumps(wired)


def _field_values(value: object) -> list[str]:
    """Lists of scalars become repeated fields; objects are JSON strings."""
    if isinstance(value, NotGiven) or value is None:
        return []
    if is_sequence(value):
        return [_field_text(v) for v in value if not isinstance(v, NotGiven) and v is not None]
    return [_field_text(value)]


@dataclass(slots=True)
class JsonBody:
    value: object
    content_type: str = "application/json"

    def request_kwargs(self) -> BodyKwargs:
        return {
            "content": json_dumps(self.value).encode("utf-8"),
            "headers": {"Content-Type": self.content_type},
        }


@dataclass(slots=True)
class FormBody:
    fields: Mapping[str, object]
    content_type: str = "application/x-www-form-urlencoded"

    def request_kwargs(self) -> BodyKwargs:
        pairs = [(name, text) for name, v in self.fields.items() for text in _field_values(v)]
        return {
            "content": urlencode(pairs).encode("ascii"),
            "headers": {"Content-Type": self.content_type},
        }


def _is_content(value: object) -> bool:
    return isinstance(value, (bytes, bytearray)) or hasattr(value, "read")


def _is_single_file(value: object) -> bool:
    if _is_content(value):
        return True
    return (
        isinstance(value, tuple)
        and len(value) in (2, 3)
        and (value[0] is None or isinstance(value[0], str))
        and _is_content(value[1])
    )


def _is_file_value(value: object) -> bool:
    if _is_single_file(value):
        return True
    return (
        isinstance(value, (list, tuple))
        and bool(value)
        and all(_is_single_file(item) for item in value)
    )


def _file_tuple(value: FileInput) -> tuple[str | None, FileContent, str]:
    filename: str | None
    content_type: str | None = None
    if isinstance(value, tuple):
        filename, content = value[0], value[1]
        if len(value) == 3:
            content_type = value[2]
    else:
        content = value
        name = getattr(value, "name", None)
        filename = os.path.basename(name) if isinstance(name, str) and name else "upload"
    if content_type is None:
        guessed = mimetypes.guess_type(filename)[0] if filename else None
        content_type = guessed or "application/octet-stream"
    if isinstance(content, bytearray):
        content = bytes(content)
    return filename, content, content_type


@dataclass(slots=True)
class MultipartBody:
    fields: Mapping[str, object]
    files: Mapping[str, FileInput | Sequence[FileInput]] = field(default_factory=dict)

    def _file_list(self) -> list[tuple[str, tuple[str | None, FileContent, str]]]:
        out: list[tuple[str, tuple[str | None, FileContent, str]]] = []
        for name, value in [*self.files.items(), *self._given_files()]:
            if isinstance(value, NotGiven) or value is None:
                continue
            if _is_single_file(value):
                out.append((name, _file_tuple(cast(FileInput, value))))
            else:
                for item in cast("Sequence[FileInput]", value):
                    out.append((name, _file_tuple(item)))
        return out

    def _given_files(self) -> list[tuple[str, object]]:
        """The fields given file content: a field that may be a file or a text (`oneOf [binary,
        uri]`) is sent as a file part when the caller gives bytes, a file or a (name, content)
        tuple (or a list of them), and as a text field when given a str."""
        return [(name, value) for name, value in self.fields.items() if _is_file_value(value)]

    def request_kwargs(self) -> BodyKwargs:
        data: dict[str, str | list[str]] = {}
        for name, value in self.fields.items():
            if _is_file_value(value):
                continue  # a file part (`_given_files`)
            values = _field_values(value)
            if values:
                data[name] = values[0] if len(values) == 1 and not is_sequence(value) else values
        files = self._file_list()
        if files:
            return {"data": data, "files": files}
        # httpx would fall back to urlencoded without files: encode ourselves.
        boundary = uuid.uuid4().hex
        buf = io.BytesIO()
        for name, val in data.items():
            for text in [val] if isinstance(val, str) else val:
                quoted = name.replace("\\", "\\\\").replace('"', "%22")
                buf.write(f"--{boundary}\r\n".encode())
                buf.write(f'Content-Disposition: form-data; name="{quoted}"\r\n\r\n'.encode())
                buf.write(text.encode("utf-8"))
                buf.write(b"\r\n")
        buf.write(f"--{boundary}--\r\n".encode())
        return {
            "content": buf.getvalue(),
            "headers": {"Content-Type": f"multipart/form-data; boundary={boundary}"},
        }


class FileChunks:
    """A seekable file sent in pieces from where it stood when first sent, so memory stays flat
    whatever its size; each attempt (a retry too) starts over from that place."""

    CHUNK_SIZE = 64 * 1024

    def __init__(self, file: IO[bytes], start: int) -> None:
        self.file = file
        self.start = start

    def length(self) -> int | None:
        """Bytes from the start to the end of the file (sent as Content-Length), when it can tell."""
        try:
            end = self.file.seek(0, os.SEEK_END)
            self.file.seek(self.start)
        except (OSError, ValueError):
            return None
        return max(end - self.start, 0)

    def __iter__(self) -> Iterator[bytes]:
        self.file.seek(self.start)
        while chunk := self.file.read(self.CHUNK_SIZE):
            yield chunk

    async def async_chunks(self) -> AsyncIterator[bytes]:
        """The same pieces for an async client (a local file's reads are short and do not block long)."""
        for chunk in self:
            yield chunk


@dataclass(slots=True)
class BinaryBody:
    content: FileContent
    content_type: str = "application/octet-stream"
    _start: int | None = field(default=None, init=False, repr=False)
    _buffered: bytes | None = field(default=None, init=False, repr=False)

    def _payload(self) -> Any:
        content = self.content
        if isinstance(content, (bytes, bytearray)):
            return bytes(content)
        if self._buffered is not None:
            return self._buffered
        stream = content
        seekable = False
        try:
            seekable = stream.seekable()
        except (AttributeError, ValueError):
            seekable = False
        if seekable:
            if self._start is None:
                self._start = stream.tell()
            return FileChunks(stream, self._start)
        self._buffered = stream.read()
        return self._buffered

    def request_kwargs(self) -> BodyKwargs:
        payload = self._payload()
        headers = {"Content-Type": self.content_type}
        if isinstance(payload, FileChunks):
            length = payload.length()
            if length is not None:  # otherwise httpx sends it chunked
                headers["Content-Length"] = str(length)
        return {"content": payload, "headers": headers}


@dataclass(slots=True)
class TextBody:
    text: str
    content_type: str = "text/plain"

    def request_kwargs(self) -> BodyKwargs:
        return {
            "content": self.text.encode("utf-8"),
            "headers": {"Content-Type": self.content_type},
        }


@dataclass(slots=True)
class XmlBody:
    """An object or array written as XML elements, the way its schema's ``xml`` objects say."""

    value: object
    schema: XmlSchema
    content_type: str = "application/xml"

    def request_kwargs(self) -> BodyKwargs:
        return {
            "content": self.schema.encode(to_wire(self.value)),
            "headers": {"Content-Type": self.content_type},
        }


Body: TypeAlias = JsonBody | FormBody | MultipartBody | BinaryBody | TextBody | XmlBody


def with_extra_body(body: Body | None, extra: Mapping[str, object] | None) -> Body | None:
    """The body with the caller's ``extra_body`` properties added (they win over equal names).

    JSON objects, form fields and multipart fields take extra properties; an operation without
    a body sends them as a JSON object. Bytes, text and XML bodies cannot: ``TypeError``.
    """
    if not extra:
        return body
    if body is None:
        return JsonBody(dict(extra))
    if isinstance(body, JsonBody):
        wire = to_wire(body.value)
        if not isinstance(wire, dict):
            raise TypeError(
                f"extra_body adds properties to a JSON object; this request's body is {type(wire).__name__}"
            )
        return JsonBody({**wire, **extra}, body.content_type)
    if isinstance(body, FormBody):
        return FormBody({**body.fields, **extra}, body.content_type)
    if isinstance(body, MultipartBody):
        return MultipartBody({**body.fields, **extra}, body.files)
    raise TypeError(
        f"extra_body adds properties to JSON, form or multipart bodies; this request sends {body.content_type}"
    )
