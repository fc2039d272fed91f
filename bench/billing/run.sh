#!/usr/bin/env bash
# Bulk billing determinants benchmark (run by hand, never in CI): a billing cycle run over
# USAGE_POINTS x DAYS of 15-minute kWh reads, against the floor of one hand-written SQL aggregate over
# the same rows, measured in the same run on the same PostgreSQL.
#
#   bench/billing/run.sh [USAGE_POINTS=10000] [DAYS=30] [START=2026-09-01]
#
# rows = USAGE_POINTS x the quarter-hours of DAYS local days from START in Europe/London (96 a day;
# 92 / 100 on a DST day, so a START in March or October is handled). At the defaults 28.8 M reads,
# about 16 minutes (19 with PROFILE=1) on 2 shared cores and 8 GB of disk.
#
#   1. The packaged application is started on a fresh database mdms_bench_billing (port offset 350,
#      base dir target/bench-billing, PostgreSQL, MDMS_VEE_ON_IMPORT=false, no demo data) and the
#      registry imported through POST /api/registry/import: one KWH:15:DELIVERED channel per usage
#      point, Europe/London.
#   2. The reads go in server-side, one INSERT ... SELECT generate_series per local day (rows in the
#      order daily head-end files would leave them: day, channel, interval), into monthly partitions
#      made with the application's names and bounds (PostgresPartitions), plus the matching daily
#      totals (daily_channel_reading, which the staleness check reads); then VACUUM (ANALYZE), as
#      autovacuum would have done long before a billing run (and so that it does not run during one).
#   3. Through REST: a SEASONAL tariff with three periods (weekdays peak 16:00-19:00, shoulder
#      07:00-16:00 and 19:00-22:00, off-peak otherwise; weekends off-peak; one season all year; with
#      prices), a billing cycle with read dates START and START + DAYS, and every usage point assigned.
#   4. (a) floors, psql, JIT off, each run twice (the second, warm, counts), rows sent to psql:
#      tou   - per channel and TOU period: kWh sum, max and count, the period computed in SQL from the
#              local start time (interval_end - 15 min AT TIME ZONE 'Europe/London', hour, ISO day);
#      plain - per channel: SUM, MAX, COUNT.
#      Also (c), for the record: the application's own read query (IntervalStore.forEachRead) for
#      every batch of 100 channels, streamed to psql with \copy - what loading the rows costs alone.
#   5. (b) application: POST /api/billing-cycles/{code}/runs?periodStart=START, then GET
#      /api/billing-runs/{id} every 0.2 s until it is no longer RUNNING: the time from the POST to
#      COMPLETED. On PostgreSQL a run has the database sum each batch's reads (mdms.billing.in-database,
#      docs/determinants.md); IN_DATABASE=false starts the server with it off (reads streamed to Java).
#      The server log's summary of each run (how many usage points the database summed) is printed. Twice: the first stores every usage point's determinants, the second finds nothing
#      changed (it calculates everything again and stores nothing). CPU seconds of the server JVM and
#      of the database's backends during each run are read from /proc, the JVM's GC pauses with jstat.
#   With EXPORT=1, also the export rate of issue 6: the CMEP export of all the period's reads through
#      REST (500 usage points a request) against COPY (SELECT ...) TO of the same rows.
#   6. Prints rows, floors, application times, reads/s and b/a for each floor; checks that the
#      stored determinants equal the floor's sums (kWh per period, max kW = max kWh x 4) and are complete.
#
# PROFILE=1 adds a third run of the cycle under Java Flight Recorder (jcmd JFR.start on the server
# JVM; not timed for the ratios) and prints where the billing thread's samples fall.
#
# Needs: a packaged checkout (mvn package -DskipTests: target/server, mdms-ear/target), PostgreSQL 15+
# at 127.0.0.1:5432 (user postgres, trust) on this machine, psql, python3, curl, jstat; jcmd and jfr for
# PROFILE=1. Checks free disk first (bench/lib.sh) and removes its files and database afterwards.
set -euo pipefail

