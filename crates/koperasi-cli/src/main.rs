//! The `koperasi` command: a thin shell over the `koperasi` library.
//!
//! - `koperasi report [FILE]`: the main job. A register (one row per coop) or a panel (counts
//!   per region and period) is recognised by its header; without FILE, the embedded East Java
//!   sample is used.
//! - `koperasi check FILE`: only findings, rejected rows and unreadable cells.
//! - `koperasi wilayah QUERY`: look up a Kemendagri region code or name.
//!
//! Exit codes: 0 done (findings are output, not failures); 2 unreadable input or bad arguments.

/// The allocator: mimalloc. Reading a register allocates a few small strings per row on the
/// threads that convert rows and frees them on the thread that uses the records; the system
/// allocator spends a third of the time of a large read in its locks there (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `eprintln!` for messages that quote a file, a path or a plan: the text goes through
/// [`koperasi::io::safe::terminal_text`], so no control or bidi character reaches the terminal.
macro_rules! eprintln_safe {
    ($($arg:tt)*) => {
        eprintln!("{}", koperasi::io::safe::terminal_text(&format!($($arg)*)))
    };
}

mod book;
mod chart;
mod demography;
mod excel_csv;
mod html;
mod kopdes;
mod kopdes_office;
mod kopdes_stages;
mod labels;
mod lang;
mod output;
mod publish;
mod render;
mod sheets;
mod shu;
mod statements;
mod statements_compare;
mod template;
mod xlsx;

