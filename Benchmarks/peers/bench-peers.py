#!/usr/bin/env python3
"""The peer table of `make bench-peers`: Portcullis, OPA and Checkov with equivalent checks.

Usage: bench-peers.py PORTCULLIS VENV OUT_DIR [--runs N] NAME=FOLDER...

For each corpus, each tool runs on one core (`taskset -c 0`) under `/usr/bin/time -v`: Portcullis
and OPA N times (the median wall time is reported, with the largest peak RSS), Checkov once (it takes
about a minute per corpus). Documents/s divides the same count for every tool: the resources in the
input (documents with apiVersion and kind, list items one by one) as Portcullis counts them; each
tool's own count is printed too. Findings are counted per check, and as resources with at least one
finding, the unit Checkov reports in.

Kustomize patch files (named by a kustomization's patches, patchesJson6902, patchesStrategicMerge)
are partial resources Portcullis does not check as such; OPA and Checkov are told to skip them too.
"""
import argparse, json, os, re, shutil, signal, statistics, subprocess, sys, time

import yaml

# Portcullis policy -> check, the Rego check, the Checkov checks.
CHECKS = [
    ('images', 'images/no-latest-tag', ['CKV_K8S_14']),
    ('limits', 'resources/limits-required', ['CKV_K8S_11', 'CKV_K8S_13']),
    ('run-as-non-root', 'pod-security-restricted/run-as-non-root', ['CKV_K8S_23']),
    ('privilege-escalation', 'pod-security-restricted/allow-privilege-escalation', ['CKV_K8S_20']),
    ('plaintext-secret', 'secrets/no-plaintext', []),
]
HERE = os.path.dirname(os.path.abspath(__file__))


def kustomize_patch_files(root):
    """The files kustomizations under `root` read as patches (as Portcullis's Kustomization does)."""
    patches = set()
    for folder, _, names in os.walk(root):
        for name in names:
            if name not in ('kustomization.yaml', 'kustomization.yml', 'Kustomization'):
                continue
            try:
                document = yaml.load(open(os.path.join(folder, name), 'rb'), Loader=yaml.CSafeLoader)
            except yaml.YAMLError:
                continue
            if not isinstance(document, dict):
                continue
            entries = (document.get('patches') or []) + (document.get('patchesJson6902') or [])
            paths = [e['path'] for e in entries if isinstance(e, dict) and isinstance(e.get('path'), str)]
            paths += [e for e in document.get('patchesStrategicMerge') or []
                      if isinstance(e, str) and '\n' not in e and ': ' not in e]
            for path in paths:
                full = os.path.realpath(os.path.join(folder, path))
                if os.path.isfile(full):
                    patches.add(full)
    return sorted(patches)


def timed(command, stdout_path, env=None, accept=(0,), timeout=None):
    """Runs `command` pinned to core 0 under /usr/bin/time -v: (wall seconds, peak RSS MiB, CPU
    seconds), or None when it runs past `timeout` seconds (then its whole process group is killed).
    Without a timeout, wall time is measured here and CPU time taken from wait4's resource usage
    (both to the microsecond: /usr/bin/time prints hundredths, a 6 % step at Portcullis's 0.17 s);
    with one, from /usr/bin/time's report."""
    time_path = stdout_path + '.time'
    precise = None
    with open(stdout_path, 'wb') as out, open(stdout_path + '.stderr', 'wb') as err:
        start = time.perf_counter()
        process = subprocess.Popen(['/usr/bin/time', '-v', '-o', time_path, 'taskset', '-c', '0'] + command,
                                   stdout=out, stderr=err, env=env, start_new_session=True)
        if timeout is None:
            _, wait_status, usage = os.wait4(process.pid, 0)
            precise = (time.perf_counter() - start, usage.ru_utime + usage.ru_stime)
            process.returncode = status = os.waitstatus_to_exitcode(wait_status)
        else:
            try:
                status = process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                return None
    report = open(time_path).read()
    if status not in accept:
        sys.exit(f'bench-peers: {command[0]} exited with {status} (its standard error: {stdout_path}.stderr)\n{report}')
    wall = re.search(r'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)', report)
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    rss = int(re.search(r'Maximum resident set size \(kbytes\): (\d+)', report).group(1)) / 1024
    cpu = sum(float(re.search(rf'{kind} time \(seconds\): ([\d.]+)', report).group(1)) for kind in ('User', 'System'))
    if precise:
        seconds, cpu = precise
    return seconds, rss, cpu


