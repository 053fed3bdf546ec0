"""Method names of a resource's operations, as a person would write them (the README's "Names").

An operation named by the document keeps its name, less what the resource already says:
`createSession` in `sessions` is `create`; FastAPI's generated ids (`{function}_{path words}_{method}`,
`read_item_items__item_id__get`) first lose the suffix that repeats the route. An operation without
an operationId is named from its route: `list`, `retrieve`, `create`, `update`, `delete` on the
resource's collection and item routes, the word of a sub-collection (`list_checkpoints`), the last
path word of an action (`kernels.interrupt`). Names that clash take more words from the document (the
fuller operationId, the route, the summary); a digit only when nothing else is left. An override
(`x-clientsmith-name`, or `names` of the provider in `[tool.clientsmith]`) wins over every rule.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..ground.naming import NameScope, make_identifier, snake_case

_FASTAPI_UNSAFE = re.compile(r"\W")
# Words a summary starts its meaning after; they never name a method alone.
_STOP_WORDS = frozenset(
    "a an the of for to in on by with and or from at as is are be this that these those its it all any new "
    "given specified particular current currently corresponding".split()
)
_ITEM_VERBS = {"get": "retrieve", "put": "update", "replace": "replace", "patch": "update", "delete": "delete", "post": "create", "head": "exists"}
_COLLECTION_VERBS = {"post": "create", "put": "update", "replace": "replace", "patch": "update", "delete": "delete", "head": "exists"}
# An operationId that, less its noun, is only its HTTP method: English verbs too, kept unless they
# clash; or words no person calls a method, which give way to the route's name.
_HTTP_WORDS = frozenset({"get", "patch", "delete"})
_HTTP_ONLY_WORDS = frozenset({"post", "put", "head"})
# The routes of a resource a name is most naturally about: when two operations want one name, the
# one on such a route keeps it (Prefect's `read_flow` on GET /flows/{id} is `read`; `read_flows` on
# POST /flows/filter gives way).
_CRUD_ROUTES = {("item", "get"), ("item", "put"), ("item", "patch"), ("item", "delete"), ("collection", "get"), ("collection", "post")}


@dataclass(frozen=True)
class Route:
    """What naming reads of one operation."""

    path: str
    method: str  # lower case
    operation_id: str | None  # as the document gives it
    summary: str
    returns_list: bool  # its success reply is an array
    override: str | None = None  # x-clientsmith-name, or the provider's `names`


# Words web frameworks add to the tags they make from their classes: springdoc's `pet-controller`,
# LoopBack's and NestJS's `TodoController`, ASP.NET's `OrdersController`.
_FRAMEWORK_SUFFIXES = ("controller",)


def resource_words(tag: str) -> str:
    """The words of a tag that name its resource: `TodoController` is `todo`, `pet-controller` `pet`."""
    words = snake_case(tag).split("_")
    if len(words) > 1 and words[-1] in _FRAMEWORK_SUFFIXES:
        return "_".join(words[:-1])
    return tag


def fastapi_function(operation_id: str, path: str, method: str) -> str:
    """The function name in a FastAPI-generated operationId, or the id itself."""
    suffix = f"{_FASTAPI_UNSAFE.sub('_', path)}_{method.lower()}"
    if operation_id.endswith(suffix) and len(operation_id) > len(suffix):
        return operation_id[: -len(suffix)]
    return operation_id


def without_noun(name: str, tag: str) -> str:
    """`create_session` in resource `sessions` is `create`: the words of the tag are dropped, unless
    nothing (or only a number) would be left."""
    words = name.split("_")
    noun = _noun_words(tag)
    kept = [word for word in words if word not in noun]
    if kept and kept != words and not kept[0].isdigit():
        return "_".join(kept)
    return name


def method_names(routes: list[Route], tag: str, all_paths: frozenset[str], reserved: frozenset[str]) -> list[str]:
    """A unique method name for each route of one resource, in order."""
    patched = frozenset(route.path for route in routes if route.method == "patch")
    candidates = [_candidates(route, tag, all_paths, patched) for route in routes]
    ranks = [_rank(route, tag, all_paths) for route in routes]
    chosen = [0] * len(routes)
    while True:
        by_name: dict[str, list[int]] = defaultdict(list)
        for index, options in enumerate(candidates):
            by_name[options[chosen[index]]].append(index)
        moved = False
        for name, members in by_name.items():
            if len(members) == 1 and name not in reserved:
                continue
            best = min(ranks[index] for index in members)
            keepers = [index for index in members if ranks[index] == best]
            # The one operation on the route the name belongs to keeps it; the others take more words.
            stays = keepers[0] if len(keepers) == 1 and name not in reserved else None
            for index in members:
                if index != stays and chosen[index] + 1 < len(candidates[index]):
                    chosen[index] += 1
                    moved = True
        if not moved:
            break
    final = [options[chosen[index]] for index, options in enumerate(candidates)]
    counts = Counter(final)
    # Nothing in the document tells them apart: their first name, with a digit.
    final = [candidates[index][0] if counts[name] > 1 else name for index, name in enumerate(final)]
    scope = NameScope()
    scope.reserve(*reserved)
    return [scope.claim(name) for name in final]


# ------------------------------------------------------------------ candidates


def _candidates(route: Route, tag: str, all_paths: frozenset[str], patched: frozenset[str]) -> list[str]:
    """The names an operation may take, best first."""
    if route.override:
        return [make_identifier(route.override, fallback="call")]
    words = _route_words(route.path, tag)
    if route.operation_id:
        function = snake_case(fastapi_function(route.operation_id, route.path, route.method))
        short = without_noun(function, tag)
        if short in _HTTP_ONLY_WORDS:  # `post_variable` is `variables.create`: "post" is no verb a person says
            names = [_verb(route, tag, all_paths, patched), short, function]
        elif short in _HTTP_WORDS:
            # `get_buckets` and `get_bucket` both say only "GET" once the noun is gone: on a clash the
            # route tells them apart as a person would (`list`, `retrieve`; `delete_all` beside `delete`).
            names = [short, _verb(route, tag, all_paths, patched), function]
        else:
            names = [short, function]
        names += [*_summary_names(route.summary), _joined(function, *words)]
    else:
        verb = _verb(route, tag, all_paths, patched)
        plain = _verb(route, tag, all_paths, patched, plain=True)
        names = [verb, *_summary_names(route.summary), _joined(plain, *words), _joined(plain, *_static_words(route.path))]
    last = _last_parameter(route.path)
    if last:  # routes alike but for their trailing parameters (`/digest-auth/{qop}/{user}/{passwd}/{algorithm}`)
        names.append(_joined(names[0], "by", last))
    unique: list[str] = []
    for name in names:
        identifier = make_identifier(name, fallback="call")
        if name and identifier not in unique:
            unique.append(identifier)
    return unique or ["call"]


def _verb(route: Route, tag: str, all_paths: frozenset[str], patched: frozenset[str], plain: bool = False) -> str:
    """The name of an operation without an operationId, from its method and route."""
    method = route.method
    segments = [segment for segment in route.path.split("/") if segment]
    on_item = bool(segments) and _is_parameter(segments[-1])
    tail = _route_words(route.path, tag)
    if method == "put" and route.path in patched:
        method = "replace"  # PATCH on the same route updates; PUT replaces
    if on_item:
        verb = _ITEM_VERBS.get(method, method)
        noun = _singular(tail[-1]) if tail and not plain else ""
        return _joined(verb, noun)
    collection = route.returns_list or _has_items_below(route.path, all_paths)
    if method == "get":
        verb = "list" if collection else "retrieve"
    elif method == "delete" and collection and not tail:
        verb = "delete_all"  # the collection's own route, beside the item's `delete`
    else:
        verb = _COLLECTION_VERBS.get(method, method)
    if plain or not tail:
        return verb
    word = tail[-1]
    if collection:
        return _joined(verb, word if verb == "list" else _singular(word))
    # An action or a single thing below the resource: its own word (`interrupt`, `me`).
    return word


def _rank(route: Route, tag: str, all_paths: frozenset[str]) -> int:
    """0 for an operation on a create/read/update/delete route of its resource (or sub-collection),
    1 for the rest (actions, searches), -1 for a name the user chose."""
    if route.override:
        return -1
    segments = [segment for segment in route.path.split("/") if segment]
    shape = "item" if segments and _is_parameter(segments[-1]) else "collection"
    if shape == "collection" and _route_words(route.path, tag) and not _has_items_below(route.path, all_paths):
        return 1  # an action word after the resource's own route (`/flows/filter`)
    return 0 if (shape, route.method) in _CRUD_ROUTES else 1


def _last_parameter(path: str) -> str:
    segments = [segment for segment in path.split("/") if segment]
    return snake_case(segments[-1][1:-1]) if segments and _is_parameter(segments[-1]) else ""


def _summary_names(summary: str) -> list[str]:
    """`Rename a file or directory` gives `rename`, then `rename_file`."""
    words = [word for word in snake_case(summary.split("\n", 1)[0]).split("_") if word.isalpha()]
    meaningful = [word for word in words if word not in _STOP_WORDS]
    if not meaningful:
        return []
    return [meaningful[0], "_".join(meaningful[:2])]


def _route_words(path: str, tag: str) -> list[str]:
    """The static words of the route after the resource's own noun (the last one when it is absent)."""
    statics = _static_words(path)
    noun = _noun_words(tag)
    last = max((index for index, word in enumerate(statics) if word in noun or word.replace("_", "") in noun), default=-1)
    return statics[last + 1 :] if last >= 0 else statics[-1:]


