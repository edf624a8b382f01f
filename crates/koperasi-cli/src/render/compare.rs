//! The same register under several status policies ([`koperasi::status::compare_policies`]):
//! `koperasi assess FILE --compare a,b,c` (every group, with its lines) and the section of
//! `koperasi report FILE --compare a,b,c` (the largest groups). The tables are put together
//! once, as [`Block`]s, for the terminal, markdown, the workbook and the HTML page. Nothing is
//! computed here beyond formatting.

use super::{Doc, csv_out, lines_text, status_label};
use crate::book::{Book, Cell, Section};
use crate::labels::Labels;
use koperasi::Koperasi;
use koperasi::io::safe::CellKind;
use koperasi::status::{ChangeGroup, PairComparison, PolicyComparison, Status};

/// At most this many line numbers are listed per group in text output (all in JSON).
const MAX_LINES: usize = 20;

/// At most this many change groups per pair in a report's section.
pub const REPORT_GROUPS: usize = 5;

/// How much of a comparison is shown.
#[derive(Clone, Copy)]
pub enum Detail<'a> {
    /// `assess --compare`: the cross tables and every group with its records' lines (the
    /// register's records, by position).
    Full(&'a [Koperasi]),
    /// A report's section: the counts, and per pair the [`REPORT_GROUPS`] largest groups.
    Summary,
}

/// One table of the comparison: lines to show above it, then the table (a section).
pub struct Block {
    /// Lines under the heading (as-of date, sources, same/changed counts).
    pub lines: Vec<String>,
    /// The heading and the table; a section without rows shows no table.
    pub section: Section,
    /// A title that fits a sheet name (31 characters) for the book: `national x office` for a
    /// cross table, `national -> office` for the changes.
    pub sheet: String,
}

/// The file lines of a group's records (their 1-based source lines, else their positions + 1).
fn group_lines(g: &ChangeGroup, records: &[Koperasi]) -> Vec<u64> {
    g.records
        .iter()
        .map(|&i| {
            usize::try_from(i)
                .ok()
                .and_then(|i| records.get(i))
                .and_then(|k| k.source_line)
                .unwrap_or(i + 1)
        })
        .collect()
}

fn lines_cell(l: &Labels, lines: &[u64]) -> String {
    let shown = lines.get(..MAX_LINES.min(lines.len())).unwrap_or(lines);
    let mut s = lines_text(shown);
    if lines.len() > shown.len() {
        s.push_str(&format!(
            " {} {}",
            l.and_more(),
            l.int((lines.len() - shown.len()) as i64)
        ));
    }
    s
}

/// The blocks of a comparison, in order: the counts under each policy, then per pair its
/// cross table and groups ([`Detail::Full`]) or its largest groups ([`Detail::Summary`]).
pub fn blocks(c: &PolicyComparison, l: &Labels, detail: Detail) -> Vec<Block> {
    let mut header = vec![l.status().to_string()];
    header.extend(c.policies.iter().map(|p| l.policy_name(&p.policy)));
    let mut counts = Section::new(l.compare_counts(), header);
    for s in Status::ALL {
        let mut row = vec![Cell::text(status_label(l, s))];
        row.extend(
            c.policies
                .iter()
                .map(|p| Cell::count(p.counts.get(&s).copied().unwrap_or(0))),
        );
        counts.rows.push(row);
    }
    let mut lines = vec![format!(
        "{}: {} · {}: {}",
        l.as_of(),
        l.date(c.as_of),
        l.records(),
        l.int(c.records as i64)
    )];
    lines.extend(
        c.policies
            .iter()
            .map(|p| format!("{} ({}): {}", l.source(), p.policy, p.source)),
    );
    let mut out = vec![Block {
        lines,
        sheet: counts.title.clone(),
        section: counts,
    }];
    for pair in &c.pairs {
        match detail {
            Detail::Full(records) => full_pair(&mut out, pair, l, records),
            Detail::Summary => out.push(summary_pair(pair, l)),
        }
    }
    out
}

fn same_changed(l: &Labels, pair: &PairComparison) -> String {
    format!(
        "{}: {} · {}: {}",
        l.compare_same(),
        l.int(pair.same as i64),
        l.compare_changed(),
        l.int(pair.changed as i64)
    )
}

fn why(l: &Labels, g: &ChangeGroup) -> Cell {
    Cell::text(if l.id { &g.signature_id } else { &g.signature })
}

