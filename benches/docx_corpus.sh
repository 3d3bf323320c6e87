#!/usr/bin/env bash
# Checks 1,000 generated Word documents (`.docx`) with the release binary and
# prints the time per file: reading and checking, then with --annotate (each
# copy written atomically into a scratch folder). Median of $RUNS runs.
#
#   benches/docx_corpus.sh [N_FILES] [DIR]   (defaults: 1000, target/docx-corpus)
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-1000}
DIR=${2:-${CARGO_TARGET_DIR:-target}/docx-corpus}
RUNS=${RUNS:-3}
TARGET=${CARGO_TARGET_DIR:-target}

cargo build --release --quiet
BIN="$TARGET/release/disclint"
if [ ! -f "$DIR/.complete-$N" ]; then
    rm -rf "$DIR"
    cargo run --release --quiet --example gen_docx_corpus -- --n "$N" --out "$DIR" --seed 1 >&2
    touch "$DIR/.complete-$N"
fi
FILES=$(find "$DIR" -name '*.docx' | wc -l)
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

median() {
    local times=()
    for _ in $(seq "$RUNS"); do
        rm -rf "$OUT/copies"
        local start end
        start=$(date +%s.%N)
        "$@" > /dev/null 2>&1 || true
        end=$(date +%s.%N)
        times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

check=$(median "$BIN" check "$DIR" --format concise)
annotate=$(median "$BIN" check "$DIR" --format concise --annotate --annotate-dir "$OUT/copies")
awk -v n="$FILES" -v c="$check" -v a="$annotate" 'BEGIN {
    printf "%d .docx files\n", n
    printf "check:             %.2f s, %.2f ms per file\n", c, 1000 * c / n
    printf "check --annotate:  %.2f s, %.2f ms per file\n", a, 1000 * a / n
}'
