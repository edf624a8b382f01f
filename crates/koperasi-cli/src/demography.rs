//! `koperasi demography FILE --from YEAR --to YEAR`: yearly births, deaths, reactivations and
//! rates; cohort survival; a Kaplan-Meier summary; optionally an SVG chart.

use super::{Failure, InputArgs, StatusArgs, read_input, read_options, status_options};
use crate::lang::tr;
use crate::render::{SafeTable, csv_out};
use clap::ValueEnum;
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use koperasi::demography::{
    DemographyOptions, DemographyReport, DemographyYear, KaplanMeier, Population, PopulationChoice,
    demography_report,
};
use koperasi::io::Table as InputTable;
use plotters::prelude::*;
use serde::Serialize;

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum DemographyFormat {
    Table,
    Csv,
    Json,
    /// Excel workbook (needs `-o FILE`): notes, then years, cohorts and Kaplan-Meier sheets.
    Xlsx,
    /// One printable HTML page: the notes, the chart, the tables.
    Html,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum PopulationArg {
    /// `active` when any record carries RAT history, field checks or business activity, else
    /// `registered`.
    Auto,
    /// Active by the status policy (Active or not yet due), or with business activity.
    Active,
    /// On the register (founded and not dissolved), whatever the activity.
    Registered,
}

#[derive(clap::Args)]
pub struct DemographyArgs {
    /// Register CSV or XLSX/ODS workbook (one row per cooperative).
    file: std::path::PathBuf,
    /// First year of the tables.
    #[arg(long)]
    from: i32,
    /// Last year of the tables.
    #[arg(long)]
    to: i32,
    #[command(flatten)]
    status: StatusArgs,
    /// Which cooperatives make up the population of a year.
    #[arg(long, value_enum, default_value_t = PopulationArg::Auto)]
    population: PopulationArg,
    /// Years without activity before an inactive cooperative counts as a death (Eurostat: 2).
    #[arg(long, default_value_t = 2)]
    death_window: u32,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DemographyFormat::Table)]
    format: DemographyFormat,
    /// Write the output to this file instead of standard output (required for xlsx).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<std::path::PathBuf>,
    /// Write an SVG chart (births and deaths per year; Kaplan-Meier survival curve) to this file.
    #[arg(long, value_name = "OUT.svg")]
    chart: Option<std::path::PathBuf>,
    /// Language of the tables, notes and messages (JSON and CSV keys stay English).
    #[arg(long, value_enum, default_value_t = super::Locale::En)]
    pub(crate) locale: super::Locale,
    #[command(flatten)]
    input: InputArgs,
}

/// The JSON of `--format json`: the file name, then the core's report.
#[derive(Serialize)]
struct Output<'a> {
    file: String,
    #[serde(flatten)]
    report: &'a DemographyReport,
}

