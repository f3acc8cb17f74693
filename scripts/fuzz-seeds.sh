#!/usr/bin/env bash
# Seeds a fuzz corpus folder: manifest ← fixtures/ (YAML and JSON); policy ← policies/ and the
# policy fixtures; configuration ← every .portcullis.yaml of fixtures/ and Tests;
# admission ← the AdmissionReview bodies of fixtures/admission; plus Fuzz/Seeds/TARGET.
set -euo pipefail
target=$1 corpus=$2
mkdir -p "$corpus"
copy() { while IFS= read -r -d '' f; do cp "$f" "$corpus/seed-$(echo "$f" | tr '/' '_')" 2>/dev/null || true; done; }
case "$target" in
  manifest) find fixtures -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -size -64k -print0 | copy ;;
  policy) find policies fixtures -type f -name '*.policy' -size -64k -print0 | copy ;;
  admission) find fixtures/admission -type f -name '*.json' -size -64k -print0 | copy ;;
  configuration) find fixtures Tests -type f \( -name '.portcullis.yaml' -o -name '*config*.yaml' \) -size -64k -print0 | copy ;;
  *) echo "fuzz: TARGET is manifest, policy, configuration or admission" >&2; exit 2 ;;
esac
if [ -d "Fuzz/Seeds/$target" ]; then find "Fuzz/Seeds/$target" -type f -print0 | copy; fi
echo "fuzz: $(ls "$corpus" | wc -l) inputs in $corpus"
