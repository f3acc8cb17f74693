#!/usr/bin/env python3
"""Runs Gatekeeper library test cases against Portcullis's built-in policies and reports agreement.

usage: conformance.py PORTCULLIS GATEKEEPER_LIBRARY_DIR [--markdown] [--update-doc docs/conformance.md]

--markdown prints the per-template table; --update-doc rewrites it in the given file between the
lines `<!-- results -->` and `<!-- /results -->`.

Each Gatekeeper template is mapped (MAPPING below) to the Portcullis policies that should decide
the same and to the parameters that translate the constraint's. For every case of cases.tsv the
harness applies the constraint's `match` (kinds, namespaces, excludedNamespaces: Gatekeeper's
framework does this, not the template), runs `portcullis check --only … --param … --format json` on
the case's object file, and compares: `denied` needs at least one finding, `allowed` none, and when
the suite fixes an exact count the number of findings must equal it. YAML is read with
`portcullis parse`, so nothing but python3 is needed. The last line is `conformance: N/M agree`.
"""
import json
import subprocess
import sys
from pathlib import Path


def glob_list(values):
    return list(values or [])


# template name → (policies, parameters from the constraint's `parameters`)
MAPPING = {
    "k8sallowedrepos": (["images/allowed-images"], lambda p: {"allowed_images": [r + "*" for r in p.get("repos", [])]}),
    "k8sallowedreposv2": (["images/allowed-images"], lambda p: {"allowed_images": p.get("allowedImages", [])}),
    "k8sdisallowedrepos": (["images/disallowed-images"], lambda p: {"disallowed_images": [r + "*" for r in p.get("repos", [])]}),
    "k8sdisallowedtags": (["images/no-latest-tag"], lambda p: {"disallowed_tags": p.get("tags", []), "exempt_images": p.get("exemptImages", [])}),
    "k8simagedigests": (["images/digest-pinned"], lambda p: {"exempt_images": p.get("exemptImages", [])}),
    "k8scontainerlimits": (["resources/limits-required", "resources/limit-ceilings"], lambda p: {
        "required_limits": [r for r in ("cpu", "memory") if str(p.get(r, "")) != "-1"],
        "max_cpu_limit": "" if str(p.get("cpu", "")) == "-1" else str(p.get("cpu", "")),
        "max_memory_limit": "" if str(p.get("memory", "")) == "-1" else str(p.get("memory", "")),
        "exempt_images": p.get("exemptImages", [])}),
    "k8scontainerrequests": (["resources/requests-required", "resources/request-ceilings"], lambda p: {
        "required_requests": [r for r in ("cpu", "memory") if str(p.get(r, "")) != "-1"],
        "max_cpu_request": "" if str(p.get("cpu", "")) == "-1" else str(p.get("cpu", "")),
        "max_memory_request": "" if str(p.get("memory", "")) == "-1" else str(p.get("memory", "")),
        "exempt_images": p.get("exemptImages", [])}),
    "k8scontainerratios": (["resources/limit-request-ratio"], lambda p: {
        "max_memory_ratio": float(p.get("ratio", 0)), "max_cpu_ratio": float(p.get("cpuRatio", p.get("ratio", 0)))}),
    "k8srequiredresources": (["resources/limits-required", "resources/requests-required"], lambda p: {
        "required_limits": p.get("limits", []), "required_requests": p.get("requests", []),
        "exempt_images": p.get("exemptImages", [])}),
    "k8srequiredlabels": (["metadata/required-labels"], lambda p: {
        "required_labels": [{"key": l["key"], "pattern": l.get("allowedRegex", "")} for l in p.get("labels", [])]}),
    "k8srequiredannotations": (["metadata/required-annotations"], lambda p: {
        "required_annotations": [{"key": a["key"], "pattern": a.get("allowedRegex", "")} for a in p.get("annotations", [])]}),
    "k8srequiredprobes": (["reliability/probes"], lambda p: {
        "required_probes": p.get("probes", []), "probe_types": p.get("probeTypes", [])}),
    "k8spspallowprivilegeescalationcontainer": (["pod-security-restricted/allow-privilege-escalation"], lambda p: {
        "exempt_images": p.get("exemptImages", [])}),
    "k8spspapparmor": (["pod-security-baseline/apparmor"], lambda p: {
        "allowed_apparmor_profiles": p.get("allowedProfiles", []), "exempt_images": p.get("exemptImages", [])}),
    "k8spspcapabilities": (["pod-security-baseline/capabilities", "pod-security-restricted/capabilities-drop"], lambda p: {
        "baseline_allowed_capabilities": p.get("allowedCapabilities", []),
        "required_drop_capabilities": p.get("requiredDropCapabilities", []), "exempt_images": p.get("exemptImages", [])}),
    "k8spspflexvolumes": (["pod-security-extra/flexvolume-drivers"], lambda p: {
        "allowed_flexvolume_drivers": [d["driver"] for d in p.get("allowedFlexVolumes", [])]}),
    "k8spspforbiddensysctls": (["pod-security-baseline/sysctls"], lambda p: {
        "allowed_sysctls": p.get("allowedSysctls", ["*"]), "forbidden_sysctls": p.get("forbiddenSysctls", [])}),
    "k8spspfsgroup": (["pod-security-extra/fs-group"], lambda p: {
        "fs_group_rule": p.get("rule", "RunAsAny"), "fs_group_ranges": p.get("ranges", [])}),
    "k8spsphostfilesystem": (["pod-security-baseline/host-path-volumes"], lambda p: {
        "allowed_host_paths": p.get("allowedHostPaths", [])}),
    "k8spsphostnamespace": (["pod-security-baseline/host-namespaces"], lambda p: {}),
    "k8spsphostnetworkingports": (["pod-security-baseline/host-network", "pod-security-baseline/host-ports"], lambda p: {
        "allow_host_network": bool(p.get("hostNetwork", False)),
        "host_port_min": p.get("min", 0), "host_port_max": p.get("max", 65535), "exempt_images": p.get("exemptImages", [])}),
    "k8spsphostprobeslifecycle": (["pod-security-baseline/host-probes"], lambda p: {}),
    "k8spsphostprocess": (["pod-security-baseline/host-process"], lambda p: {}),
    "k8spspprivilegedcontainer": (["pod-security-baseline/privileged"], lambda p: {"exempt_images": p.get("exemptImages", [])}),
    "k8spspprocmount": (["pod-security-baseline/proc-mount"], lambda p: {
        "allowed_proc_mount": p.get("procMount", "Default"), "exempt_images": p.get("exemptImages", [])}),
    "k8spspreadonlyrootfilesystem": (["pod-security-extra/read-only-root-filesystem"], lambda p: {
        "exempt_images": p.get("exemptImages", [])}),
    "k8spspseccompv2": (["pod-security-restricted/seccomp"], lambda p: {
        "allowed_seccomp_profiles": p.get("allowedProfiles", []), "allowed_localhost_profiles": p.get("allowedLocalhostFiles", []),
        "exempt_images": p.get("exemptImages", [])}),
    "k8spspselinuxv2": (["pod-security-baseline/selinux"], lambda p: {
        "allowed_selinux_options": p.get("allowedSELinuxOptions", [])}),
    "k8spspallowedusers": (["pod-security-extra/allowed-users"], lambda p: {
        "run_as_user_rule": p.get("runAsUser", {}).get("rule", "RunAsAny"),
        "run_as_user_ranges": p.get("runAsUser", {}).get("ranges", []),
        "run_as_group_rule": p.get("runAsGroup", {}).get("rule", "RunAsAny"),
        "run_as_group_ranges": p.get("runAsGroup", {}).get("ranges", []),
        "exempt_images": p.get("exemptImages", [])}),
    "k8spspvolumetypes": (["pod-security-restricted/volume-types"], lambda p: {"allowed_volume_types": p.get("volumes", [])}),
}