use clap::{Parser, Subcommand, ValueEnum};
use koperasi::NaiveDate;
use koperasi::io::ReadOptions;
use koperasi::register::Field;
use koperasi::report::{ReportOptions, build_report};
use koperasi::status::StatusPolicy;
use koperasi::wilayah::{KodeWilayah, table};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "koperasi",
    version,
    about = "Reports on Indonesian cooperative registers and published counts"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Report on a register or a panel CSV (the embedded East Java sample when FILE is omitted).
    Report(ReportArgs),
    /// Only findings, rejected rows and unreadable cells of FILE.
    Check(CheckArgs),
    /// Status of every cooperative of a register as of a date, with reasons (one row each).
    Assess(AssessArgs),
    /// Look up a Kemendagri region code (`35.16`) or name (`Kabupaten Mojokerto`).
    Wilayah(WilayahArgs),
    /// List the status policy presets, or print one as JSON (to copy, edit and pass to --policy).
    Policy(PolicyArgs),
    /// Business demography of a register: births, deaths, reactivations and rates per year,
    /// cohort survival, Kaplan-Meier; `--chart out.svg` draws them.
    Demography(demography::DemographyArgs),
    /// Allocate a book year's SHU by the AD/ART plan and share it among the members.
    Shu(shu::ShuArgs),
    /// Write a blank register to fill (`koperasi template register -o register.xlsx`; `template
    /// kopdes` for KDMP/KKMP with a column per stage): the headers the reader recognises,
    /// drop-down lists, an example row and instructions.
    Template(template::TemplateArgs),
    /// The figures a register supports as of a date (on record, found, identified, active,
    /// RAT held, ...), each with what it rests on, as the statements an office can publish
    /// (`-o statements.csv`).
    Statements(publish::StatementsArgs),
    /// Koperasi Desa/Kelurahan Merah Putih: coverage of every desa/kelurahan, SIMKOPDES
    /// statistics exports, legal and business stages, loan readiness, the wave in growth figures.
    Kopdes(kopdes::KopdesArgs),
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum Format {
    /// Aligned terminal text (also `text`)
    #[value(alias = "text")]
    Table,
    Markdown,
    Json,
    /// Plain CSV; with `--locale id` an Excel CSV (`;`, BOM, Indonesian headers and values)
    Csv,
    /// Excel workbook (needs `-o FILE`): a notes sheet, then one sheet per section
    Xlsx,
    /// One self-contained printable HTML page (charts inline for `report`)
    Html,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum Locale {
    /// English labels, numbers as 1,234.5
    En,
    /// Indonesian labels, numbers as 1.234,5
    Id,
}

#[derive(clap::Args)]
struct InputArgs {
    /// Column mapping, FIELD=HEADER (repeatable), e.g. `--map name="Nama Kop"`, for a column
    /// whose header is not recognised. Register fields: source_id, name, nik,
    /// nomor_badan_hukum, tanggal_badan_hukum, address, desa, kecamatan, kab_kota, provinsi,
    /// kode_wilayah, bentuk, jenis, kelompok, pola, members_male, members_female,
    /// members_total, employees, managers, last_rat_year, last_rat_date, field_check_date,
    /// found_at_address, board_known, business_active, dissolution_date, dissolved_by,
    /// office_status (the office's own `Aktif`/`Tidak Aktif` column), office_active /
    /// office_inactive (a pair of mark columns), latitude, longitude (RAT per book year: name
    /// the column `RAT 2024`). Panel fields: region, region_code, period, year,
    /// quarter, month, aktif, tidak_aktif, total and other counts. KDMP/KKMP stage columns
    /// (`kopdes stages|readiness`), by their usual header: tgl_musdesus, tgl_rapat_pendirian,
    /// tgl_akta, no_akta, tgl_sk_ahu, no_sk_ahu, tgl_nib, nib, tgl_npwp, npwp, tgl_rekening,
    /// no_rekening, status_lahan, progres_bangunan, jumlah_gerai, tgl_operasional, ...
    /// (e.g. `--map tgl_sk_ahu="Tanggal Pengesahan"`).
    #[arg(long = "map", value_name = "FIELD=HEADER")]
    map: Vec<String>,
    /// Field delimiter: `auto` (guessed from the header), `,`, `;`, `|` or `tab`.
    #[arg(long, default_value = "auto")]
    delimiter: String,
    /// Region the whole file belongs to (code like `32.71` or a kab/kota name), to resolve
    /// kecamatan names that exist in several places.
    #[arg(long)]
    region: Option<String>,
    /// For an XLSX/ODS workbook: the sheet to read, by name or 1-based number; default: the
    /// first sheet in which a header row is found.
    #[arg(long)]
    sheet: Option<String>,
    /// For a table of counts with no period column (a one-date snapshot by region, a
    /// `metric,value` summary): the period of every row, e.g. `2026-08-05`, `2024`, `2024-Q3`.
    #[arg(long)]
    period: Option<String>,
    /// Read a table with one column named by a period (`2024`) as a wide table (periods as
    /// columns); tables with two or more such columns are read as wide without it.
    #[arg(long)]
    wide: bool,
    #[command(flatten)]
    decimal: DecimalArgs,
    /// The date the register describes (its data date), e.g. `2024-12-31`, when its title
    /// does not say it (`Keadaan s/d 31 Desember 2024`): a last-RAT column then means no later
    /// RAT up to that date. Wins over the title's date.
    #[arg(long, value_name = "DATE")]
    data_as_of: Option<String>,
}

/// The `--decimal` option of every command that reads a file.
#[derive(clap::Args)]
pub(crate) struct DecimalArgs {
    /// Decimal mark of the file's numbers: `comma` (Indonesian: 1.500 = 1500, 1,5 = 1.5),
    /// `point` (English: 1,500 = 1500, 1.5 = 1.5) or `auto` (decided per column from the
    /// cells that read one way only, such as 1.500.000 or 2,5; said in the report's notes).
    /// Default: Indonesian, but a cell such as `1,500` (1.5 or 1500?) is reported as
    /// ambiguous and not read.
    #[arg(long, value_enum)]
    pub(crate) decimal: Option<DecimalArg>,
}

/// The values of `--decimal` (the core's [`koperasi::locale::DecimalMark`]).
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum DecimalArg {
    /// `,` marks decimals, `.` groups thousands (Indonesian files)
    Comma,
    /// `.` marks decimals, `,` groups thousands (English files)
    Point,
    /// Decided per column from its unambiguous cells
    Auto,
}

impl DecimalArgs {
    /// The core's option.
    pub(crate) fn mark(&self) -> Option<koperasi::locale::DecimalMark> {
        use koperasi::locale::DecimalMark;
        self.decimal.map(|d| match d {
            DecimalArg::Comma => DecimalMark::Comma,
            DecimalArg::Point => DecimalMark::Point,
            DecimalArg::Auto => DecimalMark::Auto,
        })
    }
}

#[derive(clap::Args)]
struct StatusArgs {
    /// Reference date for status and counts (e.g. 2025-06-30 or "30 Juni 2025"); default:
    /// today (WIB). Book years the file has no RAT column for are unknown, so a date later than
    /// the file's last RAT column leaves more coops "not assessable".
    #[arg(long)]
    as_of: Option<String>,
    /// Status policy: a preset or a JSON file (`koperasi policy NAME > mine.json` prints a
    /// preset to copy and edit). Presets: `national` = at least one RAT in the last 3 due book
    /// years (Kemenkop); `office` = an RAT in each of the last 2 due book years (Dinas
    /// practice); `field_verification_first` = the latest field check decides (business
    /// running or not), then the RAT rule; `permenkop_25_2015` = the regulation's wording: an
    /// RAT in each of the last 3 due book years and a running business when known (Permenkop
    /// 25/Per/M.KUKM/IX/2015 Pasal 1 angka 3). In all presets a field check that did not find
    /// the coop at its address gives "not found", unless an RAT was held after that check.
    #[arg(long, default_value = "national")]
    policy: String,
    /// Compare status policies: presets or JSON files, comma separated, e.g. `--compare
    /// national,office,permenkop_25_2015`: the counts under each, and for each pair the coops
    /// that change status, grouped by why (e.g. "RAT held for 2 of the last 3 book years").
    /// `assess` prints this instead of listing coops (`--policy` is then ignored); `report`
    /// adds it as a section for a register (table, markdown, JSON, XLSX, HTML; not its CSV).
    #[arg(long, value_delimiter = ',', value_name = "POLICIES")]
    compare: Vec<String>,
}

#[derive(clap::Args)]
struct AssessArgs {
    /// Register CSV or XLSX/ODS workbook (one row per cooperative).
    file: std::path::PathBuf,
    #[command(flatten)]
    status: StatusArgs,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(clap::Args)]
struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Labels and number separators.
    #[arg(long, value_enum, default_value_t = Locale::En)]
    locale: Locale,
    /// Write the output to this file instead of standard output (required for xlsx).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<std::path::PathBuf>,
}

