#!/usr/bin/env bash
# Builds dynctl (once) and takes a short tour on the local engine: create a table, put, get, query.
# Every command is printed shell-quoted before it runs, so it can be copied and run again.
set -euo pipefail
here=$PWD
cd "$(dirname "$0")/.."
root=$PWD
if [ -d "$HOME/.pyenv/shims" ]; then export PATH="$HOME/.pyenv/shims:$PATH"; fi

if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold='' plain=''; fi

# target/.dynctl-built marks the last build by this script or bench/startup.sh
stamp=target/.dynctl-built
if [ ! -x target/dynctl/bin/dynctl ] || [ ! -e "$stamp" ] || [ -n "$(find src/main pom.xml packaging -newer "$stamp" -print -quit)" ]; then
  echo "==> building dynctl (mvn package, tests skipped; takes a minute the first time)"
  log=$(mktemp)
  if ! mvn -q -B -Dstyle.color=never package -DskipTests >"$log" 2>&1; then
    cat "$log"
    echo "The build failed (output above)." >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  touch "$stamp"
fi
dynctl=$root/target/dynctl/bin/dynctl
# as the user would type it from where they ran the tour
if [ "$here" = "$root" ]; then shown=target/dynctl/bin/dynctl; else shown=$dynctl; fi

# Words as a shell reads them back: plain words as they are, anything else in single quotes.
quote() {
  local word quoted=()
  for word in "$@"; do
    if [[ $word =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then
      quoted+=("$word")
    else
      quoted+=("'${word//\'/\'\\\'\'}'")
    fi
  done
  printf '%s' "${quoted[*]}"
}

run() {
  printf '\n%s$ %s %s%s\n' "$bold" "$(quote "$shown")" "$(quote "$@")" "$plain"
  "$dynctl" "$@"
}

run --local table create tour-orders --pk customer:S --sk ordered:S --if-not-exists --wait -o table
run --local item put tour-orders '{"customer": "c1", "ordered": "2024-05-01", "total": 42.50, "items": ["tea", "cake"]}'
run --local item put tour-orders '{"customer": "c1", "ordered": "2024-06-12", "total": 9.99, "status": "shipped"}'
run --local item put tour-orders '{"customer": "c2", "ordered": "2024-06-13", "total": 120, "tags": {"$set": ["gift"]}}'
run --local item get tour-orders --key customer=c1,ordered=2024-05-01 -o table
run --local item query tour-orders --key customer=c1 --sk 'begins_with 2024-06' -o table
run --local item query tour-orders --key customer=c1 --desc -o json --query '[].{ordered: ordered, total: total}'

# Where the engine really keeps the data, as the engine reports it (DYNCTL_LOCAL_HOME and
# --data move it).
status=$("$dynctl" --local local status -o json 2>/dev/null)
where=$(printf '%s' "$status" | python3 -c '
import json, sys
s = json.load(sys.stdin)
if not s.get("running"):
    print("The engine is not running any more.")
elif s.get("inMemory"):
    print("The engine keeps running on port %s, its data in memory only." % s["port"])
else:
    print("The engine keeps running on port %s, its data in %s." % (s["port"], s["data"]))
')
printf '\n%s\nSee it with "%s local status"; stop it with "%s local stop".\n' "$where" "$(quote "$shown")" "$(quote "$shown")"
