-- wrk script: name searches through the HTTP API with a bearer token (TOKEN env var), cycling spellings.
-- Usage: TOKEN=... wrk -t2 -c8 -d30s --latency -s bench/wrk-search.lua http://127.0.0.1:5080
local queries = {
  "Mammadov", "Мамедов", "Məmmədova Aysel", "Aliyev", "Алиева Лейла", "Huseynov", "Гусейнов", "Hasanova",
  "Quliyev Elvin", "Kuliev", "Ismayilov", "Исмаилова", "Cafarov", "Dzhafarov", "Rustamova", "Nasibli",
  "Mamedov Tural", "Alieva Zahra", "Guseynova Nigar", "Abbasov", "Сулейманов", "Suleymanova", "Ahmadov", "Ахмедов",
}
local token = os.getenv("TOKEN")
local i = 0
request = function()
  i = i + 1
  local q = queries[(i % #queries) + 1]
  local path = "/api/v1/children?q=" .. q:gsub("([^%w])", function(c) return string.format("%%%02X", string.byte(c)) end) .. "&pageSize=20"
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end
