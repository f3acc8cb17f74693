#!/usr/bin/env python3
"""Validates JSON documents against a JSON Schema (draft 7 or 2020-12) with python's jsonschema.

usage: validate_json.py SCHEMA FILE...     exit 0 all valid, 1 a document is invalid, 3 jsonschema missing
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("jsonschema is not installed (pip install jsonschema)")
    sys.exit(3)


def main():
    schema = json.load(open(sys.argv[1]))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    failed = 0
    for path in sys.argv[2:]:
        errors = sorted(validator.iter_errors(json.load(open(path))), key=lambda e: list(e.path))
        for error in errors[:20]:
            print(f"{path}: {'/'.join(str(p) for p in error.path) or '(root)'}: {error.message}")
        if errors:
            failed += 1
        else:
            print(f"{path}: valid")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
