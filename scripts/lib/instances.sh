# shellcheck shell=bash
# Shared by the scripts that run packaged Podium instances against real servers
# (scripts/cluster-test.sh, scripts/shutdown-test.sh). Sourced, not run, from the
# repository's root.
#
# The caller starts with begin_run, which sets APP and WORK and stops everything at exit.
# Writes carry "$AUTH" (see below).

# Writes need a bearer token: PODIUM_TOKEN if set, else an admin token minted from the
# DEV-ONLY key (scripts/token.sh), which the instances started here trust unless
# MP_JWT_VERIFY_PUBLICKEY_LOCATION and MP_JWT_VERIFY_ISSUER name another key. It fills the
# one Authorization header every write sends.
if [ -z "${PODIUM_TOKEN:-}" ]; then
  PODIUM_TOKEN=$(bash scripts/token.sh admin 3600)
fi
export PODIUM_TOKEN
AUTH="Authorization: Bearer $PODIUM_TOKEN"

log() { printf '%s %s\n' "$(date +%H:%M:%S.%3N)" "$*"; }
fail() {
  log "FAILED: $*"
  exit 1
}
now_ms() { date +%s%3N; }
# Seconds with three decimals between two now_ms values.
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) / 1000 }'; }
# True if the first number is below the second.
below() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

# http METHOD URL [JSON]: prints "status seconds"; the body is in $WORK/body, headers in
# $WORK/headers. Never waits longer than 10 s, so a hanging server shows as status 000.
http() {
  local method=$1 url=$2 data=${3:-}
  local -a args=(-s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code} %{time_total}'
    --max-time 10 -X "$method")
  if [ "$method" != GET ]; then
    args+=(-H "$AUTH")
  fi
  if [ -n "$data" ]; then
    args+=(-H 'Content-Type: application/json' --data-binary "$data")
  fi
  curl "${args[@]}" "$url" || true
}

# start_instance NAME PORT DATA_DIR [VAR=VALUE...]: runs the jar in the background with
# the database settings of the environment; the log goes to $WORK/NAME.log.
start_instance() {
  local name=$1 port=$2 data=$3
  shift 3
  mkdir -p "$data"
  env PODIUM_DATA_DIR="$data" QUARKUS_HTTP_PORT="$port" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-$PWD/dev-keys/public.pem}" \
    MP_JWT_VERIFY_ISSUER="${MP_JWT_VERIFY_ISSUER:-urn:podium:dev-only}" "$@" \
    java -jar "$APP/quarkus-run.jar" >>"$WORK/$name.log" 2>&1 &
  echo $! >"$WORK/$name.pid"
  log "started $name (pid $!) on port $port, data in $data"
}

pid_of() { cat "$WORK/$1.pid" 2>/dev/null || true; }

# wait_ready NAME PORT SECONDS: until readiness answers 200; fails if the process died.
wait_ready() {
  local name=$1 port=$2 limit=$3 start pid
  start=$(now_ms)
  pid=$(pid_of "$name")
  while [ $(($(now_ms) - start)) -lt $((limit * 1000)) ]; do
    if curl -sf --max-time 5 -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then
      log "$name ready after $(seconds "$start" "$(now_ms)") s"
      return 0
    fi
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$WORK/$name.log" >&2
      fail "$name exited before it was ready"
    fi
    sleep 0.2
  done
  tail -n 40 "$WORK/$name.log" >&2
  fail "$name not ready within $limit s"
}

# stop_instance NAME [SECONDS]: SIGTERM, then SIGKILL if it has not exited in time (default 30).
# Prints the seconds it took; fails only if SIGKILL was needed.
stop_instance() {
  local name=$1 limit=${2:-30} pid start
  pid=$(pid_of "$name")
  [ -n "$pid" ] || return 0
  rm -f "$WORK/$name.pid"
  start=$(now_ms)
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do
    if [ $(($(now_ms) - start)) -gt $((limit * 1000)) ]; then
      kill -KILL "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      fail "$name did not exit within $limit s of SIGTERM"
    fi
    sleep 0.1
  done
  wait "$pid" 2>/dev/null || true
  log "$name exited $(seconds "$start" "$(now_ms)") s after SIGTERM"
}

# begin_run NAME [APP_DIR]: checks the application folder (APP, default target/quarkus-app),
# makes the scratch folder (WORK, also home of this run's PostgreSQL) and has end_run called
# however the script ends.
begin_run() {
  APP=$(realpath -m "${2:-target/quarkus-app}")
  if [ ! -f "$APP/quarkus-run.jar" ]; then
    echo "no $APP/quarkus-run.jar; build: ./mvnw package -DskipTests -Dquarkus.profile=postgres" >&2
    exit 2
  fi
  WORK=$(mktemp -d "/tmp/podium-$1.XXXXXX")
  export PODIUM_PG_DIR="$WORK/pg"
  trap end_run EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# Stops every process the script started (a $WORK/*.pid each) and PostgreSQL, shows the last
# lines of each log if the script failed, keeps the logs if asked, deletes the scratch folder.
end_run() {
  local status=$? log
  stop_instances
  bash scripts/postgres.sh stop >/dev/null 2>&1 || true
  if [ "$status" -ne 0 ]; then
    for log in "$WORK"/*.log; do
      [ -e "$log" ] || continue
      echo "---- last lines of $(basename "$log" .log)" >&2
      tail -n 30 "$log" >&2
    done
  fi
  keep_logs
  rm -rf "$WORK"
}

# Kills whatever instance is still running; for EXIT traps.
stop_instances() {
  local file pid
  for file in "$WORK"/*.pid; do
    [ -e "$file" ] || continue
    pid=$(cat "$file")
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -f "$file"
  done
}

# Copies the instances' logs to PODIUM_TEST_LOGS, if set; for EXIT traps.
keep_logs() {
  if [ -n "${PODIUM_TEST_LOGS:-}" ]; then
    mkdir -p "$PODIUM_TEST_LOGS"
    cp "$WORK"/*.log "$PODIUM_TEST_LOGS"/ 2>/dev/null || true
  fi
}

# json_field FILE EXPR: a value from a JSON file, by a Python expression on "d".
json_field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }

# poll_since START_MS SECONDS CHECK...: runs CHECK every 50 ms until it succeeds; prints the
# seconds from START_MS (a now_ms value) to that success; returns 1 if SECONDS passed first.
poll_since() {
  local start=$1 limit=$2
  shift 2
  while ! "$@"; do
    if [ $(($(now_ms) - start)) -gt $((limit * 1000)) ]; then
      return 1
    fi
    sleep 0.05
  done
  seconds "$start" "$(now_ms)"
}

api() { printf 'http://127.0.0.1:%s/api/v1%s' "$1" "$2"; }

# ready_status PORT CODE: readiness answers CODE (200 UP, 503 DOWN).
ready_status() {
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$1/q/health/ready")" = "$2" ]
}

# warm_up PORT: the first requests of a fresh JVM are slow; timings are of a warm service.
warm_up() {
  local _
  for _ in 1 2 3 4 5; do
    http GET "$(api "$1" "/search?q=resilience")" >/dev/null
    http GET "$(api "$1" "/talks?limit=5")" >/dev/null
    http GET "$(api "$1" "/speakers/no-such-speaker")" >/dev/null
  done
}

# A word no content holds, to find exactly what a test wrote.
fresh_word() { printf 'zq%s' "$(LC_ALL=C tr -dc '[:lower:]' </dev/urandom | head -c 10)"; }
