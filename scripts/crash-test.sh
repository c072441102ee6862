#!/usr/bin/env bash
# Crash consistency of the packaged service on the embedded database (H2 file): kill -9 at the
# worst moments, restart on the same data folder, and check what the API then serves.
#
#   1. Small writes, the service killed right after the last one answered: all of them are
#      there after the restart and searchable (nothing acknowledged is lost).
#   2. A large synthetic catalog imported to completion, the service killed right after the
#      200: all of it is there after the restart and searchable.
#   3. The same size of catalog (new slugs) killed in the middle of its import, at a few
#      points of its course: after the restart the database holds all of that import or none
#      of it, kind by kind, and the index matches the database.
#
# After every restart the script waits until readiness reports the index caught up (not
# rebuilding, 0 changes behind), then compares, per kind, the API's list total with the search
# index's total for that type, and the talks the catalog's marker word finds with the talks
# imported.
#
# Usage: scripts/crash-test.sh   (build first: ./mvnw package -DskipTests)
# Settings (environment):
#   PODIUM_CRASH_PORT    HTTP port of the service (default 18330)
#   PODIUM_CRASH_TALKS   talks per catalog (default 20000; 30,000 is about 40 MB)
#   PODIUM_CRASH_POINTS  where in the import to kill it, as percentages of the time the full
#                        import took in step 2 (default "20 55 85")
#   PODIUM_TOKEN         an admin token to send instead of one minted from the dev-only key
#   PODIUM_CRASH_KEEP    set to 1 to keep the work folder (data, logs) when a check fails
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly JAR=target/quarkus-app/quarkus-run.jar
readonly PORT=${PODIUM_CRASH_PORT:-18330}
readonly TALKS=${PODIUM_CRASH_TALKS:-20000}
read -r -a POINTS <<<"${PODIUM_CRASH_POINTS:-20 55 85}"
readonly BASE="http://127.0.0.1:$PORT"
readonly KINDS=(talks speakers topics conferences interviews)
# Writes need a bearer token. Unless PODIUM_TOKEN brings one (for a service given its identity
# provider's key through MP_JWT_VERIFY_PUBLICKEY_LOCATION and MP_JWT_VERIFY_ISSUER), the service
# trusts the dev-only key for this run and an admin token is minted with it.
if [ -z "${PODIUM_TOKEN:-}" ]; then
  export MP_JWT_VERIFY_PUBLICKEY_LOCATION=$PWD/dev-keys/public.pem
  export MP_JWT_VERIFY_ISSUER=urn:podium:dev-only
  PODIUM_TOKEN=$(scripts/token.sh admin 86400)
fi
# The Authorization header, in one place, sent with every API request.
AUTH=(-H "Authorization: Bearer $PODIUM_TOKEN")

[ -f "$JAR" ] || {
  echo "crash-test: no $JAR; build first: ./mvnw package -DskipTests" >&2
  exit 2
}

WORK=$(mktemp -d /tmp/podium-crash.XXXXXX)
DATA="$WORK/data"
LOG="$WORK/server.log"
server=     # pid of the running service
importer=   # pid of a background import (curl)
failed=no

