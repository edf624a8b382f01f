// Build the single-file dashboard: `koperasi.html`, one page that opens from a double-click
// (file://), needs no server and works offline. Everything the dashboard loads is inlined:
// - the CSS (uPlot's and style.css) in a <style>;
// - each ES module (app.mjs and its modules, uPlot, the koperasi API and the wasm-bindgen
//   glue) as a base64 `data:` URL in the import map, its relative imports renamed to the map's
//   bare names (the module list is fixed below; an import this script does not know fails the
//   build);
// - the WASM gzip-compressed (about a third of its size), as base64 text in a
//   <script type="application/octet-stream">, unpacked by the browser's DecompressionStream and
//   compiled with the glue's `initSync` from those bytes (entry module `koperasi`, below);
// - the desa/kelurahan level of the Kemendagri table (wilayah_2025_desa.csv, which the npm
//   package ships beside its WASM) the same way, unpacked when coverage first needs it
//   (the entry's loadDesaTable).
// Usage (after `bash bindings/wasm/build.sh` and `npm ci` here):
//   node examples/web/build-single.mjs [OUT]   (default: examples/web/dist/koperasi.html)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const out = process.argv[2] ?? join(here, 'dist/koperasi.html');
const read = (p) => readFileSync(join(root, p), 'utf8');

/** The page's modules: bare name -> file (relative to the repository root). */
const MODULES = {
  'dash/app': 'examples/web/app.mjs',
  'dash/i18n': 'examples/web/i18n.mjs',
  'dash/i18n-dash': 'examples/web/i18n-dash.mjs',
  'dash/coops': 'examples/web/coops.mjs',
  'dash/downloads': 'examples/web/downloads.mjs',
  'dash/statements': 'examples/web/statements.mjs',
  'dash/kopdes': 'examples/web/kopdes.mjs',
  'dash/kopdes-coverage': 'examples/web/kopdes-coverage.mjs',
  'dash/dom': 'examples/web/dom.mjs',
  uplot: 'examples/web/node_modules/uplot/dist/uPlot.esm.js',
  'koperasi-single/api': 'bindings/wasm/js/api.mjs',
  'koperasi-single/glue': 'bindings/wasm/pkg-web/koperasi_wasm.js',
};

/** The relative imports each module may make, and the bare name each one becomes. */
const RENAMES = {
  './i18n.mjs': 'dash/i18n',
  './i18n-dash.mjs': 'dash/i18n-dash',
  './coops.mjs': 'dash/coops',
  './downloads.mjs': 'dash/downloads',
  './statements.mjs': 'dash/statements',
  './kopdes.mjs': 'dash/kopdes',
  './kopdes-coverage.mjs': 'dash/kopdes-coverage',
  './dom.mjs': 'dash/dom',
};

/** The `koperasi` entry of the single file: the WASM from the page's bytes, then the API. */
const ENTRY = `import { initSync } from 'koperasi-single/glue';
import * as raw from 'koperasi-single/glue';
import { setRaw } from 'koperasi-single/api';
if (typeof DecompressionStream !== 'function') {
  throw new Error('This browser is too old for koperasi.html (no DecompressionStream): use a current Chrome, Edge, Firefox or Safari. / Peramban ini terlalu lama untuk koperasi.html: pakai Chrome, Edge, Firefox atau Safari versi terbaru.');
}
async function unpack(id) {
  const bin = atob(document.getElementById(id).textContent.trim());
  const packed = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) packed[i] = bin.charCodeAt(i);
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
initSync({ module: await unpack('koperasi-wasm') });
setRaw(raw);
export * from 'koperasi-single/api';
/** The desa level (wilayah_2025_desa.csv), inlined gzip-compressed; unpacked on first use. */
let desa = null;
export async function loadDesaTable() {
  desa ??= await unpack('koperasi-desa');
  return desa;
}
`;

function rename(name, src) {
  return src.replace(/(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\2/g, (m, pre, q, spec) => {
    const to = RENAMES[spec];
    if (!to) throw new Error(`build-single: ${name} imports ${spec}, which this script does not inline`);
    return `${pre}${q}${to}${q}`;
  });
}

const dataUrl = (js) => `data:text/javascript;base64,${Buffer.from(js, 'utf8').toString('base64')}`;
const imports = { koperasi: dataUrl(ENTRY) };
for (const [name, file] of Object.entries(MODULES)) imports[name] = dataUrl(rename(name, read(file)));

const wasm = readFileSync(join(root, 'bindings/wasm/pkg-web/koperasi_wasm_bg.wasm'));
const desaCsv = readFileSync(join(root, 'crates/koperasi/data/wilayah/wilayah_2025_desa.csv'));
const css = `${read('examples/web/node_modules/uplot/dist/uPlot.min.css')}\n${read('examples/web/style.css')}`;
let html = read('examples/web/index.html');
const swap = (from, to) => {
  if (!html.includes(from)) throw new Error(`build-single: index.html no longer has ${from.slice(0, 60)}`);
  html = html.replace(from, () => to);
};
// The stylesheet links become one <style>; the import map and the app script are replaced.
html = html.replace(/\s*<link rel="stylesheet"[^>]*>/g, '');
swap('</title>', `</title>\n  <style>\n${css.replace(/<\/style/gi, '<\\/style')}\n  </style>`);
swap(html.slice(html.indexOf('<script type="importmap">'), html.indexOf('</script>') + '</script>'.length), `<script type="importmap">${JSON.stringify({ imports })}</script>`);
swap('<script type="module" src="./app.mjs"></script>', `<script type="module">import 'dash/app';</script>`);
const block = (id, bytes) => `<script type="application/octet-stream" id="${id}">\n${gzipSync(bytes, { level: 9 }).toString('base64')}\n</script>\n`;
swap('</body>', `${block('koperasi-wasm', wasm)}${block('koperasi-desa', desaCsv)}</body>`);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
const size = Buffer.byteLength(html);
console.log(`single-file dashboard: ${out}: ${size} bytes (${(size / 1048576).toFixed(1)} MB; WASM ${wasm.length} bytes raw)`);
