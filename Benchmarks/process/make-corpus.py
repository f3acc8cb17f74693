#!/usr/bin/env python3
"""Deterministic generated corpus for `make bench-process`.

Usage: make-corpus.py SHARED_GEN_DIR WORK_DIR SCALE...

1. ../shared/gen (the reference generator: kubectl_base.sh, then gen.py with seed 7) makes the
   ~19,000-document base: Deployments, CronJobs, Jobs, Services, ConfigMaps, Secrets, RBAC,
   Ingresses, PDBs, HPAs, NetworkPolicies, about one finding per document with the default packs.
2. What the issue's mix has and the reference generator lacks is added here, with a seeded RNG:
   every workload kind (a share of the Deployments become StatefulSets, DaemonSets, ReplicaSets;
   bare Pods), ConfigMaps with large data, CustomResourceDefinitions with big schemas,
   ClusterRoles and ClusterRoleBindings, and three broken files (a syntax error, a duplicate key,
   an unterminated quoted scalar).
3. A scale of N documents is round(N / base) copies of that set, each copy in its own folder with
   its namespaces suffixed (`team-a` -> `team-a-c07`), so cross-document lookups stay realistic.

Everything lands in WORK_DIR/s<SCALE>/ and is reused when its marker file exists.
"""
import os, random, re, shutil, subprocess, sys, yaml

gen_dir, work = sys.argv[1], sys.argv[2]
scales = [int(s) for s in sys.argv[3:]] or [20000]
os.makedirs(work, exist_ok=True)

def run(cmd):
    print('  $', ' '.join(cmd), flush=True)
    subprocess.run(cmd, check=True)

base = os.path.join(work, 'kubectl-base')
if not os.path.exists(os.path.join(base, '.done')):
    shutil.rmtree(base, ignore_errors=True)
    run(['bash', os.path.join(gen_dir, 'kubectl_base.sh'), base, '150'])
    open(os.path.join(base, '.done'), 'w').close()

