#!/usr/bin/env bash
# Time per PDF: `disclint check` over N copies of the clean PDF fixture, next
# to `pdftotext -layout` alone over the same files (two at a time, as
# disclint's two threads run it), so that what is disclint's and what is the
# subprocess's can be told apart.
#
#   benches/pdf_corpus.sh [N_FILES] [DIR]      (defaults: 1000, target/bench-pdf)
#
# Needs: cargo, pdftotext (poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-1000}
DIR=${2:-${CARGO_TARGET_DIR:-target}/bench-pdf}
RUNS=${RUNS:-3}
TARGET=${CARGO_TARGET_DIR:-target}
PDF=tests/fixtures/inputs/pdf/clean-2024.pdf

cargo build --release --quiet
BIN="$TARGET/release/disclint"
if [ ! -f "$DIR/.complete-$N" ]; then
    rm -rf "$DIR"
    mkdir -p "$DIR"
    for i in $(seq -w 1 "$N"); do cp "$PDF" "$DIR/r$i.pdf"; done
    touch "$DIR/.complete-$N"
fi
cat "$DIR"/*.pdf > /dev/null

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

pdftotext_all() {
    find "$DIR" -name '*.pdf' -print0 | xargs -0 -P 2 -I{} pdftotext -layout -enc UTF-8 {} - > /dev/null
}

DISCLINT=$(median "$BIN" check "$DIR")
TOOL=$(median pdftotext_all)
awk -v n="$N" -v d="$DISCLINT" -v t="$TOOL" 'BEGIN {
    printf "%d PDFs (%s, copies)\n", n, "clean-2024.pdf"
    printf "disclint check:        %.2f s, %.2f ms per file\n", d, 1000 * d / n
    printf "pdftotext alone (x2):  %.2f s, %.2f ms per file\n", t, 1000 * t / n
    printf "disclint beyond it:    %.2f ms per file\n", 1000 * (d - t) / n
}'
