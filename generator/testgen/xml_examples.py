"""Examples of XML bodies the document describes only as text (a string schema, or none).

The generated tests send such an example as the body, and the contract tests check that an XML body is
well-formed XML. A document's example with a bare `&` (WMATA: "Addison Rd. & Morgan Blvd.") is
repaired by escaping it; one that is no XML at all, or a synthesized value, is wrapped in an element.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from ..ground.diagnostics import WarningSink

_BARE_AMPERSAND = re.compile(r"&(?!(?:[A-Za-z_][\w.\-]*|#\d+|#x[0-9A-Fa-f]+);)")
_NAME = re.compile(r"[^\W\d][\w.\-]*\Z")


def xml_text_example(value: Any, documented: bool, schema: Any, pointer: str, warnings: WarningSink) -> str:
    """A well-formed XML document for an example (`documented`: the document's own, not synthesized)."""
    text = value if isinstance(value, str) else ""
    if text and _well_formed(text):
        return text
    repaired = _BARE_AMPERSAND.sub("&amp;", text)
    if text and repaired != text and _well_formed(repaired):
        if documented:
            warnings.warn(pointer, "the example is not well-formed XML (a bare '&'); the tests send it with '&' escaped")
        return repaired
    if documented and value is not None:
        warnings.warn(pointer, "the example is not well-formed XML; the tests send it as the text of one element")
    xml = schema.get("xml") if isinstance(schema, dict) else None
    name = xml.get("name") if isinstance(xml, dict) else None
    name = name if isinstance(name, str) and _NAME.match(name) else "example"
    body = text if isinstance(value, str) else ("example" if value is None else str(value))
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<{name}>{escape(body)}</{name}>'


def _well_formed(text: str) -> bool:
    try:
        ElementTree.fromstring(text.encode("utf-8"))
    except ElementTree.ParseError:
        return False
    return True
