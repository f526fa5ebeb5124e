#!/usr/bin/env bash
# Runs a real Keycloak (the santunan identity provider) from the distribution Maven unpacks
# into tools/keycloak/dist. No Docker; its data lives in PostgreSQL, its realm comes from
# tools/keycloak/realm/santunan-realm.json (imported at start when the realm does not exist).
#
#   keycloak.sh fetch    unpack the distribution from Maven Central and build it (once)
#   keycloak.sh start    create the database if missing, start, wait until the realm answers
#   keycloak.sh stop     stop by PID (never by process name)
#   keycloak.sh status   print "running <pid> <url>" or "stopped"; exit 1 if stopped
#   keycloak.sh wait     wait until /realms/santunan/.well-known/openid-configuration answers
#
# Production profile (`kc.sh start --optimized`, plain HTTP on 127.0.0.1), not start-dev:
# the same settings as a deployment (caches, themes, hostname checks), and the build step
# (database driver) runs once at fetch instead of at every start. One node, so a local
# cache (no JGroups cluster, no cluster ports shared with another Keycloak on the machine).
#
# Overridable through the environment:
#   KEYCLOAK_PORT            HTTP port on 127.0.0.1 (default 8180); the issuer is
#                            http://127.0.0.1:<port>/realms/santunan
#   KEYCLOAK_DATA_DIR        pid file, logs (default: <repo>/.local/keycloak)
#   KEYCLOAK_DB_URL          JDBC URL (default jdbc:postgresql://127.0.0.1:5432/santunan_keycloak;
#                            the database is created when missing)
#   KEYCLOAK_DB_USERNAME     (default postgres)   KEYCLOAK_DB_PASSWORD (default empty: trust)
#   KEYCLOAK_ADMIN_USERNAME  bootstrap admin of the master realm (default admin)
#   KEYCLOAK_ADMIN_PASSWORD  its password (default: generated once into
#                            <repo>/.local/keycloak-admin-password); used only when the
#                            database is new, as Keycloak creates the admin only then
#   KEYCLOAK_JAVA_HOME       a JDK >= 21 (default: the newest one found under /usr/lib/jvm);
#                            set as JAVA_HOME for Keycloak's process only (Kafka stays on 17)
#   KEYCLOAK_HEAP            JVM heap (default 512m)
#   KEYCLOAK_READY_TIMEOUT_S seconds to wait for readiness (default 180)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
version="26.5.6"
home="$here/dist/keycloak-$version"
data="${KEYCLOAK_DATA_DIR:-$repo/.local/keycloak}"
port="${KEYCLOAK_PORT:-8180}"
url="http://127.0.0.1:$port"
db_url="${KEYCLOAK_DB_URL:-jdbc:postgresql://127.0.0.1:5432/santunan_keycloak}"
db_user="${KEYCLOAK_DB_USERNAME:-postgres}"
db_password="${KEYCLOAK_DB_PASSWORD:-}"
admin_user="${KEYCLOAK_ADMIN_USERNAME:-admin}"
heap="${KEYCLOAK_HEAP:-512m}"
ready_timeout="${KEYCLOAK_READY_TIMEOUT_S:-180}"
pidfile="$data/keycloak.pid"
realm_file="$here/realm/santunan-realm.json"

log() { echo "[keycloak] $*" >&2; }

java_major() {
  "$1/bin/java" -version 2>&1 | sed -nE '1s/.*version "([0-9]+)(\.[0-9]+)*.*".*/\1/p'
}

# Keycloak 26 needs Java 21+; the machine default may be 17 (Kafka's), so look for another.
keycloak_java_home() {
  if [ -n "${KEYCLOAK_JAVA_HOME:-}" ]; then
    echo "$KEYCLOAK_JAVA_HOME"
    return 0
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] && [ ! -L "$candidate" ] || continue
    major="$(java_major "$candidate")"
    [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ] || continue
    best="$candidate" best_major="$major"
  done
  if [ -z "$best" ]; then
    log "no JDK >= 21 under /usr/lib/jvm; set KEYCLOAK_JAVA_HOME"
    return 1
  fi
  echo "$best"
}

