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
  assert.deepEqual(k.policyPresets(), ['national', 'office', 'field_verification_first', 'permenkop_25_2015']);
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
  // the same counts as columns (the core's count_table_columns)
  const cc = register.countByColumns(['kecamatan'], '2022-08-15');
  assert.deepEqual(Object.keys(cc).sort(), ['count', 'kecamatan']);
  const tengah = cc.kecamatan.findIndex((x) => x.endsWith(' Bogor Tengah'));
  assert.equal(cc.count[tengah], 127);
  assert.equal(cc.count.reduce((a, b) => a + b, 0), 398);
  assert.throws(() => register.countBy(['kota'], '2022-08-15'), (e) => e instanceof k.KoperasiError && e.code === 'invalid_field');
  const cols = register.toColumns();
  assert.equal(cols.name.length, 398);
  assert.equal(cols['location.kecamatan'].length, 398);
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
  assert.equal(cols.total[0], 552);
  const totals = panel.totalsByPeriod(['total']);
  assert.deepEqual(totals[0], ['2018-Q4', { total: 34504 }]);
  const tc = panel.totalsByPeriodColumns(['total']);
  assert.deepEqual([tc.period[0], tc.total[0]], ['2018-Q4', 34504]);
  assert.throws(() => k.runChecks(panel, { end_change_relative: 'much' }), (e) => e instanceof k.KoperasiError && e.code === 'invalid_check_params');
  const g = k.growth(panel, 'total', '2025-Q1', '2025-Q2');
  assert.equal(g.length, 38);
  assert.ok(k.runChecks(panel).length > 0);
  assert.equal(k.pctChange(34155, 42725).toFixed(2), '25.09');
  assert.equal(k.parsePeriod('TW III 2021'), '2021-Q3');
});

test('register report needs an as-of date', () => {
  assert.throws(() => k.buildReport(BOGOR), (e) => e instanceof k.KoperasiError && e.code === 'missing_as_of');
  const r = k.buildReport(BOGOR, '2022-08-15', k.StatusPolicy.office(), { by: ['kecamatan'] });
  assert.equal(r.kind, 'register');
  assert.equal(r.records, 398);
  assert.equal(r.policy, 'office');
});

const T1_PLAN = `
[[components]]
component = "jasa_modal"
basis_points = 3000
base = "capital"
[[components]]
component = "jasa_pinjaman"
basis_points = 2000
base = "loans"
[[components]]
component = "cadangan"
basis_points = 5000
`;

test('SHU: DOMAIN.md 3.4 T1 distribution, money as sen, bigint accepted, RangeError past 2^53', () => {
  const plan = k.shuPlanFromToml(T1_PLAN);
  assert.ok(plan instanceof k.AllocationPlan);
  assert.equal(plan.components.length, 3);
  // By hand: jasa modal Rp 1,500,000 x 500,000/20,000,000 = 37,500; jasa pinjaman
  // Rp 1,000,000 x 600,000/12,500,000 = 48,000: member A gets Rp 85,500; B Rp 2,414,500.
  const members = [
    { id: 'A', savings: { wajib: 50_000_000n }, transactions: { loans: 60_000_000 } },
    { id: 'B', savings: { wajib: 1_950_000_000 }, transactions: { loans: 1_190_000_000n } },
  ];
  const d = k.shuDistribute(plan, members, 500_000_000n, 2024);
  assert.equal(d.year_end, '2024-12-31');
  assert.deepEqual(k.toColumns(d.members).total, [8_550_000, 241_450_000]);
  assert.equal(d.allocation.lines.find((l) => l.component === 'cadangan').amount, 250_000_000);
  assert.equal(k.formatRupiah(d.members[0].total), 'Rp 85.500,00');
  // The same plan as an object, through JSON.
  assert.deepEqual(k.shuAllocate(k.AllocationPlan.fromJson(plan.toJson()), 500_000_000).lines.map((l) => l.amount), [
    150_000_000, 100_000_000, 250_000_000,
  ]);
  // A base past 2^53 - 1 sen given as a bigint is exact on the way in, but the result would
  // carry it back as a number: refused rather than rounded.
  assert.throws(
    () => k.shuDistribute(plan, [{ id: 'A', savings: { wajib: 2n ** 60n }, transactions: { loans: 1 } }], 100, 2024),
    (e) => e instanceof RangeError && e.code === 'number_unsafe_integer',
  );
  // An unsafe number in the input is refused before it reaches the engine.
  assert.throws(
    () => k.shuDistribute(plan, [{ id: 'A', savings: { wajib: 2 ** 60 } }], 100, 2024),
    (e) => e instanceof RangeError && e.code === 'number_unsafe_integer',
  );
  assert.throws(() => k.shuAllocate(plan, -1), (e) => e instanceof k.KoperasiError && e.code === 'shu_negative');
  assert.throws(
    () => k.shuPlanFromToml('[[components]]\ncomponent = "cadangan"\nbasis_points = 9000\n'),
    (e) => e instanceof k.KoperasiError && e.code === 'shu_plan_sum',
  );
  // 100 sen over bases 1:1:1 -> 34, 33, 33 (floor, then largest remainder to the first).
  assert.deepEqual(k.shuApportion(100, [1, 1, 1n], 'floor', true).amounts, [34, 33, 33]);
  const read = k.shuReadMembers('no_anggota,nama,simpanan_wajib\nA1,Siti,"100.000"\n');
  assert.equal(read.members[0].id, 'A1');
});