# Templates not mapped, and why (also in docs/conformance.md).
UNMAPPED = {
    "k8spspseccomp": "reads the seccomp annotations (seccomp.security.alpha.kubernetes.io/…), which Kubernetes ignores since 1.27; "
                     "pod-security-restricted/seccomp checks the securityContext fields (mapped from k8spspseccompv2)",
}


_parsed = {}


def parse_yaml(binary, path):
    if path in _parsed:
        return _parsed[path]
    out = subprocess.run([binary, "parse", str(path)], capture_output=True, text=True)
    _parsed[path] = [json.loads(line)["resource"] for line in out.stdout.splitlines() if line.strip()]
    return _parsed[path]


def matches(match, obj):
    """Gatekeeper's constraint match, as the framework applies it before the template runs."""
    if not match:
        return True
    kind = obj.get("kind", "")
    if "kinds" in match and not any(kind in k.get("kinds", []) or "*" in k.get("kinds", []) for k in match["kinds"]):
        return False
    namespace = (obj.get("metadata") or {}).get("namespace") or "default"
    if "namespaces" in match and namespace not in match["namespaces"]:
        return False
    if namespace in match.get("excludedNamespaces", []):
        return False
    return True


def run(binary, root, markdown, doc=None):
    lines = (root / "cases.tsv").read_text().splitlines()
    header = lines[0].split("\t")
    cases = [dict(zip(header, line.split("\t"))) for line in lines[1:]]
    agree = total = 0
    per_template = {}
    disagreements = []
    for case in cases:
        template = case["template_name"]
        stats = per_template.setdefault(template, [0, 0])
        if template not in MAPPING:
            continue
        policies, translate = MAPPING[template]
        constraint = parse_yaml(binary, root / case["constraint"])[0]
        spec = constraint.get("spec") or {}
        params = translate(spec.get("parameters") or {})
        object_path = root / case["object"]
        documents = parse_yaml(binary, object_path)
        obj = documents[0] if documents else {}
        if obj.get("kind") == "AdmissionReview":
            obj = (obj.get("request") or {}).get("object") or {}
        findings = []
        if matches(spec.get("match"), obj):
            command = [binary, "check", "--format", "json", "--fail-on", "info"]
            for policy in policies:
                command += ["--only", policy]
            for name, value in params.items():
                command += ["--param", f"{name}={json.dumps(value)}" if not isinstance(value, str) else f"{name}={value}"]
            command.append(str(object_path))
            out = subprocess.run(command, capture_output=True, text=True)
            if out.returncode == 2:
                print(f"error: {' '.join(command)}\n{out.stderr}{out.stdout}", file=sys.stderr)
                findings = None
            else:
                findings = json.loads(out.stdout).get("findings", [])
        expected_denied = case["expected"] == "denied"
        exact = case["violations_exact"]
        ok = findings is not None and (len(findings) > 0) == expected_denied
        if ok and exact and expected_denied:
            ok = len(findings) == int(exact)
        total += 1
        stats[1] += 1
        if ok:
            agree += 1
            stats[0] += 1
        else:
            got = "error" if findings is None else f"{len(findings)} finding(s)"
            disagreements.append(f"{template} {case['test']}/{case['case']}: expected {case['expected']}"
                                 f"{' (' + exact + ')' if exact and expected_denied else ''}, got {got} — {case['object']}")
    for line in disagreements:
        print("disagree: " + line)
    unmapped = sum(1 for c in cases if c["template_name"] not in MAPPING)
    mapped = len([t for t in per_template if t in MAPPING])
    table = ["| Gatekeeper template | Portcullis policies | cases | agree |", "|---|---|---|---|"]
    for template, (ok, n) in per_template.items():
        if template in MAPPING:
            table.append(f"| `{template}` | {', '.join('`' + p + '`' for p in MAPPING[template][0])} | {n} | {ok} |")
        else:
            table.append(f"| `{template}` | not mapped: {UNMAPPED.get(template, '')} | {sum(1 for c in cases if c['template_name'] == template)} | – |")
    table.append(f"| **total** | {mapped}/{len(per_template)} templates mapped | {total} (+{unmapped} unmapped) | **{agree}** |")
    if markdown:
        print("\n" + "\n".join(table) + "\n")
    if doc:
        text = Path(doc).read_text()
        start, end = text.index("<!-- results -->\n"), text.index("<!-- /results -->")
        Path(doc).write_text(text[:start] + "<!-- results -->\n" + "\n".join(table) + "\n" + text[end:])
    print(f"mapped templates: {mapped}/{len(per_template)}; cases of unmapped templates: {unmapped}")
    print(f"conformance: {agree}/{total} agree")
    return agree, total


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    binary, root = sys.argv[1], Path(sys.argv[2])
    if not (root / "cases.tsv").exists():
        print(f"conformance: skipped, {root}/cases.tsv not found (../shared is absent)")
        return
    doc = sys.argv[sys.argv.index("--update-doc") + 1] if "--update-doc" in sys.argv else None
    agree, total = run(binary, root, "--markdown" in sys.argv, doc)
    sys.exit(0 if total and agree * 100 >= total * 99 else 1)


if __name__ == "__main__":
    main()
