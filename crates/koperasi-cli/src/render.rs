//! Rendering reports as aligned terminal tables, markdown and CSV. Nothing is computed here
//! beyond formatting: the figures come from `koperasi::report`.
//!
//! Every text from a file is made safe by the core's one rule ([`koperasi::io::safe`]):
//! table cells by [`SafeTable`] (terminal or markdown), lines by [`Doc::esc`], CSV cells by
//! [`csv_out`], whole outputs once more by [`print_safe`] (JSON as JSON escapes).

pub(crate) mod compare;
pub(crate) mod funnel;

use crate::labels::Labels;
use comfy_table::{CellAlignment, Column, ContentArrangement, Table, presets};
use koperasi::io::ReadReport;
use koperasi::io::safe::{self, CellKind};
use koperasi::register::{CountTable, Field, ReasonCount};
use koperasi::report::{PanelReport, RegisterReport, Report, StatusRow};
use koperasi::stats::Finding;
use koperasi::status::Status;
use koperasi::wilayah::{Level, Wilayah};

mod office;

/// A text document being written, as terminal text or markdown. In markdown every line is its
/// own paragraph and every table is followed by a blank line, so that nothing runs together.
struct Doc<'a> {
    out: String,
    md: bool,
    l: &'a Labels,
}

impl<'a> Doc<'a> {
    fn new(l: &'a Labels, md: bool) -> Doc<'a> {
        Doc {
            out: String::new(),
            md,
            l,
        }
    }

    fn line(&mut self, text: impl AsRef<str>) {
        self.out.push_str(text.as_ref());
        self.out.push('\n');
        if self.md {
            self.out.push('\n');
        }
    }

    fn heading(&mut self, text: &str) {
        if self.md {
            self.out.push_str(&format!("\n## {text}\n\n"));
        } else {
            self.out
                .push_str(&format!("\n{text}\n{}\n", "=".repeat(text.chars().count())));
        }
    }

    /// A data value for a line: escaped for markdown ([`safe::markdown_text`]) in markdown;
    /// in terminal text [`print_safe`] escapes the whole output.
    fn esc<'s>(&self, text: &'s str) -> std::borrow::Cow<'s, str> {
        if self.md {
            safe::markdown_text(text)
        } else {
            std::borrow::Cow::Borrowed(text)
        }
    }

    fn table(&self, header: Vec<String>, right: &[usize]) -> SafeTable {
        let mut t = Table::new();
        t.load_style(if self.md {
            presets::ASCII_MARKDOWN
        } else {
            presets::UTF8_FULL_CONDENSED
        });
        if !self.md {
            // Wrap long cells to the terminal, or to 120 columns when not a terminal.
            t.set_content_arrangement(ContentArrangement::Dynamic);
            if !t.is_tty() {
                t.set_width(120);
            }
        }
        let mut t = SafeTable::new(t, self.md);
        t.set_header(header);
        for &i in right {
            if let Some(c) = t.column_mut(i) {
                c.set_cell_alignment(CellAlignment::Right);
            }
        }
        t
    }

    /// A section's table (counts right-aligned, with separators); nothing when it has no rows.
    fn push_section(&mut self, s: &crate::book::Section) {
        use crate::book::Cell;
        let l = self.l;
        let Some(first) = s.rows.first() else {
            return;
        };
        let right: Vec<usize> = first
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c, Cell::Int(_)))
            .map(|(i, _)| i)
            .collect();
        let mut t = self.table(s.header.clone(), &right);
        for row in &s.rows {
            t.add_row(
                row.iter()
                    .map(|c| match c {
                        Cell::Int(n) => l.int(*n),
                        c => c.plain(),
                    })
                    .collect(),
            );
        }
        self.push_table(&t);
    }

    fn push_table(&mut self, t: &SafeTable) {
        self.out.push_str(&t.to_string());
        self.out.push('\n');
        if self.md {
            self.out.push('\n');
        }
    }
}

fn read_line(d: &Doc, r: &ReadReport) -> String {
    let l = d.l;
    let mut line = format!(
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
    );
    if r.blank_rows > 0 {
        line.push_str(&format!(
            "; {} {}",
            l.int(r.blank_rows as i64),
            l.blank_rows()
        ));
    }
    if !r.skipped.is_empty() {
        let n = l.int(r.skipped.len() as i64);
        line.push_str(&format!("; {n} {}", l.footer_lines()));
    }
    if let Some(sheet) = &r.sheet {
        line.push_str(&format!(" ({} {})", l.sheet(), d.esc(sheet)));
    }
    if let Some(da) = &r.data_as_of {
        let source = match (da.source, &da.text) {
            (koperasi::io::DataAsOfSource::Title, Some(t)) => {
                format!("{}: `{}`", l.data_as_of_title(), d.esc(t))
            }
            (koperasi::io::DataAsOfSource::Title, None) => l.data_as_of_title().to_string(),
            (koperasi::io::DataAsOfSource::Option, _) => l.data_as_of_given().to_string(),
        };
        line.push_str(&format!(
            "\n{}: {} ({source})",
            l.data_as_of(),
            l.date(da.date)
        ));
    }
    // How the file was read (encoding converted, header found below a title block).
    for note in r.notes_in(l.id) {
        line.push_str(&format!("\n{}: {}", l.note(), d.esc(note)));
    }
    line
}

