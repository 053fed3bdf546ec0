"""Views of the IR for the generated contract tests (templates/package/tests/).

Every operation gets: the Python arguments of an example call (built from the IR's `example_json`, typed
the way a caller would write them: datetimes as `datetime`, models via `model_validate`), the values that
call must put on the wire (what openapi-core reads back from the request), the documented replies, and the
assertions on the parsed result, field by field.

Spec text is untrusted: every spec-derived fragment of the Python source built here goes through
`render.literal` (values) or `render.ident` (names), the same functions as the template filters.
"""

from __future__ import annotations

import base64
import datetime
import json
from dataclasses import dataclass, field, replace
from typing import Any

from .ir import (
    ANY,
    NONE,
    Api,
    DictType,
    ListType,
    LiteralType,
    Model,
    NamedType,
    Operation,
    Parameter,
    Primitive,
    Resource,
    Response,
    SecurityScheme,
    TypeRef,
    UnionType,
)
from .naming import NameScope, make_identifier
from .render import ident, literal
from .views import has_body_overloads, type_text
from .xmlbodies import XmlBodies

TEST_HOST = "https://api.example.test"
ACCESS_TOKEN = "test-access-token"
# Lists in replies are checked item by item up to this many items (their length always).
_MAX_CHECKED_ITEMS = 3

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
    """The runtime's exception class for an error status (mirrors `_exceptions.status_error_class`)."""
    if status >= 500:
        return "InternalServerError"
    return _ERROR_CLASSES.get(status, "APIStatusError")


class Encoded(str):
    """Wire bytes: the UTF-8 encoding of this text (rendered as `"text".encode()`)."""


