#!/usr/bin/env bash
# Builds one libFuzzer target and runs it for a fixed number of executions.
#   Fuzz/run.sh TARGET [RUNS]     TARGET: decode | sanitize     RUNS default 1000000
# The target is compiled together with the sources it exercises (one module, so internal
# types are reachable), instrumented with -sanitize=fuzzer,address. Crashes land in
# .build-fuzz/TARGET/ as crash-* files; the seed corpus is Fuzz/Corpus/TARGET.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: Fuzz/run.sh decode|sanitize [RUNS]}
runs=${2:-1000000}
case "$target" in
    decode|sanitize) sources=(Sources/SynqAPI/*.swift) ;;
    *) echo "unknown fuzz target: $target" >&2; exit 64 ;;
esac
out=.build-fuzz/$target
mkdir -p "$out/corpus"
cp -n Fuzz/Corpus/"$target"/* "$out/corpus/" 2>/dev/null || true
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name SynqFuzz \
    "${sources[@]}" "Fuzz/Targets/$target.swift" -o "$out/fuzz-$target" 2> "$out/build.log" \
    || { cat "$out/build.log" >&2; exit 1; }
cd "$out"
./"fuzz-$target" -runs="$runs" -max_len=4096 -print_final_stats=1 corpus 2>&1 | tail -n 12
