//! `koperasi kopdes stages|readiness|wave FILE`: the stages of Koperasi Desa/Kelurahan Merah
//! Putih as of a date (funnel, days between stages, stalled), their loan readiness under
//! PMK 49/2025, and the KDMP/KKMP wave in growth figures. All figures come from
//! [`koperasi::kopdes`]; this module reads the options and prints.

use super::{Failure, Format, InputArgs, Locale, read_input, read_options};
use crate::demography::new_table;
use crate::kopdes::unsupported;
use crate::labels::Labels;
use koperasi::NaiveDate;
use koperasi::io::Table as InputTable;
use koperasi::io::safe::CellKind;
use koperasi::kopdes::{
    Checklist, ReadinessReport, Stage, StagesReport, StallPreset, WaveOptions, explain_jump,
    readiness_report, stages_report, wave_growth,
};
use koperasi::register::{Field, Register};
use serde::Serialize;

/// The stage commands (flattened into the `kopdes` command).
#[derive(clap::Subcommand)]
pub enum StagesCommand {
    /// Stages of KDMP/KKMP as of a date: how many reached each stage (overall and by region),
    /// median days between stages, and the coops stalled (a stage reached, the next not within
    /// the days of the preset).
    Stages(StagesArgs),
    /// Loan readiness (PMK 49/2025): for each coop the checklist items met and missing, and
    /// counts overall and by region.
    Readiness(ReadinessArgs),
    /// The KDMP/KKMP wave in growth figures: for a register, growth with and without the
    /// cohort; for a panel of counts, how much of a period's jump a known KDMP count explains.
    Wave(WaveArgs),
}

impl StagesCommand {
    /// True when the subcommand was given `--locale id`.
    pub fn indonesian(&self) -> bool {
        let out = match self {
            StagesCommand::Stages(a) => &a.out,
            StagesCommand::Readiness(a) => &a.out,
            StagesCommand::Wave(a) => &a.out,
        };
        out.locale == Locale::Id
    }
}

/// Output options shared by the kopdes commands.
#[derive(clap::Args)]
pub struct KopdesOutput {
    /// Output format: table (text), json, csv (one table; `;` and a BOM with `--locale id`);
    /// stages and readiness also xlsx (needs `-o FILE`) and html.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Labels and number separators.
    #[arg(long, value_enum, default_value_t = Locale::En)]
    locale: Locale,
    /// Write the output to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<std::path::PathBuf>,
}

#[derive(clap::Args)]
pub struct StagesArgs {
    /// Register CSV or XLSX/ODS workbook, one row per KDMP/KKMP, with stage columns
    /// (tgl_musdesus, tgl_akta, no_sk_ahu, tgl_sk_ahu, nib, npwp, no_rekening, status_lahan,
    /// progres_bangunan, jumlah_gerai, tgl_operasional, ...).
    file: std::path::PathBuf,
    /// The date of the counts (e.g. 2026-01-31); facts dated later are not counted.
    #[arg(long, value_name = "DATE")]
    as_of: String,
    /// Region breakdown: provinsi, kab_kota, kecamatan or desa.
    #[arg(long)]
    by: Option<String>,
    /// Days allowed between stages, a TOML (or JSON) file; default: the embedded preset
    /// (print it with `--print-stall-days` to copy and change).
    #[arg(long, value_name = "FILE")]
    stall_days: Option<std::path::PathBuf>,
    /// Stalled coops listed in the table output (all in JSON/CSV).
    #[arg(long, default_value_t = 20)]
    list: usize,
    #[command(flatten)]
    out: KopdesOutput,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(clap::Args)]
pub struct ReadinessArgs {
    /// Register CSV or XLSX/ODS workbook, one row per KDMP/KKMP, with stage columns.
    file: std::path::PathBuf,
    /// The checklist, a TOML (or JSON) file; default: the embedded PMK 49/2025 checklist.
    #[arg(long, value_name = "FILE")]
    checklist: Option<std::path::PathBuf>,
    /// Count only facts dated on or before this date (undated facts always count); default:
    /// every fact of the file.
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// Region breakdown: provinsi, kab_kota, kecamatan or desa.
    #[arg(long)]
    by: Option<String>,
    #[command(flatten)]
    out: KopdesOutput,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(clap::Args)]
