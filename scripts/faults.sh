#!/usr/bin/env bash
# Fault injection against the real binary (scripts/faults.py): two nodes on
# one PostgreSQL database and one on SQLite, concurrent writers, SIGKILLs,
# a PostgreSQL restart, stalled clients; then no acknowledged write lost,
# every node's search equal to the database, `audit verify` intact (also
# during the load), every request within its bound, SIGTERM obeyed.
#
#   scripts/faults.sh --quick                       # the bounded CI run (about a minute)
#   scripts/faults.sh --seconds 600 --rounds 10 --writers 4   # a soak
#
# Uses the PostgreSQL server of PG_ADMIN_URL/PG_DIR when set (scripts/test.sh
# after start_postgres; it is restarted during the run), else starts a
# throw-away one. Builds target/debug/otalusta unless OTALUSTA_BIN names a
# binary. Other arguments go to faults.py (--help lists them).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

ensure_python_env
if [ -z "${OTALUSTA_BIN:-}" ]; then
  cargo build --locked --quiet --bin otalusta
  export OTALUSTA_BIN=target/debug/otalusta
fi
if [ -z "${PG_ADMIN_URL:-}" ] || [ -z "${PG_DIR:-}" ]; then
  trap 'stop_postgres' EXIT
  start_postgres
fi
"$OTALUSTA_TEST_PYTHON" scripts/faults.py "$@"
