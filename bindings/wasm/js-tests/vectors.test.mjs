// Runs every conformance vector in tests/vectors/ (repository root) against the npm package,
// as the Rust core and the Python package do: the three languages must agree.
// A `function` this runner does not know, or an argument a function does not take, fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as k from 'koperasi';
import { mismatch } from './compare.mjs';

/** The desa level, which the package ships beside its WASM (the CLI and Python embed it). */
const DESA = await k.loadDesaTable();

const root = fileURLToPath(new URL('../../../tests/vectors/', import.meta.url));

/** Parameters of each function, in the positional order of the JS API (vector arg names). */
const PARAMS = {
  parse_date: ['text'],
  format_date: ['date'],
  format_date_numeric: ['date'],
  parse_decimal: ['text'],
  parse_count: ['text'],
  parse_rupiah: ['text'],
  format_rupiah: ['sen'],
  format_rupiah_whole: ['sen'],
  format_int: ['n'],
  is_missing: ['text'],
  wilayah_get: ['code'],
  find_provinsi: ['name'],
  find_kab_kota: ['name', 'within'],
  find_kecamatan: ['name', 'within'],
  wilayah_search: ['name', 'level', 'within'],
  wilayah_children: ['code'],
  normalize_name: ['text'],
  parse_kode_wilayah: ['text'],
  parse_nomor_badan_hukum: ['text'],
  parse_nik_koperasi: ['text'],
  parse_nib: ['text'],
  policy_presets: [],
  assess: ['koperasi', 'as_of', 'policy'],
  rat_deadline: ['book_year', 'policy'],
  read_register: ['source', 'options'],
  read_panel: ['source', 'options'],
  read_any: ['source', 'options'],
  detect_layout: ['csv_text', 'options'],
  growth: ['panel', 'measure', 'from_period', 'to_period'],
  cagr: ['from_value', 'to_value', 'years'],
  pct_change: ['from_value', 'to_value'],
  run_checks: ['panel', 'params'],
  parse_period: ['text'],
  build_report: ['source', 'as_of', 'policy', 'options'],
  shu_plan_from_toml: ['text'],
  shu_allocate: ['plan', 'shu_sen', 'non_member_shu_sen'],
  shu_distribute: ['plan', 'members', 'shu_sen', 'book_year', 'non_member_shu_sen'],
  shu_apportion: ['total_sen', 'bases', 'rounding', 'reconcile', 'granularity_sen'],
  shu_pseudonym: ['key', 'member_id'],
  shu_read_members: ['text', 'options'],
  kaplan_meier: ['durations', 'event_observed', 'entry', 'alpha'],
  demography_rates: ['active', 'births', 'deaths'],
  yearly_demography: ['lifelines', 'from_year', 'to_year', 'last_observed_year', 'params'],
  cohort_survival: ['lifelines', 'from_year', 'to_year', 'last_observed_year', 'horizon'],
  survival_data: ['lifelines', 'first_observed_year', 'last_observed_year', 'death_window_years'],
  high_growth: ['units', 'year', 'params'],
  demography_report: ['register', 'from_year', 'to_year', 'as_of', 'policy', 'population', 'death_window'],
};

/**
 * Vector functions that are methods or static constructors in JS (`Class.method`, as in the
 * README of tests/vectors): the argument holding the object (`self`, absent for a static), the
 * JS method (default: the camelCase name), and the other parameters in positional order.
 * `call` replaces the plain method call where JS spells the operation differently.
 */
