//! `koperasi kopdes`: Koperasi Desa/Kelurahan Merah Putih (a thin shell over
//! `koperasi::kopdes`): `coverage` of every desa/kelurahan, `statistics` of a SIMKOPDES
//! statistics export.

use crate::book::{Book, Cell, ChartKind, Section, SheetChart};
use crate::render::{SafeTable, csv_out};
use crate::{Failure, Format, Locale};
use comfy_table::{ContentArrangement, Table, presets};
use koperasi::io::safe::CellKind;
use koperasi::kopdes::coverage::{
    Coverage, CoverageOptions, CoverageRow, coverage, entries_from_register,
};
use koperasi::kopdes::matching::{LevelMatch, MatchSummary};
use koperasi::kopdes::simkopdes::{DateSource, StatsOptions, StatsSnapshot, read_statistics};
use koperasi::kopdes::statistics_report;
use koperasi::wilayah::{KodeWilayah, RegionLevel, table};
use std::path::{Path, PathBuf};

/// `koperasi kopdes ...`.
#[derive(clap::Args)]
pub struct KopdesArgs {
    #[command(subcommand)]
    command: KopdesCommand,
}

impl KopdesArgs {
    /// True when the subcommand was given `--locale id` (its default).
    pub fn indonesian(&self) -> bool {
        match &self.command {
            KopdesCommand::Coverage(c) => c.locale == Locale::Id,
            KopdesCommand::Statistics(s) => s.locale == Locale::Id,
            KopdesCommand::Stages(c) => c.indonesian(),
        }
    }
}

/// The subcommands of `koperasi kopdes`.
#[derive(clap::Subcommand)]
pub enum KopdesCommand {
    /// Coverage of every desa/kelurahan by a KDMP/KKMP: with one, without, with several,
    /// mergers; by provinsi, kab/kota, kecamatan or desa. FILE: a register of KDMP/KKMP (desa
    /// names or codes, or the desa in the coop's name), a SIMKOPDES location export, or the
    /// village table of a SIMKOPDES statistics export.
    Coverage(CoverageArgs),
    /// Read a SIMKOPDES statistics export (by province, district, subdistrict or village):
    /// regions matched to Kemendagri codes, the level above checked, a previous snapshot
    /// compared.
    Statistics(StatisticsArgs),
    #[command(flatten)]
    Stages(Box<crate::kopdes_stages::StagesCommand>),
}

#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq)]
enum LevelArg {
    Nasional,
    Provinsi,
    Kabkota,
    Kecamatan,
    Desa,
}

