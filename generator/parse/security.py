"""Security schemes to constructor credentials; requirements to per-operation alternatives."""

from __future__ import annotations

from typing import Any

from ..ground.diagnostics import WarningSink
from .ir import CredentialArgument, SecurityScheme
from ..ground.naming import NameScope, make_identifier, snake_case
from .text import describe, unverified_note


def parse_security_schemes(document: dict[str, Any], package: str, scope: NameScope, warnings: WarningSink) -> tuple[SecurityScheme, ...]:
    raw_schemes = document.get("components", {}).get("securitySchemes", {}) or {}
    owners = shared_token_owners(document)
    counts: dict[str, int] = {}
    for key, raw in raw_schemes.items():
        if key not in owners:  # a scheme sharing another's token adds no argument of its own
            counts[_family(raw)] = counts.get(_family(raw), 0) + 1
    env_prefix = snake_case(package).upper()
    result: list[SecurityScheme] = []
    for key, raw in raw_schemes.items():
        pointer = f"#/components/securitySchemes/{key}"
        if not isinstance(raw, dict):
            continue
        if "$ref" in raw:
            warnings.warn(pointer, "security scheme given by $ref is not supported; skipped")
            continue
        if key in owners:
            result.append(SecurityScheme(key, "bearer", describe(raw), (), scheme="Bearer", unverified=unverified_note(raw), shares=owners[key]))
            continue
        single = counts.get(_family(raw), 0) == 1
        prefix = "" if single else snake_case(key) + "_"

        def argument(base: str, what: str, optional: bool = False) -> CredentialArgument:
            name = scope.claim(make_identifier(prefix + base, fallback="credential"))
            return CredentialArgument(name, f"{env_prefix}_{name.upper()}", what, optional)

        kind = raw.get("type")
        description = describe(raw)
        note = unverified_note(raw)
        if kind == "apiKey":
            result.append(
                SecurityScheme(key, "apiKey", description, (argument("api_key", f"sent as {raw.get('in')} {raw.get('name')!r}"),),
                               location=str(raw.get("in", "header")), parameter_name=str(raw.get("name", "")), unverified=note)
            )
        elif kind == "http" and str(raw.get("scheme", "")).lower() == "bearer":
            result.append(SecurityScheme(key, "bearer", description, (argument("bearer_token", "sent as 'Authorization: Bearer <token>'"),), scheme="Bearer", unverified=note))
        elif kind == "http" and str(raw.get("scheme", "")).lower() == "basic":
            result.append(SecurityScheme(key, "basic", description, (argument("username", "HTTP basic user name"), argument("password", "HTTP basic password")), scheme="basic", unverified=note))
        elif kind == "oauth2":
            flows = raw.get("flows") or {}
            if isinstance(flows.get("clientCredentials"), dict) and flows["clientCredentials"].get("tokenUrl"):
                flow = flows["clientCredentials"]
                result.append(
                    SecurityScheme(key, "oauth2_client_credentials", description,
                                   (argument("client_id", "OAuth2 client id"), argument("client_secret", "OAuth2 client secret")),
                                   token_url=str(flow["tokenUrl"]), scopes=tuple(sorted(map(str, flow.get("scopes") or {}))), unverified=note)
                )
            elif isinstance(flows.get("password"), dict) and flows["password"].get("tokenUrl"):
                flow = flows["password"]
                result.append(
                    SecurityScheme(key, "oauth2_password", description,
                                   # RFC 6749 4.3.2: a confidential client also authenticates, here in the form's
                                   # client_id / client_secret (PeerTube requires them), so both can be given.
                                   (argument("username", "OAuth2 resource owner user name"), argument("password", "OAuth2 resource owner password"),
                                    argument("client_id", "OAuth2 client id, sent in the token request's form if given", optional=True),
                                    argument("client_secret", "OAuth2 client secret, sent in the token request's form if given", optional=True)),
                                   token_url=str(flow["tokenUrl"]), scopes=tuple(sorted(map(str, flow.get("scopes") or {}))), unverified=note)
                )
            else:
                # authorization code / implicit flows need a browser: accept a ready token instead.
                result.append(SecurityScheme(key, "bearer", description, (argument("access_token", "OAuth2 access token obtained elsewhere"),), scheme="Bearer", unverified=note))
        elif kind == "openIdConnect":
            result.append(SecurityScheme(key, "bearer", description, (argument("access_token", "OpenID Connect access token"),), scheme="Bearer", unverified=note))
        else:
            scheme_name = str(raw.get("scheme", kind))
            warnings.warn(pointer, f"security scheme {key!r} ({scheme_name}) needs custom code: pass auth= to the client")
            result.append(SecurityScheme(key, "custom", description, (), scheme=scheme_name, unverified=note))
    return tuple(result)


def _sends_ready_token(raw: Any) -> bool:
    """Whether the scheme becomes 'Authorization: Bearer <token given by the user>' (kind "bearer" below)."""
    if not isinstance(raw, dict) or "$ref" in raw:
        return False
    if raw.get("type") == "http":
        return str(raw.get("scheme", "")).lower() == "bearer"
    if raw.get("type") == "oauth2":
        flows = raw.get("flows") or {}
        fetches = any(isinstance(flows.get(name), dict) and flows[name].get("tokenUrl") for name in ("clientCredentials", "password"))
        return not fetches
    return raw.get("type") == "openIdConnect"


