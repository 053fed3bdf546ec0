"""Data models of the Raydocs API - extraction sessions and documents API.

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


class SessionCreateRequest(_BaseModel):
    """Body of a request to create an extraction session."""

    extraction_template_id: str
    """The extraction template the session runs."""
    name: str | None = None
    """A name for the session."""


class Session(_BaseModel):
    """An extraction session."""

    __read_only_fields__ = frozenset(
        ["created_at", "documents", "id", "results", "status", "updated_at"]
    )
    id: str | None = None
    """The session's id."""
    name: str | None = None
    """The session's name. Unverified: Nullability assumed because `name` is optional when creating a session."""
    extraction_template_id: str | None = None
    """The extraction template the session runs."""
    settings: dict[str, Any] | None = None
    """Session settings. Unverified: Structure not documented; kept as a free-form object (possibly null)."""
    status: Literal["pending", "processing", "completed", "failed"] | str | None = None
    """Processing status of the session."""
    created_at: datetime.datetime | None = None
    """When the session was created."""
    updated_at: datetime.datetime | None = None
    """When the session was last updated."""
    documents: list[Document] | None = None
    """The documents attached to the session. Unverified: The field is documented but not its item type; Document objects are assumed."""
    results: Any = None
    """Extraction results of the session (any JSON value). Unverified: The field is documented but not its structure; any JSON value is accepted."""


class AttachDocumentsRequest(_BaseModel):
    """Body of a request to attach existing workspace documents to a session."""

    document_ids: list[str]
    """Existing workspace document ids to attach"""


class UploadDocumentsRequest(_BaseModel):
    """Body of a request to create session documents from uploaded files."""

    keys: list[str]
    """Storage keys of the uploaded files."""


class Document(_BaseModel):
    """A workspace document."""

    __read_only_fields__ = frozenset(
        ["created_at", "id", "parsings", "sha256", "status", "workspace_id"]
    )
    id: str | None = None
    """The document's id."""
    workspace_id: int | str | None = None
    """The workspace the document belongs to. The API reference's schema types it as an integer, but the reference page's prose example shows a UUID string (`660e8400-e29b-41d4-a716-446655440000`), so both are accepted."""
    filename: str | None = None
    """The file name."""
    mime: str | None = None
    """The file's MIME type."""
    size: int | None = None
    """The file size in bytes."""
    sha256: str | None = None
    """SHA-256 of the file content, 64 hexadecimal characters (uploads are deduplicated by it)."""
    status: (
        Literal["uploaded", "queued", "parsing", "parsed", "processed", "failed"] | str | None
    ) = _Field(
        default=None,
    )
    """Processing status of the document."""
    source_type: Literal["upload", "url", "connector"] | str | None = None
    """How the document entered the workspace."""
    source_url: str | None = None
    """The URL the document came from, if any."""
    parsings: list[Parsing] | None = None
    """The parsings of the document."""
    created_at: datetime.datetime | None = None
    """When the document was created."""


class Parsing(_BaseModel):
    """One parsing of a document."""

    __read_only_fields__ = frozenset(["id"])
    id: str | None = None
    """The parsing's id."""
    config_hash: str | None = None
    """Hash of the parser configuration used."""
    status: Literal["queued"] | str | None = None
    """Status of the parsing. Only `queued` is documented; other values occur and are accepted."""
    parser_version: str | None = None
    """Version of the parser."""
    updated_at: datetime.datetime | None = None
    """When the parsing was last updated."""


class DocumentList(_BaseModel):
    """A list of documents, wrapped in `data`."""

    data: list[Document] | None = None
    """The documents."""


class DocumentPage(_BaseModel):
    """One page of documents."""

    data: list[Document] | None = None
    """The documents on this page."""
    meta: PaginationMeta | None = None
    """Position of a page within a paginated list."""


class PaginationMeta(_BaseModel):
    """Position of a page within a paginated list."""

    current_page: int | None = None
    """The number of this page, from 1."""
    last_page: int | None = None
    """The number of the last page."""
    per_page: int | None = None
    """Number of items per page."""
    total: int | None = None
    """Total number of items in the list."""


class Error(_BaseModel):
    """An error. "Errors are returned in JSON"; the body's schema is not documented.

    Unverified: The error schema is not documented; a Laravel-style body (`message`, and on 422 an `errors` map from field to messages) is assumed. Unknown fields are kept.
    """

    message: str | None = None
    """Human-readable error message."""
    errors: dict[str, list[str]] | None = None
    """Validation errors, from field name to its messages (422 responses)."""
