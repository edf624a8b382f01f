# Python package (issues 3, 5, 6): build the abi3 wheel with maturin, install it in a venv under
# target/, run pytest (vectors, real files, types, pandas/polars round trips), mypy --strict on a
# typed usage file, stubtest on the native module's stubs, and the example.
# Sourced by .ci/run (uses its `step`); sets no traps.
PY_VENV=${PY_VENV:-target/py-venv}
# lifelines: the live Kaplan-Meier comparison (tests/test_kaplan_meier_lifelines.py; about 16 s
# to install; it pins pandas < 3). pyarrow: the Arrow tables' to_pandas() and DataFrames in (issue 16).
PY_PKGS="maturin==1.16.0 pytest pandas polars pyarrow mypy matplotlib lifelines"

step "python: venv $PY_VENV ($PY_PKGS)"
[ -x "$PY_VENV/bin/python" ] || python3 -m venv "$PY_VENV"
# shellcheck disable=SC2086
"$PY_VENV/bin/python" -m pip install -q --disable-pip-version-check $PY_PKGS

step "python: maturin build --release + install the wheel"
rm -rf target/wheels
"$PY_VENV/bin/maturin" build --release --locked -m bindings/python/Cargo.toml -o target/wheels
"$PY_VENV/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps target/wheels/koperasi-*.whl
ls -l target/wheels/

step "python: pytest"
(cd bindings/python && "../../$PY_VENV/bin/python" -m pytest -q -p no:cacheprovider tests)

step "python: mypy --strict on a typed usage file; stubtest"
(cd bindings/python && "../../$PY_VENV/bin/python" -m mypy --strict --no-incremental typing/usage.py)
"$PY_VENV/bin/python" -m mypy.stubtest koperasi --allowlist bindings/python/stubtest-allowlist.txt

step "python: examples/python/east_java.py"
MPLBACKEND=Agg "$PY_VENV/bin/python" examples/python/east_java.py --out target/east_java.png
test -s target/east_java.png
