"""The intermediate representation: what a client needs, with every name already a safe identifier.

Only `parse` reads the raw OpenAPI dict; the planner and the templates see these frozen dataclasses.
Type annotations are computed here (`annotation()`), so templates never decide how a type is spelled.
"""

from __future__ import annotations

from functools import cached_property
from dataclasses import dataclass, field
from typing import Literal, Union

# ---------------------------------------------------------------- types


@dataclass(frozen=True)
class Primitive:
    """A Python builtin or stdlib type: 'str', 'int', 'float', 'bool', 'None', 'Any', 'bytes',
    'datetime.datetime', 'datetime.date', 'dict[str, Any]', 'FileInput'; or 'base64': bytes that
    travel as base64 text (a model field's `contentEncoding: base64` string)."""

    python: str

    def annotation(self, models_prefix: str = "", builtins_prefix: str = "") -> str:
        if self.python == "base64":
            return "bytes"  # for the caller: bytes; the model's field says how they travel
        if builtins_prefix and self.python.startswith(("dict[", "list[")):
            return builtins_prefix + self.python
        return self.python


@dataclass(frozen=True)
class LiteralType:
    """A closed set of scalar values (an enum is `LiteralType | base`, so it stays open)."""

    values: tuple[str | int | float | bool, ...]

    def annotation(self, models_prefix: str = "", builtins_prefix: str = "") -> str:
        return "Literal[" + ", ".join(repr(value) for value in self.values) + "]"


@dataclass(frozen=True)
class ListType:
    item: TypeRef

    def annotation(self, models_prefix: str = "", builtins_prefix: str = "") -> str:
        return f"{builtins_prefix}list[{self.item.annotation(models_prefix, builtins_prefix)}]"


@dataclass(frozen=True)
class DictType:
    value: TypeRef

    def annotation(self, models_prefix: str = "", builtins_prefix: str = "") -> str:
        return f"{builtins_prefix}dict[str, {self.value.annotation(models_prefix, builtins_prefix)}]"


@dataclass(frozen=True)
class NamedType:
    """A model class or type alias defined in the package's models module."""

    name: str

    def annotation(self, models_prefix: str = "", builtins_prefix: str = "") -> str:
        return f"{models_prefix}{self.name}"


@dataclass(frozen=True)
class UnionType:
    options: tuple[TypeRef, ...]
    discriminator: Discriminator | None = None

    def annotation(self, models_prefix: str = "", builtins_prefix: str = "") -> str:
        parts: list[str] = []
        for option in self.flat_options():
            text = option.annotation(models_prefix, builtins_prefix)
            if text not in parts:
                parts.append(text)
        if "Any" in parts:
            return "Any"
        if self.discriminator is not None and not models_prefix and self.discriminator.mapping:
            return self._tagged(parts)
        none_last = [part for part in parts if part != "None"] + (["None"] if "None" in parts else [])
        if not models_prefix and self.typed_first:
            # The models module reads it with the runtime's `TypedFirst` (see `typed_first`).
            return f"Annotated[{' | '.join(none_last)}, _TypedFirst()]"
        return " | ".join(none_last)

    @property
    def typed_first(self) -> bool:
        """Whether an option takes anything of its shape (`dict[str, Any]`, `list[Any]`) beside typed ones.

        Such a union is read typed option first: the value is the model (or the typed list) whenever
        it fits one, and the open option only otherwise (the runtime's `TypedFirst`, and the tests'
        expected values alike)."""
        if self.discriminator is not None and self.discriminator.mapping:
            return False  # tagged: the tag chooses (its `dict[str, Any]`, read last too, takes an unknown tag)
        options = [option for option in self.flat_options() if option != NONE]
        opened = [option for option in options if takes_any(option)]
        return bool(opened) and len(opened) < len(options)

    def flat_options(self) -> list[TypeRef]:
        """The options, an untagged union among them spread out (so `X | (dict | None)`, the anyOf
        of Microsoft Graph's nullable enums, and the None an optional field adds read `X | dict | None`)."""
        flat: list[TypeRef] = []
        for option in self.options:
            if isinstance(option, UnionType) and option.discriminator is None:
                flat.extend(option.flat_options())
            else:
                flat.append(option)
        return flat

    def _tagged(self, parts: list[str]) -> str:
        """A discriminated union, open: a value with an unknown tag still parses, as a dict.

        Each tag selects one member, or several that share it (read as the best fit among them);
        an option no tag selects stays beside the tagged union, where pydantic still tries it."""
        discriminator = self.discriminator
        assert discriminator is not None
        groups: list[tuple[str, ...]] = []  # the members of the tagged union: one option, or those sharing a tag
        for names in [names for _, names in discriminator.selections()] + [discriminator.untagged]:
            if names and names not in groups:
                groups.append(names)
        order = {part: index for index, part in enumerate(parts)}  # members in the options' order
        groups.sort(key=lambda names: min(order.get(name, len(order)) for name in names))
        tagged = " | ".join(f"Annotated[{' | '.join(names)}, _Tag({' | '.join(names)!r})]" for names in groups)
        grouped = discriminator.grouped()
        tags = "{" + ", ".join(f"{value!r}: {' | '.join(names)!r}" for value, names in discriminator.selections()) + "}"
        untagged = f", {' | '.join(discriminator.untagged)!r}" if discriminator.untagged else ""
        rest = [part for part in parts if part != "None" and part not in grouped]
        text = " | ".join(
            [f"Annotated[{tagged}, _Discriminator(_discriminate({discriminator.spelled_path()}, {tags}{untagged}))]"]
            + rest
            + ["dict[str, Any]"]
        )
        # The open dict only takes what no option does (`TypedFirst`): pydantic's smart mode would
        # prefer it to a member that must convert a date-time string (a model built by the caller).
        return f"Annotated[{text}{' | None' if 'None' in parts else ''}, _TypedFirst()]"


