"""What the resource template needs for deprecations and pagers (kept apart from signatures in views.py)."""

from __future__ import annotations

from ..ir import Operation, Pagination
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


def deprecation(operation: Operation) -> str:
    """The warning text of a deprecated operation."""
    return f"{operation.method} {operation.path} is deprecated by the API"


def deprecated_arguments(operation: Operation) -> list[str]:
    """Optional parameters and body fields the document marks deprecated: they warn when given."""
    names = [parameter.name for parameter in operation.parameters if parameter.deprecated and parameter.location != "path"]
    if operation.body is not None:
        names += [field.name for field in operation.body.fields if field.deprecated]
    return names


def expected_deprecations(resource: str, operation: Operation, passed: set[str]) -> tuple[str, ...]:
    """The DeprecationWarning messages a call passing the arguments `passed` gives (the texts of
    templates/runtime/_deprecation.py)."""
    messages = [deprecation(operation)] if operation.deprecated else []
    messages += [f"`{name}` of `{resource}.{operation.name}` is deprecated by the API" for name in deprecated_arguments(operation) if name in passed]
    return tuple(messages)


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
