-- POST /users with an email unique across threads and runs
local counter, threads = 0, {}
function setup(thread) counter = counter + 1; thread:set("tid", counter) end
local n = 0
local stamp = tostring(os.time())
request = function()
  n = n + 1
  local body = string.format('{"name":"Bench %d-%d","email":"b%s-%d-%d@bench.test"}', tid, n, stamp, tid, n)
  return wrk.format("POST", "/users", {["Content-Type"] = "application/json"}, body)
end
