// The JS face of koperasi: conversions (dates, money, errors, columns) and real figures.
// Expected figures were computed independently with python3's csv module from the files in
// crates/koperasi/data/samples/ (see the comments), not copied from this package's output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as k from 'koperasi';

const BOGOR = readFileSync(
  new URL('../../../crates/koperasi/data/samples/kota-bogor-koperasi-register/koperasi_kota_bogor_2022.csv', import.meta.url),
);

test('dates cross as ISO strings', () => {
  assert.equal(k.parseDate('6 Nop 2019'), '2019-11-06');
  assert.equal(k.formatDate('2019-11-06'), '6 November 2019');
  assert.throws(() => k.formatDate(new Date(2019, 10, 6)), TypeError);
});

test('money: integer sen as number, RangeError past 2^53, bigint accepted', () => {
  assert.equal(k.parseRupiah('Rp 1.234.567,89'), 123456789);
  assert.equal(k.formatRupiah(123456789), 'Rp 1.234.567,89');
  assert.equal(k.formatRupiah(123456789n), 'Rp 1.234.567,89');
  // 2^53 + 1 as a number has already been rounded: refused, never formatted.
  assert.throws(() => k.formatRupiah(2 ** 53 + 2), (e) => e instanceof RangeError && e.code === 'number_unsafe_integer');
  // As a bigint it is exact and accepted: 9007199254740993 sen = Rp 90.071.992.547.409,93.
  assert.equal(k.formatRupiah(9007199254740993n), 'Rp 90.071.992.547.409,93');
  // A parsed amount past 2^53 - 1 sen is refused instead of rounded (100 trillion rupiah).
  assert.throws(() => k.parseRupiah('Rp 100.000.000.000.000'), (e) => e instanceof RangeError && e.code === 'number_unsafe_integer');
  assert.throws(() => k.formatRupiah(1.5), TypeError);
  const r = k.Rupiah.parse('Rp 15.000');
  assert.equal(r.sen, 1500000);
  assert.equal(String(r), 'Rp 15.000,00');
  assert.equal(JSON.stringify({ r }), '{"r":1500000}');
  assert.throws(() => new k.Rupiah(2n ** 60n), RangeError);
});

test('errors are KoperasiError objects with a stable code and the value', () => {
  assert.throws(
    () => k.parseDate('30/2/2021'),
    (e) => e instanceof k.KoperasiError && e instanceof Error && e.code === 'date_invalid' && e.value === '30/2/2021',
  );
  assert.throws(() => k.parseDate(42), TypeError);
  // A quote opened in the header and never closed: read_csv at line 1.
  assert.throws(
    () => k.readAny('nama_koperasi,"kecamatan\nKSP Maju,Bogor Barat\n'),
    (e) => e instanceof k.KoperasiError && e.code === 'read_csv' && e.line === 1,
  );
  assert.throws(
    () => k.readAny('foo,bar\n1,2\n'),
    (e) => e instanceof k.KoperasiError && e.code === 'read_unknown_layout',
  );
  const e = (() => {
    try {
      k.wilayahGet('99.99');
    } catch (err) {
      return err;
    }
  })();
  assert.equal(e.code, 'wilayah_not_found');
  assert.equal(JSON.parse(JSON.stringify(e)).code, 'wilayah_not_found');
});

test('wilayah', () => {
  // Kemendagri 2025: 32.71 is Kota Bogor, in 32 Jawa Barat.
  assert.deepEqual(k.wilayahGet('32.71'), { code: '32.71', name: 'Kota Bogor', level: 'kabupaten_kota', parent: '32' });
  assert.equal(k.findKabKota('KAB. MOJOKERTO').code, '35.16');
  assert.equal(k.wilayahChildren('32.71').length, 6);
  assert.deepEqual(k.parseKodeWilayah('32.71.03'), { code: '32.71.03', level: 'kecamatan' });
});

test('policies', () => {
  assert.deepEqual(k.policyPresets(), ['national', 'office', 'field_verification_first']);
  const office = k.StatusPolicy.office();
  assert.equal(office.rat_window_years, 2);
  const p = k.StatusPolicy.fromToml('name = "kantor"\nrat_window_years = 4\n');
  assert.equal(p.rat_window_years, 4);
  assert.equal(k.StatusPolicy.fromJson(p.toJson()).rat_window_years, 4);
  assert.throws(() => k.StatusPolicy.fromObject({ name: 'x', rat_window_years: 0 }), (e) => e.code === 'policy_invalid' && e.column === 'rat_window_years');
  // Permenkop UKM 19/2015: the RAT of book year 2024 is due by 30 June 2025.
  assert.equal(k.ratDeadline(2024), '2025-06-30');
});

