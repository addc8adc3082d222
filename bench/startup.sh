#!/usr/bin/env bash
# Start-up benchmark: dynctl against the AWS CLI v2 on the same local engine, in the same run.
#
#   bench/startup.sh [RUNS]        (default 10 runs per command; RUNS=... works too)
#
# Builds dynctl if needed, starts the local engine on a free port with a private engine folder
# and a private cache folder (so the class data sharing archive is recorded by this run's warm-up,
# never taken from yours), runs each command RUNS times and prints the medians and their ratio.
# Uses hyperfine when installed (apt-get install -y hyperfine), else a loop over date +%s%N.
# Environment: AWS_CLI (default /usr/bin/aws, the AWS CLI v2), DYNCTL_JAVA_OPTS (passed through).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

runs=${1:-${RUNS:-10}}
aws_cli=${AWS_CLI:-/usr/bin/aws}
dynctl=$PWD/target/dynctl/bin/dynctl

if [ ! -x "$aws_cli" ]; then
  echo "bench: $aws_cli is not there; install the AWS CLI v2 (apt-get install -y awscli) or set AWS_CLI." >&2
  exit 1
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
build_dynctl "$scratch"

export DYNCTL_LOCAL_HOME=$scratch/engine XDG_CACHE_HOME=$scratch/cache
DYNCTL_LOCAL_PORT=$(free_port)
export DYNCTL_LOCAL_PORT
stop_engine() {
  "$dynctl" local stop >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap stop_engine EXIT

# The first command that talks to the engine records the CDS archive, as a user's first one would.
set_up() {
  "$dynctl" local start --in-memory &&
    "$dynctl" --local table create bench --pk id:S --wait &&
    "$dynctl" --local item put bench '{"id": "x", "n": 1}'
}
if ! set_up >"$scratch/setup.log" 2>&1; then
  cat "$scratch/setup.log" >&2
  exit 1
fi
endpoint=http://127.0.0.1:$DYNCTL_LOCAL_PORT

# The AWS CLI gets the same dummy credentials dynctl uses for the engine and no pager.
export AWS_ACCESS_KEY_ID=dynctl AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1
export AWS_PAGER='' AWS_EC2_METADATA_DISABLED=true

# The median wall time of a command in milliseconds, over $runs runs after 2 warm-up runs;
# $prepare (if set) runs before each of them, untimed.
prepare=
median_ms() {
  local command=$1
  if command -v hyperfine >/dev/null; then
    hyperfine --style none --warmup 2 --runs "$runs" ${prepare:+--prepare "$prepare"} \
      --export-csv "$scratch/run.csv" -N "$command" >/dev/null
    awk -F, 'NR == 2 { printf "%.0f\n", $4 * 1000 }' "$scratch/run.csv"
  else
    local i start end
    for i in 1 2; do eval "$prepare"; eval "$command" >/dev/null 2>&1; done
    for ((i = 0; i < runs; i++)); do
      eval "$prepare"
      start=$(date +%s%N)
      eval "$command" >/dev/null 2>&1
      end=$(date +%s%N)
      echo $(((end - start) / 1000000))
    done | sort -n | awk '{ t[NR] = $1 } END { print (NR % 2 ? t[(NR + 1) / 2] : int((t[NR / 2] + t[NR / 2 + 1]) / 2)) }'
  fi
}

row() {
  local name=$1 ours=$2 theirs=$3 a b
  a=$(median_ms "$ours")
  b=$(median_ms "$theirs")
  printf '%-34s %8s ms %8s ms %7s\n' "$name" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
}

echo "dynctl $("$dynctl" --version | head -1 | cut -d' ' -f2), $("$aws_cli" --version | cut -d' ' -f1), $(nproc) cores, $runs runs per command, median wall time"
printf '%-34s %11s %11s %7s\n' "command" "dynctl" "aws" "ratio"
row "--version" "$dynctl --version" "$aws_cli --version"
row "table list (list-tables)" "$dynctl --local table list" "$aws_cli dynamodb list-tables --endpoint-url $endpoint"
get_item="$aws_cli dynamodb get-item --table-name bench --key '{\"id\": {\"S\": \"x\"}}' --endpoint-url $endpoint"
row "item get (get-item)" "$dynctl --local item get bench --key id=x" "$get_item"
row "item get, CDS off" "env DYNCTL_CDS=off $dynctl --local item get bench --key id=x" "$get_item"
prepare="rm -rf $scratch/cache"
row "item get, first run (records CDS)" "$dynctl --local item get bench --key id=x" "$get_item"
