// A register's data date (title block or `dataAsOf`), what a last-RAT column then says, and
// fact-order findings: the same figures as crates/koperasi/tests/last_rat.rs and the Python
// tests, on the real Gianyar register (tests/data/real/gianyar-koperasi-rat-terakhir).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as k from 'koperasi';

const GIANYAR = readFileSync(
  new URL('../../../tests/data/real/gianyar-koperasi-rat-terakhir/koperasi.csv', import.meta.url),
);
const mapping = {
  name: 'namaKoperasi',
  nomor_badan_hukum: 'nomorBadanHukum',
  tanggal_badan_hukum: 'tglBadanHukumPendirian',
  last_rat_date: 'tglRAT_terakhir',
};
const TITLED =
  'DAFTAR KOPERASI;;\nKeadaan s/d 31 Desember 2024;;\n' +
  'nama_koperasi;tanggal_badan_hukum;tahun_rat_terakhir\nKSP Satu;01/05/2010;2020\n';

test('the title gives the data date; dataAsOf wins', () => {
  const { register, report } = k.readAny(TITLED);
  assert.deepEqual(report.data_as_of, {
    date: '2024-12-31',
    source: 'title',
    text: 'Keadaan s/d 31 Desember 2024',
  });
  assert.deepEqual(register.records[0].rat_known, { kind: 'last_rat', year: 2020, as_of: '2024-12-31' });
  const a = k.assess(register.records[0], '2024-12-31');
  assert.equal(a.status, 'inactive');
  assert.ok(a.reasons[0].detail.includes('last RAT for book year 2020 (register as of 2024-12-31); none for book years 2021–2023'));
  const given = k.readAny(TITLED, { dataAsOf: '2025-01-10' }).report;
  assert.deepEqual(given.data_as_of, { date: '2025-01-10', source: 'option' });
  assert.throws(() => k.readAny(TITLED, { dataAsOf: '31/02/2024' }), (e) => e instanceof TypeError && /dataAsOf/.test(e.message));
});

test('Gianyar register, office preset, as of its data date', () => {
  const r = k.buildReport(GIANYAR, '2022-05-15', 'office', { read: { mapping, dataAsOf: '2022-05-15' } });
  assert.equal(r.status_counts.inactive, 13);
  assert.equal(r.status_counts.not_assessable, 7);
  assert.deepEqual(r.findings, []);
  assert.equal(r.read.data_as_of.source, 'option');
});

test('fact-order findings in the register report', () => {
  const csv = 'nama_koperasi;tanggal_badan_hukum;tanggal_pembubaran\nKSP Satu;01/05/2010;31/12/2009\n';
  const r = k.buildReport(csv, '2024-12-31');
  assert.deepEqual(
    r.findings.map((f) => [f.code, f.lines, f.values]),
    [['dissolved_before_founding', [2], [20091231, 20100501]]],
  );
});
