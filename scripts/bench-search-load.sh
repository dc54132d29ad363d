# Sourced by scripts/bench.sh --search-load (not run on its own): the
# per-request cost of the expert search page and the search API (issue 15).
# On the demo data (`serve --demo`, 300 profiles), logged in as
# demo-coordinator: the page with the session cookie, the API with a
# read-scoped personal API token (as a script calls it) and, to tell the
# token's cost from the search's, with the session cookie too. Each target
# runs between two runs of bare axum. With BENCH_BASELINE_BIN, the same on
# that binary in the same run (its own fresh demo data).

search_q="huoltoriidoissa"
search_targets=(page api api_cookie)
declare -A search_label=(
  [page]="\`/experts?q=$search_q\` search page (session cookie)"
  [api]="\`/api/v1/experts?q=$search_q\` search API (API token)"
  [api_cookie]="\`/api/v1/experts?q=$search_q\` search API (session cookie)"
)

# Starts `serve --demo` of binary $1 in data directory $2; sets
# search_server_url, search_cookie and search_token.
start_demo() {
  local port; port="$(free_port)"
  search_server_url="http://127.0.0.1:$port"
  NO_COLOR=1 "$1" serve --demo --demo-password "$password" --data-dir "$2" \
    --listen "127.0.0.1:$port" >"$2.log" 2>&1 &
  server_pid=$!
  wait_http "$search_server_url/health" "$server_pid" 120
  curl -s -o /dev/null -c "$2.cookies" -H 'Content-Type: application/json' \
    -d "{\"username\":\"demo-coordinator\",\"password\":\"$password\"}" "$search_server_url/api/v1/session"
  search_cookie="Cookie: otalusta_session=$(awk '$6 == "otalusta_session" {print $7}' "$2.cookies")"
  search_token="$(python3 scripts/api_token.py "$search_server_url" demo-coordinator "$password" read)"
  local code
  code=$(curl -s -o "$work/page.html" -w '%{http_code}' -H "$search_cookie" "$search_server_url/experts?q=$search_q")
  [ "$code" = 200 ] && grep -q 'huoltoriita' "$work/page.html" \
    || { echo "!! the search page answered $code without reasons"; exit 1; }
  code=$(curl -s -o "$work/api.json" -w '%{http_code}' -H "Authorization: Bearer $search_token" \
    "$search_server_url/api/v1/experts?q=$search_q")
  [ "$code" = 200 ] && grep -q 'huoltoriita' "$work/api.json" \
    || { echo "!! the search API answered $code without reasons"; exit 1; }
}

# Loads the targets of the server started by start_demo; labels prefixed $1.
load_search() {
  local prefix="$1" i=0 t
  run_wrk "${prefix}hello0" "$hello_url"
  for t in "${search_targets[@]}"; do
    case "$t" in
      page) run_wrk "$prefix$t" "$search_server_url/experts?q=$search_q" -H "$search_cookie" ;;
      api) run_wrk "$prefix$t" "$search_server_url/api/v1/experts?q=$search_q" -H "Authorization: Bearer $search_token" ;;
      api_cookie) run_wrk "$prefix$t" "$search_server_url/api/v1/experts?q=$search_q" -H "$search_cookie" ;;
    esac
    i=$((i + 1)); run_wrk "${prefix}hello$i" "$hello_url"
  done
}

table_search() { # prefix
  local prefix="$1" i t around ratio
  say "| target | requests/s | p50 ms | p99 ms | bare axum around it, requests/s | ratio to bare axum | errors or non-2xx/3xx |"
  say "|---|---:|---:|---:|---:|---:|---:|"
  for i in "${!search_targets[@]}"; do
    t="${search_targets[$i]}"
    read -r around ratio < <(awk -v a="${rps[$prefix$t]}" -v h1="${rps[${prefix}hello$i]}" -v h2="${rps[${prefix}hello$((i + 1))]}" \
      'BEGIN {h = (h1 + h2) / 2; printf "%.0f–%.0f %.3f\n", (h1 < h2 ? h1 : h2), (h1 < h2 ? h2 : h1), a / h}')
    say "| ${search_label[$t]} | $(printf '%.0f' "${rps[$prefix$t]}") | $(ms "${p50[$prefix$t]}") | $(ms "${p99[$prefix$t]}") | $around | $ratio | ${errs[$prefix$t]} |"
  done
  say ""
}
ms() { awk -v u="$1" 'BEGIN {printf "%.2f", u / 1000}'; }

wait_idle "the HTTP runs"
echo "== search page and API on the demo data beside bare axum ($duration per load)"
start_hello
start_demo "$bin/otalusta" "$work/demo"
load_search ""
stop_pid "$server_pid"; server_pid=""
say "## Expert search page and API on the demo data (wrk ${wrk_args[*]})"
say ""
say "\`serve --demo\` (300 profiles), logged in as demo-coordinator; the API token is read-scoped. Each target ran between two runs of bare axum; ratio = requests/s ÷ the mean of those two."
say ""
table_search ""
if [ -n "${BENCH_BASELINE_BIN:-}" ]; then
  echo "== the same on the baseline binary $BENCH_BASELINE_BIN"
  start_demo "$BENCH_BASELINE_BIN" "$work/baseline"
  load_search "b"
  stop_pid "$server_pid"; server_pid=""
  say "### The same on the baseline binary, in this run"
  say ""
  say "\`$BENCH_BASELINE_BIN\`, its own fresh demo data; otherwise as above."
  say ""
  table_search "b"
fi
stop_pid "$hello_pid"; hello_pid=""
echo "== results kept in $out"
