#!/usr/bin/env bash
# Side-by-side benchmarks of issue 7: koperasi vs polars vs pandas (see BENCHMARKS.md).
#
#   benches/compare/run.sh [--size N] [--members M] [--reps R] [--jobs "j1 j2 j3 j4"] [--seed S]
#                          [--no-pandas-j2] [--check-only]
#
# Builds (release), generates the data once per (size, members, seed) into target/bench-data/,
# runs every implementation of each job alternately R times, checks that all implementations
# give identical results (exit 1 otherwise), and prints a markdown table of medians, ratios and
# peak memory. --check-only runs each implementation once and only checks (the CI smoke test,
# .ci/parts/50-bench-smoke.sh). Timings from a loaded machine are noise: run it alone.
# J4 (the Python package) builds the wheel of bindings/python with maturin into the bench venv;
# it is skipped (with a message) when that build fails.
set -euo pipefail

SIZE=1000000
MEMBERS=10000000
REPS=5
JOBS="j1 j2 j3 j4"
SEED=7
PANDAS_J2=1
CHECK_ONLY=0
AS_OF=2025-07-31
J2_FIRST=2015-08
J2_MONTHS=120
while [ $# -gt 0 ]; do
  case "$1" in
    --size) SIZE="$2"; shift 2 ;;
    --members) MEMBERS="$2"; shift 2 ;;
    --reps) REPS="$2"; shift 2 ;;
    --jobs) JOBS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --no-pandas-j2) PANDAS_J2=0; shift ;;
    --check-only) CHECK_ONLY=1; REPS=1; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/benches/compare"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
BIN="$TARGET/release"
VENV="$ROOT/target/bench-venv"
PY="$VENV/bin/python"

echo "== build (release)"
cargo build --release --quiet --locked --manifest-path "$ROOT/Cargo.toml" -p koperasi-cli -p koperasi-bench

echo "== python venv ($VENV)"
if ! "$PY" -c "import polars, pandas, numpy, psutil, pyarrow" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$PY" -m pip install --quiet --disable-pip-version-check polars pandas numpy psutil pyarrow
fi
"$PY" -c "import sys, polars, pandas, numpy; print('python', sys.version.split()[0], 'polars', polars.__version__, 'pandas', pandas.__version__, 'numpy', numpy.__version__)"

HAVE_J4=0
case " $JOBS " in
  *" j4 "*)
    echo "== python package (bindings/python, maturin build --release)"
    if ! "$VENV/bin/maturin" --version >/dev/null 2>&1; then
      "$PY" -m pip install --quiet --disable-pip-version-check "maturin==1.16.0" || true
    fi
    WHEELS="$TARGET/bench-wheels"
    rm -rf "$WHEELS"
    if (cd "$ROOT" && "$VENV/bin/maturin" build --release --locked -m bindings/python/Cargo.toml -o "$WHEELS" >"$TARGET/bench-wheel.log" 2>&1) \
       && "$PY" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$WHEELS"/koperasi-*.whl; then
      HAVE_J4=1
    else
      echo "   J4 skipped: the wheel did not build (see $TARGET/bench-wheel.log)"
    fi
    ;;
esac

DATA="$ROOT/target/bench-data/c$SIZE-m$MEMBERS-s$SEED"
if [ ! -f "$DATA/.complete" ]; then
  echo "== generate $SIZE coops, $MEMBERS members (seed $SEED) into $DATA"
  mkdir -p "$DATA"
  "$BIN/kopgen" --coops "$SIZE" --members "$MEMBERS" --seed "$SEED" --out "$DATA"
  touch "$DATA/.complete"
fi
ls -l "$DATA" | sed 's/^/   /'

OUT="$DATA/out"
mkdir -p "$OUT"
LOG="$OUT/runs.jsonl"
: > "$LOG"
M() { python3 "$HERE/compare.py" measure "$LOG" "$@"; }
REG="$DATA/register.csv"

# J3 through koperasi: the SHU module is being built (issue 5). TODO(lead): add a `j3`
# subcommand to benches/gen/src/bin/kopjobs.rs that reads members.csv and shu_pools.csv,
# distributes each pool with koperasi::shu (largest remainder, ties in file order) and writes
# the same CSV as jobs_polars.py j3 (pool,amount_sen,distributed,extra_sen_members,weighted).
# It is picked up here as soon as `kopjobs j3 --help` succeeds.
HAVE_J3=0
"$BIN/kopjobs" j3 --help >/dev/null 2>&1 && HAVE_J3=1

