// The per-cooperative list of a register: one row per record with its status and reasons (from
// `register.assessAll`, the core's assessment), filters by status, kecamatan and jenis, and a
// search by name. Display and filtering only: every status and reason comes from the engine.

/** Breakdown fields the chooser offers, in order, when the register has values for them. */
export const BREAKDOWNS = ['kecamatan', 'desa', 'jenis', 'bentuk'];

/** Rows shown on screen at most (downloads hold every filtered row). */
export const SHOWN_MAX = 500;

/** A record's value of a breakdown field (location fields sit under `location`). */
function fieldOf(rec, f) {
  return f === 'kecamatan' || f === 'desa' ? rec.location?.[f] ?? null : rec[f] ?? null;
}

/**
 * One row per cooperative: line, name, kecamatan, desa, jenis, bentuk, status code and the
 * reasons' labels in both languages (`assessments[i]` belongs to `records[i]`).
 */
export function coopRows(records, assessments) {
  return records.map((rec, i) => {
    const a = assessments[i];
    return {
      line: rec.source_line ?? null,
      name: rec.name,
      kecamatan: fieldOf(rec, 'kecamatan'),
      desa: fieldOf(rec, 'desa'),
      jenis: fieldOf(rec, 'jenis'),
      bentuk: fieldOf(rec, 'bentuk'),
      status: a.status,
      reasons_id: a.reasons.map((r) => r.label_id).join('; '),
      reasons_en: a.reasons.map((r) => r.label_en).join('; '),
    };
  });
}

/** A jenis or bentuk code as text: `simpan_pinjam` -> `Simpan pinjam` (the Indonesian term). */
export const codeText = (v) => (v === null || v === undefined ? '' : String(v).charAt(0).toUpperCase() + String(v).slice(1).replaceAll('_', ' '));

/** The breakdown fields with at least one value in `records` (kecamatan always). */
export function availableBreakdowns(records) {
  return BREAKDOWNS.filter((f) => f === 'kecamatan' || records.some((r) => fieldOf(r, f) !== null));
}

/** The rows that pass the filters `{status, kecamatan, jenis, q}` (empty = any). */
export function filterRows(rows, f) {
  const q = (f.q ?? '').trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!f.status || r.status === f.status) &&
      (!f.kecamatan || r.kecamatan === f.kecamatan) &&
      (!f.jenis || r.jenis === f.jenis) &&
      (!q || r.name.toLowerCase().includes(q)),
  );
}

/** The distinct non-empty values of `key` in `rows`, sorted. */
export function distinct(rows, key) {
  return [...new Set(rows.map((r) => r[key]).filter((v) => v !== null && v !== ''))].sort((a, b) => String(a).localeCompare(String(b)));
}

/** The optional columns of the list: those with a value in some row of `all` are kept. */
const OPTIONAL = ['kecamatan', 'desa', 'jenis', 'bentuk'];

/**
 * The list as a table of text (shown and downloaded): line, name, the breakdown columns the
 * register has (a value in some row of `all`), the status as its label, the reasons in the
 * language. `statusAt` is the status column's index.
 */
export function coopTable(rows, all, lang, l, d) {
  const kept = OPTIONAL.filter((f) => all.some((r) => r[f] !== null && r[f] !== ''));
  const text = (f, v) => (f === 'jenis' || f === 'bentuk' ? codeText(v) : v ?? '');
  const headers = [l.line, d.name, ...kept.map((f) => d[f]), l.status, l.reasons];
  return {
    headers,
    statusAt: headers.length - 2,
    rows: rows.map((r) => [
      r.line ?? '',
      r.name,
      ...kept.map((f) => text(f, r[f])),
      l[`status_${r.status}`] ?? r.status,
      lang === 'id' ? r.reasons_id : r.reasons_en,
    ]),
  };
}
