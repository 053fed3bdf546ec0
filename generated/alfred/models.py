"""Data models of the Alfred API (TagShelf) - deferred sessions, files and jobs API.

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
    """OAuth 2 resource-owner password grant, sent as a form body."""

    grant_type: Literal["password"] | str = "password"
    """Always `password`."""
    username: str
    """The Alfred user name."""
    password: str | None = None
    """The user's password."""


class TokenResponse(_BaseModel):
    """A bearer access token."""

    access_token: str | None = None
    """The bearer token to send as `Authorization: Bearer <access_token>`."""
    token_type: str | None = None
    """The token type (bearer)."""
    expires_in: int | None = None
    """Lifetime of the token in seconds."""
    user_name: str | None = _Field(
        default=None,
        alias="userName",
    )
    """The user the token was issued to."""
    issued: str | None = _Field(
        default=None,
        alias=".issued",
    )
    """When the token was issued. Unverified: The field is documented but not its format; the ASP.NET token endpoint writes an HTTP date (RFC 1123), so it is kept as a plain string rather than a date-time."""
    expires: str | None = _Field(
        default=None,
        alias=".expires",
    )
    """When the token expires. Unverified: The field is documented but not its format; the ASP.NET token endpoint writes an HTTP date (RFC 1123), so it is kept as a plain string rather than a date-time."""


class TokenError(_BaseModel):
    """Error returned by the token endpoint.

    Unverified: Not documented; the standard OAuth 2 error body (RFC 6749 section 5.2) of ASP.NET token endpoints is assumed.
    """

    error: str | None = None
    """OAuth 2 error code, e.g. `invalid_grant`."""
    error_description: str | None = None
    """Human-readable explanation."""


class Error(_BaseModel):
    """Error body of the Alfred API."""

    error: str | None = None
    """Short error name, e.g. `Not Found`."""
    message: str | None = None
    """Explanation of the error."""


class DeferredSessionCreated(_BaseModel):
    """The id of a newly created Deferred Session."""

    __read_only_fields__ = frozenset(["session_id"])
    session_id: str | None = None
    """The Deferred Session ID; use it to upload files and to create the Job."""


class DeferredSession(_BaseModel):
    """A Deferred Session: a container for files uploaded at different times or from various sources for a single future Job."""

    __read_only_fields__ = frozenset(["creation_date", "id", "update_date"])
    id: str | None = None
    """Deferred Session ID."""
    creation_date: str | None = None
    """When the session was created: an ISO 8601 date and time without a timezone offset, e.g. `2022-11-17T00:00:00.000`. It is not an RFC 3339 date-time, so it is kept as a string. Unverified: The type is not documented; read from the example. The timezone (presumably UTC) is not stated."""
    update_date: str | None = None
    """When the session was last updated: an ISO 8601 date and time without a timezone offset, e.g. `2022-11-17T00:00:00.000`. It is not an RFC 3339 date-time, so it is kept as a string. Unverified: The type is not documented; read from the example. The timezone (presumably UTC) is not stated."""
    status: Literal["open"] | str | None = None
    """Session status. Only `open` is documented; other values (e.g. after the Job has been created and the session is closed) are possible and are accepted."""
    user_name: str | None = None
    """The user who created the session."""
    company_id: str | None = None
    """The company the session belongs to."""
    job_id: str | None = None
    """The Job created from this session; `null` until a Job has been created."""


class FileUploadRequest(_BaseModel):
    """Multipart form fields of a file upload into a Deferred Session.

    Unverified: Which fields are required is not documented; `file` and `session_id` are assumed required.
    """

    file: bytes
    """The file content."""
    session_id: str
    """The Deferred Session to add the file to."""
    metadata: str | None = None
    """Metadata for the file, as a JSON-encoded string."""


class FileUploaded(_BaseModel):
    """The id of an uploaded file."""

    __read_only_fields__ = frozenset(["file_id"])
    file_id: str | None = None
    """The new file's id. Unverified: The field name is documented; its UUID format is assumed like the other Alfred ids."""


class JobCreateRequest(_BaseModel):
    """Creates a Job from a Deferred Session. Only `session_id` is required. The field names are documented (SDKs); their types, except `session_id` and `priority`, are inferred from the names."""

    session_id: str
    """The Deferred Session whose files make up the Job. Creating the Job closes the session."""
    propagate_metadata: bool | None = None
    """Whether the job's metadata is propagated to its files. Unverified: Type and meaning inferred from the name."""
    merge: bool | None = None
    """Whether the session's files are merged into one document. Unverified: Type and meaning inferred from the name."""
    decompose: bool | None = None
    """Whether multi-page files are decomposed into separate documents. Unverified: Type and meaning inferred from the name."""
    metadata: dict[str, Any] | None = None
    """Metadata attached to the Job. Unverified: Type not documented; a JSON object is assumed (file uploads take metadata as a JSON string, the JSON job body presumably as an object)."""
    channel: str | None = None
    """The channel the job came from. Unverified: Type and meaning inferred from the name."""
    parent_file_prefix: str | None = None
    """Prefix for the names of parent files. Unverified: Type and meaning inferred from the name."""
    page_rotation: int | None = None
    """Page rotation to apply, in degrees. Unverified: Type, unit and meaning inferred from the name."""
    container: str | None = None
    """Storage container holding the files. Unverified: Type and meaning inferred from the name."""
    file_name: str | None = None
    """Name of the file. Unverified: Type and meaning inferred from the name."""
    file_names: list[str] | None = None
    """Names of the files. Unverified: Type and meaning inferred from the name."""
    priority: Literal["low", "normal", "high"] | str | None = None
    """Job priority."""


class JobCreated(_BaseModel):
    """The id of a newly created Job."""

    __read_only_fields__ = frozenset(["job_id"])
    job_id: str | None = None
    """The new Job's id. Unverified: The field name is documented; its UUID format is assumed like the other Alfred ids."""


class JobDetail(_BaseModel):
    """Details of a Job. The response schema is not documented: this is a free-form object, and the few named fields are plausible guesses.

    Unverified: The whole response schema is undocumented; any additional fields are kept.
    """

    __read_only_fields__ = frozenset(["creation_date", "id", "update_date"])
    id: str | None = None
    """Job ID. Unverified: Field name and type guessed (consistent with the Deferred Session detail)."""
    stage: str | None = None
    """Current stage of the job (the documentation has a "Job Stages" page; values unknown). Unverified: Field name guessed from the documented "Job Stages" and JobStageUpdateEvent."""
    creation_date: str | None = None
    """When the job was created (ISO 8601 without a timezone offset, like the Deferred Session dates; kept as a string). Unverified: Field name guessed (consistent with the Deferred Session detail)."""
    update_date: str | None = None
    """When the job was last updated (ISO 8601 without a timezone offset, like the Deferred Session dates; kept as a string). Unverified: Field name guessed (consistent with the Deferred Session detail)."""
