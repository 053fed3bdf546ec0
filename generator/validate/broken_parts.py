"""One bad part costs one part: defects only one schema, parameter, reply, body or operation depends on.

Tolerant reading only (`--strict` refuses them as written). A `$ref` that points at nothing, a
schema whose keywords cannot be read, a `$ref` loop with no property or item in it, an object whose
structure breaks the OpenAPI schema with no reading of its own (repairs.py asks): none says anything
about the rest of the document, so the rest is generated as usual and the broken part gets the
closest reading that claims nothing:

- a schema: `{}`, any value (the client types it `Any`);
- a reply: any JSON value (the client returns what the server sent, untyped);
- a request body: any JSON value (the client sends what it is given);
- a parameter, header, operation, path item or callback: left out (its name or place is unknown);
- an Example or a Link (documentation only): left out.

Each is one located warning (at the defect, where `--strict` refuses it), and each schema, reply or
body read as any value is a `BrokenPart` the generated tests name (testgen/testplan.py), so they say
what the document left untyped, and why.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..ground.pointers import is_remote_ref, join_pointer, resolve_pointer
from .messages import Finding, child, short
from .places import Place, places
from .ref_cycles import Cycle

_ANY_REPLY: dict[str, Any] = {"description": "", "content": {"application/json": {"schema": {}}}}
_ANY_BODY: dict[str, Any] = {"content": {"application/json": {"schema": {}}}}
# What is read for a broken object of each kind: a replacement, or None (left out of its holder).
_READINGS: dict[str, tuple[dict[str, Any] | None, str]] = {
    "schema": ({}, "typed as Any"),
    "response": (_ANY_REPLY, "the reply is read as JSON typed as Any (the client returns the value the server sent)"),
    "request body": (_ANY_BODY, "the request body is read as JSON typed as Any"),
    "parameter": (None, "the parameter is left out of the client"),
    "header": (None, "the header is left out of the client"),
    "path item": (None, "its operations are left out of the client"),
    "callback": (None, "the callback is left out of the client"),
    "operation": (None, "the operation is left out of the client"),
}
_UNTYPED_KINDS = frozenset({"schema", "response", "request body"})


@dataclass(frozen=True)
class BrokenPart:
    """A part read on its own: where, what is wrong with it, and what that means for the client."""

    pointer: str  # the part
    at: str  # where the defect is written (where `--strict` refuses it)
    problem: str
    reading: str
    kind: str  # the object's kind ("schema", "response", "parameter", ...: places.py)
    read_at: str = ""  # where the part is in the document as read, when an item before it was left out
    ref: str = ""  # a dangling `$ref`: what it names

    @property
    def message(self) -> str:
        return f"{self.problem}; {self.reading}"

    @property
    def untyped(self) -> bool:
        """Read as any value (a schema, reply or body), not left out."""
        return self.kind in _UNTYPED_KINDS

    @property
    def schema_pointer(self) -> str:
        """Where the schema that accepts any value now is."""
        pointer = self.read_at or self.pointer
        return pointer if self.kind == "schema" else pointer + "/content/application~1json/schema"


def read_dangling_refs(data: dict[str, Any]) -> list[BrokenPart]:
    """Read every object whose `$ref` points at nothing by its kind's reading, editing `data` in place
    (the caller hands a copy). `$ref`s in objects of other kinds stay (the caller refuses them)."""
    broken: list[tuple[Place, str]] = []
    for place in places(data):
        ref = place.node.get("$ref")
        if isinstance(ref, str) and place.kind in _READINGS and _dangles(data, ref):
            broken.append((place, ref))
    found: list[BrokenPart] = []
    removed: list[tuple[Place, Any]] = []
    for place, ref in broken:
        replacement, reading = _READINGS[place.kind]
        problem = "points at a URL, which is never fetched" if is_remote_ref(ref) else "does not resolve: nothing at that pointer"
        found.append(BrokenPart(place.pointer, place.pointer + "/$ref", f"$ref {short(ref, 80)} {problem}", reading, place.kind, ref=ref))
        if replacement is not None:
            _replace(place.node, replacement)
        else:
            removed.append((place, place.node))
    for place, node in removed:
        _remove(data, place, node)
    found += _read_dangling_documentation(data)
    if removed:  # a parameter left out moves the ones after it: say where each untyped part is now
        kept = {id(place.node): index for index, (place, _) in enumerate(broken) if place.kind in _UNTYPED_KINDS}
        for place in places(data):
            index = kept.get(id(place.node), -1)
            if index >= 0 and place.pointer != found[index].pointer:
                found[index] = replace(found[index], read_at=place.pointer)
    return found


# Objects that only document (an Example's value, a Link): one whose `$ref` dangles is left out.
_DOCUMENTING = {"examples": "example", "links": "link"}
_DOCUMENTED_BY = {"parameter": ("examples",), "header": ("examples",), "media type": ("examples",), "response": ("links",)}


def _read_dangling_documentation(data: dict[str, Any]) -> list[BrokenPart]:
    holders: list[tuple[str, Any]] = []
    components = data.get("components")
    if isinstance(components, dict):
        holders += [(join_pointer("#/components", member), components.get(member)) for member in _DOCUMENTING]
    for place in places(data):
        holders += [(join_pointer(place.pointer, member), place.node[member]) for member in _DOCUMENTED_BY.get(place.kind, ()) if member in place.node]
    found: list[BrokenPart] = []
    for pointer, entries in holders:
        if not isinstance(entries, dict):
            continue
        kind = _DOCUMENTING[pointer.rsplit("/", 1)[-1]]
        for name, entry in list(entries.items()):
            ref = entry.get("$ref") if isinstance(entry, dict) else None
            if isinstance(ref, str) and _dangles(data, ref):
                where = join_pointer(pointer, name)
                found.append(BrokenPart(where, where + "/$ref", f"$ref {short(ref, 80)} does not resolve: nothing at that pointer", f"the {kind} is left out", kind))
                del entries[name]
    return found


def read_unreadable_part(finding: Finding, at: str, data: dict[str, Any]) -> BrokenPart | None:
    """The innermost part holding `finding` (an error against the OpenAPI schema no repair reads) read
    by its kind, editing `data`: a schema as any value, a reply or body as any JSON, a parameter,
    header or operation left out (a media type is its reply's or body's). None when the finding is
    inside no such part (a defect of the whole document: refused)."""
    kinds = {id(place.node): place for place in places(data) if place.kind in _READINGS or place.kind == "media type"}
    node: Any = data
    innermost: Place | None = None
    for token in finding.path:
        node = child(node, token)
        if not isinstance(node, (dict, list)):
            break
        if id(node) in kinds:
            innermost = kinds[id(node)]
    if innermost is not None and innermost.kind == "media type":
        innermost = innermost.parent
    if innermost is None or innermost.kind not in _READINGS:
        return None
    pointer, kind = innermost.pointer, innermost.kind
    replacement, reading = _READINGS[kind]
    if replacement is not None:
        _replace(innermost.node, replacement)
    else:
        _remove(data, innermost, innermost.node)
    return BrokenPart(pointer, at, f"this {kind} cannot be read ({finding.text})", reading, kind)


def read_looping_schemas(data: dict[str, Any], cycle: Cycle) -> list[BrokenPart]:
    """The schemas of a `$ref` loop with no property or item between (a schema that includes itself,
    with no reading of its own: ref_cycles.py) read as any value, editing `data`; one part each, all
    with the loop's one message."""
    loop = " -> ".join(cycle.names)
    shown = loop if len(loop) <= 100 else loop[:97] + "..."
    problem = f"$ref cycle with no property or item in between ({shown}): the schema includes itself"
    reading = "typed as Any" if len(cycle.schemas) == 1 else "its schemas typed as Any"
    found: list[BrokenPart] = []
    for pointer in cycle.schemas:
        try:
            node = resolve_pointer(data, pointer)
        except KeyError:
            continue
        if isinstance(node, dict):
            _replace(node, {})
            found.append(BrokenPart(pointer, cycle.closing.at, problem, reading, "schema"))
    return found


