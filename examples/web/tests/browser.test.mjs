// The dashboard in headless Debian Chromium (playwright-core, no downloaded browser).
// Needs KOPERASI_URL = the repository root served over http on 127.0.0.1
// (.ci/parts/30-wasm.sh starts `python3 -m http.server --bind 127.0.0.1`).
// Figures checked were computed independently with python3's csv module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const base = process.env.KOPERASI_URL;
const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const shots = process.env.SCREENSHOT_DIR ?? here('../screenshots/');
const BOGOR = here('../../../crates/koperasi/data/samples/kota-bogor-koperasi-register/koperasi_kota_bogor_2022.csv');
const BROKEN = here('../fixtures/broken.csv');
const OFFICE = here('../../../tests/data/bad/office.xlsx');
const COMPARE = here('../../../tests/data/policy_compare/register.csv');

test('dashboard: East Java sample, Kota Bogor file, office.xlsx, broken file', { skip: base ? false : 'KOPERASI_URL not set' }, async () => {
  mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const reports = () => page.evaluate(() => window.__koperasi?.reports ?? 0);

    // 1. Opens on the embedded East Java panel.
    await page.goto(`${base}/examples/web/index.html`);
    await page.waitForFunction(() => (window.__koperasi?.reports ?? 0) >= 1, null, { timeout: 60000 });
    const t = await page.evaluate(() => ({ ...window.__koperasi }));
    console.log(`timing: engine loaded ${t.loadMs} ms, first report shown ${Math.round(t.firstReportAt)} ms after navigation start (report built in ${t.reportMs} ms)`);
    const firstRow = await page.locator('#totals tbody tr').first().locator('td').allTextContents();
    // 2018-Q4: aktif 21,322, tidak aktif 13,182, total 34,504 (Indonesian grouping with dots).
    assert.deepEqual(firstRow.slice(0, 4), ['2018-Q4', '21.322', '13.182', '34.504']);
    const lastRow = await page.locator('#totals tbody tr').last().locator('td').allTextContents();
    // 2025-Q2: 27,985 / 14,740 / 42,725, +8,570 = +25.1 % on 2025-Q1.
    assert.deepEqual(lastRow.slice(0, 6), ['2025-Q2', '27.985', '14.740', '42.725', '8.570', '+25,1 %']);
    assert.equal(await page.locator('#totals tbody tr').count(), 21);
    const findings = await page.locator('#findings').innerText();
    assert.match(findings, /Kabupaten Mojokerto/);
    assert.match(findings, /949/);
    assert.equal(await page.locator('#chart canvas').count(), 1);
    // The "Read as" statement comes first: 38 kab/kota, no total row.
    assert.match(await page.locator('#read-as').innerText(), /^Dibaca sebagai: panel.*38 kabupaten\/kota/);
    await page.screenshot({ path: join(shots, '1-jatim.png'), fullPage: true });

    // 2. The Kota Bogor register through the file input, as of 15 August 2022, office policy.
    await page.fill('#as-of', '2022-08-15');
    await page.selectOption('#policy', 'office');
    let before = await reports();
    const t1 = Date.now();
    await page.setInputFiles('#file', BOGOR);
    await page.waitForFunction((n) => window.__koperasi.reports > n && document.querySelector('#report').dataset.kind === 'register', before);
    const bogorWall = Date.now() - t1;
    const bogorBuild = await page.evaluate(() => window.__koperasi.reportMs);
    console.log(`timing: Kota Bogor file reported ${bogorWall} ms after choosing it (report built in ${bogorBuild} ms)`);
    assert.equal(await page.locator('#sum-records b').innerText(), '398');
    assert.equal(await page.locator('#sum-rejected b').innerText(), '0');
    const counts = await page.locator('#counts tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
    const byName = Object.fromEntries(counts.map(([key, n]) => [key.replace(/^[\d.]+ /, ''), n]));
    assert.deepEqual(byName, {
      'Bogor Barat': '98',
      'Bogor Selatan': '12',
      'Bogor Tengah': '127',
      'Bogor Timur': '21',
      'Bogor Utara': '39',
      'Tanah Sareal': '101',
    });
    // Demografi: 2013-2022, registered population (no RAT facts); births by founding year
    // (python3 over nomor_bh, amendments excluded): 2016-2022 = 9, 46, 19, 18, 20, 35, 3.
    const demo = await page.locator('#demography tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
    assert.equal(demo.length, 10);
    assert.deepEqual(demo.slice(3).map((r) => r[2]), ['9', '46', '19', '18', '20', '35', '3']);
    assert.match(await page.locator('#demography-note').innerText(), /terdaftar/);
    await page.screenshot({ path: join(shots, '2-bogor.png'), fullPage: false });

    // English toggle.
    await page.click('#lang');
    assert.match(await page.locator('#report').innerText(), /Counts by kecamatan/);
    assert.match(await page.locator('#report').innerText(), /Cannot be assessed/);
    await page.screenshot({ path: join(shots, '3-bogor-en.png'), fullPage: false });
    await page.click('#lang');

    // 2b. The policy chooser shows the difference: the synthetic register of
    // tests/data/policy_compare (figures computed by its pandas script, expected.json) as of
    // 1 July 2025, national chosen.
    await page.fill('#as-of', '2025-07-01');
    await page.selectOption('#policy', 'national');
    before = await reports();
    await page.setInputFiles('#file', COMPARE);
    await page.waitForFunction((n) => window.__koperasi.reports > n && document.querySelector('#compare-counts'), before);
    const head = await page.locator('#compare-counts thead th').allTextContents();
    assert.equal(head.length, 5);
    assert.match(head[1], /^Nasional.*\(dipilih\)$/);
    const col = (re) => head.findIndex((h) => re.test(h));
    const active = await page.locator('#compare-counts tbody tr').first().locator('td').allTextContents();
    assert.equal(active[0], 'Aktif');
    // Active: national 85, office 35, permenkop_25_2015 20.
    assert.deepEqual([col(/^Nasional/), col(/^Dinas/), col(/^Permenkop/)].map((i) => active[i]), ['85', '35', '20']);
    // national -> permenkop_25_2015: 65 change, 55 keep; the largest group, 27 coops, held an
    // RAT for 2 of the last 3 book years.
    assert.match(await page.locator('#compare-permenkop_25_2015-head').innerText(), /65 koperasi berubah status, 55 tetap/);
    const top = await page.locator('#compare-permenkop_25_2015 tbody tr').first().locator('td').allTextContents();
    assert.equal(top[0], '27');
    assert.match(top[1], /^RAT diadakan untuk 2 dari 3 tahun buku terakhir/);
    assert.equal(await page.locator('#compare-permenkop_25_2015 tbody tr').count(), 3);
    // national -> office: 50 change; the two largest groups have 17 coops each.
    assert.match(await page.locator('#compare-office-head').innerText(), /50 koperasi berubah status, 70 tetap/);
    const office = await page.locator('#compare-office tbody tr').evaluateAll((rows) => rows.map((r) => r.cells[0].textContent));
    assert.deepEqual(office.slice(0, 2), ['17', '17']);
    await page.locator('#compare-counts').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, '3b-compare.png'), fullPage: false });

    // 3. A spreadsheet (tests/data/bad/README.md): sheet `Data` below a title block, 5 rows
    // accepted (sheet rows 5, 6, 7, 9, 10), the total row 11 rejected, `1/2/20245` in D9 unreadable.
    before = await reports();
    await page.setInputFiles('#file', OFFICE);
    await page.waitForFunction((n) => window.__koperasi.reports > n, before);
    assert.equal(await page.locator('#error').isVisible(), false);
    assert.equal(await page.locator('#report').getAttribute('data-kind'), 'register');
    assert.equal(await page.locator('#sum-records b').innerText(), '5');
    assert.equal(await page.locator('#sum-rows b').innerText(), '6');
    assert.equal(await page.locator('#sum-rejected b').innerText(), '1');
    assert.match(await page.locator('#sum-source').innerText(), /office\.xlsx \(lembar Data\)/);
    const rejected = await page.locator('#rejected tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
    assert.deepEqual(rejected.map((r) => r[0]), ['11']);
    const cells = await page.locator('#cell-errors tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
    assert.deepEqual(cells.map((r) => r.slice(0, 2)), [['9', 'D9']]);
    assert.ok(cells[0].includes('1/2/20245'), cells[0].join(' | '));
    assert.equal(await page.locator('#read-notes li').count() >= 1, true);
    assert.equal(await page.locator('#file').getAttribute('accept').then((a) => a.includes('.xlsx')), true);
    await page.screenshot({ path: join(shots, '4-office-xlsx.png'), fullPage: true });

    // 4. A broken file: a visible, specific message, not a blank page.
    before = await reports();
    await page.setInputFiles('#file', BROKEN);
    await page.waitForFunction((n) => window.__koperasi.reports > n, before);
    const box = page.locator('#error');
    assert.equal(await box.isVisible(), true);
    assert.equal(await box.getAttribute('data-code'), 'read_unknown_layout');
    assert.match(await box.innerText(), /broken\.csv/);
    assert.match(await box.innerText(), /bukan register koperasi/);
    assert.match(await box.innerText(), /no column names a cooperative/);
    await page.screenshot({ path: join(shots, '5-broken.png'), fullPage: false });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
