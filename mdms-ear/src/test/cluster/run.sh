#!/usr/bin/env bash
# The cluster check of issue 8 (run by hand, never in CI: about 10 minutes). Starts the two-node
# cluster behind its load balancer (cluster.sh, fresh database mdms_cluster), signs a user in through
# the load balancer, lets a scheduled export fire with both nodes up, drives ingest through three
# paths at once — JMS batches pushed to one node's broker, CMEP files dropped into the shared inbox, REST
# batches with an Idempotency-Key through the load balancer — and kills the node holding the user's
# session (the victim; JMS goes to its broker) with SIGKILL in the middle of an import. It waits for
# the survivor's backup broker to take the victim's journal over and for all
# the work to finish, then checks with psql and curl; prints PASS or FAIL per check and exits non-zero
# if any failed. The cluster is stopped at the end (MDMS_CLUSTER_KEEP=true leaves it running).
#
#   mdms-ear/src/test/cluster/run.sh [METERS=160] [DAYS=10]      (reads = METERS x DAYS x 96)
#
# Needs a packaged build (mvn package -DskipTests), PostgreSQL 15+ at 127.0.0.1:5432 (user postgres,
# trust), python3, curl, java. The result goes to docs/operations.md ("Cluster") by hand.
set -euo pipefail

meters=${1:-160}
days=${2:-10}
expected=$((meters * days * 96))
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
jboss_home=$(ls -d "$root"/target/server/wildfly-* | head -1)
cluster=$root/target/cluster
db=mdms_cluster
lb=http://127.0.0.1:8880/mdms
auth=admin:cluster-admin
work=$(mktemp -d /tmp/mdms-cluster.XXXXXX)
psql() { command psql -h 127.0.0.1 -U postgres -d "$db" -Atq -v ON_ERROR_STOP=1 "$@"; }
now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "${2:-$(now)}"; }
log() { echo "[$(date +%T)] $*"; }

failed=0
results=()
check() {
  local name=$1 ok=$2 detail=$3
  if [ "$ok" = true ]; then results+=("PASS  $name: $detail"); else results+=("FAIL  $name: $detail"); failed=$((failed + 1)); fi
  echo "${results[-1]}"
}

rest_loop=""
cleanup() {
  set +e
  [ -n "$rest_loop" ] && kill "$rest_loop" 2>/dev/null
  if [ "${MDMS_CLUSTER_KEEP:-false}" != true ]; then
    bash "$here/cluster.sh" stop > /dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap "exit 130" INT TERM

began=$(now)
log "generating $meters meters x $days days = $expected reads"
start_day=$(date -u -d "-$days days" +%F)
python3 "$root/bench/ingest/generate.py" "$meters" "$days" "$work/data" "$start_day" > /dev/null
python3 "$here/split.py" "$work/data/reads.cmep" "$work/data" "$meters" "$days" | tee "$work/split.txt"
jms_messages=$(awk '$1 == "jms" {print $2}' "$work/split.txt")
rest_batches=$(awk '$1 == "rest" {print $2}' "$work/split.txt")
inbox_files=$(awk '$1 == "inbox" {print $2}' "$work/split.txt")
imports_expected=$((jms_messages + rest_batches + inbox_files))

log "starting the cluster"
MDMS_CMEP_ZONE=UTC bash "$here/cluster.sh" start
started=$(now)
log "cluster up after $(since "$began") s"

# 1. The cluster formed: both nodes behind the load balancer, one JGroups view, each broker's backup announced.
views=$(grep -h -c "rebalance with members \[node1, node2\]" "$cluster"/node1/log/server.log "$cluster"/node2/log/server.log | paste -sd' ')
backups=$(grep -h -c "AMQ221031: backup announced" "$cluster"/node1/log/server.log "$cluster"/node2/log/server.log | paste -sd' ')
registered=$(curl -s -X DUMP http://127.0.0.1:8890/ | grep -o 'JVMRoute: [a-z0-9]*' | sort -u | cut -d' ' -f2 | paste -sd,)
formed=false
[ "$registered" = node1,node2 ] && [[ ! " $views " =~ " 0 " ]] && [ "$backups" = "1 1" ] && formed=true
check "cluster formed" "$formed" "load balancer routes to $registered; view [node1, node2] in both logs ($views); backup brokers announced ($backups)"

log "importing the registry through the load balancer"
curl -sf -u "$auth" -H 'Content-Type: text/csv' --data-binary @"$work/data/registry.csv" \
  "$lb/api/registry/import?source=cluster-registry" > "$work/registry.json"

# The node the load balancer gives the user's session to is the one that will be killed.
log "signing in through the load balancer"
curl -s -c "$work/cookies" -b "$work/cookies" -o /dev/null "$lb/index.xhtml"
curl -s -c "$work/cookies" -b "$work/cookies" -o /dev/null -d 'j_username=admin&j_password=cluster-admin' "$lb/j_security_check"
route=$(awk '$6 == "JSESSIONID" {print $7}' "$work/cookies" | sed 's/.*\.//')
session_before=$(curl -s -c "$work/cookies" -b "$work/cookies" "$lb/readings/imports.xhtml" | grep -c "Sign out" || true)
case "$route" in
  node1) victim_node=node1 survivor=node2 ;;
  node2) victim_node=node2 survivor=node1 ;;
  *) echo "sign-in through the load balancer failed (session route '$route')" >&2; exit 1 ;;
