#!/usr/bin/env bash
# Lints a generated corpus and prints files/s, MB/s and peak RSS next to
# `rg -c 总计` and `cat` of the same files (the I/O floor) and `typos`, all in
# one run on the same warm page cache, so that ratios, not absolute times, are
# compared. Also times one typical report from process start to exit.
#
#   benches/corpus.sh [N_FILES] [DIR]      (defaults: 5000, target/bench-corpus)
#
# Needs: cargo, GNU time (/usr/bin/time); optional: rg (ripgrep), typos.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-5000}
DIR=${2:-${CARGO_TARGET_DIR:-target}/bench-corpus}
RUNS=${RUNS:-5}
TARGET=${CARGO_TARGET_DIR:-target}

cargo build --release --quiet
BIN="$TARGET/release/disclint"
if [ ! -f "$DIR/.complete-$N" ]; then
    rm -rf "$DIR"
    cargo run --release --quiet --example gen_corpus -- --n "$N" --out "$DIR" --seed 1 --min-kb 8 --max-kb 12 >&2
    touch "$DIR/.complete-$N"
fi
FILES=$(find "$DIR" -name '*.txt' | wc -l)
BYTES=$(find "$DIR" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)

now() { date +%s.%N; }

# Median wall time of $RUNS runs of a command (output discarded), in seconds.
median() {
    local times=()
    for _ in $(seq "$RUNS"); do
        local start end
        start=$(now)
        "$@" > /dev/null 2>&1 || true
        end=$(now)
        times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

# Peak resident set size of one run, in MiB.
peak_rss() {
    /usr/bin/time -f '%M' "$@" 2>&1 > /dev/null | tail -1 | awk '{ printf "%.1f", $1 / 1024 }'
}


# Warm the page cache, so that every tool reads from memory.
find "$DIR" -name "*.txt" -print0 | xargs -0 cat > /dev/null

declare -A WALL RSS
run() {
    local name=$1
    shift
    WALL[$name]=$(median "$@")
    RSS[$name]=$(peak_rss "$@")
}

run disclint "$BIN" check "$DIR"
WALL[cat]=$(median bash -c "find '$DIR' -name '*.txt' -print0 | xargs -0 cat")
RSS[cat]=-
if command -v rg > /dev/null; then run rg rg -c 总计 "$DIR"; fi
if command -v typos > /dev/null; then run typos typos "$DIR"; fi

printf '\ncorpus: %s files, %.1f MB, %s; %s runs each, median wall time\n' \
    "$FILES" "$(awk -v b="$BYTES" 'BEGIN { print b / 1e6 }')" "$DIR" "$RUNS"
printf '%-10s %9s %10s %9s %10s %12s\n' tool wall_s files/s MB/s rss_MiB ×disclint
for name in disclint cat rg typos; do
    [ -n "${WALL[$name]:-}" ] || continue
    awk -v n="$name" -v w="${WALL[$name]}" -v f="$FILES" -v b="$BYTES" -v r="${RSS[$name]}" -v d="${WALL[disclint]}" \
        'BEGIN { printf "%-10s %9.3f %10.0f %9.1f %10s %12.2f\n", n, w, f / w, b / 1e6 / w, r, w / d }'
done
if [ -n "${WALL[rg]:-}" ]; then
    awk -v d="${WALL[disclint]}" -v r="${WALL[rg]}" 'BEGIN { printf "disclint / rg -c 总计: %.2f (target ≤ 4)\n", d / r }'
fi
if [ -n "${WALL[typos]:-}" ]; then
    awk -v d="${WALL[disclint]}" -v t="${WALL[typos]}" 'BEGIN { printf "typos / disclint: %.2f (target ≥ 2)\n", t / d }'
fi
printf 'disclint peak RSS: %s MiB (target ≤ 32)\n' "${RSS[disclint]}"

# One typical report, whole process: mean over 200 runs.
ONE=$(find "$DIR" -name "*.txt" | sort | sed -n 1p)
start=$(now)
for _ in $(seq 200); do "$BIN" check "$ONE" > /dev/null; done
end=$(now)
awk -v a="$start" -v b="$end" -v f="$ONE" -v s="$(stat -c %s "$ONE")" \
    'BEGIN { printf "one report (%s, %d bytes), whole process: %.2f ms (target ≤ 3)\n", f, s, (b - a) * 1000 / 200 }'
