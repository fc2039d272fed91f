#!/usr/bin/env bash
# What VEE adds to ingest (run by hand, never in CI). One server on one PostgreSQL database imports the
# same meters' CMEP files (generate.py), one period after another, in rounds: in each round one file
# with VEE on import off, then the next period's file with it on, switched between uploads with the
# system property mdms.vee.on-import (jboss-cli):
#
#   off: the upload's time is the ingest time;
#   on:  the upload's time, then the time until the VEE worker has emptied its queue (vee_pending_day,
#        polled every 10 ms in the database).
#
# Round 0 is a warm-up and is not reported (WARMUP=N: rounds 0 to N-1, default 1): it compiles the
# import and VEE paths before anything is measured, as they are on a production server that imports
# every day. For daily files one round is not enough: a method VEE calls once per usage point runs 2 000
# times a pass and takes several passes to reach C2, which then compiles it during a measured pass
# (-XX:+LogCompilation, 2026-11-29); measure them with WARMUP=8 or more (docs/performance.md). Measuring each setting on a
# freshly started server, after a smaller warm-up, as this script did until 2026-11-29, left the JIT
# compiler busy during the measured pass (JFR: hot read-parsing methods still interpreted, C2 compiling
# the import path again), and the same upload took 3.7-12 s of the JVM's CPU from run to run.
#
# Every period is DAYS days of the same meters with its own seed, so VEE's like days find different
# days; each VEE-on period has the periods before it as history (daily totals).
#
# The worker runs every 10 s and at the end of a file import; the script also sums the worker's own
# per-pass times from the server log ("VEE judged N channel days of U usage points in R ranges and B
# batches, M ms") and reports both.
#
#   bench/ingest/vee-cost.sh [METERS=500] [DAYS=30]      (reads per upload = METERS x DAYS x 96)
#
# ROUNDS=N (default 3) measured rounds after the warm-up; the figures are the medians over them. Odd
# rounds upload with VEE on first, even ones with it off first.
#
# HISTORY=N (default 0) imports N days before the first round, with VEE on, and judges them: with DAYS=1
# this measures the steady state of daily files, where VEE's like-day checks find four weeks of history.
# E.g. HISTORY=28 bench/ingest/vee-cost.sh 2000 1.
#
# BATCH_LOG=1 turns on VeeRunner's per-batch timing (FINE) and sums its phases over the measured passes,
# the lanes' per-batch time with the commit and the unqueuing, the worker's listing of the queue, and the
# import's per-chunk timing (IntervalWriter at FINE), summed per upload.
#
# The server's log of the measured rounds is kept in target/bench-vee-cost.log, the measured uploads'
# clock and CPU readings (the table's input: round, VEE on, t0, upload's end, queue's end, ...) in
# target/bench-vee-cost.results.
#
# SPLIT=1 measures each setting on a server of its own instead of switching one server between uploads:
# a first server imports WARMUP + ROUNDS periods with VEE on import off, then a second one, on the same
# database, the next WARMUP + ROUNDS periods with it on; round r puts the r-th measured upload of each
# side by side, but they are not pairs: read the ratio of the medians. A production server never
# switches the setting. (Switching was suspected of slowing the VEE-on uploads after long warm-ups; on
# servers of their own the difference stayed, and it was C2's warm-up: see WARMUP_FILES.) The VEE-on
# server finds a larger database (the VEE-off server's periods before its own): a bias against VEE,
# kept rather than hidden.
#
# WARMUP_FILES=N (default 0) first uploads N small files on each server, one day of 200 other meters
# each (from 2023-01-01 on, one chunk and four VEE batches), judged with the server's VEE setting, one
# after the other without settling the database: C2 compiles a method with loops only after 600 calls
# (HotSpot's Tier4MinInvocationThreshold), and the import's per-chunk and VEE's per-batch methods are
# called a few times per upload; after 25 warm-up rounds C2 still compiled 0.3-0.45 s of them during
# each measured VEE-on upload and pass (-XX:+LogCompilation, 2026-11-29), which a production server
# that imports every quarter hour has long done. WARMUP_FILES=600 takes ~5 minutes per server.
#
# THREADS=1 sums the server JVM's CPU per thread group (/proc/PID/task) for the VEE-off uploads, the
# VEE-on uploads and the passes after them: which threads the JVM's CPU goes to (lanes, import writers,
# GC, JIT compilers).
#
# PROFILE=1 records the server with Java Flight Recorder over the last round, a Java sample every
# millisecond, every JIT compilation and every class defined (target/bench-vee-cost.jfr; `jfr print --events jdk.ExecutionSample` to read it).
#
# ASPROF=/path/to/libasyncProfiler.so samples the server's CPU (Java and JVM threads, 1 ms) with
# async-profiler over the measured rounds, each server (SPLIT=1) or the one server on its own: stacks
# in target/bench-vee-cost-off.collapsed and -on.collapsed (SPLIT=1) or -both.collapsed, in the
# collapsed format (one stack and its sample count a line). The agent is loaded at the start, idle, and
# started by jcmd: unlike JFR, it makes the JIT recompile nothing. The library is in the jar
# tools.profiler:async-profiler:4.2:linux-x64 on Maven Central (unzip it).
#
# Needs: a built project in this checkout (mvn package -DskipTests: target/server, mdms-ear/target),
# PostgreSQL 15+ at 127.0.0.1:5432 (user postgres, trust), python3, curl. Uses the database
# mdms_bench_vee, port offset 250, target/bench-vee; checks free disk first and removes its files and
# database afterwards.
set -euo pipefail

