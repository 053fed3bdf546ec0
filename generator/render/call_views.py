"""What the resource template needs for deprecations and pagers (kept apart from signatures in views.py)."""

from __future__ import annotations

from ..ground.contract import error_class
from ..parse.ir import Operation, Pagination
from ..parse.signatures import deprecated_arguments, has_body_overloads
from .filters import literal
from .views import operation_arguments

PAGING_CLASSES = {"page": "PageNumberPaging", "cursor": "CursorPaging", "offset": "OffsetPaging", "link": "LinkPaging", "next_url": "NextUrlPaging"}
# The fields each runtime paging class takes (besides `items`), in its order.
_PAGING_FIELDS = {
    "page": ("current_page", "last_page", "page_count", "total_items", "has_more"),
    "cursor": ("next_cursor", "cursor_from_item", "has_more"),
    "offset": ("total_items", "has_more"),
    "link": (),
    "next_url": ("next_url", "total_items", "has_more"),
}


def raised_for(status: str) -> str:
    """How a docstring's `Raises:` names the exception of a documented status ("404", "5XX", "default")."""
    if status.isdigit():
        return f"{error_class(int(status))}: on {status}"
    if status.upper() == "5XX":
        return "InternalServerError: on 5XX"
    if status.upper() == "4XX":
        return "APIStatusError: on 4XX (its subclass for the status, e.g. `NotFoundError` on 404)"
    return "APIStatusError: on any other error status (its subclass for the status)"


def pager_note(operation: Operation, is_async: bool) -> str:
    """How an `iter_` method walks the pages, said the way a caller pages (docstring text, not escaped)."""
    pagination = operation.pagination
    assert pagination is not None
    loop = "async for" if is_async else "for"
    walk = {
        "page": f"asks for page `{pagination.param}` = {pagination.start}, {pagination.start + 1}, ... in turn",
        "offset": f"moves `{pagination.param}` on by each page's length, from {pagination.start}",
        "cursor": f"passes each page's cursor back as `{pagination.param}`",
        "link": "follows the reply's `Link: <...>; rel=\"next\"` header",
        "next_url": "follows the next page's URL that each reply gives",
    }[pagination.style]
    return f"`{loop} item in iter_{operation.name}(...)` walks every page: it {walk}, and stops after the last page."


def paging_source(pagination: Pagination) -> str:
    """`PageNumberPaging(...)` (etc.): the runtime description of the operation's pages, as Python source."""
    arguments: list[str] = []
    if pagination.style in ("page", "cursor", "offset"):
        arguments.append(f"param={literal(pagination.param_wire)}")
    if pagination.style in ("page", "offset"):
        arguments.append(f"start={literal(pagination.start)}")
    arguments.append(f"items={literal(pagination.items)}")
    for name in _PAGING_FIELDS[pagination.style]:
        value = getattr(pagination, name)
        if value is not None:
            arguments.append(f"{name}={literal(value)}")
    return f"{PAGING_CLASSES[pagination.style]}({', '.join(arguments)})"


def follows_links(pagination: Pagination) -> bool:
    """Whether later pages are fetched from a URL the API gives (Link header, next-URL field)."""
    return pagination.style in ("link", "next_url")


def is_thin_pager(operation: Operation) -> bool:
    """Whether the `iter_` method is the runtime's typed view of the method (`to_pager`: its very
    arguments, no copy of its signature), rather than a method of its own: not when the method is
    overloaded, streams or warns of deprecations, or its walk takes other arguments (a page number
    the document requires is optional to `iter_`) or a page argument it passes by position."""
    pagination = operation.pagination
    if pagination is None or operation.deprecated or deprecated_arguments(operation) or has_body_overloads(operation):
        return False
    if operation.stream is not None or operation.stream_flag is not None:
        return False
    arguments = operation_arguments(operation)
    if operation_arguments(operation, variant="iter") != arguments:
        return False
    return follows_links(pagination) or any(argument.name == pagination.param and argument.keyword_only for argument in arguments)
