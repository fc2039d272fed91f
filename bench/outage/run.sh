#!/usr/bin/env bash
# Outage detection benchmark (issue 7; run by hand, never in CI): the feeder last-gasp question with
# >= 50 M interval reads and >= 1.2 M meter events stored, then with both doubled; and a storm of
# 100 000 last gasps sent through REST, timed until its outages are OPEN.
#
#   bench/outage/run.sh [READS_M=50]        (about 25 minutes and 25 GB of disk at the default)
#
# Environment: UPS (usage points, default 120000: 120 feeders x 50 transformers x 20), STORM (last
# gasps of the storm, default 100000: the first STORM usage points, i.e. whole feeders), EVENTS
# (historical events per phase, default READS_M x 24 000: 1.2 M at 50), RECENT (last gasps of the
# whole fleet in the last 15 minutes, default 10 000 in phase 1, twice as many in phase 2), SAMPLES (feeders timed, 300),
# SENDERS (concurrent REST senders, 4), BATCH (events per request, 1000); QUERY=0 skips steps 2-4
# (the storm alone, on an empty meter_event); STORMS (which of the storms of step 6, default "a b c";
# "b" needs "a"); REGISTRY_CACHE=1 (keep the registry of step 1 in target/ and restore it next time);
# HEAP (the server's heap, e.g. 2g; bench/lib.sh); PROFILE=1 (a Java Flight Recorder file of the server during storm (a), target/bench-outage-storm-a.jfr);
# WARMUP (last gasps and restores on the quiet feeders before storm (a), default 10000; 0 for none).
#
#   1. The packaged application is started on a fresh database mdms_bench_outage (PostgreSQL, port
#      offset 450, base dir target/bench-outage, no demo data, VEE on import off) and the registry
#      imported through POST /api/registry/import: UPS electric usage points with feeder,
#      transformer, coordinates, a meter and one KWH:15:DELIVERED channel each.
#   2. Phase 1, server-side (INSERT ... SELECT generate_series, as bench/billing): READS_M million
#      quarter-hour reads into the application's monthly partitions (October 2026 backwards), EVENTS
#      historical meter events of the installed meters (35 % last gasps, 35 % power restores, the rest
#      tamper, reverse energy, clock adjusted, time reset, low battery) spread over the 180 days before
#      yesterday, and RECENT last gasps of random usage points in the last 14 minutes (a storm
#      elsewhere on the grid); VACUUM (ANALYZE).
#   3. The question "which meters of feeder X sent a last gasp in the last 15 minutes" for SAMPLES
#      random feeders: the exact SQL of OutageStore.lastGasps, PREPAREd (as the JDBC driver's
#      server-side statements), JIT off, median / p95 / max and one EXPLAIN (ANALYZE, BUFFERS); the same
#      with V7's index ix_meter_event_type_time put back for comparison (then dropped again); and
#      through REST (GET /api/feeders/{f}/last-gasps?minutes=15, one kept-alive connection).
#   4. Phase 2: as many reads and historical events again (the volume doubled) and 2 x RECENT recent
#      last gasps, VACUUM (ANALYZE), the same measurements.
#   5. Floor: \copy of the storm's STORM events (meter id, instant, type) into a plain table.
#   6. Storm (a), a head-end's backlog: STORM last gasps of the first STORM usage points (whole
#      feeders), occurred_at spread over the minute that ended two minutes before sending, so every
#      one has already waited the momentary time (policy default 60 s, left as it is): detection opens
#      the outages in the steps that read the events. Sent shuffled in requests of BATCH events by
#      SENDERS threads; psql polls every 0.2 s until the expected outages (one per feeder and one per
#      transformer hit) are OPEN and the queue is empty. Also the detector's own time, from its log
#      lines ("Outage detection: ... in N ms (...)").
#      Storm (b): their power restores, until no outage is active.
#      Storm (c), live: the same last gasps again with occurred_at = the moment of sending, default
#      policy: the outages open once the momentary time has passed; reported from the first event
#      sent and from the moment the last gasps had waited the momentary time.
#   7. Prints the figures; stops the server and drops the database.
#
# Needs: a packaged checkout (mvn package -DskipTests: target/server, mdms-ear/target), PostgreSQL
# 15+ at 127.0.0.1:5432 (user postgres, trust) on this machine, psql, python3, curl. Checks free disk
# first (bench/lib.sh) and removes its files and database afterwards.
set -euo pipefail

