#!/usr/bin/env python3
"""Signals against the running TUI: is the terminal always given back?

Usage:
    swift build && Campaigns/signals.py [--program tui|demo ...] [--case NAME ...]

For each program (`synq tui --refresh 1` against a `synq sandbox --port 0 --quiet`, and
`synq demo --refresh 1`, which runs its own sandbox in-process) and each way of stopping it
(SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1 sent with kill; Ctrl-C typed with `tmux send-keys C-c`;
SIGSEGV and SIGABRT sent with kill, which the C shim's crash handler must survive by
restoring the terminal and re-raising; a second SIGTERM while the first is handled; and
SIGKILL, which nothing can handle), the program runs in a tmux pane (private socket,
100x30) under a shell wrapper that records `stty -a` before synq starts and after it exits,
and synq's exit status. The script sends the signal to synq's own pid (the wrapper `exec`s
it, so the recorded pid is synq) once the fleet is on screen, then checks:

- stty: `stty -a` after is exactly `stty -a` before;
- screen: the alternate screen was left (`#{alternate_on}` back to 0, the fleet gone) and
  the cursor, keypad and mouse modes are what they were (`#{cursor_flag}`,
  `#{keypad_cursor_flag}`, `#{keypad_flag}`, `#{mouse_any_flag}`);
- exit: the status the shell saw, against what is expected: 128+signal for the crash
  signals and SIGKILL (the process dies of the signal), 128+signal for the stop signals
  too (README "Terminals": the shell convention, so scripts see the interruption), and 0
  for the Ctrl-C key, which in raw mode is a key press bound to quit, like `q`;
- leftovers: no process of the session is left behind.

Under an interactive bash (job control), Ctrl-Z and SIGTSTP must stop synq with the terminal
given back (normal screen, bash's modes) and `fg` must bring the fleet back redrawn; and a
terminal that goes away (tmux kill-server) while the one-time key window is open must end
synq rather than leave it running parented to init.

SIGKILL is reported as a known limit: the kernel ends the process without running any
handler, so the terminal stays as synq left it (raw mode, alternate screen) until the
shell or the user runs `reset` / `stty sane`; the row records what was actually left.

Prints a Markdown table and writes it to Campaigns/results/signals.md. Exit status 0 when
every case but SIGKILL passes. Takes about a minute.
"""

import argparse
import os
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tty_campaign import SYNQ, Pane, Sandbox, base_env, markdown_table, write_result  # noqa: E402

WIDTH, HEIGHT = 100, 30
MODE_FLAGS = ["alternate_on", "cursor_flag", "keypad_cursor_flag", "keypad_flag", "mouse_any_flag"]

CASES = [
    # name, how, signal number, expected exit status, known limit
    ("SIGINT (kill)", "kill", signal.SIGINT, 128 + signal.SIGINT, False),
    ("Ctrl-C (send-keys C-c)", "keys", signal.SIGINT, 0, False),  # a key in raw mode: quit, like q
    ("SIGTERM", "kill", signal.SIGTERM, 128 + signal.SIGTERM, False),
    ("SIGHUP", "kill", signal.SIGHUP, 128 + signal.SIGHUP, False),
    ("SIGQUIT", "kill", signal.SIGQUIT, 128 + signal.SIGQUIT, False),
    ("SIGUSR1", "kill", signal.SIGUSR1, 128 + signal.SIGUSR1, False),  # its default ends the process without restoring
    ("SIGTERM twice", "twice", signal.SIGTERM, 128 + signal.SIGTERM, False),
    ("SIGSEGV (kill)", "kill", signal.SIGSEGV, 128 + signal.SIGSEGV, False),
    ("SIGABRT (kill)", "kill", signal.SIGABRT, 128 + signal.SIGABRT, False),
    ("SIGKILL", "kill", signal.SIGKILL, 128 + signal.SIGKILL, True),
]


def stty_difference(before, after):
    """The `stty -a` settings that differ, e.g. ['-icanon', '-echo']."""
    if before is None or after is None:
        return ["stty not recorded"]
    def settings(text):
        return set(text.replace(";", " ").split())
    gone = settings(before) - settings(after)
    added = settings(after) - settings(before)
    return sorted(added) + [f"(was {g})" for g in sorted(gone) if not any(a.lstrip("-") == g.lstrip("-") for a in added)]


