// Node entry of `koperasi`: loads the `wasm-bindgen --target nodejs` glue (CommonJS,
// pkg-web/koperasi_wasm_node.cjs) synchronously; it reads pkg-web/koperasi_wasm_bg.wasm, the
// one .wasm of the package, shared with the browser entry.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { setRaw, notBuilt } from './api.mjs';

const require = createRequire(import.meta.url);
const gluePath = '../pkg-web/koperasi_wasm_node.cjs';
let glue;
try {
  glue = require(gluePath);
} catch (e) {
  const missing = e?.code === 'MODULE_NOT_FOUND' && String(e.message).includes('koperasi_wasm_node.cjs');
  const noWasm = e?.code === 'ENOENT' && String(e.path ?? e.message).includes('koperasi_wasm_bg.wasm');
  if (missing || noWasm) throw notBuilt(e);
  throw e;
}
setRaw(glue);

export * from './api.mjs';
/** Resolved at once in Node (the module is loaded synchronously); the browser build awaits it. */
export const ready = Promise.resolve();

/** The bytes of pkg-web/wilayah_2025_desa.csv, the desa level (the `desa` option of kopdesCoverage). */
export async function loadDesaTable() {
  return new Uint8Array(await readFile(new URL('../pkg-web/wilayah_2025_desa.csv', import.meta.url)));
}
