#!/usr/bin/env bash
# Builds the libFuzzer harness and fuzzes one reader.
#
#   Tests/Fuzz/run.sh TARGET [SECONDS] [libFuzzer flags…]
#
# TARGET is json, spec, csv or derive (see Tests/Fuzz/Harness/FuzzTarget.swift); SECONDS defaults
# to 60 (0 = until stopped or until -runs=N is reached). The harness is built in release mode with
# -sanitize=fuzzer,address into .build/fuzz, apart from the normal build (linked with lld: gold fails on
# the instrumented objects). The committed seed corpus
# Tests/Fuzz/TARGET/corpus is only read; new inputs go to .build/fuzz/corpus/TARGET and crashing
# inputs to .build/fuzz/artifacts/TARGET/, and the script exits non-zero when one is found.
set -euo pipefail
cd "$(dirname "$0")/../.."

target=${1:?usage: Tests/Fuzz/run.sh json|spec|csv|derive [seconds] [libFuzzer flags]}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
seeds=Tests/Fuzz/$target/corpus
[ -d "$seeds" ] || { echo "no seed corpus $seeds (targets: json, spec, csv, derive)" >&2; exit 2; }

WORKBENCH_FUZZ=1 swift build -c release --build-path .build/fuzz --product workbench-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld >&2

corpus=.build/fuzz/corpus/$target
artifacts=.build/fuzz/artifacts/$target
mkdir -p "$corpus" "$artifacts"
# Leak checking is off, in libFuzzer and in AddressSanitizer's check at exit: the Swift runtime keeps metadata
# caches and lazy globals (the plugin registry, parameter tables) for the life of the process, which LeakSanitizer
# reports at exit as leaks of the last input, failing a clean run.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
flags=(-max_len=16384 -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$artifacts/")
[ "$seconds" -gt 0 ] && flags+=(-max_total_time="$seconds")
[ -f "Tests/Fuzz/$target/dictionary" ] && flags+=(-dict="Tests/Fuzz/$target/dictionary")

# Swift's own backtracer would hold the pipe open after a crash; libFuzzer reports crashes itself.
SWIFT_BACKTRACE=enable=no WORKBENCH_FUZZ_TARGET=$target \
  .build/fuzz/release/workbench-fuzz "${flags[@]}" "$@" "$corpus" "$seeds"
