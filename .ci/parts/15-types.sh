# Generated types (issue 16): regenerate the JSON Schema of the result types from the Rust serde
# types and the Python dataclasses from it (tools/gen-types/regen.sh), and fail when they differ
# from the committed files: a Rust field added without regenerating. The drift tests
# (tools/gen-types/tests/drift.rs; bindings/python/tests/test_generated_types.py) run with the
# Rust and Python tests. Sourced by .ci/run (uses its `step`); sets no traps.
GENERATED_TYPES="schema bindings/python/python/koperasi/_types.py"

step "types: regenerate the schema and the Python types; git diff --exit-code"
bash tools/gen-types/regen.sh
# shellcheck disable=SC2086
git diff --exit-code -- $GENERATED_TYPES
# shellcheck disable=SC2086
untracked=$(git ls-files --others --exclude-standard -- $GENERATED_TYPES)
[ -z "$untracked" ] || { echo "generated files not committed: $untracked"; exit 1; }
