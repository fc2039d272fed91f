#!/usr/bin/env bash
# A two-node MDMS cluster on this machine, behind WildFly's own load balancer, on PostgreSQL
# (docs/operations.md, "Cluster"). Run by hand or by run.sh next to it; never in CI.
#
#   cluster.sh start          configure the build's WildFly (configure.sh --ha), make a fresh database
#                             and folders, start the load balancer, node1 and node2, wait until both
#                             nodes serve through the load balancer
#   cluster.sh stop           stop the three servers (SIGTERM, then SIGKILL after 60 s)
#   cluster.sh status         which servers run, their health, the cluster views in the node logs
#   cluster.sh kill NODE      SIGKILL a node (node1, node2): what a crash looks like to the others
#   cluster.sh start-node NODE   start one node again (after a kill), on the same database and folders
#
# Every server binds to 127.0.0.1 only, with its own port offset: node1 600 (http 8680), node2 700
# (http 8780), load balancer 800 (http 8880, mod_cluster MCMP 8890). Base folders (configuration,
# deployments, data, log) are target/cluster/<name>; the folder the nodes share —
# Artemis journals (one per node: the other node's backup broker takes it over), reading inbox,
# export folders — is target/cluster/shared. The database is MDMS_CLUSTER_DB (default mdms_cluster),
# made afresh by start. The environment is passed on to the nodes (e.g. MDMS_CMEP_ZONE).
#
# Needs a packaged build (mvn package -DskipTests: target/server, mdms-ear/target/mdms.ear and
# drivers), PostgreSQL at 127.0.0.1:5432 (user postgres, trust), curl.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
jboss_home=$(ls -d "$root"/target/server/wildfly-* 2>/dev/null | head -1 || true)
ear=$root/mdms-ear/target/mdms.ear
drivers=$root/mdms-ear/target/drivers
dir=${MDMS_CLUSTER_DIR:-$root/target/cluster}
db=${MDMS_CLUSTER_DB:-mdms_cluster}
admin_password=${MDMS_CLUSTER_ADMIN_PASSWORD:-cluster-admin}
nodes=(node1 node2)
declare -A offset=([node1]=600 [node2]=700 [lb]=800)
declare -A peer=([node1]=node2 [node2]=node1)
lb_http=$((8080 + offset[lb]))

http_port() { echo $((8080 + offset[$1])); }
pid_of() { cat "$dir/$1/pid" 2>/dev/null || true; }
running() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

# Starts one server in the background; its java process id goes to <base>/pid.
launch() {
  local name=$1 config=$2 heap=$3
  shift 3
  rm -f "$dir/$name/pid"
  JBOSS_PIDFILE="$dir/$name/pid" LAUNCH_JBOSS_IN_BACKGROUND=1 \
  JAVA_OPTS="-Xms128m -Xmx$heap -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true" \
    nohup "$jboss_home/bin/standalone.sh" -c "$config" -Djboss.server.base.dir="$dir/$name" \
    -Djboss.node.name="$name" -Djboss.socket.binding.port-offset="${offset[$name]}" \
    -Djboss.bind.address=127.0.0.1 -Djboss.bind.address.private=127.0.0.1 \
    -Djboss.bind.address.management=127.0.0.1 "$@" > "$dir/$name/console.log" 2>&1 &
  for _ in $(seq 1 50); do
    [ -s "$dir/$name/pid" ] && return 0
    sleep 0.2
  done
  echo "cluster: $name did not start; see $dir/$name/console.log" >&2
  return 1
}

start_node() {
  local name=$1
  # shellcheck disable=SC1091
  . "$dir/cluster.env"
  MDMS_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db MDMS_DB_USER=postgres \
  MDMS_BOOTSTRAP_ADMIN_PASSWORD=$admin_password MDMS_DEMO=false \
  MDMS_INBOX_DIR=$dir/shared/inbox MDMS_EXPORT_CMEP_DIR=$dir/shared/exports/cmep \
  MDMS_EXPORT_BILLING_DIR=$dir/shared/exports/billing MDMS_EXPORT_REPORTS_DIR=$dir/shared/exports/reports \
  MDMS_CLUSTER_PASSWORD=$MDMS_CLUSTER_PASSWORD \
    launch "$name" standalone-mdms-ha.xml "${MDMS_CLUSTER_NODE_HEAP:-1g}" \
    -Dmdms.cluster.peer="${peer[$name]}" -Dmdms.cluster.shared="$dir/shared/messaging" \
    -Dmdms.cluster.member1.port=$((7600 + offset[node1])) -Dmdms.cluster.member2.port=$((7600 + offset[node2])) \
    -Dmdms.cluster.lb.port=$((8090 + offset[lb]))
}

