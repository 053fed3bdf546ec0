"""OpenAPI 3.1 parameter serialization (path, query, header, cookie).

Implements the ``style``/``explode`` rules of the OpenAPI "Style Examples"
table.  Values are normalised first: ``NOT_GIVEN`` (and ``None`` outside the
path) means "omit", models go through :func:`to_wire`, enums use their value,
booleans are ``true``/``false``, dates/times ISO 8601, UUIDs strings.
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import quote, unquote

from ._wire import is_model, to_wire
from ._types import NotGiven, is_sequence

__all__ = [
    "Param",
    "encode_path",
    "encode_query",
    "encode_query_string",
    "encode_headers",
    "encode_cookies",
]

# RFC 3986 reserved characters; kept literal in query values when allowReserved
# is set, except "#" (which would end the URL) and "&"/"=" inside names.
_RESERVED_SAFE = ":/?[]@!$&'()*+,;="
# Characters allowed verbatim in a cookie value (RFC 6265 cookie-octet minus "%").
_COOKIE_SAFE = "!#$&'()*+-./:<=>?@[]^_`{|}~"


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter occurrence: wire *name*, *value* and its serialization."""

    name: str
    value: object
    # OpenAPI's default for path and header parameters; the generator spells out any other.
    style: str = "simple"
    explode: bool = False
    allow_reserved: bool = False


_Scalar = str
_Value = _Scalar | list[_Scalar] | list[tuple[str, _Scalar]] | None


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return _scalar(value.value)
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float, Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    if value is None:
        return ""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8")
    wired = to_wire(value)
    if isinstance(wired, (dict, list, tuple)):
        # A nested object or list where a scalar is expected: send it as JSON text.
        return json.dumps(wired, separators=(",", ":"), default=str)
    if wired is not value:
        return _scalar(wired)
    return str(value)


def _normalise(value: object) -> _Value:
    """Scalar -> str; sequence -> list[str]; object -> list[(key, str)]; omitted -> None."""
    if isinstance(value, NotGiven) or value is None:
        return None
    if is_model(value):
        value = to_wire(value)
    if isinstance(value, Mapping):
        return [
            (str(k), _scalar(v))
            for k, v in value.items()
            if not isinstance(v, NotGiven) and v is not None
        ]
    if isinstance(value, (set, frozenset)) or is_sequence(value):
        return [_scalar(v) for v in value if not isinstance(v, NotGiven) and v is not None]
    return _scalar(value)


def _enc(text: str, *, safe: str = "") -> str:
    encoded = quote(text, safe=safe)
    if encoded.strip(".") == "" and encoded:
        # "." and ".." must never become dot-segments once substituted in a path.
        encoded = encoded.replace(".", "%2E")
    return encoded


# --------------------------------------------------------------------------- path


def _content_text(param: Param) -> str | None:
    """A parameter described by a JSON `content` instead of a style: its value as JSON text."""
    if isinstance(param.value, NotGiven) or param.value is None:
        return None
    return json.dumps(to_wire(param.value), separators=(",", ":"), ensure_ascii=False)


def _expand_path(param: Param) -> str:
    if param.style == "content":
        return _enc(_content_text(param) or "")
    value = _normalise(param.value)
    style = param.style or "simple"
    name = _enc(param.name)
    if value is None:
        value = ""
    if style == "simple":
        if isinstance(value, str):
            return _enc(value)
        if value and isinstance(value[0], tuple):
            pairs = [p for p in value if isinstance(p, tuple)]
            sep = "=" if param.explode else ","
            return ",".join(f"{_enc(k)}{sep}{_enc(v)}" for k, v in pairs)
        return ",".join(_enc(v) for v in value if isinstance(v, str))
    if style == "label":
        if isinstance(value, str):
            return "." + _enc(value)
        if value and isinstance(value[0], tuple):
            pairs = [p for p in value if isinstance(p, tuple)]
            if param.explode:
                return "".join(f".{_enc(k)}={_enc(v)}" for k, v in pairs)
            return "." + ",".join(f"{_enc(k)},{_enc(v)}" for k, v in pairs)
        items = [_enc(v) for v in value if isinstance(v, str)]
        return "." + ("." if param.explode else ",").join(items)
    if style == "matrix":
        if isinstance(value, str):
            return f";{name}" + (f"={_enc(value)}" if value else "")
        if value and isinstance(value[0], tuple):
            pairs = [p for p in value if isinstance(p, tuple)]
            if param.explode:
                return "".join(f";{_enc(k)}={_enc(v)}" for k, v in pairs)
            return f";{name}=" + ",".join(f"{_enc(k)},{_enc(v)}" for k, v in pairs)
        items = [_enc(v) for v in value if isinstance(v, str)]
        if not items:
            return f";{name}"
        if param.explode:
            return "".join(f";{name}={v}" for v in items)
        return f";{name}=" + ",".join(items)
    raise ValueError(f"unsupported path parameter style {style!r} for {param.name!r}")


