// Published tables in every shape (tests/data/real/, figures in each PROVENANCE.md, computed
// independently with pandas): the same figures as the Rust and Python tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as k from 'koperasi';

const real = (slug) => readFileSync(new URL(`../../../tests/data/real/${slug}/${slug}.csv`, import.meta.url), 'utf8');

test('SIPD profil daerah: a hierarchy, parents never summed, one parent gap', () => {
  const r = k.readAny(real('sipd-gorontalo-koperasi'), { region: '75.71' });
  assert.equal(r.kind, 'panel');
  assert.equal(r.report.shape.kind, 'hierarchy');
  const t = r.panel.totalsByPeriod(['aktif', 'tidak_aktif']);
  assert.deepEqual(t.map(([, m]) => m.aktif), [126, 133, 108, 139, 141]);
  assert.deepEqual(r.report.shape.parent_gaps.map((g) => [g.line, g.period, g.parent, g.children_sum]), [[125, '2015', 13, 12]]);
});

test('a one-date table needs its period', () => {
  const csv = real('bps-koperasi-aktif-provinsi-2024');
  assert.throws(() => k.readAny(csv), (e) => e.code === 'read_missing_column' && e.message.includes('--period'));
  const r = k.readAny(csv, { period: '2024' });
  assert.equal(r.report.shape.kind, 'snapshot');
  assert.deepEqual(r.panel.totalsByPeriod(["aktif"]).map(([, m]) => m.aktif), [38538]);
  assert.throws(() => k.readAny(csv, { period: 'kemarin' }), (e) => e instanceof Error);
});
