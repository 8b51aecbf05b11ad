#!/usr/bin/env python3
"""Fault campaign (issue 5): the real `synq` binary against a sandbox that misbehaves.

Usage:
    Campaigns/faults.py [--only NAME[,NAME...]] [--port PORT] [--out FILE] [--keep]

    SYNQ_BIN   the synq executable (default: .build/debug/synq of this package)

Build first (`swift build`). The campaign starts `synq sandbox --port PORT --db FILE`
as a subprocess (so it can be killed and restarted on the same port with the same state)
and `synq tui --refresh 1 --timeout 3` inside tmux on a private socket, then injects one
fault at a time through POST /__sandbox/faults. For every fault it checks:

  TUI (100x30 tmux window):
    alive         the TUI answers keys (`?` opens help, Esc closes it, `2`/`1` switch panes)
                  within 1 s while the fault is active (for hang and latency also while
                  a create is held), and never exits
    error shown   the status bar shows the failure ("stale Ns: <error>"; for 429 the
                  "rate limited, retry in" countdown)
    stale kept    the last good rows stay on screen while the status bar says "stale"
    recovered (s) time from clearing the fault (DELETE /__sandbox/faults, the server's
                  restart, or the rate-limit reset) until the status bar says "updated"
                  again with no error; retries back off (2x, 4x, 8x the interval, max 60 s),
                  so longer faults recover more slowly
    no duplicate  with the fault also armed on the create routes, a synchronizer (`n`) and
                  a Synvo key (`3`, `n`) are created through the TUI; afterwards the API
                  holds at most one of each name (exactly one where the server commits but
                  the answer is lost: truncated, wrong type, large), and the sandbox saw
                  exactly one create request (the fault's remaining count says so)
  Headless:
    `synq synchronizers list` and `synq keys list` (`--timeout 3`) with the fault armed:
    the documented exit code (README "Exit codes"), nothing on stdout, exactly one line
    on stderr, and no API key in either.

  Hostile servers (issue 9; a second table, headless, `--only hostile` runs just these):
    small loopback servers from Campaigns/hostile_server.py: a redirect to another origin
    (GET, a synchronizer create, a key create) must be exit 69 naming where it pointed,
    and the other origin must receive nothing (no API key); a list whose body trickles one
    byte every 2 s must end at `--timeout 3` (exit 74, under 6 s); a 3 GiB body must stop
    at the 512 MiB cap (exit 74) with the peak RSS of `synq` (wait4) under 1.2x the cap;
    and a key create whose answer has a wrong-typed `key_id` (sandbox fault) must be exit
    65 with no key on stderr.

With `--timeout 3` the 10 s latency is past the client's timeout. "503 for 20 s" holds a
fault long enough for the back-off to show in the recovery time. The 429 row restarts the
sandbox with a small Synvo budget and spends it, so the 429 carries a real reset time.

The Markdown table goes to stdout and to Campaigns/results/faults.md (or --out), followed
by the machine, the date and per-fault details. Exit status: 0 when every row passes,
1 otherwise, 2 when the campaign itself could not run. Takes about 3 minutes.
Python 3 standard library only; needs tmux.
"""

import argparse
import datetime
import json
import os
import platform
import re
import select
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hostile_server import HostileServer, answer, flood, redirect, trickle  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENTERPRISE_KEY = "ent_demo_7f3c9a1e5b2d4f60a8c1e9b7d3f5a2c4"
SYNVO_KEY = "sk_test_demo_4f9a2c7e1b8d3f6a0c5e9b2d7f4a1c8e"
SECRETS = (ENTERPRISE_KEY, SYNVO_KEY)

SYNC_LIST = "GET /api/synq-keys/enterprise/synchronizers"
SYNC_CREATE = "POST /api/synq-keys/enterprise/synchronizer"
KEYS_LIST = "GET /user/api_keys/list"
KEYS_CREATE = "POST /user/api_keys/create"
CREATE_COUNT = 1000          # count armed on create routes; what is left tells how many were sent

TUI_TIMEOUT = 3              # synq tui --timeout
HEADLESS_TIMEOUT = 3         # synq ... --timeout
RESPONSE_LIMIT = 1.0         # seconds a key may take to show on screen
RECOVERY_CAP = 65.0          # back-off is capped at 60 s
RATE_LIMIT, RATE_WINDOW = 6, 30

WIDTH, HEIGHT = 100, 30


