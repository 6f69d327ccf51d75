-- wrk: POST /attest/SgxEnclave with one fixed evidence body (e.g. a real SGX quote).
-- Environment: BODY (path of a JSON file {"quote": b64url, ...}).
local file = assert(io.open(os.getenv("BODY"), "r"))
local body = file:read("*a")
file:close()

function request()
  return wrk.format("POST", "/attest/SgxEnclave?api-version=2022-08-01",
    { ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, non-2xx %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    summary.errors.status))
end
