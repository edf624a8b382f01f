// Koperasi Desa/Kelurahan Merah Putih from JS (issue 19): the real SIMKOPDES exports (figures by
// pandas in tests/data/real/simkopdes-statistics/figures.py, PROVENANCE.md), the synthetic
// register with dated stages (its expected.json, by generate.py) and the East Java panel. The
// npm package ships the desa level beside its WASM (loadDesaTable): coverage needs it passed as
// `desa`, and throws a stated error code without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as k from 'koperasi';

const ROOT = new URL('../../../', import.meta.url);
const read = (p) => readFileSync(new URL(p, ROOT));
const STATS = 'tests/data/real/simkopdes-statistics/';
const PROVINCE = read(`${STATS}kopdes_stats_province.csv`);
const DISTRICT = read(`${STATS}kopdes_stats_district.csv`);
const SYNTH = read('tests/data/synthetic/kopdes-stages/kopdes_stages_synth.csv');
const JATIM = read('crates/koperasi/data/samples/jatim-koperasi-kabkota-quarterly/koperasi_jatim_kabkota_2018Q4_2025Q2.csv');

test('province table: totals of the national summary, all 38 matched', () => {
  const s = k.kopdesStatistics(PROVINCE);
  assert.equal(s.snapshot.level, 'provinsi');
  assert.equal(s.snapshot.matching.matched, 38);
  assert.equal(s.snapshot.totals.cooperatives, 83382);
  assert.equal(s.snapshot.totals.nib_count, 60807);
  assert.equal(s.coops_per_desa, null);
});

test('district table against provinces: 514 of 525 matched, 40 differences', () => {
  const s = k.kopdesStatistics(DISTRICT, { parent: PROVINCE });
  const m = s.snapshot.matching;
  assert.deepEqual([m.rows, m.matched, m.misplaced], [525, 514, 5]);
  assert.ok(Math.abs(m.match_rate_pct - 97.9) < 0.005);
  assert.equal(s.level_check.length, 40);
  assert.equal(s.level_check.filter((f) => f.measure === 'rat_count').length, 38);
});

test('stages and readiness of the synthetic register', () => {
  const r = k.kopdesStages(SYNTH, '2026-01-31', { by: 'kab_kota' });
  assert.equal(r.coops, 600);
  const sk = r.funnel.find((c) => c.stage === 'sk_ahu');
  assert.deepEqual([sk.reached, sk.undated], [421, 61]);
  const ready = k.kopdesReadiness(SYNTH);
  assert.deepEqual([ready.overall.coops, ready.overall.ready], [600, 71]);
  // the per-coop lists only on request (expected.json: 619 stalled over the 12 steps; 471
  // coops without the approval item)
  assert.deepEqual([r.stalled, ready.coops], [null, null]);
  const all = k.kopdesStages(SYNTH, '2026-01-31', { perCoop: true });
  assert.equal(all.stalled.length, 619);
  const each = k.kopdesReadiness(SYNTH, { perCoop: true });
  assert.equal(each.coops.filter((c) => c.ready).length, 71);
  assert.equal(each.coops.filter((c) => c.missing.includes('approval')).length, 471);
  assert.throws(() => k.kopdesStages(SYNTH, '2026-01-31', { perCoop: 'yes' }), (e) => e.code === 'argument_invalid');
});

test('the East Java jump of 2025-Q2 against 8,494 KDMP/KKMP', () => {
  const f = k.kopdesWave(JATIM, { kdmpCount: 8494, at: '2025-Q2' });
  assert.deepEqual([f.change, f.change_without], [8570, 76]);
  assert.throws(() => k.kopdesWave(JATIM), (e) => e.code === 'argument_invalid');
});

test('coverage needs the desa level: a stated error without it, the real figures with it', async () => {
  const village = read(`${STATS}kopdes_stats_village_slice.csv`);
  assert.throws(
    () => k.kopdesCoverage(village, { level: 'kecamatan' }),
    (e) => e.code === 'kopdes_desa_unavailable' && e.message.includes('loadDesaTable'),
  );
  const desa = await k.loadDesaTable();
  // PROVENANCE.md there: Kota Denpasar's 43 desa/kelurahan all covered; Lebak (345 desa in
  // the Kemendagri CSV, python3 csv) 22 covered by 25 coops, Cimenteng Jaya and Cikaratuan not.
  const c = k.kopdesCoverage(village, { level: 'kabupaten_kota', desa });
  const kab = c.rows.filter((r) => r.coops > 0).map((r) => [r.code, r.desa, r.with_coop, r.coops, r.coverage_pct]);
  assert.deepEqual(kab, [['36.02', 345, 22, 25, 6.38], ['51.71', 43, 43, 43, 100]]);
  assert.ok(c.without_coop.some((d) => d.code === '36.02.18.2012' && d.name === 'Cimenteng Jaya'));
  const s = k.kopdesStatistics(read(`${STATS}kopdes_stats_province.csv`), { desa });
  // the national summary's 83,382 cooperatives against its 83,762 desa/kelurahan: 99.55 %
  const nation = s.coops_per_desa[0];
  assert.deepEqual([nation.code, nation.desa, nation.cooperatives, nation.pct], [null, 83762, 83382, 99.55]);
  assert.throws(
    () => k.kopdesCoverage(village, { desa: 'kode,nama,level\n64.71.99,Nowhere,kecamatan\n' }),
    (e) => e.code === 'wilayah_bad_table',
  );
});
