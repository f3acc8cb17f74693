#!/usr/bin/env python3
"""`make bench-process`: `portcullis check` as users run it, next to libyaml's event parse.

Usage: bench-process.py PORTCULLIS YAML_EVENTS CORPUS_DIR SCALE... [--runs N] [--startup FILE]

For each scale (a folder CORPUS_DIR/s<SCALE> made by make-corpus.py), runs interleaved, RUNS times:
  - the C baseline (yaml-events: read + libyaml event parse of every file) pinned to core 0;
  - the same without libyaml's reader (`--without-reader`, as `portcullis check` reads plain files);
  - `portcullis check --no-config DIR`, default packs, text report to a pipe, pinned to core 0;
  - the same on all cores;
each under `/usr/bin/time -v` (peak RSS, CPU times), wall time measured here. Prints one Markdown
table per scale with medians, and a one-file start-up figure from hyperfine.
Ratios are throughputs (libyaml time / portcullis time) taken from the same run, since the machine
is shared.
"""
import os, re, shutil, statistics, subprocess, sys, tempfile, time

args = sys.argv[1:]
def option(name, default):
    if name in args:
        i = args.index(name); value = args[i + 1]; del args[i:i + 2]; return value
    return default
runs_override = option('--runs', None)
startup_file = option('--startup', None)
portcullis, yaml_events, corpus = args[0], args[1], args[2]
scales = [int(s) for s in args[3:]]
cores = os.cpu_count()

def timed(cmd, pinned):
    """Runs cmd (pinned to core 0 or not) under /usr/bin/time -v, its stdout read through a pipe."""
    with tempfile.NamedTemporaryFile('r', suffix='.time') as report:
        full = (['taskset', '-c', '0'] if pinned else []) + ['/usr/bin/time', '-v', '-o', report.name] + cmd
        start = time.perf_counter()
        process = subprocess.Popen(full, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        size, tail = 0, b''
        while True:
            chunk = process.stdout.read(1 << 16)
            if not chunk: break
            size += len(chunk); tail = (tail + chunk)[-4096:]
        status = process.wait()
        wall = time.perf_counter() - start
        text = report.read()
    rss = int(re.search(r'Maximum resident set size \(kbytes\): (\d+)', text).group(1)) * 1024
    user = float(re.search(r'User time \(seconds\): ([\d.]+)', text).group(1))
    system = float(re.search(r'System time \(seconds\): ([\d.]+)', text).group(1))
    return {'wall': wall, 'cpu': user + system, 'rss': rss, 'status': status, 'out': size,
            'tail': tail.decode('utf-8', 'replace')}

def mib(n): return f'{n / 1048576:,.1f} MiB'
def secs(s): return f'{s:.3f} s' if s < 10 else f'{s:.1f} s'

print(f'machine: {cores} cores ({open("/proc/cpuinfo").read().split("model name")[1].split(":")[1].splitlines()[0].strip()}), '
      f'load average at start {os.getloadavg()[0]:.2f}')
for scale in scales:
    folder = os.path.join(corpus, f's{scale}')
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs if f.endswith('.yaml'))
    largest = max(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs if f.endswith('.yaml'))
    runs = int(runs_override) if runs_override else (5 if scale <= 50000 else 3 if scale <= 300000 else 1)
    base, bare, pinned, spread = [], [], [], []
    for _ in range(runs):
        base.append(timed([yaml_events, folder], True))
        bare.append(timed([yaml_events, '--without-reader', folder], True))
        pinned.append(timed([portcullis, 'check', '--no-config', folder], True))
        spread.append(timed([portcullis, 'check', '--no-config', folder], False))
    parsed = re.match(r'files (\d+) documents (\d+)', base[0]['tail'])
    files, documents = int(parsed.group(1)), int(parsed.group(2))
    summary = [l for l in pinned[0]['tail'].splitlines() if l.startswith('checked ')]
    summary = summary[-1] if summary else '(no summary line)'
    findings = sum(int(n) for n in re.findall(r'(\d+) (?:errors?|warnings?|infos?)\b', summary.split(';')[0].split(':', 1)[-1]))
    m = lambda rows, key: statistics.median(r[key] for r in rows)
    lib, one, all_ = m(base, 'wall'), m(pinned, 'wall'), m(spread, 'wall')
    print(f'\n### {documents:,} documents, {files:,} files, {size / 1e6:,.1f} MB (largest file {mib(largest)}); median of {runs}\n')
    print('| measure | libyaml event parse (C) | `portcullis check`, 1 core | `portcullis check`, all cores |')
    print('|---|---:|---:|---:|')
    print(f'| wall time | {secs(lib)} | {secs(one)} | {secs(all_)} |')
    print(f'| CPU time (user + system) | {secs(m(base, "cpu"))} | {secs(m(pinned, "cpu"))} | {secs(m(spread, "cpu"))} |')
    print(f'| documents/s | {documents / lib:,.0f} | {documents / one:,.0f} | {documents / all_:,.0f} |')
    print(f'| throughput ratio to libyaml | 1 | {lib / one:.2f}× | {lib / all_:.2f}× |')
    print(f'| all cores / one core | | | {one / all_:.2f}× |')
    print(f'| peak RSS | {mib(max(r["rss"] for r in base))} | {mib(max(r["rss"] for r in pinned))} | {mib(max(r["rss"] for r in spread))} |')
    print(f'| report (text, to a pipe) | | {pinned[0]["out"] / 1e6:,.1f} MB | |')
    print(f'| exit status | {base[0]["status"]} | {pinned[0]["status"]} | {spread[0]["status"]} |')
    print(f'\nlibyaml without its reader (`yaml-events --without-reader`: plain files handed to the scanner as '
          f'`portcullis check` hands them), one core: {secs(m(bare, "wall"))} wall, {secs(m(bare, "cpu"))} CPU; '
          f'`portcullis check` one core at {m(bare, "wall") / one:.2f}× its throughput')
    print(f'\nfindings: {findings:,} — `{summary}`')
    sys.stdout.flush()