/// The "Read: N rows, ..." summary of a read, as plain text (the notes of a workbook).
pub(crate) fn read_summary(l: &Labels, r: &ReadReport) -> String {
    read_line(&Doc::new(l, false), r)
}

fn ignored_columns_line(d: &mut Doc, r: &ReadReport) {
    /// More than this many unknown columns are summarised ("... and N more").
    const SHOWN: usize = 30;
    let unknown = r.unknown_columns();
    if !unknown.is_empty() {
        let mut text = unknown
            .iter()
            .take(SHOWN)
            .map(|c| d.esc(c).into_owned())
            .collect::<Vec<_>>()
            .join(", ");
        if unknown.len() > SHOWN {
            text.push_str(&format!(
                " {} {}",
                d.l.and_more(),
                d.l.int((unknown.len() - SHOWN) as i64)
            ));
        }
        d.line(format!("{}: {text}", d.l.kept_columns()));
    }
}

/// A table whose every cell, header included, is made safe before the layout measures it:
/// [`safe::markdown_cell`] in markdown, [`safe::terminal_text`] in a terminal table.
pub struct SafeTable {
    table: Table,
    markdown: bool,
}

impl SafeTable {
    /// Wrap a table styled for a terminal (`markdown = false`) or for markdown.
    pub fn new(table: Table, markdown: bool) -> SafeTable {
        SafeTable { table, markdown }
    }

    fn cells<S: AsRef<str>>(&self, cells: Vec<S>) -> Vec<String> {
        cells
            .iter()
            .map(|c| match self.markdown {
                true => safe::markdown_cell(c.as_ref()).into_owned(),
                false => safe::terminal_text(c.as_ref()).into_owned(),
            })
            .collect()
    }

    /// Set the header row.
    pub fn set_header<S: AsRef<str>>(&mut self, cells: Vec<S>) {
        let cells = self.cells(cells);
        self.table.set_header(cells);
    }

    /// Add a data row.
    pub fn add_row<S: AsRef<str>>(&mut self, cells: Vec<S>) {
        let cells = self.cells(cells);
        self.table.add_row(cells);
    }

    /// The column at `i`, to set its alignment.
    pub fn column_mut(&mut self, i: usize) -> Option<&mut Column> {
        self.table.column_mut(i)
    }
}

impl std::fmt::Display for SafeTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.table.fmt(f)
    }
}

/// Print a command's output to stdout, made safe once more as a whole: JSON by
/// [`safe::json_text`] (the same JSON value), every other format by [`safe::terminal_text`].
pub fn print_safe(out: &str, json: bool) {
    print!("{}", safe_output(out, json));
}

/// A command's whole output made safe as [`print_safe`] prints it (also for `-o FILE`).
pub fn safe_output(out: &str, json: bool) -> std::borrow::Cow<'_, str> {
    if json {
        safe::json_text(out)
    } else {
        safe::terminal_text(out)
    }
}

/// The report as an aligned terminal table (`markdown = false`) or markdown.
pub fn report_text(report: &Report, l: &Labels, markdown: bool) -> String {
    let mut d = Doc::new(l, markdown);
    match report {
        Report::Panel(p) => panel_text(&mut d, p),
        Report::Register(r) => register_text(&mut d, r),
    }
    d.out
}

fn signed(l: &Labels, n: i64) -> String {
    format!("{}{}", if n > 0 { "+" } else { "" }, l.int(n))
}

/// The "Read as" statement of a panel, in the labels' language.
fn read_as_line(d: &Doc, p: &PanelReport) -> String {
    let l = d.l;
    let text = if l.id {
        &p.read_as.text_id
    } else {
        &p.read_as.text_en
    };
    format!("{}: {}", l.read_as(), d.esc(text))
}

fn panel_text(d: &mut Doc, p: &PanelReport) {
    let l = d.l;
    d.line(read_as_line(d, p));
    d.line(format!("{}: {}", l.source(), d.esc(&p.source)));
    d.line(read_line(d, &p.read));
    ignored_columns_line(d, &p.read);
    d.line(format!("{}: {}", l.regions(), l.int(p.regions as i64)));

    d.heading(l.totals_per_period());
    let with_totals = p.periods.iter().any(|r| r.total_rows > 0);
    let mut header: Vec<String> = vec![l.period().into(), l.regions().into()];
    if with_totals {
        header.push(l.total_rows().into());
    }
    header.extend(
        [
            l.aktif(),
            l.tidak_aktif(),
            l.total(),
            l.change(),
            l.pct_change(),
            l.active_share(),
        ]
        .map(String::from),
    );
    let right: Vec<usize> = (1..header.len()).collect();
    let mut t = d.table(header, &right);
    for r in &p.periods {
        let mark = if r.comparable { "" } else { " *" };
        let mut row = vec![l.period_label(r.period), l.int(r.regions as i64)];
        if with_totals {
            row.push(l.int(r.total_rows as i64));
        }
        row.extend([
            l.opt_int(r.aktif),
            l.opt_int(r.tidak_aktif),
            l.opt_int(r.total),
            r.change
                .map(|c| signed(l, c) + mark)
                .unwrap_or_else(|| "-".into()),
            l.opt_pct(r.pct_change),
            l.opt_pct(r.active_share),
        ]);
        t.add_row(row);
    }
    d.push_table(&t);
    if p.periods.iter().any(|r| !r.comparable) {
        d.line(l.not_comparable());
    }

    if let Some(s) = &p.span {
        d.heading(l.growth());
        for line in growth_lines(l, s) {
            d.line(line);
        }
        for (title, rows) in [
            (l.grew_most(), &p.grew_most),
            (l.shrank_most(), &p.shrank_most),
        ] {
            d.heading(title);
            if rows.is_empty() {
                d.line(l.none());
                continue;
            }
            let mut t = d.table(growth_headers(l, s), &[1, 2, 3, 4]);
            for g in rows {
                t.add_row(vec![
                    g.region.clone(),
                    l.int(g.from),
                    l.int(g.to),
                    signed(l, g.change),
                    l.opt_pct(g.pct_change),
                ]);
            }
            d.push_table(&t);
        }
    }
    if !p.unresolved_regions.is_empty() {
        d.heading(l.unresolved_regions());
        let names = p.unresolved_regions.join(", ");
        d.line(d.esc(&names));
    }
    findings_text(d, &p.findings);
    rejections_text(d, &p.read);
}