await_ready() {
  local name=$1 url
  url=http://127.0.0.1:$(http_port "$name")/mdms/api/health/ready
  for _ in $(seq 1 300); do
    if curl -s -f -o /dev/null "$url"; then
      return 0
    fi
    running "$name" || { echo "cluster: $name stopped; see $dir/$name/log/server.log" >&2; return 1; }
    sleep 2
  done
  echo "cluster: $name not ready after 10 minutes" >&2
  return 1
}

# The nodes the load balancer has registered (MCMP DUMP on its management port).
registered() {
  curl -s -X DUMP "http://127.0.0.1:$((8090 + offset[lb]))/" 2>/dev/null | grep -o 'JVMRoute: [a-z0-9]*' | sort -u | cut -d' ' -f2 | tr '\n' ' '
}

start() {
  for name in lb "${nodes[@]}"; do
    if running "$name"; then
      echo "cluster: $name is running (pid $(pid_of "$name")); stop the cluster first" >&2
      exit 1
    fi
  done
  [ -n "$jboss_home" ] && [ -f "$ear" ] || { echo "cluster: build first (mvn package -DskipTests)" >&2; exit 1; }
  bash "$root/mdms-ear/src/main/wildfly/configure.sh" --ha "$jboss_home" postgresql "$drivers" | tail -1
  rm -rf "$dir"
  mkdir -p "$dir/shared/messaging" "$dir/shared/inbox" "$dir/shared/exports"
  for name in lb "${nodes[@]}"; do
    mkdir -p "$dir/$name/configuration" "$dir/$name/deployments" "$dir/$name/data" "$dir/$name/log"
    cp -r "$jboss_home/standalone/configuration/." "$dir/$name/configuration/"
  done
  for name in "${nodes[@]}"; do
    cp "$ear" "$dir/$name/deployments/mdms.ear"
  done
  echo "MDMS_CLUSTER_PASSWORD=${MDMS_CLUSTER_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')}" > "$dir/cluster.env"
  dropdb -h 127.0.0.1 -U postgres --if-exists --force "$db"
  createdb -h 127.0.0.1 -U postgres "$db"

  launch lb standalone-mdms-lb.xml 256m
  # One node first: it migrates the empty database; the second starts once the schema is there.
  start_node node1
  for _ in $(seq 1 300); do
    grep -q "Schema at version" "$dir/node1/log/server.log" 2>/dev/null && break
    running node1 || { echo "cluster: node1 stopped; see $dir/node1/log/server.log" >&2; exit 1; }
    sleep 2
  done
  start_node node2
  await_ready node1
  await_ready node2
  for _ in $(seq 1 60); do
    if [ "$(registered)" = "node1 node2 " ] && curl -s -f -o /dev/null "http://127.0.0.1:$lb_http/mdms/api/health/ready"; then
      echo "cluster: node1 (http $(http_port node1)) and node2 (http $(http_port node2)) serve behind the load balancer at http://127.0.0.1:$lb_http/mdms/ (database $db, admin / $admin_password)"
      return 0
    fi
    sleep 2
  done
  echo "cluster: the load balancer registered only: $(registered)" >&2
  exit 1
}

stop() {
  for name in "${nodes[@]}" lb; do
    if running "$name"; then
      kill "$(pid_of "$name")"
    fi
  done
  for name in "${nodes[@]}" lb; do
    for _ in $(seq 1 60); do
      running "$name" || break
      sleep 1
    done
    if running "$name"; then
      kill -9 "$(pid_of "$name")"
    fi
    rm -f "$dir/$name/pid"
  done
  echo "cluster: stopped"
}

status() {
  for name in lb "${nodes[@]}"; do
    if running "$name"; then
      local health=""
      if [ "$name" != lb ]; then
        health=$(curl -s -o /dev/null -w 'ready %{http_code}' "http://127.0.0.1:$(http_port "$name")/mdms/api/health/ready" || true)
      fi
      echo "$name: running (pid $(pid_of "$name"), http $(http_port "$name")) $health"
    else
      echo "$name: stopped"
    fi
  done
  echo "load balancer: registered nodes: $(registered)"
  for name in "${nodes[@]}"; do
    local log=$dir/$name/log/server.log
    [ -f "$log" ] || continue
    echo "$name: JGroups/Infinispan: $(grep -Eo "(with view: .*|rebalance with members \[[^]]*\])" "$log" | tail -1)"
    echo "$name: Artemis: $(grep -Eo 'AMQ2210(10|24|31)[^,(]*' "$log" | tail -3 | tr '\n' ';')"
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  kill)
    running "${2:-}" || { echo "cluster: ${2:-?} is not running" >&2; exit 1; }
    kill -9 "$(pid_of "$2")"
    echo "cluster: $2 killed (SIGKILL)" ;;
  start-node)
    running "${2:-}" && { echo "cluster: $2 is running" >&2; exit 1; }
    start_node "$2"
    await_ready "$2" ;;
  *) echo "usage: cluster.sh start|stop|status|kill NODE|start-node NODE" >&2; exit 2 ;;
esac
