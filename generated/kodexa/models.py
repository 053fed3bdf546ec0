"""Data models of the Kodexa Platform API (sessions) API.

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


class Session(_BaseModel):
    """A session represents a processing session for document operations."""

    __read_only_fields__ = frozenset(["created_on", "id", "last_accessed", "updated_on", "uuid"])
    change_sequence: int | None = _Field(
        default=None,
        alias="changeSequence",
    )
    """Optimistic locking version number. Send back the value you last read when updating."""
    created_on: datetime.datetime | None = _Field(
        default=None,
        alias="createdOn",
    )
    """Timestamp when the session was created."""
    id: str | None = None
    """Unique identifier (UUID) for the session."""
    organization: Organization | None = None
    """The organization a session belongs to. The seeds give the field names and types but no field descriptions ("Show child attributes"); the descriptions below are read from the field names."""
    organization_id: str | None = _Field(
        default=None,
        alias="organizationId",
    )
    """Identifier of the organization the session belongs to."""
    state: str | None = None
    """State of the session. The allowed values are not documented, so any string is accepted (the official SDK has an unused `OPEN`/`CLOSED` enum next to its Session model)."""
    token: str | None = None
    """Session token."""
    updated_on: datetime.datetime | None = _Field(
        default=None,
        alias="updatedOn",
    )
    """Timestamp when the session was last updated."""
    uuid: str | None = None
    """Secondary UUID identifier."""
    last_accessed: datetime.datetime | None = _Field(
        default=None,
        alias="lastAccessed",
    )
    """Timestamp when the session was last accessed. Unverified: Not on the API reference pages; present in the official Python SDK's Session model (kodexa-ai/kodexa), so it may or may not be returned."""


class Organization(_BaseModel):
    """The organization a session belongs to. The seeds give the field names and types but no field descriptions ("Show child attributes"); the descriptions below are read from the field names."""

    __read_only_fields__ = frozenset(["created_on", "id", "updated_on", "uuid"])
    auth_group_link: AuthGroupLink | None = _Field(
        default=None,
        alias="authGroupLink",
    )
    """Link from an organization to its auth group."""
    change_sequence: int | None = _Field(
        default=None,
        alias="changeSequence",
    )
    """Optimistic locking version number of the organization."""
    created_on: datetime.datetime | None = _Field(
        default=None,
        alias="createdOn",
    )
    """Timestamp when the organization was created."""
    default_to_private_templates: bool | None = _Field(
        default=None,
        alias="defaultToPrivateTemplates",
    )
    """Whether templates default to private."""
    description: str | None = None
    """Description of the organization."""
    enterprise_organization: bool | None = _Field(
        default=None,
        alias="enterpriseOrganization",
    )
    """Whether this is an enterprise organization."""
    features: dict[str, Any] | None = None
    """Free-form map of organization features."""
    has_image: bool | None = _Field(
        default=None,
        alias="hasImage",
    )
    """Whether the organization has an image."""
    id: str | None = None
    """Unique identifier of the organization."""
    memory: OrganizationMemory | None = None
    """Remembered UI state of an organization."""
    name: str | None = None
    """Name of the organization."""
    organization_status: str | None = _Field(
        default=None,
        alias="organizationStatus",
    )
    """Status of the organization (allowed values not documented)."""
    properties: dict[str, Any] | None = None
    """Free-form map of organization properties."""
    public_access: bool | None = _Field(
        default=None,
        alias="publicAccess",
    )
    """Whether the organization allows public access."""
    search_text: str | None = _Field(
        default=None,
        alias="searchText",
    )
    """Text used when searching for the organization."""
    slug: str | None = None
    """URL-friendly short name of the organization."""
    stripe_customer_id: str | None = _Field(
        default=None,
        alias="stripeCustomerId",
    )
    """Stripe customer id of the organization."""
    support_access: bool | None = _Field(
        default=None,
        alias="supportAccess",
    )
    """Whether support staff may access the organization."""
    support_access_expires_at: datetime.datetime | None = _Field(
        default=None,
        alias="supportAccessExpiresAt",
    )
    """When support access expires."""
    updated_on: datetime.datetime | None = _Field(
        default=None,
        alias="updatedOn",
    )
    """Timestamp when the organization was last updated."""
    uuid: str | None = None
    """Secondary UUID identifier of the organization."""


class AuthGroupLink(_BaseModel):
    """Link from an organization to its auth group."""

    auth_group: str | None = _Field(
        default=None,
        alias="authGroup",
    )
    """Identifier of the linked auth group."""


class OrganizationMemory(_BaseModel):
    """Remembered UI state of an organization."""

    ordered_dashboards: list[str] | None = _Field(
        default=None,
        alias="orderedDashboards",
    )
    """Dashboards in their display order."""


class ErrorResponse(_BaseModel):
    """Error body. The API documentation gives no error schema; the official Python SDK reads a JSON object `errors` (field -> message) from 400 responses.

    Unverified: Error body schema is not documented; the `errors` map is what the official SDK reads on 400. The same shape is assumed for 401 and 403, whose bodies are not documented at all.
    """

    errors: dict[str, str] | None = None
    """Map from field name to error message."""