unit = os.path.join(work, 'unit')
if not os.path.exists(os.path.join(unit, '.done')):
    shutil.rmtree(unit, ignore_errors=True)
    run([sys.executable, os.path.join(gen_dir, 'gen.py'), base, unit, '19000', '7'])
    os.remove(os.path.join(unit, 'all.yaml'))
    os.remove(os.path.join(unit, 'images.txt'))
    rng = random.Random(12)
    manifests = os.path.join(unit, 'manifests')

    # Every workload kind: rewrite the top-level kind of some Deployments.
    def other_kind(match):
        r = rng.random()
        if r < 0.12: return 'kind: StatefulSet\n'
        if r < 0.20: return 'kind: DaemonSet\n'
        if r < 0.24: return 'kind: ReplicaSet\n'
        return match.group(0)
    for name in sorted(os.listdir(manifests)):
        path = os.path.join(manifests, name)
        text = open(path).read()
        open(path, 'w').write(re.sub(r'^kind: Deployment\n', other_kind, text, flags=re.M))

    def dump(docs):
        return ''.join('---\n' + yaml.dump(d, Dumper=yaml.CSafeDumper, sort_keys=False) for d in docs)
    teams = ['team-a', 'team-b', 'platform', 'monitoring', 'payments', 'data', 'edge']
    images = ['nginx:1.25.3', 'busybox', 'redis:7.2-alpine', 'registry.example.com/team-a/orders:1.4.0', 'alpine:latest']

    def pod(i):
        c = {'name': 'main', 'image': rng.choice(images)}
        if rng.random() < 0.6:
            c['resources'] = {'limits': {'cpu': '500m', 'memory': '256Mi'}, 'requests': {'cpu': '100m', 'memory': '128Mi'}}
        if rng.random() < 0.7:
            c['securityContext'] = {'runAsNonRoot': True, 'allowPrivilegeEscalation': False, 'readOnlyRootFilesystem': True,
                                    'capabilities': {'drop': ['ALL']}}
        return {'apiVersion': 'v1', 'kind': 'Pod',
                'metadata': {'name': f'debug-{i}', 'namespace': rng.choice(teams), 'labels': {'app': f'debug-{i}'}},
                'spec': {'containers': [c], 'restartPolicy': 'Never'}}

    def big_config(i):
        lines = [f'feature.{rng.randint(0, 10**6)}.enabled={rng.random() < 0.5}' for _ in range(rng.randint(500, 3000))]
        return {'apiVersion': 'v1', 'kind': 'ConfigMap',
                'metadata': {'name': f'dashboards-{i}', 'namespace': rng.choice(teams)},
                'data': {'application.properties': '\n'.join(lines) + '\n',
                         'dashboard.json': '{"panels": [' + ','.join(f'{{"id": {k}, "title": "panel {k}", "targets": [{{"expr": "rate(http_requests_total{{job=\\"svc-{k}\\"}}[5m])"}}]}}' for k in range(rng.randint(50, 400))) + ']}'}}

    def schema(depth):
        props = {}
        for k in range(rng.randint(4, 10)):
            name = f'field{k}{rng.choice("abcdefgh")}'
            if depth > 0 and rng.random() < 0.3:
                props[name] = schema(depth - 1)
            else:
                props[name] = {'type': rng.choice(['string', 'integer', 'boolean']),
                               'description': 'A generated field of a custom resource, described at some length as real CRDs are. ' * rng.randint(1, 2)}
        return {'type': 'object', 'description': 'A nested object.', 'properties': props}

    def crd(i):
        group = f'example{i}.portcullis.dev'
        return {'apiVersion': 'apiextensions.k8s.io/v1', 'kind': 'CustomResourceDefinition',
                'metadata': {'name': f'widgets{i}.{group}'},
                'spec': {'group': group, 'scope': 'Namespaced',
                         'names': {'kind': f'Widget{i}', 'plural': f'widgets{i}', 'singular': f'widget{i}', 'listKind': f'Widget{i}List'},
                         'versions': [{'name': v, 'served': True, 'storage': v == 'v1',
                                       'schema': {'openAPIV3Schema': {'type': 'object', 'properties': {'spec': schema(5), 'status': schema(2)}}}}
                                      for v in ('v1alpha1', 'v1')]}}

    def cluster_rbac(i):
        verbs = rng.choice([['get', 'list', 'watch'], ['*'], ['get', 'create', 'update', 'delete']])
        return [{'apiVersion': 'rbac.authorization.k8s.io/v1', 'kind': 'ClusterRole', 'metadata': {'name': f'operator-{i}'},
                 'rules': [{'apiGroups': ['', 'apps'], 'resources': ['pods', 'deployments', 'secrets'], 'verbs': verbs}]},
                {'apiVersion': 'rbac.authorization.k8s.io/v1', 'kind': 'ClusterRoleBinding', 'metadata': {'name': f'operator-{i}'},
                 'roleRef': {'apiGroup': 'rbac.authorization.k8s.io', 'kind': 'ClusterRole', 'name': f'operator-{i}'},
                 'subjects': [{'kind': 'ServiceAccount', 'name': f'operator-{i}', 'namespace': rng.choice(teams)}]}]

    for f in range(20):
        docs = [pod(f * 20 + k) for k in range(20)]
        docs += [big_config(f * 5 + k) for k in range(2)]
        docs += cluster_rbac(f)
        open(os.path.join(manifests, f'extra-{f:02d}.yaml'), 'w').write(dump(docs))
    for f in range(8):
        open(os.path.join(manifests, f'crd-{f:02d}.yaml'), 'w').write(dump([crd(f)]))
    broken = os.path.join(unit, 'broken')
    os.makedirs(broken)
    open(os.path.join(broken, 'bad-indent.yaml'), 'w').write(
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad\n data:\n  key: value\n')
    open(os.path.join(broken, 'duplicate-key.yaml'), 'w').write(
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: twice\n  name: again\nspec:\n  ports: [{port: 80}]\n')
    open(os.path.join(broken, 'unterminated.yaml'), 'w').write(
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: "open\nstringData:\n  token: x\n')
    open(os.path.join(unit, '.done'), 'w').close()

def count_documents(root):
    n = 0
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith('.yaml'):
                n += open(os.path.join(folder, name), 'rb').read().count(b'\n---\n') + 1
    return n

per_unit = count_documents(unit)
namespace = re.compile(rb'(namespace: |team: |release-namespace: )(team-a|team-b|platform|monitoring|payments|data|edge|default)\b')
for scale in scales:
    target = os.path.join(work, f's{scale}')
    if os.path.exists(os.path.join(target, '.done')):
        continue
    shutil.rmtree(target, ignore_errors=True)
    copies = max(1, round(scale / per_unit))
    print(f'  s{scale}: {copies} cop{"y" if copies == 1 else "ies"} of {per_unit} documents', flush=True)
    for c in range(copies):
        suffix = f'-c{c:02d}'.encode()
        for folder, _, names in os.walk(unit):
            out = os.path.join(target, f'c{c:02d}', os.path.relpath(folder, unit))
            os.makedirs(out, exist_ok=True)
            for name in names:
                if not name.endswith('.yaml'):
                    continue
                data = open(os.path.join(folder, name), 'rb').read()
                if c > 0:
                    data = namespace.sub(lambda m: m.group(1) + m.group(2) + suffix, data)
                open(os.path.join(out, name), 'wb').write(data)
    open(os.path.join(target, '.done'), 'w').close()
print(f'corpus ready in {work} ({per_unit} documents per copy)')
