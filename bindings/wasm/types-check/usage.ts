// Typed usage of the package, checked by `tsc --noEmit` (not run): the declarations must
// accept this and reject the lines marked @ts-expect-error.
import {
  KoperasiError,
  StatusPolicy,
  Rupiah,
  buildReport,
  formatRupiah,
  parseDate,
  readAny,
  sample,
  toColumns,
  wilayahSearch,
  type Assessment,
  type Report,
  type ShapeKind,
  type Status,
  AllocationPlan,
  KaplanMeier,
  demographyReport,
  kaplanMeier,
  readRegister,
  shuApportion,
  shuDistribute,
  shuPlanFromToml,
  type DemographyReport,
  type Distribution,
  type StatusSeriesColumns,
  templateRegister,
  tableXlsx,
  tableCsv,
  todayWib,
} from 'koperasi';

const iso: string = parseDate('1 Februari 2025');
const rp: string = formatRupiah(150_000n) + formatRupiah(1500);
const money = new Rupiah(1500);
const sen: number = money.sen;

const read = readAny(sample('bogor_register').csv);
if (read.kind === 'register') {
  const a: Assessment[] = read.register.assessAll('2022-08-15', 'office');
  const statuses: Status[] = a.map((x) => x.status);
  const cols = toColumns(a);
  const s: Array<Status | null> = cols.status;
  const n: number = read.register.statusCounts('2022-08-15', StatusPolicy.national()).active;
  void statuses, s, n;
} else {
  const periods: string[] = read.panel.periods();
  void periods;
}

const report: Report = buildReport(sample('jatim_panel').csv);
if (report.kind === 'panel') {
  const totals: Array<number | null> = report.periods.map((p) => p.total);
  void totals;
} else {
  const onRegister: number = report.on_register;
  void onRegister;
}

try {
  parseDate('30/2/2021');
} catch (e) {
  if (e instanceof KoperasiError) {
    const where: number | null = e.line;
    const code: string = e.code;
    void where, code;
  }
}

wilayahSearch('Bogor', 'kabupaten_kota');
// @ts-expect-error: not a level
wilayahSearch('Bogor', 'kabupaten');
// @ts-expect-error: dates are ISO strings, not Date
buildReport('', new Date());
// @ts-expect-error: not a preset
StatusPolicy.preset('strict');

const plan: AllocationPlan = shuPlanFromToml('');
const dist: Distribution = shuDistribute(plan, [{ id: 'A', savings: { wajib: 500n }, transactions: { loans: 600 } }], 5_000n, 2024);
const totals: number[] = dist.members.map((m) => m.total);
const shares: number[] = shuApportion(100, [1n, 2], 'half_even', true).amounts;
// @ts-expect-error: not a rounding rule
shuApportion(100, [1], 'half_down', true);
const km: KaplanMeier = kaplanMeier([1, 2], [true, false], null, 0.05);
const s2: number = km.survivalAt(1.5);
const median: number | null = km.median;
const reg = readRegister('').register;
const demo: DemographyReport = demographyReport(reg, 2016, 2022, '2022-12-31', 'national', 'auto', 2);
const births: number[] = demo.years.map((y) => y.births);
const atYears: Array<[number, number, number, number]> = demo.kaplan_meier?.at_years ?? [];
// @ts-expect-error: not a population
demographyReport(reg, 2016, 2022, '2022-12-31', null, 'alive');
const series = reg.statusSeries({ start: '2020-01-01', end: '2022-12-31', frequency: 'yearly' }, 'office', ['kecamatan']);
const cols2: StatusSeriesColumns = series.toColumns();
// @ts-expect-error: not a frequency
reg.statusSeries({ start: '2020-01-01', end: '2022-12-31', frequency: 'weekly' });
void totals, shares, s2, median, births, atYears, cols2;

void iso, rp, sen;