pub struct WaveArgs {
    /// A register (one row per cooperative) or a panel of counts by region and period.
    file: std::path::PathBuf,
    /// Panel: the KDMP/KKMP count to set against the jump (e.g. from SIMKOPDES).
    #[arg(long)]
    kdmp_count: Option<i64>,
    /// Panel: the period of the jump (e.g. 2025-Q2); default: the panel's latest period.
    #[arg(long = "at", value_name = "PERIOD")]
    at: Option<String>,
    /// Panel: one region instead of the panel's total.
    #[arg(long = "in", value_name = "REGION")]
    in_region: Option<String>,
    /// Panel: the measure (default `total`).
    #[arg(long, default_value = koperasi::stats::TOTAL)]
    measure: String,
    /// Register: first year of the growth table.
    #[arg(long, default_value_t = 2022)]
    from: i32,
    /// Register: last year of the growth table.
    #[arg(long, default_value_t = 2025)]
    to: i32,
    /// Register: also count every coop founded since Inpres 9/2025 (27 March 2025) as KDMP/KKMP.
    #[arg(long)]
    founding_window: bool,
    #[command(flatten)]
    out: KopdesOutput,
    #[command(flatten)]
    input: InputArgs,
}

/// Run one of the stage commands.
pub fn run(c: StagesCommand) -> Result<(), Failure> {
    match c {
        StagesCommand::Stages(a) => run_stages(a),
        StagesCommand::Readiness(a) => run_readiness(a),
        StagesCommand::Wave(a) => run_wave(a),
    }
}

/// The JSON of `--format json`: the file name, then the core's result.
#[derive(Serialize)]
struct Output<'a, T: Serialize> {
    file: String,
    #[serde(flatten)]
    result: &'a T,
}

fn date(what: &str, s: &str) -> Result<NaiveDate, Failure> {
    koperasi::locale::parse_date(s).map_err(|e| Failure(format!("{what}: {e}")))
}

fn region_field(by: Option<&str>) -> Result<Option<Field>, Failure> {
    let Some(name) = by else { return Ok(None) };
    match Field::parse(name) {
        Some(f @ (Field::Provinsi | Field::KabKota | Field::Kecamatan | Field::Desa)) => {
            Ok(Some(f))
        }
        _ => Err(Failure(format!(
            "--by `{name}` is not a region field; use provinsi, kab_kota, kecamatan or desa"
        ))),
    }
}

fn register(
    file: &std::path::Path,
    input: &InputArgs,
    help: &str,
    id: bool,
) -> Result<Register, Failure> {
    let options = read_options(input)?;
    match read_input(file, input, &options, help)? {
        InputTable::Register(r, read) => {
            let (rows, cells, f) = (read.rejected.len(), read.cell_errors.len(), file.display());
            if r.records.is_empty() {
                return Err(Failure(if id {
                    format!(
                        "{f}: tidak ada koperasi yang terbaca ({rows} baris ditolak); `koperasi check {f}` menunjukkan alasannya"
                    )
                } else {
                    format!(
                        "{f}: no cooperative was read ({rows} row(s) rejected); `koperasi check {f}` says why"
                    )
                }));
            }
            if rows > 0 || cells > 0 {
                if id {
                    eprintln_safe!(
                        "catatan: {rows} baris dan {cells} sel tidak terbaca (dibiarkan tidak diketahui); `koperasi check {f}` menunjukkannya"
                    );
                } else {
                    eprintln_safe!(
                        "note: {rows} row(s) and {cells} cell(s) could not be read (left unknown); `koperasi check {f}` lists them"
                    );
                }
            }
            Ok(r)
        }
        InputTable::Panel(..) => Err(Failure(if id {
            format!(
                "{} berisi angka per wilayah dan periode, bukan satu baris per koperasi; `kopdes {help}` membutuhkan register",
                file.display()
            )
        } else {
            format!(
                "{} holds counts per region and period, not one row per cooperative; `kopdes {help}` needs a register",
                file.display()
            )
        })),
    }
}

fn read_text(path: &std::path::Path) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| {
        Failure(format!(
            "cannot read {}: {e}; check the path",
            path.display()
        ))
    })
}

fn stage_label(l: &Labels, s: Stage) -> &'static str {
    if l.id { s.label_id() } else { s.label_en() }
}

