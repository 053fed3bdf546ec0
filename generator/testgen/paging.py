"""The two-page walk each `iter_<method>` is tested with: the pages the server answers and what the
second request must carry.

Page 1 says a next page exists (its cursor, its `Link` header or next-page URL, a total or last page
beyond it, `has_more: true`); page 2 says it is the last. Both hold the documented reply's first items.
The test then checks the walk asked for the second page the way the convention says and stopped there.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Protocol

from ..parse.ir import BodyField, Model, NamedType, Operation, Pagination, Parameter, TypeRef
from ..ground.escaping import ident, literal
from ..parse.example_source import BODY_PART, parameter_part, reply_part
from ..parse.signatures import expected_deprecations
from .call_source import is_a, keywords as _keywords
from .example_tables import ExampleTables, PageSamples
from .views import CallCase, PagingTest, Reply, source
from .wire import concrete_json_type, concrete_status, get_at, set_at, unset_at



class CaseMaker(Protocol):
    """What the walk needs of cases.CaseMaker (which calls it): typed values and the example call."""

    models: dict[str, Model]
    examples: ExampleTables

    def resolve(self, type_ref: TypeRef) -> TypeRef: ...

    def fits(self, type_ref: TypeRef, value: Any, depth: int = 0) -> bool: ...

    def repair(self, type_ref: TypeRef, value: Any, depth: int = 0) -> Any: ...

    def placeholder(self, type_ref: TypeRef, depth: int = 0) -> Any: ...

    def repaired_reply(self, type_ref: TypeRef, text: str) -> Any: ...

    def wire_path(self, type_ref: TypeRef, path: tuple[str, ...]) -> list[str] | None: ...

    def path_type(self, type_ref: TypeRef, path: tuple[str, ...]) -> TypeRef | None: ...

    def _model_of(self, type_ref: TypeRef | None) -> Model | None: ...

    def example(self, operation: Operation, part: str, given: Mapping[str, Any] | None = None) -> Any: ...

    def call_case(self, operation: Operation, drop: str | None = None, given: Mapping[str, Any] | None = None) -> CallCase: ...

# Query parameters a next-page link of the test may set (checked against the document like any other).
_LINK_PAGE_PARAMS = ("page", "pagenumber", "pageno", "pagenum", "pageindex")
NEXT_PAGE_MARKER = "clientsmith-test-page"  # as in templates/package/tests/_contract.py.jinja
_LINK_CURSOR_PARAMS = ("cursor", "after", "pagetoken", "nexttoken", "continuationtoken", "startingafter", "marker", "since")


def paging_test(maker: CaseMaker, resource: str, operation: Operation) -> PagingTest | None:
    paging = operation.pagination
    reply = next((response for response in operation.responses if response.kind == "json"), None)
    if paging is None or reply is None:
        return None
    samples = maker.examples.pages.get(operation.operation_id, PageSamples())
    page_type = reply.type
    example = maker.repaired_reply(page_type, maker.examples.value(operation.operation_id, reply_part(reply.status)))  # shared: read only
    items_path = maker.wire_path(page_type, paging.items)
    if items_path is None:
        return None
    items = get_at(example, items_path) if items_path else example
    if not isinstance(items, list) or not items:
        sample = json.loads(samples.item_json)
        items = [maker.repair(paging.item_type, sample) if sample is not None else maker.placeholder(paging.item_type)]
    if len(items) == 1 and samples.unique_items:  # a list of unique items: a second, different item
        sample = json.loads(samples.item_json)
        other = maker.repair(paging.item_type, sample) if sample is not None else None
        if other is not None and other != items[0]:
            items = [items[0], other]
    items = (items * 2)[:2]  # two per page: a walk that took the first item for the last one shows
    if not items_path:
        first: Any = json.loads(json.dumps(items))
        second: Any = json.loads(json.dumps(items))
    else:
        if not isinstance(example, dict):
            example = {}
        first = json.loads(json.dumps(example))
        second = json.loads(json.dumps(example))
        set_at(first, items_path, json.loads(json.dumps(items)))
        set_at(second, items_path, json.loads(json.dumps(items)))
    pages = _Pages(maker, page_type, first, second)
    total = 2 * len(items)
    pages.set(paging.total_items, total, total)
    pages.set(paging.has_more, True, False)
    token: Any = None
    next_query: dict[str, Any] = {}
    if paging.style == "cursor":
        token, other = json.loads(samples.token_json) or [None, None]
        if token is None:
            token, other = _cursor_token(maker, operation, paging), None
        if paging.cursor_from_item is not None:
            id_wire = maker.wire_path(paging.item_type, paging.cursor_from_item)
            listed = get_at(pages.first, items_path) if items_path else pages.first
            last = listed[-1] if isinstance(listed, list) and listed else None
            if id_wire is None or not isinstance(last, dict):
                return None
            if isinstance(listed[0], dict) and listed[0] is not last and other is not None:
                set_at(listed[0], id_wire, other)  # a walk that took the first item's id shows
            set_at(last, id_wire, token)  # the walk's next cursor: the last item's id
        elif not pages.set(paging.next_cursor, token, None):
            return None
    elif paging.style == "page":
        token = paging.start + 1
        pages.set(paging.current_page, paging.start, paging.start + 1)
        pages.set(paging.last_page, paging.start + 1, paging.start + 1)
        pages.set(paging.page_count, 2, 2)
    elif paging.style == "offset":
        token = paging.start + len(items)
    elif paging.style == "next_url":
        if not pages.set(paging.next_url, "https://api.example.test/replaced-by-the-test-server", None):
            return None
    if paging.style in ("link", "next_url"):
        next_query = _link_query(maker, operation)
    ends = any(getattr(paging, name) is not None for name in ("total_items", "has_more", "last_page", "page_count")) or paging.style in ("cursor", "link", "next_url")
    upper = operation.name.upper()
    status = concrete_status(reply.status, None, success=True)
    documented = ident(f"{upper}_{reply.status.upper()}") if isinstance(example, list if not items_path else dict) else ""
    replies = [
        Reply(status, reply.status, "json", ident(f"{upper}_PAGE_1"), _spelled(pages.first, example, documented), concrete_json_type(reply.content_type), (), body=pages.first),
        Reply(status, reply.status, "json", ident(f"{upper}_PAGE_2"), _spelled(pages.second, example, documented), concrete_json_type(reply.content_type), (), body=pages.second),
    ]
    if not ends:  # nothing in page 2 says it is the last: the walk asks for a third, empty one
        empty = json.loads(json.dumps(pages.second))
        if items_path:
            set_at(empty, items_path, [])
        else:
            empty = []
        replies.append(Reply(status, reply.status, "json", ident(f"{upper}_PAGE_3"), source(empty), concrete_json_type(reply.content_type), (), body=empty))
    item_type = maker.resolve(paging.item_type)
    item_check = is_a("item", f"models.{ident(item_type.name)}") if isinstance(item_type, NamedType) and item_type.name in maker.models else ""
    # A page number or offset the document requires: `iter_` defaults it to the first page, so the
    # walk's call passes that start and its first request carries it; an optional one is left out.
    in_body = paging.param_location == "body"
    body_field = _walk_body_field(operation, paging) if in_body else None
    required = _required_walk_parameter(operation, paging)
    if body_field is not None and operation.body is not None and paging.style in ("page", "offset"):
        # The walk starts from the first page: the example body's page (if any) is the start.
        start_value: Any = str(paging.start) if paging.param_text else paging.start
        example = maker.example(operation, BODY_PART)
        example = dict(example) if isinstance(example, dict) else {}
        example[body_field.wire_name] = start_value
        call = maker.call_case(operation, given={BODY_PART: example}) if body_field.required else maker.call_case(operation, drop=paging.param)
        first_token = literal(start_value) if body_field.required else ""
    elif body_field is not None:
        call = maker.call_case(operation, drop=None if body_field.required else paging.param)
        first_token = literal((call.body_sent or {}).get(body_field.wire_name)) if body_field.required and isinstance(call.body_sent, dict) else ""
    elif required is not None and paging.style in ("page", "offset"):
        call = maker.call_case(operation, given={parameter_part(required.location, required.wire_name): paging.start})
        first_token = literal(str(paging.start) if paging.param_text else paging.start)
    elif required is not None:
        # A cursor the document requires (Drive's changes start from a `startPageToken` the caller
        # fetched): `iter_` requires it too, so the walk passes the example's and sends it first.
        call = maker.call_case(operation)
        first_token = literal(call.expected[required.location].get(required.wire_name))
    else:
        call = maker.call_case(operation, drop=paging.param or None)
        first_token = ""
    arguments = list(call.arguments)
    param: Any = body_field or next((p for p in operation.parameters if p.name == paging.param), None)
    expected_token = ""
    token_read: Any = None
    if param is not None and token is not None:
        token_read = str(token) if paging.param_text else token
        expected_token = literal(token_read)
    return PagingTest(
        pages=tuple(replies),
        param_wire=paging.param_wire,
        second_token_source=expected_token,
        first_token_source=first_token,
        items_per_page=len(items),
        item_check=item_check,
        call_arguments=tuple(arguments),
        style=paging.style,
        next_query=source(next_query) if paging.style in ("link", "next_url") else "",
        next_field=literal(tuple(maker.wire_path(page_type, paging.next_url) or ())) if paging.style == "next_url" and paging.next_url else "",
        deprecations=expected_deprecations(resource, operation, _keywords(arguments)),
        call=call,
        token=token,
        token_read=token_read,
        next_page=next_query if paging.style in ("link", "next_url") else None,
        param_location=paging.param_location,
    )


def _spelled(page: Any, example: Any, documented: str) -> str:
    """Source of a page: a list page made of the documented reply's items (its constant `documented`,
    written before) says so, else the page is spelled out."""
    if documented and isinstance(example, list) and example:
        if page == example:
            return documented
        if page == example * 2:
            return f"2 * {documented}"
        if page == example[:2]:
            return f"{documented}[:2]"
    if documented and isinstance(example, dict) and isinstance(page, dict) and example and set(example) <= set(page):
        # An envelope: the documented reply with the members the page changes (its items, its total).
        changed = [f"{literal(key)}: {_spelled(value, example.get(key), f'{documented}[{literal(key)}]' if key in example else '')}" for key, value in page.items() if key not in example or example[key] != value]
        return "{**" + documented + "".join(f", {item}" for item in changed) + "}"
    return source(page)


class _Pages:
    """Page 1 and page 2 of the walk, set field by field (Python attribute paths of the reply)."""

    def __init__(self, maker: CaseMaker, page_type: TypeRef, first: Any, second: Any) -> None:
        self.maker = maker
        self.page_type = page_type
        self.first = first
        self.second = second

    def set(self, path: tuple[str, ...] | None, first_value: Any, second_value: Any) -> bool:
        """Page 1 gets `first_value`; page 2 `second_value`, where None means "none": the field left
        out, or null, or an empty string, whichever the document allows. False if the path is unknown."""
        if path is None:
            return True
        wire = self.maker.wire_path(self.page_type, path)
        if wire is None or not isinstance(self.first, dict):
            return False
        for page in (self.first, self.second):
            self._add_parents(page, path, wire)
        set_at(self.first, wire, first_value)
        if second_value is not None:
            set_at(self.second, wire, second_value)
            return True
        field_type = self.maker.path_type(self.page_type, path)
        if not self._required(path):
            unset_at(self.second, wire)
        elif field_type is not None and self.maker.fits(field_type, None):
            set_at(self.second, wire, None)
        else:
            set_at(self.second, wire, "")
        return True

    def _add_parents(self, page: Any, path: tuple[str, ...], wire: list[str]) -> None:
        """An object on the way to the field that the example left out (Impala's `pagination`) is
        added with its required members, so that the page still matches the document."""
        node = page
        for depth, key in enumerate(wire[:-1]):
            if not isinstance(node, dict):
                return
            if not isinstance(node.get(key), dict):
                node[key] = self._skeleton(self.maker.path_type(self.page_type, path[: depth + 1]), 0)
            node = node[key]

    def _skeleton(self, type_ref: TypeRef | None, depth: int) -> Any:
        model = self.maker._model_of(type_ref) if type_ref is not None else None
        if model is None or depth > 5:
            placeholder = self.maker.placeholder(type_ref) if type_ref is not None else None
            return placeholder if isinstance(placeholder, dict) else {}
        return {item.wire_name: self._skeleton(item.type, depth + 1) if self.maker._model_of(item.type) else self.maker.placeholder(item.type) for item in model.fields if item.required}

    def _required(self, path: tuple[str, ...]) -> bool:
        model = self.maker._model_of(self.maker.path_type(self.page_type, path[:-1]) if len(path) > 1 else self.page_type)
        found = next((item for item in model.fields if item.name == path[-1]), None) if model is not None else None
        return found is not None and found.required


def _cursor_token(maker: CaseMaker, operation: Operation, paging: Pagination) -> Any:
    """A cursor value of the parameter's type: the string "cursor-2", or 2 for a numeric cursor."""
    param = next((p for p in operation.parameters if p.name == paging.param), None)
    numeric = param is not None and maker.fits(param.type, 2) and not maker.fits(param.type, "x")
    return 2 if numeric else "cursor-2"


def _link_query(maker: CaseMaker, operation: Operation) -> dict[str, Any]:
    """What the test's next-page link changes in the first request's query: the page number or cursor
    parameter, when the operation has one (any documented value would do; the walk follows the link),
    else the test server's own marker (`NEXT_PAGE_MARKER` in tests/_contract.py)."""
    for names, value in ((_LINK_PAGE_PARAMS, 2), (_LINK_CURSOR_PARAMS, "cursor-2")):
        for parameter in operation.parameters:
            key = "".join(char for char in parameter.wire_name.lower() if char.isalnum())
            if parameter.location == "query" and key in names:
                example = maker.example(operation, parameter_part(parameter.location, parameter.wire_name))
                # a cursor as the document exemplifies it (patterns, lengths); a page number: 2
                wanted: Any = example if value != 2 and isinstance(example, (str, int)) and not isinstance(example, bool) and example != "" else value
                if not maker.fits(parameter.type, wanted):
                    wanted = 2 if maker.fits(parameter.type, 2) else str(value) if maker.fits(parameter.type, str(value)) else None
                if wanted is not None:
                    return {parameter.wire_name: str(wanted)}
    return {NEXT_PAGE_MARKER: "2"}


def _walk_body_field(operation: Operation, paging: Pagination) -> BodyField | None:
    """The JSON body member that carries the page, for a walk whose page travels in the body."""
    body = operation.body
    return next((item for item in body.fields if item.name == paging.param), None) if body is not None else None


def _required_walk_parameter(operation: Operation, paging: Pagination) -> Parameter | None:
    """The page number, offset or cursor parameter when the document requires it."""
    if paging.style not in ("page", "offset", "cursor") or not paging.param:
        return None
    return next((item for item in operation.parameters if item.name == paging.param and item.required), None)
