"""Samples of scalar schemas for synthesized examples: strings (formats, lengths, patterns) and
numbers (bounds, multipleOf), deterministic, with a variant number for distinct values."""

from __future__ import annotations

import base64

import datetime
import math
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .regex_sample import sample as pattern_sample
from ..ground.schema_check import is_number, number_fits, string_fits


def format_sample(kind: str, variant: int) -> str | None:
    """A value of a string format; `variant` n gives the n-th distinct one (for unique array items)."""
    day = datetime.date(2024, 1, 2) + datetime.timedelta(days=variant)
    samples = {
        "date-time": f"{day.isoformat()}T03:04:05Z",
        "date": day.isoformat(),
        "time": f"03:04:{5 + variant % 50:02d}Z",  # RFC 3339 full-time: with its offset
        "uuid": f"3c90c3cc-0d44-4b50-8888-{0x8dd25736052a + variant:012x}",
        "email": f"user{variant or ''}@example.com",
        "idn-email": f"user{variant or ''}@example.com",
        "uri": f"https://example.com/resource{variant or ''}",
        "url": f"https://example.com/resource{variant or ''}",
        "iri": f"https://example.com/resource{variant or ''}",
        "uri-reference": f"/resource{variant or ''}",
        "uri-template": f"https://example.com/resource{variant or ''}",
        "hostname": f"host{variant or ''}.example.com" if variant else "example.com",
        "idn-hostname": f"host{variant or ''}.example.com" if variant else "example.com",
        "ipv4": f"192.0.2.{1 + variant % 250}",
        "ipv6": f"2001:db8::{1 + variant % 9999:x}",
        "byte": ["aGVsbG8=", "d29ybGQ=", "ZXhhbXBsZQ=="][variant % 3],
        "binary": f"hello{variant or ''}",
        "password": f"example-password{variant or ''}",
        "duration": f"P{1 + variant}D",
        "json-pointer": f"/example{variant or ''}",
    }
    return samples.get(kind)


def string_sample(schema: dict[str, Any], variant: int, document_words: Callable[[], list[str]]) -> str:
    """A string the schema takes: its format's sample, "example" (padded), a sample of its pattern,
    else a word of the document the pattern finds; variant n gives the n-th distinct one."""
    if schema.get("contentEncoding") == "base64" and not isinstance(schema.get("pattern"), str):
        # The client decodes it: the sample is base64 text (of "example"), not any text.
        encoded = base64.b64encode(("example" if variant == 0 else f"example{variant + 1}").encode()).decode("ascii")
        if string_fits(schema, encoded):
            return encoded
    low, high = schema.get("minLength"), schema.get("maxLength")
    low = low if isinstance(low, int) else None
    high = high if isinstance(high, int) else None
    plain = "example" if variant == 0 else f"example{variant + 1}"
    if high is not None and len(plain) > high and variant:
        plain = _counter(variant, max(high, 1))
    formatted = format_sample(str(schema.get("format", "")), variant)
    # Readable first: the format's sample, then "example" (padded), then a sample of the pattern.
    candidates = [text for text in (formatted, _pad(plain, low, high)) if text is not None]
    pattern = schema.get("pattern")
    if isinstance(pattern, str):
        sampled = pattern_sample(pattern, low, high, variant)
        if sampled is not None:
            candidates.append(sampled)
    for candidate in candidates:
        if string_fits(schema, candidate):
            return candidate
    if isinstance(pattern, str):
        # A pattern the sampler cannot walk (lookarounds: AWS's ARN patterns): the document's
        # own texts (examples, descriptions) often hold a value that fits.
        fitting = [text for text in document_words() if string_fits(schema, text)]
        if fitting:
            return fitting[variant % len(fitting)]
    return _pad(formatted if formatted is not None else plain, low, high)


def number_sample(schema: dict[str, Any], integer: bool, variant: int) -> int | float:
    """The first values in a walk outwards from a natural start that satisfy bounds and multipleOf."""
    step = schema.get("multipleOf")
    step = step if is_number(step) and step > 0 else None
    unit: int | float | Decimal = Decimal(str(step)) if step is not None else 1
    low = _bound(schema, "minimum", "exclusiveMinimum")
    high = _bound(schema, "maximum", "exclusiveMaximum")
    start: float = 1 if integer else 1.5
    if low is not None and start < low:
        start = low
    elif high is not None and start > high:
        start = high
    if low is not None and high is not None and high - low < 1 and not integer:
        start = (low + high) / 2  # a narrow float range: its middle
    if step is not None:
        base = Decimal(round(Decimal(str(start)) / Decimal(str(unit))))
    else:
        base = Decimal(math.ceil(start)) if integer else Decimal(str(start))
    found: list[int | float] = []
    for distance in range(0, 400):
        for sign in ((1,) if distance == 0 else (1, -1)):
            if step is not None:
                candidate: Decimal = (base + sign * distance) * Decimal(str(unit))
            else:
                candidate = base + sign * distance
            value: int | float = int(candidate) if integer and candidate == int(candidate) else float(candidate)
            if integer and not isinstance(value, int):
                continue
            if number_fits(schema, value) and value not in found:
                found.append(value)
                if len(found) > variant:
                    return found[variant]
    return found[-1] if found else start


def _bound(schema: dict[str, Any], inclusive: str, exclusive: str) -> float | None:
    """The limit a value must respect, whichever of the 3.0 or 3.1 spellings the schema uses."""
    value = schema.get(inclusive)
    other = schema.get(exclusive)
    if is_number(other):
        return float(other)
    return float(value) if is_number(value) else None


def _pad(text: str, low: int | None, high: int | None) -> str:
    if low is not None and len(text) < low:
        text = text + "x" * (low - len(text))
    if high is not None and len(text) > high:
        text = text[: max(high, 0)]
    return text


def _counter(variant: int, width: int) -> str:
    """A short distinct text for variant n, at most `width` characters (a, b, ..., aa, ...)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    text = ""
    number = variant
    while True:
        text = letters[number % 26] + text
        number = number // 26 - 1
        if number < 0:
            return text[-width:]
