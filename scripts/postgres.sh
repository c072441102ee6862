#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for running the test suite against a real database.
#
#   scripts/postgres.sh start    create and start a cluster, write "$PODIUM_PG_DIR/env"
#   scripts/postgres.sh stop     stop the cluster and delete its directory
#   scripts/postgres.sh env      print the export lines of a running cluster
#   scripts/postgres.sh status   exit 0 if the cluster is running
#   scripts/postgres.sh pause    stop the server but keep the cluster (a database outage)
#   scripts/postgres.sh resume   start a paused cluster again, same port and data
#
# Typical use:
#   export PODIUM_PG_DIR=$(mktemp -d /tmp/podium-pg.XXXXXX)
#   scripts/postgres.sh start && source "$PODIUM_PG_DIR/env"
#   ./mvnw -B verify -Dquarkus.test.profile=test,postgres
#   scripts/postgres.sh stop
#
# Settings (environment):
#   PODIUM_PG_DIR   cluster directory (default /tmp/podium-pg); must be empty, absent,
#                   or a directory this script created earlier
#   PODIUM_PG_PORT  TCP port on 127.0.0.1 (default: 25432, or the next free port)
#   PODIUM_PG_BIN   directory holding initdb/pg_ctl (default: found automatically)
#
# As root, PostgreSQL 15 is installed from Debian if missing and the server runs as
# the "postgres" user (PostgreSQL refuses to run as root). As any other user, the
# server runs as that user.
set -euo pipefail

readonly DB_NAME=podium
readonly DB_USER=podium
readonly DB_PASSWORD=podium
# Below Linux's ephemeral ports (32768-60999): there, any outgoing connection may hold the port
# for a while, and the server then fails to bind it although nothing listens on it.
readonly DEFAULT_PORT=25432
# Marks a directory as ours, so "stop" never deletes anything it did not create.
readonly MARKER=.podium-pg

