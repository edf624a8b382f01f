// Dashboard part "coverage of every desa/kelurahan" of the Kopdes section (issue 19): an office
// drops a register of KDMP/KKMP (desa in a column or in the name) or the village table of a
// SIMKOPDES export and sees, from the engine's kopdesCoverage, coverage by province and by
// kab/kota (table and bar chart of the coverage %), and downloads the desa/kelurahan without a
// coop as Excel CSV or XLSX (the engine's tableCsv/tableXlsx: formula-safe). The desa level of
// the Kemendagri table ships beside the WASM (loadDesaTable) and is loaded on first use.
// Shown: the kab/kota the file has at least one coop in (a file of one kab/kota is not read as
// the whole country), and the provinces of those.
import * as files from './downloads.mjs';
import { el, svg } from './dom.mjs';

const LABELS = {
  id: {
    title: 'Cakupan desa/kelurahan',
    note: 'Register KDMP/KKMP (desa/kelurahan dalam kolom atau nama koperasi) atau tabel desa SIMKOPDES. Yang ditampilkan: kabupaten/kota yang punya sedikitnya satu koperasi dalam berkas, dan provinsinya. Penyebut: tabel Kemendagri 2025.',
    file: 'Pilih register KDMP/KKMP atau tabel desa SIMKOPDES (CSV/XLSX)',
    loading: 'Memuat tabel desa Kemendagri (83.762 desa/kelurahan)…',
    summary: (c, n, rate) => `${c.matching.rows} baris, tingkat kecocokan ${rate} %; ${c.coops_placed} koperasi ditempatkan, ${c.coops_unplaced} tidak; ${n} desa/kelurahan tanpa koperasi di wilayah yang ditampilkan`,
    head: ['Kode', 'Wilayah', 'Desa/kelurahan', 'Dengan koperasi', 'Tanpa koperasi', 'Lebih dari satu', 'Koperasi', 'Cakupan %'],
    byProv: 'Cakupan per provinsi',
    byKab: 'Cakupan per kabupaten/kota',
    chart: 'Cakupan % per kabupaten/kota',
    csv: 'Unduh desa tanpa koperasi (CSV Excel)',
    xlsx: 'Unduh desa tanpa koperasi (XLSX)',
    listHead: ['Kode desa/kelurahan', 'Desa/kelurahan', 'Kecamatan', 'Kabupaten/kota', 'Provinsi'],
    sheet: 'Desa tanpa koperasi',
    prefix: 'desa-tanpa-koperasi',
  },
  en: {
    title: 'Coverage of every desa/kelurahan',
    note: 'A register of KDMP/KKMP (desa/kelurahan in a column or in the cooperative\'s name) or a SIMKOPDES village table. Shown: the kab/kota with at least one coop in the file, and their provinces. Denominator: the Kemendagri 2025 table.',
    file: 'Choose a KDMP/KKMP register or a SIMKOPDES village table (CSV/XLSX)',
    loading: 'Loading the Kemendagri desa table (83,762 desa/kelurahan)…',
    summary: (c, n, rate) => `${c.matching.rows} rows, match rate ${rate} %; ${c.coops_placed} coops placed, ${c.coops_unplaced} not; ${n} desa/kelurahan without a coop in the regions shown`,
    head: ['Code', 'Region', 'Desa/kelurahan', 'With a coop', 'Without', 'More than one', 'Coops', 'Coverage %'],
    byProv: 'Coverage by province',
    byKab: 'Coverage by kab/kota',
    chart: 'Coverage % by kab/kota',
    csv: 'Download desa without a coop (Excel CSV)',
    xlsx: 'Download desa without a coop (XLSX)',
    listHead: ['Desa/kelurahan code', 'Desa/kelurahan', 'Kecamatan', 'Kab/kota', 'Province'],
    sheet: 'Desa without a coop',
    prefix: 'desa-without-coop',
  },
};

const num = (n, lang) => n.toLocaleString(lang === 'en' ? 'en-US' : 'id-ID');
const pct = (p, lang) => p.toLocaleString(lang === 'en' ? 'en-US' : 'id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Horizontal bars of coverage % (0-100) by region, in the engine's order (by code). */
function barChart(rows, lang) {
  const h = 16;
  const s = svg('svg', { id: 'kopdes-cov-chart', width: 720, height: rows.length * h + 4, role: 'img' });
  rows.forEach((r, i) => {
    s.append(svg('text', { x: 0, y: i * h + 12, 'font-size': 11 }, r.name));
    s.append(svg('rect', { x: 230, y: i * h + 2, width: 4.2 * r.coverage_pct, height: h - 4, fill: '#b22' }));
    s.append(svg('text', { x: 234 + 4.2 * r.coverage_pct, y: i * h + 12, 'font-size': 11 }, `${pct(r.coverage_pct, lang)} %`));
  });
  return s;
}

function table(id, rows, l, lang) {
  const cells = (r) => [r.code ?? '–', r.name, num(r.desa, lang), num(r.with_coop, lang), num(r.without_coop, lang), num(r.with_several, lang), num(r.coops, lang), pct(r.coverage_pct, lang)];
  return el(
    'table',
    { id },
    el('thead', {}, el('tr', {}, l.head.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, cells(r).map((c) => el('td', {}, c))))),
  );
}