@dataclass(frozen=True)
class Discriminator:
    property_wire_name: str
    mapping: tuple[tuple[str, str], ...]  # (wire value, model name): the first option that claims the value
    # Values several options claim (OpenAI's input and output messages, both `type: message`): all of them.
    shared: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The options a value without the tag (or with null there) is read among.
    untagged: tuple[str, ...] = ()
    # The wire names of the objects the tag sits in, outermost first (`configuration.type`: the
    # value no discriminator names, `ground/implied_tags.py`); empty for a tag of the value itself.
    path: tuple[str, ...] = ()

    def spelled_path(self) -> str:
        """The tag's place as `discriminate` takes it: its name, or the tuple of names leading to it."""
        return repr((*self.path, self.property_wire_name)) if self.path else repr(self.property_wire_name)

    def tag_in(self, value: object) -> object:
        """The tag a JSON value holds (None when it holds none)."""
        for name in self.path:
            value = value.get(name) if isinstance(value, dict) else None
        return value.get(self.property_wire_name) if isinstance(value, dict) else None

    def with_tag(self, value: dict[str, object], tag: str) -> dict[str, object]:
        """A copy of the JSON object `value` holding `tag` (the objects on the way made or copied)."""
        if not self.path:
            return {**value, self.property_wire_name: tag}
        inner = value.get(self.path[0])
        rest = Discriminator(self.property_wire_name, (), path=self.path[1:])
        return {**value, self.path[0]: rest.with_tag(inner if isinstance(inner, dict) else {}, tag)}

    def selections(self) -> list[tuple[str, tuple[str, ...]]]:
        """(wire value, the model names it selects), in mapping order."""
        shared = dict(self.shared)
        return [(value, shared.get(value, (name,))) for value, name in self.mapping]

    def grouped(self) -> set[str]:
        """The options some tag (or the lack of one) selects: the members of the tagged union."""
        return {name for _, names in self.selections() for name in names} | set(self.untagged)

    def select(self, tag: object) -> tuple[str, ...]:
        """The model names a value's tag selects (its `untagged` ones for a missing or null tag)."""
        if tag is None:
            return self.untagged
        return next((names for value, names in self.selections() if value == tag), ())


TypeRef = Union[Primitive, LiteralType, ListType, DictType, NamedType, UnionType]


def takes_any(type_ref: TypeRef) -> bool:
    """Whether a type takes every value of its JSON shape: any value, any object, any array."""
    if isinstance(type_ref, Primitive):
        return type_ref.python in ("Any", "dict[str, Any]", "list[Any]")
    if isinstance(type_ref, ListType):
        return type_ref.item == ANY
    if isinstance(type_ref, DictType):
        return type_ref.value == ANY
    return False

ANY = Primitive("Any")
NONE = Primitive("None")
BASE64 = Primitive("base64")


def holds_base64(type_ref: TypeRef, depth: int = 0) -> bool:
    """Whether values of the type are (or hold, in a list or an optional) base64-travelling bytes."""
    if type_ref == BASE64:
        return True
    if depth > 8:
        return False
    if isinstance(type_ref, ListType):
        return holds_base64(type_ref.item, depth + 1)
    if isinstance(type_ref, UnionType):
        return any(holds_base64(option, depth + 1) for option in type_ref.options)
    return False


