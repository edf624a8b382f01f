// Node entry of `koperasi`: loads the `wasm-bindgen --target nodejs` build (CommonJS) synchronously.
import { createRequire } from 'node:module';
import { setRaw } from './api.mjs';

const require = createRequire(import.meta.url);
setRaw(require('../pkg-node/koperasi_wasm.js'));

export * from './api.mjs';
/** Resolved at once in Node (the module is loaded synchronously); the browser build awaits it. */
export const ready = Promise.resolve();
