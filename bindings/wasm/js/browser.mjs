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