pub fn run(a: DemographyArgs) -> Result<(), Failure> {
    // A register is a snapshot: survival is observed only up to the date it describes, so the
    // date must come from the user, never from the clock.
    if a.status.as_of.is_none() {
        return Err(Failure(if crate::lang::indonesian() {
            format!(
                "demography memerlukan --as-of: tanggal yang digambarkan {} (mis. --as-of 2022-12-31 untuk daftar 2022); tahun sesudahnya tidak teramati",
                a.file.display()
            )
        } else {
            format!(
                "demography needs --as-of: the date {} describes (e.g. --as-of 2022-12-31 for a 2022 list); years after it are not observed",
                a.file.display()
            )
        }));
    }
    let (as_of, policy) = status_options(&a.status)?;
    if a.from > a.to {
        return Err(Failure(format!(
            "--from {} {} --to {}; {}",
            a.from,
            tr("is after", "sesudah"),
            a.to,
            tr(
                "give the first year first",
                "sebutkan tahun pertama lebih dahulu"
            )
        )));
    }
    let options = read_options(&a.input)?;
    let (register, read) = match read_input(&a.file, &a.input, &options, "demography")? {
        InputTable::Register(r, read) => (r, read),
        InputTable::Panel(..) => {
            return Err(Failure(format!(
                "{} {}",
                a.file.display(),
                tr(
                    "holds counts per region and period, not one row per cooperative; demography needs a register",
                    "berisi hitungan per wilayah dan periode, bukan satu baris per koperasi; demography memerlukan register"
                )
            )));
        }
    };
    // The same note as `assess`, and the unreadable cells (their facts are left unknown).
    let note = crate::lang::note_word();
    if !read.rejected.is_empty() {
        eprintln_safe!(
            "{note}: {} {}; `koperasi check {}` {}",
            read.rejected.len(),
            tr("row(s) could not be read", "baris tidak terbaca"),
            a.file.display(),
            tr("lists them", "mendaftarnya")
        );
    }
    if !read.cell_errors.is_empty() {
        eprintln_safe!(
            "{note}: {} {}; `koperasi check {}` {}",
            read.cell_errors.len(),
            tr(
                "cell(s) could not be read and are left unknown",
                "sel tidak terbaca dan dianggap tidak diketahui"
            ),
            a.file.display(),
            tr("lists them", "mendaftarnya")
        );
    }
    let mut demo = DemographyOptions::new(a.from, a.to, as_of);
    demo.policy = policy;
    demo.population = match a.population {
        PopulationArg::Auto => PopulationChoice::Auto,
        PopulationArg::Active => PopulationChoice::Active,
        PopulationArg::Registered => PopulationChoice::Registered,
    };
    demo.death_window_years = a.death_window;
    let report = demography_report(&register, &demo)?;
    for n in report_notes(&report) {
        eprintln_safe!("{note}: {n}");
    }
    let svg = match (&a.chart, a.format) {
        (None, f) if f != DemographyFormat::Html => None,
        _ => Some(chart(&report.years, report.survival_curve.as_ref())?),
    };
    if let (Some(path), Some(svg)) = (&a.chart, &svg) {
        crate::output::write_file(path, svg.as_bytes())?;
    }
    let out = Output {
        file: a.file.display().to_string(),
        report: &report,
    };
    let text = match a.format {
        DemographyFormat::Json => serde_json::to_string_pretty(&out)? + "\n",
        DemographyFormat::Csv => csv_text(&out)?,
        DemographyFormat::Table => table_text(&out),
        DemographyFormat::Html => {
            let book = book(&out, &csv_rows(&out));
            let charts: Vec<String> = svg.into_iter().collect();
            crate::html::page(&book, tr("Business demography", "Demografi usaha"), &charts)
        }
        DemographyFormat::Xlsx => {
            let book = book(&out, &csv_rows(&out));
            return crate::output::binary(&crate::xlsx::workbook(&book)?, a.output.as_deref());
        }
    };
    crate::output::text(
        &text,
        a.format == DemographyFormat::Json,
        a.output.as_deref(),
    )
}

/// The report's notes in the language of `--locale`.
fn report_notes(report: &DemographyReport) -> &[String] {
    if crate::lang::indonesian() {
        &report.notes_id
    } else {
        &report.notes
    }
}

/// The population's name in the language of `--locale`.
fn population(p: Population) -> &'static str {
    match p {
        Population::Active => tr("active", "aktif"),
        Population::Registered => tr("registered", "terdaftar"),
    }
}

/// `yes`/`no` (`ya`/`tidak` under `--locale id`).
fn yes_no(b: bool) -> String {
    if b {
        tr("yes", "ya")
    } else {
        tr("no", "tidak")
    }
    .to_string()
}

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), |v| format!("{v:.1}"))
}

fn year_rows(out: &Output) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let header = vec![
        "year",
        "active",
        "births",
        "restructuring_entries",
        "reactivations",
        "deaths",
        "deaths_legal",
        "deaths_statistical",
        "dissolutions",
        "birth_rate",
        "death_rate",
        "churn_rate",
        "net_growth_rate",
        "provisional",
        "unknown_status",
        "assumed_active",
        "deaths_undetermined",
        "incomplete",
    ];
    let rows = out
        .report
        .years
        .iter()
        .map(|y| {
            vec![
                y.year.to_string(),
                y.active.to_string(),
                y.births.to_string(),
                y.restructuring_entries.to_string(),
                y.reactivations.to_string(),
                y.deaths.to_string(),
                y.deaths_legal.to_string(),
                y.deaths_statistical.to_string(),
                y.dissolutions.to_string(),
                pct(y.rates.map(|r| r.birth_rate)),
                pct(y.rates.map(|r| r.death_rate)),
                pct(y.rates.map(|r| r.churn_rate)),
                pct(y.rates.map(|r| r.net_growth_rate)),
                yes_no(y.provisional),
                y.unknown_status.to_string(),
                y.assumed_active.to_string(),
                y.deaths_undetermined.to_string(),
                yes_no(y.incomplete),
            ]
        })
        .collect();
    (header, rows)
}

