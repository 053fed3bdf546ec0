"""Data models of the DataWollet API - tokens, extraction sessions and envelope access API.

Fields use Python names; the wire names are their aliases (both are accepted when building a model).
Unknown fields sent by the server are kept (`model_extra`). Enums are open: a value the API adds
later still parses, as a plain string or number.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from pydantic import Discriminator as _Discriminator
from pydantic import Field as _Field
from pydantic import Tag as _Tag

from ._models import BaseModel as _BaseModel
from ._models import TypedFirst as _TypedFirst
from ._models import discriminate as _discriminate


class TokenRequest(_BaseModel):
    """OAuth 2 client-credentials token request. `client_id` and `client_secret` may be omitted from the body when they are sent as HTTP Basic credentials."""

    grant_type: Literal["client_credentials"] | str = "client_credentials"
    """Always `client_credentials` (the only supported grant)."""
    client_id: str | None = None
    """The client id."""
    client_secret: str | None = None
    """The client secret."""
    scope: str | None = None
    """Space-separated scopes to request. Unverified: Not documented for this endpoint; the standard OAuth 2 `scope` parameter is assumed. Without it the client presumably receives its configured scopes."""


class TokenResponse(_BaseModel):
    """An access token."""

    access_token: str | None = None
    """The bearer token."""
    token_type: str | None = None
    """The token type, `Bearer`."""
    expires_in: int | None = None
    """Lifetime of the token in seconds. Unverified: Not documented; the standard OAuth 2 field is assumed."""
    scope: str | None = None
    """Space-separated scopes granted. Unverified: Not documented; the standard OAuth 2 field is assumed."""


class TokenError(_BaseModel):
    """Error returned by the token endpoint.

    Unverified: Not documented; the standard OAuth 2 error body (RFC 6749 section 5.2) is assumed.
    """

    error: str | None = None
    """OAuth 2 error code, e.g. `invalid_client`."""
    error_description: str | None = None
    """Human-readable explanation."""


class Error(_BaseModel):
    """An error.

    Unverified: The error body is not documented; an object with a machine-readable `error` code and a human-readable `message` is assumed. Unknown fields are kept.
    """

    error: str | None = None
    """Machine-readable error code. Unverified: Field name and values guessed."""
    message: str | None = None
    """Human-readable explanation. Unverified: Field name guessed."""


class SessionStartRequest(_BaseModel):
    """Options for starting (or resuming) a session. All fields are optional; an empty body starts a new session.

    Unverified: The documentation describes these options but not their JSON field names or types; all names here are guesses (snake_case, like the OAuth fields).
    """

    session_id: str | None = None
    """An existing session ID to resume. The session is resumed if it is still valid (and, for public clients, the session key cookie is valid); if it is invalid or expired, a new session is started. Unverified: Field name guessed."""
    partition_key: str | None = None
    """Client-supplied partitioning key; session IDs are unique to it. Use it to isolate sessions per end-user or per device; when integrating with a system that has its own sessions, a key tied to that system's session ID is recommended to prevent session fixation attacks. Unverified: Field name guessed."""
    timeout_seconds: int | None = None
    """Requested session timeout in seconds. It cannot exceed the maximum session duration, whatever is requested. Unverified: Field name, type and unit guessed."""
    create_envelope: bool | None = None
    """Create an envelope as part of session creation (requires the `envelopes:create` scope) so that the documents and data can be accessed again later with the envelope ID and key. Not supported when resuming a session. Unverified: Field name and form (a flag) guessed."""
    envelope_id: str | None = None
    """ID of an existing envelope to attach to the session (requires the `envelopes:read` scope; writing also needs `envelopes:write`). Not supported when resuming a session. Unverified: Field name guessed."""
    envelope_key: str | None = None
    """Key of the existing envelope given in `envelope_id`. Unverified: Field name guessed."""


class SessionResumeRequest(_BaseModel):
    """Identifies the session to resume or extend.

    Unverified: The request body is not documented; field names and types guessed, as for `/session/start`.
    """

    session_id: str
    """The session to resume or extend. Unverified: Field name guessed."""
    timeout_seconds: int | None = None
    """Requested session timeout in seconds, capped at the maximum session duration. Unverified: Field name, type and unit guessed."""


class SessionResponse(_BaseModel):
    """A started or resumed session. When a session is continued, the previous requests made within it are returned so that the client can reconstruct the session state. The session key itself is set as a cookie, not returned in the body.

    Unverified: The response body is not documented; all field names and types are guesses.
    """

    __read_only_fields__ = frozenset(
        ["envelope_id", "envelope_key", "expires_at", "requests", "resumed", "session_id"]
    )
    session_id: str | None = None
    """The session ID (new, or the resumed one). Unverified: Field name guessed."""
    resumed: bool | None = None
    """Whether an existing session was resumed (false when a new session was started). Unverified: Field guessed: the documentation says an invalid or expired session ID silently starts a new session, so a client needs some way to tell."""
    expires_at: datetime.datetime | None = None
    """When the session expires. Unverified: Field name and presence guessed (sessions are documented to expire)."""
    envelope_id: str | None = None
    """ID of the envelope created for or attached to the session, if any. Unverified: Field name and presence guessed."""
    envelope_key: str | None = None
    """Key of a newly created envelope; keep it with the envelope ID to access the envelope again later. Unverified: Field name and presence guessed (the key of a created envelope must reach the client somehow)."""
    requests: list[SessionRequestRecord] | None = None
    """The previous requests made within a resumed session (empty for a new session). Unverified: Field name guessed."""


class SessionRequestRecord(_BaseModel):
    """A previous request made within the session, returned when the session is resumed.

    Unverified: The structure is not documented; a free-form object with a few plausible fields.
    """

    request_id: str | None = None
    """The request's id. Unverified: Field name guessed."""
    path: str | None = None
    """The endpoint the request was made to. Unverified: Field name guessed."""
    created_at: datetime.datetime | None = None
    """When the request was made. Unverified: Field name guessed."""


class AclEntry(_BaseModel):
    """One entry of an envelope's access-control list: a client (and subject within it) allowed to access the envelope. Entries are identified by client id and subject id.

    Unverified: The body is not documented; `client_id` and `sub_id` follow the path parameters of the DELETE endpoint, `permissions` is a guess.
    """

    client_id: str
    """The client granted access. Unverified: Field name guessed from the `clientId` path parameter."""
    sub_id: str
    """The subject within the client granted access. Unverified: Field name guessed from the `subId` path parameter."""
    permissions: list[Literal["read", "write"] | str] | None = None
    """What the client may do with the envelope. Unverified: Field name and values guessed (after the read/write envelope scopes)."""


class EnvelopeAcl(_BaseModel):
    """The access-control list of the envelope attached to the session.

    Unverified: The body is not documented; an object with an `entries` array is a guess.
    """

    entries: list[AclEntry] | None = None
    """The entries of the list. Unverified: Field name guessed."""
