// The dashboard: reads a CSV in the browser with the koperasi WASM engine and shows what
// `koperasi report` shows. Nothing leaves the page.
const t0 = performance.now();
const k = await import('koperasi');
const { default: uPlot } = await import('uplot');
const { LABELS } = await import('./i18n.mjs');
const { DASH_LABELS } = await import('./i18n-dash.mjs');
const coops = await import('./coops.mjs');
const files = await import('./downloads.mjs');
const { el } = await import('./dom.mjs');
const loadMs = Math.round(performance.now() - t0);

const $ = (sel) => document.querySelector(sel);
const state = { lang: 'id', input: null, name: null, report: null, demography: null, comparison: null, error: null, reportMs: null };
// The per-cooperative list (registers), its filters, and the chosen breakdown.
Object.assign(state, { coops: [], filters: {}, by: 'kecamatan', breakdowns: ['kecamatan'] });
const L = () => LABELS[state.lang];
const D = () => DASH_LABELS[state.lang];
window.__koperasi = { loadMs, reportMs: null, reports: 0 };

// ---- formatting (display only) ------------------------------------------------------------
const nf = () => new Intl.NumberFormat(state.lang === 'id' ? 'id-ID' : 'en-US');
const pf = () => new Intl.NumberFormat(state.lang === 'id' ? 'id-ID' : 'en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const num = (x) => (x === null || x === undefined ? '–' : nf().format(x));
const pct = (x) => (x === null || x === undefined ? '–' : `${x > 0 ? '+' : ''}${pf().format(x)} %`);
const share = (x) => (x === null || x === undefined ? '–' : `${pf().format(x)} %`);

/** A table: `cols` are [label, key or function, numeric?]. */
function table(id, cols, rows) {
  return el(
    'table',
    { id },
    el('thead', {}, el('tr', {}, cols.map(([label, , isNum]) => el('th', { class: isNum ? 'num' : null }, label)))),
    el(
      'tbody',
      {},
      rows.map((r) =>
        el('tr', {}, cols.map(([, f, isNum]) => el('td', { class: isNum ? 'num' : null }, typeof f === 'function' ? f(r) : r[f] ?? '–'))),
      ),
    ),
  );
}

function sourceLine(source, sheet) {
  const l = L();
  return el('p', { class: 'source', id: 'sum-source' }, `${l.source}: ${source}${sheet ? ` (${l.sheet} ${sheet})` : ''}`);
}

function summary(items) {
  return el('div', { class: 'summary' }, items.map(([label, value, id]) => el('div', { id }, label, el('b', {}, value))));
}

// ---- report views -------------------------------------------------------------------------
function readSection(read) {
  const l = L();
  const out = [];
  // What the reader did to the file as a whole (title block skipped, merged cells filled, ...).
  if (read.notes?.length) out.push(el('ul', { id: 'read-notes', class: 'notes' }, read.notes.map((n) => el('li', {}, n))));
  // A workbook's rows are sheet rows, and one-cell problems carry the cell reference (D9).
  const cols = (rows) => [
    [read.sheet ? l.sheetRow : l.line, 'line', true],
    ...(rows.some((r) => r.cell) ? [[l.cell, 'cell']] : []),
    [l.column, 'column'],
    [l.value, 'value'],
    [l.reason, 'reason'],
  ];
  out.push(el('h2', {}, l.rejected));
  if (read.rejected.length === 0) out.push(el('p', { id: 'no-rejected' }, l.noRejected));
  else out.push(table('rejected', cols(read.rejected), read.rejected));
  if (read.cell_errors.length > 0) {
    const shown = read.cell_errors.slice(0, 200);
    out.push(el('h3', {}, l.cellErrors));
    out.push(table('cell-errors', cols(shown), shown));
  }
  return out;
}

function panelView(r) {
  const l = L();
  const msg = (f) => (state.lang === 'id' ? f.message_id : f.message_en);
  const chartBox = el('div', { id: 'chart' });
  // The "Read as" statement first: how the file was understood, before any figure.
  const readAsText = r.read_as && (state.lang === 'id' ? r.read_as.text_id : r.read_as.text_en);
  const readAs = readAsText ? el('p', { id: 'read-as', class: 'notes' }, `${l.readAs}: ${readAsText}`) : null;
  const nodes = [
    ...(readAs ? [readAs] : []),
    sourceLine(r.source, r.read.sheet),
    summary([
      [l.rowsRead, num(r.read.rows_read), 'sum-rows'],
      [l.rejectedN, num(r.read.rejected.length), 'sum-rejected'],
      [l.regions, num(r.regions), 'sum-regions'],
    ]),
    el('h2', {}, l.totalsPerPeriod),
    table(
      'totals',
      [
        [l.period, 'period'],
        [l.aktif, (p) => num(p.aktif), true],
        [l.tidakAktif, (p) => num(p.tidak_aktif), true],
        [l.total, (p) => num(p.total), true],
        [l.change, (p) => num(p.change), true],
        [l.pctChange, (p) => pct(p.pct_change), true],
        [l.activeShare, (p) => share(p.active_share), true],
      ],
      r.periods,
    ),
    el('h2', {}, l.chart),
    chartBox,
  ];
  if (r.span) {
    nodes.push(el('h2', {}, l.growth));
    nodes.push(
      summary([
        [l.span, `${r.span.from} – ${r.span.to}`, 'span'],
        [l.total, `${num(r.span.total_from)} → ${num(r.span.total_to)}`, 'span-total'],
        [l.cagrTotal, pct(r.span.cagr_total), 'cagr-total'],
        [l.cagrAktif, pct(r.span.cagr_aktif), 'cagr-aktif'],
      ]),
    );
  }
  const growthCols = [
    [l.region, 'region'],
    [r.span ? r.span.from : '', (g) => num(g.from), true],
    [r.span ? r.span.to : '', (g) => num(g.to), true],
    [l.change, (g) => num(g.change), true],
    [l.pctChange, (g) => pct(g.pct_change), true],
  ];
  nodes.push(el('h3', {}, l.grewMost), table('grew-most', growthCols, r.grew_most));
  nodes.push(el('h3', {}, l.shrankMost), table('shrank-most', growthCols, r.shrank_most));
  nodes.push(el('h2', {}, l.findings));
  if (r.findings.length === 0) nodes.push(el('p', {}, l.noFindings));
  else
    nodes.push(
      table(
        'findings',
        [
          [l.severity, (f) => el('span', { class: `sev-${f.severity}` }, l[`sev_${f.severity}`])],
          [l.message, (f) => `${msg(f)} [${f.code}]`],
          [l.lines, (f) => f.lines.join(', ')],
        ],
        r.findings,
      ),
    );
  nodes.push(...readSection(r.read));
  return { nodes, after: () => drawChart(chartBox, r) };
}

function drawChart(box, r) {
  const l = L();
  const labels = r.periods.map((p) => p.period);
  const xs = labels.map((_, i) => i);
  const data = [xs, r.periods.map((p) => p.aktif), r.periods.map((p) => p.tidak_aktif)];
  const width = Math.min(1050, box.clientWidth || 1000);
  new uPlot(
    {
      width,
      height: 320,
      series: [
        { label: l.period, value: (u, v) => (v === null ? '–' : labels[v]) },
        { label: l.aktif, stroke: '#2f855a', width: 2, value: (u, v) => num(v) },
        { label: l.tidakAktif, stroke: '#c53030', width: 2, value: (u, v) => num(v) },
      ],
      axes: [
        { values: (u, splits) => splits.map((v) => (Number.isInteger(v) ? labels[v] ?? '' : '')), rotate: -45, size: 60 },
        { values: (u, splits) => splits.map((v) => nf().format(v)), size: 70 },
      ],
      scales: { x: { time: false } },
      padding: [12, 40, 0, 0],
    },
    data,
    box,
  );
}

function registerView(r) {
  const l = L();
  const statusLabel = (s) => l[`status_${s}`] ?? s;
  const nodes = [
    sourceLine(r.source, r.read.sheet),
    summary([
      [l.rowsRead, num(r.read.rows_read), 'sum-rows'],
      [l.rejectedN, num(r.read.rejected.length), 'sum-rejected'],
      [l.records, num(r.records), 'sum-records'],
      [l.onRegister, num(r.on_register), 'sum-on-register'],
      [l.foundedLater, num(r.founded_later), 'sum-founded-later'],
    ]),
    el('h2', {}, `${l.counts} ${r.counts.fields.join(', ')}`),
    table(
      'counts',
      [
        ...r.counts.fields.map((f, i) => [f, (row) => row[0][i] ?? l.unknown]),
        [l.count, (row) => num(row[1]), true],
      ],
      r.counts.rows,
    ),
    el('h2', {}, `${l.statusCounts} (${l.asOf.toLowerCase()} ${r.as_of}, ${r.policy})`),
    table(
      'status-counts',
      [
        [l.status, ([s]) => statusLabel(s)],
        [l.count, ([, n]) => num(n), true],
      ],
      Object.entries(r.status_counts),
    ),
    el('h3', {}, l.reasons),
    table(
      'reasons',
      [
        [l.status, (x) => statusLabel(x.status)],
        [l.reason, (x) => (state.lang === 'id' ? x.label_id : x.label_en)],
        [l.count, (x) => num(x.count), true],
      ],
      r.reasons,
    ),
    ...coopSection(),
    ...comparisonSection(state.comparison),
    el('h2', {}, l.registrations),
    table(
      'registrations',
      [
        [l.year, ([y]) => y],
        [l.count, ([, n]) => num(n), true],
      ],
      [...Object.entries(r.registrations.by_year), [l.unknown, r.registrations.unknown]],
    ),
    ...demographySection(state.demography),
    el('h2', {}, l.duplicates),
  ];
  if (r.duplicates.length === 0) nodes.push(el('p', {}, l.noDuplicates));
  else
    nodes.push(
      table(
        'duplicates',
        [
          [l.duplicateKey, (d) => `${d.group.key}: ${d.group.value}`],
          [l.lines, (d) => d.members.map(([line]) => line ?? '?').join(', ')],
          [l.names, (d) => d.members.map(([, name]) => name).join(' | ')],
        ],
        r.duplicates,
      ),
    );
  if (r.unresolved_regions.length > 0) {
    nodes.push(el('h2', {}, l.unresolved));
    nodes.push(
      table(
        'unresolved',
        [
          [l.region, 'name'],
          ['', 'level'],
          [l.count, (u) => num(u.count), true],
          [l.suggestions, (u) => u.suggestions.join(', ')],
        ],
        r.unresolved_regions,
      ),
    );
  }
  nodes.push(...readSection(r.read));
  return { nodes, after: () => {} };
}

// ---- per-cooperative list ------------------------------------------------------------------
const statusText = (s) => L()[`status_${s}`] ?? s;

/** A filter chooser: "all" then the values; changing it redraws the list only. */
function filterSelect(id, key, label, values, text = (v) => v) {
  const sel = el('select', { id }, el('option', { value: '' }, D().all), values.map((v) => el('option', { value: v }, text(v))));
  sel.value = state.filters[key] ?? '';
  sel.addEventListener('change', () => {
    state.filters[key] = sel.value;
    drawCoops();
  });
  return el('label', {}, `${label} `, sel);
}

/** The list's heading, filters, search box and table (filled by `drawCoops`). */
function coopSection() {
  const l = L();
  const d = D();
  const rows = state.coops;
  if (rows.length === 0) return [];
  const search = el('input', { id: 'coop-search', type: 'search', placeholder: d.search, value: state.filters.q ?? '' });
  search.addEventListener('input', () => {
    state.filters.q = search.value;
    drawCoops();
  });
  return [
    el('h2', {}, d.coops),
    el(
      'div',
      { class: 'filters no-export' },
      filterSelect('f-status', 'status', l.status, STATUSES.filter((s) => rows.some((r) => r.status === s)), statusText),
      // A chooser only where the register has values to choose.
      ...(coops.distinct(rows, 'kecamatan').length ? [filterSelect('f-kecamatan', 'kecamatan', d.kecamatan, coops.distinct(rows, 'kecamatan'))] : []),
      ...(coops.distinct(rows, 'jenis').length ? [filterSelect('f-jenis', 'jenis', d.jenis, coops.distinct(rows, 'jenis'), coops.codeText)] : []),
      el('label', {}, search),
    ),
    el('p', { class: 'note', id: 'coops-note' }),
    el('div', { id: 'coops-box' }),
  ];
}

/** The filtered rows of the list. */
const shownCoops = () => coops.filterRows(state.coops, state.filters);

/** (Re)draw the list's table and its count line. */
function drawCoops() {
  const box = $('#coops-box');
  if (!box) return;
  const d = D();
  const rows = shownCoops();
  const t = coops.coopTable(rows.slice(0, coops.SHOWN_MAX), state.coops, state.lang, L(), d);
  // Each row carries its status code last, for the status colour.
  const code = t.headers.length;
  const cols = t.headers.map((h, i) => [h, (r) => (i === t.statusAt ? el('span', { class: `st-${r[code]}` }, r[i]) : r[i]), i === 0]);
  const withStatus = t.rows.map((r, i) => [...r, rows[i].status]);
  box.replaceChildren(table('coops', cols, withStatus));
  $('#coops-note').textContent = d.coopsNote(num(rows.length), num(state.coops.length)) + (rows.length > coops.SHOWN_MAX ? ` ${d.coopsCut(num(coops.SHOWN_MAX))}` : '');
}

/** Change groups shown per pair of policies. */
const TOP_GROUPS = 3;
/** The statuses in the order of the command's tables. */
const STATUSES = ['active', 'inactive', 'not_found', 'dissolved', 'not_yet_due', 'not_assessable'];

/**
 * The policy chooser's difference (`register.comparePolicies`): the counts under every preset
 * side by side, the chosen one first, then the largest groups of coops whose status changes
 * from the chosen policy to each other one, with why.
 */
function comparisonSection(c) {
  if (!c) return [];
  const l = L();
  const statusLabel = (s) => l[`status_${s}`] ?? s;
  const name = (p) => l[`policy_${p}`] ?? p;
  const [chosen] = c.policies;
  const nodes = [
    el('h2', {}, l.compare),
    el('p', { class: 'note', id: 'compare-note' }, l.compareNote),
    table(
      'compare-counts',
      [
        [l.status, (s) => statusLabel(s)],
        ...c.policies.map((p) => [
          p === chosen ? `${name(p.policy)} (${l.chosen})` : name(p.policy),
          (s) => num(p.counts[s]),
          true,
        ]),
      ],
      STATUSES,
    ),
  ];
  // The pairs from the chosen policy (the first) to each other one come first.
  for (const pair of c.pairs.filter((x) => x.from === chosen.policy)) {
    nodes.push(el('h3', { id: `compare-${pair.to}-head` }, l.comparePair(name(pair.from), name(pair.to), num(pair.changed), num(pair.same))));
    if (pair.changes.length === 0) continue;
    const shown = pair.changes.slice(0, TOP_GROUPS);
    if (pair.changes.length > shown.length) nodes.push(el('p', { class: 'note' }, l.moreGroups(shown.length, pair.changes.length)));
    nodes.push(
      table(
        `compare-${pair.to}`,
        [
          [l.count, (g) => num(g.count), true],
          [l.why, (g) => (state.lang === 'id' ? g.signature_id : g.signature)],
        ],
        shown,
      ),
    );
  }
  return nodes;
}

/** The yearly births/deaths table of `demographyReport` (registers only). */
function demographySection(d) {
  if (!d) return [];
  const l = L();
  return [
    el('h2', {}, l.demography),
    el('p', { class: 'note', id: 'demography-note' }, l.demographyNote(d.population, d.death_window_years)),
    table(
      'demography',
      [
        [l.year, (y) => (y.provisional ? `${y.year} (${l.provisional})` : String(y.year))],
        [l.active, (y) => num(y.active), true],
        [l.births, (y) => num(y.births), true],
        [l.deaths, (y) => num(y.deaths), true],
        [l.reactivations, (y) => num(y.reactivations), true],
        [l.birthRate, (y) => share(y.rates?.birth_rate), true],
        [l.deathRate, (y) => share(y.rates?.death_rate), true],
      ],
      d.years,
    ),
  ];
}

// ---- flow ---------------------------------------------------------------------------------
function showError(e) {
  const l = L();
  const box = $('#error');
  const code = e?.code ?? 'internal';
  const head = l[`err_${code}`] ?? l.err_generic;
  const where = e?.line ? ` (${l.errLine} ${e.line})` : '';
  box.replaceChildren(
    el('strong', {}, `${l.errorTitle}${state.name ? `: ${state.name}` : ''}`),
    el('p', { id: 'error-message' }, head + where),
    el('p', { id: 'error-detail' }, `${l.errDetail} [${code}]: ${e?.message ?? String(e)}`),
  );
  box.dataset.code = code;
  box.hidden = false;
}

function render() {
  const l = L();
  document.documentElement.lang = state.lang;
  for (const n of document.querySelectorAll('[data-i18n]')) {
    const v = l[n.dataset.i18n];
    if (typeof v === 'string') n.textContent = v;
  }
  $('#lang').textContent = l.toggle;
  for (const n of document.querySelectorAll('[data-dash]')) n.textContent = D()[n.dataset.dash];
  renderChooser();
  for (const b of ['#dl-xlsx', '#dl-csv', '#dl-html', '#print']) $(b).disabled = !state.report;
  const main = $('#report');
  main.replaceChildren();
  $('#error').hidden = true;
  if (state.error) {
    showError(state.error);
    return;
  }
  if (!state.report) return;
  const view = state.report.kind === 'panel' ? panelView(state.report) : registerView(state.report);
  main.append(...view.nodes);
  view.after();
  drawCoops();
  main.dataset.kind = state.report.kind;
  $('#timing').textContent = l.timing(loadMs, state.reportMs);
}

function run() {
  if (state.input === null) return;
  const t = performance.now();
  try {
    state.report = k.buildReport(state.input, $('#as-of').value || undefined, $('#policy').value, { source: state.name, by: [state.by] });
    state.demography = null;
    state.comparison = null;
    state.coops = [];
    if (state.report.kind === 'register') {
      // The ten years up to the as-of date's year.
      const to = Number(state.report.as_of.slice(0, 4));
      const { register } = k.readRegister(state.input);
      try {
        state.demography = k.demographyReport(register, to - 9, to, state.report.as_of, $('#policy').value);
        // Every preset of the chooser, the chosen one first.
        const chosen = $('#policy').value;
        const presets = [...$('#policy').options].map((o) => o.value);
        state.comparison = register.comparePolicies(state.report.as_of, [chosen, ...presets.filter((p) => p !== chosen)]);
        const { records } = register.toObject();
        state.coops = coops.coopRows(records, register.assessAll(state.report.as_of, chosen));
        state.breakdowns = coops.availableBreakdowns(records);
      } finally {
        register.free();
      }
    }
    state.error = null;
  } catch (e) {
    state.report = null;
    state.error = e;
  }
  state.reportMs = Math.round(performance.now() - t);
  window.__koperasi.reportMs = state.reportMs;
  render();
  window.__koperasi.reports += 1;
    window.__koperasi.firstReportAt ??= performance.now();
}

/** A new file: its filters and breakdown start afresh. */
function reset(name) {
  state.name = name;
  state.filters = {};
  state.by = 'kecamatan';
  state.breakdowns = ['kecamatan'];
}

/** The breakdown chooser: shown for registers, offering the fields the register has. */
function renderChooser() {
  const isRegister = state.report?.kind === 'register';
  $('#by-box').hidden = !isRegister;
  if (!isRegister) return;
  const d = D();
  $('#by').replaceChildren(...state.breakdowns.map((f) => el('option', { value: f }, d[`field_${f}`])));
  $('#by').value = state.by;
}

// ---- downloads and print -----------------------------------------------------------------
/** What the XLSX and CSV downloads hold: the filtered list (registers) or the totals (panels). */
function mainTable() {
  const l = L();
  const d = D();
  const r = state.report;
  if (r.kind === 'register') return { table: coops.coopTable(shownCoops(), state.coops, state.lang, l, d), sheet: d.sheetCoops, prefix: 'koperasi' };
  const headers = [l.period, l.aktif, l.tidakAktif, l.total, l.change, l.pctChange, l.activeShare];
  const rows = r.periods.map((p) => [p.period, p.aktif, p.tidak_aktif, p.total, p.change, p.pct_change, p.active_share]);
  return { table: { headers, rows }, sheet: d.sheetTotals, prefix: 'jumlah' };
}

function download(what) {
  try {
    const { table: t, sheet, prefix } = mainTable();
    if (what === 'xlsx') files.save(k.tableXlsx(t, sheet), files.fileName(prefix, state.name, 'xlsx'));
    else files.save(k.tableCsv(t, { excel: state.lang === 'id' }), files.fileName(prefix, state.name, 'csv'));
  } catch (e) {
    showError(e);
  }
}

function downloadHtml() {
  const d = D();
  const html = files.reportHtml($('#report'), { lang: state.lang, title: `${d.reportTitle}: ${state.name}`, generated: d.generated(new Date(Date.now() + 7 * 3600 * 1000).toISOString().replace('T', ' ').slice(0, 16)) });
  files.save(html, files.fileName('laporan', state.name, 'html'));
}

$('#dl-xlsx').addEventListener('click', () => download('xlsx'));
$('#dl-csv').addEventListener('click', () => download('csv'));
$('#dl-html').addEventListener('click', downloadHtml);
$('#print').addEventListener('click', () => window.print());
$('#dl-template').addEventListener('click', () => {
  try {
    files.save(k.templateRegister({ locale: state.lang }), state.lang === 'id' ? 'templat-register-koperasi.xlsx' : 'register-template.xlsx');
  } catch (e) {
    showError(e);
  }
});
$('#by').addEventListener('change', () => {
  state.by = $('#by').value;
  run();
});

async function openFile(file) {
  reset(file.name);
  state.input = new Uint8Array(await file.arrayBuffer());
  run();
}

function openSample(name) {
  const s = k.sample(name);
  reset(s.source);
  state.input = s.csv;
  run();
}

$('#lang').addEventListener('click', () => {
  state.lang = state.lang === 'id' ? 'en' : 'id';
  render();
});
$('#file').addEventListener('change', (ev) => {
  const f = ev.target.files?.[0];
  if (f) openFile(f);
});
// A file dropped outside the drop zone must not make the browser navigate away to it.
for (const type of ['dragover', 'drop']) document.addEventListener(type, (ev) => ev.preventDefault());
const drop = $('#drop');
drop.addEventListener('dragover', (ev) => {
  ev.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (ev) => {
  ev.preventDefault();
  drop.classList.remove('over');
  const f = ev.dataTransfer?.files?.[0];
  if (f) openFile(f);
});
$('#sample-jatim').addEventListener('click', () => openSample('jatim_panel'));
$('#sample-bogor').addEventListener('click', () => openSample('bogor_register'));
$('#as-of').addEventListener('change', run);
$('#policy').addEventListener('change', run);

// The as-of date starts at today's date in WIB (Asia/Jakarta, UTC+7), whatever the computer's
// time zone (a page may read the clock; the library never does). Registers are assessed as of
// it; panels do not use it.
$('#as-of').value = k.todayWib();
$('#loading').hidden = true;
openSample('jatim_panel');
// Published statements (issue 18): a self-contained section (statements.mjs).
const statements = (await import('./statements.mjs')).mountStatements(k, $('#statements'), () => state.lang);
$('#lang').addEventListener('click', () => statements.render());
// Koperasi Desa/Kelurahan Merah Putih (issue 19): a self-contained section (kopdes.mjs).
const kopdes = (await import('./kopdes.mjs')).mountKopdes(k, $('#kopdes'), () => state.lang);
$('#lang').addEventListener('click', () => kopdes.render());
