from __future__ import annotations

import io
from email import message_from_bytes
from email.message import Message
from urllib.parse import parse_qsl

import httpx

from rt_helpers import Recorder, endpoint, sync_client
from rtpkg._bodies import BinaryBody, FormBody, JsonBody, MultipartBody, TextBody
from rtpkg._models import BaseModel
from rtpkg._types import NOT_GIVEN


class Meta(BaseModel):
    kind: str


def send(body: object) -> httpx.Request:
    rec = Recorder(httpx.Response(200, json={}))
    sync_client(rec).request(endpoint("POST"), body=body)  # type: ignore[arg-type]
    return rec.requests[0]


def parts(request: httpx.Request) -> list[Message]:
    raw = b"Content-Type: " + request.headers["Content-Type"].encode() + b"\r\n\r\n" + request.content
    msg = message_from_bytes(raw)
    assert msg.is_multipart()
    return list(msg.get_payload())  # type: ignore[arg-type]


def test_json_body_compact_with_to_wire() -> None:
    sent = send(JsonBody({"meta": Meta(kind="k"), "skip": NOT_GIVEN, "ü": 1}, "application/merge-patch+json"))
    assert sent.headers["Content-Type"] == "application/merge-patch+json"
    assert sent.content == '{"meta":{"kind":"k"},"ü":1}'.encode()


def test_form_body() -> None:
    sent = send(FormBody({"a": "x y", "n": 3, "flag": True, "skip": NOT_GIVEN, "none": None,
                          "tags": ["p", "q"], "meta": Meta(kind="k")}))
    assert sent.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert parse_qsl(sent.content.decode()) == [
        ("a", "x y"), ("n", "3"), ("flag", "true"), ("tags", "p"), ("tags", "q"),
        ("meta", '{"kind":"k"}'),
    ]


def test_multipart_with_filename_and_content_type() -> None:
    body = MultipartBody(
        fields={"title": "Report", "meta": Meta(kind="k"), "count": 2, "skip": NOT_GIVEN},
        files={
            "file": ("report.pdf", b"%PDF-1.7", "application/pdf"),
            "guess": ("notes.txt", io.BytesIO(b"hello")),
            "many": [("a.bin", b"A"), ("b.bin", b"B", None)],
        },
    )
    sent = send(body)
    assert sent.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    found = {(p.get_param("name", header="content-disposition"),
              p.get_filename(), p.get_content_type(), p.get_payload(decode=True)) for p in parts(sent)}
    assert found == {
        ("title", None, "text/plain", b"Report"),
        ("meta", None, "text/plain", b'{"kind":"k"}'),
        ("count", None, "text/plain", b"2"),
        ("file", "report.pdf", "application/pdf", b"%PDF-1.7"),
        ("guess", "notes.txt", "text/plain", b"hello"),
        ("many", "a.bin", "application/octet-stream", b"A"),
        ("many", "b.bin", "application/octet-stream", b"B"),
    }


def test_multipart_without_files_is_still_multipart() -> None:
    sent = send(MultipartBody(fields={"a": "1", "b": ["x", "y"]}, files={}))
    assert sent.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    assert [(p.get_param("name", header="content-disposition"), p.get_payload()) for p in parts(sent)] == [
        ("a", "1"), ("b", "x"), ("b", "y"),
    ]


def test_binary_and_text_bodies() -> None:
    sent = send(BinaryBody(b"\x00\x01", "image/png"))
    assert sent.headers["Content-Type"] == "image/png" and sent.content == b"\x00\x01"

    class Pipe(io.RawIOBase):  # a non-seekable stream
        def __init__(self) -> None:
            self.data = io.BytesIO(b"streamed")

        def readable(self) -> bool:
            return True

        def readinto(self, b):  # type: ignore[no-untyped-def]
            chunk = self.data.read(len(b))
            b[: len(chunk)] = chunk
            return len(chunk)

    assert send(BinaryBody(Pipe())).content == b"streamed"
    text = send(TextBody("héllo", "text/csv"))
    assert text.headers["Content-Type"] == "text/csv" and text.content == "héllo".encode()