def _requirements(document: dict[str, Any]) -> list[Any]:
    """Every security requirement object of the document (top level, operations, webhooks)."""
    found: list[Any] = list(document.get("security") or []) if isinstance(document.get("security"), list) else []
    for section in ("paths", "webhooks"):
        for path_item in (document.get(section) or {}).values():
            if not isinstance(path_item, dict):
                continue
            for operation in path_item.values():
                if isinstance(operation, dict) and isinstance(operation.get("security"), list):
                    found.extend(operation["security"])
    return found


def shared_token_owners(document: dict[str, Any]) -> dict[str, str]:
    """Bearer-token schemes that a requirement ANDs together, mapped to the first of their group.

    Such schemes all travel in the one Authorization header, so the only way to meet the requirement
    is one token for all of them (Google's specs AND an implicit and an authorizationCode OAuth2
    scheme): the client takes a single token, and the others share the first one's credential.
    """
    raw_schemes = document.get("components", {}).get("securitySchemes", {}) or {}
    if not isinstance(raw_schemes, dict):
        return {}
    order = {key: index for index, key in enumerate(raw_schemes)}
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    for requirement in _requirements(document):
        if not isinstance(requirement, dict):
            continue
        tokens = sorted((key for key in requirement if key in raw_schemes and _sends_ready_token(raw_schemes[key])), key=order.__getitem__)
        for key in tokens[1:]:
            first, other = sorted((root(tokens[0]), root(key)), key=order.__getitem__)
            parent[other] = first
    return {key: root(key) for key in parent if root(key) != key}


def _family(raw: Any) -> str:
    if not isinstance(raw, dict):
        return ""
    if raw.get("type") == "http":
        return "http-" + str(raw.get("scheme", "")).lower()
    if raw.get("type") == "oauth2":
        flows = raw.get("flows") or {}
        # Both flows take a client id and secret: two such schemes are told apart by a prefix.
        if isinstance(flows, dict) and ("clientCredentials" in flows or "password" in flows):
            return "oauth2-token"
        return "http-bearer"
    if raw.get("type") == "openIdConnect":
        return "http-bearer"
    return str(raw.get("type"))


def security_requirements(
    value: Any, known: set[str], document: dict[str, Any], warnings: WarningSink, pointer: str
) -> tuple[tuple[str, ...], ...] | None:
    """OpenAPI `security` (a list of alternatives, each a map of scheme names) as tuples.

    A name no scheme defines is left out (warned). One request carries one Authorization header (and
    one value per API-key name), so of AND-ed schemes that need the same one only the first is kept
    (warned; AND-ed bearer tokens share one token, see `shared_token_owners`); alternatives met in
    full come first, since the client uses the first it has credentials for.
    """
    if value is None:
        return None
    if not isinstance(value, list):
        return None
    raw_schemes = document.get("components", {}).get("securitySchemes", {}) or {}
    complete: list[tuple[str, ...]] = []
    reduced: list[tuple[str, ...]] = []
    for index, requirement in enumerate(value):
        if not isinstance(requirement, dict):
            continue
        where = f"{pointer}/{index}"
        kept: list[str] = []
        dropped = False
        for name in requirement:
            if name not in known:
                if name not in raw_schemes:
                    warnings.warn(where, f"security requirement names {name!r}, which components.securitySchemes does not define: the client sends nothing for it")
                continue
            clash = next((other for other in kept if _collide(raw_schemes.get(other), raw_schemes.get(name))), None)
            if clash is not None:
                warnings.warn(
                    where,
                    f"security requirement ANDs {clash!r} and {name!r}, which both need the {_carrier_text(raw_schemes.get(name))}:"
                    f" one request cannot carry both; the client sends {clash!r}",
                )
                dropped = True
                continue
            kept.append(name)
        (reduced if dropped else complete).append(tuple(kept))
    return tuple(complete + reduced)


def _carrier(raw: Any) -> tuple[str, str] | None:
    """Where a scheme's credential travels: ("header", "authorization"), ("query", "key") ..."""
    if not isinstance(raw, dict) or "$ref" in raw:
        return None
    if raw.get("type") == "apiKey":
        location = str(raw.get("in", "header"))
        name = str(raw.get("name", ""))
        return location, name.lower() if location == "header" else name
    if raw.get("type") in ("http", "oauth2", "openIdConnect"):
        return "header", "authorization"
    return None


def _collide(first: Any, second: Any) -> bool:
    carrier = _carrier(first)
    return carrier is not None and carrier == _carrier(second) and not (_sends_ready_token(first) and _sends_ready_token(second))


def _carrier_text(raw: Any) -> str:
    carrier = _carrier(raw)
    if carrier is None:
        return "same place"
    if carrier == ("header", "authorization"):
        return "Authorization header"
    return f"{carrier[0]} parameter {carrier[1]!r}"
