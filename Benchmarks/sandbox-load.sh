#!/usr/bin/env bash
# Loads the sandbox with wrk on loopback: list (the whole fleet per request) and toggle
# (a different synchronizer each request), requests per second, latency percentiles and
# errors. The key reaches wrk through its Lua script's environment, never argv.
#   Benchmarks/sandbox-load.sh [FLEET_SIZE] [SECONDS]     defaults 100000 and 20
# Needs wrk (apt-get install wrk). Uses the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
fleet=${1:-100000}
seconds=${2:-20}
threads=${THREADS:-2}
connections=${CONNECTIONS:-8}
. Benchmarks/release-sandbox.sh

# Ids to toggle: the first 10,000 of the fleet, as a Lua table.
"$bin" synchronizers list --json | python3 -c '
import json, sys
ids = [s["id"] for s in json.load(sys.stdin)["synchronizers"][:10000]]
print("ids = {" + ",".join(json.dumps(i) for i in ids) + "}")' >"$work/ids.lua"

cat >"$work/list.lua" <<'LUA'
wrk.headers["X-Enterprise-API-Key"] = os.getenv("ENTERPRISE_API_KEY")
LUA
cat "$work/ids.lua" - >"$work/toggle.lua" <<'LUA'
wrk.method = "PUT"
wrk.headers["X-Enterprise-API-Key"] = os.getenv("ENTERPRISE_API_KEY")
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
    n = n + 1
    local id = ids[(n % #ids) + 1]
    local body = (n % 2 == 0) and '{"isEnabled":true}' or '{"isEnabled":false}'
    return wrk.format(nil, "/api/synq-keys/enterprise/synchronizer/" .. id .. "/toggle", nil, body)
end
LUA
cat >>"$work/list.lua" <<'LUA'
done = function(summary, latency, requests)
    io.write(string.format("RESULT requests=%d rps=%.1f p50=%.2fms p99=%.2fms max=%.2fms errors=%d non2xx=%d\n",
        summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
        latency:percentile(99) / 1000, latency.max / 1000,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
LUA
sed -n '/^done = /,$p' "$work/list.lua" >>"$work/toggle.lua"

echo "fleet: $fleet synchronizers; wrk -t$threads -c$connections -d${seconds}s --timeout 30s on $(nproc) cores"
echo
echo "| route | requests | requests/s | p50 | p99 | max | errors (socket / non-2xx) |"
echo "|:---|---:|---:|---:|---:|---:|---:|"
for name in list toggle; do
    case $name in
        list) path=/api/synq-keys/enterprise/synchronizers; label="GET list ($fleet rows)" ;;
        toggle) path=/; label="PUT toggle" ;;
    esac
    # Let the previous phase's abandoned requests (18 MB lists) finish before measuring.
    sleep 8
    out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 30s -s "$work/$name.lua" "$base$path")
    line=$(grep '^RESULT' <<<"$out")
    get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
    echo "| $label | $(get requests) | $(get rps) | $(get p50) | $(get p99) | $(get max) | $(get errors) / $(get non2xx) |"
done
