"""JSON pointers: split, join and resolve them, and follow local `$ref`s."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote


def split_pointer(pointer: str) -> list[str]:
    """Split a JSON pointer ('#/a/b~1c') into its unescaped tokens.

    In a `$ref` the pointer is a URI fragment, so it may also be percent-encoded (`%7Bid%7D`).
    """
    body = pointer[1:] if pointer.startswith("#") else pointer
    if "%" in body:
        body = unquote(body)
    if not body:
        return []
    return [part.replace("~1", "/").replace("~0", "~") for part in body.lstrip("/").split("/")]


def join_pointer(parent: str, token: str | int) -> str:
    text = token if type(token) is str else str(token)
    if "~" in text or "/" in text:  # most tokens need no escaping: asked millions of times on big documents
        text = text.replace("~", "~0").replace("/", "~1")
    return f"{parent}/{text}"


def resolve_pointer(data: Any, pointer: str) -> Any:
    """The value at a JSON pointer; raises KeyError when it does not exist."""
    node = data
    for token in split_pointer(pointer):
        if isinstance(node, dict):
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise KeyError(token)
    return node


def follow_refs(document: Any, value: Any) -> Any:
    """Follow local `$ref`s from `value` to what they finally point at; {} for a loop or a dangling one."""
    seen: set[str] = set()
    while isinstance(value, dict) and isinstance(value.get("$ref"), str):
        ref = value["$ref"]
        if ref in seen:
            return {}
        seen.add(ref)
        try:
            value = resolve_pointer(document, ref)
        except KeyError:
            return {}
    return value


_URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def is_remote_ref(ref: str) -> bool:
    """`https://host/common.json#X` or `//host/x`: a reference no file beside the document answers."""
    address = ref.partition("#")[0]
    return bool(_URL_SCHEME.match(address)) or address.startswith("//")
