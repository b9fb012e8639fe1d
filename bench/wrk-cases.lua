-- wrk load test of case work (issue #5): many bench users at once, each request on behalf of one of them (bearer token),
-- in a realistic mix of reads, notes and stage changes. The users, their tokens and their cases come from
-- `himaya bench cases --url ... --tokens FILE` (one line each: W|S token user-id open-case-ids reviewable-case-ids).
--
-- Usage:
--   CASES_TOKENS=/tmp/himaya-bench/cases-tokens.txt THINK_MS=1000 WRK_THREADS=2 \
--     wrk -t2 -c200 -d120s --latency --timeout 10s -s bench/wrk-cases.lua http://127.0.0.1:5090
--
-- Social workers (nine in ten users):        supervisors:
--   25% GET /my-work (page)                    35% GET /cases/team (page)
--   15% GET /cases (their case list, page)     30% GET /my-work (page)
--   10% GET /cases/{id} (case page)            15% GET /cases (team's cases, page)
--   20% GET /api/v1/cases/{id}                 20% GET /api/v1/cases/{id} (a team case)
--   20% POST /api/v1/cases/{id}/notes
--   10% POST /api/v1/cases/{id}/reviews (a stage change: the plan review moves the case to follow-up), with the version
--       read by an earlier GET of that case; without one yet, that GET is made instead.
-- THINK_MS: each connection waits a random 0..2×THINK_MS before each request (a person reading the page); 0 = none.
-- A thread's users are its own (users are split over WRK_THREADS threads), and a case with a change in flight is not
-- touched again until the answer comes, so two requests of this script never race on one case.

local threads = {}
local nextId = 0

function setup(thread)
  thread:set("tid", nextId)
  nextId = nextId + 1
  table.insert(threads, thread)
end

local users = {}
local versions = {}   -- case id -> last version seen
local busy = {}       -- case id -> time a change was sent (cleared by its answer; forgotten after 10 s)
local think = tonumber(os.getenv("THINK_MS") or "1000")
counts = {}           -- status -> responses (read by done())
kinds = {}            -- request kind -> requests sent

local function split(s, sep)
  local out = {}
  if s == nil or s == "-" then return out end
  for x in string.gmatch(s, "[^" .. sep .. "]+") do table.insert(out, x) end
  return out
end

function init(args)
  local nthreads = tonumber(os.getenv("WRK_THREADS") or "2")
  local path = os.getenv("CASES_TOKENS") or "/tmp/himaya-bench/cases-tokens.txt"
  local f = assert(io.open(path, "r"), "cannot read " .. path)
  local i = 0
  for line in f:lines() do
    if i % nthreads == tid then
      local p = split(line, " ")
      local u = { sup = p[1] == "S", auth = "Bearer " .. p[2], id = p[3], cases = split(p[4], ","), reviewable = split(p[5], ",") }
      if #u.cases > 0 then table.insert(users, u) end
    end
    i = i + 1
  end
  f:close()
  math.randomseed(os.time() * 7 + tid)
end

local function free(id)
  local t = busy[id]
  if t == nil then return true end
  if os.time() - t > 10 then busy[id] = nil; return true end
  return false
end

local function pick(list)
  if #list == 0 then return nil end
  for _ = 1, 4 do
    local id = list[math.random(#list)]
    if free(id) then return id end
  end
  return nil
end

local function today(offsetDays)
  return os.date("!%Y-%m-%d", os.time() + (offsetDays or 0) * 86400)
end

local function get(u, kind, path)
  kinds[kind] = (kinds[kind] or 0) + 1
  return wrk.format("GET", path, { ["Authorization"] = u.auth })
end

local function post(u, kind, path, body)
  kinds[kind] = (kinds[kind] or 0) + 1
  return wrk.format("POST", path, { ["Authorization"] = u.auth, ["Content-Type"] = "application/json" }, body)
end

local noteKinds = { "HomeVisit", "PhoneCall", "Note", "Meeting" }

function request()
  local u = users[math.random(#users)]
  local r = math.random()
  if u.sup then
    if r < 0.35 then return get(u, "team", "/cases/team") end
    if r < 0.65 then return get(u, "my-work", "/my-work") end
    if r < 0.80 then return get(u, "case-list", "/cases") end
    local id = pick(u.cases)
    if id then return get(u, "case-api", "/api/v1/cases/" .. id) end
    return get(u, "my-work", "/my-work")
  end
  if r < 0.25 then return get(u, "my-work", "/my-work") end
  if r < 0.40 then return get(u, "case-list", "/cases") end
  if r < 0.50 then
    local id = pick(u.cases)
    if id then return get(u, "case-page", "/cases/" .. id) end
  elseif r < 0.70 then
    -- Half the reads are of cases that can take a review, so their versions are known when one is made.
    local id = (math.random() < 0.5 and pick(u.reviewable)) or pick(u.cases)
    if id then return get(u, "case-api", "/api/v1/cases/" .. id) end
  elseif r < 0.90 then
    local id = pick(u.cases)
    if id then
      busy[id] = os.time()
      local body = string.format('{"kind":"%s","on":"%s","text":"Load test note: visit made, family at home, plan discussed.","sensitive":false}',
        noteKinds[math.random(#noteKinds)], today())
      return post(u, "note", "/api/v1/cases/" .. id .. "/notes", body)
    end
  else
    for _ = 1, 4 do
      local id = pick(u.reviewable)
      if id and versions[id] then
        busy[id] = os.time()
        local body = string.format('{"version":%d,"progress":"Load test review: attendance regular, plan on track.","nextReviewOn":"%s"}',
          versions[id], today(90))
        versions[id] = nil
        return post(u, "review", "/api/v1/cases/" .. id .. "/reviews", body)
      end
    end
    local id = pick(u.reviewable) or pick(u.cases)
    if id then return get(u, "case-api", "/api/v1/cases/" .. id) end
  end
  return get(u, "my-work", "/my-work")
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  if status == 200 and body then
    -- A case view (GET, note or review answer) starts with its id, number and version.
    local id, v = string.match(body, '^{"id":"([%x%-]+)","number":"[^"]*","version":(%d+)')
    if id then
      v = tonumber(v)
      busy[id] = nil
      if versions[id] == nil or versions[id] < v then versions[id] = v end
    end
  end
end

if think > 0 then
  function delay()
    return math.random(0, 2 * think)
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("requests %d in %.1f s: %.1f requests/s\n", summary.requests, seconds, summary.requests / seconds))
  io.write(string.format("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f  mean %.1f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, latency.mean / 1000))
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d; non-2xx/3xx: %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
  local byStatus, byKind = {}, {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("counts")) do byStatus[k] = (byStatus[k] or 0) + v end
    for k, v in pairs(t:get("kinds")) do byKind[k] = (byKind[k] or 0) + v end
  end
  local line = "responses by status:"
  for k, v in pairs(byStatus) do line = line .. string.format(" %s=%d", tostring(k), v) end
  io.write(line .. "\n")
  line = "requests sent by kind:"
  for _, k in ipairs({ "my-work", "case-list", "case-page", "case-api", "note", "review", "team" }) do
    line = line .. string.format(" %s=%d", k, byKind[k] or 0)
  end
  io.write(line .. "\n")
end
