// The single-file dashboard (koperasi.html, built by build-single.mjs) opened from file:// in
// headless Debian Chromium, as an officer opens it by a double-click: no server, no network.
// KOPERASI_SINGLE: the built page (default examples/web/dist/koperasi.html). Figures checked
// were computed independently with python3's csv module (see the comments).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const page_ = process.env.KOPERASI_SINGLE ?? here('../dist/koperasi.html');
const shots = process.env.SCREENSHOT_DIR ?? here('../screenshots/');
const BOGOR = here('../../../crates/koperasi/data/samples/kota-bogor-koperasi-register/koperasi_kota_bogor_2022.csv');
const VILLAGE = here('../../../tests/data/real/simkopdes-statistics/kopdes_stats_village_slice.csv');
const GIANYAR = here('../../../tests/data/real/gianyar-koperasi-rat-terakhir/koperasi.csv');

/** One part of a zip (an XLSX) as text, read by python3's zipfile (standard library). */
function zipPart(bytes, part) {
  const code = 'import sys,zipfile,io; sys.stdout.write(zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())).read(sys.argv[1]).decode())';
  return execFileSync('python3', ['-c', code, part], { input: bytes }).toString();
}

/** Today's date in WIB (UTC+7) as YYYY-MM-DD, computed here independently of the page. */
function todayWib() {
  const d = new Date(Date.now() + 7 * 3600 * 1000);
  return d.toISOString().slice(0, 10);
}

async function downloaded(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(click)]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()), path: await dl.path() };
}