reads_m=${1:-50}
ups=${UPS:-120000}
storm=${STORM:-100000}
events=${EVENTS:-$((reads_m * 24000))}
recent=${RECENT:-10000}
samples=${SAMPLES:-300}
senders=${SENDERS:-4}
batch=${BATCH:-1000}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jboss_home=$(ls -d "$root"/target/server/wildfly-*)
work=$(mktemp -d /tmp/mdms-bench-outage.XXXXXX)
base=$root/target/bench-outage
db=mdms_bench_outage
offset=450
url=http://127.0.0.1:$((8080 + offset))/mdms/api
auth=admin:bench-password
export PGTZ=UTC
pg="-h 127.0.0.1 -U postgres"
psql="psql $pg -d $db -X -q -v ON_ERROR_STOP=1"
per_channel=$(( (reads_m * 1000000 + ups - 1) / ups ))   # quarter-hours per channel and phase
transformers_per_feeder=50
per_transformer=20
feeders=$(( (ups + transformers_per_feeder * per_transformer - 1) / (transformers_per_feeder * per_transformer) ))
[ "$storm" -le "$ups" ] || { echo "STORM ($storm) must not exceed UPS ($ups)" >&2; exit 1; }

# About 110 bytes per read with its key, twice; events ~200 bytes with their indexes; WAL and 4 GB headroom.
. "$root/bench/lib.sh"
require_free_disk $(( (2 * reads_m * 1000000 * 110 + 2 * events * 200) / 1024 + 4 * 1024 * 1024 ))

server=""
cleanup() {
  set +e
  [ -f "$base/log/server.log" ] && cp "$base/log/server.log" "$work/../mdms-bench-outage-server.log" 2>/dev/null
  stop_server
  dropdb $pg --if-exists --force $db 2>/dev/null
  rm -rf "$work" "$base"
}
trap cleanup EXIT
trap "exit 143" INT TERM

now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$2"; }

echo "== $(date -u +%FT%TZ) $(nproc) cores, $(free -g | awk '/Mem/ {print $2 " GB RAM"}'), uptime:$(uptime | sed 's/.*load/ load/')"
echo "== $(java -version 2>&1 | head -1); $(psql $pg -Atc 'SELECT version()' | cut -d' ' -f1-2), shared_buffers $(psql $pg -Atc 'SHOW shared_buffers'), work_mem $(psql $pg -Atc 'SHOW work_mem')"
echo "== $ups usage points ($feeders feeders x $transformers_per_feeder transformers x $per_transformer), $per_channel quarter-hours per channel and phase (~$((ups * per_channel)) reads), $events historical events and $recent recent last gasps per phase; storm $storm; checkout $(git -C "$root" rev-parse --short HEAD), EAR of $(date -u -r "$root/mdms-ear/target/mdms.ear" +%FT%TZ)"

dropdb $pg --if-exists --force $db 2>/dev/null
createdb $pg $db
rm -rf "$base"
# The registry import takes minutes (467 s for 120 000 usage points): REGISTRY_CACHE=1 keeps a dump of
# the database right after it, and a later run with the same UPS restores that before the server starts
# (Flyway then applies any newer migration) instead of importing again.
registry_dump=$root/target/bench-outage-registry-$ups.dump
restored=0
if [ "${REGISTRY_CACHE:-0}" = 1 ] && [ -f "$registry_dump" ]; then
  echo "== registry: restoring $registry_dump (REGISTRY_CACHE=1)"
  pg_restore $pg -d $db --no-owner "$registry_dump"
  restored=1
fi
echo "== starting the application (port offset $offset, $base)"
start_server "$work/server.out" MDMS_VEE_ON_IMPORT=false
echo "   schema at $($psql -Atc "SELECT max(version::int) FROM flyway_schema_history WHERE success") ; ix_meter_event_type_time: $($psql -Atc "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_meter_event_type_time'") (V18 dropped it)"

