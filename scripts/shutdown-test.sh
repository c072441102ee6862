#!/usr/bin/env bash
# Graceful shutdown of the packaged service, for real: SIGTERM arrives while a large catalog
# import is in flight. The import must complete (200, every talk created), the process must exit
# within 30 s, and after a restart on the same data folder everything acknowledged is served and
# found by search, from an index that had committed it all (it resumes, nothing to catch up).
#
# Usage: scripts/shutdown-test.sh [APP_DIR]
#   APP_DIR   quarkus-app folder of the PostgreSQL build (default target/quarkus-app)
# Environment:
#   PODIUM_TOKEN       bearer token for writes (default: an admin token from the dev-only key,
#                      which the instances then trust; see scripts/lib/instances.sh)
#   PODIUM_TEST_PORT   HTTP port (default 18415)
#   PODIUM_TEST_TALKS  talks in the imported catalog (default 1500: a few seconds of work)
#   PODIUM_TEST_LOGS   a folder to keep the instance's log in (default: deleted)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/instances.sh
source scripts/lib/instances.sh
begin_run shutdown "${1:-}"

PORT=${PODIUM_TEST_PORT:-18415}
TALKS=${PODIUM_TEST_TALKS:-1500}
EXIT_LIMIT=30

# A catalog of $TALKS talks whose titles all hold one unique word.
word=$(fresh_word)
python3 - "$WORK/catalog.json" "$word" "$TALKS" <<'PY'
import json, sys
path, word, talks = sys.argv[1], sys.argv[2], int(sys.argv[3])
conference = f"shutdown-{word}"
speakers = [{"slug": f"{word}-speaker-{i}", "name": f"Speaker {i} {word}"} for i in range(talks // 4)]
doc = {
    "formatVersion": 1,
    "source": "scripts/shutdown-test.sh",
    "topics": [{"slug": f"{word}-topic", "name": f"Topic {word}"}],
    "conferences": [{"slug": conference, "name": f"Shutdown {word}",
                     "startDate": "2031-05-01", "endDate": "2031-05-03"}],
    "speakers": speakers,
    "talks": [{"slug": f"{word}-talk-{i}", "title": f"Talk {i} about {word}",
               "abstract": f"What happens to talk {i} when the process is told to stop. " * 8,
               "conference": conference, "speakers": [speakers[i % len(speakers)]["slug"]],
               "topics": [f"{word}-topic"]} for i in range(talks)],
}
json.dump(doc, open(path, "w"))
PY
log "catalog: $TALKS talks, $((TALKS / 4)) speakers, $(du -h "$WORK/catalog.json" | cut -f1)"

bash scripts/postgres.sh start
# shellcheck source=/dev/null
source "$PODIUM_PG_DIR/env"
start_instance app "$PORT" "$WORK/data"
wait_ready app "$PORT" 180
warm_up "$PORT"

log "== SIGTERM during an import"
args=(-s -o "$WORK/import.json" -w '%{http_code}' --max-time 120
  -H 'Content-Type: application/json' -H 'Expect:' --data-binary "@$WORK/catalog.json")
args+=(-H "$AUTH")
curl "${args[@]}" "$(api "$PORT" /catalog)" >"$WORK/import.status" &
importer=$!
echo "$importer" >"$WORK/import.pid"
sleep 0.5
kill -0 "$importer" 2>/dev/null || fail "the import finished within 0.5 s; raise PODIUM_TEST_TALKS"
pid=$(pid_of app)
termed=$(now_ms)
kill -TERM "$pid"
log "sent SIGTERM to pid $pid with the import in flight"

sleep 0.5
refused=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$(api "$PORT" /talks?limit=1)" || true)
log "a new request during the shutdown answered: HTTP $refused"

wait "$importer" || true
rm -f "$WORK/import.pid"
status=$(cat "$WORK/import.status")
[ "$status" = 200 ] || fail "the in-flight import answered HTTP $status: $(head -c 300 "$WORK/import.json")"
created=$(json_field "$WORK/import.json" "d['counts']['talks']['created']")
[ "$created" = "$TALKS" ] || fail "the import created $created talks, not $TALKS"
log "ok: the in-flight import completed: 200, $created talks created, $(seconds "$termed" "$(now_ms)") s after SIGTERM"

while kill -0 "$pid" 2>/dev/null; do
  [ $(($(now_ms) - termed)) -lt $((EXIT_LIMIT * 1000)) ] || fail "still running $EXIT_LIMIT s after SIGTERM"
  sleep 0.1
done
wait "$pid" 2>/dev/null || true
rm -f "$WORK/app.pid"
log "ok: the process exited $(seconds "$termed" "$(now_ms)") s after SIGTERM"

log "== Restart on the same data"
start_instance app "$PORT" "$WORK/data"
wait_ready app "$PORT" 180
resumed=$(grep -o 'resumes after change [0-9]*' "$WORK/app.log" | tail -n 1 | grep -o '[0-9]*$' || true)
[ -n "$resumed" ] || fail "the index did not resume from its commit (rebuilt instead?)"
curl -s --max-time 5 "http://127.0.0.1:$PORT/q/health/ready" >"$WORK/ready.json"
last=$(json_field "$WORK/ready.json" \
  "[c['data']['lastChange'] for c in d['checks'] if c['name'] == 'Search index'][0]")
[ "$resumed" = "$last" ] || fail "the index resumed after change $resumed, the database is at $last"
log "ok: the index resumed after change $resumed, the last one the database holds"

out=$(http GET "$(api "$PORT" "/talks?conference=shutdown-$word&limit=1")")
[ "${out%% *}" = 200 ] || fail "talks of the imported conference: HTTP $out"
total=$(json_field "$WORK/body" "d['page']['total']")
[ "$total" = "$TALKS" ] || fail "after the restart the conference has $total talks, not $TALKS"
out=$(http GET "$(api "$PORT" "/search?q=$word&type=talk&limit=1")")
[ "${out%% *}" = 200 ] || fail "search after the restart: HTTP $out"
found=$(json_field "$WORK/body" "d['page']['total']")
[ "$found" = "$TALKS" ] || fail "search finds $found of the $TALKS imported talks"
log "ok: after the restart all $TALKS talks are served and found by search"

stop_instance app
log "== shutdown test passed"
