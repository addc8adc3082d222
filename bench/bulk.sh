#!/usr/bin/env bash
# Bulk benchmark: `dynctl table import` and `table export` against the raw-SDK ceiling (and the
# AWS CLI v2 for import), on the same engine, in the same run.
#
#   bench/bulk.sh [ITEMS]          (default 20000 items of ~1 KB; ITEMS=... works too)
#
# Starts its own moto server on a free loopback port (plain moto, not dynctl's local engine, whose
# writes are serialised), writes ITEMS items of ~1 KB as ddb-jsonl, then, REPEAT times (default 3,
# each into fresh tables, dynctl and the ceiling alternating), measures:
#   import  dynctl table import (default --concurrency) against bench/RawSdkBulk.java: the same
#           SDK and HTTP client doing 25-item BatchWriteItem from a fixed pool of RAW_THREADS
#           threads (default: the best of 2, 4, 8 and 16 on a 5000-item warm-up);
#   export  dynctl table export --segments SEGMENTS (default 4) against a raw parallel scan of as
#           many segments;
# and once: a loop of `aws dynamodb batch-write-item` (25 items a call) on CLI_SAMPLE items
# (default 1000; 0 skips it), and dynctl's peak RSS (/usr/bin/time -v) importing and exporting
# ITEMS x each factor in RSS_FACTORS (default "1 2"). Throughput figures are items/s inside the
# process (dynctl's own report and manifest; the ceiling's timer), without JVM start; dynctl's
# wall time with start-up is shown too. Medians of the REPEAT runs.
# With APACHE_JAR=path/to/apache-client.jar (and its httpclient/httpcore/commons jars in
# APACHE_CP, colon-separated) the ceiling is also measured with the SDK's Apache HTTP client.
# Environment: MOTO_SERVER (default /root/.pyenv/shims/moto_server, else moto_server on PATH),
# AWS_CLI (default /usr/bin/aws), DYNCTL_JAVA_OPTS (passed through).
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
source bench/lib.sh

items=${1:-${ITEMS:-20000}}
repeat=${REPEAT:-3}
segments=${SEGMENTS:-4}
cli_sample=${CLI_SAMPLE:-1000}
rss_factors=${RSS_FACTORS:-"1 2"}
aws_cli=${AWS_CLI:-/usr/bin/aws}
moto=${MOTO_SERVER:-/root/.pyenv/shims/moto_server}
[ -x "$moto" ] || moto=$(command -v moto_server) || { echo "bench: moto_server is not installed (pip install 'moto[server]')." >&2; exit 1; }
dynctl=$PWD/target/dynctl/bin/dynctl
lib="$PWD/target/dynctl/lib/*"

