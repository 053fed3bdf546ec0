"""A resource's test module rendered operation by operation when it does not render whole.

A template that cannot be rendered for one operation's tests (a clientsmith bug: a value a filter
cannot spell) must cost that operation its tests, not the generation: the module is rendered again
without the tests of each operation it does not render for, and names them (`untested`, which the
test template prints as `# Not tested:` lines). The context is the one plan gives the template:
`tests` (testgen's views, each with its `operation`) and `untested` (sentences).
"""

from __future__ import annotations

from typing import Any, Protocol


class Renders(Protocol):
    def render(self, template: str, context: dict[str, Any]) -> str: ...


def render_by_operation(renderer: Renders, template: str, context: dict[str, Any]) -> tuple[str, list[tuple[Any, str]]]:
    """The module's text and the operations left out of it, each with why (none when it renders whole)."""
    try:
        return renderer.render(template, context), []
    except Exception:  # noqa: BLE001 - which operation is at fault is found below; else it is raised again
        tests = context.get("tests")
        if not isinstance(tests, list) or len(tests) == 0:
            raise
        kept: list[Any] = []
        left: list[tuple[Any, str]] = []
        for test in tests:
            try:
                renderer.render(template, context | {"tests": [test], "untested": ()})
                kept.append(test)
            except Exception as error:  # noqa: BLE001 - this operation's tests end here
                left.append((test.operation, f"{type(error).__name__}: {' '.join(str(error).split())[:70]}"))
        if not left:
            raise
    said = tuple(f"{operation.method.upper()} {operation.path} ({operation.name}) has no tests: its test module does not render for it ({reason}), a bug of clientsmith: please report it" for operation, reason in left)
    return renderer.render(template, context | {"tests": kept, "untested": tuple(context.get("untested", ())) + said}), [(operation, line) for (operation, _), line in zip(left, said)]
