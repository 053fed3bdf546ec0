"""Parse stage: the validated OpenAPI dict becomes the IR (`ir.Api`). The only reader of raw specs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..diagnostics import WarningSink
from ..ir import PAGINATION_STYLES, Api, Resource
from ..naming import NameScope, make_identifier
from .operations import OperationParser, RawOperation, collect_operations, returns_list
from .name_overrides import operation_overrides
from .operation_names import Route, method_names, resource_words
from ..generated_tests.relaxations import find_relaxations
from .schemas import SchemaConverter
from .security import CLIENT_ARGUMENTS, parse_security_schemes
from .servers import parse_servers
from .webhooks import parse_webhooks
from .tag_tree import nest_resources, tag_parents
from .text import describe

# Attributes of the generated Client; a resource must not take these names. (The package's own
# modules, `models` and `errors`, are no attributes of the client: `client.models` is the API's.)
CLIENT_ATTRIBUTES = (
    "close", "aclose", "base_url", "with_options",
    # The decorators the client classes' bodies use: a resource named `property` (Azure API
    # Management's tag) made the `@property` after it its own cached_property.
    "property",
    # Names the client classes' bodies use in annotations and defaults: a resource property of the
    # same name would shadow them there (a tag called `type` broke `type[BaseException]` under mypy).
    "type", "str", "int", "float", "bool", "dict", "list", "tuple", "object", "frozenset", "os", "httpx",
    "Literal", "Mapping", "TracebackType", "BaseException", "cached_property", "NotGiven", "NOT_GIVEN",
    "TimeoutTypes", "DEFAULT_MAX_RETRIES", "SERVERS", "Client", "AsyncClient", "TYPE_CHECKING",
)
# Names the resource modules and _client.py import or define: a resource class (and its `Async`
# twin) must not take them.
RESOURCE_MODULE_NAMES = (
    "Client", "AsyncClient", "Any", "Literal", "Mapping", "Sequence", "SequenceNotStr", "TracebackType", "BinaryBody", "FormBody", "JsonBody",
    "MultipartBody", "TextBody", "XmlBody", "AsyncAPIClient", "SyncAPIClient", "Endpoint", "RawResponse",
    "RequestOptions", "ResponseSpec", "AsyncPager", "SyncPager", "CursorPaging", "PageNumberPaging", "OffsetPaging",
    "LinkPaging", "NextUrlPaging", "Param",
    "FileContent", "FileInput", "NotGiven", "TimeoutTypes", "XmlSchema", "ApiKeyAuth", "BasicAuth", "BearerAuth",
    "OAuth2ClientCredentials", "OAuth2Password", "TYPE_CHECKING", "SERVERS", "NOT_GIVEN", "XML_SHAPES",
    "Stream", "AsyncStream", "ServerSentEvent", "StreamFormat", "StreamedResponseManager", "AsyncStreamedResponseManager",
)
# Resource module names that would collide with a file of the package: `tests/test_client.py`
# belongs to the client's own tests. Only the file is renamed, never the attribute.
RESERVED_RESOURCE_MODULES = ("client", "__init__")
# Attributes of a generated resource class; an operation must not take these names.
RESOURCE_ATTRIBUTES = ("with_raw_response", "with_streaming_response", "cached_property", "deprecated", "overload", "str", "int", "float", "bool", "bytes", "object", "type", "models", "builtins", "datetime", "Any", "Literal")


def build_api(
    document: dict[str, Any],
    package: str,
    warnings: WarningSink,
    pagination: tuple[str, ...] = PAGINATION_STYLES,
    names: Mapping[str, str] | None = None,
) -> Api:
    """The IR of `document`; `names` maps an operationId (or `METHOD /path`) to the method name the
    user chose for it (`[tool.clientsmith.providers.X.names]`)."""
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
    parser = OperationParser(document, converter, warnings, {scheme.key for scheme in schemes}, pagination)
    overrides = operation_overrides(raw_operations, names or {}, warnings)
    resources = _group_resources(raw_operations, parser, document, overrides)
    webhooks = parse_webhooks(document, converter)
    raw_info = document.get("info")
    info: dict[str, Any] = raw_info if isinstance(raw_info, dict) else {}
    return Api(
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
        relaxations=tuple((item.pointer, item.schema_json, item.reason) for item in relaxations.items),
    )


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
    class_scope.reserve(*RESOURCE_MODULE_NAMES, *(name[len("Async") :] for name in RESOURCE_MODULE_NAMES if name.startswith("Async")))
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
