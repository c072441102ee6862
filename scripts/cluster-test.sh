#!/usr/bin/env bash
# Two instances of the PostgreSQL build on one PostgreSQL, as they run behind a load balancer.
#
#  1. A write through one instance is served, and found by search, by the other within 2 s;
#     a delete through the second is gone from the first, search included.
#  2. A database outage: with PostgreSQL stopped, readiness turns DOWN within 5 s, requests that
#     need the database answer 503 with Retry-After within 2 s, and search still answers from
#     the index. With PostgreSQL back, both instances recover without a restart and every write
#     acknowledged before the outage is there.
#
# Usage: scripts/cluster-test.sh [APP_DIR]
#   APP_DIR   quarkus-app folder of the PostgreSQL build (default target/quarkus-app), built with
#             ./mvnw package -DskipTests -Dquarkus.profile=postgres
# Environment:
#   PODIUM_TOKEN       bearer token for writes (default: an admin token from the dev-only key,
#                      which the instances then trust; see scripts/lib/instances.sh)
#   PODIUM_TEST_PORT   HTTP port of the first instance (default 18410); the second takes the next
#   PODIUM_TEST_LOGS   a folder to keep the instances' logs in (default: deleted)
# A throwaway PostgreSQL is started with scripts/postgres.sh (its own port handling) and
# stopped, with both instances, however the script ends.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/instances.sh
source scripts/lib/instances.sh
begin_run cluster "${1:-}"

A=${PODIUM_TEST_PORT:-18410}
B=$((A + 1))
# The limits this test holds the service to.
VISIBLE=2 # seconds until the other instance serves and finds a write
ANSWER=2  # seconds for a 503 during the outage
DOWN=5    # seconds until readiness reports the outage
DEMO_TALK=designing-services-resilience-testing-netflix

create_speaker() { # PORT SLUG NAME
  local out
  out=$(http POST "$(api "$1" /speakers)" "{\"slug\":\"$2\",\"name\":\"$3\"}")
  [ "${out%% *}" = 201 ] || fail "create $2 through port $1: HTTP $out $(head -c 300 "$WORK/body")"
}

# propagated METHOD PORT PATH BODY STATUS OTHER SLUG WORD present|absent: writes through PORT,
# then prints the seconds until OTHER serves the speaker SLUG and search finds it by WORD
# (present), or neither (absent); empty if that takes over 10 s.
propagated() {
  python3 scripts/lib/propagation.py "$1" "$(api "$2" "$3")" "$4" "$5" "$(api "$6" "")" "$8" \
    "/speakers/$7" "$9" 10 || true
}

# visible_on PORT SLUG WORD: the speaker is served and found by search.
visible_on() {
  local out
  out=$(http GET "$(api "$1" "/search?q=$3")")
  [ "${out%% *}" = 200 ] && grep -qF "\"slug\":\"$2\"" "$WORK/body" &&
    out=$(http GET "$(api "$1" "/speakers/$2")") && [ "${out%% *}" = 200 ]
}

expect_within() { # WHAT LIMIT SECONDS-OR-EMPTY
  [ -n "$3" ] || fail "$1: not within $2 s"
  below "$3" "$2" || fail "$1: took $3 s, limit $2 s"
  log "ok: $1 after $3 s"
}

