-- wrk script for Benchmarks/admission-load.sh: POSTs one AdmissionReview (fixtures/admission/
-- typical-deployment.json, the API server's compact encoding) to /validate, and paces each
-- connection when PACE_MS is set (wrk has no rate option; delay() takes whole milliseconds).
local file = assert(io.open(os.getenv("REVIEW") or "fixtures/admission/typical-deployment.json", "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"

local pace = tonumber(os.getenv("PACE_MS") or "0")
if pace > 0 then
  function delay()
    return pace
  end
end

local errors = 0
function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"allowed":true', 1, true) then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.0f p50_us=%d p99_us=%d p999_us=%d max_us=%d non2xx_or_denied=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max,
    summary.errors.status + errors, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
