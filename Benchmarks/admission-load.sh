#!/usr/bin/env bash
# Load test of the admission endpoint (docs/performance.md): the release portcullis-server on
# loopback with the built-in packs, and wrk (Debian's package) POSTing a typical Deployment
# AdmissionReview to /validate, over plain HTTP and over TLS:
#   - paced near 2,000 requests/s (wrk has no rate option: each connection waits PACE_MS between
#     requests, so CONNECTIONS x 1000 / PACE_MS is the ceiling; the achieved rate is reported),
#   - at saturation (as fast as the connections go),
#   - and the server's peak resident memory (VmHWM) over a SOAK-second run, sampled as it goes.
# Bounded in time: every wrk run has -d, the server is stopped at the end. Loopback only.
#   Benchmarks/admission-load.sh            # DURATION=20 SOAK=60 by default
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
SOAK=${SOAK:-60}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
PACED_CONNECTIONS=${PACED_CONNECTIONS:-44}
PACE_MS=${PACE_MS:-20}
PORT=${PORT:-18443}
command -v wrk >/dev/null || { echo "admission-load: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
command -v openssl >/dev/null || { echo "admission-load: openssl is missing" >&2; exit 2; }

swift build -c release --product portcullis-server >&2
BIN=$(swift build -c release --show-bin-path)/portcullis-server
work=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$work/tls.key" -out "$work/tls.crt" \
  -days 1 -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 2>/dev/null

start() {  # start MODE: plain | tls
  local args=(--host 127.0.0.1 --port "$PORT")
  if [ "$1" = tls ]; then args+=(--tls-cert "$work/tls.crt" --tls-key "$work/tls.key"); else args+=(--insecure-http); fi
  "$BIN" "${args[@]}" 2>"$work/server-$1.log" &
  server=$!
  for _ in $(seq 100); do
    curl -skf "$2://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "admission-load: the server did not start" >&2; cat "$work/server-$1.log" >&2; exit 1
}
stop() { kill -TERM "$server"; wait "$server" 2>/dev/null || true; server=; }
hwm() { awk '/VmHWM/ {print $2}' "/proc/$server/status"; }
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
run() {  # run LABEL URL CONNECTIONS PACE SECONDS
  local line
  line=$(PACE_MS=$4 wrk -t "$THREADS" -c "$3" -d "${5}s" -s Benchmarks/admission-load.lua "$2/validate" | grep '^RESULT')
  echo "$1 ${line#RESULT }"
}

echo "# portcullis-server $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, wrk -t$THREADS; review: fixtures/admission/typical-deployment.json"
for mode in plain tls; do
  scheme=http; [ $mode = tls ] && scheme=https
  start $mode $scheme
  url="$scheme://127.0.0.1:$PORT"
  run "$mode warmup" "$url" "$CONNECTIONS" 0 3 >/dev/null
  run "$mode paced(${PACED_CONNECTIONS}c/${PACE_MS}ms)" "$url" "$PACED_CONNECTIONS" "$PACE_MS" "$DURATION"
  run "$mode saturation(${CONNECTIONS}c)" "$url" "$CONNECTIONS" 0 "$DURATION"
  if [ $mode = plain ]; then
    # Memory over a longer run at saturation: RSS sampled every 10 s, peak (VmHWM) at the end.
    start_rss=$(rss)
    ( for _ in $(seq $((SOAK / 10))); do sleep 10; echo "plain soak rss_kb=$(rss) at $(date +%s)"; done ) &
    sampler=$!
    run "plain soak(${SOAK}s)" "$url" "$CONNECTIONS" 0 "$SOAK"
    wait $sampler || true
    echo "plain memory rss_before_kb=$start_rss rss_after_kb=$(rss) peak_vmhwm_kb=$(hwm)"
  else
    echo "tls memory rss_after_kb=$(rss) peak_vmhwm_kb=$(hwm)"
  fi
  stop
done