fn cohort_rows(out: &Output) -> Vec<Vec<String>> {
    out.report
        .cohorts
        .iter()
        .map(|c| {
            let mut r = vec![
                format!("{}{}", c.year, if c.incomplete { "*" } else { "" }),
                c.births.to_string(),
            ];
            for (s, rate) in c.survivors.iter().zip(&c.rates) {
                r.push(match (s, rate) {
                    (Some(s), Some(rate)) => format!("{s} ({rate:.1}%)"),
                    (Some(s), None) => s.to_string(),
                    _ => "-".to_string(),
                });
            }
            r
        })
        .collect()
}

/// A box-drawing table like the other commands' (`render.rs`): numbers right-aligned from
/// column `right_from` on.
pub(crate) fn new_table(header: Vec<&str>, right_from: usize) -> SafeTable {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    if !t.is_tty() {
        // Wide enough for the 18 columns of the yearly table.
        t.set_width(220);
    }
    let n = header.len();
    let mut t = SafeTable::new(t, false);
    t.set_header(header);
    for i in right_from..n {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    t
}

fn table_text(out: &Output) -> String {
    let mut s = if crate::lang::indonesian() {
        format!(
            "Demografi usaha {} per {} (kebijakan {}, populasi {}, jendela kematian {} tahun)\n\n",
            out.file,
            out.report.as_of,
            out.report.policy,
            population(out.report.population),
            out.report.death_window_years
        )
    } else {
        format!(
            "Business demography of {} as of {} (policy {}, population {}, death window {} years)\n\n",
            out.file,
            out.report.as_of,
            out.report.policy,
            population(out.report.population),
            out.report.death_window_years
        )
    };
    let (_, rows) = year_rows(out);
    // Short headers (the CSV and JSON keep the full names).
    let header = if crate::lang::indonesian() {
        vec![
            "tahun",
            "aktif",
            "lahir",
            "restrukt.",
            "aktif lg",
            "mati",
            "hukum",
            "statist.",
            "bubar",
            "lahir %",
            "mati %",
            "churn %",
            "neto %",
            "sement.",
            "tak diket.",
            "dianggap",
            "tak tentu",
            "tak lengk.",
        ]
    } else {
        vec![
            "year",
            "active",
            "births",
            "restruct.",
            "reactiv.",
            "deaths",
            "legal",
            "statist.",
            "dissol.",
            "birth %",
            "death %",
            "churn %",
            "net %",
            "prov.",
            "unknown",
            "assumed",
            "undeterm.",
            "incompl.",
        ]
    };
    let mut t = new_table(header, 0);
    for i in [13, 17] {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Left);
        }
    }
    for r in rows {
        t.add_row(r);
    }
    s.push_str(&format!(
        "{}\n{t}\n\n",
        tr(
            "Per year (rates in % of active; restruct.: entries by merger, division or conversion; legal/statist.: deaths by dissolution/inactivity; prov.: provisional, deaths may still be reactivations; unknown: on the register, activity unknown; assumed: counted active by the survivor assumption; undeterm.: spells followed by unknown years, death not inferred; incompl.: counts rest on unknown years)",
            "Per tahun (laju dalam % dari yang aktif; restrukt.: masuk karena penggabungan, pemecahan atau perubahan bentuk; hukum/statist.: mati karena pembubaran/tidak aktif; sement.: sementara, kematian masih bisa menjadi aktif kembali; tak diket.: terdaftar, kegiatan tidak diketahui; dianggap: dihitung aktif dengan asumsi bertahan; tak tentu: masa aktif yang diikuti tahun tak diketahui, kematian tidak disimpulkan; tak lengk.: hitungan bertumpu pada tahun tak diketahui)"
        )
    ));
    let mut t = new_table(
        vec![
            tr("cohort", "kohort"),
            tr("births", "lahir"),
            "t+1",
            "t+2",
            "t+3",
            "t+4",
            "t+5",
        ],
        0,
    );
    for r in cohort_rows(out) {
        t.add_row(r);
    }
    s.push_str(&format!(
        "{}\n{t}\n\n",
        tr(
            "Cohort survival (survivors and % of births; * = rests on years of unknown activity)",
            "Kelangsungan hidup kohort (yang bertahan dan % dari kelahiran; * = bertumpu pada tahun yang kegiatannya tidak diketahui)"
        )
    ));
    match &out.report.kaplan_meier {
        Some(km) => {
            let median = km.median_years.map_or_else(
                || tr("not reached", "tidak tercapai").to_string(),
                |m| format!("{m} {}", tr("years", "tahun")),
            );
            s.push_str(&if crate::lang::indonesian() {
                format!(
                    "Kaplan-Meier: {} koperasi, {} mati, {} tersensor; median bertahan {median}\n",
                    km.coops, km.deaths, km.censored
                )
            } else {
                format!(
                    "Kaplan-Meier: {} coops, {} deaths, {} censored; median survival {median}\n",
                    km.coops, km.deaths, km.censored
                )
            });
            let mut t = new_table(
                vec![
                    tr("years", "tahun"),
                    "S(t)",
                    tr("95% lower", "batas bawah 95%"),
                    tr("95% upper", "batas atas 95%"),
                ],
                0,
            );
            for (k, sv, lo, hi) in &km.at_years {
                t.add_row(vec![
                    k.to_string(),
                    format!("{sv:.4}"),
                    format!("{lo:.4}"),
                    format!("{hi:.4}"),
                ]);
            }
            s.push_str(&format!("{t}\n"));
        }
        None => s.push_str(tr(
            "Kaplan-Meier: no births with a founding year to follow\n",
            "Kaplan-Meier: tidak ada kelahiran bertahun pendirian untuk diikuti\n",
        )),
    }
    s
}