/// Print `text` (JSON when `json`) to the output of `out`.
fn emit(out: &KopdesOutput, l: &Labels, text: String) -> Result<(), Failure> {
    let text = if out.format == Format::Csv {
        crate::excel_csv::finish(l, text)
    } else {
        text
    };
    crate::output::text(&text, out.format == Format::Json, out.output.as_deref())
}

/// Write `book` as the workbook (`--format xlsx`, needs `-o`) or the HTML page of `out`.
fn office(out: &KopdesOutput, book: &crate::book::Book, title: &str) -> Result<(), Failure> {
    if out.format == Format::Xlsx {
        return crate::output::binary(&crate::xlsx::workbook(book)?, out.output.as_deref());
    }
    crate::output::text(
        &crate::html::page(book, title, &[]),
        false,
        out.output.as_deref(),
    )
}

/// Rows as CSV: `;` for Indonesian (Excel), `,` otherwise; numbers kept as numbers.
fn csv(l: &Labels, rows: &[Vec<String>], text_cols: usize) -> Result<String, Failure> {
    let kind = |r: usize, c: usize| {
        if r == 0 || c < text_cols {
            CellKind::Text
        } else {
            CellKind::Number
        }
    };
    if l.id {
        crate::excel_csv::write(rows, kind)
    } else {
        crate::render::csv_out(rows, kind)
    }
}

fn run_stages(a: StagesArgs) -> Result<(), Failure> {
    let as_of = date("--as-of", &a.as_of)?;
    let by = region_field(a.by.as_deref())?;
    let preset = match &a.stall_days {
        Some(p) => StallPreset::from_toml(&read_text(p)?)
            .map_err(|e| Failure(format!("--stall-days {}: {e}", p.display())))?,
        None => StallPreset::default_preset()?,
    };
    let r = register(&a.file, &a.input, "stages", a.out.locale == Locale::Id)?;
    let report = stages_report(&r.records, as_of, by, &preset);
    let l = Labels::new(a.out.locale == Locale::Id);
    let text = match a.out.format {
        Format::Json => {
            serde_json::to_string_pretty(&Output {
                file: a.file.display().to_string(),
                result: &report,
            })? + "\n"
        }
        Format::Csv => csv(&l, &funnel_rows(&report, ""), 1)?,
        Format::Table => stages_text(&a.file, &report, &l, a.list),
        Format::Xlsx | Format::Html => {
            let book = crate::kopdes_office::stages_book(&a.file, &report, &l);
            let title = if l.id {
                "Tahapan KDMP/KKMP"
            } else {
                "KDMP/KKMP stages"
            };
            return office(&a.out, &book, title);
        }
        Format::Markdown => {
            return Err(unsupported(
                a.out.format,
                "stages",
                "table, json, csv, xlsx or html",
            ));
        }
    };
    emit(&a.out, &l, text)
}

/// The funnel as rows: header `region, coops, <stage codes>`, the whole first (`(all)`), then
/// each region. A stage no record speaks of (`covered` false) is `unknown` (not known, not 0).
fn funnel_rows(r: &StagesReport, unknown: &str) -> Vec<Vec<String>> {
    let mut header = vec!["region".to_string(), "coops".to_string()];
    header.extend(Stage::ALL.iter().map(|s| s.code().to_string()));
    let mut rows = vec![header];
    let mut row = |name: String, coops: u64, counts: &[koperasi::kopdes::StageCount]| {
        let mut v = vec![name, coops.to_string()];
        v.extend(counts.iter().map(|c| match c.covered {
            true => c.reached.to_string(),
            false => unknown.to_string(),
        }));
        rows.push(v);
    };
    row("(all)".into(), r.coops, &r.funnel);
    for g in &r.by_region {
        row(
            g.region.clone().unwrap_or_else(|| "(unknown)".into()),
            g.coops,
            &g.stages,
        );
    }
    rows
}

fn share(l: &Labels, n: u64, of: u64) -> String {
    if of == 0 {
        return "-".into();
    }
    l.pct(n as f64 / of as f64 * 100.0)
}

