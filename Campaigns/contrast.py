#!/usr/bin/env python3
"""Contrast on real screens: every built-in theme on xterm-256color, xterm and linux.

Usage:
    swift build && Campaigns/contrast.py [--theme NAME ...] [--term TERM ...]

For each theme and terminal type, `synq demo --theme NAME` runs in a tmux pane (private
socket, 100x30, TERM set for synq) and is driven through five screens: the synchronizers
pane with a row marked and the selection moved, the preferences pane, the Synvo keys pane,
the help overlay, and a filter being typed. Each settled screen is read with
`tmux capture-pane -e`; every visible character's foreground and background (SGR 30-37,
90-97, 38;5;N, 38;2;R;G;B, their backgrounds, `default`) is turned into RGB with xterm's
default palette, `default` meaning the background the theme is made for (black for dark
themes, white for `light`; the terminal's own text colour light grey or black), reverse
swapping the two. Its WCAG 2 contrast ratio is computed; bold text in one of the eight basic
colours counts at the worse of that colour and its bright variant (bold-is-bright terminals).
`dim` is not counted.

Prints a Markdown table of the worst cell per theme and terminal (with the text it was in)
and writes it to Campaigns/results/contrast.md. Exit status 0 when no cell is below 4.5:1
(7:1 for high-contrast; 3:1 for box-drawing characters, which are borders, not text).
"""

import argparse
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tty_campaign import SYNQ, Pane, base_env, markdown_table, write_result  # noqa: E402

THEMES = {"default": "dark", "light": "light", "high-contrast": "dark", "monochrome": "dark"}
REQUIRED = {"high-contrast": 7.0}
TERMS = ["xterm-256color", "xterm", "linux"]

BASE16 = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
          (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]


def palette(index):
    if index < 16:
        return BASE16[index]
    if index < 232:
        value = index - 16
        levels = [0, 95, 135, 175, 215, 255]
        return (levels[value // 36], levels[value // 6 % 6], levels[value % 6])
    gray = 8 + (index - 232) * 10
    return (gray, gray, gray)


def luminance(rgb):
    def linear(c):
        v = c / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])