#[derive(clap::Args)]
struct ReportArgs {
    /// CSV file or XLSX/ODS workbook; omit it to use the embedded East Java sample.
    file: Option<std::path::PathBuf>,
    #[command(flatten)]
    status: StatusArgs,
    /// Breakdown fields for registers, comma separated:
    /// provinsi, kab_kota, kecamatan, jenis, kelompok, bentuk, status, founding_year.
    #[arg(long, value_delimiter = ',', default_value = "kecamatan")]
    by: Vec<String>,
    /// Also draw the report's charts (totals per period and aktif/tidak aktif for a panel;
    /// counts by the breakdown and by status for a register) as one SVG file.
    #[arg(long, value_name = "OUT.svg")]
    chart: Option<std::path::PathBuf>,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// CSV file or XLSX/ODS workbook (`--sheet` chooses the sheet): a register, a table of
    /// counts, or published statements (a definition and a value column; also `.json`/`.toml`).
    #[arg(required_unless_present = "sample")]
    file: Option<std::path::PathBuf>,
    /// Check an embedded sample of published statements instead of a file:
    /// `balikpapan_statements` (the 1 February 2025 article).
    #[arg(long, value_name = "NAME", conflicts_with = "file")]
    sample: Option<String>,
    /// For published statements: the relations between definitions to check (TOML, or JSON by
    /// extension) instead of the embedded list (`identified <= found <= verified`, ...).
    #[arg(long, value_name = "FILE")]
    relations: Option<std::path::PathBuf>,
    /// For published statements: a register (CSV or XLSX/ODS) to compare them with: each
    /// statement matched, off by N, not supported by the register (with why) or not comparable.
    #[arg(long, value_name = "FILE")]
    register: Option<std::path::PathBuf>,
    /// With --register: the date of the register's figures; default: the latest date the
    /// statements describe.
    #[arg(long, value_name = "DATE", requires = "register")]
    as_of: Option<String>,
    /// With --register: status policy of `active` / `inactive` (a preset or a JSON file);
    /// default: national.
    #[arg(long, requires = "register")]
    policy: Option<String>,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(clap::Args)]
