"""The example values the tests need (the IR carries none), kept by a key that outlives the IR's
rewrites (an operationId and a part, a webhook's name and method). Filled while parse reads the
document (example_values.TestValues answers parse's ExampleSource), rewritten by the proof where a
value fails (proof_values.py), read by the case builders."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PageSamples:
    """What the two-page walk of a list operation needs that the document's examples may not give."""

    item_json: str = "null"  # an item of the list (JSON text)
    token_json: str = "null"  # [next cursor, another] the reply field and the parameter accept
    unique_items: bool = False  # the list declares uniqueItems: a test page's two items must differ


@dataclass
class ExampleTables:
    pages: dict[str, PageSamples] = field(default_factory=dict)  # by operationId
    webhooks: dict[tuple[str, str], str] = field(default_factory=dict)  # (name, method): the payload's example (JSON text)
    streams: dict[tuple[str, str], str] = field(default_factory=dict)  # (operationId, status): two example items (JSON list)
    # (operationId, part): a parameter's, the body's or a reply's example (JSON text); the part is named
    # as the proof names it: "query:limit" (location and wire name), "body", "reply:404"
    values: dict[tuple[str, str], str] = field(default_factory=dict)
    # The replies (and additions tests) the case builders made of these values, by everything that
    # decides one (cases.py): the proof and the test modules build the same ones, and they are most
    # of a case's cost.
    built: dict[tuple[object, ...], tuple[object, object]] = field(default_factory=dict, compare=False, repr=False)
    # The schema checks parse's example makers used (schema_check.shared_check), kept until the proof's
    # maker takes one up: it reads the same relaxed document. Each holds a copy of the document.
    checks: list[object] = field(default_factory=list, compare=False, repr=False)

    def value(self, operation_id: str, part: str) -> str:
        """The part's example (JSON text); null when parse gave none."""
        return self.values.get((operation_id, part), "null")

