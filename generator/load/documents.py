"""Load stage: read a YAML or JSON spec, keep enough to point at lines, and bring in local `$ref` files.

The data is parsed with the fastest loader available (libyaml or json); source positions are only
computed when an error needs them: by composing the YAML node tree once, or for JSON text by reading
only the containers on a pointer's way (json_positions.py: composing large JSON as YAML takes seconds).
`$ref`s that point at other files are resolved only inside the spec's own folder, never over the
network, and inlined so that later stages see one self-contained document.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..ground.diagnostics import Location, SpecError
from .json_positions import JsonPositions
from .limits import MAX_DEPTH, LimitExceeded, check_tree, depth_error, locate_in_text
from ..ground.pointers import join_pointer, resolve_pointer, split_pointer

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SpecLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """A safe loader that keeps timestamps as strings: a spec's example date must stay text."""


_SpecLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


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
        node, complete = self._node(pointer)
        if not complete or not isinstance(node, yaml.ScalarNode) or node.style:  # plain: None or ""
            return None
        try:
            spelled = yaml.load(node.value, Loader=_SpecLoader)  # noqa: S506 - a safe loader subclass
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
        try:
            if self._root_node is None:
                self._root_node = yaml.compose(self.text, Loader=_BaseLoader)
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
    return SourceFile(path, shown, text, _stringify_keys(data), json_positions=None if shared else JsonPositions(text))


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
    try:
        return yaml.load(text, Loader=_SpecLoader), True  # noqa: S506 - a safe loader subclass
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


@dataclass
class LoadedSpec:
    """The root document with every external `$ref` inlined, plus the files it came from."""

    root: SourceFile
    data: dict[str, Any]
    files: dict[Path, SourceFile]
    notes: list[str] = field(default_factory=list)  # warnings before validation (the Swagger 2.0 repairs of the upgrade stage)
    # For a converted Swagger 2.0 document: where a place of `data` is in the file (upgrade sets it).
    source_pointer: Callable[[str], str] | None = None

    def locate(self, pointer: str) -> Location:
        if self.source_pointer is None:
            return self.root.locate(pointer)
        found = self.root.locate(self.source_pointer(pointer))
        return Location(found.file, found.line, found.column, pointer)  # the pointer names what later stages read


def load_spec(path: Path, display: str | None = None) -> LoadedSpec:
    """Load a spec and inline the `$ref`s that point at other files in its folder.

    A Swagger 2.0 document is returned as it is: the upgrade stage checks and converts it.
    """
    root = read_source(path, display)
    files = {path.resolve(): root}
    inliner = _ExternalRefInliner(path.resolve().parent, files)
    data = inliner.inline_document(root)
    return LoadedSpec(root, data, files)


@dataclass
class _ExternalRefInliner:
    """Replaces `{"$ref": "other.yaml#/x"}` with the referenced content, inside `base_dir` only."""

    base_dir: Path
    files: dict[Path, SourceFile]
    _stack: list[tuple[Path, str]] = field(default_factory=list)

    def inline_document(self, source: SourceFile) -> dict[str, Any]:
        if not _has_external_ref(source.data):
            return source.data  # type: ignore[no-any-return]
        result = self._walk(source.data, source, "#", 1)
        assert isinstance(result, dict)
        return result

    def _walk(self, value: Any, source: SourceFile, pointer: str, depth: int) -> Any:
        if depth > MAX_DEPTH and isinstance(value, (dict, list)):
            raise SpecError(source.locate(pointer), f"with its $ref'd files inlined, the document nests deeper than {MAX_DEPTH} levels", "use fewer levels of files")
        if isinstance(value, dict):
            ref = value.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                return self._inline(ref, source, join_pointer(pointer, "$ref"), depth)
            return {key: self._walk(item, source, join_pointer(pointer, key), depth + 1) for key, item in value.items()}
        if isinstance(value, list):
            return [self._walk(item, source, join_pointer(pointer, index), depth + 1) for index, item in enumerate(value)]
        return value

    def _inline(self, ref: str, source: SourceFile, pointer: str, depth: int) -> Any:
        target_file, _, target_pointer = ref.partition("#")
        where = source.locate(pointer)
        if _URL_SCHEME.match(target_file) or target_file.startswith("//"):
            raise SpecError(where, f"$ref {ref!r} points at a URL", "remote references are never fetched; copy the file next to the spec")
        if Path(target_file).is_absolute():
            raise SpecError(where, f"$ref {ref!r} is an absolute path", "use a path relative to the spec's folder")
        target_path = (source.path.parent / target_file).resolve()
        if not target_path.is_relative_to(self.base_dir):
            raise SpecError(where, f"$ref {ref!r} leaves the spec's folder", "only files inside the spec's folder can be referenced")
        key = (target_path, target_pointer)
        if key in self._stack:
            raise SpecError(where, f"$ref {ref!r} is a cycle across files", "move the recursive schemas into one file")
        target_source = self.files.get(target_path)
        if target_source is None:
            if not target_path.is_file():
                raise SpecError(where, f"$ref {ref!r}: file {target_file!r} does not exist", "check the file name")
            target_source = read_source(target_path, str(target_path.relative_to(self.base_dir)))
            self.files[target_path] = target_source
        try:
            target = resolve_pointer(target_source.data, target_pointer or "#")
        except KeyError:
            raise SpecError(where, f"$ref {ref!r} does not resolve: no {target_pointer!r} in {target_file}", "check the pointer") from None
        self._stack.append(key)
        try:
            rewritten = _relative_refs_to(copy.deepcopy(target), target_path.name)
            return self._walk(rewritten, target_source, target_pointer or "#", depth)
        finally:
            self._stack.pop()


def _relative_refs_to(value: Any, file_name: str) -> Any:
    """Inside an inlined fragment, `#/x` refers to the other file: make that explicit."""
    if isinstance(value, dict):
        ref = value.get("$ref")
        if isinstance(ref, str) and ref.startswith("#"):
            value = dict(value)
            value["$ref"] = file_name + ref
        return {key: _relative_refs_to(item, file_name) for key, item in value.items()}
    if isinstance(value, list):
        return [_relative_refs_to(item, file_name) for item in value]
    return value


def _has_external_ref(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                return True
            stack.extend(child for child in item.values() if isinstance(child, (dict, list)))
        elif isinstance(item, list):
            stack.extend(child for child in item if isinstance(child, (dict, list)))
    return False