struct PolicyArgs {
    /// A preset name; omit it to list the presets.
    name: Option<String>,
    /// Language of the list and of the messages.
    #[arg(long, value_enum, default_value_t = Locale::En)]
    locale: Locale,
}

#[derive(clap::Args)]
struct WilayahArgs {
    /// A code (`64.71`, `6471`) or a name (`Balikpapan`, `KAB. MALANG`).
    query: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Language of the labels and messages.
    #[arg(long, value_enum, default_value_t = Locale::En)]
    locale: Locale,
}

/// A failure the user can fix: printed as one line with what to do, exit code 2.
struct Failure(String);

impl<E: std::fmt::Display + 'static> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure(lang::error_text(&e))
    }
}

impl Command {
    /// True when the command was given `--locale id`.
    fn indonesian(&self) -> bool {
        match self {
            Command::Report(a) => a.output.locale == Locale::Id,
            Command::Check(a) => a.output.locale == Locale::Id,
            Command::Assess(a) => a.output.locale == Locale::Id,
            Command::Wilayah(a) => a.locale == Locale::Id,
            Command::Policy(a) => a.locale == Locale::Id,
            Command::Demography(a) => a.locale == Locale::Id,
            Command::Shu(a) => a.locale == Locale::Id,
            Command::Template(a) => a.locale == Locale::Id,
            Command::Kopdes(a) => a.indonesian(),
            Command::Statements(a) => a.indonesian(),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    lang::set_indonesian(cli.command.indonesian());
    let result = match cli.command {
        Command::Report(a) => run_report(a),
        Command::Check(a) => run_check(a),
        Command::Assess(a) => run_assess(a),
        Command::Wilayah(a) => run_wilayah(a),
        Command::Policy(a) => run_policy(a),
        Command::Demography(a) => demography::run(a),
        Command::Shu(a) => shu::run(a),
        Command::Template(a) => template::run(a),
        Command::Statements(a) => publish::run(a),
        Command::Kopdes(a) => kopdes::run(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(msg)) => {
            eprintln_safe!("{}: {msg}", lang::error_word());
            ExitCode::from(2)
        }
    }
}

/// Print a command's output through [`render::print_safe`]: JSON with JSON escapes for
/// control and bidi characters (the same value), every other format with visible escapes.
fn print_output(out: &str, format: Format) {
    render::print_safe(out, format == Format::Json);
}

/// Today's civil date in WIB (UTC+7), from the system clock. Only the CLI reads the clock.
fn today_wib() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let days = (secs + 7 * 3600).div_euclid(86_400);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|d| d.checked_add_signed(chrono::Duration::days(days)))
        .unwrap_or_default()
}

fn read_options(input: &InputArgs) -> Result<ReadOptions, Failure> {
    let mut o = ReadOptions {
        decimal: input.decimal.mark(),
        ..ReadOptions::default()
    };
    if let Some(s) = &input.data_as_of {
        o.data_as_of = Some(
            koperasi::locale::parse_date(s)
                .map_err(|e| Failure(format!("--data-as-of: {}", lang::error_text(&e))))?,
        );
    }
    for m in &input.map {
        let Some((field, header)) = m.split_once('=') else {
            return Err(Failure(format!(
                "--map `{m}` must be FIELD=HEADER, e.g. --map name=\"Nama Koperasi\""
            )));
        };
        o.mapping
            .push((field.trim().to_string(), header.trim().to_string()));
    }
    o.delimiter = Some(match input.delimiter.as_str() {
        "auto" => return finish_region(o, input),
        "," => b',',
        ";" => b';',
        "tab" | "\\t" | "\t" => b'\t',
        "|" => b'|',
        other => {
            return Err(Failure(format!(
                "--delimiter `{other}` is not supported; use auto, `,`, `;`, `|` or `tab`"
            )));
        }
    });
    finish_region(o, input)
}

