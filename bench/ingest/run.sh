#!/usr/bin/env bash
# Ingest benchmark (run by hand, never in CI): in one run on the same PostgreSQL, loads the same
# interval reads (a) with psql COPY into an empty partitioned table with the same primary key — the
# raw floor — and (b) end to end through the application: CMEP file → REST upload → parser →
# channel mapping → COPY into staging → MERGE into monthly partitions + daily totals. Prints reads/s
# of both, the ratio b/a, and the time to read one channel's 30 days.
#
#   bench/ingest/run.sh [METERS=2000] [DAYS=30]      (rows = METERS x DAYS x 96)
#
# Needs: a built project (mvn install -DskipTests), PostgreSQL 15+ at 127.0.0.1:5432 (user postgres,
# trust), python3, curl. Uses the database mdms_bench, port offset 200, target/bench; checks free
# disk first and removes its files and database afterwards.
set -euo pipefail

meters=${1:-2000}
days=${2:-30}
rows=$((meters * days * 96))
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jboss_home=$(ls -d "$root"/target/server/wildfly-*)
work=$(mktemp -d /tmp/mdms-bench.XXXXXX)
url=http://127.0.0.1:8280/mdms/api
auth=admin:bench-password
psql="psql -h 127.0.0.1 -U postgres -d mdms_bench -q -v ON_ERROR_STOP=1"

# About 330 bytes per read across the files and both tables, plus headroom.
. "$root/bench/lib.sh"
require_free_disk $((rows * 330 / 1024 + 2 * 1024 * 1024))

server=""
cleanup() {
  set +e
  [ -n "$server" ] && kill "$server" 2>/dev/null
  pkill -f "jboss.server.base.dir=$root/target/bench" 2>/dev/null || true
  dropdb -h 127.0.0.1 -U postgres --if-exists --force mdms_bench 2>/dev/null || true
  rm -rf "$work" "$root/target/bench"
}
trap cleanup EXIT

echo "== generating $meters meters x $days days = $rows reads"
python3 "$here/generate.py" "$meters" "$days" "$work"
ls -la "$work"

dropdb -h 127.0.0.1 -U postgres --if-exists --force mdms_bench
createdb -h 127.0.0.1 -U postgres mdms_bench

echo "== starting the application on PostgreSQL (port offset 200)"
MDMS_BASE_DIR="$root/target/bench" MDMS_DEMO=false MDMS_PORT_OFFSET=200 \
MDMS_DB_URL=jdbc:postgresql://127.0.0.1:5432/mdms_bench MDMS_DB_USER=postgres \
MDMS_BOOTSTRAP_ADMIN_PASSWORD=bench-password MDMS_CMEP_ZONE=UTC \
  bash "$root/mdms-ear/src/main/wildfly/run.sh" "$jboss_home" postgresql "$root/mdms-ear/target/drivers" \
  > "$work/server.out" 2>&1 &
server=$!
until grep -q "OpenMDMS is running" "$work/server.out"; do
  kill -0 "$server" 2>/dev/null || { tail -50 "$work/server.out"; exit 1; }
  sleep 2
done

curl -sf -u "$auth" -H 'Content-Type: text/csv' --data-binary @"$work/registry.csv" \
  "$url/registry/import?source=bench-registry" > "$work/registry.json"
echo "registry: $(cat "$work/registry.json" | head -c 200)"

echo "== (a) raw floor: psql COPY into an empty partitioned table with the same key"
$psql -Atc "SELECT m.serial_number || E'\t' || c.id FROM meter m
  JOIN meter_installation i ON i.meter_id = m.id JOIN channel c ON c.usage_point_id = i.usage_point_id" > "$work/channels.tsv"
awk -F'\t' 'NR==FNR {id[$1]=$2; next} {$1=id[$1]; print}' OFS='\t' "$work/channels.tsv" "$work/floor.tsv" > "$work/floor-ids.tsv"
first_month=$(head -1 "$work/floor.tsv" | cut -f2 | cut -c1-7)
$psql <<SQL
CREATE TABLE bench_floor (LIKE interval_read INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
  PRIMARY KEY (channel_id, interval_end)) PARTITION BY RANGE (interval_end);
