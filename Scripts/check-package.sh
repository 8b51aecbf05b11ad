#!/usr/bin/env bash
# Checks dist/synq_*.deb the way a user on a fresh Debian 12 server meets it: in a clean
# `debootstrap --variant=minbase bookworm` root (no Swift anywhere), it must install with
# `apt-get install ./synq_….deb` pulling only Debian packages, then
#   synq --version, the man page and completions are in place,
#   synq synchronizers list works against a sandbox on loopback (the same binary, inside the root),
#   synq demo draws the fleet in tmux inside the root and quits cleanly.
#
# Usage (as root; needs debootstrap and network access to the Debian mirror):
#   Scripts/package.sh && Scripts/check-package.sh [dist/synq_VERSION_amd64.deb]
# The pristine root is built once into .build-debian/bookworm-minbase (gitignored; set
# SYNQ_DEBIAN_BASE to keep it elsewhere) and copied afresh for every check.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
die() { echo "check-package.sh: FAIL: $*" >&2; exit 1; }
step() { echo "==> $*"; }

[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot, mounts)"
deb=${1:-$(ls -t "$root"/dist/synq_*_amd64.deb 2>/dev/null | head -1)}
[ -n "$deb" ] && [ -f "$deb" ] || die "no package: run Scripts/package.sh first"
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
base=${SYNQ_DEBIAN_BASE:-$root/.build-debian/bookworm-minbase}
target=$(dirname "$base")/check-root

if [ ! -x "$base/usr/bin/apt-get" ]; then
    command -v debootstrap >/dev/null 2>&1 || die "debootstrap is missing (apt-get install debootstrap)"
    step "debootstrap --variant=minbase bookworm into $base (once; a few minutes)"
    rm -rf "$base.partial"
    mkdir -p "$(dirname "$base")"
    debootstrap --variant=minbase bookworm "$base.partial" "$mirror" >"$(dirname "$base")/debootstrap.log" 2>&1 \
        || die "debootstrap failed, see $(dirname "$base")/debootstrap.log"
    mv "$base.partial" "$base"
fi

mounted=()
cleanup() {
    local status=$?
    chroot "$target" tmux -L synq-check kill-server >/dev/null 2>&1 || true
    [ -n "${sandbox_pid:-}" ] && kill "$sandbox_pid" 2>/dev/null && wait "$sandbox_pid" 2>/dev/null
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}"; done
    [ "$status" = 0 ] && rm -rf "$target"
    exit "$status"
}
trap cleanup EXIT
bind() { mount --bind "$1" "$target$1"; mounted+=("$target$1"); }

step "fresh copy of the clean root at $target"
rm -rf "$target"
cp -a "$base" "$target"
mount -t proc proc "$target/proc"; mounted+=("$target/proc")
bind /dev
bind /dev/pts
cp /etc/resolv.conf "$target/etc/resolv.conf"
in_root() { chroot "$target" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 TERM=xterm-256color "$@"; }

in_root test ! -e /opt/swift || die "the root has a Swift toolchain"
before=$(in_root dpkg-query -W -f '${Package}\n' | sort)

step "apt-get install ./$(basename "$deb")"
cp "$deb" "$target/tmp/"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "/tmp/$(basename "$deb")" >/dev/null
after=$(in_root dpkg-query -W -f '${Package}\n' | sort)
pulled=$(comm -13 <(echo "$before") <(echo "$after") | grep -vx synq || true)
echo "    pulled: $(echo $pulled)"
for package in $pulled; do
    in_root apt-cache policy "$package" | grep -q "${mirror#*://}" || die "$package did not come from Debian ($mirror)"
done

step "synq --version"
version_text=$(in_root synq --version) || die "synq --version failed in the clean root"
echo "$version_text" | sed 's/^/    /'
[[ "$(echo "$version_text" | head -1)" =~ ^synq\ [0-9]+\.[0-9]+\.[0-9]+ ]] || die "no version on the first line"
echo "$version_text" | grep -q '^commit ' || die "no commit line"
in_root sh -c 'ldd /usr/bin/synq' | grep -Eq 'not found|libswift' && die "unresolved or Swift libraries: $(in_root ldd /usr/bin/synq)"

step "man page and completions"
for file in /usr/share/man/man1/synq.1.gz /usr/share/bash-completion/completions/synq \
    /usr/share/zsh/vendor-completions/_synq /usr/share/fish/vendor_completions.d/synq.fish \
    /usr/share/synq/themes/default.toml; do
    [ -s "$target$file" ] || die "$file is missing"
done
zcat "$target/usr/share/man/man1/synq.1.gz" | grep -q 'synchronizers' || die "the man page does not mention synchronizers"
in_root bash -c 'source /usr/share/bash-completion/completions/synq && complete -p synq' >/dev/null \
    || die "the bash completion does not register for synq"

step "synq synchronizers list against a sandbox on loopback (inside the root)"
in_root synq sandbox --port 0 --quiet >"$target/tmp/sandbox.out" 2>"$target/tmp/sandbox.err" &
sandbox_pid=$!
port=""
for _ in $(seq 1 100); do
    port=$(grep -Eo '127\.0\.0\.1:[0-9]+' "$target/tmp/sandbox.out" 2>/dev/null | head -1 | cut -d: -f2 || true)
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || die "the sandbox did not start: $(cat "$target/tmp/sandbox.err" 2>/dev/null)"
# The sandbox's public demo key, from a 0600 file: never an argument.
(umask 077 && printf '%s' ent_demo_7f3c9a1e5b2d4f60a8c1e9b7d3f5a2c4 >"$target/tmp/enterprise.key")
list=$(in_root synq synchronizers list --enterprise-url "http://127.0.0.1:$port/api" \
    --enterprise-key-file /tmp/enterprise.key) || die "synq synchronizers list failed"
rows=$(echo "$list" | tail -n +2 | grep -c . || true)
echo "    $rows synchronizers listed"
[ "$rows" -ge 40 ] || die "expected the demo fleet of 40, got: $list"
kill "$sandbox_pid" 2>/dev/null; wait "$sandbox_pid" 2>/dev/null || true
sandbox_pid=""

step "synq demo in tmux inside the root"
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux >/dev/null
tmux_in_root() { in_root tmux -L synq-check "$@"; }
tmux_in_root new-session -d -x 100 -y 30 'synq demo; echo "synq exited $?"; sleep 30'
settled=""
previous=""
for _ in $(seq 1 100); do
    sleep 0.2
    screen=$(tmux_in_root capture-pane -p)
    if [ "$screen" = "$previous" ] && echo "$screen" | grep -q 'Synchronizers' && echo "$screen" | grep -qi 'enabled'; then
        settled=$screen
        break
    fi
    previous=$screen
done
[ -n "$settled" ] || die "synq demo did not draw the fleet; last screen:
$screen"
echo "$settled" | head -8 | sed 's/^/    /'
tmux_in_root send-keys q
for _ in $(seq 1 50); do
    sleep 0.2
    tmux_in_root capture-pane -p | grep -q 'synq exited 0' && break
done
tmux_in_root capture-pane -p | grep -q 'synq exited 0' || die "synq demo did not quit with 0 on q"

step "PASS: $(basename "$deb") installs and runs on a clean Debian 12 (minbase)"
