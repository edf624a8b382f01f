// Issue 13: the `decimal` read option (`1,500` and `1.500` are read only when the file's
// decimal mark settles them), and integers beyond 2^53 / i64 as coded errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as k from 'koperasi';

const MEMBERS = 'no_anggota,simpanan_wajib\nA1,"1,500"\nA2,1.500\n';
const wajib = (read) => read.members.map((m) => m.savings.wajib);

test('members: 1,500 is refused by default, read as the decimal option says', () => {
  const byDefault = k.shuReadMembers(MEMBERS);
  assert.equal(byDefault.report.accepted, 1);
  assert.deepEqual(
    byDefault.report.rejected.map((r) => [r.line, r.code, r.value]),
    [[2, 'number_ambiguous', '1,500']],
  );
  assert.deepEqual(wajib(byDefault), [150000]);
  assert.deepEqual(wajib(k.shuReadMembers(MEMBERS, { decimal: 'comma' })), [150, 150000]);
  assert.deepEqual(wajib(k.shuReadMembers(MEMBERS, { decimal: 'point' })), [150000, 150]);
  const auto = k.shuReadMembers(`${MEMBERS}A3,Rp 2.750.000\n`, { decimal: 'auto' });
  assert.deepEqual(wajib(auto), [150, 150000, 275000000]);
  assert.deepEqual(auto.report.notes, ['column `simpanan_wajib`: decimal comma (from 1 unambiguous cell)']);
  assert.equal(k.shuReadMembers(MEMBERS, { decimal: 'auto' }).report.accepted, 0);
});

test('registers and panels take decimal too; an unknown value is a TypeError', () => {
  const panel = 'KABUPATEN / KOTA,PERIODE UPDATE,JUMLAH KOPERASI TOTAL\nKota Batu,2021-Q1,"1,500"\n';
  assert.equal(k.readPanel(panel).report.rejected[0].code, 'number_ambiguous');
  assert.equal(k.readPanel(panel, { decimal: 'point' }).report.accepted, 1);
  const reg = 'nama_koperasi,jumlah_anggota\nKSP Satu,"1,500"\n';
  assert.equal(k.readRegister(reg).report.cell_errors[0].code, 'number_ambiguous');
  assert.equal(k.readAny(reg, { decimal: 'point' }).report.cell_errors.length, 0);
  assert.throws(() => k.readPanel(panel, { decimal: 'koma' }), (e) => e instanceof TypeError && /decimal/.test(e.message));
});

test('integers beyond 2^53 or i64 are coded RangeErrors, never rounded', () => {
  assert.throws(() => k.formatRupiah(2n ** 63n), (e) => e instanceof RangeError && e.code === 'number_out_of_range');
  assert.throws(() => k.formatRupiah(2 ** 63), (e) => e instanceof RangeError && e.code === 'number_unsafe_integer');
  assert.equal(k.formatRupiah(2n ** 63n - 1n), 'Rp 92.233.720.368.547.758,07');
  assert.throws(() => k.formatInt(-(2n ** 63n) - 1n), (e) => e instanceof RangeError && e.code === 'number_out_of_range');
  const plan = k.shuPlanFromToml('[[components]]\ncomponent = "cadangan"\nbasis_points = 10000\n');
  const members = k.shuReadMembers('no_anggota,simpanan_wajib\nA,100\n').members;
  assert.throws(
    () => k.shuDistribute(plan, members, 2n ** 63n, 2024),
    (e) => e instanceof RangeError && e.code === 'number_out_of_range',
  );
});
