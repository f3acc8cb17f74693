#!/usr/bin/env python3
"""Compare `portcullis parse --positions` with PyYAML, an independent YAML parser.

Usage: compare_with_pyyaml.py PORTCULLIS_BINARY CORPUS_DIR [--c-loader]

For every .yaml/.yml/.json file under CORPUS_DIR (hidden folders skipped, as portcullis does):
  * files PyYAML rejects must be rejected by portcullis too (an error diagnostic naming the file);
  * every non-empty document must come out as the same JSON value (kind: *List items unpacked);
  * every node must have the same start line and column as PyYAML's node marks.

PyYAML resolves plain scalars by YAML 1.1 as PyYAML reads it; Portcullis resolves them as
Kubernetes does (go-yaml v2). The loader below changes PyYAML's resolver only where docs/yaml.md
documents a difference, and each change is named there; nothing else is normalised.
Prints one line per difference and a closing line 'corpus: N passed, M failed'.
"""
import json
import os
import re
import subprocess
import sys
from collections import defaultdict

import yaml

USE_C = "--c-loader" in sys.argv
BaseLoader = yaml.CSafeLoader if USE_C and hasattr(yaml, "CSafeLoader") else yaml.SafeLoader


class KubernetesLikeLoader(BaseLoader):
    """PyYAML's SafeLoader with the documented differences of docs/yaml.md applied."""


# Difference 1 (docs/yaml.md "Booleans"): go-yaml v2 also reads y, Y, n, N as booleans.
# Difference 2 ("Numbers"): go-yaml v2 reads ints with Go's ParseInt (0x, 0o, 0b, leading-0 octal,
# underscores) and floats by ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$ (no dot needed,
# exponent sign optional); sexagesimal 1:20 is a string.
# Difference 3 ("Timestamps"): Kubernetes keeps timestamps as strings.
KubernetesLikeLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers
          if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int",
                         "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
                         # Difference 6 ("The value key"): a plain `=` is the string "=".
                         "tag:yaml.org,2002:value")]
    for key, resolvers in BaseLoader.yaml_implicit_resolvers.copy().items()
}
KubernetesLikeLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"),
    list("yYnNtTfFoO"))
