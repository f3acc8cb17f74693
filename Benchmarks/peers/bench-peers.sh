#!/usr/bin/env bash
# `make bench-peers`: Portcullis next to OPA and Checkov with equivalent checks (Benchmarks/peers).
# Installs checkov 3.3.30 and OPA v1.20.2 (opa-golib-python-bindings 0.4.4, a ctypes wheel) with PyYAML
# into .build/peers-venv (once), builds the release binary, and prints one table per corpus:
# ../shared/corpus (skipped when absent) and the generated corpus of Benchmarks/process/make-corpus.py.
# Environment: RUNS (Portcullis and OPA runs per corpus, median reported; default 5), SCALE (generated
# documents; default 20000), SHARED (default ../shared), CHECKOV=0 to leave Checkov out (a minute or more
# per corpus), CHECKOV_TIMEOUT (seconds after which a Checkov run is stopped and reported as such; default 900).
# PEERS_VENV: another virtualenv folder (default .build/peers-venv). Reports land in .build/bench-peers/CORPUS/;
# Benchmarks/peers/compare-resources.py lists the resources Portcullis and Checkov disagree on.
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED=${SHARED:-../shared}
SCALE=${SCALE:-20000}
RUNS=${RUNS:-5}
VENV=${PEERS_VENV:-.build/peers-venv}
OUT=.build/bench-peers
CHECKOV_VERSION=3.3.30
OPA_BINDINGS_VERSION=0.4.4
mkdir -p "$OUT"

installed() {
  [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import opa_bindings, yaml' 2>/dev/null \
    && [ "$("$VENV/bin/checkov" --version 2>/dev/null)" = "$CHECKOV_VERSION" ]
}
if ! installed; then
  echo "bench-peers: installing checkov $CHECKOV_VERSION, opa-golib-python-bindings $OPA_BINDINGS_VERSION and PyYAML into $VENV" >&2
  curl -sSf -o /dev/null --max-time 30 https://pypi.org/simple/checkov/ \
    || { echo "bench-peers: PyPI (https://pypi.org) is not reachable: cannot install the peers" >&2; exit 2; }
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "checkov==$CHECKOV_VERSION" pyyaml
  # The wheel declares Python >= 3.14 but is a ctypes wrapper around a Go shared library: any Python 3 loads it.
  rm -rf "$OUT/wheels"
  "$VENV/bin/pip" download --quiet --no-deps --python-version 3.14 --only-binary=:all: \
    "opa-golib-python-bindings==$OPA_BINDINGS_VERSION" -d "$OUT/wheels"
  "$VENV/bin/pip" install --quiet --ignore-requires-python "$OUT"/wheels/*.whl
  installed || { echo "bench-peers: the installation in $VENV does not load" >&2; exit 2; }
fi

swift build -c release --product portcullis >&2

CORPORA=()
if [ -d "$SHARED/corpus" ]; then
  CORPORA+=("shared-corpus=$SHARED/corpus")
else
  echo "bench-peers: $SHARED/corpus is absent: no real-world table" >&2
fi
if [ -d "$SHARED/gen" ]; then
  "$VENV/bin/python" Benchmarks/process/make-corpus.py "$SHARED/gen" .build/bench-corpus "$SCALE" >&2
  # Every tenth file of it as well: Checkov does not finish the whole in CHECKOV_TIMEOUT (its graph
  # compares every resource with every other), so its findings are compared on this slice.
  SLICE=.build/bench-corpus/s$SCALE-slice10
  if [ ! -f "$SLICE/.done" ]; then
    rm -rf "$SLICE"
    (cd ".build/bench-corpus/s$SCALE" && find . -name '*.yaml' | LC_ALL=C sort | awk 'NR % 10 == 1') \
      | while read -r file; do mkdir -p "$SLICE/$(dirname "$file")"; cp ".build/bench-corpus/s$SCALE/$file" "$SLICE/$file"; done
    touch "$SLICE/.done"
  fi
  CORPORA+=("generated-$SCALE-every-10th-file=$SLICE" "generated-$SCALE=.build/bench-corpus/s$SCALE")
else
  echo "bench-peers: $SHARED/gen (the reference generator) is absent: no generated table" >&2
fi
[ ${#CORPORA[@]} -gt 0 ] || { echo "bench-peers: nothing to measure" >&2; exit 2; }

echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM, $(uname -sr)"
echo "versions: portcullis $(.build/release/portcullis --version), OPA v1.20.2 (opa-golib-python-bindings $OPA_BINDINGS_VERSION, $("$VENV/bin/python" --version)), checkov $("$VENV/bin/checkov" --version)"
"$VENV/bin/python" Benchmarks/peers/bench-peers.py .build/release/portcullis "$VENV" "$OUT" --runs "$RUNS" \
  --checkov-timeout "${CHECKOV_TIMEOUT:-900}" $([ "${CHECKOV:-1}" = 0 ] && echo --skip-checkov) "${CORPORA[@]}"
