#!/usr/bin/env bash
# The accuracy matrix: `link` with the CLI's defaults on every data set found (FEBRL3, FEBRL4, historical_50k,
# fake_1000 from ../shared/data; generated profiles; faker-style sets), one row each, written into docs/results.md between the
# accuracy-matrix markers and printed. A benchmark, never part of `mvn test`.
#
#   scripts/accuracy-matrix.sh [--people N] [--only NAME,NAME] [--no-docs]
#
# --people N   people per generated profile (default 5000, about 15,000 records each)
# --only ...   run only these rows (e.g. FEBRL3,no-dob); docs/results.md is then left alone
# --no-docs    print the table without writing docs/results.md
# Shared data elsewhere: SHARED_DATA=/path/to/shared/data scripts/accuracy-matrix.sh
# A data set that fails to link or score is reported, the others still run, and the exit code is 1 (the docs
# are then left alone).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED_DATA:-../shared/data}
# MVN_FLAGS="" to let Maven fetch a missing plugin (offline by default: the machine may have no network).
./mvnw -q ${MVN_FLAGS--o} -pl palimpsest-it -am -Pbench test-compile exec:exec -Dbench.main=io.github.palimpsest.bench.AccuracyMatrix \
  -Dbench.heap="-Xmx1g -Dshared.data=$SHARED" -Dbench.args="$*"