# JSON Schema keywords whose value shapes the type, with the JSON types that value may have. The
# OpenAPI 3.0 schema checks them (an error there is an unreadable schema: read_unreadable_part);
# 3.1's leaves schemas to JSON Schema, so a 3.1 document's are checked here.
_KEYWORD_TYPES: dict[str, tuple[type, ...]] = {
    "properties": (dict,),
    "patternProperties": (dict,),
    "items": (dict, bool, list),
    "prefixItems": (list,),
    "additionalProperties": (dict, bool),
    "not": (dict, bool),
    "allOf": (list,),
    "anyOf": (list,),
    "oneOf": (list,),
    "enum": (list,),
    "required": (list, bool),  # `required: true` on a property is draft 3's, read by schema_repairs
    "pattern": (str,),
    "minimum": (int, float),
    "maximum": (int, float),
    "minLength": (int, float),
    "maxLength": (int, float),
    "minItems": (int, float),
    "maxItems": (int, float),
    "multipleOf": (int, float),
}
_SPOKEN = {dict: "an object", bool: "a boolean", list: "a list", str: "a string", int: "a number", float: "a number"}


def unreadable_keyword(place: Place) -> BrokenPart | None:
    """A 3.1 schema one of whose type-shaping keywords has a value of the wrong JSON type, as the
    part to read as any value (the caller edits it), or None."""
    node = place.node
    if node.keys().isdisjoint(_KEYWORD_TYPES):
        return None
    for keyword in [key for key in node if key in _KEYWORD_TYPES]:  # the document's order: the first is said
        value = node[keyword]
        allowed = _KEYWORD_TYPES[keyword]
        if isinstance(value, allowed) and not (isinstance(value, bool) and bool not in allowed):
            continue
        expected = " or ".join(dict.fromkeys(_SPOKEN[kind] for kind in allowed if kind is not bool or keyword != "required"))
        at = place.pointer + "/" + keyword
        return BrokenPart(place.pointer, at, f"this schema cannot be read ('{keyword}' must be {expected}, found {short(value)})", "typed as Any", "schema")
    return None


