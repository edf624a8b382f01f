//! `koperasi assess FILE --compare a,b,c`: the counts under each policy, and for each pair the
//! cross table and the cooperatives that change status, grouped by why
//! ([`koperasi::status::compare_policies`]). Nothing is computed here beyond formatting.

use super::{Doc, csv_out, lines_text, status_label};
use crate::labels::Labels;
use koperasi::Koperasi;
use koperasi::io::safe::CellKind;
use koperasi::status::{ChangeGroup, PolicyComparison, Status};

/// At most this many line numbers are listed per group in text output (all in JSON).
const MAX_LINES: usize = 20;

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

/// The comparison as terminal text or markdown.
pub fn compare_text(c: &PolicyComparison, records: &[Koperasi], l: &Labels, md: bool) -> String {
    let mut d = Doc::new(l, md);
    d.line(format!(
        "{}: {} · {}: {}",
        l.as_of(),
        l.date(c.as_of),
        l.records(),
        l.int(c.records as i64)
    ));
    d.heading(l.compare_counts());
    let mut header = vec![l.status().to_string()];
    header.extend(c.policies.iter().map(|p| l.policy_name(&p.policy)));
    let right: Vec<usize> = (1..=c.policies.len()).collect();
    let mut t = d.table(header, &right);
    for s in Status::ALL {
        let mut row = vec![status_label(l, s).to_string()];
        row.extend(
            c.policies
                .iter()
                .map(|p| l.int(p.counts.get(&s).copied().unwrap_or(0) as i64)),
        );
        t.add_row(row);
    }
    d.push_table(&t);
    for p in &c.policies {
        let line = format!("{} ({}): {}", l.source(), p.policy, p.source);
        let esc: String = d.esc(&line).into();
        d.line(esc);
    }
    for pair in &c.pairs {
        d.heading(&format!(
            "{}: {} -> {}",
            l.compare_cross(),
            pair.from,
            pair.to
        ));
        d.line(format!(
            "{}: {} · {}: {}",
            l.compare_same(),
            l.int(pair.same as i64),
            l.compare_changed(),
            l.int(pair.changed as i64)
        ));
        let mut t = d.table(
            vec![
                format!("{} ({})", l.status(), pair.from),
                format!("{} ({})", l.status(), pair.to),
                l.count().to_string(),
            ],
            &[2],
        );
        for cell in &pair.cross {
            t.add_row(vec![
                status_label(l, cell.from_status).to_string(),
                status_label(l, cell.to_status).to_string(),
                l.int(cell.count as i64),
            ]);
        }
        d.push_table(&t);
        if pair.changes.is_empty() {
            continue;
        }
        d.line(l.compare_changes());
        let mut t = d.table(
            vec![
                l.count().to_string(),
                l.compare_why().to_string(),
                l.compare_records().to_string(),
            ],
            &[0],
        );
        for g in &pair.changes {
            let why = if l.id { &g.signature_id } else { &g.signature };
            t.add_row(vec![
                l.int(g.count as i64),
                why.clone(),
                lines_cell(l, &group_lines(g, records)),
            ]);
        }
        d.push_table(&t);
    }
    d.out
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