meters=${1:-500}
days=${2:-30}
rounds=${ROUNDS:-3}
warmup=${WARMUP:-1}
history=${HISTORY:-0}
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
cli="$jboss_home/bin/jboss-cli.sh --connect --controller=127.0.0.1:$((9990 + offset))"
psql="psql -h 127.0.0.1 -U postgres -d $db -q -v ON_ERROR_STOP=1"
uploads=$((2 * (rounds + warmup)))
# A production server's heap (docs/operations.md: 2-4 GB; WildFly's own default is 512 MB, where G1's
# concurrent marking took ~0.35 s of CPU a daily upload and the JVM twice the CPU, 2026-11-29).
export HEAP=${HEAP:-2g}
split=${SPLIT:-0}
asprof=${ASPROF:-}
[ -z "$asprof" ] || export SERVER_JVM_OPTS="${SERVER_JVM_OPTS:-} -agentpath:$asprof"
warm_files=${WARMUP_FILES:-0}
warm_meters=200

# About 330 bytes per read in the files and the database, plus headroom.
. "$root/bench/lib.sh"
require_free_disk $(((rows * uploads + meters * history * 96 + warm_meters * 96 * warm_files * (1 + split)) * 330 / 1024 \
  + 2 * 1024 * 1024))

server=""
cleanup() {
  set +e
  stop_server
  dropdb -h 127.0.0.1 -U postgres --if-exists --force $db 2>/dev/null
  rm -rf "$work" "$base"
}
trap cleanup EXIT

# The periods: the history (if any), then one period of DAYS days per upload, from 2026-01-01 on.
first=$(date -u -d "2026-01-01 - $history days" +%F)
export NO_FLOOR=1  # generate.py: no floor.tsv (run.sh's COPY floor), which this script does not use
echo "== generating $uploads uploads of $meters meters x $days days = $rows reads each, from $first"
if [ "$history" -gt 0 ]; then
  python3 "$here/generate.py" "$meters" "$history" "$work/history" "$first" 1999
fi
for k in $(seq 0 $((uploads - 1))); do
  python3 "$here/generate.py" "$meters" "$days" "$work/p$k" "$(date -u -d "2026-01-01 + $((k * days)) days" +%F)" \
    $((2013 + k)) &
done
if [ "$warm_files" -gt 0 ]; then
  # one file per day (SPLIT=1: each server its own days)
  python3 "$here/generate.py" $warm_meters $((warm_files * (1 + split))) "$work/warm" 2023-01-01 1998 W
  python3 - "$work/warm" <<'PY'