def ratio(a, b):
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def apply_sgr(state, params):
    codes = [int(p) if p.isdigit() else 0 for p in re.split("[;:]", params)] if params else [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            state.update(fg=None, bg=None, bold=False, reverse=False)
        elif c == 1:
            state["bold"] = True
        elif c == 22:
            state["bold"] = False
        elif c == 7:
            state["reverse"] = True
        elif c == 27:
            state["reverse"] = False
        elif 30 <= c <= 37:
            state["fg"] = ("i", c - 30)
        elif 90 <= c <= 97:
            state["fg"] = ("i", c - 90 + 8)
        elif 40 <= c <= 47:
            state["bg"] = ("i", c - 40)
        elif 100 <= c <= 107:
            state["bg"] = ("i", c - 100 + 8)
        elif c == 39:
            state["fg"] = None
        elif c == 49:
            state["bg"] = None
        elif c in (38, 48) and i + 1 < len(codes):
            key = "fg" if c == 38 else "bg"
            if codes[i + 1] == 5 and i + 2 < len(codes):
                state[key] = ("i", codes[i + 2])
                i += 2
            elif codes[i + 1] == 2 and i + 4 < len(codes):
                state[key] = ("rgb", tuple(codes[i + 2:i + 5]))
                i += 4
        i += 1


def cell_contrast(state, background):
    default_fg, default_bg = ((229, 229, 229), (0, 0, 0)) if background == "dark" else ((0, 0, 0), (255, 255, 255))

    def rgb(colour, default):
        if colour is None:
            return default
        return palette(colour[1]) if colour[0] == "i" else colour[1]

    fg, bg = rgb(state["fg"], default_fg), rgb(state["bg"], default_bg)
    if state["reverse"]:
        fg, bg = bg, fg
    worst = ratio(fg, bg)
    colour = state["fg"]
    if state["bold"] and not state["reverse"] and colour is not None and colour[0] == "i" and colour[1] < 8:
        worst = min(worst, ratio(palette(colour[1] + 8), bg))
    return worst, state_text(state)


def state_text(state):
    def name(colour):
        if colour is None:
            return "default"
        return str(colour[1]) if colour[0] == "i" else "#%02x%02x%02x" % colour[1]
    attrs = [a for a in ("bold", "reverse") if state[a]]
    return f"fg {name(state['fg'])} bg {name(state['bg'])}" + (" " + "+".join(attrs) if attrs else "")


def is_line_drawing(char):
    """Box-drawing characters are not text: WCAG 1.4.11 asks 3:1 of them (the theme's `border`)."""
    return 0x2500 <= ord(char) <= 0x257F


def worst_cell(capture, background, required):
    """(ratio, description, words, bar) of the visible character furthest below its bar (the
    text bar, or 3:1 for line drawing)."""
    worst = (99.0, "", "", required)
    for line in capture.split("\n"):
        state = dict(fg=None, bg=None, bold=False, reverse=False)
        position = 0
        plain = SGR.sub("", line)
        column = 0
        for match in list(SGR.finditer(line)) + [None]:
            end = match.start() if match else len(line)
            for char in line[position:end]:
                if not char.isspace():
                    value, text = cell_contrast(state, background)
                    bar = 3.0 if is_line_drawing(char) else required
                    if value / bar < worst[0] / worst[3]:
                        words = plain[max(0, column - 12):column + 12].strip()
                        worst = (value, text, words, bar)
                column += 1
            if match:
                apply_sgr(state, match.group(1))
                position = match.end()
    return worst


def run(theme, term, required):
    env = base_env()
    pane = Pane(["env", f"TERM={term}", SYNQ, "demo", "--refresh", "60", "--theme", theme], env, width=100, height=30)
    results = []
    try:
        pane.go()
        ok, _ = pane.wait_text("node", 20)
        if not ok:
            return [("start", 0.0, "fleet never shown", "", required)]
        steps = [("synchronizers", ["m", "j", "j"]), ("preferences", ["2"]), ("Synvo keys", ["3"]),
                 ("help", ["?"]), ("filter", ["Escape", "1", "/"])]
        for name, keys in steps:
            for key in keys:
                pane.send(key)
                time.sleep(0.15)
            if name == "filter":
                pane.type("nod")
            pane.wait_for(lambda s: True, 5)
            value, text, words, bar = worst_cell(pane.screen(escapes=True), THEMES[theme], required)
            results.append((name, value, text, words, bar))
        pane.send("Escape")
        pane.send("q")
    finally:
        pane.close()
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--theme", action="append", choices=list(THEMES))
    parser.add_argument("--term", action="append")
    args = parser.parse_args()
    started = time.monotonic()
    rows, failed = [], False
    for theme in args.theme or list(THEMES):
        required = REQUIRED.get(theme, 4.5)
        for term in args.term or TERMS:
            screens = run(theme, term, required)
            screen, value, text, words, bar = min(screens, key=lambda r: r[1] / r[4])
            passed = value >= bar
            failed |= not passed
            rows.append([theme, term, "%.2f" % value, "%.1f" % bar, screen, f"{text} (`{words}`)",
                         "pass" if passed else "FAIL"])
    table = markdown_table(["theme", "TERM", "worst cell", "bar", "screen", "colours (text around it)", "result"], rows)
    text = ("# Contrast on real screens\n\n`synq demo` in tmux 100x30, five screens each (synchronizers with a mark, "
            "preferences, Synvo keys, help, filter), read with `capture-pane -e`; WCAG ratio per visible character with "
            "xterm's default palette, `default` = the theme's background (black, or white for `light`); bold in a basic "
            f"colour counts at its bright variant too; the bar is 4.5:1 for text (7:1 for high-contrast) and 3:1 for "
            "line drawing (borders); run time {time.monotonic() - started:.0f} s.\n\n" + table)
    print(text)
    write_result("contrast.md", text)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
