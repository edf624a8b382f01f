// Dashboard section "Koperasi Desa/Kelurahan Merah Putih" (issue 19): an office drops a SIMKOPDES
// statistics table (by province or district, English headers such as `province, district,
// cooperatives, accounts_count, npwp_count, nib_count, rat_count`) and sees, by region, the
// Kemendagri code each row was matched to, the count of KDMP/KKMP and the shares with a bank
// account, NPWP, NIB and an RAT, as a table and a bar chart; rows matched to no code or under the
// wrong parent are flagged, never dropped. Every figure comes from the engine
// (kopdesStatistics); this file only shows them. Self-contained: app.mjs only mounts it. Below
// it, coverage of every desa/kelurahan from a register or village table (kopdes-coverage.mjs).
import { mountCoverage } from './kopdes-coverage.mjs';
import { el, svg } from './dom.mjs';

const LABELS = {
  id: {
    title: 'Koperasi Desa/Kelurahan Merah Putih',
    note: 'Tabel statistik SIMKOPDES (per provinsi atau kabupaten/kota): jumlah koperasi dan bagian yang punya rekening, NPWP, NIB dan RAT.',
    file: 'Pilih tabel statistik SIMKOPDES (CSV)',
    read: (m) => `${m.rows} baris: ${m.matched} cocok, ${m.misplaced} salah induk, ${m.ambiguous} ambigu, ${m.not_found} tidak ditemukan; tingkat kecocokan ${m.match_rate_pct.toFixed(2)} %`,
    head: ['Kode', 'Wilayah', 'Koperasi', 'Rekening %', 'NPWP %', 'NIB %', 'RAT %', 'Pencocokan'],
    total: 'Jumlah',
    chart: 'Koperasi per wilayah',
    ok: 'cocok',
  },
  en: {
    title: 'Koperasi Desa/Kelurahan Merah Putih',
    note: 'A SIMKOPDES statistics table (by province or kab/kota): the count of coops and the shares with a bank account, NPWP, NIB and an RAT.',
    file: 'Choose a SIMKOPDES statistics table (CSV)',
    read: (m) => `${m.rows} rows: ${m.matched} matched, ${m.misplaced} under the wrong parent, ${m.ambiguous} ambiguous, ${m.not_found} not found; match rate ${m.match_rate_pct.toFixed(2)} %`,
    head: ['Code', 'Region', 'Coops', 'Account %', 'NPWP %', 'NIB %', 'RAT %', 'Matching'],
    total: 'Total',
    chart: 'Coops by region',
    ok: 'matched',
  },
};

const MEASURES = ['accounts_count', 'npwp_count', 'nib_count', 'rat_count'];

const share = (v, n) => (n > 0 && v !== undefined ? ((100 * v) / n).toFixed(1) : '–');
const regionName = (r) => r.names.kab_kota ?? r.names.provinsi ?? '–';

/** The problem of a row's match (status of its first level not matched), or the word for matched. */
function matchText(row, l) {
  const bad = row.matched.levels.find((x) => x.status !== 'matched');
  return bad ? `${bad.name}: ${bad.status}` : l.ok;
}

/** Horizontal bars of `cooperatives` by region, largest first. */
function barChart(rows) {
  const data = rows
    .map((r) => ({ name: regionName(r), n: r.values.cooperatives ?? 0 }))
    .sort((a, b) => b.n - a.n);
  const max = Math.max(1, ...data.map((d) => d.n));
  const h = 16;
  const s = svg('svg', { id: 'kopdes-chart', width: 720, height: data.length * h + 4, role: 'img' });
  data.forEach((d, i) => {
    s.append(svg('text', { x: 0, y: i * h + 12, 'font-size': 11 }, d.name));
    s.append(svg('rect', { x: 230, y: i * h + 2, width: (420 * d.n) / max, height: h - 4, fill: '#b22' }));
    s.append(svg('text', { x: 234 + (420 * d.n) / max, y: i * h + 12, 'font-size': 11 }, d.n.toLocaleString('id-ID')));
  });
  return s;
}

/** Mount the section in `root`; `lang()` gives the page's language (`id` or `en`). */
export function mountKopdes(k, root, lang) {
  const state = { result: null, error: null };
  const L = () => LABELS[lang()] ?? LABELS.id;
  const file = el('input', { id: 'kopdes-file', type: 'file', accept: '.csv,.txt' });
  const out = el('div', { id: 'kopdes-out' });

  function show(bytes) {
    try {
      state.result = k.kopdesStatistics(bytes);
      state.error = null;
    } catch (e) {
      state.result = null;
      state.error = e.message;
    }
    render();
  }

  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (f) show(new Uint8Array(await f.arrayBuffer()));
  });

  function render() {
    const l = L();
    root.querySelector('h2').textContent = l.title;
    root.querySelector('.kopdes-note').textContent = l.note;
    root.querySelector('#kopdes-stats-label').firstChild.textContent = l.file + ' ';
    cov?.render();
    out.replaceChildren();
    if (state.error) {
      out.append(el('p', { id: 'kopdes-error', class: 'error' }, state.error));
      return;
    }
    if (!state.result) return;
    const snap = state.result.snapshot;
    const row = (code, name, v) => [code ?? '–', name, (v.cooperatives ?? 0).toLocaleString('id-ID'), ...MEASURES.map((m) => share(v[m], v.cooperatives))];
    const body = snap.rows.map((r) => [...row(r.matched.code, regionName(r), r.values), matchText(r, l)]);
    body.push([...row('', l.total, snap.totals), '']);
    out.append(
      el('p', { id: 'kopdes-matching' }, l.read(snap.matching)),
      el(
        'table',
        { id: 'kopdes-table' },
        el('thead', {}, el('tr', {}, l.head.map((h) => el('th', {}, h)))),
        el('tbody', {}, body.map((r) => el('tr', {}, r.map((c) => el('td', {}, c))))),
      ),
      el('h3', {}, l.chart),
      barChart(snap.rows),
    );
  }

  const covRoot = el('div', { id: 'kopdes-cov' });
  root.replaceChildren(el('h2', {}), el('p', { class: 'kopdes-note' }), el('label', { id: 'kopdes-stats-label' }, '', file), out, covRoot);
  const cov = mountCoverage(k, covRoot, lang);
  render();
  return { render, show, cov };
}
