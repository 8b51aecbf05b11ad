#!/usr/bin/env bash
# Compares `synq synchronizers list --json` with curl and with the seed's Python example,
# all fetching the same list from one sandbox on loopback: wall time (hyperfine) and peak
# memory (GNU time). Needs hyperfine and python3-requests (apt-get install hyperfine).
#   Benchmarks/list-vs-curl.sh [FLEET_SIZE]     default 100000
set -euo pipefail
cd "$(dirname "$0")/.."
fleet=${1:-100000}
runs=${RUNS:-10}
work=$(mktemp -d)
trap 'kill "${sandbox_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

swift build -c release --product synq >/dev/null 2>&1
bin=$(swift build -c release --show-bin-path 2>/dev/null)/synq

"$bin" sandbox --port 0 --fleet-size "$fleet" --quiet >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 200); do grep -q "listening on" "$work/sandbox.log" && break; sleep 0.1; done
base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/sandbox.log" | head -1)
key=$(grep -o 'ent_demo_[0-9a-f]*' "$work/sandbox.log" | head -1 || true)
: "${key:=ent_demo_7f3c9a1e5b2d4f60a8c1e9b7d3f5a2c4}"

export ENTERPRISE_API_URL="$base/api" ENTERPRISE_API_KEY="$key"
# The key goes to curl through a header file, not argv.
printf 'X-Enterprise-API-Key: %s\n' "$key" >"$work/headers"
chmod 600 "$work/headers"
curl_cmd="curl -sf -H @$work/headers $base/api/synq-keys/enterprise/synchronizers"

echo "fleet: $fleet synchronizers; body: $($curl_cmd | wc -c) bytes"
hyperfine --warmup 2 --runs "$runs" -N --export-markdown "$work/wall.md" \
    -n curl "$curl_cmd" \
    -n synq "$bin synchronizers list --json" \
    -n python "python3 Benchmarks/list_synchronizers.py" >/dev/null
cat "$work/wall.md"

echo
echo "| command | peak RSS (MiB, max of 3) |"
echo "|:---|---:|"
for name in curl synq python; do
    case $name in
        curl) cmd="$curl_cmd" ;;
        synq) cmd="$bin synchronizers list --json" ;;
        python) cmd="python3 Benchmarks/list_synchronizers.py" ;;
    esac
    peak=0
    for _ in 1 2 3; do
        kb=$( { /usr/bin/time -f '%M' $cmd >/dev/null; } 2>&1 | tail -1)
        [ "$kb" -gt "$peak" ] && peak=$kb
    done
    echo "| $name | $((peak / 1024)) |"
done
