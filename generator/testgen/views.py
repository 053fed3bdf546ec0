"""What the test templates render: one frozen view per generated test, and the helpers that spell it.

Spec text is untrusted: every spec-derived fragment of the Python source built here goes through
`render.literal` (values) or `render.ident` (names), the same functions as the template filters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..parse.ir import (
    Operation,
    Resource,
)
from ..ground.contract import error_class as error_class  # re-exported for cases.py
from ..ground.escaping import ident, literal


TEST_HOST = "https://api.example.test"
ACCESS_TOKEN = "test-access-token"
# Lists in replies are checked item by item up to this many items (their length always).
MAX_CHECKED_ITEMS = 3


class Encoded(str):
    """Wire bytes: the UTF-8 encoding of this text (rendered as `"text".encode()`)."""


def source(value: Any) -> str:
    """Python source for a JSON value, where `Encoded` text becomes bytes."""
    if isinstance(value, Encoded):
        return f"{literal(str(value))}.encode()"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(key)}: {source(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(source(item) for item in value) + "]"
    return literal(value)


def value_in_test(value: Any) -> Any:
    """The value `source(value)` evaluates to in the test (`Encoded` text as bytes)."""
    if isinstance(value, Encoded):
        return str(value).encode()
    if isinstance(value, dict):
        return {key: value_in_test(item) for key, item in value.items()}
    if isinstance(value, list):
        return [value_in_test(item) for item in value]
    return value


# ------------------------------------------------------------------ views


@dataclass(frozen=True)
class Argument:
    source: str  # "expr" (positional) or "name=expr"


@dataclass(frozen=True, eq=False)
class CallCase:
    """An example call's raw values (for the generation-time proof, see proof.py): the arguments,
    what the call must put on the wire by location (as the contract reads it back), and its body."""

    arguments: tuple[Argument, ...]
    expected: dict[str, dict[str, Any]]  # "path", "query", "header", "cookie": wire name -> value
    body_sent: Any  # the body as the client writes it (None: no body)
    body_expected: Any  # the body as the contract reads it back
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Reply:
    status: int
    status_key: str  # as documented: "200", "2XX", "default"
    kind: str  # json, bytes, text, none
    constant: str  # module constant holding the reply body ("" for none)
    body_source: str  # Python source of the reply body
    content_type: str
    checks: tuple[str, ...]  # assertions on `result` (success) or `body` (error)
    error_class: str = ""
    test_name: str = ""
    attempts: int = 1  # requests the client sends for this reply (an OAuth2 client retries a 401 once)
    body: Any = field(default=None, compare=False, repr=False)  # what the server sends: JSON data (kind json), else bytes
    skip: str = ""  # why the test is skipped (the generation-time proof found the reply not allowed)
    expected_constant: str = ""  # module constant holding what the client must parse the reply into ("": checked inline)
    expected_source: str = ""  # its value: the expected value `expect` walks (tests/_expect.py)

    @property
    def row_expected(self) -> str:
        """Source of what the client must make of the reply when one `expect` is the whole check (the
        test is then a row of the module's table, see `_contract.Case`); "" when it needs its own test."""
        if self.kind in ("json", "xml") and len(self.checks) == 1 and self.checks[0].startswith("expect("):
            return self.expected_constant or self.expected_source
        if self.kind == "none" and self.checks in ((), ("assert body is None",)):
            return "None"
        return ""


@dataclass(frozen=True)
class StreamTest:
    """The call that asks for the streamed twin of a JSON reply (`flag=True`) and its reply."""

    arguments: tuple[Argument, ...]
    returns: str  # the list of items the call collects
    reply: Reply


@dataclass(frozen=True)
class AdditionsTest:
    """A reply with what an API adds later: an unknown field and, if any, an unknown open-enum value."""

    reply: Reply
    checks: tuple[str, ...]
    model: str = ""  # source: the model class the reply parses into
    extra: str = ""  # source: the unknown field's wire name
    enum_field: str = ""  # source: the attribute that gets an unknown enum value ('': none)


@dataclass(frozen=True)
class PagingTest:
    pages: tuple[Reply, ...]  # two (the second the last), or three when only an empty page ends the walk
    param_wire: str  # "" when the walk follows links
    second_token_source: str  # the page number / cursor / offset the second request must carry ("": links)
    items_per_page: int
    item_check: str  # assertion on `item`, or ""
    call_arguments: tuple[Argument, ...]
    style: str = "page"
    next_query: str = ""  # link styles: source of the query parameters the test's next-page link sets
    next_field: str = ""  # style next_url: source of the wire path of the field the server puts the link in
    deprecations: tuple[str, ...] = ()  # the DeprecationWarning messages the iter_ call must give
    call: CallCase | None = field(default=None, compare=False, repr=False)  # the first request's raw values
    first_token_source: str = ""  # what the first request carries of it ("": nothing; a required page parameter's start)
    token: Any = field(default=None, compare=False, repr=False)  # the page parameter's value in the second request
    token_read: Any = field(default=None, compare=False, repr=False)  # and what the test asserts the checks read back
    next_page: dict[str, str] | None = field(default=None, compare=False, repr=False)  # link styles: what the link changes
    skip: str = ""
    param_location: str = "query"  # "body": the page travels as a member of the JSON request body


@dataclass(frozen=True)
class OperationTest:
    operation: Operation
    resource: Resource
    method_path: str  # "resource.method"
    arguments: tuple[Argument, ...]
    returns: str  # annotation of the call's result
    returns_none: bool
    expected_path: str
    expected_query: str
    expected_headers: str
    expected_cookies: str
    expected_content_type: str
    expected_body: str
    expected_security: str  # source of a tuple of scheme names, or "None" (not checkable)
    successes: tuple[Reply, ...]
    errors: tuple[Reply, ...]
    paging: PagingTest | None
    additions: AdditionsTest | None = None
    notes: tuple[str, ...] = ()
    deprecations: tuple[str, ...] = ()  # the DeprecationWarning messages the example call must give
    streams: bool = False  # the example call returns a stream: the call collects its items
    stream_test: StreamTest | None = None  # a JSON reply with a streamed twin chosen by a flag
    case: CallCase | None = field(default=None, compare=False, repr=False)  # the example call's raw values
    skip: str = ""  # why every test of the operation is skipped (the proof found its request not allowed)

    @property
    def upper(self) -> str:
        return ident(self.operation.name.upper())

    def row(self, reply: Reply) -> str:
        """Source of the table row (`_contract.Case`) that tests `reply`, a skip as its mark; "" when
        the reply needs a test function of its own (checks beyond one `expect`)."""
        expected = reply.row_expected
        if not reply.status_key or not expected:
            return ""
        name = ident(self.operation.name)
        parts = [str(reply.status), reply.constant or "NO_BODY", expected, f"_call_{name}", f"{self.upper}_REQUEST"]
        if reply.error_class:
            parts.append(ident(reply.error_class))
        if reply.constant and reply.content_type != "application/json":
            parts.append(f"content_type={literal(reply.content_type)}")
        if reply.status_key != str(reply.status):
            parts.append(f"key={literal(reply.status_key)}")
        if reply.attempts != 1:
            parts.append(f"attempts={reply.attempts}")
        return _marked(f"Case({', '.join(parts)})", self.skip or reply.skip)

    def additions_row(self) -> str:
        """Source of the `_contract.Additions` row of the additions test ("" without one)."""
        additions = self.additions
        if additions is None or not additions.model:
            return ""
        reply = additions.reply
        name = ident(self.operation.name)
        parts = [str(reply.status), reply.constant, additions.model, additions.extra, f"_call_{name}", f"{self.upper}_REQUEST"]
        if additions.enum_field != literal(""):
            parts.append(additions.enum_field)
        if reply.content_type != "application/json":
            parts.append(f"content_type={literal(reply.content_type)}")
        return _marked(f"Additions({', '.join(parts)})", self.skip)

    @property
    def sent(self) -> str:
        """Source of the `Sent` (tests/_expect.py) the example call's request must match."""
        operation = self.operation
        parts = [literal(operation.method.upper()), literal(operation.path)]
        # A part at Sent's default (empty) is left out: the reader sees only what the request carries.
        for name, value, default in (
            ("path_params", self.expected_path, "{}"),
            ("query", self.expected_query, "{}"),
            ("headers", self.expected_headers, "{}"),
            ("cookies", self.expected_cookies, "{}"),
            ("security", self.expected_security, "()"),
            ("content_type", self.expected_content_type, "None"),
            ("body", self.expected_body, "None"),
        ):
            if value != default:
                parts.append(f"{name}={value}")
        return f"Sent({', '.join(parts)})"


def _marked(row: str, skip: str) -> str:
    marked = f"pytest.param({row}, marks=pytest.mark.skip(reason={literal(skip)}))" if skip else row
    return _double_quoted(marked)


def _double_quoted(row: str) -> str:
    """`row` (one line of Python source, as `literal` spells values) with its plain single-quoted
    strings double-quoted, as the formatter writes the rest of the module (the tables are left
    unformatted: `# fmt: off`). A string with a prefix (b'', r'') or a double quote inside, and a
    triple-quoted one, stay as they are. Scanned here, not tokenized: asked for every table row."""
    if "'" not in row:
        return row
    pieces: list[str] = []
    end = 0
    for match in _STRING.finditer(row):
        text = match["text"]
        if text[0] == "'" and not text.startswith("'''") and not match["prefix"] and '"' not in text:
            pieces += [row[end : match.start("text")], '"' + text[1:-1] + '"']
            end = match.end()
    return "".join(pieces) + row[end:]


# A string literal and the character before it (a letter there is a prefix: b'', r'', f'').
_STRING = re.compile(
    r"(?P<prefix>\w?)(?P<text>"
    + "|".join(
        (
            r"'{3}(?:\\.|(?!'{3}).)*'{3}",  # triple-quoted first
            r'"{3}(?:\\.|(?!"{3}).)*"{3}',
            r"'(?:\\.|[^'\\])*'",
            r'"(?:\\.|[^"\\])*"',
        )
    )
    + ")",
    re.S,
)


@dataclass(frozen=True)
class CredentialView:
    scheme: str  # security scheme key (wire)
    location: str  # header, query, cookie; "" when the test cannot check it (custom schemes)
    name: str  # header/query/cookie name
    value: str  # the exact value the request must carry


@dataclass(frozen=True)
class ContractSetup:
    base_url: str  # the test server's URL
    base_url_argument: str | None  # passed to the client; None: its default server is `base_url`
    client_arguments: tuple[tuple[str, str], ...]  # (constructor argument, dummy value)
    credentials: tuple[CredentialView, ...]
    token_urls: tuple[str, ...]
    unchecked_token_urls: tuple[str, ...]  # token requests not held to the document (proof_token.py)
    access_token: str = ACCESS_TOKEN
    notes: tuple[str, ...] = field(default=())
    relaxations: tuple[tuple[str, str], ...] = field(default=())  # (pointer, schema JSON) replaced in the validation copy


def test_error_classes(tests: list[OperationTest]) -> list[str]:
    """The exception classes the tests of one module expect, sorted."""
    return sorted({reply.error_class for test in tests for reply in test.errors})
