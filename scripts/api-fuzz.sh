#!/usr/bin/env bash
# API fuzzing: schemathesis generates requests from the OpenAPI description
# (/api/v1/openapi.json) and sends them to the real service (serve --demo on
# a free port, fresh SQLite data), once without credentials and once with a
# demo-admin's personal API token (Bearer). A run fails on a 5xx answer, an
# answer that does not match its documented schema, status code or content
# type. Reports (JUnit XML) and the server's log go to test-artifacts/api-fuzz/.
#
# API_FUZZ_EXAMPLES (default 100) bounds the cases per operation;
# API_FUZZ_SEED (default 20261202) makes a run repeatable: set another
# seed, or "random", to look further.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

started=$(date +%s)
artifacts="test-artifacts/api-fuzz"
rm -rf "$artifacts"
mkdir -p "$artifacts"

ensure_python_env
st="$(dirname "$OTALUSTA_TEST_PYTHON")/schemathesis"

trap 'stop_server' EXIT
start_server "$artifacts/server.log"

# The token first: the unauthenticated run's failed logins soon throttle
# every login from 127.0.0.1 (429) for a quarter of an hour.
token="$("$OTALUSTA_TEST_PYTHON" scripts/api_token.py "$SERVER_URL" demo-admin "$SERVER_PASSWORD")"

examples="${API_FUZZ_EXAMPLES:-100}"
seed="${API_FUZZ_SEED:-20261202}"
seed_args=()
[ "$seed" = random ] || seed_args=(--seed "$seed")

# schemathesis and hypothesis keep their caches in the working directory.
work="$PWD/target/api-fuzz"
mkdir -p "$work"
fuzz() {
  local name="$1"; shift
  echo "== API fuzzing ($name), at most $examples cases per operation"
  (cd "$work" && "$st" run "$SERVER_URL/api/v1/openapi.json" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-examples "$examples" "${seed_args[@]}" \
    --workers 2 --request-timeout 10 --generation-database none --no-color \
    --report junit --report-junit-path "$OLDPWD/$artifacts/$name.junit.xml" \
    --warnings off \
    "$@")
}

status=0
fuzz authenticated -H "Authorization: Bearer $token" || status=1
fuzz anonymous || status=1

if grep -qE "ERROR|panicked" "$SERVER_LOG"; then
  echo "!! the server logged errors during the fuzzing:"
  grep -E "ERROR|panicked" "$SERVER_LOG" | head -20
  status=1
fi

if [ "$status" -ne 0 ]; then
  echo "!! API fuzzing failed; reports and server log in $artifacts/"
  exit 1
fi
echo "== API fuzzing passed in $(( $(date +%s) - started )) s"
