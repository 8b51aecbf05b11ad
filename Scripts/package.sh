#!/usr/bin/env bash
# Builds the release packages of synq into dist/:
#   dist/synq_<version>_amd64.deb               (dpkg-deb; Depends derived by dpkg-shlibdeps)
#   dist/synq-<version>-linux-x86_64.tar.gz     (the same binary, man page, completions, themes)
# The binary links the Swift standard library and Foundation statically and is stripped, so the
# target machine needs no Swift toolchain, only the Debian packages named in Depends.
#
# Usage: Scripts/package.sh            (on a shared machine: flock LOCK nice -n 10 Scripts/package.sh)
# Needs: the Swift toolchain, dpkg-dev (dpkg-shlibdeps), binutils (strip), gzip, tar, and
# libcurl4-openssl-dev while any module imports FoundationNetworking.
# The release build uses its own scratch folder (.build-static), so the debug build stays valid.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v swift >/dev/null 2>&1 || export PATH="/opt/swift/usr/bin:$PATH"

die() { echo "package.sh: $*" >&2; exit 1; }
for tool in swift dpkg-deb dpkg-shlibdeps strip gzip tar ldd; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (apt-get install dpkg-dev binutils)"
done
# While the transport uses URLSession, static FoundationNetworking links libcurl: it needs its -dev package.
if grep -rqs --exclude-dir=SynqBench '^import FoundationNetworking' Sources && [ ! -e /usr/lib/x86_64-linux-gnu/libcurl.so ]; then
    die "static FoundationNetworking needs libcurl.so to link (apt-get install libcurl4-openssl-dev)"
fi
[ "$(dpkg --print-architecture)" = amd64 ] || die "only amd64 is packaged (this machine is $(dpkg --print-architecture))"

scratch=.build-static
build=(swift build -c release --static-swift-stdlib --scratch-path "$scratch")

echo "==> release build, static Swift stdlib and Foundation ($scratch)"
"${build[@]}" --product synq
# The man page tool comes from swift-argument-parser and reads the same command definitions.
"${build[@]}" --product generate-manual
bin_dir=$("${build[@]}" --show-bin-path)

# A Swift runtime library left dynamic means the toolchain is needed on the target: refuse.
if ldd "$bin_dir/synq" | grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime|lib_Foundation'; then
    die "the binary above still links Swift libraries dynamically"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/synq-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
# The layout dpkg-shlibdeps expects: debian/control beside debian/<package>/ (the package root).
pkg="$work/debian/synq"
mkdir -p "$pkg/DEBIAN" "$pkg/usr/bin" "$pkg/usr/share/man/man1" "$pkg/usr/share/synq/themes" \
    "$pkg/usr/share/doc/synq" "$pkg/usr/share/bash-completion/completions" \
    "$pkg/usr/share/zsh/vendor-completions" "$pkg/usr/share/fish/vendor_completions.d"

echo "==> stripped binary"
strip --strip-all -o "$pkg/usr/bin/synq" "$bin_dir/synq"
synq="$pkg/usr/bin/synq"

version=$("$synq" --version | sed -n '1s/^synq //p')
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([~+.-][0-9A-Za-z.~+-]*)?$ ]] || die "unexpected version '$version' from synq --version"
echo "    synq $version ($("$synq" --version | sed -n 2p))"

# Dates in the man page and file times come from the commit, so the same commit packs the same bytes.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
man_date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)

echo "==> man page and completions, generated from the command definitions"
"$bin_dir/generate-manual" "$synq" --date "$man_date" --output-directory "$work"
[ -s "$work/synq.1" ] || die "generate-manual wrote no synq.1"
gzip -9n <"$work/synq.1" >"$pkg/usr/share/man/man1/synq.1.gz"
"$synq" --generate-completion-script bash >"$pkg/usr/share/bash-completion/completions/synq"
"$synq" --generate-completion-script zsh >"$pkg/usr/share/zsh/vendor-completions/_synq"
"$synq" --generate-completion-script fish >"$pkg/usr/share/fish/vendor_completions.d/synq.fish"

echo "==> themes and docs"
cp themes/*.toml themes/README.md "$pkg/usr/share/synq/themes/"
cat >"$pkg/usr/share/doc/synq/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: synq (SynqFleet)
Comment: Statically links the Swift standard library and Foundation (Apache License 2.0 with
 Runtime Library Exception) and the Swift packages named in Package.swift.
EOF
gzip -9n <README.md >"$pkg/usr/share/doc/synq/README.md.gz"

echo "==> Depends (dpkg-shlibdeps on the binary)"
printf 'Source: synq\n\nPackage: synq\nArchitecture: amd64\n' >"$work/debian/control"
shlibs=$(cd "$work" && dpkg-shlibdeps -O debian/synq/usr/bin/synq | sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || die "dpkg-shlibdeps found no dependencies"
# Not a linked library, but needed at run time: TLS roots for https to the APIs.
depends="$shlibs, ca-certificates"
echo "    $depends"

installed_size=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
cat >"$pkg/DEBIAN/control" <<EOF
Package: synq
Version: $version
Architecture: amd64
Maintainer: SynqFleet developers <synqfleet@localhost>
Installed-Size: $installed_size
Depends: $depends
Section: admin
Priority: optional
Description: terminal fleet manager for Multisynq synchronizers and Synvo API keys
 synq shows a Multisynq fleet live in a terminal UI (browse and toggle synchronizers,
 create Synvo API keys, watch the rate-limit budget), with headless commands for scripts,
 a local sandbox server speaking both APIs, and safe provisioning. Secrets never go on the
 command line or into files other than mode-0600 ones.
EOF
find "$pkg" -type d -exec chmod 0755 {} +
find "$pkg" -type f -exec chmod 0644 {} +
chmod 0755 "$synq"
find "$pkg" -exec touch --no-dereference --date="@$SOURCE_DATE_EPOCH" {} +

mkdir -p dist
deb="dist/synq_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" >/dev/null

echo "==> tarball"
tarname="synq-${version}-linux-x86_64"
tardir="$work/$tarname"
mkdir -p "$tardir/completions"
cp "$synq" "$tardir/synq"
cp "$work/synq.1" "$tardir/synq.1"
cp "$pkg/usr/share/bash-completion/completions/synq" "$tardir/completions/synq.bash"
cp "$pkg/usr/share/zsh/vendor-completions/_synq" "$tardir/completions/_synq"
cp "$pkg/usr/share/fish/vendor_completions.d/synq.fish" "$tardir/completions/synq.fish"
cp -r "$pkg/usr/share/synq/themes" "$tardir/themes"
cp README.md "$tardir/README.md"
printf 'Needs these Debian/Ubuntu packages (or their equivalents): %s\n' "$depends" >"$tardir/DEPENDS"
find "$tardir" -exec touch --no-dereference --date="@$SOURCE_DATE_EPOCH" {} +
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
    -C "$work" -cf - "$tarname" | gzip -9n >"dist/$tarname.tar.gz"

echo "==> done"
ls -l "$deb" "dist/$tarname.tar.gz"
