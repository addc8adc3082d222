#!/usr/bin/env bash
# Dev benchmark: the warm round trip of a request through `dynctl dev` (local API gateway ->
# function host -> a Node.js handler -> back) against a bare node http server doing the same
# work (the floor) and, when it installs from npm, serverless-offline on the same handler.
#
#   bench/dev.sh [REQUESTS] [CONCURRENCY]    (default 5000 requests, 8 at a time;
#                                             REQUESTS=..., CONCURRENCY=... work too)
#
# Builds dynctl if needed, starts the local engine (in memory) on a free port with a private
# engine folder, makes an `init` project (http-api, nodejs20.x) whose handler answers a small
# JSON without touching DynamoDB, and for each server: starts it, sends WARMUP requests (default
# 1000), then measures REQUESTS with bench/dev-load.mjs (keep-alive loopback client, CONCURRENCY
# connections). `dynctl dev` runs with --concurrency CONCURRENCY (one instance per connection, as
# Lambda would run them), once as the launcher starts it (C1 only) and once with DEV_JAVA_OPTS
# as DYNCTL_JAVA_OPTS (default -XX:TieredStopAtLevel=4: C2, for a long-running server). serverless-offline
# (serverless@3, serverless-offline@13: v4 of the framework needs a login) is installed with npm
# into a temporary folder within NPM_TIME_LIMIT seconds (default 300); when that fails the line
# says so. Prints p50, p99 and requests/s of each, and each one's ratio to the floor.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

requests=${1:-${REQUESTS:-5000}}
concurrency=${2:-${CONCURRENCY:-8}}
warmup=${WARMUP:-1000}
npm_limit=${NPM_TIME_LIMIT:-300}
dev_java_opts=${DEV_JAVA_OPTS:--XX:TieredStopAtLevel=4}
dynctl=$PWD/target/dynctl/bin/dynctl
load=$PWD/bench/dev-load.mjs

scratch=$(mktemp -d)
servers=()
stop_all() {
  local pid
  for pid in "${servers[@]}"; do
    stop_tree "$pid"
  done
  "$dynctl" local stop >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap stop_all EXIT

# SIGTERM to a server and, should it leave any, to what it started (by process id, never by name).
stop_tree() {
  local pid=$1 children
  children=$(ps -o pid= --ppid "$pid" 2>/dev/null || true)
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for child in $children; do
    kill -TERM "$child" 2>/dev/null || true
  done
  local left=() other
  for other in "${servers[@]}"; do
    [ "$other" = "$pid" ] || left+=("$other")
  done
  servers=("${left[@]}")
}

build_dynctl "$scratch"


# Waits up to $2 seconds for file $1 to hold $3; fails with $4 (a log) shown when it never does.
await_text() {
  local file=$1 seconds=$2 text=$3 log=$4 i
  for ((i = 0; i < seconds * 10; i++)); do
    if grep -q "$text" "$file" 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  echo "bench: no '$text' in $file after $seconds s:" >&2
  cat "$log" >&2
  return 1
}

# Warm-up, then the measured run: one JSON line from dev-load.mjs into file $2.
measure() {
  node "$load" "$1" "$concurrency" "$warmup" >/dev/null
  node "$load" "$1" "$concurrency" "$requests" >"$2"
}

export DYNCTL_LOCAL_HOME=$scratch/engine XDG_CACHE_HOME=$scratch/cache
DYNCTL_LOCAL_PORT=$(free_port)
export DYNCTL_LOCAL_PORT
"$dynctl" local start --in-memory >"$scratch/engine.log" 2>&1 || { cat "$scratch/engine.log" >&2; exit 1; }

project=$scratch/bench
"$dynctl" init "$project" --runtime nodejs20.x --template http-api -o json >/dev/null
handler=$project/functions/items/index.mjs
cat >"$handler" <<'EOF'
// bench/dev.sh: a small JSON answer, no DynamoDB
export const handler = async (event) => ({
  statusCode: 200,
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ ok: true, path: event.rawPath }),
});
EOF

