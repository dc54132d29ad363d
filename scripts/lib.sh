# Shared helpers for the project's scripts (sourced, not run).

# Run a command as root when we are not (CI runs as root; developers may not).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "${APT_UPDATED:-}" ]; then
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
  as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pg_bindir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# Voikko, the Finnish morphology the expert search uses (libvoikko and its
# dictionary). The service runs without it, less precisely; the tests check
# the real thing.
ensure_voikko() {
  if ! ldconfig -p 2>/dev/null | grep -q 'libvoikko\.so\.1' || [ ! -d /usr/lib/voikko ]; then
    echo "== installing Voikko (Finnish morphology) from Debian's packages"
    apt_install libvoikko1 voikko-fi
  fi
}

ensure_postgres() {
  if [ -z "$(pg_bindir)" ] || [ ! -x "$(pg_bindir)/initdb" ]; then
    echo "== installing PostgreSQL from Debian's packages"
    apt_install postgresql
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Starts a throw-away PostgreSQL cluster on 127.0.0.1 and exports
# PG_PORT, PG_DIR and PG_ADMIN_URL. Stop it with stop_postgres.
start_postgres() {
  ensure_postgres
  local bin; bin="$(pg_bindir)"
  PG_DIR="$(mktemp -d /tmp/otalusta-pg.XXXXXX)"
  PG_PORT="$(free_port)"
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root: the cluster belongs to 'postgres'.
    id postgres >/dev/null 2>&1 || as_root useradd --system --no-create-home postgres
    chown postgres "$PG_DIR"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust --no-sync -E UTF8 --locale C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log"; return 1; }
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c full_page_writes=off" >/dev/null \
    || { cat "$PG_DIR/server.log"; return 1; }
  PG_ADMIN_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  export PG_PORT PG_DIR PG_ADMIN_URL
  echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($PG_DIR)"
}

stop_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  local run=()
  [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
  "${run[@]}" "$(pg_bindir)/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}

# e2e/'s npm packages (playwright-core, axe-core, and oidc-provider, the
# OpenID provider the single sign-on tests start: tests/it/oidc.rs and
# e2e/tests/oidc.test.js), (re)installed from the lock file when missing or stale.
ensure_e2e_packages() {
  if ! command -v node >/dev/null; then
    echo "== installing Node.js from Debian's packages"
    apt_install nodejs npm
  fi
  if [ ! -d e2e/node_modules ] || ! cmp -s e2e/package-lock.json e2e/node_modules/.otalusta-lock; then
    echo "== npm ci in e2e/"
    (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
    cp e2e/package-lock.json e2e/node_modules/.otalusta-lock
  fi
}

# A Python virtual environment with the test tools of tests/requirements.txt
# (independent parsers and servers the tests check against); exports
# OTALUSTA_TEST_PYTHON. Rebuilt when the requirements change.
ensure_python_env() {
  local venv="${OTALUSTA_VENV:-$PWD/target/test-venv}"
  local stamp="$venv/.requirements"
  if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    apt_install python3-venv
  fi
  if [ ! -x "$venv/bin/python" ] || ! cmp -s tests/requirements.txt "$stamp"; then
    echo "== preparing the Python test tools in $venv"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r tests/requirements.txt
    cp tests/requirements.txt "$stamp"
  fi
  OTALUSTA_TEST_PYTHON="$venv/bin/python"
  export OTALUSTA_TEST_PYTHON
}

# Starts the real service, `target/debug/otalusta serve --demo`, on a free
# port of 127.0.0.1 with a fresh data directory and a random demo password,
# and waits for /health. Exports SERVER_URL, SERVER_PASSWORD, SERVER_DIR and
# SERVER_PID; the server's log goes to $1 (default: $SERVER_DIR/server.log).
# Builds the binary first (a no-op when it is up to date) unless
# OTALUSTA_BIN names one to use. Stop it with stop_server.
start_server() {
  local log="${1:-}"
  local bin="${OTALUSTA_BIN:-target/debug/otalusta}"
  [ -n "${OTALUSTA_BIN:-}" ] || cargo build --locked --quiet --bin otalusta
  SERVER_DIR="$(mktemp -d /tmp/otalusta-srv.XXXXXX)"
  [ -n "$log" ] || log="$SERVER_DIR/server.log"
  mkdir -p "$(dirname "$log")"
  SERVER_LOG="$log"
  SERVER_PASSWORD="$(python3 -c 'import secrets; print("Demo-" + secrets.token_urlsafe(18))')"
  local port; port="$(free_port)"
  SERVER_URL="http://127.0.0.1:$port"
  NO_COLOR=1 "$bin" serve --demo --demo-password "$SERVER_PASSWORD" \
    --data-dir "$SERVER_DIR" --listen "127.0.0.1:$port" >"$log" 2>&1 &
  SERVER_PID=$!
  export SERVER_URL SERVER_PASSWORD SERVER_DIR SERVER_PID SERVER_LOG
  local i
  for i in $(seq 1 300); do
    if python3 - "$SERVER_URL/health" <<'PY' 2>/dev/null; then
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=2) as r:
    sys.exit(0 if r.status == 200 else 1)
PY
      echo "== otalusta serving on $SERVER_URL (pid $SERVER_PID, log $log)"
      return 0
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "!! otalusta exited before answering /health:"; cat "$log"; SERVER_PID=""; return 1
    fi
    sleep 0.1
  done
  echo "!! otalusta did not answer /health within 30 s:"; cat "$log"
  stop_server
  return 1
}

# Stops the server of start_server (SIGTERM, then waits) and removes its data.
stop_server() {
  if [ -n "${SERVER_PID:-}" ]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
  if [ -n "${SERVER_DIR:-}" ]; then rm -rf "$SERVER_DIR"; SERVER_DIR=""; fi
}
