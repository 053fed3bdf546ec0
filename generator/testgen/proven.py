"""What the generation-time proof (proof.py) decided, kept beside the IR (which carries no test data).

Each operation's notes say which of its test values the tests' checks rejected on the exact request or
reply and what became of them; each OAuth2 scheme may have the tests' own credential values (the
token form's) or a reason its token request is not held to the document (proof_token.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ProofNote:
    """A value the tests' checks rejected, replaced by a synthesized one, or left out when that failed
    too (an optional parameter or body is not sent; a reply's test is skipped)."""

    part: str  # "query:limit" (location:wire name), "body", "reply:404", "stream", "paging", "call"
    left_out: bool
    reason: str


@dataclass(frozen=True)
class SchemeTest:
    """The tests' side of one security scheme."""

    values: tuple[str, ...] = ()  # the tests' value of each credential argument; () = the dummies
    token_unchecked: str = ""  # why the tests do not hold its token request to the document


@dataclass
class Proven:
    notes: dict[str, tuple[ProofNote, ...]] = field(default_factory=dict)  # by operationId
    schemes: dict[str, SchemeTest] = field(default_factory=dict)  # by scheme key (only those the proof changed)
    unprovable: set[str] = field(default_factory=set)  # operationIds the proof could not run for (each warned of)
