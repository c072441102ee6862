#!/usr/bin/env bash
# Mints a bearer token for a local Podium (dev mode, tests, or a jar started with the dev key),
# signed RS256 with the DEV-ONLY private key in dev-keys/. Only openssl is needed.
#
#   scripts/token.sh editor                  # content writes
#   scripts/token.sh admin                   # catalog import and reindex (and content writes)
#   scripts/token.sh editor,admin 600        # several roles; lifetime in seconds (default 3600)
#
#   curl -H "Authorization: Bearer $(scripts/token.sh editor)" ...
#
# PODIUM_TOKEN_KEY (private key PEM) and PODIUM_TOKEN_ISSUER override the dev defaults.
set -euo pipefail

usage() {
  echo "usage: $0 ROLE[,ROLE...] [SECONDS]   (roles: editor, admin)" >&2
  exit 2
}
[ $# -ge 1 ] && [ $# -le 2 ] || usage
roles=$1
ttl=${2:-3600}
[[ $roles =~ ^[a-z][a-z0-9-]*(,[a-z][a-z0-9-]*)*$ ]] || usage
[[ $ttl =~ ^[0-9]+$ ]] || usage

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
key=${PODIUM_TOKEN_KEY:-$here/dev-keys/private.pem}
issuer=${PODIUM_TOKEN_ISSUER:-urn:podium:dev-only}
user=${USER:-dev}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

now=$(date +%s)
groups=$(printf '"%s",' ${roles//,/ })
header='{"alg":"RS256","typ":"JWT"}'
payload=$(printf '{"iss":"%s","sub":"%s","upn":"%s","groups":[%s],"iat":%d,"exp":%d,"jti":"%s"}' \
  "$issuer" "$user" "$user" "${groups%,}" "$now" "$((now + ttl))" "$(openssl rand -hex 8)")

unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature=$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$key" -binary | b64url)
printf '%s.%s\n' "$unsigned" "$signature"