def source(value: Any) -> str:
    """Python source for a JSON value, where `Encoded` text becomes bytes."""
    if isinstance(value, Encoded):
        return f"{literal(str(value))}.encode()"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(key)}: {source(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(source(item) for item in value) + "]"
    return literal(value)


# ------------------------------------------------------------------ views


@dataclass(frozen=True)
class Argument:
    source: str  # "expr" (positional) or "name=expr"


@dataclass(frozen=True)
class Reply:
    status: int
    status_key: str  # as documented: "200", "2XX", "default"
    kind: str  # json, bytes, text, none
    constant: str  # module constant holding the reply body ("" for none)
    body_source: str  # Python source of the reply body
    content_type: str
    checks: tuple[str, ...]  # assertions on `result` (success) or `body` (error)
    error_class: str = ""
    test_name: str = ""
    attempts: int = 1  # requests the client sends for this reply (an OAuth2 client retries a 401 once)


@dataclass(frozen=True)
class AdditionsTest:
    """A reply with what an API adds later: an unknown field and, if any, an unknown open-enum value."""

    reply: Reply
    checks: tuple[str, ...]


@dataclass(frozen=True)
class PagingTest:
    pages: tuple[Reply, ...]
    param_wire: str
    second_token_source: str  # the page number / cursor the second request must carry
    items_per_page: int
    item_check: str  # assertion on `item`, or ""
    call_arguments: tuple[Argument, ...]


@dataclass(frozen=True)
class OperationTest:
    operation: Operation
    resource: Resource
    method_path: str  # "resource.method"
    arguments: tuple[Argument, ...]
    returns: str  # annotation of the call's result
    returns_none: bool
    expected_path: str
    expected_query: str
    expected_headers: str
    expected_cookies: str
    expected_content_type: str
    expected_body: str
    expected_security: str  # source of a tuple of scheme names, or "None" (not checkable)
    successes: tuple[Reply, ...]
    errors: tuple[Reply, ...]
    paging: PagingTest | None
    additions: AdditionsTest | None = None
    notes: tuple[str, ...] = ()

    @property
    def upper(self) -> str:
        return ident(self.operation.name.upper())


@dataclass(frozen=True)
class CredentialView:
    scheme: str  # security scheme key (wire)
    location: str  # header, query, cookie; "" when the test cannot check it (custom schemes)
    name: str  # header/query/cookie name
    value: str  # the exact value the request must carry


@dataclass(frozen=True)
class ContractSetup:
    base_url: str  # the test server's URL
    base_url_argument: str | None  # passed to the client; None: its default server is `base_url`
    client_arguments: tuple[tuple[str, str], ...]  # (constructor argument, dummy value)
    credentials: tuple[CredentialView, ...]
    token_urls: tuple[str, ...]
    access_token: str = ACCESS_TOKEN
    notes: tuple[str, ...] = field(default=())
    relaxations: tuple[tuple[str, str], ...] = field(default=())  # (pointer, schema JSON) replaced in the validation copy


# ------------------------------------------------------------------ setup


def contract_setup(api: Api) -> ContractSetup:
    base_url, argument = _test_base_url(api)
    client_arguments: list[tuple[str, str]] = []
    credentials: list[CredentialView] = []
    token_urls: list[str] = []
    notes: list[str] = []
    by_key: dict[str, CredentialView] = {}
    for scheme in api.security_schemes:
        values = {argument.name: f"test-{argument.name.replace('_', '-')}" for argument in scheme.arguments}
        client_arguments.extend(values.items())
        owner = by_key.get(scheme.shares)
        by_key[scheme.key] = replace(owner, scheme=scheme.key) if owner else _credential(scheme, values)
        credentials.append(by_key[scheme.key])
        if scheme.kind.startswith("oauth2_") and scheme.token_url:
            token_urls.append(scheme.token_url)
        if scheme.kind == "custom":
            notes.append(f"scheme {scheme.key!r} is custom: requests cannot carry it without auth=, so tests use the alternatives")
    for pointer, _, reason in api.relaxations:
        notes.append(f"{pointer} is validated relaxed (see RELAXATIONS): {reason}")
    return ContractSetup(base_url, argument, tuple(client_arguments), tuple(credentials), tuple(dict.fromkeys(token_urls)), notes=tuple(notes), relaxations=tuple((pointer, schema) for pointer, schema, _ in api.relaxations))


def _credential(scheme: SecurityScheme, values: dict[str, str]) -> CredentialView:
    given = list(values.values())
    if scheme.kind == "apiKey":
        return CredentialView(scheme.key, scheme.location, scheme.parameter_name, given[0])
    if scheme.kind == "bearer":
        return CredentialView(scheme.key, "header", "Authorization", f"Bearer {given[0]}")
    if scheme.kind == "basic":
        token = base64.b64encode(f"{given[0]}:{given[1]}".encode()).decode("ascii")
        return CredentialView(scheme.key, "header", "Authorization", f"Basic {token}")
    if scheme.kind.startswith("oauth2_"):
        return CredentialView(scheme.key, "header", "Authorization", f"Bearer {ACCESS_TOKEN}")
    return CredentialView(scheme.key, "", "", "")


def _test_base_url(api: Api) -> tuple[str, str | None]:
    """The first server with its variables' defaults when absolute (the client's own default), else a test host."""
    if not api.servers:
        return TEST_HOST, TEST_HOST
    first = api.servers[0]
    url = first.url
    for variable in first.variables:
        url = url.replace("{" + variable.wire_name + "}", variable.default)
    if "://" in url and "{" not in url:
        return url.rstrip("/"), None
    path = url if url.startswith("/") else ""
    resolved = (TEST_HOST + path).rstrip("/")
    return resolved, resolved


def _credential_schemes(api: Api) -> set[str]:
    return {scheme.key for scheme in api.security_schemes if scheme.kind != "custom" and (scheme.arguments or scheme.shares)}


def expected_security(api: Api, operation: Operation) -> tuple[str, ...] | None:
    """The security alternative the client satisfies (mirrors the runtime's choice); None if none can be."""
    requirements = operation.security
    if not requirements:
        return ()
    available = _credential_schemes(api)
    for alternative in requirements:
        if alternative and all(name in available for name in alternative):
            return alternative
    if () in requirements:
        return ()
    return None


# ------------------------------------------------------------------ per operation


def operation_tests(api: Api, resource: Resource) -> list[OperationTest]:
    maker = _Maker(api)
    return [maker.operation(resource, operation) for operation in resource.operations]


@dataclass(frozen=True)
class WebhookTest:
    test_name: str
    model: str  # the payload's model class
    payload_source: str
    checks: tuple[str, ...]  # assertions on `parsed`


def webhook_tests(api: Api) -> list[WebhookTest]:
    """One test per webhook whose JSON payload is a model: the example payload parses field by field."""
    maker = _Maker(api)
    names = NameScope()
    names.reserve("test_client_targets_the_documented_server", "test_client_exposes_the_documented_resources")
    tests: list[WebhookTest] = []
    for webhook in api.webhooks:
        model = maker._model_of(webhook.type)
        if model is None:
            continue
        example = maker.repair(webhook.type, json.loads(webhook.example_json))
        if not isinstance(example, dict):
            example = maker.placeholder(webhook.type)
        name = names.claim(make_identifier(f"test webhook {webhook.name} {webhook.method} payload parses"))
        tests.append(WebhookTest(name, model.name, source(example), tuple(maker.checks(webhook.type, example, "parsed"))))
    return tests


def uses_type(tests: list[OperationTest], name: str) -> bool:
    """Whether any generated source mentions `name` (to keep imports tidy)."""
    for test in tests:
        texts = [arg.source for arg in test.arguments] + [test.returns, test.expected_body]
        for reply in test.successes + test.errors:
            texts += [reply.body_source, *reply.checks, reply.error_class]
        if test.paging:
            texts += [test.paging.item_check] + [arg.source for arg in test.paging.call_arguments]
        if any(name in text for text in texts):
            return True
    return False


class _Maker:
    def __init__(self, api: Api) -> None:
        self.api = api
        self.models: dict[str, Model] = {model.name: model for model in api.models}
        self.aliases: dict[str, TypeRef] = {alias.name: alias.type for alias in api.aliases}
        self.xml = XmlBodies(api.xml_shapes)

    # -- types

    def resolve(self, type_ref: TypeRef) -> TypeRef:
        seen: set[str] = set()
        while isinstance(type_ref, NamedType) and type_ref.name in self.aliases and type_ref.name not in seen:
            seen.add(type_ref.name)
            type_ref = self.aliases[type_ref.name]
        if isinstance(type_ref, UnionType) and ANY in type_ref.options:
            return ANY  # annotated `Any` (see UnionType.annotation): the client keeps the JSON as it is
        return type_ref

    def fits(self, type_ref: TypeRef, value: Any, depth: int = 0) -> bool:
        """Whether `value` (JSON) is a valid value of `type_ref` as far as the test can tell."""
        type_ref = self.resolve(type_ref)
        if depth > 20:
            return True
        if isinstance(type_ref, Primitive):
            return _fits_primitive(type_ref.python, value)
        if isinstance(type_ref, LiteralType):
            return any(value == option and type(value) is type(option) for option in type_ref.values)
        if isinstance(type_ref, ListType):
            return isinstance(value, list) and all(self.fits(type_ref.item, item, depth + 1) for item in value)
        if isinstance(type_ref, DictType):
            return isinstance(value, dict) and all(self.fits(type_ref.value, item, depth + 1) for item in value.values())
        if isinstance(type_ref, NamedType):
            model = self.models.get(type_ref.name)
            if model is None or not isinstance(value, dict):
                return False
            for model_field in model.fields:
                if model_field.required and model_field.wire_name not in value and model_field.name not in value:
                    return False
            for key, item in value.items():
                found = model.field_by_wire(key)
                if found is not None and not self.fits(found.type, item, depth + 1):
                    return False
            return True
        if isinstance(type_ref, UnionType):
            return self.option_for(type_ref, value) is not None
        return False

    def option_for(self, union: UnionType, value: Any) -> TypeRef | None:
        if value is None and NONE in union.options:
            return NONE
        if union.discriminator is not None and isinstance(value, dict):
            tag = value.get(union.discriminator.property_wire_name)
            for wire, model_name in union.discriminator.mapping:
                if wire == tag:
                    return NamedType(model_name)
        fitting = [option for option in union.options if option != NONE and self.fits(option, value)]
        if len(fitting) > 1 and isinstance(value, dict):
            counts = [self._fields_set(option, value) for option in fitting]
            if all(count is not None for count in counts):
                # Models (or unions of models) that all accept the object: pydantic's smart union
                # takes the one that sets the most fields, the first of equals.
                return fitting[counts.index(max(count or 0 for count in counts))]
        return fitting[0] if fitting else None

    def _fields_set(self, option: TypeRef, value: dict[str, Any], depth: int = 0) -> int | None:
        """How many fields the model pydantic builds from `value` under `option` sets (None: no model).

        A nested union counts as the option it picks itself: pydantic carries that count outward.
        """
        model = self._model_of(option)
        if model is not None:
            return sum(1 for key in value if model.field_by_wire(key) is not None)
        resolved = self.resolve(option)
        if isinstance(resolved, UnionType) and depth < 10:
            inner = self.option_for(resolved, value)
            return None if inner is None else self._fields_set(inner, value, depth + 1)
        return None

    def repair(self, type_ref: TypeRef, value: Any, depth: int = 0) -> Any:
        """The example with every discriminator property set to a value its mapping knows.

        Synthesized examples fill a discriminator property like any string ("example"), which selects
        no schema; the first mapping entry whose model fits the rest of the object is used instead.
        """
        resolved = self.resolve(type_ref)
        if depth > 20:
            return value
        if value == {} and not self._object_like(resolved):
            # An object where the type wants a scalar or list: the example synthesizer's reading of an
            # `allOf` that wraps a non-object schema. A placeholder of the declared type stands in.
            return self.placeholder(resolved)
        if isinstance(resolved, UnionType):
            if resolved.discriminator is not None and isinstance(value, dict) and resolved.discriminator.mapping:
                tag = resolved.discriminator.property_wire_name
                known = dict(resolved.discriminator.mapping)
                if value.get(tag) not in known:
                    choices = [{**value, tag: wire} for wire, _ in resolved.discriminator.mapping]
                    fitting = [item for item in choices if self.fits(NamedType(known[item[tag]]), item)]
                    value = (fitting or choices)[0]
                return self.repair(NamedType(known[value[tag]]), value, depth + 1)
            option = self.option_for(resolved, value)
            if option is None:  # nothing fits yet, maybe because of what is being repaired: the likeliest option
                candidates = [item for item in resolved.options if item != NONE]
                if isinstance(value, dict):
                    candidates = [item for item in candidates if self._object_like(item)] or candidates
                option = candidates[0] if candidates else None
            return value if option is None or option == NONE else self.repair(option, value, depth + 1)
        if isinstance(resolved, ListType) and isinstance(value, list):
            return [self.repair(resolved.item, item, depth + 1) for item in value]
        if isinstance(resolved, DictType) and isinstance(value, dict):
            return {key: self.repair(resolved.value, item, depth + 1) for key, item in value.items()}
        if isinstance(resolved, NamedType) and resolved.name in self.models and isinstance(value, dict):
            model = self.models[resolved.name]
            repaired: dict[str, Any] = {}
            for key, item in value.items():
                found = model.field_by_wire(key)
                repaired[key] = item if found is None else self.repair(found.type, item, depth + 1)
            return repaired
        return value

    def placeholder(self, type_ref: TypeRef, depth: int = 0) -> Any:
        """A value of the type when the document gives (and synthesizes) none; aliases resolved."""
        resolved = self.resolve(type_ref)
        if isinstance(resolved, UnionType) and depth < 20:
            for option in resolved.options:
                if option != NONE:
                    return self.placeholder(option, depth + 1)
        return _fallback(resolved)

    def _object_like(self, type_ref: TypeRef) -> bool:
        resolved = self.resolve(type_ref)
        if isinstance(resolved, UnionType):
            return any(self._object_like(option) for option in resolved.options)
        if isinstance(resolved, Primitive):
            return resolved.python in ("Any",) or resolved.python.startswith("dict[")
        return isinstance(resolved, (DictType, NamedType))

    # -- values passed to the client: (python source, wire value)

    def value(self, type_ref: TypeRef, value: Any, depth: int = 0) -> tuple[str, Any]:
        resolved = self.resolve(type_ref)
        if isinstance(resolved, Primitive):
            return self._primitive_value(resolved.python, value)
        if isinstance(resolved, LiteralType) and self.fits(resolved, value):
            return literal(value), value
        if isinstance(resolved, ListType) and isinstance(value, list):
            parts = [self.value(resolved.item, item, depth + 1) for item in value]
            return "[" + ", ".join(part[0] for part in parts) + "]", [part[1] for part in parts]
        if isinstance(resolved, DictType) and isinstance(value, dict):
            parts_by_key = {key: self.value(resolved.value, item, depth + 1) for key, item in value.items()}
            text = "{" + ", ".join(f"{literal(key)}: {part[0]}" for key, part in parts_by_key.items()) + "}"
            return text, {key: part[1] for key, part in parts_by_key.items()}
        if isinstance(resolved, NamedType) and resolved.name in self.models and isinstance(value, dict):
            return f"models.{ident(resolved.name)}.model_validate({literal(value)})", self.model_wire(self.models[resolved.name], value)
        if isinstance(resolved, UnionType):
            option = self.option_for(resolved, value)
            if option is not None:
                text, wire = self.value(option, value, depth)
                kind = type(self.resolve(option))
                if kind in (ListType, DictType) and sum(type(self.resolve(other)) is kind for other in resolved.options) > 1:
                    # Two list (or dict) options: mypy cannot tell which one a literal is meant for
                    # and infers the literal's own, invariant type, which then fits neither.
                    return f"cast(Any, {text})", wire
                return text, wire
        return f"cast(Any, {literal(value)})", value

    def _primitive_value(self, python: str, value: Any) -> tuple[str, Any]:
        if python == "datetime.datetime" and isinstance(value, str) and _parse_datetime(value) is not None:
            parsed = _parse_datetime(value)
            assert parsed is not None
            return f"datetime.datetime.fromisoformat({literal(value)})", parsed.isoformat()
        if python == "datetime.date" and isinstance(value, str) and _parse_date(value) is not None:
            parsed_date = _parse_date(value)
            assert parsed_date is not None
            return f"datetime.date.fromisoformat({literal(value)})", parsed_date.isoformat()
        if python in ("bytes", "FileInput", "FileContent"):
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            return f"{literal(text)}.encode()", Encoded(text)
        if _fits_primitive(python, value):
            return literal(value), value
        return f"cast(Any, {literal(value)})", value

    def file_value(self, type_ref: TypeRef, value: Any) -> tuple[str, Any]:
        """File content for a file field (one file, or a list of files): bytes of the example text."""
        resolved = self.resolve(type_ref)
        if isinstance(resolved, UnionType):
            options = [option for option in resolved.options if option != NONE]
            resolved = self.resolve(options[0]) if options else resolved
        if isinstance(resolved, ListType):
            items = value if isinstance(value, list) and value else [value]
            parts = [self.file_value(resolved.item, item) for item in items]
            return "[" + ", ".join(part[0] for part in parts) + "]", [part[1] for part in parts]
        if value is None:
            value = "example"
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        return f"{literal(text)}.encode()", Encoded(text)

    def model_wire(self, model: Model, value: dict[str, Any]) -> dict[str, Any]:
        """What `to_wire(Model.model_validate(value))` sends: read-only fields dropped, extras kept."""
        read_only = set(model.read_only_fields)
        out: dict[str, Any] = {}
        for key, item in value.items():
            found = model.field_by_wire(key)
            if found is None:
                out[key] = item
            elif found.name not in read_only:
                out[found.wire_name] = self.value(found.type, item)[1]
        return out

    # -- the example call

    def arguments(self, operation: Operation, drop: str | None = None) -> tuple[list[Argument], dict[str, dict[str, Any]], Any, list[str]]:
        """Arguments, expected parameters by location, expected wire body, notes."""
        positional: list[Argument] = []
        keyword: list[Argument] = []
        expected: dict[str, dict[str, Any]] = {"path": {}, "query": {}, "header": {}, "cookie": {}}
        notes: list[str] = []
        for parameter in operation.parameters:
            example = self.repair(parameter.type, json.loads(parameter.example_json))
            if example is None:
                example = self.placeholder(parameter.type)
            if example is None and not parameter.required:
                continue
            if parameter.name == drop:
                continue
            text, wire = self.value(parameter.type, example)
            if parameter.location == "path":
                positional.append(Argument(text))
            else:
                keyword.append(Argument(f"{ident(parameter.name)}={text}"))
            expected[parameter.location][parameter.wire_name] = _param_wire(parameter, wire)
        body_wire: Any = None
        body = operation.body
        if body is not None:
            example = self.repair(body.type, json.loads(body.example_json))
            if body.kind == "xml":
                example = self.xml.writable(example, body.xml_shape)
            if body.fields:
                given = example if isinstance(example, dict) else {}
                wire_fields: dict[str, Any] = {}
                for body_field in body.fields:
                    if body_field.wire_name in given:
                        item = given[body_field.wire_name]
                    elif body_field.required or (
                        # the overloads type a call as "body=" or "every required field": none of an optional body is neither
                        (body.model is None or has_body_overloads(operation)) and _required_in_model(self.models.get(_model_name(body.type)), body_field.wire_name)
                    ):
                        item = self.placeholder(body_field.type)
                        notes.append(f"no example for body field {body_field.wire_name!r}: a placeholder is sent")
                    else:
                        continue
                    if body_field.is_file:
                        text, wire = self.file_value(body_field.type, item)
                        keyword.append(Argument(f"{ident(body_field.name)}={text}"))
                        wire_fields[body_field.wire_name] = wire
                        continue
                    text, wire = self.value(body_field.type, item)
                    keyword.append(Argument(f"{ident(body_field.name)}={text}"))
                    wire_fields[body_field.wire_name] = wire
                body_wire = _body_wire(body.kind, wire_fields)
            elif body.model is not None and body.model in self.models:
                given = example if isinstance(example, dict) else {}
                keyword.append(Argument(f"body=models.{ident(body.model)}.model_validate({literal(given)})"))
                body_wire = _body_wire(body.kind, self.model_wire(self.models[body.model], given))
            elif example is not None or body.required:
                if example is None:
                    example = self.placeholder(body.type)
                text, wire = self.value(body.type, example)
                keyword.append(Argument(f"body={text}"))
                body_wire = _body_wire(body.kind, wire)
        if body is not None and body.kind == "xml" and body_wire is not None:
            body_wire = self.xml.read_back(body_wire, body.xml_shape)  # what the contract's XML reader finds
        return positional + keyword, expected, body_wire, notes

    def operation(self, resource: Resource, operation: Operation) -> OperationTest:
        arguments, expected, body_wire, notes = self.arguments(operation)
        notes = list(operation.relaxed) + notes
        upper = operation.name.upper()
        successes: list[Reply] = []
        for index, response in enumerate(operation.responses):
            status = _concrete_status(response.status, operation, success=True)
            name = f"test_{operation.name}" if index == 0 else f"test_{operation.name}_{response.status.lower()}"
            successes.append(self.reply(response, status, f"{upper}_{response.status.upper()}", "result", name))
        if not successes:
            successes.append(Reply(200, "", "none", "", "", "", (), test_name=f"test_{operation.name}"))
        security = expected_security(self.api, operation)
        oauth = {scheme.key for scheme in self.api.security_schemes if scheme.kind.startswith("oauth2_")}
        uses_oauth = bool(security and oauth.intersection(security))
        errors: list[Reply] = []
        for response in operation.errors:
            status = _concrete_status(response.status, operation, success=False)
            klass = error_class(status)
            name = f"test_{operation.name}_{response.status.lower()}_{_snake(klass)}"
            reply = self.reply(response, status, f"{upper}_{response.status.upper()}", "body", name, klass)
            if status == 401 and uses_oauth:
                reply = replace(reply, attempts=2)
            errors.append(reply)
        body = operation.body
        return OperationTest(
            operation=operation,
            resource=resource,
            method_path=f"{ident(resource.name)}.{ident(operation.name)}",
            arguments=tuple(arguments),
            returns=type_text(operation.return_type),
            returns_none=operation.return_type == NONE,
            expected_path=source(expected["path"]),
            expected_query=source(expected["query"]),
            expected_headers=source(expected["header"]),
            expected_cookies=source(expected["cookie"]),
            expected_content_type=literal(body.content_type.split(";")[0].strip().lower() if body is not None and body_wire is not None else None),
            expected_body=source(body_wire),
            expected_security="None" if security is None else literal(tuple(security)),
            successes=tuple(successes),
            errors=tuple(errors),
            paging=self.paging(operation),
            additions=self.additions(operation),
            notes=tuple(notes + _media_notes(operation)),
        )

    # -- replies and the checks on what the client parsed from them

    def reply(self, response: Response, status: int, constant: str, target: str, test_name: str, klass: str = "") -> Reply:
        example = json.loads(response.example_json)
        kind = response.kind
        if kind == "json":
            if example is None and not self.fits(response.type, None):
                example = self.placeholder(response.type)
            example = self.repair(response.type, example)
            checks = tuple(self.checks(response.type, example, target))
            return Reply(status, response.status, kind, ident(constant), source(example), _concrete_json_type(response.content_type), checks, klass, test_name)
        if kind == "xml":
            if example is None and not self.fits(response.type, None):
                example = self.placeholder(response.type)
            example = self.xml.writable(self.repair(response.type, example), response.xml_shape)
            document = self.xml.document(example, response.xml_shape)
            checks = tuple(self.checks(response.type, self.xml.read_back(example, response.xml_shape), target))
            content_type = response.content_type if "*" not in response.content_type else "application/xml"
            return Reply(status, response.status, kind, ident(constant), f"{literal(document)}.encode()", content_type, checks, klass, test_name)
        if kind in ("bytes", "text"):
            # A documented body is never empty (openapi-core calls that missing data): no example, some bytes.
            text = example if isinstance(example, str) else ("example" if example is None else json.dumps(example, ensure_ascii=False))
            if kind == "bytes":
                checks = (f"assert {target} == {literal(text)}.encode()",)
            else:
                checks = (f"assert {target} == {literal(text)}",)
            content_type = response.content_type or ("text/plain" if kind == "text" else "application/octet-stream")
            return Reply(status, response.status, kind, ident(constant), f"{literal(text)}.encode()", content_type, checks, klass, test_name)
        checks = (f"assert {target} is None",) if klass else ()
        return Reply(status, response.status, "none", "", "", "", checks, klass, test_name)

    def checks(self, type_ref: TypeRef, value: Any, target: str, depth: int = 0) -> list[str]:
        """Assertions that `target` (an expression) holds `value` (JSON) parsed as `type_ref`."""
        resolved = self.resolve(type_ref)
        if value is None:
            return [f"assert {target} is None"]
        if isinstance(resolved, UnionType) and any(option == Primitive("Any") for option in resolved.options):
            return self._primitive_checks("Any", value, target)  # the model types it Any (UnionType.annotation)
        if isinstance(resolved, UnionType):
            option = self.option_for(resolved, value)
            if option is None:
                return [f"assert to_wire({target}) == {literal(value)}"]
            if self.plain(resolved) and self.fits(resolved, value) and not isinstance(value, bool):
                return [f"assert {target} == {literal(value)}"]
            return self.checks(option, value, target, depth)
        if isinstance(resolved, Primitive):
            return self._primitive_checks(resolved.python, value, target)
        if isinstance(resolved, LiteralType):
            if self.fits(resolved, value):
                return [f"assert {target} == {literal(value)}"]
            return [f"assert cast(object, {target}) == {literal(value)}"]
        if isinstance(resolved, (ListType, DictType)) and ((self.plain(resolved) and self.fits(resolved, value)) or value == ([] if isinstance(resolved, ListType) else {})):
            return [f"assert {target} == {literal(value)}"]
        if isinstance(resolved, ListType) and isinstance(value, list):
            # isinstance narrows an optional list for the item checks below
            lines = [_is_a(target, "list"), f"assert len({target}) == {len(value)}"]
            for index, item in enumerate(value[:_MAX_CHECKED_ITEMS]):
                lines += self.checks(resolved.item, item, f"{target}[{index}]", depth + 1)
            return lines
        if isinstance(resolved, DictType) and isinstance(value, dict):
            lines = [_is_a(target, "dict"), f"assert sorted({target}) == {literal(sorted(value))}"]
            for key, item in value.items():
                lines += self.checks(resolved.value, item, f"{target}[{literal(key)}]", depth + 1)
            return lines
        if isinstance(resolved, NamedType) and resolved.name in self.models and isinstance(value, dict):
            model = self.models[resolved.name]
            lines = [_is_a(target, f"models.{ident(model.name)}")]
            extras: dict[str, Any] = {}
            for key, item in value.items():
                found = model.field_by_wire(key)
                if found is None:
                    extras[key] = item
                    continue
                lines += self.checks(found.type, item, f"{target}.{ident(found.name)}", depth + 1)
            if extras:
                lines.append(f"assert {target}.model_extra == {literal(extras)}")
            return lines
        return [f"assert to_wire({target}) == {literal(value)}"]

    def plain(self, type_ref: TypeRef, depth: int = 0) -> bool:
        """Whether values of the type parse to exactly their JSON (no models, dates or bytes)."""
        resolved = self.resolve(type_ref)
        if depth > 20:
            return False
        if isinstance(resolved, Primitive):
            return resolved.python in ("str", "int", "float", "bool", "None", "Any") or resolved.python.startswith(("dict[str, Any]", "list[Any]"))
        if isinstance(resolved, LiteralType):
            return True
        if isinstance(resolved, ListType):
            return self.plain(resolved.item, depth + 1)
        if isinstance(resolved, DictType):
            return self.plain(resolved.value, depth + 1)
        if isinstance(resolved, UnionType):
            return all(self.plain(option, depth + 1) for option in resolved.options)
        return False

    def _primitive_checks(self, python: str, value: Any, target: str) -> list[str]:
        if python == "datetime.datetime" and isinstance(value, str) and _parse_datetime(value) is not None:
            return [f"assert {target} == datetime.datetime.fromisoformat({literal(value)})"]
        if python == "datetime.date" and isinstance(value, str) and _parse_date(value) is not None:
            return [f"assert {target} == datetime.date.fromisoformat({literal(value)})"]
        if isinstance(value, bool) and python in ("bool", "Any"):
            return [f"assert {target} is {literal(value)}"]
        if python in ("Any", "dict[str, Any]") or _fits_primitive(python, value):
            return [f"assert {target} == {literal(value)}"]
        return [f"assert cast(object, {target}) == {literal(value)}"]

    # -- what an API adds later

    def additions(self, operation: Operation) -> AdditionsTest | None:
        if not operation.responses or operation.responses[0].kind != "json":
            return None
        response = operation.responses[0]
        model = self._model_of(response.type)
        example = self.repair(response.type, json.loads(response.example_json))
        if model is None or not isinstance(example, dict):
            return None
        extra = "added_later"
        while model.field_by_wire(extra) is not None or extra in example:
            extra += "_"
        reply_body = {**example, extra: "kept"}
        checks = [_is_a("result", f"models.{ident(model.name)}"), f"assert result.model_extra is not None", f"assert result.model_extra[{literal(extra)}] == {literal('kept')}"]
        for model_field in model.fields:
            if model_field.write_only or not self._open_string_enum(model_field.type):
                continue
            reply_body[model_field.wire_name] = "added-later-value"
            checks.append(f"assert result.{ident(model_field.name)} == {literal('added-later-value')}")
            break
        upper = operation.name.upper()
        reply = Reply(response_status(response), response.status, "json", ident(f"{upper}_WITH_ADDITIONS"), source(reply_body), response.content_type or "application/json", ())
        return AdditionsTest(reply, tuple(checks))

    def _open_string_enum(self, type_ref: TypeRef) -> bool:
        resolved = self.resolve(type_ref)
        if not isinstance(resolved, UnionType):
            return False
        options = [self.resolve(option) for option in resolved.options]
        has_literal = any(isinstance(option, LiteralType) and all(isinstance(value, str) for value in option.values) for option in options)
        return has_literal and Primitive("str") in options

    # -- pagination

    def paging(self, operation: Operation) -> PagingTest | None:
        paging = operation.pagination
        if paging is None or not operation.responses:
            return None
        response = operation.responses[0]
        example = self.repair(response.type, json.loads(response.example_json))
        if response.kind != "json" or not isinstance(example, dict):
            return None
        items_path = self.wire_path(response.type, paging.items)
        items = _get(example, items_path) if items_path else None
        if not isinstance(items, list) or not items:
            return None
        items = items[:2]
        first = json.loads(json.dumps(example))
        second = json.loads(json.dumps(example))
        _set(first, items_path or [], items)
        _set(second, items_path or [], items)
        total = 2 * len(items)
        if paging.style == "cursor":
            cursor_path = self.wire_path(response.type, paging.next_cursor or ())
            if cursor_path is None:
                return None
            cursor_type = self.path_type(response.type, paging.next_cursor or ())
            token: Any = 2 if cursor_type is not None and self.fits(cursor_type, 2) and not self.fits(cursor_type, "x") else "cursor-2"
            _set(first, cursor_path, token)
            _unset(second, cursor_path)
        else:
            token = paging.start + 1
            for path, first_value, second_value in (
                (paging.current_page, paging.start, paging.start + 1),
                (paging.last_page, paging.start + 1, paging.start + 1),
                (paging.total_items, total, total),
            ):
                wire = self.wire_path(response.type, path) if path else None
                if wire is not None:
                    _set(first, wire, first_value)
                    _set(second, wire, second_value)
        upper = operation.name.upper()
        pages = (
            Reply(response_status(response), response.status, "json", ident(f"{upper}_PAGE_1"), source(first), response.content_type or "application/json", ()),
            Reply(response_status(response), response.status, "json", ident(f"{upper}_PAGE_2"), source(second), response.content_type or "application/json", ()),
        )
        item_type = self.resolve(paging.item_type)
        item_check = ""
        if isinstance(item_type, NamedType) and item_type.name in self.models:
            item_check = _is_a("item", f"models.{ident(item_type.name)}")
        arguments, _, _, _ = self.arguments(operation, drop=paging.param)
        return PagingTest(pages, paging.param_wire, literal(token), len(items), item_check, tuple(arguments))

    def wire_path(self, type_ref: TypeRef, path: tuple[str, ...]) -> list[str] | None:
        """Python attribute names along a reply model -> wire names."""
        wire: list[str] = []
        current: TypeRef | None = type_ref
        for name in path:
            model = self._model_of(current)
            if model is None:
                return None
            found = next((item for item in model.fields if item.name == name), None)
            if found is None:
                return None
            wire.append(found.wire_name)
            current = found.type
        return wire

    def path_type(self, type_ref: TypeRef, path: tuple[str, ...]) -> TypeRef | None:
        current: TypeRef | None = type_ref
        for name in path:
            model = self._model_of(current)
            if model is None:
                return None
            found = next((item for item in model.fields if item.name == name), None)
            if found is None:
                return None
            current = found.type
        return current

    def _model_of(self, type_ref: TypeRef | None) -> Model | None:
        if type_ref is None:
            return None
        resolved = self.resolve(type_ref)
        if isinstance(resolved, UnionType):
            options = [option for option in resolved.options if option != NONE]
            if len(options) != 1:
                return None
            resolved = self.resolve(options[0])
        if isinstance(resolved, NamedType):
            return self.models.get(resolved.name)
        return None


def _media_notes(operation: Operation) -> list[str]:
    """What openapi-core can check of bodies that are neither JSON, form fields nor XML elements."""
    notes: list[str] = []
    body = operation.body
    if body is not None and body.kind == "binary":
        notes.append(f"the {body.content_type} request body is bytes: openapi-core checks its content type; the test compares the exact bytes")
    for response in operation.responses:
        if response.kind == "bytes":
            notes.append(f"the {response.status} reply is {response.content_type} bytes: openapi-core checks its status and content type; the test compares the exact bytes")
        elif response.kind == "text" and _xml_media(response.content_type):
            notes.append(f"the {response.status} reply is {response.content_type} text: the contract checks it is well-formed XML, openapi-core the string schema; the test compares the exact text")
    return notes


def _xml_media(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    return base in ("application/xml", "text/xml") or base.endswith("+xml")


def _is_a(target: str, klass: str) -> str:
    """`assert isinstance(target, klass)` that says, when it fails, which type the value has instead."""
    return f"assert isinstance({target}, {klass}), {literal('expected ' + klass + ', got ')} + type({target}).__name__"


def response_status(response: Response) -> int:
    return _concrete_status(response.status, None, success=True)


# ------------------------------------------------------------------ helpers


def _fits_primitive(python: str, value: Any) -> bool:
    if python == "Any":
        return True
    if python == "None":
        return value is None
    if python == "str":
        return isinstance(value, str)
    if python == "bool":
        return isinstance(value, bool)
    if python == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if python == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if python.startswith("dict["):
        return isinstance(value, dict)
    if python.startswith("list["):
        return isinstance(value, list)
    if python == "datetime.datetime":
        return isinstance(value, str) and _parse_datetime(value) is not None
    if python == "datetime.date":
        return isinstance(value, str) and _parse_date(value) is not None
    return False


def _parse_datetime(text: str) -> datetime.datetime | None:
    try:
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        return None


def _parse_date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def _fallback(type_ref: TypeRef) -> Any:
    """A placeholder value for a type when the spec gives (and synthesizes) none."""
    if isinstance(type_ref, Primitive):
        return {
            "str": "example",
            "int": 1,
            "float": 1.5,
            "bool": True,
            "datetime.datetime": "2024-01-02T03:04:05+00:00",
            "datetime.date": "2024-01-02",
            "bytes": "example",
            "FileInput": "example",
            "FileContent": "example",
        }.get(type_ref.python, {} if type_ref.python.startswith("dict[") else None)
    if isinstance(type_ref, LiteralType):
        return type_ref.values[0] if type_ref.values else None
    if isinstance(type_ref, ListType):
        return []
    if isinstance(type_ref, (DictType, NamedType)):
        return {}
    if isinstance(type_ref, UnionType):
        for option in type_ref.options:
            if option != NONE:
                return _fallback(option)
    return None


def _param_wire(parameter: Parameter, wire: Any) -> Any:
    """A parameter as the contract test reads it back: text, so bytes (format: binary) as their UTF-8 text."""
    return _json_only(wire)


def _body_wire(kind: str, wire: Any) -> Any:
    """The body as the contract test reads it back: JSON as parsed; form fields as text; multipart parts."""
    if kind in ("json", "xml"):
        return _json_only(wire)
    if kind in ("form", "multipart") and isinstance(wire, dict):
        fields = {key: _form_value(value, multipart=kind == "multipart") for key, value in wire.items() if value is not None}
        # On the wire a one-item list is one field, and an empty list no field at all.
        return {key: value[0] if isinstance(value, list) and len(value) == 1 else value for key, value in fields.items() if value != []}
    if kind == "binary":
        if isinstance(wire, Encoded):
            return wire
        return Encoded(wire if isinstance(wire, str) else json.dumps(wire, ensure_ascii=False))
    if kind == "text":
        return str(wire) if not isinstance(wire, str) else str(wire)
    return wire


def _json_only(value: Any) -> Any:
    if isinstance(value, Encoded):
        return str(value)
    if isinstance(value, dict):
        return {key: _json_only(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_only(item) for item in value]
    return value


def _form_value(value: Any, multipart: bool) -> Any:
    if isinstance(value, Encoded):
        return value if multipart else str(value)
    if isinstance(value, list):
        return [item if isinstance(item, Encoded) and multipart else _form_text(item) for item in value if item is not None]
    return _form_text(value)


def _form_text(value: Any) -> str:
    """A non-file form field as the runtime writes it: text as is, anything else as compact JSON."""
    if isinstance(value, str):
        return str(value)
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _model_name(type_ref: TypeRef) -> str:
    return type_ref.name if isinstance(type_ref, NamedType) else ""


def _required_in_model(model: Model | None, wire_name: str) -> bool:
    if model is None:
        return False
    found = model.field_by_wire(wire_name)
    return found is not None and found.required


def _concrete_status(key: str, operation: Operation | None, success: bool) -> int:
    """A real status code for a documented key: "404" -> 404, "4XX" -> an undocumented 4xx, "default" -> 500/200."""
    documented = set()
    if operation is not None:
        documented = {response.status for response in operation.responses + operation.errors}
    if key.isdigit():
        return int(key)
    if len(key) == 3 and key[0].isdigit() and key[1:].upper() == "XX":
        base = int(key[0]) * 100
        for candidate in range(base, base + 100):
            if str(candidate) not in documented:
                return candidate
        return base
    if success:
        return 200
    for candidate in (500, 599, 418):
        if str(candidate) not in documented and f"{str(candidate)[0]}XX" not in documented:
            return candidate
    return 599


def _concrete_json_type(media_type: str | None) -> str:
    """What a server sends for a JSON reply documented as `*/*` (a reply has no wildcard type)."""
    return media_type if media_type and "*" not in media_type else "application/json"


def _snake(name: str) -> str:
    out = ""
    for char in name:
        if char.isupper() and out:
            out += "_"
        out += char.lower()
    return out.replace("a_p_i", "api")


def _get(value: Any, path: list[str]) -> Any:
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _set(value: Any, path: list[str], item: Any) -> None:
    for key in path[:-1]:
        if not isinstance(value.get(key), dict):
            value[key] = {}
        value = value[key]
    if path:
        value[path[-1]] = item


def _unset(value: Any, path: list[str]) -> None:
    for key in path[:-1]:
        value = value.get(key) if isinstance(value, dict) else None
    if isinstance(value, dict) and path:
        value.pop(path[-1], None)


def test_error_classes(tests: list[OperationTest]) -> list[str]:
    """The exception classes the tests of one module expect, sorted."""
    return sorted({reply.error_class for test in tests for reply in test.errors})
