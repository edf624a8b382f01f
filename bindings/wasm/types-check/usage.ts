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
  type Status,
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

void iso, rp, sen;
