#!/usr/bin/env bash
# Runs a real single-node Apache Kafka broker (KRaft, broker+controller in one JVM)
# from the jars Maven copies into tools/kafka/libs. No Docker, nothing downloaded at
# run time except through Maven.
#
#   kafka.sh fetch    copy the broker jars from Maven Central (once)
#   kafka.sh start    format storage if needed, start, wait until ready
#   kafka.sh stop     stop by PID (never by process name)
#   kafka.sh status   print "running <pid> <bootstrap>" or "stopped"; exit 1 if stopped
#   kafka.sh wait     wait until the broker answers describeCluster
#   kafka.sh credentials   print the data folder's Kafka users as `export` lines (ADR 0024)
#
# Clients authenticate (SASL_PLAINTEXT, SCRAM-SHA-512) and the broker authorizes every request
# by ACL (StandardAuthorizer, nothing allowed without an ACL): one user per service
# (enrollment, contributions, claims, payouts), audit, finance and the super user admin, each
# with a random password made when the data folder is formatted and kept in
# <data>/sasl-users.env (0600). The ACLs themselves are the platform's (libs/platform
# kafka-access.ts), granted by whoever creates the topics. KAFKA_SASL=off runs the old
# unauthenticated broker (PLAINTEXT, no ACLs) on a data folder of its own.
#
# Overridable through the environment:
#   KAFKA_DATA_DIR         data folder (default: <repo>/.local/kafka)
#   KAFKA_PORT             client listener port (default 9092)
#   KAFKA_CONTROLLER_PORT  controller listener port (default 9093)
#   KAFKA_HEAP             JVM heap (default 512m)
#   KAFKA_READY_TIMEOUT_S  seconds to wait for readiness (default 60)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
libs="$here/libs"
data="${KAFKA_DATA_DIR:-$repo/.local/kafka}"
port="${KAFKA_PORT:-9092}"
cport="${KAFKA_CONTROLLER_PORT:-9093}"
heap="${KAFKA_HEAP:-512m}"
ready_timeout="${KAFKA_READY_TIMEOUT_S:-60}"
sasl="${KAFKA_SASL:-on}"
pidfile="$data/broker.pid"
bootstrap="127.0.0.1:$port"
users_file="$data/sasl-users.env"
# The principals of the platform (ADR 0024); `controller` only signs the broker in to its own
# controller (SASL/PLAIN on 127.0.0.1: KRaft's controller listener cannot use SCRAM).
USERS=(admin enrollment contributions claims payouts audit finance)

log() { echo "[kafka] $*" >&2; }

fetch() {
  if [ -f "$libs/.complete" ]; then return 0; fi
  log "copying broker jars from Maven Central into $libs"
  mvn -q -B -f "$here/pom.xml" package
  touch "$libs/.complete"
}

