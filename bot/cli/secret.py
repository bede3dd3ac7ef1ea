"""``asn-bot secret``: print a new random webhook secret (standard library only)."""

from __future__ import annotations

import argparse
import secrets


def secret(_args: argparse.Namespace) -> int:
    """Print a new random webhook secret (for ``WEBHOOK_SECRET``)."""
    print(secrets.token_urlsafe(32))
    return 0
