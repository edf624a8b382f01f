//! The results of `report`, `assess` and `check` as a [`Book`]: the notes (source, how the file
//! was read, as-of date, policy, definitions) and one section per table of the text report,
//! labelled in the chosen language. Nothing is computed here: the figures come from
//! `koperasi::report`; labels and keys are those of the text report ([`crate::render`]).

use crate::book::{Book, Cell, ChartKind, Section, SheetChart};
use crate::labels::Labels;
use crate::render::{self, ExtraColumns};
use koperasi::io::ReadReport;
use koperasi::report::{PanelReport, RegisterReport, Report, StatusRow};
use koperasi::stats::Finding;
use koperasi::status::{Status, StatusPolicy};

/// What a status means, in the words of the notes sheet: (status, English, Indonesian).
const STATUS_DEFINITIONS: [(Status, &str, &str); 6] = [
    (
        Status::Active,
        "held its RAT (annual members' meeting) as the policy requires, or found running by the latest field check",
        "mengadakan RAT sesuai kebijakan, atau ditemukan berjalan pada verifikasi lapangan terakhir",
    ),
    (
        Status::Inactive,
        "no RAT as the policy requires, or found not running",
        "tidak mengadakan RAT sesuai kebijakan, atau ditemukan tidak berjalan",
    ),
    (
        Status::NotFound,
        "not found at its address by the latest field check",
        "tidak ditemukan di alamatnya pada verifikasi lapangan terakhir",
    ),
    (
        Status::Dissolved,
        "dissolved on or before the date",
        "dibubarkan pada atau sebelum tanggal tersebut",
    ),
    (
        Status::NotYetDue,
        "too young for any RAT to be due",
        "terlalu baru sehingga belum ada RAT yang jatuh tempo",
    ),
    (
        Status::NotAssessable,
        "the record lacks the facts the policy needs",
        "data tidak memuat fakta yang diperlukan kebijakan",
    ),
];

/// The notes on the as-of date, the policy and what each status means.
fn status_notes(b: &mut Book, l: &Labels, as_of: koperasi::NaiveDate, policy: &StatusPolicy) {
    b.note(l.as_of(), l.date(as_of));
    b.note(l.policy(), l.policy_name(&policy.name));
    if !policy.source.is_empty() {
        b.note(format!("{} ({})", l.source(), l.policy()), &policy.source);
    }
    for (s, en, id) in STATUS_DEFINITIONS {
        let label = render::status_label(l, s);
        b.note(
            format!("{}: {label}", l.status()),
            if l.id { id } else { en },
        );
    }
}

/// Source, how the file was read, the columns not recognised.
fn read_notes(b: &mut Book, l: &Labels, source: &str, read_as: &str, read: &ReadReport) {
    b.note(l.source(), source);
    b.note(l.read_as(), read_as);
    b.note(l.read(), render::read_summary(l, read));
    let unknown = read.unknown_columns();
    if !unknown.is_empty() {
        b.note(l.kept_columns(), unknown.join(", "));
    }
}

/// `koperasi report` as a book. `policy` is the policy the report was made with.
pub fn report_book(report: &Report, l: &Labels, policy: &StatusPolicy) -> Book {
    let mut b = Book::new(l.id);
    match report {
        Report::Panel(p) => panel_book(&mut b, l, p),
        Report::Register(r) => {
            read_notes(&mut b, l, &r.source, l.kind_register(), &r.read);
            status_notes(&mut b, l, r.as_of, policy);
            register_sections(&mut b, l, r);
        }
    }
    b
}

