-- POST /users with an email unique across threads and runs (wrk -s post-users.lua URL [-- PREFIX]);
-- give each wrk running at the same time its own PREFIX
local counter, threads = 0, {}
function setup(thread) counter = counter + 1; thread:set("tid", counter) end
local n = 0
local prefix = ""
local stamp = tostring(os.time())
function init(args) prefix = args[1] or "" end
request = function()
  n = n + 1
  local body = string.format('{"name":"Bench %d-%d","email":"b%s%s-%d-%d@bench.test"}', tid, n, prefix, stamp, tid, n)
  return wrk.format("POST", "/users", {["Content-Type"] = "application/json"}, body)
end
