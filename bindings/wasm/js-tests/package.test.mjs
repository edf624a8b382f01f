// The npm package as shipped (issue 17 item 9): one .wasm shared by the Node and browser
// glues, README and both licences in the tarball, and a clear `not_built` error when the
// package folder is used before `bash bindings/wasm/build.sh`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as k from 'koperasi';

const HERE = fileURLToPath(new URL('..', import.meta.url));
const BOGOR = readFileSync(
  new URL('../../../crates/koperasi/data/samples/kota-bogor-koperasi-register/koperasi_kota_bogor_2022.csv', import.meta.url),
  'utf8',
);

test('npm pack ships one .wasm, the README and both licences', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { cwd: HERE, encoding: 'utf8' });
  const files = JSON.parse(out)[0].files.map((f) => f.path).sort();
  assert.deepEqual(files.filter((f) => f.endsWith('.wasm')), ['pkg-web/koperasi_wasm_bg.wasm']);
  for (const f of ['README.md', 'API.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'js/node.mjs', 'js/browser.mjs',
    'pkg-web/koperasi_wasm.js', 'pkg-web/koperasi_wasm_node.cjs', 'pkg-web/wilayah_2025_desa.csv']) {
    assert.ok(files.includes(f), `${f} in ${files}`);
  }
  assert.ok(!files.some((f) => f.startsWith('pkg-node/')), files.join(' '));
});

test('the Node entry runs on the shared .wasm: the embedded sample is the repository file', () => {
  const s = k.sample('bogor_register');
  assert.equal(s.csv, BOGOR);
  assert.equal(k.readAny(s.csv).register.length, 398);
  assert.throws(() => k.sample('kota_bogor'), (e) => e.code === 'argument_invalid');
});

function unbuiltCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'koperasi-unbuilt-'));
  cpSync(join(HERE, 'js'), join(dir, 'js'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), readFileSync(join(HERE, 'package.json')));
  return dir;
}

for (const entry of ['node.mjs', 'browser.mjs']) {
  test(`imported unbuilt, js/${entry} says how to build`, async () => {
    const dir = unbuiltCopy();
    try {
      await assert.rejects(import(join(dir, 'js', entry)), (e) => {
        assert.equal(e.name, 'KoperasiError');
        assert.equal(e.code, 'not_built');
        assert.match(e.message, /bash bindings\/wasm\/build\.sh/);
        assert.match(e.message, /npm run build/);
        assert.ok(e.cause, 'the loader error is kept as the cause');
        return true;
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