fn finish_region(mut o: ReadOptions, input: &InputArgs) -> Result<ReadOptions, Failure> {
    if let Some(p) = &input.period {
        o.period = Some(koperasi::stats::Period::parse(p).map_err(|e| {
            Failure(format!(
                "--period: {}; {}",
                lang::error_text(&e),
                lang::tr(
                    "give a date (2026-08-05), a month (2024-12), a quarter (2024-Q3) or a year (2024)",
                    "berikan tanggal (2026-08-05), bulan (2024-12), triwulan (2024-Q3) atau tahun (2024)"
                )
            ))
        })?);
    }
    o.wide = input.wide;
    if let Some(r) = &input.region {
        o.region = Some(match KodeWilayah::parse(r) {
            Ok(code) if table().get(&code).is_some() => code,
            Ok(code) => {
                return Err(Failure(format!(
                    "--region: no region has the code {code} in the Kemendagri 2025 table; see `koperasi wilayah {r}`"
                )));
            }
            Err(_) => match table().find_kab_kota(r, None) {
                Ok(w) => w.code,
                Err(e) => {
                    return Err(Failure(format!(
                        "--region: {}; {} (`koperasi wilayah {r}`)",
                        lang::error_text(&e),
                        lang::tr("give a code such as 32.71", "berikan kode seperti 32.71")
                    )));
                }
            },
        });
    }
    Ok(o)
}

fn parse_fields(names: &[String]) -> Result<Vec<Field>, Failure> {
    names
        .iter()
        .map(|n| {
            Field::parse(n).ok_or_else(|| {
                let known: Vec<&str> = Field::ALL.iter().map(|f| f.as_str()).collect();
                Failure(format!(
                    "--by `{n}` is not a field; use {}",
                    known.join(", ")
                ))
            })
        })
        .collect()
}

fn load_policy(p: &str) -> Result<StatusPolicy, Failure> {
    if StatusPolicy::PRESETS.contains(&p) {
        return Ok(StatusPolicy::preset(p)?);
    }
    let path = std::path::Path::new(p);
    if path.exists() {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Failure(format!("cannot read policy file {p}: {e}")))?;
        return StatusPolicy::from_json(&text)
            .map_err(|e| Failure(format!("policy file {p}: {}", lang::error_text(&e))));
    }
    Err(Failure(format!(
        "--policy `{p}` is neither a preset ({}) nor an existing JSON file",
        StatusPolicy::PRESETS.join(", ")
    )))
}

/// A file that cannot be read: the error (in the `--locale`), and where the options that may
/// help are described.
fn read_failure<E: std::fmt::Display + 'static>(e: &E, help: &str) -> Failure {
    Failure(format!(
        "{}; {} `koperasi {help} --help` {} --map, --period, --wide, --region, --delimiter {} --sheet",
        lang::error_text(e),
        lang::tr("see", "lihat"),
        lang::tr("for", "untuk"),
        lang::tr("and", "dan")
    ))
}

/// Read a CSV or a workbook (told apart by [`koperasi::io::read_input`]: first bytes or
/// extension) as a register or a panel. `help` names the command whose `--help` an error
/// message points to.
fn read_input(
    path: &std::path::Path,
    input: &InputArgs,
    options: &ReadOptions,
    help: &str,
) -> Result<koperasi::io::Table, Failure> {
    let name = path.to_string_lossy();
    koperasi::io::read_input(open(path)?, Some(&name), input.sheet.as_deref(), options)
        .map_err(|e| read_failure(&e, help))
}

/// The report on a file (CSV or workbook), by [`koperasi::report::build_report_from`].
fn report_of(
    path: &std::path::Path,
    input: &InputArgs,
    options: &ReportOptions,
    help: &str,
) -> Result<koperasi::report::Report, Failure> {
    let name = path.to_string_lossy();
    let (sheet, source) = (input.sheet.as_deref(), path.display().to_string());
    koperasi::report::build_report_from(open(path)?, Some(&name), sheet, &source, options)
        .map_err(|e| read_failure(&e, help))
}

fn open(path: &std::path::Path) -> Result<std::fs::File, Failure> {
    std::fs::File::open(path).map_err(|e| lang::cannot_open(path, &e))
}