ups=${1:-10000}
days=${2:-30}
start=${3:-2026-09-01}
profile=${PROFILE:-0}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jboss_home=$(ls -d "$root"/target/server/wildfly-*)
work=$(mktemp -d /tmp/mdms-bench-billing.XXXXXX)
base=$root/target/bench-billing
db=mdms_bench_billing
offset=350
url=http://127.0.0.1:$((8080 + offset))/mdms/api
auth=admin:bench-password
zone=Europe/London
tariff=BENCH-TOU3
cycle=BENCH-MONTHLY
export PGTZ=UTC
pg="-h 127.0.0.1 -U postgres"
psql="psql $pg -d $db -X -q -v ON_ERROR_STOP=1"
rows_approx=$((ups * days * 96))
end=$(python3 -c "import datetime as d; print(d.date.fromisoformat('$start') + d.timedelta(days=$days))")

# About 110 bytes per read in the partition and its primary key; 200 with the daily totals, WAL and
# the determinants, plus 2 GB of headroom.
. "$root/bench/lib.sh"
require_free_disk $((rows_approx * 200 / 1024 + 2 * 1024 * 1024))

server=""
jvm=""
cleanup() {
  set +e
  stop_server
  dropdb $pg --if-exists --force $db 2>/dev/null
  rm -rf "$work" "$base"
}
trap cleanup EXIT

elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$2"; }

echo "== $(date -u +%FT%TZ) $(nproc) cores, $(free -g | awk '/Mem/ {print $2 " GB RAM"}'), uptime:$(uptime | sed 's/.*load/ load/')"
echo "== $(java -version 2>&1 | head -1); $(psql $pg -Atc 'SELECT version()' | cut -d' ' -f1-2), shared_buffers $(psql $pg -Atc 'SHOW shared_buffers'), work_mem $(psql $pg -Atc 'SHOW work_mem'), max_parallel_workers_per_gather $(psql $pg -Atc 'SHOW max_parallel_workers_per_gather')"
echo "== $ups usage points x $days days from $start ($zone), ~$rows_approx reads; in database: ${IN_DATABASE:-true}; checkout $(git -C "$root" rev-parse --short HEAD), EAR of $(date -u -r "$root/mdms-ear/target/mdms.ear" +%FT%TZ)"

dropdb $pg --if-exists --force $db 2>/dev/null
createdb $pg $db
rm -rf "$base"
echo "== starting the application (port offset $offset, $base)"
start_server "$work/server.out" MDMS_VEE_ON_IMPORT=false MDMS_BILLING_IN_DATABASE=${IN_DATABASE:-true}

echo "== registry: $ups usage points, one KWH:15:DELIVERED channel each"
python3 - "$ups" "$start" "$zone" > "$work/registry.csv" <<'PY'
import datetime as dt, sys
ups, start, zone = int(sys.argv[1]), dt.date.fromisoformat(sys.argv[2]), sys.argv[3]
print("usage_point_id,commodity,customer_class,time_zone,account_id,meter_serial,installed_from,channels")
for m in range(ups):
    kind = "COMMERCIAL" if m % 10 == 0 else "RESIDENTIAL"
    print(f"BUP{m:07d},E,{kind},{zone},ACC{m:07d},BM{m:07d},{start - dt.timedelta(days=30)},KWH:15:DELIVERED")
PY
t0=$(date +%s.%N)
curl -sSf -u "$auth" -H 'Content-Type: text/csv' --data-binary @"$work/registry.csv" \
  "$url/registry/import?source=bench-registry" > "$work/registry.json"
t1=$(date +%s.%N)
channels=$($psql -Atc "SELECT count(*) FROM channel")
echo "   $(head -c 160 "$work/registry.json") ... ($(elapsed "$t0" "$t1") s); $channels channels"
[ "$channels" -eq "$ups" ] || { echo "expected $ups channels" >&2; exit 1; }

