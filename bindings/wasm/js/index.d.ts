// Types of the npm package `koperasi` (the Rust engine compiled to WebAssembly).
// Conventions: dates are ISO `YYYY-MM-DD` strings (never `Date`); money is integer sen as a
// `number` (a safe integer: results past 2^53 - 1 throw RangeError instead of rounding; money
// arguments also accept a `bigint`); results are plain objects in the serde shape of the Rust
// result (snake_case keys) and `JSON.stringify` cleanly.

// The result types (the serde shapes of the Rust types) are generated into types.gen.d.ts
// (npm run gen:types, from schema/koperasi.schema.json) and all re-exported here; dates in them
// are `IsoDate` (ISO `YYYY-MM-DD` strings). This file declares the functions, the classes and
// the argument types.
import type {
  AllocatedLine,
  Allocation,
  Apportionment,
  Assessment,
  BadanHukumKind,
  Bentuk,
  ChangeGroup,
  Cohort,
  ComparedStatement,
  Component,
  CountTable,
  DemographyReport,
  DemographyYear,
  Distribution,
  DuplicateGroup,
  DuplicateKey,
  Exclusion,
  Field,
  Finding,
  Funnel,
  FunnelFigure,
  GrowthRow,
  HighGrowth,
  IsoDate,
  Jenis,
  KaplanMeierSummary,
  Level,
  MeasureShape,
  Member,
  MemberShu,
  OfficeMark,
  OfficeStatus,
  OfficeStatusCross,
  OriginKind,
  PairComparison,
  PanelReport,
  PanelRow,
  ParentGap,
  PeriodTotals,
  PlanLine,
  Pola,
  PolicyComparison,
  PoolShare,
  RatKnowledge,
  Rates,
  ReadAs,
  ReadReport,
  Reason,
  ReasonCount,
  RegisterReport,
  RegistrationsByYear,
  Rejection,
  Report,
  Rounding,
  SeriesGroup,
  Severity,
  Shape,
  ShapeKind,
  ShuSource,
  Span,
  Statement,
  StatementFinding,
  StatementsRead,
  StatisticsReport,
  StatsSnapshot,
  Status,
  SurvivalData,
  UndistributedReason,
  UnitGrowth,
} from './types.gen.js';
export type * from './types.gen.js';

/** Canonical period text: `2021`, `2021-Q3`, `2021-07`. */
export type PeriodText = string;
/** Dotted Kemendagri region code: `35`, `35.16`, `32.71.03`, `32.71.03.1001`. */
export type KodeWilayahText = string;
/** Integer sen (1 rupiah = 100 sen): a `number` (safe integer) or a `bigint` in arguments. */
export type Sen = number | bigint;
/** Input: CSV text, or the bytes of a CSV file (UTF-8, UTF-16, Windows-1252) or of an XLSX/XLS/ODS workbook (readAny, readRegister, readPanel, buildReport). */
export type CsvSource = string | Uint8Array | ArrayBuffer;

export type Layout = 'register' | 'panel';
export type PresetName = 'national' | 'office' | 'field_verification_first' | 'permenkop_25_2015';
export type SampleName = 'jatim_panel' | 'bogor_register' | 'balikpapan_statements';

/** Codes of errors thrown as `KoperasiError` (core codes, plus the binding's own). */
export type ErrorCode =
  | 'date_unrecognised'
  | 'date_invalid'
  | 'number_not_a_number'
  | 'number_ambiguous'
  | 'number_out_of_range'
  | 'number_inexact'
  | 'money_overflow'
  | 'wilayah_bad_code'
  | 'wilayah_not_found'
  | 'wilayah_ambiguous'
  | 'wilayah_bad_table'
  | 'identity_bad_nik'
  | 'identity_bad_nib'
  | 'policy_unknown_preset'
  | 'policy_parse'
  | 'policy_invalid'
  | 'read_csv'
  | 'read_empty'
  | 'read_missing_column'
  | 'read_unknown_layout'
  | 'read_bad_mapping'
  | 'read_unknown_field'
  | 'read_conflicting_mapping'
  | 'read_io'
  | 'missing_as_of'
  | 'invalid_field'
  | 'invalid_level'
  | 'invalid_check_params'
  | 'result_not_serialisable'
  | 'not_initialized'
  | 'not_built'
  | 'shu_plan_sum'
  | 'shu_unknown_base'
  | 'demography_years_after_as_of'
  | 'shu_plan_empty'
  | 'shu_plan_duplicate'
  | 'shu_plan_invalid'
  | 'shu_plan_parse'
  | 'shu_negative'
  | 'shu_non_member'
  | 'shu_negative_base'
  | 'shu_duplicate_member'
  | 'shu_empty_member_id'
  | 'shu_granularity'
  | 'shu_overflow'
  | 'shu_pseudonym_collision'
  | 'shu_empty_key'
  | 'demography_empty_span'
  | 'demography_length_mismatch'
  | 'demography_invalid_value'
  | 'demography_entry_after_duration'
  | 'demography_empty'
  | 'demography_status_breakdown'
  | (string & {});

