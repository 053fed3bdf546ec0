"""The entry points the test templates call: the contract setup and the tests of each operation and webhook.

Every operation gets: the Python arguments of an example call (built from the example values testgen
keeps, example_tables.py, typed the way a caller would write them: datetimes as `datetime`, models via
`model_validate`), the values that call must put on the wire (what the tests' checks read back from the request), the documented replies, and what
the client must parse each into (as data the tests' `expect` walks, cases.py).

Spec text is untrusted: every spec-derived fragment of the Python source built here goes through
`render.literal` (values) or `render.ident` (names), the same functions as the template filters.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace

from ..parse.ir import (
    Api,
    Operation,
    Resource,
    SecurityScheme,
)
from ..ground.naming import NameScope, make_identifier
from ..ground.relaxations import Relaxations

from .cases import CaseMaker
from .example_tables import ExampleTables
from .proven import ProofNote, SchemeTest
from .shared_constants import shared_constants
from .views import ACCESS_TOKEN, ContractSetup, CredentialView, OperationTest, TEST_HOST, source

# ------------------------------------------------------------------ setup


def contract_setup(api: Api, relaxations: Relaxations | None = None, schemes: Mapping[str, SchemeTest] | None = None) -> ContractSetup:
    """`schemes`: what the proof decided of each scheme's test credentials (proven.py)."""
    relaxed = relaxations.items if relaxations is not None else []
    base_url, argument = _test_base_url(api)
    client_arguments: list[tuple[str, str]] = []
    credentials: list[CredentialView] = []
    token_urls: list[str] = []
    unchecked_token_urls: list[str] = []
    notes: list[str] = []
    by_key: dict[str, CredentialView] = {}
    for scheme in api.security_schemes:
        tested = (schemes or {}).get(scheme.key, SchemeTest())
        values = dict(zip((argument.name for argument in scheme.arguments), tested.values or dummy_values(scheme)))
        client_arguments.extend(values.items())
        owner = by_key.get(scheme.shares)
        by_key[scheme.key] = replace(owner, scheme=scheme.key) if owner else _credential(scheme, values)
        credentials.append(by_key[scheme.key])
        if scheme.kind.startswith("oauth2_") and scheme.token_url:
            token_urls.append(scheme.token_url)
            if tested.token_unchecked:
                unchecked_token_urls.append(scheme.token_url)
                notes.append(f"scheme {scheme.key!r}: its token request is not held to the document ({tested.token_unchecked})")
        if scheme.kind == "custom":
            notes.append(f"scheme {scheme.key!r} is custom: requests cannot carry it without auth=, so tests use the alternatives")
    for item in relaxed:
        notes.append(f"{item.pointer} is validated relaxed (see RELAXATIONS): {item.reason}")
    return ContractSetup(base_url, argument, tuple(client_arguments), tuple(credentials), tuple(dict.fromkeys(token_urls)), tuple(dict.fromkeys(unchecked_token_urls)), notes=tuple(notes), relaxations=tuple((item.pointer, item.schema_json) for item in relaxed))


def dummy_values(scheme: SecurityScheme) -> tuple[str, ...]:
    """The tests' value of each credential argument of `scheme` unless the proof chose others."""
    return tuple(f"test-{argument.name.replace('_', '-')}" for argument in scheme.arguments)


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


# ------------------------------------------------------------------ per operation


def operation_tests(
    api: Api,
    resource: Resource,
    relaxed: Mapping[str, tuple[str, ...]] | None = None,
    proof: Mapping[str, tuple[ProofNote, ...]] | None = None,
    examples: ExampleTables | None = None,
    untested: list[tuple[Operation, str]] | None = None,
) -> list[OperationTest]:
    """The tests of each of the resource's operations. With `untested`, an operation whose tests
    cannot be built (a step raises: a bug of clientsmith) is left out of the module and added there
    with the reason, so one operation never costs the others their tests nor stops generation."""
    maker = CaseMaker(api, relaxed, proof, examples)
    tests: list[OperationTest] = []
    for operation in resource.operations:
        try:
            tests.append(maker.operation(resource, operation))
        except Exception as error:  # noqa: BLE001 - one operation's tests end here (see the docstring)
            if untested is None:
                raise
            untested.append((operation, f"{type(error).__name__}: {' '.join(str(error).split())[:70]}"))
    return shared_constants(tests)


@dataclass(frozen=True)
class WebhookTest:
    test_name: str
    model: str  # the payload's model class
    payload_source: str
    checks: tuple[str, ...]  # assertions on `parsed`
    wire_source: str  # what `to_wire(parsed, keep_read_only=True)` gives: datetimes as the client writes them


def webhook_tests(api: Api, examples: ExampleTables | None = None) -> list[WebhookTest]:
    """One test per webhook whose JSON payload is a model: the example payload parses field by field."""
    maker = CaseMaker(api)
    payloads = examples.webhooks if examples is not None else {}
    names = NameScope()
    names.reserve("test_client_targets_the_documented_server", "test_client_exposes_the_documented_resources")
    tests: list[WebhookTest] = []
    for webhook in api.webhooks:
        model = maker._model_of(webhook.type)
        if model is None:
            continue
        example = maker.repair(webhook.type, json.loads(payloads.get((webhook.name, webhook.method), "null")))
        if not isinstance(example, dict):
            example = maker.placeholder(webhook.type)
        name = names.claim(make_identifier(f"test webhook {webhook.name} {webhook.method} payload parses"))
        wire = maker.model_wire(model, example, keep_read_only=True)
        tests.append(WebhookTest(name, model.name, source(example), tuple(maker.checks(webhook.type, example, "parsed")), source(wire)))
    return tests

