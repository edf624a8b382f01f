// The dashboard's Kopdes section (issue 19) in headless Debian Chromium: the real SIMKOPDES
// province table (tests/data/real/simkopdes-statistics/, figures by pandas in figures.py)
// dropped in gives 38 matched provinces, 83,382 cooperatives in the total row and a bar per
// province, in Indonesian, then in English. Needs KOPERASI_URL (see browser.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const base = process.env.KOPERASI_URL;
const PROVINCE = fileURLToPath(new URL('../../../tests/data/real/simkopdes-statistics/kopdes_stats_province.csv', import.meta.url));
const VILLAGE = fileURLToPath(new URL('../../../tests/data/real/simkopdes-statistics/kopdes_stats_village_slice.csv', import.meta.url));
const launch = () => chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const cellsOf = (page, sel) => page.locator(`${sel} tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
async function downloaded(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(click)]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

test('dashboard: SIMKOPDES province table', { skip: base ? false : 'KOPERASI_URL not set' }, async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/examples/web/index.html`);
    await page.waitForSelector('#kopdes-file', { state: 'attached', timeout: 60000 });
    assert.equal(await page.locator('#kopdes h2').innerText(), 'Koperasi Desa/Kelurahan Merah Putih');
    await page.setInputFiles('#kopdes-file', PROVINCE);
    await page.waitForSelector('#kopdes-table');
    assert.equal(
      await page.locator('#kopdes-matching').innerText(),
      '38 baris: 38 cocok, 0 salah induk, 0 ambigu, 0 tidak ditemukan; tingkat kecocokan 100.00 %',
    );
    const rows = page.locator('#kopdes-table tbody tr');
    assert.equal(await rows.count(), 39);
    const total = await rows.nth(38).locator('td').allTextContents();
    assert.deepEqual(total.slice(1, 3), ['Jumlah', '83.382']);
    const aceh = await rows.nth(0).locator('td').allTextContents();
    assert.deepEqual(aceh.slice(0, 3), ['11', 'ACEH', '6.534']);
    assert.equal(await page.locator('#kopdes-chart rect').count(), 38);
    await page.click('#lang');
    await page.waitForFunction(() => document.querySelector('#kopdes-matching')?.textContent.startsWith('38 rows'));
    assert.equal((await rows.nth(38).locator('td').allTextContents())[1], 'Total');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

// The village slice of the real SIMKOPDES export (PROVENANCE.md there: all 43 desa/kelurahan of
// Kota Denpasar have a coop; in Kab. Lebak, kecamatan Cibadak 14 of 15 and Cigemblong 8 of 9,
// 25 coops on 22 desa, three desa with two). Denominators from the Kemendagri 2025 CSV with
// python3's csv module: Lebak (36.02) 345 desa/kelurahan, Banten (36) 1,552, Bali (51) 716;
// so Lebak 22/345 = 6.38 %, Banten 22/1,552 = 1.42 %, Bali 43/716 = 6.01 %, and the list of
// desa without a coop in the two kab/kota has 345 - 22 = 323 rows, Cimenteng Jaya
// (36.02.18.2012) and Cikaratuan (36.02.28.2009) among them, Pasar Keong (a desa with two) not.
test('dashboard: coverage of the desa/kelurahan from the SIMKOPDES village slice', { skip: base ? false : 'KOPERASI_URL not set' }, async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/examples/web/index.html`);
    await page.waitForSelector('#kopdes-cov-file', { state: 'attached', timeout: 60000 });
    await page.setInputFiles('#kopdes-cov-file', VILLAGE);
    await page.waitForSelector('#kopdes-cov-kab', { timeout: 60000 });
    assert.deepEqual(await cellsOf(page, '#kopdes-cov-kab'), [
      ['36.02', 'Kabupaten Lebak', '345', '22', '323', '3', '25', '6,38'],
      ['51.71', 'Kota Denpasar', '43', '43', '0', '0', '43', '100,00'],
    ]);
    const prov = await cellsOf(page, '#kopdes-cov-prov');
    assert.deepEqual(prov.map((r) => [r[0], r[2], r[3], r[7]]), [['36', '1.552', '22', '1,42'], ['51', '716', '43', '6,01']]);
    assert.equal(await page.locator('#kopdes-cov-chart rect').count(), 2);
    assert.match(await page.locator('#kopdes-cov-summary').innerText(), /^65 baris, tingkat kecocokan 100,00 %; 68 koperasi ditempatkan, 0 tidak; 323 desa\/kelurahan tanpa koperasi/);

    const csv = await downloaded(page, '#kopdes-cov-csv');
    assert.equal(csv.name, 'desa-tanpa-koperasi-kopdes_stats_village_slice.csv');
    const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((x) => x !== '');
    assert.equal(lines.length, 1 + 323);
    assert.equal(lines[0], 'Kode desa/kelurahan;Desa/kelurahan;Kecamatan;Kabupaten/kota;Provinsi');
    assert.ok(lines.includes('36.02.18.2012;Cimenteng Jaya;Cibadak;Kabupaten Lebak;Banten'), lines.slice(0, 3).join('|'));
    assert.ok(lines.some((x) => x.startsWith('36.02.28.2009;Cikaratuan;Cigemblong;')));
    assert.ok(!lines.some((x) => x.includes(';Pasar Keong;')));
    const xlsx = await downloaded(page, '#kopdes-cov-xlsx');
    assert.match(xlsx.name, /\.xlsx$/);
    assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK');

    await page.click('#lang');
    await page.waitForFunction(() => document.querySelector('#kopdes-cov h3')?.textContent === 'Coverage of every desa/kelurahan');
    assert.deepEqual((await cellsOf(page, '#kopdes-cov-kab'))[0].slice(6), ['25', '6.38']);
    const en = await downloaded(page, '#kopdes-cov-csv');
    assert.equal(en.bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0], 'Desa/kelurahan code;Desa/kelurahan;Kecamatan;Kab/kota;Province');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
