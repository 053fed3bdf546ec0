"""Security schemes to constructor credentials; requirements to per-operation alternatives."""

from __future__ import annotations

from typing import Any

from ..diagnostics import WarningSink
from ..ir import CredentialArgument, SecurityScheme
from ..naming import NameScope, make_identifier, snake_case
from .text import describe, unverified_note

# Constructor arguments every client has; credentials must not take these names.
CLIENT_ARGUMENTS = ("base_url", "auth", "timeout", "max_retries", "default_headers", "http_client")


def parse_security_schemes(document: dict[str, Any], package: str, scope: NameScope, warnings: WarningSink) -> tuple[SecurityScheme, ...]:
    raw_schemes = document.get("components", {}).get("securitySchemes", {}) or {}
    counts: dict[str, int] = {}
    for raw in raw_schemes.values():
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
        single = counts.get(_family(raw), 0) == 1
        prefix = "" if single else snake_case(key) + "_"

        def argument(base: str, what: str) -> CredentialArgument:
            name = scope.claim(make_identifier(prefix + base, fallback="credential"))
            return CredentialArgument(name, f"{env_prefix}_{name.upper()}", what)

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
                                   (argument("username", "OAuth2 resource owner user name"), argument("password", "OAuth2 resource owner password")),
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


def _family(raw: Any) -> str:
    if not isinstance(raw, dict):
        return ""
    if raw.get("type") == "http":
        return "http-" + str(raw.get("scheme", "")).lower()
    if raw.get("type") == "oauth2":
        flows = raw.get("flows") or {}
        if isinstance(flows, dict) and "clientCredentials" in flows:
            return "oauth2-cc"
        if isinstance(flows, dict) and "password" in flows:
            return "oauth2-password"
        return "http-bearer"
    if raw.get("type") == "openIdConnect":
        return "http-bearer"
    return str(raw.get("type"))


def security_requirements(value: Any, known: set[str]) -> tuple[tuple[str, ...], ...] | None:
    """OpenAPI `security` (a list of alternatives, each a map of scheme names) as tuples."""
    if value is None:
        return None
    if not isinstance(value, list):
        return None
    alternatives: list[tuple[str, ...]] = []
    for requirement in value:
        if isinstance(requirement, dict):
            alternatives.append(tuple(name for name in requirement if name in known))
    return tuple(alternatives)
