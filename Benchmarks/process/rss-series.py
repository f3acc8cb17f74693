#!/usr/bin/env python3
"""Resident memory of a command over time: where in a run its peak is, and of what.

    Benchmarks/process/rss-series.py 0.05 .build/release/portcullis check --no-config .build/bench-corpus/s1000000

Every INTERVAL seconds it prints the elapsed time, VmRSS, RssAnon (heap and anonymous mappings)
and RssFile (the binary's and libraries' pages, and the spill regions' mapped files), in KiB, from
/proc/PID/status (Linux), then the peak (VmHWM) with its time. /usr/bin/time gives the peak only;
a peak that lasts a fraction of a second at the end of a run shows here.
"""
import subprocess
import sys
import time

if len(sys.argv) < 3:
    sys.exit(__doc__)
interval = float(sys.argv[1])
process = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
started = time.time()
peak = (0, 0.0)
while process.poll() is None:
    try:
        fields = {}
        with open(f"/proc/{process.pid}/status") as status:
            for line in status:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "RssAnon", "RssFile"):
                    fields[key] = int(value.split()[0])
        elapsed = time.time() - started
        if fields.get("VmRSS", 0) > peak[0]:
            peak = (fields["VmRSS"], elapsed)
        print(f"{elapsed:7.2f} s  rss {fields['VmRSS']:7d}  anon {fields['RssAnon']:7d}  file {fields['RssFile']:7d}", flush=True)
    except (OSError, KeyError):
        pass  # the process ended between the poll and the read
    time.sleep(interval)
print(f"peak sampled: {peak[0]} KiB at {peak[1]:.2f} s (exit status {process.returncode})")