def encode_path(template: str, params: Sequence[Param]) -> str:
    """Substitute ``{name}`` placeholders of *template* with encoded *params*.

    Every value is percent-encoded ("/" becomes ``%2F``, a value made only of
    dots is fully encoded) so a value can never add or climb path segments.
    A ``simple`` parameter that renders empty raises :class:`ValueError`
    instead of producing a ``//`` path, unless it ends the template.
    """
    by_name = {p.name: p for p in params}
    out: list[str] = []
    pos = 0
    while True:
        start = template.find("{", pos)
        if start < 0:
            out.append(template[pos:])
            break
        end = template.find("}", start)
        if end < 0:
            raise ValueError(f"unterminated placeholder in path template {template!r}")
        out.append(template[pos:start])
        name = template[start + 1 : end]
        param = by_name.get(name)
        if param is None:
            raise ValueError(f"missing path parameter {name!r} for {template!r}")
        rendered = _expand_path(param)
        # Empty at the end of the template is the collection's own URL (Jupyter's root folder is
        # `/api/contents/`); anywhere else it would make an empty segment (`/a//b`).
        if rendered == "" and (param.style or "simple") == "simple" and end + 1 < len(template):
            raise ValueError(f"path parameter {name!r} must not be empty")
        out.append(rendered)
        pos = end + 1
    return "".join(out)


# -------------------------------------------------------------------------- query


def _query_pairs(params: Sequence[Param], *, encoded: bool) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for param in params:
        if param.style == "content":
            text = _content_text(param)
            if text is not None:
                pairs.append(
                    (
                        quote(param.name, safe="") if encoded else param.name,
                        quote(text, safe="") if encoded else text,
                    )
                )
            continue
        value = _normalise(param.value)
        if value is None:
            continue
        style = param.style or "form"
        safe = _RESERVED_SAFE if param.allow_reserved else ""

        def v(text: str, safe: str = safe) -> str:
            return quote(text, safe=safe) if encoded else text

        def k(text: str) -> str:
            return quote(text, safe="") if encoded else text

        name = k(param.name)
        if isinstance(value, str):
            if style == "deepObject":
                raise ValueError(f"deepObject parameter {param.name!r} requires an object value")
            pairs.append((name, v(value)))
            continue
        if not value:
            continue
        is_object = isinstance(value[0], tuple)
        obj = [p for p in value if isinstance(p, tuple)]
        arr = [x for x in value if isinstance(x, str)]
        if style == "form":
            if is_object:
                if param.explode:
                    pairs.extend((k(key), v(val)) for key, val in obj)
                else:
                    pairs.append((name, ",".join(f"{v(key)},{v(val)}" for key, val in obj)))
            elif param.explode:
                pairs.extend((name, v(item)) for item in arr)
            else:
                pairs.append((name, ",".join(v(item) for item in arr)))
        elif style in ("spaceDelimited", "pipeDelimited"):
            delim = " " if style == "spaceDelimited" else "|"
            if encoded and delim == " ":
                delim = "%20"
            if is_object:
                atoms = [a for key, val in obj for a in (key, val)]
            else:
                atoms = arr
            if param.explode:
                # Exploded delimited styles serialise like exploded form.
                if is_object:
                    pairs.extend((k(key), v(val)) for key, val in obj)
                else:
                    pairs.extend((name, v(item)) for item in arr)
            else:
                pairs.append((name, delim.join(v(a) for a in atoms)))
        elif style == "deepObject":
            if not is_object:
                raise ValueError(f"deepObject parameter {param.name!r} requires an object value")
            pairs.extend((f"{name}[{k(key)}]", v(val)) for key, val in obj)
        else:
            raise ValueError(f"unsupported query parameter style {style!r} for {param.name!r}")
    return pairs