def descendants_of(pid):
    """Processes whose parent chain reaches `pid` (the tmux pane's shell)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
                parents[int(entry)] = int(fields[1])
            except OSError:
                pass
    found = []
    for child in parents:
        current = child
        while current in parents and current > 1:
            current = parents[current]
            if current == pid:
                found.append(child)
                break
    return found


def run_case(program, sandbox, case):
    name, how, number, expected, known_limit = case
    env = base_env()
    if program == "tui":
        env.update(sandbox.env())
        argv = [SYNQ, "tui", "--refresh", "1"]
    else:
        argv = [SYNQ, "demo", "--refresh", "1"]
    pane = Pane(argv, env, WIDTH, HEIGHT)
    row = {"program": program, "case": name}
    try:
        modes_before = {flag: pane.display("#{" + flag + "}") for flag in MODE_FLAGS}
        pane.go()
        shown, _ = pane.wait_text("Synchronizers (40)", timeout=30)
        running_alt = pane.alternate_on
        pid = pane.pid
        started = time.monotonic()
        if not shown:
            row.update(stty="-", screen="-", exit="-", result="FAIL", note="fleet never shown")
            return row
        if how == "keys":
            pane.send("C-c")
        elif how == "twice":
            os.kill(pid, number)
            os.kill(pid, number)
        else:
            os.kill(pid, number)
        status = pane.exit_status(timeout=15)
        elapsed = time.monotonic() - started
        time.sleep(0.2)
        stty = stty_difference(pane.read("stty-before"), pane.read("stty-after"))
        modes_after = {flag: pane.display("#{" + flag + "}") for flag in MODE_FLAGS}
        changed = [f"{flag} {modes_before[flag]}→{modes_after[flag]}" for flag in MODE_FLAGS if modes_before[flag] != modes_after[flag]]
        screen = pane.screen()
        fleet_left = "Synchronizers (" in screen
        pane_pid = int(pane.display("#{pane_pid}") or 0)
        leftovers = [p for p in descendants_of(pane_pid) if p != pid and not _is_wrapper_sleep(p)] if pane_pid else []
        synq_gone = not pane.alive()

        row["stty"] = "same" if not stty else "CHANGED: " + " ".join(stty[:8]) + (" …" if len(stty) > 8 else "")
        screen_ok = not changed and not fleet_left and running_alt
        row["screen"] = ("normal screen back, modes same" if screen_ok else
                         "alternate screen never on" if not running_alt else
                         "LEFT: " + ", ".join(changed + (["fleet still shown"] if fleet_left else [])))
        row["exit"] = f"{status} (want {expected})" if status != expected else f"{status}"
        row["time"] = f"{elapsed * 1000:.0f} ms"
        ok = not stty and screen_ok and status == expected and synq_gone and not leftovers
        notes = []
        if leftovers:
            notes.append(f"processes left: {leftovers}")
        if not synq_gone:
            notes.append("synq still running")
        if known_limit:
            row["result"] = "known limit"
            notes.append("cannot be handled: the kernel ends the process without running any handler; "
                         "the wrapper shell (sh) does not restore the tty, so `reset` or `stty sane` is needed")
        else:
            row["result"] = "pass" if ok else "FAIL"
        row["note"] = "; ".join(notes)
        return row
    finally:
        pane.close()


def bash_job(sandbox, subshell=False):
    """`synq tui` as the foreground job of an interactive bash (job control), as a person
    runs it. Returns the pane, the pane's mode flags before, and synq's pid once the fleet
    is on screen (None if it never was). `subshell` makes the whole line one job, so a stop
    holds all of it and `fg` resumes it whole."""
    env = base_env()
    env.update(sandbox.env())
    env["PS1"] = "$ "
    pane = Pane(["bash", "--norc", "--noprofile", "-i"], env, WIDTH, HEIGHT)
    modes_before = {flag: pane.display("#{" + flag + "}") for flag in MODE_FLAGS}
    pane.go()
    time.sleep(0.3)
    line = (f"sh -c 'echo $$ > inner.pid; exec {SYNQ} tui --refresh 1'; "
            f"echo $? > inner.status; stty -a > bash-stty-after")
    pane.type(f"stty -a > bash-stty-before; " + (f"( {line} )" if subshell else line))
    pane.send("Enter")
    shown, _ = pane.wait_text("Synchronizers (40)", timeout=30)
    pid = int((pane.read("inner.pid") or "0").strip() or 0)
    return pane, modes_before, (pid if shown and pid else None)


def sigkill_under_bash(sandbox):
    """SIGKILL with an interactive bash as the parent: bash puts its saved tty modes back
    when a foreground job dies of a signal, but nothing leaves the alternate screen."""
    pane, _, pid = bash_job(sandbox)
    row = {"program": "tui", "case": "SIGKILL, interactive bash parent"}
    try:
        if not pid:
            row.update(result="FAIL", note="fleet never shown")
            return row
        os.kill(pid, signal.SIGKILL)
        pane.wait_file("bash-stty-after", 10)
        time.sleep(0.2)
        stty = stty_difference(pane.read("bash-stty-before"), pane.read("bash-stty-after"))
        row["stty"] = "same (bash restored it)" if not stty else "CHANGED: " + " ".join(stty[:8])
        row["screen"] = "LEFT: alternate screen still on" if pane.alternate_on else "normal screen back"
        row["exit"] = (pane.read("inner.status") or "?").strip()
        row["time"] = "-"
        row["result"] = "known limit"
        row["note"] = "an interactive bash restores the tty modes of a job killed by a signal; the alternate screen and hidden cursor stay until `reset` or `tput rmcup; tput cnorm`"
        return row
    finally:
        pane.close()


def under_bash(sandbox, name, body):
    """A case run as a job of an interactive bash. `body(pane, pid)` acts once the fleet is
    on screen and returns (ok, screen text, note); synq must end with 0 and leave bash's
    modes and the pane's mode flags as they were."""
    pane, modes_before, pid = bash_job(sandbox, subshell=True)
    row = {"program": "tui", "case": name}
    try:
        if not pid:
            row.update(result="FAIL", note="fleet never shown")
            return row
        started = time.monotonic()
        ok, screen_note, note = body(pane, pid)
        pane.wait_file("bash-stty-after", 15)
        time.sleep(0.2)
        stty = stty_difference(pane.read("bash-stty-before"), pane.read("bash-stty-after"))
        modes_after = {flag: pane.display("#{" + flag + "}") for flag in MODE_FLAGS}
        changed = [f"{flag} {modes_before[flag]}→{modes_after[flag]}" for flag in MODE_FLAGS if modes_before[flag] != modes_after[flag]]
        status = (pane.read("inner.status") or "?").strip()
        row["stty"] = "same" if not stty else "CHANGED: " + " ".join(stty[:8])
        row["screen"] = screen_note + ("" if not changed else "; LEFT: " + ", ".join(changed))
        row["exit"] = status if status == "0" else f"{status} (want 0)"
        row["time"] = f"{(time.monotonic() - started) * 1000:.0f} ms"
        row["result"] = "pass" if ok and not stty and not changed and status == "0" else "FAIL"
        row["note"] = note
        return row
    finally:
        pane.close()