#[derive(clap::Args)]
pub struct CoverageArgs {
    /// CSV file (register, SIMKOPDES location export or village statistics table).
    file: PathBuf,
    /// Level of the rows.
    #[arg(long, value_enum, default_value_t = LevelArg::Provinsi)]
    level: LevelArg,
    /// Report on this region only (a code: `35.12`, `3512`).
    #[arg(long, value_name = "CODE")]
    region: Option<String>,
    /// List the desa/kelurahan without a cooperative instead of the table by region.
    #[arg(long)]
    without_coop: bool,
    /// Output format: table (text), json, csv (the table by region; with `--without-coop`
    /// the desa/kelurahan without a cooperative), xlsx (needs `-o FILE`) or html.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Labels.
    #[arg(long, value_enum, default_value_t = Locale::En)]
    locale: Locale,
    /// Write the output to this file instead of standard output (required for xlsx).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct StatisticsArgs {
    /// The statistics table (CSV), e.g. kopdes_stats_district.csv.
    file: PathBuf,
    /// The table one level up (e.g. the province table for a district table): its figures
    /// must equal the sums of the rows written under them.
    #[arg(long, value_name = "FILE")]
    parent: Option<PathBuf>,
    /// An earlier snapshot of the same level: what changed where.
    #[arg(long, value_name = "FILE")]
    previous: Option<PathBuf>,
    /// The date the figures describe (YYYY-MM-DD), when the file name does not say it.
    #[arg(long, value_name = "DATE")]
    data_as_of: Option<chrono::NaiveDate>,
    /// Output format: table (text) or json.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Labels.
    #[arg(long, value_enum, default_value_t = Locale::En)]
    locale: Locale,
    /// Write the output to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Run `koperasi kopdes`.
pub fn run(a: KopdesArgs) -> Result<(), Failure> {
    match a.command {
        KopdesCommand::Coverage(c) => run_coverage(c),
        KopdesCommand::Statistics(s) => run_statistics(s),
        KopdesCommand::Stages(c) => crate::kopdes_stages::run(*c),
    }
}

/// The error for a `--format` a kopdes command does not write; `ok` lists those it does.
pub(crate) fn unsupported(f: Format, command: &str, ok: &str) -> Failure {
    let name = clap::ValueEnum::to_possible_value(&f)
        .map(|v| v.get_name().to_string())
        .unwrap_or_default();
    Failure(format!(
        "`kopdes {command}` does not write --format {name}; use {ok}"
    ))
}

/// Indonesian or English.
fn t(id: bool, in_id: &str, in_en: &str) -> String {
    if id { in_id } else { in_en }.to_string()
}

fn open(path: &Path) -> Result<std::fs::File, Failure> {
    std::fs::File::open(path).map_err(|e| {
        Failure(format!(
            "cannot open {}: {e}; check the path",
            path.display()
        ))
    })
}

fn level_of(l: LevelArg) -> RegionLevel {
    match l {
        LevelArg::Nasional => RegionLevel::Nasional,
        LevelArg::Provinsi => RegionLevel::Provinsi,
        LevelArg::Kabkota => RegionLevel::KabupatenKota,
        LevelArg::Kecamatan => RegionLevel::Kecamatan,
        LevelArg::Desa => RegionLevel::DesaKelurahan,
    }
}

fn read_snapshot(
    path: &Path,
    data_as_of: Option<chrono::NaiveDate>,
) -> Result<StatsSnapshot, Failure> {
    let options = StatsOptions {
        data_as_of,
        file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()),
        ..Default::default()
    };
    read_statistics(open(path)?, table(), &options).map_err(|e| {
        Failure(format!(
            "{}: {}",
            path.display(),
            crate::lang::error_text(&e)
        ))
    })
}

/// What the header says the file is: `Some(true)` a SIMKOPDES village statistics table,
/// `Some(false)` a statistics table above village level (a `cooperatives` count by region),
/// `None` anything else (read as a register).
fn statistics_kind(path: &Path) -> Result<Option<bool>, Failure> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(open(path)?);
    let h = rdr.headers().map_err(|e| Failure(e.to_string()))?;
    let has = |n: &str| {
        h.iter().any(|x| {
            x.trim()
                .trim_start_matches('\u{feff}')
                .eq_ignore_ascii_case(n)
        })
    };
    if !has("cooperatives") {
        return Ok(None);
    }
    Ok(Some(has("village")))
}

fn run_coverage(a: CoverageArgs) -> Result<(), Failure> {
    let region = a
        .region
        .as_deref()
        .map(KodeWilayah::parse)
        .transpose()
        .map_err(|e| {
            Failure(format!(
                "--region: {e}; give a Kemendagri code such as 35.12"
            ))
        })?;
    if region.is_some_and(|r| table().get(&r).is_none()) {
        return Err(Failure(
            "--region: no region with that code in the Kemendagri 2025 table".into(),
        ));
    }
    let (entries, how) = match statistics_kind(&a.file)? {
        Some(true) => (
            read_snapshot(&a.file, None)?.entries(),
            "SIMKOPDES village statistics",
        ),
        Some(false) => {
            return Err(Failure(
                "this file is a table of counts above village level, not a list of cooperatives: \
                 use `koperasi kopdes statistics` for it"
                    .into(),
            ));
        }
        None => {
            let options = koperasi::io::ReadOptions::default();
            match koperasi::io::read_any(open(&a.file)?, &options)? {
                koperasi::io::Table::Register(r, _) => {
                    (entries_from_register(&r.records), "register")
                }
                koperasi::io::Table::Panel(..) => {
                    return Err(Failure(
                        "this file is a table of counts, not a list of cooperatives: for a \
                         SIMKOPDES statistics table use `koperasi kopdes statistics`"
                            .into(),
                    ));
                }
            }
        }
    };
    let options = CoverageOptions {
        level: level_of(a.level),
        region,
    };
    let c = coverage(&entries, table(), &options);
    let id = a.locale == Locale::Id;
    let out = a.output.as_deref();
    match a.format {
        Format::Json => crate::output::text(&serde_json::to_string_pretty(&c)?, true, out),
        Format::Csv if a.without_coop => crate::output::text(&without_csv(&c)?, false, out),
        Format::Csv => crate::output::text(&rows_csv(&c)?, false, out),
        Format::Xlsx => crate::output::binary(
            &crate::xlsx::workbook(&coverage_book(&c, &a.file, how, id))?,
            out,
        ),
        Format::Html => crate::output::text(
            &crate::html::page(
                &coverage_book(&c, &a.file, how, id),
                &t(
                    id,
                    "Cakupan Koperasi Desa/Kelurahan Merah Putih",
                    "Koperasi Desa/Kelurahan Merah Putih coverage",
                ),
                &[],
            ),
            false,
            out,
        ),
        Format::Markdown => Err(unsupported(
            a.format,
            "coverage",
            "table, json, csv, xlsx or html",
        )),
        Format::Table => crate::output::text(
            &coverage_text(&c, &a.file, how, id, a.without_coop),
            false,
            out,
        ),
    }
}