def _dangles(data: dict[str, Any], ref: str) -> bool:
    """Whether `ref`, followed through the `$ref`s it leads to, ends at nothing."""
    seen: set[str] = set()
    while ref not in seen:
        if is_remote_ref(ref):
            return True  # never fetched: that part is as unreadable as one whose target is missing
        if not ref.startswith("#"):
            return False  # not local: not a part-local defect (the refusal stays)
        seen.add(ref)
        try:
            target = resolve_pointer(data, ref)
        except KeyError:
            return True
        if not (isinstance(target, dict) and isinstance(target.get("$ref"), str)):
            return False
        ref = target["$ref"]
    return False  # a loop: the cycle checks speak of it


def read_as_any(schema: dict[str, Any]) -> None:
    """Edit `schema` into one any value satisfies (its description kept)."""
    _replace(schema, {})


def _replace(node: dict[str, Any], replacement: dict[str, Any]) -> None:
    description = node.get("description")
    node.clear()
    node.update(_fresh(replacement))
    if isinstance(description, str):
        node["description"] = description  # what the document says of the part still documents it


def _fresh(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _fresh(item) for key, item in value.items()}
    return value


def _remove(data: dict[str, Any], place: Place, node: Any) -> None:
    """Take `node` out of the list or map it is an entry of (a root entry's holder is the document's)."""
    holder: Any = place.parent.node if place.parent is not None else data
    tokens = place.tokens
    for token in tokens[:-1]:
        holder = child(holder, token)
    if isinstance(holder, list):
        holder[:] = [item for item in holder if item is not node]
    elif isinstance(holder, dict) and holder.get(tokens[-1]) is node:
        del holder[tokens[-1]]
