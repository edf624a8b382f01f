// Browser / bundler entry of `koperasi`: loads the `wasm-bindgen --target web` build with a
// top-level await, so that every function is usable as soon as the import resolves.
import init, * as raw from '../pkg-web/koperasi_wasm.js';
import { setRaw } from './api.mjs';

export const ready = init({ module_or_path: new URL('../pkg-web/koperasi_wasm_bg.wasm', import.meta.url) }).then(() => {
  setRaw(raw);
});
await ready;

export * from './api.mjs';
