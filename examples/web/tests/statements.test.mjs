// The dashboard's statements section (issue 18) in headless Debian Chromium: the embedded
// 1 February 2025 Balikpapan sample gives the two findings of
// tests/vectors/statements/balikpapan_2025_02_01.json, in Indonesian, then in English.
// Needs KOPERASI_URL (see browser.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const base = process.env.KOPERASI_URL;

test('dashboard: published statements of the Balikpapan sample', { skip: base ? false : 'KOPERASI_URL not set' }, async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/examples/web/index.html`);
    await page.waitForSelector('#statements-sample', { timeout: 60000 });
    assert.equal(await page.locator('#statements h2').innerText(), 'Pernyataan yang dipublikasikan');
    await page.click('#statements-sample');
    await page.waitForSelector('#statements-findings');
    assert.equal(await page.locator('#statements-read').innerText(), '5 baris dibaca, 5 diterima, 0 ditolak.');
    const rows = page.locator('#statements-findings tbody tr');
    assert.equal(await rows.count(), 2);
    const first = await rows.nth(0).locator('td').allTextContents();
    assert.deepEqual(first.slice(0, 2), ['galat', 'stated_change_mismatch']);
    assert.equal(first[2], 'teridentifikasi, awal-2025, februari-2025');
    assert.match(first[3], /\+12/);
    assert.equal((await rows.nth(1).locator('td').allTextContents())[1], 'definitions_mixed');
    assert.doesNotMatch(await page.locator('#statements-out').innerText(), /325/);
    // The printed date 1/2/20245 typed in: rejected with its reason, never guessed.
    await page.fill('#statements-text', 'tanggal,wilayah,definisi,nilai\nSabtu (1/2/20245),Kota Balikpapan,teridentifikasi,113\n1 Februari 2025,Kota Balikpapan,terdata,438\n');
    await page.click('#statements-check');
    await page.waitForSelector('#statements-rejected');
    const rej = await page.locator('#statements-rejected tbody tr td').allTextContents();
    assert.deepEqual(rej.slice(0, 3), ['2', 'date_invalid', 'Sabtu (1/2/20245)']);
    assert.equal(await page.locator('#statements-none').count(), 1);
    await page.click('#lang');
    assert.equal(await page.locator('#statements h2').innerText(), 'Published statements');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