fn table_new() -> SafeTable {
    let mut tb = Table::new();
    tb.load_style(presets::UTF8_FULL_CONDENSED);
    tb.set_content_arrangement(ContentArrangement::Dynamic);
    if !tb.is_tty() {
        tb.set_width(160);
    }
    SafeTable::new(tb, false)
}

fn coverage_header(id: bool) -> Vec<String> {
    vec![
        t(id, "Kode", "Code"),
        t(id, "Wilayah", "Region"),
        t(id, "Desa/kel.", "Desa/kel."),
        t(id, "Ada koperasi", "With a coop"),
        t(id, "Tanpa koperasi", "Without"),
        t(id, "Lebih dari satu", "Several"),
        t(id, "Koperasi", "Coops"),
        t(id, "Cakupan %", "Coverage %"),
    ]
}

fn row_cells(r: &CoverageRow) -> Vec<String> {
    vec![
        r.code.map(|c| c.to_string()).unwrap_or_default(),
        r.name.clone(),
        r.desa.to_string(),
        r.with_coop.to_string(),
        r.without_coop.to_string(),
        r.with_several.to_string(),
        r.coops.to_string(),
        format!("{:.2}", r.coverage_pct),
    ]
}

/// [`row_cells`] for the text table: numbers with the locale's separators (`6.500`, `6,500`).
fn row_text(r: &CoverageRow, l: &crate::labels::Labels) -> Vec<String> {
    let n = |x: u64| l.int(i64::try_from(x).unwrap_or(i64::MAX));
    vec![
        r.code.map(|c| c.to_string()).unwrap_or_default(),
        r.name.clone(),
        n(r.desa),
        n(r.with_coop),
        n(r.without_coop),
        n(r.with_several),
        n(r.coops),
        l.dec2(r.coverage_pct),
    ]
}

fn matching_line(m: &MatchSummary, id: bool) -> String {
    let l = crate::labels::Labels::new(id);
    let n = |x: u64| l.int(i64::try_from(x).unwrap_or(i64::MAX));
    if id {
        format!(
            "{} baris: {} cocok, {} salah induk, {} ambigu, {} tidak ditemukan; tingkat kecocokan {}",
            n(m.rows),
            n(m.matched),
            n(m.misplaced),
            n(m.ambiguous),
            n(m.not_found),
            l.pct(m.match_rate_pct)
        )
    } else {
        format!(
            "{} rows: {} matched, {} under the wrong parent, {} ambiguous, {} not found; match rate {}",
            n(m.rows),
            n(m.matched),
            n(m.misplaced),
            n(m.ambiguous),
            n(m.not_found),
            l.pct(m.match_rate_pct)
        )
    }
}

fn problem_text(at: Option<&LevelMatch>, id: bool) -> String {
    let Some(l) = at else {
        return t(id, "tanpa nama desa", "no desa name");
    };
    let mut s = format!(
        "{} `{}`: {}",
        l.level.plural(id),
        l.name,
        l.status.label(id)
    );
    if let Some(c) = l.code {
        s.push_str(&format!(" ({} {c})", t(id, "ada di", "is in")));
    }
    if let Some(w) = l.written_under {
        s.push_str(&format!(
            ", {} {w}",
            t(id, "ditulis di bawah", "written under")
        ));
    }
    if !l.candidates.is_empty() {
        s.push_str(&format!(
            "; {} {}",
            t(id, "mungkin:", "did you mean:"),
            l.candidates.join(", ")
        ));
    }
    s
}