const rowsOf = (page, sel) => page.locator(`${sel} tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));

test('single-file dashboard from file://', { skip: existsSync(page_) ? false : `${page_} not built (node examples/web/build-single.mjs)` }, async () => {
  mkdirSync(shots, { recursive: true });
  console.log(`single-file dashboard: ${statSync(page_).size} bytes`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
    // Offline: any request that leaves the page's own file fails the test.
    const requests = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file://') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const reports = () => page.evaluate(() => window.__koperasi?.reports ?? 0);
    const open = async (file) => {
      const before = await reports();
      await page.setInputFiles('#file', file);
      await page.waitForFunction((n) => window.__koperasi.reports > n, before);
    };

    // 1. Opens on the embedded East Java panel; the as-of date is today in WIB.
    await page.goto(pathToFileURL(page_).href);
    await page.waitForFunction(() => (window.__koperasi?.reports ?? 0) >= 1, null, { timeout: 60000 });
    assert.equal(await page.inputValue('#as-of'), todayWib());
    // 2018-Q4: aktif 21,322, tidak aktif 13,182, total 34,504.
    const first = await page.locator('#totals tbody tr').first().locator('td').allTextContents();
    assert.deepEqual(first.slice(0, 4), ['2018-Q4', '21.322', '13.182', '34.504']);
    assert.equal(await page.locator('#chart canvas').count(), 1);
    assert.equal(await page.locator('#by-box').isVisible(), false);
    await page.screenshot({ path: join(shots, 'single-1-jatim.png'), fullPage: false });

    // The panel's download is its totals per period (21 periods + header), as XLSX.
    const panelXlsx = await downloaded(page, '#dl-xlsx');
    assert.equal(panelXlsx.bytes.subarray(0, 2).toString(), 'PK');
    assert.match(panelXlsx.name, /\.xlsx$/);
    assert.equal((zipPart(panelXlsx.bytes, 'xl/worksheets/sheet1.xml').match(/<row /g) ?? []).length, 22);
    assert.match(zipPart(panelXlsx.bytes, 'xl/workbook.xml'), /name="Jumlah per Periode"/);

    // 2. The blank template: an XLSX whose first sheet is "Daftar Koperasi"; opened again in
    // the dashboard it is a register whose example row is rejected.
    const tpl = await downloaded(page, '#dl-template');
    assert.equal(tpl.bytes.subarray(0, 2).toString(), 'PK');
    assert.equal(tpl.name, 'templat-register-koperasi.xlsx');
    assert.match(zipPart(tpl.bytes, 'xl/workbook.xml'), /name="Daftar Koperasi".*name="Petunjuk"/s);
    assert.match(zipPart(tpl.bytes, 'xl/worksheets/sheet1.xml'), /<dataValidation /);
    await open(tpl.path);
    assert.equal(await page.locator('#report').getAttribute('data-kind'), 'register');
    // Its example row is rejected (never counted as a cooperative).
    assert.equal(await page.locator('#sum-records b').innerText(), '0');
    assert.equal(await page.locator('#sum-rejected b').innerText(), '1');

    // 3. Kota Bogor (398 coops; kecamatan Bogor Tengah 127), as of 15 August 2022.
    await page.fill('#as-of', '2022-08-15');
    await open(BOGOR);
    assert.match(await page.locator('#coops-note').innerText(), /^398 dari 398 koperasi/);
    assert.deepEqual(await page.locator('#by option').allTextContents(), ['Kecamatan']);
    await page.selectOption('#f-kecamatan', 'Bogor Tengah');
    assert.match(await page.locator('#coops-note').innerText(), /^127 dari 398/);
    // Names containing "pegawai" in Bogor Tengah: 38 (python3: kecamatan == 'Bogor Tengah'
    // and 'pegawai' in nama_koperasi.lower()).
    await page.fill('#coop-search', 'PEGAWAI');
    assert.match(await page.locator("#coops-note").innerText(), /^38 dari 398/);
    assert.equal(await page.locator("#coops tbody tr").count(), 38);
    // The CSV of the rows shown, for Excel in Indonesian: BOM, `;`, Indonesian headers.
    const csv = await downloaded(page, '#dl-csv');
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = csv.bytes.subarray(3).toString();
    // Only the columns the register has: no desa, jenis or bentuk in this file.
    assert.equal(text.split('\n')[0], 'Baris;Nama;Kecamatan;Status;Alasan status');
    assert.match(text, /;Bogor Tengah;Tidak dapat dinilai;Status tidak dapat dinilai: data tidak memuat riwayat RAT/);
    // The XLSX of the same 38 rows: 39 rows with the header, sheet "Daftar Koperasi".
    const xlsx = await downloaded(page, '#dl-xlsx');
    assert.equal(xlsx.bytes.subarray(0, 2).toString(), 'PK');
    assert.equal((zipPart(xlsx.bytes, 'xl/worksheets/sheet1.xml').match(/<row /g) ?? []).length, 39);
    assert.match(zipPart(xlsx.bytes, 'xl/workbook.xml'), /name="Daftar Koperasi"/);
    await page.locator('#coops-note').evaluate((n) => n.parentElement.querySelector('h2:has(+ .filters)')?.scrollIntoView());
    await page.screenshot({ path: join(shots, 'single-2-bogor-list.png'), fullPage: false });

    // 4. Gianyar (real, 20 coops with kelurahan, jenis, bentuk and the last RAT date), as of
    // 1 July 2023, national: active 7, inactive 13 (PROVENANCE.md, "no data date" column).
    await page.fill('#as-of', '2023-07-01');
    await page.selectOption('#policy', 'national');
    await open(GIANYAR);
    const status = Object.fromEntries((await rowsOf(page, '#status-counts')).map(([s, n]) => [s, n]));
    assert.equal(status.Aktif, '7');
    assert.equal(status['Tidak aktif'], '13');
    assert.deepEqual(await page.locator('#by option').evaluateAll((o) => o.map((x) => x.value)), ['kecamatan', 'desa', 'jenis', 'bentuk']);
    // Breakdown by kelurahan: Sukawati 10, Kemenuh 7, Batubulan 2, Singapadu Tengah 1.
    let before = await reports();
    await page.selectOption('#by', 'desa');
    await page.waitForFunction((n) => window.__koperasi.reports > n, before);
    const byDesa = Object.fromEntries((await rowsOf(page, '#counts')).map(([key, n]) => [key, n]));
    assert.deepEqual(byDesa, { Sukawati: '10', Kemenuh: '7', Batubulan: '2', 'Singapadu Tengah': '1' });
    assert.equal(await page.inputValue('#by'), 'desa');
    // By jenis: simpan pinjam 11, konsumen 7, produsen 1, not given 1.
    before = await reports();
    await page.selectOption('#by', 'jenis');
    await page.waitForFunction((n) => window.__koperasi.reports > n, before);
    const byJenis = (await rowsOf(page, '#counts')).map(([, n]) => n).sort();
    assert.deepEqual(byJenis, ['1', '1', '11', '7']);
    // Filters: inactive konsumen = 6 (7 konsumen, one with an RAT in 2021: Banjar Babakan).
    await page.selectOption('#f-status', 'inactive');
    assert.match(await page.locator('#coops-note').innerText(), /^13 dari 20/);
    await page.selectOption('#f-jenis', 'konsumen');
    assert.match(await page.locator('#coops-note').innerText(), /^6 dari 20/);
    const listed = await rowsOf(page, '#coops');
    assert.ok(listed.every((r) => r[4] === 'Konsumen' && r[6] === 'Tidak aktif'), JSON.stringify(listed));
    assert.ok(!listed.some((r) => r[1].includes('Banjar Babakan')));
    await page.locator('#coops-note').evaluate((n) => n.parentElement.querySelector('h2:has(+ .filters)')?.scrollIntoView());
    await page.screenshot({ path: join(shots, 'single-3-gianyar-filters.png'), fullPage: false });

    // 5. English: the tools, the list and the reasons switch; CSV becomes plain `,` CSV.
    await page.click('#lang');
    assert.equal(await page.locator('#dl-xlsx').innerText(), 'Download Excel (XLSX)');
    assert.match(await page.locator('#report').innerText(), /Cooperatives/);
    assert.equal((await rowsOf(page, '#coops'))[0][6], 'Inactive');
    const csvEn = await downloaded(page, '#dl-csv');
    assert.equal(csvEn.bytes[0], 'L'.charCodeAt(0));
    assert.equal(csvEn.bytes.toString().split('\n')[0], 'Line,Name,Kecamatan,Desa/kelurahan,Jenis,Bentuk,Status,Reasons for the status');
    await page.screenshot({ path: join(shots, 'single-4-english.png'), fullPage: false });

    // 6. The HTML report: one page with the report's tables and the page's styles.
    const html = (await downloaded(page, '#dl-html')).bytes.toString();
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<h1>Cooperative Report: koperasi\.csv<\/h1>/);
    assert.match(html, /id="status-counts"/);
    assert.match(html, /@media print/);
    assert.doesNotMatch(html, /id="f-status"/);

    // 7. Print view: the controls are hidden, the report stays.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('#controls').isVisible(), false);
    assert.equal(await page.locator('#status-counts').isVisible(), true);
    await page.screenshot({ path: join(shots, 'single-5-print.png'), fullPage: false });
    await page.emulateMedia({ media: 'screen' });

    // 8. Kopdes coverage from the inlined desa table (no request): the SIMKOPDES village slice,
    // Lebak 22 of 345 desa (PROVENANCE.md there; 345 from the Kemendagri CSV with python3).
    await page.setInputFiles('#kopdes-cov-file', VILLAGE);
    await page.waitForSelector('#kopdes-cov-kab', { timeout: 60000 });
    assert.deepEqual((await rowsOf(page, '#kopdes-cov-kab'))[0], ['36.02', 'Kabupaten Lebak', '345', '22', '323', '3', '25', '6.38']);

    assert.deepEqual(requests, []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