/// CSV: one table per section, each preceded by a `section` row. Every cell is written by
/// the number rule of [`csv_out`] (negative rates stay numbers).
fn csv_text(out: &Output) -> Result<String, Failure> {
    csv_out(&csv_rows(out), |_, _| koperasi::io::safe::CellKind::Number)
}

/// `--format xlsx`: the sections of the CSV, one sheet each, figures as numbers.
fn book(out: &Output, rows: &[Vec<String>]) -> crate::book::Book {
    use crate::book::{Book, Cell, Section};
    let mut b = Book::new(crate::lang::indonesian());
    b.note(tr("file", "berkas"), &out.file);
    b.note(tr("as of", "per tanggal"), out.report.as_of.to_string());
    b.note(tr("policy", "kebijakan"), &out.report.policy);
    b.note(
        tr("population", "populasi"),
        population(out.report.population),
    );
    b.note(
        tr("death window (years)", "jendela kematian (tahun)"),
        out.report.death_window_years.to_string(),
    );
    for n in report_notes(out.report) {
        b.note(tr("note", "catatan"), n);
    }
    let mut rows = rows.iter();
    while let Some(row) = rows.next() {
        match (row.first().map(String::as_str), row.get(1)) {
            (Some("section"), Some(title)) => {
                let header = rows.next().cloned().unwrap_or_default();
                b.sections.push(Section::new(title.clone(), header));
            }
            _ => {
                if let Some(s) = b.sections.last_mut() {
                    // Years and cohorts are shown as years (`2017`, not `2,017`).
                    let cells = row
                        .iter()
                        .zip(&s.header)
                        .map(|(c, h)| match Cell::guess(c) {
                            Cell::Int(n) if h == "year" || h == "cohort" => Cell::Plain(n),
                            other => other,
                        });
                    s.rows.push(cells.collect());
                }
            }
        }
    }
    b
}

/// The rows of the CSV: one table per section, each preceded by a `section` row.
fn csv_rows(out: &Output) -> Vec<Vec<String>> {
    let owned = |r: &[&str]| r.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let (header, years) = year_rows(out);
    let mut rows = vec![owned(&["section", "years"]), owned(&header)];
    rows.extend(years);
    rows.push(owned(&["section", "cohorts"]));
    rows.push(owned(&[
        "cohort",
        "births",
        "survivors_1",
        "survivors_2",
        "survivors_3",
        "survivors_4",
        "survivors_5",
        "incomplete",
    ]));
    for c in &out.report.cohorts {
        let mut r = vec![c.year.to_string(), c.births.to_string()];
        r.extend(
            c.survivors
                .iter()
                .map(|s| s.map_or_else(String::new, |s| s.to_string())),
        );
        r.push(yes_no(c.incomplete));
        rows.push(r);
    }
    if let Some(km) = &out.report.kaplan_meier {
        rows.push(owned(&["section", "kaplan_meier"]));
        rows.push(owned(&["years", "survival", "ci_lower", "ci_upper"]));
        for (k, sv, lo, hi) in &km.at_years {
            rows.push(vec![
                k.to_string(),
                sv.to_string(),
                lo.to_string(),
                hi.to_string(),
            ]);
        }
    }
    rows
}