/// The as-of date and policy of a status command.
fn status_options(a: &StatusArgs) -> Result<(NaiveDate, StatusPolicy), Failure> {
    let as_of = match &a.as_of {
        Some(s) => koperasi::locale::parse_date(s)
            .map_err(|e| Failure(format!("--as-of: {}", lang::error_text(&e))))?,
        None => today_wib(),
    };
    Ok((as_of, load_policy(&a.policy)?))
}

fn run_report(a: ReportArgs) -> Result<(), Failure> {
    let (as_of, policy) = status_options(&a.status)?;
    let mut options = ReportOptions::new(as_of);
    options.policy = policy;
    options.by = parse_fields(&a.by)?;
    options.read = read_options(&a.input)?;
    options.compare = compare_policies(&a.status, as_of)?;
    let report = match &a.file {
        Some(path) => report_of(path, &a.input, &options, "report")?,
        None => build_report(
            koperasi::samples::JATIM_PANEL_CSV.as_bytes(),
            koperasi::samples::JATIM_PANEL_SOURCE,
            &options,
        )
        .map_err(|e| read_failure(&e, "report"))?,
    };
    let l = labels::Labels::new(a.output.locale == Locale::Id);
    if matches!(report, koperasi::report::Report::Panel(_)) && !options.compare.is_empty() {
        return Err(Failure(if l.id {
            "--compare hanya untuk register (satu baris per koperasi); berkas ini memuat jumlah per wilayah dan periode".into()
        } else {
            "--compare is for registers (one row per cooperative); this file holds counts per region and period".into()
        }));
    }
    if a.output.format == Format::Csv && !options.compare.is_empty() {
        return Err(Failure(if l.id {
            "--compare tidak masuk ke CSV laporan (satu tabel); gunakan `koperasi assess BERKAS --compare ... --format csv`".into()
        } else {
            "--compare does not fit the report's CSV (one table); use `koperasi assess FILE --compare ... --format csv`".into()
        }));
    }
    if let Some(path) = &a.chart {
        output::write_file(path, chart::report_svg(&report, &l)?.as_bytes())?;
    }
    let out = match a.output.format {
        Format::Json => serde_json::to_string_pretty(&report)? + "\n",
        Format::Csv => excel_csv::finish(&l, render::report_csv(&report, &l)?),
        Format::Table => render::report_text(&report, &l, false),
        Format::Markdown => render::report_text(&report, &l, true),
        Format::Xlsx => {
            let book = sheets::report_book(&report, &l, &options.policy);
            return output::binary(&xlsx::workbook(&book)?, a.output.output.as_deref());
        }
        Format::Html => {
            let book = sheets::report_book(&report, &l, &options.policy);
            let title = if l.id {
                "Laporan koperasi"
            } else {
                "Cooperative report"
            };
            html::page(&book, title, &[chart::report_svg(&report, &l)?])
        }
    };
    output::text(
        &out,
        a.output.format == Format::Json,
        a.output.output.as_deref(),
    )
}

fn run_assess(a: AssessArgs) -> Result<(), Failure> {
    let (as_of, policy) = status_options(&a.status)?;
    let options = read_options(&a.input)?;
    let (register, read) = match read_input(&a.file, &a.input, &options, "assess")? {
        koperasi::io::Table::Register(r, read) => (r, read),
        koperasi::io::Table::Panel(..) => {
            return Err(Failure(format!(
                "{} holds counts per region and period, not one row per cooperative; use `koperasi report` for it",
                a.file.display()
            )));
        }
    };
    if !read.rejected.is_empty() {
        let (n, file) = (read.rejected.len(), a.file.display());
        if a.output.locale == Locale::Id {
            eprintln_safe!(
                "catatan: {n} baris tidak dapat dibaca; rinciannya: `koperasi check {file}`"
            );
        } else {
            eprintln_safe!(
                "note: {n} row(s) could not be read; `koperasi check {file}` lists them"
            );
        }
    }
    let l = labels::Labels::new(a.output.locale == Locale::Id);
    if !a.status.compare.is_empty() {
        return run_compare(&a, &register, as_of, &l);
    }
    let rows = koperasi::report::status_rows(&register, as_of, &policy);
    let out = match a.output.format {
        Format::Json => serde_json::to_string_pretty(&rows)? + "\n",
        Format::Csv => excel_csv::finish(&l, render::status_rows_csv(&rows, &l)?),
        Format::Table => render::status_rows_text(&rows, &l, false),
        Format::Markdown => render::status_rows_text(&rows, &l, true),
        Format::Xlsx | Format::Html => {
            let source = a.file.display().to_string();
            let book = sheets::assess_book(&rows, &l, &source, as_of, &policy);
            if a.output.format == Format::Html {
                let title = if l.id {
                    "Status koperasi"
                } else {
                    "Status of cooperatives"
                };
                html::page(&book, title, &[])
            } else {
                return output::binary(&xlsx::workbook(&book)?, a.output.output.as_deref());
            }
        }
    };
    output::text(
        &out,
        a.output.format == Format::Json,
        a.output.output.as_deref(),
    )
}