esac
if [ "$victim_node" = node1 ]; then victim_port=8680 survivor_port=8780; else victim_port=8780 survivor_port=8680; fi
log "session on $route (signed-in page: $session_before): $victim_node is the node to kill, $survivor the survivor"

log "scheduling the daily CMEP export to fire once in 30 s, both nodes up"
fire=$(date -u -d '+30 sec' '+%S %M %H %d %m ? %Y')
fire_at=$(date -u -d '+30 sec' +%s)
code=$(curl -s -o "$work/schedule.json" -w '%{http_code}' -u "$auth" -X PUT -H 'Content-Type: application/json' \
  -d "{\"cron\": \"$fire\", \"enabled\": true}" "$lb/api/schedules/cmep-export-daily")
[ "$code" = 200 ] || { echo "scheduling the export failed ($code): $(cat "$work/schedule.json")" >&2; exit 1; }
schedulers=$(psql -c "SELECT COUNT(*) FROM qrtz_scheduler_state")
until [ "$(psql -c "SELECT COUNT(*) FROM job_run WHERE job_name = 'cmep-export-daily' AND status <> 'RUNNING'")" -ge 1 ]; do
  [ "$(date +%s)" -lt $((fire_at + 120)) ] || break
  sleep 2
done
sleep 5

javac -nowarn -cp "$jboss_home/bin/client/jboss-client.jar" -d "$work/classes" "$here/JmsSend.java"
log "ingest: $rest_batches REST batches, $jms_messages JMS batches to $victim_node's broker, $inbox_files inbox files"
ingest_started=$(now)
# REST batches through the load balancer; a batch whose answer is lost or not COMPLETED is sent again
# with the same key until it is (the contract of an idempotency key).
(
  for file in "$work"/data/rest/*.json; do
    key=$(basename "$file" .json)
    for _ in $(seq 1 120); do
      status=$(curl -s -m 120 -u "$auth" -H 'Content-Type: application/json' -H "Idempotency-Key: $key" \
        --data-binary @"$file" "$lb/api/readings/batch" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])' 2>/dev/null || true)
      [ "$status" = COMPLETED ] && break
      sleep 3
    done
  done
) &
rest_loop=$!
# The JMS batches in one transaction, so that the victim's broker holds a backlog when it dies.
java -cp "$jboss_home/bin/client/jboss-client.jar:$work/classes" JmsSend "$victim_port,$survivor_port" admin cluster-admin \
  "$work/data/jms" > "$work/jms.log" 2>&1
jms_sent=$(grep -v SLF4J "$work/jms.log" | paste -sd' ')
log "JMS: $jms_sent"
# Then the inbox files (the nodes scan every 10 s).
for file in "$work"/data/inbox/*.cmep; do
  cp "$file" "$cluster/shared/inbox/inbox/cmep/$(basename "$file").part"
  mv "$cluster/shared/inbox/inbox/cmep/$(basename "$file").part" "$cluster/shared/inbox/inbox/cmep/$(basename "$file")"
done
dropped=$(now)

# Kill when the victim is in the middle of an import: best its inbox file (three chunks) with some
# committed; if it claims none within 25 s, any import it runs (a JMS batch).
log "waiting for $victim_node to be in the middle of an import"
victim_inbox() {
  psql -c "SELECT i.id FROM reading_import i WHERE i.node = '$victim_node' AND i.status = 'RUNNING'
      AND i.source_name LIKE 'inbox/%' $1 LIMIT 1"
}
while :; do
  found=$(victim_inbox "AND EXISTS (SELECT 1 FROM reading_import_chunk c WHERE c.import_id = i.id)")
  waited=$(since "$dropped" | cut -d. -f1)
  if [ -z "$found" ] && [ "$waited" -ge 25 ] && [ -z "$(victim_inbox "")" ]; then
    found=$(psql -c "SELECT id FROM reading_import WHERE node = '$victim_node' AND status = 'RUNNING' LIMIT 1")
  fi
  [ -n "$found" ] || [ "$waited" -ge 90 ] && break
  sleep 0.1
done
bash "$here/cluster.sh" kill "$victim_node"
killed=$(now)
# What the kill cut off: the victim's imports still RUNNING (they stay so until it is taken for dead).
running_on_victim=$(psql -c "SELECT string_agg(id || ' ' || source_name || ' (' || stored || ' stored, '
    || (SELECT COUNT(*) FROM reading_import_chunk c WHERE c.import_id = i.id) || ' chunks)', '; ')
    FROM reading_import i WHERE node = '$victim_node' AND status = 'RUNNING'")
running_ids=$(psql -c "SELECT string_agg(id::text, ',') FROM reading_import WHERE node = '$victim_node' AND status = 'RUNNING'")
jms_begun=$(psql -c "SELECT COUNT(*) FROM reading_import WHERE source_name LIKE 'jms %'")
stored_at_kill=$(psql -c "SELECT COUNT(*) FROM interval_read")
log "$victim_node killed $(since "$ingest_started" "$killed") s into the ingest, $stored_at_kill reads stored, $((jms_messages - jms_begun)) JMS messages not yet begun; running on it: ${running_on_victim:-none}"
check "$victim_node killed mid-import" "$([ -n "$running_ids" ] && echo true || echo false)" \
  "SIGKILL $(since "$ingest_started" "$killed") s into the ingest with imports running on $victim_node: ${running_on_victim:-none}; $((jms_messages - jms_begun)) of $jms_messages JMS messages not yet begun"

until grep -q "AMQ221010: Backup Server is now active" "$cluster/$survivor/log/server.log"; do
  [ "$(since "$killed" | cut -d. -f1)" -lt 120 ] || break
  sleep 0.2
done
live_line=$(grep -m1 "AMQ221010: Backup Server is now active" "$cluster/$survivor/log/server.log" || true)
if [ -n "$live_line" ]; then
  live_s=$(python3 -c "import datetime,sys; t=datetime.datetime.strptime(sys.argv[1][:23], '%Y-%m-%d %H:%M:%S,%f').replace(tzinfo=datetime.timezone.utc).timestamp(); print(f'{t - float(sys.argv[2]):.1f}')" "$live_line" "$killed")
  check "backup broker live" true "$survivor's backup broker took $victim_node's journal over and went live ${live_s} s after the kill"
else
  live_s=""
  check "backup broker live" false "$survivor's backup broker did not go live within 120 s"
fi

log "waiting for the surviving node to finish the work"
for _ in $(seq 1 300); do
  stored=$(psql -c "SELECT COUNT(*) FROM interval_read")
  unfinished=$(psql -c "SELECT COUNT(*) FROM reading_import WHERE status <> 'COMPLETED'")
  imports=$(psql -c "SELECT COUNT(*) FROM reading_import")
  left=$(find "$cluster/shared/inbox/inbox" "$cluster/shared/inbox/processing" -type f | wc -l)
  if [ "$stored" -ge "$expected" ] && [ "$unfinished" = 0 ] && [ "$imports" -ge "$imports_expected" ] \
      && [ "$left" = 0 ] && ! kill -0 "$rest_loop" 2>/dev/null; then
    break
  fi
  sleep 2
done
wait "$rest_loop" 2>/dev/null || true
rest_loop=""
finished=$(now)
log "work finished $(since "$killed" "$finished") s after the kill"

# 4. Every read stored exactly once: one row per channel and interval end, no imported value replaced
#    by another import (VEE may replace reads it judges invalid by estimates: its versions are counted apart).
read -r rows keys reimported by_vee <<< "$(psql -F' ' -c "SELECT COUNT(*), COUNT(DISTINCT (channel_id, interval_end)),
    (SELECT COUNT(*) FROM interval_read_history h JOIN interval_read r USING (channel_id, interval_end) WHERE r.source = 'A'),
    (SELECT COUNT(*) FROM interval_read_history h JOIN interval_read r USING (channel_id, interval_end) WHERE r.source <> 'A')
    FROM interval_read")"
read -r received stored_sum duplicates rejected <<< "$(psql -F' ' -c "SELECT SUM(received), SUM(stored), SUM(duplicates), SUM(rejected) FROM reading_import")"
ok=false
[ "$rows" = "$expected" ] && [ "$keys" = "$rows" ] && [ "$reimported" = 0 ] && [ "$stored_sum" = "$expected" ] && ok=true
check "every read stored exactly once" "$ok" "$rows of $expected reads stored, $keys distinct (channel, interval end), $reimported imported twice ($by_vee replaced by VEE estimates); imports: $received received = $stored_sum stored + $duplicates duplicates + $rejected rejected"

# 5. Imports all COMPLETED, one per message, file and batch.
read -r imports completed jms inbox rest <<< "$(psql -F' ' -c "SELECT COUNT(*), COUNT(*) FILTER (WHERE status = 'COMPLETED'),
    COUNT(*) FILTER (WHERE source_name LIKE 'jms %'), COUNT(*) FILTER (WHERE source_name LIKE 'inbox/%'),
    COUNT(*) FILTER (WHERE source_name LIKE 'rest %') FROM reading_import")"
ok=false
[ "$imports" = "$completed" ] && [ "$jms" = "$jms_messages" ] && [ "$inbox" = "$inbox_files" ] && [ "$rest" = "$rest_batches" ] && ok=true
check "imports all COMPLETED" "$ok" "$completed of $imports COMPLETED: $jms JMS batches (sent $jms_messages), $inbox inbox files ($inbox_files), $rest REST batches ($rest_batches)"

# 6. The queue: every message consumed by one of the nodes, none lost, none dead-lettered.
dead=$(curl -s -u "$auth" -H 'Accept: text/plain' "http://127.0.0.1:$survivor_port/mdms/api/metrics" | awk '$1 == "mdms_dead_letters" {print $2}')
by_node=$(psql -c "SELECT string_agg(node || ' ' || n, ', ' ORDER BY node) FROM (SELECT node, COUNT(*) n FROM reading_import WHERE source_name LIKE 'jms %' GROUP BY node) x")
ok=false
[ "$jms" = "$jms_messages" ] && [ "${dead:-x}" = 0 ] && ok=true
check "JMS queue shared, nothing lost" "$ok" "$jms of $jms_messages messages imported (last run by: $by_node), ${dead:-?} dead letters; sender: $jms_sent"

# 7. The inbox: each file claimed by one node and archived.
archived=$(find "$cluster/shared/inbox/archive" -type f | wc -l)
errors=$(find "$cluster/shared/inbox/error" -type f | wc -l)
inbox_nodes=$(psql -c "SELECT string_agg(source_name || ' by ' || node, ', ' ORDER BY source_name) FROM reading_import WHERE source_name LIKE 'inbox/%'")
ok=false
[ "$archived" = "$inbox_files" ] && [ "$errors" = 0 ] && ok=true
check "inbox files claimed once" "$ok" "$archived of $inbox_files files archived, $errors in error/: $inbox_nodes"

# 8. The surviving node finished what the victim had running.
taken=$(psql -c "SELECT COUNT(*) FROM reading_import WHERE id IN (${running_ids:-0}) AND status = 'COMPLETED' AND node = '$survivor'")
taken_detail=$(psql -c "SELECT string_agg(id || ' ' || source_name || ' ' || status || ' on ' || node || ' (' || stored || ' stored, '
    || (SELECT COUNT(*) FROM reading_import_chunk c WHERE c.import_id = i.id) || ' chunks)', '; ') FROM reading_import i WHERE id IN (${running_ids:-0})")
count_running=$(echo "${running_ids:-}" | tr ',' '\n' | grep -c . || true)
ok=false
[ "$count_running" -gt 0 ] && [ "$taken" = "$count_running" ] && ok=true
check "$survivor finished $victim_node's imports" "$ok" "$taken of $count_running resumed and COMPLETED by $survivor: ${taken_detail:-none}"

# 9. The scheduled export ran exactly once although two schedulers competed for it.
runs=$(psql -c "SELECT COUNT(*) || ' run(s): ' || string_agg(status || ' on ' || node || ' fired ' || to_char(fire_time, 'HH24:MI:SS') || ', '
    || COALESCE(records, 0) || ' reads, ' || COALESCE(files, 0) || ' file', '; ') FROM job_run WHERE job_name = 'cmep-export-daily'")
ok=false
[[ "$runs" == "1 run(s): SUCCEEDED"* ]] && [ "$schedulers" = 2 ] && ok=true
check "scheduled export ran once" "$ok" "$schedulers schedulers in the Quartz cluster; $runs"

# 10. The UI session survived its node's death.
page=$(curl -s -c "$work/cookies" -b "$work/cookies" -w '\n%{http_code}' "$lb/readings/imports.xhtml")
code=$(echo "$page" | tail -1)
signed_in=$(echo "$page" | grep -c "Sign out" || true)
login_form=$(echo "$page" | grep -c "j_security_check" || true)
route_after=$(awk '$6 == "JSESSIONID" {print $7}' "$work/cookies" | sed 's/.*\.//')
ok=false
[ "$code" = 200 ] && [ "$signed_in" -ge 1 ] && [ "$login_form" = 0 ] && [ "$route_after" = "$survivor" ] && ok=true
check "UI session survived" "$ok" "signed in on $route before the kill; after it the imports page answers $code, signed in, from $route_after"

total=$(since "$began")
echo
echo "== cluster check $(date -u +%F): $meters meters x $days days = $expected reads, $imports_expected imports"
echo "   cluster start $(since "$began" "$started") s, $victim_node killed $(since "$ingest_started" "$killed") s into the ingest ($stored_at_kill reads stored),"
echo "   backup broker live ${live_s:-?} s after the kill, work finished $(since "$killed" "$finished") s after it, total $total s"
printf '%s\n' "${results[@]}"
echo "$(( ${#results[@]} - failed )) of ${#results[@]} checks passed"
[ "$failed" = 0 ]
