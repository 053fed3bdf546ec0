"""Alfred (TagShelf) ``amx`` HMAC request signing for httpx.

This module is self-contained (standard library + httpx only) and is copied verbatim into the generated
Alfred client as ``amx.py``.

Alfred accepts three kinds of credentials: an API key (``X-TagshelfAPI-Key``), an OAuth bearer token from
``POST /token``, and an HMAC signature sent as::

    Authorization: amx {app_id}:{signature}:{nonce}:{timestamp}

where::

    string_to_sign = app_id
                   + METHOD (upper case)
                   + lowercase(percent-encode(full request URL))   # urllib.parse.quote(url, safe="")
                   + str(unix timestamp in seconds)
                   + nonce                                         # a fresh UUID4 per request
                   + base64(MD5(body))                             # "" when the request has no body
    signature = base64(HMAC-SHA256(key=base64-decode(secret_key), msg=UTF-8(string_to_sign)))

Usage::

    import httpx
    from .amx import AmxAuth

    auth = AmxAuth(app_id="my-app-id", secret_key="c2VjcmV0LWtleS1ieXRlcw==")
    httpx.get("https://app.tagshelf.com/api/deferred/detail/...", auth=auth)

A note on naming: TagShelf's own SDKs (alfred-python, alfred-node, tagshelf-api/go) call the *public*
application id ``secret_key`` and the base64 HMAC key ``api_key``. That is easy to mix up, so this module uses
descriptive names instead: ``app_id`` is the public application id that is sent in clear in the header, and
``secret_key`` is the base64-encoded HMAC key that never leaves the client (the SDKs' ``api_key``).

The SDKs also disagree on the URL encoding (Python ``quote(safe="")``, Node ``encodeURIComponent``, Go
``QueryEscape``); this module follows the Python SDK.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import time
import uuid
from collections.abc import Callable, Generator
from urllib.parse import quote

import httpx

__all__ = ["AmxAuth", "amx_signature"]


def _new_nonce() -> str:
    return str(uuid.uuid4())


def _decode_key(secret_key: str) -> bytes:
    try:
        return base64.b64decode(secret_key, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("secret_key must be the base64-encoded HMAC key") from exc


def amx_signature(
    app_id: str,
    secret_key: str,
    method: str,
    url: str,
    timestamp: int,
    nonce: str,
    body: bytes,
) -> str:
    """Return the base64 ``amx`` signature of one request.

    Args:
        app_id: The public application id (the TagShelf SDKs call it ``secret_key``).
        secret_key: The base64-encoded HMAC key (the TagShelf SDKs call it ``api_key``).
        method: The HTTP method; it is upper-cased before signing.
        url: The full request URL, including scheme, host, path and query string.
        timestamp: Unix time in whole seconds.
        nonce: A unique value for this request (a UUID4 string).
        body: The raw request body; ``b""`` when the request has no body.
    """
    body_hash = (
        base64.b64encode(hashlib.md5(body, usedforsecurity=False).digest()).decode("ascii")
        if body
        else ""
    )
    string_to_sign = (
        f"{app_id}{method.upper()}{quote(url, safe='').lower()}{int(timestamp)}{nonce}{body_hash}"
    )
    digest = hmac.new(
        _decode_key(secret_key), string_to_sign.encode("utf-8"), hashlib.sha256
    ).digest()
    return base64.b64encode(digest).decode("ascii")


class AmxAuth(httpx.Auth):
    """httpx authentication that signs every request with Alfred's ``amx`` HMAC scheme.

    Sets ``Authorization: amx {app_id}:{signature}:{nonce}:{timestamp}`` on each request (see the module
    docstring for the formula). Works with both ``httpx.Client`` and ``httpx.AsyncClient``; the request body is
    read before signing because the signature covers its MD5 digest.

    Args:
        app_id: The public application id, sent in clear in the header. TagShelf's SDKs confusingly name
            this value ``secret_key``.
        secret_key: The base64-encoded HMAC key. It is only used to compute the signature and is never sent.
            TagShelf's SDKs confusingly name this value ``api_key``.
        nonce_factory: Returns a fresh nonce for each request (default: a random UUID4 string).
        clock: Returns the current Unix time in seconds (default: ``time.time``); it is truncated to an
            integer.
    """

    requires_request_body = True

    def __init__(
        self,
        app_id: str,
        secret_key: str,
        *,
        nonce_factory: Callable[[], str] = _new_nonce,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not app_id:
            raise ValueError("app_id must not be empty")
        _decode_key(secret_key)  # fail early on a key that is not base64
        self._app_id = app_id
        self._secret_key = secret_key
        self._nonce_factory = nonce_factory
        self._clock = clock

    @property
    def app_id(self) -> str:
        """The public application id."""
        return self._app_id

    def sign(self, request: httpx.Request) -> None:
        """Compute the signature for ``request`` and set its ``Authorization`` header."""
        timestamp = int(self._clock())
        nonce = self._nonce_factory()
        signature = amx_signature(
            self._app_id,
            self._secret_key,
            request.method,
            str(request.url),
            timestamp,
            nonce,
            request.content,
        )
        request.headers["Authorization"] = f"amx {self._app_id}:{signature}:{nonce}:{timestamp}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        self.sign(request)
        yield request

    def __repr__(self) -> str:
        return f"AmxAuth(app_id={self._app_id!r}, secret_key='***')"

    __str__ = __repr__
