#!/usr/bin/env bash
# Makes sure the system tools the tests rely on are present: kcat (Kafka mock cluster), chromium (browser tests)
# and a running PostgreSQL on 127.0.0.1:5432. Idempotent; prints nothing when everything is already in place.
set -euo pipefail

fail() {
  echo "ensure-system-deps: $*" >&2
  exit 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    fail "need root (or sudo) to run: $*"
  fi
}

# binary -> Debian package
declare -A packages=([kcat]=kcat [chromium]=chromium)
missing=()
for binary in "${!packages[@]}"; do
  command -v "$binary" >/dev/null 2>&1 || missing+=("${packages[$binary]}")
done

if [ "${#missing[@]}" -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || fail "missing ${missing[*]} and apt-get is not available; install them manually"
  echo "ensure-system-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >/dev/null || fail "apt-get update failed"
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    fail "apt-get install ${missing[*]} failed"
  for binary in "${!packages[@]}"; do
    command -v "$binary" >/dev/null 2>&1 || fail "$binary still not found after installing ${packages[$binary]}"
  done
fi

pg_ready() {
  pg_isready -q -h 127.0.0.1 -p 5432
}

command -v pg_isready >/dev/null 2>&1 || fail "pg_isready not found: install PostgreSQL 15 (postgresql-15)"
if ! pg_ready; then
  command -v pg_ctlcluster >/dev/null 2>&1 || fail "PostgreSQL is not running on 127.0.0.1:5432 and pg_ctlcluster is missing"
  [ -d /etc/postgresql ] || fail "PostgreSQL is not running and /etc/postgresql does not exist"
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  [ -n "$version" ] || fail "no PostgreSQL cluster configured under /etc/postgresql"
  echo "ensure-system-deps: starting PostgreSQL $version/main" >&2
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || fail "could not start PostgreSQL $version/main"
  for _ in $(seq 1 60); do
    pg_ready && break
    sleep 0.5
  done
  pg_ready || fail "PostgreSQL $version/main started but does not answer on 127.0.0.1:5432 after 30 s"
fi