fn panel_book(b: &mut Book, l: &Labels, p: &PanelReport) {
    let text = if l.id {
        &p.read_as.text_id
    } else {
        &p.read_as.text_en
    };
    read_notes(b, l, &p.source, text, &p.read);
    b.note(l.regions(), l.int(p.regions as i64));
    if p.periods.iter().any(|r| !r.comparable) {
        b.note(l.note(), l.not_comparable());
    }
    b.sections.push(totals_section(l, p));
    if let Some(s) = &p.span {
        for line in render::growth_lines(l, s) {
            b.note(l.growth(), line);
        }
        for (title, rows) in [
            (l.grew_most(), &p.grew_most),
            (l.shrank_most(), &p.shrank_most),
        ] {
            let mut t = Section::new(title, render::growth_headers(l, s));
            for g in rows {
                t.rows.push(vec![
                    Cell::text(&g.region),
                    Cell::Int(g.from),
                    Cell::Int(g.to),
                    Cell::Int(g.change),
                    Cell::opt_pct(g.pct_change),
                ]);
            }
            b.sections.push(t);
        }
    }
    if !p.unresolved_regions.is_empty() {
        let mut t = Section::new(l.unresolved_regions(), vec![l.name()]);
        t.rows = p
            .unresolved_regions
            .iter()
            .map(|n| vec![Cell::text(n)])
            .collect();
        b.sections.push(t);
    }
    b.sections.push(findings_section(l, &p.findings));
    rejection_sections(b, l, &p.read);
}

fn totals_section(l: &Labels, p: &PanelReport) -> Section {
    let mut t = Section::new(
        l.totals_per_period(),
        vec![
            l.period(),
            l.regions(),
            l.total_rows(),
            l.aktif(),
            l.tidak_aktif(),
            l.total(),
            l.change(),
            l.pct_change(),
            l.active_share(),
        ],
    );
    for r in &p.periods {
        t.rows.push(vec![
            Cell::Text(l.period_label(r.period)),
            Cell::count(r.regions),
            Cell::count(r.total_rows),
            Cell::opt_int(r.aktif),
            Cell::opt_int(r.tidak_aktif),
            Cell::opt_int(r.total),
            Cell::opt_int(r.change),
            Cell::opt_pct(r.pct_change),
            Cell::opt_pct(r.active_share),
        ]);
    }
    let rows = t.rows.len();
    let has = |f: fn(&koperasi::report::PeriodTotals) -> bool| p.periods.iter().any(f);
    t.charts = vec![
        SheetChart {
            kind: ChartKind::Line,
            title: l.totals_per_period().into(),
            category: 0,
            series: vec![(5, Some("#1565C0"))],
            rows: if has(|r| r.total.is_some()) { rows } else { 0 },
        },
        SheetChart {
            kind: ChartKind::StackedColumn,
            title: format!("{} / {}", l.aktif(), l.tidak_aktif()),
            category: 0,
            series: vec![(3, Some("#2E7D32")), (4, Some("#C62828"))],
            rows: if has(|r| r.aktif.is_some() || r.tidak_aktif.is_some()) {
                rows
            } else {
                0
            },
        },
    ];
    t
}

fn register_sections(b: &mut Book, l: &Labels, r: &RegisterReport) {
    b.note(l.records(), l.int(r.records as i64));
    b.note(l.on_register(), l.int(r.on_register as i64));
    if let Some(note) = render::status_note(l, r) {
        b.note(l.note(), note);
    }
    b.note(l.identified(), render::identified_value(l, r));
    b.note(
        l.active_without_latest_rat(),
        l.int(r.active_without_latest_rat as i64),
    );
    if let Some(line) = render::members_line(l, r) {
        labelled_note(b, &line);
    }
    labelled_note(b, &render::badan_hukum_line(l, &r.badan_hukum));
    b.sections.push(counts_section(l, r));
    let mut t = Section::new(l.status(), vec![l.status(), l.reason(), l.count()]);
    for (s, n) in r.status_counts.iter().filter(|(_, n)| **n > 0) {
        t.rows.push(vec![
            Cell::text(render::status_label(l, *s)),
            Cell::Text(render::reasons_cell(l, &r.reasons, *s)),
            Cell::count(*n),
        ]);
    }
    t.charts.push(bar_chart(l.status(), 2, t.rows.len()));
    b.sections.push(t);
    if let Some(c) = &r.policy_comparison {
        render::compare::book_sections(b, c, l, render::compare::Detail::Summary);
    }
    if let Some(f) = &r.funnel {
        for line in render::funnel::lines(f, l) {
            b.note(render::funnel::title(l).to_string(), line);
        }
        b.sections.push(render::funnel::section(f, l));
    }
    let mut t = Section::new(l.registrations(), vec![l.year(), l.count()]);
    for (y, n) in &r.registrations.by_year {
        t.rows.push(vec![Cell::number(*y), Cell::count(*n)]);
    }
    t.rows.push(vec![
        Cell::text(l.no_year()),
        Cell::count(r.registrations.unknown),
    ]);
    b.sections.push(t);
    register_problems(b, l, r);
}

