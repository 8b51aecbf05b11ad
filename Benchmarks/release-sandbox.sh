# Sourced by the benchmark scripts: builds the release synq, starts its sandbox with
# $fleet synchronizers on a free port in the background, and stops it on exit.
# BIN=PATH measures that synq instead of building one (the packaged, statically linked binary
# from Scripts/package.sh, or a saved build); its own sandbox serves the list.
# Sets: work (a temporary folder), bin (the synq measured), base (the sandbox URL),
# ENTERPRISE_API_URL and ENTERPRISE_API_KEY (the public demo key).
work=$(mktemp -d)
trap 'kill "${sandbox_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

if [ -n "${BIN:-}" ]; then
    bin=$(realpath "$BIN")
else
    swift build -c release --product synq >/dev/null 2>&1
    bin=$(swift build -c release --show-bin-path 2>/dev/null)/synq
fi

# SANDBOX_CPU=N pins the sandbox to that core (taskset), so a client on the other cores does not
# slow the server it measures.
${SANDBOX_CPU:+taskset -c "$SANDBOX_CPU"} "$bin" sandbox --port 0 --fleet-size "$fleet" --quiet >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 600); do grep -q "listening on" "$work/sandbox.log" && break; sleep 0.1; done
base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/sandbox.log" | head -1)
export ENTERPRISE_API_KEY=ent_demo_7f3c9a1e5b2d4f60a8c1e9b7d3f5a2c4
export ENTERPRISE_API_URL="$base/api"
