"""Operation defects with one reading: a path parameter the path names but no one declares, an
operationId used twice, and a body or reply whose media type key is no media type."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from ..ground.pointers import follow_refs, join_pointer
from .places import METHODS
from .schema_repairs import Planned

_TEMPLATE = re.compile(r"{([^{}/]+)}")


def operation_repairs(document: dict[str, Any]) -> Iterator[Planned]:
    yield from _undeclared_path_parameters(document)
    yield from _duplicate_operation_ids(document)
    yield from _nameless_media_types(document)


def _operations(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], str, dict[str, Any]]]:
    paths = document.get("paths")
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        for method in METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                yield str(path), item, method, operation


def _undeclared_path_parameters(document: dict[str, Any]) -> Iterator[Planned]:
    for path, item, method, operation in _operations(document):
        named = list(dict.fromkeys(_TEMPLATE.findall(path)))
        if not named:
            continue
        declared: set[str] = set()
        lists = [item.get("parameters"), operation.get("parameters")]
        if not all(entries is None or isinstance(entries, list) for entries in lists):
            continue
        for entries in lists:
            for entry in entries or []:
                parameter = follow_refs(document, entry)
                if isinstance(parameter, dict) and parameter.get("in") == "path" and isinstance(parameter.get("name"), str):
                    declared.add(parameter["name"])
        missing = [name for name in named if name not in declared]
        if not missing:
            continue

        def declare(copy_of: Callable[[Any], Any], operation: dict[str, Any] = operation, missing: list[str] = missing) -> None:
            target = copy_of(operation)
            target["parameters"] = list(target.get("parameters") or []) + [
                {"name": name, "in": "path", "required": True, "schema": {"type": "string"}} for name in missing
            ]

        names = ", ".join("{" + name + "}" for name in missing)
        pointer = join_pointer(join_pointer("#/paths", path), method)
        plural = "s" if len(missing) > 1 else ""
        yield Planned(pointer, f"path parameter{plural} {names} of {path!r} {'are' if plural else 'is'} not declared; read as required string{plural}", declare)


def _duplicate_operation_ids(document: dict[str, Any]) -> Iterator[Planned]:
    used = {str(operation["operationId"]) for _, _, _, operation in _operations(document) if "operationId" in operation}
    first: dict[str, str] = {}
    for path, _, method, operation in _operations(document):
        if "operationId" not in operation:
            continue
        operation_id = str(operation["operationId"])
        pointer = join_pointer(join_pointer(join_pointer("#/paths", path), method), "operationId")
        if operation_id not in first:
            first[operation_id] = pointer
            continue
        number = 2
        while f"{operation_id}_{number}" in used:
            number += 1
        renamed = f"{operation_id}_{number}"
        used.add(renamed)

        def rename(copy_of: Callable[[Any], Any], operation: dict[str, Any] = operation, renamed: str = renamed) -> None:
            copy_of(operation)["operationId"] = renamed

        yield Planned(pointer, f"operationId {operation_id!r} is used twice (first at {first[operation_id]}); this one read as {renamed!r}", rename)


def _content_holders(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(pointer, object) of every request body and reply that holds `content`, where written."""
    components = document.get("components")
    if isinstance(components, dict):
        for section in ("requestBodies", "responses"):
            entries = components.get(section)
            for name, entry in entries.items() if isinstance(entries, dict) else ():
                if isinstance(entry, dict):
                    yield join_pointer(join_pointer("#/components", section), name), entry
    for path, _, method, operation in _operations(document):
        pointer = join_pointer(join_pointer("#/paths", path), method)
        if isinstance(operation.get("requestBody"), dict):
            yield join_pointer(pointer, "requestBody"), operation["requestBody"]
        replies = operation.get("responses")
        for status, reply in replies.items() if isinstance(replies, dict) else ():
            if isinstance(reply, dict):
                yield join_pointer(join_pointer(pointer, "responses"), str(status)), reply


def _nameless_media_types(document: dict[str, Any]) -> Iterator[Planned]:
    """A content key that is no `type/subtype` (Spoonacular's `""`): alone, it is read by its schema
    (JSON for anything but a string, else bytes); beside real media types, it is ignored."""
    for pointer, holder in _content_holders(document):
        content = holder.get("content")
        if not isinstance(content, dict):
            continue
        for key in [key for key in content if "/" not in str(key)]:
            others = [other for other in content if "/" in str(other)]
            schema = follow_refs(document, content[key].get("schema")) if isinstance(content[key], dict) else None
            textual = isinstance(schema, dict) and schema.get("type") == "string"
            reading = None if others else ("application/octet-stream" if textual else "application/json")

            def read_as(copy_of: Callable[[Any], Any], holder: dict[str, Any] = holder, key: Any = key, reading: str | None = reading) -> None:
                target = copy_of(holder)
                media = dict(target["content"])
                entry = media.pop(key)
                if reading is not None:
                    media = {reading: entry, **media}
                target["content"] = media

            said = f"read as {reading}" + (" (its schema is a string)" if textual else " (its schema is no string)") if reading else "ignored beside the media types given"
            yield Planned(join_pointer(join_pointer(pointer, "content"), str(key)), f"{str(key)!r} is no media type (type/subtype); {said}", read_as)
