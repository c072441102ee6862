#!/usr/bin/env bash
# Measures how long importing a catalog through the API takes on the embedded default (H2 file).
# Each round starts the packaged jar on a fresh data folder and times, with curl:
#   dry run  - the same document validated and resolved but not written (the baseline),
#   import   - the document written into the empty database,
#   again    - the same document imported a second time (everything unchanged).
# Prints each round and the medians, with import and again as ratios to the dry run.
#
# Usage: bench/import.sh [catalog.json] [rounds]   (build first: ./mvnw package -DskipTests)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

catalog=${1:-../shared/catalog/pyvideo-public.json}
rounds=${2:-3}
port=${PODIUM_BENCH_PORT:-18090}
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "Build first: ./mvnw package -DskipTests" >&2; exit 1; }
[ -f "$catalog" ] || { echo "No catalog at $catalog" >&2; exit 1; }
# The jar trusts the dev-only key for this run; the import needs an admin token.
export MP_JWT_VERIFY_PUBLICKEY_LOCATION=$PWD/dev-keys/public.pem MP_JWT_VERIFY_ISSUER=urn:podium:dev-only
token=$(scripts/token.sh admin 86400)

work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

post() { # url -> seconds; fails on a non-200 answer
  local out
  out=$(curl -s -o "$work/answer.json" -w '%{http_code} %{time_total}' \
    -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
    --data-binary "@$catalog" "$1")
  [ "${out%% *}" = 200 ] || { echo "HTTP ${out%% *}: $(head -c 500 "$work/answer.json")" >&2; exit 1; }
  echo "${out#* }"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(java -version 2>&1 | head -1)"
echo "catalog: $catalog ($(du -h "$catalog" | cut -f1))"
printf '%-6s %10s %10s %10s\n' round "dry run s" "import s" "again s"
for round in $(seq 1 "$rounds"); do
  rm -rf "$work/data"
  PODIUM_DATA_DIR="$work/data" QUARKUS_HTTP_PORT=$port java -jar "$jar" > "$work/log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null && break
    sleep 0.5
  done
  base="http://127.0.0.1:$port/api/v1/catalog"
  dry=$(post "$base?dryRun=true")
  imp=$(post "$base")
  again=$(post "$base")
  printf '%-6s %10s %10s %10s\n' "$round" "$dry" "$imp" "$again" | tee -a "$work/rows"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
done
median() { cut -d' ' -f"$1" "$work/cols" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
tr -s ' ' < "$work/rows" > "$work/cols"
dry=$(median 2); imp=$(median 3); again=$(median 4)
printf '%-6s %10s %10s %10s\n' median "$dry" "$imp" "$again"
awk -v d="$dry" -v i="$imp" -v a="$again" \
  'BEGIN {printf "ratio to dry run: import %.2fx, again %.2fx\n", i / d, a / d}'