/** An error of the engine, with a stable `code` and where/what when known. */
export class KoperasiError extends Error {
  readonly name: 'KoperasiError';
  readonly code: ErrorCode;
  /** 1-based line of the input file. */
  readonly line: number | null;
  /** The column (header) concerned. */
  readonly column: string | null;
  /** The offending value as given. */
  readonly value: string | null;
  /**
   * Every named field of the core error under its Rust name, as text (`Error::details`, the
   * same map as Python's `details`), e.g. `{ limit: 'max_cells', found: '...', max: '...',
   * line: '0', sheet: 'Data', cell: 'XFD1048576' }`; `{}` for an error of the binding.
   */
  readonly details: Record<string, string>;
  toJSON(): { name: string; code: string; message: string; line: number | null; column: string | null; value: string | null; details: Record<string, string> };
}

/** Promise resolved when the WASM module is loaded (already awaited by the module itself). */
export const ready: Promise<void>;

/**
 * An array of row objects as columns, computed by the core (`koperasi::columns::to_columns`):
 * an object of arrays, one entry per row; nested objects are flattened with dotted names
 * (`location.kecamatan`); a key missing in a row gives null.
 */
export function toColumns<T extends object>(rows: readonly T[]): { [K in keyof T]: Array<T[K] | null> } & Record<string, unknown[]>;

// ---- locale / money ------------------------------------------------------------------------
export function parseDate(text: string): IsoDate;
export function formatDate(date: IsoDate): string;
export function formatDateNumeric(date: IsoDate): string;
/** Canonical decimal text (`1.5` for `1,5`). */
export function parseDecimal(text: string): string;
export function parseCount(text: string): number;
/** Integer sen. */
export function parseRupiah(text: string): number;
export function formatRupiah(sen: Sen): string;
export function formatRupiahWhole(sen: Sen): string;
export function formatInt(n: number | bigint): string;
export function isMissing(text: string): boolean;

export class Rupiah {
  /** @throws RangeError past 2^53 - 1 sen; TypeError for a non-integer. */
  constructor(sen: Sen);
  readonly sen: number;
  static parse(text: string): Rupiah;
  toString(): string;
  toJSON(): number;
}

// ---- wilayah ------------------------------------------------------------------------------
export interface Wilayah {
  code: KodeWilayahText;
  name: string;
  level: Level;
  parent: KodeWilayahText | null;
}
export function wilayahGet(code: KodeWilayahText): Wilayah;
export function findProvinsi(name: string): Wilayah;
export function findKabKota(name: string, within?: KodeWilayahText | null): Wilayah;
export function findKecamatan(name: string, within?: KodeWilayahText | null): Wilayah;
export function wilayahSearch(name: string, level?: Level | null, within?: KodeWilayahText | null): Wilayah[];
export function wilayahChildren(code: KodeWilayahText): Wilayah[];
export function normalizeName(text: string): string;
export function parseKodeWilayah(text: string): { code: KodeWilayahText; level: Level };

// ---- identity -----------------------------------------------------------------------------
export interface NomorBadanHukumInfo {
  raw: string;
  kind: BadanHukumKind;
  year: number | null;
  month: number | null;
  is_ahu: boolean;
  is_amendment: boolean;
  key: string;
}
/** `null` for a placeholder (`-`, `0`, empty). */
export function parseNomorBadanHukum(text: string): NomorBadanHukumInfo | null;
/** The digits, or `null` for a placeholder. */
export function parseNikKoperasi(text: string): string | null;
export function parseNib(text: string): string | null;

