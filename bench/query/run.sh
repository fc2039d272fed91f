#!/usr/bin/env bash
# Query benchmark (run by hand, never in CI): one channel's 30 days of interval reads, and its daily
# totals, with >= 50 M reads stored — then with the volume doubled, to show the time stays flat.
#
#   bench/query/run.sh [CHANNELS=10000] [DAYS=105] [SAMPLES=300]   (about 15 minutes, 15 GB of disk)
#
# rows per phase = CHANNELS x DAYS x 48 half-hours (default 50.4 M); phase 2 adds as many channels
# again over the same days (100.8 M), so the same monthly partitions and their indexes double.
# Uses the database mdms_bench_query on PostgreSQL 15+ at 127.0.0.1:5432 (user postgres, trust),
# built by the project's own PostgreSQL migrations (sql/common + sql/postgresql in version order, as
# Flyway applies them) and the application's partition names and bounds. Checks free disk first and
# drops the database at the end. Needs psql and python3 only (no build, no server).
set -euo pipefail

channels=${1:-10000}
days=${2:-105}
samples=${3:-300}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
db=mdms_bench_query
pg="-h 127.0.0.1 -U postgres"
psql="psql $pg -d $db -X -q -v ON_ERROR_STOP=1"
start=2025-01-01   # the data: [start, start + DAYS), all in whole UTC months' partitions
rows=$((channels * days * 48))
work=$(mktemp -d /tmp/mdms-bench-query.XXXXXX)

# About 150 bytes per read with the primary key, twice (phase 2), plus WAL and headroom.
need_kb=$((2 * rows * 150 / 1024 + 8 * 1024 * 1024))
pg_free_kb=$(df -Pk "$(psql $pg -Atc 'SHOW data_directory' 2>/dev/null || echo /)" | awk 'NR==2 {print $4}')
if [ "$pg_free_kb" -lt "$need_kb" ]; then
  echo "not enough free disk for PostgreSQL: need $((need_kb / 1024)) MB, have $((pg_free_kb / 1024)) MB" >&2
  exit 1
fi

