#!/usr/bin/env python3
"""A storm of power events sent to the application as a head-end would, timed until detection is done.

    storm.py URL AUTH DB EVENTS_TSV KIND LABEL EXPECT SENDERS BATCH

EVENTS_TSV: meter serial, occurred_at (ISO, UTC), one event a line, in the order to send. KIND is
LAST_GASP or POWER_RESTORE. Events go to POST /api/readings/batch in requests of BATCH events (each
with its own Idempotency-Key), from SENDERS threads side by side. Meanwhile psql is asked every 0.2 s
how many outages are OPEN, how many are active (not RESTORED) and how many events are still queued
for the detector. EXPECT says when the storm is done: "open=N" (N outages OPEN and the queue empty)
or "active=0" (no outage left active and the queue empty). Prints one line of key=value figures
(seconds from the first request sent) for run.sh.
"""
import base64
import http.client
import json
import queue
import subprocess
import sys
import threading
import time
import urllib.parse

url, auth, db, tsv, kind, label, expect, senders, batch = sys.argv[1:10]
senders, batch = int(senders), int(batch)
target = urllib.parse.urlparse(url)
head = {"Authorization": "Basic " + base64.b64encode(auth.encode()).decode(), "Content-Type": "application/json"}
events = [line.rstrip("\n").split("\t") for line in open(tsv) if line.strip()]
requests = queue.Queue()
for i in range(0, len(events), batch):
    requests.put((i // batch, events[i:i + batch]))
failures, stored, duplicates, done_at = [], [0], [0], []
lock = threading.Lock()


def send():
    conn = http.client.HTTPConnection(target.hostname, target.port, timeout=600)
    while True:
        try:
            n, part = requests.get_nowait()
        except queue.Empty:
            break
        body = json.dumps({"source": f"bench storm {label}", "events": [
            {"meterId": serial, "type": kind, "occurredAt": at} for serial, at in part]})
        h = dict(head)
        h["Idempotency-Key"] = f"bench-{label}-{n}"
        conn.request("POST", target.path.rstrip("/") + "/readings/batch", body, h)
        r = conn.getresponse()
        text = r.read()
        with lock:
            if r.status != 200:
                failures.append(f"{r.status} {text[:300]!r}")
            else:
                answer = json.loads(text)
                stored[0] += answer.get("stored", 0)
                duplicates[0] += answer.get("duplicates", 0)
                if answer.get("rejected") or answer.get("failure"):
                    failures.append(f"rejected {answer.get('rejected')}: {json.dumps(answer)[:300]}")
    conn.close()
    with lock:
        done_at.append(time.time())


def poll():
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-XAtF", " ", "-c",
                          "SELECT count(*) FILTER (WHERE state = 'OPEN'), count(*) FILTER (WHERE state <> 'RESTORED'),"
                          " (SELECT count(*) FROM power_event_queue) FROM outage"],
                         capture_output=True, text=True).stdout.split()
    return tuple(int(x) for x in out) if len(out) == 3 else (-1, -1, -1)


want_kind, want_n = expect.split("=")
want_n = int(want_n)
t0 = time.time()
threads = [threading.Thread(target=send) for _ in range(senders)]
for t in threads:
    t.start()
first_open = queue_seen = None
trace = []
while True:
    opened, active, queued = poll()
    now = time.time() - t0
    trace.append((now, opened, active, queued))
    if first_open is None and opened > 0:
        first_open = now
    sent = len(done_at) == senders
    if sent and queued == 0 and ((want_kind == "open" and opened >= want_n) or (want_kind == "active" and active == want_n)):
        break
    if now > 900:
        print(f"timeout after 900 s: open {opened}, active {active}, queued {queued}", file=sys.stderr)
        break
    time.sleep(0.2)
end = time.time() - t0
for t in threads:
    t.join()
last_sent = max(done_at) - t0 if done_at else float("nan")
peak = max(q for _, _, _, q in trace)
print(f"events={len(events)} requests={(len(events) + batch - 1) // batch} senders={senders} stored={stored[0]}"
      f" duplicates={duplicates[0]} failures={len(failures)} sent_s={last_sent:.2f} first_open_s="
      f"{-1 if first_open is None else first_open:.2f} done_s={end:.2f} open={trace[-1][1]} active={trace[-1][2]}"
      f" queue_peak={peak} t0={t0:.3f}")
for f in failures[:5]:
    print("   failure:", f, file=sys.stderr)