DO \$\$ DECLARE m date := date '${first_month}-01'; BEGIN
  FOR i IN 0..$(( days / 28 + 1 )) LOOP
    EXECUTE format('CREATE TABLE bench_floor_%s PARTITION OF bench_floor FOR VALUES FROM (%L) TO (%L)',
      to_char(m, 'YYYYMM'), m::timestamptz, (m + interval '1 month')::timestamptz);
    m := m + interval '1 month';
  END LOOP; END \$\$;
SQL
a_start=$(date +%s.%N)
$psql -c "\\copy bench_floor (channel_id, interval_end, read_value, quality, source, version, received_at, import_id) FROM '$work/floor-ids.tsv'"
a_end=$(date +%s.%N)
$psql -c "DROP TABLE bench_floor"

echo "== (b) end to end: CMEP upload through the application"
b_start=$(date +%s.%N)
curl -sf -u "$auth" -H 'Content-Type: text/csv' --data-binary @"$work/reads.cmep" \
  "$url/readings/import?format=cmep&source=bench.cmep" > "$work/import.json" \
  || { echo "the upload failed (curl exit $?); see $root/target/bench/log/server.log" >&2; exit 1; }
b_end=$(date +%s.%N)
echo "import: $(head -c 300 "$work/import.json")"

echo "== reading one channel's 30 days"
channel=$(head -1 "$work/channels.tsv" | cut -f2)
start=$(head -1 "$work/floor.tsv" | cut -f2 | cut -c1-10)
query_ms=$($psql -At <<SQL | grep -o 'Execution Time: [0-9.]*' | sort -t: -k2 -n | sed -n 3p
SET jit = off;
EXPLAIN ANALYZE SELECT * FROM interval_read WHERE channel_id = $channel
  AND interval_end >= '$start' AND interval_end < timestamptz '$start' + interval '30 days';
EXPLAIN ANALYZE SELECT * FROM interval_read WHERE channel_id = $channel
  AND interval_end >= '$start' AND interval_end < timestamptz '$start' + interval '30 days';
EXPLAIN ANALYZE SELECT * FROM interval_read WHERE channel_id = $channel
  AND interval_end >= '$start' AND interval_end < timestamptz '$start' + interval '30 days';
EXPLAIN ANALYZE SELECT * FROM interval_read WHERE channel_id = $channel
  AND interval_end >= '$start' AND interval_end < timestamptz '$start' + interval '30 days';
EXPLAIN ANALYZE SELECT * FROM interval_read WHERE channel_id = $channel
  AND interval_end >= '$start' AND interval_end < timestamptz '$start' + interval '30 days';
SQL
)
up=$(head -1 "$work/channels.tsv" | cut -f1 | sed 's/^BM/BUP/')
rest_s=$(curl -s -o /dev/null -w '%{time_total}' -u "$auth" \
  "$url/usage-points/$up/channels/$channel/reads?from=${start}T00:00:00Z&to=$(date -u -d "$start + 30 days" +%Y-%m-%d)T00:00:00Z")
stored=$($psql -Atc "SELECT count(*) FROM interval_read")

python3 - "$rows" "$a_start" "$a_end" "$b_start" "$b_end" "$stored" "$query_ms" "$rest_s" <<'PY'
import sys
rows, a0, a1, b0, b1, stored, q, rest = sys.argv[1:]
rows, stored = int(rows), int(stored)
a, b = float(a1) - float(a0), float(b1) - float(b0)
print(f"\nreads: {rows:,} generated, {stored:,} stored by the application")
print(f"(a) raw COPY floor     : {a:8.1f} s  {rows / a:10,.0f} reads/s")
print(f"(b) application ingest : {b:8.1f} s  {rows / b:10,.0f} reads/s")
print(f"ratio b/a              : {a / b:.2f}")
print(f"one channel, 30 days   : {q} ms in SQL (median of 5, JIT off), {float(rest) * 1000:.0f} ms through REST")
PY