const METHODS = {
  status_series: { self: 'register', method: 'statusSeries', params: ['dates', 'policy', 'fields'] },
  'Register.len': { self: 'register', params: [], call: (r) => r.length },
  'Register.records': { self: 'register', params: [], call: (r) => r.toColumns() },
  'Register.assess_all': { self: 'register', params: ['as_of', 'policy'] },
  'Register.status_counts': { self: 'register', params: ['as_of', 'policy'] },
  'Register.count_by': { self: 'register', method: 'countByColumns', params: ['fields', 'as_of', 'policy'] },
  'Register.reason_counts': { self: 'register', params: ['as_of', 'policy'] },
  'Register.duplicates': { self: 'register', params: [] },
  'Register.registrations_by_year': { self: 'register', params: [] },
  'Register.status_series': { self: 'register', params: ['dates', 'policy', 'fields'] },
  'Register.compare_policies': { self: 'register', params: ['as_of', 'policies'] },
  'Panel.to_dict': { self: 'panel', method: 'toColumns', params: [] },
  'Panel.periods': { self: 'panel', params: [] },
  'Panel.regions': { self: 'panel', params: [] },
  'Panel.measures': { self: 'panel', params: [] },
  'Panel.totals_by_period': { self: 'panel', method: 'totalsByPeriodColumns', params: ['measures'] },
  'Rupiah.parse': { params: ['text'], call: (text) => k.Rupiah.parse(text) },
  'Rupiah.to_string': { params: ['sen'], call: (sen) => new k.Rupiah(sen).toString() },
  'StatusPolicy.preset': { params: ['name'] },
  'StatusPolicy.national': { params: [] },
  'StatusPolicy.office': { params: [] },
  'StatusPolicy.field_verification_first': { params: [] },
  'StatusPolicy.from_json': { params: ['text'] },
  'StatusPolicy.from_toml': { params: ['text'] },
  'StatusPolicy.from_dict': { params: ['d'], method: 'fromObject' },
  'Koperasi.from_dict': { params: ['d'], method: 'fromObject' },
  // Published statements (issue 18): the vector gives the statements as CSV text.
  read_statements: { params: ['text'], call: (text) => k.readStatements(text) },
  check_statements: { params: ['text'], call: (text) => k.checkStatements(k.readStatements(text)) },
  // Koperasi Desa/Kelurahan Merah Putih (issue 19). Coverage counts desa/kelurahan: the npm
  // package ships that level as a file beside its WASM, passed here as `desa`.
  kopdes_statistics: {
    params: ['source', 'parent', 'previous', 'data_as_of'],
    call: (source, parent, previous, dataAsOf) => k.kopdesStatistics(source, { parent, previous, dataAsOf, desa: DESA }),
  },
  kopdes_coverage: {
    params: ['source', 'level', 'region'],
    call: (source, level, region) => k.kopdesCoverage(source, { level, region, desa: DESA }),
  },
  kopdes_stages: { params: ['source', 'as_of', 'by'], call: (source, asOf, by) => k.kopdesStages(source, asOf, { by }) },
  kopdes_readiness: { params: ['source', 'by'], call: (source, by) => k.kopdesReadiness(source, { by }) },
  kopdes_wave: {
    params: ['source', 'kdmp_count', 'at'],
    call: (source, kdmpCount, at) => k.kopdesWave(source, { kdmpCount, at }),
  },
};

const camel = (s) => s.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/** A CSV argument may name an embedded sample: `{"sample": "jatim_panel"}`. */
function csvArg(v) {
  return v !== null && typeof v === 'object' && typeof v.sample === 'string' ? k.sample(v.sample).csv : v;
}

function argValue(name, v) {
  if (name === 'source' || name === 'csv_text') return csvArg(v);
  if (name === 'panel') return k.readPanel(csvArg(v)).panel;
  if (name === 'register') return k.readRegister(csvArg(v)).register;
  return v;
}

function runMethod(fn, args) {
  const m = METHODS[fn];
  args = args ?? {};
  for (const a of Object.keys(args)) {
    if (a !== m.self && !m.params.includes(a)) throw new Error(`\`${fn}\` takes no argument \`${a}\``);
  }
  const positional = m.params.map((p) => (p in args ? argValue(p, args[p]) : undefined));
  while (positional.length && positional[positional.length - 1] === undefined) positional.pop();
  const [cls, name] = fn.includes('.') ? fn.split('.', 2) : [null, fn];
  const self = m.self === undefined ? k[cls] : argValue(m.self, args[m.self]);
  if (m.call) return m.call(...(m.self === undefined ? positional : [self, ...positional]));
  const method = m.method ?? camel(name);
  if (typeof self?.[method] !== 'function') throw new Error(`no JS method \`${method}\` for vector function \`${fn}\``);
  return self[method](...positional);
}