/// The growth over a panel's span, line by line: the span, its coverage when the regions
/// changed, then total and aktif with their CAGR.
pub(crate) fn growth_lines(l: &Labels, s: &koperasi::report::Span) -> Vec<String> {
    let mut lines = vec![format!(
        "{} -> {} ({} {})",
        l.period_label(s.from),
        l.period_label(s.to),
        l.dec1(s.years),
        l.years()
    )];
    if !s.comparable {
        lines.push(format!(
            "{} {}, {}",
            l.int(s.regions as i64),
            l.regions_compared(),
            l.span_not_comparable()
        ));
    }
    for (name, from, to, rate) in [
        (l.total(), s.total_from, s.total_to, s.cagr_total),
        (l.aktif(), s.aktif_from, s.aktif_to, s.cagr_aktif),
    ] {
        lines.push(format!(
            "{name}: {} -> {}, {} {} {}",
            l.opt_int(from),
            l.opt_int(to),
            l.cagr(),
            l.opt_pct(rate),
            l.per_year()
        ));
    }
    lines
}

/// Line numbers, with runs of consecutive lines shortened: `20, 58, 762-799`.
pub(crate) fn lines_text(lines: &[u64]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(&start) = lines.get(i) {
        let mut end = start;
        while lines.get(i + 1) == Some(&(end + 1)) {
            end += 1;
            i += 1;
        }
        parts.push(if end > start + 1 {
            format!("{start}-{end}")
        } else if end == start + 1 {
            format!("{start}, {end}")
        } else {
            start.to_string()
        });
        i += 1;
    }
    parts.join(", ")
}

pub(crate) fn severity(l: &Labels, f: &Finding) -> &'static str {
    use koperasi::stats::Severity;
    match f.severity {
        Severity::Info => l.sev_info(),
        Severity::Warning => l.sev_warning(),
        Severity::Error => l.sev_error(),
    }
}

fn findings_text(d: &mut Doc, findings: &[Finding]) {
    let l = d.l;
    d.heading(&format!("{} ({})", l.findings(), findings.len()));
    if findings.is_empty() {
        d.line(l.none());
        return;
    }
    let mut t = d.table(
        vec![l.severity().into(), l.finding().into(), l.lines().into()],
        &[],
    );
    for f in findings {
        t.add_row(vec![
            severity(l, f).to_string(),
            format!(
                "{} [{}]",
                if l.id { &f.message_id } else { &f.message_en },
                f.code
            ),
            lines_text(&f.lines),
        ]);
    }
    d.push_table(&t);
}

/// A rejection's reason as shown: in Indonesian, the label of its code (the particulars, in
/// English, are in `--locale en` and JSON); in English, the full reason.
pub(crate) fn rejection_reason(l: &Labels, x: &koperasi::io::Rejection) -> String {
    match (l.id, koperasi::io::rejection_label(&x.code)) {
        (true, Some((_, id))) => id.to_string(),
        _ => x.reason.clone(),
    }
}

fn rejections_text(d: &mut Doc, r: &ReadReport) {
    let l = d.l;
    for (title, list) in [
        (l.rejected_rows(), &r.rejected),
        (l.cell_errors(), &r.cell_errors),
        (l.skipped_lines(), &r.skipped),
    ] {
        if list.is_empty() && std::ptr::eq(list, &r.skipped) {
            continue; // said only when there are some
        }
        d.heading(&format!("{title} ({})", list.len()));
        if list.is_empty() {
            d.line(l.none());
            continue;
        }
        let mut t = d.table(
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
                match &x.cell {
                    Some(cell) => format!("{} ({cell})", x.line),
                    None => x.line.to_string(),
                },
                x.column.clone().unwrap_or_default(),
                x.value.clone().unwrap_or_default(),
                rejection_reason(l, x),
            ]);
        }
        d.push_table(&t);
    }
}

/// A status code (`not_assessable`) as a label in the chosen language.
pub(crate) fn status_label(l: &Labels, s: Status) -> &'static str {
    if l.id { s.label_id() } else { s.label_en() }
}

pub(crate) fn field_label(l: &Labels, f: Field) -> &'static str {
    match f {
        Field::Provinsi => l.provinsi(),
        Field::KabKota => l.kab_kota(),
        Field::Kecamatan => l.kecamatan(),
        Field::Desa => l.desa(),
        Field::Jenis => l.jenis(),
        Field::Kelompok => l.kelompok(),
        Field::Bentuk => l.bentuk(),
        Field::Status => l.status(),
        Field::FoundingYear => l.founding_year(),
    }
}

