#!/usr/bin/env python3
"""Validates manifests with kubernetes-validate (the official OpenAPI schemas, strict mode), one line
per document: `FILE INDEX ok|invalid|unknown MESSAGE`. `unknown`: no schema for the kind (a custom
resource, or a CustomResourceDefinition's instance). Used by the tests to cross-check the schema pack.

    crosscheck_schema.py KUBERNETES_VERSION FILE...
"""

import sys

import kubernetes_validate
import yaml


def main():
    version, files = sys.argv[1], sys.argv[2:]
    for path in files:
        with open(path) as f:
            documents = list(yaml.safe_load_all(f))
        for index, document in enumerate(documents):
            if not isinstance(document, dict) or "kind" not in document:
                continue
            try:
                kubernetes_validate.validate(document, version, strict=True)
                print("%s %d ok" % (path, index))
            except kubernetes_validate.SchemaNotFoundError as error:
                group = str(document.get("apiVersion", "")).split("/")[0]
                known = "." not in group or group.endswith("k8s.io")
                print("%s %d %s %s" % (path, index, "invalid" if known else "unknown", error.message))
            except kubernetes_validate.ValidationError as error:
                print("%s %d invalid %s" % (path, index, error.message.replace("\n", " ")[:200]))


if __name__ == "__main__":
    main()
