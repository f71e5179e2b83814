#!/usr/bin/env bash
# End-to-end benchmark of the `link` command on generated cross-force data (issue 5).
#
#   scripts/end-to-end-benchmark.sh [--no-docs] [PEOPLE ...]        default: 3333 33333 333333
#
# Needs palimpsest-cli/target/palimpsest.jar (./mvnw -q package -DskipTests -pl palimpsest-cli -am). For each size it generates records with
# the default profile (seed 42) under $WORK (default /tmp/palimpsest-e2e), links them with -Xmx4g
# (override with HEAP=-Xmx2g), evaluates the clusters against the generator's truth, and prints one
# Markdown table row: records, wall, CPU, candidate pairs, pairs/s in the compare stage and end to end,
# peak heap before a collection, largest live set after one, max RSS, precision, recall and F1.
# The machine's load average is printed too: timings taken on a busy machine are not comparable.
# SEED=N picks the generator's seed (default 42); RARE_SURNAMES=SHARE passes --rare-surnames to generate
# (0 = the closed surname vocabulary); files are cached under $WORK by size, seed and share.
# The table is also written into docs/results.md between the end-to-end markers, with the date, commit, heap
# and command, unless --no-docs is given.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/palimpsest-cli/target/palimpsest.jar"
[[ -f "$jar" ]] || { echo "missing $jar: run ./mvnw -q package -DskipTests -pl palimpsest-cli -am first" >&2; exit 1; }
work="${WORK:-/tmp/palimpsest-e2e}"
heap="${HEAP:--Xmx4g}"
seed="${SEED:-42}"
rare="${RARE_SURNAMES:-}"
mkdir -p "$work"
write_docs=1
sizes=()
for arg in "$@"; do
  if [[ "$arg" == --no-docs ]]; then write_docs=0; else sizes+=("$arg"); fi
done
[[ ${#sizes[@]} -gt 0 ]] || sizes=(3333 33333 333333)
table="$work/table.md"

{
echo "| records | wall | CPU user+sys | candidate pairs | pairs/s (compare) | pairs/s (end to end) | peak heap before GC | live after GC | max RSS | precision | recall | F1 | load avg |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for people in "${sizes[@]}"; do
  tag="$people-s$seed${rare:+-rare$rare}"
  records="$work/r$tag.csv"; truth="$work/t$tag.csv"; clusters="$work/c$tag.csv"
  [[ -f "$records" ]] || java -jar "$jar" generate --people "$people" --seed "$seed" ${rare:+--rare-surnames "$rare"} \
    --out "$records" --truth "$truth" >/dev/null
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -o "$work/time$tag.txt" -f "%e %U %S %M" \
    java "$heap" -Xlog:gc:file="$work/gc$tag.log" -jar "$jar" link "$records" --clusters-out "$clusters" \
    --verbose 2> "$work/stages$tag.log" >/dev/null
  read -r wall user sys rss < "$work/time$tag.txt"
  n=$(grep -c '' "$records"); n=$((n - 1))
  pairs=$(sed -n 's/.*block: \([0-9,]*\) candidate pairs.*/\1/p' "$work/stages$tag.log" | tr -d ,)
  compare_ms=$(sed -n 's/.*compare: .* in \([0-9]*\) ms.*/\1/p' "$work/stages$tag.log")
  heap_stats=$(sed -n 's/.* \([0-9]*\)M->\([0-9]*\)M(.*/\1 \2/p' "$work/gc$tag.log" \
    | awk 'BEGIN{b=0;a=0} {if($1>b)b=$1; if($2>a)a=$2} END{print b, a}')
  read -r before after <<< "$heap_stats"
  eval_out=$(java -jar "$jar" evaluate --truth "$truth" --clusters "$clusters")
  p=$(sed -n 's/^precision: //p' <<< "$eval_out"); r=$(sed -n 's/^recall: //p' <<< "$eval_out")
  f=$(sed -n 's/^f1: //p' <<< "$eval_out")
  awk -v n="$n" -v wall="$wall" -v user="$user" -v sys="$sys" -v pairs="$pairs" -v cms="$compare_ms" \
      -v before="$before" -v after="$after" -v rss="$rss" -v p="$p" -v r="$r" -v f="$f" -v load="$load" \
      'BEGIN { printf "| %d | %.1f s | %.1f s | %d | %.2f M | %.0f k | %d MB | %d MB | %.1f GB | %s | %s | %s | %s |\n",
               n, wall, user + sys, pairs, pairs / (cms > 0 ? cms : 1) / 1000, pairs / wall / 1000,
               before, after, rss / 1048576, p, r, f, load }'
done
} | tee "$table"

# shellcheck source=results-section.sh
source "$root/scripts/results-section.sh"
results="$root/docs/results.md"
if [[ $write_docs == 1 && -f "$results" ]]; then
  start='<!-- end-to-end:start -->'; end='<!-- end-to-end:end -->'
  commit=$(git -C "$root" describe --always --dirty 2>/dev/null || echo unknown)
  header="Measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit \`$commit\` on $(nproc) cores (Java $(java -version 2>&1 \
    | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -1)), heap \`$heap\`, generator seed $seed. Reproduce with \`scripts/end-to-end-benchmark.sh ${sizes[*]}\`."
  replace_results_section "$results" "$start" "$end" "$header" "$table"
fi
