#!/usr/bin/env python3
"""Hostile server data through a real terminal.

Usage:
    swift build && Campaigns/hostile.py [--case NAME ...] [--keep]

Starts `.build/debug/synq sandbox --port 0 --quiet` (SYNQ_BIN overrides the binary), arms
`body` faults on the synchronizer list (GET /api/synq-keys/enterprise/synchronizers) and the
Synvo key list (GET /user/api_keys/list) whose names and fields carry terminal escapes
(ESC/CSI, OSC titles, OSC 8, OSC 52, DCS queries, BEL, C0, DEL, C1 as code points),
bidi controls, zero-width joiners, combining marks, wide CJK and emoji, a 10,000-character
name, and bodies with invalid UTF-8 (a raw 0x9b CSI byte among them). For each case it runs
`synq tui --refresh 1` in tmux (private socket, 100x30) and checks:

- pane title kept: `#{pane_title}` (and the window name) are what they were before synq ran;
- escapes visible: every hostile field shows as the sanitizer's visible escapes (`\\x1b`),
  and `capture-pane -e` carries none of the hostile SGR attributes (blink, colour 201,
  hidden) or hyperlinks; the alternate screen stays on;
- alignment: on every line of the table frame the box characters sit in the same columns,
  the line is exactly the pane's width, and each row's STATE/STATUS cell starts in the
  header's column;
- alive: the program still runs, `?` opens Help, `q` exits 0 with `stty -a` unchanged;
- headless clean: `synq synchronizers list`, `--json`, `synq keys list`, `--json` print no
  raw ESC, BEL, other C0, DEL, C1 or bidi control and no invalid UTF-8 (on stdout or
  stderr), JSON round-trips the hostile names exactly, and the exit code is the documented
  one (0, or 65 for an unreadable body).

Prints a Markdown table and writes it to Campaigns/results/hostile.md. Exit status 0 when
every case passes. A self-check first proves the title detector works (a raw OSC 0 printed
in a pane does change the title). Takes about a minute.
"""

import argparse
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tty_campaign import (  # noqa: E402
    SYNCHRONIZERS_ROUTE, SYNQ, SYNVO_KEYS_ROUTE, Pane, Sandbox, base_env, cells, is_unsafe,
    markdown_table, sanitized, terminal_hazards, write_result,
)

WIDTH, HEIGHT = 100, 30
CREATED = "2024-01-15T10:30:00Z"
BOX = set("┌┐└┘│─├┤┬┴┼")

# ---- the hostile data ----

ESCAPE_NAMES = [
    "E01 clear\x1b[2J\x1b[3J\x1b[H",
    "E02 move\x1b[10;5Hxx\x1b[A\x1b[3D\x1b[s\x1b[u\x1bD\x1bM",
    "E03 sgr\x1b[5;31;48;5;201mRED\x1b[8mhidden",
    "E04 title\x1b]0;PWNED\x07",
    "E05 title2\x1b]2;PWNED2\x1b\\",
    "E06 link\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    "E07 bell\x07\x07\x07",
    "E08 c1 " + "".join(chr(c) for c in range(0x80, 0x88)),
    "E09 c1 " + "".join(chr(c) for c in range(0x88, 0x90)),
    "E10 c1 " + "".join(chr(c) for c in range(0x90, 0x98)),
    "E11 c1 " + "".join(chr(c) for c in range(0x98, 0xA0)),
    "E12 query\x1b[6n\x1b[c\x1bP+q544e\x1b\\",
    "E13 winname\x1bkPWNWIN\x1b\\",
    "E14 osc52\x1b]52;c;cHduZWQ=\x07",
    "E15 nl\nline\rcr\ttab\x00nul\x7fdel",
    "E16 c1csi\u009b2J\u009d0;PWNC1\u009c",
    "E17 reset\x1bc\x1b[!p\x1b[?1049l\x1b[?25l",
    "E18 mouse\x1b[?1000h\x1b[?2004l\x1b(0qqq\x1b(B",
]

