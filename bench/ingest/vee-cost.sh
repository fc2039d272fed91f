#!/usr/bin/env bash
# What VEE adds to ingest (run by hand, never in CI). In one run on the same PostgreSQL, the same CMEP
# file (generate.py) is imported twice, each time into a fresh database by a freshly started server:
#
#   1. VEE on import disabled (MDMS_VEE_ON_IMPORT=false): the upload's time is the ingest time;
#   2. VEE on import enabled (the default): the upload's time, then the time until the VEE worker has
#      emptied its queue (vee_pending_day, polled every 0.2 s).
#
# Before the measured upload, each server imports a warm-up file of the same meters (3 days of
# November 2025) and, with VEE on, lets the worker judge it: both runs are then measured on a warm JVM,
# as a production server is.
#
# The worker runs every 10 s (and at the end of a file import), so the wall time of (2) includes up to 10 s of scheduling granularity
# after the upload; the script therefore also sums the worker's own per-pass times from the server
# log ("VEE judged N channel days of U usage points in R ranges and B batches, M ms") and reports both.
#
#   bench/ingest/vee-cost.sh [METERS=500] [DAYS=30]      (rows = METERS x DAYS x 96)
#
# HISTORY=N (default 0) measures the steady state of daily files instead of a backfill: before the
# measured upload, each server imports N days of the same meters just before the measured days (and,
# with VEE on, judges them), so that VEE's like-day checks find four weeks of history, as they do when
# a head-end's daily file arrives. E.g. HISTORY=28 bench/ingest/vee-cost.sh 5000 1.
#
# BATCH_LOG=1 turns on VeeRunner's per-batch timing (FINE, through jboss-cli) on the VEE server and sums
# its phases over the measured pass.
#
# PROFILE=1 records the VEE server with Java Flight Recorder from the measured upload until its queue is
# empty (target/bench-vee-cost.jfr; `jfr print --events jdk.ExecutionSample` to read it).
#
# Needs: a built project in this checkout (mvn package -DskipTests: target/server, mdms-ear/target),
# PostgreSQL 15+ at 127.0.0.1:5432 (user postgres, trust), python3, curl. Uses the database
# mdms_bench_vee, port offset 250, target/bench-vee; checks free disk first and removes its files and
# database afterwards.
set -euo pipefail

meters=${1:-500}
days=${2:-30}
rows=$((meters * days * 96))
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jboss_home=$(ls -d "$root"/target/server/wildfly-*)
work=$(mktemp -d /tmp/mdms-vee-cost.XXXXXX)
base=$root/target/bench-vee
db=mdms_bench_vee
offset=250
url=http://127.0.0.1:$((8080 + offset))/mdms/api
auth=admin:bench-password
psql="psql -h 127.0.0.1 -U postgres -d $db -q -v ON_ERROR_STOP=1"

# About 330 bytes per read in the files and the database, twice (VEE's estimates and exceptions are
# small next to the reads), plus headroom.
. "$root/bench/lib.sh"
history=${HISTORY:-0}
require_free_disk $(((rows + meters * history * 96) * 330 / 1024 + 2 * 1024 * 1024))

server=""
cleanup() {
  set +e
  stop_server
  dropdb -h 127.0.0.1 -U postgres --if-exists --force $db 2>/dev/null
  rm -rf "$work" "$base"
}
trap cleanup EXIT

echo "== generating $meters meters x $days days = $rows reads"
python3 "$here/generate.py" "$meters" "$days" "$work"
# The warm-up: the same meters, 3 days in November 2025 (outside the measured days and their 28 days of
# history), with a registry that installs the meters from October 2025 — imported first in both
# settings so that the JIT has compiled the import and VEE paths before the measured upload.
mkdir -p "$work/warm"
python3 "$here/generate.py" "$meters" 3 "$work/warm" 2025-11-01
if [ "$history" -gt 0 ]; then
  # The measured days start on generate.py's default, 2026-01-01; the history ends the day before.
  mkdir -p "$work/history"
  python3 "$here/generate.py" "$meters" "$history" "$work/history" "$(date -u -d "2026-01-01 - $history days" +%F)"
fi

# CPU seconds so far as "JVM,machine": the server JVM's (utime + stime of /proc/$jvm/stat) and the whole
# machine's busy time (/proc/stat: all but idle and iowait), which includes PostgreSQL's work. Wall
# times swing 2x on a loaded machine; the CPU spent by the JVM is the steadier figure.
cpu_now() {
  local hz
  hz=$(getconf CLK_TCK)
  awk -v hz="$hz" 'NR==FNR { jvm = $14 + $15; next } /^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9 }
    END { printf "%.2f,%.2f", jvm / hz, busy / hz }' "/proc/$jvm/stat" /proc/stat
}

