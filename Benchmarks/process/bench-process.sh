#!/usr/bin/env bash
# `make bench-process`: release `portcullis`, the libyaml baseline, the generated corpus, the tables.
# Environment: SCALES (default "20000 200000 1000000"; SCALES=20000 is the quick mode, a few minutes),
# RUNS (runs per scale; default 5 up to 50k documents, 3 up to 300k, 1 above), SHARED (../shared).
set -euo pipefail
cd "$(dirname "$0")/../.."
SCALES=${SCALES:-20000 200000 1000000}
SHARED=${SHARED:-../shared}
OUT=.build/bench-process
mkdir -p "$OUT"
[ -d "$SHARED/gen" ] || { echo "bench-process: $SHARED/gen (the reference generator) is missing" >&2; exit 2; }
swift build -c release --product portcullis >&2
cc -O2 -Wall -std=c11 -D_DEFAULT_SOURCE -I Sources/CPlainInput/include -o "$OUT/yaml-events" Benchmarks/process/yaml-events.c \
  Sources/CPlainInput/plain_input.c $(pkg-config --cflags --libs yaml-0.1)
python3 Benchmarks/process/make-corpus.py "$SHARED/gen" .build/bench-corpus $SCALES >&2
# The policy selections below (`--only`) are compiled on their first run and loaded from the
# compiled-policy cache after it (what a user's runs do): a cache of the benchmark's own, emptied.
export PORTCULLIS_CACHE_DIR="$PWD/$OUT/policy-cache"
rm -rf "$PORTCULLIS_CACHE_DIR"
python3 Benchmarks/process/bench-process.py .build/release/portcullis "$OUT/yaml-events" .build/bench-corpus $SCALES \
  ${RUNS:+--runs "$RUNS"} --startup fixtures/valid/deployment.yaml