/// A key of a count table as shown: status codes become labels, unknown becomes `(unknown)`.
pub(crate) fn key_label(l: &Labels, field: Field, key: &Option<String>) -> String {
    match key {
        None => l.unknown().to_string(),
        Some(k) if field == Field::Status => Status::ALL
            .iter()
            .find(|s| s.code() == k)
            .map(|s| status_label(l, *s).to_string())
            .unwrap_or_else(|| k.clone()),
        Some(k) if field == Field::Jenis => koperasi::cooperative::Jenis::ALL
            .iter()
            .find(|j| j.code() == k)
            .map(|j| j.label().to_string())
            .unwrap_or_else(|| k.clone()),
        Some(k) => k.clone(),
    }
}

fn counts_text(d: &mut Doc, counts: &CountTable) {
    let l = d.l;
    let by: Vec<String> = counts
        .fields
        .iter()
        .map(|f| field_label(l, *f).to_string())
        .collect();
    d.heading(&format!("{} {}", l.counts_by(), by.join(" x ")));
    let mut header = by.clone();
    header.push(l.count().into());
    let mut t = d.table(header, &[by.len()]);
    for (keys, n) in &counts.rows {
        let mut row: Vec<String> = counts
            .fields
            .iter()
            .zip(keys)
            .map(|(f, k)| key_label(l, *f, k))
            .collect();
        row.push(l.int(*n as i64));
        t.add_row(row);
    }
    let total: u64 = counts.rows.iter().map(|(_, n)| n).sum();
    let mut row: Vec<String> = vec![String::new(); by.len()];
    if let Some(first) = row.first_mut() {
        *first = l.total().to_string();
    }
    row.push(l.int(total as i64));
    t.add_row(row);
    d.push_table(&t);
}

/// Why status could not be assessed for some records, and what to add to the file.
pub(crate) fn status_note(l: &Labels, r: &RegisterReport) -> Option<String> {
    let n = r
        .status_counts
        .get(&Status::NotAssessable)
        .copied()
        .unwrap_or(0);
    if n == 0 {
        return None;
    }
    let count = |code: &str| -> u64 {
        r.reasons
            .iter()
            .filter(|x| x.code == code)
            .map(|x| x.count)
            .sum()
    };
    let mut note = format!(
        "{} {} {} {}.",
        l.note_not_assessed(),
        l.int(n as i64),
        l.of(),
        l.int(r.records as i64)
    );
    // Say what is missing: no RAT column at all, or RAT cells that leave years unknown.
    if count("no_rat_history") > 0 {
        note.push(' ');
        note.push_str(l.hint_add_rat());
    }
    if count("rat_history_incomplete") > 0 {
        note.push(' ');
        note.push_str(&format!(
            "{} {}",
            l.int(count("rat_history_incomplete") as i64),
            l.hint_unknown_years()
        ));
    }
    Some(note)
}

