#!/usr/bin/env python3
"""Secrets audit: does any secret escape through argv, a child's environment, output, a
log, the screen or a file that others can read?

Usage:
    swift build && Campaigns/secrets-audit.py [--keep]

One session uses every secret path of synq with fresh random secrets (so a hit can only
come from this run):

- a sandbox (`synq sandbox --port 0`, request log on) whose keys come from 0600 key files;
- headless commands with the keys from the environment, from 0600 files
  (`--enterprise-key-file`, `--synvo-key-file`) and from stdin (`-`);
- `synq keys create` (plaintext printed once: the documented display), `--json`, and
  `--save PATH` (plaintext only in the new 0600 file);
- `synq login enterprise --from-file`, `synq login synvo --stdin`, `synq config`,
  `synq config encrypt` / `decrypt` with `SYNQ_PASSPHRASE`, headless commands reading the
  encrypted profile, a wrong passphrase;
- `synq provision` (start with a fake `docker` on PATH that records its argv, environment
  and the mode of the env file it is given; service; `--emit kubernetes`; `--dry-run`),
  with the key from the environment, `--api-key-file` and `--api-key-stdin`;
- the TUI in tmux: create a Synvo key and save it with `w`; type a missing key into the
  masked prompt; `synq setup` in tmux (masked Enterprise key and dashboard password);
- failures: wrong keys (401), a dead port (network error), a key file readable by others,
  plain http to a remote host;
- hostile create answers (sandbox body faults): an id or key carrying unit or env-file lines
  must end in exit 65 with nothing written and docker never run.
- the server boundary (issue 9): a server that redirects to another origin (the other
  origin must get no request, so no key), and a key create whose answer has a wrong-typed
  `key_id` (the new key must show on no stderr and no TUI status bar: nothing shaped like
  `sk_…_…` may appear, since the key itself is never known to the audit).

While it runs, a sampler reads `/proc/*/cmdline` of every synq process and its
descendants, and `/proc/*/environ` of the descendants, every 50 ms. Afterwards it scans the
argv of every process seen, the children's environments, every captured stdout/stderr,
the sandbox log, the TUI screens, and every file created under the session's HOME,
XDG_CONFIG_HOME, TMPDIR and working folder and under /tmp, /var/tmp and /dev/shm (newer
than a marker): a file holding a secret must be mode 0600 (or stricter) and owned by the
user; the passphrase must be in no file at all, and after `config encrypt` the keys must
not be in credentials.json in plaintext. synq's own environment holding the keys passed
through the environment is expected (that is how they were given) and is not flagged.
The synq keys of the synchronizers the run created are also looked for in every argv and
in the generated systemd unit's Exec lines as systemd expands them (Environment=,
EnvironmentFile=, ${VAR}, $VAR): the image takes its key only as --key, which must never
reach docker's own command line.

Secrets looked for (verbatim, base64, and their first and last 16 characters): the Enterprise key, the Synvo key, the wrong
keys, the passphrase, the dashboard password, and every plaintext Synvo key created; in
files also the synq keys of the synchronizers the run created.

Prints a Markdown table (channel | checked | findings | result) and writes it to
Campaigns/results/secrets.md. Exit status 0 when nothing leaks. Takes about a minute.
"""

import argparse
import base64
import json
import os
import re
import secrets as random_secrets
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tty_campaign import SYNQ, Pane, base_env, markdown_table, write_result  # noqa: E402
from hostile_server import HostileServer, answer, redirect  # noqa: E402

SYNQ_REAL = os.path.realpath(SYNQ)


# ---- the process sampler ----

