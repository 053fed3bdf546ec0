"""JSON Schema 2020-12 references in OpenAPI 3.1+ documents, read once and made ordinary.

A 3.1 schema may carry its own `$defs`, name itself with `$id` (which changes the base URI its
`$ref`s resolve against) and mark a subschema with `$anchor` (found as `#name`). The later stages
only follow document pointers, so this pass:

1. finds every schema's base URI and resource (the nearest enclosing `$id`), every `$id` and
   every `$anchor`/`$dynamicAnchor`;
2. resolves each `$ref` (and `$dynamicRef`) against its base, as JSON Schema 2020-12 says;
3. lifts each target that is not a component schema itself (a `$defs` entry, an `$id` resource,
   an anchored subschema) into `components/schemas` under its key (collisions get the enclosing
   component's name, then a number), and rewrites every reference to `#/components/schemas/...`;
4. drops `$id`, `$anchor` and `$dynamicAnchor`: with them gone, the generated tests' validator
   resolves the rewritten pointers against the document, as parse and testgen do.

Tolerant only: a `$ref: '#/$defs/X'` the document root cannot answer, written inside a schema that
has such a `$defs` entry (relative to that schema, though it has no `$id`), is read as that entry,
with one located warning. A document with none of these keywords is returned untouched.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urldefrag, urljoin

from ..ground.pointers import join_pointer, resolve_pointer, split_pointer
from .messages import short
from .places import Place, places
from .repairs import Note

_DOCUMENT_BASE = "https://document.clientsmith.invalid/openapi"
_SCHEMAS = "#/components/schemas/"
_IDENTIFYING = ("$id", "$anchor", "$dynamicAnchor")
_REFERRING = ("$ref", "$dynamicRef")


@dataclass
class _Reference:
    place: Place
    keyword: str  # "$ref" or "$dynamicRef"
    written: str
    target: str | None = None  # the pointer in the original document
    name_hint: str = ""  # an anchor's name, which names the lifted schema better than a pointer token
    resource: str | None = None  # the pointer of the `$id` schema a reference with an address names


@dataclass
class _Index:
    resources: dict[str, str] = field(default_factory=dict)  # absolute URI -> pointer of the schema with that $id
    anchors: dict[tuple[str, str], str] = field(default_factory=dict)  # (resource URI, name) -> pointer
    dynamic: dict[tuple[str, str], str] = field(default_factory=dict)
    bases: dict[int, tuple[str, str]] = field(default_factory=dict)  # id(place) -> (base URI, resource pointer)


@dataclass(frozen=True)
class Reading:
    data: dict[str, Any]
    notes: list[Note]
    moves: dict[str, str] = field(default_factory=dict)  # a lifted schema's new pointer -> where it was written


def read_schema_resources(data: dict[str, Any], tolerant: bool) -> Reading:
    """The document with every schema reference a document pointer, the notes on how they were
    read, and where each lifted schema was written (for locating later warnings about it)."""
    schema_places = [place for place in places(data) if place.kind == "schema"]
    if not any(_concerns(data, place.node) for place in schema_places):
        return Reading(data, [])
    index = _index(schema_places)
    notes: list[Note] = []
    references = list(_references(schema_places))
    for reference in references:
        _resolve(data, reference, index, tolerant, notes)
    lifted = _lift_names(data, references)
    if not lifted and not any(_changes(reference) for reference in references) and not _has_identifiers(schema_places):
        return Reading(data, _grouped(notes))
    moves = {join_pointer("#/components/schemas", name): pointer for pointer, name in lifted.items()}
    return Reading(_rewritten(data, schema_places, references, lifted), _grouped(notes), moves)


def source_pointer(moves: dict[str, str], pointer: str) -> str:
    """Where the document as written has what `pointer` names in the read one (a lifted schema's
    members were written under its old place; the rest did not move)."""
    for moved, written in moves.items():
        if pointer == moved or pointer.startswith(moved + "/"):
            return written + pointer[len(moved) :]
    return pointer


def _concerns(data: dict[str, Any], node: dict[str, Any]) -> bool:
    """Whether a schema needs this pass: it names itself, or refers by anchor, into a `$defs`, or nowhere."""
    if any(key in node for key in _IDENTIFYING) or "$dynamicRef" in node:
        return True
    ref = node.get("$ref")
    if not isinstance(ref, str) or not ref.startswith("#"):
        return False
    if ref == "#":
        return False
    return not ref.startswith("#/") or "$defs" in split_pointer(ref) or not _exists(data, ref)


def _has_identifiers(schema_places: list[Place]) -> bool:
    return any(key in place.node for place in schema_places for key in _IDENTIFYING)


# ------------------------------------------------------------------ step 1: bases and names


def _index(schema_places: list[Place]) -> _Index:
    index = _Index()
    for place in schema_places:  # parents come before their children
        parent = _schema_parent(place)
        base, resource = index.bases[id(parent)] if parent is not None else (_DOCUMENT_BASE, "#")
        own = place.node.get("$id")
        joined = _join(base, own) if isinstance(own, str) and own else None
        if joined is not None:
            base, resource = joined, place.pointer
            index.resources.setdefault(base, resource)
        index.bases[id(place)] = (base, resource)
        for keyword, table in (("$anchor", index.anchors), ("$dynamicAnchor", index.dynamic)):
            name = place.node.get(keyword)
            if isinstance(name, str) and name:
                table.setdefault((base, name), place.pointer)
    return index


def _schema_parent(place: Place) -> Place | None:
    parent = place.parent
    return parent if parent is not None and parent.kind == "schema" else None


def _references(schema_places: list[Place]) -> Iterator[_Reference]:
    for place in schema_places:
        for keyword in _REFERRING:
            written = place.node.get(keyword)
            if isinstance(written, str):
                yield _Reference(place, keyword, written)


# ------------------------------------------------------------------ step 2: resolving


def _resolve(data: dict[str, Any], reference: _Reference, index: _Index, tolerant: bool, notes: list[Note]) -> None:
    base, resource = index.bases[id(reference.place)]
    address, fragment = _split(reference.written)
    at = join_pointer(reference.place.pointer, reference.keyword)
    if address:
        joined = _join(base, address)
        found = index.resources.get(joined) if joined is not None else None
        if joined is None or found is None:
            if reference.keyword == "$dynamicRef":
                notes.append(Note(at, _dynamic_note(reference)))
            return  # not a resource of this document: the reference checks refuse a $ref, located
        base, resource = joined, found
        reference.resource = found
    if fragment.startswith("/") or not fragment:
        target = resource + fragment if resource != "#" else "#" + fragment
        if _exists(data, target):
            reference.target = target
        elif tolerant and not address and resource == "#":
            reference.target = _relative_to_enclosing(data, reference.place, fragment)
            if reference.target is not None:
                notes.append(
                    Note(
                        at,
                        f"$ref {short(reference.written, 60)} does not resolve against the document, which has no such member;"
                        f" read relative to the enclosing schema that has it, as {short(reference.target, 80)}",
                    )
                )
    else:
        tables = (index.dynamic, index.anchors) if reference.keyword == "$dynamicRef" else (index.anchors, index.dynamic)
        reference.target = tables[0].get((base, fragment)) or tables[1].get((base, fragment))
        reference.name_hint = fragment
    if reference.keyword == "$dynamicRef":
        notes.append(Note(at, _dynamic_note(reference)))


def _dynamic_note(reference: _Reference) -> str:
    if reference.target is not None:
        return f"$dynamicRef {short(reference.written, 60)} is read as a plain $ref to its anchor (the dynamic scope is not followed)"
    return f"$dynamicRef {short(reference.written, 60)} names no anchor of this document; read as any value"


def _join(base: str, relative: str) -> str | None:
    """`relative` resolved against `base`, without its fragment; None for text no URI parser reads."""
    try:
        return urldefrag(urljoin(base, relative)).url
    except ValueError:  # `http://[x`: an invalid IPv6 host
        return None


def _split(written: str) -> tuple[str, str]:
    address, _, fragment = written.partition("#")
    return address, fragment


def _exists(data: dict[str, Any], pointer: str) -> bool:
    try:
        resolve_pointer(data, pointer)
    except KeyError:
        return False
    return True


def _relative_to_enclosing(data: dict[str, Any], place: Place, fragment: str) -> str | None:
    """The nearest enclosing schema (the referring one included) where the pointer resolves."""
    current: Place | None = place
    while current is not None:
        candidate = current.pointer + fragment
        if _exists(data, candidate):
            return candidate
        current = _schema_parent(current)
    return None


def _changes(reference: _Reference) -> bool:
    return reference.keyword == "$dynamicRef" or (reference.target is not None and reference.target != reference.written)


# ------------------------------------------------------------------ step 3: lifting


def _lift_names(data: dict[str, Any], references: list[_Reference]) -> dict[str, str]:
    """Each target to lift (pointer -> its new component name), in document order of first reference."""
    components = data.get("components")
    existing = components.get("schemas") if isinstance(components, dict) else None
    taken = {str(name).lower() for name in existing} if isinstance(existing, dict) else set()
    lifted: dict[str, str] = {}
    for reference in references:
        unit = _unit(reference)
        if unit is not None and unit not in lifted:
            lifted[unit] = _claim(_key(unit, reference.name_hint if unit == reference.target else ""), unit, taken)
    return lifted


def _unit(reference: _Reference) -> str | None:
    """The schema to lift for a reference: its target when found by anchor or `$id`, else the
    innermost `$defs` entry holding the target (a pointer into it then follows it); None: none."""
    target = reference.target
    if target is None or target == "#" or _is_component(target):
        return None
    tokens = split_pointer(target)
    if reference.name_hint:
        return target
    if reference.resource is not None:
        return None if _is_component(reference.resource) or reference.resource == "#" else reference.resource
    for end in range(len(tokens), 1, -1):
        if tokens[end - 2] == "$defs":
            unit = _pointer(tokens[:end])
            return None if _is_component(unit) else unit
    return None if target == reference.written else target


def _is_component(pointer: str) -> bool:
    return pointer.startswith(_SCHEMAS) and len(split_pointer(pointer)) == 3


def _key(target: str, hint: str) -> str:
    if hint:
        return hint
    tokens = [token for token in split_pointer(target) if not token.isdigit()]
    return tokens[-1] if tokens else "Schema"


def _claim(wanted: str, target: str, taken: set[str]) -> str:
    tokens = split_pointer(target)
    owner = tokens[2] if target.startswith(_SCHEMAS) and len(tokens) > 3 else ""
    candidates = [wanted] + ([owner + wanted[:1].upper() + wanted[1:]] if owner else [])
    name = next((candidate for candidate in candidates if candidate.lower() not in taken), "")
    number = 2
    while not name:
        if f"{candidates[-1]}{number}".lower() not in taken:
            name = f"{candidates[-1]}{number}"
        number += 1
    taken.add(name.lower())
    return name


# ------------------------------------------------------------------ step 4: the rewritten copy


def _rewritten(data: dict[str, Any], schema_places: list[Place], references: list[_Reference], lifted: dict[str, str]) -> dict[str, Any]:
    memo: dict[int, Any] = {}
    result = copy.deepcopy(data, memo)
    by_pointer = {place.pointer: place for place in schema_places}
    for reference in references:
        node = memo[id(reference.place.node)]
        if reference.target is None:
            if reference.keyword == "$dynamicRef":
                del node["$dynamicRef"]  # no anchor: any value
            continue
        node.pop("$dynamicRef", None)
        node["$ref"] = _new_pointer(reference.target, lifted)
    moved: list[tuple[str, Any]] = []
    for target, name in lifted.items():
        original = by_pointer.get(target)
        moved.append((name, memo[id(original.node)] if original is not None else resolve_pointer(result, target)))
    for target in sorted(lifted, key=lambda pointer: -len(split_pointer(pointer))):  # the innermost first: their holders are still in place
        _detach(result, target, lifted[target])
    for place in schema_places:
        node = memo.get(id(place.node))
        if isinstance(node, dict):
            for key in _IDENTIFYING:
                node.pop(key, None)
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    for name, node in moved:
        schemas[name] = node
    return result


def _new_pointer(target: str, lifted: dict[str, str]) -> str:
    """Where `target` is once the lifted schemas have moved (the longest lifted prefix decides)."""
    best = ""
    for pointer in lifted:
        if (target == pointer or target.startswith(pointer + "/")) and len(pointer) > len(best):
            best = pointer
    if not best:
        return target
    return join_pointer("#/components/schemas", lifted[best]) + target[len(best) :]


def _detach(result: dict[str, Any], target: str, name: str) -> None:
    """Take the lifted schema out of its place: out of `$defs` entirely, elsewhere a `$ref` to it."""
    tokens = split_pointer(target)
    holder_tokens, last = tokens[:-1], tokens[-1]
    try:
        holder = resolve_pointer(result, _pointer(holder_tokens))
    except KeyError:
        return
    reference = {"$ref": join_pointer("#/components/schemas", name)}
    if holder_tokens and holder_tokens[-1] == "$defs" and isinstance(holder, dict):
        holder.pop(last, None)
        if not holder:
            owner = resolve_pointer(result, _pointer(holder_tokens[:-1]))
            if isinstance(owner, dict):
                owner.pop("$defs", None)
    elif isinstance(holder, dict):
        holder[last] = reference
    elif isinstance(holder, list) and last.isdigit():
        holder[int(last)] = reference


def _pointer(tokens: list[str]) -> str:
    pointer = "#"
    for token in tokens:
        pointer = join_pointer(pointer, token)
    return pointer


def _grouped(notes: list[Note]) -> list[Note]:
    """One note per kind of reading, at its first place, with the count of places (as repairs.py does)."""
    kinds: dict[str, list[Note]] = {}
    for note in notes:
        kinds.setdefault(note.message.split(" ", 1)[0] + (" relative" if "relative" in note.message else ""), []).append(note)
    grouped: list[Note] = []
    for same in kinds.values():
        first = same[0]
        grouped.append(first if len(same) == 1 else Note(first.pointer, f"{first.message} ({len(same)} places; this is the first)"))
    return grouped
