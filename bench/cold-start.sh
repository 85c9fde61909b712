#!/usr/bin/env bash
# Cold start of the CLI, step by step: wall and CPU time (user+sys) of one `diagnose` from a
# fresh JVM, repeated; the variants run round-robin so a busy machine slows them alike.
#
#   bench/cold-start.sh [RUNS] [CASE_FILE]       (defaults: 15 runs, an impersonate case)
#
# Prints a Markdown table: median and min wall, median CPU, per variant. Each variant adds one
# step to the one before, so the differences show what each step saves.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-15}"
case_file="${2:-$here/facts/coretax/impersonate-badan-never-logged-in.yaml}"
jar="$here/target/pajakdx.jar"
jsa="$here/target/pajakdx.jsa"

# Build the jar and record the CDS archive the way users get them: through the launcher.
PAJAKDX_HOME="$(mktemp -d)" "$here/pajakdx" --version >/dev/null
[ -f "$jsa" ] || { echo "no CDS archive at $jsa" >&2; exit 1; }

home="$(mktemp -d)"              # a PajakDx home whose rule cache is primed below
cold_home="$(mktemp -d)"         # never primed: stands for "no cache"
trap 'rm -rf "$home" "$cold_home"' EXIT
PAJAKDX_HOME="$home" java -jar "$jar" diagnose "$case_file" >/dev/null

quiet=(-Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
fast=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData)
names=(
  "JVM alone (java -version)"
  "JVM + picocli (pajakdx --version)"
  "1. as built: compile rules, default JVM"
  "2. + compiled-rule cache"
  "3. + C1 only, serial GC"
  "4. + AppCDS archive (= ./pajakdx)"
  "   ./pajakdx --no-cache (CDS, compiling)"
  "   ./pajakdx diagnose --json"
)
run_variant() {
  case "$1" in
    0) java "${quiet[@]}" "${fast[@]}" -version ;;
    1) java "${quiet[@]}" "${fast[@]}" -XX:SharedArchiveFile="$jsa" -cp "$jar" pajakdx.cli.Main --version ;;
    2) PAJAKDX_HOME="$cold_home" java -jar "$jar" diagnose --no-cache "$case_file" ;;
    3) PAJAKDX_HOME="$home" java -jar "$jar" diagnose "$case_file" ;;
    4) PAJAKDX_HOME="$home" java "${fast[@]}" -jar "$jar" diagnose "$case_file" ;;
    5) PAJAKDX_HOME="$home" "$here/pajakdx" diagnose "$case_file" ;;
    6) PAJAKDX_HOME="$home" "$here/pajakdx" diagnose --no-cache "$case_file" ;;
    7) PAJAKDX_HOME="$home" "$here/pajakdx" diagnose --json "$case_file" ;;
  esac
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
declare -a wall cpu
TIMEFORMAT='%R %U %S'
for ((r = 0; r < runs; r++)); do
  for ((v = 0; v < ${#names[@]}; v++)); do
    t=$( { time run_variant "$v" >/dev/null 2>&1; } 2>&1 )
    read -r real user sys <<<"$t"
    wall[$v]+="$real "
    cpu[$v]+="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }') "
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
minimum() { tr ' ' '\n' | grep -v '^$' | sort -g | head -1; }

echo "Cold start, $runs runs each, $(nproc) cores, load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Case: ${case_file#"$here"/}"
echo
echo "| step | wall median (s) | wall min (s) | CPU user+sys median (s) |"
echo "|---|---:|---:|---:|"
for ((v = 0; v < ${#names[@]}; v++)); do
  printf '| %s | %.2f | %.2f | %.2f |\n' "${names[$v]}" "$(median <<<"${wall[$v]}")" "$(minimum <<<"${wall[$v]}")" \
    "$(median <<<"${cpu[$v]}")"
done
