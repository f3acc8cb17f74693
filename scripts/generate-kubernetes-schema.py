#!/usr/bin/env python3
"""Writes Portcullis' compact Kubernetes schema table from the OpenAPI definitions that the
`kubernetes-validate` package (PyPI, Apache-2.0) ships as JSON.

    generate-kubernetes-schema.py [--version 1.37.0] [--venv .build/schema-venv] [--output FILE]

With --venv the package is installed there (a virtualenv is created when missing) and the script
re-runs itself with that interpreter. Without --output the table goes to stdout. The output is
deterministic: the same package version and Kubernetes version always give the same bytes.

The table (format 1) is line-oriented text, read lazily by Sources/PortcullisSchema:

    portcullis-schema 1 kubernetes=VERSION kinds=K types=T
    K KIND APIVERSION SCOPE TYPE        one line per kind and apiVersion; SCOPE n (namespaced) or c
    T NAME FLAGS FIELD...               one line per object type, numbered from 0 in order; tab-separated
                                        FLAGS: '-' strict, '+' unknown fields allowed
    FIELD  = ['!'] name ':' TYPEREF     '!' marks a required field
    TYPEREF = 's' ['=' V '|' V ...]      text (with the values an enum allows)
            | 'i' | 'n' | 'b'            integer, number, boolean
            | 'x' | 'q' | '*'            int-or-string, quantity, anything (x-kubernetes-preserve-unknown-fields)
            | '@' N                      the object type on line N of the T section
            | '[' ['<' KEY ',' KEY ... '>'] TYPEREF   a list (a list-map with its keys)
            | '{' TYPEREF                a map of string to TYPEREF

Enums: the JSON carries `enum` for apiVersion and kind only; the values of other enumerations are
taken from descriptions written in Kubernetes' fixed forms ("One of Always, Never, IfNotPresent.",
'Valid values are "OnRootMismatch" and "Always".'), only when every value is a single word.
"""

import argparse
import json
import os
import re
import subprocess
import sys

DEFAULT_VERSION = "1.37.0"
FORMAT = 1

# Kubernetes' own cluster-scoped kinds (`kubectl api-resources --namespaced=false`); the OpenAPI
# definitions do not say which kinds are namespaced.
CLUSTER_SCOPED = {
    "Namespace", "Node", "PersistentVolume", "ComponentStatus", "ClusterRole", "ClusterRoleBinding",
    "CustomResourceDefinition", "APIService", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
    "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy",
    "MutatingAdmissionPolicyBinding", "StorageClass", "CSIDriver", "CSINode", "VolumeAttachment",
    "VolumeAttributesClass", "PriorityClass", "RuntimeClass", "IngressClass", "IPAddress", "ServiceCIDR",
    "CertificateSigningRequest", "ClusterTrustBundle", "FlowSchema", "PriorityLevelConfiguration",
    "TokenReview", "SelfSubjectReview", "SubjectAccessReview", "SelfSubjectAccessReview",
    "SelfSubjectRulesReview", "DeviceClass", "ResourceSlice", "StorageVersionMigration", "StorageVersion",
    "DeviceTaintRule",
}

PREFIXES = [
    ("io.k8s.api.", ""),
    ("io.k8s.apimachinery.pkg.apis.meta.", "meta."),
    ("io.k8s.apimachinery.pkg.", ""),
    ("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.", "apiextensions."),
    ("io.k8s.kube-aggregator.pkg.apis.apiregistration.", "apiregistration."),
]

ENUM_SENTENCE = re.compile(
    r"(?:^|\.\s+|\s)(?:[Mm]ust be one of|[Oo]ne of|[Vv]alid values are|[Vv]alid options are|[Pp]ossible values are|"
    r"[Aa]llowed values are|[Vv]alid effects are|[Cc]an be|[Mm]ust be)[: ]+([^.]*)\.(?:\s|$)")
WORD = re.compile(r"""^["'`]?([A-Z][A-Za-z0-9]*)["'`]?$""")


def short(name):
    for prefix, replacement in PREFIXES:
        if name.startswith(prefix):
            return replacement + name[len(prefix):]
    return name


