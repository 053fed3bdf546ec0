"""Bundle a document split over many files into one document, as later stages read it.

Every file is read once. A `$ref` to another file becomes a local one: a schema it names is
lifted into the schemas section under the name its own file gives it (the last pointer token, or
the file's stem), so recursion within a file or across files stays recursion between named models;
parameters, responses, request bodies, headers, examples, links and callbacks are lifted into their
sections the same way (shared ones stay shared); path items and what has no section are inlined,
each target built once. `#/...` inside another file means that file. Nothing under an extension
(`x-...`) is followed, and a `$ref` that names a schema's `$id` or `$anchor` in its own file is left
for later stages. Files outside the root's folder and URLs are refused, located at the `$ref`.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ..ground.diagnostics import SpecError
from ..ground.pointers import is_remote_ref, join_pointer, resolve_pointer, split_pointer
from . import documents
from .documents import SourceFile
from .embedded_ids import EmbeddedIds, find_embedded_ids
from .limits import MAX_DEPTH
from .object_kinds import Kind, Shape, member_child, section_for, sections
from .source_map import Origin, SourceMap, record_origins

_NOT_IN_A_NAME = re.compile(r"[^A-Za-z0-9._-]+")  # OpenAPI's component keys: ^[a-zA-Z0-9.\-_]+$
_ANNOTATIONS = frozenset({"$ref", "description", "summary"})  # a root component that only names a file

Section = tuple[str, ...]


@dataclass(frozen=True)
class _Target:
    source: SourceFile
    path: Path
    pointer: str  # normalized: "#" or "#/a/b"


def bundle(root: SourceFile, files: dict[Path, SourceFile]) -> tuple[dict[str, Any], SourceMap]:
    """The root's document with every other file's part brought in, and where each part came from."""
    if not _has_external_ref(root.data):
        return root.data, SourceMap(root)
    return _Bundler(root, files).run()


class _Bundler:
    def __init__(self, root: SourceFile, files: dict[Path, SourceFile]) -> None:
        self.root = root
        self.root_path = root.path.resolve()
        self.base_dir = self.root_path.parent
        self.files = files
        self.swagger2 = "swagger" in root.data
        self.sections = sections(self.swagger2)
        self.taken: dict[Section, set[str]] = {where: set(_section(root.data, where)) for where in self.sections}
        self.lifted: dict[Section, dict[str, Any]] = {where: {} for where in self.sections}
        self.named: dict[tuple[Path, str, Section], str] = {}
        self.pending: deque[tuple[_Target, Kind, Section, str]] = deque()
        self.claimed: dict[tuple[Section, str], dict[str, Any]] = {}  # root components that were only a $ref: their other members
        self.inlined: dict[tuple[Path, str, Kind, Shape | None], Any] = {}
        self.inlining: set[tuple[Path, str, Kind, Shape | None]] = set()
        self.origins: dict[int, Origin] = {}
        self.embedded: dict[Path, EmbeddedIds] = {}
        self.paths: dict[int, Path] = {id(root): self.root_path}

    def run(self) -> tuple[dict[str, Any], SourceMap]:
        self._claim_root_components()
        data = self._walk(self.root.data, self.root, "#", Kind.DOCUMENT, 1)
        while self.pending:
            target, kind, where, name = self.pending.popleft()
            content = self._walk(resolve_pointer(target.source.data, target.pointer), target.source, target.pointer, kind, 1)
            self._remember_origin(content, target)
            self.lifted[where][name] = content
        self._place_lifted(data)
        source_map = SourceMap(self.root)
        record_origins(data, self.origins, source_map)
        return data, source_map

    def _claim_root_components(self) -> None:
        """`Pet: {$ref: schemas/Pet.yaml}` in the root: the file's schema is `Pet` itself, not an alias of it."""
        for where, kind in self.sections.items():
            for name, value in _section(self.root.data, where).items():
                ref = value.get("$ref") if isinstance(value, dict) else None
                if not isinstance(ref, str) or ref.startswith("#") or set(value) - _ANNOTATIONS:
                    continue
                pointer = "#/" + "/".join(_escape(token) for token in (*where, name))
                if self._stays(ref, self.root, pointer):
                    continue
                target = self._target(ref, self.root, join_pointer(pointer, "$ref"))
                key = (target.path, target.pointer, where)
                if target.source is self.root or key in self.named:
                    continue
                self.named[key] = name
                self.pending.append((target, kind, where, name))
                self.claimed[(where, name)] = {member: item for member, item in value.items() if member != "$ref"}

    def _place_lifted(self, data: dict[str, Any]) -> None:
        for where, entries in self.lifted.items():
            if not entries:
                continue
            holder: Any = data
            for token in where:
                if not isinstance(holder.get(token), dict):
                    holder[token] = {}
                holder = holder[token]
            for name, content in entries.items():
                extra = self.claimed.get((where, name))
                if extra and isinstance(content, dict):
                    merged = {**content, **extra}
                    self.origins.setdefault(id(merged), self.origins[id(content)])
                    content = merged
                holder[name] = content

    # -- the walk: a rebuilt copy of a file's part, its references rewritten

    def _walk(self, value: Any, source: SourceFile, pointer: str, kind: Kind, depth: int) -> Any:
        if kind is Kind.DATA or not isinstance(value, (dict, list)):
            return value
        if depth > MAX_DEPTH:
            raise SpecError(source.locate(pointer), f"with its $ref'd files brought in, the document nests deeper than {MAX_DEPTH} levels", "use fewer levels of files")
        if isinstance(value, list):
            return [self._walk(item, source, join_pointer(pointer, index), kind, depth + 1) for index, item in enumerate(value)]
        if isinstance(value.get("$ref"), str):
            return self._reference(value, source, pointer, kind, depth)
        return self._members(value, source, pointer, kind, depth)

    def _members(self, value: dict[str, Any], source: SourceFile, pointer: str, kind: Kind, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for member, item in value.items():
            if not isinstance(item, (dict, list)):
                out[member] = item
                continue
            at = join_pointer(pointer, member)
            shape, child = member_child(kind, member)
            if kind is Kind.SCHEMA and member == "discriminator" and isinstance(item, dict):
                out[member] = self._discriminator(item, source, at)
            elif shape is Shape.ONE or not isinstance(item, dict):
                out[member] = self._walk(item, source, at, child, depth + 1)
            elif isinstance(item.get("$ref"), str) and not self._stays(item["$ref"], source, at):
                # the whole list or map is in another file (`properties: {$ref: attributes.yml#/ids}`): brought in
                target = self._target(item["$ref"], source, join_pointer(at, "$ref"))
                names = None if shape is Shape.LIST else shape
                out[member] = item if target.source is self.root else self._inline(target, child, item["$ref"], source, at, depth + 1, names)
            elif shape is Shape.LIST:
                out[member] = self._walk(item, source, at, child, depth + 1)
            else:
                out[member] = self._names(item, source, at, shape, child, depth + 1)
        return out

    def _names(self, value: dict[str, Any], source: SourceFile, pointer: str, shape: Shape, kind: Kind, depth: int) -> dict[str, Any]:
        """A map of names to objects of `kind` (`properties`, `responses`)."""
        extensions = shape is Shape.NAMES_AND_EXTENSIONS
        return {
            name: entry if extensions and name.startswith("x-") else self._walk(entry, source, join_pointer(pointer, name), kind, depth + 1)
            for name, entry in value.items()
        }

    def _reference(self, value: dict[str, Any], source: SourceFile, pointer: str, kind: Kind, depth: int) -> Any:
        ref: str = value["$ref"]
        if self._stays(ref, source, pointer):
            return self._members(value, source, pointer, kind, depth)
        target = self._target(ref, source, join_pointer(pointer, "$ref"))
        where = section_for(kind, self.swagger2)
        if target.source is self.root:
            new_ref = target.pointer  # the root's parts keep their pointers in the bundle
        elif where is not None:
            new_ref = self._lift(target, kind, where)
        else:
            content = self._inline(target, kind, ref, source, join_pointer(pointer, "$ref"), depth)
            siblings = {member: item for member, item in value.items() if member != "$ref"}
            if not siblings or not isinstance(content, dict):
                return content
            merged = {**content, **self._members(siblings, source, pointer, kind, depth)}
            self._remember_origin(merged, target)
            return merged
        out = self._members(value, source, pointer, kind, depth)
        out["$ref"] = new_ref
        return out

    def _discriminator(self, value: dict[str, Any], source: SourceFile, pointer: str) -> dict[str, Any]:
        """A mapping's values are schema names or references: the references are rewritten like `$ref`s."""
        mapping = value.get("mapping")
        if not isinstance(mapping, dict):
            return dict(value)
        rewritten: dict[str, Any] = {}
        for key, item in mapping.items():
            at = join_pointer(join_pointer(pointer, "mapping"), key)
            if not isinstance(item, str) or not _is_reference(item) or self._stays(item, source, pointer):
                rewritten[key] = item
                continue
            if item.startswith("#") and not _resolves(source.data, item):
                rewritten[key] = item  # written against the bundled document (`#/components/schemas/Dog`): it is one
                continue
            target = self._target(item, source, at)
            rewritten[key] = target.pointer if target.source is self.root else self._lift(target, Kind.SCHEMA, self._schemas())
        return {**value, "mapping": rewritten}

    def _schemas(self) -> Section:
        where = section_for(Kind.SCHEMA, self.swagger2)
        assert where is not None
        return where

    # -- targets

    def _stays(self, ref: str, source: SourceFile, pointer: str) -> bool:
        """A reference that is not a file's: the root's own `#/...`, an anchor, an embedded schema's `$id`,
        a URL (never fetched: validate refuses it, or without --strict reads that part as any value)."""
        if ref.startswith("#") and (source is self.root or not ref.startswith("#/") and ref != "#"):
            return True
        if is_remote_ref(ref):
            return True
        path = self._path(source)
        ids = self.embedded.get(path)
        if ids is None:
            ids = self.embedded[path] = find_embedded_ids(source.data)
        return ids.names(source.data, pointer, ref)

    def _target(self, ref: str, source: SourceFile, at: str) -> _Target:
        """The file and pointer `ref` names, the file read (once) when it is new; refused when unsafe."""
        file_part, _, fragment = ref.partition("#")
        file_part = unquote(file_part)
        if fragment and not fragment.startswith("/") and (self._path(source).parent / unquote(ref)).is_file():
            file_part, fragment = unquote(ref), ""  # a file whose name holds `#` (not written %23): no other reading
        if Path(file_part).is_absolute():
            raise SpecError(source.locate(at), f"$ref {ref!r} is an absolute path", "use a path relative to the spec's folder")
        path = (self._path(source).parent / file_part).resolve() if file_part else self._path(source)
        if not path.is_relative_to(self.base_dir):
            raise SpecError(source.locate(at), f"$ref {ref!r} leaves the spec's folder", "only files inside the root document's folder can be referenced; move the file there")
        target_source = self.files.get(path)
        if target_source is None:
            if not path.is_file():
                raise SpecError(source.locate(at), f"$ref {ref!r}: file {file_part!r} does not exist", "check the file name")
            display = path.relative_to(self.base_dir).as_posix()
            if path.suffix.lower() in documents.DATA_SUFFIXES or fragment:
                target_source = documents.read_source(path, display)
            else:
                target_source = documents.read_text_source(path, display)
            self.files[path] = target_source
            self.paths[id(target_source)] = path
        pointer = "#" + "".join("/" + _escape(token) for token in split_pointer(fragment))
        try:
            resolve_pointer(target_source.data, pointer)
        except KeyError:
            raise SpecError(source.locate(at), f"$ref {ref!r} does not resolve: no {fragment!r} in {target_source.display}", "check the pointer") from None
        return _Target(target_source, path, pointer)

    def _path(self, source: SourceFile) -> Path:
        return self.paths[id(source)]

    def _lift(self, target: _Target, kind: Kind, where: Section) -> str:
        """The local reference to the target's entry in its section, named when it is first met."""
        key = (target.path, target.pointer, where)
        name = self.named.get(key)
        if name is None:
            name = self._fresh_name(where, target)
            self.named[key] = name
            self.pending.append((target, kind, where, name))
        return "#/" + "/".join(_escape(token) for token in (*where, name))

    def _fresh_name(self, where: Section, target: _Target) -> str:
        tokens = split_pointer(target.pointer)
        wanted = _NOT_IN_A_NAME.sub("_", tokens[-1] if tokens else target.path.stem).strip("_") or "Schema"
        taken = self.taken[where]
        name, number = wanted, 2
        while name in taken:
            name, number = f"{wanted}{number}", number + 1
        taken.add(name)
        return name

    def _inline(self, target: _Target, kind: Kind, ref: str, source: SourceFile, at: str, depth: int, names: Shape | None = None) -> Any:
        """The target's part built once per kind; `names`: it is a map of names to objects of `kind`."""
        key = (target.path, target.pointer, kind, names)
        if key in self.inlined:
            return self.inlined[key]
        if key in self.inlining:
            raise SpecError(
                source.locate(at),
                f"$ref {ref!r} comes back to itself through {kind.value} objects",
                "only schemas may refer to themselves; break the loop",
            )
        self.inlining.add(key)
        try:
            value = resolve_pointer(target.source.data, target.pointer)
            if names is not None and isinstance(value, dict):
                content: Any = self._names(value, target.source, target.pointer, names, kind, depth)
            else:
                content = self._walk(value, target.source, target.pointer, kind, depth)
        finally:
            self.inlining.discard(key)
        self._remember_origin(content, target)
        self.inlined[key] = content
        return content

    def _remember_origin(self, content: Any, target: _Target) -> None:
        if isinstance(content, (dict, list)):
            self.origins.setdefault(id(content), Origin(target.source, target.pointer))


def _section(data: dict[str, Any], where: Section) -> dict[str, Any]:
    holder: Any = data
    for token in where:
        holder = holder.get(token) if isinstance(holder, dict) else None
    return holder if isinstance(holder, dict) else {}


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _resolves(data: Any, pointer: str) -> bool:
    try:
        resolve_pointer(data, pointer)
    except KeyError:
        return False
    return True


def _is_reference(value: str) -> bool:
    """A discriminator mapping value that is a reference, not a schema name."""
    return "#" in value or "/" in value or value.endswith((".yaml", ".yml", ".json"))


def _has_external_ref(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#") and not is_remote_ref(ref):
                return True
            stack.extend(child for key, child in item.items() if isinstance(child, (dict, list)))
        elif isinstance(item, list):
            stack.extend(child for child in item if isinstance(child, (dict, list)))
    return False