GO_INT = re.compile(r"^[-+]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]*|[1-9][0-9]*)$")
GO_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
SPECIAL_FLOAT = re.compile(r"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
KubernetesLikeLoader.add_implicit_resolver(
    "tag:yaml.org,2002:number", re.compile(r"^[-+0-9._]"), list("-+0123456789."))


def construct_number(loader, node):
    text = node.value
    plain = text.replace("_", "")
    if SPECIAL_FLOAT.match(text):
        return text  # Difference 4 ("Infinity and NaN"): JSON cannot hold them; kept as text.
    if GO_INT.match(plain) and plain not in ("+", "-"):
        sign = -1 if plain.startswith("-") else 1
        body = plain.lstrip("+-")
        if body[:2] in ("0x", "0X"):
            value = int(body[2:], 16)
        elif body[:2] in ("0b", "0B"):
            value = int(body[2:], 2)
        elif body[:2] in ("0o", "0O"):
            value = int(body[2:], 8) if len(body) > 2 else None
        elif len(body) > 1 and body[0] == "0":
            value = int(body[1:], 8)
        else:
            value = int(body)
        if value is not None and -(2**63) <= sign * value < 2**64 and not (sign < 0 and value > 2**63):
            if not (plain[0] == "+" and value >= 2**63):
                return sign * value
    if GO_FLOAT.match(plain):
        value = float(plain)
        if value not in (float("inf"), float("-inf")):
            return value
    return text


KubernetesLikeLoader.add_constructor("tag:yaml.org,2002:number", construct_number)


def construct_mapping_with_text_keys(loader, node, deep=False):
    # Difference 5 ("Keys"): a key keeps its source text (Kubernetes needs string keys).
    loader.flatten_mapping(node)
    result = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
        result[key] = loader.construct_object(value_node, deep=deep)
    return result


def construct_yaml_map(loader, node):
    data = {}
    yield data
    data.update(construct_mapping_with_text_keys(loader, node))


KubernetesLikeLoader.add_constructor("tag:yaml.org,2002:map", construct_yaml_map)


def files_under(root):
    for directory, folders, names in os.walk(root):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            if name.rsplit(".", 1)[-1].lower() in ("yaml", "yml", "json"):
                yield os.path.join(directory, name)


def path_step(key):
    if key and re.fullmatch(r"[A-Za-z_\-][A-Za-z0-9_\-]*", key):
        return "." + key
    return "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']"


def node_positions(node, path, out):
    out[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            node_positions(child, f"{path}[{index}]", out)
    elif isinstance(node, yaml.MappingNode):
        last = {}
        for key_node, value_node in node.value:
            last[key_node.value if isinstance(key_node, yaml.ScalarNode) else ""] = value_node
        for key, value_node in last.items():
            node_positions(value_node, path + path_step(key), out)


def pyyaml_resources(path):
    """[(document index, item index or None, value, positions)] or raises yaml.YAMLError."""
    with open(path, "rb") as handle:
        loader = KubernetesLikeLoader(handle.read())
    resources = []
    try:
        index = 0
        while loader.check_node():
            node = loader.get_node()
            value = loader.construct_document(node)  # flattens merge keys in the node tree
            if value is not None and isinstance(value, dict):
                kind, items = value.get("kind"), value.get("items")
                positions = {}
                node_positions(node, "$", positions)
                if (isinstance(kind, str) and kind.endswith("List") and "apiVersion" in value
                        and isinstance(items, list)):
                    for item_index, item in enumerate(items):
                        if isinstance(item, dict):
                            prefix = f"$.items[{item_index}]"
                            item_positions = {"$" + k[len(prefix):]: v for k, v in positions.items()
                                              if k == prefix or k.startswith(prefix + ".") or k.startswith(prefix + "[")}
                            resources.append((index, item_index, item, item_positions))
                else:
                    resources.append((index, None, value, positions))
            index += 1
    finally:
        loader.dispose()
    return resources


def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    if not os.path.isdir(corpus):
        print(f"corpus: skipped: {corpus} is absent")
        return 0
    run = subprocess.run([binary, "parse", "--positions", "--color", "never", corpus],
                         capture_output=True, text=True)
    ours = defaultdict(list)
    for line in run.stdout.splitlines():
        record = json.loads(line)
        ours[record["file"]].append(record)
    error_files = set()
    for line in run.stderr.splitlines():
        match = re.match(r"^(.+?):\d+:\d+: error: ", line) or re.match(r"^(.+?): error: ", line)
        if match:
            error_files.add(match.group(1))
    passed = failed = 0
    differences = []
    for path in files_under(corpus):
        shown = path[2:] if path.startswith("./") else path
        try:
            expected = pyyaml_resources(path)
        except yaml.YAMLError as error:
            if shown in error_files:
                passed += 1
            else:
                failed += 1
                differences.append(f"{shown}: PyYAML rejects it ({str(error).splitlines()[0]}) but portcullis does not")
            continue
        got = ours.get(shown, [])
        problems = []
        if len(got) != len(expected):
            problems.append(f"{len(got)} resources, PyYAML {len(expected)}")
        for record, (doc_index, item_index, value, positions) in zip(got, expected):
            where = f"document {doc_index}" + (f" item {item_index}" if item_index is not None else "")
            if record["document"] != doc_index or record.get("item") != item_index:
                problems.append(f"{where}: portcullis says document {record['document']} item {record.get('item')}")
            if record["resource"] != value:
                problems.append(f"{where}: values differ")
            for json_path, (line, column) in positions.items():
                mine = record["positions"].get(json_path)
                if mine is None or (mine[0], mine[1]) != (line, column):
                    problems.append(f"{where}: {json_path} at {mine[:2] if mine else None}, PyYAML {line}:{column}")
                    break
        if shown in error_files and not problems:
            problems.append("portcullis reports an error, PyYAML reads it")
        if problems:
            failed += 1
            differences.append(f"{shown}: " + "; ".join(problems[:3]))
        else:
            passed += 1
    for difference in differences:
        print(difference)
    print(f"corpus: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