test('Kota Bogor register: 398 records, counts by kecamatan', () => {
  const { kind, register, report } = k.readAny(BOGOR);
  assert.equal(kind, 'register');
  assert.equal(register.length, 398);
  assert.equal(report.rows_read, 398);
  assert.equal(report.rejected.length, 0);
  // python3 csv.DictReader: Bogor Tengah 127, Tanah Sareal 101, Bogor Barat 98, Bogor Utara 39,
  // Bogor Timur 21, Bogor Selatan 12.
  const counts = register.countBy(['kecamatan'], '2022-08-15');
  const byName = Object.fromEntries(counts.rows.map(([[key], n]) => [key.replace(/^[\d.]+ /, ''), n]));
  assert.deepEqual(byName, {
    'Bogor Tengah': 127,
    'Tanah Sareal': 101,
    'Bogor Barat': 98,
    'Bogor Utara': 39,
    'Bogor Timur': 21,
    'Bogor Selatan': 12,
  });
  const cols = register.toColumns();
  assert.equal(cols.name.length, 398);
  assert.equal(cols.name[0], 'Koperasi Pegawai PT Telkom Bogor KOPEGTEL KIJANG');
  const assessed = register.assessAll('2022-08-15', 'office');
  assert.equal(assessed.length, 398);
  assert.equal(k.toColumns(assessed).status.length, 398);
  // No RAT facts in this file: nobody is assessed active.
  const sc = register.statusCounts('2022-08-15');
  assert.equal(sc.active, 0);
  assert.equal(Object.values(sc).reduce((a, b) => a + b, 0), 398);
  JSON.stringify(register); // plain data
  register.free();
});

test('report on the East Java panel (embedded sample)', () => {
  const { csv, source } = k.sample('jatim_panel');
  assert.equal(k.detectLayout(csv), 'panel');
  const r = k.buildReport(csv, undefined, undefined, { source });
  assert.equal(r.kind, 'panel');
  assert.equal(r.read.rows_read, 798);
  assert.equal(r.periods.length, 21);
  // python3: 2018-Q4 aktif 21,322, tidak aktif 13,182, total 34,504; 2025-Q2 27,985 / 14,740 / 42,725.
  assert.deepEqual([r.periods[0].aktif, r.periods[0].tidak_aktif, r.periods[0].total], [21322, 13182, 34504]);
  const last = r.periods.at(-1);
  assert.deepEqual([last.period, last.aktif, last.tidak_aktif, last.total], ['2025-Q2', 27985, 14740, 42725]);
  // (42725 - 34155) / 34155 = 25.09 %
  assert.ok(Math.abs(last.pct_change - 25.0915) < 1e-3);
  // Kabupaten Mojokerto 949 -> 356 -> 925 (2021-Q3 .. 2022-Q1) is flagged.
  assert.ok(r.findings.some((f) => f.region === 'Kabupaten Mojokerto' && f.values.includes(949) && f.values.includes(356)));
  assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
});

test('panel functions and columns', () => {
  const { panel } = k.readPanel(k.sample('jatim_panel').csv);
  assert.equal(panel.length, 798);
  assert.equal(panel.regions().length, 38);
  assert.equal(panel.periods()[1], '2019-Q4');
  const cols = panel.toColumns();
  assert.equal(cols.region[0], 'Kabupaten Pacitan');
  assert.equal(cols.measures.total[0], 552);
  const totals = panel.totalsByPeriod(['total']);
  assert.deepEqual(totals[0], ['2018-Q4', { total: 34504 }]);
  const g = k.growth(panel, 'total', '2025-Q1', '2025-Q2');
  assert.equal(g.length, 38);
  assert.ok(k.runChecks(panel).length > 0);
  assert.equal(k.pctChange(34155, 42725).toFixed(2), '25.09');
  assert.equal(k.parsePeriod('TW III 2021'), '2021-Q3');
});

test('register report needs an as-of date', () => {
  assert.throws(() => k.buildReport(BOGOR), (e) => e instanceof k.KoperasiError && e.code === 'as_of_required');
  const r = k.buildReport(BOGOR, '2022-08-15', k.StatusPolicy.office(), { by: ['kecamatan'] });
  assert.equal(r.kind, 'register');
  assert.equal(r.records, 398);
  assert.equal(r.policy, 'office');
});
