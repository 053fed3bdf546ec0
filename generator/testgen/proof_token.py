"""The proof of the OAuth2 token requests the generated tests' client makes on its own.

The tests build their client with a value for every credential argument, and their mock server holds
each token request the runtime sends to the document's token endpoint, when the document describes
one (`check_token_request`). Before the tests are written, that request is built here by the
runtime's own auth class and checked by the tests' own check. Values that fail are replaced by what
the documented token form holds for the same fields (its example, else values synthesized from its
schema); when those fail too (PeerTube's `client_id` is 32 characters long and must match
`/^[a-z0-9]$/`), the tests answer that scheme's token requests without holding them to the
document, and a located warning says why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

from ..ground.diagnostics import WarningSink
from ..parse.ir import Api, Operation, SecurityScheme
from ..ground.pointers import follow_refs, join_pointer
from .contract import dummy_values
from .proven import SchemeTest

if TYPE_CHECKING:
    from .examples import ExampleMaker

# The form fields each grant's arguments travel in, in the order of the scheme's arguments
# (parse/security.py), as the runtime's auth classes send them.
_TOKEN_FIELDS = {
    "oauth2_client_credentials": ("client_id", "client_secret"),
    "oauth2_password": ("username", "password", "client_id", "client_secret"),
}
_FORM = "application/x-www-form-urlencoded"


def prove_token_requests(api: Api, base_url: str, validation: Any, auth: Any, examples: ExampleMaker, warnings: WarningSink) -> dict[str, SchemeTest]:
    """The tests' credential values of each OAuth2 scheme proven against the documented token form:
    replaced where the dummies fail, or the scheme's token check left out (a warning). By scheme key,
    only the schemes whose dummies do not serve."""
    proven = {scheme.key: _proven(scheme, api, base_url, validation, auth, examples, warnings) for scheme in api.security_schemes}
    return {key: tested for key, tested in proven.items() if tested != SchemeTest()}


def _proven(scheme: SecurityScheme, api: Api, base_url: str, validation: Any, auth: Any, examples: ExampleMaker, warnings: WarningSink) -> SchemeTest:
    fields = _TOKEN_FIELDS.get(scheme.kind)
    if fields is None or not scheme.token_url or len(scheme.arguments) != len(fields):
        return SchemeTest()
    try:
        return _proven_flow(scheme, fields, api, base_url, validation, auth, examples, warnings)
    except Exception as error:  # a bug of the proof (or a token URL httpx refuses) must not stop generation
        pointer = join_pointer("#/components/securitySchemes", scheme.key)
        warnings.warn(pointer, f"generated tests: the token request of scheme {scheme.key!r} is not proven ({type(error).__name__}: {_first_line(str(error))})")
        return SchemeTest()


def _proven_flow(scheme: SecurityScheme, fields: tuple[str, ...], api: Api, base_url: str, validation: Any, auth: Any, examples: ExampleMaker, warnings: WarningSink) -> SchemeTest:
    values = dummy_values(scheme)
    request = _token_request(scheme, values, base_url, auth)
    problem = _problem(validation, request)
    if problem is None:
        return SchemeTest()
    documented = _documented_form(api, request, validation, examples)
    if documented is not None:
        pointer, form = documented
        fitting = tuple(_text(form.get(field), value) for field, value in zip(fields, values))
        if _problem(validation, _token_request(scheme, fitting, base_url, auth)) is None:
            warnings.warn(pointer, f"generated tests: the credentials of scheme {scheme.key!r} are the token form's values (the dummies broke it: {problem})")
            return SchemeTest(values=fitting)
    else:
        pointer = join_pointer("#/components/securitySchemes", scheme.key)
    warnings.warn(pointer, f"generated tests: no credential meets the token form of scheme {scheme.key!r}, so the tests do not hold its token request to the document: {problem}")
    return SchemeTest(token_unchecked=problem)


def _token_request(scheme: SecurityScheme, values: tuple[str, ...], base_url: str, auth: Any) -> httpx.Request:
    """The token request the client built as the tests build it (`_client.py.jinja`) sends first."""
    if scheme.kind == "oauth2_password":
        username, password, client_id, client_secret = values
        flow = auth.OAuth2Password(token_url=scheme.token_url, username=username, password=password, client_id=client_id, client_secret=client_secret)
    else:
        client_id, client_secret = values
        flow = auth.OAuth2ClientCredentials(token_url=scheme.token_url, client_id=client_id, client_secret=client_secret)
    api_request = httpx.Request("GET", base_url + "/", extensions={auth.BASE_URL_EXTENSION: base_url})
    token_request: httpx.Request = flow._token_request(api_request)
    return token_request


def _problem(validation: Any, request: httpx.Request) -> str | None:
    try:
        validation.check_token_request(request)
    except AssertionError as violation:
        return _first_line(str(violation))
    return None


def _documented_form(api: Api, request: httpx.Request, validation: Any, examples: ExampleMaker) -> tuple[str, dict[str, Any]] | None:
    """(pointer, example) of the form body of the documented operation the token request goes to."""
    document = examples.converter.document
    for operation in _operations(api):
        if operation.method.upper() != "POST" or not validation.is_request_for(request, "POST", operation.path):
            continue
        node = follow_refs(document, (follow_refs(document, (document.get("paths") or {}).get(operation.path)) or {}).get("post"))
        body = follow_refs(document, node.get("requestBody")) if isinstance(node, dict) else None
        content = body.get("content") if isinstance(body, dict) else None
        for media_type, media in (content or {}).items() if isinstance(content, dict) else ():
            if str(media_type).split(";")[0].strip().lower() == _FORM:
                example = examples.for_media(media, "request")
                pointer = join_pointer(join_pointer(join_pointer("#/paths", operation.path), "post"), "requestBody")
                return pointer, example if isinstance(example, dict) else {}
    return None


def _operations(api: Api) -> list[Operation]:
    seen: dict[int, Operation] = {}
    for resource in api.resources:
        for operation in resource.operations:
            seen.setdefault(id(operation), operation)
    return list(seen.values())


def _text(value: Any, fallback: str) -> str:
    """A form field's text for the example's value (a number is sent as its digits)."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return fallback


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    found = lines[1] if len(lines) > 1 else (lines[0] if lines else "rejected")
    return found if len(found) <= 200 else found[:197] + "..."
