#!/usr/bin/env bash
# End-to-end tests in a real browser: Debian's Chromium, driven by
# playwright-core from e2e/, against the real service (serve --demo on a free
# port, fresh SQLite data, random demo password). Every page the tests open is
# checked with axe-core (WCAG 2.1 A/AA; serious and critical violations fail).
# Failure screenshots, the failing page's HTML and the server's log go to
# test-artifacts/e2e/. Arguments are passed to `node --test` (e.g. a file:
# scripts/e2e.sh tests/keyboard.test.js).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

started=$(date +%s)
artifacts="$PWD/test-artifacts/e2e"
rm -rf "$artifacts"
mkdir -p "$artifacts"

if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Chromium from Debian's packages"
  apt_install chromium
fi
# node_modules is (re)installed from the lock file when missing or stale.
ensure_e2e_packages

trap 'stop_server' EXIT
start_server "$artifacts/server.log"

tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=(tests/)
status=0
(cd e2e && OTALUSTA_E2E_URL="$SERVER_URL" OTALUSTA_E2E_PASSWORD="$SERVER_PASSWORD" \
  OTALUSTA_E2E_ARTIFACTS="$artifacts" \
  node --test --test-concurrency="${E2E_CONCURRENCY:-1}" --test-reporter=spec "${tests[@]}") || status=1

if grep -qE "ERROR|panicked" "$SERVER_LOG"; then
  echo "!! the server logged errors during the tests:"
  grep -E "ERROR|panicked" "$SERVER_LOG" | head -20
  status=1
fi
if [ "$status" -ne 0 ]; then
  echo "!! end-to-end tests failed; screenshots, pages and the server log in test-artifacts/e2e/"
  exit 1
fi
echo "== end-to-end tests passed in $(( $(date +%s) - started )) s"
