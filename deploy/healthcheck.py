"""Container health check: in webhook mode ``GET /healthz`` on the bot's own port.

Standard library only (the slim image has no curl). Exit 0 healthy, 1 not. In polling
mode there is no HTTP server: Docker restarts a bot that exits, so the check passes.
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request


def main() -> int:
    """0 when ``/healthz`` answers 200 (or the bot polls), else 1."""
    if os.environ.get("UPDATE_MODE", "polling").lower() != "webhook":
        return 0
    port = os.environ.get("WEBHOOK_PORT", "8443")
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=4) as reply:
            return 0 if reply.status == 200 else 1
    except (urllib.error.URLError, OSError):
        return 1


if __name__ == "__main__":
    sys.exit(main())
