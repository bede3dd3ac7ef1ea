#!/usr/bin/env bash
# Install, then start the offline demo (pass --script for the scripted walk-through).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/asn-bot demo "$@"
