//! `koperasi statements REGISTER --as-of DATE [-o statements.csv]`: the figures a register
//! supports as of a date (its funnel of definitions), as the statements an office can publish
//! ([`koperasi::statements::Funnel::to_statements`]), in the layout `koperasi check` reads.

use crate::labels::Labels;
use crate::{Failure, Format, InputArgs, Locale, output, render};
use koperasi::register::Field;

/// Arguments of `koperasi statements`.
#[derive(clap::Args)]
pub struct StatementsArgs {
    /// Register CSV or XLSX/ODS workbook (one row per cooperative).
    file: std::path::PathBuf,
    /// The date the figures describe (e.g. 2025-02-01 or "1 Februari 2025").
    #[arg(long)]
    as_of: String,
    /// Status policy of `active` / `inactive`: a preset or a JSON file (see `koperasi report
    /// --help`).
    #[arg(long, default_value = "national")]
    policy: String,
    /// The date the statements are said (published); default: the as-of date.
    #[arg(long, value_name = "DATE")]
    said_on: Option<String>,
    /// Also the figures of each part, comma separated: kecamatan, jenis, desa, kelompok,
    /// bentuk, founding_year, kab_kota, provinsi (parts sum to the total; the records that do
    /// not say are the part `tidak diketahui`).
    #[arg(long, value_delimiter = ',')]
    by: Vec<String>,
    /// Output format: csv (the statements, in the layout `koperasi check` reads), json (the
    /// funnel and the statements), table or markdown (the funnel, with what each figure rests
    /// on). Default: csv with `-o`, else table.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Labels and number separators of the table.
    #[arg(long, value_enum, default_value_t = Locale::En)]
    locale: Locale,
    /// Write the output to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<std::path::PathBuf>,
    #[command(flatten)]
    input: InputArgs,
}

/// The JSON output: the funnel and the statements it gives.
#[derive(serde::Serialize)]
struct Output<'a> {
    funnel: &'a koperasi::statements::Funnel,
    statements: &'a [koperasi::statements::Statement],
}

/// Run `koperasi statements`.
pub fn run(a: StatementsArgs) -> Result<(), Failure> {
    let date = |flag: &str, s: &str| {
        koperasi::locale::parse_date(s).map_err(|e| Failure(format!("{flag}: {e}")))
    };
    let as_of = date("--as-of", &a.as_of)?;
    let said_on = match &a.said_on {
        Some(s) => date("--said-on", s)?,
        None => as_of,
    };
    let policy = crate::load_policy(&a.policy)?;
    let by: Vec<Field> = crate::parse_fields(&a.by)?;
    let options = crate::read_options(&a.input)?;
    let (register, read) = match crate::read_input(&a.file, &a.input, &options, "statements")? {
        koperasi::io::Table::Register(r, read) => (r, read),
        koperasi::io::Table::Panel(..) => {
            return Err(Failure(format!(
                "{} holds counts per region and period, not one row per cooperative: the statements are derived from a register",
                a.file.display()
            )));
        }
    };
    let funnel = koperasi::statements::funnel_by(&register, as_of, &policy, &by, Some(&read));
    let region = options.region.map(|c| {
        koperasi::wilayah::table()
            .get(&c)
            .map_or_else(|| c.to_string(), |w| format!("{} {}", w.code, w.name))
    });
    let statements = funnel.to_statements(said_on, region.as_deref());
    let l = Labels::new(a.locale == Locale::Id);
    let format = a.format.unwrap_or(if a.output.is_some() {
        Format::Csv
    } else {
        Format::Table
    });
    let out = match format {
        Format::Csv => {
            let mut buf = Vec::new();
            koperasi::statements::write_statements_csv(&statements, &mut buf)?;
            String::from_utf8(buf)?
        }
        Format::Json => {
            let o = Output {
                funnel: &funnel,
                statements: &statements,
            };
            serde_json::to_string_pretty(&o)? + "\n"
        }
        Format::Table | Format::Markdown => {
            render::funnel::funnel_text(&funnel, statements.len(), &l, format == Format::Markdown)
        }
        Format::Xlsx | Format::Html => {
            return Err(Failure(
                "statements has no xlsx or html output; use --format csv, json, table or markdown"
                    .into(),
            ));
        }
    };
    output::text(&out, format == Format::Json, a.output.as_deref())
}