def log(text):
    print(f"[faults {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- faults

class Fault:
    """One row: the rule armed on each route, and what the documented outcome is."""

    def __init__(self, name, rule, expected_exit, commits=False, error_expected=True, special=None, note="", hold=0):
        self.name = name
        self.hold = hold                    # keep the fault armed at least this long (back-off grows)
        self.rule = rule                    # kind and its parameters, without route/count
        self.expected_exit = expected_exit
        self.commits = commits              # the server commits a create before the answer is spoiled
        self.error_expected = error_expected
        self.special = special              # "ratelimit" or "restart"
        self.note = note


FAULTS = [
    Fault("latency 10 s", {"kind": "latency", "latencyMs": 10_000}, 74,
          note=f"beyond the {TUI_TIMEOUT} s client timeout; the sandbox stops holding (and does not commit) once the client hangs up"),
    Fault("hang", {"kind": "hang"}, 74),
    Fault("500", {"kind": "status", "status": 500}, 69),
    Fault("502", {"kind": "status", "status": 502}, 69),
    Fault("503", {"kind": "status", "status": 503}, 69),
    Fault("503 for 20 s", {"kind": "status", "status": 503}, 69, hold=20,
          note="the same fault held 20 s: failures back off 2, 4, 8, 16 s, so the retry that sees the cure comes later"),
    Fault("401 mid-session", {"kind": "status", "status": 401}, 77),
    Fault("403", {"kind": "status", "status": 403}, 79),
    Fault("404", {"kind": "status", "status": 404}, 79),
    Fault("429 + reset", None, 75, special="ratelimit",
          note=f"the sandbox's real limiter (--rate-limit {RATE_LIMIT} --rate-window {RATE_WINDOW}): remaining 0 and X-RateLimit-Reset "
               "at the window's end, as Synvo sends it (a status:429 fault would report the full budget and a reset up to an hour away)"),
    Fault("malformed JSON", {"kind": "malformed"}, 65),
    Fault("truncated", {"kind": "truncated"}, 65, commits=True),
    Fault("wrong type", {"kind": "wrongType"}, 65, commits=True,
          note="main field retyped (synchronizers: {}, items: {}, synchronizer: [], key_id: 42)"),
    Fault("large 50 MB", {"kind": "large"}, 0, commits=True, error_expected=False,
          note="valid JSON padded to 50 MB, under the client's 512 MiB cap: reading it is the correct outcome"),
    Fault("drop", {"kind": "drop"}, 74),
    Fault("kill + restart", None, 74, special="restart", note="SIGKILL, then the same port and --db file"),
]


# --------------------------------------------------------------------------- helpers

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def md(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


class Sandbox:
    """`synq sandbox` as a subprocess on a fixed port with a database file."""

    def __init__(self, binary, port, db, log_path):
        self.binary, self.port, self.db, self.log_path = binary, port, db, log_path
        self.process = None
        self.base = f"http://127.0.0.1:{port}"

    def start(self, extra=()):
        for attempt in range(20):
            log_file = open(self.log_path, "a")
            args = [self.binary, "sandbox", "--port", str(self.port), "--quiet", "--db", self.db, *extra]
            self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=log_file, stdin=subprocess.DEVNULL,
                                            env=base_environment(), start_new_session=True)
            log_file.close()
            line = self._first_line(20)
            if line and "listening on" in line:
                return time.monotonic()
            self.kill(signal.SIGTERM)
            time.sleep(0.5)     # the port may still be held by the previous run
        raise RuntimeError(f"the sandbox did not start on port {self.port}; see {self.log_path}")

    def _first_line(self, timeout):
        deadline = time.monotonic() + timeout
        data = b""
        while time.monotonic() < deadline and b"\n" not in data:
            ready, _, _ = select.select([self.process.stdout], [], [], 0.2)
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 4096)
                if not chunk:
                    break
                data += chunk
            elif self.process.poll() is not None:
                break
        return data.decode(errors="replace").split("\n")[0]

    def kill(self, sig=signal.SIGKILL):
        if self.process and self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    # control and API calls -------------------------------------------------

    def request(self, method, path, body=None, headers=None, timeout=10):
        data = None if body is None else json.dumps(body).encode()
        # Control POSTs must say application/json (the sandbox refuses what a web page could send).
        headers = {"Content-Type": "application/json", **(headers or {})}
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as answer:
                return answer.status, dict(answer.headers), answer.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def arm(self, rules):
        status, _, body = self.request("POST", "/__sandbox/faults", rules)
        if status != 201:
            raise RuntimeError(f"could not arm {rules}: {status} {body[:200]!r}")

    def faults(self):
        return json.loads(self.request("GET", "/__sandbox/faults")[2])["faults"]

    def clear(self):
        self.request("DELETE", "/__sandbox/faults")

    def reset(self):
        self.request("POST", "/__sandbox/reset")

    def synchronizer_names(self):
        status, _, body = self.request("GET", "/api/synq-keys/enterprise/synchronizers",
                                       headers={"X-Enterprise-API-Key": ENTERPRISE_KEY})
        if status != 200:
            raise RuntimeError(f"listing synchronizers failed: {status}")
        return [s.get("name") for s in json.loads(body)["synchronizers"]]

    def key_names(self):
        status, headers, body = self.request("GET", "/user/api_keys/list", headers={"X-API-Key": SYNVO_KEY})
        if status == 429:   # the rate-limit row's small budget: wait for the window to reset
            reset = float(headers.get("X-RateLimit-Reset") or time.time() + 1)
            time.sleep(max(0.0, reset - time.time()) + 0.3)
            status, _, body = self.request("GET", "/user/api_keys/list", headers={"X-API-Key": SYNVO_KEY})
        if status != 200:
            raise RuntimeError(f"listing Synvo keys failed: {status}")
        return [k.get("name") for k in json.loads(body)["items"]]


def base_environment():
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "HOME": WORK, "XDG_CONFIG_HOME": os.path.join(WORK, "config")}
    return env


def synq_environment(sandbox):
    env = base_environment()
    env.update({"ENTERPRISE_API_KEY": ENTERPRISE_KEY, "SYNVO_API_KEY": SYNVO_KEY,
                "ENTERPRISE_API_URL": sandbox.base + "/api", "SYNVO_BASE_URL": sandbox.base})
    return env