cleanup() {
  set +e
  dropdb $pg --if-exists --force "$db" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

echo "== $(date -u +%FT%TZ) machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(free -g | awk '/Mem/ {print $2 " GB RAM, " $7 " GB available"}')"
echo "== $(psql $pg -Atc 'SELECT version()' | cut -d' ' -f1-2), shared_buffers $(psql $pg -Atc 'SHOW shared_buffers')"
dropdb $pg --if-exists --force "$db"
createdb $pg "$db"

echo "== schema: the project's PostgreSQL migrations"
for f in $(ls "$root"/sql/common/V*.sql "$root"/sql/postgresql/V*.sql | awk -F/ '{v=$NF; sub(/^V/, "", v); sub(/__.*/, "", v); print v "\t" $0}' | sort -n | cut -f2); do
  echo "   $(basename "$f")"
  $psql -f "$f"
done
# The daily totals reference channel(id); the benchmark has no registry, so that one key goes.
$psql -c "ALTER TABLE daily_channel_reading DROP CONSTRAINT fk_daily_channel_reading_channel"

echo "== partitions, named and bounded as PostgresPartitions makes them"
$psql <<SQL
DO \$\$ DECLARE m date := date_trunc('month', date '$start'); BEGIN
  WHILE m < date '$start' + $days + 1 LOOP
    EXECUTE format('CREATE TABLE interval_read_%s PARTITION OF interval_read FOR VALUES FROM (%L) TO (%L)',
      to_char(m, '"y"YYYY"m"MM'), m::text || ' 00:00:00+00', (m + interval '1 month')::date::text || ' 00:00:00+00');
    EXECUTE format('CREATE TABLE interval_read_history_%s PARTITION OF interval_read_history FOR VALUES FROM (%L) TO (%L)',
      to_char(m, '"y"YYYY"m"MM'), m::text || ' 00:00:00+00', (m + interval '1 month')::date::text || ' 00:00:00+00');
    m := m + interval '1 month';
  END LOOP; END \$\$;
SQL

# Fills channels [first, last]: every half-hour of the days, in key order (channel, interval end),
# server-side; and their daily totals (the 48 half-hours of a UTC day).
fill() {
  local first=$1 last=$2
  local t0=$(date +%s.%N)
  $psql <<SQL
SET synchronous_commit = off;
INSERT INTO interval_read (channel_id, interval_end, read_value, quality, source, version, received_at, import_id)
SELECT c, timestamptz '$start 00:00:00+00' + i * interval '30 minutes', round((random() * 0.8)::numeric, 3), 0, 'A', 1, now(), NULL
FROM generate_series($first, $last) c, generate_series(1, $days * 48) i;
INSERT INTO daily_channel_reading (channel_id, local_day, total, read_count, estimated_count, edited_count, max_value, updated_at)
SELECT c, date '$start' + d, round((random() * 20)::numeric, 3), 48, 0, 0, 0.8, now()
FROM generate_series($first, $last) c, generate_series(0, $days - 1) d;
SQL
  # As autovacuum would have by the time anyone reads: hint bits set, visibility map, statistics.
  $psql -c 'VACUUM (ANALYZE) interval_read' -c 'VACUUM (ANALYZE) daily_channel_reading'
  local t1=$(date +%s.%N)
  python3 -c "import sys; n=($last-$first+1)*$days*48; s=float(sys.argv[2])-float(sys.argv[1]); print(f'   filled {n:,} reads in {s:.0f} s ({n/s:,.0f} reads/s) incl. daily totals and VACUUM (ANALYZE)')" "$t0" "$t1"
}

# Times the application's queries (the exact SQL of JdbcIntervalStore.reads and .daily, prepared like
# the JDBC driver does after 5 uses) for SAMPLES random channels and random 30-day windows, through
# psql (rows travel to the client as they do to the application), and a single primary-key lookup
# as the simplest indexed query for comparison.
measure() {
  local label=$1 max_channel=$2
  local stored=$($psql -Atc "SELECT sum(c.reltuples)::bigint FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'interval_read'::regclass")
  local size=$($psql -Atc "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'interval_read'::regclass")
  echo "== $label: $stored reads stored (estimate), interval_read $size with its index"
  python3 - "$max_channel" "$days" "$samples" "$start" > "$work/queries.sql" <<'PY'
import random, sys, datetime
channels, days, samples, start = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
random.seed(42)
s = datetime.datetime.fromisoformat(start)
print("SET jit = off;")
print("PREPARE reads(bigint, timestamptz, timestamptz) AS SELECT interval_end, read_value, quality, source, version, received_at FROM interval_read"
      " WHERE channel_id = $1 AND interval_end >= $2 AND interval_end < $3 ORDER BY interval_end;")
print("PREPARE daily(bigint, date, date) AS SELECT channel_id, local_day, total, read_count, estimated_count, edited_count, max_value"
      " FROM daily_channel_reading WHERE channel_id = $1 AND local_day >= $2 AND local_day < $3 ORDER BY local_day;")
print("PREPARE one(bigint, timestamptz) AS SELECT read_value FROM interval_read WHERE channel_id = $1 AND interval_end = $2;")
for _ in range(5):  # let the plans become generic, as the driver's server-side statements do
    print(f"EXECUTE reads(1, '{s:%Y-%m-%d}', '{s + datetime.timedelta(days=30):%Y-%m-%d}'); EXECUTE daily(1, '{s:%Y-%m-%d}', '{s + datetime.timedelta(days=30):%Y-%m-%d}'); EXECUTE one(1, '{s:%Y-%m-%d} 12:00+00');")
print("\\timing on")
for kind in ("reads", "daily", "one"):
    print(f"\\echo {kind}")
    for _ in range(samples):
        c = random.randint(1, channels)
        f = s + datetime.timedelta(days=random.randint(0, days - 30), hours=random.choice([0, 12]))
        t = f + datetime.timedelta(days=30)
        if kind == "reads":
            print(f"EXECUTE reads({c}, '{f:%Y-%m-%d %H:%M}+00', '{t:%Y-%m-%d %H:%M}+00');")
        elif kind == "daily":
            print(f"EXECUTE daily({c}, '{f:%Y-%m-%d}', '{t:%Y-%m-%d}');")
        else:
            print(f"EXECUTE one({c}, '{f:%Y-%m-%d %H:%M}+00');")
PY
  # Twice: the first pass reads each channel's pages for the first time (from the OS cache or disk),
  # the second finds them cached.
  for pass in first second; do
  echo "   $pass pass:"
  $psql -o /dev/null -f "$work/queries.sql" > "$work/timings.txt"
  python3 - "$work/timings.txt" "$label" <<'PY'
import sys, statistics
kind, times = None, {}
for line in open(sys.argv[1]):
    line = line.strip()
    if line in ("reads", "daily", "one"):
        kind = line
    elif line.startswith("Time:") and kind:
        times.setdefault(kind, []).append(float(line.split()[1]))
def q(v, p):
    v = sorted(v); return v[min(len(v) - 1, int(round(p * (len(v) - 1))))]
one = statistics.median(times["one"])
for kind, name in (("reads", "one channel's 30 days (1 440 reads)"), ("daily", "its 30 daily totals"), ("one", "one read by primary key")):
    v = times[kind]
    print(f"   {name:38s}: median {statistics.median(v):6.2f} ms, p95 {q(v, 0.95):6.2f} ms, max {max(v):7.2f} ms"
          f" ({len(v)} samples; median {statistics.median(v) / one:4.1f} x the key lookup)")
PY
  done
  local c=$((max_channel / 2))
  echo "   EXPLAIN (ANALYZE, BUFFERS) of the reads query, channel $c:"
  $psql -At <<SQL | sed 's/^/     /'
SET jit = off;
EXPLAIN (ANALYZE, BUFFERS) SELECT interval_end, read_value, quality, source, version, received_at FROM interval_read
  WHERE channel_id = $c AND interval_end >= '$start 00:00+00' AND interval_end < timestamptz '$start 00:00+00' + interval '30 days'
  ORDER BY interval_end;
SQL
}

echo "== phase 1: channels 1..$channels"
fill 1 "$channels"
measure "phase 1" "$channels"

echo "== phase 2: channels $((channels + 1))..$((2 * channels)) over the same days (volume doubled)"
fill $((channels + 1)) $((2 * channels))
measure "phase 2" $((2 * channels))
echo "== $(date -u +%FT%TZ) done; load $(cut -d' ' -f1-3 /proc/loadavg); dropping $db"
