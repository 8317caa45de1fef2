#!/usr/bin/env bash
# Before/after comparison of two renja binaries on the benchmark corpora (BENCHMARKS.md, "What was
# optimised"): full builds of 1, 40 and 200 documents, a rebuild after one edited table row (200
# documents) and `renja check` (200 documents). Run Benchmarks/run.py first (it makes the corpora).
#   Benchmarks/before-after.sh OLD_RENJA NEW_RENJA
set -euo pipefail
cd "$(dirname "$0")/.."
W=Benchmarks/.work
T=${TEMPLATES:-Templates}
export RENJA_PAGEFIND=/nonexistent   # search off, as in the benchmark
export RENJA_WEASYPRINT=/nonexistent # no PDF either
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
edit() {  # change the last pagu of one document's Tabel 2 by $2
  python3 - "$1" "$2" <<'PY'
import re, sys
p, delta = sys.argv[1], int(sys.argv[2])
s = open(p, encoding="utf-8").read()
m = list(re.finditer(r"^(\s+pagu: )([0-9.]+)$", s, re.M))[-1]
s = s[:m.start(2)] + f"{int(m.group(2).replace('.', '')) + delta:,}".replace(",", ".") + s[m.end(2):]
open(p, "w", encoding="utf-8").write(s)
PY
}
for bin in "$@"; do
  name=$(basename "$(dirname "$bin")")/$(basename "$bin")
  for n in 1 40 200; do
    runs=3; [ "$n" = 200 ] && runs=1
    for _ in $(seq $runs); do
      rm -rf "$out/site" "$out/cache"; sync
      RENJA_CACHE_DIR="$out/cache" /usr/bin/time -f "$name full $n documents: %e s, %M KB, cpu %U+%S" \
        "$bin" build --content $W/corpus-$n/renja/Content --templates "$T" --output "$out/site" 2>&1 >/dev/null | tail -1
    done
  done
  f=$(ls -d $W/corpus-200/renja/Content/*/ | sed -n 100p)tabel/rencana.yaml
  edit "$f" 1000; sync
  RENJA_CACHE_DIR="$out/cache" /usr/bin/time -f "$name rebuild after one edit, 200 documents: %e s, %M KB, cpu %U+%S" \
    "$bin" build --content $W/corpus-200/renja/Content --templates "$T" --output "$out/site" 2>&1 >/dev/null | tail -1
  edit "$f" -1000; sync
  /usr/bin/time -f "$name check 200 documents: %e s, %M KB, cpu %U+%S" \
    "$bin" check --content $W/corpus-200/renja/Content 2>&1 >/dev/null | tail -1 || true
done
