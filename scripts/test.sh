#!/usr/bin/env bash
# The whole test suite (README command 2; .ci/run calls exactly this):
# formatting and lints, the unit tests, the integration tests on SQLite,
# the quality gates (end-to-end tests in Chromium with accessibility checks,
# API fuzzing) against the real binary on SQLite, and the integration tests
# on a throw-away PostgreSQL server started here on 127.0.0.1, and the
# fault injection (scripts/faults.sh --quick) against that server.
# Installs what it needs (PostgreSQL and Chromium from Debian's packages,
# the e2e/ npm packages, the Python test tools) when missing.
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
ensure_voikko
# The single sign-on tests (tests/it/oidc.rs) start e2e/'s OpenID provider.
ensure_e2e_packages

echo "== unit tests and integration tests on SQLite"
cargo test --workspace --locked

echo "== end-to-end tests in Chromium, with accessibility checks (SQLite)"
scripts/e2e.sh

echo "== API fuzzing (SQLite)"
scripts/api-fuzz.sh

start_postgres
echo "== integration tests on PostgreSQL"
OTALUSTA_TEST_POSTGRES_URL="$PG_ADMIN_URL" cargo test --locked --test it

echo "== fault injection: two nodes on PostgreSQL, one on SQLite (restarts this PostgreSQL)"
scripts/faults.sh --quick

echo "== all tests passed in $(( $(date +%s) - started )) s"
