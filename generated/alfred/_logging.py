"""Logger and redaction helpers.

The logger is named after the package holding the runtime (``kodexa`` for
``kodexa._logging``).  Nothing secret may reach a log line: header values of
credential headers and credential query parameters are replaced by ``***``.

``<PACKAGE>_LOG=debug`` (or ``info``) in the environment turns the log on without
code: ``KODEXA_LOG=debug`` prints each request and response line, redacted, to stderr.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Collection, Iterable, Mapping
from urllib.parse import quote, unquote

import httpx

__all__ = [
    "logger",
    "get_logger",
    "REDACTED",
    "ALWAYS_SENSITIVE_HEADERS",
    "redact_headers",
    "redact_url",
    "protect_httpx_logger",
    "LOG_ENV_VAR",
    "configure_from_environment",
]

REDACTED = "***"

ALWAYS_SENSITIVE_HEADERS: frozenset[str] = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie"}
)

_PACKAGE = __name__.rpartition(".")[0] or __name__

logger: logging.Logger = logging.getLogger(_PACKAGE)

#: The environment variable that turns the log on: ``KODEXA_LOG`` for package ``kodexa``.
LOG_ENV_VAR = _PACKAGE.rpartition(".")[2].upper() + "_LOG"
_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}


def get_logger() -> logging.Logger:
    """The runtime's logger (named after the generated package)."""
    return logger


def redact_headers(
    headers: httpx.Headers | Mapping[str, str], sensitive: Collection[str] = ()
) -> dict[str, str]:
    """Header dict with credential values replaced by ``***``."""
    lowered = {s.lower() for s in sensitive} | ALWAYS_SENSITIVE_HEADERS
    items: Iterable[tuple[str, str]]
    items = headers.multi_items() if isinstance(headers, httpx.Headers) else headers.items()
    out: dict[str, str] = {}
    for key, value in items:
        shown = REDACTED if key.lower() in lowered else value
        out[key] = f"{out[key]}, {shown}" if key in out else shown
    return out


def redact_url(url: httpx.URL | str, sensitive_query: Collection[str] = ()) -> str:
    """*url* as text with the values of *sensitive_query* parameters and any
    user info replaced by ``***``."""
    parsed = url if isinstance(url, httpx.URL) else httpx.URL(url)
    if parsed.userinfo:
        parsed = parsed.copy_with(username=REDACTED, password=None)
    query = parsed.query.decode("ascii", errors="replace")
    if not query or not sensitive_query:
        return str(parsed)
    names = {s.lower() for s in sensitive_query}
    parts = []
    for part in query.split("&"):
        key, sep, _ = part.partition("=")
        if unquote(key.replace("+", " ")).lower() in names:
            part = f"{key}={quote(REDACTED)}" if sep else key
        parts.append(part)
    base = str(parsed.copy_with(query=None, fragment=None))
    return f"{base}?{'&'.join(parts)}"


class _HttpxRedactingFilter(logging.Filter):
    """Redacts credential query parameters in httpx's own request log lines."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._names: frozenset[str] = frozenset()
        self._pattern: re.Pattern[str] | None = None

    def add(self, names: Iterable[str]) -> None:
        with self._lock:
            merged = self._names | {n for n in names if n}
            if merged == self._names:
                return
            self._names = merged
            alternatives = "|".join(
                sorted({re.escape(v) for n in merged for v in (n, quote(n, safe=""))})
            )
            self._pattern = re.compile(rf"([?&](?:{alternatives})=)[^&\s\"'#]*", re.IGNORECASE)

    def filter(self, record: logging.LogRecord) -> bool:
        pattern = self._pattern
        if pattern is None:
            return True
        try:
            message = record.getMessage()
        except Exception:  # pragma: no cover - malformed record: leave it alone
            return True
        redacted = pattern.sub(lambda m: m.group(1) + quote(REDACTED), message)
        if redacted != message:
            record.msg = redacted
            record.args = None
        return True


_HTTPX_FILTER = _HttpxRedactingFilter()
_INSTALL_LOCK = threading.Lock()


def protect_httpx_logger(query_names: Iterable[str]) -> None:
    """Make httpx's INFO request lines redact the given query parameters.

    httpx logs the full request URL; API keys sent in the query would leak
    there.  A filter is attached (once) to the ``httpx`` logger.
    """
    names = [n for n in query_names if n]
    if not names:
        return
    _HTTPX_FILTER.add(names)
    with _INSTALL_LOCK:
        httpx_logger = logging.getLogger("httpx")
        if _HTTPX_FILTER not in httpx_logger.filters:
            httpx_logger.addFilter(_HTTPX_FILTER)


def configure_from_environment(environ: Mapping[str, str] | None = None) -> bool:
    """Apply ``<PACKAGE>_LOG`` (``debug`` or ``info``): the level, and a stderr handler unless the
    logger has handlers already (the application's own logging setup wins).

    Returns whether it did.
    """
    value = (os.environ if environ is None else environ).get(LOG_ENV_VAR, "").strip().lower()
    level = _LEVELS.get(value)
    if level is None:
        return False
    logger.setLevel(level)
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
        logger.addHandler(handler)
    return True


configure_from_environment()