// ---- status -------------------------------------------------------------------------------
export interface StatusPolicyFields {
  name: string;
  description: string;
  source: string;
  rat_window_years: number;
  require_every_year: boolean;
  rat_deadline_months: number;
  grace_first_book_year: boolean;
  unknown_founding_assume_old: boolean;
  field_check_first: boolean;
  field_check_max_age_days: number | null;
  not_found_overrides: boolean;
  dissolution_review_years: number;
  require_business_activity: boolean;
  nik_certificate_valid_years: number;
  rat_report_within_days: number;
}
export class StatusPolicy implements StatusPolicyFields {
  constructor(fields: Partial<StatusPolicyFields>);
  readonly name: string;
  readonly description: string;
  readonly source: string;
  readonly rat_window_years: number;
  readonly require_every_year: boolean;
  readonly rat_deadline_months: number;
  readonly grace_first_book_year: boolean;
  readonly unknown_founding_assume_old: boolean;
  readonly field_check_first: boolean;
  readonly field_check_max_age_days: number | null;
  readonly not_found_overrides: boolean;
  readonly dissolution_review_years: number;
  readonly require_business_activity: boolean;
  readonly nik_certificate_valid_years: number;
  readonly rat_report_within_days: number;
  static preset(name: PresetName): StatusPolicy;
  static national(): StatusPolicy;
  static office(): StatusPolicy;
  static fieldVerificationFirst(): StatusPolicy;
  /** Permenkop 25/Per/M.KUKM/IX/2015 Pasal 1 angka 3-4: an RAT in each of the last 3 book years and a running business when known. */
  static permenkop25_2015(): StatusPolicy;
  static fromJson(text: string): StatusPolicy;
  static fromToml(text: string): StatusPolicy;
  static fromObject(o: Partial<StatusPolicyFields>): StatusPolicy;
  toObject(): StatusPolicyFields;
  toJson(): string;
}
/** A policy argument: a StatusPolicy, a preset name, or a policy object. Omitted: `national`. */
export type PolicyArg = StatusPolicy | PresetName | Partial<StatusPolicyFields>;
export function policyPresets(): PresetName[];

export interface KoperasiFields {
  source_id?: string | null;
  source_line?: number | null;
  name: string;
  nik?: string | null;
  badan_hukum?: Omit<NomorBadanHukumInfo, 'key'> | null;
  tanggal_badan_hukum?: IsoDate | null;
  location: {
    address?: string | null;
    desa?: string | null;
    kecamatan?: string | null;
    kab_kota?: string | null;
    provinsi?: string | null;
    code?: KodeWilayahText | null;
    /** Decimal degrees as the source gave them (SIMKOPDES location lists). */
    coordinates?: { latitude: number; longitude: number } | null;
  };
  bentuk?: Bentuk | null;
  jenis?: Jenis | null;
  kelompok?: string | null;
  pola?: Pola | null;
  members?: { male: number | null; female: number | null; total: number | null } | null;
  employees?: number | null;
  managers?: number | null;
  rat: Array<{ book_year: number; date: IsoDate | null }>;
  rat_known: RatKnowledge;
  finances: Array<{
    book_year: number;
    assets: number | null;
    own_capital: number | null;
    borrowed_capital: number | null;
    business_volume: number | null;
    shu: number | null;
  }>;
  field_checks: Array<{
    date: IsoDate;
    found_at_address: boolean | null;
    board_known: boolean | null;
    business_active: boolean | null;
  }>;
  dissolution?: { date: IsoDate; by: 'member_meeting' | 'government' | 'court' | 'unknown' } | null;
  extra: Array<[string, string]>;
  /** The office's own status column (`status`, `keaktifan`, `aktif`/`tdkaktif`): a fact, never the status. */
  office_status?: OfficeStatus | null;
  /** KDMP/KKMP stages reached, as dated facts (absent when none; Rust `koperasi::kopdes::StageFact`). */
  stages?: Array<{
    stage: 'musdesus' | 'founding_meeting' | 'akta' | 'sk_ahu' | 'nik_koperasi' | 'nib' | 'npwp'
      | 'bank_account' | 'simkopdes_account' | 'land' | 'building' | 'outlets' | 'operating'
      | 'rat_held' | 'business_proposal' | 'loan_approval';
    /** `null`: reached, date unknown. */
    date: IsoDate | null;
    value: string | null;
    /** Building progress in percent. */
    percent: number | null;
    /** False only for progress short of the stage (a building at 40 %). */
    reached: boolean;
  }>;
}
export class Koperasi {
  constructor(fields: KoperasiFields);
  static fromObject(o: KoperasiFields): Koperasi;
  toObject(): KoperasiFields;
  readonly name: string;
}

export function assess(koperasi: Koperasi | KoperasiFields, asOf: IsoDate, policy?: PolicyArg | null): Assessment;
export function ratDeadline(bookYear: number, policy?: PolicyArg | null): IsoDate;