def repeat(runs, command, path, **options):
    """Runs `command` `runs` times, each writing `path`.N: the median wall and CPU times, the largest peak
    RSS, and the path of the run whose wall time is the median's (the one whose output is reported)."""
    results = [timed(command, f'{path}.{run}', **options) + (f'{path}.{run}',) for run in range(runs)]
    median = statistics.median(r[0] for r in results)
    chosen = min(results, key=lambda r: abs(r[0] - median))
    return {'wall': median, 'cpu': statistics.median(r[2] for r in results), 'rss': max(r[1] for r in results)}, chosen[3]


def run_portcullis(binary, root, out, runs):
    command = [binary, 'check', '--no-config', '--format', 'json']
    for _, policy, _ in CHECKS:
        command += ['--only', policy]
    path = os.path.join(out, 'portcullis.json')
    # The five policies are a selection, compiled on a first run and loaded from the compiled-policy
    # cache by every later one (what a user's second run does): one unmeasured run fills a cache of
    # the benchmark's own, then the measured runs load it. The first run's time is reported beside.
    env = dict(os.environ, PORTCULLIS_CACHE_DIR=os.path.join(out, 'policy-cache'))
    shutil.rmtree(env['PORTCULLIS_CACHE_DIR'], ignore_errors=True)
    # Exit 1: findings; 2: input errors (the corpora hold broken files on purpose).
    first = timed(command + [root], path + '.first', env=env, accept=(0, 1, 2))
    times, chosen = repeat(runs, command + [root], path, env=env, accept=(0, 1, 2))
    times['first_wall'], times['first_cpu'] = first[0], first[2]
    report = json.load(open(chosen))
    findings, flagged = {}, {}
    by_policy = {policy: check for check, policy, _ in CHECKS}
    resources = {}
    for finding in report['findings']:
        check = by_policy[finding['policy']]
        findings[check] = findings.get(check, 0) + 1
        resources.setdefault(check, set()).add((finding['file'], finding['document'], finding.get('item')))
    flagged = {check: len(keys) for check, keys in resources.items()}
    return {**times, 'resources': report['summary']['resources'], 'findings': findings,
            'flagged': flagged, 'note': f"{report['summary']['files']} files"}


def run_opa(venv, root, out, runs, skip_list):
    command = [os.path.join(venv, 'bin', 'python'), os.path.join(HERE, 'opa-check.py'),
               os.path.join(HERE, 'checks.rego'), root, skip_list]
    path = os.path.join(out, 'opa.json')
    times, chosen = repeat(runs, command, path)
    report = json.load(open(chosen))
    return {**times, 'resources': report['resources'], 'findings': report['findings'],
            'flagged': report['resources_flagged'], 'opa_seconds': report['opa_seconds'],
            'yaml_seconds': report['yaml_seconds'],
            'note': f"{report['files']} files, {len(report['unreadable'])} unreadable by PyYAML"}


def run_checkov(venv, root, out, patches, timeout):
    ids = sorted({i for _, _, checkov in CHECKS for i in checkov})
    command = [os.path.join(venv, 'bin', 'checkov'), '-d', root, '--framework', 'kubernetes', '--skip-download',
               '--quiet', '--compact', '-o', 'json', '--check', ','.join(ids)]
    for patch in patches:
        command += ['--skip-path', '/' + re.escape(os.path.relpath(patch, os.path.realpath(root))) + '$']
    env = dict(os.environ, BC_SKIP_MAPPING='TRUE', CKV_SKIP_PACKAGE_UPDATE_CHECK='true',
               PATH=os.path.join(venv, 'bin') + os.pathsep + os.environ['PATH'])
    path = os.path.join(out, 'checkov.json')
    measured = timed(command, path, env=env, accept=(0, 1), timeout=timeout)
    if measured is None:
        return {'timeout': timeout}
    wall, rss, cpu = measured
    report = json.load(open(path))
    if isinstance(report, list):
        report = next(r for r in report if r.get('check_type') == 'kubernetes')
    failed = report.get('results', {}).get('failed_checks', [])
    by_id = {i: check for check, _, ids in CHECKS for i in ids}
    findings, resources = {}, {}
    for entry in failed:
        check = by_id[entry['check_id']]
        findings[check] = findings.get(check, 0) + 1
        resources.setdefault(check, set()).add((entry['file_path'], entry['resource']))
    summary = report.get('summary', {})
    return {'wall': wall, 'cpu': cpu, 'rss': rss, 'resources': summary.get('resource_count'), 'findings': findings,
            'flagged': {c: len(k) for c, k in resources.items()},
            'note': f"{summary.get('parsing_errors', 0)} parsing errors"}


