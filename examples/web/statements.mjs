// Dashboard section "Pernyataan yang dipublikasikan" (issue 18): an office drops or types its
// published statements (CSV or XLSX, one figure per row: tanggal, periode, wilayah, definisi,
// nilai, perubahan, sumber) and sees the findings of koperasi's checks, in Indonesian by
// default. Self-contained: its own labels and events (elements through dom.mjs); app.mjs only
// mounts it.
// Every finding comes from the engine (checkStatements); this file only shows them.
import { el } from './dom.mjs';

const LABELS = {
  id: {
    title: 'Pernyataan yang dipublikasikan',
    note: 'Satu angka per baris: tanggal, periode, wilayah, definisi (terdata, teridentifikasi, aktif, sudah_rat, ...), nilai, perubahan, sumber. Angka dengan definisi berbeda tidak dibandingkan sebagai satu deret.',
    file: 'Pilih berkas pernyataan (CSV, XLSX)',
    sample: 'Contoh: Balikpapan, 1 Februari 2025',
    check: 'Periksa teks',
    read: (n, ok, rej) => `${n} baris dibaca, ${ok} diterima, ${rej} ditolak.`,
    none: 'Tidak ada temuan: angka-angka ini konsisten satu sama lain.',
    findings: (n) => `Temuan (${n})`,
    rejected: 'Baris ditolak',
    line: 'Baris',
    code: 'Kode',
    severity: 'Tingkat',
    message: 'Keterangan',
    statements: 'Pernyataan',
    value: 'Isi',
    reason: 'Alasan',
    sev: { error: 'galat', warning: 'peringatan', info: 'info' },
  },
  en: {
    title: 'Published statements',
    note: 'One figure per row: date, period, region, definition (on_record, identified, active, rat_held, ...), value, change, source. Figures of different definitions are not compared as one series.',
    file: 'Choose a statements file (CSV, XLSX)',
    sample: 'Sample: Balikpapan, 1 February 2025',
    check: 'Check the text',
    read: (n, ok, rej) => `${n} rows read, ${ok} accepted, ${rej} rejected.`,
    none: 'No findings: these figures are consistent with each other.',
    findings: (n) => `Findings (${n})`,
    rejected: 'Rejected rows',
    line: 'Line',
    code: 'Code',
    severity: 'Severity',
    message: 'Message',
    statements: 'Statements',
    value: 'Value',
    reason: 'Reason',
    sev: { error: 'error', warning: 'warning', info: 'info' },
  },
};

function table(id, head, rows) {
  return el(
    'table',
    { id },
    el('thead', {}, el('tr', {}, head.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, c ?? '–'))))),
  );
}

/** Mount the section in `root`; `lang()` gives the page's language (`id` or `en`). */
export function mountStatements(k, root, lang) {
  const state = { input: null, result: null, error: null };
  const L = () => LABELS[lang()] ?? LABELS.id;
  const text = el('textarea', { id: 'statements-text', rows: '6', cols: '80', spellcheck: 'false' });
  const file = el('input', { id: 'statements-file', type: 'file', accept: '.csv,.txt,.xlsx,.ods' });
  const out = el('div', { id: 'statements-out' });

  function check(input) {
    state.input = input;
    try {
      const read = k.readStatements(input);
      state.result = { read, findings: k.checkStatements(read) };
      state.error = null;
    } catch (e) {
      state.result = null;
      state.error = e.message;
    }
    render();
  }

  function render() {
    const l = L();
    const isId = lang() === 'id';
    root.querySelector('h2').textContent = l.title;
    root.querySelector('.note').textContent = l.note;
    root.querySelector('#statements-file-label span').textContent = l.file;
    root.querySelector('#statements-sample').textContent = l.sample;
    root.querySelector('#statements-check').textContent = l.check;
    out.replaceChildren();
    if (state.error) {
      out.append(el('p', { role: 'alert', class: 'sev-error' }, state.error));
      return;
    }
    if (!state.result) return;
    const { read, findings } = state.result;
    out.append(el('p', { class: 'note', id: 'statements-read' }, l.read(read.report.rows_read, read.report.accepted, read.report.rejected.length)));
    if (read.report.rejected.length) {
      out.append(el('h3', {}, l.rejected));
      out.append(table('statements-rejected', [l.line, l.code, l.value, l.reason], read.report.rejected.map((r) => [r.line, r.code, r.value, r.reason])));
    }
    if (!findings.length) {
      out.append(el('p', { id: 'statements-none' }, l.none));
      return;
    }
    out.append(el('h3', {}, l.findings(findings.length)));
    out.append(
      table(
        'statements-findings',
        [l.severity, l.code, l.statements, l.message],
        findings.map((f) => [
          el('span', { class: `sev-${f.severity}` }, l.sev[f.severity] ?? f.severity),
          f.code,
          f.statements.join(', '),
          isId ? f.message_id : f.message_en,
        ]),
      ),
    );
  }

  root.replaceChildren(
    el('h2', {}),
    el('p', { class: 'note' }),
    el('div', { class: 'register-controls' },
      el('label', { id: 'statements-file-label', class: 'button' }, el('span', {}), file),
      el('button', { id: 'statements-sample', type: 'button' }),
    ),
    text,
    el('div', {}, el('button', { id: 'statements-check', type: 'button' })),
    out,
  );
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (f) check(new Uint8Array(await f.arrayBuffer()));
  });
  root.querySelector('#statements-sample').addEventListener('click', () => {
    text.value = k.sample('balikpapan_statements').csv;
    check(text.value);
  });
  root.querySelector('#statements-check').addEventListener('click', () => check(text.value));
  render();
  return { render, check };
}