# Local midnights of the period's first and last day as instants: interval ends in (from, to].
from=$($psql -Atc "SELECT timestamp '$start' AT TIME ZONE '$zone'")
to=$($psql -Atc "SELECT timestamp '$end' AT TIME ZONE '$zone'")
echo "== reads: interval ends in ($from, $to], partitions as PostgresPartitions makes them"
$psql <<SQL
DO \$\$ DECLARE m date := date_trunc('month', timestamptz '$from' - interval '1 day'); BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('interval_read partitions'));
  WHILE m < timestamptz '$to' + interval '2 days' LOOP
    EXECUTE format('CREATE TABLE IF NOT EXISTS interval_read_%s PARTITION OF interval_read FOR VALUES FROM (%L) TO (%L)',
      to_char(m, '"y"YYYY"m"MM'), m::text || ' 00:00:00+00', (m + interval '1 month')::date::text || ' 00:00:00+00');
    EXECUTE format('CREATE TABLE IF NOT EXISTS interval_read_history_%s PARTITION OF interval_read_history FOR VALUES FROM (%L) TO (%L)',
      to_char(m, '"y"YYYY"m"MM'), m::text || ' 00:00:00+00', (m + interval '1 month')::date::text || ' 00:00:00+00');
    m := m + interval '1 month';
  END LOOP; END \$\$;
SQL
t0=$(date +%s.%N)
for d in $(seq 0 $((days - 1))); do
  # One local day: every channel (outer loop, in id order), its quarter-hours (inner). Residential
  # double hump or, every 10th channel, a commercial plateau; scaled per channel, +-15 % noise, 3 decimals.
  $psql <<SQL
SET synchronous_commit = off;
SET jit = off;
SET work_mem = '256MB';
INSERT INTO interval_read (channel_id, interval_end, read_value, quality, source, version, received_at, import_id)
SELECT c.id, q.e,
       round(((CASE WHEN c.commercial THEN 0.3 + CASE WHEN q.h >= 8 AND q.h < 18 THEN 0.95 ELSE 0 END
                    ELSE 0.15 + 0.5 * exp(-((q.h - 7.5) ^ 2) / 2) + 0.9 * exp(-((q.h - 19) ^ 2) / 4) END)
              * c.scale * (0.85 + 0.3 * random()) / 4)::numeric, 3),
       0, 'A', 1, now(), NULL
FROM (SELECT id, id % 10 = 0 AS commercial,
             (0.5 + 2.0 * (hashint8(id) & 65535) / 65535.0) * CASE WHEN id % 10 = 0 THEN 8 ELSE 1 END AS scale
      FROM channel) c
CROSS JOIN LATERAL (
  SELECT e, extract(epoch FROM e - interval '15 minutes' - day.t0)::float8 / 3600 AS h
  FROM (SELECT timestamp '$start' + $d * interval '1 day' AS l) l0,
       LATERAL (SELECT l0.l AT TIME ZONE '$zone' AS t0, (l0.l + interval '1 day') AT TIME ZONE '$zone' AS t1) day,
       LATERAL generate_series(day.t0 + interval '15 minutes', day.t1, interval '15 minutes') e
) q
ORDER BY c.id, q.e;
INSERT INTO daily_channel_reading (channel_id, local_day, total, read_count, estimated_count, edited_count, max_value, updated_at)
SELECT channel_id, date '$start' + $d, sum(read_value), count(*), 0, 0, max(read_value), now()
FROM interval_read
WHERE interval_end > (timestamp '$start' + $d * interval '1 day') AT TIME ZONE '$zone'
  AND interval_end <= (timestamp '$start' + ($d + 1) * interval '1 day') AT TIME ZONE '$zone'
GROUP BY channel_id;
SQL
  [ $((d % 10)) -ne 9 ] || echo "   $((d + 1)) days in, $(elapsed "$t0" "$(date +%s.%N)") s"
done
t1=$(date +%s.%N)
$psql -c 'VACUUM (ANALYZE) interval_read' -c 'VACUUM (ANALYZE) daily_channel_reading'
t2=$(date +%s.%N)
rows=$($psql -Atc "SELECT count(*) FROM interval_read")
size=$($psql -Atc "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'interval_read'::regclass")
echo "   $rows reads ($size with the key) and their daily totals in $(elapsed "$t0" "$t1") s, VACUUM (ANALYZE) $(elapsed "$t1" "$t2") s"