// Workbooks: bytes of an XLSX/XLS/ODS file, the sheet by name or number.
const book = readAny(new Uint8Array([0x50, 0x4b]), { sheet: 'Data' });
const bookSheet: string | null | undefined = book.report.sheet;
const bookNotes: string[] | undefined = book.report.notes;
const bookCells: Array<string | null | undefined> = book.report.cell_errors.map((e) => e.cell);
const byNumber = readRegister(new ArrayBuffer(8), { sheet: 2 });
const bookReport: Report = buildReport(new Uint8Array(0), '2025-06-30', 'office', { read: { sheet: 'Data' } });
// @ts-expect-error: a sheet is a name or a number
readAny(new Uint8Array(0), { sheet: true });
void bookSheet, bookNotes, bookCells, byNumber, bookReport;

// Shapes: a one-date table with its period, a single year column read as wide.
const snapshot = readAny('provinsi,jumlah_koperasi_aktif\nBali,2.885\n', { period: '2024', wide: false });
const shapeKind: ShapeKind | undefined = snapshot.report.shape?.kind;
const gaps: number[] = (snapshot.report.shape?.parent_gaps ?? []).map((g) => g.parent - g.children_sum);
const counts: boolean[] = (snapshot.report.shape?.measures ?? []).map((m) => m.count);
// @ts-expect-error: a period is text
readAny('a,b\n', { period: 2024 });
void shapeKind, gaps, counts;

// Files out: the blank template and a table as XLSX / Excel CSV.
const templateBytes: Uint8Array = templateRegister({ ratYear: 2024, locale: 'id' });
const tableBytes: Uint8Array = tableXlsx({ headers: ['Nama', 'Jumlah'], rows: [['KSP', 3], ['KUD', null]] }, 'Data');
const csvBytes: Uint8Array = tableCsv({ headers: ['Nama'], rows: [] }, { excel: true });
const wibToday: string = todayWib();
// @ts-expect-error: a locale is id or en
templateRegister({ locale: 'fr' });
void templateBytes, tableBytes, csvBytes, wibToday;

// Published statements (issue 18).
import * as st from 'koperasi';
const stRead: st.StatementsRead = st.readStatements(sample('balikpapan_statements').csv);
const stFindings: st.StatementFinding[] = st.checkStatements(stRead, 'relation = []');
const stIds: string[][] = stFindings.map((f) => f.statements);
const stFunnel: st.Funnel = st.funnel(new Uint8Array(0), { asOf: '2025-02-01', policy: 'office', by: ['kecamatan'] });
const stOut: st.Statement[] = st.funnelStatements(stFunnel, '2025-02-01', null);
const stCompared: st.ComparedStatement[] = st.compareStatements(stOut, stFunnel);
const stOff: number[] = stCompared.flatMap((c) => (c.outcome.kind === 'off' ? [c.outcome.by] : []));
const stCsv: string = st.statementsCsv(stRead);
// @ts-expect-error: the funnel's date is named asOf
st.funnel(new Uint8Array(0), { as_of: '2025-02-01' });
void stIds, stOff, stCsv;

// Koperasi Desa/Kelurahan Merah Putih (issue 19)
const kdStats: st.KopdesStatistics = st.kopdesStatistics('province,cooperatives\nACEH,1\n', { parent: null, dataAsOf: '2026-08-05' });
const kdRate: number = kdStats.snapshot.matching.match_rate_pct;
const kdStages: st.KopdesStagesReport = st.kopdesStages(new Uint8Array(0), '2026-01-31', { by: 'kab_kota', perCoop: true });
const kdReady: st.KopdesReadinessReport = st.kopdesReadiness(new Uint8Array(0), { checklist: null });
const kdWave = st.kopdesWave('x', { kdmpCount: 8494, at: '2025-Q2' });
const kdDesa: Promise<Uint8Array> = st.loadDesaTable();
const kdCov: st.KopdesCoverage = st.kopdesCoverage('x', { level: 'kecamatan', region: '35.12', desa: new Uint8Array(0) });
// @ts-expect-error: the level is a KopdesLevel
st.kopdesCoverage('x', { level: 'kabkota' });
void kdRate, kdStages, kdReady, kdWave, kdCov, kdDesa;