scratch=$(mktemp -d)
moto_pid=
clean_up() {
  if [ -n "$moto_pid" ]; then kill "$moto_pid" 2>/dev/null || true; wait "$moto_pid" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap clean_up EXIT
trap 'exit 130' INT TERM

build_dynctl "$scratch"

port=$(free_port)
"$moto" -H 127.0.0.1 -p "$port" >"$scratch/moto.log" 2>&1 &
moto_pid=$!
endpoint=http://127.0.0.1:$port
for _ in $(seq 100); do
  curl -s -o /dev/null "$endpoint" && break
  sleep 0.1
done
moto_version=$(python3 -c 'import moto; print(moto.__version__)')

# Dummy credentials for every client; no pager, no metadata look-ups; the archive off: start-up
# is not measured here, and a first run recording it would distort one figure.
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_DEFAULT_REGION=us-east-1
export AWS_PAGER='' AWS_EC2_METADATA_DISABLED=true DYNCTL_CDS=off
ddb() { "$dynctl" --endpoint-url "$endpoint" --region us-east-1 "$@"; }
raw() { java -cp "$lib${RAW_CP:+:$RAW_CP}" bench/RawSdkBulk.java "$@" 2>"$scratch/raw.err" || { cat "$scratch/raw.err" >&2; return 1; }; }

# N items of ~1 KB in DynamoDB JSON lines: a string key, a number, a boolean, a string set and
# 900 random letters (so no engine or gzip can make them smaller than they are).
generate() {
  python3 - "$1" "$2" <<'EOF'
import json, random, string, sys
n, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(42)
alphabet = string.ascii_letters + string.digits
with open(out, "w") as f:
    for i in range(n):
        item = {"pk": {"S": f"item-{i:09d}"}, "n": {"N": str(i)}, "ok": {"BOOL": i % 2 == 0},
                "tags": {"SS": ["a", "b", f"t{i % 7}"]},
                "data": {"S": "".join(rnd.choices(alphabet, k=900))}}
        f.write(json.dumps({"Item": item}, separators=(",", ":")) + "\n")
EOF
}

new_table() {
  local name=bench-$1-$(date +%s%N)
  ddb table create "$name" --pk pk:S --wait >/dev/null
  echo "$name"
}
drop_table() { ddb table delete "$1" --yes >/dev/null 2>"$scratch/delete.err" || { cat "$scratch/delete.err" >&2; return 1; }; }

# Peak RSS in MiB from a /usr/bin/time -v log
rss_mib() { awk -F: '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# dynctl import of FILE into a new table; prints "items/s wall-items/s rss-MiB table"
dynctl_import() {
  local file=$1 n=$2 table start end
  table=$(new_table dynctl)
  start=$(now)
  /usr/bin/time -v -o "$scratch/time.log" "$dynctl" --endpoint-url "$endpoint" --region us-east-1 -o json \
    table import "$table" --format ddb-jsonl --from "$file" >"$scratch/import.json"
  end=$(now)
  python3 - "$scratch/import.json" "$n" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
assert report["written"] == int(sys.argv[2]), report
EOF
  echo "$(python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); print("%.1f" % (r["written"] / r["seconds"]))' "$scratch/import.json") \
$(awk -v n="$n" -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", n / (e - s) }') $(rss_mib "$scratch/time.log") $table"
}

# dynctl export of TABLE; prints "items/s wall-items/s rss-MiB"
dynctl_export() {
  local table=$1 n=$2 start end
  start=$(now)
  /usr/bin/time -v -o "$scratch/time.log" "$dynctl" --endpoint-url "$endpoint" --region us-east-1 \
    table export "$table" --format ddb-jsonl --segments "$segments" --to "$scratch/export.jsonl" 2>"$scratch/export.err"
  end=$(now)
  python3 - "$scratch/export.jsonl.manifest.json" "$n" <<'EOF'
import json, sys
from datetime import datetime
m = json.load(open(sys.argv[1]))
assert m["itemCount"] == int(sys.argv[2]), m["itemCount"]
seconds = (datetime.fromisoformat(m["finished"][:26]) - datetime.fromisoformat(m["started"][:26])).total_seconds()
print("%.1f" % (m["itemCount"] / seconds), end=" ")
EOF
  echo "$(awk -v n="$n" -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", n / (e - s) }') $(rss_mib "$scratch/time.log")"
  rm -f "$scratch/export.jsonl" "$scratch/export.jsonl.manifest.json"
}

# The ceiling's import into a new table; prints items/s
raw_import() {
  local file=$1 threads=$2 table result
  table=$(new_table raw)
  result=$(raw import "$endpoint" "$table" "$file" "$threads" "${3:-url}")
  drop_table "$table"
  echo "$result" | awk '{ print $3 }'
}

data=$scratch/items.jsonl
echo "bench: generating $items items" >&2
generate "$items" "$data"

# Tune the ceiling's pool on a 5000-item sample (or ITEMS, if fewer) unless RAW_THREADS is given.
if [ -z "${RAW_THREADS:-}" ]; then
  head -n 5000 "$data" >"$scratch/tune.jsonl"
  best=0
  for threads in 2 4 8 16; do
    rate=$(raw_import "$scratch/tune.jsonl" "$threads")
    echo "bench: ceiling with $threads threads: $rate items/s" >&2
    if awk -v a="$rate" -v b="$best" 'BEGIN { exit !(a > b) }'; then best=$rate RAW_THREADS=$threads; fi
  done
fi

: >"$scratch/runs"
for ((run = 1; run <= repeat; run++)); do
  echo "bench: run $run of $repeat" >&2
  result=$(dynctl_import "$data" "$items")
  read -r d_rate d_wall d_rss table <<<"$result"
  r_rate=$(raw_import "$data" "$RAW_THREADS")
  result=$(dynctl_export "$table" "$items")
  read -r e_rate e_wall e_rss <<<"$result"
  s_rate=$(raw scan "$endpoint" "$table" "$segments" | awk '{ print $3 }')
  drop_table "$table"
  echo "$d_rate $d_wall $d_rss $r_rate $e_rate $e_wall $e_rss $s_rate" | tee -a "$scratch/runs" >&2
