#!/usr/bin/env bash
# Every test of the project: lint and import boundaries, type checks, unit and database tests, end-to-end in
# Chromium. Installs the system packages it needs (kcat, chromium) and starts PostgreSQL when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  echo "node_modules is missing: run npm install first (npm ci in CI)." >&2
  exit 1
fi

bash scripts/ensure-system-deps.sh

echo "== lint and import boundaries, type checks, unit, database and end-to-end tests"
npx turbo run lint typecheck test test:e2e --concurrency=2 --continue --output-logs=new-only --log-order=grouped