fn stages_text(file: &std::path::Path, r: &StagesReport, l: &Labels, list: usize) -> String {
    let n = |x: u64| l.int(i64::try_from(x).unwrap_or(i64::MAX));
    let mut s = if l.id {
        format!(
            "Tahapan KDMP/KKMP di {} per {} ({} koperasi; {} tanpa data tahapan; hari tunggu: {})\n\n",
            file.display(),
            l.date(r.as_of),
            n(r.coops),
            n(r.without_facts),
            r.preset
        )
    } else {
        format!(
            "KDMP/KKMP stages in {} as of {} ({} coops; {} without stage facts; stall days: {})\n\n",
            file.display(),
            l.date(r.as_of),
            n(r.coops),
            n(r.without_facts),
            r.preset
        )
    };
    let head = if l.id {
        vec!["Tahap", "Tercapai", "%", "Tanpa tanggal"]
    } else {
        vec!["Stage", "Reached", "%", "Undated"]
    };
    let mut t = new_table(head, 1);
    let no_data = if l.id { "tak ada data" } else { "no data" };
    for c in &r.funnel {
        t.add_row(if c.covered {
            vec![
                stage_label(l, c.stage).to_string(),
                n(c.reached),
                share(l, c.reached, r.coops),
                n(c.undated),
            ]
        } else {
            vec![
                stage_label(l, c.stage).to_string(),
                no_data.into(),
                "-".into(),
                "-".into(),
            ]
        });
    }
    s.push_str(&format!("{t}\n"));
    if r.funnel.iter().any(|c| !c.covered) {
        s.push_str(if l.id {
            "Tak ada data: tidak satu koperasi pun punya fakta untuk tahap itu (berkas tanpa kolomnya?): tidak diketahui, bukan 0; langkah menuju tahap itu tidak dinilai macet.\n"
        } else {
            "No data: no coop has a fact for the stage (the file has no column for it?): not known, not 0; steps towards it are not judged stalled.\n"
        });
    }
    if !r.by_region.is_empty() {
        let rows = funnel_rows(r, "-");
        let mut it = rows.iter().skip(1);
        let header: Vec<&str> = rows
            .first()
            .map_or(Vec::new(), |h| h.iter().map(String::as_str).collect());
        let mut t = new_table(header, 1);
        for row in it.by_ref() {
            t.add_row(row.clone());
        }
        s.push_str(&format!("\n{t}\n"));
    }
    let head = if l.id {
        vec!["Dari", "Ke", "n", "Median hari", "Min", "Maks", "Terbalik"]
    } else {
        vec![
            "From",
            "To",
            "n",
            "Median days",
            "Min",
            "Max",
            "Out of order",
        ]
    };
    let mut t = new_table(head, 2);
    for d in &r.durations {
        t.add_row(vec![
            stage_label(l, d.from).to_string(),
            stage_label(l, d.to).to_string(),
            n(d.n),
            d.median_days.map_or("-".into(), |m| l.dec1(m)),
            l.opt_int(d.min_days),
            l.opt_int(d.max_days),
            n(d.out_of_order),
        ]);
    }
    s.push_str(&format!("\n{t}\n"));
    let head = if l.id {
        vec!["Dari", "Ke", "Batas hari", "Macet", "Tanpa tanggal"]
    } else {
        vec!["From", "To", "Days allowed", "Stalled", "Undated"]
    };
    let mut t = new_table(head, 2);
    for c in &r.stall_counts {
        let (stalled, undated) = if c.covered {
            (n(c.stalled), n(c.undated))
        } else {
            (no_data.to_string(), "-".to_string())
        };
        t.add_row(vec![
            stage_label(l, c.step.from).to_string(),
            stage_label(l, c.step.to).to_string(),
            c.step.days.to_string(),
            stalled,
            undated,
        ]);
    }
    s.push_str(&format!("\n{t}\n"));
    if !r.stalled.is_empty() && list > 0 {
        let head = if l.id {
            vec!["Baris", "Koperasi", "Wilayah", "Menunggu", "Sejak", "Hari"]
        } else {
            vec![
                "Line",
                "Cooperative",
                "Region",
                "Waiting for",
                "Since",
                "Days",
            ]
        };
        let mut t = new_table(head, 5);
        for x in r.stalled.iter().take(list) {
            t.add_row(vec![
                x.line.map_or("-".into(), |v| v.to_string()),
                x.name.clone(),
                x.region.clone().unwrap_or_else(|| "-".into()),
                stage_label(l, x.to).to_string(),
                l.date(x.since),
                l.int(x.days_waiting),
            ]);
        }
        s.push_str(&format!("\n{t}\n"));
        if r.stalled.len() > list {
            s.push_str(&if l.id {
                format!(
                    "... dan {} lagi (semua di --format csv/json)\n",
                    r.stalled.len() - list
                )
            } else {
                format!(
                    "... and {} more (all in --format csv/json)\n",
                    r.stalled.len() - list
                )
            });
        }
    }
    s
}

