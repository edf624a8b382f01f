# Fuzz smoke run (issue 8): each cargo-fuzz target for a short time, starting from the
# committed corpus in fuzz/corpus/<target>. The long runs (10 minutes per target) are in
# fuzz/README.md. The corpus is also replayed on stable by `cargo test` (tests/bad_input.rs,
# `fuzz_corpus_replays`), so a machine without nightly still checks every committed input.
FUZZ_SECONDS=${FUZZ_SECONDS:-10}
step "fuzz smoke: ${FUZZ_SECONDS}s per target (nightly, cargo-fuzz)"
if rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal; then
    command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
    fuzz_tmp=$(mktemp -d)
    for target in $(cargo +nightly fuzz list --fuzz-dir fuzz); do
        mkdir -p "$fuzz_tmp/$target"
        # New inputs go to the temporary folder; the committed corpus is only read.
        cargo +nightly fuzz run --fuzz-dir fuzz "$target" "$fuzz_tmp/$target" "fuzz/corpus/$target" \
            -- -max_total_time="$FUZZ_SECONDS" -rss_limit_mb=2048 2>&1 | tail -n 3
    done
    rm -rf "$fuzz_tmp"
else
    echo "nightly cannot be installed here: the committed fuzz corpus was replayed by cargo test instead"
fi