class Sampler(threading.Thread):
    """Every 50 ms: argv of synq processes and their descendants, environ of descendants."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop_event = threading.Event()
        self.samples = 0
        self.processes = {}  # (pid, start) -> dict(kind, cmdline, environ, exe)
        self.lock = threading.Lock()

    @staticmethod
    def _read(path):
        try:
            with open(path, "rb") as handle:
                return handle.read()
        except OSError:
            return None

    def _is_synq(self, pid):
        try:
            exe = os.readlink(f"/proc/{pid}/exe")
        except OSError:
            return False
        return exe.replace(" (deleted)", "") == SYNQ_REAL

    def scan(self):
        table = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            stat_text = self._read(f"/proc/{entry}/stat")
            if not stat_text:
                continue
            fields = stat_text.rsplit(b")", 1)[1].split()
            table[int(entry)] = (int(fields[1]), fields[19])  # ppid, starttime
        synq = {pid for pid in table if self._is_synq(pid)}
        for pid, (ppid, start) in table.items():
            kind = None
            if pid in synq:
                kind = "synq"
            else:
                current = ppid
                for _ in range(64):
                    if current in synq:
                        kind = "child"
                        break
                    if current not in table or current <= 1:
                        break
                    current = table[current][0]
            if kind is None:
                continue
            key = (pid, start)
            cmdline = self._read(f"/proc/{pid}/cmdline")
            environ = self._read(f"/proc/{pid}/environ")
            with self.lock:
                record = self.processes.setdefault(key, {"kind": kind, "cmdlines": set(), "environs": set()})
                if cmdline:
                    record["cmdlines"].add(cmdline)
                if environ:
                    record["environs"].add(environ)

    def run(self):
        while not self.stop_event.is_set():
            try:
                self.scan()
            except Exception:  # noqa: BLE001 - a vanished process mid-scan is normal
                pass
            self.samples += 1
            self.stop_event.wait(0.05)

    def stop(self):
        self.stop_event.set()
        self.join()


# ---- the session ----

class Session:
    def __init__(self, root):
        self.root = root
        self.home = self.folder("home")
        self.xdg = self.folder("xdg")
        self.tmp = self.folder("tmp")
        self.work = self.folder("work")
        self.keys = self.folder("keys")
        self.bin = self.folder("bin")
        self.outputs = []   # (label, stdout, stderr, allowed secrets)
        self.screens = []   # (label, text)
        self.notes = []
        self.created = []   # plaintext Synvo keys created
        token = random_secrets.token_hex(16)
        self.secrets = {
            "Enterprise key": f"ent_audit_{token}",
            "Synvo key": f"sk_test_audit_{random_secrets.token_hex(16)}",
            "wrong Enterprise key": f"ent_wrong_{random_secrets.token_hex(16)}",
            "wrong Synvo key": f"sk_test_wrong_{random_secrets.token_hex(16)}",
            "passphrase": f"audit passphrase {random_secrets.token_hex(8)}",
            "dashboard password": f"dash-{random_secrets.token_hex(10)}",
        }

    def folder(self, name):
        path = os.path.join(self.root, name)
        os.makedirs(path, mode=0o700, exist_ok=True)
        return path

    @property
    def enterprise(self):
        return self.secrets["Enterprise key"]

    @property
    def synvo(self):
        return self.secrets["Synvo key"]

    def key_file(self, name, value, mode=0o600):
        path = os.path.join(self.keys, name)
        with open(path, "w") as handle:
            handle.write(value + "\n")
        os.chmod(path, mode)
        return path

    def env(self, keys=True, **extra):
        env = base_env(self.home)
        env.update(XDG_CONFIG_HOME=self.xdg, TMPDIR=self.tmp, PATH=self.bin + ":" + env["PATH"])
        if hasattr(self, "url"):
            env.update(ENTERPRISE_API_URL=self.url + "/api", SYNVO_BASE_URL=self.url)
        if keys:
            env.update(ENTERPRISE_API_KEY=self.enterprise, SYNVO_API_KEY=self.synvo)
        env.update(extra)
        return {k: v for k, v in env.items() if v is not None}

    def run(self, label, arguments, env, stdin=None, expect=0, allowed=()):
        result = subprocess.run([SYNQ, *arguments], input=stdin.encode() if stdin else None, capture_output=True,
                                env=env, cwd=self.work, timeout=90)
        self.outputs.append((label, result.stdout, result.stderr, set(allowed)))
        if expect is not None and result.returncode != expect:
            self.notes.append(f"`{label}` exited {result.returncode}, expected {expect}: "
                              f"{result.stderr.decode('utf-8', 'replace').strip()[:160]}")
        return result


FAKE_DOCKER = """#!/bin/sh
# Records what synq hands docker, then pretends to succeed.
log={log}
{{
  echo "argv: $*"
  echo "environ:"; tr '\\0' '\\n' < /proc/$$/environ
  for a in "$@"; do
    case "$prev" in --env-file) echo "env-file-mode: $(stat -c %a "$a") owner $(stat -c %u "$a")";; esac
    prev="$a"
  done
  echo "----"
}} >> "$log"
sleep 0.3
exit 0
"""


def start_sandbox(session):
    enterprise_file = session.key_file("sandbox-enterprise", session.enterprise)
    synvo_file = session.key_file("sandbox-synvo", session.synvo)
    log = open(os.path.join(session.root, "sandbox.log"), "wb")
    process = subprocess.Popen(
        [SYNQ, "sandbox", "--port", "0", "--enterprise-key-file", enterprise_file, "--synvo-key-file", synvo_file,
         "--rate-limit", "100000"],
        stdout=subprocess.PIPE, stderr=log, env=session.env(keys=False), cwd=session.work)
    line = process.stdout.readline().decode()
    session.url = line.strip().rsplit(" ", 1)[1]
    # the rest of stdout (banner, request log) goes to the log file
    threading.Thread(target=lambda: shutil.copyfileobj(process.stdout, log), daemon=True).start()
    return process, log


def headless(session):
    env = session.env()
    session.run("synchronizers list (env keys)", ["synchronizers", "list"], env)
    session.run("synchronizers list --json (env keys)", ["synchronizers", "list", "--json"], env)
    session.run("preferences (env keys)", ["preferences"], env)
    session.run("keys list (env keys)", ["keys", "list", "--json"], env)
    created = session.run("synchronizers create (env keys)", ["synchronizers", "create", "--name", "audit-one"], env)
    session.run("synchronizers disable", ["synchronizers", "disable", _first_id(session)], env, expect=None)

    files = session.env(keys=False)
    ent_file = session.key_file("enterprise", session.enterprise)
    syn_file = session.key_file("synvo", session.synvo)
    session.run("synchronizers list --enterprise-key-file", ["synchronizers", "list", "--enterprise-key-file", ent_file], files)
    session.run("keys list --synvo-key-file", ["keys", "list", "--synvo-key-file", syn_file], files)
    session.run("synchronizers list --enterprise-key-file -", ["synchronizers", "list", "--enterprise-key-file", "-"], files,
                stdin=session.enterprise + "\n")
    session.run("keys list --synvo-key-file -", ["keys", "list", "--synvo-key-file", "-"], files, stdin=session.synvo + "\n")

    # keys create: printed once (documented), as JSON, and saved to a 0600 file
    shown = session.run("keys create (printed once)", ["keys", "create", "--name", "audit-printed"], env)
    key = _plaintext(shown.stdout)
    if key:
        session.created.append(key)
        session.outputs[-1][3].add(key)
    shown = session.run("keys create --json", ["keys", "create", "--name", "audit-json", "--json"], env)
    key = _plaintext(shown.stdout)
    if key:
        session.created.append(key)
        session.outputs[-1][3].add(key)
    path = os.path.join(session.work, "saved-key.txt")
    session.run("keys create --save PATH", ["keys", "create", "--name", "audit-saved", "--save", path], env)
    if os.path.exists(path):
        with open(path) as handle:
            session.created.append(handle.read().strip())
    session.run("keys create --save PATH (exists: refused)", ["keys", "create", "--save", path], env, expect=None)
    return created


def _first_id(session):
    result = subprocess.run([SYNQ, "synchronizers", "list", "--json"], capture_output=True, env=session.env(), timeout=60)
    import json
    try:
        return json.loads(result.stdout)["synchronizers"][0]["id"]
    except (ValueError, KeyError, IndexError):
        return "missing"


def _plaintext(stdout):
    text = stdout.decode("utf-8", "replace")
    for token in text.replace('"', " ").replace(",", " ").split():
        if token.startswith("sk_"):
            return token
    return None


def login(session):
    env = session.env(keys=False)
    ent_file = session.key_file("login-enterprise", session.enterprise)
    session.run("login enterprise --from-file", ["login", "enterprise", "--from-file", ent_file, "--url", session.url + "/api"], env)
    session.run("login synvo --stdin", ["login", "synvo", "--stdin", "--url", session.url], env, stdin=session.synvo + "\n")
    session.run("config (plain)", ["config"], env)


def encryption(session):
    credentials = os.path.join(session.xdg, "synq", "credentials.json")
    with_pass = session.env(keys=False, SYNQ_PASSPHRASE=session.secrets["passphrase"])
    session.run("config encrypt (SYNQ_PASSPHRASE)", ["config", "encrypt"], with_pass)
    encrypted = open(credentials, "rb").read() if os.path.exists(credentials) else b""
    session.run("config (encrypted)", ["config"], with_pass)
    no_url = {k: v for k, v in with_pass.items() if k not in ("ENTERPRISE_API_URL", "SYNVO_BASE_URL")}
    session.run("synchronizers list (encrypted profile)", ["synchronizers", "list"], no_url)
    session.run("keys list (encrypted profile)", ["keys", "list"], no_url)
    wrong = session.env(keys=False, SYNQ_PASSPHRASE="not the passphrase", SYNQ_NO_PROMPT="1")
    wrong = {k: v for k, v in wrong.items() if k not in ("ENTERPRISE_API_URL", "SYNVO_BASE_URL")}
    session.run("synchronizers list (wrong passphrase)", ["synchronizers", "list"], wrong, expect=None)
    session.run("config decrypt", ["config", "decrypt"], with_pass)
    session.run("config encrypt again", ["config", "encrypt"], with_pass)
    return encrypted


def provisioning(session):
    log = os.path.join(session.root, "docker.log")
    docker = os.path.join(session.bin, "docker")
    with open(docker, "w") as handle:
        handle.write(FAKE_DOCKER.format(log=log))
    os.chmod(docker, 0o755)
    env = session.env(SYNQ_PASSPHRASE=session.secrets["passphrase"])
    session.run("provision --action start (env key)", ["provision", "--action", "start", "--name", "audit-prov"], env)
    keyfile = session.key_file("provision", session.enterprise)
    no_keys = session.env(keys=False)
    session.run("provision --action service --new (--api-key-file)",
                ["provision", "--action", "service", "--new", "--name", "audit-svc", "--api-key-file", keyfile], no_keys)
    session.run("provision --emit kubernetes (--api-key-stdin)",
                ["provision", "--emit", "kubernetes", "--out", os.path.join(session.work, "k8s"), "--replicas", "2",
                 "--name", "audit-k8s", "--api-key-stdin"], no_keys, stdin=session.enterprise + "\n")
    session.run("provision --dry-run", ["provision", "--dry-run", "--new", "--name", "audit-dry"], env)
    return log


HOSTILE_FINE_ID = "7d0c3c1e-5f42-4b8e-9d8e-1c2b3a4d5e6f"
HOSTILE_FINE_KEY = "c2ef1e74-94c4-589e-b66g-b7d513f85296"


def add_fault(session, rule):
    """Arms one sandbox fault (the control routes take JSON only)."""
    request = urllib.request.Request(session.url + "/__sandbox/faults", data=json.dumps(rule).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=10).read()


def clear_faults(session):
    urllib.request.urlopen(urllib.request.Request(session.url + "/__sandbox/faults", method="DELETE"), timeout=10).read()


def open_key_create(pane, name):
    """In a running TUI: the Synvo keys pane, `n`, and the name typed (Enter is the caller's)."""
    pane.send("3")
    pane.wait_text("Synvo keys (", timeout=10)
    pane.send("n")
    pane.wait_text("New Synvo key name", timeout=10)
    pane.type(name)


def hostile_answers(session):
    """A create answer whose id or key carries unit or env-file lines (issue 9, finding 2),
    each into a fresh HOME: exit 65, nothing under ~/.synchronizer-cli, docker never run, the
    marker file the injected ExecStartPre would touch never made. Returns table rows."""
    marker = os.path.join(session.root, "pwned")
    cases = [
        ("id with [Service] ExecStartPre=+", "abc\n[Service]\nExecStartPre=+/bin/sh -c 'touch %s'" % marker, HOSTILE_FINE_KEY),
        ("key with an LD_PRELOAD line", HOSTILE_FINE_ID, "k\nLD_PRELOAD=%s.so" % marker),
        ("key with systemd specifier and shell syntax", HOSTILE_FINE_ID, 'k%h$(touch ' + marker + ')"'),
    ]
    problems, checked = [], 0
    for index, (label, sid, key) in enumerate(cases):
        home = session.folder(f"hostile-home-{index}")
        bin_folder = session.folder(f"hostile-bin-{index}")
        docker_log = os.path.join(session.root, f"hostile-docker-{index}.log")
        with open(os.path.join(bin_folder, "docker"), "w") as handle:
            handle.write(FAKE_DOCKER.format(log=docker_log))
        os.chmod(os.path.join(bin_folder, "docker"), 0o755)
        body = json.dumps({"success": True, "message": "Synchronizer created",
                           "synchronizer": {"id": sid, "key": key, "name": "audit-hostile", "isEnabled": True}})
        rule = {"route": "POST /api/synq-keys/enterprise/synchronizer", "kind": "body", "count": 1,
                "bodyBase64": base64.b64encode(body.encode()).decode()}
        add_fault(session, rule)
        env = session.env(HOME=home, PATH=bin_folder + ":/usr/bin:/bin")
        result = session.run(f"provision --action service (hostile create answer: {label})",
                             ["provision", "--action", "service", "--new", "--name", "audit-hostile"], env, expect=None)
        clear_faults(session)
        checked += 1
        written = [os.path.join(folder, name) for folder, _, names in os.walk(os.path.join(home, ".synchronizer-cli")) for name in names]
        if result.returncode != 65:
            problems.append(f"{label}: exit {result.returncode}, expected 65")
        if written:
            problems.append(f"{label}: wrote {', '.join(os.path.relpath(w, home) for w in written)}")
        if os.path.exists(docker_log):
            problems.append(f"{label}: docker was run")
        output = result.stdout + result.stderr
        if b"LD_PRELOAD" in output or b"\n[Service]" in output:
            problems.append(f"{label}: the hostile value was echoed")
    if os.path.exists(marker) or os.path.exists(marker + ".so"):
        problems.append("the injected command ran")
    return [["server values into root-run files (a create answer with unit/env-file lines in its id or key)",
             f"{checked} hostile create answers, each into a fresh HOME: " + "; ".join(c[0] for c in cases),
             "; ".join(problems) or "each exit 65; no unit, env file or config.json; docker never run",
             "FAIL" if problems or checked != len(cases) else "pass"]]


def synq_keys(session):
    """The synq keys of the synchronizers this run created: printed by `synchronizers list`
    by design, so they are looked for in files only (config.json, the env file, the Secret)."""
    import json
    result = subprocess.run([SYNQ, "synchronizers", "list", "--json"], capture_output=True, env=session.env(), timeout=60)
    try:
        entries = json.loads(result.stdout)["synchronizers"]
    except (ValueError, KeyError):
        return {}
    return {f"synq key of {e['name']}": [e["key"].encode(), base64.b64encode(e["key"].encode())]
            for e in entries if e["name"].startswith("audit-")}


def failures(session):
    wrong = session.env(keys=False, ENTERPRISE_API_KEY=session.secrets["wrong Enterprise key"],
                        SYNVO_API_KEY=session.secrets["wrong Synvo key"])
    session.run("synchronizers list (wrong key: 401)", ["synchronizers", "list"], wrong, expect=77)
    session.run("keys list (wrong key: 401)", ["keys", "list"], wrong, expect=77)
    session.run("keys create (wrong key: 401)", ["keys", "create"], wrong, expect=77)
    dead = session.env(ENTERPRISE_API_URL="http://127.0.0.1:1/api", SYNVO_BASE_URL="http://127.0.0.1:1")
    session.run("synchronizers list (dead port)", ["synchronizers", "list"], dead, expect=74)
    session.run("keys create (dead port)", ["keys", "create"], dead, expect=74)
    remote = session.env(ENTERPRISE_API_URL="http://example.invalid/api")
    session.run("synchronizers list (plain http, remote)", ["synchronizers", "list"], remote, expect=64)
    loose = session.key_file("loose", session.enterprise, mode=0o644)
    session.run("--enterprise-key-file 0644 (refused)", ["synchronizers", "list", "--enterprise-key-file", loose],
                session.env(keys=False), expect=64)
    # A server that echoes the key back in its errors and in an unreadable body: the
    # messages synq prints quote the server, so the key must come out redacted.
    echo = [
        ("GET /api/synq-keys/enterprise/synchronizers", 401, '{"success":false,"message":"Invalid key %s"}' % session.enterprise),
        ("GET /api/synq-keys/enterprise/preferences", 500, '{"success":false,"message":"boom for %s"}' % session.enterprise),
        ("GET /user/api_keys/list", 401, '{"error":"bad key %s","code":"INVALID_API_KEY"}' % session.synvo),
        ("POST /user/api_keys/create", 200, '<html>%s %s</html>' % (session.synvo, base64.b64encode(session.synvo.encode()).decode())),
        # the key across the cut of the 80-character excerpt and of the 300-character message
        ("GET /api/synq-keys/enterprise/synchronizers", 200, "<html>" + "x" * 40 + session.enterprise + " more</html>"),
        ("GET /user/api_keys/list", 401, '{"error":"%s %s"}' % ("y" * 270, session.synvo)),
    ]
    for route, status, body in echo:
        rule = {"route": route, "kind": "body", "status": status, "count": 1,
                "bodyBase64": base64.b64encode(body.encode()).decode()}
        add_fault(session, rule)
    env = session.env()
    session.run("synchronizers list (server echoes the key, 401)", ["synchronizers", "list"], env, expect=77)
    session.run("preferences (server echoes the key, 500)", ["preferences"], env, expect=69)
    session.run("keys list (server echoes the key, 401)", ["keys", "list"], env, expect=77)
    session.run("keys create (server echoes the key, unreadable)", ["keys", "create"], env, expect=65)
    session.run("synchronizers list (key across the excerpt's cut)", ["synchronizers", "list"], env, expect=65)
    session.run("keys list (key across the message's cut)", ["keys", "list"], env, expect=77)
    clear_faults(session)
    two = session.key_file("two-lines", session.enterprise + "\n" + session.synvo)
    session.run("--enterprise-key-file two lines (refused)", ["synchronizers", "list", "--enterprise-key-file", two],
                session.env(keys=False), expect=64)


KEY_SHAPE = re.compile(rb"sk_[a-z]+_[A-Za-z0-9]{6,}")


def server_boundary(session):
    """A redirect to another origin; a key create whose answer cannot be read (headless and TUI).
    Returns the findings for the report's row."""
    findings = []
    elsewhere = HostileServer(answer(200, b"{}", {"Content-Type": "application/json"}))
    redirector = HostileServer(redirect(elsewhere.url))
    try:
        env = session.env(ENTERPRISE_API_URL=redirector.url + "/api", SYNVO_BASE_URL=redirector.url)
        for label, arguments in [("synchronizers list", ["synchronizers", "list"]),
                                 ("synchronizers create", ["synchronizers", "create", "--name", "audit-redirect"]),
                                 ("keys list", ["keys", "list"]), ("keys create", ["keys", "create"])]:
            session.run(f"{label} (redirected to another origin)", arguments, env, expect=69)
    finally:
        redirector.close()
        elsewhere.close()
    if elsewhere.requests:
        findings.append(f"the redirect was followed {len(elsewhere.requests)} times"
                        + (", with an API key" if elsewhere.saw_key() else ""))

    def arm():
        rule = {"route": "POST /user/api_keys/create", "kind": "wrongType", "field": "key_id", "count": 1}
        add_fault(session, rule)

    arm()
    result = session.run("keys create (key_id wrong type: unreadable answer)", ["keys", "create"], session.env(), expect=65)
    if KEY_SHAPE.search(result.stdout) or KEY_SHAPE.search(result.stderr):
        findings.append("`keys create` with a wrong-typed key_id printed a key")
    arm()
    pane = Pane([SYNQ, "tui", "--refresh", "1"], session.env(), 100, 30, cwd=session.work)
    try:
        pane.go()
        pane.wait_text("Synchronizers (", timeout=20)
        open_key_create(pane, "audit unreadable")
        pane.send("Enter")
        ok, screen = pane.wait_text("unreadable", timeout=10)
        session.screens.append(("tui: status bar after an unreadable key create", screen))
        if not ok:
            session.notes.append("TUI: the unreadable key create never showed an error")
        if KEY_SHAPE.search(screen.encode()):
            findings.append("the TUI showed a created key in the status bar")
        pane.send("q")
        pane.exit_status()
    finally:
        pane.close()
    clear_faults(session)
    return findings


def tui(session):
    """Create a key in the TUI and save it with w; type a missing key into the masked prompt."""
    env = session.env()
    pane = Pane([SYNQ, "tui", "--refresh", "1"], env, 100, 30, cwd=session.work)
    try:
        pane.go()
        ok, screen = pane.wait_text("Synchronizers (", timeout=20)
        session.screens.append(("tui: fleet", screen))
        open_key_create(pane, "audit tui key")
        pane.send("Enter")
        ok, screen = pane.wait_text("Shown only once", timeout=10)
        session.screens.append(("tui: one-time key modal (masked)", screen))
        if not ok:
            session.notes.append("TUI: the one-time key modal never showed")
        pane.send("w")
        ok, screen = pane.wait_text("mode 0600", timeout=10)
        session.screens.append(("tui: after w", screen))
        if not ok:
            session.notes.append("TUI: saving with w did not report a 0600 file")
        pane.send("Enter")
        time.sleep(0.5)
        session.screens.append(("tui: after closing", pane.screen()))
        pane.send("q")
        pane.exit_status()
    finally:
        pane.close()
    saved = [name for name in os.listdir(session.work) if name.startswith("synvo-key-")]
    for name in saved:
        with open(os.path.join(session.work, name)) as handle:
            session.created.append(handle.read().strip())
    if not saved:
        session.notes.append("TUI: no synvo-key-*.txt was saved")

    # A missing Synvo key typed into the TUI's masked prompt (it opens at start).
    env = session.env(keys=False, ENTERPRISE_API_KEY=session.enterprise)
    pane = Pane([SYNQ, "tui", "--refresh", "1"], env, 100, 30, cwd=session.work)
    try:
        pane.go()
        ok, _ = pane.wait_text("Synvo API key:", timeout=20)
        if not ok:
            session.notes.append("TUI: no prompt for the missing Synvo key")
        pane.type(session.synvo)
        time.sleep(0.5)
        session.screens.append(("tui: masked key entry (typed, not sent)", pane.screen()))
        pane.send("Enter")
        pane.send("3")
        # The pane title reads "Synvo keys (0)" until the first list with the typed key lands.
        ok, screen = pane.wait_for(lambda s: "Synvo keys (" in s and "Synvo keys (0)" not in s, timeout=10)
        time.sleep(0.5)
        session.screens.append(("tui: keys pane with the typed key", pane.screen()))
        if not ok or "Synvo keys (0)" in screen:
            session.notes.append("TUI: the typed Synvo key was not used")
        pane.send("q")
        pane.exit_status()
    finally:
        pane.close()


def setup(session):
    """`synq setup` in tmux: masked Enterprise key and dashboard password, then quit."""
    env = session.env(keys=False, SYNQ_PASSPHRASE=session.secrets["passphrase"])
    pane = Pane([SYNQ, "setup"], env, 100, 30, cwd=session.work)
    password = session.secrets["dashboard password"]
    steps = [("Enterprise API Key", session.enterprise), ("Synchronizer name", "audit-setup"),
             ("Wallet address", "0x" + "ab" * 20), ("Dashboard password (Enter", password),
             ("Repeat the dashboard password", password), ("What would you like to do next?", "q")]
    try:
        pane.go()
        for prompt, answer in steps:
            ok, _ = pane.wait_text(prompt, timeout=15)
            if not ok:
                session.notes.append(f"setup: no prompt “{prompt}”")
                break
            pane.type(answer)
            time.sleep(0.2)
            session.screens.append((f"setup: typed at “{prompt}”", pane.screen()))
            pane.send("Enter")
        status = pane.exit_status(timeout=20)
        session.screens.append(("setup: end", pane.screen()))
        if status is None:
            session.notes.append("setup did not finish")
    finally:
        pane.close()


# ---- the scan ----

def needles(session):
    found = dict(session.secrets)
    for index, key in enumerate(session.created, 1):
        found[f"created Synvo key {index}"] = key
    result = {}
    for name, value in found.items():
        # the value, its base64, and its first and last 16 characters (a cut excerpt)
        result[name] = [value.encode(), base64.b64encode(value.encode()), value[:16].encode(), value[-16:].encode()]
    return result


def hits(data, table, allowed=()):
    names = []
    for name, patterns in table.items():
        if any(pattern in data for pattern in patterns):
            value = patterns[0].decode()
            if value not in allowed:
                names.append(name)
    return names


def scan_files(session, marker_time, table):
    roots = [session.root, "/tmp", "/var/tmp", "/dev/shm"]
    own = {os.path.join(session.keys, n) for n in os.listdir(session.keys)}
    seen, secret_files, problems = 0, [], []
    visited = set()
    uid = os.getuid()
    for root in roots:
        for folder, dirs, files in os.walk(root):
            if folder.startswith(session.keys):
                continue
            for name in files:
                path = os.path.join(folder, name)
                if os.path.realpath(path) in visited:
                    continue
                visited.add(os.path.realpath(path))
                try:
                    info = os.lstat(path)
                except OSError:
                    continue
                if not stat.S_ISREG(info.st_mode) or max(info.st_mtime, info.st_ctime) < marker_time:
                    continue
                if path in own or path == os.path.join(session.root, "docker.log") or path == os.path.join(session.root, "sandbox.log"):
                    continue
                seen += 1
                try:
                    with open(path, "rb") as handle:
                        data = handle.read(64 * 1_048_576)
                except OSError:
                    continue
                found = hits(data, table)
                if not found:
                    continue
                mode = stat.S_IMODE(info.st_mode)
                secret_files.append((path, mode, found))
                if "passphrase" in found:
                    problems.append(f"{path} holds the passphrase")
                if mode & 0o077 or info.st_uid != uid:
                    problems.append(f"{path} mode {mode:o} owner {info.st_uid} holds {', '.join(found)}")
    return seen, secret_files, problems


def systemd_exec_hits(unit_path, table):
    """The Exec lines of the unit with systemd's own substitution applied: variables from
    Environment= and EnvironmentFile= replace ${NAME} and $NAME ($$ is a literal $). A secret
    that appears only after substitution would be on docker's command line while it runs."""
    if not os.path.exists(unit_path):
        return ["the unit was not written"], "no unit"
    variables, execs = {}, []
    for line in open(unit_path, encoding="utf-8").read().splitlines():
        name, _, value = line.partition("=")
        if name == "EnvironmentFile":
            path = value.lstrip("-").strip().strip('"')
            if os.path.exists(path):
                for entry in open(path, encoding="utf-8").read().splitlines():
                    if "=" in entry and not entry.lstrip().startswith("#"):
                        key, _, val = entry.partition("=")
                        variables[key.strip()] = val.strip().strip('"')
        elif name == "Environment":
            for pair in value.split():
                key, _, val = pair.strip('"').partition("=")
                variables[key] = val
        elif name.startswith("Exec"):
            execs.append(value)
    found = []
    for command in execs:
        out, i = [], 0
        while i < len(command):
            if command.startswith("$$", i):
                out.append("$"); i += 2
            elif command.startswith("${", i) and "}" in command[i:]:
                end = command.index("}", i)
                out.append(variables.get(command[i + 2:end], "")); i = end + 1
            elif command[i] == "$":
                j = i + 1
                while j < len(command) and (command[j].isalnum() or command[j] == "_"):
                    j += 1
                out.append(variables.get(command[i + 1:j], "") if j > i + 1 else "$"); i = max(j, i + 1)
            else:
                out.append(command[i]); i += 1
        found += [f"{command[:40]}…: {name}" for name in hits("".join(out).encode(), table)]
    return found, f"{len(execs)} Exec lines, {len(variables)} variables from the unit's environment"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the session folder for inspection")
    args = parser.parse_args()
    if not os.access(SYNQ, os.X_OK):
        sys.exit(f"secrets-audit.py: {SYNQ} is missing; run `swift build` first")
    started = time.monotonic()
    root = tempfile.mkdtemp(prefix="synq-secrets-audit-")
    session = Session(root)
    marker_time = time.time() - 1
    sampler = Sampler()
    sampler.start()
    sandbox, sandbox_log = start_sandbox(session)
    snapshots, files_only, encrypted, docker_log, hostile_rows, boundary = [], {}, b"", "", [], None
    try:
        headless(session)
        login(session)
        snapshots.append(("after login (keys in plaintext credentials.json)", scan_files(session, marker_time, needles(session))))
        encrypted = encryption(session)
        docker_log = provisioning(session)
        failures(session)
        hostile_rows = hostile_answers(session)
        boundary = server_boundary(session)
        tui(session)
        setup(session)
        time.sleep(0.2)
        files_only = synq_keys(session)
    finally:
        sandbox.terminate()
        sandbox.wait(timeout=10)
        sampler.stop()
        sandbox_log.close()
    table = needles(session)
    # argv and docker's record are also checked for the new synchronizers' synq keys: the
    # image takes its key only as --key, so it must reach docker through the env file.
    argv_table = {**table, **files_only}
    rows = []

    # argv
    argv_hits = []
    processes = sampler.processes
    for (pid, _), record in processes.items():
        for cmdline in record["cmdlines"]:
            found = hits(cmdline, argv_table)
            if found:
                argv_hits.append(f"pid {pid} ({record['kind']}): {', '.join(found)}")
    synq_count = sum(1 for r in processes.values() if r["kind"] == "synq")
    child_records = {k: r for k, r in processes.items() if r["kind"] == "child"}
    child_names = sorted({os.path.basename(c.split(b"\0")[0].decode("utf-8", "replace"))
                          for r in child_records.values() for c in r["cmdlines"]})
    rows.append(["argv (/proc/*/cmdline)", f"{synq_count} synq processes and {len(child_records)} children "
                 f"({', '.join(child_names) or 'none'}) over {sampler.samples} samples at 50 ms",
                 "; ".join(argv_hits) or "none", "FAIL" if argv_hits else "pass"])

    # children's environment
    env_hits = []
    for (pid, _), record in child_records.items():
        for environ in record["environs"]:
            found = hits(environ, table)
            if found:
                env_hits.append(f"pid {pid}: {', '.join(found)}")
    docker_runs = 0
    env_file_modes = []
    if os.path.exists(docker_log):
        text = open(docker_log, "rb").read()
        docker_runs = text.count(b"argv:")
        for block in text.split(b"----"):
            argv_line = b"\n".join(line for line in block.split(b"\n") if line.startswith(b"argv:"))
            found = sorted(set(hits(block, table)) | set(hits(argv_line, argv_table)))
            if found:
                env_hits.append("fake docker's own record: " + ", ".join(found))
        env_file_modes = [line.split(b": ", 1)[1].decode() for line in text.split(b"\n") if line.startswith(b"env-file-mode")]
    rows.append(["children's environment (/proc/*/environ, and the fake docker's own record)",
                 f"{len(child_records)} child processes sampled; docker ran {docker_runs} times",
                 "; ".join(sorted(set(env_hits))) or "none", "FAIL" if env_hits else "pass"])
    bad_modes = [m for m in env_file_modes if not m.startswith("600")]
    rows.append(["docker --env-file", f"{len(env_file_modes)} env files handed to docker",
                 ("modes " + ", ".join(sorted(set(env_file_modes)))) if env_file_modes else "none handed over",
                 "FAIL" if bad_modes or not env_file_modes else "pass"])

    rows += hostile_rows

    # the systemd unit as systemd runs it
    unit_path = os.path.join(session.home, ".synchronizer-cli", "synchronizer-cli.service")
    unit_found, unit_checked = systemd_exec_hits(unit_path, argv_table)
    rows.append(["systemd unit's ExecStart as systemd expands it (EnvironmentFile=, ${VAR}, $VAR)",
                 unit_checked, "; ".join(unit_found) or "none",
                 "FAIL" if unit_found or not os.path.exists(unit_path) else "pass"])

    # synq's own environment: expected, reported for completeness
    own_env = sum(1 for r in processes.values() if r["kind"] == "synq" and any(hits(e, table) for e in r["environs"]))
    rows.append(["synq's own environment", f"{synq_count} synq processes",
                 f"{own_env} hold keys passed via the environment (how the user supplied them)", "expected"])

    # outputs
    out_hits = []
    for label, stdout, stderr, allowed in session.outputs:
        for stream, data in (("stdout", stdout), ("stderr", stderr)):
            found = hits(data, table, allowed)
            if found:
                out_hits.append(f"`{label}` {stream}: {', '.join(found)}")
    documented = sum(1 for o in session.outputs if o[3])
    rows.append(["stdout / stderr", f"{len(session.outputs)} commands (errors: wrong keys, dead port, remote http, "
                 f"loose and two-line key files, wrong passphrase, a server echoing the keys in 401/500 messages "
                 f"and in an unreadable body)",
                 "; ".join(out_hits) or f"none (the new key in the {documented} `keys create` outputs without --save is the documented one-time display)",
                 "FAIL" if out_hits else "pass"])

    # server boundary
    rows.append(["server boundary (redirect to another origin; key create with a wrong-typed key_id)",
                 "4 commands against a redirecting server (its target records every request); `keys create` and the "
                 "TUI's key create with the answer unreadable (stderr and status bar scanned for `sk_…_…`)",
                 "; ".join(boundary) if boundary else ("none" if boundary is not None else "not run"),
                 "pass" if boundary == [] else "FAIL"])

    # sandbox log
    log_data = open(os.path.join(session.root, "sandbox.log"), "rb").read()
    found = hits(log_data, table)
    lines = log_data.count(b"\n")
    rows.append(["sandbox request log", f"{lines} lines", ", ".join(found) or "none",
                 "FAIL" if found else "pass"])

    # screens
    screen_hits = []
    for label, screen in session.screens:
        found = hits(screen.encode(), table)
        if found:
            screen_hits.append(f"{label}: {', '.join(found)}")
    rows.append(["TUI screens (tmux capture-pane)", f"{len(session.screens)} captures: TUI fleet, one-time key modal "
                 "(masked), after `w`, masked key entry; `synq setup` after each answer", "; ".join(screen_hits) or "none",
                 "FAIL" if screen_hits else "pass"])

    # files
    seen, secret_files, problems = scan_files(session, marker_time, {**table, **files_only})
    for label, (_, snapshot_files, snapshot_problems) in snapshots:
        secret_files += [(p + f" [{label}]", m, f) for p, m, f in snapshot_files]
        problems += [p + f" [{label}]" for p in snapshot_problems]
    listing = ", ".join(f"{os.path.relpath(p, session.root) if p.startswith(session.root) else p} "
                        f"({m:o}: {', '.join(f)})" for p, m, f in secret_files)
    rows.append(["files created (HOME, XDG_CONFIG_HOME, TMPDIR, cwd, /tmp, /var/tmp, /dev/shm; newer than the marker; "
                 "scanned after `login` and at the end; here also for the new synchronizers' synq keys)",
                 f"{seen} files; {len(secret_files)} hold a secret: {listing}",
                 "; ".join(problems) or "every file with a secret is 0600 and ours; the passphrase is in none",
                 "FAIL" if problems else "pass"])

    # folders
    folder_problems = []
    for folder in [os.path.join(session.xdg, "synq"), os.path.join(session.home, ".synchronizer-cli")]:
        if os.path.isdir(folder):
            mode = stat.S_IMODE(os.stat(folder).st_mode)
            if mode & 0o077:
                folder_problems.append(f"{folder} is {mode:o}")
        else:
            folder_problems.append(f"{folder} missing")
    rows.append(["config folders", "$XDG_CONFIG_HOME/synq, ~/.synchronizer-cli", "; ".join(folder_problems) or "both 0700",
                 "FAIL" if folder_problems else "pass"])

    # encryption at rest
    plain = hits(encrypted, {k: v for k, v in table.items() if k in ("Enterprise key", "Synvo key", "passphrase")})
    rows.append(["credentials.json after `config encrypt`", f"{len(encrypted)} bytes",
                 ", ".join(plain) + " in plaintext" if plain else "no key or passphrase in plaintext",
                 "FAIL" if plain or not encrypted else "pass"])

    elapsed = time.monotonic() - started
    text = ("# Secrets audit\n\n"
            f"Fresh random secrets: Enterprise key, Synvo key, two wrong keys, a passphrase, a dashboard password, and "
            f"{len(session.created)} plaintext Synvo keys created during the run (CLI printed, --json, --save, TUI `w`). "
            f"Run time {elapsed:.0f} s.\n\n"
            + markdown_table(["channel", "checked", "findings", "result"], rows))
    if session.notes:
        text += "\nSession notes (steps that did not go as planned):\n\n" + "\n".join(f"- {n}" for n in session.notes) + "\n"
    print(text)
    write_result("secrets.md", text)
    if args.keep:
        print(f"session kept in {root}", file=sys.stderr)
    else:
        shutil.rmtree(root, ignore_errors=True)
    sys.exit(1 if any(r[3] == "FAIL" for r in rows) or session.notes else 0)


if __name__ == "__main__":
    main()
