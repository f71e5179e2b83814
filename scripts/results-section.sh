#!/usr/bin/env bash
# Sourced by the benchmark scripts: replace_results_section RESULTS START END HEADER TABLE puts HEADER, a blank
# line and the TABLE file between the START and END marker lines of RESULTS (the one benchmark results file),
# or appends the marked section when RESULTS has no such markers yet.
replace_results_section() {
  local results=$1 start=$2 end=$3 header=$4 table=$5
  if grep -qF "$start" "$results" && grep -qF "$end" "$results"; then
    awk -v start="$start" -v end="$end" -v header="$header" -v table="$table" '
      $0 == start { print; print header; print ""; while ((getline line < table) > 0) print line; skip = 1; next }
      $0 == end { skip = 0 }
      !skip { print }' "$results" > "$results.tmp" && mv "$results.tmp" "$results"
  else
    { echo; echo "$start"; echo "$header"; echo; cat "$table"; echo "$end"; } >> "$results"
  fi
  echo "written to $results"
}