def _static_words(path: str) -> list[str]:
    return [snake_case(segment) for segment in path.split("/") if segment and not _is_parameter(segment) and snake_case(segment)]


def _has_items_below(path: str, all_paths: frozenset[str]) -> bool:
    """Whether another route of the document addresses one member below this one (`/x` and `/x/{id}`)."""
    return path.rstrip("/") + "/" in _item_parents(all_paths)


@functools.lru_cache(maxsize=4)
def _item_parents(all_paths: frozenset[str]) -> frozenset[str]:
    """Each text up to a slash, in any route, that a parameter segment follows (`/x/` of `/x/{id}/y`):
    read once per document, not once per route (Graph's 7,419 routes asked 46 million questions)."""
    parents: set[str] = set()
    for other in all_paths:
        slash = other.find("/")
        while slash >= 0:
            following = other.find("/", slash + 1)
            segment = other[slash + 1 :] if following < 0 else other[slash + 1 : following]
            if _is_parameter(segment):
                parents.add(other[: slash + 1])
            slash = following
    return frozenset(parents)


def _is_parameter(segment: str) -> bool:
    return segment.startswith("{") and segment.endswith("}")


def _noun_words(tag: str) -> set[str]:
    words = set(snake_case(tag).split("_")) | {snake_case(tag).replace("_", "")}
    words |= {_singular(word) for word in words} | {word[:-1] for word in words if word.endswith("s")}
    words |= {word + "s" for word in list(words)}
    words.discard("")
    return words


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _joined(*parts: str) -> str:
    return "_".join(part for part in parts if part)
