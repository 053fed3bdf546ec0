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
from .messages import Finding
from .operation_repairs import operation_repairs
from .places import places
from .ref_cycles import Cycle, find_cycle
from .schema_repairs import Planned, ScalarText, schema_repairs
from .structure_repairs import repair

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


SchemaErrors = Callable[[dict[str, Any]], list[Finding]]


def repair_document(data: dict[str, Any], version: str, scalar_text: ScalarText, schema_errors: SchemaErrors) -> RepairResult:
    planned = list(_plan(data, version, scalar_text))
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
    working, cycle_notes, cycle = _repair_cycles(working, copied)
    copied = copied or bool(cycle_notes)
    notes += cycle_notes
    if cycle is not None:
        return RepairResult(working, notes, None, cycle)
    result = repair_structure(working, version, schema_errors, copied)
    result.notes[:0] = notes
    return result


def repair_structure(data: dict[str, Any], version: str, schema_errors: SchemaErrors, copied: bool = False) -> RepairResult:
    """Step 2 alone (Swagger 2.0 documents get only this, before their conversion)."""
    notes: list[Note] = []
    seen: set[tuple[Any, ...]] = set()
    for _ in range(_MAX_ROUNDS):
        findings = schema_errors(data)
        if not findings:
            return RepairResult(data, notes)
        if not copied:
            data = copy.deepcopy(data)
            copied = True
        for finding in findings:
            key = (finding.path, finding.keyword, finding.member)
            message = None if key in seen else repair(finding, data, version)
            if message is None:
                return RepairResult(data, notes, finding)
            seen.add(key)
            if not message:
                continue  # the finding was an echo of one repaired before it in this round
            at = finding.path + ((finding.member,) if finding.keyword in ("additionalProperties", "unevaluatedProperties") and finding.member else ())
            notes.append(Note(_pointer(at), message))
    findings = schema_errors(data)
    return RepairResult(data, notes, findings[0] if findings else None)


def _plan(data: dict[str, Any], version: str, scalar_text: ScalarText) -> Iterable[Planned]:
    for place in places(data):
        if place.kind == "schema":
            yield from schema_repairs(place, version, scalar_text)
    yield from operation_repairs(data)


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


def _repair_cycles(data: dict[str, Any], copied: bool) -> tuple[dict[str, Any], list[Note], Cycle | None]:
    """Drop the `allOf` parts that only close a same-value `$ref` cycle; a cycle with no reading is returned."""
    notes: list[Note] = []
    for _ in range(_MAX_CYCLE_REPAIRS):
        cycle = find_cycle(data)
        if cycle is None:
            return data, notes, None
        if not cycle.removable:
            return data, notes, cycle
        if not copied:
            data = copy.deepcopy(data)
            copied = True
        loop = " -> ".join(cycle.names)
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
    return data, notes, find_cycle(data)


def _pointer(path: tuple[str | int, ...]) -> str:
    pointer = "#"
    for token in path:
        pointer = join_pointer(pointer, token)
    return pointer