echo "== tariff $tariff, cycle $cycle ($start, $end), assignments"
cat > "$work/tariff.json" <<JSON
{"name": "Bench three-period ToU", "kind": "SEASONAL", "holidaysAsSunday": true, "priceUnit": "p/kWh",
 "prices": {"peak": 38.5, "shoulder": 24.25, "off-peak": 11.8},
 "seasons": [{"name": "all year", "startDay": "01-01", "endDay": "01-01", "periods": [
   {"dayType": "WEEKDAY", "start": "22:00", "end": "07:00", "period": "off-peak"},
   {"dayType": "WEEKDAY", "start": "07:00", "end": "16:00", "period": "shoulder"},
   {"dayType": "WEEKDAY", "start": "16:00", "end": "19:00", "period": "peak"},
   {"dayType": "WEEKDAY", "start": "19:00", "end": "22:00", "period": "shoulder"},
   {"dayType": "SATURDAY", "start": "00:00", "end": "00:00", "period": "off-peak"},
   {"dayType": "SUNDAY", "start": "00:00", "end": "00:00", "period": "off-peak"}]}]}
JSON
curl -sSf -u "$auth" -X PUT -H 'Content-Type: application/json' --data-binary @"$work/tariff.json" \
  "$url/tariffs/$tariff" > /dev/null
curl -sSf -u "$auth" -X PUT -H 'Content-Type: application/json' \
  --data "{\"name\": \"Bench monthly\", \"readDates\": [\"$start\", \"$end\"]}" "$url/billing-cycles/$cycle" > /dev/null
t0=$(date +%s.%N)
python3 - "$url" "$auth" "$ups" "$tariff" "$cycle" <<'PY'
import base64, json, sys, urllib.request
url, auth, ups, tariff, cycle = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
head = {"Authorization": "Basic " + base64.b64encode(auth.encode()).decode(), "Content-Type": "application/json"}
changed = 0
for first in range(0, ups, 1000):
    body = {"usagePoints": [f"BUP{m:07d}" for m in range(first, min(ups, first + 1000))], "tariff": tariff, "billingCycle": cycle}
    req = urllib.request.Request(url + "/billing-assignments", json.dumps(body).encode(), head, method="PUT")
    changed += json.load(urllib.request.urlopen(req, timeout=600))["changed"]
if changed != ups:
    sys.exit(f"assigned {changed} usage points, expected {ups}")
PY
echo "   $ups usage points assigned in $(elapsed "$t0" "$(date +%s.%N)") s"

# ---------------------------------------------------------------------------------------------------
# (a) floors
tou_sql="SELECT channel_id, period, sum(read_value), max(read_value), count(*)
FROM (SELECT channel_id, read_value,
             CASE WHEN date_part('isodow', l) >= 6 THEN 'off-peak'
                  WHEN date_part('hour', l) >= 16 AND date_part('hour', l) < 19 THEN 'peak'
                  WHEN date_part('hour', l) >= 7 AND date_part('hour', l) < 22 THEN 'shoulder'
                  ELSE 'off-peak' END AS period
      FROM (SELECT channel_id, read_value, (interval_end - interval '15 minutes') AT TIME ZONE '$zone' AS l
            FROM interval_read WHERE interval_end > '$from' AND interval_end <= '$to') r) p
GROUP BY channel_id, period"
plain_sql="SELECT channel_id, sum(read_value), max(read_value), count(*) FROM interval_read
WHERE interval_end > '$from' AND interval_end <= '$to' GROUP BY channel_id"

# Prints the seconds of one statement (psql \timing, rows sent to psql and dropped).
time_sql() {
  printf 'SET jit = off;\n\\o /dev/null\n\\timing on\n%s;\n' "$1" | $psql \
    | awk '/^Time:/ {printf "%.2f\n", $2 / 1000}'
}
floor_pass() {
  local tou plain
  tou=$(time_sql "$tou_sql")
  plain=$(time_sql "$plain_sql")
  echo "$1 $tou $plain" >> "$work/floors"
  echo "   floor pass $1: tou $tou s, plain $plain s"
}
echo "== (a) floors: plans (JIT off)"
printf 'SET jit = off;\nEXPLAIN %s;\n' "$tou_sql" | $psql -At | grep -E 'Gather|Workers|Aggregate|Scan' | sed 's/^/     /' | head -12
floor_pass 1
floor_pass 2