# One import on a fresh database and server; VEE on import as given. Appends to $work/results.
measure() {
  local vee=$1
  dropdb -h 127.0.0.1 -U postgres --if-exists --force $db
  createdb -h 127.0.0.1 -U postgres $db
  rm -rf "$base"
  echo "== starting the application with MDMS_VEE_ON_IMPORT=$vee (port offset $offset)"
  start_server "$work/server-$vee.out" MDMS_VEE_ON_IMPORT="$vee" MDMS_CMEP_ZONE=UTC
  curl -sf -u "$auth" -H 'Content-Type: text/csv' --data-binary @"$work/warm/registry.csv" \
    "$url/registry/import?source=bench-registry" > /dev/null
  echo "== warm-up: $((meters * 3 * 96)) reads of November 2025"
  curl -sf -u "$auth" -H 'Content-Type: text/csv' --data-binary @"$work/warm/reads.cmep" \
    "$url/readings/import?format=cmep&source=warm-up.cmep" > /dev/null
  if [ "$vee" = true ]; then
    until [ "$($psql -Atc "SELECT count(*) FROM vee_pending_day")" -eq 0 ]; do sleep 0.5; done
  fi
  if [ "$history" -gt 0 ]; then
    echo "== history: $((meters * history * 96)) reads of the $history days before the measured ones"
    curl -sf -u "$auth" -H 'Content-Type: text/csv' --data-binary @"$work/history/reads.cmep" \
      "$url/readings/import?format=cmep&source=history.cmep" > /dev/null
    if [ "$vee" = true ]; then
      until [ "$($psql -Atc "SELECT count(*) FROM vee_pending_day")" -eq 0 ]; do sleep 0.5; done
    fi
  fi
  # Let the warm-up settle (the worker has nothing to do any more).
  sleep 5
  local log_lines
  log_lines=$(wc -l < "$base/log/server.log")
  if [ "${BATCH_LOG:-0}" = 1 ] && [ "$vee" = true ]; then
    "$jboss_home/bin/jboss-cli.sh" --connect --controller=127.0.0.1:$((9990 + offset)) \
      --command="/subsystem=logging/logger=org.openmdms.vee.boundary.VeeRunner:add(level=FINE)" > /dev/null
  fi
  echo "== CMEP upload, VEE on import $vee"
  if [ "${PROFILE:-0}" = 1 ] && [ "$vee" = true ]; then
    jcmd "$jvm" JFR.start name=vee settings=profile > /dev/null
  fi
  local t0 t1 t2 c0 c1 c2
  t0=$(date +%s.%N); c0=$(cpu_now)
  curl -sf -u "$auth" -H 'Content-Type: text/csv' --data-binary @"$work/reads.cmep" \
    "$url/readings/import?format=cmep&source=bench.cmep" > "$work/import-$vee.json" \
    || { echo "the upload failed; see $base/log/server.log" >&2; exit 1; }
  t1=$(date +%s.%N); c1=$(cpu_now)
  echo "import: $(head -c 200 "$work/import-$vee.json")"
  t2=$t1; c2=$c1
  if [ "$vee" = true ]; then
    local queued
    while true; do
      queued=$($psql -Atc "SELECT count(*) FROM vee_pending_day")
      [ "$queued" -eq 0 ] && break
      sleep 0.2
    done
    t2=$(date +%s.%N); c2=$(cpu_now)
  fi
  if [ "${PROFILE:-0}" = 1 ] && [ "$vee" = true ]; then
    jcmd "$jvm" JFR.stop name=vee filename="$root/target/bench-vee-cost.jfr" > /dev/null
    echo "   PROFILE=1: Java Flight Recorder of the upload and VEE pass in target/bench-vee-cost.jfr"
  fi
  tail -n +"$((log_lines + 1))" "$base/log/server.log" > "$work/log-$vee.txt"
  local stored estimates exceptions=0
  stored=$($psql -Atc "SELECT count(*) FROM interval_read WHERE source <> 'E' AND interval_end > '2026-01-01'")
  estimates=$($psql -Atc "SELECT count(*) FROM interval_read WHERE source = 'E'")
  exceptions=$($psql -Atc "SELECT count(*) FROM vee_exception" 2>/dev/null || echo 0)
  echo "$vee $t0 $t1 $t2 $stored $estimates $exceptions $c0 $c1 $c2" >> "$work/results"
  stop_server
}

measure false
measure true

python3 - "$rows" "$work" <<'PY'
import datetime as dt, re, sys, time
rows, work = int(sys.argv[1]), sys.argv[2]
res, cpu = {}, {}
for line in open(f"{work}/results"):
    vee, t0, t1, t2, stored, est, exc, c0, c1, c2 = line.split()
    res[vee] = (float(t0), float(t1), float(t2), int(stored), int(est), int(exc))
    cpu[vee] = [tuple(float(x) for x in c.split(",")) for c in (c0, c1, c2)]
