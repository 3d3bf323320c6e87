#!/usr/bin/env bash
# Lints a generated corpus and prints its wall time next to `cat` of the same
# files (the I/O floor), `rg -c 总计` and `typos`, all on the same warm page
# cache and in interleaved rounds (one run of each tool per round), so that
# the ratios of issue 16 are compared, not absolute times on a noisy machine.
# Then one typical report, whole process, disclint against `rg` on the same
# file, interleaved the same way.
#
#   benches/corpus.sh [N_FILES] [DIR]      (defaults: 5000, target/bench-corpus)
#   RUNS=7 BIN=path/to/disclint benches/corpus.sh     (rounds; another build)
#
# Needs: cargo, GNU time (/usr/bin/time); optional: rg (ripgrep), typos.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-5000}
DIR=${2:-${CARGO_TARGET_DIR:-target}/bench-corpus}
RUNS=${RUNS:-7}
ONE_RUNS=${ONE_RUNS:-50}
TARGET=${CARGO_TARGET_DIR:-target}

if [ -z "${BIN:-}" ]; then
    cargo build --release --quiet
    BIN="$TARGET/release/disclint"
fi
if [ ! -f "$DIR/.complete-$N" ]; then
    rm -rf "$DIR"
    cargo run --release --quiet --example gen_corpus -- --n "$N" --out "$DIR" --seed 1 --min-kb 8 --max-kb 12 >&2
    touch "$DIR/.complete-$N"
fi
FILES=$(find "$DIR" -name '*.txt' | wc -l)
BYTES=$(find "$DIR" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", b - a }'; }
median() { sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }

# Peak resident set size of one run, in MiB.
peak_rss() {
    /usr/bin/time -f '%M' "$@" 2>&1 > /dev/null | tail -1 | awk '{ printf "%.1f", $1 / 1024 }'
}

# The tools compared on the corpus, by name.
declare -A COMMAND
COMMAND[disclint]="$BIN check $DIR --format json"
COMMAND[cat]="find '$DIR' -name '*.txt' -print0 | xargs -0 cat"
TOOLS=(disclint cat)
if command -v rg > /dev/null; then COMMAND[rg]="rg -c 总计 $DIR"; TOOLS+=(rg); fi
if command -v typos > /dev/null; then COMMAND[typos]="typos $DIR"; TOOLS+=(typos); fi

# Warm the page cache, so that every tool reads from memory.
find "$DIR" -name "*.txt" -print0 | xargs -0 cat > /dev/null

declare -A TIMES
for _ in $(seq "$RUNS"); do
    for tool in "${TOOLS[@]}"; do
        start=$(now)
        bash -c "${COMMAND[$tool]}" > /dev/null 2>&1 || true
        TIMES[$tool]+="$(elapsed "$start" "$(now)") "
    done
done
declare -A WALL RSS
for tool in "${TOOLS[@]}"; do
    WALL[$tool]=$(printf '%s\n' ${TIMES[$tool]} | median)
done
RSS[disclint]=$(peak_rss "$BIN" check "$DIR" --format json)
RSS[cat]=-
[ -n "${COMMAND[rg]:-}" ] && RSS[rg]=$(peak_rss rg -c 总计 "$DIR")
[ -n "${COMMAND[typos]:-}" ] && RSS[typos]=$(peak_rss typos "$DIR")
# The same run on a tenth of the files: memory should not grow with their number.
TENTH=$(find "$DIR" -name "*.txt" | sort | sed -n "1,$((FILES / 10 + 1))p")
# shellcheck disable=SC2086
RSS_TENTH=$(peak_rss "$BIN" check $TENTH --format json)

printf '\ncorpus: %s files, %.1f MB, %s; %s interleaved rounds, median wall time\n' \
    "$FILES" "$(awk -v b="$BYTES" 'BEGIN { print b / 1e6 }')" "$DIR" "$RUNS"
printf '%-10s %9s %10s %9s %10s %12s\n' tool wall_s files/s MB/s rss_MiB ×disclint
for tool in "${TOOLS[@]}"; do
    awk -v n="$tool" -v w="${WALL[$tool]}" -v f="$FILES" -v b="$BYTES" -v r="${RSS[$tool]}" -v d="${WALL[disclint]}" \
        'BEGIN { printf "%-10s %9.3f %10.0f %9.1f %10s %12.2f\n", n, w, f / w, b / 1e6 / w, r, w / d }'
done
if [ -n "${WALL[rg]:-}" ]; then
    awk -v d="${WALL[disclint]}" -v r="${WALL[rg]}" \
        'BEGIN { printf "disclint / rg -c 总计: %.1f (target ≤ 10)\n", d / r }'
fi
if [ -n "${WALL[typos]:-}" ]; then
    awk -v d="${WALL[disclint]}" -v t="${WALL[typos]}" \
        'BEGIN { printf "disclint / typos: %.2f (target < 1, faster than typos)\n", d / t }'
fi
printf 'disclint peak RSS: %s MiB on %s files, %s MiB on a tenth of them (target: flat)\n' \
    "${RSS[disclint]}" "$FILES" "$RSS_TENTH"

# One typical report, whole process: per round, ONE_RUNS runs of each tool
# back to back; the median of the rounds' means.
ONE=$(find "$DIR" -name "*.txt" | sort | sed -n 1p)
declare -A ONE_TIMES
ONE_TOOLS=(disclint)
declare -A ONE_COMMAND
ONE_COMMAND[disclint]="$BIN check $ONE --format json"
if command -v rg > /dev/null; then ONE_COMMAND[rg]="rg -c 总计 $ONE"; ONE_TOOLS+=(rg); fi
for _ in $(seq "$RUNS"); do
    for tool in "${ONE_TOOLS[@]}"; do
        read -ra argv <<< "${ONE_COMMAND[$tool]}"
        start=$(now)
        for _ in $(seq "$ONE_RUNS"); do "${argv[@]}" > /dev/null 2>&1 || true; done
        ONE_TIMES[$tool]+="$(awk -v a="$start" -v b="$(now)" -v n="$ONE_RUNS" 'BEGIN { printf "%.3f", (b - a) * 1000 / n }') "
    done
done
ONE_MS=$(printf '%s\n' ${ONE_TIMES[disclint]} | median)
printf '\none report (%s, %d bytes), whole process, median of %s rounds of %s runs:\n' \
    "$ONE" "$(stat -c %s "$ONE")" "$RUNS" "$ONE_RUNS"
printf 'disclint %.2f ms (target ≤ 3 on a quiet machine)\n' "$ONE_MS"
if [ -n "${ONE_COMMAND[rg]:-}" ]; then
    RG_MS=$(printf '%s\n' ${ONE_TIMES[rg]} | median)
    awk -v d="$ONE_MS" -v r="$RG_MS" \
        'BEGIN { printf "rg       %.2f ms; disclint / rg: %.2f (target ≤ 1.5)\n", r, d / r }'
fi
