/**
 * Sliding-window log on one sorted set, run atomically by Redis.
 *
 * KEYS[1]  the bucket's sorted set (one member per allowed request, scored by time in ms)
 * ARGV[1]  limit: requests allowed within any window
 * ARGV[2]  window length in ms
 * ARGV[3]  a unique id for this request, so two requests in the same ms stay two members
 * ARGV[4]  '1' to only look: nothing is counted and the request is reported as fitting
 *
 * Returns { allowed (1|0), remaining, resetMs }: resetMs is how long until the
 * oldest counted request leaves the window, i.e. until one more request fits.
 *
 * Time comes from the Redis server, not the caller, so replicas whose clocks
 * disagree still share one window. Refused requests are not logged: hammering
 * does not extend the wait beyond the window.
 */
export const SLIDING_WINDOW_SCRIPT = `
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
local allowed = 0
if ARGV[4] == '1' then
  allowed = 1
elseif count < limit then
  redis.call('ZADD', key, now, now .. ':' .. ARGV[3])
  count = count + 1
  allowed = 1
end

local resetMs = window
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
if oldest[2] then
  resetMs = tonumber(oldest[2]) + window - now
  redis.call('PEXPIRE', key, window)
end
return { allowed, limit - count, resetMs }
`;
