"""A jsonschema error against the OpenAPI schema, as the rule it breaks, said in one short sentence.

openapi-spec-validator's own message repeats the offending object (often kilobytes of it) and, for
the many `oneOf`s of the OpenAPI schema ("a Schema or a Reference", "a path, query, header or cookie
parameter"), says only that nothing matched. `explain` walks down to the branch the document meant
(the one its `$ref`, `in` or `type` selects), to the deepest error there, and names the rule:
`'null' is not an OpenAPI 3.0 type`, `a Response object needs 'description'`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# The members whose value says which `oneOf` branch an object means.
_SELECTORS = frozenset({"in", "type", "$ref"})
_WEAK = frozenset({"anyOf", "oneOf"})
# Meta-schema definition names (3.0 "APIKeySecurityScheme", 3.1 "parameter-or-reference") -> kind.
_KIND_NAMES = {
    "apikeysecurityscheme": "security scheme",
    "httpsecurityscheme": "security scheme",
    "oauth2securityscheme": "security scheme",
    "openidconnectsecurityscheme": "security scheme",
    "implicitoauthflow": "oauth flow",
    "passwordoauthflow": "oauth flow",
    "clientcredentialsflow": "oauth flow",
    "authorizationcodeoauthflow": "oauth flow",
    "examplexorexamples": "parameter",
    "schemaxorcontent": "parameter",
    "parameterlocation": "parameter",
    "externaldocumentation": "external documentation",
    "securityrequirement": "security requirement",
    "servervariable": "server variable",
}


@dataclass(frozen=True)
class Finding:
    """One broken rule: where (instance path), in what kind of object, which keyword, and the sentence."""

    path: tuple[str | int, ...]
    kind: str  # "schema", "response", "parameter", "media type", ... ("" when unknown)
    keyword: str  # the JSON Schema keyword that failed ("required", "type", "additionalProperties", ...)
    member: str | None  # the member concerned: unexpected, missing, or the one whose value is wrong
    instance: Any
    text: str
    hint: str = ""
    expected: Any = None  # the keyword's value in the OpenAPI schema (allowed values, expected type, ...)
    others: tuple[str, ...] = field(default=())  # further unexpected/missing members of the same object


def explain(error: Any, root_schema: dict[str, Any], version: str) -> Finding:
    """The rule `error` (a jsonschema ValidationError against `root_schema`) stands for."""
    chosen = deepest(error)
    kind = kind_of(root_schema, list(chosen.absolute_schema_path))
    definitions = root_schema.get("definitions") or root_schema.get("$defs") or {}
    # Whether the failing schema is a whole definition: the value itself is that kind of object.
    whole = any(chosen.schema is definition for definition in definitions.values())
    return _finding(chosen, kind, version, whole)


def _instance_has(instance: Any, member: str) -> bool:
    return isinstance(instance, dict) and member in instance


def deepest(error: Any) -> Any:
    """Descend from a `oneOf`/`anyOf` error into the branch the instance meant, to its best error."""
    while error.validator in _WEAK and error.context:
        every = list(_branches(error).values())
        meant = [errors for errors in every if not _rejects_selector(errors, error.instance, nested=True)]
        if not meant:  # every option rejects a nested selector: the selector's value is the mistake
            meant = [errors for errors in every if not _rejects_selector(errors, error.instance, nested=False)]
        if len(meant) == 1:
            error = _best(meant[0])
            continue
        for validator in ("type", "required"):
            if _only(meant or every, validator):
                return _merged(meant or every)
        if not meant and _all_selector_enums(every):
            return _merged_selector(error, every)
        fewest = sorted(meant, key=len)
        if len(fewest) >= 2 and len(fewest[0]) < len(fewest[1]):
            error = _best(fewest[0])  # the option the value is closest to (one stray member, not three)
            continue
        return error
    return error


def _rejects_selector(errors: list[Any], instance: Any, nested: bool = True) -> bool:
    """Whether a branch fails because the instance is of another kind (not a mistake inside it)."""
    for item in errors:
        path = tuple(item.relative_path)
        if not path and item.validator == "type":
            return True
        if not path and item.validator == "required" and "$ref" in _missing(item) and not _instance_has(instance, "$ref"):
            return True
        if not path and item.validator in ("additionalProperties", "unevaluatedProperties") and _instance_has(instance, "$ref") and "$ref" in _unexpected(item):
            return True  # the instance is a Reference: a branch that is not one is not meant
        if _selector_error(item):
            return True
        if nested and not path and item.validator in _WEAK and item.context and all(_rejects_selector(errors, instance) for errors in _branches(item).values()):
            return True  # a nested choice none of whose options is meant (Swagger 2's non-body parameters)
    return False


def _branches(error: Any) -> dict[Any, list[Any]]:
    branches: dict[Any, list[Any]] = {}
    for item in error.context:
        branches.setdefault(item.relative_schema_path[0], []).append(item)
    return branches


def _selector_error(item: Any) -> bool:
    """`in: query` against a branch for `in: path`: a member whose single allowed value picks the branch."""
    path = tuple(item.relative_path)
    if len(path) != 1 or path[0] not in _SELECTORS:
        return False
    return item.validator == "const" or (item.validator == "enum" and isinstance(item.validator_value, list) and len(item.validator_value) == 1)


def _all_selector_enums(branches: Any) -> bool:
    return all(any(_selector_error(item) for item in errors) for errors in branches)


def _only(branches: list[list[Any]], validator: str) -> bool:
    """Every branch fails only by `validator` at the instance itself."""
    return bool(branches) and all(errors and all(item.validator == validator and not item.relative_path for item in errors) for errors in branches)


def _merged(branches: list[list[Any]]) -> Any:
    """One error for a `oneOf` whose every branch fails the same way at the same place: the
    alternatives joined (`needs 'schema' or 'content'`, `must be an object or a boolean`)."""
    first = branches[0][0]
    values: list[Any] = []
    for errors in branches:
        for item in errors:
            value = item.validator_value
            for one in value if isinstance(value, list) else [value]:
                if one not in values:
                    values.append(one)
    first.validator_value = values
    first.alternatives = True
    return first


def _merged_selector(error: Any, branches: Any) -> Any:
    """No branch accepts the selector's value (`in: body`): one error listing every allowed value."""
    allowed: list[Any] = []
    chosen = None
    for errors in branches:
        for item in errors:
            if _selector_error(item):
                values = item.validator_value if item.validator == "enum" else [item.validator_value]
                allowed.extend(value for value in values if value not in allowed)
                chosen = chosen or item
    assert chosen is not None
    chosen.validator = "enum"
    chosen.validator_value = allowed
    return chosen


