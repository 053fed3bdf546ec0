"""Names: every identifier that reaches generated code is made here, deterministically.

Spec names are untrusted: they can be keywords, builtins, non-ASCII, start with digits, be empty,
or collide after conversion. These functions always return a valid, non-keyword Python identifier
made only of ASCII letters, digits and underscores, and `NameScope` makes them unique in one
namespace in the order they are claimed (spec order, which is stable).
"""

from __future__ import annotations

import functools
import hashlib

import keyword
import re
import unicodedata
from dataclasses import dataclass, field

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+[a-z]*")

# Capitalised builtins (Python 3.11 to 3.13, written out so that output never depends on the Python
# that runs the generator): a model named `Exception` would lose to the builtin in a forward reference.
BUILTIN_CLASS_NAMES = frozenset(
    """
    ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError
    BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError
    ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning
    EnvironmentError Exception ExceptionGroup False FileExistsError FileNotFoundError FloatingPointError
    FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError IndexError
    InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError
    ModuleNotFoundError NameError None NotADirectoryError NotImplemented NotImplementedError OSError
    OverflowError PendingDeprecationWarning PermissionError ProcessLookupError PythonFinalizationError
    RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration
    StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError True TypeError
    UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError
    UnicodeWarning UserWarning ValueError Warning ZeroDivisionError
    """.split()
)

def ascii_words(text: str) -> list[str]:
    """Split any text into ASCII words; accents are dropped, other letters spelled as code points."""
    return list(_ascii_words(text))


@functools.lru_cache(maxsize=65536)  # the same names and wire keys are split again and again
def _ascii_words(text: str) -> tuple[str, ...]:
    words: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            words.extend(_WORD.findall("".join(run)))
            run.clear()

    for char in unicodedata.normalize("NFKD", text):
        if char.isascii() and char.isalnum():
            run.append(char)
        elif unicodedata.combining(char):
            continue
        else:
            flush()
            if not char.isascii() and char.isalnum():
                words.append(f"u{ord(char):x}")
    flush()
    return tuple(words)


def snake_case(text: str) -> str:
    return "_".join(word.lower() for word in ascii_words(text))


def pascal_case(text: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in ascii_words(text))


def is_reserved(name: str, extra: frozenset[str] = frozenset()) -> bool:
    # Soft keywords (`match`, `case`, `type`) are names like any other wherever a spec's name lands,
    # and their list changes between Pythons: only the hard keywords are escaped.
    return keyword.iskeyword(name) or name in extra


# Longer names (some specs have 120-character schema names) help no reader, and a signature line
# that cannot fit even alone is where ruff's layout and black's part ways.
MAX_IDENTIFIER = 64


def shortened(name: str) -> str:
    """`name` cut to MAX_IDENTIFIER characters, ending in a digest of the whole so cut names stay apart."""
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:6]
    return f"{name[: MAX_IDENTIFIER - 7].rstrip('_')}_{digest}"


@functools.lru_cache(maxsize=65536)  # GitHub asks ~105,000 times, for far fewer names
def make_identifier(raw: str, *, style: str = "snake", fallback: str = "value", reserved: frozenset[str] = frozenset()) -> str:
    """A safe identifier for `raw`: converted to `style`, never empty, never a keyword or reserved name."""
    name = pascal_case(raw) if style == "pascal" else snake_case(raw)
    if not name:
        name = fallback
    if name[0].isdigit():
        name = f"{fallback}_{name}" if style == "snake" else f"{pascal_case(fallback)}{name}"
    if name.startswith("_"):
        name = name.lstrip("_") or fallback
    if len(name) > MAX_IDENTIFIER:
        name = shortened(name)
    while is_reserved(name, reserved):
        name += "_"
    return name


@dataclass
class NameScope:
    """Unique names in one namespace: the first claimant keeps a name, later ones get `_2`, `_3`..."""

    taken: set[str] = field(default_factory=set)

    def claim(self, name: str) -> str:
        candidate = name
        counter = 2
        while candidate in self.taken:
            candidate = f"{name}{'_' if not name[-1].isdigit() else '_'}{counter}"
            counter += 1
        self.taken.add(candidate)
        return candidate

    def reserve(self, *names: str) -> None:
        self.taken.update(names)