if [ "$restored" = 0 ]; then
echo "== registry: $ups usage points with feeder, transformer and coordinates, a meter and a KWH:15:DELIVERED channel each"
python3 - "$ups" "$work/registry" <<'PY'
import sys
ups, out = int(sys.argv[1]), sys.argv[2]
head = ("usage_point_id,commodity,customer_class,time_zone,account_id,premise_address,feeder,transformer,latitude,"
        "longitude,service_capacity_kw,meter_serial,meter_manufacturer,meter_model,meter_multiplier,installed_from,channels")
part = None
for m in range(ups):
    if m % 20000 == 0:
        part = open(f"{out}-{m // 20000:03d}.csv", "w")
        print(head, file=part)
    f, t = m // 1000, (m // 20) % 50            # 1 000 usage points a feeder, 20 a transformer
    lat = 51.0 + (f % 12) * 0.05 + (t % 10) * 0.004 + (m % 20) * 0.0001
    lon = -1.0 + (f // 12) * 0.08 + (t // 10) * 0.01 + (m % 7) * 0.0002
    kind = "COMMERCIAL" if m % 10 == 0 else "RESIDENTIAL"
    print(f"BUP{m:07d},E,{kind},Europe/London,ACC{m:07d},,F{f:03d},F{f:03d}-T{t:02d},{lat:.6f},{lon:.6f},,"
          f"BM{m:07d},Landis+Gyr,E470,,2026-01-01,KWH:15:DELIVERED", file=part)
PY
t0=$(now)
for f in "$work"/registry-*.csv; do
  curl -sSf -u "$auth" -H 'Content-Type: text/csv' --data-binary @"$f" \
    "$url/registry/import?source=bench-registry" > "$work/registry.json"
  python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); sys.exit(0 if r["rejected"] == 0 else json.dumps(r)[:400])' "$work/registry.json"
done
t1=$(now)
echo "   $($psql -Atc "SELECT count(*) FROM usage_point") usage points, $($psql -Atc "SELECT count(*) FROM channel") channels, $($psql -Atc "SELECT count(DISTINCT feeder) FROM usage_point") feeders in $(elapsed "$t0" "$t1") s"
$psql -c "CREATE TABLE bench_installed AS SELECT row_number() OVER (ORDER BY up.code) AS n, i.meter_id, i.usage_point_id, m.serial_number
          FROM meter_installation i JOIN usage_point up ON up.id = i.usage_point_id JOIN meter m ON m.id = i.meter_id
          WHERE i.installed_to IS NULL" \
      -c "CREATE UNIQUE INDEX ON bench_installed (n)" -c "ANALYZE bench_installed"
  if [ "${REGISTRY_CACHE:-0}" = 1 ]; then
    pg_dump $pg -Fc -f "$registry_dump" $db
    echo "   registry kept in $registry_dump for later runs (REGISTRY_CACHE=1)"
  fi
fi

# Partitions as PostgresPartitions makes them, for both phases' reads.
first_end=$($psql -Atc "SELECT timestamptz '2026-11-01 00:00:00+00' - interval '15 minutes' * (2 * $per_channel)")
$psql <<SQL
DO \$\$ DECLARE m date := date_trunc('month', timestamptz '$first_end' - interval '1 day'); BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('interval_read partitions'));
  WHILE m < date '2026-11-02' LOOP
    EXECUTE format('CREATE TABLE IF NOT EXISTS interval_read_%s PARTITION OF interval_read FOR VALUES FROM (%L) TO (%L)',
      to_char(m, '"y"YYYY"m"MM'), m::text || ' 00:00:00+00', (m + interval '1 month')::date::text || ' 00:00:00+00');
    EXECUTE format('CREATE TABLE IF NOT EXISTS interval_read_history_%s PARTITION OF interval_read_history FOR VALUES FROM (%L) TO (%L)',
      to_char(m, '"y"YYYY"m"MM'), m::text || ' 00:00:00+00', (m + interval '1 month')::date::text || ' 00:00:00+00');
    m := m + interval '1 month';
  END LOOP; END \$\$;
SQL

