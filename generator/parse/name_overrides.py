"""The method names a user chose: `x-clientsmith-name` on an operation, and the provider's `names`
in `[tool.clientsmith]` (keyed by operationId or `METHOD /path`), which wins over the document."""

from __future__ import annotations

from collections.abc import Mapping

from ..ground.diagnostics import WarningSink
from ..ground.pointers import join_pointer
from ..ground.naming import make_identifier
from .operations import RawOperation

EXTENSION = "x-clientsmith-name"


def operation_overrides(raw_operations: list[RawOperation], configured: Mapping[str, str], warnings: WarningSink) -> dict[str, str]:
    """The chosen name of each operation that has one, by the operation's pointer."""
    chosen: dict[str, str] = {}
    matched: set[str] = set()
    for raw in raw_operations:
        route_key = f"{raw.method.upper()} {raw.path}"
        key = next((key for key in (raw.given_id, route_key) if key is not None and key in configured), None)
        if key is not None:
            matched.add(key)
            chosen[raw.pointer] = _checked(configured[key], f"names[{key!r}]", raw.pointer, warnings)
            continue
        value = raw.node.get(EXTENSION)
        if value is None:
            continue
        pointer = join_pointer(raw.pointer, EXTENSION)
        if not isinstance(value, str) or not value.strip():
            warnings.warn(pointer, f"{EXTENSION} must be a non-empty string; the operation is named by the usual rules")
            continue
        chosen[raw.pointer] = _checked(value, EXTENSION, pointer, warnings)
    for key in sorted(set(configured) - matched):
        warnings.warn("#/paths", f"names[{key!r}] in [tool.clientsmith] matches no operation (give an operationId or 'METHOD /path')")
    return chosen


def _checked(value: str, what: str, pointer: str, warnings: WarningSink) -> str:
    name = make_identifier(value, fallback="call")
    if name != value:
        warnings.warn(pointer, f"{what} {value!r} is no Python method name; {name!r} is used")
    return name
