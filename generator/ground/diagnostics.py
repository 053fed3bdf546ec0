"""Errors and warnings that point at a place in a spec.

A user's mistake is reported as a `SpecError` (file, line, column, what is wrong, what to do);
the CLI prints it on one line and exits 1 without a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Location:
    """Where something is: a file, an optional line/column (1-based) and a JSON pointer."""

    file: str
    line: int | None = None
    column: int | None = None
    pointer: str = ""

    def __str__(self) -> str:
        text = self.file
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        return text


class ClientsmithError(Exception):
    """Base class for every error the generator reports to a user."""


class SpecError(ClientsmithError):
    """The input spec is unusable: bad YAML, invalid OpenAPI, a dangling or unsafe `$ref`."""

    def __init__(self, location: Location, message: str, hint: str = "") -> None:
        self.location = location
        self.message = message
        self.hint = hint
        super().__init__(self.render())

    def __reduce__(self) -> tuple[type[SpecError], tuple[Location, str, str]]:
        # pickled by its parts (a forked check hands its refusal back: ground/forked.py)
        return (type(self), (self.location, self.message, self.hint))

    def render(self) -> str:
        hint = f"; {self.hint}" if self.hint else ""
        return fit_line(f"{self.location}: {self.message}", self.location.pointer, hint)


# A message is one line a person reads; the pointer (often the longest part) gives way first.
LINE_LIMIT = 200


def fit_line(head: str, pointer: str, tail: str = "") -> str:
    """`head (at pointer)tail` within LINE_LIMIT characters when it can be: the pointer keeps its
    start (which path, which component) and loses middle tokens (`#/paths/~1pets/.../properties/id`)
    as far as needed; head and tail are kept whole."""
    if not pointer:
        return head + tail
    tokens = pointer.split("/")
    lead = tokens[:3]
    shortened = ["/".join(lead + ["..."] + tokens[-keep:]) for keep in range(len(tokens) - 4, 0, -1)]
    shortened += ["#/.../" + tokens[-1]]
    for shown in [pointer] + shortened:
        line = f"{head} (at {shown}){tail}"
        if len(line) <= LINE_LIMIT:
            return line
    return f"{head} (at {shortened[-1]}){tail}"


class GeneratedCodeError(Exception):
    """A template produced invalid Python: a bug in clientsmith (reported as one), not in the user's spec."""


class ConfigError(ClientsmithError):
    """pyproject.toml's [tool.clientsmith] table or a command-line argument is wrong."""


@dataclass(frozen=True, order=True)
class Warning_:
    """Something the generator could not express exactly; the output uses the closest honest type."""

    pointer: str
    message: str
    kind: str = "warning"  # or "note": something the generator recognised and acted on, not a problem

    def render(self, file: str) -> str:
        # Whole: a warning is read to act on it (the command line's --max-width cuts it when asked).
        return warning_line(f"{file}: {self.kind}: {self.message}", self.pointer or "#")


def warning_line(head: str, pointer: str) -> str:
    """`head (at pointer)`, whole; refusals, not warnings, keep to one line of about 200 characters."""
    return f"{head} (at {pointer})" if pointer else head


def cut_line(text: str, width: int) -> str:
    """`text` within `width` characters: cut at the last word boundary that fits, marked `...`."""
    if len(text) <= width:
        return text
    room = max(width - 3, 1)
    boundary = text.rfind(" ", 0, room + 1)
    kept = text[:boundary] if boundary > 0 else text[:room]  # one long word: cut inside it
    return kept.rstrip() + "..."


@dataclass
class WarningSink:
    """Collects warnings during parsing; sorted on output so the order never depends on traversal."""

    items: set[Warning_] = field(default_factory=set)
    notes: set[Warning_] = field(default_factory=set)

    def warn(self, pointer: str, message: str) -> None:
        self.items.add(Warning_(pointer, message))

    def note(self, pointer: str, message: str) -> None:
        """Announce a decision the document did not spell out (a recognised pagination convention)."""
        self.notes.add(Warning_(pointer, message, "note"))

    def sorted(self) -> list[Warning_]:
        return sorted(self.items)

    def sorted_notes(self) -> list[Warning_]:
        return sorted(self.notes)