# (c) the application's read query alone: every batch of 100 channels (the run's batches: usage
# points by code), IntervalStore.forEachRead's SQL and bounds, rows streamed to psql.
$psql -Atc "SELECT ch.id FROM channel ch JOIN usage_point up ON up.id = ch.usage_point_id ORDER BY up.code" > "$work/channel-ids"
python3 - "$work/channel-ids" "$from" "$to" > "$work/app-query.sql" <<'PY'
import datetime as dt, sys
ids = [l.strip() for l in open(sys.argv[1]) if l.strip()]
f = dt.datetime.fromisoformat(sys.argv[2].replace("+00", "+00:00")) + dt.timedelta(seconds=1)
t = dt.datetime.fromisoformat(sys.argv[3].replace("+00", "+00:00")) + dt.timedelta(days=1, seconds=1)
print("SET jit = off;")
for i in range(0, len(ids), 100):
    print(f"\\copy (SELECT channel_id, CAST(EXTRACT(EPOCH FROM interval_end) AS BIGINT), read_value, quality, source"
          f" FROM interval_read WHERE channel_id = ANY('{{{','.join(ids[i:i + 100])}}}'::bigint[])"
          f" AND interval_end >= '{f.isoformat()}' AND interval_end < '{t.isoformat()}') TO '/dev/null'")
PY
t0=$(date +%s.%N)
$psql -f "$work/app-query.sql" > /dev/null
t1=$(date +%s.%N)
app_query=$(elapsed "$t0" "$t1")
echo "   (c) the application's read query, $(grep -c copy "$work/app-query.sql") batches of 100 channels: $app_query s"

# ---------------------------------------------------------------------------------------------------
# (b) application: one run of the cycle, timed from the POST until it is no longer RUNNING; CPU of the
# server JVM and of the database's backends (from /proc) over the run.
run_cycle() {
  python3 - "$url" "$auth" "$cycle" "$start" "$db" "$jvm" "$1" >> "$work/runs" <<'PY'
import base64, datetime, json, os, subprocess, sys, time, urllib.request
url, auth, cycle, start, db, jvm, label = sys.argv[1:8]
head = {"Authorization": "Basic " + base64.b64encode(auth.encode()).decode()}
tick = os.sysconf("SC_CLK_TCK")
def cpu(pid):
    try:
        f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(f[11]) + int(f[12])) / tick
    except OSError:
        return None
def backends():
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-XAtc",
                          f"SELECT pid FROM pg_stat_activity WHERE datname = '{db}' AND pid <> pg_backend_pid()"],
                         capture_output=True, text=True).stdout.split()
    return {p: cpu(p) for p in out}
def gc():
    try:
        out = subprocess.run(["jstat", "-gcutil", jvm], capture_output=True, text=True).stdout.split("\n")
        cols = dict(zip(out[0].split(), out[1].split()))
        return int(cols["YGC"]) + int(cols["FGC"]) + int(cols.get("CGC", "0").replace("-", "0")), float(cols["GCT"])
    except (OSError, IndexError, KeyError, ValueError):
        return 0, float("nan")
before, jvm0, gc0 = backends(), cpu(jvm), gc()
t0 = time.time()
req = urllib.request.Request(f"{url}/billing-cycles/{cycle}/runs?periodStart={start}", b"", head, method="POST")
run = json.load(urllib.request.urlopen(req, timeout=60))
while run["status"] == "RUNNING":
    time.sleep(0.2)
    run = json.load(urllib.request.urlopen(urllib.request.Request(f"{url}/billing-runs/{run['id']}", None, head), timeout=60))
