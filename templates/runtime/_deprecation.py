"""Deprecations the API documents: marked for type checkers, warned about at call time.

Generated methods of deprecated operations carry ``@deprecated(message, category=None)``
(PEP 702: type checkers and IDEs flag every use; no warning from the decorator itself) and
call :func:`warn_deprecated` themselves, so that the ``DeprecationWarning`` names the line of
the caller's code whatever the depth of generated code in between. A deprecated parameter
or body field warns when the caller passes it.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Mapping
from types import FrameType

from ._types import NotGiven
from ._views import quiet

if sys.version_info >= (3, 13):
    from warnings import deprecated
else:
    from typing_extensions import deprecated

__all__ = ["deprecated", "warn_deprecated", "warn_deprecated_arguments"]

_PACKAGE = __name__.rpartition(".")[0] or __name__


def _caller_stacklevel() -> int:
    """The stack level of the first frame outside this package (the caller's own code)."""
    level = 1
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if not (module == _PACKAGE or module.startswith(_PACKAGE + ".")) or module.startswith(_PACKAGE + ".tests"):
            return level
        frame = frame.f_back
        level += 1
    return level


def warn_deprecated(message: str) -> None:
    if quiet():  # a later page of an `iter_` method, which warned once itself
        return
    warnings.warn(message, DeprecationWarning, stacklevel=_caller_stacklevel())


def warn_deprecated_arguments(operation: str, arguments: Mapping[str, object]) -> None:
    """A warning for each deprecated argument the caller gave (not left out)."""
    for name, value in arguments.items():
        if not isinstance(value, NotGiven):
            warn_deprecated(f"`{name}` of `{operation}` is deprecated by the API")
