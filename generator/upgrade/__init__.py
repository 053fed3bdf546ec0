"""Upgrade stage: a Swagger 2.0 document becomes OpenAPI 3.0, so later stages see one format.

The 2.0 document is checked first, where its lines are, by the check the pipeline hands in
(`validate.swagger2.check_swagger2`): this stage comes before validate and imports none of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from ..load import LoadedSpec
from .source_pointers import source_pointer
from .swagger2 import convert, is_swagger2

# (the loaded spec, its 2.0 document, strict) -> (the document to convert, located repair notes)
Swagger2Check = Callable[[LoadedSpec, dict[str, Any], bool], tuple[dict[str, Any], list[str]]]


def upgrade_spec(spec: LoadedSpec, strict: bool, check: Swagger2Check) -> LoadedSpec:
    """`spec` as OpenAPI 3.x: itself when it is one already."""
    if not is_swagger2(spec.data):
        return spec
    data, notes = check(spec, spec.data, strict)
    return replace(spec, data=convert(data), notes=[*spec.notes, *notes], source_pointer=partial(source_pointer, data))


__all__ = ["Swagger2Check", "upgrade_spec"]
