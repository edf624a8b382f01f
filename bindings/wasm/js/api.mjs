// The public JavaScript API of `koperasi`, over the raw wasm-bindgen layer (src/*.rs).
// This file only converts arguments and results; every figure comes from the Rust core.
// `node.mjs` and `browser.mjs` load the WASM and hand the raw module to `setRaw`.

let raw = null;

/** @internal Called once by the entry module with the wasm-bindgen module. */
export function setRaw(r) {
  raw = r;
}

function wasm() {
  if (raw === null) {
    throw new KoperasiError({ code: 'not_initialized', message: 'the koperasi WASM module is not loaded yet' });
  }
  return raw;
}

/**
 * An error of the koperasi engine: a stable `code` plus where and what (line, column, value)
 * and `details`, every named field of the core error as text (`Error::details`, as in Python).
 */
export class KoperasiError extends Error {
  constructor(payload) {
    super(payload.message);
    this.name = 'KoperasiError';
    withFields(this, payload);
  }

  toJSON() {
    const { name, code, message, line, column, value, details } = this;
    return { name, code, message, line, column, value, details };
  }
}

/**
 * @internal The error of an entry module whose WASM build is missing (the package folder used
 * unbuilt): code `not_built`, with how to build it; the loader's error is its `cause`.
 */
export function notBuilt(cause) {
  const err = new KoperasiError({
    code: 'not_built',
    message:
      'koperasi: the WebAssembly build is missing or cannot be loaded (bindings/wasm/pkg-web/). ' +
      'Build it from the repository root with `bash bindings/wasm/build.sh` (or `npm run build` ' +
      'in bindings/wasm; needs Rust, the wasm32-unknown-unknown target and wasm-bindgen-cli, see ' +
      'README.md), then install the package again. / Hasil build WebAssembly tidak ada: jalankan ' +
      '`bash bindings/wasm/build.sh` dari akar repositori (atau `npm run build` di bindings/wasm).',
  });
  err.cause = cause;
  return err;
}

function withFields(err, p) {
  err.code = p.code;
  err.line = p.line ?? null;
  err.column = p.column ?? null;
  err.value = p.value ?? null;
  err.details = p.details ?? {};
  return err;
}

/** The thrown payload of the raw layer (`{kind, code, message, ...}`) as an Error object. */
function convertError(e) {
  if (e !== null && typeof e === 'object' && !(e instanceof Error) && typeof e.code === 'string') {
    if (e.kind === 'range') return withFields(new RangeError(e.message), e);
    if (e.kind === 'type') return withFields(new TypeError(e.message), e);
    return new KoperasiError(e);
  }
  if (typeof e === 'string') return new KoperasiError({ code: 'internal', message: e });
  return e;
}

/** Run a raw call (its result is already a JS value); turn thrown payloads into Error objects. */
function call(fn, ...args) {
  try {
    return fn(...args);
  } catch (e) {
    throw convertError(e);
  }
}

function typeError(message) {
  return withFields(new TypeError(message), { code: 'argument_invalid' });
}

function str(x, name) {
  if (typeof x !== 'string') throw typeError(`${name} must be a string, got ${x === null ? 'null' : typeof x}`);
  return x;
}

function optStr(x, name) {
  return x === undefined || x === null ? undefined : str(x, name);
}

function bool(x, name) {
  if (typeof x !== 'boolean') throw typeError(`${name} must be a boolean, got ${x === null ? 'null' : typeof x}`);
  return x;
}

