"""One piece of work run in a forked child process while this process goes on with the next stages.

The child is a copy of this process made at the fork: it sees the data as it was then, whatever this
process changes afterwards, and hands back its result (or the exception it raised) pickled through a
pipe. Where a fork cannot help or cannot be trusted (not Linux, a single processor, a caller that
does not own its process) the work simply runs here at once, as a plain call would; and in `result()`
when the child dies or its answer cannot be pickled, so the answer is always the one a plain call gives.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """A second processor to run on, and a platform where forking a running interpreter is sound."""
    if sys.platform != "linux":
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1
    except OSError:
        return False


class Forked(Generic[T]):
    """`work()` started in a child process at once (when `beside` and `can_fork()`; else run here at
    once); `result()` waits for it and returns what it returned or raises what it raised."""

    def __init__(self, work: Callable[[], T], beside: bool = True) -> None:
        self._work = work
        self._pid = 0
        self._reader = -1
        self._here: list[T] = []  # what the work returned, when it ran here
        if beside and can_fork():
            self._start()
        else:
            self._here.append(work())  # what it raises is raised here, as by a plain call

    def _start(self) -> None:
        reader, writer = os.pipe()
        sys.stdout.flush()  # buffered output must not be written twice, by the child as well
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: work, answer, and leave without running this process's exit code
            os.close(reader)
            code = 0
            try:
                try:
                    answer: tuple[bool, object] = (True, self._work())
                except BaseException as error:  # handed back: the parent raises it
                    answer = (False, error)
                with os.fdopen(writer, "wb") as stream:
                    pickle.dump(answer, stream, protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:  # noqa: BLE001 - unpicklable: the parent runs the work itself
                code = 1
            finally:
                os._exit(code)
        os.close(writer)
        self._pid = pid
        self._reader = reader

    def result(self) -> T:
        if self._here:
            return self._here[0]
        if self._pid == 0:
            return self._work()
        pid, self._pid = self._pid, 0
        with os.fdopen(self._reader, "rb") as stream:
            data = stream.read()
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0 or not data:
            return self._work()  # the child failed: the same work, here
        ok, value = pickle.loads(data)
        if not ok:
            assert isinstance(value, BaseException)
            raise value
        return value  # type: ignore[no-any-return]

    def cancel(self) -> None:
        """Stop a child whose answer is no longer wanted."""
        if self._pid == 0:
            return
        pid, self._pid = self._pid, 0
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        os.close(self._reader)
        os.waitpid(pid, 0)
