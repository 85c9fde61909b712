#!/usr/bin/env bash
# Bounded load test of `pajakdx serve` on loopback (docs/PERFORMANCE.md, "The service"):
# starts the service from the fat jar through the launcher, runs bench/ServiceLoad.java against
# it (32 clients, 4 of them posting 100-line batches, 15 s warm-up, 60 s measured), stops it.
# Not part of `mvn verify`. Environment: PORT (18480), CLIENTS, BATCH_CLIENTS, BATCH_LINES,
# DURATION (seconds), WARMUP (seconds).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PORT:-18480}"
work="$(mktemp -d)"
./pajakdx --version >/dev/null            # builds target/pajakdx.jar when missing or stale
PAJAKDX_HOME="$work/home" ./pajakdx serve --port "$port" >"$work/serve.out" 2>"$work/access.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
echo "service pid $server on port $port; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
java -cp target/pajakdx.jar bench/ServiceLoad.java --base "http://127.0.0.1:$port/" \
  --clients "${CLIENTS:-32}" --batch-clients "${BATCH_CLIENTS:-4}" --batch-lines "${BATCH_LINES:-100}" \
  --seconds "${DURATION:-60}" --warmup "${WARMUP:-15}" --facts facts || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); access log lines: $(wc -l <"$work/access.log")"
# Time inside the server (from the access log, warm-up included): request read to answer written.
for path in /v1/diagnose /v1/batch; do
  grep -a " POST $path 200 " "$work/access.log" | awk '{print $(NF-1)}' | sort -n | awk -v p="$path" '
    {v[NR]=$1} END {if (NR) printf "in the server, POST %s: %d requests; ms p50 %.2f, p90 %.2f, p99 %.2f\n", p, NR,
      v[int(NR*0.5)+0], v[int(NR*0.9)+0], v[int(NR*0.99)+0]}'
done
exit $status