// ---- io -----------------------------------------------------------------------------------
export interface ReadOptions {
  /** Field name -> header as in the file (overrides recognition). */
  mapping?: Record<string, string>;
  /** One ASCII character; guessed from the header when omitted (readAny). */
  delimiter?: string;
  /** Region code of the whole file, e.g. `32.71` for Kota Bogor. */
  region?: KodeWilayahText;
  /**
   * The sheet of a workbook (XLSX, XLS, ODS): its name or 1-based number; default the first
   * sheet with a header. readAny, readRegister, readPanel and buildReport only; a sheet given
   * for CSV text throws `read_workbook`, an unknown one `read_no_such_sheet`.
   */
  sheet?: string | number;
  /**
   * Decimal mark of the file's numbers: `comma` (Indonesian: `1.500` = 1500, `1,5` = 1.5),
   * `point` (English: `1,500` = 1500) or `auto` (decided per column from the cells that read
   * one way only, said in `report.notes`). Default: Indonesian, but a cell such as `1,500`
   * (1.5 or 1500?) is reported as `number_ambiguous` and not read.
   */
  decimal?: 'comma' | 'point' | 'auto';
  /**
   * The period of every row of a table of counts with no period column (a one-date snapshot
   * by region, a `metric,value` summary): `2026-08-05`, `2024-12`, `2024-Q3`, `2024`.
   */
  period?: string;
  /** Read a table with a single period column (`2024`) as a wide table (periods as columns). */
  wide?: boolean;
  /**
   * A register's data date (`2024-12-31`), when its title does not say it (`Keadaan s/d 31
   * Desember 2024`): a last-RAT column then means no later RAT up to that date. Wins over the
   * title's date.
   */
  dataAsOf?: IsoDate;
}
export interface RegisterRead {
  kind: 'register';
  register: Register;
  report: ReadReport;
}
export interface PanelRead {
  kind: 'panel';
  panel: Panel;
  report: ReadReport;
}
export function readRegister(source: CsvSource, options?: ReadOptions): RegisterRead;
export function readPanel(source: CsvSource, options?: ReadOptions): PanelRead;
export function readAny(source: CsvSource, options?: ReadOptions): RegisterRead | PanelRead;
export function detectLayout(source: CsvSource, options?: ReadOptions): Layout;

// ---- register -----------------------------------------------------------------------------
export class Register {
  private constructor();
  static fromObject(o: { records: KoperasiFields[] }): Register;
  readonly length: number;
  readonly records: KoperasiFields[];
  toObject(): { records: KoperasiFields[] };
  toJSON(): { records: KoperasiFields[] };
  /** The records as columns (nested objects flattened: `location.kecamatan`, `members.total`, ...). */
  toColumns(): Record<string, unknown[]>;
  assessAll(asOf: IsoDate, policy?: PolicyArg | null): Assessment[];
  statusCounts(asOf: IsoDate, policy?: PolicyArg | null): Record<Status, number>;
  countBy(fields: Field[], asOf: IsoDate, policy?: PolicyArg | null): CountTable;
  /** `countBy` as columns: one column per field (`null` for an unknown key), then `count`. */
  countByColumns(fields: Field[], asOf: IsoDate, policy?: PolicyArg | null): Record<string, Array<string | number | null>>;
  reasonCounts(asOf: IsoDate, policy?: PolicyArg | null): ReasonCount[];
  /**
   * The same register under several policies: counts under each, and for each pair the cross
   * table and the coops that change status, grouped by why. Throws `policy_invalid` (none
   * given, two with one name) or `policy_unknown_preset`.
   */
  comparePolicies(asOf: IsoDate, policies: PolicyArg[]): PolicyComparison;
  duplicates(): DuplicateGroup[];
  registrationsByYear(): RegistrationsByYear;
  /**
   * Counts by status at many dates (`dates`: ISO dates, or `{start, end, frequency}` for the
   * month or year ends), broken down by `fields` (not `status`: error
   * `demography_status_breakdown`).
   */
  statusSeries(dates: SeriesDates, policy?: PolicyArg | null, fields?: Field[] | null): StatusSeries;
  /** Release the WASM memory now (otherwise the garbage collector does). */
  free(): void;
}

// ---- stats --------------------------------------------------------------------------------
export interface PanelColumns {
  line: number[];
  region: string[];
  region_code: Array<KodeWilayahText | null>;
  period: PeriodText[];
  period_end: Array<IsoDate | null>;
  /** One column per measure, in name order (`null` where a row lacks it). */
  [measure: string]: Array<number | string | null>;
}
export class Panel {
  private constructor();
  static fromObject(o: { rows: PanelRow[] }): Panel;
  readonly length: number;
  toObject(): { rows: PanelRow[] };
  toJSON(): { rows: PanelRow[] };
  toColumns(): PanelColumns;
  periods(): PeriodText[];
  regions(): string[];
  measures(): string[];
  /** [period, {measure: sum}] per period, in order. */
  totalsByPeriod(measures: string[]): Array<[PeriodText, Record<string, number>]>;
  /** `totalsByPeriod` as columns: `period`, then one column per measure of `measures`. */
  totalsByPeriodColumns(measures: string[]): { period: PeriodText[] } & Record<string, Array<number | string | null>>;
  free(): void;
}
export interface CheckParams {
  parts?: string[];
  total?: string;
  swing_measures?: string[];
  swing?: { min_relative?: number; min_absolute?: number; max_revert_periods?: number; revert_tolerance?: number };
  parent_region?: string | null;
  parent_measures?: string[];
  duplicates?: boolean;
  spacing?: boolean;
  end_change_relative?: number | null;
}
export function growth(panel: Panel, measure: string, fromPeriod: PeriodText, toPeriod: PeriodText): GrowthRow[];
export function runChecks(panel: Panel, params?: CheckParams | null): Finding[];
/** Compound annual growth rate in percent. */
export function cagr(fromValue: number | bigint, toValue: number | bigint, years: number): number;
/** Percent change. */
export function pctChange(fromValue: number | bigint, toValue: number | bigint): number;
export function parsePeriod(text: string): PeriodText;

