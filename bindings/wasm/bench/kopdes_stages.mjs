// Browser/Node timing of issue 19's target "stage and readiness counts at 83,762 desa and 90,000
// coops in under 1 s in Rust and in the browser within 3x of that". Same inputs as the Rust
// benches (BENCHMARKS.md):
// - stages and readiness: the 600 rows of tests/data/synthetic/kopdes-stages/ repeated 150
//   times (benches/kopdes_stages.rs), read once with readRegister, then kopdesStages and
//   kopdesReadiness by kab/kota (as of 2026-01-31), each including the conversion of the result
//   to JS values: the counts (the default), then again with `perCoop: true` (also each stalled
//   coop and each coop's checklist);
// - desa-level coverage: 90,000 KDMP/KKMP rows as benches/kopdes.rs makes them (each desa in
//   turn for the first 92 %, then random desa by the same xorshift64*, 1 % of desa names
//   misspelt, names upper case as SIMKOPDES writes them) as a register CSV, read once, then
//   kopdesCoverage by kab/kota with the desa table passed in (parsed on the first call: timed
//   apart).
// Prints one JSON line of medians (ms). Timings only: no assertion on them anywhere.
//
// Node:      node bindings/wasm/bench/kopdes_stages.mjs
// Chromium:  node bindings/wasm/bench/kopdes_stages.mjs --chromium
//            (serves the repository on 127.0.0.1, runs this same module in headless
//            /usr/bin/chromium through examples/web's playwright-core, as CI's dashboard tests)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from './kopdes_run.mjs';

const ROOT = new URL('../../../', import.meta.url);
const text = (p) => readFileSync(new URL(p, ROOT), 'utf8');
const inputs = () => ({
  synth: text('tests/data/synthetic/kopdes-stages/kopdes_stages_synth.csv'),
  kec: text('crates/koperasi/data/wilayah/wilayah_2025_kec.csv'),
  desaCsv: text('crates/koperasi/data/wilayah/wilayah_2025_desa.csv'),
});

async function node() {
  const k = await import('koperasi');
  console.log(JSON.stringify({ where: `node ${process.version}`, ...(await run(k, inputs())) }));
}

async function chromiumRun() {
  const { createRequire } = await import('node:module');
  const { createServer } = await import('node:http');
  const { extname } = await import('node:path');
  const require = createRequire(new URL('../../../examples/web/package.json', import.meta.url));
  const { chromium } = require('playwright-core');
  const types = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
  const srv = createServer((req, res) => {
    try {
      const p = fileURLToPath(new URL(`.${decodeURIComponent(req.url.split('?')[0])}`, ROOT));
      const body = p.endsWith('/') ? '<!doctype html><meta charset="utf-8">' : readFileSync(p);
      res.writeHead(200, { 'content-type': types[extname(p)] ?? 'text/plain; charset=utf-8' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${srv.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    const version = await page.evaluate(() => navigator.userAgent.match(/Chrom(e|ium)\/[\d.]+/)?.[0]);
    const result = await page.evaluate(
      async ({ base, inputs }) => {
        const k = await import(`${base}/bindings/wasm/js/browser.mjs`);
        const { run } = await import(`${base}/bindings/wasm/bench/kopdes_run.mjs`);
        return run(k, inputs);
      },
      { base, inputs: inputs() },
    );
    console.log(JSON.stringify({ where: `headless ${version}`, ...result }));
  } finally {
    await browser.close();
    srv.close();
  }
}

const main = fileURLToPath(import.meta.url) === process.argv[1];
if (main) await (process.argv.includes('--chromium') ? chromiumRun() : node());