def nullable(type_ref: TypeRef) -> TypeRef:
    if type_ref == ANY or type_ref == NONE:
        return type_ref
    if isinstance(type_ref, UnionType):
        if NONE in type_ref.options:
            return type_ref
        return UnionType(type_ref.options + (NONE,), type_ref.discriminator)
    return UnionType((type_ref, NONE))


# ---------------------------------------------------------------- models


@dataclass(frozen=True)
class Default:
    """A default value, kept as data; rendered through the literal filter."""

    value: str | int | float | bool | None


@dataclass(frozen=True)
class ModelField:
    name: str
    wire_name: str
    type: TypeRef
    required: bool
    default: Default | None
    description: str
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False
    unverified: str = ""

    @property
    def needs_alias(self) -> bool:
        return self.name != self.wire_name

    @property
    def base64(self) -> bool:
        return holds_base64(self.type)


@dataclass(frozen=True)
class Model:
    name: str
    description: str
    fields: tuple[ModelField, ...]
    pointer: str
    deprecated: bool = False
    unverified: str = ""

    @property
    def read_only_fields(self) -> tuple[str, ...]:
        return tuple(sorted(item.name for item in self.fields if item.read_only))

    @property
    def uses_base64(self) -> bool:
        return any(item.base64 for item in self.fields)

    def field_by_wire(self, wire_name: str) -> ModelField | None:
        for item in self.fields:
            if item.wire_name == wire_name:
                return item
        return None


@dataclass(frozen=True)
class TypeAlias:
    name: str
    type: TypeRef
    description: str


# ---------------------------------------------------------------- operations

ParameterLocation = Literal["path", "query", "header", "cookie", "querystring"]
BodyKind = Literal["json", "form", "multipart", "binary", "text", "xml"]
ResponseKind = Literal["json", "bytes", "text", "none", "xml", "stream"]
StreamFraming = Literal["sse", "jsonl", "json-seq"]
SseItems = Literal["json", "text", "event"]


@dataclass(frozen=True)
class Parameter:
    name: str
    wire_name: str
    location: ParameterLocation
    type: TypeRef
    required: bool
    style: str
    explode: bool
    description: str
    allow_reserved: bool = False
    deprecated: bool = False
    default: Default | None = None
    unverified: str = ""
    content_type: str = ""  # querystring: how the whole query is written (form fields or JSON text)


@dataclass(frozen=True)
class BodyField:
    """A request body property offered as a keyword argument."""

    name: str
    wire_name: str
    type: TypeRef
    required: bool
    description: str
    is_file: bool = False
    required_without_body: bool = False  # required unless the caller passes the whole body model
    deprecated: bool = False

    @property
    def base64(self) -> bool:
        """Bytes the client sends as base64 text (the resource wraps them: `as_base64`)."""
        return holds_base64(self.type)


@dataclass(frozen=True)
class RequestBody:
    content_type: str
    kind: BodyKind
    type: TypeRef
    required: bool
    description: str
    fields: tuple[BodyField, ...] = ()  # non-empty when the body's properties become keyword arguments
    model: str | None = None  # the model a caller may pass whole as `body=`
    xml_shape: str = ""  # kind "xml": the body's XML shape (JSON text, see templates/runtime/_xml.py)

    @property
    def sent_type(self) -> str:
        """The Content-Type the client sends: the documented media type (`content_type`, the key of
        the document's content map), but application/json for JSON documented under a wildcard
        (`*/*`), which names no type."""
        return "application/json" if self.kind == "json" and "*" in self.content_type else self.content_type


@dataclass(frozen=True)
class StreamReply:
    """A reply read item by item as it arrives (server-sent events, JSON Lines, JSON sequences)."""

    framing: StreamFraming
    media_type: str
    item: TypeRef  # each item's type; ANY (or ServerSentEvent for SSE) when the document gives none
    validated: bool  # whether items are validated into `item` (False: yielded as decoded)
    sse_items: SseItems = "json"  # SSE: `data` decoded as JSON, `data` as text, or the whole event
    sentinel: str | None = "[DONE]"  # SSE data that ends the stream
    # SSE: the event name that reports an error (raised from the iteration); None when the document
    # describes that event as an item (OpenAI's Responses API has an item of `type: error`).
    error_event: str | None = "error"


@dataclass(frozen=True)
class StreamFlag:
    """The boolean request-body member that chooses the streamed reply over the JSON one."""

    name: str  # the keyword argument
    wire_name: str