cleanup() {
  if [ -n "$importer" ]; then kill "$importer" 2>/dev/null || true; fi
  if [ -n "$server" ]; then
    kill -9 "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  if [ "${PODIUM_CRASH_KEEP:-}" = 1 ] && [ "$failed" = yes ]; then
    echo "crash-test: kept $WORK" >&2
  else
    rm -rf -- "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log() { printf 'crash-test: %s\n' "$*"; }
fail() {
  failed=yes
  printf 'crash-test: FAILED: %s\n' "$*" >&2
  if [ -f "$LOG" ]; then
    echo "--- last lines of the service log ($LOG)" >&2
    grep -v '^\s*at ' "$LOG" | tail -n 30 >&2 || true
  fi
  exit 1
}

# One value from a JSON document on stdin: a Python expression over "d".
json() { python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"; }

api_get() { curl -sS --fail-with-body "${AUTH[@]}" "$BASE$1"; }

# True once readiness is UP with the search index built and no change behind.
caught_up() {
  curl -s "$BASE/q/health/ready" 2>/dev/null | json "d['status'] == 'UP' and any(
      c['name'] == 'Search index' and not c['data'].get('rebuilding')
      and c['data']['changesBehind'] == 0 for c in d['checks'])" 2>/dev/null | grep -qx True
}

# Starts the service on the data folder and waits until it is ready and the index caught up.
start() {
  # Search totals above podium.search.counted-exactly are estimates; these checks need the
  # index's exact counts.
  PODIUM_DATA_DIR="$DATA" QUARKUS_HTTP_PORT="$PORT" PODIUM_SEARCH_COUNTED_EXACTLY=1000000000 \
    java -jar "$JAR" >>"$LOG" 2>&1 &
  server=$!
  local deadline=$((SECONDS + 600))
  until caught_up; do
    kill -0 "$server" 2>/dev/null || fail "the service did not start (it exited)"
    [ "$SECONDS" -lt "$deadline" ] ||
      fail "not ready with the index caught up after 10 minutes: $(curl -s "$BASE/q/health/ready")"
    sleep 0.5
  done
}

crash() {
  kill -9 "$server"
  wait "$server" 2>/dev/null || true
  server=
}

# "talks speakers topics conferences interviews" as the API counts them.
counts() {
  local kind out=()
  for kind in "${KINDS[@]}"; do
    out+=("$(api_get "/api/v1/$kind?limit=1" | json "d['page']['total']")")
  done
  echo "${out[*]}"
}

search_total() { api_get "/api/v1/search?limit=1&$1" | json "'estimated' if d['estimated'] else d['page']['total']"; }

# The index holds exactly what the database holds, kind by kind.
check_index() {
  local kind type db found
  for kind in talks speakers topics interviews; do
    type=${kind%s}
    db=$(api_get "/api/v1/$kind?limit=1" | json "d['page']['total']")
    found=$(search_total "type=$type")
    [ "$db" = "$found" ] || fail "$1: the database has $db $kind, the search index $found"
  done
}

# Sums two count lines field by field.
add_counts() { python3 -c "import sys; print(' '.join(str(int(a) + int(b)) for a, b in zip(sys.argv[1].split(), sys.argv[2].split())))" "$1" "$2"; }

# Writes a catalog of $TALKS talks with slugs starting "$1"; prints its counts per kind.
catalog() {
  python3 scripts/synthetic-catalog.py "$TALKS" "$1" "$WORK/$1.json"
  python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
print(' '.join(str(len(d.get(k, []))) for k in sys.argv[2:]))" "$WORK/$1.json" "${KINDS[@]}"
}

# Checks the talks of catalog $1 the index finds: $2 of them, and two of them by their own words.
check_found() {
  local marker found slug
  marker=$(python3 scripts/synthetic-catalog.py --marker "$1")
  found=$(search_total "type=talk&q=$marker")
  [ "$found" = "$2" ] || fail "$3: a search for catalog $1 finds $found talks, not $2"
  if [ "$2" -gt 0 ]; then
    for n in 0 $((TALKS - 1)); do
      slug="$1-talk-$n"
      api_get "/api/v1/search?type=talk&q=$marker+$n" | json "[i['slug'] for i in d['items']]" |
        grep -q "'$slug'" || fail "$3: talk $slug is not found by its title"
    done
  fi
}

# POSTs catalog $1 in the background; its status code ends up in $WORK/$1.code.
import_in_background() {
  # No "Expect: 100-continue": a killed import must show as no answer at all (000).
  curl -sS -o "$WORK/$1.answer" -w '%{http_code}' "${AUTH[@]}" -H 'Expect:' \
    -H 'Content-Type: application/json' --data-binary "@$WORK/$1.json" \
    "$BASE/api/v1/catalog" >"$WORK/$1.code" 2>"$WORK/$1.curl" &
  importer=$!
}

log "work folder $WORK, port $PORT, $TALKS talks per catalog, $(nproc) cores"
start
log "started on an empty data folder: $(counts) (${KINDS[*]})"

# 1. Small writes, killed right after the last answer.
for n in 1 2 3 4 5; do
  code=$(curl -sS -o /dev/null -w '%{http_code}' "${AUTH[@]}" -H 'Content-Type: application/json' \
    --data "{\"slug\": \"acknowledged-$n\", \"title\": \"Acknowledged zqackwrite $n\"}" \
    "$BASE/api/v1/talks")
  [ "$code" = 201 ] || fail "creating talk acknowledged-$n answered $code"
done
crash
log "step 1: five talks created one after another, killed right after the fifth 201"
start
for n in 1 2 3 4 5; do
  api_get "/api/v1/talks/acknowledged-$n" >/dev/null 2>&1 || fail "step 1: talk acknowledged-$n was acknowledged (201) but is lost after kill -9"
done
[ "$(search_total "type=talk&q=zqackwrite")" = 5 ] || fail "step 1: the five acknowledged talks are not all searchable"
check_index "step 1"
log "step 1 passed: all five there and searchable"

# 2. A large import to completion, killed right after its 200.
expected=$(catalog crash-full)
before=$(counts)
began=$(date +%s.%N)
import_in_background crash-full
wait "$importer" || true
importer=
took=$(python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 1))" "$began" "$(date +%s.%N)")
code=$(cat "$WORK/crash-full.code")
[ "$code" = 200 ] || fail "step 2: the import answered $code: $(head -c 500 "$WORK/crash-full.answer")"
crash
log "step 2: import of $expected (${KINDS[*]}) answered 200 after $took s; killed right after it"
start
after=$(counts)
[ "$after" = "$(add_counts "$before" "$expected")" ] || fail "step 2: after the restart $after, expected $before plus $expected"
check_index "step 2"
check_found crash-full "$TALKS" "step 2"
log "step 2 passed: before $before, after $after, all searchable"

