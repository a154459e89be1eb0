-- POST /orders for users 1..MAX (wrk -s post-orders.lua URL -- MAX)
local max = 1000
function init(args) max = tonumber(args[1] or "1000") end
request = function()
  local body = string.format('{"userId":%d,"items":[{"sku":"KB-101","quantity":2,"unitPrice":"49.90"},' ..
    '{"sku":"MS-220","quantity":1,"unitPrice":"24.50"}]}', math.random(1, max))
  return wrk.format("POST", "/orders", {["Content-Type"] = "application/json"}, body)
end
