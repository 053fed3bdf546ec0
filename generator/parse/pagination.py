"""Pagination: which list operations get an `iter_<method>`, recognised from the document as published.

The conventions recognised (each announced as a located note naming the fields it uses):

- `link`: an RFC 8288 `Link` header documented on the reply; the walk follows its `rel="next"` URL.
- `next_url`: a field of the reply holding the next page's URL (`nextLink`, `next_page_url`, a `next`
  that is a URL, `links.next`, `_links.next.href`); the walk follows it.
- `cursor`: a cursor query parameter (`cursor`, `pageToken`, `nextToken`, `after`, ...) with the next
  cursor in the reply (`next_cursor`, `nextPageToken`, ...), or `starting_after`/`after` with `has_more`
  (Stripe, OpenAI): the next cursor is then the last item's `id` (or a `last_id` field).
- `page`: a page-number parameter and a page-size parameter, with a total, last-page, page-count or
  has-more field in the reply.
- `offset`: an offset parameter and a limit parameter, with a total or has-more field.

The page number, offset or cursor travels in the query of a GET, or in the JSON body of a POST (or
QUERY) search or list operation (`{"page": 2, "limit": 50}`): the walk then sets that body member.

Recognition is conservative: only operations with one JSON success reply that is a list (the reply
itself, or exactly one list field of it) are considered, and every convention but the self-describing
ones (`link`, `next_url`) needs both its request parameter and the reply field that says where the end
is. A `page` parameter alone is not pagination. `x-pagination` on an operation declares or overrides a
recognition (`x-pagination: false` turns it off); `[tool.clientsmith] pagination` picks the conventions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from ..ground.diagnostics import WarningSink
from .ir import (
    NONE,
    PAGINATION_STYLES,
    ListType,
    Model,
    NamedType,
    Operation,
    Pagination,
    Parameter,
    Primitive,
    Response,
    TypeRef,
    UnionType,
)
from ..ground.pointers import join_pointer
from .example_source import ExampleSource
from .schemas import SchemaConverter

# Names compared after `_key`: lower case, letters and digits only (`page[size]` -> `pagesize`).
PAGE_PARAMS = frozenset({"page", "pagenumber", "pageno", "pagenum", "pageindex"})
PAGE_SIZE_PARAMS = frozenset({"perpage", "pagesize", "size", "limit", "pagelimit", "count", "maxresults", "itemsperpage", "resultsperpage", "top"})
OFFSET_PARAMS = frozenset({"offset", "skip", "startindex"})
LIMIT_PARAMS = frozenset({"limit", "top", "count", "size", "pagesize", "perpage", "maxresults", "max", "take", "maxitems"})
CURSOR_PARAMS = frozenset(
    {"cursor", "pagetoken", "nexttoken", "continuationtoken", "continuation", "startingafter", "after", "pagecursor", "startcursor", "nextcursor", "marker", "nextpagetoken", "skiptoken", "startafter", "startkey"}
)
# Cursor parameters whose next value may be the last item's id (Stripe's `starting_after`, OpenAI's `after`).
AFTER_ITEM_PARAMS = frozenset({"startingafter", "after", "startafter"})
# Query parameters that show an operation is meant to be paged (a Link header on an object reply).
PAGING_HINT_PARAMS = PAGE_PARAMS | PAGE_SIZE_PARAMS | OFFSET_PARAMS | LIMIT_PARAMS | CURSOR_PARAMS | {"since", "before"}

NEXT_CURSOR_FIELDS = frozenset(
    {"nextcursor", "nextpagetoken", "nexttoken", "continuationtoken", "nextcontinuationtoken", "nextmarker", "endcursor", "nextpagecursor", "nextkey", "nextstartkey", "nextpage"}
)
NESTED_CURSOR_FIELDS = frozenset({"after", "cursor", "next"})  # only inside a paging container
LAST_ID_FIELDS = frozenset({"lastid"})  # with an `after`-style parameter and a has-more flag
NEXT_URL_FIELDS = frozenset({"next", "nextlink", "nextpage", "nextpageurl", "nexturl", "nexthref", "odatanextlink", "nextpagelink", "nextpageuri", "nexturi"})
TOTAL_FIELDS = frozenset(
    {"total", "totalcount", "totalitems", "totalresults", "totalrecords", "totalentries", "totalelements", "totalsize", "totalhits", "totalnumber", "totalitemcount", "totalrecordcount", "totalresultcount", "numfound"}
)
LAST_PAGE_FIELDS = frozenset({"lastpage", "lastpagenumber"})
PAGE_COUNT_FIELDS = frozenset({"totalpages", "pagecount", "pages", "numpages", "noofpages", "totalpagecount", "numberofpages", "pagestotal"})
CURRENT_PAGE_FIELDS = frozenset({"currentpage", "page", "pagenumber", "pageindex"})
HAS_MORE_FIELDS = frozenset({"hasmore", "hasnext", "hasnextpage", "more", "istruncated", "hasmoreitems", "hasmoreresults", "moreresults"})
# Objects of the reply that hold paging fields (`meta.total`, `paging.cursors.after`, `_links.next.href`).
CONTAINERS = frozenset({"meta", "metadata", "pagination", "paging", "pageinfo", "page", "links", "responsemetadata", "cursor", "cursors", "pagedetails", "pager", "paginationinfo", "next"})
LINK_CONTAINERS = frozenset({"links"})  # a `next` in here is a URL
# Names of the list field when a reply has more than one list.
ITEM_FIELDS = frozenset({"data", "items", "results", "value", "entries", "records", "elements", "content", "list", "rows", "hits", "nodes", "objects", "resources"})
# Page numbers, offsets and sizes: integers, or strings in documents that type every parameter a string.
NUMBER_KINDS = ("int", "str")
_URL_WORDS = re.compile(r"\b(?:url|uri|link|href)s?\b|https?://", re.IGNORECASE)
_COUNT_WORDS = re.compile(r"count|number of|\b(?:results|items|records|entries|elements|pages)\b", re.IGNORECASE)
_ZERO_BASED = re.compile(r"zero[- ]based|0[- ]based|starts? (?:at|from|with) 0|starting (?:at|from) 0|first page is 0", re.IGNORECASE)
_DECLARED_KEYS = ("style", "param", "start", "items", "current_page", "last_page", "page_count", "total_items", "next_cursor", "cursor_from_item", "has_more", "next_url")
_PATH_KEYS = ("current_page", "last_page", "page_count", "total_items", "next_cursor", "cursor_from_item", "has_more", "next_url")


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


@dataclass(frozen=True, eq=False)
class _Field:
    """A field of the reply reached from its top: Python names, wire names, type without None."""

    names: tuple[str, ...]
    wire: tuple[str, ...]
    type: TypeRef
    description: str
    schema: dict[str, Any]  # the raw property schema (format, examples)
    container: str  # key of the object holding it ("" at the top)

    @property
    def key(self) -> str:
        return _key(self.wire[-1])

    @property
    def dotted(self) -> str:
        return ".".join(self.wire)


@dataclass(frozen=True)
class _Items:
    path: tuple[str, ...]  # () when the reply is the list
    wire: str  # the list field's wire name ("" for the reply itself)
    item_type: TypeRef


class PaginationReader:
    """Reads `x-pagination` and recognises the conventions above for one operation at a time."""

    def __init__(self, document: dict[str, Any], converter: SchemaConverter, warnings: WarningSink, conventions: tuple[str, ...] = PAGINATION_STYLES, samples: ExampleSource | None = None) -> None:
        self.document = document
        self.converter = converter
        self.samples = samples
        self.warnings = warnings
        self.conventions = conventions
        self._raw_parameters: list[Any] = []  # the current operation's raw parameter lists (path item, operation)
        self._body_properties: dict[str, dict[str, Any]] = {}  # a POST's JSON body members, when its pages may travel there

    def read(self, node: dict[str, Any], path_item: dict[str, Any], pointer: str, operation: Operation) -> Pagination | None:
        """The operation's pagination: declared by `x-pagination` (`node` is the raw operation), else recognised."""
        declared = node.get("x-pagination")
        if declared is False:
            return None
        self._raw_parameters = [path_item.get("parameters"), node.get("parameters")]
        self._body_properties = self._request_properties(node) if _pages_in_body(operation) else {}
        recognisable = operation.method == "GET" or _pages_in_body(operation)
        recognised = self.recognise(operation, pointer) if self.conventions and recognisable else None
        if declared is None:
            if recognised is not None:
                self.warnings.note(pointer, f"pagination recognised ({recognised.style}): {recognised.convention}; `iter_{operation.name}` walks the pages")
            found = recognised
        else:
            found = self._declared(declared, join_pointer(pointer, "x-pagination"), operation, recognised)
        if found is None:
            return None
        parameter = next((p for p in _walk_candidates(operation, found.param_location).values() if p.name == found.param), None)
        if parameter is not None and self._text_only(parameter.type):
            found = replace(found, param_text=True)
        if self.samples is not None:
            self.samples.page_samples(found, node, operation, self._parameter_schema(parameter) if parameter is not None else {})
        return found

    def _text_only(self, type_ref: TypeRef) -> bool:
        """Whether a parameter takes only text (None aside), named aliases followed."""
        seen: set[str] = set()
        while isinstance(type_ref, NamedType) and type_ref.name in self.converter.aliases and type_ref.name not in seen:
            seen.add(type_ref.name)
            type_ref = self.converter.aliases[type_ref.name].type
        if isinstance(type_ref, UnionType):
            options = [option for option in type_ref.options if option != NONE]
            return len(options) == 1 and self._text_only(options[0])
        return type_ref == Primitive("str")

    # ------------------------------------------------------------ recognition

    def recognise(self, operation: Operation, pointer: str) -> Pagination | None:
        reply = _page_reply(operation)
        if reply is None:
            return None
        page_type = reply.type
        in_body = operation.method != "GET"
        # A POST sends its page in its body: a link or next-page URL to follow is a GET's.
        link = not in_body and "link" in self.conventions and any(name.lower() == "link" for name in reply.headers)
        query = _walk_candidates(operation, "body" if in_body else "query")
        fields = list(self._fields(page_type))
        items = self._items(page_type, operation)
        if link:
            if items is not None and (not items.path or query.keys() & PAGING_HINT_PARAMS or self._find(fields, TOTAL_FIELDS, "int")):
                return self._paging("link", items, convention='the Link header\'s rel="next" URL (RFC 8288)' + self._items_text(items))
            lists = self._lists(page_type)
            if lists:
                names = ", ".join(f"`{item.wire_name}`" for item in lists)
                self.warnings.note(pointer, f"the reply documents a Link header, but it is not recognisably a page of a list (its list fields: {names}): no iterator (declare one with x-pagination)")
        if items is None:
            return None
        for style in self.conventions:
            if in_body and style in ("link", "next_url"):
                continue
            found = self._recognise_style(style, items, fields, query, operation)
            if found is not None:
                return replace(found, param_location="body", convention=found.convention + " (the page travels in the JSON body)") if in_body else found
        return None

    def _recognise_style(self, style: str, items: _Items, fields: list[_Field], query: dict[str, Parameter], operation: Operation) -> Pagination | None:
        if not items.path:
            return None  # a bare list has no fields saying where the end is
        has_more = self._find(fields, HAS_MORE_FIELDS, "bool")
        total = self._find(fields, TOTAL_FIELDS, "int")
        if style == "next_url":
            url = self._next_url(fields)
            if url is not None:
                return self._paging("next_url", items, next_url=url.names, total_items=_names(total), has_more=_names(has_more), convention=f"the next page's URL in `{url.dotted}`" + self._items_text(items))
        elif style == "cursor":
            return self._cursor(items, fields, query, has_more)
        elif style == "page":
            page = _param(query, PAGE_PARAMS, NUMBER_KINDS)
            size = _param(query, PAGE_SIZE_PARAMS - {_key(page.wire_name)} if page else PAGE_SIZE_PARAMS, NUMBER_KINDS)
            last = self._find(fields, LAST_PAGE_FIELDS, "int")
            count = self._find(fields, PAGE_COUNT_FIELDS, "int")
            if page is None or size is None or not (total or last or count or has_more):
                return None
            start, why = self._first_page(operation, page)
            current = self._find(fields, CURRENT_PAGE_FIELDS, "int", exclude={f for f in (total, last, count) if f})
            ends = _ends(("last page", last), ("page count", count), ("total", total), ("has more", has_more))
            return self._paging(
                "page", items, param=page, start=start, current_page=_names(current), last_page=_names(last), page_count=_names(count),
                total_items=_names(total), has_more=_names(has_more),
                convention=f"page number `{page.wire_name}` from {start} ({why}), page size `{size.wire_name}`, ending by {ends}" + self._items_text(items),
            )
        elif style == "offset":
            offset = _param(query, OFFSET_PARAMS, NUMBER_KINDS)
            limit = _param(query, LIMIT_PARAMS, NUMBER_KINDS)
            if offset is None or limit is None or not (total or has_more):
                return None
            start = offset.default.value if offset.default is not None and isinstance(offset.default.value, int) and not isinstance(offset.default.value, bool) else 0
            ends = _ends(("total", total), ("has more", has_more))
            return self._paging(
                "offset", items, param=offset, start=start, total_items=_names(total), has_more=_names(has_more),
                convention=f"offset `{offset.wire_name}` from {start}, limit `{limit.wire_name}`, ending by {ends}" + self._items_text(items),
            )
        return None

    def _cursor(self, items: _Items, fields: list[_Field], query: dict[str, Parameter], has_more: _Field | None) -> Pagination | None:
        # A string `page` parameter is a cursor when the reply names the next one (OpenAI's `next_page`).
        cursor = _param(query, CURSOR_PARAMS, ("str", "int")) or _param(query, PAGE_PARAMS, ("str",))
        if cursor is None:
            return None
        # `after`, `cursor` inside a paging object (`paging.cursors.after`); `next` anywhere, when no URL
        nested = [item for item in fields if (item.container or item.key == "next") and item.key in NESTED_CURSOR_FIELDS and not self._is_url(item)]
        found = self._find(fields, NEXT_CURSOR_FIELDS, "scalar") or self._find(nested, NESTED_CURSOR_FIELDS, "scalar")
        if found is not None:
            ends = " or ".join(["no next cursor"] + (["has more"] if has_more else []))
            return self._paging(
                "cursor", items, param=cursor, next_cursor=found.names, has_more=_names(has_more),
                convention=f"cursor `{cursor.wire_name}` from `{found.dotted}`, ending by {ends}" + self._items_text(items),
            )
        if _key(cursor.wire_name) not in AFTER_ITEM_PARAMS or has_more is None:
            return None  # (a string page parameter without a next cursor is left to the page convention)
        last_id = self._find(fields, LAST_ID_FIELDS, "scalar")
        if last_id is not None:
            return self._paging(
                "cursor", items, param=cursor, next_cursor=last_id.names, has_more=has_more.names,
                convention=f"cursor `{cursor.wire_name}` from `{last_id.dotted}` while `{has_more.dotted}`" + self._items_text(items),
            )
        item_model = self._model(items.item_type)
        item_id = item_model.field_by_wire("id") if item_model is not None else None
        if item_id is None or self._kind(item_id.type) not in ("str", "int"):
            return None
        return self._paging(
            "cursor", items, param=cursor, cursor_from_item=(item_id.name,), has_more=has_more.names,
            convention=f"cursor `{cursor.wire_name}`: the last item's `id`, while `{has_more.dotted}`" + self._items_text(items),
        )

    def _next_url(self, fields: list[_Field]) -> _Field | None:
        for item in fields:
            if item.key in NEXT_URL_FIELDS and self._kind(item.type) == "str" and self._is_url(item):
                return item
            if item.key == "href" and len(item.wire) >= 2 and _key(item.wire[-2]) in NEXT_URL_FIELDS and self._kind(item.type) == "str":
                return item  # HAL: `_links.next.href`
        return None

    def _is_url(self, item: _Field) -> bool:
        """Evidence that a string field holds a URL: its format, name, description, example or container."""
        if str(item.schema.get("format", "")).lower() in ("uri", "url", "uri-reference", "iri", "iri-reference"):
            return True
        if any(word in item.key for word in ("link", "url", "uri", "href")) or item.container in LINK_CONTAINERS:
            return True
        example = item.schema.get("example")
        return bool(_URL_WORDS.search(item.description)) or (isinstance(example, str) and example.startswith(("http://", "https://", "/")))

    def _first_page(self, operation: Operation, page: Parameter) -> tuple[int, str]:
        if page.default is not None and page.default.value in (0, 1) and not isinstance(page.default.value, bool):
            return int(page.default.value), "its default"
        default = self._parameter_schema(page).get("default")
        if default in (0, 1) and not isinstance(default, bool):
            return int(default), "its default"
        minimum = self._parameter_schema(page).get("minimum")
        if minimum in (0, 1) and not isinstance(minimum, bool):
            return int(minimum), "its minimum"
        if _ZERO_BASED.search(page.description):
            return 0, "its description"
        return 1, "assumed"

    def _parameter_schema(self, parameter: Parameter) -> dict[str, Any]:
        """The raw schema of a query parameter or walked body member (the IR keeps no `minimum`)."""
        if parameter.wire_name in self._body_properties:
            return self._body_properties[parameter.wire_name]
        found: dict[str, Any] = {}
        for parameters in self._raw_parameters:
            for item in parameters if isinstance(parameters, list) else []:
                resolved = self.converter.resolve(item)
                if isinstance(resolved, dict) and resolved.get("name") == parameter.wire_name and resolved.get("in") == "query":
                    schema = self.converter.resolve(resolved.get("schema"))
                    found = schema if isinstance(schema, dict) else {}
        return found

    def _request_properties(self, node: dict[str, Any]) -> dict[str, dict[str, Any]]:
        """The JSON request body's members and their raw schemas (references followed)."""
        body = self.converter.resolve(node.get("requestBody"))
        content = body.get("content") if isinstance(body, dict) else None
        for media_type, media in (content.items() if isinstance(content, dict) else ()):
            if "json" in str(media_type).lower() and isinstance(media, dict):
                schema = self.converter.resolve(media.get("schema"))
                if isinstance(schema, dict):
                    properties = self.converter.properties_of(schema)
                    return {str(name): found for name, value in properties.items() if isinstance(found := self.converter.resolve(value), dict)}
        return {}

    # ------------------------------------------------------------ x-pagination

    def _declared(self, declared: Any, pointer: str, operation: Operation, recognised: Pagination | None) -> Pagination | None:
        if not isinstance(declared, dict):
            self.warnings.warn(pointer, "x-pagination must be a mapping or false; no pager generated")
            return recognised
        unknown = sorted(str(key) for key in declared if key not in _DECLARED_KEYS)
        if unknown:
            self.warnings.warn(pointer, f"x-pagination keys {', '.join(unknown)} are not known ({', '.join(_DECLARED_KEYS)}); ignored")
        style = declared.get("style", recognised.style if recognised is not None else "page")
        if style not in PAGINATION_STYLES:
            self.warnings.warn(pointer, f"x-pagination style {style!r} is not one of {', '.join(PAGINATION_STYLES)}; no pager generated")
            return None
        reply = _page_reply(operation)
        if reply is None:
            self.warnings.warn(pointer, "x-pagination needs exactly one JSON success response (others without a body); no pager generated")
            return None
        page_type = reply.type
        base = recognised if recognised is not None and recognised.style == style else None
        items = _Items(base.items, "", base.item_type) if base is not None else None
        if isinstance(declared.get("items"), str):
            items = self._declared_items(page_type, declared["items"], pointer)
            if items is None:
                return None
        elif items is None:
            items = self._items(page_type, operation, bare_only=True)
        if items is None:
            self.warnings.warn(pointer, "x-pagination needs `items`, the list field of the reply; no pager generated")
            return None
        paths: dict[str, tuple[str, ...] | None] = {key: getattr(base, key) if base is not None else None for key in _PATH_KEYS}
        for key in _PATH_KEYS:
            value = declared.get(key)
            if isinstance(value, str):
                path = self._wire_path(items.item_type if key == "cursor_from_item" else page_type, value)
                if path is None:
                    self.warnings.warn(pointer, f"x-pagination {key} {value!r} is not a field path of the {'item' if key == 'cursor_from_item' else 'response'}; ignored")
                paths[key] = path
        param: Parameter | None = None
        location = "query"
        if style in ("page", "cursor", "offset"):
            wire = declared.get("param", base.param_wire if base is not None else None)
            param = next((p for p in operation.parameters if p.location == "query" and p.wire_name == wire), None)
            if param is None and _pages_in_body(operation):
                param = _walk_candidates(operation, "body").get(_key(str(wire)))
                location = "body" if param is not None else location
            if param is None:
                self.warnings.warn(pointer, f"x-pagination style {style} needs `param`, a query parameter (or JSON body member) of this operation; no pager generated")
                return None
        if style == "cursor" and paths["next_cursor"] is None and paths["cursor_from_item"] is None:
            self.warnings.warn(pointer, "x-pagination style cursor needs `next_cursor` (or `cursor_from_item`); no pager generated")
            return None
        if style == "next_url" and paths["next_url"] is None:
            self.warnings.warn(pointer, "x-pagination style next_url needs `next_url`, the reply field holding the next page's URL; no pager generated")
            return None
        start = declared.get("start", base.start if base is not None else (1 if style == "page" else 0))
        made = Pagination(
            style=style,
            param=param.name if param is not None else "",
            param_wire=param.wire_name if param is not None else "",
            start=start if isinstance(start, int) and not isinstance(start, bool) else 1,
            items=items.path,
            item_type=items.item_type,
            convention=", ".join(
                [f"declared by x-pagination: style {style}"]
                + ([f"parameter `{param.wire_name}`"] if param is not None else [])
                + [f"items in `{items.wire}`" if items.wire else ("items as recognised" if items.path else "the reply is the list")]
            ),
            declared=True,
            param_location=location,
        )
        return _with_paths(made, paths)

    def _declared_items(self, page_type: TypeRef, wire: str, pointer: str) -> _Items | None:
        path = self._wire_path(page_type, wire)
        if path is None:
            self.warnings.warn(pointer, f"x-pagination items {wire!r} is not a field path of the response; no pager generated")
            return None
        leaf = self._leaf(page_type, wire)
        if not isinstance(leaf, ListType):
            self.warnings.warn(pointer, f"x-pagination items {wire!r} is not an array; no pager generated")
            return None
        return _Items(path, wire, leaf.item)

    # ------------------------------------------------------------ the reply

    def _items(self, page_type: TypeRef, operation: Operation, bare_only: bool = False) -> _Items | None:
        """Where the items are: the reply itself, or its one list field (by name when it has several)."""
        resolved = self._resolve(page_type)
        if isinstance(resolved, ListType):
            return _Items((), "", resolved.item)
        if isinstance(resolved, UnionType):
            options = [self._resolve(option) for option in resolved.options if option != NONE]
            if options and all(isinstance(option, ListType) for option in options):
                item_types = tuple(dict.fromkeys(option.item for option in options if isinstance(option, ListType)))
                return _Items((), "", item_types[0] if len(item_types) == 1 else UnionType(item_types))
            return None
        if bare_only:
            return None
        model = self._model(page_type)
        if model is None or model.field_by_wire("id") is not None:
            return None  # a reply with its own `id` is one resource (that may hold lists), not a page
        lists = self._lists(page_type)
        if len(lists) > 1:
            by_name = [item for item in lists if _key(item.wire_name) in ITEM_FIELDS]
            segments = [_key(segment) for segment in operation.path.split("/") if segment and not segment.startswith("{")]
            by_path = [item for item in lists if segments and _key(item.wire_name) == segments[-1]]
            lists = by_name if len(by_name) == 1 else by_path
        if len(lists) != 1:
            return None
        chosen = self._resolve(lists[0].type)
        assert isinstance(chosen, ListType)
        return _Items((lists[0].name,), lists[0].wire_name, chosen.item)

    def _lists(self, page_type: TypeRef) -> list[Any]:
        model = self._model(page_type)
        if model is None:
            return []
        return [item for item in model.fields if isinstance(self._resolve(item.type), ListType) and not item.write_only]

    def _fields(self, page_type: TypeRef) -> Iterator[_Field]:
        """The reply's scalar fields: top-level first, then inside paging containers (two levels deep)."""
        model = self._model(page_type)
        if model is None:
            return
        pending: list[tuple[Model, tuple[str, ...], tuple[str, ...]]] = [(model, (), ())]
        seen: set[str] = set()
        while pending:
            current, names, wire = pending.pop(0)
            if current.name in seen:
                continue
            seen.add(current.name)
            for item in current.fields:
                if item.write_only:
                    continue
                inner = self._model(item.type)
                if inner is not None:
                    if len(names) < 2 and _key(item.wire_name) in CONTAINERS:
                        pending.append((inner, names + (item.name,), wire + (item.wire_name,)))
                    continue
                schema = self.converter.property_schema(current, item.wire_name)
                yield _Field(names + (item.name,), wire + (item.wire_name,), self._resolve(item.type), item.description, schema, _key(wire[-1]) if wire else "")

    def _find(self, fields: list[_Field], names: frozenset[str], kind: str, exclude: set[_Field] | None = None) -> _Field | None:
        for item in fields:
            if item.key in names and (item not in (exclude or set())) and (self._fits(item.type, kind) or self._counted_number(item, kind)):
                return item
        return None

    def _counted_number(self, item: _Field, kind: str) -> bool:
        """A count typed `number`: only when its name or description says it counts (else an amount)."""
        return kind == "int" and self._kind(item.type) == "float" and bool(_COUNT_WORDS.search(f"{item.wire[-1]} {item.description}"))

    def _fits(self, type_ref: TypeRef, kind: str) -> bool:
        found = self._kind(type_ref)
        if kind == "scalar":
            return found in ("str", "int")
        return found == kind  # counts are integers: a `number` total is likelier an amount

    def _kind(self, type_ref: TypeRef) -> str:
        resolved = self._resolve(type_ref)
        if isinstance(resolved, Primitive) and resolved.python in ("str", "int", "float", "bool"):
            return resolved.python
        return ""

    def _model(self, type_ref: TypeRef) -> Model | None:
        return self.converter.model_for(self._resolve(type_ref))

    def _resolve(self, type_ref: TypeRef) -> TypeRef:
        """Aliases followed and None dropped: the type a value of the field has when present."""
        seen: set[str] = set()
        while True:
            if isinstance(type_ref, UnionType) and NONE in type_ref.options:
                rest = tuple(option for option in type_ref.options if option != NONE)
                type_ref = rest[0] if len(rest) == 1 else UnionType(rest, type_ref.discriminator)
                continue
            if isinstance(type_ref, NamedType) and type_ref.name in self.converter.aliases and type_ref.name not in seen:
                seen.add(type_ref.name)
                type_ref = self.converter.aliases[type_ref.name].type
                continue
            return type_ref

    def _wire_path(self, type_ref: TypeRef, wire_path: str) -> tuple[str, ...] | None:
        followed = self._follow(type_ref, wire_path)
        return followed[0] if followed is not None else None

    def _leaf(self, type_ref: TypeRef, wire_path: str) -> TypeRef | None:
        followed = self._follow(type_ref, wire_path)
        return self._resolve(followed[1]) if followed is not None else None

    def _follow(self, type_ref: TypeRef, wire_path: str) -> tuple[tuple[str, ...], TypeRef] | None:
        """The Python names along a dotted wire path through the reply's models, and the type at its end."""
        names: list[str] = []
        current = type_ref
        for segment in wire_path.split("."):
            model = self._model(current)
            found = model.field_by_wire(segment) if model is not None else None
            if found is None:
                return None
            names.append(found.name)
            current = found.type
        return tuple(names), current

    @staticmethod
    def _items_text(items: _Items) -> str:
        return f"; items in `{items.wire}`" if items.wire else "; the reply is the list"

    @staticmethod
    def _paging(style: str, items: _Items, param: Parameter | None = None, start: int = 0, convention: str = "", **paths: tuple[str, ...] | None) -> Pagination:
        made = Pagination(
            style=style,  # type: ignore[arg-type]
            param=param.name if param is not None else "",
            param_wire=param.wire_name if param is not None else "",
            start=start,
            items=items.path,
            item_type=items.item_type,
            convention=convention,
        )
        return _with_paths(made, paths)



