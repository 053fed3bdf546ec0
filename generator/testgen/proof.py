"""The generation-time proof of the generated tests: every value a test sends or answers with is
checked, before the test is written, by the code the test runs.

For each operation the test case is built as the templates will render it (cases.py). Its exact
request (proof_wire.py: the client runtime's own serializers) and every reply the test queues go
through the package's own `tests/_validation*.py` (proof_modules.py: the rendered modules, on the
`openapi.json` the tests ship; their reader, with the same readings and relaxations as at test time),
and what it reads back from the request is compared with what the test asserts it sent.

A part that fails (a parameter, the body, a reply) is given a synthesized value (examples.py),
checked the same way; a part that still fails is left out: an optional parameter or body is not
sent, a reply's test is skipped, and when what fails is the request itself (a required parameter,
the credentials) every test of the operation is skipped. Each change is one located warning and a
note in the test module. A generated test then fails only when the client is wrong, as far as the
proof can know the request: the client's conversion of Python arguments (models, datetimes) into
wire values is the one thing it takes from the case rather than from the client. The token requests
the tests' client makes on its own are proven first (proof_token.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..ground.diagnostics import WarningSink
from ..ground.relaxations import Relaxation, Relaxations
from ..parse.ir import Api, Operation, Resource
from .cases import CaseMaker, expected_security
from .contract import contract_setup
from .paging import NEXT_PAGE_MARKER
from .proof_modules import NOT_PROVEN, Templates, importable, load_runtime, load_validation
from .proof_token import prove_token_requests
from .proof_values import Places
from .proof_wire import ReplyParts, Unsendable, WireBuilder
from .example_tables import ExampleTables
from .proven import ProofNote, Proven
from .views import CallCase, OperationTest, value_in_test

if TYPE_CHECKING:
    import httpx

_MAX_ROUNDS = 8  # each round replaces or leaves out at least one part; a case has few parts
_PROBLEM_LIMIT = 70
_LOCATIONS = ("path", "query", "header", "cookie")
_MISSING: Any = object()
_NOTED = "checked at generation time: "


@dataclass(frozen=True)
class Failure:
    part: str  # "query:limit", "body", "reply:404", "stream", "paging", "call"
    problem: str  # what was found, in one short line
    source: str = ""  # for "call": the part whose failure stops the request (a required parameter)


def prove_tests(api: Api, document: dict[str, Any], spec_json: str, renderer: Templates, warnings: WarningSink, relaxations: Relaxations, tables: ExampleTables | None = None) -> tuple[Api, Proven, str | None]:
    """`api` with every operation's test values proven (replaced in `tables`, or left out, each with a
    warning), what the proof decided (its notes by operation, the schemes' test credentials), and the
    one run-level warning when the proof cannot run here (else None)."""
    reason = importable()
    if reason is not None:
        return api, Proven(), reason
    from ..parse.schemas import SchemaConverter
    from .examples import ExampleMaker
    # The tests' reading of the document: relaxed as they validate it (nullable types are the client's business).
    relaxed = Relaxations([Relaxation(item.pointer, json.loads(item.schema_json), item.reason, False) for item in relaxations.items])
    maker = ExampleMaker(SchemaConverter(document, WarningSink(), relaxations=relaxed))
    if tables is not None:
        tables.checks.clear()  # parse's check, now the maker's: it goes with the maker, at the proof's end
    context = {"api": api, "setup": contract_setup(api, relaxations)}  # as plan gives the test templates (testplan.py)
    try:
        validation = load_validation(lambda name: renderer.render(f"package/tests/{name}.jinja", context), spec_json)
        runtime = load_runtime(renderer.source_of)
    except Exception as error:  # a template override that does not load: say so, generate unproven
        return api, Proven(), f"{NOT_PROVEN}: the tests' _validation modules or the runtime do not load here ({type(error).__name__}: {error})"
    schemes = prove_token_requests(api, contract_setup(api, relaxations).base_url, validation, runtime["_auth"], maker, warnings)
    tables = tables if tables is not None else ExampleTables()  # the proof rewrites the values that fail in them
    prover = _Prover(api, validation, WireBuilder(api, runtime, validation, schemes), Places(document, maker, tables), warnings, tables)
    proven: dict[int, Operation] = {}
    for resource in api.resources:
        for operation in resource.operations:
            if id(operation) in proven:
                continue
            try:
                proven[id(operation)] = prover.operation(resource, operation)
                prover.places.keep()
            except Exception as error:  # noqa: BLE001 - one operation's proof ends here: see _Prover.unprovable
                prover.places.restore()
                prover.unprovable(operation, error)
    return replace(api, resources=_rebuilt(api.resources, proven, {})), Proven(prover.notes, schemes, prover.not_proven), None


def _rebuilt(resources: tuple[Resource, ...], proven: dict[int, Operation], done: dict[int, Resource]) -> tuple[Resource, ...]:
    """The resources (children too, which also appear in the flat list) with the proven operations."""
    result: list[Resource] = []
    for resource in resources:
        if id(resource) not in done:
            operations = tuple(proven.get(id(operation), operation) for operation in resource.operations)
            done[id(resource)] = replace(resource, operations=operations, children=_rebuilt(resource.children, proven, done))
        result.append(done[id(resource)])
    return tuple(result)


class _Prover:
    def __init__(self, api: Api, validation: Any, wire: WireBuilder, places: Places, warnings: WarningSink, tables: ExampleTables) -> None:
        self.api = api
        self.validation = validation
        self.wire = wire
        self.places = places
        self.warnings = warnings
        self.notes: dict[str, tuple[ProofNote, ...]] = {}  # by operationId: what the proof changed in its tests
        self.maker = CaseMaker(api, proof=self.notes, examples=tables)
        self._verdicts: dict[tuple[object, ...], str | None] = {}  # reply checks by what decides them
        self._entries: dict[int, tuple[dict[str, Any], str]] = {}  # documented replies as JSON (_documented)
        self.not_proven: set[str] = set()  # operationIds the proof could not run for
        self._requests: tuple[Operation | None, dict[tuple[object, ...], Any]] = (None, {})  # an operation's reads (_read)

    def operation(self, resource: Resource, operation: Operation) -> Operation:
        """The operation with the values of its tests proven: replaced or left out where they fail."""
        first: dict[str, Failure] = {}  # each part's first failure: what its own value did
        replaced: dict[str, str] = {}  # parts given another value: what the value is, in words
        left: dict[str, Failure] = {}  # parts left out ("call": every test of the operation skipped)
        tried: dict[str, int] = {}  # how many other values each part has been given
        for _ in range(_MAX_ROUNDS):
            failures = self.failures(resource, operation)
            if not failures:
                break
            for failure in failures:
                first.setdefault(failure.part, failure)
                fixed = self.places.replacement(operation, failure.part, tried.get(failure.part, 0))
                if fixed is not None:
                    replaced[failure.part] = fixed
                    tried[failure.part] = tried.get(failure.part, 0) + 1
                else:
                    out = self._leave_out(operation, first[failure.part])
                    left[out.part] = out
            self.notes[operation.operation_id] = self._notes(first, replaced, left)
            if "call" in left:
                break  # every test of the operation is skipped: nothing left to prove
        else:
            failures = self.failures(resource, operation)
            if failures:  # no round budget left (never seen): skip the operation's tests
                left["call"] = Failure("call", failures[0].problem)
                self.notes[operation.operation_id] = self._notes(first, replaced, left)
        for note in self.notes.get(operation.operation_id, ()):  # one warning per part, where its value comes from
            source = left[note.part].source if note.part in left else note.part
            self.warnings.warn(self._pointer(operation, source or note.part), "generated tests: " + note.reason.removeprefix(_NOTED))
        return operation

    def unprovable(self, operation: Operation, error: Exception) -> None:
        """The proof cannot run for `operation` (a step raised: a value it cannot build, a check that
        crashes): as for a request the checks reject, the operation's tests are skipped, the reason
        written in them, and one warning. Unproven tests could fail; skipped ones say why they do not run.
        The other operations' proofs are untouched: each runs on its own (prove_tests)."""
        reason = f"{_NOTED}the proof cannot run for this operation ({type(error).__name__}: {_clip(str(error))}); the operation's tests are skipped"
        self.notes[operation.operation_id] = (ProofNote("call", True, reason),)
        self.not_proven.add(operation.operation_id)
        self.warnings.warn(self.places.operation(operation)[0], "generated tests: " + reason.removeprefix(_NOTED) + " (a bug of clientsmith: please report it)")

    def _notes(self, first: dict[str, Failure], replaced: dict[str, str], left: dict[str, Failure]) -> tuple[ProofNote, ...]:
        """What the proof did to each part that failed, in words for the test module and the warning."""
        notes: list[ProofNote] = []
        call = left.get("call")
        for part, failure in first.items():
            if call is not None and part in (call.source, "call"):
                continue  # said by the call's note
            again = f"{replaced[part]} fails too" if part in replaced else "no other value to try"
            if part in left:
                action = f"{again}: left out of the test call" if part.startswith(_LOCATIONS) or part == "body" else f"{again}: its test is skipped"
            else:
                action = f"{replaced[part]} is used"
            notes.append(ProofNote(part, part in left, f"{_NOTED}the {_what(part)} fails on the wire ({failure.problem}); {action}"))
        if call is not None:
            source = call.source or "call"
            again = f"{replaced[source]} fails too, and the request needs it" if source in replaced else "the request needs it"
            action = f"{again}: the operation's tests are skipped" if source != "call" else "the operation's tests are skipped"
            problem = first[source].problem if source in first else call.problem
            notes.append(ProofNote("call", True, f"{_NOTED}the {_what(source)} fails on the wire ({problem}); {action}"))
        return tuple(notes)

    # -- what fails

    def failures(self, resource: Resource, operation: Operation) -> list[Failure]:
        """The parts of the operation's test case that fail, one finding per part; the replies are
        checked once the request passes (a reply is checked as the answer to that request)."""
        test = self.maker.operation(resource, operation)
        if test.skip or test.case is None:
            return []
        request, _, found = self.request(operation, test.case, test)
        if request is None or found:
            return found
        found = []
        for reply in test.successes + test.errors:
            if reply.status_key and not reply.skip:
                problem = self._reply_problem(operation, request, reply)
                if problem is not None:
                    found.append(Failure(f"reply:{reply.status_key}", problem))
        if test.stream_test is not None and not test.stream_test.reply.skip and operation.stream_flag is not None:
            streamed, _, problems = self.request(operation, test.case, None, {operation.stream_flag.wire_name: True})
            problem = problems[0].problem if problems else None
            if streamed is not None and problem is None:
                problem = self._reply_problem(operation, streamed, test.stream_test.reply)
            if problem is not None:
                found.append(Failure("stream", problem))
        if test.paging is not None and not test.paging.skip:
            problem = self._paging_problem(operation, test)
            if problem is not None:
                found.append(Failure("paging", problem))
        return found

    def request(self, operation: Operation, case: CallCase, test: OperationTest | None, body_extra: dict[str, Any] | None = None, query_extra: dict[str, Any] | None = None) -> tuple[httpx.Request | None, Any, list[Failure]]:
        """The request, what the tests' reader read from it (a `Call`, or None) and what fails in it; with
        `test`, what the test asserts of the request is compared too."""
        try:
            request = self.wire.request(operation, case, body_extra, query_extra)
        except Unsendable as error:
            return None, None, [Failure(error.part, _clip(f"the client cannot send it: {error.problem}"))]
        call = self._read(operation, request)
        if isinstance(call, AssertionError):
            return request, None, self._attributed(operation, case, call)
        if isinstance(call, Exception):  # the tests' reader itself fails on it: so would the test
            return request, None, [Failure("call", _crash(call))]
        return request, call, self._compared(operation, case, call, test) if test is not None else []

    def _read(self, operation: Operation, request: httpx.Request) -> Any:
        """What the tests' reader reads from the request (a `Call`), or what it raises. A walk's first
        request is most often the example call's own, byte for byte: read once (per operation)."""
        key = (request.method, str(request.url), tuple(request.headers.multi_items()), request.content)
        if self._requests[0] is not operation:
            self._requests = (operation, {})
        if key not in self._requests[1]:
            try:
                self._requests[1][key] = self.validation.read_call(request, (operation.method, operation.path))
            except Exception as error:  # noqa: BLE001 - the caller tells a violation from a crash
                self._requests[1][key] = error
        return self._requests[1][key]

    def _attributed(self, operation: Operation, case: CallCase, violation: AssertionError) -> list[Failure]:
        """The reader's findings by the part they are about (anything else is the call's)."""
        parameter_error, body_error = self.validation.ParameterValidationError, self.validation.RequestBodyValidationError
        found: dict[str, Failure] = {}
        for error in getattr(violation, "errors", ()):
            if isinstance(error, parameter_error):
                part = f"{error.location}:{error.name}"
                part = part if self.places.parameter_of(operation, part) is not None else "call"
            else:
                part = "body" if isinstance(error, body_error) else "call"
            found.setdefault(part, Failure(part, _problem(error)))
        for location, name in getattr(violation, "undocumented", ()):
            # A name no parameter documents: a member of an exploded object the test sends.
            owner = next((key for key, value in case.expected.get(location, {}).items() if isinstance(value, dict) and name in value), None)
            part = f"{location}:{owner}" if owner is not None else "call"
            found.setdefault(part, Failure(part, _clip(f"sends {name!r}, which the document does not name")))
        return list(found.values()) or [Failure("call", _clip(str(violation).splitlines()[0]))]

    def _compared(self, operation: Operation, case: CallCase, call: Any, test: OperationTest) -> list[Failure]:
        """Where what the reader reads back differs from what the test asserts the call sent."""
        found: list[Failure] = []
        read_back = {"path": call.path_params, "query": call.query, "header": call.headers, "cookie": call.cookies}
        for location in _LOCATIONS:
            expected = value_in_test(case.expected[location])
            if read_back[location] == expected:
                continue
            for name in sorted(set(read_back[location]) | set(expected)):
                sent, read = expected.get(name, _MISSING), read_back[location].get(name, _MISSING)
                if sent != read:
                    part = f"{location}:{name}"
                    part = part if self.places.parameter_of(operation, part) is not None and sent is not _MISSING else "call"
                    found.append(Failure(part, _clip(f"sent as {_shown(sent)}, read back as {_shown(read)}")))
        body = value_in_test(case.body_expected)
        if call.body != body:
            found.append(Failure("body", _clip(f"sent as {_shown(body)}, read back as {_shown(call.body)}")))
        security = expected_security(self.api, operation)
        if security is not None and call.security != tuple(security):
            found.append(Failure("call", _clip(f"carries the credentials of {call.security}, not of {tuple(security)}")))
        return found

    def _reply_problem(self, operation: Operation, request: httpx.Request, reply: Any, next_page: dict[str, str] | None = None, next_field: tuple[str, ...] = ()) -> str | None:
        parts = self.wire.reply_parts(request, reply, next_page, next_field)
        key = self._reply_key(operation, parts)
        if key is not None and key in self._verdicts:
            return self._verdicts[key]
        problem: str | None = None
        try:
            self.validation.check_reply(request, self.wire.as_response(request, parts), (operation.method, operation.path))
        except AssertionError as violation:
            errors = getattr(violation, "errors", ())
            problem = _problem(errors[0]) if errors else _clip(str(violation).splitlines()[0])
        except Exception as error:  # the tests' reader itself fails on it: so would the test
            problem = _crash(error)
        if key is not None:
            self._verdicts[key] = problem
        return problem

    def _reply_key(self, operation: Operation, response: ReplyParts) -> tuple[object, ...] | None:
        """What the verdict on a reply depends on, so that operations share it: the documented reply
        it is checked against (as JSON: a component many refer to, or the same inline reply; GitHub's
        3,580 reply checks come to ~1,000 distinct), the status, the headers and the bytes. The reply
        is found as the tests' reader finds it (`reply_errors`: the status, its class, `default`);
        none found is not shared. XML bodies are read with the operation's schema: never shared.
        (The response made of these parts adds only what follows from them: its content-length.)"""
        if "xml" in response.headers.get("content-type", ""):
            return None
        item = (self.validation.validation_document().get("paths") or {}).get(operation.path)
        node = item.get(operation.method.lower()) if isinstance(item, dict) else None
        responses = node.get("responses") if isinstance(node, dict) else None
        if not isinstance(responses, dict):
            return None
        status = str(response.status)
        entry = next((responses[key] for key in (status, f"{status[0]}XX", "default") if key in responses), None)
        if not isinstance(entry, dict):
            return None
        return self._documented(entry), status, tuple(sorted(response.headers.items())), response.content

    def _documented(self, entry: dict[str, Any]) -> str:
        """A documented reply as JSON text, once per reply object (the validation document lives
        through the proof, so an id is not reused)."""
        known = self._entries.get(id(entry))
        if known is None or known[0] is not entry:
            known = (entry, json.dumps(entry, sort_keys=True))
            self._entries[id(entry)] = known
        return known[1]

    def _paging_problem(self, operation: Operation, test: OperationTest) -> str | None:
        """The two-page walk: its first request, its pages, and the request for page 2."""
        paging = test.paging
        pagination = operation.pagination
        assert paging is not None and paging.call is not None and pagination is not None
        first, _, problems = self.request(operation, paging.call, None)
        if first is None or problems:
            return problems[0].problem if problems else "the first request cannot be sent"
        page_type = _page_type(operation)
        field = tuple(self.maker.wire_path(page_type, pagination.next_url) or ()) if paging.style == "next_url" and pagination.next_url and page_type is not None else ()
        for index, page in enumerate(paging.pages):
            links = paging.next_page if index == 0 else None  # page 1 links to page 2, as the test's server does
            problem = self._reply_problem(operation, first, page, links, field)
            if problem is not None:
                return f"page {index + 1}: {problem}"
        if paging.style in ("link", "next_url"):
            return self._link_problem(operation, first, paging.next_page or {})
        page_2 = {pagination.param_wire: paging.token}
        in_body = pagination.param_location == "body"
        _, call, problems = self.request(operation, paging.call, None, body_extra=page_2 if in_body else None, query_extra=None if in_body else page_2)
        if call is None or problems:
            return f"the request for page 2: {problems[0].problem}" if problems else "the request for page 2 cannot be sent"
        carrier = call.body if in_body else call.query
        read = carrier.get(pagination.param_wire, _MISSING) if isinstance(carrier, dict) else _MISSING
        if read != paging.token_read:
            return _clip(f"page 2's {pagination.param_wire!r} is sent as {_shown(paging.token_read)}, read back as {_shown(read)}")
        return None

    def _link_problem(self, operation: Operation, first: httpx.Request, next_page: dict[str, str]) -> str | None:
        """The request for page 2 that follows the link: the first one's URL with `next_page` set
        (the test server takes its own marker off again: that request is the first one)."""
        import httpx

        if NEXT_PAGE_MARKER in next_page:
            return None
        second = httpx.Request(first.method, first.url.copy_merge_params(next_page), headers=first.headers, content=first.content)
        try:
            self.validation.read_call(second, (operation.method, operation.path))
        except AssertionError as violation:
            errors = getattr(violation, "errors", ())
            return "the request for page 2: " + (_problem(errors[0]) if errors else _clip(str(violation).splitlines()[0]))
        except Exception as error:  # the tests' reader itself fails on it: so would the test
            return "the request for page 2: " + _crash(error)
        return None

    # -- what is done about it

    def _leave_out(self, operation: Operation, failure: Failure) -> Failure:
        """The part left out: itself when the tests can do without it, else the whole call."""
        if failure.part == "body":
            body = operation.body
            # The call can do without the body only when no keyword argument of it is required.
            optional = body is not None and not body.required and not any(field.required or field.required_without_body for field in body.fields)
            return failure if optional else Failure("call", failure.problem, "body")
        parameter = self.places.parameter_of(operation, failure.part)
        if parameter is not None and parameter.required:
            return Failure("call", failure.problem, failure.part)
        return failure

    def _pointer(self, operation: Operation, part: str) -> str:
        if part == "body":
            return self.places.body(operation)[0]
        if part.startswith("reply:"):
            return self.places.reply(operation, part[len("reply:") :])[0]
        parameter = self.places.parameter_of(operation, part)
        if parameter is not None:
            return self.places.parameter(operation, parameter)[0]
        return self.places.operation(operation)[0]


def _page_type(operation: Operation) -> Any:
    reply = next((response for response in operation.responses if response.kind == "json"), None)
    return reply.type if reply is not None else None


def _what(part: str) -> str:
    location, _, name = part.partition(":")
    if location in _LOCATIONS:
        return f"{location} parameter {name!r}"
    if location == "reply":
        return f"{name} reply"
    return {"body": "request body", "stream": "streamed reply", "paging": "two-page walk", "call": "request"}.get(part, part)


def _problem(error: BaseException) -> str:
    """The reader's finding in one line: the error, and the innermost schema error's message."""
    text = str(error)
    detail = ""
    cause: BaseException | None = error
    while cause is not None:
        messages = [getattr(item, "message", str(item)) for item in getattr(cause, "schema_errors", ()) or ()]
        if messages:
            detail = messages[0]
        elif cause is not error and not detail:
            detail = str(cause)
        cause = cause.__cause__
    if detail and ("(<" in text or len(text) > 40):  # the finding repeats its cause's whole text
        text = type(error).__name__
    return _clip(f"{text}: {detail}" if detail and detail not in text else text)


def _crash(error: Exception) -> str:
    return _clip(f"the check fails on it: {type(error).__name__}: {error}")


def _shown(value: Any) -> str:
    return "nothing" if value is _MISSING else repr(value)


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _PROBLEM_LIMIT else text[: _PROBLEM_LIMIT - 3] + "..."
