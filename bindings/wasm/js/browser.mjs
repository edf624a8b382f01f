// Browser / bundler entry of `koperasi`: loads the `wasm-bindgen --target web` build with a
// top-level await, so that every function is usable as soon as the import resolves.
import { setRaw, notBuilt } from './api.mjs';

let raw;
try {
  raw = await import('../pkg-web/koperasi_wasm.js');
} catch (e) {
  throw notBuilt(e);
}

export const ready = raw
  .default({ module_or_path: new URL('../pkg-web/koperasi_wasm_bg.wasm', import.meta.url) })
  .then(() => {
    setRaw(raw);
  });
await ready;

export * from './api.mjs';

/** The bytes of pkg-web/wilayah_2025_desa.csv, fetched beside this module (the `desa` option of kopdesCoverage). */
export async function loadDesaTable() {
  const url = new URL('../pkg-web/wilayah_2025_desa.csv', import.meta.url);
  const r = await fetch(url);
  if (!r.ok) throw new Error(`koperasi: the desa table ${url} could not be loaded (HTTP ${r.status}) / tabel desa tidak dapat dimuat`);
  return new Uint8Array(await r.arrayBuffer());
}