def _page_reply(operation: Operation) -> Response | None:
    """The one JSON success reply; other success replies may only be empty (GitHub's 204 for an empty repository)."""
    json_replies = [reply for reply in operation.responses if reply.kind == "json"]
    if len(json_replies) != 1 or any(reply.kind != "none" for reply in operation.responses if reply is not json_replies[0]):
        return None
    return json_replies[0]


def _pages_in_body(operation: Operation) -> bool:
    """A POST (or QUERY) whose JSON body has members: a search or list operation may page there."""
    body = operation.body
    return operation.method in ("POST", "QUERY") and body is not None and body.kind == "json" and bool(body.fields)


def _walk_candidates(operation: Operation, location: str) -> dict[str, Parameter]:
    """What may carry the page, by `_key`: the query parameters, or the JSON body's members (as
    parameters, so that one recognition reads both)."""
    if location != "body":
        return {_key(p.wire_name): p for p in operation.parameters if p.location == "query"}
    body = operation.body
    fields = body.fields if body is not None else ()
    return {
        _key(item.wire_name): Parameter(item.name, item.wire_name, "query", item.type, item.required, "form", True, item.description)
        for item in fields
        if not item.is_file
    }


def _param(query: dict[str, Parameter], names: frozenset[str] | set[str], kinds: tuple[str, ...]) -> Parameter | None:
    for key, parameter in query.items():
        if key in names and _scalar(parameter.type) in kinds:
            return parameter
    return None


def _scalar(type_ref: TypeRef) -> str:
    if isinstance(type_ref, UnionType):
        options = [option for option in type_ref.options if option != NONE]
        kinds = {_scalar(option) for option in options}
        return kinds.pop() if len(kinds) == 1 else ""
    if isinstance(type_ref, Primitive):
        return {"float": "int"}.get(type_ref.python, type_ref.python)
    return ""


def _names(item: _Field | None) -> tuple[str, ...] | None:
    return item.names if item is not None else None


def _ends(*options: tuple[str, _Field | None]) -> str:
    return ", ".join(f"{label} `{item.dotted}`" for label, item in options if item is not None) + " or an empty page"


def _with_paths(made: Pagination, paths: dict[str, tuple[str, ...] | None]) -> Pagination:
    return replace(
        made,
        current_page=paths.get("current_page"),
        last_page=paths.get("last_page"),
        page_count=paths.get("page_count"),
        total_items=paths.get("total_items"),
        next_cursor=paths.get("next_cursor"),
        cursor_from_item=paths.get("cursor_from_item"),
        has_more=paths.get("has_more"),
        next_url=paths.get("next_url"),
    )