running_pid() {
  [ -f "$pidfile" ] || return 1
  local pid
  pid="$(cat "$pidfile")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

write_config() {
  mkdir -p "$data/log-dirs" "$data/logs"
  # A KRaft cluster id is 16 random bytes in base64url (22 characters). Made in the shell
  # and checked, because an empty id left by an interrupted earlier start would make every
  # later format fail.
  if ! grep -Eq '^[A-Za-z0-9_-]{22}$' "$data/cluster.id" 2>/dev/null; then
    local id
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    if [ "${#id}" -ne 22 ]; then
      log "could not make a cluster id (got '$id')"
      return 1
    fi
    printf '%s' "$id" > "$data/cluster.id"
  fi
  # The broker's config holds the admin's and the controller's passwords: ours alone.
  umask 077
  : > "$data/server.properties"
  chmod 600 "$data/server.properties"
  if [ "$sasl" = "off" ]; then
    listeners_config > "$data/server.properties"
  else
    ensure_users || return 1
    secured_listeners_config > "$data/server.properties"
  fi
  cat >> "$data/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
controller.listener.names=CONTROLLER
log.dirs=$data/log-dirs
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.cleaner.dedupe.buffer.size=2097152
log.retention.hours=-1
PROPS
  cat > "$data/log4j2.properties" <<PROPS
status = warn
appender.file.type = File
appender.file.name = file
appender.file.fileName = $data/logs/server.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.file.ref = file
logger.kafka.name = kafka
logger.kafka.level = INFO
# Every refused request (principal, operation, resource) at INFO; allowed ones are DEBUG.
logger.authorizer.name = kafka.authorizer.logger
logger.authorizer.level = INFO
PROPS
}

listeners_config() {
  cat <<PROPS
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
PROPS
}

password_of() {
  sed -n "s/^$1=//p" "$users_file"
}

# A password per user, made once per data folder (like cluster.id) and readable only by us.
ensure_users() {
  if [ -f "$data/log-dirs/meta.properties" ] && [ ! -s "$users_file" ]; then
    log "$data was formatted without Kafka users (an unauthenticated broker's data):"
    log "remove it to start afresh with SASL, or run it with KAFKA_SASL=off"
    return 1
  fi
  [ -s "$users_file" ] && return 0
  local file="$users_file.tmp" user
  : > "$file"
  chmod 600 "$file"
  for user in controller "${USERS[@]}"; do
    printf '%s=%s\n' "$user" "$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')" >> "$file"
  done
  mv "$file" "$users_file"
}

secured_listeners_config() {
  local admin controller
  admin="$(password_of admin)"
  controller="$(password_of controller)"
  cat <<PROPS
listeners=CLIENT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=CLIENT://127.0.0.1:$port
inter.broker.listener.name=CLIENT
listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$admin";
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="controller" password="$controller" user_controller="$controller";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin;User:controller
PROPS
}

# The SCRAM users go into the metadata log when the storage is formatted (and only then).
scram_arguments() {
  [ "$sasl" = "off" ] && return 0
  local user
  for user in "${USERS[@]}"; do
    printf '%s\n' "--add-scram" "SCRAM-SHA-512=[name=$user,password=$(password_of "$user")]"
  done
}

credentials() {
  if [ "$sasl" = "off" ]; then
    log "KAFKA_SASL=off: the broker takes no credentials"
    return 0
  fi
  if [ ! -s "$users_file" ]; then
    log "no users yet in $data (kafka.sh start makes them)"
    return 1
  fi
  echo "export KAFKA_SASL_MECHANISM=scram-sha-512"
  echo "export KAFKA_SASL_USERNAME=admin"
  echo "export KAFKA_SASL_PASSWORD=$(password_of admin)"
  local user upper
  for user in "${USERS[@]}"; do
    [ "$user" = "admin" ] && continue
    upper="$(printf '%s' "$user" | tr '[:lower:]' '[:upper:]')"
    echo "export ${upper}_KAFKA_USERNAME=$user"
    echo "export ${upper}_KAFKA_PASSWORD=$(password_of "$user")"
  done
}

java_args() {
  jvm=(-Xmx"$heap" -Xms128m -XX:+UseG1GC -XX:MaxGCPauseMillis=20
    -Dlog4j2.configurationFile="$data/log4j2.properties")
  # shellcheck disable=SC2206
  [ -n "${KAFKA_JVM_OPTS:-}" ] && jvm+=(${KAFKA_JVM_OPTS})
  jvm+=(-cp "$libs/*")
}

# As admin when the broker authenticates: readiness includes being let in.
as_admin() {
  if [ "$sasl" != "off" ] && [ -s "$users_file" ]; then
    KAFKA_SASL_MECHANISM=scram-sha-512 KAFKA_SASL_USERNAME=admin \
      KAFKA_SASL_PASSWORD="$(password_of admin)" "$@"
  else
    env -u KAFKA_SASL_USERNAME -u KAFKA_SASL_PASSWORD "$@"
  fi
}

wait_ready() {
  as_admin node "$here/wait-ready.mjs" "$bootstrap" "$ready_timeout"
}

start_once() {
  write_config || return 1
  java_args
  if [ ! -f "$data/log-dirs/meta.properties" ]; then
    # `--cluster-id=<id>`, not `-t <id>`: a base64url id may start with '-', which the tool's
    # argument parser would take for an option ("expected one argument").
    local scram=()
    mapfile -t scram < <(scram_arguments)
    java "${jvm[@]}" kafka.tools.StorageTool format --cluster-id="$(cat "$data/cluster.id")" \
      -c "$data/server.properties" --ignore-formatted "${scram[@]}" > "$data/logs/format.log" 2>&1 \
      || { cat "$data/logs/format.log" >&2; return 1; }
  fi
  nohup java "${jvm[@]}" kafka.Kafka "$data/server.properties" \
    > "$data/logs/stdout.log" 2>&1 < /dev/null &
  echo $! > "$pidfile"
  log "started pid $(cat "$pidfile") on $bootstrap (data $data)"
  if wait_ready; then return 0; fi
  log "broker did not become ready; last log lines:"
  tail -n 30 "$data/logs/server.log" "$data/logs/stdout.log" >&2 2>/dev/null || true
  stop
  return 1
}

start() {
  fetch
  if pid="$(running_pid)"; then
    log "already running (pid $pid) on $bootstrap"
    wait_ready
    return 0
  fi
  # A broker started from another checkout (or by hand) already answers on this port:
  # use it rather than fail to bind a second one. It is not ours to stop.
  if as_admin node "$here/wait-ready.mjs" "$bootstrap" 2 2>/dev/null; then
    log "a broker not started from $data already answers on $bootstrap; using it"
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
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "pid $pid did not stop in 30 s; killing"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
  log "stopped pid $pid"
}

status() {
  if pid="$(running_pid)"; then
    echo "running $pid $bootstrap"
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
  credentials) credentials ;;
  *) echo "usage: $0 fetch|start|stop|status|wait|credentials" >&2; exit 2 ;;
esac
