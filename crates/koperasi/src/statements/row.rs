//! One row of a statements table as a [`Statement`], or the reason it cannot be one.

use super::{Definition, StatedValue, Statement};
use crate::io::Rejection;
use crate::locale::{parse_count, parse_date, parse_decimal};
use crate::stats::period::Period;

/// The fields of a statements table with their synonyms (normalised headers, best first).
pub(crate) const FIELDS: &[(&str, &[&str])] = &[
    ("id", &["id", "no_pernyataan", "kode"]),
    (
        "said_on",
        &[
            "said_on",
            "tanggal",
            "tanggal_pernyataan",
            "tanggal_terbit",
            "date",
            "published",
        ],
    ),
    (
        "describes",
        &["describes", "periode", "keadaan", "per", "period", "as_of"],
    ),
    ("region", &["region", "wilayah", "kabupaten_kota", "daerah"]),
    ("definition", &["definition", "definisi", "jenis_angka"]),
    ("policy", &["policy", "kebijakan"]),
    ("book_year", &["book_year", "tahun_buku"]),
    ("breakdown", &["breakdown", "rincian"]),
    (
        "breakdown_dimension",
        &["breakdown_dimension", "rincian_dimensi", "dimensi"],
    ),
    (
        "breakdown_value",
        &["breakdown_value", "rincian_nilai", "nilai_rincian"],
    ),
    ("value", &["value", "nilai", "jumlah", "angka"]),
    ("percent_of", &["percent_of", "persen_dari"]),
    (
        "stated_change",
        &["stated_change", "perubahan", "pertumbuhan", "change"],
    ),
    ("change_from", &["change_from", "sejak", "dari_periode"]),
    ("source", &["source", "sumber"]),
    ("quote", &["quote", "kutipan"]),
];

/// The cells of one row by field.
struct Cells<'a> {
    headers: &'a [String],
    fields: &'a [Option<String>],
    cells: &'a [String],
    line: u64,
}

impl Cells<'_> {
    /// (header, trimmed text) of `field`, `None` when absent or empty.
    fn get<'s>(&'s self, field: &'s str) -> Option<(&'s str, &'s str)> {
        let i = self
            .fields
            .iter()
            .position(|f| f.as_deref() == Some(field))?;
        let text = self.cells.get(i)?.trim();
        let header = self.headers.get(i).map_or(field, String::as_str);
        (!text.is_empty()).then_some((header, text))
    }

    fn text(&self, field: &str) -> Option<String> {
        self.get(field).map(|(_, t)| t.to_string())
    }

    fn reject(&self, field: &str, code: &str, reason: String) -> Box<Rejection> {
        let (column, value) = match self.get(field) {
            Some((h, t)) => (Some(h.to_string()), Some(t.to_string())),
            None => (Some(field.to_string()), None),
        };
        Box::new(Rejection {
            line: self.line,
            column,
            value,
            code: code.to_string(),
            reason,
            fields: Vec::new(),
            cell: None,
        })
    }

    /// `parse` applied to `field` when it is filled; its error rejects the row.
    fn parsed<T>(
        &self,
        field: &str,
        parse: impl Fn(&str) -> Result<T, (&'static str, String)>,
    ) -> Result<Option<T>, Box<Rejection>> {
        match self.get(field) {
            None => Ok(None),
            Some((_, t)) => parse(t)
                .map(Some)
                .map_err(|(code, why)| self.reject(field, code, why)),
        }
    }
}

fn date(t: &str) -> Result<chrono::NaiveDate, (&'static str, String)> {
    parse_date(t).map_err(|e| (e.code(), e.to_string()))
}

fn period(t: &str) -> Result<Period, (&'static str, String)> {
    match Period::parse(t) {
        Ok(p) => Ok(p),
        // A date-shaped text says why it is not a date (`1/2/20245`: the year).
        Err(e) => match parse_date(t) {
            Err(d @ crate::error::DateError::Invalid { .. }) => Err((d.code(), d.to_string())),
            _ => Err(("bad_period", e.to_string())),
        },
    }
}

fn count(t: &str) -> Result<i64, (&'static str, String)> {
    parse_count(t)
        .ok()
        .and_then(|n| i64::try_from(n).ok())
        .ok_or_else(|| ("bad_count", format!("`{t}` is not a count of cooperatives")))
}

/// A signed whole number: `9`, `+9`, `-3`, `−3`.
fn signed(t: &str) -> Result<i64, (&'static str, String)> {
    let t = t.trim();
    match t.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => count(rest.trim()).map(|n| -n),
        None => count(t.strip_prefix('+').unwrap_or(t).trim()),
    }
}

/// `438` is a count; `70 %`, `70%`, `70 persen`, `70 percent`, `69,7 %` a percentage.
pub(crate) fn stated_value(t: &str) -> Result<StatedValue, (&'static str, String)> {
    let lower = t.trim().to_lowercase();
    let pct = ["%", "persen", "percent"]
        .iter()
        .find_map(|suffix| lower.strip_suffix(suffix));
    match pct {
        Some(num) => parse_decimal(num.trim())
            .ok()
            .map(|d| d.to_f64())
            .filter(|x| x.is_finite())
            .map(StatedValue::Percent)
            .ok_or_else(|| ("bad_rate", format!("`{t}` is not a percentage"))),
        None => count(t).map(StatedValue::Count),
    }
}

/// `jenis=Konsumen`, `kecamatan: Balikpapan Kota`.
fn breakdown(t: &str) -> Result<(String, String), (&'static str, String)> {
    t.split_once(['=', ':'])
        .map(|(d, v)| (d.trim().to_string(), v.trim().to_string()))
        .filter(|(d, v)| !d.is_empty() && !v.is_empty())
        .ok_or_else(|| {
            (
                "bad_breakdown",
                format!("`{t}` is not `dimension=value` (e.g. `jenis=Konsumen`)"),
            )
        })
}

/// The statement of one row, or why the row is rejected (without its cells: the caller adds
/// them).
pub(crate) fn statement_from_row(
    headers: &[String],
    fields: &[Option<String>],
    cells: &[String],
    line: u64,
) -> Result<Statement, Box<Rejection>> {
    let c = Cells {
        headers,
        fields,
        cells,
        line,
    };
    let definition = c
        .text("definition")
        .map(|t| Definition::parse(&t))
        .ok_or_else(|| {
            c.reject(
                "definition",
                "missing_definition",
                "no definition: what the figure counts".into(),
            )
        })?;
    let value = c
        .parsed("value", stated_value)?
        .ok_or_else(|| c.reject("value", "missing_value", "no figure in the row".into()))?;
    let breakdown = match c.parsed("breakdown", breakdown)? {
        Some(b) => Some(b),
        None => match (c.text("breakdown_dimension"), c.text("breakdown_value")) {
            (Some(d), Some(v)) => Some((d, v)),
            _ => None,
        },
    };
    Ok(Statement {
        id: c.text("id").unwrap_or_else(|| line.to_string()),
        said_on: c.parsed("said_on", date)?,
        describes: c.parsed("describes", period)?,
        region: c.text("region"),
        definition,
        policy: c.text("policy"),
        book_year: c.parsed("book_year", |t| {
            count(t).and_then(|n| i32::try_from(n).map_err(|e| ("rat_year_invalid", e.to_string())))
        })?,
        breakdown,
        value,
        percent_of: c.text("percent_of").map(|t| Definition::parse(&t)),
        stated_change: c.parsed("stated_change", signed)?,
        change_from: c.parsed("change_from", period)?,
        source: c.text("source"),
        quote: c.text("quote"),
        line: Some(line),
    })
}