fn run_readiness(a: ReadinessArgs) -> Result<(), Failure> {
    let as_of = a.as_of.as_deref().map(|s| date("--as-of", s)).transpose()?;
    let by = region_field(a.by.as_deref())?;
    let checklist = match &a.checklist {
        Some(p) => Checklist::from_toml(&read_text(p)?)
            .map_err(|e| Failure(format!("--checklist {}: {e}", p.display())))?,
        None => Checklist::pmk_49_2025()?,
    };
    let r = register(&a.file, &a.input, "readiness", a.out.locale == Locale::Id)?;
    let report = readiness_report(&r.records, &checklist, as_of, by);
    let l = Labels::new(a.out.locale == Locale::Id);
    let text = match a.out.format {
        Format::Json => {
            serde_json::to_string_pretty(&Output {
                file: a.file.display().to_string(),
                result: &report,
            })? + "\n"
        }
        Format::Csv => csv(&l, &coop_rows(&report), 3)?,
        Format::Table => readiness_text(&a.file, &report, &checklist, &l),
        Format::Xlsx | Format::Html => {
            let book = crate::kopdes_office::readiness_book(&a.file, &report, &checklist, &l);
            let title = if l.id {
                "Kesiapan pinjaman KDMP/KKMP"
            } else {
                "KDMP/KKMP loan readiness"
            };
            return office(&a.out, &book, title);
        }
        Format::Markdown => {
            return Err(unsupported(
                a.out.format,
                "readiness",
                "table, json, csv, xlsx or html",
            ));
        }
    };
    emit(&a.out, &l, text)
}

/// One row per coop: `line, name, region, ready, missing` (codes separated by spaces); `ready`
/// is `yes`, `no`, or empty when not known (it misses only items the file has no data for).
fn coop_rows(r: &ReadinessReport) -> Vec<Vec<String>> {
    let mut rows = vec![
        ["line", "name", "region", "ready", "missing"]
            .map(String::from)
            .to_vec(),
    ];
    rows.extend(r.coops.iter().map(|c| {
        vec![
            c.line.map_or(String::new(), |v| v.to_string()),
            c.name.clone(),
            c.region.clone().unwrap_or_default(),
            match r.coop_ready(c) {
                Some(true) => "yes",
                Some(false) => "no",
                None => "",
            }
            .to_string(),
            c.missing.join(" "),
        ]
    }));
    rows
}