fn full_pair(out: &mut Vec<Block>, pair: &PairComparison, l: &Labels, records: &[Koperasi]) {
    let mut cross = Section::new(
        format!("{}: {} -> {}", l.compare_cross(), pair.from, pair.to),
        vec![
            format!("{} ({})", l.status(), pair.from),
            format!("{} ({})", l.status(), pair.to),
            l.count().to_string(),
        ],
    );
    for cell in &pair.cross {
        cross.rows.push(vec![
            Cell::text(status_label(l, cell.from_status)),
            Cell::text(status_label(l, cell.to_status)),
            Cell::count(cell.count),
        ]);
    }
    out.push(Block {
        lines: vec![same_changed(l, pair)],
        section: cross,
        sheet: format!("{} x {}", pair.from, pair.to),
    });
    if pair.changes.is_empty() {
        return;
    }
    let mut t = Section::new(
        format!("{}: {} -> {}", l.compare_changes(), pair.from, pair.to),
        vec![l.count(), l.compare_why(), l.compare_records()],
    );
    for g in &pair.changes {
        t.rows.push(vec![
            Cell::count(g.count),
            why(l, g),
            Cell::Text(lines_cell(l, &group_lines(g, records))),
        ]);
    }
    out.push(Block {
        lines: Vec::new(),
        section: t,
        sheet: format!("{} -> {}", pair.from, pair.to),
    });
}

fn summary_pair(pair: &PairComparison, l: &Labels) -> Block {
    let mut lines = vec![same_changed(l, pair)];
    let shown = pair.changes.len().min(REPORT_GROUPS);
    if pair.changes.len() > shown {
        lines.push(format!(
            "{}: {} {} {}; {}",
            l.compare_groups_shown(),
            l.int(shown as i64),
            l.of(),
            l.int(pair.changes.len() as i64),
            l.compare_all_hint()
        ));
    }
    let mut t = Section::new(
        format!(
            "{}: {} -> {}",
            l.compare_changes_short(),
            pair.from,
            pair.to
        ),
        vec![l.count(), l.compare_why()],
    );
    for g in pair.changes.iter().take(shown) {
        t.rows.push(vec![Cell::count(g.count), why(l, g)]);
    }
    Block {
        lines,
        section: t,
        sheet: format!("{} -> {}", pair.from, pair.to),
    }
}

/// The blocks written into a text document: a heading, its lines, its table.
pub(super) fn compare_doc(d: &mut Doc, c: &PolicyComparison, detail: Detail) {
    let l = d.l;
    for b in blocks(c, l, detail) {
        d.heading(&b.section.title);
        for line in &b.lines {
            let esc: String = d.esc(line).into();
            d.line(esc);
        }
        d.push_section(&b.section);
    }
}

/// The comparison of `assess --compare` as terminal text or markdown.
pub fn compare_text(c: &PolicyComparison, records: &[Koperasi], l: &Labels, md: bool) -> String {
    let mut d = Doc::new(l, md);
    compare_doc(&mut d, c, Detail::Full(records));
    d.out
}

/// The blocks as sections of a book, titled by their sheet titles; their headings and lines
/// as notes (item: the sheet title).
pub fn book_sections(b: &mut Book, c: &PolicyComparison, l: &Labels, detail: Detail) {
    for mut block in blocks(c, l, detail) {
        if block.sheet != block.section.title {
            b.note(
                block.sheet.clone(),
                std::mem::take(&mut block.section.title),
            );
        }
        for line in block.lines {
            b.note(block.sheet.clone(), line);
        }
        block.section.title = block.sheet;
        b.sections.push(block.section);
    }
}

/// The comparison as CSV: one row per (pair, change group), then the counts per policy as
/// rows with `from_policy` = the policy and the other pair columns empty.
pub fn compare_csv(c: &PolicyComparison, records: &[Koperasi]) -> Result<String, crate::Failure> {
    let mut out: Vec<Vec<String>> = vec![
        [
            "from_policy",
            "to_policy",
            "from_status",
            "to_status",
            "count",
            "from_reason",
            "to_reason",
            "rat_window",
            "rat_required",
            "rat_held",
            "rat_unknown",
            "business",
            "signature",
            "signature_id",
            "lines",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for p in &c.policies {
        for (s, n) in &p.counts {
            let mut row = vec![p.policy.clone(), String::new(), s.code().to_string()];
            row.extend([String::new(), n.to_string()]);
            // Every row has every column (the other columns empty).
            row.resize(15, String::new());
            out.push(row);
        }
    }
    for pair in &c.pairs {
        for g in &pair.changes {
            let lines: Vec<String> = group_lines(g, records).iter().map(u64::to_string).collect();
            out.push(vec![
                pair.from.clone(),
                pair.to.clone(),
                g.from_status.code().to_string(),
                g.to_status.code().to_string(),
                g.count.to_string(),
                g.from_reason.clone(),
                g.to_reason.clone(),
                g.rat_window.to_string(),
                g.rat_required.to_string(),
                g.rat_held.to_string(),
                g.rat_unknown.to_string(),
                g.business.map(|b| b.to_string()).unwrap_or_default(),
                g.signature.clone(),
                g.signature_id.clone(),
                lines.join(" "),
            ]);
        }
    }
    csv_out(&out, |r, c| match c {
        _ if r == 0 => CellKind::Text,
        4 | 7..=10 => CellKind::Number,
        _ => CellKind::Text,
    })
}
