-- wrk script for bench:load. POSTs LOAD_BODY_FILE with LOAD_CONTENT_TYPE, rotating the API keys in
-- LOAD_KEYS_FILE (one per line; none for the bare handler) so the tier limits of one key never bind,
-- counts answers by status, and prints one machine-readable line at the end.
local function read_all(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

local body = read_all(os.getenv("LOAD_BODY_FILE"))
local content_type = os.getenv("LOAD_CONTENT_TYPE")
local keys = {}
local keys_file = os.getenv("LOAD_KEYS_FILE")
if keys_file and keys_file ~= "" then
  for line in io.lines(keys_file) do
    if line ~= "" then keys[#keys + 1] = line end
  end
end

local threads = {}
function setup(thread)
  thread:set("offset", #threads * 7919)
  threads[#threads + 1] = thread
end

counter = 0
statuses = {}

function request()
  counter = counter + 1
  local headers = { ["Content-Type"] = content_type }
  if #keys > 0 then
    headers["Authorization"] = "Bearer " .. keys[((offset + counter) % #keys) + 1]
  end
  return wrk.format("POST", nil, headers, body)
end

function response(status)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + n
    end
  end
  local codes = {}
  for status, n in pairs(totals) do
    codes[#codes + 1] = string.format('"%s":%d', status, n)
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},"statuses":{%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout, table.concat(codes, ",")))
end