off_t0, off_t1, _, off_stored, _, _ = res["false"]
on_t0, on_t1, on_t2, on_stored, on_est, on_exc = res["true"]
ingest = off_t1 - off_t0
upload_on = on_t1 - on_t0
wall_on = on_t2 - on_t0
# Worker passes: "HH:MM:SS,mmm INFO ... VEE judged N channel days of U usage points in R ranges and B batches, M ms"
passes = []
pat = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}).*VEE judged (\d+) channel days of (\d+) usage points in (\d+) ranges and \d+ batches, (\d+) ms")
for line in open(f"{work}/log-true.txt"):
    m = pat.search(line)
    if m:
        end = time.mktime(dt.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S,%f").timetuple()) \
            + int(m.group(1)[-3:]) / 1000
        ms = int(m.group(5))
        passes.append((end - ms / 1000, end, int(m.group(2)), ms))
worker = sum(p[3] for p in passes) / 1000
days = sum(p[2] for p in passes)
after = sum(max(0.0, p[1] - max(p[0], on_t1)) for p in passes)       # worker time after the upload ended
last_end = max((p[1] for p in passes), default=on_t1)
idle = max(0.0, last_end - on_t1 - after)    # after the upload, queue not empty but no pass running
print(f"\nreads: {rows:,} generated; stored {off_stored:,} (VEE off), {on_stored:,} (VEE on) + {on_est:,} estimates, {on_exc:,} exceptions")
print(f"ingest, VEE on import off        : {ingest:8.1f} s  {rows / ingest:10,.0f} reads/s")
print(f"ingest, VEE on import on (upload): {upload_on:8.1f} s  {rows / upload_on:10,.0f} reads/s  (the worker ran alongside)")
print(f"with VEE, until the queue is empty: {wall_on:8.1f} s  (polled every 0.2 s; worker every 10 s and at the end of an import)")
print(f"  last worker pass ended          : {last_end - on_t0:8.1f} s after the upload started")
print(f"  idle after the upload          : {idle:8.1f} s (days queued, waiting for the next pass)")
print(f"worker passes: {len(passes)}, {days:,} channel days, {worker:.1f} s in total ({worker * 1000 / max(days, 1):.1f} ms per channel day), {after:.1f} s of it after the upload")
for p in passes:
    print(f"  pass at +{p[0] - on_t0:7.1f} s: {p[2]:6,} channel days in {p[3]:6,} ms")
print(f"ratio (with VEE wall - ingest) / ingest        : {(wall_on - ingest) / ingest:6.2f}")
print(f"ratio (with VEE wall - idle - ingest) / ingest : {(wall_on - idle - ingest) / ingest:6.2f}")
print(f"ratio worker time / ingest                     : {worker / ingest:6.2f}   (target: VEE adds <= 0.20)")
# BATCH_LOG=1: "VEE batch of N usage points, C channels: lock and load A ms, partitions B ms, reads R ms, ..."
phases = re.compile(r"VEE batch of (\d+) usage points, (\d+) channels: lock and load (\d+) ms, partitions (\d+) ms,"
                    r" reads (\d+) ms, exceptions (\d+) ms, rules (\d+) ms, estimates (\d+) ms")
batches = [tuple(int(x) for x in m.groups()) for m in map(phases.search, open(f"{work}/log-true.txt")) if m]
if batches:
    names = ["lock and load", "partitions", "reads", "exceptions", "rules", "estimates"]
    sums = [sum(b[i + 2] for b in batches) for i in range(len(names))]
    print(f"batches: {len(batches)} ({sum(b[0] for b in batches):,} usage points); summed over both lanes: "
          + ", ".join(f"{n} {v / 1000:.2f} s" for n, v in zip(names, sums)))
(off0, off1, _), (on0, on1, on2) = cpu["false"], cpu["true"]
ingest_jvm, ingest_all = off1[0] - off0[0], off1[1] - off0[1]
print(f"CPU, ingest (VEE off)      : JVM {ingest_jvm:6.1f} s, machine {ingest_all:6.1f} s")
print(f"CPU, upload with VEE on    : JVM {on1[0] - on0[0]:6.1f} s, machine {on1[1] - on0[1]:6.1f} s")
print(f"CPU, after the upload (VEE): JVM {on2[0] - on1[0]:6.1f} s, machine {on2[1] - on1[1]:6.1f} s")
print(f"ratio CPU (with VEE - ingest) / ingest, JVM    : {(on2[0] - on0[0] - ingest_jvm) / ingest_jvm:6.2f}")
print(f"ratio CPU (with VEE - ingest) / ingest, machine: {(on2[1] - on0[1] - ingest_all) / ingest_all:6.2f}")
PY