// ---- report -------------------------------------------------------------------------------
export interface ReportOptions {
  /** Breakdown of a register (default `["kecamatan"]`). */
  by?: Field[];
  /** Regions listed as grew / shrank most (default 5). */
  top?: number;
  /** Name of the input shown in the report (a file name). */
  source?: string;
  checks?: CheckParams;
  read?: ReadOptions;
}
/**
 * What `koperasi report --format json` gives. `asOf` may be omitted for a panel; a register
 * without it throws `KoperasiError` `missing_as_of` (the library never reads the clock).
 */
export function buildReport(source: CsvSource, asOf?: IsoDate | null, policy?: PolicyArg | null, options?: ReportOptions): Report;

/** An embedded real sample file. */
export function sample(name: SampleName): { name: SampleName; file_name: string; csv: string; source: string };

// ---- shu ----------------------------------------------------------------------------------
/** Integer sen in a result: a safe-integer `number` (a result past 2^53 - 1 throws RangeError). */
export type SenOut = number;
export interface AllocationPlanFields {
  name?: string | null;
  book_year?: number | null;
  components: PlanLine[];
  non_member_components?: PlanLine[];
  capital_savings?: string[];
  rounding?: Rounding;
  reconcile?: boolean;
  granularity_sen?: number;
}
/** The SHU allocation plan of the AD/ART, validated by the core (basis points sum to 10,000). */
export class AllocationPlan {
  constructor(fields: AllocationPlanFields);
  /** Absent when not given. */
  readonly name?: string;
  readonly book_year?: number;
  readonly components: PlanLine[];
  /** Absent when empty. */
  readonly non_member_components?: PlanLine[];
  readonly capital_savings: string[];
  readonly rounding: Rounding;
  readonly reconcile: boolean;
  readonly granularity_sen: number;
  static fromToml(text: string): AllocationPlan;
  static fromJson(text: string): AllocationPlan;
  static fromObject(o: AllocationPlanFields): AllocationPlan;
  toObject(): AllocationPlanFields;
  toJson(): string;
}
export type PlanArg = AllocationPlan | AllocationPlanFields;
/** A member for the SHU (names and NIK are personal data: never logged by the engine). */
export interface MemberInput {
  id: string;
  name?: string | null;
  nik?: string | null;
  join_date?: IsoDate | null;
  leave_date?: IsoDate | null;
  /** Savings balances by kind (`pokok`, `wajib`, `sukarela`, ...), in sen. */
  savings?: Record<string, Sen>;
  /** Transactions by base (`purchases`, `sales`, `loans`, ...), in sen. */
  transactions?: Record<string, Sen>;
  source_line?: number | null;
}
export interface MembersRead {
  members: Member[];
  report: ReadReport;
}
export function shuPlanFromToml(text: string): AllocationPlan;
export function shuAllocate(plan: PlanArg, shuSen: Sen, nonMemberShuSen?: Sen | null): Allocation;
/** Membership is evaluated on 31 December of `bookYear`. */
export function shuDistribute(
  plan: PlanArg,
  members: readonly MemberInput[],
  shuSen: Sen,
  bookYear: number,
  nonMemberShuSen?: Sen | null,
): Distribution;
export function shuApportion(
  totalSen: Sen,
  bases: readonly Sen[],
  rounding: Rounding,
  reconcile: boolean,
  granularitySen?: Sen | null,
): Apportionment;
export function shuPseudonym(key: string, memberId: string): string;
export function shuReadMembers(source: CsvSource, options?: ReadOptions): MembersRead;

