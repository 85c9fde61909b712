#!/usr/bin/env bash
# Every measurement of docs/PERFORMANCE.md in one command: builds the JMH benchmarks (Maven
# profile -Pbench, into target/bench/), runs them, measures memory at each scale and the cold
# start of the CLI, and writes target/bench/results/<date>/REPORT.md.
#
#   bench/run.sh
#
# Settings (environment): SCALES="1 10 100" (rule-base sizes for the scaling runs),
# COLD_RUNS=15 (cold starts per step), FORKS=1 (JMH forks per benchmark; 3 for the ratio claims),
# JMH_ARGS="" (more JMH options, e.g. "-prof gc"; not -f, which FORKS sets).
# With the bundled rules (760; 76,000 at x100) it takes over an hour on the 2-core machine, most of
# it the x100 builds; SCALES="1 10" leaves them out (docs/PERFORMANCE.md, Reproduce).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scales="${SCALES:-1 10 100}"
cold_runs="${COLD_RUNS:-15}"
forks="${FORKS:-1}"
[[ "$forks" =~ ^[1-9][0-9]?$ ]] || { echo "bench: FORKS must be a number from 1 to 99, not '$forks'" >&2; exit 2; }
started=$(date +%s)
out="$here/target/bench/results/$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$out"
cd "$here"

echo "bench: building the benchmarks (mvn -Pbench)..." >&2
mvn -B -q -Pbench -DskipTests package >&2
jar="$here/target/bench/pajakdx-benchmarks.jar"
factors="$(echo "$scales" | tr -s ' ' ',')"
jvm="-Dpajakdx.project=$here -Dorg.slf4j.simpleLogger.defaultLogLevel=warn"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

echo "bench: latency and scaling (JMH, sample time)..." >&2
# 6 warm-up iterations: besides C2, a rule base compiles its partitions during the first seconds
# of a steady load (see Partitions), and steady load is what these benchmarks measure.
# shellcheck disable=SC2086
java -jar "$jar" 'DiagnoseBench|ImpersonateBench|ScalingBench.diagnose|ScalingBench.bareDrools' -p factor="$factors" \
  -f "$forks" -wi 6 -w 2s -i 5 -r 2s -jvmArgsAppend "$jvm" -rf json -rff "$out/jmh-latency.json" \
  -o "$out/jmh-latency.txt" ${JMH_ARGS:-}

echo "bench: batch throughput (JMH, longer warm-up: C2 needs it on a busy 2-core machine)..." >&2
# shellcheck disable=SC2086
java -jar "$jar" 'BatchBench' -f "$forks" -wi 10 -w 2s -i 5 -r 2s -jvmArgsAppend "$jvm" -rf json \
  -rff "$out/jmh-batch.json" -o "$out/jmh-batch.txt" ${JMH_ARGS:-}

echo "bench: build and cached-load time per scale (JMH, single shot)..." >&2
# shellcheck disable=SC2086
java -jar "$jar" 'ScalingBench.build|ScalingBench.loadCached' -p factor="$factors" -f 1 -wi 1 -i 3 -jvmArgsAppend "$jvm" \
  -rf json -rff "$out/jmh-build.json" -o "$out/jmh-build.txt" ${JMH_ARGS:-}

echo "bench: heap kept per scale..." >&2
# shellcheck disable=SC2086
java $jvm -cp "$jar" pajakdx.bench.ScalingMemory $scales > "$out/memory.md"

echo "bench: cold start of the CLI..." >&2
"$here/bench/cold-start.sh" "$cold_runs" > "$out/cold-start.md"

java -cp "$jar" pajakdx.bench.Report "$out/jmh-latency.json" "$out/jmh-batch.json" "$out/jmh-build.json" \
  > "$out/jmh.md"

{
  echo "# PajakDx benchmark run, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'),"\
       "$(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
  echo "- rules: $(find rules -name '*.drl' | wc -l) DRL files, $(cat $(find rules -name '*.drl') | grep -c '^rule ') rules;"\
       "typical cases: $(find facts -name '*.yaml' -o -name '*.json' | wc -l) files in facts/"
  echo "- load average (1, 5, 15 min) before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- scales: $scales; JMH forks per benchmark: $forks; whole run: $(( $(date +%s) - started )) s"
  echo
  echo "## JMH (median and p99 in sample mode; batch in cases/s)"
  echo
  cat "$out/jmh.md"
  echo
  echo "## Heap kept by a loaded rule base, and one build in a warm JVM"
  echo
  cat "$out/memory.md"
  echo
  echo "## Cold start"
  echo
  cat "$out/cold-start.md"
} > "$out/REPORT.md"
echo "bench: done in $(( $(date +%s) - started )) s: $out/REPORT.md" >&2
cat "$out/REPORT.md"