@dataclass(frozen=True)
class Response:
    status: str  # "200", "2XX", "default"
    kind: ResponseKind
    type: TypeRef
    description: str
    content_type: str = ""
    headers: tuple[str, ...] = ()  # documented response header names
    xml_shape: str = ""  # kind "xml": the body's XML shape (JSON text, see templates/runtime/_xml.py)
    stream: StreamReply | None = None  # kind "stream": the reply; another kind: the streamed alternative


PaginationStyle = Literal["page", "cursor", "offset", "link", "next_url"]
PAGINATION_STYLES: tuple[PaginationStyle, ...] = ("link", "next_url", "cursor", "page", "offset")


@dataclass(frozen=True)
class Pagination:
    """How `iter_<method>` walks the pages of a list operation (recognised, or declared by `x-pagination`).

    Field paths are tuples of Python attribute names on the parsed reply; `items` is `()` when the reply
    is the list itself.
    """

    style: PaginationStyle
    param: str  # python name of the argument carrying the page number / cursor / offset ("" for link, next_url)
    param_wire: str
    start: int  # the first page number (page) or offset (offset)
    items: tuple[str, ...]
    item_type: TypeRef
    current_page: tuple[str, ...] | None = None
    last_page: tuple[str, ...] | None = None  # the number of the last page
    page_count: tuple[str, ...] | None = None  # how many pages there are
    total_items: tuple[str, ...] | None = None
    next_cursor: tuple[str, ...] | None = None
    cursor_from_item: tuple[str, ...] | None = None  # the next cursor is this field of the page's last item
    has_more: tuple[str, ...] | None = None  # a flag saying whether another page follows
    next_url: tuple[str, ...] | None = None  # style next_url: the field holding the next page's URL
    convention: str = ""  # what was recognised, in words (the generator's note says it)
    declared: bool = False  # by `x-pagination`, not recognised
    param_text: bool = False  # the parameter takes only text: a page number or offset is written "2" (VTEX's string `page`)
    param_location: str = "query"  # "body": a member of the JSON request body (POST search and list operations)


@dataclass(frozen=True)
class Operation:
    name: str  # method name inside its resource
    operation_id: str
    method: str
    path: str
    summary: str
    description: str
    parameters: tuple[Parameter, ...]
    body: RequestBody | None
    responses: tuple[Response, ...]  # success responses
    errors: tuple[Response, ...]  # documented error responses with a body type
    security: tuple[tuple[str, ...], ...] | None
    deprecated: bool = False
    unverified: str = ""
    idempotency_header: str | None = None
    pagination: Pagination | None = None
    server: str | None = None  # its own (operation- or path-level) server URL, variables at their defaults
    stream_flag: StreamFlag | None = None  # set when a request member chooses between a JSON and a streamed reply
    tags: tuple[str, ...] = ()  # the document's tags, in its order (the MCP server's include/exclude lists)
    mcp: bool = True  # False: `x-clientsmith-mcp: false`, the operation is no MCP tool

    @property
    def url_path(self) -> str:
        """The path template sent on the wire: a `#fragment` in a path key (AWS uses them to tell
        operations on one URL apart) is never sent, and the query must not end up behind it."""
        return self.path.split("#", 1)[0] or "/"

    @property
    def stream(self) -> StreamReply | None:
        """The streamed reply, when the operation has one (the first documented)."""
        return next((response.stream for response in self.responses if response.stream is not None), None)

    @property
    def always_streams(self) -> bool:
        """Every call returns the stream (no request member chooses the JSON reply instead)."""
        return self.stream is not None and self.stream_flag is None

    @property
    def return_type(self) -> TypeRef:
        """The type of the parsed (not streamed) reply."""
        types = tuple(response.type for response in self.responses if response.kind != "stream")
        if not types:
            return NONE
        if len(set(types)) == 1:
            return types[0]
        return UnionType(types)


@dataclass(frozen=True)
class Resource:
    name: str  # attribute on the client (or on its parent resource), e.g. "sessions"
    class_name: str  # e.g. "Sessions"
    module: str  # module file name without .py
    description: str
    operations: tuple[Operation, ...]
    path: tuple[str, ...] = ()  # attributes from the client to this resource (nested tags: parent first)
    children: tuple[Resource, ...] = ()  # resources of the tags whose `parent` is this one (OAS 3.2)

    @property
    def access(self) -> str:
        """`client.<access>` reaches this resource."""
        return ".".join(self.path or (self.name,))

    @property
    def is_top(self) -> bool:
        return len(self.path) <= 1


# ---------------------------------------------------------------- client


