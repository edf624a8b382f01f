#!/usr/bin/env bash
# Build the npm package from the repository root: the wasm32 release build, then wasm-bindgen
# for Node (CommonJS in pkg-node/) and for browsers (pkg-web/). Needs the wasm32 target and
# wasm-bindgen-cli at the version of the wasm-bindgen crate in Cargo.lock (see .ci/parts/30-wasm.sh,
# which installs both and calls this script).
set -euo pipefail
cd "$(dirname "$0")/../.."
WASM_TARGET=${WASM_TARGET:-wasm32-unknown-unknown}
cargo build --target "$WASM_TARGET" --release --locked -p koperasi-wasm
wasm_file=target/$WASM_TARGET/release/koperasi_wasm.wasm
rm -rf bindings/wasm/pkg-node bindings/wasm/pkg-web
wasm-bindgen --target nodejs --weak-refs --out-dir bindings/wasm/pkg-node "$wasm_file"
# the nodejs build is CommonJS; the package itself is "type": "module"
echo '{"type": "commonjs"}' > bindings/wasm/pkg-node/package.json
wasm-bindgen --target web --weak-refs --out-dir bindings/wasm/pkg-web "$wasm_file"
printf 'wasm size: %s bytes raw, %s bytes gzipped\n' \
  "$(wc -c < bindings/wasm/pkg-web/koperasi_wasm_bg.wasm)" \
  "$(gzip -9 -c bindings/wasm/pkg-web/koperasi_wasm_bg.wasm | wc -c)"