class TUI:
    """`synq tui` in a detached tmux session on a private socket. Keys reach synq through
    the tmux server's environment, never a command line."""

    def __init__(self, binary, sandbox):
        self.binary, self.sandbox = binary, sandbox
        self.socket = f"synq-faults-{os.getpid()}"
        self.starts = 0
        self.secret_seen = False
        self.status_file = os.path.join(WORK, "tui.status")

    def tmux(self, *args, check=True):
        result = subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args], capture_output=True, text=True,
                                env=synq_environment(self.sandbox), timeout=10)
        if check and result.returncode != 0:
            raise RuntimeError(f"tmux {args[0]} failed: {result.stderr.strip()}")
        return result.stdout

    def start(self):
        self.stop()
        if os.path.exists(self.status_file):
            os.unlink(self.status_file)
        command = " ".join(shlex.quote(a) for a in [self.binary, "tui", "--refresh", "1", "--timeout", str(TUI_TIMEOUT)])
        script = os.path.join(WORK, "tui.sh")
        with open(script, "w") as f:
            f.write(f"#!/bin/sh\ncd {shlex.quote(WORK)}\nTERM=xterm-256color {command}\n"
                    f"echo $? > {shlex.quote(self.status_file)}\nexec sleep 600\n")
        self.tmux("new-session", "-d", "-s", "synq", "-x", str(WIDTH), "-y", str(HEIGHT), "sh " + shlex.quote(script))
        self.starts += 1

    def stop(self):
        self.tmux("kill-server", check=False)

    def exited(self):
        """synq's exit status if it has ended, else None."""
        try:
            with open(self.status_file) as f:
                return f.read().strip() or "?"
        except FileNotFoundError:
            return None

    def screen(self):
        text = self.tmux("capture-pane", "-p", "-t", "synq", check=False)
        if any(secret in text for secret in SECRETS):
            self.secret_seen = True
        lines = text.split("\n")
        lines += [""] * (HEIGHT - len(lines))
        return lines[:HEIGHT]

    def status(self):
        return self.screen()[HEIGHT - 1]

    def command_line(self):
        return self.screen()[HEIGHT - 2]

    def send(self, *keys):
        self.tmux("send-keys", "-t", "synq", *keys)

    def type(self, text):
        self.tmux("send-keys", "-t", "synq", "-l", text)

    def wait(self, predicate, timeout, interval=0.1):
        """Polls the screen until a settled screen (two identical captures in a row, as the
        Swift tests' tmux driver reads it) satisfies predicate(lines); the seconds until the
        first of the two captures, or None."""
        start = time.monotonic()
        previous, previous_at = None, start
        while True:
            taken = time.monotonic()
            lines = self.screen()
            if lines == previous and predicate(lines):
                return previous_at - start
            if lines != previous:
                previous, previous_at = lines, taken
            if time.monotonic() - start > timeout:
                return None
            time.sleep(interval)


def pane_title(lines):
    return lines[1] if len(lines) > 1 else ""


def on_pane(name):
    return lambda lines: f"─ {name}" in pane_title(lines) or f"- {name}" in pane_title(lines)


def healthy(lines):
    status = lines[HEIGHT - 1]
    return "updated" in status and "stale" not in status and "rate limited" not in status


def failing(lines):
    status = lines[HEIGHT - 1]
    return "stale" in status or "rate limited" in status


def status_error(status):
    """The error segments of the status bar, without the counts, budget and help."""
    segments = [seg.strip() for seg in re.split(r"│|\||\s{2,}", status) if seg.strip()]
    wanted = [seg for seg in segments if seg.startswith(("stale", "rate limited", "429"))]
    return " · ".join(wanted) if wanted else status.strip()


# --------------------------------------------------------------------------- the checks

def check_responsive(tui, pane_name):
    """`?` opens help, Esc closes it, `2` then back; every step within RESPONSE_LIMIT."""
    steps = [
        (("?",), lambda l: any("? or Esc closes" in line or "Esc closes" in line for line in l)),
        (("Escape",), lambda l: not any("Esc closes" in line for line in l)),
        (("2",), on_pane("Preferences")),
        (("1" if pane_name == "Synchronizers" else "3",), on_pane(pane_name)),
    ]
    worst = 0.0
    for keys, done in steps:
        tui.send(*keys)
        took = tui.wait(done, 5, interval=0.02)
        if took is None:
            return False, f"no answer to {keys[0]} within 5 s"
        worst = max(worst, took)
    return worst <= RESPONSE_LIMIT, f"{worst:.2f} s"


def stale_kept(tui, pane_name, baseline_title, sample_row):
    # The fault is still armed, so the error must stay; wait out a capture taken mid-frame.
    tui.wait(failing, 1, interval=0.05)
    lines = tui.screen()
    title_ok = baseline_title in pane_title(lines)
    row_ok = any(sample_row in line for line in lines[2:HEIGHT - 2])
    stale = failing(lines)
    note = f"title {'kept' if title_ok else 'lost'}, rows {'kept' if row_ok else 'lost'}"
    if not stale:
        note += f"; status bar without the error: {lines[HEIGHT - 1].strip()!r}"
    return stale and title_ok and row_ok, note


