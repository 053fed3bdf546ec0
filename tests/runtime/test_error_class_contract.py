"""The generator's copy of the runtime's status -> exception class map (docstrings name it, the
generated tests expect it) agrees with the runtime's own, status by status."""

from __future__ import annotations

from rtpkg._exceptions import status_error_class

from generator.ground.contract import error_class


def test_contract_names_the_class_the_runtime_raises() -> None:
    differ = {status: (error_class(status), status_error_class(status).__name__) for status in range(300, 600)}
    assert {status: names for status, names in differ.items() if names[0] != names[1]} == {}