# Loads one phase server-side: reads (phase 1 the per_channel quarter-hours before 2026-11-01, phase 2
# the ones before those), historical events and the recent last gasps of the fleet.
load_phase() {
  local phase=$1 t0 t1 t2 t3 slices=10 last
  local end_off=$(( (phase - 1) * per_channel ))
  t0=$(now)
  last=$($psql -Atc "SELECT max(id) FROM channel")
  local firstc=$($psql -Atc "SELECT min(id) FROM channel")
  local step=$(( (last - firstc + slices) / slices ))
  for s in $(seq 0 $((slices - 1))); do
    $psql <<SQL
SET synchronous_commit = off;
SET jit = off;
INSERT INTO interval_read (channel_id, interval_end, read_value, quality, source, version, received_at, import_id)
SELECT c.id, timestamptz '2026-11-01 00:00:00+00' - interval '15 minutes' * ($end_off + q),
       round((0.05 + 0.4 * random())::numeric, 3), 0, 'A', 1, now(), NULL
FROM channel c CROSS JOIN generate_series(1, $per_channel) q
WHERE c.id >= $firstc + $s * $step AND c.id < $firstc + ($s + 1) * $step
ORDER BY c.id, 2;
SQL
  done
  t1=$(now)
  $psql <<SQL
SET synchronous_commit = off;
SET jit = off;
INSERT INTO meter_event (meter_id, occurred_at, event_type, usage_point_id, detail, received_at, import_id)
SELECT b.meter_id, e.at, e.type, b.usage_point_id, NULL, e.at + interval '3 minutes', NULL
FROM (SELECT 1 + (hashint8(g * 2 + $phase) & 2147483647) % $ups AS n,
             date_trunc('second', now() - interval '1 day' - random() * interval '180 days') AS at,
             (ARRAY['LAST_GASP','LAST_GASP','LAST_GASP','LAST_GASP','LAST_GASP','LAST_GASP','LAST_GASP',
                    'POWER_RESTORE','POWER_RESTORE','POWER_RESTORE','POWER_RESTORE','POWER_RESTORE','POWER_RESTORE','POWER_RESTORE',
                    'TAMPER','REVERSE_ENERGY','CLOCK_ADJUSTED','CLOCK_ADJUSTED','TIME_RESET','LOW_BATTERY'])[1 + (g % 20)] AS type
      FROM generate_series(1, $events) g) e
JOIN bench_installed b ON b.n = e.n
ON CONFLICT DO NOTHING;
SQL
  t2=$(now)
  recent_gasps "$phase"
  $psql -c 'VACUUM (ANALYZE) interval_read' -c 'VACUUM (ANALYZE) meter_event' -c 'VACUUM (ANALYZE) usage_point'
  t3=$(now)
  echo "   phase $phase: reads $(elapsed "$t0" "$t1") s, events $(elapsed "$t1" "$t2") s, VACUUM (ANALYZE) $(elapsed "$t2" "$t3") s"
}

# The fleet's last gasps of the last 14 minutes: PHASE x RECENT random usage points (new ones each
# phase; the earlier phase's have aged out of the 15 minutes by then), so that the storm elsewhere on
# the grid doubles with the stored volume. Not queued: detection is not measured here.
recent_gasps() {
  local n=$((recent * $1))
  $psql <<SQL
INSERT INTO meter_event (meter_id, occurred_at, event_type, usage_point_id, detail, received_at, import_id)
SELECT b.meter_id, date_trunc('second', now() - random() * interval '14 minutes'), 'LAST_GASP', b.usage_point_id, NULL, now(), NULL
FROM (SELECT DISTINCT 1 + (hashint8(g * 3 + extract(epoch FROM now())::bigint) & 2147483647) % $ups AS n FROM generate_series(1, $n) g) r
JOIN bench_installed b ON b.n = r.n
ON CONFLICT DO NOTHING;
SQL
}

lg_sql="SELECT up.code, m.serial_number, up.transformer, e.occurred_at FROM meter_event e JOIN usage_point up ON up.id = e.usage_point_id JOIN meter m ON m.id = e.meter_id WHERE e.event_type = 'LAST_GASP' AND e.occurred_at >= \$1 AND up.feeder = \$2 ORDER BY e.occurred_at DESC, up.code"

