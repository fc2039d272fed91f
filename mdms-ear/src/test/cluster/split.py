#!/usr/bin/env python3
"""Splits bench/ingest/generate.py's CMEP file (one record per meter and day, 96 quarter-hours) into
the three ingest paths run.sh drives, so that together they carry every read exactly once:

  jms/*.json     days 1..JMS_DAYS, one JSON reading batch per METERS_PER_MESSAGE meters (the queue)
  inbox/*.cmep   the next INBOX_DAYS days, CMEP as generated, one file per INBOX_FILES meter group
  rest/*.json    the remaining days, one JSON reading batch per METERS_PER_BATCH meters (REST, with
                 an Idempotency-Key)

Usage: split.py READS.CMEP OUTDIR METERS DAYS
Prints the number of reads and of files of each path.
"""
import collections
import datetime as dt
import json
import os
import sys

JMS_DAYS, INBOX_DAYS = 2, 7
METERS_PER_MESSAGE, INBOX_FILES, METERS_PER_BATCH = 1, 2, 10


def reads(fields):
    serial = fields[7]
    first = dt.datetime.strptime(fields[14], "%Y%m%d%H%M").replace(tzinfo=dt.timezone.utc)
    values = fields[16::3]
    for q, v in enumerate(values):
        end = first + dt.timedelta(minutes=15 * q)
        yield {"meterId": serial, "unit": "KWH", "intervalMinutes": 15, "direction": "DELIVERED",
               "intervalEnd": end.strftime("%Y-%m-%dT%H:%M:%SZ"), "value": float(v)}


def main():
    cmep, out, meters, days = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    by_meter = collections.defaultdict(list)  # serial -> [(day index, line)]
    order = []
    with open(cmep) as f:
        for line in f:
            fields = line.rstrip("\n").split(",")
            serial = fields[7]
            if serial not in by_meter:
                order.append(serial)
            by_meter[serial].append(line)
    for folder in ("jms", "inbox", "rest"):
        os.makedirs(os.path.join(out, folder), exist_ok=True)
    counts = collections.Counter()

    def batch(folder, name, serials, first_day, last_day):
        body = [r for s in serials for line in by_meter[s][first_day:last_day] for r in reads(line.split(","))]
        with open(os.path.join(out, folder, name + ".json"), "w") as f:
            json.dump({"source": folder + " " + name, "reads": body}, f, separators=(",", ":"))
        counts[folder + " reads"] += len(body)
        counts[folder + " files"] += 1

    for i in range(0, meters, METERS_PER_MESSAGE):
        batch("jms", f"cluster-jms-{i // METERS_PER_MESSAGE:04d}", order[i:i + METERS_PER_MESSAGE], 0, JMS_DAYS)
    group = meters // INBOX_FILES
    for g in range(INBOX_FILES):
        serials = order[g * group:(g + 1) * group if g < INBOX_FILES - 1 else meters]
        with open(os.path.join(out, "inbox", f"cluster-inbox-{g}.cmep"), "w") as f:
            for s in serials:
                lines = by_meter[s][JMS_DAYS:JMS_DAYS + INBOX_DAYS]
                f.writelines(lines)
                counts["inbox reads"] += 96 * len(lines)
        counts["inbox files"] += 1
    for i in range(0, meters, METERS_PER_BATCH):
        batch("rest", f"cluster-rest-{i // METERS_PER_BATCH:04d}", order[i:i + METERS_PER_BATCH],
              JMS_DAYS + INBOX_DAYS, days)
    for path in ("jms", "inbox", "rest"):
        print(f"{path} {counts[path + ' files']} {counts[path + ' reads']}")


if __name__ == "__main__":
    main()
