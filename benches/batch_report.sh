#!/usr/bin/env bash
# Time and peak memory of `disclint report` (HTML, XLSX, CSV) over N
# generated reports, next to `disclint check --format json` of the same
# files: median wall time of RUNS runs each, peak RSS from GNU time.
#
# The reports are gen_corpus's (consistent figures, the renderings
# rotating, 8–12 KB); a quarter are made departments (`…局`), a third get
# last year's statistics period (P002) and a fifth a template placeholder
# (X001), so that the page has agencies of two kinds and findings to show.
#
#   benches/batch_report.sh [N_FILES] [DIR]   (defaults: 1000, target/bench-report)
#
# Needs: cargo, GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-1000}
DIR=${2:-${CARGO_TARGET_DIR:-target}/bench-report}
RUNS=${RUNS:-3}
TARGET=${CARGO_TARGET_DIR:-target}
OUT="$TARGET/bench-report-out"

cargo build --release --quiet
BIN="$TARGET/release/disclint"
if [ ! -f "$DIR/.complete-$N" ]; then
    rm -rf "$DIR"
    cargo run --release --quiet --example gen_corpus -- --n "$N" --out "$DIR" --seed 1 --min-kb 8 --max-kb 12 >&2
    i=0
    for file in "$DIR"/*.txt; do
        (( i % 4 == 1 )) && sed -i -E '1s/第([0-9]+)乡人民政府/第\1局/' "$file"
        (( i % 3 == 0 )) && sed -i 's/统计期限为2024年/统计期限为2023年/' "$file"
        (( i % 5 == 0 )) && sed -i 's/主动公开政府信息。/主动公开政府信息XX条。/' "$file"
        i=$((i + 1))
    done
    touch "$DIR/.complete-$N"
fi
mkdir -p "$OUT"
FILES=$(find "$DIR" -name '*.txt' | wc -l)
find "$DIR" -name '*.txt' -print0 | xargs -0 cat > /dev/null

# Median wall time of $RUNS runs of a command (output discarded), in seconds.
median() {
    local times=()
    for _ in $(seq "$RUNS"); do
        local start end
        start=$(date +%s.%N)
        "$@" > /dev/null 2>&1 || true
        end=$(date +%s.%N)
        times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

# Peak RSS of one run, in MiB.
peak() {
    { /usr/bin/time -f '%M' "$@" 2>&1 > /dev/null || true; } | tail -1 | awk '{ printf "%.1f", $1 / 1024 }'
}

row() {
    local name=$1 size=$2
    shift 2
    local wall rss
    wall=$(median "$@")
    rss=$(peak "$@")
    awk -v n="$name" -v w="$wall" -v f="$FILES" -v r="$rss" -v s="$size" 'BEGIN {
        printf "%-28s %7.3f s  %6.2f ms/report  peak RSS %7.1f MiB  %s\n", n, w, w * 1000 / f, r, s }'
}

size() { du -h "$1" 2>/dev/null | cut -f1; }

echo "$FILES reports in $DIR"
row "check --format json" "" "$BIN" check "$DIR" --format json
"$BIN" report "$DIR" -o "$OUT/report.html" > /dev/null 2>&1 || true
row "report -o report.html" "$(size "$OUT/report.html")" "$BIN" report "$DIR" -o "$OUT/report.html"
"$BIN" report "$DIR" -o "$OUT/report.xlsx" > /dev/null 2>&1 || true
row "report -o report.xlsx" "$(size "$OUT/report.xlsx")" "$BIN" report "$DIR" -o "$OUT/report.xlsx"
row "report --format csv" "" "$BIN" report "$DIR" --format csv