# 3. Imports killed in the middle.
midway=0
round=0
for point in "${POINTS[@]}"; do
  round=$((round + 1))
  prefix="crash-mid-$round"
  expected=$(catalog "$prefix")
  before=$(counts)
  delay=$(python3 -c "import sys; print(max(1.0, round(float(sys.argv[1]) * int(sys.argv[2]) / 100, 1)))" "$took" "$point")
  import_in_background "$prefix"
  sleep "$delay"
  running=no
  if kill -0 "$importer" 2>/dev/null; then running=yes; fi
  crash
  wait "$importer" 2>/dev/null || true
  importer=
  code=$(cat "$WORK/$prefix.code")
  if [ "$code" = 200 ]; then
    # It finished first: then it is an acknowledged import and must be there whole.
    log "step 3.$round: the import finished before the kill at $delay s; checking it as acknowledged"
  elif [ "$running" = yes ]; then
    midway=$((midway + 1))
  else
    fail "step 3.$round: the import ended with $code before the kill: $(cat "$WORK/$prefix.curl" "$WORK/$prefix.answer" 2>/dev/null | head -c 500)"
  fi
  start
  after=$(counts)
  if [ "$after" = "$before" ]; then
    outcome=none
    imported=0
  elif [ "$after" = "$(add_counts "$before" "$expected")" ]; then
    outcome=all
    imported=$TALKS
  else
    fail "step 3.$round (killed at $delay s): after the restart $after, which is neither $before (none) nor $before plus $expected (all)"
  fi
  [ "$code" != 200 ] || [ "$outcome" = all ] || fail "step 3.$round: an acknowledged import is lost"
  check_index "step 3.$round"
  check_found "$prefix" "$imported" "step 3.$round"
  if [ "$code" = 200 ]; then answer="answered 200"; else answer="no answer"; fi
  log "step 3.$round passed: killed $delay s into the import ($answer), $outcome of it there: before $before, after $after; the index matches"
done
[ "$midway" -gt 0 ] || fail "no import was killed in the middle; lower PODIUM_CRASH_POINTS"

kill "$server"
wait "$server" 2>/dev/null || true
server=
log "passed: $midway imports killed midway, each all or nothing; nothing acknowledged lost"
