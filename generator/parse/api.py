"""The parse stage's entry: the validated OpenAPI dict becomes the IR (`ir.Api`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..ground.diagnostics import WarningSink
from .ir import PAGINATION_STYLES, Api, Resource
from ..ground.contract import CLIENT_ARGUMENTS, CLIENT_ATTRIBUTES, RESERVED_RESOURCE_MODULES, RESOURCE_ATTRIBUTES, resource_class_names
from ..ground.naming import NameScope, make_identifier
from .operations import OperationParser, RawOperation, collect_operations, returns_list
from .name_overrides import operation_overrides
from .operation_names import Route, method_names, resource_words
from ..ground.relaxations import Relaxations, find_relaxations
from .example_source import NO_EXAMPLES, ExampleFactory
from .schemas import SchemaConverter
from .security import parse_security_schemes
from .servers import parse_servers
from .same_models import merge_same_models
from .webhooks import parse_webhooks
from .tag_tree import nest_resources, tag_parents
from .text import describe



def build_api(
    document: dict[str, Any],
    package: str,
    warnings: WarningSink,
    pagination: tuple[str, ...] = PAGINATION_STYLES,
    names: Mapping[str, str] | None = None,
    examples: ExampleFactory = NO_EXAMPLES,
    relaxations: Relaxations | None = None,
) -> Api:
    """The IR of `document`; `names` maps an operationId (or `METHOD /path`) to the method name the
    user chose for it (`[tool.clientsmith.providers.X.names]`); `examples` gives the test values the
    IR carries (testgen's `TestValues`; none by default); `relaxations` the document's unsatisfiable
    schemas, read here when not given (the client types a relaxed property nullable)."""
    if relaxations is None:
        relaxations = find_relaxations(document, warnings)
    converter = SchemaConverter(document, warnings, relaxations=relaxations)
    converter.convert_components()
    constructor_scope = NameScope()
    constructor_scope.reserve(*CLIENT_ARGUMENTS, "self")
    servers = parse_servers(document, constructor_scope, warnings)
    schemes = parse_security_schemes(document, package, constructor_scope, warnings)
    raw_operations = collect_operations(document, converter, warnings)
    for webhook in (document.get("webhooks") or {}):
        warnings.warn(f"#/webhooks/{webhook}", "webhooks are received, not called: no client method generated")
    parser = OperationParser(document, converter, warnings, {scheme.key for scheme in schemes}, pagination, examples)
    overrides = operation_overrides(raw_operations, names or {}, warnings)
    resources = _group_resources(raw_operations, parser, document, overrides)
    webhooks = parse_webhooks(document, converter, examples)
    raw_info = document.get("info")
    info: dict[str, Any] = raw_info if isinstance(raw_info, dict) else {}
    return merge_same_models(Api(
        title=str(info.get("title", package)),
        version=str(info.get("version", "")),
        description=describe({"description": info.get("description")}),
        package=package,
        servers=servers,
        security_schemes=schemes,
        resources=resources,
        models=converter.all_models(),
        aliases=converter.all_aliases(),
        warnings=tuple(item.render("") for item in warnings.sorted()),
        webhooks=webhooks,
        xml_shapes=parser.xml.shapes(),
    ))


def _group_resources(raw_operations: list[RawOperation], parser: OperationParser, document: dict[str, Any], overrides: dict[str, str]) -> tuple[Resource, ...]:
    # Tags that differ only in case are one resource (`Responses` and `responses`), named as first seen.
    by_tag: dict[str, list[RawOperation]] = {}
    spelling: dict[str, str] = {}
    for raw in raw_operations:
        key = raw.tag.casefold()
        spelling.setdefault(key, raw.tag)
        by_tag.setdefault(key, []).append(raw)
    tag_descriptions = {
        str(tag.get("name")): describe(tag) for tag in document.get("tags") or [] if isinstance(tag, dict)
    }
    folded_descriptions: dict[str, str] = {}
    for name, text in tag_descriptions.items():
        folded_descriptions.setdefault(name.casefold(), text)
    all_paths = frozenset(raw.path for raw in raw_operations)
    attribute_scope = NameScope()
    attribute_scope.reserve(*CLIENT_ATTRIBUTES)
    module_scope = NameScope()
    module_scope.reserve(*RESERVED_RESOURCE_MODULES)
    class_scope = NameScope()
    class_scope.reserve(*resource_class_names())
    resources: list[Resource] = []
    for key, raws in by_tag.items():
        tag = spelling[key]
        attribute = attribute_scope.claim(make_identifier(resource_words(tag), fallback="resource"))
        module = module_scope.claim(attribute)
        class_name = class_scope.claim(make_identifier(resource_words(tag), style="pascal", fallback="resource"))
        routes = [Route(raw.path, raw.method, raw.given_id, _summary(raw), returns_list(raw, parser.converter), overrides.get(raw.pointer)) for raw in raws]
        names = method_names(routes, tag, all_paths, frozenset(RESOURCE_ATTRIBUTES))
        operations = [parser.parse(raw, name) for raw, name in zip(raws, names)]
        description = tag_descriptions.get(tag) or folded_descriptions.get(key, "")
        resources.append(Resource(attribute, class_name, module, description, tuple(operations)))
    parents = tag_parents(document, parser.warnings)
    tags = [spelling[key] for key in by_tag]
    return nest_resources(resources, tags, parents, attribute_scope, class_scope, tag_descriptions, RESOURCE_ATTRIBUTES)


def _summary(raw: RawOperation) -> str:
    summary = raw.node.get("summary")
    return summary if isinstance(summary, str) else ""