UNICODE_NAMES = [
    "U01 bidi \u202eevil\u202c gpj.exe",
    "U02 isolates \u2066a\u2069 \u2067b\u2069 \u2068c\u2069",
    "U03 marks \u200fRLM \u200eLRM \u061cALM \u202aLRE \u202bRLE \u202dLRO",
    "U04 zw a\u200db\u200bc\u2060d\ufeffe",
    "U05 family \U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466 end",
    "U06 combining e\u0301\u0302\u0303\u0304\u0305\u0306 end",
    "U07 zalgo Z\u0337\u0322\u031b\u032f\u032ea\u0336\u0321l\u0334\u0328g\u0337\u0322o end",
    "U08 wide 漢字テスト한국어 end",
    "U09 emoji \U0001F600\U0001F680\U0001F389 flag \U0001F1EF\U0001F1F5 heart \u2764\ufe0f end",
    "U10 fullwidth ＡＢＣ halfwidth ｱｲｳ end",
    "U11 separators \u2028LS\u2029PS end",
    "U12 unassigned \u0378 \U000E0001 \U0010FFFD end",
    "U13 mixed 漢\U0001F600\u0301a\u200d漢 end",
    "U14 \u0301\u0302 mark-first end",
    "U15 jamo \u1100\u1161\u11a8 end",
]

NORMAL_NAMES = ["N01 plain-node", "N02 another-node"]