def process_state(pid):
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return None


def suspend_and_resume(how):
    """Ctrl-Z (or SIGTSTP sent with kill) stops synq with the terminal given back; `fg`
    brings the fleet back, redrawn; then `q` quits with 0."""
    def body(pane, pid):
        if how == "keys":
            pane.send("C-z")
        else:
            os.kill(pid, signal.SIGTSTP)
        stopped, screen = pane.wait_for(lambda s: "Stopped" in s, timeout=10)
        state = process_state(pid)
        alternate = pane.alternate_on
        notes = [f"while stopped: process state {state}, alternate screen {'on' if alternate else 'off'}"]
        pane.type("fg")
        pane.send("Enter")
        back, _ = pane.wait_text("Synchronizers (40)", timeout=15)
        alternate_back = pane.alternate_on
        pane.send("q")
        ok = stopped and state == "T" and not alternate and back and alternate_back
        if not back:
            notes.append("fleet not redrawn after fg")
        return ok, ("stopped: normal screen; after fg: fleet redrawn" if ok else "see notes"), "; ".join(notes)
    return body


def dropped_terminal_with_key_window(sandbox):
    """The terminal goes away (tmux kill-server: the pty closes and the session is hung up)
    while the one-time key window is open: synq must end, not linger parented to init."""
    env = base_env()
    env.update(sandbox.env())
    pane = Pane([SYNQ, "tui", "--refresh", "1"], env, WIDTH, HEIGHT)
    row = {"program": "tui", "case": "terminal dropped, key window open"}
    try:
        pane.go()
        shown, _ = pane.wait_text("Synchronizers (40)", timeout=30)
        pid = pane.pid
        if not shown or not pid:
            row.update(result="FAIL", note="fleet never shown")
            return row
        pane.send("3")
        pane.wait_text("Synvo keys (", timeout=10)
        pane.send("n")
        pane.wait_text("New Synvo key name", timeout=10)
        pane.send("Enter")
        opened, _ = pane.wait_text("Shown only once", timeout=15)
        started = time.monotonic()
        pane.tmux("kill-server")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and process_state(pid) not in (None, "Z", "X"):
            time.sleep(0.05)
        gone = process_state(pid) in (None, "Z", "X")
        if not gone:
            os.kill(pid, signal.SIGKILL)
        row.update(stty="-", screen="-", exit="-", time=f"{(time.monotonic() - started) * 1000:.0f} ms",
                   result="pass" if opened and gone else "FAIL",
                   note=("synq ended" if gone else "synq STILL RUNNING 10 s after its terminal went away (killed)")
                   + ("" if opened else "; key window never opened"))
        return row
    finally:
        pane.close()


