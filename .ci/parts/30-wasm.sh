# shellcheck shell=bash
# Part of .ci/run (sourced; uses its `step`): the JavaScript (WASM) package and the browser
# dashboard. Installs what it needs idempotently; sets no EXIT trap (.ci/run owns it).

WASM_TARGET=${WASM_TARGET:-wasm32-unknown-unknown}
# wasm-bindgen-cli must equal the wasm-bindgen crate version in Cargo.lock (schema check).
WASM_BINDGEN_VERSION=$(cargo pkgid -p wasm-bindgen | sed 's/.*[@#]//')

step "wasm: toolchain ($WASM_TARGET, wasm-bindgen-cli $WASM_BINDGEN_VERSION, chromium, npm ci)"
rustup target list --installed | grep -qx "$WASM_TARGET" || rustup target add "$WASM_TARGET"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  # no --locked: its bundled lockfile pins a crate version the registry here lacks
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi
if ! command -v chromium >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
(cd bindings/wasm && npm ci --no-audit --no-fund --loglevel=error)
(cd examples/web && npm ci --no-audit --no-fund --loglevel=error)

step "wasm: clippy for $WASM_TARGET"
cargo clippy -p koperasi-wasm --target "$WASM_TARGET" --all-targets --locked -- -D warnings

step "wasm: release build + wasm-bindgen (nodejs, web)"
bash bindings/wasm/build.sh

step "wasm: TypeScript result types generated from schema/koperasi.schema.json; git diff --exit-code"
(cd bindings/wasm && npm run --silent gen:types)
git diff --exit-code -- bindings/wasm/js/types.gen.d.ts
[ -z "$(git ls-files --others --exclude-standard -- bindings/wasm/js/types.gen.d.ts)" ] || {
  echo "bindings/wasm/js/types.gen.d.ts is not committed"
  exit 1
}

step "wasm: tsc --noEmit on the typed usage file"
(cd bindings/wasm && node_modules/.bin/tsc -p types-check/tsconfig.json)

step "wasm: node --test (conformance vectors + API)"
(cd bindings/wasm && node --test js-tests/*.test.mjs)

step "wasm: wasm-bindgen-test under node"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target "$WASM_TARGET" --locked -p koperasi-wasm

step "wasm: dashboard in headless chromium (playwright-core)"
(
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1 &
  srv=$!
  trap 'kill "$srv" 2>/dev/null || true' EXIT
  for _ in $(seq 50); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/examples/web/index.html" 2>/dev/null && break
    sleep 0.1
  done
  # The single-file page is tested in the next step, once built: a page left by an earlier run
  # must not be tested here in its place.
  cd examples/web && KOPERASI_URL="http://127.0.0.1:$port" node --test $(ls tests/*.test.mjs | grep -v '/single\.test\.mjs$')
)

step "wasm: single-file dashboard examples/web/dist/koperasi.html (CI artifact), tested from file://"
node examples/web/build-single.mjs examples/web/dist/koperasi.html
(cd examples/web && KOPERASI_SINGLE="$PWD/dist/koperasi.html" node --test tests/single.test.mjs)
