"""Load stage: read one YAML or JSON file and keep enough to point at its lines.

The data is parsed with the fastest loader available (libyaml or json); source positions are only
computed when an error needs them: by composing the YAML node tree once, or for JSON text by reading
only the containers on a pointer's way (json_positions.py: composing large JSON as YAML takes seconds).
Bringing in the files a document's `$ref`s name is bundle.py's job.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..ground.diagnostics import Location, SpecError
from .json_positions import JsonPositions
from .limits import LimitExceeded, check_tree, depth_error, locate_in_text
from ..ground.pointers import split_pointer

if TYPE_CHECKING:
    import yaml

# PyYAML is imported when YAML text is first read (~10 ms of imports a JSON document never needs).


@functools.cache
def _base_loader() -> type[yaml.SafeLoader]:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def _spec_loader() -> type[yaml.SafeLoader]:
    """The loader a YAML document is read with (made once)."""
    import yaml

    class _SpecLoader(_base_loader()):  # type: ignore[misc]
        """A safe loader that keeps timestamps as strings: a spec's example date must stay text."""

    _SpecLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return _SpecLoader


@dataclass
class SourceFile:
    """One loaded file: its data and, on demand, the positions of its nodes."""

    path: Path
    display: str
    text: str
    data: Any
    _root_node: yaml.Node | None = field(default=None, repr=False)
    json_positions: JsonPositions | None = field(default=None, repr=False)  # set for JSON text: no YAML composing

    def locate(self, pointer: str) -> Location:
        """The line and column of the node at a JSON pointer, as precisely as can be had."""
        line, column = self._position(pointer)
        return Location(self.display, line, column, pointer)

    def scalar_text(self, pointer: str, value: Any) -> str | None:
        """How the file spells the scalar `value` at `pointer` (`yes` for True), when it is there."""
        if self.json_positions is not None:
            return self.json_positions.scalar_text(pointer, value)
        import yaml

        node, complete = self._node(pointer)
        if not complete or not isinstance(node, yaml.ScalarNode) or node.style:  # plain: None or ""
            return None
        try:
            spelled = yaml.load(node.value, Loader=_spec_loader())  # noqa: S506 - a safe loader subclass
        except yaml.YAMLError:
            return None
        return str(node.value) if type(spelled) is type(value) and spelled == value else None

    def _position(self, pointer: str) -> tuple[int | None, int | None]:
        if self.json_positions is not None:
            return self.json_positions.line_column(pointer)
        best, _ = self._node(pointer)
        if best is None:
            return None, None
        return best.start_mark.line + 1, best.start_mark.column + 1

    def _node(self, pointer: str) -> tuple[yaml.Node | None, bool]:
        """The deepest node on the pointer's way, and whether it is the pointer's own."""
        import yaml

        try:
            if self._root_node is None:
                self._root_node = yaml.compose(self.text, Loader=_base_loader())
        except yaml.YAMLError:
            return None, False
        node = self._root_node
        for token in split_pointer(pointer):
            child = _child_node(node, token)
            if child is None:
                return node, False
            node = child
        return node, True


def _child_node(node: yaml.Node | None, token: str) -> yaml.Node | None:
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == token:
                return value  # type: ignore[no-any-return]
    if isinstance(node, yaml.SequenceNode) and token.isdigit():
        index = int(token)
        if index < len(node.value):
            return node.value[index]  # type: ignore[no-any-return]
    return None


class NotAMappingError(SpecError):
    """The file parsed, but its top level is a list or a scalar: it cannot be an OpenAPI document."""


def read_source(path: Path, display: str | None = None) -> SourceFile:
    """Read and parse one file; syntax errors become a located `SpecError`."""
    shown = display or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SpecError(Location(shown), "file not found", "check the path") from None
    except OSError as exc:
        raise SpecError(Location(shown), f"cannot read file: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpecError(Location(shown), f"not UTF-8 text (byte {exc.start})", "save the spec as UTF-8") from None
    data, shared = _parse_text(text, shown, path.suffix.lower())
    try:
        check_tree(data, shared)
    except LimitExceeded as exc:
        raise _limit_error(exc, text, shown) from None
    if not isinstance(data, dict):
        raise NotAMappingError(Location(shown, 1, 1), "the document is not a mapping", "an OpenAPI document is a YAML/JSON object")
    if shared:  # YAML: `200:` is an int key; JSON's keys are strings already
        data = _stringify_keys(data)
    return SourceFile(path, shown, text, data, json_positions=None if shared else JsonPositions(text))


# What a `$ref` may name besides YAML and JSON: a whole text file, whose text is the value (Redocly's
# convention for long descriptions: `description: {$ref: description.md}`).
DATA_SUFFIXES = (".json", ".yaml", ".yml")


def read_text_source(path: Path, display: str) -> SourceFile:
    """A file that is not YAML or JSON, read as one string."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise SpecError(Location(display), f"cannot read file: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise SpecError(Location(display), f"not UTF-8 text (byte {exc.start})", "save the file as UTF-8") from None
    return SourceFile(path, display, text, text)


def _limit_error(exc: LimitExceeded, text: str, shown: str) -> SpecError:
    position = locate_in_text(text, exc.kind)
    line, column = position if position is not None else (None, None)
    return SpecError(Location(shown, line, column), exc.message, exc.hint)


def _parse_text(text: str, shown: str, suffix: str) -> tuple[Any, bool]:
    """The data, and whether it may share nodes (YAML aliases; JSON never does)."""
    if suffix == ".json" or text.lstrip()[:1] in ("{", "["):
        try:
            return json.loads(text), False
        except json.JSONDecodeError as exc:
            if suffix == ".json":
                raise SpecError(Location(shown, exc.lineno, exc.colno), f"invalid JSON: {exc.msg}") from None
        except RecursionError:
            raise _limit_error(depth_error(), text, shown) from None
    import yaml

    try:
        return yaml.load(text, Loader=_spec_loader()), True  # noqa: S506 - a safe loader subclass
    except RecursionError:
        raise _limit_error(depth_error(), text, shown) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        problem = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
        if "maximum nesting depth" in problem:  # libyaml's own limit (1,000), deeper than ours
            raise _limit_error(depth_error(), text, shown) from None
        raise SpecError(Location(shown, line, column), f"invalid YAML: {problem}", "fix the syntax at that position") from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow: located by its offset
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - text.rfind("\n", 0, exc.position)
        problem = f"character #x{exc.character:04x} is not allowed ({exc.reason})" if isinstance(exc.character, int) else str(exc.reason)
        raise SpecError(Location(shown, line, column), f"invalid YAML: {problem}", "remove the control character") from None
    except yaml.YAMLError as exc:
        raise SpecError(Location(shown), f"invalid YAML: {str(exc).splitlines()[0][:160]}") from None


def _stringify_keys(value: Any) -> Any:
    """YAML turns `200:` into an int key; OpenAPI keys are always strings."""
    if isinstance(value, dict):
        if all(type(key) is str for key in value):
            for key, item in value.items():
                if isinstance(item, (dict, list)):
                    value[key] = _stringify_keys(item)
            return value
        return {_key_text(key): _stringify_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, (dict, list)):
                value[index] = _stringify_keys(item)
    return value


def _key_text(key: Any) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    return str(key)