fn readiness_text(
    file: &std::path::Path,
    r: &ReadinessReport,
    c: &Checklist,
    l: &Labels,
) -> String {
    let n = |x: u64| l.int(i64::try_from(x).unwrap_or(i64::MAX));
    let when = r.as_of.map(|d| l.date(d));
    if !r.any_data() {
        return readiness_unknown(file, r, l);
    }
    let not_ready = r
        .coops
        .iter()
        .filter(|x| r.coop_ready(x) == Some(false))
        .count() as u64;
    let mut s = if !r.known() {
        let gaps = r.uncovered().join(", ");
        if l.id {
            format!(
                "Kesiapan pinjaman KDMP/KKMP di {} ({}{}): jumlah yang siap tidak diketahui: tak ada data untuk {gaps} (berkas tanpa kolomnya?). {} dari {} koperasi pasti belum siap (kurang syarat yang datanya ada).\n\n",
                file.display(),
                r.checklist,
                when.map_or(String::new(), |d| format!(", per {d}")),
                n(not_ready),
                n(r.overall.coops),
            )
        } else {
            format!(
                "Loan readiness of KDMP/KKMP in {} ({}{}): how many are ready is not known: no data for {gaps} (the file has no column for them?). {} of {} coops are surely not ready (missing an item the file has data for).\n\n",
                file.display(),
                r.checklist,
                when.map_or(String::new(), |d| format!(", as of {d}")),
                n(not_ready),
                n(r.overall.coops),
            )
        }
    } else if l.id {
        format!(
            "Kesiapan pinjaman KDMP/KKMP di {} ({}{}): {} dari {} koperasi siap ({})\n\n",
            file.display(),
            r.checklist,
            when.map_or(String::new(), |d| format!(", per {d}")),
            n(r.overall.ready),
            n(r.overall.coops),
            share(l, r.overall.ready, r.overall.coops)
        )
    } else {
        format!(
            "Loan readiness of KDMP/KKMP in {} ({}{}): {} of {} coops ready ({})\n\n",
            file.display(),
            r.checklist,
            when.map_or(String::new(), |d| format!(", as of {d}")),
            n(r.overall.ready),
            n(r.overall.coops),
            share(l, r.overall.ready, r.overall.coops)
        )
    };
    let head = if l.id {
        vec!["Syarat", "Dasar", "Terpenuhi", "Kurang"]
    } else {
        vec!["Item", "Source", "Met", "Missing"]
    };
    let mut t = new_table(head, 2);
    let no_data = if l.id { "tak ada data" } else { "no data" };
    // An item without data: not known, neither met nor missing.
    let known_n = |x: u64, covered: bool| if covered { n(x) } else { "-".to_string() };
    for (item, count) in c.items.iter().zip(&r.overall.items) {
        t.add_row(vec![
            if l.id { &item.label_id } else { &item.label_en }.clone(),
            item.article.clone(),
            if count.covered {
                n(count.met)
            } else {
                no_data.to_string()
            },
            known_n(count.missing, count.covered),
        ]);
    }
    s.push_str(&format!("{t}\n"));
    if !r.by_region.is_empty() {
        let mut head = vec![
            if l.id { "Wilayah" } else { "Region" },
            if l.id { "Koperasi" } else { "Coops" },
            if l.id { "Siap" } else { "Ready" },
        ];
        head.extend(c.items.iter().map(|i| i.code.as_str()));
        let mut t = new_table(head, 1);
        for g in &r.by_region {
            let mut row = vec![
                g.region.clone().unwrap_or_else(|| "-".into()),
                n(g.coops),
                if r.known() {
                    n(g.ready)
                } else {
                    "-".to_string()
                },
            ];
            row.extend(
                g.items
                    .iter()
                    .zip(&r.overall.items)
                    .map(|(i, o)| known_n(i.missing, o.covered)),
            );
            t.add_row(row);
        }
        s.push_str(&if l.id {
            format!("\nKurang per wilayah:\n{t}\n")
        } else {
            format!("\nMissing by region:\n{t}\n")
        });
    }
    s
}

/// The readiness text of a file with no checklist column: not known, never `0 ready`.
fn readiness_unknown(file: &std::path::Path, r: &ReadinessReport, l: &Labels) -> String {
    let n = l.int(i64::try_from(r.overall.coops).unwrap_or(i64::MAX));
    if l.id {
        format!(
            "Kesiapan pinjaman KDMP/KKMP di {} ({}): tidak diketahui untuk {n} koperasi: berkas tidak memuat satu pun kolom syarat (badan hukum, NIK koperasi, rekening, NPWP, NIB, ...).\n",
            file.display(),
            r.checklist
        )
    } else {
        format!(
            "Loan readiness of KDMP/KKMP in {} ({}): not known for the {n} coops: the file has no checklist column (legal entity, NIK koperasi, bank account, NPWP, NIB, ...).\n",
            file.display(),
            r.checklist
        )
    }
}

