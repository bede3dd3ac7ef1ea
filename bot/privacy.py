"""Helpers that keep personal data out of sight: masking for screens, hashing for logs."""

from __future__ import annotations

import hashlib


def mask_nip(nip: str) -> str:
    """Show only the last 4 digits of a NIP."""
    return "•" * max(0, len(nip) - 4) + nip[-4:]


def mask_phone(phone: str) -> str:
    """Show only the last 3 digits of a phone number."""
    return "•" * max(0, len(phone) - 3) + phone[-3:]


def pseudonym(value: str) -> str:
    """A short stable hash for correlating log lines without revealing the value."""
    return hashlib.sha256(value.encode()).hexdigest()[:10]