def help_round_trip(tui):
    """`?` then Esc; the slower of the two answers in seconds, or None."""
    worst = 0.0
    for key, done in (("?", lambda l: any("Esc closes" in line for line in l)),
                      ("Escape", lambda l: not any("Esc closes" in line for line in l))):
        tui.send(key)
        took = tui.wait(done, 5, interval=0.02)
        if took is None:
            return None
        worst = max(worst, took)
    return worst


def create_through_tui(tui, what, name, timeout, probe=None):
    """`n`, the name, Enter; returns the command line's outcome text (or a timeout note).
    With `probe` (a list), the help round trip while the create is out is appended to it."""
    tui.send("n")
    prompt = lambda l: "New " in l[HEIGHT - 2] and "name" in l[HEIGHT - 2]
    if tui.wait(lambda l: prompt(l) or "rate limit" in l[HEIGHT - 2], 3, interval=0.05) is None:
        return f"no name prompt ({tui.command_line().strip()})"
    # Decide on a settled screen: a capture can catch ncurses between two writes.
    if tui.wait(prompt, 1, interval=0.05) is None:
        return "refused before sending: " + tui.command_line().strip()
    tui.type(name)
    tui.send("Enter")
    if probe is not None:
        tui.wait(lambda l: "creating" in l[HEIGHT - 1], 1, interval=0.02)
        probe.append(help_round_trip(tui))
    done = ("Created synchronizer", "Successfully", "Could not create the synchronizer") if what == "sync" else \
           ("Created Synvo key", "Could not create the Synvo key", "rate limit")
    took = tui.wait(lambda l: any(d in l[HEIGHT - 2] for d in done), timeout, interval=0.1)
    outcome = tui.command_line().strip()
    if took is None:
        return f"no outcome after {timeout} s ({outcome})"
    if what == "key" and "Created Synvo key" in outcome:
        tui.send("Enter")
        tui.wait(lambda l: any("Close" in line and "(y/n)" in line for line in l) or any("(y/n)" in line for line in l), 3, interval=0.05)
        tui.send("y")
        tui.wait(lambda l: not any("New Synvo key" in line for line in l), 3, interval=0.05)
    return outcome


def create_requests(sandbox, route):
    for rule in sandbox.faults():
        if rule["route"] == route:
            return CREATE_COUNT - rule.get("count", CREATE_COUNT)
    return CREATE_COUNT     # the rule was used up


def run_headless(binary, sandbox, command, expected):
    args = [binary, *command, "--timeout", str(HEADLESS_TIMEOUT)]
    start = time.monotonic()
    try:
        result = subprocess.run(args, capture_output=True, text=True, env=synq_environment(sandbox), timeout=60)
        code, out, err = result.returncode, result.stdout, result.stderr
    except subprocess.TimeoutExpired as timeout:
        code, out, err = "hung", timeout.stdout or "", timeout.stderr or ""
        out = out.decode() if isinstance(out, bytes) else out
        err = err.decode() if isinstance(err, bytes) else err
    took = time.monotonic() - start
    lines = [line for line in err.split("\n") if line]
    problems = []
    if code != expected:
        problems.append(f"exit {code}, expected {expected}")
    if expected != 0:
        if out:
            problems.append("stdout not empty")
        if len(lines) != 1 or err.count("\n") != 1:
            problems.append(f"{len(lines)} stderr lines")
        elif not lines[0].startswith("synq: "):
            problems.append("stderr not 'synq: …'")
    elif not out:
        problems.append("no table on stdout")
    if any(secret in out or secret in err for secret in SECRETS):
        problems.append("API key printed")
    message = lines[0] if lines else ("(table, no stderr)" if expected == 0 and not err else "")
    return {"command": " ".join(command), "code": code, "expected": expected, "message": message,
            "problems": problems, "seconds": took}


# --------------------------------------------------------------------------- one row

class Row:
    def __init__(self, fault):
        self.fault = fault
        self.alive = None
        self.alive_note = ""
        self.error = None
        self.error_text = ""
        self.stale = None
        self.stale_note = ""
        self.recovered = None
        self.recovered_note = ""
        self.duplicate_ok = None
        self.duplicate_note = []
        self.headless = []
        self.details = []

    def passed(self):
        checks = [self.alive, self.error, self.stale, self.recovered is not None or self.recovered_note.startswith("n/a"),
                  self.duplicate_ok, all(not h["problems"] for h in self.headless)]
        return all(c is not False and c is not None for c in checks)


def ensure_baseline(tui, sandbox, pane_name, row):
    """The TUI is running, on `pane_name`, with good data. Restarts it if it died."""
    status = tui.exited()
    if status is not None:
        row.details.append(f"synq tui had exited (status {status}) before this fault; restarted")
        tui.start()
    key = "1" if pane_name == "Synchronizers" else "3"
    tui.send(key)
    if tui.wait(lambda l: on_pane(pane_name)(l) and healthy(l), 20) is None:
        tui.send("r")
        if tui.wait(lambda l: on_pane(pane_name)(l) and healthy(l), 40) is None:
            raise RuntimeError(f"the TUI never showed fresh data before '{row.fault.name}': {tui.status()!r}")
    lines = tui.screen()
    title = pane_title(lines)
    title = title[title.find(pane_name):].split("─")[0].strip()
    sample = next(line[4:40].strip() for line in lines[3:HEIGHT - 3] if line.startswith("│") and line[4:40].strip())
    return title, sample