pub(crate) fn reasons_cell(l: &Labels, reasons: &[ReasonCount], s: Status) -> String {
    let mine: Vec<&ReasonCount> = reasons.iter().filter(|x| x.status == s).collect();
    let label = |x: &ReasonCount| {
        if l.id {
            x.label_id.clone()
        } else {
            x.label_en.clone()
        }
    };
    match mine.as_slice() {
        [one] => label(one),
        many => many
            .iter()
            .map(|x| format!("{}: {}", label(x), l.int(x.count as i64)))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

fn register_text(d: &mut Doc, r: &RegisterReport) {
    let l = d.l;
    d.line(format!("{}: {}", l.source(), d.esc(&r.source)));
    d.line(read_line(d, &r.read));
    ignored_columns_line(d, &r.read);
    d.line(format!(
        "{}: {}   {}: {}",
        l.as_of(),
        l.date(r.as_of),
        l.policy(),
        l.policy_name(&r.policy)
    ));
    let dissolved = r
        .status_counts
        .get(&Status::Dissolved)
        .copied()
        .unwrap_or(0);
    d.line(format!(
        "{}: {}; {}: {} ({}: {}, {}: {})",
        l.records(),
        l.int(r.records as i64),
        l.on_register(),
        l.int(r.on_register as i64),
        l.founded_later(),
        l.int(r.founded_later as i64),
        l.dissolved(),
        l.int(dissolved as i64)
    ));

    counts_text(d, &r.counts);
    unresolved_text(d, r);

    d.heading(l.status());
    if let Some(note) = status_note(l, r) {
        d.line(note);
    }
    let mut t = d.table(
        vec![l.status().into(), l.reason().into(), l.count().into()],
        &[2],
    );
    for (s, n) in &r.status_counts {
        if *n > 0 {
            t.add_row(vec![
                status_label(l, *s).to_string(),
                reasons_cell(l, &r.reasons, *s),
                l.int(*n as i64),
            ]);
        }
    }
    d.push_table(&t);
    if r.status_counts.get(&Status::Active).copied().unwrap_or(0) > 0 {
        d.line(format!(
            "{}: {}",
            l.active_without_latest_rat(),
            l.int(r.active_without_latest_rat as i64)
        ));
    }
    d.line(format!("{}: {}", l.identified(), identified_value(l, r)));
    if let Some(line) = members_line(l, r) {
        d.line(line);
    }
    if let Some(c) = &r.policy_comparison {
        compare::compare_doc(d, c, compare::Detail::Summary);
    }
    if let Some(f) = &r.funnel {
        funnel::funnel_doc(d, f);
    }

    d.heading(l.registrations());
    let mut t = d.table(vec![l.year().into(), l.count().into()], &[1]);
    for (y, n) in &r.registrations.by_year {
        t.add_row(vec![y.to_string(), l.int(*n as i64)]);
    }
    t.add_row(vec![
        l.no_year().to_string(),
        l.int(r.registrations.unknown as i64),
    ]);
    d.push_table(&t);
    d.line(badan_hukum_line(l, &r.badan_hukum));

    duplicates_text(d, r);
    office::register_sections(d, r, true);
    rejections_text(d, &r.read);
}

/// The headers of a table of the regions that grew or shrank most over the span `s`.
pub(crate) fn growth_headers(l: &Labels, s: &koperasi::report::Span) -> Vec<String> {
    vec![
        l.region().into(),
        format!("{} {}", l.total(), l.period_label(s.from)),
        format!("{} {}", l.total(), l.period_label(s.to)),
        l.change().into(),
        l.pct_change().into(),
    ]
}

/// The identified count of a register report, never a bare 0 when nobody checked: "not known"
/// when no record's field check says so, else the count with how many are not known.
pub(crate) fn identified_value(l: &Labels, r: &RegisterReport) -> String {
    if r.records > 0 && r.identified_unknown >= r.records {
        l.identified_unknown_all().to_string()
    } else if r.identified_unknown > 0 {
        format!(
            "{} ({} {})",
            l.int(r.identified as i64),
            l.int(r.identified_unknown as i64),
            l.without_field_check()
        )
    } else {
        l.int(r.identified as i64)
    }
}

/// The members line of a register report, when any record states its members.
pub(crate) fn members_line(l: &Labels, r: &RegisterReport) -> Option<String> {
    (r.members.records_with_members > 0).then(|| {
        format!(
            "{}: {} ({} {})",
            l.members(),
            l.int(r.members.total as i64),
            l.int(r.members.records_with_members as i64),
            l.coops_with_members()
        )
    })
}

/// The badan hukum summary line of a register report.
pub(crate) fn badan_hukum_line(l: &Labels, b: &koperasi::report::BadanHukumSummary) -> String {
    format!(
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
    )
}

fn unresolved_text(d: &mut Doc, r: &RegisterReport) {
    let l = d.l;
    if !r.unresolved_regions.is_empty() {
        d.heading(l.unresolved_regions());
        let mut t = d.table(
            vec![l.name().into(), l.count().into(), l.did_you_mean().into()],
            &[1],
        );
        for u in &r.unresolved_regions {
            t.add_row(vec![
                u.name.clone(),
                l.int(u.count as i64),
                u.suggestions.join("; "),
            ]);
        }
        d.push_table(&t);
        d.line(l.hint_region());
    }
}

fn duplicates_text(d: &mut Doc, r: &RegisterReport) {
    let l = d.l;
    d.heading(&format!("{} ({})", l.duplicates(), r.duplicates.len()));
    if r.duplicates.is_empty() {
        d.line(l.none());
    } else {
        let mut t = d.table(
            vec![l.shared().into(), l.lines().into(), l.name().into()],
            &[],
        );
        for dup in &r.duplicates {
            let (shared, lines, names) = duplicate_cells(l, dup);
            t.add_row(vec![shared, lines, names]);
        }
        d.push_table(&t);
    }
}

/// A duplicate group as (what is shared, its lines, its names).
pub(crate) fn duplicate_cells(
    l: &Labels,
    dup: &koperasi::report::DuplicateReport,
) -> (String, String, String) {
    let key = match dup.group.key {
        koperasi::register::DuplicateKey::Nik => l.key_nik(),
        koperasi::register::DuplicateKey::BadanHukum => l.key_badan_hukum(),
        koperasi::register::DuplicateKey::Name => l.key_name(),
    };
    let lines: Vec<String> = dup
        .members
        .iter()
        .map(|(line, _)| line.map(|x| x.to_string()).unwrap_or_default())
        .collect();
    let names: Vec<&str> = dup.members.iter().map(|(_, n)| n.as_str()).collect();
    (
        format!("{key}: {}", dup.group.value),
        lines.join(", "),
        names.join(" | "),
    )
}

/// A status reason as shown: its label and detail in the chosen language.
pub(crate) fn reason_text(l: &Labels, x: &koperasi::status::Reason) -> String {
    if l.id {
        format!("{}: {}", x.label_id, x.detail_id)
    } else {
        format!("{}: {}", x.label_en, x.detail)
    }
}

/// One CSV cell made safe: [`safe::terminal_text`] (the CSV may be printed to a terminal;
/// line feeds stay), then the spreadsheet rule [`safe::csv_cell`] for `kind`.
pub fn csv_cell(text: &str, kind: CellKind) -> String {
    safe::csv_cell(&safe::terminal_text(text), kind).into_owned()
}

/// Rows as CSV (rows may differ in width), every cell made safe by [`csv_cell`] with the kind
/// `kind(row, column)` gives: [`CellKind::Number`] keeps a plain negative number such as `-5`,
/// [`CellKind::Text`] prefixes it.
pub fn csv_out(
    rows: &[Vec<String>],
    kind: impl Fn(usize, usize) -> CellKind,
) -> Result<String, crate::Failure> {
    csv_with(rows, kind, b',', csv::Terminator::Any(b'\n'))
}

/// [`csv_out`] with another delimiter and line end (the Excel CSV of [`crate::excel_csv`]).
pub fn csv_with(
    rows: &[Vec<String>],
    kind: impl Fn(usize, usize) -> CellKind,
    delimiter: u8,
    terminator: csv::Terminator,
) -> Result<String, crate::Failure> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .terminator(terminator)
        .from_writer(Vec::new());
    for (r, row) in rows.iter().enumerate() {
        w.write_record(row.iter().enumerate().map(|(c, x)| csv_cell(x, kind(r, c))))?;
    }
    let bytes = w.into_inner().map_err(|e| crate::Failure(e.to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The main table of a report as CSV (plain numbers, no separators, stable snake_case codes):
/// totals per period for a panel, the counts for a register. A panel's CSV starts with its
/// "Read as" statement as `#` comment lines (English, then Indonesian; pandas:
/// `read_csv(..., comment="#")`).
pub fn report_csv(report: &Report, l: &Labels) -> Result<String, crate::Failure> {
    let table = report_table_csv(report, l)?;
    Ok(match report {
        Report::Panel(p) if l.id => format!(
            "# dibaca_sebagai: {}\n{table}",
            one_line(&p.read_as.text_id)
        ),
        Report::Panel(p) => format!(
            "# read_as: {}\n# dibaca_sebagai: {}\n{table}",
            one_line(&p.read_as.text_en),
            one_line(&p.read_as.text_id)
        ),
        Report::Register(_) => table,
    })
}

/// `text` on one line (line breaks as spaces), for a comment line.
fn one_line(text: &str) -> String {
    text.split(['\n', '\r']).collect::<Vec<_>>().join(" ")
}

fn report_table_csv(report: &Report, l: &Labels) -> Result<String, crate::Failure> {
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
                    "summed",
                    "total_rows",
                    "comparable",
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
                    r.summed.to_string(),
                    r.total_rows.to_string(),
                    r.comparable.to_string(),
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
    // The period or the breakdown keys are text, the figures numbers.
    let text_columns = match report {
        Report::Panel(_) => 1,
        Report::Register(r) => r.counts.fields.len(),
    };
    csv_in(l, &rows, usize::MAX, |r, c| {
        if r == 0 || c < text_columns {
            CellKind::Text
        } else {
            CellKind::Number
        }
    })
}

/// [`csv_out`] in English; in Indonesian the Excel CSV of [`crate::excel_csv`], the first
/// `ours` columns with Indonesian headers and values.
pub(crate) fn csv_in(
    l: &Labels,
    rows: &[Vec<String>],
    ours: usize,
    kind: impl Fn(usize, usize) -> CellKind,
) -> Result<String, crate::Failure> {
    if l.id {
        crate::excel_csv::write(&crate::excel_csv::localise(rows, ours, l), kind)
    } else {
        csv_out(rows, kind)
    }
}

fn read_of(report: &Report) -> &ReadReport {
    match report {
        Report::Panel(p) => &p.read,
        Report::Register(r) => &r.read,
    }
}

/// `koperasi check` as text: findings (panels), rejected rows, unreadable cells.
pub fn check_text(report: &Report, l: &Labels, md: bool) -> String {
    let mut d = Doc::new(l, md);
    // A panel's "Read as" statement comes first; a register is named after its source.
    match report {
        Report::Panel(p) => {
            let line = read_as_line(&d, p);
            d.line(line);
            d.line(format!("{}: {}", l.source(), d.esc(&p.source)));
        }
        Report::Register(r) => {
            d.line(format!("{}: {}", l.source(), d.esc(&r.source)));
            d.line(format!("{}: {}", l.read_as(), l.kind_register()));
        }
    }
    d.line(read_line(&d, read_of(report)));
    ignored_columns_line(&mut d, read_of(report));
    if let Report::Panel(p) = report {
        findings_text(&mut d, &p.findings);
    }
    if let Report::Register(r) = report {
        unresolved_text(&mut d, r);
        duplicates_text(&mut d, r);
        office::register_sections(&mut d, r, false);
    }
    rejections_text(&mut d, read_of(report));
    d.out
}

/// `koperasi check` of a file of published statements as text: its source, how it was read,
/// the findings of the statement checks (their lines), the rejected rows.
pub fn statements_check_text(
    source: &str,
    read: &ReadReport,
    findings: &[Finding],
    l: &Labels,
    md: bool,
) -> String {
    let mut d = Doc::new(l, md);
    d.line(format!("{}: {}", l.source(), d.esc(source)));
    let kind = if l.id {
        "pernyataan yang dipublikasikan (satu angka per baris)"
    } else {
        "published statements (one figure per row)"
    };
    d.line(format!("{}: {kind}", l.read_as()));
    d.line(read_line(&d, read));
    findings_text(&mut d, findings);
    rejections_text(&mut d, read);
    d.out
}

/// `koperasi check` as JSON.
pub fn check_json(report: &Report) -> serde_json::Value {
    match report {
        Report::Panel(p) => {
            serde_json::json!({ "read_as": p.read_as, "read": p.read, "findings": p.findings })
        }
        Report::Register(r) => serde_json::json!({
            "read": r.read,
            "findings": r.findings,
            "unresolved_regions": r.unresolved_regions,
            "duplicates": r.duplicates,
            "unknown_jenis": r.unknown_jenis,
            "office_status": r.office_status,
        }),
    }
}

/// `koperasi check` as CSV: one row per problem.
pub fn check_csv(report: &Report, l: &Labels) -> Result<String, crate::Failure> {
    let mut rows = vec![
        ["kind", "line", "column", "value", "code", "reason"]
            .map(String::from)
            .to_vec(),
    ];
    let r = read_of(report);
    for (kind, list) in [
        ("rejected_row", &r.rejected),
        ("cell_error", &r.cell_errors),
        ("skipped_line", &r.skipped),
    ] {
        for x in list {
            rows.push(vec![
                kind.into(),
                x.line.to_string(),
                x.column.clone().unwrap_or_default(),
                x.value.clone().unwrap_or_default(),
                x.code.clone(),
                rejection_reason(l, x),
            ]);
        }
    }
    if let Report::Register(reg) = report {
        for u in &reg.unresolved_regions {
            let hint = match (u.suggestions.is_empty(), l.id) {
                (true, _) => String::new(),
                (false, true) => format!("; mungkin maksudnya {}?", u.suggestions.join(" atau ")),
                (false, false) => format!("; did you mean {}?", u.suggestions.join(" or ")),
            };
            let reason = if l.id {
                format!(
                    "{} data menyebut wilayah yang tidak cocok dengan kode Kemendagri{hint}",
                    u.count
                )
            } else {
                format!(
                    "{} record(s) name a region that matches no Kemendagri code{hint}",
                    u.count
                )
            };
            rows.push(vec![
                "unresolved_region".into(),
                String::new(),
                u.level.as_str().into(),
                u.name.clone(),
                "wilayah_not_found".into(),
                reason,
            ]);
        }
        for dup in &reg.duplicates {
            let lines: Vec<String> = dup
                .members
                .iter()
                .map(|(l, _)| l.map(|x| x.to_string()).unwrap_or_default())
                .collect();
            rows.push(vec![
                "duplicate".into(),
                lines.join(" "),
                dup.group.key.as_str().into(),
                dup.group.value.clone(),
                format!("duplicate_{}", dup.group.key.as_str()),
                if l.id {
                    format!(
                        "{} data memiliki {} yang sama",
                        dup.members.len(),
                        dup.group.key.as_str()
                    )
                } else {
                    format!(
                        "{} records share this {}",
                        dup.members.len(),
                        dup.group.key.as_str()
                    )
                },
            ]);
        }
        rows.extend(office::check_csv_rows(reg));
    }
    let findings = match report {
        Report::Panel(p) => &p.findings,
        Report::Register(r) => &r.findings,
    };
    {
        for f in findings {
            let lines: Vec<String> = f.lines.iter().map(u64::to_string).collect();
            rows.push(vec![
                "finding".into(),
                lines.join(" "),
                f.measure.clone().unwrap_or_default(),
                String::new(),
                f.code.clone(),
                (if l.id { &f.message_id } else { &f.message_en }).clone(),
            ]);
        }
    }
    csv_in(l, &rows, usize::MAX, |_, _| CellKind::Text)
}

/// `koperasi assess` as text: one row per cooperative.
pub fn status_rows_text(rows: &[StatusRow], l: &Labels, md: bool) -> String {
    let mut d = Doc::new(l, md);
    let mut t = d.table(
        vec![
            l.line().into(),
            l.name().into(),
            l.region().into(),
            l.status().into(),
            l.reason().into(),
        ],
        &[0],
    );
    for r in rows {
        let reasons: Vec<String> = r
            .assessment
            .reasons
            .iter()
            .map(|x| reason_text(l, x))
            .collect();
        t.add_row(vec![
            r.line.map(|x| x.to_string()).unwrap_or_default(),
            r.name.clone(),
            r.region.clone().unwrap_or_default(),
            status_label(l, r.assessment.status).to_string(),
            reasons.join("; "),
        ]);
    }
    d.push_table(&t);
    d.out
}

/// `koperasi assess` as CSV: one row per cooperative, codes and details in plain columns.
pub fn status_rows_csv(rows: &[StatusRow], l: &Labels) -> Result<String, crate::Failure> {
    // The file's other columns (e.g. `Keterangan`) follow, in their first-seen order.
    let extra = ExtraColumns::new(rows);
    let mut header: Vec<String> = [
        "line",
        "source_id",
        "name",
        "region",
        "desa",
        "status",
        "reason_codes",
        "reasons",
        "reasons_id",
        "identified",
        "latest_rat_book_year",
    ]
    .map(String::from)
    .to_vec();
    header.extend(extra.headers.iter().map(|h| h.to_string()));
    let mut out = vec![header];
    for (i, r) in rows.iter().enumerate() {
        let a = &r.assessment;
        let codes: Vec<&str> = a.reasons.iter().map(|x| x.code.as_str()).collect();
        let details: Vec<&str> = a.reasons.iter().map(|x| x.detail.as_str()).collect();
        let details_id: Vec<&str> = a.reasons.iter().map(|x| x.detail_id.as_str()).collect();
        let mut row = vec![
            r.line.map(|x| x.to_string()).unwrap_or_default(),
            r.source_id.clone().unwrap_or_default(),
            r.name.clone(),
            r.region.clone().unwrap_or_default(),
            r.desa.clone().unwrap_or_default(),
            a.status.code().to_string(),
            codes.join(" "),
            details.join("; "),
            details_id.join("; "),
            a.identified.map(|b| b.to_string()).unwrap_or_default(),
            a.latest_rat_book_year
                .map(|y| y.to_string())
                .unwrap_or_default(),
        ];
        row.extend(extra.cells(i, &r.extra));
        out.push(row);
    }
    // `line` and `latest_rat_book_year` are numbers, the file's own columns of unknown type
    // (a plain negative number stays a number), the rest text.
    let ours = out.first().map_or(0, |h| h.len() - extra.headers.len());
    csv_in(l, &out, ours, |r, c| match c {
        _ if r == 0 => CellKind::Text,
        1..=9 => CellKind::Text,
        _ => CellKind::Number,
    })
}

/// The extra columns of records (their `(header, value)` pairs), in first-seen order. A
/// header that occurs twice in one record (two `Keterangan` columns) gives two columns, so
/// that no value is lost. One map lookup per cell: time linear in the cells, however wide
/// the file.
pub(crate) struct ExtraColumns<'a> {
    pub(crate) headers: Vec<&'a str>,
    /// For each record, the column of each of its pairs; `None` when every record has the
    /// headers of the first, in its order (pair `i` in column `i`).
    slots: Option<Vec<Vec<usize>>>,
}

impl<'a> ExtraColumns<'a> {
    pub(crate) fn new(rows: &'a [StatusRow]) -> Self {
        // Most often every record has the same extra headers in the same order (the file's
        // unknown columns): the columns are then those of the first record, in place.
        let first = rows.first().map_or(&[][..], |r| r.extra.as_slice());
        let same = |r: &StatusRow| {
            r.extra.len() == first.len() && r.extra.iter().zip(first).all(|(a, b)| a.0 == b.0)
        };
        if rows.iter().all(same) {
            return ExtraColumns {
                headers: first.iter().map(|(h, _)| h.as_str()).collect(),
                slots: None,
            };
        }
        // header -> (its columns by occurrence, the record last counted, occurrences in it)
        let mut by_header: std::collections::HashMap<&str, (Vec<usize>, usize, usize)> =
            std::collections::HashMap::with_capacity(first.len());
        let mut headers: Vec<&str> = Vec::new();
        let mut slots = Vec::with_capacity(rows.len());
        for (r, row) in rows.iter().enumerate() {
            let row_slots = row
                .extra
                .iter()
                .map(|(h, _)| {
                    let (cols, last, n) = by_header
                        .entry(h.as_str())
                        .or_insert_with(|| (Vec::new(), r, 0));
                    if *last != r {
                        (*last, *n) = (r, 0);
                    }
                    *n += 1;
                    match cols.get(*n - 1) {
                        Some(c) => *c,
                        None => {
                            cols.push(headers.len());
                            headers.push(h.as_str());
                            headers.len() - 1
                        }
                    }
                })
                .collect();
            slots.push(row_slots);
        }
        ExtraColumns {
            headers,
            slots: Some(slots),
        }
    }

    /// The extra values of record `r` (of `extra`), one per column (empty where it has none).
    pub(crate) fn cells(&self, r: usize, extra: &[(String, String)]) -> Vec<String> {
        let Some(slots) = &self.slots else {
            return extra.iter().map(|(_, v)| v.clone()).collect();
        };
        let mut out = vec![String::new(); self.headers.len()];
        let slots = slots.get(r).map_or(&[][..], Vec::as_slice);
        for (slot, (_, v)) in slots.iter().zip(extra) {
            if let Some(cell) = out.get_mut(*slot) {
                cell.clone_from(v);
            }
        }
        out
    }
}

/// Region search results as a table (Indonesian headers when `id`).
pub fn wilayah_text(hits: &[&Wilayah], md: bool, id: bool) -> String {
    let l = Labels::new(id);
    let mut d = Doc::new(&l, md);
    let header = [l.region_code(), l.name(), l.region_level()];
    let mut t = d.table(header.iter().map(|h| h.to_string()).collect(), &[]);
    for w in hits {
        let level = match w.level {
            Level::Provinsi => l.provinsi(),
            Level::KabupatenKota => l.kab_kota(),
            Level::Kecamatan => l.kecamatan(),
            Level::DesaKelurahan => l.desa(),
        };
        t.add_row(vec![w.code.to_string(), w.name.clone(), level.to_string()]);
    }
    d.push_table(&t);
    d.out
}

/// Region search results as CSV.
pub fn wilayah_csv(hits: &[&Wilayah]) -> Result<String, crate::Failure> {
    let mut rows = vec![vec!["code".to_string(), "name".into(), "level".into()]];
    for w in hits {
        rows.push(vec![
            w.code.to_string(),
            w.name.clone(),
            w.level.as_str().to_string(),
        ]);
    }
    csv_out(&rows, |_, _| CellKind::Text)
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_are_shortened() {
        assert_eq!(super::lines_text(&[20, 58, 96]), "20, 58, 96");
        assert_eq!(
            super::lines_text(&[3, 4, 762, 763, 764, 799]),
            "3, 4, 762-764, 799"
        );
        assert_eq!(super::lines_text(&[]), "");
    }
}
