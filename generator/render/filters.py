"""The template filters: how spec text reaches generated Python source.

Every string from a spec reaches generated source through exactly one of three filters:
`literal` (a Python literal built with repr), `docstring` (prose made safe inside triple quotes) and
`ident` (an identifier, re-checked here though the IR already made it safe). Templates never see
the raw spec. Autoescaping is off because the output is Python, not HTML; these filters are the escaping.
"""

from __future__ import annotations

from ..ground.escaping import ident as ident, literal as literal  # the filters of that name
from ..parse.ir import TypeRef
from .layout import LINE_LENGTH, width

_CONTROL = {i: f"\\x{i:02x}" for i in range(32) if chr(i) not in "\n\t"}
_CONTROL[0x7F] = "\\x7f"


def docstring(text: object, indent: str = "") -> str:
    """Prose that is safe between triple double quotes: no way to close the string or add code."""
    value = str(text or "").strip()
    value = value.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').replace("\r\n", "\n").replace("\r", "\n")
    value = value.translate(_CONTROL)
    value = "\n".join(line.rstrip() for line in value.split("\n"))
    if value.endswith('"'):
        value += " "
    if indent:
        value = value.replace("\n", "\n" + indent).replace("\n" + indent + "\n", "\n\n")
        lines = value.split("\n")
        value = "\n".join(line if line.strip() else "" for line in lines)
    return value


def docstring_end(text: object, indent: str = "") -> str:
    """A docstring's text and its closing quotes, on a line of their own where black puts them.

    Black (not ruff) moves the closing quotes of a multi-line docstring down when the last line
    would overflow with them; the line is measured after black's own re-indentation.
    """
    value = docstring(text, indent)
    lines = value.split("\n")
    if len(lines) > 1:
        rest = [line.expandtabs() for line in lines[1:]]
        margin = min((len(line) - len(line.lstrip()) for line in rest if line.strip()), default=0)
        last = indent + rest[-1][margin:].strip() if rest[-1].strip() else ""
        if width(last) + 3 > LINE_LENGTH:
            return value + "\n" + indent + '"""'
    return value + '"""'


def comment(text: object) -> str:
    """Single-line text for a `#` comment."""
    return docstring(text).replace("\n", " ")


def annotation(type_ref: TypeRef, models_prefix: str = "", builtins_prefix: str = "") -> str:
    return type_ref.annotation(models_prefix, builtins_prefix)


_TOML_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def toml_string(value: object) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped; lone surrogates replaced."""
    out = []
    for char in str(value):
        if char in _TOML_ESCAPES:
            out.append(_TOML_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        elif 0xD800 <= ord(char) <= 0xDFFF:
            out.append("\uFFFD")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def api_name(title: object) -> str:
    """The API named in prose: the title "Petstore" reads "Petstore API"; "OpenAI API" gets no second "API"."""
    value = str(title or "").strip()
    words = value.split()
    return value if words and words[-1].lower() == "api" else f"{value} API".strip()
