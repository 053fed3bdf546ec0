"""OAS 3.1 webhooks: requests the API sends, not calls the client makes; their JSON payload types."""

from __future__ import annotations

from typing import Any

from .ir import Webhook
from ..ground.pointers import join_pointer
from ..ground.naming import make_identifier
from .example_source import NO_EXAMPLES, ExampleFactory
from .schemas import SchemaConverter

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def parse_webhooks(document: dict[str, Any], converter: SchemaConverter, example_source: ExampleFactory = NO_EXAMPLES) -> tuple[Webhook, ...]:
    examples = example_source(converter)
    found: list[Webhook] = []
    for name, raw_item in (document.get("webhooks") or {}).items():
        item = converter.resolve(raw_item)
        if not isinstance(item, dict):
            continue
        for method in _METHODS:
            operation = item.get(method)
            body = converter.resolve(operation.get("requestBody")) if isinstance(operation, dict) else None
            content = body.get("content") if isinstance(body, dict) else None
            json_types = [key for key in content or {} if _is_json(str(key))] if isinstance(content, dict) else []
            if not json_types or not isinstance(content, dict):
                continue
            media = content[json_types[0]]
            if not isinstance(media, dict) or "schema" not in media:
                continue
            pointer = join_pointer(join_pointer(join_pointer(join_pointer(join_pointer(join_pointer("#/webhooks", str(name)), method), "requestBody"), "content"), json_types[0]), "schema")
            hint = make_identifier(f"{name} {method} payload", style="pascal", fallback="WebhookPayload")
            type_ref = converter.type_of(media["schema"], pointer, hint)
            examples.webhook_payload(str(name), method, media)
            found.append(Webhook(str(name), method, type_ref))
    return tuple(found)


def _is_json(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json")
