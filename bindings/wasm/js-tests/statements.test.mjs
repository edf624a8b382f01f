// Published statements from JS (issue 18): the embedded 1 February 2025 Balikpapan sample and
// its expected findings (tests/vectors/statements/, the file the Rust and Python tests read),
// and the funnel of the real Gianyar register (figures counted by hand in
// tests/data/real/gianyar-koperasi-rat-terakhir/PROVENANCE.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as k from 'koperasi';

const ROOT = new URL('../../../', import.meta.url);
const vector = JSON.parse(readFileSync(new URL('tests/vectors/statements/balikpapan_2025_02_01.json', ROOT), 'utf8'));
const caseNamed = (name) => vector.cases.find((c) => c.name === name);
const GIANYAR = readFileSync(new URL('tests/data/real/gianyar-koperasi-rat-terakhir/koperasi.csv', ROOT));
const gianyar = () => k.funnel(GIANYAR, { asOf: '2022-05-15', readOptions: { dataAsOf: '2022-05-15' } });
const value = (f, def) => {
  const x = f.figures.find((y) => y.definition === def);
  return x.support.kind === 'counted' ? x.support.value : null;
};

test('the sample gives the findings of the vector', () => {
  const expected = caseNamed("the article's findings").expected;
  const read = k.readStatements(k.sample('balikpapan_statements').csv);
  assert.equal(read.report.accepted, 5);
  const got = k.checkStatements(read);
  assert.deepEqual(got.map((f) => f.code), expected.map((e) => e.code));
  assert.deepEqual(got.map((f) => f.statements), expected.map((e) => e.statements));
  assert.deepEqual(got.map((f) => f.values), expected.map((e) => e.values));
  assert.ok(!JSON.stringify(got).includes('325'));
});

test('a printed 1/2/20245 is rejected with its reason', () => {
  const read = k.readStatements(caseNamed('the printed date 1/2/20245 is rejected, not guessed').args.text);
  assert.equal(read.report.accepted, 1);
  const r = read.report.rejected[0];
  assert.deepEqual([r.line, r.column, r.value, r.code], [2, 'tanggal', 'Sabtu (1/2/20245)', 'date_invalid']);
  assert.match(r.reason, /20245/);
});

test('the funnel of the real Gianyar register', () => {
  const f = gianyar();
  assert.equal(f.records, 20);
  assert.equal(value(f, 'on_record'), 20);
  assert.equal(value(f, 'rat_held'), 7);
  assert.equal(value(f, 'nik_certified'), 6);
  assert.equal(value(f, 'identified'), null); // no field-check column: unknown, not 0
  assert.equal(f.figures.find((y) => y.definition === 'rat_held').book_year, 2020);
});

test('the read report names the columns each figure rests on', () => {
  const read = k.readRegister(GIANYAR, { dataAsOf: '2022-05-15' });
  const cols = (f, def) => f.figures.find((y) => y.definition === def).basis.columns;
  const withReport = k.funnel(read, { asOf: '2022-05-15' });
  assert.deepEqual(cols(withReport, 'rat_held'), ['tglRAT_terakhir']);
  assert.deepEqual(cols(withReport, 'nik_certified'), ['statusNIK']);
  assert.deepEqual(cols(withReport, 'identified'), []); // the file has no field-check column
  // Without the report: the fields that could hold the facts, not the file's headers.
  const without = k.funnel(read.register, { asOf: '2022-05-15' });
  assert.deepEqual(cols(without, 'rat_held'), ['last_rat_year', 'last_rat_date', 'rat_']);
  assert.equal(value(without, 'rat_held'), 7);
});

test('the statements to publish round-trip, check clean and match', () => {
  const f = gianyar();
  const out = k.funnelStatements(f, '2022-06-01');
  // 7: new in 2022 counts only to 15 May and is not published as the year's figure.
  assert.equal(out.length, 7);
  assert.ok(!out.some((s) => s.describes === '2022'));
  const back = k.readStatements(k.statementsCsv(out));
  assert.equal(back.statements.length, 7);
  // The whole set to publish holds together under the checks (new in 2021 included).
  assert.deepEqual(k.checkStatements(back), []);
  assert.deepEqual([...new Set(k.compareStatements(back, f).map((c) => c.outcome.kind))], ['matched']);
});

test('an office statement: matched, off by one, unsupported', () => {
  const text =
    'id,tanggal,periode,definisi,nilai\n' +
    'terdata,1 Juni 2022,15 Mei 2022,terdata,20\n' +
    'rat,1 Juni 2022,15 Mei 2022,rat_held,8\n' +
    'jelas,1 Juni 2022,15 Mei 2022,teridentifikasi,5\n';
  const got = k.compareStatements(k.readStatements(text), gianyar());
  assert.deepEqual(got.map((c) => c.outcome.kind), ['matched', 'off', 'unsupported']);
  assert.equal(got[1].outcome.register, 7);
  assert.equal(got[1].outcome.by, 1);
});

test('bad arguments are clear errors', () => {
  assert.throws(() => k.checkStatements('x'), TypeError);
  assert.throws(() => k.checkStatements([{ id: 'x' }]), (e) => e.code === 'argument_invalid');
  assert.throws(
    () => k.checkStatements(k.readStatements(k.sample('balikpapan_statements').csv), 'relation = 3'),
    (e) => e instanceof k.KoperasiError && e.code === 'relations_invalid',
  );
});