def tui_fault_checks(tui, sandbox, row, pane_name, title, sample, error_timeout):
    """Error shown, responsiveness, stale kept, while the fault is active."""
    fault = row.fault
    if fault.error_expected:
        took = tui.wait(failing, error_timeout)
        row.error = took is not None
        row.error_text = status_error(tui.status()) if took is not None else f"nothing within {error_timeout:.0f} s: {tui.status().strip()}"
        if took is not None:
            row.details.append(f"error on the status bar {took:.1f} s after the fault: `{row.error_text}`")
    else:
        time.sleep(3)           # a few polls of the big answer
        row.error = healthy(tui.screen())
        row.error_text = "n/a (valid answer): " + tui.status().strip()[:60]
    ok, note = check_responsive(tui, pane_name)
    row.alive = ok and tui.exited() is None
    row.alive_note = note
    if fault.error_expected:
        kept, note = stale_kept(tui, pane_name, title, sample)
        row.stale, row.stale_note = kept, note
    else:
        lines = tui.screen()
        row.stale = any(sample in line for line in lines)
        row.stale_note = "n/a (no error); rows shown" if row.stale else "rows lost"


def wait_recovery(tui, row, started, cap=RECOVERY_CAP):
    took = tui.wait(healthy, cap - (time.monotonic() - started))
    if took is None:
        row.recovered = None
        row.recovered_note = f"not within {cap:.0f} s: {tui.status().strip()}"
    else:
        row.recovered = time.monotonic() - started


def count_duplicates(sandbox, row, sync_name, key_name, sync_sent, key_sent):
    fault = row.fault
    want = "exactly 1" if fault.commits else "at most 1"
    syncs = sandbox.synchronizer_names().count(sync_name) if sync_name else None
    keys = sandbox.key_names().count(key_name) if key_name else None
    ok = True
    for label, found, sent in (("synchronizer", syncs, sync_sent), ("key", keys, key_sent)):
        if found is None:
            continue
        good = found == 1 if fault.commits else found <= 1
        if sent is not None and sent != 1:
            good = False
        ok = ok and good
        sent_text = f", {sent} create request{'s' if sent != 1 else ''} reached the server" if sent is not None else ""
        row.duplicate_note.append(f"{label}: {found} (want {want}){sent_text}")
    row.duplicate_ok = ok


def run_standard(fault, binary, sandbox, tui):
    row = Row(fault)
    sandbox.reset()
    title, sample = ensure_baseline(tui, sandbox, "Synchronizers", row)
    stamp = f"{int(time.time()) % 100000}"
    sync_name, key_name = f"fc-{stamp}-{fault.name.split()[0]}-sync", f"fc-{stamp}-{fault.name.split()[0]}-key"
    rules = [dict(fault.rule, route=route) for route in (SYNC_LIST, KEYS_LIST)]
    rules += [dict(fault.rule, route=route, count=CREATE_COUNT) for route in (SYNC_CREATE, KEYS_CREATE)]
    sandbox.arm(rules)
    armed = time.monotonic()
    slow = fault.rule["kind"] in ("latency", "hang")
    tui_fault_checks(tui, sandbox, row, "Synchronizers", title, sample, error_timeout=TUI_TIMEOUT + 6 if slow else 6)
    # Headless, while the same fault is armed.
    for command in (["synchronizers", "list"], ["keys", "list"]):
        row.headless.append(run_headless(binary, sandbox, command, fault.expected_exit))
    # Creates through the TUI.
    outcome_wait = TUI_TIMEOUT + 5 if slow else 8
    probe = [] if slow else None
    sync_outcome = create_through_tui(tui, "sync", sync_name, outcome_wait, probe)
    if probe:
        during = probe[0]
        row.alive = bool(row.alive) and during is not None and during <= RESPONSE_LIMIT
        row.alive_note += f"; {during:.2f} s while the create hangs" if during is not None else "; no answer while the create hangs"
    tui.send("3")
    tui.wait(on_pane("Synvo keys"), 3, interval=0.05)
    key_outcome = create_through_tui(tui, "key", key_name, outcome_wait)
    row.details.append(f"TUI create synchronizer: `{sync_outcome}`")
    row.details.append(f"TUI create key: `{key_outcome}`")
    row.details.append(f"keys pane meanwhile: `{status_error(tui.status())}`")
    sync_sent, key_sent = create_requests(sandbox, SYNC_CREATE), create_requests(sandbox, KEYS_CREATE)
    tui.send("1")
    tui.wait(on_pane("Synchronizers"), 3, interval=0.05)
    # Clear and time the recovery.
    if fault.hold:
        time.sleep(max(0.0, armed + fault.hold - time.monotonic()))
    cleared = time.monotonic()
    sandbox.clear()
    row.details.append(f"fault armed for {cleared - armed:.0f} s")
    if fault.error_expected:
        wait_recovery(tui, row, cleared)
    else:
        row.recovered_note = "n/a (no error)"
        tui.wait(healthy, 10)
    if slow:
        time.sleep(0.5)         # let held requests on the server side finish before counting
    count_duplicates(sandbox, row, sync_name, key_name, sync_sent, key_sent)
    return row