/**
 * From the engine's coverage by province and by kab/kota (nation-wide): the kab/kota with a
 * coop, their provinces, and the desa/kelurahan without a coop in those kab/kota.
 */
function scoped(byProv, byKab) {
  const kab = byKab.rows.filter((r) => r.coops > 0);
  const provCodes = new Set(kab.map((r) => r.code.slice(0, 2)));
  const prov = byProv.rows.filter((r) => provCodes.has(r.code));
  const kabCodes = new Set(kab.map((r) => r.code));
  const without = byKab.without_coop.filter((d) => kabCodes.has(d.code.slice(0, 5)));
  return { prov, kab, without };
}

/** The list to download: code, desa, kecamatan, kab/kota, province (names of the Kemendagri table). */
function listTable(k, without, l) {
  const names = new Map();
  const nameOf = (code) => {
    if (!names.has(code)) names.set(code, k.wilayahGet(code)?.name ?? '');
    return names.get(code);
  };
  const rows = without.map((d) => [d.code, d.name, nameOf(d.code.slice(0, 8)), nameOf(d.code.slice(0, 5)), nameOf(d.code.slice(0, 2))]);
  return { headers: l.listHead, rows };
}

/** Mount the coverage part in `root`; `lang()` gives the page's language (`id` or `en`). */
export function mountCoverage(k, root, lang) {
  const state = { result: null, error: null, name: null, busy: false };
  const L = () => LABELS[lang()] ?? LABELS.id;
  const file = el('input', { id: 'kopdes-cov-file', type: 'file', accept: '.csv,.txt,.xlsx,.xls,.ods' });
  const out = el('div', { id: 'kopdes-cov-out' });
  let desa = null;

  async function show(bytes, name) {
    state.busy = true;
    state.name = name;
    render();
    try {
      desa ??= await k.loadDesaTable();
      const byProv = k.kopdesCoverage(bytes, { level: 'provinsi', desa });
      const byKab = k.kopdesCoverage(bytes, { level: 'kabupaten_kota', desa });
      state.result = { byKab, ...scoped(byProv, byKab) };
      state.error = null;
    } catch (e) {
      state.result = null;
      state.error = e.message;
    }
    state.busy = false;
    render();
  }

  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (f) await show(new Uint8Array(await f.arrayBuffer()), f.name);
  });

  function download(what) {
    const l = L();
    try {
      const t = listTable(k, state.result.without, l);
      if (what === 'xlsx') files.save(k.tableXlsx(t, l.sheet), files.fileName(l.prefix, state.name, 'xlsx'));
      else files.save(k.tableCsv(t, { excel: true }), files.fileName(l.prefix, state.name, 'csv'));
    } catch (e) {
      state.error = e.message;
      render();
    }
  }

  function render() {
    const l = L();
    const lg = lang();
    root.querySelector('h3').textContent = l.title;
    root.querySelector('.kopdes-cov-note').textContent = l.note;
    root.querySelector('label').firstChild.textContent = l.file + ' ';
    out.replaceChildren();
    if (state.busy) {
      out.append(el('p', { id: 'kopdes-cov-loading' }, l.loading));
      return;
    }
    if (state.error) {
      out.append(el('p', { id: 'kopdes-cov-error', class: 'error' }, state.error));
      return;
    }
    if (!state.result) return;
    const r = state.result;
    const csv = el('button', { id: 'kopdes-cov-csv', type: 'button' }, l.csv);
    const xlsx = el('button', { id: 'kopdes-cov-xlsx', type: 'button' }, l.xlsx);
    csv.addEventListener('click', () => download('csv'));
    xlsx.addEventListener('click', () => download('xlsx'));
    out.append(
      el('p', { id: 'kopdes-cov-summary' }, l.summary(r.byKab, num(r.without.length, lg), pct(r.byKab.matching.match_rate_pct, lg))),
      el('p', { class: 'no-export' }, csv, ' ', xlsx),
      el('h4', {}, l.byProv),
      table('kopdes-cov-prov', r.prov, l, lg),
      el('h4', {}, l.byKab),
      table('kopdes-cov-kab', r.kab, l, lg),
      el('h4', {}, l.chart),
      barChart(r.kab, lg),
    );
  }

  root.replaceChildren(el('h3', {}), el('p', { class: 'kopdes-cov-note' }), el('label', {}, '', file), out);
  render();
  return { render, show };
}