/**
 * A result as JSON data. A collection (an array of rows) whose vector expects columns (an
 * object) compares as its columns (`toColumns`, computed by the core); a `Panel` inside a
 * result compares as its columns (`panel.toColumns()`), as in the README of tests/vectors.
 */
function plain(res, expected) {
  const asColumns = Array.isArray(res) && expected !== null && typeof expected === 'object' && !Array.isArray(expected);
  const v = asColumns ? k.toColumns(res) : res;
  return JSON.parse(
    JSON.stringify(v, function (key, value) {
      return this[key] instanceof k.Panel ? this[key].toColumns() : value;
    }),
  );
}

function run(fn, args) {
  if (fn in METHODS) return runMethod(fn, args);
  const params = PARAMS[fn];
  // A read option given as its own argument (as Python takes it) goes into `options`.
  if (args && 'decimal' in args && params?.includes('options')) {
    const { decimal, ...rest } = args;
    args = { ...rest, options: { ...(rest.options ?? {}), decimal } };
  }
  const jsName = camel(fn);
  if (params === undefined || typeof k[jsName] !== 'function') {
    throw new Error(`no JS function for vector function \`${fn}\` (expected export \`${jsName}\`)`);
  }
  for (const a of Object.keys(args ?? {})) {
    if (!params.includes(a)) throw new Error(`\`${fn}\` takes no argument \`${a}\` (takes: ${params.join(', ')})`);
  }
  const positional = params.map((p) => (args && p in args ? argValue(p, args[p]) : undefined));
  while (positional.length && positional[positional.length - 1] === undefined) positional.pop();
  return k[jsName](...positional);
}

function vectorFiles(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) vectorFiles(p, out);
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

const files = vectorFiles(root);

test('there are vector files', () => {
  assert.ok(files.length > 0, `no vector files under ${root}`);
});

for (const file of files) {
  const rel = relative(root, file);
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  assert.ok(Array.isArray(doc.cases), `${rel}: no \`cases\``);
  test(rel, () => {
    const failures = [];
    for (const c of doc.cases) {
      const skip = METHODS[c.function]?.skip;
      if (skip) {
        // Stated, never silent: the case and its reason go to the test log.
        console.log(`skipped ${rel}: ${c.name} (${c.function}): ${skip}`);
        continue;
      }
      const tol = typeof c.tolerance === 'number' ? c.tolerance : 0;
      const hasExp = Object.hasOwn(c, 'expected');
      const hasErr = Object.hasOwn(c, 'error');
      let got;
      let err = null;
      let errFields = null;
      try {
        got = plain(run(c.function, c.args), c.expected);
      } catch (e) {
        if (typeof e?.code !== 'string' || !(e instanceof Error)) {
          failures.push(`${c.name} (${c.function}): threw ${e}`);
          continue;
        }
        if (!(e instanceof k.KoperasiError) && e.code === 'argument_invalid') {
          failures.push(`${c.name} (${c.function}): ${e.message}`);
          continue;
        }
        err = e.code;
        errFields = { code: e.code, line: e.line, column: e.column, value: e.value, details: e.details };
      }
      let why = null;
      if (hasExp === hasErr) why = 'a case needs exactly one of `expected` and `error`';
      else if (hasExp && err === null) why = mismatch(c.expected, got, tol, '');
      else if (hasErr && err !== null && typeof c.error === 'object') why = mismatch(c.error, errFields, 0, 'error');
      else if (hasErr && err !== null) why = err === c.error ? null : `error \`${err}\`, expected \`${c.error}\``;
      else if (hasErr) why = `got ${JSON.stringify(got)}, expected error \`${c.error}\``;
      else why = `error \`${err}\`, expected ${JSON.stringify(c.expected)}`;
      if (why !== null) failures.push(`${c.name} (${c.function}): ${why}`);
    }
    assert.deepEqual(failures, [], `${failures.length} of ${doc.cases.length} vectors failed in ${rel}`);
  });
}