for rep in $(seq 1 "$REPS"); do
  echo "== round $rep/$REPS"
  for job in $JOBS; do
    case "$job" in
      j1)
        M j1:koperasi -- "$BIN/kopjobs" j1 --register "$REG" --as-of "$AS_OF" --out "$OUT/j1-koperasi.csv"
        M j1:koperasi-cli -- sh -c "'$BIN/koperasi' report '$REG' --by provinsi,jenis,status --as-of $AS_OF --format csv > '$OUT/j1-cli.csv'"
        M j1:polars -- "$PY" "$HERE/jobs_polars.py" j1 "$DATA" "$OUT/j1-polars.csv" "$AS_OF"
        M j1:pandas -- "$PY" "$HERE/jobs_pandas.py" j1 "$DATA" "$OUT/j1-pandas.csv" "$AS_OF"
        M j1:limit-parse-only -- "$BIN/kopjobs" parse-only --register "$REG"
        ;;
      j2)
        M j2:koperasi -- "$BIN/kopjobs" j2 --register "$REG" --first "$J2_FIRST" --months "$J2_MONTHS" --out "$OUT/j2-koperasi.csv"
        M j2:polars -- "$PY" "$HERE/jobs_polars.py" j2 "$DATA" "$OUT/j2-polars.csv" "$J2_FIRST" "$J2_MONTHS"
        [ "$PANDAS_J2" = 1 ] && M j2:pandas -- "$PY" "$HERE/jobs_pandas.py" j2 "$DATA" "$OUT/j2-pandas.csv" "$J2_FIRST" "$J2_MONTHS"
        ;;
      j3)
        [ "$HAVE_J3" = 1 ] && M j3:koperasi -- "$BIN/kopjobs" j3 --members "$DATA/members.csv" --pools "$DATA/shu_pools.csv" --out "$OUT/j3-koperasi.csv"
        M j3:polars -- "$PY" "$HERE/jobs_polars.py" j3 "$DATA" "$OUT/j3-polars.csv"
        M j3:pandas -- "$PY" "$HERE/jobs_pandas.py" j3 "$DATA" "$OUT/j3-pandas.csv"
        M j3:limit-sum-only -- "$BIN/kopjobs" sum-only --members "$DATA/members.csv"
        ;;
      j4)
        # J1 through the Python package; compared with the Rust CLI-side rows of J1.
        [ "$HAVE_J4" = 1 ] && M j4:py-path -- "$PY" "$HERE/j4_python.py" path "$DATA" "$OUT/j4-path.csv" "$AS_OF"
        [ "$HAVE_J4" = 1 ] && M j4:py-polars -- "$PY" "$HERE/j4_python.py" polars "$DATA" "$OUT/j4-polars.csv" "$AS_OF"
        [ "$HAVE_J4" = 1 ] && M j4:py-to-pandas -- "$PY" "$HERE/j4_python.py" to-pandas "$DATA" "$OUT/j4-to-pandas.csv" "$AS_OF"
        M j4:koperasi -- "$BIN/kopjobs" j1 --batch --register "$REG" --as-of "$AS_OF" --out "$OUT/j4-batch.csv"
        ;;
      *) echo "unknown job $job" >&2; exit 2 ;;
    esac
  done
done

echo "== result checks"
status=0
for job in $JOBS; do
  case "$job" in
    j1)
      python3 "$HERE/compare.py" check-j1 "$OUT/j1-koperasi.csv" "$OUT/j1-polars.csv" "$OUT/j1-pandas.csv" || status=1
      python3 "$HERE/compare.py" check-j1-cli "$OUT/j1-koperasi.csv" "$OUT/j1-cli.csv" || status=1
      ;;
    j2)
      others=("$OUT/j2-polars.csv"); [ "$PANDAS_J2" = 1 ] && others+=("$OUT/j2-pandas.csv")
      python3 "$HERE/compare.py" check-j2 "$OUT/j2-koperasi.csv" "${others[@]}" || status=1
      ;;
    j3)
      others=("$OUT/j3-pandas.csv"); [ "$HAVE_J3" = 1 ] && others+=("$OUT/j3-koperasi.csv")
      python3 "$HERE/compare.py" check-j3 "$DATA" "$OUT/j3-polars.csv" "${others[@]}" || status=1
      ;;
    j4)
      others=(); [ "$HAVE_J4" = 1 ] && others+=("$OUT/j4-path.csv" "$OUT/j4-polars.csv")
      python3 "$HERE/compare.py" check-j1 "$OUT/j4-batch.csv" "${others[@]}" || status=1
      ;;
  esac
done

if [ "$CHECK_ONLY" = 0 ]; then
  echo "== machine"
  echo "   $(uname -srm); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); $(free -g | awk '/Mem:/{print $2" GiB"}')"
  python3 "$HERE/compare.py" table "$LOG" "$SIZE coops ($(du -h "$REG" | cut -f1) CSV), $MEMBERS members ($(du -h "$DATA/members.csv" | cut -f1) CSV), $REPS rounds"
fi
exit $status
