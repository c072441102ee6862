#!/usr/bin/env bash
# Packages the service for a fast start on JDK 25 or later: the aot-jar packaging (classes on the
# class path, which the JVM's AOT cache can hold) and target/quarkus-app/app.aot, an AOT cache
# (JEP 483, 514, 515: classes loaded and linked, method profiles) recorded by a training run of
# the packaged jar on the embedded database: a fresh data folder loads the demo catalog, then
# every kind of read is sent a few hundred times. Then start the service with
#
#   java -XX:AOTCache=target/quarkus-app/app.aot -jar target/quarkus-app/quarkus-run.jar
#
# The cache belongs to that JDK and that build: after a rebuild or another JDK the JVM says it
# cannot use it and starts without it (run this again). docs/benchmarks.md has the figures.
#
# Usage: scripts/aot-cache.sh   (JAVA names the java of a JDK 25+; default: java on the PATH)
# Settings (environment): JAVA, PODIUM_AOT_PORT (default 18340), PODIUM_AOT_ROUNDS (default 200)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly JAVA=${JAVA:-java}
readonly PORT=${PODIUM_AOT_PORT:-18340}
readonly ROUNDS=${PODIUM_AOT_ROUNDS:-200}
readonly APP=target/quarkus-app
readonly BASE="http://127.0.0.1:$PORT/api/v1"

# Asked of the JVM's version, never by a trial: -XX:AOTCacheOutput replaces the file it names.
version=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${version%%.*}" -lt 25 ] 2> /dev/null || [ -z "$version" ]; then
  echo "$JAVA is Java ${version:-of unknown version}: an AOT cache needs JDK 25 or later (JAVA=/path/to/jdk/bin/java)" >&2
  exit 1
fi

./mvnw -q package -DskipTests -Dquarkus.package.jar.type=aot-jar

work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The run trusts the dev-only key, so reads can carry a token: those skip the response cache and
# take the whole way through the database and the index every time.
export MP_JWT_VERIFY_PUBLICKEY_LOCATION=$PWD/dev-keys/public.pem MP_JWT_VERIFY_ISSUER=urn:podium:dev-only
token=$(scripts/token.sh editor 3600)
rm -f "$APP/app.aot"
PODIUM_DATA_DIR="$work/data" QUARKUS_HTTP_PORT=$PORT \
  "$JAVA" -XX:AOTCacheOutput="$APP/app.aot" -jar "$APP/quarkus-run.jar" > "$work/log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break
  kill -0 "$pid" 2> /dev/null || { cat "$work/log" >&2; exit 1; }
  sleep 0.5
done

get() { curl -s -o /dev/null -H "Authorization: Bearer $token" "$@"; }
first_slug() { curl -sf "$BASE/$1?limit=1" | grep -o '"slug":"[^"]*"' | head -1 | cut -d'"' -f4; }
talk=$(first_slug talks)
topic=$(first_slug topics)
[ -n "$talk" ] && [ -n "$topic" ] || { echo "the demo catalog did not load" >&2; exit 1; }
etag=$(curl -sf -D - -o /dev/null "$BASE/talks/$talk" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
for _ in $(seq 1 "$ROUNDS"); do
  for kind in talks speakers topics conferences interviews; do get "$BASE/$kind?limit=20"; done
  get "$BASE/talks/$talk"
  curl -s -o /dev/null -H "If-None-Match: $etag" "$BASE/talks/$talk"
  get "$BASE/talks/$talk/related"
  get "$BASE/topics/$topic/overview"
  get "$BASE/search?q=resilience"
  get "$BASE/search?q=chaos%20enginering&type=talk"
  get "$BASE/search/suggest?q=res"
  get "$BASE/talks?limit=20&topic=$topic"
  get "$BASE/talks?year=abc"
  get "$BASE/talks/no-such-talk"
done
get "$BASE/catalog"

# The JVM writes the cache as it exits: it records until then, and assembles the cache after.
kill "$pid"
wait "$pid" || true
pid=
[ -s "$APP/app.aot" ] || { tail -20 "$work/log" >&2; echo "no AOT cache was written" >&2; exit 1; }
echo "AOT cache: $APP/app.aot ($(du -h "$APP/app.aot" | cut -f1))"
echo "start with: $JAVA -XX:AOTCache=$APP/app.aot -jar $APP/quarkus-run.jar"