# Times OutageStore.lastGasps for SAMPLES random feeders, prepared, JIT off; prints median/p95/max.
measure_sql() {
  local label=$1
  python3 - "$feeders" "$samples" "$lg_sql" > "$work/lg.sql" <<'PY'
import random, sys
feeders, samples, sql = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
random.seed(7)
print("SET jit = off;")
print(f"PREPARE lg(timestamptz, text) AS {sql};")
print("SELECT now() - interval '15 minutes' AS since \\gset")
for f in range(6):
    print(f"EXECUTE lg(:'since', 'F{f:03d}');")
print("\\timing on")
print("\\echo lg")
for _ in range(samples):
    print(f"EXECUTE lg(:'since', 'F{random.randrange(feeders):03d}');")
PY
  $psql -o /dev/null -f "$work/lg.sql" > "$work/lg.txt"
  python3 - "$work/lg.txt" "$label" <<'PY' | tee -a "$work/summary"
import statistics, sys
v = sorted(float(l.split()[1]) for l in open(sys.argv[1]) if l.startswith("Time:"))
q = lambda p: v[min(len(v) - 1, int(round(p * (len(v) - 1))))]
print(f"   {sys.argv[2]:58s}: median {statistics.median(v):7.2f} ms, p95 {q(0.95):7.2f} ms, max {v[-1]:7.2f} ms ({len(v)} feeders)")
PY
  echo "   EXPLAIN (ANALYZE, BUFFERS), feeder F001:"
  $psql -At <<SQL | grep -v '^SET$' | sed 's/^/     /' | head -30
SET jit = off;
PREPARE lg(timestamptz, text) AS $lg_sql;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE lg(now() - interval '15 minutes', 'F001');
SQL
}

# The same question through REST: one kept-alive connection, SAMPLES random feeders.
measure_rest() {
  local label=$1
  python3 - "$url" "$auth" "$feeders" "$samples" "$label" <<'PY' | tee -a "$work/summary"
import base64, http.client, json, random, statistics, sys, time, urllib.parse
url, auth, feeders, samples, label = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
u = urllib.parse.urlparse(url)
head = {"Authorization": "Basic " + base64.b64encode(auth.encode()).decode()}
conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
def get(f):
    conn.request("GET", f"{u.path}/feeders/F{f:03d}/last-gasps?minutes=15", headers=head)
    r = conn.getresponse()
    body = r.read()
    if r.status != 200:
        sys.exit(f"GET last-gasps: {r.status} {body[:200]!r}")
    return len(json.loads(body))
random.seed(7)
for f in range(6):
    get(f)
times, rows = [], []
for _ in range(samples):
    f = random.randrange(feeders)
    t0 = time.perf_counter()
    rows.append(get(f))
    times.append((time.perf_counter() - t0) * 1000)
v = sorted(times)
q = lambda p: v[min(len(v) - 1, int(round(p * (len(v) - 1))))]
print(f"   {label:58s}: median {statistics.median(v):7.2f} ms, p95 {q(0.95):7.2f} ms, max {v[-1]:7.2f} ms"
      f" ({len(v)} feeders, {statistics.mean(rows):.0f} last gasps each on average)")
# The same connection's cheapest authenticated request: what BASIC authentication (bcrypt) costs alone.
base = []
for _ in range(30):
    t0 = time.perf_counter()
    conn.request("GET", f"{u.path}/outage-policy", headers=head)
    r = conn.getresponse(); r.read()
    base.append((time.perf_counter() - t0) * 1000)
print(f"   {'   GET /api/outage-policy (authentication alone)':58s}: median {statistics.median(base):7.2f} ms")
PY
}