done
col() { awk -v c="$1" '{ print $c }' "$scratch/runs" | median; }
imp=$(col 1) imp_wall=$(col 2) imp_ceiling=$(col 4) exp=$(col 5) exp_wall=$(col 6) exp_ceiling=$(col 8)

apache_rate=
if [ -n "${APACHE_JAR:-}" ]; then
  for ((run = 1; run <= repeat; run++)); do
    RAW_CP="$APACHE_JAR${APACHE_CP:+:$APACHE_CP}" raw_import "$data" "$RAW_THREADS" apache
  done | median >"$scratch/apache"
  apache_rate=$(cat "$scratch/apache")
fi

cli_rate=
if [ "$cli_sample" -gt 0 ]; then
  echo "bench: AWS CLI on $cli_sample items" >&2
  table=$(new_table cli)
  mkdir "$scratch/cli"
  head -n "$cli_sample" "$data" | python3 -c '
import json, sys
table, folder = sys.argv[1], sys.argv[2]
lines = [json.loads(l) for l in sys.stdin]
for b in range(0, len(lines), 25):
    with open(f"{folder}/{b // 25:06d}.json", "w") as f:
        json.dump({table: [{"PutRequest": {"Item": l["Item"]}} for l in lines[b:b + 25]]}, f)
' "$table" "$scratch/cli"
  start=$(now)
  for batch in "$scratch"/cli/*.json; do
    "$aws_cli" dynamodb batch-write-item --endpoint-url "$endpoint" --request-items "file://$batch" >"$scratch/cli.out"
    grep -q '"UnprocessedItems": {}' "$scratch/cli.out" || { echo "bench: the AWS CLI left unprocessed items" >&2; exit 1; }
  done
  end=$(now)
  cli_rate=$(awk -v n="$cli_sample" -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", n / (e - s) }')
  drop_table "$table"
fi

# Peak RSS at ITEMS x each factor (x1 is taken from the runs above).
declare -A rss_import rss_export
rss_import[1]=$(col 3) rss_export[1]=$(col 7)
for factor in $rss_factors; do
  [ "$factor" = 1 ] && continue
  n=$((items * factor))
  echo "bench: peak RSS at $n items" >&2
  generate "$n" "$scratch/big.jsonl"
  result=$(dynctl_import "$scratch/big.jsonl" "$n")
  read -r _ _ "rss_import[$factor]" table <<<"$result"
  result=$(dynctl_export "$table" "$n")
  read -r _ _ "rss_export[$factor]" <<<"$result"
  drop_table "$table"
  rm -f "$scratch/big.jsonl"
done

echo
echo "dynctl $("$dynctl" --version | head -1 | cut -d' ' -f2), moto $moto_version, $(nproc) cores, $items items of ~1 KB, median of $repeat runs"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine shows here)"
echo "dynctl: default --concurrency for import, --segments $segments for export; ceiling: $RAW_THREADS threads (import), $segments segments (export)"
printf '%-44s %12s %9s\n' "" "items/s" "ratio"
printf '%-44s %12s %9s\n' "import: raw SDK ceiling (url-connection)" "$imp_ceiling" "1.00"
printf '%-44s %12s %9s\n' "import: dynctl table import" "$imp" "$(ratio "$imp" "$imp_ceiling")"
printf '%-44s %12s %9s\n' "import: dynctl, wall time with JVM start" "$imp_wall" "$(ratio "$imp_wall" "$imp_ceiling")"
[ -n "$apache_rate" ] && printf '%-44s %12s %9s\n' "import: raw SDK ceiling (apache-client)" "$apache_rate" "$(ratio "$apache_rate" "$imp_ceiling")"
[ -n "$cli_rate" ] && printf '%-44s %12s %9s\n' "import: aws batch-write-item loop ($cli_sample)" "$cli_rate" "$(ratio "$cli_rate" "$imp_ceiling")"
printf '%-44s %12s %9s\n' "export: raw parallel scan ceiling" "$exp_ceiling" "1.00"
printf '%-44s %12s %9s\n' "export: dynctl table export" "$exp" "$(ratio "$exp" "$exp_ceiling")"
printf '%-44s %12s %9s\n' "export: dynctl, wall time with JVM start" "$exp_wall" "$(ratio "$exp_wall" "$exp_ceiling")"
echo
printf '%-44s %12s %12s\n' "dynctl peak RSS" "import" "export"
for factor in $rss_factors; do
  printf '%-44s %8s MiB %8s MiB\n' "$((items * factor)) items" "${rss_import[$factor]}" "${rss_export[$factor]}"
done