// ---- demography ---------------------------------------------------------------------------
export interface Lifeline {
  founded?: number | null;
  origin?: OriginKind | null;
  active_years?: number[];
  dissolved?: number | null;
  observed_from?: number | null;
  /** Years on the register whose status is unknown (RAT facts do not cover them). */
  unknown_years?: number[];
  /** Unknown years counted active by the survivor assumption (DOMAIN.md 5.5). */
  assumed_years?: number[];
}
export interface DemographyParams {
  death_window_years?: number;
}
export interface KaplanMeierFields {
  timeline: number[];
  at_risk: number[];
  events: number[];
  censored: number[];
  entered: number[];
  survival: number[];
  ci_lower: number[];
  ci_upper: number[];
  greenwood: number[];
  median: number | null;
  alpha: number;
}
/** A fitted Kaplan-Meier curve (lifelines-compatible). */
export class KaplanMeier implements KaplanMeierFields {
  private constructor();
  readonly timeline: number[];
  readonly at_risk: number[];
  readonly events: number[];
  readonly censored: number[];
  readonly entered: number[];
  readonly survival: number[];
  readonly ci_lower: number[];
  readonly ci_upper: number[];
  readonly greenwood: number[];
  readonly median: number | null;
  readonly alpha: number;
  /** S(t): the value at the latest timeline time <= t; 1 before the first. */
  survivalAt(t: number): number;
}
export interface GrowthUnit {
  id?: string | null;
  founded?: number | null;
  /** (year, members) pairs. */
  members: Array<[number, number]>;
}
export interface HighGrowthParams {
  threshold_pct?: number;
  span_years?: number;
  min_base?: number;
  gazelle_max_age?: number;
}
export type PopulationName = 'active' | 'registered';
export type Frequency = 'monthly' | 'yearly';
export type SeriesDates = readonly IsoDate[] | { start: IsoDate; end: IsoDate; frequency: Frequency };
export interface StatusSeriesColumns {
  date: IsoDate[];
  breakdown: Array<[Field, Array<string | null>]>;
  status: Status[];
  count: number[];
}
export class StatusSeries {
  private constructor();
  readonly dates: IsoDate[];
  readonly fields: Field[];
  readonly groups: SeriesGroup[];
  /** Long form, one row per (date, group, status). */
  toColumns(): StatusSeriesColumns;
}
export function kaplanMeier(
  durations: readonly number[],
  eventObserved: readonly boolean[],
  entry?: readonly number[] | null,
  alpha?: number | null,
): KaplanMeier;
export function demographyRates(active: number, births: number, deaths: number): Rates;
export function yearlyDemography(
  lifelines: readonly Lifeline[],
  fromYear: number,
  toYear: number,
  lastObservedYear: number,
  params?: DemographyParams | null,
): DemographyYear[];
export function cohortSurvival(
  lifelines: readonly Lifeline[],
  fromYear: number,
  toYear: number,
  lastObservedYear: number,
  horizon?: number | null,
): Cohort[];
export function survivalData(
  lifelines: readonly Lifeline[],
  firstObservedYear: number,
  lastObservedYear: number,
  deathWindowYears?: number | null,
): SurvivalData;
export function highGrowth(units: readonly GrowthUnit[], year: number, params?: HighGrowthParams | null): HighGrowth;
/**
 * What `koperasi demography --format json` shows (without `file`). `population`: `auto`
 * (active when the register has RAT, field-check or activity facts, else registered).
 */
export function demographyReport(
  register: Register,
  fromYear: number,
  toYear: number,
  asOf: IsoDate,
  policy?: PolicyArg | null,
  population?: 'auto' | PopulationName | null,
  deathWindow?: number | null,
): DemographyReport;
/** A table of text cells for `tableXlsx` / `tableCsv` (numbers and null are written as text / empty). */
export interface TextTable {
  headers: readonly (string | number | null)[];
  rows: readonly (readonly (string | number | null)[])[];
}
/** Today's date in WIB (Asia/Jakarta, UTC+7) as ISO `YYYY-MM-DD`. */
export function todayWib(now?: Date): IsoDate;
/**
 * The blank register template (XLSX bytes), the workbook of `koperasi template register`.
 * `ratYear` defaults to last year in WIB; `locale` to `en`.
 */
export function templateRegister(options?: { ratYear?: number; locale?: 'id' | 'en' }): Uint8Array;
/**
 * The blank KDMP/KKMP register template (XLSX bytes), the workbook of `koperasi template kopdes`:
 * id and place columns, then a column per stage that `kopdesStages`/`kopdesReadiness` read.
 */
export function templateKopdes(options?: { locale?: 'id' | 'en' }): Uint8Array;
/** A table as an XLSX workbook of one sheet (default name `Data`). */
export function tableXlsx(table: TextTable, sheet?: string): Uint8Array;
/** A table as CSV bytes: `{ excel: true }` gives a byte-order mark and `;`. */
export function tableCsv(table: TextTable, options?: { excel?: boolean }): Uint8Array;


