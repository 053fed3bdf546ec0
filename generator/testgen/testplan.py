"""testgen's hand-off to plan: everything the test templates render, built before any template runs.

`plan_tests` reads the document as the tests ship it (openapi.json), proves the IR's test values
(proof.py), and builds the views the test templates print: the contract setup, each resource's
operation tests and the error classes they expect, the webhook tests. Render calls no builder:
plan puts these views into the templates' contexts.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..ground.diagnostics import WarningSink
from ..ground.relaxations import Relaxations
from ..ground.schema_walk import Reach, operation_roots
from ..ground.pointers import join_pointer
from ..ground.young_collections import only_young_collections
from ..parse.ir import Api, Operation
from ..validate.broken_parts import BrokenPart
from .example_tables import ExampleTables
from .contract import WebhookTest, contract_setup, operation_tests, webhook_tests
from .parameter_reading import parameters_without_null
from .proof import prove_tests
from .proof_modules import Templates
from .reference_reading import reference_reading
from .stream_cases import test_reading
from .views import ContractSetup, OperationTest, test_error_classes


@dataclass(frozen=True)
class ResourceTests:
    tests: list[OperationTest]
    error_classes: list[str]  # the exception classes its tests expect, sorted
    untyped: tuple[tuple[str, str], ...] = ()  # (pointer in openapi.json, why) of the untyped parts its operations reach
    untested: tuple[str, ...] = ()  # the operations whose tests could not be built, each with why


@dataclass(frozen=True)
class TestPlan:
    __test__ = False  # not a pytest class

    api: Api  # the IR with its test values proven: what the test templates read
    spec_json: str  # the document as the tests read it (their openapi.json)
    setup: ContractSetup
    webhooks: list[WebhookTest]
    resources: dict[str, ResourceTests] = field(default_factory=dict)  # by resource module
    unproven: str | None = None  # why the proof did not run here (one run-level warning), or None

    def context(self) -> dict[str, Any]:
        """What every test template reads."""
        return {"api": self.api, "setup": self.setup, "webhooks": self.webhooks}

    def resource_context(self, module: str) -> dict[str, Any]:
        """What a resource's test module reads besides `context()`."""
        found = self.resources[module]
        return {"tests": found.tests, "error_classes": found.error_classes, "untyped": found.untyped, "untested": found.untested}


def document_json(document: dict[str, Any]) -> str:
    """The document as the generated tests read it: their `tests/openapi.json`."""
    reading = reference_reading(parameters_without_null(test_reading(document)))
    return json.dumps(reading, ensure_ascii=False, separators=(",", ":")) + "\n"


def plan_tests(
    api: Api, document: dict[str, Any], relaxations: Relaxations, examples: ExampleTables, templates: Templates, warnings: WarningSink, untyped: Sequence[BrokenPart] = ()
) -> TestPlan:
    """`relaxations`: the document's unsatisfiable schemas (ground/relaxations.py), which the tests
    validate relaxed; `examples`: the page samples and webhook payloads parse told testgen of;
    `templates` renders the tests' checking modules for the proof; `untyped`: the parts validate
    read as any value (validate/broken_parts.py), which the tests of the operations reaching them name."""
    with only_young_collections():  # it allocates much that lives long: see ground/young_collections.py
        return _plan_tests(api, document, relaxations, examples, templates, warnings, untyped)


def _plan_tests(
    api: Api, document: dict[str, Any], relaxations: Relaxations, examples: ExampleTables, templates: Templates, warnings: WarningSink, untyped: Sequence[BrokenPart]
) -> TestPlan:
    spec_json = document_json(document)
    # Every value the tests send or answer with, checked by the code the tests run (issue 13).
    api, proven, unproven = prove_tests(api, document, spec_json, templates, warnings, relaxations, examples)
    reached = untyped_parts(document, api, untyped)
    relaxed = relaxed_notes(document, relaxations, api, reached)
    resources: dict[str, ResourceTests] = {}
    for resource in api.resources:
        untested: list[tuple[Operation, str]] = []
        tests = operation_tests(api, resource, relaxed, proven.notes, examples, untested)
        parts = {part.schema_pointer: part.message for operation in resource.operations for part in reached.get(operation.operation_id, ())}
        left_out = tuple(_untested(operation, reason, warnings, operation.operation_id not in proven.unprovable) for operation, reason in untested)
        resources[resource.module] = ResourceTests(tests, test_error_classes(tests), tuple(parts.items()), left_out)
    return TestPlan(api, spec_json, contract_setup(api, relaxations, proven.schemes), webhook_tests(api, examples), resources, unproven)


def _untested(operation: Operation, reason: str, warnings: WarningSink, warn: bool) -> str:
    """The sentence the test module carries for an operation left untested; a warning too, unless the
    proof already warned of the same failure (`warn` False)."""
    said = f"{operation.method.upper()} {operation.path} ({operation.name}) has no tests: building them failed ({reason}), a bug of clientsmith: please report it"
    if warn:
        warnings.warn(join_pointer(join_pointer("#/paths", operation.path), operation.method.lower()), "generated tests: " + said)
    return said


def untyped_parts(document: dict[str, Any], api: Api, untyped: Sequence[BrokenPart]) -> dict[str, tuple[BrokenPart, ...]]:
    """By operationId: the parts read as any value (validate/broken_parts.py) its schemas reach."""
    if not untyped:
        return {}
    found: dict[str, tuple[BrokenPart, ...]] = {}
    reach = Reach(document)
    wanted = {part.schema_pointer for part in untyped}
    for operation in api.operations:
        pointers = reach.reached(operation_roots(document, operation.path, operation.method.lower()), wanted)
        found[operation.operation_id] = tuple(part for part in untyped if part.schema_pointer in pointers)
    return found


def relaxed_notes(document: dict[str, Any], relaxations: Relaxations, api: Api, untyped: dict[str, tuple[BrokenPart, ...]] | None = None) -> dict[str, tuple[str, ...]]:
    """By operationId: the relaxations its schemas reach, and the parts it reaches that the document
    leaves untyped (`untyped_parts`), said where and why (notes in its tests)."""
    notes: dict[str, tuple[str, ...]] = {}
    reach = Reach(document)  # the operations share most of what they reach: walked once
    for operation in api.operations:
        reached = relaxations.reached_from(document, operation_roots(document, operation.path, operation.method.lower()), reach)
        said = [f"the tests validate {item.pointer} relaxed: {item.reason}" for item in reached]
        said += [f"{part.pointer} is untyped (Any), the document cannot say its type: {part.message}" for part in (untyped or {}).get(operation.operation_id, ())]
        notes[operation.operation_id] = tuple(said)
    return notes
