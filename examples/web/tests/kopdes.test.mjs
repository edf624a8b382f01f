// The dashboard's Kopdes section (issue 19) in headless Debian Chromium: the real SIMKOPDES
// province table (tests/data/real/simkopdes-statistics/, figures by pandas in figures.py)
// dropped in gives 38 matched provinces, 83,382 cooperatives in the total row and a bar per
// province, in Indonesian, then in English. Needs KOPERASI_URL (see browser.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const base = process.env.KOPERASI_URL;
const PROVINCE = fileURLToPath(new URL('../../../tests/data/real/simkopdes-statistics/kopdes_stats_province.csv', import.meta.url));

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