// ---- published statements (issue 18; js/api.mjs, src/statements.rs) ----------------------
/** A definition code of the vocabulary (`on_record`, `identified`, ...), or `{other: text}` for one outside it. */
export type DefinitionCode = string | { other: string };
/** The relations of the definitions funnel to check (`identified <= found`, ...). */
export interface Relations {
  relation: Array<{ id: string; left: DefinitionCode[]; op: '<=' | '='; right: DefinitionCode[]; source: string }>;
}
export type StatementsArg = Statement[] | StatementsRead;
export function readStatements(source: CsvSource, options?: { kind?: 'table' | 'json' | 'toml'; sheet?: string | number }): StatementsRead;
export function checkStatements(statements: StatementsArg, relations?: string | Relations | null): StatementFinding[];
export function funnel(
  register: Register | RegisterRead | CsvSource,
  options: { asOf: IsoDate; policy?: PolicyArg | null; by?: Field[]; readOptions?: ReadOptions },
): Funnel;
export function funnelStatements(funnel: Funnel, saidOn: IsoDate, region?: string | null): Statement[];
export function compareStatements(statements: StatementsArg, funnel: Funnel): ComparedStatement[];
export function statementsCsv(statements: StatementsArg): string;

// ---- Koperasi Desa/Kelurahan Merah Putih (issue 19) ----------------------------------------
/** A level of the coverage rows. */
export type KopdesLevel = 'nasional' | 'provinsi' | 'kabupaten_kota' | 'kecamatan' | 'desa_kelurahan';
/** How the rows of a table were matched to Kemendagri codes (within their parent). */
export interface KopdesMatchSummary {
  rows: number;
  matched: number;
  /** Written under the wrong parent (e.g. a kab/kota under another province). */
  misplaced: number;
  ambiguous: number;
  not_found: number;
  match_rate_pct: number;
}
/** One row of coverage: desa/kelurahan with a KDMP/KKMP, without, with several. */
export interface KopdesCoverageRow {
  code: string | null;
  name: string;
  desa: number;
  with_coop: number;
  without_coop: number;
  with_several: number;
  coops: number;
  coverage_pct: number;
}
/** What kopdesCoverage gives (the JSON of `koperasi kopdes coverage --format json`). */
export interface KopdesCoverage {
  level: KopdesLevel;
  region: { code: string; name: string } | null;
  table_source: string;
  matching: KopdesMatchSummary;
  coops_placed: number;
  coops_unplaced: number;
  coops_outside_region: number;
  total: KopdesCoverageRow;
  rows: KopdesCoverageRow[];
  /** `kdmp_and_kkmp`: the names show a KDMP and a KKMP on the one desa/kelurahan (the SIMKOPDES duplicate). */
  with_several: Array<{ desa: { code: string; name: string }; coops: number; lines: number[]; labels: string[]; kdmp_and_kkmp: boolean }>;
  mergers: Array<{ label: string; line: number; desa: Array<{ code: string; name: string }> }>;
  /** The desa/kelurahan without a cooperative. */
  without_coop: Array<{ code: string; name: string }>;
  /** Names not matched (never dropped), with did-you-mean candidates. */
  problems: Array<{ line: number; label: string; at: Record<string, unknown> | null }>;
}
/** A SIMKOPDES statistics export read as a dated snapshot (the Rust `StatsSnapshot`). */
export type KopdesSnapshot = StatsSnapshot;
/** What kopdesStatistics gives (the JSON of `koperasi kopdes statistics --format json`; the Rust
 * `kopdes::StatisticsReport`); `coops_per_desa` is null without the desa level (pass `desa`). */
