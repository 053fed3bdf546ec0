"""Plan stage: a large API's models split into modules by the resources that use them.

Defining a pydantic model costs about a millisecond, so GitHub's 3,700 models took seconds at the first
`models.` access. Above `SPLIT_THRESHOLD` models (and aliases) `models` becomes a package whose
`__init__` imports a module on the first use of one of its names, and each model goes to:

- the module of the one resource module whose operations reach it (through their parameters, bodies,
  replies and errors, and the models those reach), named after that resource module;
- `_shared` when several resource modules reach it;
- `_webhooks` when only webhook payloads (OpenAPI 3.1 `webhooks`) reach it;
- `_unused` when nothing does.

Whatever a model references, everything that reaches it reaches too, so a resource's module imports
only from `_shared`, `_shared` only from itself, `_webhooks` from those, and `_unused` from any: the
imports never cycle (mutually recursive schemas share their reachers, hence their module). Below the
threshold one `models.py` defines everything, as it reads best and loads in a fraction of a second.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..parse.ir import Api, Discriminator, Model, NamedType, RequestBody, TypeAlias

# Models and aliases above which `models` is split (about 0.3 s of class definitions at first use).
SPLIT_THRESHOLD = 300
SHARED = "_shared"
WEBHOOKS = "_webhooks"
UNUSED = "_unused"


@dataclass(frozen=True)
class ModelModule:
    name: str  # the module's name inside the `models` package
    scope: str  # who uses its models, in words (its docstring)
    models: tuple[Model, ...]
    aliases: tuple[TypeAlias, ...]
    imports: tuple[tuple[str, tuple[str, ...]], ...]  # (module, names) it takes from other modules


def split_models(api: Api, threshold: int | None = None) -> list[ModelModule] | None:
    """The modules of `api`'s models in a fixed order, or None when one `models.py` holds them."""
    if len(api.models) + len(api.aliases) <= (SPLIT_THRESHOLD if threshold is None else threshold):
        return None
    edges: dict[str, set[str]] = {model.name: names_in(model.fields) for model in api.models}
    edges.update({alias.name: names_in(alias.type) for alias in api.aliases})
    reachers: dict[str, set[str]] = {name: set() for name in edges}
    for resource in api.resources:
        for name in _closure(names_in(resource.operations), edges):
            reachers[name].add(resource.module)
    for name in _closure(names_in(api.webhooks), edges):
        reachers[name].add(WEBHOOKS)
    home = {name: _home(users) for name, users in reachers.items()}
    modules: list[ModelModule] = []
    for module in sorted(set(home.values()), key=lambda name: (name.startswith("_"), name)):
        models = tuple(model for model in api.models if home[model.name] == module)
        aliases = tuple(alias for alias in api.aliases if home[alias.name] == module)
        wanted: dict[str, set[str]] = {}
        for defined in [model.name for model in models] + [alias.name for alias in aliases]:
            for name in edges[defined]:
                if name in home and home[name] != module:
                    wanted.setdefault(home[name], set()).add(name)
        imports = tuple((source, tuple(sorted(names))) for source, names in sorted(wanted.items()))
        modules.append(ModelModule(module, _scope(module), models, aliases, imports))
    return modules


def _home(users: set[str]) -> str:
    resources = users - {WEBHOOKS}
    if len(resources) == 1:
        return next(iter(resources))
    if resources:
        return SHARED
    return WEBHOOKS if users else UNUSED


def _scope(module: str) -> str:
    if module == SHARED:
        return "used by several resources"
    if module == WEBHOOKS:
        return "used only in webhook payloads"
    if module == UNUSED:
        return "that no operation or webhook uses"
    return f"used by the `{module}` resource only"


def _closure(start: set[str], edges: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    stack = [name for name in start if name in edges]
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        stack.extend(other for other in edges.get(name, ()) if other not in seen)
    return seen


def names_in(value: object) -> set[str]:
    """Every model or alias name an IR value refers to (its types, discriminators, body models)."""
    found: set[str] = set()
    seen: set[int] = set()  # IR objects already walked: the IR shares them (a type used in many places)
    stack = [value]
    while stack:  # a loop, not nested generators: GitHub's IR is ~760,000 values deep in all
        item = stack.pop()
        if isinstance(item, (tuple, list)):
            stack.extend(item)
            continue
        names = _field_names(type(item))
        if names is None or id(item) in seen:
            continue
        seen.add(id(item))  # `value` holds it, so its id() is not reused during the walk
        if isinstance(item, NamedType):
            found.add(item.name)
        elif isinstance(item, Discriminator):
            for _, selected in item.selections():
                found.update(selected)
            found.update(item.untagged)
        elif isinstance(item, RequestBody) and item.model is not None:
            found.add(item.model)
        for name in names:
            member = getattr(item, name)
            if not isinstance(member, _PLAIN):  # texts, numbers, flags: no names in them
                stack.append(member)
    return found


_PLAIN = (str, int, float, bool, type(None))


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """A dataclass's field names; None for any other type (its values hold no IR)."""
    if cls not in _FIELDS:
        _FIELDS[cls] = tuple(item.name for item in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None
    return _FIELDS[cls]
