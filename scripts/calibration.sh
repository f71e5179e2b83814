#!/usr/bin/env bash
# Calibration: on every data set of the accuracy matrix, the pairs the default linker scores (links and review
# band down to probability 0.001) in bands of match weight, each band's share of true matches beside the mean
# probability the model gave them. Written into docs/results.md between the calibration markers and printed.
# A benchmark, never part of `mvn test`.
#
#   scripts/calibration.sh [--people N] [--only NAME,NAME] [--no-docs]
#
# Options as scripts/accuracy-matrix.sh's. Shared data elsewhere: SHARED_DATA=/path/to/shared/data.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED_DATA:-../shared/data}
# MVN_FLAGS="" to let Maven fetch a missing plugin (offline by default: the machine may have no network).
./mvnw -q ${MVN_FLAGS--o} -pl palimpsest-it -am -Pbench test-compile exec:exec -Dbench.main=io.github.palimpsest.bench.CalibrationReport \
  -Dbench.heap="-Xmx6g -Dshared.data=$SHARED" -Dbench.args="$*"
