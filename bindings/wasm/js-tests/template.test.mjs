// Files out of JS: the blank register template (the workbook of `koperasi template register`,
// built by the core) read back by this package's reader, and a table as XLSX and Excel CSV.
// Expected figures: the template's 34 columns and example row (crates/koperasi/src/io/template.rs,
// tests/cli_template.rs); the Kota Bogor sample's 398 rows (python3 csv module).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as k from 'koperasi';

const BOGOR = readFileSync(
  new URL('../../../crates/koperasi/data/samples/kota-bogor-koperasi-register/koperasi_kota_bogor_2022.csv', import.meta.url),
);

test('templateRegister: an XLSX read back with every column known and its example row rejected', () => {
  const bytes = k.templateRegister({ ratYear: 2024, locale: 'id' });
  assert.ok(bytes instanceof Uint8Array);
  assert.deepEqual([...bytes.subarray(0, 2)], [0x50, 0x4b]);
  const { register, report } = k.readRegister(bytes);
  try {
    assert.equal(report.sheet, 'Daftar Koperasi');
    assert.equal(report.columns.length, 34);
    assert.ok(report.columns.every(([, field]) => field !== null), JSON.stringify(report.columns));
    assert.ok(report.columns.some(([h]) => h === 'RAT 2024'));
    // The example row is rejected, never counted as a cooperative.
    assert.equal(register.toObject().records.length, 0);
    assert.equal(report.rejected[0].code, 'template_example');
    assert.equal(report.rejected[0].line, 2);
  } finally {
    register.free();
  }
  // Same arguments, same bytes; the default year is last year in WIB.
  assert.deepEqual(k.templateRegister({ ratYear: 2024, locale: 'id' }), bytes);
  const lastYear = Number(k.todayWib().slice(0, 4)) - 1;
  const d = k.readRegister(k.templateRegister());
  assert.equal(d.report.sheet, 'Register');
  assert.ok(d.report.columns.some(([h]) => h === `RAT ${lastYear}`));
  d.register.free();
});

test('templateRegister: bad arguments are errors with codes', () => {
  assert.throws(() => k.templateRegister({ ratYear: 1800 }), (e) => e instanceof k.KoperasiError && e.code === 'export_write');
  assert.throws(() => k.templateRegister({ locale: 'fr' }), TypeError);
  assert.throws(() => k.templateRegister({ ratYear: 2024.5 }), TypeError);
});

test('todayWib: the date in UTC+7', () => {
  assert.equal(k.todayWib(new Date('2025-12-31T16:59:59Z')), '2025-12-31');
  assert.equal(k.todayWib(new Date('2025-12-31T17:00:00Z')), '2026-01-01');
});

test('tableXlsx and tableCsv: the Kota Bogor sample out and back', () => {
  const { register } = k.readRegister(BOGOR);
  const records = register.toObject().records;
  register.free();
  const table = { headers: ['Baris', 'Nama', 'Kecamatan'], rows: records.map((r) => [r.source_line, r.name, r.location.kecamatan]) };
  assert.equal(table.rows.length, 398);
  const xlsx = k.tableXlsx(table, 'Daftar Koperasi');
  assert.deepEqual([...xlsx.subarray(0, 2)], [0x50, 0x4b]);
  const back = k.readAny(xlsx);
  assert.equal(back.kind, 'register');
  assert.equal(back.report.rows_read, 398);
  back.register.free();
  const csv = k.tableCsv(table, { excel: true });
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(csv.subarray(3));
  assert.ok(text.startsWith('Baris;Nama;Kecamatan\n2;Koperasi Pegawai PT Telkom Bogor KOPEGTEL KIJANG;Bogor Utara\n'), text.slice(0, 120));
  const plain = new TextDecoder().decode(k.tableCsv(table));
  assert.ok(plain.startsWith('Baris,Nama,Kecamatan\n2,'));
  // A formula-like cell is neutralised in both.
  const evil = { headers: ['Nama'], rows: [['=HYPERLINK("http://x","klik")']] };
  assert.match(new TextDecoder().decode(k.tableCsv(evil)), /^Nama\n"'=HYPERLINK/);
  assert.throws(() => k.tableXlsx({ headers: 'x' }), TypeError);
});

test('templateKopdes: 8 id and place columns, 19 stage columns, the example row rejected', () => {
  const { register, report } = k.readRegister(k.templateKopdes({ locale: 'id' }));
  try {
    assert.equal(report.sheet, 'Daftar Koperasi');
    assert.equal(report.columns.length, 27);
    assert.equal(report.columns[8][0], 'Tanggal Musdesus');
    assert.equal(report.columns[26][0], 'Tanggal Persetujuan');
    assert.equal(report.rejected[0].code, 'template_example');
  } finally {
    register.free();
  }
  assert.throws(() => k.templateKopdes({ locale: 'fr' }), TypeError);
});