def encode_query(params: Sequence[Param]) -> list[tuple[str, str]]:
    """Serialise query *params* into (name, value) pairs, not percent-encoded.

    Delimiters (``,`` ``|`` space) appear literally inside values.  Use
    :func:`encode_query_string` to obtain the exact wire form.
    """
    return _query_pairs([p for p in params if p.style != "json"], encoded=False)


def encode_query_string(params: Sequence[Param]) -> str:
    """The percent-encoded query string (without ``?``) for *params*.

    Values are encoded with ``%20`` for spaces; style delimiters stay literal
    and ``allow_reserved`` keeps RFC 3986 reserved characters (but ``#``).
    """
    whole = [_json_query(param) for param in params if param.style == "json"]
    pairs = "&".join(
        f"{k}={v}" for k, v in _query_pairs([p for p in params if p.style != "json"], encoded=True)
    )
    return "&".join(part for part in (*whole, pairs) if part)


def with_fixed_query(fixed: str, params: Sequence[Param]) -> str:
    """The query of a path key that spells part of it (`/files/{name}?view=info`) joined with the
    arguments' query; an argument given for one of its names replaces the fixed value rather than
    repeating the name."""
    given = {
        param.name
        for param in params
        if not isinstance(param.value, NotGiven) and param.value is not None
    }
    kept = [
        part for part in fixed.split("&") if part and unquote(part.partition("=")[0]) not in given
    ]
    return "&".join(part for part in (*kept, encode_query_string(params)) if part)


def encode_target(path_key: str, path_params: Sequence[Param], query: Sequence[Param]) -> str:
    """The request target for a path key: `/path` and, when there is one, `?query`. Some documents
    spell part of the query into the path key (`/current?city={city}`): it is kept, joined with the
    arguments' query by `with_fixed_query`."""
    path = encode_path(path_key, path_params)
    if not path.startswith("/"):
        path = "/" + path
    path, _, fixed_query = path.partition("?")
    qs = with_fixed_query(fixed_query, query)
    return path + (f"?{qs}" if qs else "")


def _json_query(param: Param) -> str:
    """An OpenAPI 3.2 ``in: querystring`` parameter written as JSON: the whole query is its text."""
    if isinstance(param.value, NotGiven) or param.value is None:
        return ""
    return quote(
        json.dumps(to_wire(param.value), separators=(",", ":"), ensure_ascii=False), safe=""
    )


# ------------------------------------------------------------------------ headers


def _simple(value: _Value, explode: bool) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    obj = [p for p in value if isinstance(p, tuple)]
    if obj:
        sep = "=" if explode else ","
        return ",".join(f"{k}{sep}{v}" for k, v in obj)
    return ",".join(x for x in value if isinstance(x, str))


def encode_headers(params: Sequence[Param]) -> dict[str, str]:
    """Serialise header *params* (``simple`` style); omitted values are skipped."""
    out: dict[str, str] = {}
    for param in params:
        rendered = (
            _content_text(param)
            if param.style == "content"
            else _simple(_normalise(param.value), param.explode)
        )
        if rendered is None:
            continue
        if "\r" in rendered or "\n" in rendered:
            raise ValueError(f"header parameter {param.name!r} contains a line break")
        out[param.name] = rendered
    return out


# ------------------------------------------------------------------------ cookies


def _cookie_enc(text: str) -> str:
    return quote(text, safe=_COOKIE_SAFE)


def encode_cookies(params: Sequence[Param]) -> dict[str, str]:
    """Serialise cookie *params* (``form`` style) into name -> value.

    Arrays are comma-joined (a cookie name cannot repeat in a mapping);
    objects are ``R,100,G,200`` or, exploded, one cookie per property.
    Characters not allowed in a cookie value are percent-encoded.
    """
    out: dict[str, str] = {}
    for param in params:
        if param.style == "content":
            text = _content_text(param)
            if text is not None:
                out[param.name] = _cookie_enc(text)
            continue
        value = _normalise(param.value)
        if value is None:
            continue
        if isinstance(value, str):
            out[param.name] = _cookie_enc(value)
            continue
        obj = [p for p in value if isinstance(p, tuple)]
        if obj:
            if param.explode:
                for key, val in obj:
                    out[key] = _cookie_enc(val)
            else:
                out[param.name] = ",".join(f"{_cookie_enc(k)},{_cookie_enc(v)}" for k, v in obj)
        else:
            out[param.name] = ",".join(_cookie_enc(x) for x in value if isinstance(x, str))
    return out
