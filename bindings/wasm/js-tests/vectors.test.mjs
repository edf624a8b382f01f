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

/**
 * How each vector function is called, from the one manifest the three runners share
 * (`tests/vectors/functions.json`): `params` in the positional order of the JS API, `self` for a
 * method (the argument holding the object; absent for a static), and `js`: `method` (default: the
 * camelCase name), `property`, `options` (arguments that go, camelCased, into the trailing options
 * object), `desa` (the desa table goes in as the `desa` option: the package ships it beside its
 * WASM), `skip` (a stated reason) or `call` (a spelling of its own, in CALLS below).
 */
const FUNCTIONS = JSON.parse(readFileSync(join(root, 'functions.json'), 'utf8')).functions;

/** The manifest's `js.call` entries: JS spells these operations its own way. */
const CALLS = {
  'Rupiah.to_string': ({ sen }) => new k.Rupiah(sen).toString(),
  check_statements: ({ text }) => k.checkStatements(k.readStatements(text)),
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

/** The arguments of a call in positional order, `js.options` gathered into the options object. */
function positionalArgs(entry, args) {
  const opts = entry.js?.options ?? [];
  const positional = entry.params.filter((p) => !opts.includes(p)).map((p) => (p in args ? argValue(p, args[p]) : undefined));
  const given = opts.filter((p) => p in args);
  if (given.length || entry.js?.desa) {
    const at = entry.params.includes('options') ? entry.params.filter((p) => !opts.includes(p)).indexOf('options') : positional.length;
    const extra = Object.fromEntries(given.map((p) => [camel(p), args[p]]));
    if (entry.js?.desa) extra.desa = DESA;
    positional[at] = { ...(positional[at] ?? {}), ...extra };
  }
  while (positional.length && positional[positional.length - 1] === undefined) positional.pop();
  return positional;
}

function run(fn, args) {
  const entry = FUNCTIONS[fn];
  if (entry === undefined) throw new Error(`\`${fn}\` is not in tests/vectors/functions.json`);
  args = args ?? {};
  for (const a of Object.keys(args)) {
    if (a !== entry.self && !entry.params.includes(a)) {
      throw new Error(`\`${fn}\` takes no argument \`${a}\` (takes: ${entry.params.join(', ')})`);
    }
  }
  if (entry.js?.call) {
    if (!(fn in CALLS)) throw new Error(`\`${fn}\`: the manifest's js.call has no entry in CALLS`);
    return CALLS[fn](args);
  }
  const positional = positionalArgs(entry, args);
  const [cls, name] = fn.includes('.') ? fn.split('.', 2) : [null, fn];
  const self = entry.self !== undefined ? argValue(entry.self, args[entry.self]) : cls === null ? k : k[cls];
  if (entry.js?.property) return self[entry.js.property];
  const method = entry.js?.method ?? camel(name);
  if (typeof self?.[method] !== 'function') throw new Error(`no JS function \`${method}\` for vector function \`${fn}\``);
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

function vectorFiles(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) vectorFiles(p, out);
    else if (name.endsWith('.json') && p !== join(root, 'functions.json')) out.push(p);
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
      const skip = FUNCTIONS[c.function]?.js?.skip;
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
