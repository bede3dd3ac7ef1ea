"""A private PostgreSQL database for the several-instances tests (skipped without a server)."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from storage.migrate import upgrade
from tests.conftest import PG_ADMIN_URL, _pg_admin, _pg_available


@contextmanager
def pg_database(*, migrate: bool) -> Iterator[str]:
    """Create a fresh database (migrated to head when ``migrate``), drop it afterwards.

    Skips the test, saying why, when PostgreSQL does not answer (fails instead when
    ``ASN_REQUIRE_POSTGRES`` is set, as in CI): several instances need PostgreSQL.
    """
    reason = _pg_available()
    if reason and os.environ.get("ASN_REQUIRE_POSTGRES"):
        pytest.fail(reason + " (ASN_REQUIRE_POSTGRES is set)")
    if reason:
        pytest.skip(f"several instances need PostgreSQL; {reason}")
    name = f"asnbot_cluster_{uuid.uuid4().hex[:10]}"
    asyncio.run(_pg_admin(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    try:
        if migrate:
            upgrade(url)
        yield url
    finally:
        asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