t1 = time.time()
after, jvm1, gc1 = backends(), cpu(jvm), gc()
pg = sum((after[p] or 0) - (before.get(p) or 0) for p in after if after[p] is not None)
def instant(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
server = instant(run["finishedAt"]) - instant(run["startedAt"]) if run.get("finishedAt") and run.get("startedAt") else float("nan")
print(label, f"{t1 - t0:.2f}", f"{server:.2f}", run["status"], run["usagePoints"], run["done"], run["calculated"],
      run["unchanged"], run["failed"], f"{(jvm1 or 0) - (jvm0 or 0):.1f}", f"{pg:.1f}", gc1[0] - gc0[0], f"{gc1[1] - gc0[1]:.1f}",
      json.dumps(run.get("failure")))
PY
  tail -1 "$work/runs" | awk '{printf "   run %s: %s s (server %s s) %s, %s usage points, calculated %s, unchanged %s, failed %s; CPU JVM %s s, PostgreSQL %s s; GC %s collections, %s s of pauses\n", $1, $2, $3, $4, $5, $7, $8, $9, $10, $11, $12, $13}'
}
echo "== (b) application: runs of $cycle for $start (polled every 0.2 s)"
sleep 5   # let the start-up's timers settle
run_cycle first
run_cycle again

if [ "$profile" = 1 ]; then
  echo "== profile: a third run under JFR (not counted)"
  jcmd "$jvm" JFR.start name=bench settings=profile filename="$work/run.jfr" > /dev/null
  run_cycle profiled
  jcmd "$jvm" JFR.stop name=bench > /dev/null
  jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample --stack-depth 128 "$work/run.jfr" > "$work/run.txt"
  jfr print --events jdk.GarbageCollection,jdk.CPULoad "$work/run.jfr" > "$work/gc.txt"
  python3 - "$work/run.txt" "$work/gc.txt" <<'PY' || echo "   (the profile could not be summarised)"
import collections, re, sys
unit = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
gcs, pauses, load = collections.Counter(), 0.0, collections.defaultdict(list)
for line in open(sys.argv[2]):
    line = line.strip()
    if line.startswith("name = "):
        gcs[line.split('"')[1]] += 1
    m = re.match(r"sumOfPauses = ([\d.]+) (\w+)", line)
    if m:
        pauses += float(m.group(1)) * unit[m.group(2)]
    m = re.match(r"(jvmUser|jvmSystem|machineTotal) = ([\d.]+)%", line)
    if m:
        load[m.group(1)].append(float(m.group(2)))
avg = {k: sum(v) / len(v) for k, v in load.items() if v}
print(f"   GC: {sum(gcs.values())} collections ({', '.join(f'{k} {n}' for k, n in gcs.items())}), {pauses:.2f} s of pauses;"
      f" CPU (share of the machine, JFR, 1 s samples): JVM {avg.get('jvmUser', 0) + avg.get('jvmSystem', 0):.0f} %,"
      f" machine {avg.get('machineTotal', 0):.0f} %")
def samples(path):
    kind, thread, fs = None, None, None
    for line in open(path):
        line = line.strip()
        if line.endswith("{") and line.startswith("jdk."):
            kind, thread, fs = line.split()[0], None, None
        elif line.startswith("sampledThread = "):
            thread = line[len("sampledThread = "):]
        elif line == "stackTrace = [":
            fs = []
        elif kind and fs is not None and line and line not in ("]", "}", "...") and "(" in line and " = " not in line:
            fs.append(line.split("(")[0])
        elif line == "}" and kind:
            yield kind, thread, fs or []
            kind, fs = None, None
# JFR keeps the top 64 frames, which do not reach down to BillingRuns.execute: the billing thread is
# the one whose samples are in the billing code.
all_samples = list(samples(sys.argv[1]))
billing = collections.Counter(t for _, t, fs in all_samples if any("org.openmdms.billing" in f for f in fs))
threads = {t for t, n in billing.most_common(1)}
java = collections.Counter(); native = collections.Counter(); top = collections.Counter()
other = 0
cats = [("load: forEachRead (JDBC rows decoded, Slots built)", ["forEachRead"]),
        ("per usage point query: current determinants", ["DeterminantStore.current"]),
        ("per usage point query: account changes", ["AccountHistoryStore.changes"]),
        ("staleness / calculated checks", ["DeterminantStore.stale", "DeterminantStore.calculated"]),
        ("store new versions", ["DeterminantStore.save"]),
        ("run progress record", ["BillingRunLog"]),
        ("usage points and channels (JPA)", ["UsagePointStore.findByCodes", "BillingDeterminants$Billed", "energyChannel"]),
        ("calculation: sort reads by end", ["DeterminantCalculator.byEnd"]),
        ("calculation: TOU period of a read", ["SeasonalSchedule.periodAt"]),
        ("calculation: demand window (LocalClock)", ["LocalClock"]),
        ("calculation: accumulate (BigDecimal sums, grid checks)", ["DeterminantAccumulator", "DeterminantCalculator"]),
        ("pricing and rows", ["EnergyPrices", "BillingDeterminants.row", "BillingDeterminants.same"]),
        ("calculation setup (tariff, schedule)", ["BillingDeterminants.context", "TariffSchedules"])]
