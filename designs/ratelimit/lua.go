package ratelimit

// The Redis scripts. Each runs a whole decision atomically: Redis executes
// one script at a time, so no other client can read or write the key
// between our read and our write. Times are integer microseconds, which
// Lua's doubles hold exactly (2^53 µs is 285 years).
//
// ARGV[1] is the caller's time in µs, or "" to read the server clock with
// TIME. Every script returns {allowed, remaining, retry_us, reset_us} and
// sets the key's TTL to reset_us, after which the state equals a fresh one.

// luaPrelude reads the clock and defines helpers.
const luaPrelude = `
local now
if ARGV[1] == '' then
  if redis.replicate_commands then redis.replicate_commands() end
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000000 + tonumber(t[2])
else
  now = tonumber(ARGV[1])
end
local function ceildiv(a, b)
  if a <= 0 then return 0 end
  return math.floor((a - 1) / b) + 1
end
local function expire(key, reset_us)
  redis.call('PEXPIRE', key, math.max(1, ceildiv(reset_us, 1000)))
end
`

// luaBucketRead loads a bucket's level v and last time t.
const luaBucketRead = `
local unit, refill, cap, full = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local st = redis.call('HMGET', KEYS[1], 'v', 't')
local level, last = tonumber(st[1]), tonumber(st[2])
`

const luaTokenBucket = luaPrelude + luaBucketRead + `
if level == nil then level, last = cap, now end
if now < last then now = last end
local el = now - last
if el >= full then level = cap else level = math.min(level + el * refill, cap) end
local allowed, retry = 0, 0
if level >= unit then
  level = level - unit
  allowed = 1
else
  retry = ceildiv(unit - level, refill)
end
local reset = ceildiv(cap - level, refill)
redis.call('HSET', KEYS[1], 'v', level, 't', now)
expire(KEYS[1], reset)
return {allowed, math.floor(level / unit), retry, reset}
`

const luaLeakyBucket = luaPrelude + luaBucketRead + `
if level == nil then level, last = 0, now end
if now < last then now = last end
local el = now - last
if el >= full then level = 0 else level = math.max(level - el * refill, 0) end
local allowed, retry = 0, 0
if level + unit <= cap then
  level = level + unit
  allowed = 1
else
  retry = ceildiv(level + unit - cap, refill)
end
local reset = ceildiv(level, refill)
redis.call('HSET', KEYS[1], 'v', level, 't', now)
expire(KEYS[1], reset)
return {allowed, math.floor((cap - level) / unit), retry, reset}
`

const luaFixedWindow = luaPrelude + `
local window, limit = tonumber(ARGV[2]), tonumber(ARGV[3])
local st = redis.call('HMGET', KEYS[1], 's', 'n', 't')
local start, count, last = tonumber(st[1]), tonumber(st[2]) or 0, tonumber(st[3])
if last ~= nil and now < last then now = last end
local ws = now - math.fmod(now, window)
if start ~= ws then start, count = ws, 0 end
local reset = start + window - now
local allowed, retry = 0, 0
if count < limit then
  count = count + 1
  allowed = 1
else
  retry = reset
end
redis.call('HSET', KEYS[1], 's', start, 'n', count, 't', now)
expire(KEYS[1], reset)
return {allowed, limit - count, retry, reset}
`

// luaSlidingLog keeps the log as a list of µs timestamps, oldest first: up
// to Limit entries per key, as in memory. A caller clock that steps back is
// clamped to the newest entry (memory clamps to the last decision).
const luaSlidingLog = luaPrelude + `
local window, limit = tonumber(ARGV[2]), tonumber(ARGV[3])
local key = KEYS[1]
local newest = tonumber(redis.call('LINDEX', key, -1))
if newest ~= nil and now < newest then now = newest end
local cutoff = now - window
while true do
  local oldest = redis.call('LINDEX', key, 0)
  if not oldest or tonumber(oldest) > cutoff then break end
  redis.call('LPOP', key)
end
local n = redis.call('LLEN', key)
local allowed, retry = 0, 0
if n < limit then
  redis.call('RPUSH', key, now)
  n = n + 1
  newest = now
  allowed = 1
else
  retry = tonumber(redis.call('LINDEX', key, 0)) + window - now
end
local reset = newest + window - now
expire(key, reset)
return {allowed, limit - n, retry, reset}
`

const luaSlidingWindow = luaPrelude + `
local w, l = tonumber(ARGV[2]), tonumber(ARGV[3])
local st = redis.call('HMGET', KEYS[1], 's', 'b', 'c', 't')
local start, cur, prev, last = tonumber(st[1]), tonumber(st[2]) or 0, tonumber(st[3]) or 0, tonumber(st[4])
if last ~= nil and now < last then now = last end
local ws = now - math.fmod(now, w)
if start == nil then
  start = ws
elseif ws ~= start then
  if ws == start + w then prev = cur else prev = 0 end
  start, cur = ws, 0
end
local el = now - start
local allowed, retry = 0, 0
if prev * (w - el) + (cur + 1) * w <= l * w then
  cur = cur + 1
  allowed = 1
elseif cur < l then
  retry = w - el - math.floor((l - cur - 1) * w / prev)
else
  retry = w - el + w - math.floor((l - 1) * w / cur)
end
local remaining = math.max(math.floor((l * w - prev * (w - el) - cur * w) / w), 0)
local reset = 0
if cur > 0 then reset = 2 * w - el elseif prev > 0 then reset = w - el end
redis.call('HSET', KEYS[1], 's', start, 'b', cur, 'c', prev, 't', now)
expire(KEYS[1], reset)
return {allowed, remaining, retry, reset}
`