/// The note of [`Coverage::only_region`]: the 0 % of the other rows is the file's scope (it
/// lists no coop there), not a finding; said, with the flag that reports on that region alone.
fn single_region_note(c: &Coverage, id: bool) -> Option<String> {
    let only = c.only_region.as_ref()?;
    let code = only.code;
    let others = c.rows.len() - 1;
    Some(if id {
        format!(
            "Semua koperasi dalam berkas ada di {} ({code}): {others} wilayah lain bernilai 0 karena berkas tidak memuat koperasi di sana, bukan karena di sana tidak ada koperasi. Laporan wilayah itu saja: --region {code}.\n",
            only.name
        )
    } else {
        format!(
            "All coops of the file are in {} ({code}): the other {others} regions show 0 because the file lists no coop there, not because there is none. To report on that region alone: --region {code}.\n",
            only.name
        )
    })
}

fn coverage_text(c: &Coverage, file: &Path, how: &str, id: bool, without: bool) -> String {
    let mut out = format!(
        "{} {} ({how})\n{}: {}\n{}\n{}: {}; {}: {}; {}: {}\n\n",
        t(
            id,
            "Cakupan Koperasi Desa/Kelurahan Merah Putih:",
            "Koperasi Desa/Kelurahan Merah Putih coverage:"
        ),
        file.display(),
        t(id, "Penyebut", "Denominator"),
        c.table_source,
        matching_line(&c.matching, id),
        t(id, "Koperasi ditempatkan", "Coops placed"),
        c.coops_placed,
        t(id, "tidak ditempatkan", "not placed"),
        c.coops_unplaced,
        t(id, "di luar wilayah", "outside the region"),
        c.coops_outside_region,
    );
    if without {
        let mut tb = table_new();
        tb.set_header(vec![
            t(id, "Kode", "Code"),
            t(
                id,
                "Desa/kelurahan tanpa koperasi",
                "Desa/kelurahan without a coop",
            ),
        ]);
        for d in &c.without_coop {
            tb.add_row(vec![d.code.to_string(), d.name.clone()]);
        }
        return format!("{out}{tb}\n");
    }
    let mut tb = table_new();
    tb.set_header(coverage_header(id));
    for i in 2..coverage_header(id).len() {
        if let Some(col) = tb.column_mut(i) {
            col.set_cell_alignment(comfy_table::CellAlignment::Right);
        }
    }
    let l = crate::labels::Labels::new(id);
    for r in &c.rows {
        tb.add_row(row_text(r, &l));
    }
    let mut total = row_text(&c.total, &l);
    if let Some(first) = total.first_mut() {
        *first = t(id, "Jumlah", "Total");
    }
    tb.add_row(total);
    out.push_str(&format!("{tb}\n"));
    out.push_str(&format!(
        "{}: {} ({})\n",
        t(
            id,
            "Desa/kelurahan tanpa koperasi",
            "Desa/kelurahan without a coop"
        ),
        l.int(i64::try_from(c.without_coop.len()).unwrap_or(i64::MAX)),
        t(
            id,
            "daftarnya: --without-coop",
            "list them with --without-coop"
        )
    ));
    if let Some(note) = single_region_note(c, id) {
        out.push_str(&note);
    }
    let both = c.with_several.iter().filter(|s| s.kdmp_and_kkmp).count();
    if both > 0 {
        out.push_str(&format!(
            "{}: {both}\n",
            t(
                id,
                "Desa/kelurahan dengan KDMP dan KKMP sekaligus (duplikat SIMKOPDES: satu tempat terdaftar sebagai desa dan sebagai kelurahan)",
                "Desa/kelurahan with both a KDMP and a KKMP (the SIMKOPDES duplicate: one place registered as a desa and as a kelurahan)"
            )
        ));
    }
    for s in &c.with_several {
        let what = if s.kdmp_and_kkmp {
            t(id, "KDMP dan KKMP:", "KDMP and KKMP:")
        } else {
            t(id, "Lebih dari satu koperasi:", "Several coops:")
        };
        out.push_str(&format!(
            "{} {} {}: {} ({} {})\n",
            what,
            s.desa.code,
            s.desa.name,
            s.coops,
            t(id, "baris", "lines"),
            crate::render::lines_text(&s.lines)
        ));
    }
    for m in &c.mergers {
        let names: Vec<String> = m
            .desa
            .iter()
            .map(|d| format!("{} {}", d.code, d.name))
            .collect();
        out.push_str(&format!(
            "{} {} ({} {}): {}\n",
            t(id, "Gabungan beberapa desa:", "Covers several desa:"),
            m.label,
            t(id, "baris", "line"),
            m.line,
            names.join(", ")
        ));
    }
    for p in &c.problems {
        out.push_str(&format!(
            "{} {} {}: {}\n",
            t(id, "Baris", "Line"),
            p.line,
            p.label,
            problem_text(p.at.as_ref(), id)
        ));
    }
    out
}

