#!/usr/bin/env bash
# Fuzzes kalka with libFuzzer: arbitrary bytes through the readers, the configuration loader,
# the suppression directives, the fixer and the JSON Lines record parser, checking their
# invariants (Sources/KalkaFuzzChecks).
#
#   scripts/fuzz.sh TARGET SECONDS     TARGET: plain, markdown, html, config, suppressions, fixer, records
#   scripts/fuzz.sh all SECONDS        every target, SECONDS each
#
# Builds kalka-fuzz with the fuzzer sanitizer in its own scratch path (.build/fuzz), copies the
# target's seeds (Tests/Fuzz/Corpus/TARGET) into a scratch directory and fuzzes from them and from
# every input that ever failed (Tests/Fuzz/Regressions/TARGET); the repository is never written.
# A crash, an input that takes longer than FUZZ_TIMEOUT seconds (a hang), memory beyond
# FUZZ_RSS_MB or a broken invariant fails the run: the script prints the failing input's path
# (keep it as Tests/Fuzz/Regressions/TARGET/NAME) and exits 1.
#
# Environment: FUZZ_MAX_LEN (bytes per input, default 32768), FUZZ_TIMEOUT (default 10),
# FUZZ_RSS_MB (default 2048), FUZZ_WORK (scratch directory, default .build/fuzz/runs).
set -euo pipefail
cd "$(dirname "$0")/.."

targets_all=(plain markdown html config suppressions fixer records)
usage() {
    echo "usage: scripts/fuzz.sh TARGET|all SECONDS   (targets: ${targets_all[*]})" >&2
    exit 2
}
[ $# -eq 2 ] || usage
case "$2" in ''|*[!0-9]*) usage ;; esac
seconds=$2
if [ "$1" = all ]; then
    targets=("${targets_all[@]}")
else
    case " ${targets_all[*]} " in *" $1 "*) targets=("$1") ;; *) usage ;; esac
fi
max_len=${FUZZ_MAX_LEN:-32768}
timeout=${FUZZ_TIMEOUT:-10}
rss_mb=${FUZZ_RSS_MB:-2048}
work=${FUZZ_WORK:-.build/fuzz/runs}

# Release, so that a second of fuzzing runs many inputs; the checks stay on (they are not asserts).
# The sanitizer's coverage instrumentation goes to the compiler alone (-Xfrontend), and libFuzzer
# without its main is linked in, so that kalka-fuzz keeps its own main (which picks the target)
# and the package's other programs (the dictionary-embedding build tool) still link.
runtime="$(dirname "$(dirname "$(readlink -f "$(command -v swiftc)")")")/lib/clang"
runtime=$(ls "$runtime"/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null | head -1)
if [ -z "$runtime" ]; then
    echo "scripts/fuzz.sh: libFuzzer (libclang_rt.fuzzer_no_main) is not in this Swift toolchain" >&2
    exit 2
fi
build=(swift build -c release --scratch-path .build/fuzz -Xswiftc -Xfrontend -Xswiftc -sanitize=fuzzer
       -Xswiftc -DKALKA_LIBFUZZER -Xlinker "$runtime" -Xlinker -lstdc++)
echo "Building kalka-fuzz with libFuzzer (.build/fuzz)..."
start=$SECONDS
"${build[@]}" --product kalka-fuzz >&2
echo "Built in $((SECONDS - start))s."
fuzzer="$("${build[@]}" --show-bin-path)/kalka-fuzz"
# libFuzzer, not Swift's backtracer, must catch a crash: it saves the input.
export SWIFT_BACKTRACE=enable=no

failed=()
summary=()
for target in "${targets[@]}"; do
    run="$work/$target"
    rm -rf "$run"
    mkdir -p "$run/corpus" "$run/artifacts"
    cp Tests/Fuzz/Corpus/"$target"/* "$run/corpus/"
    corpora=("$run/corpus")
    if [ -d "Tests/Fuzz/Regressions/$target" ] && [ -n "$(ls -A "Tests/Fuzz/Regressions/$target")" ]; then
        # Read only: libFuzzer writes new inputs to the first directory alone.
        corpora+=("Tests/Fuzz/Regressions/$target")
    fi
    echo "Fuzzing $target for ${seconds}s (log: $run/log)..."
    status=0
    "$fuzzer" "$target" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb="$rss_mb" -max_len="$max_len" \
        -artifact_prefix="$run/artifacts/" -print_final_stats=1 "${corpora[@]}" >"$run/log" 2>&1 || status=$?
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$run/log" | tail -1)
    if [ "$status" -eq 0 ]; then
        summary+=("$target: ${executions:-?} executions in ${seconds}s, corpus $(ls "$run/corpus" | wc -l) inputs")
    else
        summary+=("$target: FAILED after ${executions:-?} executions")
        failed+=("$target")
        echo "FAILED: $target (libFuzzer exit status $status); the end of its log:" >&2
        grep -v '^#[0-9]' "$run/log" | tail -25 >&2
        for input in "$run"/artifacts/*; do
            [ -e "$input" ] || continue
            echo "Failing input: $input" >&2
            echo "  replay: swift run kalka-fuzz $target $input; keep it: cp $input Tests/Fuzz/Regressions/$target/" >&2
        done
    fi
done

echo "Executions per target:"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
    echo "Fuzzing failed: ${failed[*]}" >&2
    exit 1
fi
echo "Fuzzing found no failure."
