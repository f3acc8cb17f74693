#!/usr/bin/env python3
"""OPA's side of the peer table: the Rego checks over every resource of a folder.

Usage: opa-check.py CHECKS.rego ROOT [SKIP_LIST]

Reads ROOT's .yaml, .yml and .json files (recursively, sorted; the paths listed one a line in
SKIP_LIST are left out: the kustomize patch files Portcullis does not check as resources) with
PyYAML's libyaml loader, takes every document with `apiVersion` and `kind` as a resource (the items
of a `kind: *List` one by one, as Portcullis does), and evaluates `data.peers.findings` with the
resource as input, one evaluation per resource, in OPA v1.20.2 embedded through
opa-golib-python-bindings. Prints one JSON object: resources, files, unreadable files, findings per
check, resources with at least one finding per check, and the seconds spent reading YAML and in OPA
(JSON encoding of the input included: that is how the bindings pass it).
"""
import datetime, json, os, sys, time

import yaml
from opa_bindings import OpaEngine


class Loader(yaml.CSafeLoader):
    """libyaml's safe loader, with the `=` (value) tag that a few real CRDs carry as a plain string."""


Loader.add_constructor('tag:yaml.org,2002:value', lambda loader, node: loader.construct_scalar(node))


def json_safe(value):
    """PyYAML makes dates and binary values; the bindings pass JSON, so they become strings."""
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_safe(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode('latin-1')
    return value


def resources_of(document):
    if not isinstance(document, dict) or 'apiVersion' not in document or 'kind' not in document:
        return []
    kind = document['kind']
    if isinstance(kind, str) and kind.endswith('List') and isinstance(document.get('items'), list):
        return [(index, item) for index, item in enumerate(document['items']) if isinstance(item, dict)]
    return [(None, document)]


def manifest_files(root, skipped):
    for folder, folders, names in os.walk(root):
        folders.sort()
        for name in sorted(names):
            path = os.path.join(folder, name)
            if name.endswith(('.yaml', '.yml', '.json')) and os.path.realpath(path) not in skipped:
                yield path


def main():
    rego_path, root = sys.argv[1], sys.argv[2]
    skipped = set()
    if len(sys.argv) > 3:
        skipped = {os.path.realpath(line.strip()) for line in open(sys.argv[3]) if line.strip()}
    engine = OpaEngine()
    engine.add_policy('checks.rego', open(rego_path).read())

    counts, resources_flagged = {}, {}
    resources = files = 0
    unreadable = []
    yaml_seconds = opa_seconds = 0.0
    for path in manifest_files(root, skipped):
        files += 1
        started = time.perf_counter()
        text = open(path, 'rb').read()
        documents = yaml.load_all(text, Loader=Loader)
        while True:
            try:
                document = next(documents)
            except StopIteration:
                break
            except yaml.YAMLError as error:
                unreadable.append(f'{path}: {type(error).__name__}')
                break
            for item, resource in resources_of(document):
                resources += 1
                evaluated = time.perf_counter()
                yaml_seconds += evaluated - started
                try:
                    findings = engine.eval_document('peers.findings', input=resource)
                except TypeError:
                    findings = engine.eval_document('peers.findings', input=json_safe(resource))
                started = time.perf_counter()
                opa_seconds += started - evaluated
                for check in {finding['check'] for finding in findings}:
                    resources_flagged[check] = resources_flagged.get(check, 0) + 1
                for finding in findings:
                    counts[finding['check']] = counts.get(finding['check'], 0) + 1
        yaml_seconds += time.perf_counter() - started
    json.dump({'resources': resources, 'files': files, 'unreadable': unreadable,
               'findings': counts, 'resources_flagged': resources_flagged,
               'yaml_seconds': round(yaml_seconds, 3), 'opa_seconds': round(opa_seconds, 3)}, sys.stdout)
    print()


if __name__ == '__main__':
    main()