export type KopdesStatistics = StatisticsReport;
/** A stage of a KDMP/KKMP (`musdesus`, `akta`, `sk_ahu`, `nib`, `npwp`, `bank_account`, ...). */
export type KopdesStage = string;
/** A stage reached (dated on or before the date, or undated); `covered` false: no data (unknown, not 0). */
export interface KopdesStageCount {
  stage: KopdesStage;
  reached: number;
  undated: number;
  covered: boolean;
}
/** What kopdesStages gives. */
export interface KopdesStagesReport {
  as_of: IsoDate;
  by: Field | null;
  coops: number;
  without_facts: number;
  funnel: KopdesStageCount[];
  by_region: Array<{ region: string | null; coops: number; stages: KopdesStageCount[] }>;
  durations: Array<{ from: KopdesStage; to: KopdesStage; n: number; median_days: number | null; min_days: number | null; max_days: number | null; out_of_order: number }>;
  preset: string;
  stall_counts: Array<{ step: { from: KopdesStage; to: KopdesStage; days: number }; stalled: number; undated: number; covered: boolean }>;
  /** Each stalled coop: only with `perCoop: true`, `null` otherwise. */
  stalled: Array<{ index: number; line: number | null; name: string; region: string | null; from: KopdesStage; to: KopdesStage; since: IsoDate; days_waiting: number; allowed_days: number }> | null;
}
/** Readiness counts of a region (or all, `region` null): per checklist item met / missing. */
export interface KopdesReadinessCount {
  region: string | null;
  coops: number;
  ready: number;
  items: Array<{ code: string; met: number; missing: number; covered: boolean }>;
}
/** What kopdesReadiness gives (PMK 49/2025, Pasal 2 and 7, unless another checklist). */
export interface KopdesReadinessReport {
  as_of: IsoDate | null;
  checklist: string;
  by: Field | null;
  overall: KopdesReadinessCount;
  by_region: KopdesReadinessCount[];
  /** Each coop's checklist: only with `perCoop: true`, `null` otherwise. */
  coops: Array<{ index: number; line: number | null; name: string; region: string | null; ready: boolean; met: string[]; missing: string[] }> | null;
}
/** Growth by year with and without the KDMP/KKMP cohort (a register). */
export interface KopdesWaveGrowth {
  options: { founding_window: boolean; window_start: IsoDate };
  coops: number;
  cohort: number;
  by_name: number;
  by_flag: number;
  by_founding_window: number;
  cohort_founding_unknown: number;
  years: Array<{ year: number; births: number; births_cohort: number; stock: number; stock_cohort: number; change: number | null; change_without: number | null; pct_change: number | null; pct_change_without: number | null }>;
}
/** How much of a jump in a panel a known KDMP/KKMP count explains. */
export interface KopdesWaveFinding {
  code: string;
  region: string | null;
  measure: string;
  previous: string;
  period: string;
  before: number;
  after: number;
  change: number;
  pct_change: number | null;
  kdmp_count: number;
  explained_pct: number | null;
  change_without: number;
  pct_change_without: number | null;
  detail: string;
  detail_id: string;
}
/**
 * Coverage of every desa/kelurahan by a KDMP/KKMP. Needs the desa level of the Kemendagri
 * table, which the npm package ships apart from its WASM: pass `desa: await loadDesaTable()`;
 * without it this throws `kopdes_desa_unavailable`.
 */
export function kopdesCoverage(
  source: Register | RegisterRead | CsvSource,
  options?: { level?: KopdesLevel; region?: string | null; desa?: CsvSource | null },
): KopdesCoverage;
/** A SIMKOPDES statistics export (province/district/subdistrict/village table), checked against `parent` and compared with `previous`. */
export function kopdesStatistics(
  source: CsvSource,
  options?: { parent?: CsvSource | null; previous?: CsvSource | null; dataAsOf?: IsoDate | null; desa?: CsvSource | null },
): KopdesStatistics;
/**
 * The desa/kelurahan level of the Kemendagri 2025 table (83,762 rows), which the package ships
 * apart from its WASM as `pkg-web/wilayah_2025_desa.csv` (3.3 MB, 0.63 MB gzipped): its bytes,
 * to pass as the `desa` option of kopdesCoverage and kopdesStatistics. Node reads the file; a
 * browser fetches it beside the module (the single-file page unpacks its inlined copy).
 */
export function loadDesaTable(): Promise<Uint8Array>;
/**
 * The stages as of `asOf` (funnel, days between stages, stall counts); `stallDays`: TOML text of
 * a stall preset; `perCoop: true` adds each stalled coop (`stalled`; several times the time of
 * the counts at national scale).
 */
export function kopdesStages(
  source: Register | RegisterRead | CsvSource,
  asOf: IsoDate,
  options?: { by?: Field | null; stallDays?: string | null; perCoop?: boolean },
): KopdesStagesReport;
/** Loan readiness under PMK 49/2025 (or `checklist`, TOML text); `perCoop: true` adds each coop's checklist (`coops`). */
export function kopdesReadiness(
  source: Register | RegisterRead | CsvSource,
  options?: { checklist?: string | null; asOf?: IsoDate | null; by?: Field | null; perCoop?: boolean },
): KopdesReadinessReport;
/** The KDMP/KKMP wave: for a panel, how much of the jump `kdmpCount` explains; for a register, growth with and without the cohort. */
export function kopdesWave(
  source: Register | RegisterRead | Panel | PanelRead | CsvSource,
  options?: { kdmpCount?: number; at?: string | null; region?: string | null; measure?: string | null; fromYear?: number; toYear?: number; foundingWindow?: boolean },
): KopdesWaveFinding | KopdesWaveGrowth;
