"""Mutation check: break generated clients on purpose and prove their generated tests catch each break.

Each mutation edits one generated file of a copy of a package (a wrong path, method, dropped parameter,
misnamed body field, wrong alias, ...), the way a generator bug would. The copies are separate
top-level packages in a temporary folder (`m03_raydocs`, ...; the generated tests import relatively),
next to an unmutated copy of every package. One pytest run executes, for each mutation, the generated
tests that exercise the broken operation (`targets`); they must all pass on the unmutated copy and at
least one must fail on the mutant. A mutation whose text is no longer in the generated file fails
too, so this check cannot go quietly stale when the templates change.

Run it alone with `make mutation`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.stream_packages import STREAMS_FIXTURE, generated_package

REPO = Path(__file__).resolve().parent.parent
STREAMS_PACKAGE = "streams32"  # generated from tests/fixtures/streams-3.2.yaml (no provider streams)
GENERATED = REPO / "generated"


@dataclass(frozen=True)
class Mutation:
    id: str
    package: str
    file: str  # inside the package
    old: str  # replaced everywhere in the file (it must occur)
    new: str
    targets: tuple[str, ...]  # generated tests that exercise the change: "tests/test_x.py::test_name", or a
    # row of a module's table, "tests/test_x.py::test_documented_reply[operation-status]" (sync and async both run)

    def folder(self, index: int) -> str:
        return f"m{index:02d}_{self.package}"


MUTATIONS = (
    Mutation(
        "wrong-path",
        "raydocs",
        "resources/sessions.py",
        'path="/extractions/sessions/{sessionId}/documents/attach"',
        'path="/extractions/sessions/{sessionId}/documents/attach-existing"',
        ("tests/test_sessions.py::test_documented_reply[attach_documents-200]",),
    ),
    Mutation(
        "wrong-method",
        "raydocs",
        "resources/sessions.py",
        'method="GET",\n    path="/extractions/sessions/{sessionId}",',
        'method="DELETE",\n    path="/extractions/sessions/{sessionId}",',
        ("tests/test_sessions.py::test_documented_reply[get-200]",),
    ),
    Mutation(
        "dropped-query-parameter",
        "raydocs",
        "resources/sessions.py",
        'Param("per_page", per_page, "form", True),',
        "",
        ("tests/test_sessions.py::test_documented_reply[list_documents-200]",),
    ),
    Mutation(
        "dropped-header-parameter",
        "datawollet",
        "resources/envelopes.py",
        'headers=(Param("Origin", origin),),',
        "",
        ("tests/test_envelopes.py::test_documented_reply[get_acl-200]",),
    ),
    Mutation(
        "dropped-cookie-parameter",
        "datawollet",
        "resources/sessions.py",
        'cookies=(Param("session_key", session_key, "form", True),),',
        "",
        ("tests/test_sessions.py::test_documented_reply[start-200]",),
    ),
    Mutation(
        "wrong-path-style",
        "kodexa",
        "resources/sessions.py",
        'Param("id", id)',
        'Param("id", id, "label", False)',
        ("tests/test_sessions.py::test_documented_reply[get-200]",),
    ),
    Mutation(
        "wrong-query-name",
        "datawollet",
        "resources/envelopes.py",
        'query=(Param("session_id", session_id, "form", True),),',
        'query=(Param("sessionId", session_id, "form", True),),',
        ("tests/test_envelopes.py::test_documented_reply[get_acl-200]",),
    ),
    Mutation(
        "misnamed-json-body-field",
        "raydocs",
        "resources/sessions.py",
        '"document_ids": document_ids,',
        '"documentIds": document_ids,',
        ("tests/test_sessions.py::test_documented_reply[attach_documents-200]",),
    ),
    Mutation(
        "misnamed-optional-json-body-field",
        "alfred",
        "resources/jobs.py",
        '"propagate_metadata": propagate_metadata,',
        '"propagateMetadata": propagate_metadata,',
        ("tests/test_jobs.py::test_documented_reply[create-200]",),
    ),
    Mutation(
        "misnamed-multipart-field",
        "alfred",
        "resources/files.py",
        '"session_id": session_id,',
        '"sessionId": session_id,',
        ("tests/test_files.py::test_documented_reply[upload-200]",),
    ),
    Mutation(
        "misnamed-form-field",
        "alfred",
        "resources/auth.py",
        '"username": username,',
        '"user_name": username,',
        ("tests/test_auth.py::test_documented_reply[create_token-200]",),
    ),
    Mutation(
        "wrong-alias",
        "kodexa",
        "models.py",
        'alias="organizationId",',
        'alias="organizationID",',
        ("tests/test_sessions.py::test_documented_reply[get-200]",),
    ),
    Mutation(
        "wrong-request-content-type",
        "raydocs",
        "resources/sessions.py",
        'content_type="application/json"',
        'content_type="text/plain"',
        ("tests/test_sessions.py::test_documented_reply[create-201]",),
    ),
    Mutation(
        "success-read-as-nothing",
        "kodexa",
        "resources/sessions.py",
        '"201": ResponseSpec("json", models.Session),',
        '"201": ResponseSpec("none"),',
        ("tests/test_sessions.py::test_documented_reply[create-201]",),
    ),
    Mutation(
        "error-body-not-parsed",
        "raydocs",
        "resources/documents.py",
        '"404": models.Error,',
        "",
        ("tests/test_documents.py::test_documented_error[get-404]",),
    ),
    Mutation(
        "wrong-error-class",
        "datawollet",
        "_exceptions.py",
        "409: ConflictError,",
        "409: PreconditionFailedError,",
        ("tests/test_envelopes.py::test_documented_error[add_acl_entry-409]",),
    ),
    Mutation(
        "wrong-api-key-header",
        "kodexa",
        "_client.py",
        'ApiKeyAuth("x-api-key", "header", api_key)',
        'ApiKeyAuth("x-api-token", "header", api_key)',
        ("tests/test_sessions.py::test_documented_reply[get-200]",),
    ),
    Mutation(
        "wrong-operation-security",
        "datawollet",
        "resources/envelopes.py",
        'security=(("oauth2",),),',
        "security=None,",
        ("tests/test_envelopes.py::test_documented_reply[get_acl-200]",),
    ),
    Mutation(
        "wrong-token-url",
        "datawollet",
        "_client.py",
        'token_url="/oauth/token",',
        'token_url="/oauth2/token",',
        ("tests/test_sessions.py::test_documented_reply[resume-200]",),
    ),
    Mutation(
        "wrong-response-field-type",
        "raydocs",
        "models.py",
        "    created_at: datetime.datetime | None",
        "    created_at: str | None",
        ("tests/test_sessions.py::test_documented_reply[get-200]",),
    ),
    Mutation(
        "pager-ignores-next-page",
        "raydocs",
        "_views.py",
        "arguments = kwargs if token is None else {**kwargs, argument: token}",
        "arguments = kwargs",
        ("tests/test_sessions.py::test_iter_list_documents",),
    ),
    Mutation(
        "pager-stops-after-first-page",
        "raydocs",
        "_pagination.py",
        "        self.page_number = current + 1\n",
        "        return _STOP\n",
        ("tests/test_sessions.py::test_iter_list_documents",),
    ),
    # Streams: the SSE parser and the item parsing of a package whose document streams.
    Mutation(
        "sse-sentinel-not-recognised",
        STREAMS_PACKAGE,
        "_streaming.py",
        "event.data.strip() == self.format.sentinel",
        "event.data.strip() == self.format.sentinel + ' '",
        ("tests/test_completions.py::test_create_stream",),
    ),
    Mutation(
        "sse-empty-line-does-not-dispatch",
        STREAMS_PACKAGE,
        "_streaming.py",
        "        if not line:\n            return self._dispatch()",
        "        if not line:\n            return None",
        ("tests/test_completions.py::test_create_stream", "tests/test_chat.py::test_list_events"),
    ),
    Mutation(
        "sse-event-field-ignored",
        STREAMS_PACKAGE,
        "_streaming.py",
        'elif name == "event":',
        'elif name == "event-type":',
        ("tests/test_chat.py::test_list_events",),
    ),
    Mutation(
        "stream-items-not-validated",
        STREAMS_PACKAGE,
        "_streaming.py",
        "return reader(item_type).json(frame)",
        "return json.loads(frame)",
        ("tests/test_completions.py::test_create_stream", "tests/test_logs.py::test_tail"),
    ),
    Mutation(
        "json-lines-split-wrongly",
        STREAMS_PACKAGE,
        "_streaming.py",
        r'*lines, rest = bytes(self._pending).split(b"\n")',
        r'*lines, rest = bytes(self._pending).split(b"\r\n")',
        ("tests/test_logs.py::test_tail",),
    ),
    Mutation(
        "stream-item-type-dropped",
        STREAMS_PACKAGE,
        "resources/logs.py",
        'StreamFormat(\n            "jsonl",\n            models.LogLine,',
        'StreamFormat(\n            "jsonl",\n            None,',
        ("tests/test_logs.py::test_tail",),
    ),
)


def _both_clients(target: str) -> list[str]:
    """The node ids of a target: a table row's id gets the sync and async parameter added (a plain
    test name selects both by itself)."""
    if not target.endswith("]"):
        return [target]
    return [f"{target[:-1]}-{client}]" for client in ("sync", "async")]


def _copy(package: str, destination: Path) -> None:
    source = generated_package(STREAMS_FIXTURE, package) if package == STREAMS_PACKAGE else GENERATED / package
    shutil.copytree(source, destination, ignore=shutil.ignore_patterns("__pycache__"))


@dataclass
class _Outcome:
    ran: int
    failed: list[str]
    messages: list[str]


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, _Outcome]:
    """Build the baseline copies and every mutant, run their target tests once, sort the results by folder."""
    root = tmp_path_factory.mktemp("mutants")
    (root / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    node_ids: list[str] = []
    for package in sorted({mutation.package for mutation in MUTATIONS}):
        _copy(package, root / f"m00_{package}")
    for index, mutation in enumerate(MUTATIONS, start=1):
        folder = root / mutation.folder(index)
        _copy(mutation.package, folder)
        target = folder / mutation.file
        text = target.read_text(encoding="utf-8")
        assert mutation.old in text, f"mutation {mutation.id}: {mutation.old!r} is not in {mutation.package}/{mutation.file}; update tests/test_mutation.py"
        target.write_text(text.replace(mutation.old, mutation.new), encoding="utf-8")
        for test in mutation.targets:
            for node in _both_clients(test):
                node_ids += [f"m00_{mutation.package}/{node}", f"{folder.name}/{node}"]
    report = root / "report.xml"
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    completed = subprocess.run(
        # Plain asserts: rewriting the large generated modules of every fresh copy costs more than running them.
        [sys.executable, "-m", "pytest", "-q", "--assert=plain", "-p", "no:cacheprovider", "-p", "no:hypothesispytest",
         "-c", str(root / "pytest.ini"), "--rootdir", str(root), f"--junitxml={report}", *dict.fromkeys(node_ids)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert report.exists(), f"pytest did not run (exit {completed.returncode}):\n{completed.stdout[-4000:]}\n{completed.stderr[-4000:]}"
    results: dict[str, _Outcome] = {}
    for case in ElementTree.parse(report).getroot().iter("testcase"):
        folder = str(case.get("classname", "")).split(".")[0]
        outcome = results.setdefault(folder, _Outcome(0, [], []))
        outcome.ran += 1
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is not None:
            outcome.failed.append(f"{case.get('classname')}::{case.get('name')}")
            outcome.messages.append(str(problem.get("message", ""))[:300])
    return results


@pytest.mark.parametrize("package", sorted({mutation.package for mutation in MUTATIONS}))
def test_unmutated_copies_pass(outcomes: dict[str, _Outcome], package: str) -> None:
    """The target tests pass on an untouched copy, so a failure below is caused by the mutation."""
    outcome = outcomes.get(f"m00_{package}")
    assert outcome is not None and outcome.ran > 0, f"no baseline tests ran for {package}"
    assert outcome.failed == [], "\n".join(outcome.messages)


@pytest.mark.parametrize("index, mutation", list(enumerate(MUTATIONS, start=1)), ids=[mutation.id for mutation in MUTATIONS])
def test_generated_tests_catch_mutation(outcomes: dict[str, _Outcome], index: int, mutation: Mutation) -> None:
    outcome = outcomes.get(mutation.folder(index))
    assert outcome is not None and outcome.ran > 0, f"the target tests of {mutation.id} did not run"
    assert outcome.failed, f"mutation {mutation.id} ({mutation.package}/{mutation.file}) survived: {mutation.targets} all passed"