# dynctl dev with $1 as DYNCTL_JAVA_OPTS; the measurement into file $2
run_dev() {
  local port pid url
  port=$(free_port)
  rm -f "$scratch/dev.json"
  (cd "$project" && DYNCTL_CDS=off DYNCTL_JAVA_OPTS="$1" exec "$dynctl" dev --port "$port" --no-watch \
    --concurrency "$concurrency" -o json >"$scratch/dev.json" 2>"$scratch/dev.log") &
  pid=$!
  servers+=("$pid")
  # the document is complete once its last line, the closing brace, is there
  await_text "$scratch/dev.json" 300 '^}' "$scratch/dev.log" >&2
  url=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["endpoints"][0]["url"])' "$scratch/dev.json")
  # the same address as the floor's: localhost may resolve to ::1 first, where dev serves too
  url=${url/localhost/127.0.0.1}
  measure "$url/items" "$2"
  stop_tree "$pid"
}

run_floor() {
  local port pid
  port=$(free_port)
  node bench/dev-floor.mjs "$handler" "$port" >"$scratch/floor.log" 2>&1 &
  pid=$!
  servers+=("$pid")
  await_text "$scratch/floor.log" 30 listening "$scratch/floor.log" >&2
  measure "http://127.0.0.1:$port/items" "$1"
  stop_tree "$pid"
}

# The measurement into file $1, or "-" there (and the reason on stderr) when serverless-offline is not there.
run_serverless_offline() {
  local dir=$scratch/sls port pid
  mkdir -p "$dir"
  echo '{"name": "bench", "version": "1.0.0", "private": true}' >"$dir/package.json"
  if ! (cd "$dir" && timeout "$npm_limit" npm install --no-audit --no-fund --loglevel=error serverless@3 serverless-offline@13) \
    >"$scratch/npm.log" 2>&1; then
    echo "bench: serverless-offline did not install within ${npm_limit}s: $(tail -1 "$scratch/npm.log")" >&2
    echo "-" >"$1"
    return
  fi
  cp "$handler" "$dir/index.mjs"
  cat >"$dir/serverless.yml" <<'EOF'
service: bench
frameworkVersion: "3"
provider:
  name: aws
  runtime: nodejs20.x
functions:
  items:
    handler: index.handler
    events:
      - httpApi: {path: /items, method: get}
plugins:
  - serverless-offline
EOF
  port=$(free_port)
  (cd "$dir" && SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off exec node_modules/.bin/serverless offline start \
    --httpPort "$port" --lambdaPort "$(free_port)" >"$scratch/sls.log" 2>&1) &
  pid=$!
  servers+=("$pid")
  await_text "$scratch/sls.log" 120 "Server ready" "$scratch/sls.log" >&2
  measure "http://127.0.0.1:$port/items" "$1"
  stop_tree "$pid"
}

field() {
  python3 -c 'import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"
}

run_dev "" "$scratch/dev-c1.result"
run_dev "$dev_java_opts" "$scratch/dev-opts.result"
run_floor "$scratch/floor.result"
run_serverless_offline "$scratch/offline.result"
floor=$(cat "$scratch/floor.result")

echo "dynctl $("$dynctl" --version | head -1 | cut -d' ' -f2), node $(node --version), $(nproc) cores;" \
  "$requests requests, $concurrency at a time, after $warmup warm-up requests"
printf '%-44s %9s %9s %9s %10s %14s\n' "server" "p50 ms" "p99 ms" "req/s" "p50/floor" "req/s / floor"
row() {
  local name=$1 result=$2
  if [ "$result" = "-" ]; then
    printf '%-44s %9s %9s %9s %10s %14s\n' "$name" - - - - "did not install"
    return
  fi
  printf '%-44s %9s %9s %9s %10s %14s\n' "$name" "$(field "$result" p50_ms)" "$(field "$result" p99_ms)" \
    "$(field "$result" req_per_s)" \
    "$(awk -v a="$(field "$result" p50_ms)" -v b="$(field "$floor" p50_ms)" 'BEGIN { printf "%.2f", a / b }')" \
    "$(awk -v a="$(field "$result" req_per_s)" -v b="$(field "$floor" req_per_s)" 'BEGIN { printf "%.2f", a / b }')"
}
row "dynctl dev" "$(cat "$scratch/dev-c1.result")"
row "dynctl dev, $dev_java_opts" "$(cat "$scratch/dev-opts.result")"
row "bare node http (floor)" "$floor"
row "serverless-offline" "$(cat "$scratch/offline.result")"