fn rows_csv(c: &Coverage) -> Result<String, Failure> {
    let mut rows = vec![
        vec![
            "code",
            "name",
            "desa",
            "with_coop",
            "without_coop",
            "with_several",
            "coops",
            "coverage_pct",
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>(),
    ];
    rows.extend(c.rows.iter().map(row_cells));
    csv_out(&rows, |r, col| {
        if r > 0 && col >= 2 {
            CellKind::Number
        } else {
            CellKind::Text
        }
    })
}

fn without_csv(c: &Coverage) -> Result<String, Failure> {
    let t = table();
    let name = |code: Option<KodeWilayah>| {
        code.and_then(|c| t.get(&c))
            .map(|w| w.name.clone())
            .unwrap_or_default()
    };
    let mut rows = vec![
        vec![
            "code",
            "desa_kelurahan",
            "kecamatan",
            "kabupaten_kota",
            "provinsi",
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>(),
    ];
    for d in &c.without_coop {
        rows.push(vec![
            d.code.to_string(),
            d.name.clone(),
            name(d.code.kecamatan()),
            name(d.code.kab_kota()),
            name(Some(d.code.provinsi())),
        ]);
    }
    csv_out(&rows, |_, _| CellKind::Text)
}

fn coverage_book(c: &Coverage, file: &Path, how: &str, id: bool) -> Book {
    let mut b = Book::new(id);
    b.note(
        t(id, "Berkas", "File"),
        format!("{} ({how})", file.display()),
    );
    b.note(t(id, "Penyebut", "Denominator"), c.table_source.clone());
    b.note(
        t(id, "Pencocokan nama", "Name matching"),
        matching_line(&c.matching, id),
    );
    if let Some(note) = single_region_note(c, id) {
        b.note(
            t(id, "Cakupan berkas", "Scope of the file"),
            note.trim_end().to_string(),
        );
    }
    let mut s = Section::new(t(id, "Cakupan", "Coverage"), coverage_header(id));
    for r in c.rows.iter().chain(std::iter::once(&c.total)) {
        s.rows.push(vec![
            Cell::text(r.code.map(|c| c.to_string()).unwrap_or_default()),
            Cell::text(r.name.clone()),
            Cell::count(r.desa),
            Cell::count(r.with_coop),
            Cell::count(r.without_coop),
            Cell::count(r.with_several),
            Cell::count(r.coops),
            Cell::Pct(r.coverage_pct),
        ]);
    }
    s.charts.push(SheetChart {
        kind: ChartKind::Bar,
        title: t(id, "Cakupan %", "Coverage %"),
        category: 1,
        series: vec![(7, None)],
        rows: c.rows.len(),
    });
    b.sections.push(s);
    let mut w = Section::new(
        t(id, "Tanpa koperasi", "Without a coop"),
        vec![
            t(id, "Kode", "Code"),
            t(id, "Desa/kelurahan", "Desa/kelurahan"),
        ],
    );
    w.rows = c
        .without_coop
        .iter()
        .map(|d| vec![Cell::text(d.code.to_string()), Cell::text(d.name.clone())])
        .collect();
    b.sections.push(w);
    let mut v = Section::new(
        t(id, "Lebih dari satu", "Several"),
        vec![
            t(id, "Kode", "Code"),
            t(id, "Desa/kelurahan", "Desa/kelurahan"),
            t(id, "Koperasi", "Coops"),
            t(id, "KDMP dan KKMP", "KDMP and KKMP"),
        ],
    );
    v.rows = c
        .with_several
        .iter()
        .map(|s| {
            vec![
                Cell::text(s.desa.code.to_string()),
                Cell::text(s.desa.name.clone()),
                Cell::count(u64::from(s.coops)),
                Cell::text(if s.kdmp_and_kkmp {
                    t(id, "ya", "yes")
                } else {
                    String::new()
                }),
            ]
        })
        .collect();
    b.sections.push(v);
    let mut p = Section::new(
        t(id, "Masalah", "Problems"),
        vec![
            t(id, "Baris", "Line"),
            t(id, "Nama", "Name"),
            t(id, "Masalah", "Problem"),
        ],
    );
    p.rows = c
        .problems
        .iter()
        .map(|x| {
            vec![
                Cell::number(x.line),
                Cell::text(x.label.clone()),
                Cell::text(problem_text(x.at.as_ref(), id)),
            ]
        })
        .collect();
    b.sections.push(p);
    b
}

fn run_statistics(a: StatisticsArgs) -> Result<(), Failure> {
    let snap = read_snapshot(&a.file, a.data_as_of)?;
    let parent = a
        .parent
        .as_deref()
        .map(|p| read_snapshot(p, a.data_as_of))
        .transpose()?;
    let previous = a
        .previous
        .as_deref()
        .map(|p| read_snapshot(p, None))
        .transpose()?;
    let report = statistics_report(snap, parent.as_ref(), previous.as_ref(), table());
    let l = crate::labels::Labels::new(a.locale == Locale::Id);
    let out = a.output.as_deref();
    match a.format {
        Format::Json => {
            return crate::output::text(&serde_json::to_string_pretty(&report)?, true, out);
        }
        Format::Table => {}
        f => return Err(unsupported(f, "statistics", "table or json")),
    }
    crate::output::text(
        &statistics_text(&a.file, &report, parent.is_some(), &l),
        false,
        out,
    )
}

/// The data date of a snapshot and where it comes from: `2026-08-05 (from the column
/// updated_at)`, or `unknown (give --data-as-of)`.
fn date_text(snap: &StatsSnapshot, id: bool) -> String {
    let Some(d) = snap.data_as_of else {
        return t(
            id,
            "tidak diketahui (beri --data-as-of)",
            "unknown (give --data-as-of)",
        );
    };
    let from = match (snap.data_as_of_source, snap.data_as_of_column.as_deref()) {
        (Some(DateSource::Column), Some(c)) => {
            format!(", {} {c}", t(id, "dari kolom", "from the column"))
        }
        (Some(DateSource::FileName), _) => t(id, ", dari nama berkas", ", from the file name"),
        _ => String::new(),
    };
    format!("{d}{from}")
}

/// The head of the level check: how many differences, what could not be checked and why.
fn level_check_text(
    report: &koperasi::kopdes::StatisticsReport,
    l: &crate::labels::Labels,
) -> String {
    let id = l.id;
    let head = t(
        id,
        "Selisih dengan tingkat di atas",
        "Differences with the level above",
    );
    let (Some(given), above) = (report.parent_level, report.level_above()) else {
        return String::new();
    };
    if above != Some(given) {
        let want = above.map_or_else(|| t(id, "tidak ada", "none"), |a| a.plural(id).to_string());
        return format!(
            "{head}: {} ({} {}, {} {}: {want})\n",
            t(id, "tidak diperiksa", "not checked"),
            t(id, "tabel --parent berisi", "the --parent table holds"),
            given.plural(id),
            t(id, "tingkat di atas", "the level above"),
            report.snapshot.level.plural(id),
        );
    }
    let mut s = format!("{head}: {}\n", report.level_check.len());
    let skipped = &report.level_not_checked;
    if !skipped.is_empty() {
        let shown: Vec<&str> = skipped.iter().take(5).map(String::as_str).collect();
        let more = skipped.len() - shown.len();
        s.push_str(&format!(
            "  {} {} {}: {}{}\n",
            l.int(i64::try_from(skipped.len()).unwrap_or(i64::MAX)),
            given.plural(id),
            t(
                id,
                "tidak diperiksa, karena berkas ini tidak memuat baris di bawahnya",
                "not checked, because this file has no row under them"
            ),
            shown.join(", "),
            if more > 0 {
                format!(
                    " {} {more} {}",
                    t(id, "dan", "and"),
                    t(id, "lainnya", "more")
                )
            } else {
                String::new()
            },
        ));
    }
    s
}

fn statistics_text(
    file: &Path,
    report: &koperasi::kopdes::StatisticsReport,
    has_parent: bool,
    l: &crate::labels::Labels,
) -> String {
    let id = l.id;
    let snap = &report.snapshot;
    let findings = &report.level_check;
    let mut s = format!(
        "{} {} ({}, {} {})\n{}\n",
        t(id, "Statistik SIMKOPDES:", "SIMKOPDES statistics:"),
        file.display(),
        snap.level.plural(id),
        t(id, "data per", "data as of"),
        date_text(snap, id),
        matching_line(&snap.matching, id),
    );
    for r in snap.rows.iter().filter(|r| r.matched.problem().is_some()) {
        s.push_str(&format!(
            "{} {}: {}\n",
            t(id, "Baris", "Line"),
            r.line,
            problem_text(r.matched.problem(), id)
        ));
    }
    let totals: Vec<String> = snap
        .totals
        .iter()
        .map(|(m, v)| format!("{m} {}", l.int(*v)))
        .collect();
    s.push_str(&format!(
        "{}: {}\n",
        t(id, "Jumlah", "Totals"),
        totals.join(", ")
    ));
    let per_desa = report.coops_per_desa.as_deref().unwrap_or_default();
    let regions = per_desa.get(1..).unwrap_or_default();
    let with_figures: Vec<_> = regions.iter().filter(|r| r.cooperatives > 0).collect();
    if !with_figures.is_empty() && with_figures.len() < regions.len() {
        // A slice of the level: the nation's figure would set it against every desa.
        let coops: i64 = with_figures.iter().map(|r| r.cooperatives).sum();
        let desa: u64 = with_figures.iter().map(|r| r.desa).sum();
        let pct = if desa > 0 {
            coops as f64 / desa as f64 * 100.0
        } else {
            0.0
        };
        let level = snap.level.plural(id);
        s.push_str(&format!(
            "{} {} {level} {}: {} / {} desa/kelurahan = {} ({} {} {} {level}; {})\n",
            t(id, "Koperasi per desa di", "Coops per desa in the"),
            with_figures.len(),
            t(id, "yang punya angka", "with figures"),
            l.int(coops),
            l.int(i64::try_from(desa).unwrap_or(i64::MAX)),
            l.pct(pct),
            with_figures.len(),
            t(id, "dari", "of"),
            l.int(i64::try_from(regions.len()).unwrap_or(i64::MAX)),
            t(
                id,
                "tabel ini tidak mencakup seluruh Indonesia",
                "the table does not cover the nation"
            ),
        ));
    } else {
        match per_desa.first() {
            Some(n) => s.push_str(&format!(
                "{}: {} / {} desa/kelurahan = {}\n",
                t(
                    id,
                    "Koperasi per desa (nasional)",
                    "Coops per desa (national)"
                ),
                l.int(n.cooperatives),
                l.int(i64::try_from(n.desa).unwrap_or(i64::MAX)),
                l.pct(n.pct)
            )),
            None => s.push_str(&t(
                id,
                "Koperasi per desa: tidak diketahui (tabel tidak memuat kolom cooperatives)\n",
                "Coops per desa: not known (the table has no cooperatives column)\n",
            )),
        }
    }
    if has_parent {
        s.push_str(&level_check_text(report, l));
        for f in findings {
            s.push_str(&format!(
                "  {}\n",
                if id { &f.message_id } else { &f.message_en }
            ));
        }
    }
    if let Some(ch) = &report.change {
        s.push_str(&format!(
            "{}: {}\n",
            t(id, "Angka yang berubah", "Figures changed"),
            ch.changes.len()
        ));
        for c in &ch.changes {
            let sign = if c.change < 0 { "-" } else { "+" };
            s.push_str(&format!(
                "  {} {}: {} -> {} ({sign}{})\n",
                c.region,
                c.measure,
                l.opt_int(c.old),
                l.opt_int(c.new),
                l.int(c.change.saturating_abs())
            ));
        }
    }
    s
}
