"""The repair pass: defects with one honest reading become a located note and a repaired copy.

Real vendor documents carry defects a strict validator refuses although they mean one thing (a 3.1
keyword in a 3.0 document, a response without a description, `schema: null`). Before the strict
check, `repair_document`:

1. plans the schema and operation repairs (schema_repairs, operation_repairs, ref_cycles) on the
   document as loaded, and applies them to one copy (only when there is something to apply);
2. validates the copy against the OpenAPI schema; each error is explained (messages) and, when
   structure_repairs has a reading for it, the copy is edited and the note kept; then again, until
   the copy is valid or an error has no reading: that error is the refusal.

Every note names the place (pointer), what is wrong and how it was read. The original document is
never changed (`--strict` and `validate` read it as written).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..ground.pointers import join_pointer, resolve_pointer, split_pointer
from .broken_parts import BrokenPart, read_as_any, read_looping_schemas, read_unreadable_part, unreadable_keyword
from .messages import Finding
from .operation_repairs import operation_repairs
from .places import places
from .ref_cycles import Cycle, find_cycle
from .schema_repairs import Planned, ScalarText, schema_repairs
from .structure_repairs import repair, still_there

# Each round repairs every error found; a repair can uncover another (a null response becomes {},
# which then lacks its description), so a few rounds are needed, never many.
_MAX_ROUNDS = 6
_MAX_CYCLE_REPAIRS = 1000


@dataclass(frozen=True)
class Note:
    pointer: str
    message: str


@dataclass
class RepairResult:
    data: dict[str, Any]
    notes: list[Note] = field(default_factory=list)
    refusal: Finding | None = None
    cycle: Cycle | None = None  # a `$ref` cycle with no reading (refused)
    broken: list[BrokenPart] = field(default_factory=list)  # parts that cannot be read, each read on its own


SchemaErrors = Callable[[dict[str, Any]], list[Finding]]


def repair_document(data: dict[str, Any], version: str, scalar_text: ScalarText, schema_errors: SchemaErrors) -> RepairResult:
    planned, unreadable = _planned(data, version, scalar_text)
    notes = _notes(planned)
    edits = [item for item in planned if item.edit is not None]
    working = data
    copied = False
    if edits:
        memo: dict[int, Any] = {}
        working = copy.deepcopy(data, memo)
        copied = True
        for item in edits:
            assert item.edit is not None
            item.edit(lambda original: memo[id(original)])
    working, cycle_notes, cycle, looped = _repair_cycles(working, copied)
    copied = copied or bool(cycle_notes)
    notes += cycle_notes
    if cycle is not None:
        return RepairResult(working, notes, None, cycle)
    result = repair_structure(working, version, schema_errors, copied)
    result.notes[:0] = [note for note in notes if not _within(note.pointer, result.broken)]
    result.broken[:0] = unreadable + looped
    return result


def repair_structure(data: dict[str, Any], version: str, schema_errors: SchemaErrors, copied: bool = False) -> RepairResult:
    """Step 2 alone (Swagger 2.0 documents get only this, before their conversion)."""
    notes: list[Note] = []
    broken: list[BrokenPart] = []
    seen: set[tuple[Any, ...]] = set()
    for _ in range(_MAX_ROUNDS):
        findings = schema_errors(data)
        if not findings:
            return RepairResult(data, notes, broken=broken)
        if not copied:
            data = copy.deepcopy(data)
            copied = True
        for finding in findings:
            if _within(_pointer(finding.path), broken):
                continue  # inside a schema already read as any value: nothing of it is left
            if not still_there(finding, data):
                # An earlier repair of this round removed the place (Swagger 2.0's schema says
                # "not empty" twice, minProperties and a `not`); the next round validates anew.
                continue
            key = (finding.path, finding.keyword, finding.member)
            message = None if key in seen else repair(finding, data, version)
            at = finding.path + ((finding.member,) if finding.keyword in ("additionalProperties", "unevaluatedProperties") and finding.member else ())
            if message is None:
                # No reading of its own: the part holding it (if any) costs only itself (3.x:
                # places.py walks 3.x documents; a Swagger 2.0 one is refused as before its conversion).
                part = None if key in seen or version == "2.0" else read_unreadable_part(finding, _pointer(at), data)
                if part is None:
                    return RepairResult(data, notes, finding, broken=broken)
                broken.append(part)
                notes[:] = [note for note in notes if not _within(note.pointer, [part])]  # readings of what is gone
                message = part.message
            seen.add(key)
            if not message:
                continue  # the finding was an echo of one repaired before it in this round
            notes.append(Note(_pointer(at), message))
    findings = schema_errors(data)
    return RepairResult(data, notes, findings[0] if findings else None, broken=broken)


def _plan(data: dict[str, Any], version: str, scalar_text: ScalarText, unreadable: list[BrokenPart]) -> Iterable[Planned]:
    for place in places(data):
        if place.kind == "schema":
            part = unreadable_keyword(place) if version != "3.0" and place.node else None
            if part is not None:
                unreadable.append(part)
                yield Planned(part.at, part.message, _untype(place.node), group=_UNREADABLE + part.pointer)
                continue  # what is inside is gone: its repairs would be noise
            yield from schema_repairs(place, version, scalar_text)
    yield from operation_repairs(data)


_UNREADABLE = "unreadable:"


def _untype(node: dict[str, Any]) -> Callable[[Callable[[Any], Any]], None]:
    def untype(copy_of: Callable[[Any], Any]) -> None:
        read_as_any(copy_of(node))

    return untype


def _planned(data: dict[str, Any], version: str, scalar_text: ScalarText) -> tuple[list[Planned], list[BrokenPart]]:
    """The planned repairs and the schemas read as any value (unreadable_keyword): only the outermost
    of those (what is inside one is gone with it), and no repair inside them."""
    unreadable: list[BrokenPart] = []
    planned = list(_plan(data, version, scalar_text, unreadable))
    if not unreadable:
        return planned, unreadable
    outermost = [part for part in unreadable if not _within(part.pointer, [other for other in unreadable if other is not part])]
    kept = {_UNREADABLE + part.pointer for part in outermost}
    return [item for item in planned if item.group in kept or not _within(item.pointer, outermost)], outermost


def _notes(planned: list[Planned]) -> list[Note]:
    """One note per kind of repair, at its first place, with its count of places.

    A kind is the repair's group, else its message: the same defect read the same way (ReadMe's
    500 3.0 `nullable`s in a 3.1 document) is one warning, not one per schema."""
    notes: list[Note] = []
    groups: dict[str, tuple[int, Planned]] = {}
    counts: dict[str, int] = {}
    for item in planned:
        kind = item.group or item.message
        if kind not in groups:
            groups[kind] = (len(notes), item)
            notes.append(Note(item.pointer, item.message))
        counts[kind] = counts.get(kind, 0) + 1
    for group, (index, item) in groups.items():
        if counts[group] > 1:
            notes[index] = Note(item.pointer, f"{item.message} ({counts[group]} places; this is the first)")
    return notes


def _repair_cycles(data: dict[str, Any], copied: bool) -> tuple[dict[str, Any], list[Note], Cycle | None, list[BrokenPart]]:
    """Drop the `allOf` parts that only close a same-value `$ref` cycle; the schemas of a cycle with no
    such reading are read as any value (only they depend on it); a cycle still there is returned."""
    notes: list[Note] = []
    looped: list[BrokenPart] = []
    for _ in range(_MAX_CYCLE_REPAIRS):
        cycle = find_cycle(data)
        if cycle is None:
            return data, notes, None, looped
        if not cycle.removable and not cycle.schemas:
            return data, notes, cycle, looped
        if not copied:
            data = copy.deepcopy(data)
            copied = True
        loop = " -> ".join(cycle.names)
        if not cycle.removable:
            untyped = read_looping_schemas(data, cycle)
            if not untyped:
                return data, notes, cycle, looped
            looped += untyped
            notes.append(Note(cycle.closing.at, untyped[0].message))
            continue
        for edge in sorted(cycle.removable, key=lambda edge: (edge.holder, -edge.index)):
            holder_pointer, _, member = edge.holder.rpartition("/")
            owner = resolve_pointer(data, holder_pointer)
            parts = owner[split_pointer(member)[0]] if member else None
            if not isinstance(parts, list) or edge.index >= len(parts):
                continue
            del parts[edge.index]
            if not parts:
                del owner[split_pointer(member)[0]]
            notes.append(Note(edge.at, f"this allOf part leads back to the same schema with no property or item between ({loop}); read without it"))
    return data, notes, find_cycle(data), looped


def _within(pointer: str, parts: list[BrokenPart]) -> bool:
    return any(pointer == part.pointer or pointer.startswith(part.pointer + "/") for part in parts)


def _pointer(path: tuple[str | int, ...]) -> str:
    pointer = "#"
    for token in path:
        pointer = join_pointer(pointer, token)
    return pointer
