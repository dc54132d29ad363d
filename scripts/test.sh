#!/usr/bin/env bash
# The whole test suite (README command 2; .ci/run calls exactly this):
# formatting and lints, the unit tests, and the integration tests on SQLite
# and on a throw-away PostgreSQL server started here on 127.0.0.1.
# Installs what it needs (PostgreSQL from Debian's packages) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

started=$(date +%s)
trap 'stop_postgres' EXIT

echo "== formatting and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== building tests"
cargo build --workspace --all-targets --locked

ensure_python_env

echo "== unit tests and integration tests on SQLite"
cargo test --workspace --locked

start_postgres
echo "== integration tests on PostgreSQL"
OTALUSTA_TEST_POSTGRES_URL="$PG_ADMIN_URL" cargo test --locked --test it

echo "== all tests passed in $(( $(date +%s) - started )) s"
