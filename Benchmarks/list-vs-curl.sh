#!/usr/bin/env bash
# Compares `synq synchronizers list --json` with curl and with the seed's Python example,
# all fetching the same list from one sandbox on loopback: wall time (hyperfine) and peak
# memory (GNU time). Needs hyperfine and python3-requests (apt-get install hyperfine).
#   Benchmarks/list-vs-curl.sh [FLEET_SIZE]     default 100000
set -euo pipefail
cd "$(dirname "$0")/.."
fleet=${1:-100000}
runs=${RUNS:-10}
. Benchmarks/release-sandbox.sh
key=$ENTERPRISE_API_KEY
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
