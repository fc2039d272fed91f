# Shared by the bench scripts (sourced). Refuses to start when /tmp or PostgreSQL's data directory
# has less than NEED_KB kilobytes free.
require_free_disk() {
  local need_kb=$1 free_kb pg_free_kb
  free_kb=$(df -Pk /tmp | awk 'NR==2 {print $4}')
  pg_free_kb=$(df -Pk "$(psql -h 127.0.0.1 -U postgres -Atc 'SHOW data_directory' 2>/dev/null || echo /)" | awk 'NR==2 {print $4}')
  if [ "$free_kb" -lt "$need_kb" ] || [ "$pg_free_kb" -lt "$need_kb" ]; then
    echo "not enough free disk: need $((need_kb / 1024)) MB in /tmp and for PostgreSQL" >&2
    exit 1
  fi
}

# The application server of a bench script, on the script's own PostgreSQL database $db, port offset
# $offset and base folder $base (the packaged checkout at $root, WildFly at $jboss_home; demo off,
# admin password bench-password). Arguments: the file for the server's output, then extra
# environment as NAME=value (e.g. MDMS_VEE_ON_IMPORT=false). Waits until it is running (at most 10
# minutes) and sets $server (the run.sh process) and $jvm (the server's JVM, for jcmd and jstat).
#
# HEAP (e.g. 2g) sets the server's heap (-Xms and -Xmx; WildFly's standalone.conf gives 64m-512m
# otherwise, where production runs 2-4 GB, docs/operations.md). SERVER_JVM_OPTS adds JVM options
# to the server's (e.g. -XX:-UseCodeCacheFlushing; with either, the heap is HEAP or WildFly's default).
start_server() {
  local out=$1 t=0 p sizing=()
  shift
  if [ -n "${HEAP:-}${SERVER_JVM_OPTS:-}" ]; then
    sizing=(JBOSS_JAVA_SIZING="-Xms${HEAP:-64m} -Xmx${HEAP:-512m} ${SERVER_JVM_OPTS:-}")
  fi
  env "${sizing[@]}" MDMS_BASE_DIR="$base" MDMS_DEMO=false MDMS_PORT_OFFSET="$offset" \
    MDMS_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" MDMS_DB_USER=postgres \
    MDMS_BOOTSTRAP_ADMIN_PASSWORD=bench-password "$@" \
    bash "$root/mdms-ear/src/main/wildfly/run.sh" "$jboss_home" postgresql "$root/mdms-ear/target/drivers" \
    > "$out" 2>&1 &
  server=$!
  until grep -q "OpenMDMS is running" "$out" 2>/dev/null; do
    kill -0 "$server" 2>/dev/null || { tail -50 "$out"; exit 1; }
    t=$((t + 2)); [ $t -lt 600 ] || { echo "the server did not start in 10 minutes" >&2; tail -50 "$out"; exit 1; }
    sleep 2
  done
  # The server JVM itself (standalone.sh carries the same argument).
  jvm=""
  for p in $(pgrep -f -- "-Djboss.server.base.dir=$base( |$)"); do
    if [ "$(cat "/proc/$p/comm" 2>/dev/null)" = java ]; then jvm=$p; fi
  done
  if [ -z "$jvm" ]; then echo "the server JVM was not found" >&2; exit 1; fi
}

# Stops the server start_server started (run.sh forwards TERM to standalone.sh; the JVM is found by its
# own base folder, which is the script's alone), waiting at most a minute.
stop_server() {
  [ -n "${server:-}" ] || return 0
  local java
  java=$(pgrep -f -- "-Djboss.server.base.dir=$base( |$)" || true)
  kill "$server" 2>/dev/null || true
  [ -n "$java" ] && kill $java 2>/dev/null || true
  for _ in $(seq 1 60); do
    { kill -0 "$server" 2>/dev/null || { [ -n "$java" ] && kill -0 $java 2>/dev/null; }; } || break
    sleep 1
  done
  server=""
}

# Seconds the server JVM ($jvm) has spent in garbage collection so far (jstat's GCT).
gc_seconds() {
  jstat -gc "$jvm" | awk 'NR==1 { for (i = 1; i <= NF; i++) if ($i == "GCT") c = i } NR==2 { print $c }'
}
