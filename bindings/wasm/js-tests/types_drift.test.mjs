// Drift check of the generated TypeScript (js/types.gen.d.ts, from the Rust types through
// schema/koperasi.schema.json): for real results of the package, the keys of the object and the
// properties of its generated interface must be the same (an optional property may be absent).
// A field added in Rust without `npm run gen:types` (or a stale schema) fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import * as k from 'koperasi';

const genPath = new URL('../js/types.gen.d.ts', import.meta.url);
const source = ts.createSourceFile('types.gen.d.ts', readFileSync(genPath, 'utf8'), ts.ScriptTarget.ES2022);

/** Interface name -> {all, required} property names, read with the TypeScript parser. */
const interfaces = new Map();
for (const st of source.statements) {
  if (!ts.isInterfaceDeclaration(st)) continue;
  const props = st.members.filter(ts.isPropertySignature);
  interfaces.set(st.name.text, {
    all: props.map((p) => p.name.text).sort(),
    required: props.filter((p) => !p.questionToken).map((p) => p.name.text).sort(),
  });
}

/** The keys of `obj` against the generated interface `name`: same names, required ones present. */
function assertShape(name, obj) {
  const iface = interfaces.get(name);
  assert.ok(iface, `types.gen.d.ts has no interface ${name}`);
  const keys = Object.keys(obj).sort();
  const unknown = keys.filter((x) => !iface.all.includes(x));
  const missing = iface.required.filter((x) => !keys.includes(x));
  assert.deepEqual({ unknown, missing }, { unknown: [], missing: [] }, `${name}: keys of a real result vs the generated interface`);
}

test('generated interfaces match real results (Kota Bogor register, East Java panel, DOMAIN.md SHU T1)', () => {
  const bogor = k.readRegister(k.sample('bogor_register').csv);
  assertShape('ReadReport', bogor.report);
  const assessments = bogor.register.assessAll('2022-08-15');
  assert.equal(assessments.length, 398);
  assertShape('Assessment', assessments[0]);
  assertShape('Reason', assessments[0].reasons[0]);
  assertShape('CountTable', bogor.register.countBy(['kecamatan'], '2022-08-15'));
  const demography = k.demographyReport(bogor.register, 2016, 2022, '2022-12-31');
  assertShape('DemographyReport', demography);
  assertShape('DemographyYear', demography.years[0]);
  bogor.register.free();

  const report = k.buildReport(k.sample('jatim_panel').csv);
  assert.equal(report.kind, 'panel');
  const { kind, ...panelReport } = report;
  assertShape('PanelReport', panelReport);
  void kind;

  const plan = k.shuPlanFromToml('[[components]]\ncomponent = "cadangan"\nbasis_points = 10000\n');
  const d = k.shuDistribute(plan, [{ id: 'A', savings: { wajib: 100 } }], 500_000_000, 2024);
  assertShape('Distribution', d);
  assertShape('Allocation', d.allocation);
});

test('the drift check fails on a key the generated interface lacks', () => {
  assert.throws(() => assertShape('Rates', { birth_rate: 1, death_rate: 1, churn_rate: 1, net_growth_rate: 0, added_in_rust: 0 }), /added_in_rust/);
});
