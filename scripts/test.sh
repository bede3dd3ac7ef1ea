#!/usr/bin/env bash
# Install, then run the whole test suite on SQLite and (where it answers) PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null || \
   .venv/bin/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then
  echo "PostgreSQL answers at 127.0.0.1:5432: running the suite on SQLite and PostgreSQL"
  export ASN_TEST_BACKENDS="${ASN_TEST_BACKENDS:-sqlite,postgres}"
else
  echo "No PostgreSQL at 127.0.0.1:5432: running on SQLite only (PostgreSQL tests skipped)"
  export ASN_TEST_BACKENDS="${ASN_TEST_BACKENDS:-sqlite}"
fi
exec .venv/bin/python -m pytest -n 2 -p no:cacheprovider "$@"