others = collections.Counter()
callers = collections.defaultdict(collections.Counter)
for kind, thread, fs in all_samples:
    if thread not in threads:
        other += 1
        others[re.sub(r"\d+", "N", thread.split(" (javaThreadId")[0])] += 1
        continue
    counter = java if kind == "jdk.ExecutionSample" else native
    counter[None] += 1
    cat = "other (EJB, transactions, interceptors, ...)"
    for name, keys in cats:
        if any(any(k in f for k in keys) for f in fs):
            cat = name
            break
    counter[cat] += 1
    if kind == "jdk.ExecutionSample":
        top[fs[0]] += 1
        app = next((f for f in fs[1:] if f.startswith("org.openmdms.")), "?")
        callers[fs[0]][app] += 1
n_java, n_native = java.pop(None, 0), native.pop(None, 0)
print(f"   billing thread: {n_java} samples on the CPU (Java), {n_native} in native code (socket reads: waiting for PostgreSQL); {other} samples of other threads")
print("   on the CPU, by what the billing thread was doing:")
for cat, n in java.most_common():
    print(f"     {100 * n / max(n_java, 1):5.1f} %  {cat}")
print("   in native code (waiting), by what it waited for:")
for cat, n in native.most_common():
    print(f"     {100 * n / max(n_native, 1):5.1f} %  {cat}")
print("   other threads' samples:", ", ".join(f"{t} {n}" for t, n in others.most_common(6)))
print("   hottest methods (self, on the CPU), with the application method below them:")
for f, n in top.most_common(20):
    app, m = callers[f].most_common(1)[0]
    print(f"     {100 * n / max(n_java, 1):5.1f} %  {f}  <- {app} ({100 * m / n:.0f} %)")
PY
fi

# The export rate (issue 6), with EXPORT=1: the CMEP export of every usage point's period through
# GET /api/exports/cmep (500 usage points a request, one after the other), against the floor of
# COPY (SELECT ...) TO STDOUT of the same rows in the same run.
if [ "${EXPORT:-0}" = 1 ]; then
  echo "== export: CMEP of every usage point for the period, against COPY TO"
  copy_floor() {
    local t0 t1
    t0=$(date +%s.%N)
    $psql -c "\\copy (SELECT channel_id, interval_end, read_value, quality, source FROM interval_read WHERE interval_end > '$from' AND interval_end <= '$to') TO '/dev/null'"
    t1=$(date +%s.%N)
    elapsed "$t0" "$t1"
  }
  copy1=$(copy_floor); copy2=$(copy_floor)
  echo "   COPY TO floor: $copy1 s, $copy2 s (the second counts)"
  $psql -Atc "SELECT code FROM usage_point ORDER BY code" > "$work/codes"
  split -l 500 "$work/codes" "$work/codes-part-"
  t0=$(date +%s.%N)
  bytes=0
  for part in "$work"/codes-part-*; do
    list=$(paste -sd, "$part")
    curl -sSf -u "$auth" -o "$work/export.cmep" "$url/exports/cmep?usagePoints=$list&from=$start&to=$end"
    bytes=$((bytes + $(stat -c %s "$work/export.cmep")))
  done
  t1=$(date +%s.%N)
  export_s=$(elapsed "$t0" "$t1")
  echo "   CMEP export: $export_s s, $bytes bytes"
  python3 - "$rows" "$copy2" "$export_s" <<'PY'
