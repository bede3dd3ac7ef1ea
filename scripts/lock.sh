#!/usr/bin/env bash
# Refresh the hashed dependency locks from pyproject.toml: requirements.lock (the bot) and
# requirements-dev.lock (the bot and its development tools), for Python 3.11 on Linux x86-64.
# The package index mirrors configured for pip on this machine (pip config: extra-index-url,
# find-links) are asked first, so `scripts/install.sh` also works from them alone. uv is
# installed into a throw-away virtual environment; set UV=/path/to/uv to use your own.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
UV="${UV:-}"
if [ -z "$UV" ]; then
  tools="$(mktemp -d)"
  trap 'rm -rf "$tools"' EXIT
  "$PYTHON" -m venv "$tools"
  "$tools/bin/python" -m pip install --quiet uv
  UV="$tools/bin/uv"
fi
sources=()
for url in $("$PYTHON" -m pip config get global.extra-index-url 2>/dev/null || true); do
  sources+=(--extra-index-url "$url")
done
for dir in $("$PYTHON" -m pip config get global.find-links 2>/dev/null || true); do
  sources+=(--find-links "$dir")
done
compile() {
  "$UV" pip compile pyproject.toml --quiet --generate-hashes --python-version 3.11 \
    --python-platform x86_64-manylinux_2_28 --custom-compile-command "bash scripts/lock.sh" \
    "${sources[@]}" "$@"
}
compile -o requirements.lock
# The development lock also pins pip itself: install.sh brings a new venv's pip up to it.
echo "pip" | compile - --extra dev -o requirements-dev.lock
