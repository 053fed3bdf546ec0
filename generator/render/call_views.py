"""What the resource template needs for deprecations and pagers (kept apart from signatures in views.py)."""

from __future__ import annotations

from ..parse.ir import Operation, Pagination
from ..parse.signatures import deprecated_arguments
from .stream_views import has_overloads
from .filters import literal

PAGING_CLASSES = {"page": "PageNumberPaging", "cursor": "CursorPaging", "offset": "OffsetPaging", "link": "LinkPaging", "next_url": "NextUrlPaging"}
# The fields each runtime paging class takes (besides `items`), in its order.
_PAGING_FIELDS = {
    "page": ("current_page", "last_page", "page_count", "total_items", "has_more"),
    "cursor": ("next_cursor", "cursor_from_item", "has_more"),
    "offset": ("total_items", "has_more"),
    "link": (),
    "next_url": ("next_url", "total_items", "has_more"),
}


def split_raw(operation: Operation) -> bool:
    """Whether the raw-response method has a private implementation `_<name>` beside its public one.

    Overloaded signatures need it, and so do deprecations: the public methods warn once and call the
    implementation, which does not.
    """
    return has_overloads(operation) or operation.deprecated or bool(deprecated_arguments(operation))


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
