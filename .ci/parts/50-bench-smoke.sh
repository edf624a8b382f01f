# shellcheck shell=bash
# Benchmark smoke test (issue 7): the side-by-side script at 10,000 coops / 100,000 members,
# each implementation once, checking that koperasi, the CLI, polars and pandas give identical
# counts and SHU results (and a pure-Python integer reference for SHU). No timing assertions.
# Sourced by .ci/run (uses its `step`); installs polars/pandas into target/bench-venv idempotently.
step "bench smoke: benches/compare/run.sh --check-only at 10,000 coops"
bash benches/compare/run.sh --size 10000 --members 100000 --check-only