def _is_wrapper_sleep(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return handle.read().split(b"\0")[0] in (b"sleep", b"/usr/bin/sleep", b"/bin/sleep")
    except OSError:
        return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--program", action="append", choices=["tui", "demo"])
    parser.add_argument("--case", action="append", help="only cases whose name starts with this")
    args = parser.parse_args()
    if not os.access(SYNQ, os.X_OK):
        sys.exit(f"signals.py: {SYNQ} is missing; run `swift build` first")
    started = time.monotonic()
    sandbox = Sandbox()
    rows = []
    try:
        for program in args.program or ["tui", "demo"]:
            for case in CASES:
                if args.case and not any(case[0].startswith(prefix) for prefix in args.case):
                    continue
                row = run_case(program, sandbox, case)
                rows.append(row)
                print(f"{program} {case[0]}: {row['result']}", file=sys.stderr)
        def wanted(name):
            return not args.case or any(name.startswith(prefix) for prefix in args.case)
        if wanted("SIGKILL"):
            rows.append(sigkill_under_bash(sandbox))
        if wanted("Ctrl-Z"):
            rows.append(under_bash(sandbox, "Ctrl-Z, then fg (interactive bash)", suspend_and_resume("keys")))
        if wanted("SIGTSTP"):
            rows.append(under_bash(sandbox, "SIGTSTP (kill), then fg (interactive bash)", suspend_and_resume("kill")))
        if wanted("terminal dropped"):
            rows.append(dropped_terminal_with_key_window(sandbox))
    finally:
        sandbox.stop()
    elapsed = time.monotonic() - started
    table = markdown_table(
        ["program", "case", "stty -a after", "screen after", "exit status", "exit took", "result", "notes"],
        [[r["program"], r["case"], r.get("stty", "-"), r.get("screen", "-"), r.get("exit", "-"), r.get("time", "-"),
          r["result"], r.get("note", "")] for r in rows],
    )
    text = (f"# Signals against the TUI\n\n`synq tui --refresh 1` (against a sandbox) and `synq demo --refresh 1` in "
            f"tmux {WIDTH}x{HEIGHT}; the signal goes to synq's own pid once the fleet is on screen; `stty -a` is "
            f"compared exactly; run time {elapsed:.0f} s.\n\n" + table)
    print(text)
    write_result("signals.md", text)
    sys.exit(1 if any(r["result"] == "FAIL" for r in rows) else 0)


if __name__ == "__main__":
    main()