function isoDate(x, name) {
  if (x instanceof Date) throw typeError(`${name} must be an ISO date string YYYY-MM-DD, not a Date object`);
  return str(x, name);
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** An integer argument (sen, counts) as BigInt for the i64 parameters of the raw layer. */
function int64(x, name) {
  if (typeof x === 'bigint') {
    if (x < I64_MIN || x > I64_MAX) {
      throw withFields(new RangeError(`${name} ${x} is outside the 64-bit range`), { code: 'number_out_of_range', value: String(x) });
    }
    return x;
  }
  if (typeof x !== 'number') throw typeError(`${name} must be an integer (number or bigint), got ${typeof x}`);
  if (!Number.isInteger(x)) throw typeError(`${name} must be an integer, got ${x}`);
  if (!Number.isSafeInteger(x)) {
    throw withFields(new RangeError(`${name} ${x} is past 2^53 - 1 and may already have been rounded: pass a bigint`), {
      code: 'number_unsafe_integer',
      value: String(x),
    });
  }
  return BigInt(x);
}

const encoder = new TextEncoder();

/** Input: CSV text, or the bytes (Uint8Array, ArrayBuffer) of a CSV file or a workbook. */
function bytes(source) {
  if (typeof source === 'string') return encoder.encode(source);
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  throw typeError(
    'source must be CSV text (string), or the bytes of a CSV file or an XLSX/XLS/ODS workbook (Uint8Array or ArrayBuffer)',
  );
}

function policyArg(policy) {
  if (policy === undefined || policy === null) return undefined;
  if (policy instanceof StatusPolicy) return policy.toObject();
  if (typeof policy === 'string') return call(wasm().policy_preset, policy);
  if (typeof policy === 'object') return policy;
  throw typeError('policy must be a StatusPolicy, a preset name or a policy object');
}

function optionsArg(o, name) {
  if (o === undefined || o === null) return undefined;
  if (typeof o !== 'object') throw typeError(`${name} must be an object`);
  return o;
}

/**
 * Rows (an array of plain objects) as columns: an object of arrays, one entry per row, computed
 * by the core (`koperasi::columns::to_columns`): nested objects are flattened with dotted names
 * (`location.kecamatan`), a field a row lacks is `null`.
 */
export function toColumns(rows) {
  if (!Array.isArray(rows)) throw typeError('toColumns expects an array of objects');
  return call(wasm().rows_to_columns, rows);
}

// ---- locale / money ------------------------------------------------------------------------

export const parseDate = (text) => call(wasm().parse_date, str(text, 'text'));
export const formatDate = (date) => call(wasm().format_date, isoDate(date, 'date'));
export const formatDateNumeric = (date) => call(wasm().format_date_numeric, isoDate(date, 'date'));
export const parseDecimal = (text) => call(wasm().parse_decimal, str(text, 'text'));
export const parseCount = (text) => call(wasm().parse_count, str(text, 'text'));
export const parseRupiah = (text) => call(wasm().parse_rupiah, str(text, 'text'));
export const formatRupiah = (sen) => call(wasm().format_rupiah, int64(sen, 'sen'));
export const formatRupiahWhole = (sen) => call(wasm().format_rupiah_whole, int64(sen, 'sen'));
export const formatInt = (n) => call(wasm().format_int, int64(n, 'n'));
export const isMissing = (text) => call(wasm().is_missing, str(text, 'text'));

/** Money: an exact integer number of sen (1 rupiah = 100 sen), a safe-integer `number`. */
export class Rupiah {
  constructor(sen) {
    int64(sen, 'sen');
    const n = Number(sen);
    if (!Number.isSafeInteger(n)) {
      throw withFields(new RangeError(`sen ${sen} is past 2^53 - 1: not representable as a JS number`), {
        code: 'number_unsafe_integer',
        value: String(sen),
      });
    }
    this.sen = n;
    Object.freeze(this);
  }

  static parse(text) {
    return new Rupiah(parseRupiah(text));
  }

  toString() {
    return formatRupiah(this.sen);
  }

  toJSON() {
    return this.sen;
  }
}

// ---- wilayah ------------------------------------------------------------------------------

export const wilayahGet = (code) => call(wasm().wilayah_get, str(code, 'code'));
export const findProvinsi = (name) => call(wasm().find_provinsi, str(name, 'name'));
export const findKabKota = (name, within) => call(wasm().find_kab_kota, str(name, 'name'), optStr(within, 'within'));
export const findKecamatan = (name, within) => call(wasm().find_kecamatan, str(name, 'name'), optStr(within, 'within'));
export const wilayahSearch = (name, level, within) =>
  call(wasm().wilayah_search, str(name, 'name'), optStr(level, 'level'), optStr(within, 'within'));
export const wilayahChildren = (code) => call(wasm().wilayah_children, str(code, 'code'));
export const normalizeName = (text) => call(wasm().normalize_name, str(text, 'text'));
export const parseKodeWilayah = (text) => call(wasm().parse_kode_wilayah, str(text, 'text'));

// ---- identity -----------------------------------------------------------------------------

export const parseNomorBadanHukum = (text) => call(wasm().parse_nomor_badan_hukum, str(text, 'text'));
export const parseNikKoperasi = (text) => call(wasm().parse_nik_koperasi, str(text, 'text'));
export const parseNib = (text) => call(wasm().parse_nib, str(text, 'text'));

// ---- status -------------------------------------------------------------------------------

/** A status policy: its fields are the serde shape of the Rust `StatusPolicy` (snake_case). */
export class StatusPolicy {
  /** @param {object} fields a policy object; validated by the core. */
  constructor(fields) {
    Object.assign(this, call(wasm().policy_from_object, fields));
    Object.freeze(this);
  }

  static preset(name) {
    return new StatusPolicy(call(wasm().policy_preset, str(name, 'name')));
  }
  static national() {
    return StatusPolicy.preset('national');
  }
  static office() {
    return StatusPolicy.preset('office');
  }
  static fieldVerificationFirst() {
    return StatusPolicy.preset('field_verification_first');
  }
  static permenkop25_2015() {
    return StatusPolicy.preset('permenkop_25_2015');
  }
  static fromJson(text) {
    return new StatusPolicy(call(wasm().policy_from_json, str(text, 'text')));
  }
  static fromToml(text) {
    return new StatusPolicy(call(wasm().policy_from_toml, str(text, 'text')));
  }
  static fromObject(o) {
    if (o === null || typeof o !== 'object') throw typeError('a policy object is required');
    return new StatusPolicy(o);
  }
  toObject() {
    return { ...this };
  }
  toJson() {
    return JSON.stringify(this.toObject(), null, 2);
  }
}

export const policyPresets = () => call(wasm().policy_presets);

/** A cooperative record: the serde shape of the Rust `Koperasi` (snake_case fields). */
export class Koperasi {
  constructor(fields) {
    Object.assign(this, call(wasm().koperasi_from_object, fields));
  }
  static fromObject(o) {
    if (o === null || typeof o !== 'object') throw typeError('a koperasi object is required');
    return new Koperasi(o);
  }
  toObject() {
    return { ...this };
  }
}

function koperasiArg(k) {
  if (k === null || typeof k !== 'object') throw typeError('koperasi must be a Koperasi or a record object');
  return k instanceof Koperasi ? k.toObject() : k;
}

export const assess = (koperasi, asOf, policy) =>
  call(wasm().assess, koperasiArg(koperasi), isoDate(asOf, 'asOf'), policyArg(policy));

export function ratDeadline(bookYear, policy) {
  if (!Number.isInteger(bookYear)) throw typeError('bookYear must be an integer');
  return call(wasm().rat_deadline, bookYear, policyArg(policy));
}

// ---- register -----------------------------------------------------------------------------

/** A register of cooperatives held in WASM memory (freed by the garbage collector, or `free()`). */
export class Register {
  constructor(handle) {
    this._h = handle;
  }
  static fromObject(o) {
    return new Register(call(wasm().RegisterHandle.from_object, o));
  }
  get length() {
    return this._h.len();
  }
  get records() {
    return call(() => this._h.records());
  }
  toObject() {
    return call(() => this._h.to_object());
  }
  toJSON() {
    return this.toObject();
  }
  /** The records as columns (`koperasi::columns::to_columns`: `location.kecamatan`, ...). */
  toColumns() {
    return call(() => this._h.records_columns());
  }
  assessAll(asOf, policy) {
    return call((a, p) => this._h.assess_all(a, p), isoDate(asOf, 'asOf'), policyArg(policy));
  }
  statusCounts(asOf, policy) {
    return call((a, p) => this._h.status_counts(a, p), isoDate(asOf, 'asOf'), policyArg(policy));
  }
  countBy(fields, asOf, policy) {
    if (!Array.isArray(fields)) throw typeError('fields must be an array of field names');
    return call((f, a, p) => this._h.count_by(f, a, p), fields, isoDate(asOf, 'asOf'), policyArg(policy));
  }
  /** `countBy` as columns: one column per field, then `count`. */
  countByColumns(fields, asOf, policy) {
    if (!Array.isArray(fields)) throw typeError('fields must be an array of field names');
    return call(
      (f, a, p) => this._h.count_by_columns(f, a, p),
      fields,
      isoDate(asOf, 'asOf'),
      policyArg(policy),
    );
  }
  reasonCounts(asOf, policy) {
    return call((a, p) => this._h.reason_counts(a, p), isoDate(asOf, 'asOf'), policyArg(policy));
  }
  /** The same register under several policies (preset names, `StatusPolicy` objects or plain
   * policy objects): counts under each, and per pair the cross table and the coops that change
   * status, grouped by why (`PolicyComparison`). */
  comparePolicies(asOf, policies) {
    if (!Array.isArray(policies)) throw typeError('policies must be an array of policies or preset names');
    const list = policies.map((p) => policyArg(p) ?? null);
    return call((a, p) => this._h.compare_policies(a, p), isoDate(asOf, 'asOf'), list);
  }
  duplicates() {
    return call(() => this._h.duplicates());
  }
  registrationsByYear() {
    return call(() => this._h.registrations_by_year());
  }
  /**
   * Counts by status at many dates (`dates`: ISO dates, or `{start, end, frequency}` for the
   * month or year ends), broken down by `fields`.
   */
  statusSeries(dates, policy, fields) {
    return new StatusSeries(
      call((d, p, f) => this._h.status_series(d, p, f), seriesDatesArg(dates), policyArg(policy), fieldsArg(fields)),
    );
  }
  free() {
    this._h.free();
  }
}

function fieldsArg(fields) {
  if (fields === undefined || fields === null) return undefined;
  if (!Array.isArray(fields)) throw typeError('fields must be an array of field names');
  return fields;
}

function seriesDatesArg(dates) {
  if (Array.isArray(dates)) {
    dates.forEach((d, i) => isoDate(d, `dates[${i}]`));
    return dates;
  }
  if (dates !== null && typeof dates === 'object' && !(dates instanceof Date)) {
    const { start, end, frequency } = dates;
    return { start: isoDate(start, 'dates.start'), end: isoDate(end, 'dates.end'), frequency: str(frequency, 'dates.frequency') };
  }
  throw typeError('dates must be an array of ISO dates or {start, end, frequency}');
}

/** Counts by status at many dates: the serde shape of the Rust `StatusSeries`, plus `toColumns()`. */
export class StatusSeries {
  constructor(fields) {
    Object.assign(this, fields);
  }
  /** Long form: `{date, breakdown: [[field, values]], status, count}`, one entry per row. */
  toColumns() {
    return call(wasm().status_series_columns, { ...this });
  }
}

// ---- stats --------------------------------------------------------------------------------

/** A panel of published counts held in WASM memory. */
export class Panel {
  constructor(handle) {
    this._h = handle;
  }
  static fromObject(o) {
    return new Panel(call(wasm().PanelHandle.from_object, o));
  }
  get length() {
    return this._h.len();
  }
  toObject() {
    return call(() => this._h.to_object());
  }
  toJSON() {
    return this.toObject();
  }
  toColumns() {
    return call(() => this._h.to_columns());
  }
  periods() {
    return call(() => this._h.periods());
  }
  regions() {
    return call(() => this._h.regions());
  }
  measures() {
    return call(() => this._h.measures());
  }
  totalsByPeriod(measures) {
    if (!Array.isArray(measures)) throw typeError('measures must be an array of measure names');
    return call((m) => this._h.totals_by_period(m), measures);
  }
  /** `totalsByPeriod` as columns: `period`, then one column per measure of `measures`. */
  totalsByPeriodColumns(measures) {
    if (!Array.isArray(measures)) throw typeError('measures must be an array of measure names');
    return call((m) => this._h.totals_by_period_columns(m), measures);
  }
  free() {
    this._h.free();
  }
}

function panelArg(panel) {
  if (!(panel instanceof Panel)) throw typeError('panel must be a Panel (from readPanel or readAny)');
  return panel;
}

export const growth = (panel, measure, fromPeriod, toPeriod) =>
  call(
    (m, f, t) => panelArg(panel)._h.growth(m, f, t),
    str(measure, 'measure'),
    str(fromPeriod, 'fromPeriod'),
    str(toPeriod, 'toPeriod'),
  );
export const runChecks = (panel, params) =>
  call((p) => panelArg(panel)._h.run_checks(p), optionsArg(params, 'params'));
export const cagr = (fromValue, toValue, years) => {
  if (typeof years !== 'number') throw typeError('years must be a number');
  return call(wasm().cagr, int64(fromValue, 'fromValue'), int64(toValue, 'toValue'), years);
};
export const pctChange = (fromValue, toValue) =>
  call(wasm().pct_change, int64(fromValue, 'fromValue'), int64(toValue, 'toValue'));
export const parsePeriod = (text) => call(wasm().parse_period, str(text, 'text'));

// ---- io -----------------------------------------------------------------------------------

function readResult(r) {
  let rr;
  try {
    rr = r();
  } catch (e) {
    throw convertError(e);
  }
  const report = rr.report;
  const kind = rr.kind;
  const out =
    kind === 'register'
      ? { kind, register: new Register(rr.take_register()), report }
      : { kind, panel: new Panel(rr.take_panel()), report };
  rr.free();
  return out;
}

export const readRegister = (source, options) =>
  readResult(() => wasm().read_register(bytes(source), optionsArg(options, 'options')));
export const readPanel = (source, options) =>
  readResult(() => wasm().read_panel(bytes(source), optionsArg(options, 'options')));
export const readAny = (source, options) =>
  readResult(() => wasm().read_any(bytes(source), optionsArg(options, 'options')));
export const detectLayout = (source, options) =>
  call(wasm().detect_layout, bytes(source), optionsArg(options, 'options'));

// ---- report -------------------------------------------------------------------------------

export const buildReport = (source, asOf, policy, options) =>
  call(
    wasm().build_report,
    bytes(source),
    asOf === undefined || asOf === null ? undefined : isoDate(asOf, 'asOf'),
    policyArg(policy),
    optionsArg(options, 'options'),
  );

/** An embedded real sample: `jatim_panel` or `bogor_register` -> `{name, csv, source}`. */
export const sample = (name) => call(wasm().sample, str(name, 'name'));

// ---- shu ----------------------------------------------------------------------------------

function optInt64(x, name) {
  return x === undefined || x === null ? undefined : int64(x, name);
}

/** An SHU allocation plan of the AD/ART: the serde shape of the Rust `AllocationPlan`, validated. */
export class AllocationPlan {
  constructor(fields) {
    Object.assign(this, call(wasm().shu_plan_from_object, fields));
    Object.freeze(this);
  }
  static fromToml(text) {
    return new AllocationPlan(call(wasm().shu_plan_from_toml, str(text, 'text')));
  }
  static fromJson(text) {
    return new AllocationPlan(call(wasm().shu_plan_from_json, str(text, 'text')));
  }
  static fromObject(o) {
    if (o === null || typeof o !== 'object') throw typeError('a plan object is required');
    return new AllocationPlan(o);
  }
  toObject() {
    return { ...this };
  }
  toJson() {
    return JSON.stringify(this.toObject(), null, 2);
  }
}

function planArg(plan) {
  if (plan === null || typeof plan !== 'object') throw typeError('plan must be an AllocationPlan or a plan object');
  return plan instanceof AllocationPlan ? plan.toObject() : plan;
}

function year(x, name) {
  if (!Number.isInteger(x) || x < -262143 || x > 262142) throw typeError(`${name} must be an integer year, got ${x}`);
  return x;
}

function u32(x, name) {
  if (!Number.isInteger(x) || x < 0 || x > 0xffffffff) {
    if (typeof x === 'number' && Number.isInteger(x)) {
      throw withFields(new RangeError(`${name} ${x} is outside 0..=4294967295`), { code: 'number_out_of_range', value: String(x) });
    }
    throw typeError(`${name} must be a non-negative integer, got ${x}`);
  }
  return x;
}

function optU32(x, name) {
  return x === undefined || x === null ? undefined : u32(x, name);
}

export const shuPlanFromToml = (text) => AllocationPlan.fromToml(text);
export const shuAllocate = (plan, shuSen, nonMemberShuSen) =>
  call(wasm().shu_allocate, planArg(plan), int64(shuSen, 'shuSen'), optInt64(nonMemberShuSen, 'nonMemberShuSen'));
export function shuDistribute(plan, members, shuSen, bookYear, nonMemberShuSen) {
  if (!Array.isArray(members)) throw typeError('members must be an array of member objects');
  return call(
    wasm().shu_distribute,
    planArg(plan),
    members,
    int64(shuSen, 'shuSen'),
    year(bookYear, 'bookYear'),
    optInt64(nonMemberShuSen, 'nonMemberShuSen'),
  );
}
export function shuApportion(totalSen, bases, rounding, reconcile, granularitySen) {
  if (!Array.isArray(bases)) throw typeError('bases must be an array of integers (number or bigint)');
  if (typeof reconcile !== 'boolean') throw typeError('reconcile must be a boolean');
  return call(
    wasm().shu_apportion,
    int64(totalSen, 'totalSen'),
    bases,
    str(rounding, 'rounding'),
    reconcile,
    granularitySen === undefined || granularitySen === null ? 1n : int64(granularitySen, 'granularitySen'),
  );
}
export const shuPseudonym = (key, memberId) => call(wasm().shu_pseudonym, str(key, 'key'), str(memberId, 'memberId'));
export const shuReadMembers = (source, options) =>
  call(wasm().shu_read_members, bytes(source), optionsArg(options, 'options'));

// ---- demography ---------------------------------------------------------------------------

/** A fitted Kaplan-Meier curve: the serde shape of the Rust `KaplanMeier`, plus `survivalAt(t)`. */
export class KaplanMeier {
  constructor(fields) {
    Object.assign(this, fields);
    Object.freeze(this);
  }
  /** S(t): the value at the latest timeline time <= t; 1 before the first. */
  survivalAt(t) {
    if (typeof t !== 'number') throw typeError('t must be a number');
    return call(wasm().kaplan_meier_survival_at, { ...this }, t);
  }
}

export function kaplanMeier(durations, eventObserved, entry, alpha) {
  if (!Array.isArray(durations)) throw typeError('durations must be an array of numbers');
  if (!Array.isArray(eventObserved)) throw typeError('eventObserved must be an array of booleans');
  if (entry !== undefined && entry !== null && !Array.isArray(entry)) throw typeError('entry must be an array of numbers');
  if (alpha !== undefined && alpha !== null && typeof alpha !== 'number') throw typeError('alpha must be a number');
  const args = { durations, event_observed: eventObserved, entry: entry ?? null, alpha: alpha ?? null };
  return new KaplanMeier(call(wasm().kaplan_meier, args));
}

export const demographyRates = (active, births, deaths) =>
  call(wasm().demography_rates, u32(active, 'active'), u32(births, 'births'), u32(deaths, 'deaths'));

function lifelinesArg(lifelines) {
  if (!Array.isArray(lifelines)) throw typeError('lifelines must be an array of lifeline objects');
  return lifelines;
}

export const yearlyDemography = (lifelines, fromYear, toYear, lastObservedYear, params) =>
  call(
    wasm().yearly_demography,
    lifelinesArg(lifelines),
    year(fromYear, 'fromYear'),
    year(toYear, 'toYear'),
    year(lastObservedYear, 'lastObservedYear'),
    optionsArg(params, 'params'),
  );
export const cohortSurvival = (lifelines, fromYear, toYear, lastObservedYear, horizon) =>
  call(
    wasm().cohort_survival,
    lifelinesArg(lifelines),
    year(fromYear, 'fromYear'),
    year(toYear, 'toYear'),
    year(lastObservedYear, 'lastObservedYear'),
    optU32(horizon, 'horizon'),
  );
export const survivalData = (lifelines, firstObservedYear, lastObservedYear, deathWindowYears) =>
  call(
    wasm().survival_data,
    lifelinesArg(lifelines),
    year(firstObservedYear, 'firstObservedYear'),
    year(lastObservedYear, 'lastObservedYear'),
    optU32(deathWindowYears, 'deathWindowYears'),
  );
export function highGrowth(units, yr, params) {
  if (!Array.isArray(units)) throw typeError('units must be an array of growth units');
  return call(wasm().high_growth, units, year(yr, 'year'), optionsArg(params, 'params'));
}

function registerArg(register) {
  if (!(register instanceof Register)) throw typeError('register must be a Register (from readRegister or readAny)');
  return register;
}

/**
 * What `koperasi demography --format json` shows (without `file`): yearly births, deaths and
 * rates, cohorts and a Kaplan-Meier summary of a register.
 */
export const demographyReport = (register, fromYear, toYear, asOf, policy, population, deathWindow) =>
  call(
    (f, t, a, p, pop, w) => registerArg(register)._h.demography_report(f, t, a, p, pop, w),
    year(fromYear, 'fromYear'),
    year(toYear, 'toYear'),
    isoDate(asOf, 'asOf'),
    policyArg(policy),
    optStr(population, 'population'),
    optU32(deathWindow, 'deathWindow'),
  );

// ---- files out: template, XLSX and CSV of a table (src/export.rs) ---------------------------

/** Today's date in WIB (Asia/Jakarta, UTC+7, no daylight saving) as ISO `YYYY-MM-DD`. */
export function todayWib(now = new Date()) {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

function localeArg(locale) {
  const l = locale ?? 'en';
  if (l !== 'id' && l !== 'en') throw typeError(`locale must be 'id' or 'en', got ${String(l)}`);
  return l;
}

/**
 * The blank register template (the workbook of `koperasi template register`, built by the
 * core) as XLSX bytes. `ratYear`: the book year of the example RAT column (default: last
 * year in WIB); `locale`: sheet names and instructions, `id` or `en` (default).
 */
export function templateRegister(options = {}) {
  const ratYear = options.ratYear ?? Number(todayWib().slice(0, 4)) - 1;
  return call(wasm().template_register, year(ratYear, 'ratYear'), localeArg(options.locale));
}

/** The blank KDMP/KKMP register template (XLSX bytes), the workbook of `koperasi template kopdes`. */
export function templateKopdes(options = {}) {
  return call(wasm().template_kopdes, localeArg(options.locale));
}

function tableArg(table) {
  if (!table || !Array.isArray(table.headers) || !Array.isArray(table.rows)) {
    throw typeError('table must be {headers: string[], rows: string[][]}');
  }
  const cell = (c) => (c === null || c === undefined ? '' : String(c));
  return { headers: table.headers.map(cell), rows: table.rows.map((r) => r.map(cell)) };
}

/** A table `{headers, rows}` (cells as text; numbers and null accepted) as an XLSX workbook of one sheet. */
export const tableXlsx = (table, sheet = 'Data') => call(wasm().table_xlsx, tableArg(table), str(sheet, 'sheet'));

/**
 * A table `{headers, rows}` as CSV bytes; with `{ excel: true }` a UTF-8 byte-order mark and `;`
 * (Excel set to Indonesian), else plain `,` CSV. Formula-like cells are neutralised.
 */
export const tableCsv = (table, options = {}) => call(wasm().table_csv, tableArg(table), Boolean(options.excel));

// ---- published statements (issue 18; src/statements.rs) -------------------------------------

function statementsArg(statements) {
  const list = statements !== null && typeof statements === 'object' && Array.isArray(statements.statements) ? statements.statements : statements;
  if (!Array.isArray(list)) throw typeError('statements must be an array of statements (as readStatements gives them) or the result of readStatements');
  return list;
}

function funnelArg(funnel) {
  if (funnel === null || typeof funnel !== 'object' || !Array.isArray(funnel.figures)) {
    throw typeError('funnel must be a funnel (as funnel() gives it)');
  }
  return funnel;
}

/**
 * Published statements, one per row, from CSV text or the bytes of a CSV file or an XLSX/ODS
 * workbook (Indonesian or English headers: tanggal, periode, wilayah, definisi, nilai, ...);
 * `options.kind` `json` or `toml` reads a list of such records; `options.sheet` a sheet.
 * Rows that cannot be read are in `report.rejected` (a printed `1/2/20245` is `date_invalid`).
 */
export function readStatements(source, options) {
  const o = options ?? {};
  if (typeof o !== 'object') throw typeError('options must be an object');
  const sheet = o.sheet === undefined || o.sheet === null ? undefined : String(o.sheet);
  return call(wasm().read_statements, bytes(source), optStr(o.kind, 'options.kind'), sheet);
}

/**
 * The findings of the checks on statements (stated change vs the series, mixed definitions,
 * parts vs total, the definitions funnel, percentages, dates). `relations`: the definitions
 * funnel to check, as TOML text or an object `{relation: [...]}`; default the embedded list.
 */
export function checkStatements(statements, relations) {
  let rel;
  if (relations === undefined || relations === null) rel = undefined;
  else if (typeof relations === 'string') rel = relations;
  else if (typeof relations === 'object') rel = JSON.stringify(relations);
  else throw typeError('relations must be TOML text or a relations object');
  return call(wasm().check_statements, statementsArg(statements), rel);
}

/**
 * The funnel of a register as of `asOf` under `policy` (default national), broken down by `by`
 * (field names): every definition the register supports, counted with what it rests on, or
 * said to be unsupported (never 0). `register`: a Register, the result of readRegister
 * (`{register, report}`: the report names the columns each figure rests on and tells an empty
 * NIK or dissolution column, 0, from none, unknown), or CSV text / the bytes of a register file
 * (read with readRegister and `readOptions`).
 */
export function funnel(register, { asOf, policy, by, readOptions } = {}) {
  const isRead = register !== null && typeof register === 'object' && register.register instanceof Register;
  const own = !isRead && !(register instanceof Register);
  const read = own ? readRegister(register, readOptions) : isRead ? register : { register, report: undefined };
  try {
    return call(
      (a, p, b, r) => wasm().funnel(read.register._h, a, p, b, r),
      isoDate(asOf, 'asOf'),
      policyArg(policy),
      fieldsArg(by),
      read.report,
    );
  } finally {
    if (own) read.register.free();
  }
}

/** The statements to publish from a funnel: every supported figure, said on `saidOn`, for `region` (default the register's kab/kota). */
export const funnelStatements = (f, saidOn, region) =>
  call(wasm().funnel_statements, funnelArg(f), isoDate(saidOn, 'saidOn'), optStr(region, 'region'));

/** Each statement against a funnel: `outcome.kind` matched, off (`by` = stated - register), unsupported or not_comparable (with `reason_en`, `reason_id`). */
export const compareStatements = (statements, f) =>
  call(wasm().compare_statements, statementsArg(statements), funnelArg(f));

/** Statements as CSV text in the layout readStatements reads. */
export const statementsCsv = (statements) => call(wasm().statements_csv, statementsArg(statements));

// ---- Koperasi Desa/Kelurahan Merah Putih (issue 19; src/kopdes.rs) --------------------------

/** Run `f(handle)` on a register given as a Register, a read result `{register}`, or a source read with readRegister (freed after). */
function withRegister(source, f) {
  if (source instanceof Register) return f(source._h);
  if (source !== null && typeof source === 'object' && source.register instanceof Register) return f(source.register._h);
  const read = readRegister(source);
  try {
    return f(read.register._h);
  } finally {
    read.register.free();
  }
}

/** True when the first line of CSV text or bytes has a `cooperatives` column (a SIMKOPDES statistics table). */
function isStatisticsTable(source) {
  if (typeof source !== 'string' && !(source instanceof Uint8Array) && !(source instanceof ArrayBuffer)) return false;
  const head = typeof source === 'string' ? source.slice(0, 4096) : new TextDecoder().decode(bytes(source).slice(0, 4096));
  return head.split('\n', 1)[0].toLowerCase().includes('cooperatives');
}

/** The `desa` option: the bytes (or text) of wilayah_2025_desa.csv, or undefined. */
const desaArg = (desa) => (desa === undefined || desa === null ? undefined : bytes(desa));

/**
 * Coverage of every desa/kelurahan by a KDMP/KKMP (rows by `level`, total, without_coop,
 * with_several, mergers, problems, matching). Needs the desa level of the Kemendagri table,
 * which the npm package ships apart from its WASM (for size): pass `desa`, the bytes of
 * `pkg-web/wilayah_2025_desa.csv` (`await loadDesaTable()`); without it this throws
 * `kopdes_desa_unavailable`. The table is parsed once and kept while the same bytes come again.
 */
export function kopdesCoverage(source, { level = 'provinsi', region, desa } = {}) {
  const r = optStr(region, 'region');
  const l = str(level, 'level');
  const d = desaArg(desa);
  if (isStatisticsTable(source)) return call(wasm().kopdes_coverage_table, bytes(source), l, r, d);
  return withRegister(source, (h) => call(wasm().kopdes_coverage_register, h, l, r, d));
}

/**
 * A SIMKOPDES statistics export (province, district, subdistrict or village table) as a dated
 * snapshot: `{snapshot, level_check, change, coops_per_desa}`. `parent`: the table one level
 * up (its figures must equal the sums below them: `level_check`); `previous`: an earlier
 * snapshot of the same level (`change`). `coops_per_desa` is null without the desa level
 * (`desa`, as for kopdesCoverage).
 */
export function kopdesStatistics(source, { parent, previous, dataAsOf, desa } = {}) {
  const opt = (x) => (x === undefined || x === null ? undefined : bytes(x));
  return call(
    wasm().kopdes_statistics,
    bytes(source),
    opt(parent),
    opt(previous),
    dataAsOf === undefined || dataAsOf === null ? undefined : isoDate(dataAsOf, 'dataAsOf'),
    desaArg(desa),
  );
}

/**
 * The stages of KDMP/KKMP as of `asOf`: funnel, by_region (with `by`), durations, stall_counts;
 * the stalled coops one by one (`stalled`) only with `perCoop: true` (`null` otherwise).
 * `stallDays`: TOML text of a stall preset.
 */
export const kopdesStages = (source, asOf, { by, stallDays, perCoop = false } = {}) => {
  const a = isoDate(asOf, 'asOf');
  const b = optStr(by, 'by');
  const s = optStr(stallDays, 'stallDays');
  const p = bool(perCoop, 'perCoop');
  const r = withRegister(source, (h) => call(wasm().kopdes_stages, h, a, b, s, p));
  if (!p) r.stalled = null;
  return r;
};

/**
 * Loan readiness under PMK 49/2025 (or `checklist`, TOML text): overall, by_region (with `by`);
 * each coop's checklist (`coops`) only with `perCoop: true` (`null` otherwise, as `stalled` of
 * kopdesStages: at national scale the per-coop lists cost several times the counts).
 */
export const kopdesReadiness = (source, { checklist, asOf, by, perCoop = false } = {}) => {
  const c = optStr(checklist, 'checklist');
  const a = asOf === undefined || asOf === null ? undefined : isoDate(asOf, 'asOf');
  const b = optStr(by, 'by');
  const p = bool(perCoop, 'perCoop');
  const r = withRegister(source, (h) => call(wasm().kopdes_readiness, h, c, a, b, p));
  if (!p) r.coops = null;
  return r;
};

/**
 * The KDMP/KKMP wave in growth figures. A panel (or a source readAny reads as one): how much
 * of the jump at `at` (default the last period) a known `kdmpCount` explains (`WaveFinding`).
 * A register: growth by year with and without the cohort (`WaveGrowth`).
 */
export function kopdesWave(source, { kdmpCount, at, region, measure, fromYear = 2022, toYear = 2025, foundingWindow = false } = {}) {
  let read = null;
  if (!(source instanceof Register) && !(source instanceof Panel) && !(source !== null && typeof source === 'object' && (source.register || source.panel))) {
    read = readAny(source);
  }
  const it = read ?? source;
  try {
    const panel = it instanceof Panel ? it : it.panel;
    if (panel instanceof Panel) {
      if (!Number.isInteger(kdmpCount) || kdmpCount < 0) {
        throw typeError('a panel holds counts per region and period: give kdmpCount, the KDMP/KKMP count to set against the jump (e.g. from SIMKOPDES)');
      }
      return call(wasm().kopdes_wave_panel, panel._h, kdmpCount, optStr(at, 'at'), optStr(region, 'region'), optStr(measure, 'measure'));
    }
    return withRegister(it, (h) => call(wasm().kopdes_wave_register, h, year(fromYear, 'fromYear'), year(toYear, 'toYear'), Boolean(foundingWindow)));
  } finally {
    if (read) (read.register ?? read.panel).free();
  }
}
