-- Paces each connection to about RATE/connections requests per second (wrk -s paced.lua URL -- PATH DELAY_MS)
local path, pause = "/", 0
function init(args) path = args[1]; pause = tonumber(args[2]) end
function delay() return pause end
request = function() return wrk.format("GET", path) end