import collections, sys
folder = sys.argv[1]
days = collections.defaultdict(list)
for line in open(f"{folder}/reads.cmep"):
    days[line.split(",", 7)[6][:8]].append(line)
for i, day in enumerate(sorted(days)):
    with open(f"{folder}/{i}.cmep", "w") as f:
        f.writelines(days[day])
PY
fi
wait
rm -f "$work/warm/reads.cmep"
# WARMUP_FILES: the small files FIRST to FIRST + WARMUP_FILES - 1 with VEE on import as given, each
# judged before the next, not settled between.
warm_up() {
  local first=$1 vee=$2 k
  [ "$warm_files" -gt 0 ] || return 0
  echo "== warming up: $warm_files files of $warm_meters meters x 1 day, VEE on import $vee"
  vee_on_import "$vee"
  for k in $(seq "$first" $((first + warm_files - 1))); do
    upload "$work/warm/$k.cmep" "warm$k.cmep"
    [ "$vee" = false ] || queue_empty
  done
  settle
}
# The registry of the earliest period installs the meters 30 days before it.
registry=$work/p0/registry.csv
[ "$history" -gt 0 ] && registry=$work/history/registry.csv

# CPU seconds so far as "JVM,machine": the server JVM's (utime + stime of /proc/$jvm/stat) and the whole
# machine's busy time (/proc/stat: all but idle and iowait), which includes PostgreSQL's work.
cpu_now() {
  local hz
  hz=$(getconf CLK_TCK)
  awk -v hz="$hz" 'NR==FNR { jvm = $14 + $15; next } /^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9 }
    END { printf "%.2f,%.2f", jvm / hz, busy / hz }' "/proc/$jvm/stat" /proc/stat
}

# THREADS=1: the server's CPU seconds per thread, "name utime+stime" per line (name's digits kept; the
# summary groups them), appended to $work/threads-$1.
thread_cpu() {
  [ "${THREADS:-0}" = 1 ] || return 0
  local hz
  hz=$(getconf CLK_TCK)
  # one awk over all the threads (no process per thread: this runs while the pass does); the name is in
  # parentheses and may hold spaces, utime and stime are the 12th and 13th fields after it
  awk -v hz="$hz" '{ o = index($0, "("); c = 0; for (i = length($0); i > 0; i--) if (substr($0, i, 1) == ")") { c = i; break }
    split(substr($0, c + 2), a, " "); printf "%s|%.3f\n", substr($0, o + 1, c - o - 1), (a[12] + a[13]) / hz }' \
    /proc/"$jvm"/task/*/stat 2>/dev/null > "$work/threads-$1" || true  # a thread that ended meanwhile: awk exits 2
}

# Sets the system property, adding it where the server's configuration does not have it yet (run.sh
# starts every server from the packaged configuration, so SPLIT=1's second server adds it again).
vee_on_import() {
  $cli --command="/system-property=mdms.vee.on-import:write-attribute(name=value,value=$1)" > /dev/null 2>&1 \
    || $cli --command="/system-property=mdms.vee.on-import:add(value=$1)" > /dev/null
}

upload() {
  curl -sf -u "$auth" -H 'Content-Type: text/csv' --data-binary @"$1" \
    "$url/readings/import?format=cmep&source=$2" > "$work/import-$2.json" \
    || { echo "the upload of $1 failed; see $base/log/server.log" >&2; exit 1; }
}

# Waits in the database, polling every 10 ms with one connection (each statement of the loop sees what
# has committed by then). Until 2026-11-29 psql ran every 0.2 s: a daily file's pass is ~0.4 s, and the
# poll's granularity and psql's start added ~0.1 s, a tenth of the upload, to every VEE-on figure.
queue_empty() {
  $psql -c "DO \$\$ BEGIN WHILE EXISTS (SELECT 1 FROM vee_pending_day) LOOP PERFORM pg_sleep(0.01); END LOOP; END \$\$"
}

