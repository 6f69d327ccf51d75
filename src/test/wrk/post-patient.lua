-- wrk: POST /patient/{id} with the seed's form body and a unique id per request.
-- Environment: AUTH (base64 of clerk:password), RUN (a prefix unique to this run).
-- Ids are RUN_<thread>_<n>, so get-patient.lua can read them back afterwards.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local run = os.getenv("RUN") or "bench"
local auth = "Basic " .. (os.getenv("AUTH") or "")
local body = "fname=Jane&lname=Doe&address='123 Main Street'&city=Richmond&state=Washington" ..
  "&ssn=123-223-2345&email=nr@aaa.com&dob=01/01/2010&contactphone=123-234-3456" ..
  "&drugallergies='Sulpha, Penicillin, Tree Nut'&preexistingconditions='diabetes, hypertension, asthma'" ..
  "&dateadmitted=01/05/2010&insurancedetails='Primera Blue Cross'"
local n = 0

function request()
  n = n + 1
  return wrk.format("POST", "/patient/" .. run .. "_" .. tid .. "_" .. n,
    { ["Authorization"] = auth, ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

local statuses = {}
function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, non-2xx %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    summary.errors.status))
end
