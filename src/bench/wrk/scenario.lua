-- wrk: one HTTP scenario of the benchmark; bench.care.enclave.HttpLoad sets the environment.
--   METHOD        GET or POST
--   TARGET        the path, or for MODE unique/existing the path prefix the id is appended to
--   MODE          fixed (TARGET as is), unique (TARGET .. RUN_<thread>_<n>, never repeated),
--                 existing (TARGET .. a random number 1..COUNT)
--   RUN, COUNT    see MODE
--   AUTH          the Authorization header value (none if empty)
--   BODY, CONTENT_TYPE   a file sent as the request body, and its media type
-- Prints one line "BENCH key=value ..." with the counts and latency percentiles (microseconds).
local method = os.getenv("METHOD") or "GET"
local target = os.getenv("TARGET") or "/"
local mode = os.getenv("MODE") or "fixed"
local run = os.getenv("RUN") or "bench"
local count = tonumber(os.getenv("COUNT") or "1")
local headers = {}
local auth = os.getenv("AUTH")
if auth and auth ~= "" then
  headers["Authorization"] = auth
end
local body = nil
local bodyFile = os.getenv("BODY")
if bodyFile and bodyFile ~= "" then
  local file = assert(io.open(bodyFile, "rb"))
  body = file:read("*a")
  file:close()
  headers["Content-Type"] = os.getenv("CONTENT_TYPE")
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  math.randomseed(os.time() + 7919 * tid)
end

local n = 0
statuses = {}

function request()
  local path = target
  if mode == "unique" then
    n = n + 1
    path = target .. run .. "_" .. tid .. "_" .. n
  elseif mode == "existing" then
    path = target .. math.random(1, count)
  end
  return wrk.format(method, path, headers, body)
end

function response(status, responseHeaders, responseBody)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, c in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + c
    end
  end
  local parts = {}
  for status, c in pairs(counts) do
    table.insert(parts, status .. ":" .. c)
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d mean_us=%.1f " ..
    "connect=%d read=%d write=%d timeout=%d statuses=%s\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), latency.max, latency.mean, e.connect, e.read, e.write, e.timeout,
    table.concat(parts, ",")))
end
