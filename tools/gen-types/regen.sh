#!/usr/bin/env bash
# Regenerate every file generated from the Rust result types: schema/koperasi.schema.json (from
# the serde types, `cargo run -p gen-types`) and, from it, the Python dataclasses
# bindings/python/python/koperasi/_types.py. CI runs this and `git diff --exit-code`.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo run -q --locked -p gen-types -- schema/koperasi.schema.json
python3 tools/gen-types/gen_python.py schema/koperasi.schema.json \
    bindings/python/python/koperasi/_types.py
