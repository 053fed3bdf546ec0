"""ground/forked.py: work run in a forked child answers exactly as a plain call does."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from generator.ground import forked
from generator.ground.diagnostics import Location, SpecError
from generator.ground.forked import Forked
from generator import pipeline
from generator.pipeline import Job, build

from tests.conftest import minimal_spec, write_spec

needs_fork = pytest.mark.skipif(not forked.can_fork(), reason="no fork here (not Linux, or one processor)")


@needs_fork
def test_the_child_hands_back_its_result_and_sees_the_data_as_it_was_at_the_fork() -> None:
    data = ["before"]
    work = Forked(lambda: (os.getpid(), list(data)))
    data[0] = "after"  # changed here after the fork: the child's copy is not
    pid, seen = work.result()
    assert pid != os.getpid()
    assert seen == ["before"]


@needs_fork
def test_the_childs_refusal_is_raised_here_whole() -> None:
    def refuse() -> None:
        raise SpecError(Location("spec.yaml", 3, 5, "#/paths"), "an operationId is used twice", "operationIds must be unique")

    with pytest.raises(SpecError) as raised:
        Forked(refuse).result()
    assert raised.value.location == Location("spec.yaml", 3, 5, "#/paths")
    assert str(raised.value) == "spec.yaml:3:5: an operationId is used twice (at #/paths); operationIds must be unique"


def test_a_spec_error_pickles_by_its_parts() -> None:
    error = SpecError(Location("a.json", 1, 2, "#/x"), "bad", "fix it")
    again = pickle.loads(pickle.dumps(error))
    assert (again.location, again.message, again.hint, str(again)) == (error.location, error.message, error.hint, str(error))


@needs_fork
def test_an_answer_that_cannot_be_pickled_is_worked_out_here() -> None:
    pids: list[int] = []

    def unpicklable() -> object:
        pids.append(os.getpid())
        return lambda: None  # a lambda cannot be pickled

    answer = Forked(unpicklable).result()
    assert callable(answer)
    assert pids == [os.getpid()]  # the child's append is not seen; this one ran here


def test_not_beside_runs_the_work_here_at_once_as_a_plain_call() -> None:
    ran: list[int] = []
    work = Forked(lambda: ran.append(os.getpid()) or len(ran), beside=False)
    assert ran == [os.getpid()]  # before result() is asked for: the order of a plain call
    assert work.result() == 1 and ran == [os.getpid()]
    with pytest.raises(SpecError):  # and what it raises, at once
        Forked(lambda: (_ for _ in ()).throw(SpecError(Location("s.yaml"), "no")), beside=False)


@needs_fork
def test_a_cancelled_child_is_reaped() -> None:
    work = Forked(lambda: __import__("time").sleep(30))
    work.cancel()
    work.cancel()  # twice is harmless


@needs_fork
def test_the_keyword_checks_beside_warn_as_they_do_in_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    monkeypatch.setattr(pipeline, "_load_stages", lambda: events.append("stages"))  # no gc.freeze in the test worker
    fork = os.fork

    def counted_fork() -> int:
        pid = fork()
        if pid:
            events.append("fork")
        return pid

    monkeypatch.setattr(os, "fork", counted_fork)
    reply = {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "integer", "default": "ten"}}}}}
    spec = write_spec(tmp_path, minimal_spec(paths={"/a": {"get": {"operationId": "getA", "responses": reply}}}))
    built = [build(Job("warned", spec, tmp_path / f"out-{owns}" / "warned", "spec.yaml"), use_cache=False, owns_process=owns) for owns in (False, True)]
    # The command line's build forks for this small document too, before it imports the stages.
    assert events == ["fork", "stages"]
    assert any("default" in warning for warning in built[0].warnings)
    assert built[0].warnings == built[1].warnings
    assert built[0].files == built[1].files
