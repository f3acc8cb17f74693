#!/usr/bin/env python3
"""Which resources Portcullis and Checkov disagree on, per check, after `make bench-peers`.

Usage: compare-resources.py OUT_DIR ROOT
  e.g. compare-resources.py .build/bench-peers/shared-corpus ../shared/corpus

Reads the reports bench-peers.py left in OUT_DIR (portcullis.json.N, the median run's or any, and
checkov.json) and prints, for each check Checkov has, the resources (file, kind, name) that only one
of the two flags. Checkov reports once per resource, so resources are what is compared.
"""
import glob, json, os, sys

CHECKOV_IDS = {
    'images/no-latest-tag': ['CKV_K8S_14'],
    'resources/limits-required': ['CKV_K8S_11', 'CKV_K8S_13'],
    'pod-security-restricted/run-as-non-root': ['CKV_K8S_23'],
    'pod-security-restricted/allow-privilege-escalation': ['CKV_K8S_20'],
}


def main():
    out, root = sys.argv[1], os.path.realpath(sys.argv[2])
    reports = sorted(glob.glob(os.path.join(out, 'portcullis.json.*[0-9]')))
    if not reports or not os.path.exists(os.path.join(out, 'checkov.json')):
        sys.exit(f'compare-resources: no portcullis.json.N or checkov.json in {out} (run make bench-peers first)')
    portcullis = json.load(open(reports[0]))
    checkov = json.load(open(os.path.join(out, 'checkov.json')))
    if isinstance(checkov, list):
        checkov = next(r for r in checkov if r.get('check_type') == 'kubernetes')

    def relative(path):
        return os.path.relpath(os.path.realpath(path), root)

    for policy, ids in CHECKOV_IDS.items():
        ours = {(relative(f['file']), f.get('kind'), f.get('name')) for f in portcullis['findings'] if f['policy'] == policy}
        theirs = set()
        for entry in checkov.get('results', {}).get('failed_checks', []):
            if entry['check_id'] in ids:
                kind, _, name = entry['resource'].split('.', 2)
                theirs.add((relative(entry['file_path'].lstrip('/')), kind, name))
        print(f'{policy} ({", ".join(ids)}): Portcullis {len(ours)} resources, Checkov {len(theirs)}')
        for resource in sorted(ours - theirs):
            print('  only Portcullis:', *resource)
        for resource in sorted(theirs - ours):
            print('  only Checkov:   ', *resource)


if __name__ == '__main__':
    main()
