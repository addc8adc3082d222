#!/usr/bin/env bash
# Builds dynctl (once) and takes a short tour on the local engine: create a table, put, get, query.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d "$HOME/.pyenv/shims" ]; then export PATH="$HOME/.pyenv/shims:$PATH"; fi

if [ ! -x target/dynctl/bin/dynctl ] || [ -n "$(find src pom.xml -newer target/dynctl/bin/dynctl -print -quit)" ]; then
  echo "==> building dynctl (mvn package, tests skipped)"
  mvn -q -B package -DskipTests
fi
dynctl=target/dynctl/bin/dynctl

run() { printf '\n\033[1m$ dynctl %s\033[0m\n' "$*"; "$dynctl" "$@"; }

run --local table create tour-orders --pk customer:S --sk ordered:S --if-not-exists --wait -o table
run --local item put tour-orders '{"customer": "c1", "ordered": "2024-05-01", "total": 42.50, "items": ["tea", "cake"]}'
run --local item put tour-orders '{"customer": "c1", "ordered": "2024-06-12", "total": 9.99, "status": "shipped"}'
run --local item put tour-orders '{"customer": "c2", "ordered": "2024-06-13", "total": 120, "tags": {"$set": ["gift"]}}'
run --local item get tour-orders --key customer=c1,ordered=2024-05-01 -o table
run --local item query tour-orders --key customer=c1 --sk 'begins_with 2024-06' -o table
run --local item query tour-orders --key customer=c1 --desc -o json --query '[].{ordered: ordered, total: total}'
printf '\nThe engine keeps running with its data in your user data folder: "%s local status", "%s local stop".\n' "$dynctl" "$dynctl"
