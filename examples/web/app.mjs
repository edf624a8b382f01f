// The dashboard: reads a CSV in the browser with the koperasi WASM engine and shows what
// `koperasi report` shows. Nothing leaves the page.
const t0 = performance.now();
const k = await import('koperasi');
const { default: uPlot } = await import('uplot');
const { LABELS } = await import('./i18n.mjs');
const loadMs = Math.round(performance.now() - t0);

const $ = (sel) => document.querySelector(sel);
const state = { lang: 'id', input: null, name: null, report: null, demography: null, comparison: null, error: null, reportMs: null };
const L = () => LABELS[state.lang];
window.__koperasi = { loadMs, reportMs: null, reports: 0 };

// ---- formatting (display only) ------------------------------------------------------------
const nf = () => new Intl.NumberFormat(state.lang === 'id' ? 'id-ID' : 'en-US');
const pf = () => new Intl.NumberFormat(state.lang === 'id' ? 'id-ID' : 'en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const num = (x) => (x === null || x === undefined ? '–' : nf().format(x));
const pct = (x) => (x === null || x === undefined ? '–' : `${x > 0 ? '+' : ''}${pf().format(x)} %`);
const share = (x) => (x === null || x === undefined ? '–' : `${pf().format(x)} %`);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [a, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null) e.setAttribute(a, v);
  }
  for (const c of children.flat()) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

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
  main.dataset.kind = state.report.kind;
  $('#timing').textContent = l.timing(loadMs, state.reportMs);
}

function run() {
  if (state.input === null) return;
  const t = performance.now();
  try {
    state.report = k.buildReport(state.input, $('#as-of').value || undefined, $('#policy').value, { source: state.name });
    state.demography = null;
    state.comparison = null;
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

async function openFile(file) {
  state.name = file.name;
  state.input = new Uint8Array(await file.arrayBuffer());
  run();
}

function openSample(name) {
  const s = k.sample(name);
  state.name = s.source;
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

// The as-of date starts at today's date in this browser (a page may read the clock; the
// library never does). Registers are assessed as of it; panels do not use it.
const today = new Date();
$('#as-of').value = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
$('#loading').hidden = true;
openSample('jatim_panel');
// Published statements (issue 18): a self-contained section (statements.mjs).
const statements = (await import('./statements.mjs')).mountStatements(k, $('#statements'), () => state.lang);
$('#lang').addEventListener('click', () => statements.render());