# One measured upload of period K with VEE on import as given; appends to $work/results:
# round, vee, t0, t1 (upload ended), t2 (queue empty), JVM and machine CPU at each, GC seconds before and after.
measure() {
  local round=$1 k=$2 vee=$3 t0 t1 t2 c0 c1 c2 g0 g1
  vee_on_import "$vee"
  echo "== round $round: period $k ($meters meters x $days days from $(date -u -d "2026-01-01 + $((k * days)) days" +%F)), VEE on import $vee"
  g0=$(gc_seconds); thread_cpu "$k-0"; t0=$(date +%s.%N); c0=$(cpu_now)
  upload "$work/p$k/reads.cmep" "p$k.cmep"
  t1=$(date +%s.%N); c1=$(cpu_now)
  t2=$t1; c2=$c1
  if [ "$vee" = true ]; then
    thread_cpu "$k-1"
    queue_empty
    t2=$(date +%s.%N); c2=$(cpu_now)
  fi
  thread_cpu "$k-2"
  # GC seconds only once the clock has stopped: jstat is a JVM of its own. Until 2026-11-29 it also ran
  # between the upload and the queue's end, while the worker's pass ran, and took ~0.3 s of the two
  # cores from it — counted in the VEE-on wall time and machine CPU, not in the VEE-off ones.
  g1=$(gc_seconds)
  echo "   $(head -c 160 "$work/import-p$k.cmep.json")"
  echo "$round $vee $t0 $t1 $t2 $c0 $c1 $c2 $g0 $g1" >> "$work/results"
  settle
}

# Between measurements, not measured: the database's own after-work of an upload — autovacuum of the
# partitions just filled, a checkpoint of their WAL — done now, so that it does not land in the next
# measurement (it fell, more often than not, on the VEE-on upload that follows a VEE-off one).
settle() {
  $psql -c "VACUUM (ANALYZE)" -c "CHECKPOINT"
  sleep 2
}

dropdb -h 127.0.0.1 -U postgres --if-exists --force $db
createdb -h 127.0.0.1 -U postgres $db
rm -rf "$base"
echo "== starting the application (port offset $offset)"
start_server "$work/server.out" MDMS_CMEP_ZONE=UTC
vee_on_import true
curl -sf -u "$auth" -H 'Content-Type: text/csv' --data-binary @"$registry" \
  "$url/registry/import?source=bench-registry" > /dev/null
if [ "$warm_files" -gt 0 ]; then
  curl -sf -u "$auth" -H 'Content-Type: text/csv' --data-binary @"$work/warm/registry.csv" \
    "$url/registry/import?source=bench-warm-registry" > /dev/null
fi
if [ "$history" -gt 0 ]; then
  echo "== history: $((meters * history * 96)) reads of the $history days before the rounds, judged"
  upload "$work/history/reads.cmep" history.cmep
  queue_empty
  settle
