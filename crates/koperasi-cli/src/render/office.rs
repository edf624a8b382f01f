//! The register's office-facts sections: the office status x assessed status cross table, the
//! findings on records (office status disagreements, coordinates outside Indonesia) and the
//! jenis values not recognised. Figures come from `koperasi::report::RegisterReport`.

use super::{Doc, findings_text};
use crate::labels::Labels;
use koperasi::office::{OfficeMark, OfficeStatusCross, ValueCount};
use koperasi::report::RegisterReport;
use koperasi::status::Status;

/// `en` or `id` by the labels' language.
fn pick(l: &Labels, en: &'static str, id: &'static str) -> &'static str {
    if l.id { id } else { en }
}

fn mark_label(l: &Labels, m: OfficeMark) -> &'static str {
    if l.id { m.label_id() } else { m.label_en() }
}

/// The cross table, its agreement line and the values not read as a status.
pub(super) fn cross_text(d: &mut Doc, c: &OfficeStatusCross) {
    let l = d.l;
    d.heading(pick(
        l,
        "Office status x assessed status",
        "Status menurut kantor x status hasil penilaian",
    ));
    let statuses: Vec<Status> = Status::ALL
        .into_iter()
        .filter(|s| c.cells.iter().any(|x| x.status == *s))
        .collect();
    let mut header = vec![pick(l, "Office says", "Menurut kantor").to_string()];
    header.extend(
        statuses
            .iter()
            .map(|s| super::status_label(l, *s).to_string()),
    );
    header.push(l.total().to_string());
    let right: Vec<usize> = (1..header.len()).collect();
    let mut t = d.table(header, &right);
    for m in OfficeMark::ALL {
        let count = |s: Status| {
            c.cells
                .iter()
                .filter(|x| x.office == m && x.status == s)
                .map(|x| x.count)
                .sum::<u64>()
        };
        let total: u64 = statuses.iter().map(|s| count(*s)).sum();
        if total == 0 {
            continue;
        }
        let mut row = vec![mark_label(l, m).to_string()];
        row.extend(statuses.iter().map(|s| l.int(count(*s) as i64)));
        row.push(l.int(total as i64));
        t.add_row(row);
    }
    d.push_table(&t);
    d.line(format!(
        "{}: {}; {}: {}; {}: {}",
        pick(l, "Agree", "Sesuai"),
        l.int(c.agree as i64),
        pick(l, "disagree (see findings)", "tidak sesuai (lihat temuan)"),
        l.int(c.disagree as i64),
        pick(
            l,
            "not comparable (not yet due, not assessable)",
            "tidak dapat dibandingkan (belum jatuh tempo, tidak dapat dinilai)"
        ),
        l.int(c.not_comparable as i64)
    ));
    values_text(
        d,
        &c.unrecognised,
        pick(
            l,
            "Office status values not recognised (listed, not guessed)",
            "Nilai status kantor yang tidak dikenali (dicantumkan, tidak ditebak)",
        ),
    );
}

/// A list of values with their counts under a heading; nothing when empty.
fn values_text(d: &mut Doc, values: &[ValueCount], title: &str) {
    if values.is_empty() {
        return;
    }
    let l = d.l;
    d.heading(&format!("{title} ({})", values.len()));
    let mut t = d.table(vec![l.value().into(), l.count().into()], &[1]);
    for v in values {
        t.add_row(vec![v.value.clone(), l.int(v.count as i64)]);
    }
    d.push_table(&t);
}

/// The register's office sections for `report` (with the cross table) or `check` (without).
pub(super) fn register_sections(d: &mut Doc, r: &RegisterReport, cross: bool) {
    let l = d.l;
    if let Some(c) = r.office_status.as_ref().filter(|_| cross) {
        cross_text(d, c);
    } else if let Some(c) = &r.office_status {
        values_text(
            d,
            &c.unrecognised,
            pick(
                l,
                "Office status values not recognised (listed, not guessed)",
                "Nilai status kantor yang tidak dikenali (dicantumkan, tidak ditebak)",
            ),
        );
    }
    values_text(
        d,
        &r.unknown_jenis,
        pick(
            l,
            "Jenis values not recognised (kept as the kelompok)",
            "Nilai jenis yang tidak dikenali (disimpan sebagai kelompok)",
        ),
    );
    if !r.findings.is_empty() {
        findings_text(d, &r.findings);
    }
}

/// CSV rows (`kind, line, column, value, code, reason`) for `koperasi check`: each unknown jenis
/// value with its count, each cell of the cross table (the findings are listed by the caller).
pub(super) fn check_csv_rows(r: &RegisterReport) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for v in &r.unknown_jenis {
        rows.push(vec![
            "unknown_jenis".into(),
            String::new(),
            "jenis".into(),
            v.value.clone(),
            "jenis_unrecognised".into(),
            format!("{} row(s)", v.count),
        ]);
    }
    if let Some(c) = &r.office_status {
        for x in &c.cells {
            rows.push(vec![
                "office_status_cross".into(),
                String::new(),
                x.office.code().into(),
                x.status.code().into(),
                "office_status_cross".into(),
                x.count.to_string(),
            ]);
        }
    }
    rows
}
