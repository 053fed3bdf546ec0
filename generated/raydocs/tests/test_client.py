"""Tests of the Raydocs API - extraction sessions and documents client as a whole: its server, its resources."""

from __future__ import annotations

import asyncio
import builtins
import datetime
from typing import Any, Literal, cast

import httpx

from .. import models
from .._client import AsyncClient, Client
from .._models import to_wire
from ._contract import BASE_URL, make_async_client, make_client

RESOURCES: frozenset[str] = frozenset(("sessions", "documents"))
"""The client's resources: one per tag of the document's operations."""


def test_client_targets_the_documented_server() -> None:
    """Both clients send to the document's server (or, when it has none, to the `base_url` given)."""
    with make_client() as client:
        assert httpx.URL(client.base_url) == httpx.URL(BASE_URL)  # equal up to a default port

    async def async_base_url() -> str:
        async with make_async_client() as client:
            return client.base_url

    assert httpx.URL(asyncio.run(async_base_url())) == httpx.URL(BASE_URL)


def test_client_exposes_the_documented_resources() -> None:
    """Each documented resource is an attribute of both clients, and no other public attribute is."""
    assert {name for name in vars(Client) if not name.startswith("_")} - {
        "base_url",
        "close",
    } == RESOURCES
    assert {name for name in vars(AsyncClient) if not name.startswith("_")} - {
        "base_url",
        "aclose",
    } == RESOURCES
    with make_client() as client:
        for name in RESOURCES:
            assert getattr(client, name) is getattr(client, name)  # built once