@dataclass(frozen=True)
class ServerVariable:
    name: str
    wire_name: str
    default: str
    enum: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class Server:
    url: str
    description: str
    variables: tuple[ServerVariable, ...] = ()


SecurityKind = Literal["apiKey", "bearer", "basic", "oauth2_client_credentials", "oauth2_password", "custom"]


@dataclass(frozen=True)
class CredentialArgument:
    """A constructor argument carrying a secret, with the environment variable it falls back to."""

    name: str
    env_var: str
    description: str
    optional: bool = False  # the scheme works without it (an OAuth2 password grant's client credentials)


@dataclass(frozen=True)
class SecurityScheme:
    key: str  # the name in components.securitySchemes (wire name)
    kind: SecurityKind
    description: str
    arguments: tuple[CredentialArgument, ...]
    location: str = ""  # apiKey: header, query or cookie
    parameter_name: str = ""  # apiKey: header/query/cookie name
    scheme: str = ""  # http: bearer, basic, or a custom one
    token_url: str = ""
    scopes: tuple[str, ...] = ()
    unverified: str = ""
    shares: str = ""  # key of the scheme whose token this one sends too (no arguments of its own)


@dataclass(frozen=True)
class Webhook:
    """A request the API sends to its users (OAS 3.1 `webhooks`): no client method, but a payload type."""

    name: str  # the key under `webhooks`
    method: str
    type: TypeRef  # of the JSON payload


@dataclass(frozen=True)
class Api:
    """The whole client. Its derived views are cached (`cached_property`): every resource module's
    template asks them, and each walks every operation (Graph: 478 modules x 11,422 operations)."""

    title: str
    version: str
    description: str
    package: str
    servers: tuple[Server, ...]
    security_schemes: tuple[SecurityScheme, ...]
    resources: tuple[Resource, ...]
    models: tuple[Model, ...]
    aliases: tuple[TypeAlias, ...]
    warnings: tuple[str, ...] = field(default=())
    webhooks: tuple[Webhook, ...] = field(default=())
    xml_shapes: tuple[tuple[str, str], ...] = field(default=())  # named XML shapes: (key, JSON text)

    @property
    def custom_scheme_keys(self) -> frozenset[str]:
        """Schemes the generator cannot implement: the caller's `auth=` serves them."""
        return frozenset(scheme.key for scheme in self.security_schemes if scheme.kind == "custom")

    @property
    def credential_env_vars(self) -> tuple[str, ...]:
        """The environment variables the client reads credentials from, in constructor order."""
        return tuple(argument.env_var for scheme in self.security_schemes for argument in scheme.arguments)

    @property
    def sensitive_headers(self) -> tuple[str, ...]:
        """Header names that carry secrets (redacted in logs), besides Authorization and Cookie."""
        return tuple(sorted({s.parameter_name for s in self.security_schemes if s.kind == "apiKey" and s.location == "header"}))

    @property
    def auth_classes(self) -> tuple[str, ...]:
        """The runtime auth classes the client constructor needs."""
        classes = {
            "apiKey": "ApiKeyAuth",
            "bearer": "BearerAuth",
            "basic": "BasicAuth",
            "oauth2_client_credentials": "OAuth2ClientCredentials",
            "oauth2_password": "OAuth2Password",
        }
        return tuple(sorted({classes[s.kind] for s in self.security_schemes if s.kind in classes}))

    @cached_property
    def uses_base64(self) -> bool:
        """Whether a body keyword argument travels as base64 text (resource modules then import `as_base64`)."""
        return any(field.base64 for operation in self.operations if operation.body is not None for field in operation.body.fields)

    @cached_property
    def uses_xml(self) -> bool:
        """Whether a body is written or read as XML elements (the package then has `_xml_shapes.py`)."""
        return any(
            response.kind == "xml" for operation in self.operations for response in operation.responses
        ) or any(operation.body is not None and operation.body.kind == "xml" for operation in self.operations)

    @cached_property
    def has_streams(self) -> bool:
        """Whether some operation streams its reply (the package then has `_streaming.py`)."""
        return any(operation.stream is not None for operation in self.operations)

    @cached_property
    def top_resources(self) -> tuple[Resource, ...]:
        """The resources the client has as attributes (nested ones hang off their parents)."""
        return tuple(resource for resource in self.resources if resource.is_top)

    @cached_property
    def has_operation_servers(self) -> bool:
        """Whether some operation documents its own server (`Operation.server`)."""
        return any(operation.server is not None for operation in self.operations)

    @cached_property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(operation for resource in self.resources for operation in resource.operations)
