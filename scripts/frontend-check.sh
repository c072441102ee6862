#!/usr/bin/env bash
# What frontend teams do with Podium's OpenAPI document, run against the packaged service:
#
#   1. lint the served /q/openapi with Spectral (spectral:oas) and Redocly (recommended): no error,
#      no warning (the rulesets in src/test/frontend/ say why any rule is off);
#   2. generate TypeScript types from it (openapi-typescript), compile a consumer that uses them
#      through openapi-fetch with tsc --strict, and run it against the service (node:test);
#   3. drive Swagger UI in headless Chromium (playwright-core): "Try it out" on a search, a write
#      through "Authorize" with an editor token; screenshots in target/frontend/;
#   4. fail on a breaking change between the served document and the committed snapshot
#      (src/test/resources/openapi.json).
#
# Needs the packaged application (./mvnw package builds target/quarkus-app/quarkus-run.jar), Node.js
# 20+ with npm, and Debian's Chromium (installed here with apt-get when missing). The service runs
# on a fresh data folder with the demo data and the DEV-ONLY key, on PODIUM_FRONTEND_PORT (18531).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
front=$root/src/test/frontend
out=$root/target/frontend
port=${PODIUM_FRONTEND_PORT:-18531}
url=http://localhost:$port
jar=$root/target/quarkus-app/quarkus-run.jar

# The tools' own reporting and update checks have nothing to reach here.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true SCARF_ANALYTICS=false
export NO_UPDATE_NOTIFIER=1 npm_config_update_notifier=false

step() { printf '\n== %s\n' "$*"; }

[ -f "$jar" ] || { echo "no $jar: run ./mvnw package first" >&2; exit 1; }

step "Chromium"
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
fi
/usr/bin/chromium --version 2> /dev/null

step "npm ci ($front)"
node --version
(cd "$front" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

step "Start the packaged service on port $port"
data=$(mktemp -d /tmp/podium-frontend.XXXXXX)
rm -rf "$out"
mkdir -p "$out"
pid=
stop() {
  if [ -n "$pid" ] && kill -0 "$pid" 2> /dev/null; then
    kill "$pid"
    wait "$pid" 2> /dev/null || true
  fi
  rm -rf "$data"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
PODIUM_DATA_DIR=$data QUARKUS_HTTP_PORT=$port \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION=$root/dev-keys/public.pem \
  MP_JWT_VERIFY_ISSUER=urn:podium:dev-only \
  java -jar "$jar" > "$out/service.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  if curl -sf "$url/q/health/ready" > /dev/null; then break; fi
  kill -0 "$pid" 2> /dev/null || { cat "$out/service.log" >&2; echo "the service stopped" >&2; exit 1; }
  sleep 1
done
curl -sf "$url/q/health/ready" > /dev/null || { tail -50 "$out/service.log" >&2; exit 1; }
curl -sf "$url/q/openapi?format=json" -o "$out/openapi.json"
echo "ready; document saved as target/frontend/openapi.json"

cd "$front"

step "Spectral (spectral:oas; warnings fail too)"
npx spectral lint --ruleset .spectral.yaml --fail-severity=warn "$out/openapi.json"

step "Redocly (recommended; warnings fail too)"
npx redocly lint --config redocly.yaml "$out/openapi.json"
npx redocly lint --config redocly.yaml --format=json "$out/openapi.json" 2> /dev/null > "$out/redocly.json"
node -e '
  const t = require(process.argv[1]).totals;
  console.log(`redocly: ${t.errors} errors, ${t.warnings} warnings, ${t.ignored} ignored`);
  process.exit(t.errors + t.warnings === 0 ? 0 : 1);
' "$out/redocly.json"

step "Types from the document (openapi-typescript), consumer compiled with tsc --strict"
npx openapi-typescript "$out/openapi.json" -o generated/podium.ts
rm -rf dist
npx tsc -p . --strict

step "The consumer against the service"
export PODIUM_URL=$url
PODIUM_EDITOR_TOKEN=$("$root/scripts/token.sh" editor 900)
export PODIUM_EDITOR_TOKEN
node --test dist/src/consumer.test.js

step "Swagger UI in headless Chromium"
PODIUM_SCREENSHOTS=$out node --test dist/src/swagger-ui.test.js
echo "screenshots: target/frontend/swagger-ui-search.png, target/frontend/swagger-ui-write.png"

step "Breaking changes: the check catches deliberate ones, then the served document vs the snapshot"
node --test dist/src/breaking-changes.test.js
node dist/src/breaking-changes.js "$root/src/test/resources/openapi.json" "$out/openapi.json"

step "Frontend checks passed"