# Cross-document cost: the reliability pack (`--only` selects its 5 policies, the opt-in pdb-fields
# included; 4 of them look across the run) next to four single-document policies, on the smallest
# scale, one core.
if scales:
    folder = os.path.join(corpus, f's{scales[0]}')
    runs = int(runs_override) if runs_override else 3
    selections = [
        ('`--only reliability` (5 policies, 4 cross-document)', ['--only', 'reliability']),
        ('4 `resources/` policies', ['--only', 'resources/limits-required', '--only', 'resources/requests-required',
                                     '--only', 'resources/limit-ceilings', '--only', 'resources/limits-not-below-requests']),
        ('`--only images/no-latest-tag`', ['--only', 'images/no-latest-tag']),
        ('`--disable reliability`', ['--disable', 'reliability']),
        ('default packs', []),
    ]
    print(f'\n### Policy selections over s{scales[0]}, one core, median of {runs} (CPU time is the comparable figure)\n')
    print('| selection | wall | CPU (user + system) | peak RSS | findings |')
    print('|---|---:|---:|---:|---:|')
    for label, extra in selections:
        rows = [timed([portcullis, 'check', '--no-config'] + extra + [folder], True) for _ in range(runs)]
        summary = [l for l in rows[0]['tail'].splitlines() if l.startswith('checked ')]
        found = sum(int(n) for n in re.findall(r'(\d+) (?:errors?|warnings?|infos?)\b', summary[-1].split(';')[0].split(':', 1)[-1])) if summary else -1
        print(f'| {label} | {secs(statistics.median(r["wall"] for r in rows))} | {secs(statistics.median(r["cpu"] for r in rows))} '
              f'| {mib(max(r["rss"] for r in rows))} | {found:,} |', flush=True)

# Linear in findings: one Pod with 50,000 containers, every one failing (2.2 MB).
pod = os.path.join(os.path.dirname(yaml_events), 'pod-50000-containers.yaml')
with open(pod, 'w') as f:
    f.write('apiVersion: v1\nkind: Pod\nmetadata:\n  name: many\n  namespace: shop\nspec:\n  containers:\n')
    for i in range(50000): f.write(f'    - name: c{i}\n      image: nginx:latest\n')
print(f'\n### One Pod with 50,000 failing containers ({os.path.getsize(pod) / 1e6:.1f} MB), one core, median of 3\n')
print('| run | wall | CPU (user + system) | peak RSS | findings counted |')
print('|---|---:|---:|---:|---:|')
for label, extra in [('default packs', []), ('default packs, every finding kept and reported', ['--max-findings-per-resource', '1000000'])]:
    rows = [timed([portcullis, 'check', '--no-config'] + extra + [pod], True) for _ in range(3)]
    counted = re.search(r'(\d+) errors?, (\d+) warnings?', [l for l in rows[0]['tail'].splitlines() if l.startswith('checked ')][-1])
    print(f'| {label} | {secs(statistics.median(r["wall"] for r in rows))} | {secs(statistics.median(r["cpu"] for r in rows))} '
          f'| {mib(max(r["rss"] for r in rows))} | {int(counted.group(1)) + int(counted.group(2)):,} reported |', flush=True)

if startup_file and not shutil.which('hyperfine'):
    print(f'\n### One small file ({startup_file}): not measured, hyperfine is not installed (apt-get install hyperfine)', flush=True)
elif startup_file:
    print(f'\n### One small file ({startup_file}), default packs: hyperfine -N, warm-up 10, 100 runs\n', flush=True)
    with tempfile.NamedTemporaryFile('r', suffix='.md') as table:
        subprocess.run(['hyperfine', '-N', '--warmup', '10', '--runs', '100', '-i', '--style', 'none',
                        '--export-markdown', table.name, f'{portcullis} check --no-config {startup_file}'],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        print(table.read())