def _best(errors: list[Any]) -> Any:
    """The most telling error of a branch: not a weak one if possible, then the deepest."""
    return max(errors, key=lambda item: (item.validator not in _WEAK, len(item.relative_path)))


def _missing(error: Any) -> list[str]:
    if error.validator != "required" or not isinstance(error.validator_value, list):
        return []
    instance = error.instance if isinstance(error.instance, dict) else {}
    return [str(name) for name in error.validator_value if name not in instance]


def kind_of(root: dict[str, Any], schema_path: list[Any]) -> str:
    """The OpenAPI object kind at the end of a schema path (following the meta-schema's `$ref`s)."""
    definitions = root.get("definitions") or root.get("$defs") or {}
    node: Any = root
    kind = "openapi"
    for token in schema_path:
        for _ in range(20):
            if isinstance(node, dict) and token not in node and isinstance(node.get("$ref"), str):
                name = node["$ref"].rsplit("/", 1)[-1]
                target = _resolve_local(root, node["$ref"])
                if target is None:
                    return kind
                if name in definitions:
                    kind = _kind_name(name)
                node = target
                continue
            break
        node = child(node, token)
        if node is MISSING:
            return kind
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            name = node["$ref"].rsplit("/", 1)[-1]
            if name in definitions:
                kind = _kind_name(name)
        if isinstance(node, dict) and node.get("$dynamicRef") == "#meta":
            kind = "schema"
    return kind


MISSING = object()


def child(node: Any, token: Any) -> Any:
    """`node[token]` for a member or an item, or MISSING."""
    if isinstance(node, dict) and token in node:
        return node[token]
    if isinstance(node, list) and isinstance(token, int) and 0 <= token < len(node):
        return node[token]
    return MISSING


def _resolve_local(root: dict[str, Any], ref: str) -> Any:
    if not ref.startswith("#/"):
        return None
    node: Any = root
    for token in ref[2:].split("/"):
        if not isinstance(node, dict) or token not in node:
            return None
        node = node[token]
    return node


