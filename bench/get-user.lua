-- GET /users/{id} over ids 1..MAX (wrk -s get-user.lua URL -- MAX)
local max = 1000
function init(args) max = tonumber(args[1] or "1000") end
request = function()
  return wrk.format("GET", "/users/" .. math.random(1, max))
end