def documented_enum(description):
    """The values a description lists in one of Kubernetes' fixed forms; None when it lists none."""
    for match in ENUM_SENTENCE.finditer(description):
        items = re.split(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+", match.group(1).strip())
        words = [WORD.match(item.strip()) for item in items if item.strip()]
        if len(words) >= 2 and all(words):
            return sorted({w.group(1) for w in words})
    return None


class Table:
    def __init__(self, definitions):
        self.definitions = definitions
        self.numbers = {}
        self.order = []

    def number(self, name):
        if name not in self.numbers:
            self.numbers[name] = len(self.order)
            self.order.append(name)
        return self.numbers[name]

    def typeref(self, schema, description=""):
        if "$ref" in schema:
            name = schema["$ref"].split("/")[-1]
            if name.endswith("util.intstr.IntOrString"):
                return "x"
            if name.endswith("api.resource.Quantity"):
                return "q"
            target = self.definitions[name]
            if "properties" not in target:
                return self.typeref(target, target.get("description", ""))
            if target.get("x-kubernetes-preserve-unknown-fields"):
                return "*"
            return "@%d" % self.number(name)
        if schema.get("x-kubernetes-int-or-string"):
            return "x"
        if schema.get("x-kubernetes-preserve-unknown-fields") and "properties" not in schema:
            return "*"
        types = schema.get("type")
        if isinstance(types, list):
            types = [t for t in types if t != "null"]
            types = types[0] if len(types) == 1 else None
        if types == "string":
            values = schema.get("enum") or documented_enum(description or schema.get("description", ""))
            return "s" + ("=" + "|".join(values) if values else "")
        if types == "integer":
            return "i"
        if types == "number":
            return "n"
        if types == "boolean":
            return "b"
        if types == "array":
            keys = schema.get("x-kubernetes-list-map-keys") if schema.get("x-kubernetes-list-type") == "map" else None
            inner = self.typeref(schema.get("items", {}))
            return "[" + ("<" + ",".join(keys) + ">" if keys else "") + inner
        if types == "object":
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict):
                return "{" + self.typeref(extra)
            return "*"
        return "*"

    def line(self, name):
        schema = self.definitions[name]
        required = set(schema.get("required", []))
        lenient = schema.get("additionalProperties", False) is not False or schema.get("x-kubernetes-preserve-unknown-fields")
        fields = []
        for field, sub in sorted(schema.get("properties", {}).items()):
            if field in ("apiVersion", "kind") and "x-kubernetes-group-version-kind" in schema:
                ref = "s"  # a kind's own apiVersion and kind: checked against its K lines
            else:
                ref = self.typeref(sub, sub.get("description", ""))
            fields.append(("!" if field in required else "") + field + ":" + ref)
        return "\t".join(["T " + short(name), "+" if lenient else "-"] + fields)


def generate(version, package_root):
    folder = os.path.join(package_root, "kubernetes-json-schema", "v%s-local-strict" % version)
    if not os.path.isdir(folder):
        available = sorted(d[1:].split("-")[0] for d in os.listdir(os.path.join(package_root, "kubernetes-json-schema")) if d.endswith("-strict"))
        sys.exit("generate-kubernetes-schema: kubernetes-validate has no schemas for %s (it has: %s)" % (version, ", ".join(available)))
    with open(os.path.join(folder, "_definitions.json")) as f:
        definitions = json.load(f)["$defs"]
    table = Table(definitions)
    kinds = []
    for name in sorted(definitions):
        for gvk in definitions[name].get("x-kubernetes-group-version-kind", []):
            kind = gvk["kind"]
            # The definition must be the kind's own (apiVersion/kind fields), not an options type
            # (DeleteOptions lists every group).
            props = definitions[name].get("properties", {})
            if "kind" not in props or "apiVersion" not in props or name.endswith(".DeleteOptions") or name.endswith(".WatchEvent"):
                continue
            api_version = gvk["version"] if not gvk["group"] else gvk["group"] + "/" + gvk["version"]
            kinds.append((kind, api_version, "c" if kind in CLUSTER_SCOPED else "n", name))
    kinds.sort()
    kind_lines = ["K %s %s %s %d" % (kind, api, scope, table.number(name)) for kind, api, scope, name in kinds]
    type_lines = []
    index = 0
    while index < len(table.order):  # numbering grows as lines reference new types
        type_lines.append(table.line(table.order[index]))
        index += 1
    header = "portcullis-schema %d kubernetes=%s kinds=%d types=%d" % (FORMAT, version, len(kind_lines), len(type_lines))
    return "\n".join([header] + kind_lines + type_lines) + "\n"


def ensure_venv(venv):
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        subprocess.check_call([sys.executable, "-m", "venv", venv])
    check = subprocess.run([python, "-c", "import kubernetes_validate"], capture_output=True)
    if check.returncode != 0:
        subprocess.check_call([python, "-m", "pip", "install", "--quiet", "kubernetes-validate"])
    return python


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", default=DEFAULT_VERSION, help="Kubernetes version (default %(default)s)")
    parser.add_argument("--venv", help="virtualenv to install kubernetes-validate into and run from")
    parser.add_argument("--output", help="file to write (default: stdout)")
    parser.add_argument("--in-venv", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.venv and not args.in_venv:
        python = ensure_venv(args.venv)
        command = [python, os.path.abspath(__file__), "--version", args.version, "--in-venv"]
        if args.output:
            command += ["--output", args.output]
        sys.exit(subprocess.call(command))
    try:
        import kubernetes_validate
    except ImportError:
        sys.exit("generate-kubernetes-schema: kubernetes-validate is not installed (pass --venv .build/schema-venv)")
    text = generate(args.version, os.path.dirname(kubernetes_validate.__file__))
    if args.output:
        with open(args.output, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
