// Definition sensitivity from JS (issue 20): Register.comparePolicies on the synthetic register
// whose figures an independent pandas script computed (tests/data/policy_compare/expected.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as k from 'koperasi';

const DIR = new URL('../../../tests/data/policy_compare/', import.meta.url);
const register = () => k.readRegister(readFileSync(new URL('register.csv', DIR))).register;
const expected = JSON.parse(readFileSync(new URL('expected.json', DIR), 'utf8'));

test('comparePolicies gives the pandas figures', () => {
  const c = register().comparePolicies('2025-07-01', [
    'national',
    k.StatusPolicy.office(),
    k.StatusPolicy.permenkop25_2015(),
  ]);
  assert.equal(c.as_of, '2025-07-01');
  assert.equal(c.records, 120);
  assert.deepEqual(c.policies.map((p) => p.counts), expected.policies.map((p) => p.counts));
  const key = (g) => JSON.stringify([g.from_reason, g.to_reason, g.rat_held, g.records]);
  c.pairs.forEach((pair, i) => {
    const want = expected.pairs[i];
    assert.deepEqual([pair.from, pair.to, pair.same, pair.changed], [want.from, want.to, want.same, want.changed]);
    assert.deepEqual(pair.cross, want.cross);
    assert.deepEqual(pair.changes.map(key).sort(), want.changes.map(key).sort());
  });
});

test('comparePolicies refuses bad lists with a code', () => {
  const reg = register();
  assert.throws(() => reg.comparePolicies('2025-07-01', ['office', 'office']), { code: 'policy_invalid' });
  assert.throws(() => reg.comparePolicies('2025-07-01', 'office'), TypeError);
});