measure() {
  local phase=$1
  local reads evs recent_n size
  reads=$($psql -Atc "SELECT sum(c.reltuples)::bigint FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'interval_read'::regclass")
  size=$($psql -Atc "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'interval_read'::regclass")
  evs=$($psql -Atc "SELECT count(*) FROM meter_event")
  recent_n=$($psql -Atc "SELECT count(*) FROM meter_event WHERE event_type = 'LAST_GASP' AND occurred_at >= now() - interval '15 minutes'")
  echo "== phase $phase: ~$reads reads ($size), $evs meter events ($($psql -Atc "SELECT pg_size_pretty(pg_total_relation_size('meter_event'))") with indexes), $recent_n last gasps of the fleet in the last 15 minutes" | tee -a "$work/summary"
  measure_sql "phase $phase SQL, V18 (no type/time index)"
  measure_rest "phase $phase REST GET /api/feeders/{f}/last-gasps"
  echo "   -- for comparison, V7's ix_meter_event_type_time put back:"
  $psql -c "CREATE INDEX ix_meter_event_type_time ON meter_event (event_type, occurred_at, usage_point_id)" -c "ANALYZE meter_event"
  measure_sql "phase $phase SQL, with V7's index (before V18)"
  $psql -c "DROP INDEX ix_meter_event_type_time" -c "ANALYZE meter_event"
}

if [ "${QUERY:-1}" = 1 ]; then
  echo "== phase 1: load"
  load_phase 1
  measure 1
  echo "== phase 2: load as much again (volume doubled)"
  load_phase 2
  measure 2
else
  echo "== QUERY=0: no reads or historical events loaded, the feeder question not measured"
fi