def _kind_name(definition: str) -> str:
    key = definition.replace("-", "").lower()
    if key in _KIND_NAMES:
        return _KIND_NAMES[key]
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", definition).replace("-", " ").lower()
    words = words.removesuffix(" or reference").removesuffix(" sub schema")
    return words


def article(kind: str) -> str:
    if not kind or kind == "openapi":
        return "the document"
    spelled = {"oauth": "OAuth", "xml": "XML"}
    name = " ".join(spelled.get(word, word.capitalize()) for word in kind.split())
    return f"{'an' if name[0] in 'AEIOX' else 'a'} {name} object"


def short(value: Any, limit: int = 40) -> str:
    """A value as a message may show it: scalars quoted and clipped, containers named, never dumped."""
    if isinstance(value, dict):
        return "an object" if value else "an empty object"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 4] + "...'"


def _json_type(name: Any) -> str:
    names = name if isinstance(name, list) else [name]
    spoken = {"object": "an object", "array": "a list", "string": "a string", "integer": "an integer", "number": "a number", "boolean": "a boolean (true or false)", "null": "null"}
    return " or ".join(spoken.get(str(item), str(item)) for item in names)


def _finding(error: Any, kind: str, version: str, whole: bool) -> Finding:
    path = tuple(error.absolute_path)
    member = str(path[-1]) if path and isinstance(path[-1], str) else None
    keyword = str(error.validator)
    instance = error.instance
    expected = error.validator_value
    where = article(kind)
    label = f"'{member}'" if member is not None else "this value"
    oas = "Swagger 2.0" if version == "2.0" else f"OpenAPI {version}"
    if keyword in ("additionalProperties", "unevaluatedProperties"):
        unexpected = _unexpected(error)
        if unexpected:
            hint = ""
            if kind == "responses" and all(not name.startswith("x-") for name in unexpected):
                text = f"{short(unexpected[0])} is not a response code (100-599, 1XX-5XX or default)"
            elif kind == "paths":
                text = f"path {short(unexpected[0])} does not start with '/'"
            else:
                text = f"{short(unexpected[0])} is not a field of {where} in {oas}"
                hint = "extensions must start with x-"
            return Finding(path, kind, keyword, unexpected[0], instance, text, hint, expected, tuple(unexpected[1:]))
        return Finding(path, kind, keyword, member, instance, f"{label} is not allowed here in {oas}", "", expected)
    if keyword == "required":
        missing = _missing(error) or [str(item) for item in expected or []] or ["?"]
        joiner = " or " if getattr(error, "alternatives", False) else ", "
        text = f"{where} needs {joiner.join(map(repr, missing))}"
        return Finding(path, kind, keyword, missing[0], instance, text, "", expected, tuple(missing[1:]))
    if keyword == "type":
        if kind == "schema" and member == "type" and isinstance(instance, list) and version == "3.0":
            text = f"a list of types is not {oas}"
            return Finding(path, kind, keyword, member, instance, text, "use one type, with nullable: true for null, or oneOf", expected)
        if member == "exclusiveMinimum" or member == "exclusiveMaximum":
            text = f"{label} must be true or false in {oas} (found {short(instance)}); the bound itself goes in {'minimum' if 'Minimum' in member else 'maximum'}"
        elif member == "required" and kind == "schema":
            text = f"'required' in a schema must list property names (found {short(instance)}); mark a property required in its parent's 'required' list"
        elif whole and kind not in ("openapi", ""):
            text = f"{label} must be {where[:-7] if where.endswith(' object') else where} object (found {short(instance)})"
        else:
            text = f"{label} must be {_json_type(expected)} (found {short(instance)})"
        return Finding(path, kind, keyword, member, instance, text, "", expected)
    if keyword in ("enum", "const"):
        allowed = expected if keyword == "enum" else [expected]
        if kind == "schema" and member == "type" and version == "3.0":
            if instance == "null":
                return Finding(path, kind, keyword, member, instance, f"'null' is not an {oas} type", "use nullable: true", expected)
            return Finding(path, kind, keyword, member, instance, f"{short(instance)} is not an {oas} type (one of {', '.join(map(str, allowed))})", "", expected)
        if member == "openapi" and not path[:-1]:
            text = f"{short(instance)} is not an OpenAPI {version} version"
        else:
            shown = ", ".join(short(value, 20) for value in allowed[:8]) + (", ..." if len(allowed) > 8 else "")
            text = f"{label} must be {'one of ' if len(allowed) > 1 else ''}{shown} (found {short(instance)})"
        return Finding(path, kind, keyword, member, instance, text, "", expected)
    if keyword == "pattern":
        if instance == "":
            return Finding(path, kind, keyword, member, instance, f"{label} is empty", "", expected)
        if member == "openapi" and len(path) == 1:
            return Finding(path, kind, keyword, member, instance, f"{short(instance)} is not an OpenAPI {version}.x version", f"write openapi: {version}.x, e.g. '{version}.3'" if version == "3.0" else "write openapi: 3.1.0", expected)
        return Finding(path, kind, keyword, member, instance, f"{label} {short(instance)} does not match the pattern {short(expected, 30)}", "", expected)
    if keyword in ("oneOf", "anyOf"):
        text = f"{short(instance)} is not valid as {where}" if kind not in ("openapi", "") else f"{label} is not valid here"
        if keyword == "oneOf" and _matches_several(error):
            text = f"{label} is ambiguous: it is valid as more than one kind of {kind or 'object'}"
        return Finding(path, kind, keyword, member, instance, text, "see the OpenAPI specification for this object", expected)
    if keyword in ("minItems", "minProperties"):
        return Finding(path, kind, keyword, member, instance, f"{label} must not be empty", "", expected)
    if keyword in ("maxItems", "maxProperties"):
        return Finding(path, kind, keyword, member, instance, f"{label} must have at most {expected} {'item' if keyword == 'maxItems' else 'member'}{'s' if expected != 1 else ''}", "", expected)
    if keyword == "uniqueItems":
        return Finding(path, kind, keyword, member, instance, f"{label} lists an item twice", "", expected)
    if keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        relation = {"minimum": ">=", "maximum": "<=", "exclusiveMinimum": ">", "exclusiveMaximum": "<"}[keyword]
        return Finding(path, kind, keyword, member, instance, f"{label} must be {relation} {expected} (found {short(instance)})", "", expected)
    if keyword == "format":
        return Finding(path, kind, keyword, member, instance, f"{label} is not a valid {expected} (found {short(instance)})", "", expected)
    if keyword == "not":
        return Finding(path, kind, keyword, member, instance, f"{where} cannot have {label} together with the members it has", "", expected)
    if keyword == "dependentRequired" or keyword == "dependencies":
        return Finding(path, kind, keyword, member, instance, f"{where} is missing a member another member requires", "", expected)
    if keyword == "propertyNames":
        return Finding(path, kind, keyword, member, instance, f"{where} has a member name that is not allowed", "", expected)
    if keyword == "false":
        return Finding(path, kind, keyword, member, instance, f"{label} is not allowed here", "", expected)
    message = str(getattr(error, "message", "")).splitlines()[0] if getattr(error, "message", "") else keyword
    if instance is not None and message.startswith(repr(instance)[:20]):
        message = f"{label}{message[len(repr(instance)) :]}" if len(repr(instance)) < len(message) else f"{label} is invalid"
    return Finding(path, kind, keyword, member, instance, message[:160], "", expected)


def _unexpected(error: Any) -> list[str]:
    """The members an `additionalProperties: false` (or `unevaluatedProperties: false`) object does not allow, in document order."""
    schema, instance = error.schema, error.instance
    if not isinstance(instance, dict):
        return []
    if error.validator == "unevaluatedProperties":
        found = re.findall(r"'((?:[^'\\]|\\.)*)'", str(error.message).split("(", 1)[-1])
        return [name for name in (str(key) for key in instance) if name in found] or found
    if not isinstance(schema, dict):
        return []
    known = schema.get("properties") or {}
    patterns = list(schema.get("patternProperties") or {})
    return [str(key) for key in instance if key not in known and not any(re.search(pattern, str(key)) for pattern in patterns)]


def _matches_several(error: Any) -> bool:
    branches = {item.relative_schema_path[0] for item in error.context or ()}
    options = error.validator_value if isinstance(error.validator_value, list) else []
    return len(options) - len(branches) > 1


# Type names programming languages spell (flasgger's `int`, Java's `long`), each with one reading.
TYPE_ALIASES = {"int": "integer", "long": "integer", "bool": "boolean", "str": "string", "float": "number", "double": "number", "dict": "object", "list": "array"}
