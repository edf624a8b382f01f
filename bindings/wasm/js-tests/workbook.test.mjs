// Workbooks (XLSX) through readAny / readRegister / readPanel / buildReport: the office file of
// the bad-input corpus. Expected values are those of tests/data/bad/README.md (the file was
// written cell by cell by `generate_xlsx_corpus` in crates/koperasi/tests/bad_input.rs): sheet
// `Catatan` without a header before sheet `Data`; header on row 4; 5 rows accepted on sheet rows
// 5, 6, 7, 9, 10; `1/2/20245` in D9 is `date_invalid`; row 11 `JUMLAH` a total row; row 8 blank.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as k from 'koperasi';

const OFFICE = new Uint8Array(readFileSync(new URL('../../../tests/data/bad/office.xlsx', import.meta.url)));

function checkOffice({ kind, register, report }) {
  assert.equal(kind, 'register');
  assert.equal(report.sheet, 'Data');
  assert.deepEqual([report.rows_read, report.accepted, report.blank_rows], [6, 5, 1]);
  assert.equal(report.accepted + report.rejected.length, report.rows_read);
  const recs = register.records;
  assert.deepEqual(
    recs.map((r) => r.source_line),
    [5, 6, 7, 9, 10],
  );
  assert.deepEqual(
    recs.map((r) => r.name),
    ['KSP Sejahtera Bersama', 'Kopwan Melati', 'klik', 'KSP Tunas', 'KSP Nol'],
  );
  assert.deepEqual([recs[0].members.total, recs[1].members.total], [1500, 75]);
  assert.deepEqual(
    recs.slice(0, 4).map((r) => r.tanggal_badan_hukum ?? null),
    ['2019-11-06', '2025-02-01', '2019-11-06', null],
  );
  assert.deepEqual([recs[0].location.kecamatan, recs[1].location.kecamatan], ['Bogor Barat', 'Bogor Barat']);
  assert.equal(report.rejected.length, 1);
  assert.deepEqual([report.rejected[0].line, report.rejected[0].code], [11, 'total_row']);
  assert.equal(report.rejected[0].cell, undefined);
  assert.equal(report.cell_errors.length, 1);
  const e = report.cell_errors[0];
  assert.deepEqual([e.line, e.cell, e.value, e.code], [9, 'D9', '1/2/20245', 'date_invalid']);
  assert.ok(report.notes.some((n) => n.includes('row 4')), report.notes);
  assert.ok(report.notes.some((n) => n.includes('serial')), report.notes);
  assert.equal(report.encoding, undefined);
}

test('readAny and readRegister read a workbook from its bytes', () => {
  const a = k.readAny(OFFICE);
  checkOffice(a);
  checkOffice(k.readRegister(OFFICE.buffer.slice(OFFICE.byteOffset, OFFICE.byteOffset + OFFICE.byteLength)));
  a.register.free();
});

test('sheet by name and by number give the same', () => {
  const byName = k.readAny(OFFICE, { sheet: 'Data' });
  const byNumber = k.readAny(OFFICE, { sheet: 2 });
  checkOffice(byName);
  assert.deepEqual(byName.register.toColumns(), byNumber.register.toColumns());
  assert.deepEqual(byName.report, byNumber.report);
});

test('a wrong sheet, a register given to readPanel, a sheet of CSV text', () => {
  assert.throws(
    () => k.readAny(OFFICE, { sheet: 'Nope' }),
    (e) => e instanceof k.KoperasiError && e.code === 'read_no_such_sheet' && e.message.includes('Catatan, Data'),
  );
  assert.throws(
    () => k.readPanel(OFFICE),
    (e) => e instanceof k.KoperasiError && e.code === 'read_unknown_layout' && e.message.includes('register'),
  );
  assert.throws(
    () => k.readAny('nama_koperasi\nKSP Maju\n', { sheet: 'Data' }),
    (e) => e instanceof k.KoperasiError && e.code === 'read_workbook',
  );
  assert.throws(() => k.readAny(OFFICE, { sheet: 0 }), TypeError);
  assert.throws(
    () => k.detectLayout('nama_koperasi\nKSP Maju\n', { sheet: 'Data' }),
    TypeError,
  );
});

test('buildReport of a workbook (what the dashboard shows)', () => {
  const r = k.buildReport(OFFICE, '2025-06-30', 'office', { read: { sheet: 'Data' } });
  assert.equal(r.kind, 'register');
  assert.equal(r.read.sheet, 'Data');
  assert.equal(r.read.accepted, 5);
  assert.deepEqual(
    r.read.cell_errors.map((e) => e.cell),
    ['D9'],
  );
});
