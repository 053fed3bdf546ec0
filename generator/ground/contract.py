"""The template contract: the names the templates define or import, kept here once.

A name from a document must not take a name a generated module already binds, or the module
breaks (a tag called `type` broke `type[BaseException]`; a query parameter `cast` broke the call
that builds the request). The parse stage reserves these names when it claims identifiers, the
proof (testgen) loads the runtime and validation modules in the order below, and
tests/test_template_contract.py holds every generated package to this list: a template that binds
a new name fails there until the name is added here.
"""

from __future__ import annotations

# ---------------------------------------------------------------- resource modules (resources/*.py)

# Every name a resource module binds at its top and uses inside its methods: an argument of the same
# name would shadow it there, and a resource class of the same name would replace it.
RESOURCE_MODULE_NAMES = frozenset(
    """
    annotations builtins datetime Mapping Sequence SequenceNotStr cached_property Any Literal cast overload TYPE_CHECKING models
    BinaryBody FormBody JsonBody MultipartBody TextBody XmlBody XmlSchema XML_SHAPES AsyncAPIClient Endpoint
    RawResponse RequestOptions ResponseSpec CallOptions Unpack SyncAPIClient AsyncStreamedResponseManager StreamedResponseManager
    AsyncStream ServerSentEvent Stream StreamFormat given given_files merge_body deprecated warn_deprecated
    warn_deprecated_arguments AsyncPager CursorPaging LinkPaging NextUrlPaging OffsetPaging PageNumberPaging
    SyncPager Param NOT_GIVEN FileContent FileInput NotGiven TimeoutTypes
    to_page to_page_async to_pager to_pager_async to_raw to_raw_async to_streamed to_streamed_async as_base64
    """.split()
)
# Keyword arguments every generated method has (the runtime's `CallOptions`, taken as
# `**call_options`); spec parameters must not take these names.
CALL_OPTIONS = ("timeout", "max_retries", "extra_headers", "extra_query", "extra_body", "call_options")
# Attributes of a generated resource class; an operation must not take these names.
RESOURCE_ATTRIBUTES = ("with_raw_response", "with_streaming_response", "cached_property", "deprecated", "overload", "str", "int", "float", "bool", "bytes", "object", "type", "models", "builtins", "datetime", "Any", "Literal")
# Resource module names that would collide with a file of the package: `tests/test_client.py`
# belongs to the client's own tests. Only the file is renamed, never the attribute.
RESERVED_RESOURCE_MODULES = ("client", "__init__")

# ---------------------------------------------------------------- the client (_client.py)

# What _client.py imports or defines besides the resource classes and the names above: a resource
# class (and its `Async` twin) must not take these either.
CLIENT_MODULE_NAMES = frozenset(
    """
    Client AsyncClient TracebackType ApiKeyAuth BasicAuth BearerAuth OAuth2ClientCredentials OAuth2Password SERVERS
    """.split()
)
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
# The client constructor's own arguments; a credential argument must not take these names.
CLIENT_ARGUMENTS = (
    "base_url", "auth", "timeout", "max_retries", "default_headers", "http_client",
    "strict_response_validation", "follow_redirects",
)

# ---------------------------------------------------------------- models (models.py)

# Names a generated module uses itself (models.py's imports and annotations): a field or parameter
# must never shadow them.
RESERVED_TYPING_NAMES = frozenset(
    {
        "Any", "Literal", "Field", "BaseModel", "datetime", "typing", "httpx", "builtins",
        "str", "int", "float", "bool", "bytes", "list", "dict", "None", "object", "models",
        "self", "cls", "Annotated", "Union", "Optional", "ClassVar", "NotGiven", "NOT_GIVEN",
    }
)
# Attributes of pydantic.BaseModel (the runtime's `_models.BaseModel`) that a field must not replace.
RESERVED_MODEL_ATTRIBUTES = frozenset(
    {
        "model_config", "model_fields", "model_computed_fields", "model_extra", "model_fields_set",
        "model_construct", "model_copy", "model_dump", "model_dump_json", "model_json_schema",
        "model_parametrized_name", "model_post_init", "model_rebuild", "model_validate",
        "model_validate_json", "model_validate_strings", "dict", "json", "copy", "parse_obj",
        "parse_raw", "parse_file", "from_orm", "construct", "schema", "schema_json", "validate",
        "update_forward_refs", "fields", "register",
    }
)

# ---------------------------------------------------------------- the modules the proof loads

# The runtime modules (templates/runtime/) the serializers need, in import order. Not `_models`: no
# serializer imports it (`_wire.is_model` looks pydantic up only if loaded), and it would import pydantic
# (~60 ms) into a run that otherwise needs none (a document whose keyword checks run beside).
RUNTIME_MODULES = ("_types", "_wire", "_xml", "_params", "_bodies", "_exceptions", "_auth")
# The generated tests' checking modules (templates/package/tests/), in import order: the entry last.
VALIDATION_MODULES = (
    "_validation_document",
    "_validation_unions",
    "_validation_prepared",
    "_validation_schemas",
    "_validation_routes",
    "_validation_styles",
    "_validation_bodies",
    "_validation_wire",
    "_validation_reader",
    "_validation",
)


def resource_class_names() -> frozenset[str]:
    """The names a resource class (and, without `Async`, its twin's) must not take."""
    bound = RESOURCE_MODULE_NAMES | CLIENT_MODULE_NAMES
    return bound | {name[len("Async") :] for name in bound if name.startswith("Async")}


# ---------------------------------------------------------------- the runtime's exceptions (_exceptions.py)

# The exception class the runtime raises per error status (templates/runtime/_exceptions.py
# `status_error_class`): docstrings name it and the generated tests expect it.
_ERROR_CLASSES = {
    400: "BadRequestError",
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    412: "PreconditionFailedError",
    422: "UnprocessableEntityError",
    429: "RateLimitError",
}


def error_class(status: int) -> str:
    """The runtime's exception class for an error status."""
    if status >= 500:
        return "InternalServerError"
    return _ERROR_CLASSES.get(status, "APIStatusError")