def run_rate_limit(fault, binary, sandbox, tui):
    """A real 429: the sandbox restarted with a small Synvo budget, the budget spent."""
    row = Row(fault)
    sandbox.kill(signal.SIGTERM)
    sandbox.start(["--rate-limit", str(RATE_LIMIT), "--rate-window", str(RATE_WINDOW)])
    try:
        title, sample = ensure_baseline(tui, sandbox, "Synvo keys", row)
        # Spend the budget early in a window, so the 429 lasts long enough to look at.
        left = RATE_WINDOW - time.time() % RATE_WINDOW
        if left < RATE_WINDOW * 0.6:
            time.sleep(left + 0.3)
            tui.wait(healthy, 10)
        reset_at = None
        for _ in range(RATE_LIMIT + 2):
            status, headers, _ = sandbox.request("GET", "/user/api_keys/list", headers={"X-API-Key": SYNVO_KEY})
            if status == 429:
                reset_at = float(headers.get("X-RateLimit-Reset") or headers.get("x-ratelimit-reset"))
                row.details.append(f"sandbox 429: remaining {headers.get('X-RateLimit-Remaining')}, reset in "
                                   f"{reset_at - time.time():.0f} s")
                break
        if reset_at is None:
            raise RuntimeError("could not exhaust the Synvo budget")
        row.headless.append(run_headless(binary, sandbox, ["keys", "list"], fault.expected_exit))
        message = row.headless[-1]["message"]
        if "resets in" not in message:
            row.headless[-1]["problems"].append("message does not say when the limit resets")
        # The TUI sees it on its next keys poll; `r` asks at once if the budget it knows allows it.
        took = tui.wait(failing, 4)
        if took is None:
            tui.send("r")
            took = tui.wait(failing, 6)
        row.error = took is not None and tui.wait(lambda l: "retry in" in l[HEIGHT - 1], 3) is not None
        row.error_text = status_error(tui.status()) if took is not None else f"nothing: {tui.status().strip()}"
        # The countdown moves; any other "resets in Ns" on the bar was written once and freezes.
        time.sleep(2.2)
        if "resets in" in tui.status():
            row.error = False
            row.error_text += " [frozen 'resets in' text beside the countdown: " + status_error(tui.status()) + "]"
        ok, note = check_responsive(tui, "Synvo keys")
        row.alive, row.alive_note = ok and tui.exited() is None, note
        row.stale, row.stale_note = stale_kept(tui, "Synvo keys", title, sample)
        key_name = f"fc-{int(time.time()) % 100000}-429-key"
        outcome = create_through_tui(tui, "key", key_name, 8)
        row.details.append(f"TUI create key: `{outcome}`")
        # The fault clears at the reset.
        wait = reset_at - time.time()
        if wait > 0:
            time.sleep(max(0, wait - 0.2))
        start = time.monotonic() - max(0.0, time.time() - reset_at)
        wait_recovery(tui, row, start)
        count_duplicates(sandbox, row, None, key_name, None, None)
        row.details.append("recovery timed from the X-RateLimit-Reset instant")
    finally:
        tui.send("1")
        sandbox.kill(signal.SIGTERM)
        sandbox.start()
    return row


def run_restart(fault, binary, sandbox, tui):
    """The server is killed (SIGKILL) and restarted on the same port with the same file."""
    row = Row(fault)
    sandbox.reset()
    title, sample = ensure_baseline(tui, sandbox, "Synchronizers", row)
    before = len(sandbox.synchronizer_names())
    stamp = f"{int(time.time()) % 100000}"
    sync_name, key_name = f"fc-{stamp}-kill-sync", f"fc-{stamp}-kill-key"
    sandbox.kill(signal.SIGKILL)
    killed = time.monotonic()
    tui_fault_checks(tui, sandbox, row, "Synchronizers", title, sample, error_timeout=6)
    for command in (["synchronizers", "list"], ["keys", "list"]):
        row.headless.append(run_headless(binary, sandbox, command, fault.expected_exit))
    sync_outcome = create_through_tui(tui, "sync", sync_name, 8)
    tui.send("3")
    tui.wait(on_pane("Synvo keys"), 3, interval=0.05)
    key_outcome = create_through_tui(tui, "key", key_name, 8)
    row.details.append(f"TUI create synchronizer: `{sync_outcome}`")
    row.details.append(f"TUI create key: `{key_outcome}`")
    tui.send("1")
    tui.wait(on_pane("Synchronizers"), 3, interval=0.05)
    sandbox.start()
    started = time.monotonic()
    row.details.append(f"server down for {started - killed:.0f} s")
    wait_recovery(tui, row, started)
    after = len(sandbox.synchronizer_names())
    row.details.append(f"state kept across the restart: {before} synchronizers before, {after} after")
    if after != before:
        row.recovered_note += " state lost"
        row.recovered = None
    count_duplicates(sandbox, row, sync_name, key_name, None, None)
    return row


# --------------------------------------------------------------------------- hostile servers

CAP_MB = 512
KEY_SHAPE = re.compile(r"sk_[a-z]+_[A-Za-z0-9]{6,}")


