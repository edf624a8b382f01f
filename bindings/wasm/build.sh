#!/usr/bin/env bash
# Build the npm package from the repository root (or `npm run build` in bindings/wasm): the
# wasm32 release build, then wasm-bindgen for browsers (ES module, pkg-web/koperasi_wasm.js)
# and for Node (CommonJS, pkg-web/koperasi_wasm_node.cjs). Both glues load the SAME
# pkg-web/koperasi_wasm_bg.wasm: wasm-bindgen writes byte-identical .wasm files for the two
# targets (checked below), so the package ships one copy. Needs the wasm32 target and
# wasm-bindgen-cli at the version of the wasm-bindgen crate in Cargo.lock (see
# .ci/parts/30-wasm.sh, which installs both and calls this script).
set -euo pipefail
cd "$(dirname "$0")/../.."
WASM_TARGET=${WASM_TARGET:-wasm32-unknown-unknown}
cargo build --target "$WASM_TARGET" --release --locked -p koperasi-wasm
wasm_file=target/$WASM_TARGET/release/koperasi_wasm.wasm
out=bindings/wasm/pkg-web
node_tmp=target/wasm-bindgen-nodejs
rm -rf bindings/wasm/pkg-node "$out" "$node_tmp"
wasm-bindgen --target web --weak-refs --out-dir "$out" "$wasm_file"
wasm-bindgen --target nodejs --weak-refs --out-dir "$node_tmp" "$wasm_file"
# The Node glue reads `${__dirname}/koperasi_wasm_bg.wasm`: put it beside the web one, as .cjs
# (the package is "type": "module"), once the two .wasm are known to be the same bytes.
if ! cmp -s "$node_tmp/koperasi_wasm_bg.wasm" "$out/koperasi_wasm_bg.wasm"; then
  echo "build.sh: wasm-bindgen wrote different .wasm files for nodejs and web; cannot share one" >&2
  exit 1
fi
grep -q '/koperasi_wasm_bg.wasm`' "$node_tmp/koperasi_wasm.js" || {
  echo "build.sh: the nodejs glue no longer loads koperasi_wasm_bg.wasm from its folder" >&2
  exit 1
}
cp "$node_tmp/koperasi_wasm.js" "$out/koperasi_wasm_node.cjs"
rm -rf "$node_tmp"
# The desa/kelurahan level (83,762 rows) ships beside the WASM, not in it (loadDesaTable, the
# `desa` option of kopdesCoverage): the same bytes the core's cargo feature `desa` embeds.
cp crates/koperasi/data/wilayah/wilayah_2025_desa.csv "$out/"
# the licences travel with the package (npm packs no symlinks; copies, not tracked by git)
cp LICENSE-MIT LICENSE-APACHE bindings/wasm/
for f in koperasi_wasm_bg.wasm wilayah_2025_desa.csv; do
  printf '%s size: %s bytes raw, %s bytes gzipped\n' "$f" \
    "$(wc -c < "$out/$f")" "$(gzip -9 -c "$out/$f" | wc -c)"
done
