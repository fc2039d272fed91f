#!/usr/bin/env python3
"""Realistic interval data for the ingest benchmark, written three ways from the same numbers:

  registry.csv   the registry import file: N usage points with a 15-minute kWh channel
  reads.cmep     CMEP MEPMD01, one record per meter and day (96 quarter-hours, times = interval
                 ends in UTC, empty after the first), i.e. what a head-end would send
  floor.tsv      the same values as rows for PostgreSQL COPY (filled in by run.sh once the channel
                 ids are known: this file has the meter serial in the first column; not written
                 with NO_FLOOR=1)

Daily load shapes: a residential double hump (morning, evening) or a commercial plateau, scaled per
meter, with noise, a few zero runs (outages) and spikes, so that the data looks like real AMI data.
Deterministic (seeded). Usage: generate.py METERS DAYS OUTDIR [START=2026-01-01] [SEED=2013] [PREFIX=B]
(PREFIX starts the usage point and meter codes: BUP0000000, BM0000000.)
"""
import datetime as dt
import math
import os
import random
import sys


def shape(kind, q):
    h = q / 4.0
    if kind == "C":
        return 0.3 + (1.0 if 8 <= h < 18 else 0.0) * (0.9 + 0.1 * math.sin(h))
    return 0.15 + 0.5 * math.exp(-((h - 7.5) ** 2) / 2) + 0.9 * math.exp(-((h - 19) ** 2) / 4)


def main():
    meters, days, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    start = dt.date.fromisoformat(sys.argv[4]) if len(sys.argv) > 4 else dt.date(2026, 1, 1)
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 2013)
    prefix = sys.argv[6] if len(sys.argv) > 6 else "B"
    with open(os.path.join(out, "registry.csv"), "w") as reg:
        reg.write("usage_point_id,commodity,customer_class,time_zone,meter_serial,installed_from,channels\n")
        for m in range(meters):
            kind = "COMMERCIAL" if m % 10 == 0 else "RESIDENTIAL"
            reg.write(f"{prefix}UP{m:07d},E,{kind},UTC,{prefix}M{m:07d},{start - dt.timedelta(days=30)},KWH:15:DELIVERED\n")
    # NO_FLOOR=1: no floor.tsv (vee-cost.sh has no use for it)
    floor = None if os.environ.get("NO_FLOOR") == "1" else open(os.path.join(out, "floor.tsv"), "w")
    with open(os.path.join(out, "reads.cmep"), "w") as cmep:
        for m in range(meters):
            kind = "C" if m % 10 == 0 else "R"
            scale = rnd.uniform(0.5, 2.5) * (8 if kind == "C" else 1)
            serial = f"{prefix}M{m:07d}"
            for d in range(days):
                day = start + dt.timedelta(days=d)
                values = []
                for q in range(96):
                    v = shape(kind, q) * scale * rnd.uniform(0.85, 1.15) / 4
                    if rnd.random() < 0.0005:
                        v *= 12  # spike
                    values.append(round(v, 3))
                if rnd.random() < 0.002:  # an outage of a few hours
                    first = rnd.randrange(0, 80)
                    for q in range(first, first + 16):
                        values[q] = 0.0
                first_end = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=15)
                triples = [f"{first_end:%Y%m%d%H%M},A,{values[0]}"] + [f",A,{v}" for v in values[1:]]
                cmep.write(f"MEPMD01,20260101,BENCH-HES,,MDMS,,{day:%Y%m%d}0000,{serial},OK,E,KWH,1,00000015,96,"
                           + ",".join(triples) + "\n")
                for q, v in enumerate(values if floor else ()):
                    end = first_end + dt.timedelta(minutes=15 * q)
                    floor.write(f"{serial}\t{end:%Y-%m-%d %H:%M:%S}+00\t{v}\t0\tA\t1\t2026-01-01 00:00:00+00\t\\N\n")


    if floor:
        floor.close()


if __name__ == "__main__":
    main()