/// A `Label: value` line of the text report as a note (item `Label`, the value after it).
fn labelled_note(b: &mut Book, line: &str) {
    match line.split_once(": ") {
        Some((item, value)) => b.note(item, value),
        None => b.note("", line),
    }
}

/// Counts by the breakdown, with a total row.
fn counts_section(l: &Labels, r: &RegisterReport) -> Section {
    let counts = &r.counts;
    let by: Vec<&str> = counts
        .fields
        .iter()
        .map(|f| render::field_label(l, *f))
        .collect();
    let mut header: Vec<String> = by.iter().map(|s| s.to_string()).collect();
    header.push(l.count().into());
    let mut t = Section::new(format!("{} {}", l.counts_by(), by.join(" x ")), header);
    for (keys, n) in &counts.rows {
        let mut row: Vec<Cell> = counts
            .fields
            .iter()
            .zip(keys)
            .map(|(f, k)| Cell::Text(render::key_label(l, *f, k)))
            .collect();
        row.push(Cell::count(*n));
        t.rows.push(row);
    }
    let mut total: Vec<Cell> = vec![Cell::Empty; by.len()];
    if let Some(first) = total.first_mut() {
        *first = Cell::text(l.total());
    }
    total.push(Cell::count(counts.rows.iter().map(|(_, n)| n).sum()));
    if by.len() == 1 {
        // One bar per key (the total row left out).
        t.charts.push(bar_chart(&t.title, 1, t.rows.len()));
    }
    t.rows.push(total);
    t
}

/// Bars of column `values` over the first `rows` rows, labelled by column 0.
fn bar_chart(title: &str, values: usize, rows: usize) -> SheetChart {
    SheetChart {
        kind: ChartKind::Bar,
        title: title.to_string(),
        category: 0,
        series: vec![(values, Some("#1565C0"))],
        rows,
    }
}

/// Unresolved region names and possible duplicates of a register, then its rejections.
fn register_problems(b: &mut Book, l: &Labels, r: &RegisterReport) {
    if !r.unresolved_regions.is_empty() {
        let mut t = Section::new(
            l.unresolved_regions(),
            vec![l.name(), l.count(), l.did_you_mean()],
        );
        for u in &r.unresolved_regions {
            t.rows.push(vec![
                Cell::text(&u.name),
                Cell::count(u.count),
                Cell::Text(u.suggestions.join("; ")),
            ]);
        }
        b.sections.push(t);
    }
    let mut t = Section::new(l.duplicates(), vec![l.shared(), l.lines(), l.name()]);
    for dup in &r.duplicates {
        let (shared, lines, names) = render::duplicate_cells(l, dup);
        t.rows.push(vec![
            Cell::Text(shared),
            Cell::Text(lines),
            Cell::Text(names),
        ]);
    }
    b.sections.push(t);
    rejection_sections(b, l, &r.read);
}

fn findings_section(l: &Labels, findings: &[Finding]) -> Section {
    let mut t = Section::new(
        l.findings(),
        vec![l.severity(), l.finding(), code_header(l), l.lines()],
    );
    for f in findings {
        t.rows.push(vec![
            Cell::text(render::severity(l, f)),
            Cell::text(if l.id { &f.message_id } else { &f.message_en }),
            Cell::text(&f.code),
            Cell::Text(render::lines_text(&f.lines)),
        ]);
    }
    t
}