PG_DIR=$(realpath -m -- "${PODIUM_PG_DIR:-/tmp/podium-pg}")

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# Runs a command as the user that owns the cluster (from /, which that user can always enter).
as_pg() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# Finds the directory with initdb and pg_ctl: Debian keeps them off PATH.
find_pg_bin() {
  local dir
  for dir in "${PODIUM_PG_BIN:-}" /usr/lib/postgresql/15/bin; do
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      printf '%s\n' "$dir"
      return 0
    fi
  done
  # Any other installed major version, newest first.
  local -a dirs=()
  shopt -s nullglob
  dirs=(/usr/lib/postgresql/*/bin)
  shopt -u nullglob
  for dir in $(printf '%s\n' "${dirs[@]}" | sort -rV); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      printf '%s\n' "$dir"
      return 0
    fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return 0
  fi
  return 1
}

install_postgres() {
  is_root || die "PostgreSQL is not installed; install it (Debian: apt-get install postgresql) or set PODIUM_PG_BIN"
  log "installing PostgreSQL from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y postgresql
  # The package may start its own default cluster on 5432; this script does not use it.
  if command -v pg_lsclusters >/dev/null 2>&1; then
    local ver name _port status _rest
    while read -r ver name _port status _rest; do
      if [ "$status" = online ]; then
        pg_ctlcluster "$ver" "$name" stop || true
      fi
    done < <(pg_lsclusters -h 2>/dev/null || true)
  fi
}

# True if a socket on this machine uses port $1 (listening or connected).
port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    # Any socket on the port, not only a listening one: a connection's local end blocks a bind.
    [ -n "$(ss -Htan "sport = :$1" 2>/dev/null)" ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

pick_port() {
  if [ -n "${PODIUM_PG_PORT:-}" ]; then
    port_in_use "$PODIUM_PG_PORT" && die "port $PODIUM_PG_PORT (PODIUM_PG_PORT) is already in use"
    printf '%s\n' "$PODIUM_PG_PORT"
    return 0
  fi
  local port
  for ((port = DEFAULT_PORT; port < DEFAULT_PORT + 200; port++)); do
    if ! port_in_use "$port"; then
      printf '%s\n' "$port"
      return 0
    fi
  done
  die "no free port in $DEFAULT_PORT-$((DEFAULT_PORT + 199))"
}

# The server user must be able to reach the cluster directory: give it search (x)
# permission on any parent that lacks it (not needed under /tmp).
open_parents() {
  is_root || return 0
  local dir
  dir=$(dirname "$PG_DIR")
  while [ "$dir" != / ]; do
    if ! runuser -u postgres -- test -x "$dir"; then
      log "granting search permission on $dir so the postgres user can reach $PG_DIR"
      chmod o+x "$dir"
    fi
    dir=$(dirname "$dir")
  done
}

is_running() {
  [ -f "$PG_DIR/data/postmaster.pid" ] || return 1
  as_pg "$PG_BIN/pg_ctl" status -D "$PG_DIR/data" >/dev/null 2>&1
}

write_env() {
  local port=$1 url
  url="jdbc:postgresql://127.0.0.1:$port/$DB_NAME"
  {
    printf 'export PODIUM_PG_DIR=%q\n' "$PG_DIR"
    printf 'export PODIUM_PG_PORT=%q\n' "$port"
    printf 'export QUARKUS_DATASOURCE_JDBC_URL=%q\n' "$url"
    printf 'export QUARKUS_DATASOURCE_USERNAME=%q\n' "$DB_USER"
    printf 'export QUARKUS_DATASOURCE_PASSWORD=%q\n' "$DB_PASSWORD"
  } >"$PG_DIR/env.tmp"
  chmod 644 "$PG_DIR/env.tmp"
  mv -f "$PG_DIR/env.tmp" "$PG_DIR/env"
}

# Removes the cluster directory, but only one this script created (or an empty one).
remove_dir() {
  [ -d "$PG_DIR" ] || return 0
  if [ -e "$PG_DIR/$MARKER" ] || [ -z "$(ls -A "$PG_DIR")" ]; then
    rm -rf -- "$PG_DIR"
  else
    die "$PG_DIR was not created by this script; not deleting it"
  fi
}

stop_server() {
  [ -f "$PG_DIR/data/postmaster.pid" ] || return 0
  local pid
  pid=$(head -n 1 "$PG_DIR/data/postmaster.pid" 2>/dev/null || true)
  log "stopping PostgreSQL in $PG_DIR"
  if ! as_pg "$PG_BIN/pg_ctl" stop -D "$PG_DIR/data" -m fast -w -t 60; then
    log "fast shutdown failed; trying immediate"
    as_pg "$PG_BIN/pg_ctl" stop -D "$PG_DIR/data" -m immediate -w -t 30 || true
  fi
  # pg_ctl returns once the pid file is gone, a moment before the process exits;
  # wait for the exit so the port is free when this returns.
  if [[ "$pid" =~ ^[0-9]+$ ]]; then
    local tries=0
    while process_alive "$pid" && [ "$tries" -lt 100 ]; do
      sleep 0.1
      tries=$((tries + 1))
    done
    if process_alive "$pid"; then
      log "server process $pid did not exit"
      return 1
    fi
  fi
}

# True if process $1 exists and is not a zombie.
process_alive() {
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [[ "$state" != Z* ]]
}

wait_accepting() {
  local port=$1 isready="$PG_BIN/pg_isready" tries=0
  [ -x "$isready" ] || isready=pg_isready
  until "$isready" -q -h 127.0.0.1 -p "$port"; do
    tries=$((tries + 1))
    [ "$tries" -lt 60 ] || die "PostgreSQL is not accepting connections on port $port"
    sleep 1
  done
}

cmd_start() {
  if ! PG_BIN=$(find_pg_bin); then
    install_postgres
    PG_BIN=$(find_pg_bin) || die "initdb/pg_ctl not found after installing PostgreSQL"
  fi

  if is_running; then
    log "already running in $PG_DIR"
    [ -f "$PG_DIR/env" ] || die "$PG_DIR/env is missing; run '$0 stop' and start again"
    return 0
  fi

  local port locale
  port=$(pick_port)

  # A leftover directory (crashed run) is thrown away: the cluster holds nothing worth keeping.
  stop_server
  remove_dir
  mkdir -p "$PG_DIR"
  touch "$PG_DIR/$MARKER"
  mkdir -p "$PG_DIR/sock"
  if is_root; then
    chown -R postgres:postgres "$PG_DIR"
  fi
  chmod 700 "$PG_DIR"
  open_parents

  # C.UTF-8 sorts by code point and is present on every Debian; plain C is the fallback.
  if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
    locale=C.UTF-8
  else
    locale=C
  fi

  log "initialising cluster in $PG_DIR/data ($("$PG_BIN/postgres" --version))"
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -E UTF8 --locale="$locale" \
    --auth-local=trust --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1 ||
    {
      cat "$PG_DIR/initdb.log" >&2
      die "initdb failed"
    }

  # Loopback only, a private socket directory, and durability off: this data is
  # thrown away after the tests, so fsync would only slow them down.
  as_pg tee -a "$PG_DIR/data/postgresql.conf" >/dev/null <<EOF

# added by scripts/postgres.sh
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$PG_DIR/sock'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

  log "starting PostgreSQL on 127.0.0.1:$port"
  if ! as_pg "$PG_BIN/pg_ctl" start -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 >/dev/null; then
    cat "$PG_DIR/server.log" >&2 || true
    die "PostgreSQL did not start"
  fi

  wait_accepting "$port"

  # Role and database for the application; idempotent statements, run as superuser.
  as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR/sock" -p "$port" -U postgres -d postgres <<EOF
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';
  END IF;
END
\$\$;
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME')
\gexec
EOF

  write_env "$port"
  log "ready: jdbc:postgresql://127.0.0.1:$port/$DB_NAME (user $DB_USER); env in $PG_DIR/env"
}

cmd_stop() {
  if [ ! -d "$PG_DIR" ]; then
    log "nothing to stop: $PG_DIR does not exist"
    return 0
  fi
  PG_BIN=$(find_pg_bin) || PG_BIN=
  if [ -n "$PG_BIN" ]; then
    stop_server
  elif [ -f "$PG_DIR/data/postmaster.pid" ]; then
    die "pg_ctl not found; cannot stop the server in $PG_DIR"
  fi
  remove_dir
  log "stopped and removed $PG_DIR"
}

cmd_pause() {
  PG_BIN=$(find_pg_bin) || die "PostgreSQL is not installed"
  is_running || die "no cluster running in $PG_DIR"
  stop_server
  log "paused: the cluster in $PG_DIR is kept; '$0 resume' starts it again"
}

cmd_resume() {
  PG_BIN=$(find_pg_bin) || die "PostgreSQL is not installed"
  if [ ! -e "$PG_DIR/$MARKER" ] || [ ! -f "$PG_DIR/env" ]; then
    die "no paused cluster in $PG_DIR"
  fi
  if is_running; then
    log "already running in $PG_DIR"
    return 0
  fi
  local port
  port=$(sed -n 's/^export PODIUM_PG_PORT=//p' "$PG_DIR/env")
  log "resuming PostgreSQL on 127.0.0.1:$port"
  if ! as_pg "$PG_BIN/pg_ctl" start -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 >/dev/null; then
    cat "$PG_DIR/server.log" >&2 || true
    die "PostgreSQL did not start again"
  fi
  wait_accepting "$port"
}

cmd_env() {
  PG_BIN=$(find_pg_bin) || die "PostgreSQL is not installed"
  is_running || die "no cluster running in $PG_DIR"
  cat "$PG_DIR/env"
}

cmd_status() {
  PG_BIN=$(find_pg_bin) || return 1
  is_running
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  env) cmd_env ;;
  status) cmd_status ;;
  pause) cmd_pause ;;
  resume) cmd_resume ;;
  *)
    echo "usage: $0 start|stop|env|status|pause|resume" >&2
    exit 2
    ;;
esac
