#!/usr/bin/env bash
# Compares `synq synchronizers list --json` and the table form with curl and with the seed's
# Python example, all fetching the same list from one sandbox on loopback, side by side in one
# run: wall time (hyperfine) and peak memory (GNU time). Needs hyperfine and python3-requests
# (apt-get install hyperfine python3-requests).
#   Benchmarks/list-vs-curl.sh [FLEET_SIZE]     default 100000; up to 1000000
#   RUNS=3 PYTHON=0 Benchmarks/list-vs-curl.sh 1000000    fewer runs, without Python
#   STATIC=1 Benchmarks/list-vs-curl.sh 1000000     the sandbox's body saved once and served as a
#                                                   static file (python3 -m http.server): the
#                                                   client's own cost, whatever the server's
#   PIN=1 Benchmarks/list-vs-curl.sh 1000000   the sandbox on core 0 and every client (curl too) on
#                                               core 1 (taskset): on a 2-core machine the sandbox and
#                                               the client otherwise share both cores, and a client
#                                               that parses slows the server it is measured against
#   BIN=.build-static/release/synq Benchmarks/list-vs-curl.sh 100000
#                                                   that synq (here the binary Scripts/package.sh
#                                                   ships, Swift linked statically) instead of
#                                                   building the dynamically linked release one
set -euo pipefail
cd "$(dirname "$0")/.."
fleet=${1:-100000}
runs=${RUNS:-10}
[ "${PIN:-0}" = 1 ] && export SANDBOX_CPU=0
. Benchmarks/release-sandbox.sh
key=$ENTERPRISE_API_KEY
# The key goes to curl through a header file, not argv.
printf 'X-Enterprise-API-Key: %s\n' "$key" >"$work/headers"
chmod 600 "$work/headers"
route=api/synq-keys/enterprise/synchronizers
if [ "${STATIC:-0}" = 1 ]; then
    mkdir -p "$work/www/${route%/*}"
    curl -sf -H @"$work/headers" "$base/$route" -o "$work/www/$route"
    kill "$sandbox_pid"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    (cd "$work/www" && exec python3 -m http.server "$port" --bind 127.0.0.1) >"$work/static.log" 2>&1 &
    sandbox_pid=$!
    for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/$route" && break; sleep 0.1; done
    base=http://127.0.0.1:$port
    export ENTERPRISE_API_URL="$base/api"
fi
curl_cmd="curl -sf -H @$work/headers $base/$route"

echo "fleet: $fleet synchronizers; body: $($curl_cmd | wc -c) bytes; synq: $bin"
names=(curl synq-json synq-table)
[ "${PYTHON:-1}" = 1 ] && names+=(python)
command_for() {
    local pin=
    [ "${PIN:-0}" = 1 ] && pin="taskset -c 1 "
    case $1 in
        curl) echo "$pin$curl_cmd" ;;
        synq-json) echo "$pin$bin synchronizers list --json" ;;
        synq-table) echo "$pin$bin synchronizers list" ;;
        python) echo "${pin}python3 Benchmarks/list_synchronizers.py" ;;
    esac
}
args=()
for name in "${names[@]}"; do args+=(-n "$name" "$(command_for "$name")"); done
hyperfine --warmup "${WARMUP:-2}" --runs "$runs" -N --output=pipe --export-markdown "$work/wall.md" "${args[@]}" >/dev/null
cat "$work/wall.md"

echo
echo "| command | peak RSS (MiB, max of 3) |"
echo "|:---|---:|"
for name in "${names[@]}"; do
    cmd=$(command_for "$name")
    peak=0
    for _ in 1 2 3; do
        kb=$( { /usr/bin/time -f '%M' $cmd >/dev/null; } 2>&1 | tail -1)
        [ "$kb" -gt "$peak" ] && peak=$kb
    done
    echo "| $name | $((peak / 1024)) |"
done
