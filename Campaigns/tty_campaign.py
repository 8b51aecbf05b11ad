"""Shared pieces of the terminal campaigns (hostile.py, signals.py, secrets-audit.py).

Python 3 standard library only. Not a script: imported by the campaign scripts next to it.

- Sandbox: `synq sandbox --port 0 --quiet` in the background, with helpers to arm faults.
- Pane: one synq program in a detached tmux session on a private socket (`tmux -L`). The
  pane runs a small shell wrapper that records `stty -a` before and after, synq's pid and its
  exit status, then stays open so the screen can still be read. synq starts only when the
  campaign says so (`Pane.go()`), so the pane title can be set and read first.
"""

import base64
import ctypes
import ctypes.util
import json
import os
import shlex
import shutil
import signal
import subprocess
import tempfile
import time
import unicodedata
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SYNQ = os.environ.get("SYNQ_BIN", os.path.join(ROOT, ".build", "debug", "synq"))
RESULTS = os.path.join(ROOT, "Campaigns", "results")

DEMO_ENTERPRISE_KEY = "ent_demo_7f3c9a1e5b2d4f60a8c1e9b7d3f5a2c4"
DEMO_SYNVO_KEY = "sk_test_demo_4f9a2c7e1b8d3f6a0c5e9b2d7f4a1c8e"

SYNCHRONIZERS_ROUTE = "GET /api/synq-keys/enterprise/synchronizers"
SYNVO_KEYS_ROUTE = "GET /user/api_keys/list"


def base_env(home=None):
    """A small, predictable environment for synq: no keys unless the caller adds them."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        "HOME": home or os.environ.get("HOME", "/tmp"),
    }
    return env


class Sandbox:
    """`synq sandbox --port 0 --quiet` for the length of a campaign."""

    def __init__(self, extra_args=(), env=None):
        self.process = subprocess.Popen(
            [SYNQ, "sandbox", "--port", "0", "--quiet", *extra_args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env or base_env(),
        )
        line = self.process.stdout.readline().decode("utf-8", "replace").strip()
        prefix = "synq sandbox listening on "
        if not line.startswith(prefix):
            self.process.kill()
            raise RuntimeError(f"sandbox did not start: {line!r}")
        self.url = line[len(prefix):]
        self.port = int(self.url.rsplit(":", 1)[1])

    @property
    def enterprise_url(self):
        return self.url + "/api"

    @property
    def synvo_url(self):
        return self.url

    def env(self, keys=True):
        """The URL variables (and the demo keys) that point synq at this sandbox."""
        env = {"ENTERPRISE_API_URL": self.enterprise_url, "SYNVO_BASE_URL": self.synvo_url}
        if keys:
            env.update(ENTERPRISE_API_KEY=DEMO_ENTERPRISE_KEY, SYNVO_API_KEY=DEMO_SYNVO_KEY)
        return env

    def control(self, method, path, payload=None):
        data = None if payload is None else json.dumps(payload).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.read()

    def arm(self, rules):
        status, body = self.control("POST", "/__sandbox/faults", rules)
        if status != 201:
            raise RuntimeError(f"fault not armed: {status} {body[:200]!r}")

    def arm_body(self, route, body_bytes, status=None, count=None):
        rule = {"route": route, "kind": "body", "bodyBase64": base64.b64encode(body_bytes).decode()}
        if status is not None:
            rule["status"] = status
        if count is not None:
            rule["count"] = count
        self.arm(rule)

    def clear(self):
        self.control("DELETE", "/__sandbox/faults")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Pane:
    """One synq program in a detached tmux session on a private socket."""

    TITLE = "synq-campaign-title"
    WINDOW = "synq-campaign-window"

    def __init__(self, argv, env, width=100, height=30, term="screen-256color", exec_synq=True, cwd=None):
        self.dir = tempfile.mkdtemp(prefix="synq-pane-")
        self.socket = f"synq-campaign-{os.getpid()}-{os.path.basename(self.dir)[-6:]}"
        command = " ".join(shlex.quote(a) for a in argv)
        # `exec` so the recorded pid is synq itself (signals go to it, not to a wrapper).
        runner = f"exec {command}" if exec_synq else command
        if cwd:
            runner = f"cd {shlex.quote(cwd)} && {runner}"
        runner = runner.replace("'", "'\\''")
        script = f"""#!/bin/sh
