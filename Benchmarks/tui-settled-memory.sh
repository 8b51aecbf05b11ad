#!/usr/bin/env bash
# The TUI's memory holding a large fleet: the real `synq tui` in tmux against a static list body
# (python3 -m http.server, so the server's speed is not measured), journal on, in a fresh HOME;
# prints peak (VmHWM) and resident (VmRSS, anonymous / file-backed) memory at the given seconds
# after the title shows the whole fleet. Needs tmux, curl, python3, bc.
#   Benchmarks/tui-settled-memory.sh BIN [LABEL]        BIN: a release synq
#   FLEET=1000000 TIMES="2 8" EXTRA="VAR=value" Benchmarks/tui-settled-memory.sh BIN
#   SESSION=1 REFRESH=30 TIMES=45 Benchmarks/tui-settled-memory.sh BIN   a working session first: sorted by
#     every column and reversed, /prod-relay typed and cleared, G, g (TIMES count from its end), with a
#     poll every REFRESH seconds (600 by default: none)
# The body is made once with BIN's own sandbox (FLEET rows) and kept in ${BODY_DIR:-/tmp/synq-body-$FLEET}.
set -u
bin=$(realpath "$1"); label=${2:-$1}
fleet=${FLEET:-1000000}
route=api/synq-keys/enterprise/synchronizers
key=ent_demo_7f3c9a1e5b2d4f60a8c1e9b7d3f5a2c4
body_dir=${BODY_DIR:-/tmp/synq-body-$fleet}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
if [ ! -s "$body_dir/$route" ]; then
    mkdir -p "$body_dir/${route%/*}"
    port=$(free_port)
    "$bin" sandbox --port "$port" --fleet-size "$fleet" --quiet >/dev/null 2>&1 &
    sandbox=$!
    printf 'X-Enterprise-API-Key: %s\n' "$key" >"$body_dir/headers"; chmod 600 "$body_dir/headers"
    for _ in $(seq 1 600); do curl -sf -H @"$body_dir/headers" -o "$body_dir/$route" "http://127.0.0.1:$port/$route" && break; sleep 0.5; done
    kill "$sandbox"
fi
port=$(free_port)
(cd "$body_dir" && exec python3 -m http.server "$port" --bind 127.0.0.1) >/dev/null 2>&1 &
server=$!
for _ in $(seq 1 50); do curl -sf -o /dev/null -r 0-10 "http://127.0.0.1:$port/$route" && break; sleep 0.1; done
home=$(mktemp -d)
socket=synq-memory-$$
trap 'tmux -L "$socket" kill-server 2>/dev/null; rm -f "/tmp/tmux-$(id -u)/$socket"; kill "$server" 2>/dev/null; rm -rf "$home"' EXIT
tmux -L "$socket" new-session -d -x 80 -y 24 "env -i ${EXTRA:-} PATH=/usr/bin:/bin TERM=xterm-256color HOME=$home \
ENTERPRISE_API_URL=http://127.0.0.1:$port/api ENTERPRISE_API_KEY=$key $bin tui --refresh ${REFRESH:-600} --timeout 600"
title="Synchronizers ($(echo "$fleet" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'))"
for _ in $(seq 1 1200); do tmux -L "$socket" capture-pane -p | grep -qF "$title" && break; sleep 0.05; done
pid=$(pgrep -f "^$bin tui --refresh ${REFRESH:-600}" | head -1)
[ -n "$pid" ] || { echo "$label: synq tui is not running (it ended before the title showed)"; exit 1; }
echo "$label: load $(cut -d' ' -f1 /proc/loadavg)"
if [ "${SESSION:-0}" = 1 ]; then
    keys() { tmux -L "$socket" send-keys "$@"; }
    for key in s s s S s; do keys "$key"; sleep 2; done
    keys /; keys prod-relay; sleep 3; keys Escape; sleep 2; keys G; sleep 1; keys g
fi
last=0
for at in ${TIMES:-2 8}; do
    sleep "$(echo "$at - $last" | bc)"; last=$at
    field() { awk -v f="$1:" '$1 == f { printf "%.1f", $2 / 1024 }' "/proc/$pid/status"; }
    echo "  ${at}s: peak $(field VmHWM) MiB, rss $(field VmRSS) MiB (anon $(field RssAnon), file $(field RssFile))"
done