import sys
rows, floor, app = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"export floor COPY TO : {floor:8.1f} s {rows / floor:12,.0f} reads/s")
print(f"export CMEP via REST : {app:8.1f} s {rows / app:12,.0f} reads/s   b/a {app / floor:5.2f}")
PY
fi

echo "== the server's summary of each run (mdms.billing.in-database=${IN_DATABASE:-true})"
grep -ho "Billing run [0-9]*: .*" "$base/log/server.log" | sed 's/^/   /' || true

echo "== (a) floors again after the runs (noise check)"
floor_pass 3

echo "== check: the stored determinants against the floor's sums"
$psql -At > "$work/check" <<SQL
SET jit = off;
WITH f AS ($tou_sql),
a AS (SELECT ch.id AS channel_id, p.period, p.delivered_kwh, p.max_kw, b.present_intervals, b.complete
      FROM billing_determinant b JOIN billing_determinant_period p ON p.determinant_id = b.id
      JOIN channel ch ON ch.usage_point_id = b.usage_point_id
      WHERE b.period_start = '$start' AND b.superseded_at IS NULL)
SELECT count(*) FILTER (WHERE a.channel_id IS NULL) AS missing_in_app,
       count(*) FILTER (WHERE f.channel_id IS NULL AND a.delivered_kwh <> 0) AS missing_in_floor,
       count(*) FILTER (WHERE f.sum <> a.delivered_kwh OR f.max * 4 <> a.max_kw) AS different,
       count(*) FILTER (WHERE f.channel_id IS NOT NULL AND a.channel_id IS NOT NULL) AS equal_or_compared,
       (SELECT count(*) FROM billing_determinant WHERE period_start = '$start') AS versions,
       (SELECT count(*) FILTER (WHERE complete) FROM billing_determinant WHERE period_start = '$start' AND superseded_at IS NULL) AS complete
FROM f FULL JOIN a USING (channel_id, period);
SQL
echo "   channel-periods missing in the application|missing in the floor|different|compared|stored versions|complete: $(tail -1 "$work/check")"

echo "== $(date -u +%FT%TZ) uptime:$(uptime | sed 's/.*load/ load/')"
python3 - "$rows" "$ups" "$work/floors" "$work/runs" "$app_query" <<'PY'
import sys
rows, ups, app_query = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[5])
floors = {l.split()[0]: tuple(map(float, l.split()[1:])) for l in open(sys.argv[3])}
runs = [l.split() for l in open(sys.argv[4])]
tou, plain = (max(t, 0.01) for t in floors["2"])
print(f"\nreads: {rows:,} ({ups:,} usage points); floors are pass 2 (warm); pass 1 / 3: "
      f"tou {floors['1'][0]:.1f} / {floors['3'][0]:.1f} s, plain {floors['1'][1]:.1f} / {floors['3'][1]:.1f} s")
print(f"(a) floor tou   (per channel and TOU period: sum, max, count): {tou:8.1f} s {rows / tou:12,.0f} reads/s")
print(f"(a) floor plain (per channel: sum, max, count)               : {plain:8.1f} s {rows / plain:12,.0f} reads/s")
print(f"(c) the application's read query alone (100 channels a batch) : {app_query:8.1f} s {rows / app_query:12,.0f} reads/s")
for r in runs:
    label, wall, server, status, n, done, calc, unch, failed, jcpu, pcpu, gcs, gct = r[:13]
    wall = float(wall)
    print(f"(b) application, run '{label}' ({status}; calculated {calc}, unchanged {unch}, failed {failed} of {n}): "
          f"{wall:8.1f} s {rows / wall:12,.0f} reads/s  b/a tou {wall / tou:5.2f}  b/a plain {wall / plain:5.2f}"
          f"  (CPU: JVM {jcpu} s, PostgreSQL {pcpu} s; GC pauses {gct} s)")
print("target (issue 5): b/a <= 2 against the floor")
ok = all(r[3] == "COMPLETED" and r[8] == "0" and r[4] == str(ups) for r in runs)
ok = ok and runs[0][6] == str(ups) and (len(runs) < 2 or (runs[1][6] == "0" and runs[1][7] == str(ups)))
print("runs check:", "OK" if ok else "FAILED (see above)")
PY
