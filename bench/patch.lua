-- wrk: PATCH /license_keys/{random id} with a mix of absent, null and value bodies.
-- Env: IDS_FILE (one key id per line), API_KEY.
local ids = {}
local bodies = {
  '{}',
  '{"activations_limit": null}',
  '{"activations_limit": 7}',
  '{"disabled": null}',
  '{"disabled": false}',
  '{"expires_at": null}',
  '{"expires_at": "2030-01-01T00:00:00Z"}',
  '{"activations_limit": 9, "expires_at": null}',
}

function init(args)
  for line in io.lines(os.getenv("IDS_FILE")) do
    ids[#ids + 1] = line
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
  wrk.method = "PATCH"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("API_KEY")
end

function request()
  local id = ids[math.random(#ids)]
  return wrk.format(nil, "/license_keys/" .. id, nil, bodies[math.random(#bodies)])
end