# Build-time options. No health/metrics: they open a management port (9000) that a second
# Keycloak on the machine (tests, CI) could not bind; readiness is the realm's discovery URL.
build_options=(--db=postgres --health-enabled=false --metrics-enabled=false)

fetch() {
  if [ "$(cat "$home/.santunan-built" 2>/dev/null)" = "${build_options[*]}" ]; then return 0; fi
  if [ ! -x "$home/bin/kc.sh" ]; then
    log "unpacking keycloak-quarkus-dist $version from Maven Central into $here/dist"
    mvn -q -B -f "$here/pom.xml" package
  fi
  local java_home
  java_home="$(keycloak_java_home)"
  log "building the server once (${build_options[*]}) with $java_home"
  JAVA_HOME="$java_home" "$home/bin/kc.sh" build "${build_options[@]}" >&2
  echo "${build_options[*]}" > "$home/.santunan-built"
}

running_pid() {
  [ -f "$pidfile" ] || return 1
  local pid
  pid="$(cat "$pidfile")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

admin_password() {
  if [ -n "${KEYCLOAK_ADMIN_PASSWORD:-}" ]; then
    echo "$KEYCLOAK_ADMIN_PASSWORD"
    return 0
  fi
  local file="$repo/.local/keycloak-admin-password"
  if [ ! -s "$file" ]; then
    mkdir -p "$(dirname "$file")"
    (umask 077 && head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' > "$file")
  fi
  cat "$file"
}

wait_ready() {
  node "$here/keycloak-helper.mjs" wait "$url" "$ready_timeout" "$(running_pid || true)"
}

start_once() {
  mkdir -p "$data" "$home/data/import"
  # --import-realm reads data/import of the distribution; a realm that exists is left as is.
  cp "$realm_file" "$home/data/import/santunan-realm.json"
  node "$here/keycloak-helper.mjs" ensure-database "$db_url" "$db_user" "$db_password"
  local java_home started
  java_home="$(keycloak_java_home)"
  started="$(date +%s)"
  JAVA_HOME="$java_home" \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx$heap" \
    KC_BOOTSTRAP_ADMIN_USERNAME="$admin_user" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="$(admin_password)" \
    KC_DB_PASSWORD="$db_password" \
    nohup "$home/bin/kc.sh" start --optimized \
      --http-enabled=true --http-host=127.0.0.1 --http-port="$port" \
      --hostname="$url" \
      --cache=local \
      --db-url="$db_url" --db-username="$db_user" \
      --import-realm \
      --log=console,file --log-file="$data/keycloak.log" \
      > "$data/stdout.log" 2>&1 < /dev/null &
  echo $! > "$pidfile"
  log "started pid $(cat "$pidfile") on $url (Java $java_home, database $db_url, logs $data)"
  if wait_ready; then
    log "ready in $(($(date +%s) - started)) s"
    return 0
  fi
  log "Keycloak did not become ready; last log lines:"
  tail -n 40 "$data/stdout.log" >&2 2>/dev/null || true
  stop
  return 1
}

start() {
  fetch
  if pid="$(running_pid)"; then
    log "already running (pid $pid) on $url"
    wait_ready
    return 0
  fi
  # A Keycloak started from another checkout (or by hand) already serves the realm here:
  # use it rather than fail to bind a second one. It is not ours to stop.
  if node "$here/keycloak-helper.mjs" wait "$url" 2 "" 2>/dev/null; then
    log "a Keycloak not started from $data already answers on $url; using it"
    return 0
  fi
  # One retry: on a loaded 2-core machine the first start can miss the deadline.
  start_once || { log "retrying start once"; start_once; }
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$pidfile"
    log "not running"
    return 0
  fi
  # kc.sh forwards TERM to its Java process and waits for it.
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "pid $pid did not stop in 30 s; killing it and its Java process"
    pkill -KILL -P "$pid" 2>/dev/null || true
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
  log "stopped pid $pid"
}

status() {
  if pid="$(running_pid)"; then
    echo "running $pid $url"
  else
    echo "stopped"
    return 1
  fi
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  wait) wait_ready ;;
  *) echo "usage: $0 fetch|start|stop|status|wait" >&2; exit 2 ;;
esac
