#!/usr/bin/env bash
# End-to-end batch throughput, as a user runs it: `./pajakdx batch --threads 2` over a JSONL file
# of LINES cases made from facts/ (JVM start included, output to a file), for the default output,
# --why-not and --no-explain, RUNS times each in turn, with the rule cache the first run filled;
# and that first run on an empty PajakDx home. Prints a Markdown table.
#
#   bench/batch-e2e.sh [LINES] [RUNS]        (defaults: 200000 lines, 3 runs)
#
# Needs the benchmark jar (mvn -B -q -Pbench -DskipTests package, or bench/run.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lines="${1:-200000}"
runs="${2:-3}"
jar="$here/target/bench/pajakdx-benchmarks.jar"
[ -f "$jar" ] || { echo "no $jar: build it with mvn -B -q -Pbench -DskipTests package" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -Dpajakdx.project="$here" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$jar" pajakdx.bench.MakeJsonl \
  "$lines" "$work/cases.jsonl"
export PAJAKDX_HOME="$work/home"
"$here/pajakdx" --version > /dev/null   # builds the jar and its CDS archive
# The first run on an empty PajakDx home compiles the rules and every problem's partition, and
# keeps them in the rule cache; the runs timed below load them from it, as a user's later runs do.
TIMEFORMAT='%R'
first=$( { time "$here/pajakdx" batch --threads 2 "$work/cases.jsonl" > "$work/out.jsonl"; } 2>&1 )
variants=("" "--why-not" "--no-explain")
declare -a times sizes
for ((r = 0; r < runs; r++)); do
  for ((v = 0; v < ${#variants[@]}; v++)); do
    # shellcheck disable=SC2086
    t=$( { time "$here/pajakdx" batch --threads 2 ${variants[$v]} "$work/cases.jsonl" > "$work/out.jsonl"; } 2>&1 )
    times[$v]+="$t "
    [ "$r" -eq 0 ] && sizes[$v]=$(stat -c %s "$work/out.jsonl")
  done
done
echo "| ./pajakdx batch --threads 2, $lines lines | median wall (s) | cases/s | output |"
echo "|---|---:|---:|---:|"
for ((v = 0; v < ${#variants[@]}; v++)); do
  med=$(echo "${times[$v]}" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "| ${variants[$v]:-(default: explained, no WHY NOT)} | $med | $(awk -v n="$lines" -v t="$med" 'BEGIN { printf "%.0f", n / t }') | $(( ${sizes[$v]} / 1048576 )) MiB |"
done
echo "| (default, first run on an empty home: rules and partitions compiled, not cached yet) | $first | $(awk -v n="$lines" -v t="$first" 'BEGIN { printf "%.0f", n / t }') | |"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); runs: $runs (times: ${times[*]})"
