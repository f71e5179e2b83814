#!/usr/bin/env bash
# Spark local mode next to the one-machine linker, on generated cross-force data (issue 21).
#
#   scripts/spark-benchmark.sh [--no-docs] [PEOPLE ...]        default: 33333 (about 100k records)
#
# Needs palimpsest-cli/target/palimpsest.jar and palimpsest-spark/target/palimpsest-spark-app.jar:
#   ./mvnw -q package -DskipTests -pl palimpsest-cli,palimpsest-spark -am
# For each size it generates records with the default profile (seed 42) under $WORK (default
# /tmp/palimpsest-spark-bench), then links them twice, each run alone under /usr/bin/time with -Xmx4g
# (HEAP=-Xmx2g to change): `palimpsest link` (one machine), and `SparkMain link --master local[2]`
# (MASTER= to change) run the way spark-submit runs it (the application jar before Spark's own class path,
# with Spark's --add-opens). It evaluates both clusters files against the generator's truth, checks whether
# they are byte-identical, and prints one Markdown row per run: records, wall, CPU user+sys, max RSS,
# candidate pairs, links, people, F1, the load average before and after. NICE=10 runs both under nice.
# The table is also written into docs/results.md between the spark-local markers, with the date, commit,
# heap and command, unless --no-docs is given.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/palimpsest-cli/target/palimpsest.jar"
app="$root/palimpsest-spark/target/palimpsest-spark-app.jar"
for f in "$jar" "$app"; do
  [[ -f "$f" ]] || { echo "missing $f: run ./mvnw -q package -DskipTests -pl palimpsest-cli,palimpsest-spark -am first" >&2; exit 1; }
done
work="${WORK:-/tmp/palimpsest-spark-bench}"
heap="${HEAP:--Xmx4g}"
seed="${SEED:-42}"
master="${MASTER:-local[2]}"
nice_cmd=()
[[ -n "${NICE:-}" ]] && nice_cmd=(nice -n "$NICE")
mkdir -p "$work"
write_docs=1
sizes=()
for arg in "$@"; do
  if [[ "$arg" == --no-docs ]]; then write_docs=0; else sizes+=("$arg"); fi
done
[[ ${#sizes[@]} -gt 0 ]] || sizes=(33333)
table="$work/table.md"

# Spark's class path (the module's provided dependencies), without the project's own jars (the application
# jar carries the library) and without the test libraries.
cp_file="$work/spark-classpath.txt"
if [[ ! -s "$cp_file" ]]; then
  (cd "$root" && ./mvnw -q -o -pl palimpsest-spark dependency:build-classpath -Dmdep.outputFile="$cp_file.all" >/dev/null)
  tr ':' '\n' < "$cp_file.all" | grep -v -e '/io/github/palimpsest/' -e junit -e jqwik -e opentest4j -e apiguardian \
    | paste -sd: > "$cp_file"
fi
spark_cp="$app:$(cat "$cp_file")"
# What SparkMain.JAVA_OPTIONS lists (spark-submit adds the same).
opens=(-XX:+IgnoreUnrecognizedVMOptions -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
logging="-Dlog4j2.configurationFile=jar:file:$app!/io/github/palimpsest/spark/log4j2-cli.properties"

load() { cut -d' ' -f1 /proc/loadavg; }

# run SIDE RECORDS TRUTH CLUSTERS LOG COMMAND...: one row of the table.
run() {
  local side="$1" records="$2" truth="$3" clusters="$4" log="$5"; shift 5
  local before after wall user sys rss n eval_out f pairs links people
  before=$(load)
  "${nice_cmd[@]}" /usr/bin/time -o "$log.time" -f "%e %U %S %M" "$@" > "$log.out" 2> "$log.err"
  after=$(load)
  read -r wall user sys rss < "$log.time"
  n=$(($(grep -c '' "$records") - 1))
  eval_out=$(java -jar "$jar" evaluate --truth "$truth" --clusters "$clusters")
  f=$(sed -n 's/^f1: //p' <<< "$eval_out")
  pairs=$(sed -n 's/^candidate pairs: //p; s/.*block: \([0-9,]*\) candidate pairs.*/\1/p' "$log.out" "$log.err" | head -1 | tr -d ,)
  links=$(sed -n 's/^links: //p; s/.*score: \([0-9,]*\) pairs.*//p' "$log.out" | head -1 | tr -d ,)
  people=$(sed -n 's/^people: //p; s/^entities: //p' "$log.out" | head -1 | tr -d ,)
  awk -v side="$side" -v n="$n" -v wall="$wall" -v user="$user" -v sys="$sys" -v rss="$rss" -v pairs="$pairs" \
      -v links="$links" -v people="$people" -v f="$f" -v before="$before" -v after="$after" \
      'BEGIN { printf "| %s | %d | %.1f s | %.1f s | %.2f GB | %s | %s | %s | %s | %s–%s |\n",
               side, n, wall, user + sys, rss / 1048576, pairs, links, people, f, before, after }'
}

{
echo "| run | records | wall | CPU user+sys | max RSS | candidate pairs | links | people | F1 | load avg |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
for people in "${sizes[@]}"; do
  tag="$people-s$seed"
  records="$work/r$tag.csv"; truth="$work/t$tag.csv"
  [[ -f "$records" ]] || java -jar "$jar" generate --people "$people" --seed "$seed" --out "$records" --truth "$truth" >/dev/null
  one="$work/c$tag-one.csv"; spark="$work/c$tag-spark.csv"
  run "one machine (\`palimpsest link\`)" "$records" "$truth" "$one" "$work/one$tag" \
    java "$heap" -jar "$jar" link "$records" --clusters-out "$one" --verbose
  run "Spark $master" "$records" "$truth" "$spark" "$work/spark$tag" \
    java "$heap" "${opens[@]}" "$logging" -cp "$spark_cp" io.github.palimpsest.spark.SparkMain link \
    --master "$master" "$records" --clusters-out "$spark"
  if cmp -s "$one" "$spark"; then same="byte-identical"; else same="DIFFERENT"; fi
  echo "clusters $tag: $same (sha256 $(sha256sum < "$spark" | cut -c1-16))" >&2
done
} | tee "$table"

# shellcheck source=results-section.sh
source "$root/scripts/results-section.sh"
results="$root/docs/results.md"
if [[ $write_docs == 1 && -f "$results" ]]; then
  start='<!-- spark-local:start -->'; end='<!-- spark-local:end -->'
  commit=$(git -C "$root" describe --always --dirty 2>/dev/null || echo unknown)
  header="Measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit \`$commit\` on $(nproc) cores (Java $(java -version 2>&1 \
    | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -1)), heap \`$heap\`${NICE:+, under \`nice -n $NICE\`}, generator seed $seed. Reproduce with \`${NICE:+NICE=$NICE }scripts/spark-benchmark.sh ${sizes[*]}\`."
  replace_results_section "$results" "$start" "$end" "$header" "$table"
fi
