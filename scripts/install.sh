#!/usr/bin/env bash
# Create .venv and install the bot with its development tools (idempotent).
# Every dependency comes pinned and hash-checked from requirements-dev.lock (refresh it with
# scripts/lock.sh); the bot itself is then installed in place without resolving anything.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
QUIET=(--quiet)
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
  QUIET=(--quiet --quiet)  # a new venv's older pip warns about every mirror lacking a package
fi
.venv/bin/python -m pip install "${QUIET[@]}" --require-hashes -r requirements-dev.lock
.venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