/// The policies of `--compare` (none when it is not given), checked as
/// [`koperasi::status::compare_policies`] checks them.
fn compare_policies(a: &StatusArgs, as_of: NaiveDate) -> Result<Vec<StatusPolicy>, Failure> {
    if a.compare.is_empty() {
        return Ok(Vec::new());
    }
    let policies = a
        .compare
        .iter()
        .map(|p| {
            load_policy(p.trim())
                .map_err(|Failure(m)| Failure(m.replacen("--policy", "--compare", 1)))
        })
        .collect::<Result<Vec<_>, _>>()?;
    koperasi::status::PolicyComparer::new(as_of, &policies)
        .map_err(|e| Failure(format!("--compare: {}", lang::error_text(&e))))?;
    Ok(policies)
}

/// `koperasi assess FILE --compare a,b,c`.
fn run_compare(
    a: &AssessArgs,
    register: &koperasi::register::Register,
    as_of: NaiveDate,
    l: &labels::Labels,
) -> Result<(), Failure> {
    let policies = compare_policies(&a.status, as_of)?;
    let c = koperasi::status::compare_policies(&register.records, as_of, &policies)
        .map_err(|e| Failure(format!("--compare: {}", lang::error_text(&e))))?;
    let records = &register.records;
    let out = match a.output.format {
        Format::Json => serde_json::to_string_pretty(&c)? + "\n",
        Format::Csv => render::compare::compare_csv(&c, records)?,
        Format::Table => render::compare::compare_text(&c, records, l, false),
        Format::Markdown => render::compare::compare_text(&c, records, l, true),
        Format::Xlsx | Format::Html => {
            let book = sheets::compare_book(&c, records, l, &a.file.display().to_string());
            if a.output.format == Format::Xlsx {
                return output::binary(&xlsx::workbook(&book)?, a.output.output.as_deref());
            }
            html::page(&book, l.compare_counts(), &[])
        }
    };
    output::text(
        &out,
        a.output.format == Format::Json,
        a.output.output.as_deref(),
    )
}

/// The funnel of `--register` as of `--as-of` (default: the latest date the statements
/// describe) under `--policy`, to compare statements with.
fn register_funnel(
    path: &std::path::Path,
    a: &CheckArgs,
    read: &koperasi::statements::StatementsRead,
    options: &ReportOptions,
) -> Result<koperasi::statements::Funnel, Failure> {
    let as_of = match &a.as_of {
        Some(s) => koperasi::locale::parse_date(s).map_err(|e| Failure(format!("--as-of: {e}")))?,
        None => statements_compare::default_as_of(&read.statements, today_wib()),
    };
    let policy = load_policy(a.policy.as_deref().unwrap_or("national"))?;
    match read_input(path, &a.input, &options.read, "check")? {
        koperasi::io::Table::Register(r, rr) => Ok(koperasi::statements::funnel_by(
            &r,
            as_of,
            &policy,
            &[],
            Some(&rr),
        )),
        koperasi::io::Table::Panel(..) => Err(Failure(format!(
            "--register {}: this holds counts per region and period, not one row per cooperative",
            path.display()
        ))),
    }
}