fi
# BATCH_LOG=1: the timing loggers at FINE (run.sh starts every server from the packaged configuration,
# so SPLIT=1's second server needs them again).
batch_log() {
  [ "${BATCH_LOG:-0}" = 1 ] || return 0
  local logger
  for logger in org.openmdms.vee.boundary.VeeRunner org.openmdms.reading.boundary.IntervalWriter \
      org.openmdms.vee.boundary.VeeLane org.openmdms.vee.boundary.VeeWorker; do
    $cli --command="/subsystem=logging/logger=$logger:add(level=FINE)" > /dev/null
  done
}
batch_log
# The warm-up's periods, which the thread summary leaves out.
: > "$work/warm-periods"
# Round ROUND's uploads: period K with VEE on import as given, or (SPLIT=0) periods 2 ROUND and
# 2 ROUND + 1 with both settings.
run_round() {
  local round=$1 k=$2 vee=${3:-}
  if [ "$round" -lt "$warmup" ]; then
    if [ -n "$vee" ]; then echo "$k" >> "$work/warm-periods"; else echo "$k $((k + 1))" | tr ' ' '\n' >> "$work/warm-periods"; fi
  fi
  if [ "$round" = "$warmup" ]; then
    log_lines=$(wc -l < "$base/log/server.log")
    profiler start,event=cpu,interval=1ms
  fi
  if [ "$round" = "$last_round" ] && [ "${PROFILE:-0}" = 1 ] && { [ -z "$vee" ] || [ "$vee" = true ]; }; then
    # JFR's profile settings, but a Java sample every millisecond (10 ms gave ~250 samples of a pass)
    jfc=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc
    # and every compilation (not only those over 100 ms) and every class defined: what the JIT compiles in a pass
    sed -e 's|control="method-sampling-java-interval">10 ms<|control="method-sampling-java-interval">1 ms<|' \
      -e 's|control="compiler-compilation-threshold">100 ms<|control="compiler-compilation-threshold">0 ms<|' \
      -e 's|<setting name="enabled" control="class-loading">false<|<setting name="enabled" control="class-loading">true<|' "$jfc" \
      > "$work/profile.jfc"
    jcmd "$jvm" JFR.start name=vee settings="$work/profile.jfc" > /dev/null
  fi
  if [ -n "$vee" ]; then
    measure "$round" "$k" "$vee"
  # Odd rounds upload with VEE on first, even ones with it off first: what the order does (the database
  # and the JIT after the other setting's upload) falls on both settings alike.
  elif [ $((round % 2)) = 1 ]; then
    measure "$round" "$k" true
    measure "$round" $((k + 1)) false
  else
    measure "$round" "$k" false
    measure "$round" $((k + 1)) true
  fi
}
# ASPROF: a command to the profiler agent (jcmd takes its options quoted, as one argument).
profiler() {
  [ -n "$asprof" ] || return 0
  jcmd "$jvm" JVMTI.agent_load "$asprof" "\"$1\"" > /dev/null
}
# The measured rounds' part of the server log, appended to $work/log.txt (before the server stops).
keep_log() {
  tail -n +"$((log_lines + 1))" "$base/log/server.log" >> "$work/log.txt"
}
log_lines=0
last_round=$((warmup + rounds - 1))
if [ "$split" = 1 ]; then
  warm_up 0 false
  for round in $(seq 0 "$last_round"); do run_round "$round" "$round" false; done
  profiler "stop,collapsed,file=$root/target/bench-vee-cost-off.collapsed"
  keep_log
  stop_server
  echo "== restarting the application, with VEE on import on"
  start_server "$work/server-vee.out" MDMS_CMEP_ZONE=UTC
  batch_log
  warm_up "$warm_files" true
  for round in $(seq 0 "$last_round"); do run_round "$round" $((warmup + rounds + round)) true; done
else
  warm_up 0 true
  for round in $(seq 0 "$last_round"); do run_round "$round" $((2 * round)); done
fi
if [ "${PROFILE:-0}" = 1 ]; then
  jcmd "$jvm" JFR.stop name=vee filename="$root/target/bench-vee-cost.jfr" > /dev/null
  echo "   PROFILE=1: Java Flight Recorder of the last round in target/bench-vee-cost.jfr"
fi
if [ "$split" = 1 ]; then
  profiler "stop,collapsed,file=$root/target/bench-vee-cost-on.collapsed"
else
  profiler "stop,collapsed,file=$root/target/bench-vee-cost-both.collapsed"
fi
keep_log
cp "$work/log.txt" "$root/target/bench-vee-cost.log"
cp "$work/results" "$root/target/bench-vee-cost.results"
stored=$($psql -Atc "SELECT count(*) FROM interval_read WHERE source <> 'E'")
estimates=$($psql -Atc "SELECT count(*) FROM interval_read WHERE source = 'E'")
exceptions=$($psql -Atc "SELECT count(*) FROM vee_exception")
echo "stored: $stored reads, $estimates estimates, $exceptions exceptions (all rounds)"
stop_server

python3 - "$rows" "$work" "$warmup" "$split" <<'PY'
import datetime as dt, re, statistics, sys
rows, work, warmup, split = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
res = {}
for line in open(f"{work}/results"):
    rnd, vee, t0, t1, t2, c0, c1, c2, g0, g1 = line.split()
    cpu = [tuple(float(x) for x in c.split(",")) for c in (c0, c1, c2)]
    res[(int(rnd), vee)] = (float(t0), float(t1), float(t2), cpu, (float(g0), float(g1)))