def long_name(marker, pattern):
    text = marker + " " + pattern * (10_000 // len(pattern) + 1)
    return text[:10_000]


LONG_NAMES = [
    long_name("L01", "long-\x1b[2J-漢字-\U0001F600-e\u0301-\u202e-"),
    long_name("L02", "x"),
]


def synchronizer(name, index, key=None, ident=None):
    marker = name.split(" ", 1)[0]
    return {
        "id": ident if ident is not None else f"{marker}-id\x1b[2J",
        "key": key if key is not None else f"\x1b]52;c;cHduZWQ=\x07{marker}\x9b31m",
        "name": name,
        "isEnabled": index % 2 == 0,
        "createdAt": CREATED,
    }


def synvo_key(name, index, ident=None):
    marker = name.split(" ", 1)[0]
    return {
        "key_id": ident if ident is not None else f"key_{marker}\x1b[31m\u009b",
        "name": name,
        "status": ["ACTIVE", "REVOKED", "DISABLED", "ACTIVE\x1b[2J"][index % 4],
        "created_at": CREATED,
        "last_used_at": None,
    }


def lists(names, long_fields=False):
    syncs, keys = [], []
    for index, name in enumerate(names + NORMAL_NAMES):
        extra = {}
        if long_fields and name.startswith("L01"):
            extra = {"key": "K" + name, "ident": "I" + name}
        syncs.append(synchronizer(name, index, **extra))
        keys.append(synvo_key(name, index, ident=("I" + name) if long_fields and name.startswith("L01") else None))
    sync_body = json.dumps({"success": True, "synchronizers": syncs}, ensure_ascii=False).encode()
    key_body = json.dumps({"success": True, "items": keys}, ensure_ascii=False).encode()
    return sync_body, key_body


BAD_UTF8 = b"X01 raw csi \x9b2J \xff\xfe overlong \xc0\xaf surrogate \xed\xa0\x80 end"


def utf8_in_name_bodies():
    good_syncs = [synchronizer(n, i) for i, n in enumerate(NORMAL_NAMES)]
    good_keys = [synvo_key(n, i) for i, n in enumerate(NORMAL_NAMES)]
    sync_body = (b'{"success":true,"synchronizers":[' + b",".join(json.dumps(s).encode() for s in good_syncs)
                 + b',{"id":"bad1","key":"k","name":"' + BAD_UTF8 + b'","isEnabled":true}]}')
    key_body = (b'{"success":true,"items":[' + b",".join(json.dumps(k).encode() for k in good_keys)
                + b',{"key_id":"key_bad1","name":"' + BAD_UTF8 + b'","status":"ACTIVE"}]}')
    return sync_body, key_body


def utf8_body_bodies():
    return (b'\x9b2J\xff\xfe{"success":true,"synchronizers":[]}\xc0\xaf',
            b'\x9b2J\xff\xfe{"success":true,"items":[]}\xed\xa0\x80')


class Case:
    def __init__(self, name, description, bodies, names=(), arm_after_start=False, expect_exit=0,
                 expect_message=None, keys_message=None):
        self.name = name
        self.description = description
        self.bodies = bodies
        self.names = list(names)
        self.arm_after_start = arm_after_start
        self.expect_exit = expect_exit
        self.expect_message = expect_message
        self.keys_message = keys_message

    @property
    def hostile_rows(self):
        return bool(self.names)


CASES = [
    Case("escapes", "ESC/CSI (clear, cursor moves, SGR), OSC 0/2 titles, OSC 8, OSC 52, DCS/DSR queries, BEL, C0, DEL, C1 U+0080-009F, 8-bit CSI/OSC code points, RIS, alt-screen off",
         lists(ESCAPE_NAMES), names=ESCAPE_NAMES),
    Case("unicode", "bidi overrides/isolates/marks, ZWJ/ZWSP/WJ/BOM, combining marks (6 on one base, zalgo, mark first), CJK, Hangul jamo, emoji, ZWJ family, flags, VS16, fullwidth, LS/PS, unassigned",
         lists(UNICODE_NAMES), names=UNICODE_NAMES),
    Case("long-name", "10,000-character names (hostile mix and plain), 10,000-character key and id",
         lists(LONG_NAMES, long_fields=True), names=LONG_NAMES),
    Case("invalid-utf8-in-name", "raw 0x9b, 0xff 0xfe, overlong 0xc0 0xaf, surrogate 0xed 0xa0 0x80 inside one name string "
         "(the synchronizer is skipped with a message; the key, whose name is optional, shows as “(unnamed)”)",
         utf8_in_name_bodies(), expect_message="could not be read", keys_message="(unnamed)"),
    Case("invalid-utf8-body", "body starts with raw 0x9b 0x32 0x4a 0xff 0xfe (and ends with invalid bytes), armed while running",
         utf8_body_bodies(), arm_after_start=True, expect_exit=65, expect_message="unreadable response"),
]


# ---- checks ----

def frame_bounds(lines):
    top = next((i for i, line in enumerate(lines) if line.startswith("┌")), None)
    if top is None:
        return None, None
    bottom = next((i for i in range(top + 1, len(lines)) if lines[i].startswith("└")), None)
    return top, bottom


def column_of(row_cells, word):
    for index in range(len(row_cells)):
        if "".join(row_cells[index:index + len(word)]) == word:
            return index
    return None


def check_alignment(screen, state_word, states):
    """Box characters in the same columns on every frame line, every line exactly WIDTH
    cells, and each data row's state cell in the header's column."""
    problems = []
    lines = screen.split("\n")
    top, bottom = frame_bounds(lines)
    if top is None or bottom is None:
        return ["no table frame on screen"], 0
    for number, line in enumerate(lines[:HEIGHT]):
        if len(cells(line)) > WIDTH:
            problems.append(f"line {number} is {len(cells(line))} cells wide")
    header = cells(lines[top + 1])
    state_col = column_of(header, state_word)
    if state_col is None:
        problems.append(f"no {state_word} header")
    rows = 0
    for number in range(top, bottom + 1):
        row = cells(lines[number])
        if len(row) != WIDTH:
            problems.append(f"line {number}: {len(row)} cells, not {WIDTH}")
            continue
        edge = {"┌": "┐", "└": "┘", "│": "│"}
        if row[0] not in edge or row[-1] != edge[row[0]]:
            problems.append(f"line {number}: borders {row[0]!r}…{row[-1]!r}")
        inner_box = [i for i, c in enumerate(row[1:-1], 1) if c and c[0] in BOX and c[0] != "─"]
        if number not in (top, bottom) and inner_box:
            problems.append(f"line {number}: box character inside the frame at {inner_box}")
        if number > top + 1 and number < bottom and state_col is not None and "".join(row[1:-1]).strip():
            rows += 1
            state = "".join(row[state_col:state_col + 8]).strip()
            if state not in states or row[state_col - 1] != " ":
                problems.append(f"line {number}: {state_word} column holds {''.join(row[state_col - 1:state_col + 9])!r}")
    return problems, rows


def name_cell(row, name_col, end_col):
    return "".join(row[name_col:end_col]).rstrip()


def skeleton(text):
    """The printable ASCII of a text but spaces: the visible escapes and plain letters, without
    blanks (a zero-width cluster or a narrow emoji may take a blank cell) or the glyphs
    whose drawing is the terminal's business (wide, combining, joined, unassigned)."""
    return "".join(c for c in text if " " < c <= "~")


def check_visible(screen, names, end_word, info):
    """Each hostile name shows every one of its visible escapes and ASCII characters, in
    order, as the sanitizer writes them (a truncated row shows a prefix and "…"), and no
    unsafe character reaches the screen. Differences in how non-ASCII glyphs are drawn go
    to `info`, not to the problems."""
    problems = []
    lines = screen.split("\n")
    top, bottom = frame_bounds(lines)
    if top is None or bottom is None:
        return ["no table frame"]
    header = cells(lines[top + 1])
    name_col = column_of(header, "NAME")
    end_col = column_of(header, end_word)
    if name_col is None or end_col is None:
        return ["no NAME header"]
    shown = {}
    for number in range(top + 2, bottom):
        row = cells(lines[number])
        text = name_cell(row, name_col, end_col)
        if text:
            shown[text.split(" ", 1)[0]] = text
    for name in names:
        marker = name.split(" ", 1)[0]
        expected = sanitized(name)
        text = shown.get(marker)
        if text is None:
            problems.append(f"{marker} not on screen")
            continue
        leaked = sorted({f"U+{ord(c):04X}" for c in text if is_unsafe(c)})
        if leaked:
            problems.append(f"{marker}: raw {', '.join(leaked)} on screen")
        truncated = text.endswith("…")
        got, want = skeleton(text.rstrip("…").rstrip()), skeleton(expected)
        if not (got == want or (truncated and want.startswith(got) and len(got) >= min(len(want), 12))):
            problems.append(f"{marker}: shows {got[:60]!r}, expected {want[:60]!r}")
        elif not (text == expected or (truncated and expected.startswith(text.rstrip("…").rstrip()))):
            info.add(f"{marker} drawn as {text[:40]!r} for {expected[:40]!r}")
    return problems


LEAK_MARKERS = {"\x1b[5m": "blink", "\x1b[48;5;201m": "colour 201", "\x1b[8m": "hidden", "\x1b]8;": "OSC 8 hyperlink"}


def check_escape_capture(pane):
    styled = pane.screen(escapes=True)
    return [f"capture -e has {what}" for marker, what in LEAK_MARKERS.items() if marker in styled]


def headless(sandbox, case):
    """The four list commands against the same data: clean output and the right exit code."""
    env = base_env()
    env.update(sandbox.env())
    problems = []
    commands = [["synchronizers", "list"], ["synchronizers", "list", "--json"], ["keys", "list"], ["keys", "list", "--json"]]
    for arguments in commands:
        label = " ".join(arguments)
        result = subprocess.run([SYNQ, *arguments], capture_output=True, env=env, timeout=60)
        if result.returncode != case.expect_exit:
            problems.append(f"`{label}` exit {result.returncode} (want {case.expect_exit}): {result.stderr[:160]!r}")
        for stream, data in (("stdout", result.stdout), ("stderr", result.stderr)):
            hazards = terminal_hazards(data)
            if hazards:
                problems.append(f"`{label}` {stream}: {', '.join(hazards[:6])}")
        if case.expect_exit != 0:
            if result.stdout:
                problems.append(f"`{label}` printed to stdout on error")
            if result.stderr.count(b"\n") != 1:
                problems.append(f"`{label}` error is not one line: {result.stderr[:200]!r}")
        elif "--json" in arguments and case.hostile_rows:
            try:
                data = json.loads(result.stdout)
                collection = data["synchronizers"] if arguments[0] == "synchronizers" else data["keys"]
                got = {entry["name"] for entry in collection}
                missing = [n.split(" ", 1)[0] for n in case.names if n not in got]
                if missing:
                    problems.append(f"`{label}` JSON lost or changed {missing}")
            except (ValueError, KeyError) as error:
                problems.append(f"`{label}` JSON unreadable: {error}")
    return problems


# ---- one case ----

def run_case(sandbox, case):
    sandbox.clear()
    sync_body, key_body = case.bodies
    if not case.arm_after_start:
        sandbox.arm_body(SYNCHRONIZERS_ROUTE, sync_body)
        sandbox.arm_body(SYNVO_KEYS_ROUTE, key_body)
    env = base_env()
    env.update(sandbox.env())
    pane = Pane([SYNQ, "tui", "--refresh", "1"], env, WIDTH, HEIGHT)
    result = {"case": case.name, "title": "no", "visible": "no", "alignment": "no", "alive": "no", "headless": "no", "notes": [],
              "info": set()}
    notes = result["notes"]
    info = result["info"]
    try:
        before = (pane.title, pane.window_name)
        pane.go()
        expected_rows = len(case.names) + len(NORMAL_NAMES)
        if case.arm_after_start:
            ok, screen = pane.wait_text("Synchronizers (40)")
            if not ok:
                notes.append("fleet never shown before arming")
            sandbox.arm_body(SYNCHRONIZERS_ROUTE, sync_body)
            sandbox.arm_body(SYNVO_KEYS_ROUTE, key_body)
        elif case.hostile_rows:
            ok, screen = pane.wait_text(f"Synchronizers ({expected_rows})")
            if not ok:
                notes.append(f"list of {expected_rows} never shown")
        else:
            ok, screen = pane.wait_text(f"Synchronizers ({len(NORMAL_NAMES)})")
            if not ok:
                notes.append("the readable rows were never shown")
        time.sleep(2.5)  # a few refreshes at 1 s: the change highlighting and redraws run too

        visible, alignment = [], []
        synchronizers = pane.screen()
        if case.expect_message:
            ok, synchronizers = pane.wait_text(case.expect_message, timeout=8)
            message = next((line.strip() for line in synchronizers.split("\n") if case.expect_message in line), "")
            if ok:
                result["visible"] = f"n/a; error shown: “{message[:70]}”"
            else:
                visible.append(f"no “{case.expect_message}” on screen")
            hazards = [c for c in message if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F]
            if hazards:
                visible.append("the error line has control characters")
        if case.hostile_rows:
            visible += check_visible(synchronizers, case.names, "STATE", info)
            detail = [line for line in synchronizers.split("\n") if line.startswith(" key ")]
            first = min(json.loads(case.bodies[0])["synchronizers"], key=lambda s: s["name"])
            want = sanitized(first["key"])[:8]
            if not detail or want not in detail[0]:
                visible.append(f"detail line lacks the visible key {want!r}")
        visible += check_escape_capture(pane)
        if not pane.alternate_on:
            visible.append("alternate screen was switched off")
        problems, rows = check_alignment(synchronizers, "STATE", {"enabled", "disabled"})
        alignment += problems

        pane.send("3")
        if case.keys_message:
            ok, keys = pane.wait_text(case.keys_message, timeout=10)
            if not ok:
                visible.append(f"keys pane lacks {case.keys_message}")
        elif case.expect_message:
            def keys_error(screen):
                tail = "\n".join(screen.split("\n")[-5:])
                return "Synvo API" in tail or "could not be read" in tail
            ok, keys = pane.wait_for(keys_error, timeout=10)
            if not ok:
                visible.append("keys pane shows no error: " + " / ".join(l.strip() for l in keys.split("\n")[-4:] if l.strip()))
        else:
            ok, keys = pane.wait_text(f"Synvo keys ({expected_rows})")
            if not ok:
                visible.append("keys list never shown")
            time.sleep(1.5)
            keys = pane.screen()
        if case.hostile_rows:
            visible += check_visible(keys, case.names, "KEY ID", info)
        visible += check_escape_capture(pane)
        problems, key_rows = check_alignment(keys, "STATUS", {"ACTIVE", "REVOKED", "DISABLED", "UNKNOWN"})
        alignment += ["keys: " + p for p in problems]

        after = (pane.title, pane.window_name)
        if after == before:
            result["title"] = "yes"
        else:
            result["title"] = "NO"
            notes.append(f"title/window {before} became {after}")

        if not visible and result["visible"] == "no":
            result["visible"] = f"yes ({len(case.names)} hostile rows × 2 panes)"
        elif visible:
            result["visible"] = "NO"
            notes += visible
        if not alignment:
            result["alignment"] = f"yes ({rows}+{key_rows} rows)"
        else:
            result["alignment"] = "NO"
            notes += alignment

        alive = pane.alive()
        pane.send("?")
        help_ok, _ = pane.wait_text("Help", timeout=5)
        pane.send("Escape")
        pane.send("q")
        status = pane.exit_status()
        restored = pane.read("stty-before") == pane.read("stty-after")
        if alive and help_ok and status == 0 and restored:
            result["alive"] = "yes (? → Help, q → 0, stty same)"
        else:
            result["alive"] = "NO"
            notes.append(f"alive={alive} help={help_ok} exit={status} stty-restored={restored}")
    finally:
        pane.close()

    sandbox.clear()
    sandbox.arm_body(SYNCHRONIZERS_ROUTE, sync_body)
    sandbox.arm_body(SYNVO_KEYS_ROUTE, key_body)
    problems = headless(sandbox, case)
    sandbox.clear()
    if problems:
        result["headless"] = "NO"
        notes += problems
    else:
        result["headless"] = "yes" if case.expect_exit == 0 else f"yes (exit {case.expect_exit}, one line)"
    return result


def self_check():
    """The title detector can fail: a raw OSC 0 printed in a pane changes the title."""
    pane = Pane(["sh", "-c", "printf '\\033]0;PWNED\\007'; sleep 5"], base_env(), 40, 5)
    try:
        pane.go()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and pane.title != "PWNED":
            time.sleep(0.05)
        return pane.title == "PWNED"
    finally:
        pane.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", action="append", help="run only this case (repeatable)")
    args = parser.parse_args()
    if not os.access(SYNQ, os.X_OK):
        sys.exit(f"hostile.py: {SYNQ} is missing; run `swift build` first")
    started = time.monotonic()
    detector = self_check()
    sandbox = Sandbox(["--rate-limit", "100000"])
    rows = []
    try:
        for case in CASES:
            if args.case and case.name not in args.case:
                continue
            result = run_case(sandbox, case)
            verdict = "pass" if all(result[k].startswith(("yes", "n/a")) for k in ("title", "visible", "alignment", "alive", "headless")) else "FAIL"
            result["result"] = verdict
            rows.append(result)
            print(f"{case.name}: {verdict}", file=sys.stderr)
    finally:
        sandbox.stop()
    elapsed = time.monotonic() - started
    table = markdown_table(
        ["case", "pane title kept", "escapes visible", "alignment", "alive", "headless clean", "result"],
        [[r["case"], r["title"], r["visible"], r["alignment"], r["alive"], r["headless"], r["result"]] for r in rows],
    )
    details = ["", "Cases:", ""]
    details += [f"- `{c.name}`: {c.description}" for c in CASES if not args.case or c.name in args.case]
    notes = [f"- `{r['case']}`: " + "; ".join(r["notes"]) for r in rows if r["notes"]]
    if notes:
        details += ["", "Failures:", ""] + notes
    info = [f"- `{r['case']}`: " + "; ".join(sorted(r["info"])) for r in rows if r["info"]]
    if info:
        details += ["", "Glyph notes (not failures: every escape and ASCII character is shown, in place; "
                    "these are how the renderer and tmux draw non-ASCII glyphs):", ""] + info
    text = (f"# Hostile data through a real terminal\n\n"
            f"{subprocess.run(['tmux', '-V'], capture_output=True, text=True).stdout.strip()}, "
            f"{WIDTH}x{HEIGHT}, `synq tui --refresh 1`; title detector self-check "
            f"(raw OSC 0 in a pane changes `#{{pane_title}}`): {'works' if detector else 'BROKEN'}; "
            f"run time {elapsed:.0f} s.\n\n" + table + "\n".join(details) + "\n")
    print(text)
    write_result("hostile.md", text)
    failed = not detector or any(r["result"] != "pass" for r in rows)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
