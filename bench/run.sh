#!/usr/bin/env bash
# Benchmarks the portal's main read paths on loopback, each against a baseline (GET /healthz)
# measured in the same run, and writes bench/RESULTS.md. Usage: bash bench/run.sh [requests-per-case]
set -euo pipefail
cd "$(dirname "$0")/.."
requests="${1:-4000}"
port=7199
[ -f target/lts-portal.jar ] || mvn -B -q -DskipTests package
PORTAL_PORT=$port PORTAL_DB_URL="jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1" PORTAL_CLOCK=2026-06-01T12:00:00Z \
  java -jar target/lts-portal.jar > /tmp/lts-portal-bench.log 2>&1 &
portal=$!
trap 'kill $portal 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
table=$(java bench/HttpBench.java "http://127.0.0.1:$port" "$requests" 2)
{
  echo "# Benchmark results"
  echo
  echo "Produced by \`bash bench/run.sh $requests\` on $(date -u +%Y-%m-%d): the portal jar on embedded H2 (in memory),"
  echo "$requests requests per case from 2 client threads on loopback, after every case was warmed up with half as many; the baseline is timed before and after the rest."
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1)."
  echo "Ratios compare each case's median time per request with the baseline's in the same run; absolute"
  echo "numbers move with the machine, the ratios much less."
  echo
  echo "$table"
  echo
  echo "Reading: answering a catalog request from its ETag (304) saves the JSON transfer but not the"
  echo "serialization the ETag is computed from; the HTML pages cost most, in Thymeleaf rendering"
  echo "(the lifecycle table has 66 rows, the plan page 12 hops with their notes)."
} > bench/RESULTS.md
cat bench/RESULTS.md
