#!/usr/bin/env bash
# Builds libFuzzer targets and runs each for a fixed number of executions.
#
#   Fuzz/run.sh TARGET [RUNS]    one target; RUNS defaults to 1000000
#   Fuzz/run.sh all [RUNS]       every target in turn, then a Markdown summary table
#   Fuzz/run.sh build TARGET     build only (prints the binary's path)
#
# Targets:
#   decode     every API response type, with fuzzed status and headers, through the
#              clients' ResponseInterpreter; successes re-encoded the way --json prints them;
#              the synchronizer list through the streaming yajl parser (in fuzzed chunks),
#              which must read exactly what the Decodable list reads; every list read is
#              written by FleetJSON (`synchronizers list --json`), which must write exactly the
#              bytes of the JSONEncoder shape it replaced, compact and indented
#   sanitize   the control-character sanitizer (Sanitizer.clean / excerpt)
#   width      CharacterWidth, TextLayout.truncate/fit (SynqText) and Grid.write/fill
#   textfield  TextField edited by a key sequence decoded from the input, drawn by TextFieldView
#   theme      ThemeParser on arbitrary TOML text (TOMLKit and its C++ toml++ underneath)
#   config     config.toml as CredentialStore reads it: ProfilesDocument through TOMLText, and
#              a parsed document renders back to the same document
#
# Each target is linked against the project's own source files, compiled here as modules of
# the same names (SynqText, SynqAPI, and the parts of SynqViewModel / SynqTUI it needs, which need no
# ncurses) with -enable-testing so internal types are reachable. Everything, TOMLKit and
# toml++ included, is instrumented with -sanitize=fuzzer,address. Output goes to
# .build-fuzz/TARGET/: the growing corpus (seeded read-only from Fuzz/Corpus/TARGET),
# crash-*/timeout-*/leak-* artifacts (those of an earlier run are moved to earlier-artifacts/),
# build.log and fuzz.log.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# Let libFuzzer's own signal handlers catch a trap (and save the input), not Swift's backtracer.
export SWIFT_BACKTRACE=enable=no
all_targets=(decode sanitize width textfield theme config)
usage="usage: Fuzz/run.sh {$(IFS='|'; echo "${all_targets[*]}")|all} [RUNS] | Fuzz/run.sh build TARGET"

swift_flags=(-O -sanitize=fuzzer,address -parse-as-library -enable-testing -wmo -use-ld=lld)
project_flags=(-swift-version 6 -enable-upcoming-feature ExistentialAny)

# Largest input per target: a few responses' worth of JSON, a theme file, a short edit session.
max_len() {
    case "$1" in
        decode) echo 4096 ;; sanitize) echo 1024 ;; width) echo 1024 ;; textfield) echo 512 ;; theme|config) echo 4096 ;;
    esac
}

# Extra libFuzzer options. TOMLKit leaks on every parse (its error pointer, key lists, strings
# and tables are never freed; harmless for a theme read once per run), which LeakSanitizer
# would report as a failure, so the theme and config targets run without leak detection.
fuzz_options() {
    case "$1" in
        theme|config) echo -detect_leaks=0 ;;
    esac
}
# malloc_context_size=0: AddressSanitizer stops recording a stack for every allocation, which
# took a quarter of the decode target's time (perf: StackDepot::Put, UnwindFast). A report then
# lacks the allocation's stack, but libFuzzer keeps the input, and a re-run of it with
# ASAN_OPTIONS= shows the full report.
fuzz_environment() {
    case "$1" in
        theme|config) echo ASAN_OPTIONS=detect_leaks=0:malloc_context_size=0 ;;
        *) echo ASAN_OPTIONS=malloc_context_size=0 ;;
    esac
}

# build_module OUT NAME FLAGS... -- FILES...: compiles FILES into OUT/NAME.o and OUT/NAME.swiftmodule.
build_module() {
    local out=$1 name=$2; shift 2
    local flags=()
    while [[ $1 != -- ]]; do flags+=("$1"); shift; done
    shift
    swiftc "${swift_flags[@]}" "${flags[@]}" -module-name "$name" -I "$out" \
        -emit-module -emit-module-path "$out/$name.swiftmodule" -c "$@" -o "$out/$name.o"
}

