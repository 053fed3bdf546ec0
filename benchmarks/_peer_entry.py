"""Run openapi-python-client's CLI unchanged, but also save its warnings/errors as JSON.

Runs with the peer venv's Python. The peer prints each problem as a multi-line block; to count them
reliably this wraps its `handle_errors` (which still prints as usual) and writes one record per
problem to the file named by $PEER_ERRORS_JSON.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from typing import Any


def main() -> Any:
    cli: Any = importlib.import_module("openapi_python_client.cli")
    original = cli.handle_errors

    def handle_errors(errors: Any, fail_on_warning: bool = False) -> None:
        target = os.environ.get("PEER_ERRORS_JSON")
        if target:
            records = [
                {
                    "level": str(getattr(getattr(e, "level", ""), "value", getattr(e, "level", ""))),
                    "header": str(getattr(e, "header", "")),
                    "detail": str(getattr(e, "detail", "") or ""),
                }
                for e in errors
            ]
            with open(target, "w", encoding="utf-8") as stream:
                json.dump(records, stream)
        original(errors, fail_on_warning)

    cli.handle_errors = handle_errors
    sys.argv[0] = "openapi-python-client"
    return cli.app()


if __name__ == "__main__":
    sys.exit(main())