/// Births and deaths per year as bars (left), the Kaplan-Meier curve with its 95% band
/// (right).
fn chart(years: &[DemographyYear], km: Option<&KaplanMeier>) -> Result<String, Failure> {
    let mut svg = String::new();
    draw(&mut svg, years, km).map_err(|Failure(e)| Failure(format!("chart: {e}")))?;
    Ok(svg)
}

/// Draw [`chart`] into `svg`.
fn draw(
    svg: &mut String,
    years: &[DemographyYear],
    km: Option<&KaplanMeier>,
) -> Result<(), Failure> {
    let err = |e: &dyn std::fmt::Display| Failure(e.to_string());
    let root = SVGBackend::with_string(svg, (1100, 450)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| err(&e))?;
    let (left, right) = root.split_horizontally(600);
    let (Some(y0), Some(y1)) = (years.first(), years.last()) else {
        return Ok(());
    };
    let top = years
        .iter()
        .map(|y| y.births.max(y.deaths))
        .max()
        .unwrap_or(0)
        .max(1);
    let mut c = ChartBuilder::on(&left)
        .caption("Births and deaths per year", ("sans-serif", 20))
        .margin(15)
        .x_label_area_size(35)
        .y_label_area_size(45)
        .build_cartesian_2d(
            (f64::from(y0.year) - 0.6)..(f64::from(y1.year) + 0.6),
            0u64..(top + top / 3 + 1),
        )
        .map_err(|e| err(&e))?;
    c.configure_mesh()
        .x_desc("year")
        .y_desc("cooperatives")
        .x_labels(usize::try_from(y1.year - y0.year + 1).unwrap_or(10).min(12))
        .x_label_formatter(&|x| format!("{:.0}", x))
        .disable_x_mesh()
        .light_line_style(WHITE)
        .draw()
        .map_err(|e| err(&e))?;
    let births = RGBColor(46, 125, 50);
    let deaths = RGBColor(198, 40, 40);
    c.draw_series(years.iter().map(|y| {
        let x = f64::from(y.year);
        Rectangle::new([(x - 0.38, 0), (x, y.births)], births.filled())
    }))
    .map_err(|e| err(&e))?
    .label("births")
    .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], births.filled()));
    c.draw_series(years.iter().map(|y| {
        let x = f64::from(y.year);
        let style = if y.provisional {
            deaths.mix(0.45).filled()
        } else {
            deaths.filled()
        };
        Rectangle::new([(x, 0), (x + 0.38, y.deaths)], style)
    }))
    .map_err(|e| err(&e))?
    .label("deaths (pale: provisional)")
    .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], deaths.filled()));
    c.configure_series_labels()
        .border_style(BLACK)
        .background_style(WHITE.mix(0.8))
        .position(SeriesLabelPosition::UpperRight)
        .draw()
        .map_err(|e| err(&e))?;
    if let Some(km) = km {
        let tmax = km.timeline.last().copied().unwrap_or(1.0).max(1.0);
        let mut c = ChartBuilder::on(&right)
            .caption("Kaplan-Meier survival (95% CI)", ("sans-serif", 20))
            .margin(15)
            .x_label_area_size(35)
            .y_label_area_size(45)
            .build_cartesian_2d(0.0..tmax, 0.0..1.05)
            .map_err(|e| err(&e))?;
        c.configure_mesh()
            .x_desc("years since founding")
            .y_desc("S(t)")
            .light_line_style(WHITE)
            .x_label_formatter(&|x| format!("{x:.0}"))
            .draw()
            .map_err(|e| err(&e))?;
        let steps = |v: &[f64]| -> Vec<(f64, f64)> {
            let mut pts = Vec::with_capacity(2 * v.len() + 1);
            let mut prev = 1.0;
            for (t, s) in km.timeline.iter().zip(v) {
                pts.push((*t, prev));
                pts.push((*t, *s));
                prev = *s;
            }
            pts.push((tmax, prev));
            pts
        };
        let blue = RGBColor(21, 101, 192);
        let band = blue.mix(0.5);
        c.draw_series(LineSeries::new(steps(&km.ci_lower), band.stroke_width(1)))
            .map_err(|e| err(&e))?;
        c.draw_series(LineSeries::new(steps(&km.ci_upper), band.stroke_width(1)))
            .map_err(|e| err(&e))?;
        c.draw_series(LineSeries::new(steps(&km.survival), blue.stroke_width(2)))
            .map_err(|e| err(&e))?;
    }
    root.present().map_err(|e| err(&e))?;
    Ok(())
}
