"""testgen's hand-off to plan: everything the test templates render, built before any template runs.

`plan_tests` reads the document as the tests ship it (openapi.json), proves the IR's test values
(proof.py), and builds the views the test templates print: the contract setup, each resource's
operation tests and the error classes they expect, the webhook tests. Render calls no builder:
plan puts these views into the templates' contexts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..ground.diagnostics import WarningSink
from ..ground.relaxations import Relaxations
from ..ground.schema_walk import operation_roots
from ..parse.ir import Api
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
        return {"tests": found.tests, "error_classes": found.error_classes}


def document_json(document: dict[str, Any]) -> str:
    """The document as the generated tests read it: their `tests/openapi.json`."""
    reading = reference_reading(parameters_without_null(test_reading(document)))
    return json.dumps(reading, ensure_ascii=False, separators=(",", ":")) + "\n"


def plan_tests(api: Api, document: dict[str, Any], relaxations: Relaxations, examples: ExampleTables, templates: Templates, warnings: WarningSink) -> TestPlan:
    """`relaxations`: the document's unsatisfiable schemas (ground/relaxations.py), which the tests
    validate relaxed; `examples`: the page samples and webhook payloads parse told testgen of;
    `templates` renders the tests' checking modules for the proof."""
    spec_json = document_json(document)
    # Every value the tests send or answer with, checked by the code the tests run (issue 13).
    api, proven, unproven = prove_tests(api, document, spec_json, templates, warnings, relaxations, examples)
    relaxed = relaxed_notes(document, relaxations, api)
    resources: dict[str, ResourceTests] = {}
    for resource in api.resources:
        tests = operation_tests(api, resource, relaxed, proven.notes, examples)
        resources[resource.module] = ResourceTests(tests, test_error_classes(tests))
    return TestPlan(api, spec_json, contract_setup(api, relaxations, proven.schemes), webhook_tests(api, examples), resources, unproven)


def relaxed_notes(document: dict[str, Any], relaxations: Relaxations, api: Api) -> dict[str, tuple[str, ...]]:
    """By operationId: the relaxations its schemas reach, said where and why (a note in its tests)."""
    notes: dict[str, tuple[str, ...]] = {}
    for operation in api.operations:
        reached = relaxations.reached_from(document, operation_roots(document, operation.path, operation.method.lower()))
        notes[operation.operation_id] = tuple(f"the tests validate {item.pointer} relaxed: {item.reason}" for item in reached)
    return notes