fn run_wave(a: WaveArgs) -> Result<(), Failure> {
    if !matches!(a.out.format, Format::Table | Format::Json | Format::Csv) {
        return Err(unsupported(a.out.format, "wave", "table, json or csv"));
    }
    let l = Labels::new(a.out.locale == Locale::Id);
    let options = read_options(&a.input)?;
    let file = a.file.display().to_string();
    match read_input(&a.file, &a.input, &options, "wave")? {
        InputTable::Panel(panel, _) => {
            let Some(count) = a.kdmp_count else {
                return Err(Failure(format!(
                    "{file} holds counts per region and period: give the KDMP/KKMP count to set against the jump with --kdmp-count N (e.g. from SIMKOPDES)"
                )));
            };
            let period = match &a.at {
                Some(p) => {
                    koperasi::stats::Period::parse(p).map_err(|e| Failure(format!("--at: {e}")))?
                }
                None => panel
                    .periods()
                    .last()
                    .copied()
                    .ok_or_else(|| Failure(format!("{file} has no period")))?,
            };
            let f = explain_jump(&panel, a.in_region.as_deref(), period, &a.measure, count)?;
            let text = match a.out.format {
                Format::Json => serde_json::to_string_pretty(&Output { file, result: &f })? + "\n",
                _ => format!("{}\n", if l.id { &f.detail_id } else { &f.detail }),
            };
            emit(&a.out, &l, text)
        }
        InputTable::Register(r, _) => {
            let opts = WaveOptions {
                founding_window: a.founding_window,
                ..WaveOptions::default()
            };
            let g = wave_growth(&r.records, a.from, a.to, &opts)?;
            let mut rows = vec![
                [
                    "year",
                    "births",
                    "births_kdmp",
                    "stock",
                    "stock_kdmp",
                    "change",
                    "change_without_kdmp",
                    "pct_change",
                    "pct_change_without_kdmp",
                ]
                .map(String::from)
                .to_vec(),
            ];
            let opt = |x: Option<i64>| x.map_or(String::new(), |v| v.to_string());
            // Indonesian decimal comma (also in the `;` Excel CSV of `--locale id`).
            let pct = |x: Option<f64>| {
                x.map_or(String::new(), |v| {
                    let t = format!("{v:.2}");
                    if l.id { t.replace('.', ",") } else { t }
                })
            };
            rows.extend(g.years.iter().map(|y| {
                vec![
                    y.year.to_string(),
                    y.births.to_string(),
                    y.births_cohort.to_string(),
                    y.stock.to_string(),
                    y.stock_cohort.to_string(),
                    opt(y.change),
                    opt(y.change_without),
                    pct(y.pct_change),
                    pct(y.pct_change_without),
                ]
            }));
            let text = match a.out.format {
                Format::Json => serde_json::to_string_pretty(&Output { file, result: &g })? + "\n",
                Format::Csv => csv(&l, &rows, 0)?,
                _ => {
                    let head = if l.id {
                        format!(
                            "KDMP/KKMP di {file}: {} dari {} koperasi (nama {}, kolom penanda {}, tanggal pendirian {}; {} tanpa tanggal pendirian)\n\n",
                            g.cohort,
                            g.coops,
                            g.by_name,
                            g.by_flag,
                            g.by_founding_window,
                            g.cohort_founding_unknown
                        )
                    } else {
                        format!(
                            "KDMP/KKMP in {file}: {} of {} coops (by name {}, by flag column {}, by founding date {}; {} without a founding date)\n\n",
                            g.cohort,
                            g.coops,
                            g.by_name,
                            g.by_flag,
                            g.by_founding_window,
                            g.cohort_founding_unknown
                        )
                    };
                    let header = if l.id {
                        vec![
                            "tahun",
                            "lahir",
                            "lahir KDMP",
                            "stok",
                            "stok KDMP",
                            "perubahan",
                            "perubahan tanpa KDMP",
                            "% perubahan",
                            "% tanpa KDMP",
                        ]
                    } else {
                        vec![
                            "year",
                            "births",
                            "births KDMP",
                            "stock",
                            "stock KDMP",
                            "change",
                            "change without KDMP",
                            "% change",
                            "% without KDMP",
                        ]
                    };
                    let mut t = new_table(header, 1);
                    for row in rows.iter().skip(1) {
                        t.add_row(row.clone());
                    }
                    let note = match (g.cohort_founding_unknown, l.id) {
                        (0, _) => String::new(),
                        (n, true) => format!(
                            "Catatan: {n} KDMP/KKMP tanpa tanggal pendirian dihitung di stok setiap tahun; gelombangnya tidak terlihat di angka pertumbuhan.\n"
                        ),
                        (n, false) => format!(
                            "Note: {n} KDMP/KKMP without a founding date are counted in every year's stock; their wave cannot show in the growth figures.\n"
                        ),
                    };
                    format!("{head}{t}\n{note}")
                }
            };
            emit(&a.out, &l, text)
        }
    }
}