# Worker passes: "YYYY-MM-DD HH:MM:SS,mmm INFO ... VEE judged N channel days ... M ms", by the round they ended in.
pat = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}).*VEE judged (\d+) channel days of (\d+) usage points"
                 r" in (\d+) ranges and (\d+) batches, (\d+) ms")
phases = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}).*VEE batch of (\d+) usage points, (\d+) channels:"
                    r" lock and load (\d+) ms, partitions (\d+) ms, reads (\d+) ms, exceptions (\d+) ms, rules (\d+) ms,"
                    r" estimates (\d+) ms(?:; (\d+) channels' reads at hand)?")
def when(stamp):
    return dt.datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S,%f").replace(tzinfo=dt.timezone.utc).timestamp()
passes, batches = [], []
for line in open(f"{work}/log.txt"):
    m = pat.search(line)
    if m:
        passes.append((when(m.group(1)), int(m.group(2)), int(m.group(6))))
    m = phases.search(line)
    if m:
        batches.append((when(m.group(1)),) + tuple(int(x or 0) for x in m.groups()[1:]))
rounds = sorted({r for r, _ in res if r >= warmup})
table = []
print(f"\n{rows:,} reads per upload; rounds after the warm-up: {len(rounds)}")
print("round | ingest (VEE off) | upload, VEE on | until judged | worker passes | (judged - ingest) / ingest"
      " | worker / ingest | JVM CPU: ingest, upload VEE on, VEE on total | CPU ratio JVM | CPU ratio machine | GC: ingest, VEE on (upload and pass)")
for r in rounds:
    off0, off1, _, offc, offg = res[(r, "false")]
    on0, on1, on2, onc, ong = res[(r, "true")]
    ingest = off1 - off0
    worker = sum(ms for end, _, ms in passes if on0 <= end <= on2 + 1) / 1000
    judged_days = sum(n for end, n, _ in passes if on0 <= end <= on2 + 1)
    ingest_cpu = [offc[1][i] - offc[0][i] for i in (0, 1)]
    on_cpu = [onc[2][i] - onc[0][i] for i in (0, 1)]
    row = dict(ingest=ingest, upload=on1 - on0, judged=on2 - on0, worker=worker, days=judged_days,
               wall=(on2 - on0 - ingest) / ingest, wr=worker / ingest,
               jvm=(on_cpu[0] - ingest_cpu[0]) / ingest_cpu[0], machine=(on_cpu[1] - ingest_cpu[1]) / ingest_cpu[1])
    table.append(row)
    print(f"{r} | {ingest:.2f} s | {row['upload']:.2f} s | {row['judged']:.2f} s | {judged_days:,} channel days in {worker:.2f} s"
          f" | {row['wall']:.2f} | {row['wr']:.2f} | {ingest_cpu[0]:.2f} s, {onc[1][0] - onc[0][0]:.2f} s, {on_cpu[0]:.2f} s | {row['jvm']:.2f} | {row['machine']:.2f}"
          f" | {offg[1] - offg[0]:.2f} s, {ong[1] - ong[0]:.2f} s")
med = lambda k: statistics.median(t[k] for t in table)
print(f"median: ingest {med('ingest'):.2f} s, until judged {med('judged'):.2f} s, worker {med('worker'):.2f} s")
print(f"median ratio (until judged - ingest) / ingest : {med('wall'):.2f}   (target: VEE adds <= 0.20)")
# SPLIT=1 pairs uploads of two servers by their order only, so the ratio of the medians is the figure
print(f"ratio of the medians (until judged / ingest) - 1: {med('judged') / med('ingest') - 1:.2f}"
      + ("   (SPLIT=1: the figure to read; rounds are not pairs)" if split else ""))
print(f"median ratio worker time / ingest             : {med('wr'):.2f}")
print(f"median ratio CPU, JVM / machine               : {med('jvm'):.2f} / {med('machine'):.2f}")
# "import N chunk of C: mapped in M ms, stored in S ms", summed per import (upload)
chunk = re.compile(r"import (\d+) chunk of \d+: mapped in (\d+) ms, stored in (\d+) ms")
chunks = {}
for line in open(f"{work}/log.txt"):
    m = chunk.search(line)
    if m:
        c = chunks.setdefault(int(m.group(1)), [0, 0, 0])
        c[0] += 1
        c[1] += int(m.group(2))
        c[2] += int(m.group(3))
