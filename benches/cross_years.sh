#!/usr/bin/env bash
# The checks across reports on a large batch, whole process: time and peak
# memory (GNU time -v) of `disclint check` on N synthetic reports (default
# 10,000) of N agencies for 2024, each with prose of its own and ten planted
# copies between agencies (Y005), and on the same agencies' 2023 reports
# given with --previous (Y001–Y004). Also the same batch with the Y rules
# off (results stream, nothing is held), and the cost of reading the facts
# alone (last year's reports read for their facts, none checked): what a
# second pass over the files would cost instead of holding results.
#
# benches/cross_years.sh [N] [DIR]
set -euo pipefail
N=${1:-10000}
DIR=${2:-target/cross-years-corpus}
cargo build --release --bin disclint --example gen_corpus
gen=target/release/examples/gen_corpus
bin=target/release/disclint
rm -rf "$DIR"
"$gen" --n "$N" --out "$DIR/2024" --seed 1 --min-kb 8 --max-kb 12 --prose --copies 10
"$gen" --n "$N" --out "$DIR/2023" --seed 2 --min-kb 8 --max-kb 12 --prose --year 2023
# Warm the page cache.
cat "$DIR"/2024/* "$DIR"/2023/* > /dev/null

measure() {
    local name=$1
    shift
    local log
    log=$(mktemp)
    /usr/bin/time -v "$bin" check --no-config --format json "$@" > "$log.out" 2> "$log" || true
    local wall rss findings
    wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
    rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
    findings=$(grep -o '"code": "Y00[1-5]"' "$log.out" | sort | uniq -c | awk '{printf "%s %s ", $3, $1}' | tr -d '"')
    printf '| %s | %s | %d | %s |\n' "$name" "$wall" $((rss / 1024)) "${findings:-none}"
    rm -f "$log" "$log.out"
}

echo "| run | wall (m:ss) | peak RSS MiB | Y findings |"
echo "|---|---:|---:|---|"
measure "$N reports, Y rules off (streamed)" --ignore Y "$DIR/2024"
measure "$N reports, Y005 on (held)" "$DIR/2024"
measure "$N reports, --previous $N of last year" "$DIR/2024" --previous "$DIR/2023"
measure "facts alone of $N reports (--previous, one checked)" "$DIR/2024/report-00000.txt" --previous "$DIR/2023"
