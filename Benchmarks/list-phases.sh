#!/usr/bin/env bash
# Where one headless command's time goes, from kernel tracepoints (not strace, which slows each
# phase): exec -> connect, -> the last read of the socket, -> the first write to standard output,
# first -> last write, -> exit. Needs perf (apt-get install linux-perf) and root or
# kernel.perf_event_paranoid <= 1.
#   ENTERPRISE_API_URL=… ENTERPRISE_API_KEY=… Benchmarks/list-phases.sh .build/release/synq synchronizers list --json
#   PIPE=1 Benchmarks/list-phases.sh …     standard output into a pipe (drained by cat), not /dev/null
# "Last socket read" is the last read of the socket before the first write: the read that sees
# the connection's end can come later.
set -euo pipefail
data=$(mktemp)
trap 'rm -f "$data"' EXIT
events=syscalls:sys_enter_read,syscalls:sys_enter_write,syscalls:sys_enter_connect,sched:sched_process_exec,sched:sched_process_exit
if [ "${PIPE:-0}" = 1 ]; then
    # Standard output into a pipe that `cat` drains, as in `synq … | jq` (and hyperfine's --output=pipe).
    perf record -q -o "$data" -e "$events" -- "$@" 2>/dev/null | cat >/dev/null
else
    perf record -q -o "$data" -e "$events" -- "$@" >/dev/null 2>/dev/null
fi
perf script -i "$data" -F comm,tid,time,event,trace 2>/dev/null | python3 -c '
import re, sys
started = connected = ended = None
socket = None
reads, writes = [], []
for line in sys.stdin:
    match = re.search(r"\s([0-9]+\.[0-9]+):\s+(\S+):\s*(.*)", line)
    if not match:
        continue
    time, event, trace = float(match.group(1)), match.group(2), match.group(3)
    if "process_exec" in event and started is None:
        started = time
    elif "sys_enter_connect" in event and connected is None:
        connected, socket = time, re.search(r"fd: (0x[0-9a-f]+)", trace).group(1)
    elif "sys_enter_read" in event and socket and f"fd: {socket}," in trace:
        reads.append(time)
    elif "sys_enter_write" in event and re.search(r"fd: 0x0*1,", trace):
        writes.append(time)
    elif "process_exit" in event:
        ended = time
ms = lambda a, b: (b - a) * 1e3
reads = [time for time in reads if time < writes[0]]
print("connect %.0f ms, last socket read %.0f, last read -> first write %.0f, writing %.0f, last write -> exit %.0f, total %.0f"
      % (ms(started, connected), ms(started, reads[-1]), ms(reads[-1], writes[0]), ms(writes[0], writes[-1]), ms(writes[-1], ended), ms(started, ended)))
'
