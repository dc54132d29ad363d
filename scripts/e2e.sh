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

# Single sign-on (tests/oidc.test.js): the server gets two providers, both
# served by a test OpenID provider (e2e/oidc/provider.mjs, npm's
# oidc-provider) started once the server's address is known.
OIDC_DIR="$(mktemp -d /tmp/otalusta-oidc.XXXXXX)"
OIDC_PORT="$(free_port)"
OIDC_PID=""
printf 'e2e client secret\n' >"$OIDC_DIR/secret.txt"
cat >"$OIDC_DIR/oidc.json" <<EOF
{"providers": [
  {"id": "testi", "display_name": "Testitunnistus", "issuer": "http://127.0.0.1:$OIDC_PORT",
   "client_id": "e2e", "client_secret_file": "secret.txt",
   "scopes": ["openid", "profile", "email", "groups"], "default_roles": ["requester"],
   "mappings": [{"claim": "groups", "value": "ot-experts", "roles": ["expert"]}]},
  {"id": "hyvaksynta", "display_name": "Hyväksyttävä tunnistus", "issuer": "http://127.0.0.1:$OIDC_PORT",
   "client_id": "e2e-approval", "client_secret_file": "secret.txt", "require_approval": true}
]}
EOF
stop_oidc() {
  if [ -n "$OIDC_PID" ]; then kill "$OIDC_PID" 2>/dev/null || true; wait "$OIDC_PID" 2>/dev/null || true; fi
  rm -rf "$OIDC_DIR"
}
trap 'stop_server; stop_oidc' EXIT
OTALUSTA_OIDC_CONFIG="$OIDC_DIR/oidc.json" start_server "$artifacts/server.log"
(cd e2e && OIDC_PORT="$OIDC_PORT" OIDC_APP="$SERVER_URL" \
  OIDC_CLIENTS='[{"client_id":"e2e","client_secret":"e2e client secret","provider":"testi"},{"client_id":"e2e-approval","client_secret":"e2e client secret","provider":"hyvaksynta"}]' \
  exec node oidc/provider.mjs) >"$artifacts/oidc-provider.log" 2>&1 &
OIDC_PID=$!
for _ in $(seq 1 100); do
  grep -q '^listening' "$artifacts/oidc-provider.log" 2>/dev/null && break
  sleep 0.1
done
grep -q '^listening' "$artifacts/oidc-provider.log" || { echo "!! the test OpenID provider did not start:"; cat "$artifacts/oidc-provider.log"; exit 1; }

tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=(tests/)
status=0
(cd e2e && OTALUSTA_E2E_URL="$SERVER_URL" OTALUSTA_E2E_PASSWORD="$SERVER_PASSWORD" \
  OTALUSTA_E2E_ARTIFACTS="$artifacts" OTALUSTA_E2E_OIDC_ISSUER="http://127.0.0.1:$OIDC_PORT" \
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
