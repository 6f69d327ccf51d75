-- wrk: GET /patient/{id} over ids that post-patient.lua created (RUN_<thread>_<n>, n <= COUNT).
-- Environment: AUTH (base64 of clerk:password), RUN, THREADS (of the POST run), COUNT.
local run = os.getenv("RUN") or "bench"
local auth = "Basic " .. (os.getenv("AUTH") or "")
local threads = tonumber(os.getenv("THREADS") or "2")
local count = tonumber(os.getenv("COUNT") or "1000")

function request()
  local id = run .. "_" .. math.random(1, threads) .. "_" .. math.random(1, count)
  return wrk.format("GET", "/patient/" .. id, { ["Authorization"] = auth })
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, non-2xx %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    summary.errors.status))
end
