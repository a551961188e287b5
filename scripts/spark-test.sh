#!/usr/bin/env bash
# Runs the Spark recipe's test (examples/spark) in local mode: builds kalka as the recipe ships it
# (release, --static-swift-stdlib: the executors need no Swift runtime, only the system ICU that
# the build links, libicu72 here) and checks that Spark's findings equal a single-process run.
# Needs Java 17 (openjdk-17-jre-headless) and, in PYTHON's environment, pyspark and pytest
# (.ci/run installs all three).
#
#   scripts/spark-test.sh            PYTHON=path/to/python (default: .build/python-tools/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.build/python-tools/bin/python}
# A build directory of its own: objects built for a static runtime must not mix with .build's.
build=(swift build -c release --product kalka --static-swift-stdlib --scratch-path .build/static)
"${build[@]}"
binary=$("${build[@]}" --show-bin-path)/kalka
KALKA=$binary "$python" -m pytest -q examples/spark