fn run_check(a: CheckArgs) -> Result<(), Failure> {
    let mut options = ReportOptions::new(today_wib());
    options.read = read_options(&a.input)?;
    let read = match (&a.sample, &a.file) {
        (Some(name), _) => Some(statements::read_sample(name, &options.read)?),
        (None, Some(f)) => statements::read_file(f, a.input.sheet.as_deref(), &options.read)?,
        (None, None) => None,
    };
    if let (Some((source, read)), Some(register)) = (&read, &a.register) {
        let funnel = register_funnel(register, &a, read, &options)?;
        return statements_compare::run(source, read, &funnel, &a.output);
    }
    if let Some((source, read)) = read {
        let relations = statements::relations(a.relations.as_deref())?;
        return statements::run(&source, &read, &relations, &a.output);
    }
    let Some(file) = &a.file else {
        return Err(Failure("give a file to check, or --sample".into()));
    };
    let report = report_of(file, &a.input, &options, "check")?;
    let l = labels::Labels::new(a.output.locale == Locale::Id);
    let out = match a.output.format {
        Format::Json => serde_json::to_string_pretty(&render::check_json(&report))? + "\n",
        Format::Csv => excel_csv::finish(&l, render::check_csv(&report, &l)?),
        Format::Table => render::check_text(&report, &l, false),
        Format::Markdown => render::check_text(&report, &l, true),
        Format::Xlsx => {
            let book = sheets::check_book(&report, &l);
            return output::binary(&xlsx::workbook(&book)?, a.output.output.as_deref());
        }
        Format::Html => {
            let title = if l.id {
                "Pemeriksaan berkas"
            } else {
                "File check"
            };
            html::page(&sheets::check_book(&report, &l), title, &[])
        }
    };
    output::text(
        &out,
        a.output.format == Format::Json,
        a.output.output.as_deref(),
    )
}

fn run_policy(a: PolicyArgs) -> Result<(), Failure> {
    match &a.name {
        Some(name) => {
            let json = StatusPolicy::preset(name)?.to_json_pretty();
            print_output(&format!("{json}\n"), Format::Json);
        }
        None => {
            let mut out = String::new();
            let l = labels::Labels::new(a.locale == Locale::Id);
            for name in StatusPolicy::PRESETS {
                let p = StatusPolicy::preset(name)?;
                out.push_str(&format!(
                    "{name}\n  {}\n  {}: {}\n\n",
                    if l.id {
                        l.policy_name(name)
                    } else {
                        p.description.clone()
                    },
                    l.policy_source(),
                    p.source
                ));
            }
            print_output(&out, Format::Table);
        }
    }
    Ok(())
}

fn run_wilayah(a: WilayahArgs) -> Result<(), Failure> {
    let hits = table().search(&a.query);
    if hits.is_empty() {
        use koperasi::wilayah::Level;
        let close: Vec<String> = [Level::Provinsi, Level::KabupatenKota, Level::Kecamatan]
            .into_iter()
            .flat_map(|level| table().suggest(&a.query, level, None))
            .take(5)
            .map(|w| format!("{} {}", w.code, w.name))
            .collect();
        let id = a.locale == Locale::Id;
        let hint = match (close.is_empty(), id) {
            (true, false) => "try a code like 35.16 or part of a name".to_string(),
            (true, true) => "coba kode seperti 35.16 atau sebagian nama".to_string(),
            (false, false) => format!("did you mean {}?", close.join(", ")),
            (false, true) => format!("mungkin maksud Anda {}?", close.join(", ")),
        };
        return Err(Failure(if id {
            format!("tidak ada wilayah yang cocok dengan `{}`; {hint}", a.query)
        } else {
            format!("no region matches `{}`; {hint}", a.query)
        }));
    }
    let out = match a.format {
        Format::Json => serde_json::to_string_pretty(&hits)? + "\n",
        Format::Csv => render::wilayah_csv(&hits)?,
        Format::Table => render::wilayah_text(&hits, false, a.locale == Locale::Id),
        Format::Markdown => render::wilayah_text(&hits, true, a.locale == Locale::Id),
        Format::Xlsx | Format::Html => {
            return Err(Failure(if a.locale == Locale::Id {
                "wilayah tidak punya keluaran xlsx atau html; pakai --format table, csv atau json"
                    .into()
            } else {
                "wilayah has no xlsx or html output; use --format table, csv or json".into()
            }));
        }
    };
    print_output(&out, a.format);
    Ok(())
}
