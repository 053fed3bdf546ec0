"""One spelling per value in a test module: a reply body, or what the client must parse it into, that
an earlier constant of the module already holds is written as that constant's name.

GitHub's operations answer most errors with the same `BasicError` example, and a list operation's
pages repeat its documented reply: spelled once, the module says so, and is the smaller for it.
The constants are only read (`MockServer.reply` encodes them), so sharing one object is safe.
"""

from __future__ import annotations

from dataclasses import replace

from .cases import read_of
from .views import OperationTest, Reply

# Shorter values stay where they are read: a name saves nothing and hides the value.
_SHORTEST_SHARED = 40


def shared_constants(tests: list[OperationTest]) -> list[OperationTest]:
    """`tests` (one module's, in the order the template writes their constants) with repeated values named."""
    seen: dict[str, str] = {}
    return [_shared(test, seen) for test in tests]


def _shared(test: OperationTest, seen: dict[str, str]) -> OperationTest:
    # The template's order: each reply's body then what it parses into; the streamed reply; the
    # additions; the pages.
    successes = tuple(_reply(reply, seen) for reply in test.successes)
    errors = tuple(_reply(reply, seen) for reply in test.errors)
    stream_test = test.stream_test
    if stream_test is not None:
        stream_test = replace(stream_test, reply=_reply(stream_test.reply, seen))
    additions = test.additions
    if additions is not None:
        additions = replace(additions, reply=_reply(additions.reply, seen))
    paging = test.paging
    if paging is not None:
        paging = replace(paging, pages=tuple(_reply(page, seen) for page in paging.pages))
    return replace(test, successes=successes, errors=errors, stream_test=stream_test, additions=additions, paging=paging)


def _reply(reply: Reply, seen: dict[str, str]) -> Reply:
    if not reply.constant:
        return reply
    body = _named(reply.constant, reply.body_source, seen)
    expected = reply.expected_source
    read = read_of(reply.constant)
    if body != reply.body_source and expected.startswith(read):  # a Read of the earlier, equal body: then it may be shared too
        expected = read_of(body) + expected[len(read) :]
    expected = _named(reply.expected_constant, expected, seen) if reply.expected_constant else expected
    return replace(reply, body_source=body, expected_source=expected)


def _named(name: str, value: str, seen: dict[str, str]) -> str:
    """`value`, or the name of the earlier constant that holds it (this one's name is then recorded too)."""
    if len(value) < _SHORTEST_SHARED:
        return value
    earlier = seen.setdefault(value, name)
    return value if earlier == name else earlier
