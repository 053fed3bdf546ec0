"""Values kept as JSON text in the IR and the test plan (so their nodes stay hashable)."""

from __future__ import annotations

import json
from typing import Any


def to_json_text(value: Any) -> str:
    """Canonical JSON text of a value."""
    return json.dumps(value, ensure_ascii=False, sort_keys=False, default=str)