# TOMLKit and its C++ core, built once into .build-fuzz/tomlkit from the resolved checkout.
# toml++ keeps its assertions, as in a debug build of synq: malformed input that reaches one
# (see TOMLPrecheck and Fuzz/RESULTS.md) aborts a debug build and is undefined behaviour in
# a release build, so every one is a crash here.
build_tomlkit() {
    local out=$root/.build-fuzz/tomlkit
    [[ -f $out/TOMLKit.o && -f $out/TOMLKit.swiftmodule ]] && return 0
    local checkout=$root/.build/checkouts/TOMLKit
    [[ -d $checkout ]] || swift package resolve
    mkdir -p "$out"
    local cpp
    for cpp in "$checkout"/Sources/CTOML/Sources/*.cpp; do
        clang++ -std=c++17 -O1 -g -w -fsanitize=fuzzer-no-link,address -DTOML_EXCEPTIONS=1 \
            -I "$checkout/Sources/CTOML/include" -c "$cpp" -o "$out/ctoml-$(basename "$cpp" .cpp | tr -c 'A-Za-z0-9\n' _).o"
    done
    local sources=()
    while IFS= read -r -d '' file; do sources+=("$file"); done \
        < <(find "$checkout/Sources/TOMLKit" -name '*.swift' -print0 | sort -z)
    build_module "$out" TOMLKit -swift-version 5 -suppress-warnings -I "$checkout/Sources/CTOML/include" -- "${sources[@]}"
}

known() {
    local target
    for target in "${all_targets[@]}"; do [[ $1 == "$target" ]] && return 0; done
    echo "unknown fuzz target: $1" >&2
    echo "$usage" >&2
    exit 64
}

# build TARGET: compiles the modules TARGET needs and links the fuzzer into .build-fuzz/TARGET/.
build() {
    known "$1"
    local target=$1 out=$root/.build-fuzz/$1
    local mods=$out/modules
    rm -rf "$mods"
    mkdir -p "$mods" "$out/corpus"
    # SynqAPI reads the synchronizer list with yajl (system library, not instrumented).
    local yajl=(-Xcc -fmodule-map-file="$root/Sources/CYajl/module.modulemap")
    local link=("$mods"/SynqText.o "$mods"/SynqAPI.o) extra=("${yajl[@]}" -lyajl) support=()
    build_module "$mods" SynqText "${project_flags[@]}" -- Sources/SynqText/*.swift
    # Without the live transport (async-http-client, SwiftNIO) and the code that uses it (the
    # clients, the transport protocol): no target sends a request, they interpret answers.
    local api=()
    # (Not `grep -q`: it stops reading at the first match, the first grep then dies of SIGPIPE,
    # and under pipefail the file would count as one without the transport.)
    for file in Sources/SynqAPI/*.swift Sources/SynqAPI/Transport/*.swift; do
        grep -vE '^[[:space:]]*//' "$file" | grep -E '^import (AsyncHTTPClient|NIO)|AsyncHTTPClientTransport|HTTPBodyStream' >/dev/null && continue
        api+=("$file")
    done
    build_module "$mods" SynqAPI "${project_flags[@]}" "${yajl[@]}" -- "${api[@]}"
    case "$target" in
        decode)
            # The headless list writer (FleetJSON), checked against the encoder it replaces.
            build_module "$mods" SynqOutput "${project_flags[@]}" "${yajl[@]}" -- \
                Sources/synq/Output/{ByteSink,FleetJSON,JSONShapes,OutputStream,ParallelChunks,StandardOutput}.swift
            link+=("$mods"/SynqOutput.o) ;;
        sanitize) ;;
        width)
            build_module "$mods" SynqTUI "${project_flags[@]}" -- Sources/SynqTUI/Grid/*.swift
            link+=("$mods"/SynqTUI.o)
            support+=(Fuzz/Support/GridIntegrity.swift) ;;
        textfield)
            build_module "$mods" SynqViewModel "${project_flags[@]}" -- \
                Sources/SynqViewModel/{TextField,TextEdit,KeyPress}.swift
            build_module "$mods" SynqTUI "${project_flags[@]}" -- \
                Sources/SynqTUI/Grid/*.swift Sources/SynqTUI/Widgets/TextFieldView.swift
            link+=("$mods"/SynqViewModel.o "$mods"/SynqTUI.o)
            support+=(Fuzz/Support/GridIntegrity.swift) ;;
        theme|config)
            build_tomlkit
            local tomlkit=$root/.build-fuzz/tomlkit ctoml=$root/.build/checkouts/TOMLKit/Sources/CTOML/include
            build_module "$mods" SynqTOML "${project_flags[@]}" -I "$tomlkit" -I "$ctoml" -- Sources/SynqTOML/*.swift
            link+=("$mods"/SynqTOML.o "$tomlkit"/*.o)
            extra+=(-I "$tomlkit" -I "$ctoml" -lstdc++)
            if [[ $target == theme ]]; then
                build_module "$mods" SynqTUI "${project_flags[@]}" -I "$tomlkit" -I "$ctoml" -- \
                    Sources/SynqTUI/Grid/*.swift Sources/SynqTUI/Theme/*.swift
                link+=("$mods"/SynqTUI.o)
            else
                # ProfilesDocument is all of SynqConfig this target needs; the rest (crypto,
                # files) stays out so the fuzzer exercises the parse alone.
                build_module "$mods" SynqConfig "${project_flags[@]}" -I "$tomlkit" -I "$ctoml" -- \
                    Sources/SynqConfig/ProfilesDocument.swift
                link+=("$mods"/SynqConfig.o)
            fi ;;
    esac
    swiftc "${swift_flags[@]}" "${project_flags[@]}" -module-name "Fuzz_$target" -I "$mods" "${extra[@]}" \
        "Fuzz/Targets/$target.swift" "${support[@]}" "${link[@]}" -o "$out/fuzz-$target"
}

# run TARGET RUNS: fuzzes from the working corpus plus the committed seeds; prints libFuzzer's final lines.
run() {
    known "$1"
    local target=$1 runs=$2 out=$root/.build-fuzz/$1
    mkdir -p "$out/earlier-artifacts"
    find "$out" -maxdepth 1 \( -name 'crash-*' -o -name 'timeout-*' -o -name 'leak-*' -o -name 'oom-*' \) \
        -exec mv -t "$out/earlier-artifacts" {} +
    echo "== $target: building" >&2
    build "$target" > "$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }
    echo "== $target: $runs runs" >&2
    local started=$SECONDS status=0
    # shellcheck disable=SC2046 # fuzz_environment and fuzz_options give zero or more words
    (cd "$out" && env $(fuzz_environment "$target") ./"fuzz-$target" -runs="$runs" -max_len="$(max_len "$target")" -timeout=10 $(fuzz_options "$target") \
        -print_final_stats=1 -artifact_prefix="$out/" corpus "$root/Fuzz/Corpus/$target") > "$out/fuzz.log" 2>&1 || status=$?
    echo "$((SECONDS - started))" > "$out/wall-seconds"
    if [[ $status == 0 ]]; then
        grep -E '^#[0-9]+[[:space:]]+DONE|^Done|^stat::' "$out/fuzz.log" >&2 || true
    else
        grep -vE '^[[:space:]]+#[0-9]+ 0x' "$out/fuzz.log" | tail -n 25 >&2
    fi
    return "$status"
}

# summary TARGET: one Markdown table row from the run's log (corpus = libFuzzer's final
# in-memory corpus, units/bytes, seeds included).
summary() {
    local target=$1 out=$root/.build-fuzz/$1
    local log=$out/fuzz.log
    local execs rate done_line cov ft corpus crashes
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$done_line")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$done_line")
    corpus=$(sed -n 's/.* corp: \([^ ]*\).*/\1/p' <<< "$done_line")
    crashes=$(find "$out" -maxdepth 1 \( -name 'crash-*' -o -name 'timeout-*' -o -name 'leak-*' -o -name 'oom-*' \) | wc -l)
    echo "| \`$target\` | ${execs:-?} | ${rate:-?} | $(cat "$out/wall-seconds") s | $crashes | ${corpus:-?} | ${cov:-?} | ${ft:-?} |"
}

command=${1:-}
case "$command" in
    "" | -h | --help) echo "$usage"; exit 0 ;;
    build) build "${2:?$usage}" && echo ".build-fuzz/$2/fuzz-$2" ;;
    all)
        runs=${2:-1000000}
        failed=0
        for target in "${all_targets[@]}"; do run "$target" "$runs" || failed=1; done
        echo
        echo "| target | executions | exec/s | wall time | crashes | corpus (units/bytes) | cov | ft |"
        echo "|---|---|---|---|---|---|---|---|"
        for target in "${all_targets[@]}"; do summary "$target"; done
        exit "$failed" ;;
    *)
        run "$command" "${2:-1000000}" && status=0 || status=$?
        echo
        summary "$command"
        exit "$status" ;;
esac
