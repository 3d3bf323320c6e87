#!/usr/bin/env bash
# Time per web page: `disclint check DIR --format json` over N generated
# pages (the synthetic report as a content system's page, with its chrome
# and the official merged cells; page styles rotating), median of RUNS
# runs, with hyperfine when it is installed.
#
#   benches/html_pages.sh [N_FILES] [DIR]    (defaults: 1000, target/bench-html)
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-1000}
DIR=${2:-${CARGO_TARGET_DIR:-target}/bench-html}
RUNS=${RUNS:-5}
TARGET=${CARGO_TARGET_DIR:-target}

cargo build --release --quiet
BIN="$TARGET/release/disclint"
if [ ! -f "$DIR/.complete-$N" ]; then
    rm -rf "$DIR"
    cargo run --release --quiet --example gen_corpus -- --n "$N" --out "$DIR" --seed 1 --min-kb 8 --max-kb 12 --html >&2
    touch "$DIR/.complete-$N"
fi
FILES=$(find "$DIR" -name '*.html' | wc -l)
BYTES=$(find "$DIR" -name '*.html' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
find "$DIR" -name '*.html' -print0 | xargs -0 cat > /dev/null

if command -v hyperfine > /dev/null; then
    hyperfine --warmup 1 --runs "$RUNS" -i "$BIN check $DIR --format json"
fi
times=()
for _ in $(seq "$RUNS"); do
    start=$(date +%s.%N)
    "$BIN" check "$DIR" --format json > /dev/null || true
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')")
done
WALL=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
RSS=$(/usr/bin/time -f '%M' "$BIN" check "$DIR" --format json 2>&1 > /dev/null | tail -1)
awk -v w="$WALL" -v f="$FILES" -v b="$BYTES" -v r="$RSS" -v n="$RUNS" 'BEGIN {
    printf "%d pages, %.1f MB: median %.3f s of %d runs, %.2f ms per page, %.1f MB/s, peak RSS %.1f MiB\n",
        f, b / 1e6, w, n, w * 1000 / f, b / 1e6 / w, r / 1024 }'
