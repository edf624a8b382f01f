//! Rendering reports as aligned terminal tables, markdown, CSV; nothing is computed here.

use crate::labels::Labels;
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use koperasi::io::ReadReport;
use koperasi::report::{PanelReport, RegisterReport, Report};
use koperasi::wilayah::Wilayah;
use std::fmt::Write as _;

fn table(markdown: bool, header: Vec<String>, right: &[usize]) -> Table {
    let mut t = Table::new();
    t.load_style(if markdown {
        presets::ASCII_MARKDOWN
    } else {
        presets::UTF8_FULL_CONDENSED
    });
    if !markdown {
        // Wrap long cells (findings) to the terminal, or to 120 columns when not a terminal.
        t.set_content_arrangement(ContentArrangement::Dynamic);
        if !t.is_tty() {
            t.set_width(120);
        }
    }
    t.set_header(header);
    for &i in right {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    t
}

fn heading(out: &mut String, markdown: bool, text: &str) {
    if markdown {
        let _ = writeln!(out, "\n## {text}\n");
    } else {
        let _ = writeln!(out, "\n{text}\n{}", "=".repeat(text.chars().count()));
    }
}

fn push_table(out: &mut String, t: &Table) {
    let _ = writeln!(out, "{t}");
}

fn read_line(r: &ReadReport, l: &Labels) -> String {
    format!(
        "{}: {} {}, {} {}, {} {}, {} {}",
        l.read(),
        l.int(r.rows_read as i64),
        l.rows(),
        l.int(r.accepted as i64),
        l.accepted(),
        l.int(r.rejected.len() as i64),
        l.rejected(),
        l.int(r.cell_errors.len() as i64),
        l.unreadable_cells()
    )
}

/// The report as an aligned terminal table (`markdown = false`) or markdown.
pub fn report_text(report: &Report, l: &Labels, markdown: bool) -> String {
    match report {
        Report::Panel(p) => panel_text(p, l, markdown),
        Report::Register(r) => register_text(r, l, markdown),
    }
}

fn panel_text(p: &PanelReport, l: &Labels, md: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", l.source(), p.source);
    let _ = writeln!(out, "{}", read_line(&p.read, l));
    let _ = writeln!(out, "{}: {}", l.regions(), l.int(p.regions as i64));

    heading(&mut out, md, l.totals_per_period());
    let mut t = table(
        md,
        vec![
            l.period().into(),
            l.regions().into(),
            l.aktif().into(),
            l.tidak_aktif().into(),
            l.total().into(),
            l.change().into(),
            l.pct_change().into(),
            l.active_share().into(),
        ],
        &[1, 2, 3, 4, 5, 6, 7],
    );
    for r in &p.periods {
        t.add_row(vec![
            r.period.to_string(),
            l.int(r.regions as i64),
            l.opt_int(r.aktif),
            l.opt_int(r.tidak_aktif),
            l.opt_int(r.total),
            r.change
                .map(|c| format!("{}{}", if c > 0 { "+" } else { "" }, l.int(c)))
                .unwrap_or_else(|| "-".into()),
            l.opt_pct(r.pct_change),
            l.opt_pct(r.active_share),
        ]);
    }
    push_table(&mut out, &t);

    if let Some(s) = &p.span {
        heading(&mut out, md, l.growth());
        let _ = writeln!(
            out,
            "{} -> {} ({} {})",
            s.from,
            s.to,
            l.dec1(s.years),
            l.years()
        );
        for (name, from, to, rate) in [
            (l.total(), s.total_from, s.total_to, s.cagr_total),
            (l.aktif(), s.aktif_from, s.aktif_to, s.cagr_aktif),
        ] {
            let _ = writeln!(
                out,
                "  {name}: {} -> {}, {} {} {}",
                l.opt_int(from),
                l.opt_int(to),
                l.cagr(),
                l.opt_pct(rate),
                l.per_year()
            );
        }
        for (title, rows) in [
            (l.grew_most(), &p.grew_most),
            (l.shrank_most(), &p.shrank_most),
        ] {
            heading(&mut out, md, title);
            if rows.is_empty() {
                let _ = writeln!(out, "{}", l.none());
                continue;
            }
            let mut t = table(
                md,
                vec![
                    l.region().into(),
                    format!("{} {}", l.total(), s.from),
                    format!("{} {}", l.total(), s.to),
                    l.change().into(),
                    l.pct_change().into(),
                ],
                &[1, 2, 3, 4],
            );
            for g in rows {
                t.add_row(vec![
                    g.region.clone(),
                    l.int(g.from),
                    l.int(g.to),
                    l.int(g.change),
                    l.opt_pct(g.pct_change),
                ]);
            }
            push_table(&mut out, &t);
        }
    }
    if !p.unresolved_regions.is_empty() {
        heading(&mut out, md, l.unresolved_regions());
        let _ = writeln!(out, "{}", p.unresolved_regions.join(", "));
    }
    findings_text(&mut out, &p.findings, l, md);
    rejections_text(&mut out, &p.read, l, md);
    out
}

fn findings_text(out: &mut String, findings: &[koperasi::stats::Finding], l: &Labels, md: bool) {
    heading(out, md, &format!("{} ({})", l.findings(), findings.len()));
    if findings.is_empty() {
        let _ = writeln!(out, "{}", l.none());
        return;
    }
    let mut t = table(
        md,
        vec![l.severity().into(), l.finding().into(), l.lines().into()],
        &[],
    );
    for f in findings {
        let sev = f.severity.as_str().to_string();
        let lines: Vec<String> = f.lines.iter().map(u64::to_string).collect();
        t.add_row(vec![
            sev,
            format!(
                "{}: {}",
                f.code,
                if l.id { &f.message_id } else { &f.message_en }
            ),
            lines.join(", "),
        ]);
    }
    push_table(out, &t);
}

fn rejections_text(out: &mut String, r: &ReadReport, l: &Labels, md: bool) {
    for (title, list) in [
        (l.rejected_rows(), &r.rejected),
        (l.cell_errors(), &r.cell_errors),
    ] {
        heading(out, md, &format!("{title} ({})", list.len()));
        if list.is_empty() {
            let _ = writeln!(out, "{}", l.none());
            continue;
        }
        let mut t = table(
            md,
            vec![
                l.line().into(),
                l.column().into(),
                l.value().into(),
                l.reason().into(),
            ],
            &[0],
        );
        for x in list {
            t.add_row(vec![
                x.line.to_string(),
                x.column.clone().unwrap_or_default(),
                x.value.clone().unwrap_or_default(),
                format!("{}: {}", x.code, x.reason),
            ]);
        }
        push_table(out, &t);
    }
}

fn register_text(r: &RegisterReport, l: &Labels, md: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", l.source(), r.source);
    let _ = writeln!(out, "{}", read_line(&r.read, l));
    let _ = writeln!(out, "{}: {}", l.records(), l.int(r.records as i64));
    let _ = writeln!(
        out,
        "{}: {}   {}: {}",
        l.as_of(),
        l.date(r.as_of),
        l.policy(),
        r.policy
    );

    let by: Vec<String> = r
        .counts
        .fields
        .iter()
        .map(|f| f.as_str().to_string())
        .collect();
    heading(
        &mut out,
        md,
        &format!("{} {}", l.counts_by(), by.join(" x ")),
    );
    let mut header = by.clone();
    header.push(l.count().into());
    let mut t = table(md, header, &[by.len()]);
    for (keys, n) in &r.counts.rows {
        let mut row: Vec<String> = keys
            .iter()
            .map(|k| k.clone().unwrap_or_else(|| l.unknown().into()))
            .collect();
        row.push(l.int(*n as i64));
        t.add_row(row);
    }
    push_table(&mut out, &t);

    heading(&mut out, md, l.status_counts());
    if let Some(note) = &r.status_note {
        let _ = writeln!(out, "{note}");
    }
    let mut t = table(
        md,
        vec![l.status().into(), l.reason().into(), l.count().into()],
        &[2],
    );
    for (s, n) in &r.status_counts {
        if *n == 0 {
            continue;
        }
        let label = if l.id { s.label_id() } else { s.label_en() };
        let why: Vec<String> = r
            .reasons
            .iter()
            .filter(|x| x.status == *s)
            .map(|x| {
                format!(
                    "{} ({})",
                    if l.id { &x.label_id } else { &x.label_en },
                    l.int(x.count as i64)
                )
            })
            .collect();
        t.add_row(vec![label.to_string(), why.join("; "), l.int(*n as i64)]);
    }
    push_table(&mut out, &t);
    let _ = writeln!(out, "{}: {}", l.identified(), l.int(r.identified as i64));

    heading(&mut out, md, l.registrations());
    let mut t = table(md, vec![l.year().into(), l.count().into()], &[1]);
    for (y, n) in &r.registrations.by_year {
        t.add_row(vec![y.to_string(), l.int(*n as i64)]);
    }
    t.add_row(vec![
        l.no_year().to_string(),
        l.int(r.registrations.unknown as i64),
    ]);
    push_table(&mut out, &t);

    let b = &r.badan_hukum;
    let _ = writeln!(
        out,
        "{}: {} {}, {} {}; {} {}, {} {}, {} {}",
        l.badan_hukum(),
        l.int(b.with_number as i64),
        l.with_number(),
        l.int(b.without_number as i64),
        l.without_number(),
        l.int(b.ahu as i64),
        l.ahu(),
        l.int(b.amendments as i64),
        l.amendments(),
        l.int(b.with_year as i64),
        l.with_year()
    );

    heading(
        &mut out,
        md,
        &format!("{} ({})", l.duplicates(), r.duplicates.len()),
    );
    if r.duplicates.is_empty() {
        let _ = writeln!(out, "{}", l.none());
    } else {
        let mut t = table(
            md,
            vec![l.shared().into(), l.lines().into(), l.name().into()],
            &[],
        );
        for d in &r.duplicates {
            let key = d.group.key.as_str().to_string();
            let lines: Vec<String> = d
                .members
                .iter()
                .map(|(line, _)| line.map(|x| x.to_string()).unwrap_or_default())
                .collect();
            let names: Vec<&str> = d.members.iter().map(|(_, n)| n.as_str()).collect();
            t.add_row(vec![
                format!("{key}: {}", d.group.value),
                lines.join(", "),
                names.join(" | "),
            ]);
        }
        push_table(&mut out, &t);
    }
    rejections_text(&mut out, &r.read, l, md);
    out
}

fn csv_out(rows: Vec<Vec<String>>) -> Result<String, crate::Failure> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.write_record(&r)?;
    }
    let bytes = w.into_inner().map_err(|e| crate::Failure(e.to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The main table of a report as CSV (plain numbers, no separators): totals per period for a
/// panel, the counts for a register.
pub fn report_csv(report: &Report, _l: &Labels) -> Result<String, crate::Failure> {
    let opt = |x: Option<i64>| x.map(|v| v.to_string()).unwrap_or_default();
    let optf = |x: Option<f64>| x.map(|v| format!("{v:.4}")).unwrap_or_default();
    let mut rows = Vec::new();
    match report {
        Report::Panel(p) => {
            rows.push(
                [
                    "period",
                    "regions",
                    "aktif",
                    "tidak_aktif",
                    "total",
                    "change",
                    "pct_change",
                    "active_share",
                ]
                .map(String::from)
                .to_vec(),
            );
            for r in &p.periods {
                rows.push(vec![
                    r.period.to_string(),
                    r.regions.to_string(),
                    opt(r.aktif),
                    opt(r.tidak_aktif),
                    opt(r.total),
                    opt(r.change),
                    optf(r.pct_change),
                    optf(r.active_share),
                ]);
            }
        }
        Report::Register(r) => {
            let mut header: Vec<String> = r
                .counts
                .fields
                .iter()
                .map(|f| f.as_str().to_string())
                .collect();
            header.push("count".into());
            rows.push(header);
            for (keys, n) in &r.counts.rows {
                let mut row: Vec<String> =
                    keys.iter().map(|k| k.clone().unwrap_or_default()).collect();
                row.push(n.to_string());
                rows.push(row);
            }
        }
    }
    csv_out(rows)
}

fn read_of(report: &Report) -> &ReadReport {
    match report {
        Report::Panel(p) => &p.read,
        Report::Register(r) => &r.read,
    }
}

/// `koperasi check` as text: findings (panels), rejected rows, unreadable cells.
pub fn check_text(report: &Report, l: &Labels, md: bool) -> String {
    let mut out = String::new();
    let (source, findings) = match report {
        Report::Panel(p) => (&p.source, p.findings.as_slice()),
        Report::Register(r) => (&r.source, &[][..]),
    };
    let _ = writeln!(out, "{}: {}", l.source(), source);
    let _ = writeln!(out, "{}", read_line(read_of(report), l));
    if let Report::Panel(_) = report {
        findings_text(&mut out, findings, l, md);
    }
    rejections_text(&mut out, read_of(report), l, md);
    out
}

/// `koperasi check` as JSON.
pub fn check_json(report: &Report) -> serde_json::Value {
    let findings = match report {
        Report::Panel(p) => serde_json::to_value(&p.findings).unwrap_or_default(),
        Report::Register(_) => serde_json::Value::Array(Vec::new()),
    };
    serde_json::json!({ "read": read_of(report), "findings": findings })
}

/// `koperasi check` as CSV: one row per problem.
pub fn check_csv(report: &Report) -> Result<String, crate::Failure> {
    let mut rows = vec![
        ["kind", "line", "column", "value", "code", "reason"]
            .map(String::from)
            .to_vec(),
    ];
    let r = read_of(report);
    for (kind, list) in [
        ("rejected_row", &r.rejected),
        ("cell_error", &r.cell_errors),
    ] {
        for x in list {
            rows.push(vec![
                kind.into(),
                x.line.to_string(),
                x.column.clone().unwrap_or_default(),
                x.value.clone().unwrap_or_default(),
                x.code.clone(),
                x.reason.clone(),
            ]);
        }
    }
    if let Report::Panel(p) = report {
        for f in &p.findings {
            let lines: Vec<String> = f.lines.iter().map(u64::to_string).collect();
            rows.push(vec![
                "finding".into(),
                lines.join(" "),
                f.measure.clone().unwrap_or_default(),
                String::new(),
                f.code.clone(),
                f.message_en.clone(),
            ]);
        }
    }
    csv_out(rows)
}

/// Region search results as a table.
pub fn wilayah_text(hits: &[&Wilayah], md: bool) -> String {
    let mut t = table(md, vec!["kode".into(), "nama".into(), "level".into()], &[]);
    for w in hits {
        let level = w.level.as_str().to_string();
        t.add_row(vec![w.code.to_string(), w.name.clone(), level]);
    }
    format!("{t}\n")
}

/// Region search results as CSV.
pub fn wilayah_csv(hits: &[&Wilayah]) -> Result<String, crate::Failure> {
    let mut rows = vec![vec!["kode".to_string(), "nama".into(), "level".into()]];
    for w in hits {
        let level = w.level.as_str().to_string();
        rows.push(vec![w.code.to_string(), w.name.clone(), level]);
    }
    csv_out(rows)
}