/// Rejected rows and unreadable cells, one section each.
fn rejection_sections(b: &mut Book, l: &Labels, r: &ReadReport) {
    for (title, list) in [
        (l.rejected_rows(), &r.rejected),
        (l.cell_errors(), &r.cell_errors),
    ] {
        let mut t = Section::new(
            title,
            vec![l.line(), l.column(), l.value(), l.reason(), code_header(l)],
        );
        for x in list {
            t.rows.push(vec![
                match &x.cell {
                    Some(cell) => Cell::Text(format!("{} ({cell})", x.line)),
                    None => Cell::number(x.line),
                },
                Cell::Text(x.column.clone().unwrap_or_default()),
                Cell::Text(x.value.clone().unwrap_or_default()),
                Cell::Text(render::rejection_reason(l, x)),
                Cell::text(&x.code),
            ]);
        }
        b.sections.push(t);
    }
}

/// `koperasi check` as a book: how the file was read, then its problems.
pub fn check_book(report: &Report, l: &Labels) -> Book {
    let mut b = Book::new(l.id);
    match report {
        Report::Panel(p) => {
            let text = if l.id {
                &p.read_as.text_id
            } else {
                &p.read_as.text_en
            };
            read_notes(&mut b, l, &p.source, text, &p.read);
            b.sections.push(findings_section(l, &p.findings));
            rejection_sections(&mut b, l, &p.read);
        }
        Report::Register(r) => {
            read_notes(&mut b, l, &r.source, l.kind_register(), &r.read);
            register_problems(&mut b, l, r);
        }
    }
    b
}

/// `koperasi assess` as a book: one row per cooperative, with the file's other columns.
pub fn assess_book(
    rows: &[StatusRow],
    l: &Labels,
    source: &str,
    as_of: koperasi::NaiveDate,
    policy: &StatusPolicy,
) -> Book {
    let mut b = Book::new(l.id);
    b.note(l.source(), source);
    b.note(l.records(), l.int(rows.len() as i64));
    status_notes(&mut b, l, as_of, policy);
    let extra = ExtraColumns::new(rows);
    let (yes, no) = if l.id { ("ya", "tidak") } else { ("yes", "no") };
    let mut header: Vec<String> = [
        l.line(),
        "ID",
        l.name(),
        l.region(),
        l.desa(),
        l.status(),
        l.reason(),
        code_header(l),
        l.identified(),
        if l.id {
            "Tahun buku RAT terakhir"
        } else {
            "Latest RAT book year"
        },
    ]
    .map(String::from)
    .to_vec();
    header.extend(extra.headers.iter().map(|h| h.to_string()));
    let mut t = Section::new(l.status(), header);
    for (i, r) in rows.iter().enumerate() {
        let a = &r.assessment;
        let reasons: Vec<String> = a
            .reasons
            .iter()
            .map(|x| render::reason_text(l, x))
            .collect();
        let codes: Vec<&str> = a.reasons.iter().map(|x| x.code.as_str()).collect();
        let mut row = vec![
            r.line.map_or(Cell::Empty, Cell::number),
            Cell::Text(r.source_id.clone().unwrap_or_default()),
            Cell::text(&r.name),
            Cell::Text(r.region.clone().unwrap_or_default()),
            Cell::Text(r.desa.clone().unwrap_or_default()),
            Cell::text(render::status_label(l, a.status)),
            Cell::Text(reasons.join("; ")),
            Cell::Text(codes.join(" ")),
            a.identified
                .map_or(Cell::Empty, |x| Cell::text(if x { yes } else { no })),
            a.latest_rat_book_year.map_or(Cell::Empty, Cell::number),
        ];
        row.extend(extra.cells(i, &r.extra).into_iter().map(Cell::Text));
        t.rows.push(row);
    }
    b.sections.push(t);
    b
}

/// The header of a column of stable codes.
fn code_header(l: &Labels) -> &'static str {
    if l.id { "Kode" } else { "Code" }
}

/// `koperasi assess FILE --compare a,b,c` as a book: the source, then every table of the
/// comparison ([`render::compare::blocks`]).
pub fn compare_book(
    c: &koperasi::status::PolicyComparison,
    records: &[koperasi::Koperasi],
    l: &Labels,
    source: &str,
) -> Book {
    let mut b = Book::new(l.id);
    b.note(l.source(), source);
    render::compare::book_sections(&mut b, c, l, render::compare::Detail::Full(records));
    b
}
