#!/usr/bin/env bash
# Two builds side by side on one request: before and after a change (a script, not a test).
# Starts each build's packaged jar on its own copy of a data folder, both pinned to core 0, and
# drives them in turn from core 1 with wrk: a warm-up of three times the round length each, then
# alternating rounds, so that a busy machine slows both alike. Prints each round's requests per
# second and the ratio after/before. Requests carry an admin token, so the response cache is
# skipped and each request does the work.
#
# Usage: bench/ab.sh BEFORE_APP_DIR AFTER_APP_DIR DATA_DIR PATH [rounds] [seconds] [connections]
#   *_APP_DIR: a target/quarkus-app folder (build the "before" one in a git worktree);
#   DATA_DIR: a data folder with a catalog imported (copied twice, left as it is).
#   e.g. bench/ab.sh /tmp/before/target/quarkus-app target/quarkus-app /tmp/data \
#          '/api/v1/talks?limit=20&conference=djangocon-us-2025' 5 10 8
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

before=$1 after=$2 data=$3 path=$4 rounds=${5:-5} seconds=${6:-10} connections=${7:-8}
port=${PODIUM_BENCH_PORT:-18096}
export MP_JWT_VERIFY_PUBLICKEY_LOCATION=$PWD/dev-keys/public.pem MP_JWT_VERIFY_ISSUER=urn:podium:dev-only
token=$(scripts/token.sh admin 86400)

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$token" >"$work/auth.lua"
for side in before after; do
  cp -r "$data" "$work/$side-data"
done
start() { # side app port
  PODIUM_DATA_DIR=$work/$1-data QUARKUS_HTTP_PORT=$3 taskset -c 0 java -jar "$2/quarkus-run.jar" \
    >"$work/$1.log" 2>&1 &
  pids+=($!)
  until curl -sf -o /dev/null "http://127.0.0.1:$3/q/health/ready"; do sleep 0.5; done
}
start before "$before" "$port"
start after "$after" $((port + 1))

rps() { # port seconds
  taskset -c 1 wrk -t2 -c"$connections" -d"$2"s -s "$work/auth.lua" "http://127.0.0.1:$1$path" |
    awk '/Requests\/sec/ {print $2}'
}
echo "$path: $connections connections, warm-up $((3 * seconds)) s each, $rounds rounds of $seconds s"
rps "$port" $((3 * seconds)) >/dev/null
rps $((port + 1)) $((3 * seconds)) >/dev/null
for r in $(seq "$rounds"); do
  a=$(rps "$port" "$seconds")
  b=$(rps $((port + 1)) "$seconds")
  echo "round $r: before $a req/s, after $b req/s, after/before $(echo "scale=2; $b / $a" | bc)"
done