def table(name, root, results, documents, runs):
    print(f"\n### {name}: {root}, {documents} resources (Portcullis's count), one core (taskset -c 0)\n")
    tools = list(results)
    portcullis = results['Portcullis']['wall']
    print('| | ' + ' | '.join(tools) + ' |')
    print('|---|' + '---:|' * len(tools))
    def row(label, cell):
        cells = []
        for tool in tools:
            r = results[tool]
            if 'timeout' in r:
                cells.append('once' if label == 'runs' else
                             f"stopped after {r['timeout']:.0f} s" if label.startswith('wall') else
                             f"< {documents / r['timeout']:,.0f}" if label.startswith('documents') else
                             f"> {r['timeout'] / portcullis:,.0f}×" if label == 'Portcullis is … × faster' else '—')
            else:
                cells.append(cell(r))
        print(f'| {label} | ' + ' | '.join(cells) + ' |')
    row('runs', lambda r: 'once' if r is results.get('Checkov') else f'median of {runs}')
    row('wall time (s)', lambda r: f"{r['wall']:.3f}")
    row('documents/s', lambda r: f"{documents / r['wall']:,.0f}")
    row('Portcullis is … × faster', lambda r: f"{r['wall'] / portcullis:.1f}×")
    row('CPU time, user + system (s)', lambda r: f"{r['cpu']:.3f}")
    row('Portcullis is … × faster in CPU time', lambda r: f"{r['cpu'] / results['Portcullis']['cpu']:.1f}×")
    row('peak RSS (MiB)', lambda r: f"{r['rss']:.0f}")
    row('resources it counted', lambda r: str(r['resources']))
    for check, _, _ in CHECKS:
        def cell(r, check=check):
            if r is results.get('Checkov') and not [i for c, _, ids in CHECKS if c == check for i in ids]:
                return 'no equivalent check'
            return f"{r['findings'].get(check, 0)} ({r['flagged'].get(check, 0)})"
        row(f'{check}: findings (resources)', cell)
    row('notes', lambda r: r['note'])
    p = results['Portcullis']
    print(f"\nPortcullis's first run, which compiles the five policies and keeps them in the compiled-policy "
          f"cache (the measured runs load them): {p['first_wall']:.2f} s wall, {p['first_cpu']:.2f} s CPU; "
          f"OPA is {results['OPA']['wall'] / p['first_wall']:.1f}× slower than that run.")
    o = results['OPA']
    print(f"\nOPA's median run: {o['yaml_seconds']:.2f} s reading YAML (PyYAML + libyaml), "
          f"{o['opa_seconds']:.2f} s in OPA (input JSON encoding + eval, one eval per resource), the rest "
          f"starting Python and loading the engine. OPA eval alone: {documents / o['opa_seconds']:,.0f} documents/s; "
          f"Portcullis's whole process is {o['opa_seconds'] / portcullis:.1f}× as fast as that alone.")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('portcullis')
    parser.add_argument('venv')
    parser.add_argument('out')
    parser.add_argument('--runs', type=int, default=3)
    parser.add_argument('--skip-checkov', action='store_true')
    parser.add_argument('--checkov-timeout', type=float, default=900,
                        help='seconds after which Checkov is stopped and reported as not finished')
    parser.add_argument('corpora', nargs='+')
    arguments = parser.parse_args()
    for corpus in arguments.corpora:
        name, root = corpus.split('=', 1)
        out = os.path.join(arguments.out, name)
        os.makedirs(out, exist_ok=True)
        patches = kustomize_patch_files(root)
        skip_list = os.path.join(out, 'kustomize-patches.txt')
        open(skip_list, 'w').write(''.join(p + '\n' for p in patches))
        print(f'{name}: {len(patches)} kustomize patch files left out', file=sys.stderr, flush=True)
        results = {}
        print(f'{name}: Portcullis ×{arguments.runs}', file=sys.stderr, flush=True)
        results['Portcullis'] = run_portcullis(arguments.portcullis, root, out, arguments.runs)
        print(f'{name}: OPA ×{arguments.runs}', file=sys.stderr, flush=True)
        results['OPA'] = run_opa(arguments.venv, root, out, arguments.runs, skip_list)
        if not arguments.skip_checkov:
            print(f'{name}: Checkov ×1', file=sys.stderr, flush=True)
            results['Checkov'] = run_checkov(arguments.venv, root, out, patches, arguments.checkov_timeout)
        table(name, root, results, results['Portcullis']['resources'], arguments.runs)


if __name__ == '__main__':
    main()