def run_measured(binary, command, env, timeout=60):
    """Runs synq; returns (exit code or "hung", stdout, stderr, seconds, peak RSS in MB via wait4)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        process = subprocess.Popen([binary, *command], stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        timer.cancel()
        took = time.monotonic() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        code = "hung" if process.returncode == -signal.SIGKILL else process.returncode
        return code, out.read().decode(errors="replace"), err.read().decode(errors="replace"), took, usage.ru_maxrss / 1024


def hostile_rows(binary, sandbox):
    rows = []

    def case(name, command, env, expected, checks, timeout=60):
        code, out, err, took, rss = run_measured(binary, command, env, timeout)
        lines = [line for line in err.split("\n") if line]
        problems = []
        if code != expected:
            problems.append(f"exit {code}, expected {expected}")
        if out:
            problems.append("stdout not empty")
        if len(lines) != 1 or not lines[0].startswith("synq: "):
            problems.append(f"{len(lines)} stderr lines")
        if any(secret in out or secret in err for secret in SECRETS):
            problems.append("API key printed")
        for label, ok in checks(err, took, rss):
            if not ok:
                problems.append(label)
        rows.append({"case": name, "command": "synq " + " ".join(command), "expected": expected, "code": code,
                     "seconds": took, "rss": rss, "message": lines[0] if lines else "", "problems": problems})
        log(f"hostile {name}: {'PASS' if not problems else 'FAIL: ' + '; '.join(problems)}")

    def env_for(url):
        env = base_environment()
        env.update({"ENTERPRISE_API_KEY": ENTERPRISE_KEY, "SYNVO_API_KEY": SYNVO_KEY,
                    "ENTERPRISE_API_URL": url + "/api", "SYNVO_BASE_URL": url})
        return env

    elsewhere = HostileServer(answer(200, b"{}", {"Content-Type": "application/json"}))
    redirector = HostileServer(redirect(elsewhere.url))
    try:
        for name, command in [("redirect GET", ["synchronizers", "list"]),
                              ("redirect create", ["synchronizers", "create", "--name", "campaign-redirect"]),
                              ("redirect key create", ["keys", "create", "--name", "campaign-redirect"])]:
            before = len(redirector.requests)
            case(name, command, env_for(redirector.url), 69, lambda err, took, rss, before=before: [
                ("names the other origin", elsewhere.url in err),
                ("no query in the message", "sig=secret" not in err),
                ("other origin got nothing", not elsewhere.requests),
                ("sent once", len(redirector.requests) == before + 1)])
    finally:
        redirector.close()
        elsewhere.close()

    slow = HostileServer(trickle(2.0))
    try:
        case("trickle 1 byte / 2 s", ["synchronizers", "list", "--timeout", "3"], env_for(slow.url), 74,
             lambda err, took, rss: [("says timed out", "timed out" in err), (f"ended in {took:.1f} s (< 6 s)", took < 6)])
    finally:
        slow.close()

    huge = HostileServer(flood(3 << 30))
    try:
        case("huge body 3 GiB", ["synchronizers", "list"], env_for(huge.url), 74,
             lambda err, took, rss: [(f"says it exceeded {CAP_MB} MiB", f"exceeded {CAP_MB} MiB" in err),
                                     (f"peak RSS {rss:.0f} MB (< {CAP_MB * 1.2:.0f})", rss < CAP_MB * 1.2),
                                     (f"stopped reading ({huge.bytes_sent >> 20} MiB sent)", huge.bytes_sent < (1 << 30))],
             timeout=120)
    finally:
        huge.close()

    sandbox.clear()
    sandbox.arm({"route": KEYS_CREATE, "kind": "wrongType", "field": "key_id", "count": 1})
    case("create-body leak (key_id wrong type)", ["keys", "create", "--name", "campaign-leak"], synq_environment(sandbox), 65,
         lambda err, took, rss: [("no key on stderr", not KEY_SHAPE.search(err)), ("says the body is not shown", "not shown" in err)])
    sandbox.clear()
    return rows


HOSTILE_HEADER = ["case", "command", "exit (expected/actual)", "seconds", "peak RSS (MB)", "message", "result"]


def hostile_table(rows):
    out = ["| " + " | ".join(HOSTILE_HEADER) + " |", "|" + "---|" * len(HOSTILE_HEADER)]
    for row in rows:
        message = row["message"] + (f" [{'; '.join(row['problems'])}]" if row["problems"] else "")
        cells = [row["case"], f"`{row['command']}`", f"{row['expected']}/{row['code']}", f"{row['seconds']:.1f}",
                 f"{row['rss']:.0f}", message, "PASS" if not row["problems"] else "FAIL"]
        out.append("| " + " | ".join(md(c) for c in cells) + " |")
    return "\n".join(out)


# --------------------------------------------------------------------------- report

HEADER = ["fault", "TUI alive", "error shown", "stale kept", "recovered (s)", "no duplicate",
          "headless exit (expected/actual)", "one-line message", "result"]


def yes_no(value, note=""):
    mark = "yes" if value else ("n/a" if value is None else "NO")
    return f"{mark} ({note})" if note else mark


def table(rows):
    out = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for row in rows:
        fault = row.fault
        recovered = f"{row.recovered:.1f}" if row.recovered is not None else (row.recovered_note or "NO")
        exits = " · ".join(f"{h['command'].split()[0][:4]} {h['expected']}/{h['code']}" for h in row.headless)
        message = row.headless[0]["message"] if row.headless else ""
        problems = "; ".join(p for h in row.headless for p in h["problems"])
        if problems:
            message += f" [{problems}]"
        error = ("yes: " if row.error else "NO: ") + row.error_text if fault.error_expected else row.error_text
        cells = [fault.name, yes_no(row.alive, row.alive_note), error, yes_no(row.stale, row.stale_note), recovered,
                 yes_no(row.duplicate_ok, "; ".join(row.duplicate_note)), exits, message,
                 "PASS" if row.passed() else "FAIL"]
        out.append("| " + " | ".join(md(c) for c in cells) + " |")
    return "\n".join(out)


def details(rows, tui):
    out = ["", "Details:", ""]
    for row in rows:
        items = list(row.details)
        if row.fault.note:
            items.insert(0, row.fault.note)
        for h in row.headless[1:]:
            items.append(f"`synq {h['command']}`: exit {h['code']} (expected {h['expected']}): `{h['message']}`"
                         + (f" [{'; '.join(h['problems'])}]" if h["problems"] else ""))
        out.append(f"- **{row.fault.name}**: " + "; ".join(items))
    out.append(f"- API keys seen on the TUI screen: {'YES' if tui.secret_seen else 'never'}; "
               f"TUI started {tui.starts} time{'s' if tui.starts != 1 else ''}")
    return "\n".join(out)


def machine():
    try:
        cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    except OSError:
        cores = str(os.cpu_count())
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    return f"Machine: {cores} cores (nproc), Linux {platform.release()} (uname -r); date {now}"


# --------------------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="comma-separated fault names (or name prefixes) to run, e.g. 503,hang")
    parser.add_argument("--port", type=int, default=0, help="sandbox port (default: a free one)")
    parser.add_argument("--out", default=os.path.join(ROOT, "Campaigns", "results", "faults.md"),
                        help="Markdown results file (default: Campaigns/results/faults.md)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch directory (sandbox log, database)")
    options = parser.parse_args()

    binary = os.path.abspath(os.environ.get("SYNQ_BIN") or os.path.join(ROOT, ".build", "debug", "synq"))
    if not os.access(binary, os.X_OK):
        print(f"faults.py: no synq executable at {binary}; run `swift build` or set SYNQ_BIN", file=sys.stderr)
        return 2
    if shutil.which("tmux") is None:
        print("faults.py: tmux is required", file=sys.stderr)
        return 2
    faults = FAULTS
    hostile = True
    if options.only:
        wanted = [w.strip().lower() for w in options.only.split(",") if w.strip()]
        faults = [f for f in FAULTS if any(f.name.lower().startswith(w) for w in wanted)]
        hostile = "hostile" in wanted
        if not faults and not hostile:
            print(f"faults.py: no fault matches {options.only!r}; names: {', '.join(f.name for f in FAULTS)}", file=sys.stderr)
            return 2

    global WORK
    WORK = tempfile.mkdtemp(prefix="synq-faults-")
    os.makedirs(os.path.join(WORK, "config"), exist_ok=True)
    port = options.port or free_port()
    sandbox = Sandbox(binary, port, os.path.join(WORK, "fleet.sqlite"), os.path.join(WORK, "sandbox.log"))
    tui = TUI(binary, sandbox)
    rows = []
    hostile_results = []
    started = time.monotonic()
    try:
        sandbox.start()
        if hostile:
            hostile_results = hostile_rows(binary, sandbox)
        if faults:
            tui.start()
        for fault in faults:
            log(f"{fault.name} …")
            runner = {"ratelimit": run_rate_limit, "restart": run_restart}.get(fault.special, run_standard)
            try:
                row = runner(fault, binary, sandbox, tui)
            except Exception as error:      # one broken row must not lose the others
                row = Row(fault)
                row.details.append(f"campaign error: {error}")
                row.alive = False if tui.exited() is not None else row.alive
                if sandbox.process is None:
                    sandbox.start()
            rows.append(row)
            log(f"{fault.name}: {'PASS' if row.passed() else 'FAIL'}")
            if tui.exited() is not None:
                row.details.append(f"synq tui exited with status {tui.exited()}; last screen: {' / '.join(l.strip() for l in tui.screen() if l.strip())[-300:]}")
    finally:
        tui.stop()
        sandbox.kill(signal.SIGTERM)
        if not options.keep:
            shutil.rmtree(WORK, ignore_errors=True)
        else:
            log(f"scratch directory kept: {WORK}")
    elapsed = time.monotonic() - started
    command = "Campaigns/faults.py" + (f" --only {options.only}" if options.only else "")
    report = "\n".join([
        "# Fault campaign",
        "",
        f"`{command}` against `{os.path.relpath(binary, ROOT) if binary.startswith(ROOT) else binary}` "
        f"(`synq tui --refresh 1 --timeout {TUI_TIMEOUT}` in tmux {WIDTH}x{HEIGHT}; headless with `--timeout {HEADLESS_TIMEOUT}`); "
        f"run time {elapsed:.0f} s.",
        "",
        table(rows) if rows else "(no sandbox faults in this run)",
        "",
        "## Hostile servers (headless)",
        "",
        hostile_table(hostile_results) if hostile_results else "(not run)",
        "",
        machine(),
        details(rows, tui),
        "",
    ])
    print(report)
    os.makedirs(os.path.dirname(os.path.abspath(options.out)), exist_ok=True)
    with open(options.out, "w") as f:
        f.write(report)
    passed = all(r.passed() for r in rows) and all(not r["problems"] for r in hostile_results)
    return 0 if (rows or hostile_results) and passed else 1


WORK = ""

if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