# ---------------------------------------------------------------------------------------------------
# The storm: the first STORM usage points (whole feeders F000...), shuffled.
python3 - "$storm" "$work" <<'PY'
import datetime as dt, random, sys
storm, work = int(sys.argv[1]), sys.argv[2]
random.seed(11)
order = list(range(storm))
random.shuffle(order)
open(f"{work}/storm-order", "w").write("\n".join(f"BM{m:07d}" for m in order) + "\n")
PY
# Writes the storm's events: serials in storm order (or those of file $4), instants from START spread
# over SPREAD seconds.
storm_events() {
  python3 - "${4:-$work/storm-order}" "$1" "$2" > "$3" <<'PY'
import datetime as dt, sys
serials = [l.strip() for l in open(sys.argv[1]) if l.strip()]
start, spread = dt.datetime.fromisoformat(sys.argv[2].replace("Z", "+00:00")), int(sys.argv[3])
for i, s in enumerate(serials):
    at = start + dt.timedelta(seconds=(i * spread) // len(serials))
    print(f"{s}\t{at.strftime('%Y-%m-%dT%H:%M:%SZ')}")
PY
}
hit_feeders=$(( (storm + 999) / 1000 ))
hit_transformers=$(( (storm + 19) / 20 ))
expected=$((hit_feeders + hit_transformers))

echo "== floor: \\copy of the storm's $storm events (meter id, instant, type) into a plain table"
storm_events "$(date -u -d '-3 minutes' +%FT%TZ)" 60 "$work/storm-a.tsv"
$psql -Atc "SELECT serial_number, meter_id FROM bench_installed" > "$work/meter-ids"
python3 - "$work/meter-ids" "$work/storm-a.tsv" > "$work/floor.tsv" <<'PY'
import sys
ids = dict(l.rstrip("\n").split("|") for l in open(sys.argv[1]))
for l in open(sys.argv[2]):
    s, at = l.rstrip("\n").split("\t")
    print(f"{ids[s]}\t{at}\tLAST_GASP")
PY
$psql -c "CREATE TABLE bench_floor (meter_id bigint NOT NULL, occurred_at timestamptz NOT NULL, event_type varchar(32) NOT NULL)"
floor_copy() {
  $psql -c "TRUNCATE bench_floor"
  local t0 t1
  t0=$(now)
  $psql -c "\\copy bench_floor FROM '$work/floor.tsv'"
  t1=$(now)
  elapsed "$t0" "$t1"
}
floor1=$(floor_copy); floor2=$(floor_copy)
echo "   floor: $floor1 s, $floor2 s (the second counts)" | tee -a "$work/summary"

detector_time() {
  # Sums the detector's log lines after line $1 of the server log.
  tail -n +"$1" "$base/log/server.log" | python3 -c '
import re, sys
steps, ev, due, ms, parts = 0, 0, 0, 0, [0] * 5
for l in sys.stdin:
    m = re.search(r"Outage detection: (\d+) events, (\d+) due, (\d+) outages opened or changed in (\d+) ms \(queue (\d+), picture (\d+), detect (\d+), save (\d+), (?:dequeue|generation) (\d+) ms", l)
    if m:
        g = list(map(int, m.groups()))
        steps += 1; ev += g[0]; due += g[1]; ms += g[3]
        parts = [a + b for a, b in zip(parts, g[4:])]
print(f"detector: {steps} steps, {ev} events, {due} due, {ms / 1000:.2f} s (lock+queue {parts[0] / 1000:.2f}, picture {parts[1] / 1000:.2f}, detect {parts[2] / 1000:.2f}, save {parts[3] / 1000:.2f}, dequeue or generation {parts[4] / 1000:.2f} s)")'
}
# The detector's steps after line $1 of the server log, one line each, timed from the storm's start $2
# (epoch seconds): when each step ended and what it did.
detector_steps() {
  tail -n +"$1" "$base/log/server.log" | python3 -c '
import datetime, re, sys, time
t0 = float(sys.argv[1])
for l in sys.stdin:
    m = re.search(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{3}).*Outage detection: (\d+) events, (\d+) due, (\d+) outages opened or changed in (\d+) ms \((.*)\)", l)
    if m:
        end = time.mktime(datetime.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S").timetuple()) + int(m.group(2)) / 1000
        ms = int(m.group(6))
        print(f"       step +{end - ms / 1000 - t0:6.2f} .. +{end - t0:6.2f} s: {m.group(3)} events, {m.group(5)} outages, {ms} ms ({m.group(7)})")' "$2"
}
log_line() { wc -l < "$base/log/server.log"; }

run_storm() {
  local label=$1 tsv=$2 kind=$3 expect=$4 from gc0
  from=$(( $(log_line) + 1 ))
  echo "   storm $label: $(wc -l < "$tsv") $kind events, $senders senders x requests of $batch"
  gc0=$(gc_seconds)
  python3 "$here/storm.py" "$url" "$auth" "$db" "$tsv" "$kind" "$label" "$expect" "$senders" "$batch" > "$work/storm-$label.out"
  echo "     server GC during the storm: $(awk -v a="$gc0" -v b="$(gc_seconds)" 'BEGIN { printf "%.2f", b - a }') s (heap ${HEAP:-of standalone.conf, 64m-512m})"
  sleep 1
  echo "$label $(cat "$work/storm-$label.out") $(detector_time "$from")" >> "$work/storms"
  echo "     $(cat "$work/storm-$label.out")"
  echo "     $(detector_time "$from")"
  detector_steps "$from" "$(sed -n 's/.*t0=\([0-9.]*\).*/\1/p' "$work/storm-$label.out")"
  echo "     outages: $($psql -Atc "SELECT string_agg(outage_level || ' ' || state || ' ' || n || ' (' || a || ' meters affected, ' || o || ' out)', ', ') FROM (SELECT outage_level, state, count(*) n, sum(meters_affected) a, sum(meters_out) o FROM outage GROUP BY 1, 2 ORDER BY 1, 2) x")"
}

# Warm-up: a production server has run detection before a storm; a fresh one compiles its code
# during the first steps (a 20 000-event step took 10 s cold, 4 s warm). WARMUP (default 10 000)
# last gasps of the usage points after the storm's (the quiet feeders F100...), shuffled and sent in
# requests of a fifth of them (so that, as in a storm, outages open over several steps and later
# last gasps join them), then their restores, waited for, before storm (a).
warmup=${WARMUP:-10000}
[ $((storm + warmup)) -le "$ups" ] || warmup=0
if [ "$warmup" -gt 0 ]; then
  echo "== warm-up: $warmup last gasps and their restores on the feeders the storm leaves quiet"
  python3 -c "import sys; s, w = int(sys.argv[1]), int(sys.argv[2]); print('\n'.join(f'BM{m:07d}' for m in range(s, s + w)))" \
    "$storm" "$warmup" | shuf --random-source=<(yes) > "$work/warm-order"
  storm_events "$(date -u -d '-3 minutes' +%FT%TZ)" 60 "$work/warm-a.tsv" "$work/warm-order"
  batch=$(( (warmup + 4) / 5 )) run_storm warm-a "$work/warm-a.tsv" LAST_GASP "open=$(( (warmup + 999) / 1000 + (warmup + 19) / 20 ))"
  storm_events "$(date -u -d '-30 seconds' +%FT%TZ)" 30 "$work/warm-b.tsv" "$work/warm-order"
  batch=$(( (warmup + 4) / 5 )) run_storm warm-b "$work/warm-b.tsv" POWER_RESTORE "active=0"
fi

storms_wanted=${STORMS:-a b c}
wants() { [[ " $storms_wanted " == *" $1 "* ]]; }
if wants a; then
echo "== storm (a): $storm last gasps from a head-end's backlog (occurred 3 to 2 minutes before sending), expecting $expected outages OPEN ($hit_feeders feeder + $hit_transformers transformer)"
sleep 5
if [ "${PROFILE:-0}" = 1 ]; then
  jcmd "$jvm" JFR.start name=storm settings=profile filename="$root/target/bench-outage-storm-a.jfr" > /dev/null
fi
run_storm a "$work/storm-a.tsv" LAST_GASP "open=$expected"
if [ "${PROFILE:-0}" = 1 ]; then
  jcmd "$jvm" JFR.stop name=storm > /dev/null
  echo "   PROFILE=1: Java Flight Recorder of storm (a) in target/bench-outage-storm-a.jfr"
fi
fi
if wants b; then

echo "== storm (b): their $storm power restores"
storm_events "$(date -u -d '-30 seconds' +%FT%TZ)" 30 "$work/storm-b.tsv"
run_storm b "$work/storm-b.tsv" POWER_RESTORE "active=0"
fi
if wants c; then

echo "== storm (c): $storm live last gasps (occurred_at = when sent), momentary time $($psql -Atc "SELECT momentary_seconds FROM outage_policy") s"
sleep 5
storm_events "$(date -u -d '-5 seconds' +%FT%TZ)" 5 "$work/storm-c.tsv"
run_storm c "$work/storm-c.tsv" LAST_GASP "open=$expected"
fi

echo "== $(date -u +%FT%TZ) uptime:$(uptime | sed 's/.*load/ load/')"
python3 - "$work/storms" "$floor2" "$storm" "$work/storm-c.tsv" "$($psql -Atc "SELECT momentary_seconds FROM outage_policy")" <<'PY'
import datetime as dt, sys
storms = {}
for l in open(sys.argv[1]):
    label, rest = l.split(" ", 1)
    storms[label] = dict(kv.split("=", 1) for kv in rest.split() if "=" in kv and kv.count("=") == 1)
    storms[label]["detector"] = rest[rest.find("detector:"):].strip()
floor, n, momentary = float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[5])
print(f"\nfloor: \\copy of {n:,} events into a plain table: {floor:.2f} s")
for label, what in (("a", "last gasps, backlog (already past the momentary time)"), ("b", "power restores"),
                    ("c", "live last gasps (occurred_at = sending)")):
    s = storms.get(label)
    if not s:
        continue
    done, sent = float(s["done_s"]), float(s["sent_s"])
    print(f"storm ({label}) {what}: all sent and stored after {sent:.2f} s; done after {done:.2f} s "
          f"({done / floor:.0f} x the floor); first outage OPEN after {float(s['first_open_s']):.2f} s;"
          f" failures {s['failures']}, stored {s['stored']}, duplicates {s['duplicates']}, queue peak {s['queue_peak']}")
    print(f"   {s['detector']}")
c = storms.get("c")
if c:
    t0 = float(c["t0"])
    last = max(dt.datetime.fromisoformat(l.split("\t")[1].strip().replace("Z", "+00:00")).timestamp()
               for l in open(sys.argv[4]) if l.strip())
    due = last + momentary - t0
    print(f"storm (c): the last of the last gasps had waited the momentary time {due:.2f} s after the first was sent;"
          f" done {float(c['done_s']) - due:.2f} s after that (the worker checks every 5 s)")
print("target (issue 7): storm turned into outages within 10 s end to end")
PY
echo
cat "$work/summary"
