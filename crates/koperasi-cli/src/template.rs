//! `koperasi template register|kopdes`: a blank register for an office to fill, which `koperasi
//! report` (or `koperasi kopdes stages|readiness` for `kopdes`) then reads with every column
//! recognised.
//!
//! The columns come from the core ([`koperasi::io::template::template_columns`]), so the
//! template and the reader cannot drift. The workbook is built by the core
//! ([`koperasi::io::template_xlsx`], shared with Python and JavaScript); it has:
//! - a first sheet "Daftar Koperasi" / "Register": the headers (bold, frozen with the name
//!   column), one example row in grey italics whose name starts with `CONTOH (hapus baris
//!   ini)`, columns sized, identifier and date columns formatted as text (a 16-digit NIK keeps
//!   its digits; `03/04/2025` stays 3 April whatever the computer's date setting), and on every
//!   data row a drop-down list for each column with choices (bentuk, jenis, kelompok, pola,
//!   yes/no, office status, dissolved by), whole-number checks for counts and years, a range
//!   check for coordinates, and an input hint on each column;
//! - a second sheet "Petunjuk" / "Instructions": each column with what to write, its values and
//!   its example, then the date forms read and how to use the file.
//!
//! `kopdes` is the register of Koperasi Desa/Kelurahan Merah Putih: the id, name, NIK and place
//! columns, then a column per stage ([`koperasi::io::template_kopdes`]).
//!
//! `--format csv` writes the header line only (`;` and a byte-order mark under `--locale id`,
//! as the Excel CSV of the other commands); `--format json` the columns as data.

use crate::excel_csv::BOM;
use crate::{Failure, Locale, output};
use koperasi::io::template::{TemplateColumn, template_columns};
use koperasi::io::template_kopdes::template_kopdes_columns;
use koperasi::io::template_xlsx::{template_kopdes_xlsx, template_register_xlsx};

/// The arguments of `koperasi template`.
#[derive(clap::Args)]
pub struct TemplateArgs {
    /// What to write a template of: `register` (one row per cooperative) or `kopdes` (one row
    /// per Koperasi Desa/Kelurahan Merah Putih, with its stages).
    #[arg(value_enum)]
    kind: TemplateKind,
    /// `xlsx` (a workbook with lists, an example row and instructions; needs `-o FILE`),
    /// `csv` (the header line only) or `json` (the columns as data: header, field, kind,
    /// choices, descriptions, example).
    #[arg(long, value_enum, default_value_t = TemplateFormat::Xlsx)]
    format: TemplateFormat,
    /// Language of the sheet names and instructions (the headers are the reader's Indonesian
    /// headers in both).
    #[arg(long, value_enum, default_value_t = Locale::En)]
    pub(crate) locale: Locale,
    /// The book year of the example RAT column (`RAT 2025`); default: last year (WIB).
    #[arg(long, value_name = "YEAR")]
    rat_year: Option<i32>,
    /// Write the template to this file (required for xlsx).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<std::path::PathBuf>,
}

/// The templates there are.
#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq)]
enum TemplateKind {
    /// A register: one row per cooperative.
    Register,
    /// A KDMP/KKMP register: one row per coop, a column per stage.
    Kopdes,
}

/// The formats of a template.
#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq)]
enum TemplateFormat {
    /// An Excel workbook.
    Xlsx,
    /// The CSV header line.
    Csv,
    /// The columns as JSON ([`TemplateColumn`]).
    Json,
}

/// `koperasi template register`.
pub fn run(a: TemplateArgs) -> Result<(), Failure> {
    use chrono::Datelike;
    use koperasi::locale::{MAX_YEAR, MIN_YEAR};
    let id = a.locale == Locale::Id;
    let year = a.rat_year.unwrap_or_else(|| crate::today_wib().year() - 1);
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(Failure(if id {
            format!("--rat-year {year} bukan tahun buku ({MIN_YEAR}..={MAX_YEAR})")
        } else {
            format!("--rat-year {year} is not a book year ({MIN_YEAR}..={MAX_YEAR})")
        }));
    }
    if a.format == TemplateFormat::Xlsx && a.output.is_none() {
        return Err(Failure(if id {
            "templat xlsx adalah berkas, bukan teks: berikan nama berkasnya dengan -o, mis. -o register.xlsx".into()
        } else {
            "the xlsx template is a file, not text: give its name with -o, e.g. -o register.xlsx"
                .into()
        }));
    }
    let cols = match a.kind {
        TemplateKind::Register => template_columns(year),
        TemplateKind::Kopdes => template_kopdes_columns(),
    };
    match a.format {
        TemplateFormat::Csv => output::text(&header_csv(&cols, id)?, false, a.output.as_deref()),
        TemplateFormat::Xlsx => {
            let bytes = match a.kind {
                TemplateKind::Register => template_register_xlsx(year, id),
                TemplateKind::Kopdes => template_kopdes_xlsx(id),
            }
            .map_err(|e| Failure(e.to_string()))?;
            output::binary(&bytes, a.output.as_deref())
        }
        TemplateFormat::Json => {
            let json = serde_json::to_string_pretty(&cols)? + "\n";
            output::text(&json, true, a.output.as_deref())
        }
    }
}

/// The header line as CSV: plain under `en`; `;` after a byte-order mark under `id`.
fn header_csv(cols: &[TemplateColumn], id: bool) -> Result<String, Failure> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(if id { b';' } else { b',' })
        .from_writer(Vec::new());
    w.write_record(cols.iter().map(|c| c.header.as_str()))?;
    let bytes = w.into_inner().map_err(|e| Failure(e.to_string()))?;
    let line = String::from_utf8(bytes)?;
    Ok(if id { format!("{BOM}{line}") } else { line })
}