if chunks:
    print("chunks per upload (import id: chunks, mapped ms, stored ms, summed over the writers): "
          + "; ".join(f"{i}: {c[0]}, {c[1]}, {c[2]}" for i, c in sorted(chunks.items())))
# "VEE lane: a batch of N ranges judged, its D days unqueued and committed in X ms";
# "VEE pass: N queued days listed in X ms"
lane = re.compile(r"VEE lane: a batch of \d+ ranges judged, its \d+ days unqueued and committed in (\d+) ms")
listed = re.compile(r"VEE pass: \d+ queued days listed in (\d+) ms")
judged_ms, listed_ms = 0, 0
for line in open(f"{work}/log.txt"):
    m = lane.search(line)
    if m:
        judged_ms += int(m.group(1))
    m = listed.search(line)
    if m:
        listed_ms += int(m.group(1))
# THREADS=1: the JVM's CPU by thread group (digits in names made N), summed over the measured rounds
import glob, os
def snapshot(path):
    cpu = {}
    for line in open(path):
        name, sec = line.rstrip("\n").rsplit("|", 1)
        cpu[name] = cpu.get(name, 0.0) + float(sec)
    return cpu
def groups(before, after):
    out = {}
    for name, sec in after.items():
        key = re.sub(r"\d+", "N", name)
        out[key] = out.get(key, 0.0) + sec - before.get(name, 0.0)
    return out
warm = set(open(f"{work}/warm-periods").read().split())
if glob.glob(f"{work}/threads-*-0"):
    phases = {"ingest (VEE off)": {}, "upload, VEE on": {}, "pass (VEE on)": {}}
    for first in sorted(glob.glob(f"{work}/threads-*-0"), key=lambda f: int(os.path.basename(f).split("-")[1])):
        k = int(os.path.basename(first).split("-")[1])
        if str(k) in warm:
            continue  # the warm-up rounds
        snap = [snapshot(f"{work}/threads-{k}-{i}") if os.path.exists(f"{work}/threads-{k}-{i}") else None for i in range(3)]
        parts = [("upload, VEE on", snap[0], snap[1]), ("pass (VEE on)", snap[1], snap[2])] if snap[1] else [("ingest (VEE off)", snap[0], snap[2])]
        for phase, a, b in parts:
            used = groups(a, b)
            for key, sec in used.items():
                phases[phase][key] = phases[phase].get(key, 0.0) + sec
            if phase == "pass (VEE on)":
                top = sorted(used.items(), key=lambda kv: -kv[1])[:3]
                print(f"JVM CPU by thread, the pass after upload {k}: " + ", ".join(f"{n} {v:.2f}" for n, v in top))
    for phase, cpu in phases.items():
        top = sorted(cpu.items(), key=lambda kv: -kv[1])[:8]
        print(f"JVM CPU by thread, {phase}, summed over rounds: {sum(cpu.values()):.2f} s: "
              + ", ".join(f"{k} {v:.2f}" for k, v in top if v >= 0.01))
if judged_ms:
    print(f"worker, summed over lanes and rounds: listing the queue {listed_ms / 1000:.2f} s (passes), batches judged,"
          f" unqueued and committed {judged_ms / 1000:.2f} s")
if batches:
    names = ["lock and load", "partitions", "reads", "exceptions", "rules", "estimates"]
    sums = [sum(b[i + 3] for b in batches) for i in range(len(names))]
    print(f"batches of the measured rounds: {len(batches)} ({sum(b[1] for b in batches):,} usage points); summed over"
          " lanes and rounds: " + ", ".join(f"{n} {v / 1000:.2f} s" for n, v in zip(names, sums))
          + f"; channels judged from reads at hand: {sum(b[9] for b in batches):,} of {sum(b[2] for b in batches):,}")
PY