# expect_unavailable METHOD PATH [JSON]: 503 problem with Retry-After, within ANSWER seconds.
expect_unavailable() {
  local out status took
  out=$(http "$1" "$(api "$A" "$2")" "${3:-}")
  status=${out%% *}
  took=${out#* }
  [ "$status" = 503 ] || fail "$1 $2 during the outage: HTTP $status $(head -c 300 "$WORK/body")"
  grep -qi '^Retry-After: [0-9]' "$WORK/headers" || fail "$1 $2: 503 without Retry-After"
  grep -qi '^Content-Type: application/problem+json' "$WORK/headers" || fail "$1 $2: not a problem"
  below "$took" "$ANSWER" || fail "$1 $2: 503 took $took s, limit $ANSWER s"
  log "ok: $1 $2 answered 503 with Retry-After in $took s"
}

log "== PostgreSQL and two instances of $APP"
bash scripts/postgres.sh start
# shellcheck source=/dev/null
source "$PODIUM_PG_DIR/env"
# One after the other: the first creates the schema and loads the demo data.
start_instance a "$A" "$WORK/data-a"
wait_ready a "$A" 180
start_instance b "$B" "$WORK/data-b"
wait_ready b "$B" 180
warm_up "$A"
warm_up "$B"
for probe in live started ready; do
  curl -sf --max-time 5 -o /dev/null "http://127.0.0.1:$A/q/health/$probe" || fail "/q/health/$probe"
done

log "== A write through one instance, served by the other"
word=$(fresh_word)
slug="speaker-$word"
expect_within "B serves and finds what A wrote" "$VISIBLE" "$(propagated POST "$A" /speakers \
  "{\"slug\":\"$slug\",\"name\":\"Cluster $word\"}" 201 "$B" "$slug" "$word" present)"
expect_within "A no longer serves or finds what B deleted" "$VISIBLE" \
  "$(propagated DELETE "$B" "/speakers/$slug" - 204 "$A" "$slug" "$word" absent)"

log "== Database outage"
words=()
for port in "$A" "$B" "$A" "$B"; do
  w=$(fresh_word)
  create_speaker "$port" "speaker-$w" "Before outage $w"
  words+=("$w")
done
for w in "${words[@]}"; do
  for port in "$A" "$B"; do
    poll_since "$(now_ms)" 10 visible_on "$port" "speaker-$w" "$w" >/dev/null ||
      fail "port $port does not find speaker-$w before the outage"
  done
done
log "wrote ${#words[@]} speakers through both instances; stopping PostgreSQL"
bash scripts/postgres.sh pause
stopped=$(now_ms)
expect_within "A readiness DOWN" "$DOWN" "$(poll_since "$stopped" 30 ready_status "$A" 503 || true)"
expect_within "B readiness DOWN" "$DOWN" "$(poll_since "$stopped" 30 ready_status "$B" 503 || true)"
curl -s --max-time 5 "http://127.0.0.1:$A/q/health/ready" >"$WORK/ready.json" || true
json_field "$WORK/ready.json" \
  "[c['status'] for c in d['checks'] if c['name'].startswith('Database')] == ['DOWN']" |
  grep -qx True || fail "readiness does not name the database: $(cat "$WORK/ready.json")"

for _ in 1 2 3; do
  expect_unavailable GET "/speakers/speaker-${words[0]}"
  expect_unavailable GET "/talks?limit=5"
done
expect_unavailable POST /speakers "{\"name\":\"During outage $(fresh_word)\"}"
expect_unavailable DELETE "/speakers/speaker-${words[1]}"
# What the index answers alone keeps working.
for path in "/search?q=${words[0]}" "/search/suggest?q=resil" "/talks/$DEMO_TALK/related"; do
  out=$(http GET "$(api "$A" "$path")")
  [ "${out%% *}" = 200 ] || fail "GET $path during the outage: HTTP $out"
  log "ok: GET $path answered 200 from the index alone during the outage in ${out#* } s"
done

bash scripts/postgres.sh resume
resumed=$(now_ms)
for name in a b; do
  port=$A
  [ "$name" = b ] && port=$B
  took=$(poll_since "$resumed" 60 ready_status "$port" 200 || true)
  [ -n "$took" ] || fail "instance $name not ready within 60 s of PostgreSQL's return"
  log "ok: instance $name ready again $took s after PostgreSQL came back, no restart"
done
for w in "${words[@]}"; do
  for port in "$A" "$B"; do
    visible_on "$port" "speaker-$w" "$w" || fail "speaker-$w lost on port $port after the outage"
  done
done
log "ok: all ${#words[@]} writes from before the outage are served and found by both"

word=$(fresh_word)
expect_within "A serves and finds what B wrote after the outage" "$VISIBLE" \
  "$(propagated POST "$B" /speakers "{\"slug\":\"speaker-$word\",\"name\":\"After $word\"}" \
    201 "$A" "speaker-$word" "$word" present)"

log "== Logs"
grep -q 'GET /api/v1/speakers/{slug} 200' "$WORK/a.log" ||
  fail "no access log line with the route template in instance a's log"
if grep -qF "$PODIUM_TOKEN" "$WORK/a.log" "$WORK/b.log"; then
  fail "the bearer token appears in a log"
fi
grep -qi 'authorization' "$WORK/a.log" "$WORK/b.log" && fail "an Authorization header appears in a log"
log "ok: access lines carry the route template; no Authorization header or token logged"

stop_instance a
stop_instance b
log "== cluster test passed"