// The registered-population register of tests/vectors/demography/report.json (hand-checked there).
const REG = `nama_koperasi,tanggal_badan_hukum,tanggal_pembubaran
Koperasi R1,2015-04-01,
Koperasi R2,2016-06-10,2018-09-01
Koperasi R3,2017-01-15,
Koperasi R4,2017-08-01,2019-01-01
Koperasi R5,,
Koperasi R6,2019-11-30,2020-02-01
Koperasi R8,2012-03-01,
`;

test('demography: Kaplan-Meier, report of a register, status series', () => {
  // (entry, duration, death): (1,7,no) (0,3,yes) (0,5,no) (0,2,yes) (0,2,yes) (4,10,no):
  // S(2) = 3/5, S(3) = 0.6 x 2/3 = 0.4, median 3.
  const km = k.kaplanMeier([7, 3, 5, 2, 2, 10], [false, true, false, true, true, false], [1, 0, 0, 0, 0, 4]);
  assert.ok(km instanceof k.KaplanMeier);
  assert.equal(km.median, 3);
  assert.ok(Math.abs(km.survivalAt(2.5) - 0.6) < 1e-12);
  assert.ok(Math.abs(km.survivalAt(3) - 0.4) < 1e-12);
  assert.equal(km.survivalAt(0.5), 1);
  assert.throws(() => k.kaplanMeier([1, 2], [true]), (e) => e instanceof k.KoperasiError && e.code === 'demography_length_mismatch');

  const { register } = k.readRegister(REG);
  const r = k.demographyReport(register, 2016, 2020, '2021-12-31');
  assert.equal(r.population, 'registered');
  assert.deepEqual(
    r.years.map((y) => [y.year, y.active, y.births, y.deaths]),
    [
      // R5 has no founding date and no other fact: it counts only from the as-of year.
      [2016, 3, 1, 0],
      [2017, 5, 2, 0],
      [2018, 5, 0, 2],
      [2019, 4, 1, 0],
      [2020, 4, 0, 1],
    ],
  );
  assert.deepEqual([r.kaplan_meier.coops, r.kaplan_meier.deaths, r.kaplan_meier.median_years], [6, 3, 3]);
  assert.equal(r.unknown_founding, 1);
  assert.throws(() => k.demographyReport(register, 2020, 2016, '2021-12-31'), (e) => e.code === 'demography_empty_span');
  assert.throws(() => k.demographyReport(register, 2016, 2020, new Date()), TypeError);

  // Kota Bogor: births 2016-2022 by founding year (python3 over nomor_bh): 9 46 19 18 20 35 3.
  const bogor = k.readAny(BOGOR).register;
  const b = k.demographyReport(bogor, 2016, 2022, '2022-12-31', 'national', 'auto', 2);
  assert.deepEqual(b.years.map((y) => y.births), [9, 46, 19, 18, 20, 35, 3]);

  // Registered counts at year ends: founded by the date and not dissolved on or before it.
  // 2018-12-31: R1 R3 R4 R5 R8 (R2 dissolved 2018-09-01) = 5 not dissolved; 2 dissolved.
  const s = register.statusSeries({ start: '2018-01-01', end: '2019-12-31', frequency: 'yearly' });
  assert.deepEqual(s.dates, ['2018-12-31', '2019-12-31']);
  const dissolved = s.groups[0].counts.find(([st]) => st === 'dissolved')[1];
  assert.deepEqual(dissolved, [1, 2]);
  const total = s.groups[0].counts.reduce((acc, [, c]) => acc + c[0], 0);
  assert.equal(total, 7);
  const cols = s.toColumns();
  assert.equal(cols.date.length, 2 * 6);
  assert.deepEqual(cols.breakdown, []);
  assert.throws(() => register.statusSeries(['2020-01-01'], null, ['status']), (e) => e.code === 'demography_status_breakdown');
});

test('a register of several batches of rows reads in WebAssembly (no threads there)', () => {
  // The Kota Bogor register nine times: 9 x 398 rows, past the 1,024 rows after which the
  // native reader starts worker threads. Counts by kecamatan are nine times those above.
  const text = BOGOR.toString('utf8').replace(/\r?\n$/, '');
  const [header, ...rows] = text.split(/\r?\n/);
  const big = [header, ...Array.from({ length: 9 }, () => rows).flat()].join('\n') + '\n';
  const { register, report } = k.readRegister(big);
  assert.equal(register.length, 9 * 398);
  assert.equal(report.rows_read, 9 * 398);
  const counts = register.countBy(['kecamatan'], '2022-08-15');
  const tengah = counts.rows.find(([[key]]) => key.endsWith(' Bogor Tengah'));
  assert.equal(tengah[1], 9 * 127);
  register.free();
});