cd {shlex.quote(self.dir)}
stty -a > stty-before
while [ ! -e go ]; do sleep 0.02; done
sh -c 'echo $$ > synq.pid; {runner}'
code=$?
stty -a > stty-after
echo $code > synq.status
exec sleep 600
"""
        path = os.path.join(self.dir, "run.sh")
        with open(path, "w") as handle:
            handle.write(script)
        self.env = dict(env)
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", str(width), "-y", str(height),
                  "sh " + shlex.quote(path), env=self.env)
        self.tmux("set-option", "-g", "default-terminal", term)
        self.tmux("set-window-option", "-t", "main", "automatic-rename", "off")
        self.tmux("set-window-option", "-t", "main", "allow-rename", "on")
        self.tmux("rename-window", "-t", "main", self.WINDOW)
        self.tmux("select-pane", "-t", "main", "-T", self.TITLE)
        self.wait_file("stty-before", 5)

    def tmux(self, *args, env=None):
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                                env=env if env is not None else None, timeout=15)
        return result.stdout.decode("utf-8", "surrogateescape")

    def go(self):
        open(os.path.join(self.dir, "go"), "w").close()
        self.wait_file("synq.pid", 5)

    def display(self, fmt):
        return self.tmux("display-message", "-p", "-t", "main", fmt).rstrip("\n")

    @property
    def title(self):
        return self.display("#{pane_title}")

    @property
    def window_name(self):
        return self.display("#{window_name}")

    @property
    def alternate_on(self):
        return self.display("#{alternate_on}") == "1"

    def screen(self, escapes=False):
        args = ["capture-pane", "-p", "-t", "main"] + (["-e"] if escapes else [])
        return self.tmux(*args)

    def send(self, *keys):
        self.tmux("send-keys", "-t", "main", *keys)

    def type(self, text):
        self.tmux("send-keys", "-t", "main", "-l", text)

    def wait_for(self, condition, timeout=15.0):
        """A settled screen (two identical captures in a row, as the Swift tests' tmux driver
        reads it) that satisfies condition: (True, screen), or (False, last capture)."""
        deadline = time.monotonic() + timeout
        previous, last = None, ""
        while time.monotonic() < deadline:
            last = self.screen()
            if last == previous and condition(last):
                return True, last
            previous = last
            time.sleep(0.1)
        return False, last

    def wait_text(self, text, timeout=15.0):
        return self.wait_for(lambda s: text in s, timeout)

    def wait_file(self, name, timeout):
        deadline = time.monotonic() + timeout
        path = os.path.join(self.dir, name)
        while time.monotonic() < deadline:
            if os.path.exists(path) and os.path.getsize(path) > 0:
                return True
            time.sleep(0.02)
        return False

    def read(self, name):
        try:
            with open(os.path.join(self.dir, name)) as handle:
                return handle.read()
        except OSError:
            return None

    @property
    def pid(self):
        text = self.read("synq.pid")
        return int(text) if text and text.strip().isdigit() else None

    def alive(self):
        pid = self.pid
        if pid is None:
            return False
        try:
            with open(f"/proc/{pid}/stat") as handle:
                state = handle.read().rsplit(")", 1)[1].split()[0]
            return state not in ("Z", "X")
        except OSError:
            return False

    def exit_status(self, timeout=10.0):
        if self.wait_file("synq.status", timeout):
            return int(self.read("synq.status").strip())
        return None

    def close(self):
        self.tmux("kill-server")
        shutil.rmtree(self.dir, ignore_errors=True)


# ---- text as the terminal shows it ----

_libc = ctypes.CDLL(ctypes.util.find_library("c"))
_libc.setlocale.restype = ctypes.c_char_p
_libc.setlocale(6, b"C.UTF-8")  # LC_ALL


def wcwidth(char):
    """Columns the C library (and so tmux) gives one code point."""
    width = _libc.wcwidth(ctypes.c_wchar(char))
    if width < 0:
        return 0 if unicodedata.combining(char) else 1
    return width


def cells(line):
    """The line as tmux's screen cells: a wide character is followed by a '' continuation
    cell, zero-width characters join the cell before them, and so does any character right
    after a zero width joiner (tmux 3.3 keeps the width of the joined sequence's first
    character)."""
    result = []
    joined = False
    for char in line:
        width = wcwidth(char)
        if (width == 0 or joined) and result:
            joined = char == "\u200d"
            index = len(result) - 1
            while index > 0 and result[index] == "":
                index -= 1
            result[index] += char
            continue
        joined = char == "\u200d"
        result.append(char)
        if width == 2:
            result.append("")
    return result


UNSAFE_RANGES = [(0x00, 0x1F), (0x7F, 0x9F), (0x200E, 0x200F), (0x202A, 0x202E), (0x2066, 0x2069),
                 (0x061C, 0x061C), (0x2028, 0x2029), (0xFEFF, 0xFEFF)]


def is_unsafe(char):
    value = ord(char)
    return any(low <= value <= high for low, high in UNSAFE_RANGES)


def sanitized(text):
    """What Sources/SynqText/Sanitizer.swift makes of `text`."""
    out = []
    for char in text:
        if is_unsafe(char):
            value = ord(char)
            out.append(f"\\x{value:02x}" if value <= 0xFF else f"\\u{{{value:04X}}}")
        else:
            out.append(char)
    return "".join(out)


def terminal_hazards(data, allowed=b"\n"):
    """Everything in bytes meant for a terminal that could drive it: C0 (but `allowed`), DEL,
    C1 code points, bidi controls, and bytes that are not UTF-8 (a lone 0x9b is CSI)."""
    found = []
    for byte in set(data):
        if (byte < 0x20 or byte == 0x7F) and bytes([byte]) not in allowed:
            found.append(f"raw byte 0x{byte:02x}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        found.append(f"invalid UTF-8 at byte {error.start}")
        text = data.decode("utf-8", "replace")
    for char in set(text):
        value = ord(char)
        if 0x80 <= value <= 0x9F:
            found.append(f"C1 U+{value:04X}")
        elif value > 0x7F and is_unsafe(char):
            found.append(f"U+{value:04X}")
    return sorted(found)


def write_result(name, markdown):
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, name), "w") as handle:
        handle.write(markdown)


def markdown_table(header, rows):
    def cell(value):
        return str(value).replace("|", "\\|").replace("\n", " ")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
